"""Edit a DOCX through the reader's character map without changing its formatting.

A ``RunMap`` holds the segments of ``DocxSource`` (text offset -> ``w:r`` run and ``w:t`` node) and
can

- split runs so that any text offset is a run boundary (``split_at``); the new run gets a copy of
  the original ``w:rPr``, so every character keeps exactly its formatting, and comment range
  markers already next to the run stay correct (the tail of a run goes right after it);
- place comment range markers and a reference run around ``[start, end)``;
- replace the text of ``[start, end)`` or insert text at a point (used by ``--fix``).

Only elements of the main document and its headers/footers are saved by python-docx; segments
elsewhere (footnotes are parsed from a copy of their part) are reported as not editable.
"""
from __future__ import annotations

import bisect
from copy import deepcopy
from typing import Any, Callable

from app.core.readers.docx import Segment, q

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


class NotEditable(Exception):
    """The span cannot be edited safely; the message says why (shown to the user)."""


def make_el(tag: str, attrs: dict | None = None):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    return OxmlElement(tag, attrs={qn(k): v for k, v in (attrs or {}).items()})


def new_t(text: str):
    t = make_el("w:t")
    t.text = text
    t.set(XML_SPACE, "preserve")
    return t


def set_text(t, text: str) -> None:
    t.text = text
    t.set(XML_SPACE, "preserve")


