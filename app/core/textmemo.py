"""Results of pure per-sentence and per-paragraph readings kept across documents (issue 13).

An editor sends the same draft again and again with one paragraph changed; a folder of releases
repeats its boilerplate. The readings that depend only on one piece of text (a block's sentences,
a sentence's quantities and date ranges, the words of a line) are the same every time, only at
another offset. ``shifted_memo`` wraps such a function at its module boundary: the result is
computed at offset 0 the second time the text is asked for (a text seen once, as most of a new
draft is, costs nothing but a hash), kept in a bounded LRU keyed by the text (and the other
arguments), and every later call gets a fresh copy moved to its own offset, so callers may mutate
what they get.

A function qualifies only if its result for ``(text, base)`` is its result for ``(text, 0)`` with
every offset moved by ``base`` (it never looks at the absolute offset otherwise); the tests in
tests/test_textmemo.py compare memoised and fresh results, and tests/test_lint_cache_edits.py
whole lints of edited drafts. Bounded by ``PRESSROOM_TEXT_MEMO_CHARS`` per function, in units of
about a byte (the key's text and ~``item_bytes`` per object kept; default 4 000 000, so the five
memos hold ~20 MB at most); ``PRESSROOM_TEXT_MEMO=off`` (or ``disabled()``) computes everything
fresh. The readings also depend on what a process loads once (the phrase lists of rules/facts, the
number words): whatever reloads those in a running process must call ``clear()``.
"""
from __future__ import annotations

import functools
import os
import threading
from collections import OrderedDict
from contextlib import contextmanager
from enum import Enum
from typing import Any, Callable

DEFAULT_CHARS = 4_000_000  # per function, in the weight units below (about bytes)
_LOCK = threading.Lock()
_ALL: list["_Memo"] = []
_STATE = {"off": os.environ.get("PRESSROOM_TEXT_MEMO") == "off"}


class _Memo:
    def __init__(self, name: str, max_chars: int):
        self.name = name
        self.max_chars = max_chars
        self.chars = 0
        self.data: OrderedDict = OrderedDict()
        self.seen: set[int] = set()
        self.hits = 0
        self.misses = 0

    def get(self, key):
        hit = self.data.get(key)
        if hit is not None:
            try:
                self.data.move_to_end(key)
            except KeyError:  # dropped by another thread in between
                pass
            self.hits += 1
            return hit[0]
        self.misses += 1
        return None

    def seen_before(self, key) -> bool:
        """Was key asked for before (since the doorkeeper was last emptied)? Only a text seen
        twice is kept: a first-seen draft pays no copies (the hash only decides what is kept, so a
        collision costs a copy, never a wrong result)."""
        h = hash(key)
        if h in self.seen:
            return True
        if len(self.seen) >= 200_000:
            self.seen.clear()
        self.seen.add(h)
        return False

    def put(self, key, value, weight: int) -> None:
        if weight > self.max_chars // 8:
            return
        with _LOCK:
            old = self.data.pop(key, None)
            if old is not None:
                self.chars -= old[1]
            self.data[key] = (value, weight)
            self.chars += weight
            while self.chars > self.max_chars and self.data:
                _k, (_v, w) = self.data.popitem(last=False)
                self.chars -= w

    def clear(self) -> None:
        with _LOCK:
            self.data.clear()
            self.seen.clear()
            self.chars = 0
            self.hits = self.misses = 0


def _max_chars() -> int:
    try:
        return int(os.environ.get("PRESSROOM_TEXT_MEMO_CHARS") or DEFAULT_CHARS)
    except ValueError:
        return DEFAULT_CHARS


def _weight(text: str, got, item_bytes: int) -> int:
    """About the bytes an entry holds: its key's text and its result's objects."""
    return 64 + 2 * len(text) + item_bytes * (len(got) if isinstance(got, (list, tuple)) else 1)


def shifted_memo(shift: Callable[[Any, int], Any], relative: Callable[..., tuple] | None = None,
                 item_bytes: int = 400) -> Callable:
    """Decorator for ``fn(text, language, base=0, *rest)``.

    ``shift(result, d)``: a fresh copy of a result computed at offset 0 with every offset + d (it
    must copy even for d == 0: callers may mutate what they get). ``relative(rest, base)``: the
    other arguments made relative to ``base`` and hashable (they are the key and what the function
    is called with at offset 0; default: as they are)."""

    def wrap(fn):
        memo = _Memo(f"{fn.__module__}.{fn.__qualname__}", _max_chars())
        _ALL.append(memo)

        @functools.wraps(fn)
        def memoised(text, language, base=0, *rest):
            if _STATE["off"] or not isinstance(text, str):
                return fn(text, language, base, *rest)
            rel = relative(rest, base) if relative is not None else rest
            k = (text, language, rel)
            got = memo.get(k)
            if got is None:
                if not memo.seen_before(k):  # text seen once (most of a new draft): no copy kept
                    return fn(text, language, base, *rest)
                got = fn(text, language, 0, *rel)
                memo.put(k, got, _weight(text, got, item_bytes))
            return shift(got, base)

        memoised.memo = memo
        memoised.fresh = fn
        return memoised

    return wrap


