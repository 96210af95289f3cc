"""Typography rules on real texts nobody here wrote (read in place from ../shared/corpus/real).

Every typography finding must be a real error in the text. The ones below were reviewed by hand;
anything else fails the test (a false positive to fix in the rule).
"""
from __future__ import annotations

from collections import Counter

from app.core.readers import read_path
from app.engine.linter import lint

# (file, rule, flagged text): why it is a real error
REAL_ERRORS = {
    ("en/026.txt", "typography.range-hyphen", "2006-2020"): "year range with a hyphen (EU style: en dash); twice",
    ("en/038.txt", "typography.range-hyphen", "2005-2006"): "year range with a hyphen",
    ("ru/002.txt", "typography.range-hyphen", "3-4"): "«в 3-4 раза»: a range takes a dash",
    ("ru/020.txt", "typography.range-hyphen", "50-70"): "«50-70 млн рублей»: a range takes a dash",
    ("ru/034.txt", "typography.range-hyphen", "2007-2010"): "«за 2007-2010 годы»",
    ("ru/011.txt", "typography.space-before-punctuation", " ,"): "«составляет , а»: a figure is missing before the comma",
    ("ru/039.txt", "typography.double-space", "  "): "two double spaces where a word was dropped",
}


def test_typography_findings_on_real_texts_are_real_errors(corpus_dir):
    seen = Counter()
    unexpected = []
    files = sorted(corpus_dir.rglob("*.txt"))
    assert len(files) >= 80
    for path in files:
        doc = read_path(str(path))
        for f in lint(doc, select=["typography"]).findings:
            key = (f"{path.parent.name}/{path.name}", f.rule, doc.span_text(f.offset, f.end))
            if key in REAL_ERRORS:
                seen[key] += 1
            else:
                line, col = doc.line_col(f.offset)
                unexpected.append(f"{key[0]}:{line}:{col} {f.rule} {key[2]!r}")
    assert not unexpected, "typography false positives on real texts:\n" + "\n".join(unexpected)
    # the reviewed real errors are still found (the rules keep their recall)
    assert set(seen) == set(REAL_ERRORS), set(REAL_ERRORS) - set(seen)
