"""A draft edited as text, written back into its file (the check page's editor, issue 14).

``edit_file(document, original, new_text) -> EditOutcome``

- TXT/MD: ``editor_text(doc)`` is the file's text with its line ends as ``\\n`` (what a textarea
  holds); the edited text is written back with the file's own line ends (CRLF stays CRLF), encoding
  and byte-order mark (``encode_like``).
- DOCX: ``editor_text(doc)`` is ``doc.text``. The edited text is compared with it word by word
  (``diff_edits``); every changed stretch becomes a replacement that the safe-fix machinery
  (``app.fix.apply_fixes``) writes into the runs, so every character keeps its formatting, comments
  and tracked changes stay. A change the DOCX cannot take (one that joins two paragraphs, a line
  break in the middle of a paragraph, text in a part that cannot be edited) is not written: it is
  listed in ``skipped`` and the outcome's text is what the file really has.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from app.core.document import Document
from app.engine.finding import Finding
from app.errors import InputError

# words, single line breaks, runs of other spaces, single other characters: linear, no nesting
_TOKEN = re.compile(r"\w+|\n|[^\S\n]+|[^\w\s]")


def editor_text(document: Document) -> str:
    if document.format == "docx":
        return document.text
    return document.source_text.replace("\r\n", "\n").replace("\r", "\n")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def diff_edits(old: str, new: str) -> list[tuple[int, int, str]]:
    """The changed stretches of ``old``: [(start, end, replacement)] in document order."""
    if old == new:
        return []
    # common prefix and suffix first: a typical edit is small, the diff then runs on a few tokens
    p = 0
    limit = min(len(old), len(new))
    while p < limit and old[p] == new[p]:
        p += 1
    s = 0
    while s < limit - p and old[len(old) - 1 - s] == new[len(new) - 1 - s]:
        s += 1
    # widen to token boundaries so a word is replaced as a word
    while p > 0 and (old[p - 1].isalnum() or old[p - 1] == "_"):
        p -= 1
    while s > 0 and (old[len(old) - s].isalnum() or old[len(old) - s] == "_"):
        s -= 1
    a_mid, b_mid = old[p:len(old) - s], new[p:len(new) - s]
    ta, tb = _tokens(a_mid), _tokens(b_mid)
    if "".join(ta) != a_mid or "".join(tb) != b_mid:  # pragma: no cover - the pattern matches every character
        return [(p, len(old) - s, b_mid)]
    starts_a = [0]
    for t in ta:
        starts_a.append(starts_a[-1] + len(t))
    starts_b = [0]
    for t in tb:
        starts_b.append(starts_b[-1] + len(t))
    out: list[tuple[int, int, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        out.append((p + starts_a[i1], p + starts_a[i2], b_mid[starts_b[j1]:starts_b[j2]]))
    return out


class EncodingRefused(InputError):
    """The edited text has characters the draft's encoding cannot hold."""

    def __init__(self, message: str, encoding: str, chars: str):
        super().__init__(message)
        self.encoding, self.chars = encoding, chars


@dataclass
class EditOutcome:
    data: bytes                 # the file with the edits
    text: str                   # its editor text (differs from the edited text when edits were skipped)
    applied: int = 0
    skipped: list[str] = field(default_factory=list)  # why an edit could not be written (one line each)
    document: Document | None = None  # the DOCX read back (None: unchanged, or a text draft)


def _line_end(source: str) -> str:
    return "\r\n" if "\r\n" in source else ("\r" if "\r" in source else "\n")


def edit_file(document: Document, original: bytes, new_text: str) -> EditOutcome:
    """Write ``new_text`` (the editor text after the user's edits) into the draft's file."""
    from app.fix import apply_fixes, encode_like

    new_text = new_text.replace("\r\n", "\n").replace("\r", "\n")
    old = editor_text(document)
    if document.format != "docx":
        eol = _line_end(document.source_text)
        enc = document.encoding or "utf-8"
        try:
            data = encode_like(new_text.replace("\n", eol) if eol != "\n" else new_text, enc, original)
        except UnicodeEncodeError as e:
            bad = new_text.replace("\n", eol)[e.start:e.end]
            raise EncodingRefused(f"{document.path}: the edited text cannot be written in {enc} ({bad!r}); "
                                  f"remove the characters it cannot hold", enc, bad) from None
        return EditOutcome(data, new_text, len(diff_edits(old, new_text)))
    edits = diff_edits(old, new_text)
    if not edits:
        return EditOutcome(original, old)
    findings = [Finding("edit", "style", "info", "edit", a, b - a, fix=rep) for a, b, rep in edits]
    got: list = []
    data, applied, skipped = apply_fixes(document, findings, readback=got)
    if got:
        back = got[0]
        back.language = document.language
    else:  # pragma: no cover - apply_fixes always reads a DOCX back
        from app.core.readers import read_bytes

        back = read_bytes(data, document.path, "docx", document.language)
    reasons = [f"«{(document.text[s.finding.offset:s.finding.end] or s.finding.fix)[:40]}»: {s.reason}" for s in skipped]
    return EditOutcome(data, back.text, len(applied), reasons, back)
