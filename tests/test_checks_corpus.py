"""Precision on real texts: contact, figures and consistency checks must not cry wolf.

/work/shared/corpus/real holds Russian Wikinews news (ru/) and US press releases (en/). They are
read in place (never copied). Structure and visibility are excluded: these texts are news, not
EU releases, so a missing disclaimer is expected there.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from app.core.readers import read_path
from app.engine.config import Config
from app.engine.linter import lint

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "real"
CATEGORIES = ["contact", "figures", "consistency"]

# Errors/warnings that are real mistakes in the texts: (file, rule, flagged text) -> why.
# Every other error/warning these checks raised on the corpus during tuning was a false alarm and
# the check was fixed instead (docs/checks.md, "Typography on real texts").
REAL_MISTAKES: dict[tuple[str, str, str], str] = {
    ("en/030.txt", "consistency.acronym-expansion", "Manufacturing Extension Partnership"):
        "MEP was spelled out as 'Manufacturing Extension Program' one sentence earlier",
    ("en/035.txt", "consistency.acronym-expansion", "Veterans Administration"):
        "VA was spelled out as 'Department of Veterans Affairs' earlier",
}

FILES = sorted(CORPUS.glob("*/*.txt")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"real corpus not found at {CORPUS} (../shared is absent)")
@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.name}" for p in FILES])
def test_no_false_alarms_on_real_texts(path):
    doc = read_path(str(path))
    found = lint(doc, Config(), select=CATEGORIES).findings
    loud = [(f"{path.parent.name}/{path.name}", f.rule, doc.span_text(f.offset, f.end))
            for f in found if f.severity in ("error", "warning")]
    unexpected = [x for x in loud if x not in REAL_MISTAKES]
    assert not unexpected, f"false alarms: {unexpected}"


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"real corpus not found at {CORPUS} (../shared is absent)")
def test_corpus_present_and_both_languages():
    assert len(list(CORPUS.glob("ru/*.txt"))) >= 10 and len(list(CORPUS.glob("en/*.txt"))) >= 10
