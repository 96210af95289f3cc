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


# --- a product whose items are named by another noun in the sentence before ---------------------------------
def _ambulances_ru(total):
    return ("Нарын. Шесть районных больниц области получили новые автомобили скорой помощи.\n"
            f"Стоимость одного автомобиля — 52 000 евро, поставка на общую сумму {total} евро оплачена Европейским союзом.\n")


def _ambulances_en(total):
    return ("NARYN. Six district hospitals of the region have received new ambulances.\n"
            f"The price of one vehicle is EUR 52,000; the delivery, EUR {total} in total, was paid for by the European Union.\n")


def _tablets_ru(total):
    return ("Хорог. Четырнадцать сельских библиотек получили читальные залы с планшетами. "
            f"В каждый зал передано по 8 планшетов — итого {total} устройств. Поставку оплатил Европейский союз.\n")


def test_items_named_before_money_ru():
    _flags("ru", _ambulances_ru("322 000"), "figures.product", "322 000 евро")
    assert loud_figures("ru", _ambulances_ru("312 000")) == []


def test_items_named_before_money_en():
    _flags("en", _ambulances_en("322,000"), "figures.product", "EUR 322,000")
    assert loud_figures("en", _ambulances_en("312,000")) == []


def test_items_named_before_count_total_after_dash_ru():
    _flags("ru", _tablets_ru("120"), "figures.product", "120 устройств")
    assert loud_figures("ru", _tablets_ru("112")) == []


def test_items_counted_elsewhere_are_not_guessed():
    # the vehicles are counted (nine): the hospitals of the sentence before are not their count
    text = ("NARYN. Six district hospitals of the region have received nine new ambulances.\n"
            "One vehicle costs EUR 52,000; the delivery, EUR 468,000 in total, was paid for by the European Union.\n")
    assert loud_figures("en", text) == []


# --- the same people named by a generic noun the second time ------------------------------------------------
def _nurses_en(later):
    return ("ASTANA, 12 May 2026 – Ninety nurses from Akmola region completed a course in palliative care, "
            "funded by the European Union.\n"
            f"Of the {later} participants, 70 were women and {later - 70} men.\n")


def _nurses_ru(later):
    return ("Кокшетау, 12 мая 2026 года – Более 150 медсестёр Акмолинской области приняли участие в семинаре "
            "по паллиативной помощи при поддержке Европейского союза.\n"
            f"Около {later} слушателей семинара получили сертификаты.\n")


def test_generic_name_restates_people_en():
    _flags("en", _nurses_en(96), "figures.same-fact", "Ninety nurses")
    assert loud_figures("en", _nurses_en(90)) == []


def test_generic_name_restates_people_ru():
    _flags("ru", _nurses_ru(100), "figures.same-fact", "100 слушателей")
    assert loud_figures("ru", _nurses_ru(160)) == []


def test_generic_name_with_a_place_is_a_part():
    # «слушателей из Кокшетау»: some of them, not all counted again
    text = ("Кокшетау, 12 мая 2026 года – 150 медсестёр приняли участие в семинаре при поддержке Европейского союза.\n"
            "Около 40 слушателей из Кокшетау получили сертификаты.\n")
    assert loud_figures("ru", text) == []


def test_two_generic_names_are_not_restated():
    text = ("BUKHARA, 2 April 2027 – The European Union funds a course for 200 participants. "
            "Samarkand will account for 80 trainees and Bukhara for the rest.\n")
    assert loud_figures("en", text) == []


# --- the lead's count with its place named is the release's count of those people ---------------------------
def _teachers_en(later):
    return ("BATKEN, 3 March 2026 – The European Union will train 400 teachers in Batken region this year.\n"
            f"In total, {later} teachers will complete the course by December.\n")


def _teachers_ru(later):
    return ("Баткен, 3 марта 2026 года – Европейский союз обучит 400 учителей в Баткенской области.\n"
            f"Всего курс до декабря пройдут {later} учителей.\n")


def test_lead_count_with_place_restated_en():
    _flags("en", _teachers_en(450), "figures.same-fact", "450 teachers")
    assert loud_figures("en", _teachers_en(400)) == []


def test_lead_count_with_place_restated_ru():
    _flags("ru", _teachers_ru(450), "figures.same-fact", "450 учителей")
    assert loud_figures("ru", _teachers_ru(400)) == []


def test_two_counts_with_places_are_two_facts():
    # both counts name their place: a count per district, not the lead's count again
    text = ("BATKEN, 3 March 2026 – The European Union will train 400 teachers in Batken region this year.\n"
            "The first 150 teachers in Kadamjay district start in April.\n")
    assert loud_figures("en", text) == []


# --- "the N things" mid-sentence points back at the one earlier count of those things ------------------------
def _wells_en(later):
    return ("OSH, 3 March 2026 – The EU-funded project will drill 30 wells this year.\n"
            f"Work on the {later} wells will start in April, when the ground thaws.\n")


def test_the_things_mid_sentence_restated():
    _flags("en", _wells_en(35), "figures.same-fact", "35 wells")
    assert loud_figures("en", _wells_en(30)) == []


def test_the_things_with_a_place_after_are_a_part():
    text = ("OSH, 3 March 2026 – The EU-funded project will drill 30 wells this year.\n"
            "Work on the 12 wells in Kara-Suu will start in April.\n")
    assert loud_figures("en", text) == []
