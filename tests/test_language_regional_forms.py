"""Regional vocabulary: forms pymorphy3 cannot guess and district names of Tajikistan and
Turkmenistan stay quiet; typos next to them are still caught (own phrasings)."""
from __future__ import annotations

import pytest

from app.engine.linter import lint_text


def spelling(text, lang="ru"):
    r = lint_text(text, lang, select=["spelling.unknown-word"])
    return [(r.document.span_text(f.offset, f.end), f.severity, f.suggestions[:1]) for f in r.findings]


QUIET_RU = [
    # plural of дайханин (-анин → -ане, -ан, -анам, -анами, -анах), as гражданин → граждане
    "Дайхане трех этрапов собрались на поле. Агроном рассказал дайханам о поливе, а вечером встретился "
    "с дайханами из соседнего села; всего пришли сорок дайхан.",
    "О дайханах Лебапского велаята сняли короткий фильм.",
    # districts and their centres the GeoNames city list misses
    "Балх, 4 марта 2026 г. – В Балхском районе открылась школа. Учителя из Хулбука и Гарма приехали на открытие.",
    "Кёйтендаг и Ходжамбаз вошли в проект вместе с Чарджевским этрапом.",
    # an adjective made from a place the lists or pymorphy3 know
    "Мургабский и Саятский районы получили новые насосы.",
    # adjectives of the vocabulary's lower-case terms (хукумат, айыл, аксакал)
    "Представители хукуматского отдела и айыльного кенеша встретились с членами аксакальского суда.",
]


@pytest.mark.parametrize("text", QUIET_RU, ids=range(len(QUIET_RU)))
def test_regional_forms_and_districts_stay_quiet(text):
    assert spelling(text) == []


def test_english_district_names_stay_quiet():
    text = ("Farmers from Gokdepe, Babadayhan and Sarahs met in Anau. Schools in Balkh, Khulbuk and "
            "Garm joined the programme; forty dayhans took part.")
    assert spelling(text, "en") == []


def test_a_typo_beside_the_regional_words_is_still_an_error():
    found = spelling("Дайхане получили новые докумнеты о земле.")
    assert ("докумнеты", "error", ["документы"]) in found


def test_a_capitalised_typo_is_not_taken_for_a_place_adjective():
    # «Город» is a word, not a place: «Городский» one edit from «Городской» stays an error
    found = spelling("Городский совет утвердил план.")
    assert found and found[0][0] == "Городский" and found[0][1] == "error" and found[0][2] == ["Городской"]


@pytest.mark.parametrize("text,span,suggestion", [
    ("Семинар завершился в пятницу. Кроем того, участники получили сертификаты.", "Кроем", "Кроме"),
    ("Жители выбрали проекты. Кроем этого, район выделил землю под сквер.", "Кроем", "Кроме"),
])
def test_a_real_word_slipped_into_a_set_phrase_at_a_sentence_start(text, span, suggestion):
    assert (span, "error", [suggestion]) in [(s, sev, sug[:1]) for s, sev, sug in spelling(text)]


@pytest.mark.parametrize("text", [
    "Кроме того, участники получили сертификаты.",
    "Кроем крышу новым материалом. Поле этого года засеяно пшеницей.",  # no set phrase follows
    "Каким образом проверить качество воды, рассказали специалисты.",  # «таким образом» is left out: both are right
])
def test_set_phrases_and_their_real_words_elsewhere_stay_quiet(text):
    assert spelling(text) == []


def test_surnames_built_from_the_added_given_names_are_known():
    # Turkmen and Tajik given names (Сапар, Меред, Мурод, Исмат) and the surnames the region forms from them
    text = "Сапаров и Мередова выступили первыми. Муродов рассказал о планах, Исматова — о бюджете."
    assert spelling(text) == []
    assert spelling("Saparov and Meredova spoke first. Murodov and Ismatova presented the budget.", "en") == []
