"""An edited draft linted through the web worker's caches (issue 13) gets exactly the findings of a
fresh lint: the whole-document and per-paragraph lint cache (app/engine/lintcache.py) and the
per-sentence readings kept across lints (app/core/textmemo.py: a block's sentences, a sentence's
quantities and date ranges) change the work done, never the answer."""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from app.core import textmemo
from app.core.readers import read_bytes
from app.engine.config import Config
from app.engine.lintcache import LintCache
from app.engine.linter import LintContext, lint
from app.facts.dates import _find_dates, find_ranges, time_points
from app.facts.quantities import find_quantities
from app.output import to_json_dict

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "000_87413283a02d3cbb.txt"
REAL = ROOT.parent / "shared" / "corpus" / "real"


def _json(res) -> str:
    return json.dumps(to_json_dict([res], notices=res.notices, lang="en"), ensure_ascii=False, sort_keys=True)


def _fresh(text: str) -> str:
    """A lint with nothing kept from before: no lint cache, every reading computed anew."""
    with textmemo.disabled():
        doc = read_bytes(text.encode("utf-8"), "d", "txt", "auto")
        return _json(lint(doc, Config(), context=LintContext(config=Config())))


def _cached(cache: LintCache, text: str) -> str:
    return _json(cache.lint(read_bytes(text.encode("utf-8"), "d", "txt", "auto"), Config()))


def _one_paragraph_changed(text: str, rnd: random.Random) -> list[str]:
    """Three versions of text, each with one paragraph changed as an editor would: a word typed
    into it, a figure in it changed (the facts model's readings), two words swapped."""
    lines = text.split("\n")
    paras = [i for i, line in enumerate(lines) if len(line.split()) >= 4] or [0]
    with_figures = [i for i in paras if re.search(r"\d", lines[i])] or paras
    out = []
    ls = list(lines)
    i = rnd.choice(paras)
    ws = ls[i].split(" ")
    ws.insert(rnd.randrange(len(ws) + 1), rnd.choice(["проект", "Европейского", "the", "grant", "2025"]))
    ls[i] = " ".join(ws)
    out.append("\n".join(ls))
    ls = list(lines)
    i = rnd.choice(with_figures)
    ls[i] = re.sub(r"\d", lambda m: str((int(m.group(0)) + 3) % 10), ls[i], count=2)
    out.append("\n".join(ls))
    ls = list(lines)
    i = rnd.choice(paras)
    ws = ls[i].split(" ")
    j = rnd.randrange(len(ws) - 1) if len(ws) > 1 else 0
    ws[j:j + 2] = ws[j:j + 2][::-1]
    ls[i] = " ".join(ws)
    out.append("\n".join(ls))
    return out


def _texts() -> list[tuple[str, str]]:
    out = [(SEED.name, SEED.read_text(encoding="utf-8"))]
    out += [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").glob("*.txt")) if p != SEED][:3]
    for lang in ("en", "ru"):
        if (REAL / lang).is_dir():
            out += [(f"{lang}/{p.name}", p.read_text(encoding="utf-8")) for p in sorted((REAL / lang).glob("*.txt"))[:3]]
    return out


@pytest.mark.parametrize("name,text", _texts(), ids=[n for n, _ in _texts()])
def test_a_draft_with_one_paragraph_changed_gets_a_fresh_lints_findings(name, text):
    cache = LintCache()
    rnd = random.Random(name)
    assert _cached(cache, text) == _fresh(text)
    for version in _one_paragraph_changed(text, rnd):
        assert _cached(cache, version) == _fresh(version), f"{name}: the cached lint of an edited draft differs"
    assert cache.stats["paragraph_hits"] > 0
    memo = textmemo.stats()
    assert memo["app.facts.quantities.find_quantities"]["hits"] > 0


def test_the_seed_edited_twenty_times_stays_identical():
    text = SEED.read_text(encoding="utf-8")
    cache = LintCache()
    rnd = random.Random(27)
    _cached(cache, text)
    for _ in range(7):
        for version in _one_paragraph_changed(text, rnd):
            assert _cached(cache, version) == _fresh(version)


def _sentences(text: str):
    with textmemo.disabled():
        doc = read_bytes(text.encode("utf-8"), "d", "txt", "auto")
        return doc.language, [(s.start, s.end) for s in doc.sentences]


def test_kept_readings_equal_fresh_ones_at_any_offset():
    """find_quantities and find_ranges memoised: the result at offset 0 moved to the sentence's own
    offset is what the function computes there (every offset field, nested numbers and points)."""
    n = 0
    for name, text in _texts():
        lang, spans = _sentences(text)
        lang = lang if lang in ("ru", "en") else "en"
        for a, b in spans:
            piece = text[a:b]
            for base in (a, a + 17, 0, a):
                pts = time_points(piece, lang)
                skip = [(p.start + base, p.end + base) for p in pts]
                got_r, got_q = find_ranges(piece, lang, base), find_quantities(piece, lang, base, skip)
                with textmemo.disabled():
                    want_r, want_q = find_ranges(piece, lang, base), find_quantities(piece, lang, base, skip)
                assert got_r == want_r and got_q == want_q, f"{name}: {piece!r} at {base}"
                assert _find_dates(piece, lang) == _find_dates.fresh(piece, lang)
                n += len(want_q)
    assert n > 100


def test_what_a_caller_gets_is_its_own_copy():
    text = "The EU provided EUR 2.5 million, and 120 teachers were trained from March 2024 to June 2025."
    find_quantities(text, "en", 40, [])
    first = find_quantities(text, "en", 40, [])  # the kept copy's first use
    assert first
    first[0].meta["touched"] = True
    first[0].start = -99
    again = find_quantities(text, "en", 40, [])
    assert "touched" not in again[0].meta and again[0].start != -99
    assert [q.start - 40 for q in again] == [q.start for q in find_quantities(text, "en", 0, [])]


def test_sentences_of_a_document_are_the_same_with_or_without_the_kept_ones():
    text = SEED.read_text(encoding="utf-8")
    d1 = read_bytes(text.encode("utf-8"), "d", "txt", "auto")
    d1.sentences
    edited = text.replace("\n", "\nНовый абзац. Ещё одно предложение.\n", 1)
    d2 = read_bytes(edited.encode("utf-8"), "d", "txt", "auto")
    with textmemo.disabled():
        d3 = read_bytes(edited.encode("utf-8"), "d", "txt", "auto")
        want = list(d3.sentences)
    assert d2.sentences == want


def test_the_kept_readings_are_bounded():
    memo = find_quantities.memo
    old = memo.max_chars
    try:
        memo.clear()
        memo.max_chars = 50_000
        for i in range(400):
            for _ in range(2):  # (a text is kept from its second reading on)
                find_quantities(f"Grant number {i} of EUR {i},000 was given to {i + 3} schools.", "en", 0, [])
        assert 0 < memo.chars <= 50_000 and 10 < len(memo.data) < 400
    finally:
        memo.max_chars = old


def test_a_documents_words_read_line_by_line_equal_the_whole_texts_words():
    from app.facts.phrases import words

    for name, text in _texts():
        edited = text.replace("\n", "\n\n  — 12,5 %\n", 1) + "\r\nlast line’s words"
        for t in (text, edited, text):
            for base in (0, 7, 0):
                assert words(t, base) == words.fresh(t, base), name
    assert words.memo.hits > 0
