"""Organisation names by family (own phrasings): a city or country office suffix, a partner named
instead of the implementer, an acronym in its legal-form frame, another UN programme."""
from __future__ import annotations

from app.engine.linter import lint_text

RULE = "consistency.org-name-mismatch"
DISC_EN = ("This publication was produced with the financial support of the European Union. Its contents are "
           "the sole responsibility of {org} and do not necessarily reflect the views of the European Union.")
DISC_RU = ("Данная публикация подготовлена при финансовой поддержке Европейского Союза. Ее содержание является "
           "исключительной ответственностью {org} и не обязательно отражает точку зрения Европейского Союза.")


def found(text, lang):
    r = lint_text(text, lang, select=[RULE])
    return [(r.document.span_text(f.offset, f.end), f.suggestions[:1]) for f in r.findings]


def test_en_country_office_elsewhere_is_flagged_with_the_release_office():
    text = ("UNICEF in Kyrgyzstan trained 40 school nurses in Osh and Jalal-Abad.\n\n"
            + DISC_EN.format(org="UNICEF in Tajikistan")
            + "\n\nAbout the project: it is implemented by UNICEF in Kyrgyzstan.")
    assert found(text, "en") == [("UNICEF in Tajikistan", ["UNICEF in Kyrgyzstan"])]


def test_ru_city_office_elsewhere_is_flagged_in_the_disclaimer_case():
    text = ("Фонд Ага Хана в Хороге провел обучение для 30 фермеров Шугнанского района.\n\n"
            + DISC_RU.format(org="Фонда Ага Хана в Худжанде"))
    assert found(text, "ru") == [("Фонда Ага Хана в Худжанде", ["Фонда Ага Хана в Хороге"])]


def test_ru_office_suffix_after_an_acronym_list_is_the_same_body():
    text = ("Детский фонд ООН (ЮНИСЕФ, UNICEF) в Таджикистане передал школам учебники.\n\n"
            + DISC_RU.format(org="ЮНИСЕФ в Таджикистане"))
    assert found(text, "ru") == []


def test_en_office_suffix_with_the_country_named_otherwise_is_the_same_body():
    text = ("UNDP and the Ministry of Emergency Situations of the Kyrgyz Republic opened a warning centre. "
            "UNDP in the Kyrgyz Republic will run it for two years.\n\n"
            + DISC_EN.format(org="UNDP in Kyrgyzstan"))
    assert found(text, "en") == []


def test_en_office_suffix_of_the_release_country_is_quiet():
    text = ("ASTANA – UNDP handed over solar panels to 12 rural clinics in Kazakhstan.\n\n"
            + DISC_EN.format(org="UNDP in Kazakhstan"))
    assert found(text, "en") == []


def test_partner_named_instead_of_the_implementer_is_flagged():
    text = ("The course is implemented by UNICEF in partnership with the Ministry of Education and Science "
            "of the Kyrgyz Republic.\n\n"
            + DISC_EN.format(org="the Ministry of Education and Science of the Kyrgyz Republic"))
    assert found(text, "en") == [("Ministry of Education and Science of the Kyrgyz Republic", ["UNICEF"])]


def test_the_implementer_in_the_disclaimer_is_quiet():
    text = ("The course is implemented by UNICEF in partnership with the Ministry of Education and Science "
            "of the Kyrgyz Republic.\n\n" + DISC_EN.format(org="UNICEF"))
    assert found(text, "en") == []


def test_ru_partner_named_instead_of_the_implementer_is_flagged():
    text = ("Проект реализует ПРООН в сотрудничестве с Министерством энергетики Таджикистана.\n\n"
            + DISC_RU.format(org="Министерства энергетики Таджикистана"))
    assert found(text, "ru") == [("Министерства энергетики Таджикистана", ["ПРООН"])]


def test_ru_swapped_acronym_keeps_the_legal_form_frame():
    text = ("Общественный фонд «Центр экологических инициатив» (ЦЭИ) провел субботник в Оше. "
            "Директор ЦЭИ поблагодарил волонтеров.\n\n" + DISC_RU.format(org="ОФ «ЦИЭ»"))
    assert found(text, "ru") == [("ОФ «ЦИЭ»", ["ОФ «ЦЭИ»"])]


def test_ru_another_un_programme_is_not_a_variant_of_undp():
    text = ("Встречу провела Программа развития ООН вместе с экспертами Программы ООН по окружающей среде.\n\n"
            + DISC_RU.format(org="Программы развития ООН"))
    assert found(text, "ru") == []


def test_en_country_office_without_in_is_the_same_body():
    text = "UNDP in Kyrgyzstan opened a flood warning centre in Osh.\n\n" + DISC_EN.format(org="UNDP Kyrgyzstan")
    assert found(text, "en") == []


def test_en_full_name_of_an_alias_with_an_office_suffix_is_the_same_body():
    text = ("UNICEF in Uzbekistan delivered vaccines to Karakalpakstan.\n\n"
            + DISC_EN.format(org="the United Nations Children's Fund in Uzbekistan"))
    assert found(text, "en") == []


def test_ru_partner_instead_of_a_quoted_implementer_gets_its_whole_name():
    text = ("Проект реализует ОФ «Таза Суу» совместно с айыл окмоту Ак-Суйского района.\n\n"
            + DISC_RU.format(org="айыл окмоту Ак-Суйского района"))
    assert found(text, "ru") == [("айыл окмоту Ак-Суйского района", ["ОФ «Таза Суу»"])]
