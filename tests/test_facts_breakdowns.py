"""A whole and its breakdown after a colon (app/facts/breakdowns.py, stop 27): lines after a paragraph
ending with ":", or clauses after a colon inside a sentence, each one labelled figure. Wrong twins: one
item changed, so the items no longer make the whole; a selection ("in particular", «в частности») or
a list shorter than the number of items announced stays quiet."""
import pytest

from checkutil import loud_figures

EN_LEAD = "KHUJAND, 4 March 2026 – The EU-funded nursing programme implemented by WHO has reached its targets.\n\n"
RU_LEAD = "ХУДЖАНД, 4 марта 2026 года — Программа, финансируемая Европейским союзом, подвела итоги года.\n\n"

CASES = [
    # lines after a paragraph ending with a colon, the figure after the label and its unit on every line
    ("en", EN_LEAD + "The programme has retrained 640 nurses in four regions:\n- Sughd region: 210 nurses\n"
                     "- Khatlon region: 190 nurses\n- GBAO: 90 nurses\n- Dushanbe: {x} nurses\n", "150", "170",
     ("640 nurses", "170 nurses"), "figures.groups"),
    # clauses after a colon inside the sentence, bare figures after a dash, the last one after «и»
    ("ru", RU_LEAD + "Обучение прошли 75 инспекторов из трёх областей: Согдийской — 30, Хатлонской — {x} и ГБАО — 20.",
     "25", "28", ("75 инспекторов", "28"), "figures.groups"),
    # the whole in the sentence before the one opening the list; money lines
    ("en", EN_LEAD + "The EU has committed EUR 2.4 million to the programme. Its funds are divided between three lines:\n"
                     "- equipment: EUR 1.2 million;\n- training: EUR 700,000;\n- monitoring: EUR {x}.\n", "500,000", "600,000",
     ("EUR 2.4 million", "EUR 600,000"), "figures.parts"),
    ("ru", RU_LEAD + "Водопровод проведён в 19 сёл трёх джамоатов:\n– джамоат Гулистон — 8 сёл;\n– джамоат Ёва — {x} сёл;\n"
                     "– джамоат Зарзамин — 5 сёл.\n", "6", "7", ("19 сёл", "7 сёл"), "figures.groups"),
]


@pytest.mark.parametrize("lang, text, right, wrong, spans, rule", CASES)
def test_items_that_do_not_make_their_whole_are_flagged(lang, text, right, wrong, spans, rule):
    got = loud_figures(lang, text.format(x=wrong))
    assert any(r == rule and any(s in t for s in spans) for r, t in got), got
    assert loud_figures(lang, text.format(x=right)) == []


@pytest.mark.parametrize("lang, text", [
    # a selection announced before the colon: the items are some of the whole
    ("ru", RU_LEAD + "Гранты получили 48 фермерских хозяйств, в частности: Араванский район — 20, Узгенский район — 19."),
    ("en", EN_LEAD + "Grants went to 48 farms, the largest groups being:\n- Aravan district: 20 farms\n- Uzgen district: 19 farms\n"),
    # five districts announced, three listed: not all of them
    ("en", EN_LEAD + "Water points were repaired in 30 villages of five districts:\n- Ayni: 8 villages\n- Panjakent: 7 villages\n"
                     "- Istaravshan: 6 villages\n"),
    # lines that are not one labelled figure each (results, not a breakdown of the whole)
    ("en", EN_LEAD + "The programme reached 1,500 farmers this year:\n- 1,200 farmers trained\n- 300 farmers received loans\n"),
])
def test_a_selection_or_a_list_of_results_is_quiet(lang, text):
    assert loud_figures(lang, text) == []
