"""The official EU visibility texts (funding statement, disclaimer, boilerplate) as data.

The wordings live in ``templates/texts/<lang>.yml`` with their sources, so they can be corrected
without code changes. The linter (structure / visibility checks) and the DOCX renderer both read
them through this module::

    from app.core import eu_texts
    eu_texts.disclaimer("ru", "ОФ «Центр исследования правовой политики» (LPRC)")
    eu_texts.funding_statement("en", cofunded=True)
    eu_texts.patterns("ru", "disclaimer")   # compiled regexes accepted as that part
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any


from app import TEMPLATES_DIR
from app.diskcache import DataFileError, load_yaml
from app.errors import RuleError

TEXTS_DIR = TEMPLATES_DIR / "texts"
LANGUAGES = ("ru", "en")


@lru_cache(maxsize=None)
def texts(language: str) -> dict[str, Any]:
    """The raw data of templates/texts/<language>.yml (English when the language has no file)."""
    lang = language if language in LANGUAGES else "en"
    path = TEXTS_DIR / f"{lang}.yml"
    try:
        data = load_yaml(path)  # kept in the disk cache (issue 13)
    except (OSError, DataFileError) as e:
        raise RuleError(f"{path}: cannot read the EU texts: {e}") from None
    if not isinstance(data, dict):
        raise RuleError(f"{path}: the EU texts file must be a mapping")
    return data


def _fill(template: str, organisation: str | None, placeholder: str) -> str:
    return " ".join(template.replace("{organisation}", organisation or placeholder).split())


def disclaimer(language: str, organisation: str | None = None) -> str:
    """The official disclaimer, filled with ``organisation`` (a visible placeholder when None)."""
    d = texts(language)["disclaimer"]
    return _fill(d["text"], organisation, d.get("placeholder", "<name>"))


def funding_statement(language: str, cofunded: bool = False, short: bool = False) -> str:
    d = texts(language)["cofunding_statement" if cofunded else "funding_statement"]
    return " ".join((d["short"] if short else d["text"]).split())


def boilerplate(language: str) -> str:
    return " ".join(texts(language)["boilerplate"]["text"].split())


def boilerplate_heading(language: str) -> str:
    return texts(language)["boilerplate"]["heading"]


def source(language: str, key: str) -> str:
    return texts(language)[key].get("source", "")


def member_states(language: str = "en") -> int:
    return int(texts(language).get("member_states", 27))


@lru_cache(maxsize=None)
def patterns(language: str, key: str) -> tuple[re.Pattern, ...]:
    """Compiled (case-insensitive, multi-line) patterns accepted as part ``key`` of a release."""
    raw = (texts(language).get("patterns") or {}).get(key) or []
    try:
        return tuple(re.compile(p, re.I | re.M) for p in raw)
    except re.error as e:
        raise RuleError(f"templates/texts/{language}.yml: patterns.{key}: {e}") from None
