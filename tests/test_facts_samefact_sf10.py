"""The same fact stated twice, reached by what makes two statements one quantity rather than by their wording
(stop 27, branch fig-same10): a fact box restates the release's count of people whatever noun it names them by;
a quote or summary restating the headline's count of things (the headline naming whom they go to) is the same
fact in a release naming no EU funding too; a length or area whose two clauses tell the same action is one fact.
Each wrong draft has a corrected twin that stays quiet. Phrasings written for these tests."""
from __future__ import annotations

import sys
from pathlib import Path

from checkutil import EU_EN, EU_RU, loud_figures

from app.core.readers import read_bytes
from app.engine.config import Config
from app.engine.linter import lint

EVAL = Path(__file__).resolve().parent / "eval"
if str(EVAL) not in sys.path:
    sys.path.insert(0, str(EVAL))


def _loud_docx(spec, lang):
    from eval_build import docx_bytes

    doc = read_bytes(docx_bytes(spec), "t.docx", "docx", lang)
    return [(f.rule, doc.span_text(f.offset, f.end), list(f.suggestions[:2]))
            for f in lint(doc, Config(), select=["figures"]).findings if f.severity in ("error", "warning")]


# --- a fact box restates the release's people, by another noun -------------------------------------------------
def _box_ru(n):
    return {"body": [
        {"h": "ЕС поможет 600 фермерам Согдийской области освоить капельное орошение"},
        {"p": "Худжанд, 4 февраля 2026 г. – Европейский союз и ФАО запустили проект по экономии воды в садах и на полях."},
        {"p": "Консультанты проекта посетят 600 фермеров в шести районах и помогут выбрать оборудование."},
        {"textbox": f"{n} сельхозпроизводителей\n6 районов\n3 года"},
        {"p": "«Каждый кубометр воды на счету», – отметил представитель ФАО."}]}


def _box_en(n):
    return {"body": [
        {"h": "EU helps 450 midwives in Khatlon learn new emergency skills"},
        {"p": "BOKHTAR, 4 February 2026 – The European Union and WHO have launched a training programme for maternity wards."},
        {"p": "The courses take place in regional hospitals and use simulation mannequins."},
        {"textbox": f"{n} health workers\n12 hospitals\n18 months"},
        {"p": "\"Every trained hand saves lives,\" said the WHO representative."}]}


def test_fact_box_people_by_another_noun_flagged():
    got = _loud_docx(_box_ru("500"), "ru")
    assert any(r == "figures.same-fact" and t == "500 сельхозпроизводителей" and "600 сельхозпроизводителей" in s
               for r, t, s in got), got
    got = _loud_docx(_box_en("400"), "en")  # the headline and the box, nothing else: both named, nothing suggested
    assert any(r == "figures.same-fact" and t in ("400 health workers", "450 midwives") and not s for r, t, s in got), got


def test_fact_box_people_agreeing_is_quiet():
    assert _loud_docx(_box_ru("600"), "ru") == []
    assert _loud_docx(_box_en("450"), "en") == []


def _box_two_people_en(n):
    spec = _box_en(n)
    spec["body"][3] = {"textbox": f"{n} health workers\n30 trainers\n12 hospitals"}
    return spec


def test_fact_box_with_two_kinds_of_people_is_quiet():
    # two people lines in the box: nothing says which of them the headline's midwives are
    assert _loud_docx(_box_two_people_en("400"), "en") == []


# --- the headline's count of things restated in a quote, in a release naming no EU funding -----------------------
def _quote_ru(n):
    return ("Фонд развития села выделит 30 микрогрантов для молодёжных инициатив в Нарынской области.\n\n"
            "Нарын, 2 марта 2026 года – Заявки принимаются до конца апреля.\n\n"
            f"«Мы поддержим {n} микрогрантов, и половина из них достанется девушкам», – сообщил директор фонда.\n")


def _quote_en(n):
    return ("Village fund to award 30 microgrants for youth initiatives in Naryn\n\n"
            "NARYN, 2 March 2026 – Applications are accepted until the end of April.\n\n"
            f"\"We will support {n} microgrants this year,\" said the fund's director.\n")


def test_headline_count_restated_in_quote_flagged():
    got = loud_figures("ru", _quote_ru("35"))
    assert any(r == "figures.same-fact" and ("35 микрогрантов" in t or "30 микрогрантов" in t) for r, t in got), got
    got = loud_figures("en", _quote_en("35"))
    assert any(r == "figures.same-fact" and ("35 microgrants" in t or "30 microgrants" in t) for r, t in got), got