class RunMap:
    def __init__(self, segments: list[Segment], paragraph_at: Callable[[int], Any],
                 editable_roots: list | None = None, comment_roots: list | None = None):
        self.segs: list[Segment] = sorted((s for s in segments if s.end > s.start), key=lambda s: s.start)
        # The segments' starts, kept in step with ``segs`` by every edit (issue 13: rebuilding them
        # on each lookup made annotating a long document quadratic). Segments never overlap.
        self._st: list[int] = [s.start for s in self.segs]
        self.paragraph_at = paragraph_at
        self.editable_roots = editable_roots
        self.comment_roots = comment_roots
        # False when the caller edits from the end of the document backwards (``--fix``): offsets
        # before each edit stay valid, so the segments after it are not shifted (linear, not n*k).
        self.shift_edits = True

    # ----- lookups -----------------------------------------------------------------------------
    def _starts(self) -> list[int]:
        return self._st

    def _insert_seg(self, i: int, seg: Segment) -> None:
        self.segs.insert(i, seg)
        self._st.insert(i, seg.start)

    def _position(self, seg: Segment) -> int:
        """Index of ``seg`` in ``segs`` (found by its start, not by a scan)."""
        i = bisect.bisect_left(self._st, seg.start)
        while self.segs[i] is not seg:
            i += 1
        return i

    def index_at(self, x: int) -> int | None:
        """Index of the segment with start <= x < end."""
        i = bisect.bisect_right(self._st, x) - 1
        if i >= 0 and self.segs[i].start <= x < self.segs[i].end:
            return i
        return None

    def ending_at(self, x: int) -> Segment | None:
        i = bisect.bisect_left(self._st, x) - 1  # the last segment starting before x
        if i >= 0 and self.segs[i].end == x:
            return self.segs[i]
        return None

    def starting_at(self, x: int) -> Segment | None:
        i = self.index_at(x)
        if i is not None and self.segs[i].start == x:
            return self.segs[i]
        return None

    def in_range(self, a: int, b: int) -> list[Segment]:
        i = max(0, bisect.bisect_right(self._st, a) - 1)
        out = []
        while i < len(self.segs) and self.segs[i].start < b:
            if self.segs[i].end > a:
                out.append(self.segs[i])
            i += 1
        return out

    @staticmethod
    def _in_roots(el, roots) -> bool:
        if roots is None:
            return True
        if el is None:
            return False
        root = el.getroottree().getroot()
        return any(root is r for r in roots)

    def editable(self, el) -> bool:
        return self._in_roots(el, self.editable_roots)

    def commentable(self, el) -> bool:
        return self._in_roots(el, self.comment_roots)

    # ----- splitting ---------------------------------------------------------------------------
    def split_at(self, x: int) -> None:
        """Make ``x`` a run boundary (no-op where it already is or cannot be edited)."""
        i = self.index_at(x)
        if i is None:
            return
        s = self.segs[i]
        if s.run is None or not self.editable(s.run):
            return
        if x > s.start:
            if s.node.tag != q("t"):
                return
            k = s.node_offset + (x - s.start)
            old = s.node
            text = old.text or ""
            tail = new_t(text[k:])
            set_text(old, text[:k])
            old.addnext(tail)
            j = i + 1  # the node's other segments follow it
            while j < len(self.segs) and self.segs[j].node is old:
                seg = self.segs[j]
                if seg.node_offset >= k:
                    seg.node = tail
                    seg.node_offset -= k
                j += 1
            right = Segment(x, s.end, s.run, tail, 0)
            s.end = x
            self._insert_seg(i + 1, right)
            s = right
            i += 1
        self._split_run_before(s, i)

    def _split_run_before(self, s: Segment, i: int) -> None:
        r = s.run
        content = [c for c in r if c.tag != q("rPr")]
        if not content or content[0] is s.node:
            return
        idx = content.index(s.node)
        moved = content[idx:]
        r2 = make_el("w:r")
        for k, v in r.attrib.items():
            r2.set(k, v)
        rpr = r.find(q("rPr"))
        if rpr is not None:
            r2.append(deepcopy(rpr))
        for c in moved:
            r2.append(c)  # lxml moves the element
        r.addnext(r2)
        moved_ids = {id(c) for c in moved}
        j = i  # the moved nodes are this segment and the run's segments after it
        while j < len(self.segs) and self.segs[j].run is r:
            if id(self.segs[j].node) in moved_ids:
                self.segs[j].run = r2
            j += 1

    # ----- comment markers ---------------------------------------------------------------------
    @staticmethod
    def _after_markers(el):
        """Skip comment range ends and reference runs already placed right after ``el``."""
        while True:
            nxt = el.getnext()
            if nxt is None:
                return el
            if nxt.tag == q("commentRangeEnd"):
                el = nxt
                continue
            if nxt.tag == q("r") and nxt.find(q("commentReference")) is not None and nxt.find(q("t")) is None:
                el = nxt
                continue
            return el

    def place_comment(self, cid: int, a: int, b: int) -> tuple[int, int]:
        """Put commentRangeStart/End and the reference run around [a, b). Returns the span used."""
        start_el = make_el("w:commentRangeStart", {"w:id": str(cid)})
        end_el = make_el("w:commentRangeEnd", {"w:id": str(cid)})
        ref = comment_reference_run(cid)
        if b > a:
            self.split_at(a)
            self.split_at(b)
            first = self.starting_at(a)
            last = self.ending_at(b)
            if first is not None and last is not None and self.commentable(first.run) and self.commentable(last.run):
                first.run.addprevious(start_el)
                anchor = self._after_markers(last.run)
                anchor.addnext(end_el)
                end_el.addnext(ref)
                return a, b
            # fall through: anchor at a point
        self.split_at(a)
        before = self.ending_at(a)
        if before is not None and self.commentable(before.run):
            anchor = self._after_markers(before.run)
            anchor.addnext(start_el)
            start_el.addnext(end_el)
            end_el.addnext(ref)
            return a, a
        after = self.starting_at(a)
        if after is not None and self.commentable(after.run):
            after.run.addprevious(start_el)
            after.run.addprevious(end_el)
            after.run.addprevious(ref)
            return a, a
        p = self.paragraph_at(a)
        if p is not None and self.commentable(p):
            p.append(start_el)
            p.append(end_el)
            p.append(ref)
            return a, a
        raise NotEditable("no place for a comment")

    # ----- text edits (fix) --------------------------------------------------------------------
    def _shift(self, after: int, delta: int, skip: Segment | None = None) -> None:
        if not self.shift_edits:
            return
        for i in range(bisect.bisect_left(self._st, after), len(self.segs)):
            s = self.segs[i]
            if s is skip:
                continue
            s.start += delta
            s.end += delta
            self._st[i] = s.start

    def check_replace(self, a: int, b: int) -> None:
        segs = self.in_range(a, b)
        covered = sum(min(s.end, b) - max(s.start, a) for s in segs)
        if covered != b - a:
            raise NotEditable("spans a paragraph break")
        for s in segs:
            if s.run is None or not self.editable(s.run):
                raise NotEditable("inside a footnote or another part that cannot be edited")
            if s.node.tag != q("t"):
                raise NotEditable("spans a tab, line break or special character")

    def replace(self, a: int, b: int, text: str) -> None:
        """Replace [a, b) (inside w:t nodes) by ``text``; the first run keeps its formatting."""
        self.check_replace(a, b)
        self.split_at(a)
        self.split_at(b)
        segs = self.in_range(a, b)
        first = segs[0]
        for s in segs[1:]:
            self._remove_node(s)
        if text:
            set_text(first.node, text)
            first.end = first.start + len(text)
            self._shift(b, len(text) - (b - a), skip=first)
        else:
            self._remove_node(first)
            self._shift(b, -(b - a))

    def _remove_node(self, s: Segment) -> None:
        r = s.run
        r.remove(s.node)
        i = self._position(s)
        del self.segs[i]
        del self._st[i]
        if not any(c.tag != q("rPr") for c in r):
            parent = r.getparent()
            if parent is not None:
                parent.remove(r)

    def check_insert(self, x: int) -> None:
        for s in (self.ending_at(x), self.starting_at(x)):
            if s is not None:
                if s.run is None or not self.editable(s.run):
                    raise NotEditable("inside a footnote or another part that cannot be edited")
                return
        p = self.paragraph_at(x)
        if p is None or not self.editable(p):
            raise NotEditable("no paragraph at this place")

    def insert(self, x: int, text: str) -> None:
        """Insert one line of text at ``x``, in the run before it (or after it), keeping its formatting."""
        if not text:
            return
        self.check_insert(x)
        self.split_at(x)
        before = self.ending_at(x)
        if before is not None:
            if before.node.tag == q("t"):
                set_text(before.node, (before.node.text or "") + text)
                before.end += len(text)
                self._shift(x, len(text), skip=before)
                return
            t = new_t(text)
            before.node.addnext(t)
            seg = Segment(x, x + len(text), before.run, t, 0)
            self._shift(x, len(text))
            self._insert_seg(self._position(before) + 1, seg)
            return
        after = self.starting_at(x)
        if after is not None:
            if after.node.tag == q("t"):
                # the text joins the segment starting at x: it starts there still, the rest moves
                self._shift(x, len(text), skip=after)
                set_text(after.node, text + (after.node.text or ""))
                after.end += len(text)
                return
            self._shift(x, len(text))
            t = new_t(text)
            after.node.addprevious(t)
            self._insert_seg(bisect.bisect_left(self._st, x), Segment(x, x + len(text), after.run, t, 0))
            return
        p = self.paragraph_at(x)
        r = make_el("w:r")
        rpr = mark_rpr(p.find(q("pPr")))
        if rpr is not None:
            r.append(rpr)
        t = new_t(text)
        r.append(t)
        p.append(r)
        self._shift(x, len(text))
        self._insert_seg(bisect.bisect_left(self._st, x), Segment(x, x + len(text), r, t, 0))


