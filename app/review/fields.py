"""The release's fields as the review sees them: ``(field id, text)`` pairs with the web form's field
ids (``headline``, ``lead``, ``body``, ``quotes-0-text``, ``contacts-1-email``), so a comment or a
proposed change points at the same field the author edits.

Multi-paragraph fields (``body``, ``background``) are one text with the paragraphs separated by an
empty line, exactly as the form shows them. Pure: no Flask.
"""
from __future__ import annotations

import copy
import re
from decimal import Decimal
from typing import Any

# Fields a reviewer may comment on and propose a replacement for (free text, in form order).
TOP = ("label", "headline", "subheadline", "lead", "body", "background", "organisation", "boilerplate", "city")
SUBS = {"quotes": ("speaker", "position", "text"),
        "projects": ("name", "organisations"),
        "contacts": ("name", "role", "organisation", "phone", "email")}
# Every field shown in a diff (besides the text fields): the facts a reviewer also checks.
FACTS_TOP = ("language", "date", "embargo_date", "embargo_time")
FACTS_SUBS = {"projects": ("start", "end", "total_budget", "eu_contribution", "currency", "funding")}
MULTI = ("body", "background")  # paragraphs separated by an empty line
LINES = ("organisations",)  # one item per line
ORDER = ("language", "date", "city", "label", "embargo_date", "embargo_time", "headline", "subheadline", "lead",
         "body", "quotes", "background", "projects", "contacts", "organisation", "boilerplate")
_FID = re.compile(r"^(quotes|projects|contacts)-(\d{1,3})-(\w+)$")
_PARA_SPLIT = re.compile(r"\n[ \t\r]*\n")


def _txt(v: Any) -> str:
    if v is None or isinstance(v, bool):
        return ""
    if isinstance(v, (int, float, Decimal)):
        d = Decimal(str(v))
        return f"{int(d):,}".replace(",", " ") if d == d.to_integral_value() else str(v)
    return v if isinstance(v, str) else str(v)


def _list(v: Any) -> list:
    return v if isinstance(v, list) else []


def field_texts(payload: dict, facts: bool = False) -> list[tuple[str, str]]:
    """``[(field id, text)]`` of every non-empty text field in form order; with ``facts`` also dates,
    amounts, currency and funding (for diffs)."""
    p = payload if isinstance(payload, dict) else {}
    vals: dict[str, str] = {}
    for k in TOP:
        if k in MULTI:
            vals[k] = "\n\n".join(_txt(x).strip() for x in _list(p.get(k)) if _txt(x).strip())
        else:
            vals[k] = _txt(p.get(k))
    if facts:
        emb = p.get("embargo") if isinstance(p.get("embargo"), dict) else {}
        vals.update(language=_txt(p.get("language")), date=_txt(p.get("date")),
                    embargo_date=_txt(emb.get("date")), embargo_time=_txt(emb.get("time")))
    out: list[tuple[str, str]] = []
    for name in ORDER:
        if name in SUBS:
            keys = SUBS[name] + (FACTS_SUBS.get(name, ()) if facts else ())
            for i, entry in enumerate(_list(p.get(name))):
                if not isinstance(entry, dict):
                    continue
                for k in keys:
                    v = entry.get(k)
                    text = "\n".join(_txt(x) for x in _list(v)) if k in LINES else _txt(v)
                    if text:
                        out.append((f"{name}-{i}-{k}", text))
        elif vals.get(name):
            out.append((name, vals[name]))
    return out


def field_text(payload: dict, fid: str) -> str | None:
    """The text of one field (None: no such field in this payload)."""
    return dict(field_texts(payload, facts=True)).get(fid)


def is_text_field(fid: str) -> bool:
    m = _FID.match(fid or "")
    if m:
        return m.group(3) in SUBS.get(m.group(1), ())
    return fid in TOP


def paragraphs(text: str) -> list[str]:
    return [x.strip() for x in _PARA_SPLIT.split((text or "").replace("\r\n", "\n")) if x.strip()]


def set_field(payload: dict, fid: str, text: str) -> dict:
    """A copy of ``payload`` with the text field ``fid`` set to ``text`` (ValueError: not a text field
    of this payload). Body and background are split into paragraphs at empty lines; organisations
    into lines; other fields are one line."""
    if not is_text_field(fid):
        raise ValueError(f"not a text field: {fid}")
    p = copy.deepcopy(payload) if isinstance(payload, dict) else {}
    m = _FID.match(fid)
    if m:
        name, i, k = m.group(1), int(m.group(2)), m.group(3)
        entries = p.get(name)
        if not isinstance(entries, list) or i >= len(entries) or not isinstance(entries[i], dict):
            raise ValueError(f"no such field: {fid}")
        if k in LINES:
            items = [x.strip() for x in text.split("\n") if x.strip()]
            if items:
                entries[i][k] = items
            else:
                entries[i].pop(k, None)
        else:
            one = " ".join(text.split())
            if one:
                entries[i][k] = one
            else:
                entries[i].pop(k, None)
        return p
    if fid in MULTI:
        paras = [" ".join(x.split()) for x in paragraphs(text)]
        if paras:
            p[fid] = paras
        else:
            p.pop(fid, None)
        return p
    one = " ".join(text.split())
    if one:
        p[fid] = one
    else:
        p.pop(fid, None)
    return p
