"""Organisation names, round of stop 26 (lang9, issue 11): a name quoted inside a quoted name in the
same quotes («Центр «Умут»»), a disclaimer that spells out the acronym the release writes bare
(«Агентство развития и инвестирования сообществ» for АРИС), and the suggestion when the release
names its organisation by a bare acronym only. Texts written for these tests, not taken from eval cases."""
from __future__ import annotations

from checkutil import org_findings

NESTED = ("ОО «Клуб «Жашыл Өрөөн»» провело субботник в Караколе. Волонтеры ОО «Клуб «Жашыл Өрөөн»» высадили "
          "200 саженцев.")
BARE_RU = "Проект выполняет АРИС. Специалисты АРИС осмотрели 12 водопроводов в Таласской области."
BARE_EN = "The project is run by UNICEF. UNICEF staff visited 14 schools in Khatlon."


def test_nested_quotes_same_name_quiet():
    assert org_findings(NESTED, "ОО «Клуб «Жашыл Өрөөн»»", "ru") == []


def test_nested_quotes_other_name_suggests_whole_name():
    assert org_findings(NESTED, "ОО «Клуб «Кок Жайык»»", "ru") == [
        ("ОО «Клуб «Кок Жайык»»", ["ОО «Клуб «Жашыл Өрөөн»»"])]


def test_nested_quotes_other_form_keeps_both_closing_quotes():
    assert org_findings(NESTED, "ОФ «Клуб «Жашыл Өрөөн»»", "ru") == [
        ("ОФ «Клуб «Жашыл Өрөөн»»", ["ОО «Клуб «Жашыл Өрөөн»»"])]


def test_spelled_out_acronym_quiet():
    assert org_findings(BARE_RU, "Агентства развития и инвестирования сообществ", "ru") == []


def test_spelled_out_other_name_still_flagged():
    found = org_findings(BARE_RU, "Агентства водных ресурсов", "ru")
    assert found and found[0][0] == "Агентства водных ресурсов" and found[0][1] == ["АРИС"]


def test_bare_acronym_is_the_suggestion():
    assert org_findings(BARE_EN, "UNDP", "en") == [("UNDP", ["UNICEF"])]
