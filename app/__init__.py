"""Pressroom: write and check press releases of EU-funded projects.

Layout (the pure core imports nothing from Flask):
    app.core      document model and readers (TXT, MD, DOCX)
    app.engine    rules as data, configuration, the linter
    app.checks    Python checks named by rule files, one concern per module
    app.output    text / JSON / SARIF reports
    app.release   release model, validation and the DOCX renderer
    app.cli       the `pressroom` command (thin shell)
    app.web       the Flask app (thin shell)
"""
from pathlib import Path

__version__ = "0.1.0"

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RULES_DIR = PROJECT_ROOT / "rules"
TEMPLATES_DIR = PROJECT_ROOT / "templates"
