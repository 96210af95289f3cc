"""Case and government misses found on the tenth blind set's releases (stop 28): «по окончанию» after
a relative pronoun, a year after «к», «между» with the genitive, and the wrong preposition of
«участвовать» before the verb. Each has a correct twin that must stay quiet."""
from checkutil import loud_grammar


def test_po_after_a_relative_pronoun_is_upon():
    found = loud_grammar("Гранты получили участницы, которые по окончанию курса защитили бизнес-планы.")
    assert found and found[0][0] == "окончанию" and found[0][1][0] == "окончании", found
    assert loud_grammar("Гранты получили участницы, которые по окончании курса защитили бизнес-планы.") == []
    assert loud_grammar("Работы по завершению строительства идут по графику.") == []


def test_a_year_after_k_takes_the_dative():
    found = loud_grammar("К 2027 года в регионе должны заработать шесть ресурсных центров.")
    assert found and found[0][0] == "года" and found[0][1] == ["году"], found
    assert loud_grammar("К 2027 году в регионе должны заработать шесть ресурсных центров.") == []
    assert loud_grammar("С 2027 года в регионе работают шесть ресурсных центров.") == []


def test_mezhdu_takes_the_instrumental():
    found = loud_grammar("Меморандум между министерства и ПРООН предусматривает создание центров.")
    assert found and found[0][0] == "министерства" and found[0][1][0] == "министерством", found
    assert loud_grammar("Меморандум между министерством и ПРООН предусматривает создание центров.") == []


def test_the_wrong_preposition_before_the_verb():
    found = loud_grammar("Всего на обучающих тренингах участвовали 120 женщин из 14 айылных аймаков.")
    assert found and found[0][0] == "на обучающих тренингах" and found[0][1][0] == "в обучающих тренингах", found
    assert loud_grammar("Всего в обучающих тренингах участвовали 120 женщин из 14 айылных аймаков.") == []
    assert loud_grammar("На этой неделе в форуме участвовали 30 журналистов.") == []


def test_a_typo_in_an_english_section_heading_is_an_error():
    from app.engine.linter import lint_text

    text = ("PRESS RELEASE\n12 May 2026\nLegal aid reaches Naryn\nNARYN, 12 May 2026 – Lawyers of the EU-funded project "
            "advised 300 people in May.\nNotes to Edtors\nAbout the European Union: The European Union is an economic "
            "and political union of 27 European countries.\nMedia contact: Meerim Asanova, m.asanova@tengdik.kg\n")
    found = [(f.severity, f.suggestions[:1]) for f in lint_text(text, "en", select=["spelling"]).findings
             if text[f.offset:f.end] == "Edtors"]
    assert found == [("error", ["Editors"])], found
    # a name alone on a line of its own stays a name
    named = text.replace("Media contact: Meerim Asanova, m.asanova@tengdik.kg\n", "Media contact:\nMeerim Asanovva\n")
    assert not [f for f in lint_text(named, "en", select=["spelling"]).findings
                if f.severity == "error" and named[f.offset:f.end] == "Asanovva"]