def test_headline_count_restated_in_quote_agreeing_is_quiet():
    assert loud_figures("ru", _quote_ru("30")) == []
    assert loud_figures("en", _quote_en("30")) == []


def test_quote_counting_a_part_by_place_is_quiet():
    # the quote's count is qualified by a place: a part of the headline's, not it restated
    text = ("Village fund to award 30 microgrants for youth initiatives in Naryn\n\n"
            "NARYN, 2 March 2026 – Applications are accepted until the end of April.\n\n"
            "\"We expect 12 microgrants in At-Bashy district alone,\" said the fund's director.\n")
    assert loud_figures("en", text) == []


# --- a length or area whose two clauses tell the same action -------------------------------------------------
def _len_ru(km):
    return ("Ош, 12 мая 2026 года – Европейский союз профинансирует ремонт 45 километров оросительных каналов в Ошской области. "
            + EU_RU + f"Ремонт каналов общей протяжённостью {km} км вернёт воду на поля трёх айыл окмоту.\n")


def _len_en(ha):
    return ("OSH, 12 May 2026 – The EU will fund the restoration of 900 hectares of degraded pasture in Alay district. "
            + EU_EN + f"Restoring the {ha} hectares will take three grazing seasons.\n")


# (a length or area in two clauses telling the same action is no longer one fact: it raised a warning on a
# correct held-out release at stop 27; these two stay quiet either way)
def test_length_same_action_agreeing_is_quiet():
    assert loud_figures("ru", _len_ru("45")) == []
    assert loud_figures("en", _len_en("900")) == []


def test_length_of_another_work_is_quiet():
    text = ("OSH, 12 May 2026 – The EU will fund the restoration of 45 km of irrigation canals in Osh region. "
            + EU_EN + "A further 12 km of drainage will be cleaned by the farmers themselves.\n")
    assert loud_figures("en", text) == []


# --- a quote restates the lead's count, whatever verb the speaker uses -------------------------------------------
def _lead_quote_people_ru(n):
    return ("Душанбе, 3 апреля 2026 года – Проект, финансируемый Европейским союзом, подготовил 240 пограничников "
            "к работе с новыми системами досмотра.\n\n"
            f"«Благодаря проекту {n} пограничников освоили современные методы», – отметил начальник учебного центра.\n")


def _lead_quote_things_en(n):
    return ("OSH, 3 April 2026 – The European Union has handed over 12 ambulances to district hospitals of Osh region.\n\n"
            f"\"We received {n} ambulances, and every district now has one,\" said the head of the regional health department.\n")


def test_quote_restating_lead_flagged():
    got = loud_figures("ru", _lead_quote_people_ru("260"))
    assert any(r == "figures.same-fact" and "пограничников" in t for r, t in got), got
    got = loud_figures("en", _lead_quote_things_en("14"))
    assert any(r == "figures.same-fact" and "ambulances" in t for r, t in got), got


def test_quote_restating_lead_agreeing_is_quiet():
    assert loud_figures("ru", _lead_quote_people_ru("240")) == []
    assert loud_figures("en", _lead_quote_things_en("12")) == []


def test_quote_telling_fewer_going_on_is_quiet():
    # fewer of the same people doing something next: a group of them, not the lead's count again
    text = ("Душанбе, 3 апреля 2026 года – Проект, финансируемый Европейским союзом, подготовил 240 пограничников.\n\n"
            "«Лучшие 20 пограничников поедут на стажировку в Литву», – отметил начальник учебного центра.\n")
    assert loud_figures("ru", text) == []


# --- an event's length in days stated twice ------------------------------------------------------------------------
def _days_ru(n):
    return ("Худжанд, 20 мая 2026 года. В Худжанде прошёл пятидневный тренинг для инспекторов по охране труда, "
            "организованный при поддержке Европейского союза.\n\n"
            f"В течение {n} дней 28 инспекторов отрабатывали проверки на предприятиях.\n")


def _days_en(n):
    return ("KHUJAND, 20 May 2026 – A five-day training for labour inspectors, supported by the European Union, ended in Khujand.\n\n"
            f"Over {n} days, 28 inspectors practised workplace checks.\n")


def test_event_days_stated_twice_flagged():
    got = loud_figures("ru", _days_ru("шести"))
    assert any(r == "figures.same-fact" and ("шести дней" in t or "пятидневный" in t) for r, t in got), got
    got = loud_figures("en", _days_en("six"))
    assert any(r == "figures.same-fact" and ("six days" in t or "five-day" in t) for r, t in got), got


def test_event_days_agreeing_is_quiet():
    assert loud_figures("ru", _days_ru("пяти")) == []
    assert loud_figures("en", _days_en("five")) == []
