"""Plain text and Markdown drafts."""
from __future__ import annotations

import re
import unicodedata

from app.core.document import Block, Document, Suppression
from app.errors import InputError

_SUPPRESS = re.compile(r"<!--\s*pressroom-(disable|enable)\s*([^>]*?)\s*-->")


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1251."""
    if data.startswith(b"\xef\xbb\xbf"):
        enc, body = "utf-8-sig", data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        enc, body = "utf-16", data
    else:
        enc, body = "utf-8", data
    if enc == "utf-8" and b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file, not a text draft")
    try:
        text = body.decode("utf-16") if enc == "utf-16" else body.decode("utf-8")
    except UnicodeDecodeError:
        if enc != "utf-8":
            raise InputError(f"{name}: text is not valid {enc.upper()}; the file may be corrupted") from None
        text = _decode_legacy(data, name)
        enc = "cp1251"
    if text.startswith("\ufeff"):
        text = text[1:]
    _refuse_garbage(text, name)
    if not text.strip():
        raise InputError(f"{name}: file is empty")
    return text, enc


# Windows-1251 characters that almost never occur in Russian or English text.
_RARE_1251 = set("ЂЃѓЉЊЌЋЏђљњќћџЎўЈјЅѕ‚‡†‰‹›¤¦¬µ¶")


def _decode_legacy(data: bytes, name: str) -> str:
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        raise InputError(f"{name}: unknown text encoding (not UTF-8, UTF-16 or Windows-1251)") from None
    letters = [c for c in text if c.isalpha()]
    if letters:
        cyr = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
        lat = sum(1 for c in letters if c.isascii())
        if (cyr + lat) / len(letters) < 0.9:
            raise InputError(f"{name}: unknown text encoding (not UTF-8, UTF-16 or Windows-1251)")
    # Bytes of another encoding read as Windows-1251 give words of random case ("ЏОЊк").
    rare = sum(1 for c in text if c in _RARE_1251)
    words = re.findall(r"[^\W\d_]{3,}", text)
    if words:
        odd = sum(
            1 for w in words
            if not (w.islower() or w.isupper() or (w[0].isupper() and w[1:].islower()))
            or (re.search(r"[a-zA-Z]", w) and re.search(r"[\u0400-\u04ff]", w))
        )
        if odd / len(words) > 0.2 or rare / max(len(text), 1) > 0.01:
            raise InputError(f"{name}: unknown text encoding (not UTF-8, UTF-16 or Windows-1251)")
    return text


def _refuse_garbage(text: str, name: str) -> None:
    sample = text[:100_000]
    if not sample:
        return
    bad = sum(
        1 for c in sample
        if (unicodedata.category(c) in ("Cc", "Cs", "Co", "Cn") and c not in "\n\r\t\f\v") or c == "\ufffd"
    )
    if bad / len(sample) > 0.02:
        raise InputError(f"{name}: looks like a binary file, not a text draft")


def _suppressions(text: str) -> tuple[list[Suppression], list[tuple[int, int]]]:
    """Comment pairs ``<!-- pressroom-disable R -->`` ... ``<!-- pressroom-enable R -->``."""
    open_: dict[str, int] = {}
    out: list[Suppression] = []
    spans: list[tuple[int, int]] = []
    for m in _SUPPRESS.finditer(text):
        spans.append((m.start(), m.end()))
        rules = [r for r in re.split(r"[\s,]+", m.group(2)) if r] or ["all"]
        for r in rules:
            if m.group(1) == "disable":
                open_.setdefault(r, m.end())
            elif r in open_:
                out.append(Suppression(r, open_.pop(r), m.start()))
    for r, start in open_.items():
        out.append(Suppression(r, start, len(text)))
    return out, spans


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


_MD_HEADING = re.compile(r"^(\s{0,3}#{1,6})(\s+)", re.M)
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$", re.M)
_MD_QUOTE = re.compile(r"^(\s{0,3}>+ ?)", re.M)
_MD_LIST = re.compile(r"^(\s*(?:[-*+]|\d{1,3}[.)])\s+)", re.M)
_MD_HR = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$", re.M)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)]*)\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\(([^)]*)\)")
_MD_CODE = re.compile(r"`+")
_MD_EMPH = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")
_MD_HTML = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>", re.S)
_MD_TABLE_PIPE = re.compile(r"^\s*\|.*\|\s*$", re.M)


def mask_markdown(text: str) -> tuple[str, set[int]]:
    """Blank out Markdown markup (same length); return the masked text and heading line starts."""
    chars = list(text)
    headings: set[int] = set()
    for m in _MD_HEADING.finditer(text):
        _blank(chars, m.start(1), m.end(2))
        headings.add(m.start())
    for m in _MD_SETEXT.finditer(text):
        _blank(chars, m.start(), m.end())
        prev = text.rfind("\n", 0, max(m.start() - 1, 0))
        headings.add(prev + 1)
    for rx in (_MD_QUOTE, _MD_LIST):
        for m in rx.finditer(text):
            _blank(chars, m.start(1), m.end(1))
    for m in _MD_HR.finditer(text):
        _blank(chars, m.start(), m.end())
    for m in _MD_IMAGE.finditer(text):
        _blank(chars, m.start(), m.end())
    for m in _MD_LINK.finditer(text):
        _blank(chars, m.start(), m.start(1))
        _blank(chars, m.end(1), m.end())
    for m in _MD_HTML.finditer(text):
        _blank(chars, m.start(), m.end())
    for m in _MD_CODE.finditer(text):
        _blank(chars, m.start(), m.end())
    masked = "".join(chars)
    for m in _MD_EMPH.finditer(masked):
        _blank(chars, m.start(1), m.end(1))
        _blank(chars, m.end(2), m.end())
    for m in _MD_TABLE_PIPE.finditer(text):
        for i in range(m.start(), m.end()):
            if text[i] == "|":
                chars[i] = " "
    return "".join(chars), headings


def _blocks(masked: str, headings: set[int]) -> list[Block]:
    blocks: list[Block] = []
    pos = 0
    for line in masked.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            body = line.rstrip()
            kind = "heading" if pos in headings else "paragraph"
            blocks.append(Block(kind, pos + lead, pos + len(body), len(blocks)))
        pos += len(line) + 1
    return blocks


def read_text(data: bytes, name: str, markdown: bool = False) -> Document:
    text, enc = decode(data, name)
    # Keep offsets in code points of the decoded text; only \r\n is kept as is (\r is blanked).
    suppressions, comment_spans = _suppressions(text)
    if markdown:
        masked, headings = mask_markdown(text)
    else:
        chars = list(text)
        for s, e in comment_spans:
            _blank(chars, s, e)
        masked, headings = "".join(chars), set()
    masked = masked.replace("\r", " ")
    doc = Document(
        text=masked,
        blocks=_blocks(masked, headings),
        path=name,
        format="md" if markdown else "txt",
        source_text=text,
        suppressions=suppressions,
        encoding=enc,
    )
    if not doc.blocks:
        raise InputError(f"{name}: file has no text to check")
    return doc
