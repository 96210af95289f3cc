"""Stop 26, two readings found on the eighth blind set's tune texts:
- the lead's first word after its dateline starts a sentence (a typo there is an error, a name stays
  a name), although the dateline's «г.» looks like an abbreviation before it;
- after a preposition, «который» is the whole noun group: the noun after it belongs to the relative
  clause («на которые родственники смогут переводить деньги»)."""
import pytest

from checkutil import assert_grammar_quiet, loud_grammar
from app.engine.linter import lint_text

RU_HEAD = "ПРЕСС-РЕЛИЗ\n\n14 октября 2026 г.\n\nФермеры Сугда осваивают капельное орошение\n\n"
EN_HEAD = "PRESS RELEASE\n\n14 October 2026\n\nFarmers of Sughd learn drip irrigation\n\n"


def _spelling(text, lang):
    r = lint_text(text, lang, select=["spelling"])
    return [(r.document.span_text(f.offset, f.end), f.severity, f.suggestions[:1]) for f in r.findings]


@pytest.mark.parametrize("lang, text, word, fix", [
    ("ru", RU_HEAD + "Худжанд, 14 октября 2026 г. — Трениннг для фермеров прошел в Бободжон-Гафуровском районе.\n", "Трениннг", "Тренинг"),
    ("ru", RU_HEAD + "Худжанд, 14 октября 2026 года — Консултации для фермеров трех джамоатов начались.\n", "Консултации", "Консультации"),
    ("en", EN_HEAD + "KHUJAND, 14 October 2026 – Farmres from three jamoats learned drip irrigation.\n", "Farmres", "Farmers"),
])
def test_typo_opening_the_lead_after_its_dateline_is_an_error(lang, text, word, fix):
    got = _spelling(text, lang)
    assert (word, "error", [fix]) in got, got


@pytest.mark.parametrize("lang, text", [
    ("ru", RU_HEAD + "Худжанд, 14 октября 2026 г. — Мухаббат Рахимова открыла курс для фермеров.\n"),
    ("en", EN_HEAD + "KHUJAND, 14 October 2026 – Mukhabbat Rakhimova opened a course for farmers.\n"),
])
def test_name_opening_the_lead_after_its_dateline_is_no_error(lang, text):
    assert not [x for x in _spelling(text, lang) if x[1] in ("error", "warning")]


def test_relative_pronoun_after_a_preposition_is_the_whole_group():
    assert_grammar_quiet("Выпускницы получили карты, на которые родственники смогут переводить деньги без посредников.")
    assert_grammar_quiet("Мы открыли центры, в которых специалисты принимают семьи мигрантов.")


def test_relative_pronoun_in_the_wrong_case_is_still_flagged():
    got = loud_grammar("Мы открыли центры, в которым специалисты принимают семьи мигрантов.")
    assert got and got[0][0] == "которым", got
