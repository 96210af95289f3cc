"""Groups of a whole stated in the sentence before and tied to it mid-sentence by "of them" / «из них»,
«среди них» ("Osh alone accounts for 950 of them", «Студентов среди них было 64»), and a count the next
sentence adds with "another" / «ещё». Phrasings written for these tests (not from the blind sets); each
wrong text has a corrected twin that stays quiet."""
from __future__ import annotations

import pytest

from checkutil import loud_figures

CASES = [
    # one group larger than its whole
    ("en", "The European Union funded a vaccination drive that reached 800 households in two districts.\n"
           "Osh district alone accounts for {} of them, most in mountain villages.", 950, 550, "950"),
    ("ru", "При поддержке Европейского союза курсы компьютерной грамотности окончили 90 пенсионеров.\n"
           "Жителей сёл из них оказалось {}, остальные живут в районном центре.", 120, 60, "120"),
    # a group with "of them", then another group added by "another" / «ещё» in the next sentence
    ("ru", "Летнюю школу Европейского союза в Хороге посетили 150 школьников.\n"
           "Девятиклассников среди них было 64.\nЕщё {} участников — ученики десятых и одиннадцатых классов.",
     95, 80, "95"),
    ("en", "Some context first. The European Union's summer camp in Karakol welcomed 150 pupils.\n"
           "Ninth-graders numbered 64 among them.\nAnother {} participants came from the upper grades.",
     95, 80, "95"),
]


@pytest.mark.parametrize("lang,text,wrong,right,flagged", CASES)
def test_of_them_group_over_whole(lang, text, wrong, right, flagged):
    loud = loud_figures(lang, text.format(wrong))
    assert any(r == "figures.groups" for r, _ in loud), loud
    assert loud_figures(lang, text.format(right)) == []
    flagged_texts = [t for r, t in loud if r == "figures.groups"]
    assert any(flagged in t or t in "150 pupils 150 школьников" for t in flagged_texts), flagged_texts


@pytest.mark.parametrize("lang,text", [
    # "of them" tied to a number of another thing, or a second count in the sentence before: no group
    ("en", "The European Union trained 40 teachers.\nThey prepared 1,200 lessons, and 300 of them are online."),
    ("ru", "Европейский союз обучил 40 учителей и 12 директоров школ.\nИз них 30 работают в сёлах, а 25 — в городах."),
    ("en", "The European Union equipped 20 clinics in Naryn.\nBy 2027, 35 new posts will open, many of them in clinics."),
    # a group within its whole, alone: nothing to check
    ("en", "The European Union equipped 20 clinics in Naryn.\nIn 2026, 15 of them will get solar panels too."),
])
def test_of_them_quiet(lang, text):
    assert loud_figures(lang, text) == []


# a list of labelled numbers closed by its total ("…; total – N", «…, всего — N»): the total is their sum
LISTS = [
    ("en", "Wells repaired with European Union funds in 2026, by district: Kara-Suu – 14; Uzgen – 9; Nookat – 11; "
           "total – {}.", 36, 34, "36", "34"),
    ("ru", "Выдано микрокредитов за счёт средств Европейского союза: Согд — 230, Хатлон — 310, Раштская долина — 95, "
           "итого — {}.", 625, 635, "625", "635"),
]


@pytest.mark.parametrize("lang,text,wrong,right,flagged,suggestion", LISTS)
def test_total_after_labelled_list(lang, text, wrong, right, flagged, suggestion):
    from checkutil import lint_str

    doc, fs = lint_str(text.format(wrong), lang)
    loud = [f for f in fs if f.category == "figures" and f.severity in ("error", "warning")]
    assert [doc.span_text(f.offset, f.end) for f in loud] == [flagged]
    assert suggestion in loud[0].suggestions[:1]
    assert loud_figures(lang, text.format(right)) == []


@pytest.mark.parametrize("lang,text", [
    # labelled numbers with no total closing them: no list of groups
    ("en", "The European Union hotline in 2026: calls – 140; visits – 35; letters – 12."),
    ("en", "Rooms booked for the European Union forum: Osh – 40; Jalal-Abad – 25; Batken – 15."),
])
def test_labelled_list_quiet(lang, text):
    assert loud_figures(lang, text) == []
