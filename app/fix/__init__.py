"""Safe autofix: apply ``Finding.fix`` to a draft.

``apply_fixes(document, findings) -> (bytes, applied, skipped)``

- Only findings with ``fix is not None`` are considered; the fix replaces exactly
  ``[offset, offset + length)`` (for a zero-length finding it is inserted there).
- Overlapping fixes: the first one (in document order) is applied, the others are skipped.
  Identical fixes from two rules are applied once (both count as applied).
- TXT/MD: the offsets index ``Document.source_text``; the result is encoded like the input
  (``doc.encoding``, byte-order mark kept), so everything outside the fixed spans is
  byte-identical. A fix touching text that the checks do not see (Markdown markup, pressroom
  comments) is skipped.
- DOCX: the text of ``w:t`` nodes is edited through the reader's character map. Only the part of
  the span that actually changes is edited (common prefix/suffix kept), runs are split with copies
  of their ``w:rPr``, so every character keeps its formatting; inserted text takes the formatting
  of the text before it. A fix whose text contains line breaks becomes new paragraphs (with the
  paragraph properties of the one it follows). Comments and tracked changes are kept.
  The result is read back and compared with the expected text: a mismatch raises InputError and
  nothing is written.

``skipped`` is a list of ``SkippedFix(finding, reason)``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable, NamedTuple

from app.core.document import Document
from app.engine.finding import Finding
from app.errors import InputError


class SkippedFix(NamedTuple):
    finding: Finding
    reason: str


def select_fixes(document: Document, findings: Iterable[Finding]) -> tuple[list[Finding], list[Finding], list[SkippedFix]]:
    """Split fixable findings into (to apply, duplicates of applied ones, skipped)."""
    limit = len(document.source_text)
    chosen: list[Finding] = []
    dupes: list[Finding] = []
    skipped: list[SkippedFix] = []
    cands = [f for f in findings if f.fix is not None]
    cands.sort(key=lambda f: (f.offset, f.length))
    for f in cands:
        if not isinstance(f.fix, str) or f.offset < 0 or f.length < 0 or f.end > limit:
            skipped.append(SkippedFix(f, "the fix does not fit the document"))
            continue
        if document.source_text[f.offset:f.end] != document.text[f.offset:f.end]:
            skipped.append(SkippedFix(f, "it touches markup or a comment"))
            continue
        if f.length and f.fix == document.source_text[f.offset:f.end]:
            dupes.append(f)  # nothing to change
            continue
        clash = None
        for g in chosen:
            if (g.offset, g.length, g.fix) == (f.offset, f.length, f.fix):
                clash = "dup"
                break
            if _overlap(f, g):
                clash = g
                break
        if clash == "dup":
            dupes.append(f)
        elif clash is not None:
            skipped.append(SkippedFix(f, f"it overlaps the fix of {clash.rule}"))
        else:
            chosen.append(f)
    return chosen, dupes, skipped


def _overlap(f: Finding, g: Finding) -> bool:
    if f.length == 0 and g.length == 0:
        return f.offset == g.offset
    if f.length == 0:
        return g.offset < f.offset < g.end
    if g.length == 0:
        return f.offset < g.offset < f.end
    return f.offset < g.end and g.offset < f.end


def apply_to_text(text: str, fixes: list[Finding]) -> str:
    out = text
    for f in sorted(fixes, key=lambda f: (f.offset, f.length), reverse=True):
        out = out[:f.offset] + f.fix + out[f.end:]
    return out


def encode_like(text: str, encoding: str, original: bytes | None = None) -> bytes:
    """Encode as the draft was: same encoding and byte-order mark."""
    if encoding == "utf-16":
        if original is not None and original.startswith(b"\xfe\xff"):
            return b"\xfe\xff" + text.encode("utf-16-be")
        return b"\xff\xfe" + text.encode("utf-16-le")
    return text.encode(encoding)


def apply_fixes(document: Document, findings: Iterable[Finding], original: bytes | None = None,
                readback: list | None = None) -> tuple[bytes, list[Finding], list[SkippedFix]]:
    """Apply the safe fixes; return the new file bytes, the findings fixed and those skipped.

    ``original`` (the file's bytes, optional) lets a TXT/MD draft be checked to round-trip exactly.
    ``readback`` (a list, optional) receives the fixed DOCX as read back for the verification, so a
    caller need not read it a third time.
    """
    chosen, dupes, skipped = select_fixes(document, findings)
    if document.format == "docx":
        data, applied, more = _apply_docx(document, chosen, readback)
        skipped.extend(more)
        dupes = [f for f in dupes if any(_same(f, g) for g in applied) or f.fix == document.source_text[f.offset:f.end]]
        return data, applied + dupes, _ordered(skipped)
    enc = document.encoding or "utf-8"
    try:
        if original is not None and encode_like(document.source_text, enc, original) != original:
            raise InputError(f"{document.path}: cannot rewrite this file byte for byte (unusual encoding); nothing fixed")
        new = apply_to_text(document.source_text, chosen)
        data = encode_like(new, enc, original)
    except UnicodeEncodeError as e:
        raise InputError(f"{document.path}: a fix cannot be written in {enc} ({e.reason}); nothing fixed") from None
    return data, _ordered(chosen + dupes), _ordered(skipped)


def _same(f: Finding, g: Finding) -> bool:
    return (f.offset, f.length, f.fix) == (g.offset, g.length, g.fix)


def _ordered(items):
    def key(x):
        f = x.finding if isinstance(x, SkippedFix) else x
        return (f.offset, f.length, f.rule)

    return sorted(items, key=key)


def _minimal(old: str, new: str) -> tuple[int, int, str]:
    """The part of ``old`` that really changes: (start, end, replacement) relative to ``old``."""
    p = 0
    while p < len(old) and p < len(new) and old[p] == new[p]:
        p += 1
    s = 0
    while s < len(old) - p and s < len(new) - p and old[-1 - s] == new[-1 - s]:
        s += 1
    return p, len(old) - s, new[p:len(new) - s]


def _apply_docx(document: Document, chosen: list[Finding], readback: list | None = None
                ) -> tuple[bytes, list[Finding], list[SkippedFix]]:
    from app.annotate import open_docx, save
    from app.annotate.runs import NotEditable, new_paragraph_like
    from app.core.readers.docx import read_docx

    d, rmap, fresh = open_docx(document)
    text = fresh.text
    applied: list[Finding] = []
    skipped: list[SkippedFix] = []
    edits: list[tuple[int, int, str]] = []  # (a, b, new text) in the original offsets, last first
    # From the end backwards: offsets before each edit stay valid, so the run map need not shift
    # what follows (linear in the document, issue 13).
    rmap.shift_edits = False
    for f in sorted(chosen, key=lambda f: (f.offset, f.length), reverse=True):
        old = text[f.offset:f.end]
        try:
            if "\n" in old:
                raise NotEditable("it spans a paragraph break")
            if "\n" in f.fix:
                edits.append((f.offset, f.offset, _insert_paragraphs(rmap, fresh, f, new_paragraph_like)))
            else:
                a, b, rep = _minimal(old, f.fix)
                a += f.offset
                b += f.offset
                if b > a:
                    rmap.replace(a, b, rep)
                else:
                    rmap.insert(a, rep)
                edits.append((a, b, rep))
        except NotEditable as e:
            skipped.append(SkippedFix(f, str(e)))
            continue
        applied.append(f)
    pieces, pos = [], 0
    for a, b, rep in reversed(edits):
        pieces += [text[pos:a], rep]
        pos = b
    text = "".join(pieces) + text[pos:]
    data = save(d)
    check = read_docx(data, document.path)
    if check.text != text:
        raise InputError(f"{document.path}: fixing would not give the expected text; nothing written (please report this)")
    if readback is not None:
        readback.append(check)
    return data, applied, skipped


def _insert_paragraphs(rmap, fresh: Document, f: Finding, new_paragraph_like) -> str:
    """A multi-line insert (e.g. a missing statement): whole new paragraphs at a paragraph end or start.
    Returns the text inserted at ``f.offset``."""
    from app.annotate.runs import NotEditable

    if f.length:
        raise NotEditable("a replacement with line breaks")
    x = f.offset
    block = fresh.block_at(x)
    if block is None or block.index >= len(fresh.docx.paragraphs):
        raise NotEditable("no paragraph at this place")
    p = fresh.docx.paragraphs[block.index]
    if not rmap.editable(p):
        raise NotEditable("inside a footnote or another part that cannot be edited")
    pieces = f.fix.split("\n")
    if x == block.end:
        head, rest = pieces[0], [s for s in pieces[1:] if s.strip()]
        if head:
            rmap.insert(x, head)
        anchor = p
        for piece in rest:
            np = new_paragraph_like(p, piece)
            anchor.addnext(np)
            anchor = np
        added = head + "".join("\n" + s for s in rest)
    elif x == block.start:
        tail, rest = pieces[-1], [s for s in pieces[:-1] if s.strip()]
        if tail:
            rmap.insert(x, tail)
        for piece in rest:
            p.addprevious(new_paragraph_like(p, piece))
        added = "".join(s + "\n" for s in rest) + tail
    else:
        raise NotEditable("a line break in the middle of a paragraph")
    return added


FIX_PASSES = 3


@dataclass
class FixOutcome:
    data: bytes                 # the fixed file
    document: Document          # the fixed file read back
    result: Any                 # its LintResult: what remains
    applied: list[Finding]
    skipped: list[SkippedFix]


def fix_until_stable(document: Document, result: Any, original: bytes, relint: Callable[[Document], Any],
                     passes: int = FIX_PASSES) -> FixOutcome:
    """Apply the safe fixes, read the file back and lint it again, up to ``passes`` times: one fix may
    reveal another (a range dash that makes the dashes consistent). ``result`` is the LintResult of
    ``document``; ``relint(doc)`` lints a document the same way. The CLI and the web app use it."""
    from app.core.readers import read_bytes

    cur_doc, cur_result, cur_bytes = document, result, original
    applied: list[Finding] = []
    skipped: list[SkippedFix] = []
    for _ in range(passes):
        data, done, skipped = apply_fixes(cur_doc, cur_result.findings,
                                          cur_bytes if cur_doc.format != "docx" else None)
        if not done or data == cur_bytes:
            break
        applied += done
        cur_bytes = data
        cur_doc = read_bytes(data, document.path, document.format, document.language)
        cur_result = relint(cur_doc)
        skipped = []
    return FixOutcome(cur_bytes, cur_doc, cur_result, applied, skipped)
