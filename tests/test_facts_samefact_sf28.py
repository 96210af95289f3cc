"""What makes two statements one fact, read from the structure of the release rather than from one case's words
(stop 28, branch sf28). Each wrong draft has a corrected twin that stays quiet; phrasings written for these tests."""
from __future__ import annotations

import sys
from pathlib import Path

from checkutil import loud_figures

from app.core.readers import read_bytes
from app.engine.config import Config
from app.engine.linter import lint

EVAL = Path(__file__).resolve().parent / "eval"
if str(EVAL) not in sys.path:
    sys.path.insert(0, str(EVAL))


def _same(lang, text):
    return [t for r, t in loud_figures(lang, text) if r == "figures.same-fact"]


def _loud_docx(spec, lang):
    from eval_build import docx_bytes

    doc = read_bytes(docx_bytes(spec), "t.docx", "docx", lang)
    return [(f.rule, doc.span_text(f.offset, f.end)) for f in lint(doc, Config(), select=["figures"]).findings
            if f.severity in ("error", "warning")]


# --- an area or length of the lead said again in a quote --------------------------------------------------------
def _area(n):
    return ("Нарын, 4 мая 2026 года. При поддержке Европейского союза в Кочкорском районе восстановлено 450 гектаров "
            "выбитых пастбищ.\n\n"
            f"«Мы обнесли изгородью и засеяли {n} гектаров, и скот вернулся на склоны уже через год», – рассказал "
            "председатель пастбищного комитета.\n")


def test_area_of_the_lead_restated_in_a_quote():
    assert _same("ru", _area("540")) == ["540 гектаров"]
    assert _same("ru", _area("450")) == []


# --- the EU's side speaking of its one amount in the first person -------------------------------------------------
def _first_person(n):
    return ("TARAZ, 4 May 2026 – The European Union will provide EUR 2 million to repair irrigation canals in "
            "Zhambyl region.\n\nThe works start in June.\n\n"
            f"\"With EUR {n} million, we are giving farmers water they can count on,\" said the EU Ambassador.\n")


def _our_contribution(n):
    return ("KHOROG, 4 May 2026 – The European Union contributes EUR 750,000 to a new avalanche-warning network in "
            "the Pamirs.\n\n"
            f"\"Our contribution of EUR {n} will keep mountain roads open,\" said the Head of the EU Delegation.\n")


def test_eu_speaker_first_person_amount_is_the_eu_part():
    assert _same("en", _first_person("2.6")) == ["EUR 2.6 million"]
    assert _same("en", _first_person("2")) == []
    assert _same("en", _our_contribution("700,000")) == ["EUR 700,000"]
    assert _same("en", _our_contribution("750,000")) == []


# --- an amount alone in a sentence naming the EU restates the EU's part ------------------------------------------
def _eu_sentence(n):
    return ("ISTARAVSHAN, 4 May 2026 – The EU contribution to the new school-heating project in Sughd is EUR 1.4 million.\n\n"
            f"The European Union is financing the boilers and the insulation of 18 schools with EUR {n} million.\n")


def test_amount_in_an_eu_sentence_restates_the_eu_part():
    assert _same("en", _eu_sentence("1.7")) == ["EUR 1.7 million"]
    assert _same("en", _eu_sentence("1.4")) == []


def test_project_cost_named_by_its_funder_is_not_the_eu_part():
    text = ("MARY, 4 May 2026 – A EUR 1.5 million EU-funded project will fit biogas units on 40 farms.\n\n"
            "The EU contributes EUR 1.2 million (80%); the remaining 20% comes from the farmers' association.\n")
    assert loud_figures("en", text) == []


# --- the headline's people, whatever verb it uses --------------------------------------------------------------
def _headline_people(n):
    return ("EU brings heating to 2,400 residents of Kara-Balta\n\n"
            "KARA-BALTA, 4 May 2026 – A renovated district heating plant, built with European Union support, was "
            f"opened today.\n\nThe plant will heat the homes of {n} residents of four neighbourhoods.\n")


def test_headline_people_restated_in_the_body():
    assert _same("en", _headline_people("2,800")) == ["2,800 residents"]
    assert _same("en", _headline_people("2,400")) == []


# --- the lead's things with their place, pointed back at with "all N" -----------------------------------------
def _all_villages(n):
    return ("TALAS, 4 May 2026 – The EU-funded project will connect 16 villages in Talas region to a new water main.\n\n"
            f"Pipes will be laid in all {n} villages by October.\n")


def test_lead_count_with_its_place_pointed_back_at():
    assert _same("en", _all_villages("18")) == ["18 villages"]
    assert _same("en", _all_villages("16")) == []