def comment_reference_run(cid: int):
    r = make_el("w:r")
    rpr = make_el("w:rPr")
    style = make_el("w:rStyle", {"w:val": "CommentReference"})
    rpr.append(style)
    r.append(rpr)
    r.append(make_el("w:commentReference", {"w:id": str(cid)}))
    return r


def new_paragraph_like(p, text: str):
    """A paragraph with ``text`` that takes the paragraph properties of ``p`` (no list numbering,
    heading style or section break), its run formatted like ``p``'s paragraph mark."""
    np = make_el("w:p")
    ppr = p.find(q("pPr"))
    if ppr is not None:
        ppr = deepcopy(ppr)
        for tag in ("numPr", "sectPr"):
            for el in ppr.findall(q(tag)):
                ppr.remove(el)
        style = ppr.find(q("pStyle"))
        if style is not None and (style.get(q("val")) or "").lower().startswith(("heading", "title", "subtitle", "заголовок")):
            ppr.remove(style)
        np.append(ppr)
    r = make_el("w:r")
    rpr = mark_rpr(ppr)
    if rpr is not None:
        r.append(rpr)
    r.append(new_t(text))
    np.append(r)
    return np


def mark_rpr(ppr):
    """A run ``w:rPr`` copied from a paragraph mark's properties (without its revision marks)."""
    if ppr is None:
        return None
    mark = ppr.find(q("rPr"))
    if mark is None:
        return None
    rpr = deepcopy(mark)
    for tag in ("ins", "del", "moveFrom", "moveTo", "rPrChange"):
        for el in rpr.findall(q(tag)):
            rpr.remove(el)
    return rpr