def list_memo(fn: Callable, item_bytes: int = 120) -> Callable:
    """Decorator for ``fn(text, language) -> list`` of immutable items (frozen dataclasses) with
    offsets relative to text: kept from a text's second sight on, every call gets its own list."""
    memo = _Memo(f"{fn.__module__}.{fn.__qualname__}", _max_chars())
    _ALL.append(memo)

    @functools.wraps(fn)
    def memoised(text, language):
        if _STATE["off"] or not isinstance(text, str):
            return fn(text, language)
        k = (text, language)
        got = memo.get(k)
        if got is None:
            got = fn(text, language)
            if not memo.seen_before(k):
                return got
            memo.put(k, list(got), _weight(text, got, item_bytes))
            return got
        return list(got)

    memoised.memo = memo
    memoised.fresh = fn
    return memoised


def line_memo(shift: Callable[[Any, int], Any], min_chars: int = 1000, item_bytes: int = 90) -> Callable:
    """Decorator for ``fn(text, base=0) -> list`` whose items never span or look across a newline
    (a tokeniser whose pattern matches no "\\n" and has no lookaround): ``fn(text, base)`` is then
    the concatenation of ``fn(line, base + offset of line)`` over the lines, and a long text (a
    whole document, at least ``min_chars``) is read line by line, each line kept as above (from its
    second sight on, computed at offset 0, a fresh list moved to its offset per call)."""

    def wrap(fn):
        memo = _Memo(f"{fn.__module__}.{fn.__qualname__}", _max_chars())
        _ALL.append(memo)

        @functools.wraps(fn)
        def memoised(text, base=0):
            if _STATE["off"] or not isinstance(text, str) or len(text) < min_chars:
                return fn(text, base)
            out: list = []
            pos = 0
            for line in text.split("\n"):
                if line:
                    got = memo.get(line)
                    if got is not None:
                        out.extend(shift(got, base + pos))
                    elif memo.seen_before(line):
                        got = fn(line, 0)
                        memo.put(line, got, _weight(line, got, item_bytes))
                        out.extend(shift(got, base + pos))
                    else:
                        out.extend(fn(line, base + pos))
                pos += len(line) + 1
            return out

        memoised.memo = memo
        memoised.fresh = fn
        return memoised

    return wrap


# Fields that hold an offset into the text (a negative value is "none": kept as it is).
OFFSET_FIELDS = frozenset({"start", "end", "noun_start", "noun_end", "digits_end", "token_start"})
_PLAIN = (str, int, float, bool, type(None), bytes)
_PLAIN_TYPES = frozenset(_PLAIN)


def shift_offsets(obj: Any, d: int) -> Any:
    """A copy of obj (a list or tuple of them, a dataclass-like object with a __dict__, a dict)
    with every int field named in OFFSET_FIELDS moved by d, nested objects copied likewise. Plain
    values are shared; a frozen dataclass is copied through its __dict__ as well."""
    t = type(obj)
    if t in _PLAIN_TYPES:
        return obj
    if t is list:
        return [x if type(x) in _PLAIN_TYPES else shift_offsets(x, d) for x in obj]
    if t is dict:
        return {k: (v if type(v) in _PLAIN_TYPES else shift_offsets(v, d)) for k, v in obj.items()}
    if t is tuple:
        return tuple(x if type(x) in _PLAIN_TYPES else shift_offsets(x, d) for x in obj)
    if isinstance(obj, (Enum, *_PLAIN)):
        return obj
    state = getattr(obj, "__dict__", None)
    if state is None:
        if any(hasattr(obj, f) for f in OFFSET_FIELDS):  # (a slotted class: say so, never share stale offsets)
            raise TypeError(f"shift_offsets cannot copy {t.__name__} (no __dict__): give its memo a shift of its own")
        return obj  # immutable values without a __dict__ (frozensets …)
    new = object.__new__(t)
    ns = new.__dict__
    ns.update(state)
    for k, v in state.items():
        tv = type(v)
        if tv is int:
            if v >= 0 and k in OFFSET_FIELDS:
                ns[k] = v + d
        elif tv not in _PLAIN_TYPES:
            ns[k] = shift_offsets(v, d)
    return new


def stats() -> dict[str, dict[str, int]]:
    return {m.name: {"entries": len(m.data), "chars": m.chars, "hits": m.hits, "misses": m.misses} for m in _ALL}


def clear() -> None:
    for m in _ALL:
        m.clear()


@contextmanager
def disabled():
    """Compute everything fresh inside (the tests' uncached side)."""
    old = _STATE["off"]
    _STATE["off"] = True
    try:
        yield
    finally:
        _STATE["off"] = old


__all__ = ["OFFSET_FIELDS", "clear", "disabled", "line_memo", "list_memo", "shift_offsets", "shifted_memo", "stats"]
