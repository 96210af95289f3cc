"""The document model every check works on.

A Document holds:
- ``text``: the text the checks see. For TXT it is the decoded file; for Markdown the file with
  markup characters blanked out (same length, so offsets are file offsets); for DOCX the paragraphs'
  text joined by one ``\\n`` (body, then headers, footers and footnotes).
- ``source_text``: the text offsets refer to (what a finding's ``text`` is cut from). Equal to
  ``text`` except for Markdown, where it keeps the markup.
- ``blocks``: paragraphs, headings, table cells, headers, footers, footnotes with their offsets.
- ``language``: ``ru`` or ``en``.
- sentences and tokens with exact offsets, computed on first use.
- ``suppressions``: spans where a rule is switched off by the document itself.
- ``docx``: for DOCX, the character map back to paragraphs and runs (see readers.docx).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from app.core.textmemo import shifted_memo

BLOCK_KINDS = ("paragraph", "heading", "table-cell", "header", "footer", "footnote", "list-item", "textbox")
# Parts of a DOCX that are not in the flow of the body (structure checks still search them).
OUTSIDE_BODY = ("header", "footer", "footnote", "textbox")


@dataclass
class Block:
    kind: str
    start: int
    end: int
    index: int
    meta: dict[str, Any] = field(default_factory=dict)

    def contains(self, offset: int) -> bool:
        return self.start <= offset <= self.end


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def _shift_sentences(got: list[Sentence], d: int) -> list[Sentence]:
    return [Sentence(s.start + d, s.end + d, s.text) for s in got]


@shifted_memo(_shift_sentences)  # razdel is pure Python: a block's sentences are kept across lints (issue 13)
def _block_sentences(chunk: str, _language: str, base: int = 0) -> list[Sentence]:
    from razdel import sentenize

    return [Sentence(base + s.start, base + s.stop, s.text) for s in sentenize(chunk)]


@dataclass
class Suppression:
    """``rule`` is an id, a prefix or a category (as in --ignore); ``all`` switches off everything."""

    rule: str
    start: int
    end: int


@dataclass
class Document:
    text: str
    blocks: list[Block]
    language: str = "ru"
    path: str = "<text>"
    format: str = "txt"
    source_text: str | None = None
    suppressions: list[Suppression] = field(default_factory=list)
    docx: Any = None  # readers.docx.DocxSource for DOCX documents
    encoding: str = "utf-8"
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.source_text is None:
            self.source_text = self.text

    # ----- positions -------------------------------------------------------------------------
    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        for m in re.finditer("\n", self.source_text):
            starts.append(m.end())
        return starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of an offset."""
        i = bisect.bisect_right(self._line_starts, offset) - 1
        return i + 1, offset - self._line_starts[i] + 1

    def span_text(self, start: int, end: int) -> str:
        return self.source_text[start:end]

    def block_at(self, offset: int) -> Block | None:
        starts = self.meta.get("_block_starts")
        if starts is None or len(starts) != len(self.blocks):  # built once per document (issue 13)
            starts = self.meta["_block_starts"] = [b.start for b in self.blocks]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.blocks[i].contains(offset):
            return self.blocks[i]
        return None

    def block_text(self, block: Block) -> str:
        return self.text[block.start:block.end]

    # ----- segmentation ------------------------------------------------------------------------
    @cached_property
    def sentences(self) -> list[Sentence]:
        out: list[Sentence] = []
        for b in self.blocks:
            out.extend(_block_sentences(self.text[b.start:b.end], "", b.start))
        return out

    @cached_property
    def tokens(self) -> list[Token]:
        from razdel import tokenize

        out: list[Token] = []
        for b in self.blocks:
            chunk = self.text[b.start:b.end]
            for t in tokenize(chunk):
                out.append(Token(b.start + t.start, b.start + t.stop, t.text))
        return out

    @cached_property
    def words(self) -> list[Token]:
        """Tokens that contain a letter."""
        return [t for t in self.tokens if any(ch.isalpha() for ch in t.text)]

    @cached_property
    def body_blocks(self) -> list[Block]:
        """Blocks of the body (no headers, footers, footnotes, text boxes) that hold text (DOCX keeps empty
        paragraphs as blocks so block indexes match the document's paragraphs)."""
        return [b for b in self.blocks
                if b.kind not in OUTSIDE_BODY and self.text[b.start:b.end].strip()]

    def end_anchor(self) -> int:
        """Where an element missing at the end of the body belongs: the end of the last body block."""
        body = self.body_blocks
        if body:
            return body[-1].end
        return len(self.text.rstrip())


def blocks_from_lines(text: str, kind_of=None) -> list[Block]:
    """Split plain text into paragraph blocks: one block per non-empty line."""
    blocks: list[Block] = []
    pos = 0
    for line in text.split("\n"):
        stripped_end = len(line.rstrip("\r"))
        if line.strip():
            kind = kind_of(line) if kind_of else "paragraph"
            blocks.append(Block(kind, pos, pos + stripped_end, len(blocks)))
        pos += len(line) + 1
    return blocks
