"""The JSON contract (version 1), documented in README."""
from __future__ import annotations

from app.engine.linter import LintResult

JSON_VERSION = 1


def file_dict(result: LintResult, path: str | None = None, lang: str = "en") -> dict:
    """One file of the contract; finding messages in lang (``ru``/``en``, English when untranslated)."""
    doc = result.document
    return {
        "path": path or doc.path,
        "language": doc.language,
        "findings": [f.to_dict(doc, lang) for f in result.findings],
        "summary": result.summary(),
    }


def to_json_dict(results: list[LintResult], errors: list[dict] = (), notices: list[str] = (),
                 lang: str = "en") -> dict:
    out = {"version": JSON_VERSION, "files": [file_dict(r, lang=lang) for r in results]}
    if errors:
        out["errors"] = list(errors)
    if notices:
        out["notices"] = list(notices)
    return out
