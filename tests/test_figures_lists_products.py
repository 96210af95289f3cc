"""Groups, products and "the remaining" read across sentences (issue 10), in phrasings written for these
tests (not taken from the blind evaluation sets), Russian and English, the five countries. Each wrong
text is flagged on the figure a user must look at, with the consistent value; each right twin and
each look-alike (another whole, a hedge, an open list) stays quiet."""
from __future__ import annotations

import pytest

from app.core.readers import read_bytes
from app.engine.config import Config
from app.engine.linter import LintContext, lint

_CONFIG = Config()
_CTX = LintContext(config=_CONFIG)


def _loud(lang: str, text: str) -> list[tuple[str, str, list[str]]]:
    doc = read_bytes(text.encode("utf-8"), "draft.txt")
    assert doc.language == lang
    return [(f.rule, doc.span_text(f.offset, f.end), list(f.suggestions[:2]))
            for f in lint(doc, _CONFIG, context=_CTX).findings if f.category == "figures" and f.severity in ("error", "warning")]


# (lang, wrong text, right twin, rule, flagged text, suggestion)
WRONG = [
    # a sentence listing groups only, next to the sentence stating their whole
    ("en", "Almaty, 4 March 2026 – The EU-funded school meals pilot now serves 1,250 pupils.\n"
           "They attend schools in Talgar (500), Esik (400) and Kaskelen (300).",
     "Almaty, 4 March 2026 – The EU-funded school meals pilot now serves 1,200 pupils.\n"
     "They attend schools in Talgar (500), Esik (400) and Kaskelen (300).",
     "figures.groups", "1,250 pupils", "1,200 pupils"),
    ("ru", "Нарын, 12 мая 2026 г. – При поддержке Европейского союза обучение прошли 75 фермеров.\nМужчин — 40, женщин — 30.",
     "Нарын, 12 мая 2026 г. – При поддержке Европейского союза обучение прошли 70 фермеров.\nМужчин — 40, женщин — 30.",
     "figures.groups", "", None),
    ("ru", "Ашхабад, 2 февраля 2026 г. – Проект ЕС провёл серию семинаров по энергосбережению.\n"
           "Женщины — 64 человека, мужчины — 50. Всего в семинарах приняли участие 120 человек.",
     "Ашхабад, 2 февраля 2026 г. – Проект ЕС провёл серию семинаров по энергосбережению.\n"
     "Женщины — 64 человека, мужчины — 56. Всего в семинарах приняли участие 120 человек.",
     "figures.groups", "120 человек", "114 человек"),
    ("en", "Samarkand, 9 June 2026 – Coding clubs funded by the European Union opened in ten schools.\n"
           "Girls – 210, boys – 190. In total, 420 pupils joined the clubs.",
     "Samarkand, 9 June 2026 – Coding clubs funded by the European Union opened in ten schools.\n"
     "Girls – 210, boys – 190. In total, 400 pupils joined the clubs.",
     "figures.groups", "420 pupils", "400 pupils"),
    # the groups' own count ("three villages") is not their whole: the count of the sentence before is
    ("en", "Khujand, 1 July 2026 – Safe water now reaches 2,600 households in Sughd, thanks to EU funding.\n"
           "They live in three villages: 1,000 households in Ghafurov, 900 in Spitamen and 600 in Zafarobod.",
     "Khujand, 1 July 2026 – Safe water now reaches 2,500 households in Sughd, thanks to EU funding.\n"
     "They live in three villages: 1,000 households in Ghafurov, 900 in Spitamen and 600 in Zafarobod.",
     "figures.groups", "2,600 households", "2,500 households"),
    ("ru", "Худжанд, 1 июля 2026 г. – Благодаря ЕС чистая вода пришла в 2 600 домохозяйств.\n"
           "Они расположены в трёх селах: 1 000 домохозяйств в Гафурове, 900 – в Спитамене и 600 – в Зафаробаде.",
     "Худжанд, 1 июля 2026 г. – Благодаря ЕС чистая вода пришла в 2 500 домохозяйств.\n"
     "Они расположены в трёх селах: 1 000 домохозяйств в Гафурове, 900 – в Спитамене и 600 – в Зафаробаде.",
     "figures.groups", "2 600 домохозяйств", "2 500 домохозяйств"),
    # a product across sentences: the items counted first, "each" / «каждое» in the next sentence, the total after
    ("en", "Taraz, 3 March 2026 – Twenty-five rural libraries in Zhambyl region are getting new computers.\n"
           "Each library receives equipment worth EUR 4,000.\nThe EUR 120,000 package is funded by the European Union.",
     "Taraz, 3 March 2026 – Twenty-five rural libraries in Zhambyl region are getting new computers.\n"
     "Each library receives equipment worth EUR 4,000.\nThe EUR 100,000 package is funded by the European Union.",
     "figures.product", "EUR 120,000", "EUR 100,000"),
    ("en", "Karakol, 8 May 2026 – Twelve youth centres in Issyk-Kul will run summer camps with EU support.\n"
           "Every centre gets a grant of 300,000 som.\nThe European Union has set aside 4 million som for the camps in total.",
     "Karakol, 8 May 2026 – Twelve youth centres in Issyk-Kul will run summer camps with EU support.\n"
     "Every centre gets a grant of 300,000 som.\nThe European Union has set aside 3.6 million som for the camps in total.",
     "figures.product", "4 million som", "3.6 million som"),
    ("ru", "Куляб, 14 апреля 2026 г. – Тридцать фермерских хозяйств Хатлона получат теплицы.\n"
           "Каждое хозяйство получит теплицу стоимостью 20 000 сомони.\nОбщая сумма поддержки Европейского союза – 700 000 сомони.",
     "Куляб, 14 апреля 2026 г. – Тридцать фермерских хозяйств Хатлона получат теплицы.\n"
     "Каждое хозяйство получит теплицу стоимостью 20 000 сомони.\nОбщая сумма поддержки Европейского союза – 600 000 сомони.",
     "figures.product", "700 000 сомони", "600 000 сомони"),
    # the per-item amount in apposition right after the total: «48 000 евро – по 2 000 евро на каждого из 26 …»
    ("ru", "Туркменабат, 2 июня 2026 г. – Фонд стажировок составляет 48 000 евро – по 2 000 евро на каждого из 26 молодых специалистов.",
     "Туркменабат, 2 июня 2026 г. – Фонд стажировок составляет 52 000 евро – по 2 000 евро на каждого из 26 молодых специалистов.",
     "figures.product", "48 000 евро", "52 000 евро"),
    ("en", "Nukus, 2 June 2026 – The internship fund amounts to EUR 48,000: EUR 2,000 for each of 26 young specialists.",
     "Nukus, 2 June 2026 – The internship fund amounts to EUR 52,000: EUR 2,000 for each of 26 young specialists.",
     "figures.product", "EUR 48,000", "EUR 52,000"),
    # "the remaining" / «остальные» after a part "of them" / «из них», the whole in the paragraph just before
    ("ru", "Шымкент, 3 марта 2026 г. – При поддержке ЕС курсы по бухгалтерии прошли 180 предпринимателей.\n"
           "110 из них — жители Шымкента, остальные 60 приехали из Туркестанской области.",
     "Шымкент, 3 марта 2026 г. – При поддержке ЕС курсы по бухгалтерии прошли 180 предпринимателей.\n"
     "110 из них — жители Шымкента, остальные 70 приехали из Туркестанской области.",
     "figures.groups", "60", "70"),
    ("en", "Ashgabat, 3 March 2026 – EU-funded bookkeeping courses were completed by 180 entrepreneurs.\n"
           "110 of them live in Ashgabat, the remaining 60 came from Ahal province.",
     "Ashgabat, 3 March 2026 – EU-funded bookkeeping courses were completed by 180 entrepreneurs.\n"
     "110 of them live in Ashgabat, the remaining 70 came from Ahal province.",
     "figures.groups", "60", None),
    # numbers in words, «остальные десять — молодёжные группы»: a group's label is no noun of its own
    ("ru", "Из тридцати микрогрантов восемнадцать получат женские кооперативы, остальные десять — молодёжные группы. "
           "Проект финансирует Европейский союз.",
     "Из тридцати микрогрантов восемнадцать получат женские кооперативы, остальные двенадцать — молодёжные группы. "
     "Проект финансирует Европейский союз.",
     "figures.groups", "десять", "двенадцать — молодёжные"),
    # the whole and a part in one paragraph, "the remaining N <same noun>" opening the next
    ("ru", "Жалал-Абад, 5 мая 2026 г. – Программа ЕС предусматривает 80 стипендий для студентов из сёл. 45 стипендий уже присуждены.\n"
           "Оставшиеся 30 стипендий будут распределены осенью.",
     "Жалал-Абад, 5 мая 2026 г. – Программа ЕС предусматривает 80 стипендий для студентов из сёл. 45 стипендий уже присуждены.\n"
     "Оставшиеся 35 стипендий будут распределены осенью.",
     "figures.groups", "30 стипендий", "35 стипендий"),
    ("en", "Andijan, 5 May 2026 – The EU programme offers 80 scholarships to rural students. 45 scholarships have already been awarded.\n"
           "The remaining 30 scholarships will be awarded in the autumn.",
     "Andijan, 5 May 2026 – The EU programme offers 80 scholarships to rural students. 45 scholarships have already been awarded.\n"
     "The remaining 35 scholarships will be awarded in the autumn.",
     "figures.groups", "30 scholarships", "35 scholarships"),
    # the items' total two sentences before the per-item amount, the items counted between
    ("en", "Naryn, 2 February 2027 – Village health committees in Naryn will share EUR 90,000 in small grants this year.\n"
           "Fifteen committees have been chosen. Each will receive EUR 5,000 for first-aid kits and training.",
     "Naryn, 2 February 2027 – Village health committees in Naryn will share EUR 75,000 in small grants this year.\n"
     "Fifteen committees have been chosen. Each will receive EUR 5,000 for first-aid kits and training.",
     "figures.product", "EUR 90,000", "EUR 75,000"),
    ("ru", "Нарын, 2 февраля 2027 г. – Сельские комитеты здоровья разделят 90 000 евро в виде малых грантов.\n"
           "Отобраны пятнадцать комитетов. Каждый получит 5 000 евро на аптечки и обучение.",
     "Нарын, 2 февраля 2027 г. – Сельские комитеты здоровья разделят 75 000 евро в виде малых грантов.\n"
     "Отобраны пятнадцать комитетов. Каждый получит 5 000 евро на аптечки и обучение.",
     "figures.product", "90 000 евро", "75 000 евро"),
    # counts per item: «всего в проекте …» names the total even with the project's name in between
    ("ru", "Дашогуз, 2 марта 2027 г. – При поддержке ЕС в каждом из 9 этрапов работают по три мобильные бригады; всего в проекте заняты 30 бригад.",
     "Дашогуз, 2 марта 2027 г. – При поддержке ЕС в каждом из 9 этрапов работают по три мобильные бригады; всего в проекте заняты 27 бригад.",
     "figures.product", "30 бригад", "27 бригад"),
    # "N per item for its M items – T <other noun> altogether"
    ("en", "Kyzylorda, 12 November 2026 – The EU-funded project delivered 4 tractors per cooperative for its 15 cooperatives – 64 machines altogether.",
     "Kyzylorda, 12 November 2026 – The EU-funded project delivered 4 tractors per cooperative for its 15 cooperatives – 60 machines altogether.",
     "figures.product", "64 machines", "60 machines"),
    # a count with its noun in brackets after a name heads a list of groups ("Dahana (2,100 farmers), Mehnat (1,700) …")
    ("en", "Kulob, 3 May 2026 – EU-funded solar pumps now irrigate fields of 5,400 farmers in Khatlon. "
           "The pumps serve three jamoats: Dahana (2,100 farmers), Mehnat (1,700) and Ziyodi (1,800).",
     "Kulob, 3 May 2026 – EU-funded solar pumps now irrigate fields of 5,600 farmers in Khatlon. "
     "The pumps serve three jamoats: Dahana (2,100 farmers), Mehnat (1,700) and Ziyodi (1,800).",
     "figures.groups", "5,400 farmers", "5,600 farmers"),
    # «Из N …» with the first group right after the whole (no comma), "Of the N …, a, b and c": groups adding up to more
    ("ru", "Исследование провёл ЮНИСЕФ при поддержке ЕС. Из 900 опрошенных родителей 350 живут в городах, 400 — в сёлах и 200 — в горных районах.",
     "Исследование провёл ЮНИСЕФ при поддержке ЕС. Из 950 опрошенных родителей 350 живут в городах, 400 — в сёлах и 200 — в горных районах.",
     "figures.groups", "900 опрошенных", None),
    ("en", "The survey was run by UNICEF with EU support. Of the 900 parents surveyed, 350 live in towns, 400 in villages and 200 in mountain areas.",
     "The survey was run by UNICEF with EU support. Of the 950 parents surveyed, 350 live in towns, 400 in villages and 200 in mountain areas.",
     "figures.groups", "900 parents", None),
    # the shares of a complementary pair (women / men) side by side make 100 %
    ("ru", "Атырау, 3 июня 2026 г. – Курс, финансируемый ЕС, прошли лаборанты: женщины — 58 %, мужчины — 47 %.",
     "Атырау, 3 июня 2026 г. – Курс, финансируемый ЕС, прошли лаборанты: женщины — 58 %, мужчины — 42 %.",
     "figures.groups", "47 %", "42 %"),
    ("ru", "Ош, 3 июня 2026 г. – При поддержке ЕС прошло 12 семинаров. Среди слушателей 61 % составили сельские жители и 45 % — городские.",
     "Ош, 3 июня 2026 г. – При поддержке ЕС прошло 12 семинаров. Среди слушателей 61 % составили сельские жители и 39 % — городские.",
     "figures.groups", "45 %", "39 %"),
    ("en", "Atyrau, 3 June 2026 – The EU-funded course trained lab technicians; 58% were women and 47% men.",
     "Atyrau, 3 June 2026 – The EU-funded course trained lab technicians; 58% were women and 42% men.",
     "figures.groups", "47%", "42%"),
    # a rate per month or week times a duration of that unit
    ("en", "Tashkent, 4 May 2026 – EU-funded interns receive a monthly allowance of EUR 400 for nine months, so each intern gets EUR 3,800 in total.",
     "Tashkent, 4 May 2026 – EU-funded interns receive a monthly allowance of EUR 400 for nine months, so each intern gets EUR 3,600 in total.",
     "figures.product", "EUR 3,800", "EUR 3,600"),
    ("ru", "Ташкент, 4 мая 2026 г. – Стажёры получают ежемесячную стипендию в размере 3 000 сомони в течение шести месяцев, "
           "то есть 20 000 сомони за весь срок. Программу финансирует ЕС.",
     "Ташкент, 4 мая 2026 г. – Стажёры получают ежемесячную стипендию в размере 3 000 сомони в течение шести месяцев, "
     "то есть 18 000 сомони за весь срок. Программу финансирует ЕС.",
     "figures.product", "20 000 сомони", "18 000 сомони"),
    ("en", "Mary, 4 May 2026 – Trainees attend three sessions a week for ten weeks – 32 sessions altogether – at the EU-funded centre.",
     "Mary, 4 May 2026 – Trainees attend three sessions a week for ten weeks – 30 sessions altogether – at the EU-funded centre.",
     "figures.product", "32 sessions", "30 sessions"),
]

