"""Relations the figures model did not read at all (stop 26, branch fig-read9), each with its wrong twin
(a finding on the planted figure) and its right twin (silence). Phrasings written for these tests."""
from __future__ import annotations

from checkutil import loud_figures


def _flags(lang, text, rule, span):
    got = loud_figures(lang, text)
    assert any(r == rule and span in t for r, t in got), got


# --- counts of the same things are one fact in a release that names no EU funding -------------------------
def _clinics_ru(later):
    return ("Программа модернизации охватит 36 сельских амбулаторий Хатлонской области.\n"
            "Первые врачи пройдут обучение в Бохтаре уже в марте.\n"
            f"К середине 2027 года все {later} амбулаторий программы получат ультразвуковые аппараты.\n")


def _clinics_en(later):
    return ("The modernisation programme will cover 36 rural clinics in Khatlon region.\n"
            "The first doctors will be trained in Bokhtar in March.\n"
            f"By mid-2027 all {later} rural clinics of the programme will have ultrasound machines.\n")


def test_same_things_without_eu_ru():
    _flags("ru", _clinics_ru("38"), "figures.same-fact", "38")
    assert loud_figures("ru", _clinics_ru("36")) == []


def test_same_things_without_eu_en():
    _flags("en", _clinics_en("38"), "figures.same-fact", "38")
    assert loud_figures("en", _clinics_en("36")) == []
