"""Clean figures stay quiet, their wrong twins stay loud (issue 10), in phrasings written for these tests."""
from __future__ import annotations

import pytest
from checkutil import loud_figures

from app.core.readers import read_bytes
from app.engine.config import Config
from app.engine.linter import lint

EU_RU = "Проект финансирует ЕС.\n"
EU_EN = "The European Union funds the project.\n"

# a share in brackets right after the contributor named behind its amount («1,6 млн евро выделил
# Европейский Союз (80 процентов), 400 тыс. евро — ПРООН») is that amount's share, not the share of the
# next contributor's amount after the closing bracket
QUIET = [
    ("ru", EU_RU + "Бюджет центра — 2 млн евро: 1,6 млн евро выделил Европейский Союз (80 процентов), 400 тыс. евро — ПРООН."),
    ("en", EU_EN + "The centre costs EUR 2 million: EUR 1.6 million was granted by the European Union (80%), EUR 400,000 by UNDP."),
]
LOUD = [
    ("ru", EU_RU + "Бюджет центра — 2 млн евро: 1,6 млн евро выделил Европейский Союз (85 процентов), 400 тыс. евро — ПРООН.",
     "85 процентов", "80 процентов"),
    ("en", EU_EN + "The centre costs EUR 2 million: EUR 1.6 million was granted by the European Union (85%), EUR 400,000 by UNDP.",
     "85%", "80%"),
]


@pytest.mark.parametrize("lang,text", QUIET)
def test_bracketed_share_of_the_amount_before_is_quiet(lang, text):
    assert loud_figures(lang, text) == []


@pytest.mark.parametrize("lang,text,span,fix", LOUD)
def test_bracketed_share_of_the_amount_before_is_checked(lang, text, span, fix):
    doc = read_bytes(text.encode("utf-8"), "draft.txt")
    found = [f for f in lint(doc, Config()).findings if f.rule == "figures.share"]
    assert [doc.span_text(f.offset, f.end) for f in found] == [span]
    assert found[0].suggestions == [fix]
