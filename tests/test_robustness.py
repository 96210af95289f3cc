"""Mutated drafts (deterministic): the linter, annotate and fix never crash, spans stay in range."""
from __future__ import annotations

import io
import random

import docx

from app.annotate import annotate
from app.core.readers import read_bytes
from app.engine.linter import lint
from app.errors import PressroomError
from app.fix import apply_fixes

ALPHABET = list("аб вгдеёжзAbc-–—«»\"'.,;:!?()[]<>@+0123456789 \n\t%€$#*_/\\") + [
    "\u00a0", "\u200b", "\ufeff", "\u0301", "\r\n", "<!-- pressroom-disable -->",
]


def _mutate(rnd: random.Random, base: str) -> str:
    n = rnd.randint(0, 400)
    s = rnd.randint(0, max(0, len(base) - n))
    chunk = list(base[s:s + n])
    for _ in range(rnd.randint(0, 30)):
        pos = rnd.randint(0, len(chunk))
        if rnd.random() < 0.5:
            chunk.insert(pos, rnd.choice(ALPHABET))
        elif chunk:
            del chunk[min(pos, len(chunk) - 1)]
    return "".join(chunk)


def test_mutated_text_drafts_never_crash_and_spans_stay_in_range(seed_path):
    base = seed_path.read_text(encoding="utf-8")
    rnd = random.Random(2026)
    linted = 0
    for _ in range(150):
        text = _mutate(rnd, base)
        fmt = rnd.choice(["txt", "md"])
        try:
            doc = read_bytes(text.encode("utf-8"), f"draft.{fmt}", fmt, rnd.choice(["auto", "ru", "en"]))
        except PressroomError:
            continue  # refused with a message (e.g. empty): fine
        for f in lint(doc).findings:
            assert 0 <= f.offset <= f.end <= len(doc.source_text), (f, text)
            assert f.to_dict(doc)["text"] == doc.source_text[f.offset:f.end]
        linted += 1
    assert linted > 120


def test_docx_with_randomly_split_runs_annotates_and_fixes_without_changing_text(seed_path):
    lines = seed_path.read_text(encoding="utf-8").split("\n")
    rnd = random.Random(7)
    for _ in range(4):
        d = docx.Document()
        for line in rnd.sample(lines, k=rnd.randint(3, len(lines))):
            p = d.add_paragraph()
            pos = 0
            while pos < len(line):
                step = rnd.randint(1, 40)
                run = p.add_run(line[pos:pos + step])
                run.bold = rnd.random() < 0.3
                pos += step
        buf = io.BytesIO()
        d.save(buf)
        doc = read_bytes(buf.getvalue(), "draft.docx")
        findings = lint(doc).findings
        annotated = read_bytes(annotate(doc, findings), "annotated.docx")
        assert annotated.text == doc.text
        fresh = read_bytes(buf.getvalue(), "draft.docx")
        fixed, applied, skipped = apply_fixes(fresh, lint(fresh).findings)
        assert read_bytes(fixed, "fixed.docx").text
