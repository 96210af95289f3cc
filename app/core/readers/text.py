"""Plain text and Markdown drafts."""
from __future__ import annotations

import re
import unicodedata

from app.core.document import Block, Document, Suppression
from app.errors import InputError

# linear: the body is bounded and possessive; it must end in "--" before the ">"
_SUPPRESS = re.compile(r"<!--\s*+pressroom-(disable|enable)([^>]{0,1000}+)(?<=--)>")


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
    # each distinct character judged once (a draft has a few hundred): ~20x faster than per character;
    # only the bad ones counted (a set of the characters is cheaper than counting them all, issue 13)
    bad = sum(
        sample.count(c) for c in set(sample)
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
        rules = [r for r in re.split(r"[\s,]+", m.group(2)[:-2]) if r] or ["all"]
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


# ----- Markdown: a CommonMark parser (markdown-it-py) says what is text ---------------------------
# The checks see the file with every character that is not text blanked to a space (newlines kept),
# so offsets in the masked text are offsets in the file. markdown-it gives block tokens their lines;
# the inline tokens have no positions, so each block's inline source is aligned with the file once,
# and the text tokens are found in it in order. Everything the parser takes as markup (#, >, list
# markers, emphasis delimiters, link destinations, HTML, escapes' backslashes, entities, table pipes,
# code fences) stays blank. markdown-it works in linear time on hostile input and caps nesting.
_md_parser = None


def _markdown():
    global _md_parser
    if _md_parser is None:
        from markdown_it import MarkdownIt

        # text_join would merge escapes and entities into the text around them, hiding their length
        _md_parser = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")
    return _md_parser


def _line_starts(text: str) -> list[int]:
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    starts.append(len(text) + 1)
    return starts


def _align(content: str, src: str, start: int, end: int) -> list[int] | None:
    """Source offset of each character of a block's inline ``content``: content is the source of
    the lines start..end less the container markup at line starts (``>``, list indentation), so it is
    a subsequence of it. None when it is not (then the caller falls back to the raw lines)."""
    out = []
    j = start
    for ch in content:
        while j < end and src[j] != ch and not (ch == " " and src[j] == "\t"):
            j += 1
        if j >= end:
            return None
        out.append(j)
        if not (ch == " " and src[j] == "\t"):
            j += 1
    return out


def _skip_link_tail(content: str, pos: int) -> int:
    """After a link's text: skip ``](destination "title")``, ``][label]`` or ``]``; the new position."""
    from markdown_it.helpers import parseLinkDestination, parseLinkTitle

    p = content.find("]", pos)
    if p < 0:
        return pos
    p += 1
    n = len(content)
    if p < n and content[p] == "(":
        q = p + 1
        while q < n and content[q] in " \t\n":
            q += 1
        dest = parseLinkDestination(content, q, n)
        if dest.ok:
            q = dest.pos
            while q < n and content[q] in " \t\n":
                q += 1
            title = parseLinkTitle(content, q, n)
            if title.ok:
                q = title.pos
            close = content.find(")", q)
            return close + 1 if close >= 0 else q
        close = content.find(")", p)
        return close + 1 if close >= 0 else p
    if p < n and content[p] == "[":
        close = content.find("]", p)
        return close + 1 if close >= 0 else p
    return p


def _inline_text_spans(children, content: str) -> list[tuple[int, int]]:
    """Spans of ``content`` (the inline source) that are text, from the inline tokens in order."""
    spans: list[tuple[int, int]] = []
    pos = 0
    skip_until = None  # inside an image or an autolink: nothing is text until its close
    for t in children or []:
        kind = t.type
        if skip_until:
            if kind == skip_until:
                skip_until = None
            continue
        if kind == "text":
            if t.content:
                at = content.find(t.content, pos)
                if at >= 0:
                    spans.append((at, at + len(t.content)))
                    pos = at + len(t.content)
        elif kind == "code_inline":
            at = content.find(t.markup, pos)
            if at >= 0:
                body = at + len(t.markup)
                close = content.find(t.markup, body)
                if close >= 0:
                    spans.append((body, close))
                    pos = close + len(t.markup)
        elif kind == "link_open" and t.markup == "autolink":
            close = content.find(">", pos)
            pos = close + 1 if close >= 0 else pos
            skip_until = "link_close"
        elif kind == "link_close":
            pos = _skip_link_tail(content, pos)
        elif kind == "image":
            at = content.find("![", pos)
            if at >= 0:
                pos = _skip_link_tail(content, at + 2 + len(t.content))
        elif kind in ("html_inline", "text_special") or t.markup:
            raw = t.content if kind == "html_inline" else t.markup
            at = content.find(raw, pos) if raw else -1
            if at >= 0:
                pos = at + len(raw)
    return spans


def mask_markdown(text: str) -> tuple[str, set[int]]:
    """Blank out Markdown markup (same length); return the masked text and heading line starts."""
    # markdown-it would drop \r (shifting every offset after it) and turn NUL into U+FFFD
    src = text.replace("\r", " ").replace("\x00", "\ufffd")
    starts = _line_starts(src)
    keep = bytearray(len(src))  # 1 where a character is text
    headings: set[int] = set()

    def line_range(m):
        return starts[m[0]], min(starts[min(m[1], len(starts) - 1)] - 1, len(src))

    heading_lines: list[list[int]] = []
    cursor = 0  # inline tokens come in file order: each is aligned after the one before (table cells)
    for tok in _markdown().parse(src):
        if tok.map is None:
            continue
        if tok.type == "heading_open":
            heading_lines.append(tok.map)
        elif tok.type in ("fence", "code_block"):
            first, last = tok.map[0] + (1 if tok.type == "fence" else 0), tok.map[1]
            if tok.type == "fence" and last - first >= 1 and src[starts[last - 1]:].lstrip(" ").startswith(tok.markup[:1] * 3):
                last -= 1  # the closing fence
            for line in range(first, last):
                for i in range(starts[line], starts[line + 1] - 1):
                    keep[i] = 1
        elif tok.type == "inline":
            lo, hi = line_range(tok.map)
            pos_map = _align(tok.content, src, max(lo, cursor), hi)
            if pos_map is None:
                continue
            if pos_map:
                cursor = pos_map[-1] + 1
            for a, b in _inline_text_spans(tok.children, tok.content):
                for i in range(a, b):
                    keep[pos_map[i]] = 1
    for m in heading_lines:
        for line in range(m[0], m[1]):
            headings.add(starts[line])
    chars = [c if keep[i] or c == "\n" else " " for i, c in enumerate(text)]
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