QUIET = [
    # "more than 90": the groups' 100 is more than 90
    ("en", "Osh, 20 June 2026 – The EU-funded course brought together more than 90 officers.\n"
           "Participants came from Kyrgyzstan (38), Tajikistan (32) and Uzbekistan (30)."),
    # two counts before the list: which one the list breaks down is not said
    ("en", "Osh, 20 June 2026 – The EU-funded course brought together 96 officers and 12 trainers.\n"
           "Participants came from Kyrgyzstan (38), Tajikistan (32) and Uzbekistan (30)."),
    # an open list: "and other countries"
    ("en", "Osh, 20 June 2026 – The EU-funded course brought together 96 officers.\n"
           "Participants came from Kyrgyzstan (38), Tajikistan (32) and other countries."),
    # groups of another whole (people, not the villages)
    ("en", "Termez, 5 May 2026 – The EU project works in 40 villages of Surkhandarya.\nWomen – 210, men – 190."),
    ("ru", "Термез, 5 мая 2026 г. – Проект ЕС работает в 40 махаллях Сурхандарьи.\nЖенщины — 210 человек, мужчины — 190."),
    # "Residents of eleven villages … planted 18 kilometres": "of" opens no breakdown; kilometres are no group of villages
    ("en", "Dashoguz, 15 April 2026 – Residents of eleven villages in three districts of Dashoguz province have planted "
           "18 kilometres of shelterbelts with EU support."),
    # the next sentence names the programme's budget, not the items' total
    ("en", "Taraz, 3 March 2026 – Twenty-five rural libraries in Zhambyl region are getting new computers.\n"
           "Each library receives equipment worth EUR 4,000.\n"
           "The EUR 2 million programme is funded by the European Union and also renovates reading rooms."),
    # hedges: "at least" per item, "more than" in total
    ("en", "Taraz, 3 March 2026 – Twenty-five rural libraries in Zhambyl region are getting new computers.\n"
           "Each library receives equipment worth at least EUR 4,000.\nThe EUR 120,000 package is funded by the European Union."),
    ("en", "Karakol, 8 May 2026 – Twelve youth centres in Issyk-Kul will run summer camps with EU support.\n"
           "Every centre gets a grant of 300,000 som.\nThe European Union has set aside more than 3 million som for the camps in total."),
    # "every year": a frequency, not each item
    ("en", "Karakol, 8 May 2026 – Twelve youth centres in Issyk-Kul run summer camps with EU support.\n"
           "Every year the camps get 300,000 som.\nThe European Union has set aside 4 million som for the camps in total."),
    # "at least 45": the remaining 30 may well be right
    ("en", "Andijan, 5 May 2026 – The EU programme offers 80 scholarships to rural students. At least 45 scholarships have already been awarded.\n"
           "The remaining 30 scholarships will be awarded in the autumn."),
    # "the remaining" of another whole (a second stage), no part stated between
    ("ru", "Бохтар, 5 мая 2026 г. – В 2025 году программа ЕС выдала 120 грантов.\nОставшиеся 40 грантов второго этапа будут выданы в 2027 году."),
    # the headline's count of the whole and the body's "N of the M …; the remaining K …": the body's whole is the one
    ("en", "Clean water for 70 villages in Naryn\n"
           "NARYN, 4 May 2026 – An EU-funded project has connected 45 of the 70 villages it covers. The remaining 25 villages follow in 2027."),
    # a breakdown of people in one paragraph, then another whole and its "remaining" in the next: not mixed
    ("en", "Tashkent, 4 May 2026 – The EU project reached 3,000 people, including 1,800 women and 1,200 men.\n"
           "Twelve support centres now operate. Five of them are in Tashkent; the remaining seven serve rural districts."),
    ("en", "Kyzylorda, 12 November 2026 – The EU-funded project delivered 4 tractors per cooperative for its 15 cooperatives – "
           "more than 50 machines altogether."),
    # the sentence two back states a programme's budget, not the items' total
    ("en", "Naryn, 2 February 2027 – The EU programme in Naryn has a budget of EUR 900,000 for health.\n"
           "Fifteen committees have been chosen. Each will receive EUR 5,000 for first-aid kits."),
    ("en", "Kulob, 3 May 2026 – EU-funded solar pumps now irrigate fields of more than 5,000 farmers in Khatlon. "
           "The pumps serve three jamoats: Dahana (2,100 farmers), Mehnat (1,700) and Ziyodi (1,800)."),
    # groups that need not be all of the whole: less than it is fine
    ("ru", "Исследование провёл ЮНИСЕФ при поддержке ЕС. Из 950 опрошенных родителей 350 живут в городах и 400 — в сёлах."),
    # a share within each group, not the groups' shares of a whole
    ("ru", "Атырау, 3 июня 2026 г. – Курс, финансируемый ЕС, прошли лаборанты: 58 % женщин и 47 % мужчин оценили его как полезный."),
    ("en", "Atyrau, 3 June 2026 – The EU-funded course trained lab technicians: 58% of the women and 47% of the men found it useful."),
    # "more than half": a hedge loosens the sum
    ("en", "Atyrau, 3 June 2026 – The EU-funded course trained lab technicians; over 58% were women and 47% men."),
    # a rate and a duration, then another amount (a budget, a second grant), or a hedged rate
    ("en", "Tashkent, 4 May 2026 – EU-funded interns receive a monthly allowance of EUR 400 for nine months; the programme's budget is EUR 250,000 in total."),
    ("en", "Tashkent, 4 May 2026 – EU-funded interns receive a monthly allowance of EUR 400 for nine months, and a travel grant of EUR 900."),
    ("en", "Tashkent, 4 May 2026 – EU-funded interns receive a monthly allowance of up to EUR 400 for nine months, so each intern gets EUR 3,000 in total."),
]


@pytest.mark.parametrize("lang,wrong,right,rule,span,sugg", WRONG, ids=[f"{c[3]}-{i}" for i, c in enumerate(WRONG)])
def test_wrong_is_flagged_and_twin_is_quiet(lang, wrong, right, rule, span, sugg):
    got = _loud(lang, wrong)
    hit = [g for g in got if g[0] == rule and span in g[1]]
    assert hit, got
    if sugg is not None:
        assert any(sugg in g[2] for g in hit), got
    assert _loud(lang, right) == []


@pytest.mark.parametrize("lang,text", QUIET)
def test_quiet(lang, text):
    assert _loud(lang, text) == []
