"""Reports: text for people, JSON (a stable contract) and SARIF 2.1.0 for CI systems."""
from app.output.jsonfmt import to_json_dict
from app.output.sarif import to_sarif
from app.output.text import format_text

__all__ = ["to_json_dict", "to_sarif", "format_text"]
