"""Glue between the web pages and the linter core: format detection, linting, highlighting."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.core.readers import read_bytes, sniff
from app.engine.config import Config, load_config
from app.engine.finding import CATEGORIES, SEVERITIES, Finding
from app.engine.lintcache import cached_lint
from app.engine.linter import LintResult
from app.errors import InputError, OverBudget

__all__ = ["OverBudget", "TooLong", "lint_bytes"]


class TooLong(InputError):
    """A draft with more text than the web app checks (MAX_TEXT_CHARS)."""

_MD_SIGNALS = (
    re.compile(r"(?m)^#{1,6}\s+\S"),              # headings
    re.compile(r"\*\*[^*\n]++\*\*|__[^_\n]++__"),    # bold
    re.compile(r"\[[^\[\]\n]++\]\([^)\s]++\)"),      # links (linear: a "[" never scans past the next "[")
    re.compile(r"(?m)^```"),                       # code fences
    re.compile(r"(?m)^>\s+\S"),                    # block quotes
    re.compile(r"<!--\s*pressroom-"),              # suppression comments
)
_IMAGE_MAGIC = {
    b"\x89PNG\r\n\x1a\n": _l("a PNG image"), b"\xff\xd8\xff": _l("a JPEG image"), b"GIF8": _l("a GIF image"),
    b"RIFF": _l("an image or media file"), b"\x1f\x8b": _l("a gzip archive"), b"7z\xbc\xaf": _l("a 7-Zip archive"),
    b"Rar!": _l("a RAR archive"), b"\x7fELF": _l("a program"), b"MZ": _l("a Windows program"),
}


def looks_like_markdown(text: str) -> bool:
    sample = text[:200_000]
    hits = sum(1 for rx in _MD_SIGNALS if rx.search(sample))
    return hits >= 2 or bool(_MD_SIGNALS[0].search(sample) and len(_MD_SIGNALS[0].findall(sample)) >= 2)


def detect_format(data: bytes, name: str) -> str:
    """docx, md or txt, by content (the file name only breaks a tie between MD and TXT)."""
    kind = sniff(data)
    if kind == "zip":
        return "docx"
    if kind is None:
        for magic, what in _IMAGE_MAGIC.items():
            if data.startswith(magic):
                raise InputError(_("%(name)s: this is %(what)s, not a draft; upload DOCX, TXT or MD", name=name, what=what))
    if kind is not None:
        return "txt"  # read_bytes explains PDF, RTF, legacy Word
    head = data[:200_000].decode("utf-8", "ignore")
    if Path(name).suffix.lower() in (".md", ".markdown") or looks_like_markdown(head):
        return "md"
    return "txt"


@lru_cache(maxsize=4)
def _config_for(path: str | None) -> Config:
    return load_config(path) if path else Config()


def web_config() -> Config:
    path = current_app.config.get("PRESSROOM_CONFIG")
    if not path:
        candidate = Path(current_app.instance_path) / "pressroom.toml"
        path = str(candidate) if candidate.is_file() else None
    return _config_for(path)


def checking_config() -> Config:
    """The configuration web checks run with: the site's pressroom.toml plus the organisation's
    dictionary (words added with "Add to dictionary")."""
    from app.web.dictionary import with_dictionary

    return with_dictionary(web_config())


def message_lang(requested: str | None = None) -> str:
    """The language of finding messages: ``requested`` when it is ru/en, else the UI language."""
    if requested in ("ru", "en"):
        return requested
    from flask_babel import get_locale

    return "ru" if str(get_locale() or "en").lower().startswith("ru") else "en"


def lint_bytes(data: bytes, name: str, language: str = "auto", fmt: str | None = None) -> LintResult:
    """Read and lint a draft; InputError with a user-facing message when it cannot be read."""
    if not data or not data.strip():
        raise InputError(_("%(name)s: the draft is empty", name=name))
    import time

    budget = float(current_app.config.get("LINT_TIME_BUDGET") or 0)
    start = time.monotonic()
    fmt = fmt or detect_format(data, name)
    doc = read_bytes(data, name, fmt, language if language in ("ru", "en") else "auto")
    limit = int(current_app.config.get("MAX_TEXT_CHARS") or 0)
    if limit and len(doc.text) > limit:
        raise TooLong(_("%(name)s: the draft has %(n)s characters of text; the web app checks drafts of up to "
                        "%(limit)s (check longer ones with `pressroom lint`)", name=name, n=len(doc.text), limit=limit))
    config = checking_config()
    try:
        # from the process's cache where the draft (or some of its paragraphs) was checked before
        return cached_lint(doc, config, deadline=start + budget if budget else None)
    except OverBudget:
        raise OverBudget(_("%(name)s: checking this draft took longer than %(s)s seconds and was stopped; "
                           "check it in parts, or with `pressroom lint`", name=name, s=f"{budget:g}")) from None


# ----- highlighting ----------------------------------------------------------------------------
@dataclass
class Segment:
    text: str
    ids: list[int] = field(default_factory=list)       # findings covering this text
    markers: list[int] = field(default_factory=list)   # zero-length findings just before it
    first: list[int] = field(default_factory=list)     # findings that start here (anchor target)
    related: list[int] = field(default_factory=list)   # findings that name this text as a related place


def highlight(text: str, findings: list[Finding]) -> list[Segment]:
    """Cut text at every finding boundary; each piece knows which findings cover it."""
    n = len(text)
    points = {0, n}
    rel_spans: list[tuple[int, int, int]] = []
    for i, f in enumerate(findings):
        points.add(min(max(f.offset, 0), n))
        points.add(min(max(f.end, 0), n))
        for o, ln in getattr(f, "related", ()) or ():
            a, b = min(max(o, 0), n), min(max(o + ln, 0), n)
            if b > a:
                points.update((a, b))
                rel_spans.append((a, b, i))
    bounds = sorted(points)
    starts: dict[int, list[int]] = {}
    zero: dict[int, list[int]] = {}
    for i, f in enumerate(findings):
        o = min(max(f.offset, 0), n)
        (starts if f.length > 0 else zero).setdefault(o, []).append(i)
    active: set[int] = set()
    segs: list[Segment] = []
    for k, a in enumerate(bounds):
        b = bounds[k + 1] if k + 1 < len(bounds) else None
        active = {i for i in active if min(findings[i].end, n) > a}
        new = starts.get(a, [])
        active.update(new)
        if b is None:
            if zero.get(a):
                segs.append(Segment("", [], zero[a], []))
            break
        segs.append(Segment(text[a:b], sorted(active), zero.get(a, []), list(new),
                            sorted({i for ra, rb, i in rel_spans if ra <= a and b <= rb})))
    return segs


def top_severity(findings: list[Finding], ids: list[int]) -> str:
    for s in SEVERITIES:
        if any(findings[i].severity == s for i in ids):
            return s
    return "info"


def grouped(findings: list[Finding]) -> list[tuple[str, list[tuple[str, list[tuple[int, Finding]]]]]]:
    """[(severity, [(category, [(index, finding)])])] in severity order, categories in fixed order."""
    out = []
    for sev in SEVERITIES:
        cats = []
        for cat in CATEGORIES + tuple(sorted({f.category for f in findings} - set(CATEGORIES))):
            items = [(i, f) for i, f in enumerate(findings) if f.severity == sev and f.category == cat]
            if items:
                cats.append((cat, items))
        if cats:
            out.append((sev, cats))
    return out
