"""Every registered rule and every reader over adversarial strings: work per character is bounded.

tests/adversarial/runner.py runs in a child process: it wraps ``re`` before Pressroom is imported,
so every pattern Pressroom's own code compiles or calls counts the characters it is handed to scan,
and it records the longest word given to morphology and suggestions. It iterates over the rule
registry (``load_rules()``), so a check added later is covered without touching this file. Asserted:

- counting: per (string, format, language, rule) the characters handed to regular expressions are at
  most ``CHARS_PER_CHAR`` times the length of the text (a check that re-scans the text once per
  word or per match is quadratic and fails here), and no word over 100 characters reaches
  morphology, the dictionaries or the suggester;
- time, for what counting cannot see (backtracking inside one regular-expression call): each rule
  gets at most ``CPU_BASE + CPU_PER_CHAR × n`` seconds of CPU on each string. A quadratic pattern
  needs 4-20 s at this size (measured before the fix), a linear one below 0.3 s;
- a backstop: the child is killed when it prints nothing for ``STALL`` seconds, and the test names
  the rule and string that hung.
"""
from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
import time
from pathlib import Path

import pytest

RUNNER = Path(__file__).parent / "adversarial" / "runner.py"
SIZE = 20_000
CHARS_PER_CHAR = 100
CPU_BASE, CPU_PER_CHAR = 1.0, 25e-6
STALL = 120
MAX_WORD = 100


def _run(size: int, *cases: str) -> tuple[list[dict], str | None]:
    proc = subprocess.Popen([sys.executable, str(RUNNER), str(size), *cases], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    rows, last_start, hung = [], None, None
    try:
        while True:
            if not sel.select(timeout=STALL):
                hung = f"no progress for {STALL} s in {last_start}"
                break
            line = proc.stdout.readline()
            if not line:
                break
            row = json.loads(line)
            if "start" in row:
                last_start = row["start"]
            elif "case" in row:
                rows.append(row)
    finally:
        if proc.poll() is None:
            proc.kill()
        err = proc.stderr.read()
        proc.wait()
    if hung is None and proc.returncode != 0:
        hung = f"runner failed (exit {proc.returncode}) after {last_start}: {err[-2000:]}"
    return rows, hung


@pytest.fixture(scope="module")
def results():
    return _run(SIZE)


def test_every_rule_and_reader_ran_over_every_string(results):
    rows, hung = results
    assert hung is None, hung
    import importlib.util

    from app.engine.rules import load_rules

    spec = importlib.util.spec_from_file_location("adversarial_runner", RUNNER)
    runner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(runner)
    cases = runner.cases
    ran = {(r["case"], r["format"], r["rule"]) for r in rows}
    n_cases = len(cases(SIZE))
    assert len({r["case"] for r in rows}) == n_cases >= 50
    for rule in load_rules():
        for fmt in ("txt", "docx"):
            assert sum(1 for c, f, rid in ran if rid == rule.id and f == fmt) == n_cases, (rule.id, fmt)
    # Markdown made only of markup has no text: refused with a message, not a crash
    refused = [r for r in rows if "refused" in r]
    assert all(r["format"] == "md" and "no text to check" in r["refused"] for r in refused), refused


def test_regular_expressions_scan_each_character_a_bounded_number_of_times(results):
    rows, _ = results
    over = [(r["rule"], r["case"], r["format"], r.get("lang"), round(r["chars"] / r["n"]))
            for r in rows if "chars" in r and r["chars"] > CHARS_PER_CHAR * r["n"] + 10_000]
    assert not over, over
    calls = [(r["rule"], r["case"], r["format"], r["calls"]) for r in rows if "calls" in r and r["calls"] > 20 * r["n"] + 1000]
    assert not calls, calls


def test_no_huge_word_reaches_morphology_or_suggestions(results):
    rows, _ = results
    long_ = [(r["rule"], r["case"], r["format"], r["longest_word"]) for r in rows if r.get("longest_word", 0) > MAX_WORD]
    assert not long_, long_


def test_cpu_per_character_is_bounded(results):
    rows, _ = results
    slow = [(r["rule"], r["case"], r["format"], r.get("lang"), round(r["cpu"], 2))
            for r in rows if "cpu" in r and r["cpu"] > CPU_BASE + CPU_PER_CHAR * r["n"]]
    assert not slow, slow


def test_the_issue_cases_at_full_size():
    """The sizes the audit used: 100 000 punctuation marks, a 50 000-letter word after a sentence,
    20 000 × '**a ' in Markdown, nested brackets, 10 000 short lines (whole rule set, all formats)."""
    t0 = time.monotonic()
    rows, hung = _run(100_000, "punctuation-dots:txt", "huge-word-latin:txt", "markdown-emphasis:md",
                      "square-nested:md", "short-lines:txt", "short-lines:docx")
    assert hung is None, hung
    slow = [(r["rule"], r["case"], r["format"], round(r["cpu"], 2)) for r in rows
            if "cpu" in r and r["cpu"] > CPU_BASE + CPU_PER_CHAR * r["n"]]
    assert not slow, slow
    assert time.monotonic() - t0 < 600
