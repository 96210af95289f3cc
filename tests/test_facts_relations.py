"""Relations read from the structure of a release (app/facts/scope.py, app/facts/relations.py):
numbered projects as scopes, anaphora pointing back at a whole ("of it", «из этой суммы»), years
that date an event rather than qualify an amount, phases. Phrasings written for these tests, not
taken from the blind evaluation set; each wrong text has a corrected twin that must stay quiet."""
from __future__ import annotations

import pytest

from app.core.readers import read_bytes
from app.engine.config import Config
from app.engine.linter import LintContext, lint

_CONFIG = Config()
_CTX = LintContext(config=_CONFIG)


def _loud(lang: str, text: str, rule: str | None = None) -> list[tuple[str, str]]:
    doc = read_bytes(text.encode("utf-8"), "draft.txt")
    assert doc.language == lang
    return [(f.rule, doc.span_text(f.offset, f.end)) for f in lint(doc, _CONFIG, context=_CTX).findings
            if f.category == "figures" and f.severity in ("error", "warning") and (rule is None or f.rule == rule)]


# (lang, text, the figure that must be flagged or None for a text that must stay quiet)
CASES = [
    # two numbered projects, two budgets: no contradiction; a wrong part inside the second one is found
    ("en", "The European Union supports two new museum projects in Bukhara.\n"
           "The first project will restore 12 workshops of potters. The EU's EUR 300,000 grant – three hundred thousand euros – pays for all of it.\n"
           "The second project costs EUR 900,000. The European Union gives EUR 700,000 of this amount and the city the other EUR 200,000.", None),
    ("en", "The European Union supports two new museum projects in Bukhara.\n"
           "The first project will restore 12 workshops of potters. The EU's EUR 300,000 grant – three hundred thousand euros – pays for all of it.\n"
           "The second project costs EUR 900,000. The European Union gives EUR 700,000 of this amount and the city the other EUR 250,000.", "EUR 250,000"),
    ("ru", "Европейский союз поддержит два проекта в Оше.\n"
           "Первый проект обновит 8 библиотек; вклад ЕС в нём – 400 000 евро, и это вся его стоимость.\n"
           "Второй проект стоит 1 000 000 евро. Из этой суммы ЕС предоставит 800 000 евро, а остальные 200 000 евро внесёт мэрия.", None),
    ("ru", "Европейский союз поддержит два проекта в Оше.\n"
           "Первый проект обновит 8 библиотек; вклад ЕС в нём – 400 000 евро, и это вся его стоимость.\n"
           "Второй проект стоит 1 000 000 евро. Из этой суммы ЕС предоставит 800 000 евро, а остальные 300 000 евро внесёт мэрия.", "300 000 евро"),
    # "of it" points back at the budget; the amount after the share restates the part
    ("en", "The clinic network, run by WHO since March 2024, has a budget of EUR 2,000,000. The European Union pays 90 per cent of it, "
           "EUR 1,800,000, and WHO the remaining EUR 200,000.", None),
    ("en", "The clinic network, run by WHO since March 2024, has a budget of EUR 2,000,000. The European Union pays 90 per cent of it, "
           "EUR 1,800,000, and WHO the remaining EUR 300,000.", "EUR 300,000"),
    ("en", "The clinic network, run by WHO since March 2024, has a budget of EUR 2,000,000. The European Union pays 80 per cent of it, "
           "EUR 1,800,000, and WHO the remaining EUR 200,000.", "80 per cent"),
    # a phase's cost is not the project's budget
    ("ru", "В Кулябе начат второй этап проекта «Чистая вода», который финансирует ЕС. Первый этап, закончившийся 31 марта 2025 года, "
           "стоил 1,5 млн евро; на второй этап выделено 2 млн евро.\nЕС оплатит 1,8 млн евро, что составляет 90 % стоимости; "
           "оставшиеся 200 000 евро внесёт хукумат.", None),
    # groups: a qualifier count after the whole ("from all 12 districts") is not the whole; listed place
    # groups closed by "and" are the whole breakdown; "Of these" in the next sentence points at the people
    ("ru", "Проект финансирует Европейский союз. Семинар собрал 95 журналистов из всех 12 областей: 60 женщин и 35 мужчин.", None),
    ("ru", "Проект финансирует Европейский союз. Семинар собрал 95 журналистов из всех 12 областей: 60 женщин и 45 мужчин.", "45 мужчин"),
    ("en", "The European Union funds the forum. It gathered 90 mayors from four countries – 30 from Georgia, 25 from Armenia, "
           "20 from Moldova and 15 from Ukraine.", None),
    ("en", "The European Union funds the forum. It gathered 95 mayors from four countries – 30 from Georgia, 25 from Armenia, "
           "20 from Moldova and 15 from Ukraine.", "95 mayors"),
    ("ru", "Проект финансирует Европейский союз. Микрогранты получили 37 кооперативов: 17 – в Ошской области, 12 – в Баткенской и 8 – в Джалал-Абадской.", None),
    ("ru", "Проект финансирует Европейский союз. Микрогранты получили 39 кооперативов: 17 – в Ошской области, 12 – в Баткенской и 8 – в Джалал-Абадской.", "39 кооперативов"),
    ("en", "The European Union funds the course. A total of 150 nurses joined the course, which had three modules. Of these, 110 are women and 40 men.", None),
    ("en", "The European Union funds the course. A total of 150 nurses joined the course, which had three modules. Of these, 110 are women and 50 men.", "50 men"),
    # "the remaining" counts: the whole minus the counts stated between it and them
    ("ru", "Проект финансирует Европейский союз. Заявки подали 64 колледжа. Комиссия выбрала 24 колледжа. Остальные 40 колледжей получат консультации.", None),
    ("ru", "Проект финансирует Европейский союз. Заявки подали 64 колледжа. Комиссия выбрала 24 колледжа. Остальные 30 колледжей получат консультации.", "30 колледжей"),
    ("en", "The European Union funds the course. Some 300 midwives will be trained: 120 in Osh in the first year and the remaining 180 in Naryn in the second.", None),
    ("en", "The European Union funds the course. Some 300 midwives will be trained: 120 in Osh in the first year and the remaining 160 in Naryn in the second.", "160"),
    # lines in brackets closed by "and": all of the budget when a breakdown word or their number links them
    ("en", "The European Union funds the project. Its EUR 2,000,000 budget covers solar pumps (EUR 1,200,000), "
           "canal repairs (EUR 500,000) and farmer training (EUR 300,000).", None),
    ("en", "The European Union funds the project. Its EUR 2,000,000 budget covers solar pumps (EUR 1,200,000), "
           "canal repairs (EUR 600,000) and farmer training (EUR 300,000).", "EUR 2,000,000"),
    ("ru", "Проект финансирует Европейский союз. Бюджет проекта – 1,5 млн евро. Средства поделены между тремя направлениями: "
           "ремонт школ (800 000 евро), оборудование (450 000 евро) и обучение учителей (250 000 евро).", None),
    ("ru", "Проект финансирует Европейский союз. Бюджет проекта – 1,5 млн евро. Средства поделены между тремя направлениями: "
           "ремонт школ (800 000 евро), оборудование (450 000 евро) и обучение учителей (150 000 евро).", "150 000 евро"),
    # an open list ("among other things") may fall short of the whole
    ("en", "The European Union funds the project. Its EUR 2,000,000 budget covers solar pumps (EUR 1,200,000) "
           "and canal repairs (EUR 500,000), among other things.", None),
    # parts over the whole: the largest part is named
    ("ru", "Проект финансирует Европейский союз. Из бюджета в 700 000 евро на ремонт пойдут 520 000 евро, на обучение – 150 000 евро, "
           "остальное – на мониторинг.", None),
    ("ru", "Проект финансирует Европейский союз. Из бюджета в 700 000 евро на ремонт пойдут 620 000 евро, на обучение – 150 000 евро, "
           "остальное – на мониторинг.", "620 000 евро"),
    # a count's share of its whole; an amount's own noun before the share
    ("ru", "Проект финансирует Европейский союз. Курс окончили 160 врачей. Среди них 120 женщин, что составляет 75 процентов всех выпускников.", None),
    ("ru", "Проект финансирует Европейский союз. Курс окончили 160 врачей. Среди них 120 женщин, что составляет 80 процентов всех выпускников.", "80 процентов"),
    ("en", "The European Union provides EUR 900,000 towards the EUR 1,200,000 fund – 75 per cent of its capital – and the banks the remaining EUR 300,000.", None),
    ("en", "The European Union provides EUR 900,000 towards the EUR 1,200,000 fund – 70 per cent of its capital – and the banks the remaining EUR 300,000.", "70 per cent"),
    # the same fact in a quote: "our" amount said by the EU's side; "these" amount restating the budget;
    # the same action on the same things; "the remaining 25 villages" is a part, not the whole again
    ("en", "The European Union is investing EUR 6 million in irrigation in Sughd.\n"
           "\"Our EUR 6 million grant shows our commitment,\" said the EU Ambassador.", None),
    ("en", "The European Union is investing EUR 6 million in irrigation in Sughd.\n"
           "\"Our EUR 6.5 million grant shows our commitment,\" said the EU Ambassador.", "EUR 6.5 million"),
    ("en", "The European Union funds the project. Its EUR 1.2 million budget comes from the EU (EUR 1 million) and UNDP (EUR 200,000).\n"
           "\"These 1.2 million euros will change lives,\" said the UNDP head.", None),
    ("en", "The European Union funds the project. Its EUR 1.2 million budget comes from the EU (EUR 1 million) and UNDP (EUR 200,000).\n"
           "\"These 1.4 million euros will change lives,\" said the UNDP head.", "1.4 million euros"),
    ("ru", "При поддержке Европейского союза завершено строительство 32 скважин в шести районах.\n"
           "«Вместе с ЕС мы построили 32 скважины», – сказал хоким.", None),
    ("ru", "При поддержке Европейского союза завершено строительство 32 скважин в шести районах.\n"
           "«Вместе с ЕС мы построили 23 скважины», – сказал хоким.", "23 скважины"),
    ("en", "An EU-funded project has connected 40 of the 70 villages it covers. The remaining 30 villages will be connected in 2026.", None),
    ("en", "An EU-funded project has connected 40 of the 70 villages it covers. The remaining 20 villages will be connected in 2026.", "20 villages"),
    # "Of this amount" with a closed list of two uses: all of it
    ("en", "The EU has set aside EUR 800,000 for the programme. Of this amount, EUR 500,000 will fund grants to newsrooms, "
           "and EUR 300,000 will cover training.", None),
    ("en", "The EU has set aside EUR 800,000 for the programme. Of this amount, EUR 500,000 will fund grants to newsrooms, "
           "and EUR 200,000 will cover training.", "EUR 200,000"),
    ("en", "The EU has set aside EUR 800,000 for the programme. Of this amount, EUR 500,000 will fund grants to newsrooms, "
           "and EUR 200,000 will cover training; the rest pays for audits.", None),
    # a joint subject's amount is neither contributor's; the contributor before a bracket owns its amount
    ("ru", "Европейский союз и ЮНИСЕФ передали 20 больницам оборудование на сумму 700 000 евро. Проект стоимостью 1,2 млн евро "
           "финансируется ЕС (1 млн евро) и ЮНИСЕФ (200 000 евро).", None),
    ("ru", "Европейский союз и ЮНИСЕФ передали 20 больницам оборудование на сумму 700 000 евро. Проект стоимостью 1,2 млн евро "
           "финансируется ЕС (1 млн евро) и ЮНИСЕФ (300 000 евро).", "300 000 евро"),
    # a share naming its whole ("of the total cost") over the scope's one amount with no role
    ("ru", "ЕС и ПРООН начали ремонт 9 школ в Нарыне. На эти цели выделено 2 млн евро.\nЕС предоставляет 1,8 млн евро – это 90 процентов "
           "общей стоимости работ.", None),
    ("ru", "ЕС и ПРООН начали ремонт 9 школ в Нарыне. На эти цели выделено 2 млн евро.\nЕС предоставляет 1,8 млн евро – это 80 процентов "
           "общей стоимости работ.", "80 процентов"),
    # an amount for "the two projects together" is the sum of the two budgets
    ("en", "The EU signed two agreements with UNICEF today. The first, worth EUR 3 million, covers schools. The second, worth "
           "EUR 2 million, covers clinics.\nTogether, the two projects bring EUR 5 million to the country.", None),
    ("en", "The EU signed two agreements with UNICEF today. The first, worth EUR 3 million, covers schools. The second, worth "
           "EUR 2 million, covers clinics.\nTogether, the two projects bring EUR 5.5 million to the country.", "EUR 5.5 million"),
    # past funding and an earlier project are not this project's figures
    ("ru", "ОШ, 18 марта 2026 года – Европейский союз выделяет 2,5 млн евро на проект по развитию садоводства.\n"
           "Ранее, в 2021–2024 годах, ЕС поддержал аналогичный проект на 1,8 млн евро.", None),
    ("en", "OSH, 18 March 2026 – The European Union provides EUR 2.5 million for a horticulture project.\n"
           "In 2021–2024 the EU supported a similar project with EUR 1.8 million.", None),
    ("en", "OSH, 18 March 2026 – The European Union provides EUR 2.5 million for a horticulture project.\n"
           "The EU's EUR 2.8 million grant will reach 3,000 farmers.", "EUR 2.8 million"),
    # "80 per cent of the budget, EUR 720,000": the amount after the named whole restates the part
    ("en", "The European Union funds the project. Its total budget is EUR 500,000. The EU provides 80 per cent of the budget, EUR 400,000.", None),
    ("en", "The European Union funds the project. Its total budget is EUR 500,000. The EU provides 70 per cent of the budget, EUR 400,000.", "70 per cent"),
    # an ordinal and a name start a project's scope; a sentence naming one project states its facts
    ("ru", "Европейский союз запускает две инициативы. Первая, «Чистые реки», с бюджетом 2,4 млн евро реализуется с ЮНЕП. Вторая, "
           "«Зелёные школы», получит 600 000 евро.\nИз 2,4 млн евро, предусмотренных на первый проект, 2 млн евро даёт ЕС, а остальные "
           "400 000 евро – министерство.", None),
    ("ru", "Европейский союз запускает две инициативы. Первая, «Чистые реки», с бюджетом 2,4 млн евро реализуется с ЮНЕП. Вторая, "
           "«Зелёные школы», получит 600 000 евро.\nИз 2,6 млн евро, предусмотренных на первый проект, 2 млн евро даёт ЕС, а остальные "
           "400 000 евро – министерство.", "2,6 млн евро"),
    # a part left unread ("120 work in Astana") leaves "the remaining" unchecked; the contributor right after
    # the whole («Из 4 млн евро ЕС …») is the whole's
    ("ru", "Проект финансирует Европейский союз. Из 300 выпускников 120 работают в Астане, 100 – в Алматы, остальные 80 – в областях.", None),
    ("ru", "Европейский союз выделяет 4 млн евро на программу. Из 4 млн евро ЕС 2,5 млн евро пойдут на ремонт 60 школ, "
           "а 1,5 млн евро – на обучение учителей.", None),
    ("ru", "Европейский союз выделяет 4 млн евро на программу. Из 4 млн евро ЕС 2,5 млн евро пойдут на ремонт 60 школ, "
           "а 1,8 млн евро – на обучение учителей.", "2,5 млн евро"),  # parts over the whole: the largest part is named
]