def test_a_part_of_a_percentage_whole_is_no_restatement():
    text = ("BOKHTAR, 4 May 2026 – Ninety per cent of the 70 clinics in Bokhtar district now have solar power, thanks to an "
            "EU-funded programme.\n\nOf the 63 clinics equipped, 20 also received water heaters.\n")
    assert _same("en", text) == []


# --- headline, lead and summary: three mentions, two values -------------------------------------------------------
def _three(n):
    return ("EU helps 30 rural libraries go digital\n\n"
            "OSH, 4 May 2026 – Thirty rural libraries in Osh region will receive computers and internet access under an "
            "EU-funded project.\n\n"
            f"About the project: \"Open Libraries\" is implemented by the Aga Khan Foundation. It covers {n} libraries "
            "in five districts.\n")


def test_headline_and_lead_against_the_summary():
    assert _same("en", _three("36")) == ["36 libraries"]
    assert _same("en", _three("30")) == []


def test_count_in_a_sentence_opening_with_a_place_is_a_part():
    text = ("Safer classrooms for 30 schools in Sughd\n\n"
            "KHUJAND, 4 May 2026 – Thirty schools in three districts of Sughd region will be insulated this year with EU "
            "funding.\n\nIn Isfara district, 12 schools will be insulated before the winter.\n")
    assert _same("en", text) == []


# --- the project's duration ---------------------------------------------------------------------------------
def _last(n):
    return ("NARYN, 4 May 2026 – The European Union has launched a 30-month project to help 50 villages manage their "
            f"pastures.\n\nThe project will last {n} months and is implemented by GIZ.\n")


def _hyphenated(n):
    return ("NARYN, 4 May 2026 – A two-year EU-funded project will help 50 villages manage their pastures.\n\n"
            f"About the project: the project runs for {n} months and is implemented by GIZ.\n")


def test_project_durations_will_last_and_hyphenated_adjective():
    assert _same("en", _last("36")) == ["36 months"]
    assert _same("en", _last("30")) == []
    assert _same("en", _hyphenated("18")) == ["18 months"]
    assert _same("en", _hyphenated("24")) == []


# --- a total read past an aside -----------------------------------------------------------------------------
def _aside(n):
    return ("Нукус, 4 мая 2026 года. Общая стоимость проекта, финансируемого Европейским союзом, составляет 2,6 млн евро.\n\n"
            f"«Проект стоимостью {n} млн евро изменит жизнь жителей Приаралья», – сказал хоким области.\n")


def _named(n):
    return ("Нукус, 4 мая 2026 года. Общий бюджет проекта – 2,6 млн евро; его финансирует Европейский союз.\n\n"
            "Работы начнутся летом.\n\n"
            f"О проекте. Общая стоимость проекта «Вода Приаралья» — {n} млн евро, срок реализации — 2026–2028 годы.\n")


def test_total_read_past_a_participle_phrase_and_a_name():
    assert _same("ru", _aside("2,9")) == ["2,9 млн евро"]
    assert _same("ru", _aside("2,6")) == []
    assert _same("ru", _named("2,9")) == ["2,9 млн евро"]
    assert _same("ru", _named("2,6")) == []


# --- the population of a place ---------------------------------------------------------------------------------
def _population(n):
    return ("Каракол, 4 мая 2026 года. Новая система очистки воды, построенная при поддержке Европейского союза, будет "
            "обслуживать 9 000 жителей.\n\n"
            f"«Теперь каждый из {n} тысяч горожан будет пить чистую воду», – сказал мэр Каракола.\n")


def test_population_counted_twice():
    assert _same("ru", _population("одиннадцати")) == ["одиннадцати тысяч горожан"]
    assert _same("ru", _population("девяти")) == []


# --- a fact box's labelled line, and "from all regions" -----------------------------------------------------------
def _box(n):
    return {"body": [
        {"h": "EU equips 20 maternity wards in Khatlon"},
        {"p": "BOKHTAR, 4 May 2026 – The European Union and UNFPA will equip 20 maternity wards in Khatlon region."},
        {"p": "The EU contribution is EUR 900,000."},
        {"textbox": f"Key figures\nEU contribution: EUR 900,000\nMaternity wards: {n}\nDuration: 24 months"}]}


def test_fact_box_labelled_count():
    assert ("figures.same-fact", "24") in _loud_docx(_box("24"), "en")
    assert _loud_docx(_box("20"), "en") == []


def _all_regions(n):
    return ("Астана, 4 мая 2026 года. Европейский союз поддержит 45 женских организаций Казахстана.\n\n"
            f"«Мы поддержим {n} организаций из всех регионов страны», – сказала посол ЕС.\n")


def test_from_all_regions_is_no_selection():
    assert _same("ru", _all_regions("54")) == ["54 организаций"]
    assert _same("ru", _all_regions("45")) == []