@pytest.mark.parametrize("lang,text,wrong", CASES)
def test_relation_read_from_structure(lang, text, wrong):
    found = _loud(lang, text)
    if wrong is None:
        assert found == []
    else:
        assert any(wrong in span or span in wrong for _, span in found), found


def test_half_a_million_is_read():
    from app.facts.numbers import find_numbers

    ns = [n for n in find_numbers("The grant – half a million euros – covers it.", "en")]
    assert [n.value for n in ns] == [500000.0]


@pytest.mark.parametrize("lang,quiet,loud", [
    ("ru",
     "БИШКЕК, 3 июня 2026 года – Восемьдесят женщин избраны в айыльные кенеши Чуйской области. "
     "Программа, которую финансирует Европейский Союз, обучила 450 женщин основам местного бюджета.",
     "БИШКЕК, 3 июня 2026 года – Программа обучила 80 женщин основам местного бюджета. "
     "Курс при поддержке Европейского Союза обучил 90 женщин из шести районов."),
    ("ru",
     "Обучение прошли 240 учителей. Европейский Союз финансирует проект. Выпускниками курса стали 240 учителей.",
     "Обучение прошли 240 учителей. Европейский Союз финансирует проект. Всего 260 учителей стали выпускниками курса."),
])
def test_people_counted_for_two_actions_are_two_facts(lang, quiet, loud):
    """"80 women elected" … "trained 450 women": two groups; "trained 80 women" … "trained 90 women": one fact."""
    assert _loud(lang, quiet) == []
    if loud:
        assert [r for r, _ in _loud(lang, loud)] == ["figures.same-fact"]
