"""Issue 11: case after prepositions, whole words in the wrong alphabet, names of Central Asia,
organisation names, missing elements, and Word drafts' headers, footers, tables and text boxes.

Every example of the issue is caught with its span and suggestion (or stays quiet for names and
terms), in TXT and in DOCX; the blind evaluation set's tune split keeps the recall reached."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.core.readers import read_bytes
from app.engine.linter import lint, lint_text

EVAL = Path(__file__).resolve().parent / "eval"
if str(EVAL) not in sys.path:
    sys.path.insert(0, str(EVAL))

LOUD = ("error", "warning")


def loud(text, lang, select):
    r = lint_text(text, lang, select=list(select))
    return [(r.document.span_text(f.offset, f.end), f.suggestions[:1], f.rule) for f in r.findings if f.severity in LOUD]


# (text, flagged span, first suggestion)
RU_CAUGHT = [
    ("Благодаря усилия партнеров проект завершен.", "усилия", "усилиям"),
    ("Работы идут согласно графика работ.", "графика", "графику"),
    ("По окончанию проекта будет проведена конференция.", "окончанию", "окончании"),
    ("Вопреки решения комиссии работы продолжены.", "решения", "решению"),
    ("Навстречу пожелания жителей открыт новый центр.", "пожелания", "пожеланиям"),
    ("Необходимо оплатить за услуги до конца месяца.", "за услуги", "услуги"),
    ("Следует уделять внимание на качество воды.", "на качество", "качеству"),
    ("На заседании обсуждали tema водоснабжения.", "tema", "тема"),
    ("Принята новая mepa поддержки.", "mepa", "мера"),
    ("Подписан kohtpakt на поставку оборудования.", "kohtpakt", "контракт"),
    ("Tenepb проект охватывает три района.", "Tenepb", "Теперь"),
    ("Участвовали представители mectho-государственных органов.", "mectho", "местно"),
    ("Предсетатель комиссии открыл заседание.", "Предсетатель", "Председатель"),
    ("Информацыя о проекте\n\nТекст релиза.", "Информацыя", "Информация"),
    ("Проект поддержан Евросоюзом.", "Евросоюзом", "Европейским Союзом"),
    ("E-mail: name@fund .uz", "name@fund .uz", "name@fund.uz"),
]


@pytest.mark.parametrize("text,span,suggestion", RU_CAUGHT, ids=[c[1] for c in RU_CAUGHT])
def test_issue_examples_ru_are_caught_with_span_and_suggestion(text, span, suggestion):
    found = loud(text, "ru", ["grammar", "homoglyph", "spelling", "visibility.eu-informal-name", "contact"])
    assert (span, [suggestion]) in [(s, g) for s, g, _ in found], found


EN_CAUGHT = [
    ("The project in Кazakhstan started in May.", "Кazakhstan", "Kazakhstan"),
    ("The Сentral Asia programme continues.", "Сentral", "Central"),
    ("The E.U. funds the project.", "E.U.", "European Union"),
    ("Write to press@fund-uz for details.", "press@fund-uz", "press@fund.uz"),
]


@pytest.mark.parametrize("text,span,suggestion", EN_CAUGHT, ids=[c[1] for c in EN_CAUGHT])
def test_issue_examples_en_are_caught(text, span, suggestion):
    found = loud(text, "en", ["homoglyph", "visibility.eu-informal-name", "contact"])
    assert (span, [suggestion]) in [(s, g) for s, g, _ in found], found


QUIET_RU = [
    "Встреча прошла в здании жамоата Варзобского района и в хукумате.",
    "Собрание прошло в здании этрапа; глава аильного округа и айыл окмоту приняли участие.",
    "Тел.: +996 555 123 456, г. Бишкек, ул. Киевская, д. 96, каб. 12, Чуйская обл., Аламединский р-н.",
    "Координатор проекта Айгерим Нурланова и Бахтиёр Рахимов из Хатлонской области, Джамшед Сафаров.",
    "Проект реализуют IPHR, LPRC и UNDP, модель XR-200, www.undp.org.",
    "Благодаря усилиям партнеров, согласно графику работ и по окончании проекта отчет готов.",
    "Работы по завершению строительства идут; в течение года проведено десять тренингов.",
]


@pytest.mark.parametrize("text", QUIET_RU)
def test_regional_names_terms_and_correct_grammar_stay_quiet(text):
    assert loud(text, "ru", ["grammar", "homoglyph", "spelling"]) == []


def test_english_codes_acronyms_stay_quiet():
    text = "Contact IPHR, LPRC or UNDP; model X200-B; see www.undp.org; Tel. +7 701 111 22 33, Ex. 5."
    assert loud(text, "en", ["homoglyph", "spelling"]) == []


def _docx(spec):
    from eval_build import case_document

    doc, fmt = case_document({"id": "t", "lang": spec.pop("lang", "ru"), "kind": "clean", "docx": spec})
    assert fmt == "docx"
    return doc


def _release_body(lang="ru"):
    if lang == "ru":
        return [{"h": "Фермеры получили гранты"},
                {"p": "БИШКЕК, 12 марта 2026 года – Фермеры Чуйской области получили гранты."},
                {"p": "Этот проект финансируется Европейским Союзом."}]
    return [{"h": "Farmers receive grants"},
            {"p": "BISHKEK, 12 March 2026 – Farmers of Chui region received grants."},
            {"p": "This project is funded by the European Union."}]


def test_docx_contacts_only_in_footer_and_label_in_header_count():
    doc = _docx({"header": "ПРЕСС-РЕЛИЗ\n12 марта 2026 года",
                 "footer": "Контакты для СМИ: Айгерим Нурланова, тел. +996 555 123 456, e-mail: a.nurlanova@fund.kg",
                 "body": _release_body()})
    rules = {f.rule for f in lint(doc, select=["structure"]).findings}
    assert "structure.missing-contacts" not in rules
    assert "structure.missing-label" not in rules
    assert "structure.missing-date-line" not in rules


def test_docx_text_box_read_once_and_its_broken_email_found():
    doc = _docx({"lang": "en", "body": _release_body("en") + [
        {"textbox": "About the project\nWrite to press@fund-uz or name@fund .uz"}]})
    assert doc.text.count("About the project") == 1  # the Choice, not the VML Fallback too
    assert any(b.kind == "textbox" for b in doc.blocks)
    found = [(doc.span_text(f.offset, f.end), f.severity) for f in lint(doc, select=["contact.email"]).findings]
    assert ("press@fund-uz", "error") in found and ("name@fund .uz", "error") in found


def test_docx_typos_in_table_cell_footer_heading_and_capitals_are_errors():
    doc = _docx({"lang": "en", "header": "PRESS RELESE", "footer": "Programe of the European Union",
                 "body": _release_body("en") + [{"table": [["Item", "Amount"], ["Managment", "1000"]]},
                                                {"p": "See the note."}, {"footnote": "Informaton about the grant."}]})
    found = {doc.span_text(f.offset, f.end): (f.severity, f.suggestions[:1])
             for f in lint(doc, select=["spelling"]).findings}
    assert found["Managment"] == ("error", ["Management"])
    assert found["Programe"][0] == "error"
    assert found["RELESE"] == ("error", ["RELEASE"])
    assert found["Informaton"] == ("error", ["Information"])


def test_ru_docx_heading_start_typo_and_table_typo():
    doc = _docx({"body": [{"h": "Информацыя о проекте"}] + _release_body()[1:] +
                 [{"table": [["Напрвление", "Число мест"], ["Всего", "20"]]}]})
    found = {doc.span_text(f.offset, f.end): (f.severity, f.suggestions[:1])
             for f in lint(doc, select=["spelling"]).findings}
    assert found["Информацыя"] == ("error", ["Информация"])
    assert found["Напрвление"] == ("error", ["Направление"])


def test_funding_statement_is_not_replaced_by_the_disclaimer():
    text = ("ПРЕСС-РЕЛИЗ\n12 марта 2026 года\n\nФорум\n\nБИШКЕК, 12 марта 2026 года – Состоялся форум.\n\n"
            "Данная публикация подготовлена при финансовой поддержке Европейского Союза. Ее содержание является "
            "исключительной ответственностью ОФ «Центр» и не обязательно отражает точку зрения Европейского Союза.")
    r = lint_text(text, "ru", select=["structure.missing-funding-statement"])
    assert [(f.severity, f.suggestions) for f in r.findings] == [("error", ["Этот проект финансируется Европейским Союзом."])]


def test_missing_date_line_and_label_are_warnings():
    r = lint_text("Форум\n\nБИШКЕК, 12 марта 2026 года – Состоялся форум.", "ru",
                  select=["structure.missing-date-line", "structure.missing-label"])
    assert sorted((f.rule, f.severity) for f in r.findings) == [
        ("structure.missing-date-line", "warning"), ("structure.missing-label", "warning")]


def test_disclaimer_names_another_organisation():
    text = ("ОФ «Центр поддержки предпринимательства» провел тренинг.\n\nДанная публикация подготовлена при "
            "финансовой поддержке Европейского Союза. Ее содержание является исключительной ответственностью ОО "
            "«Центр поддержки предпринимателей» и не обязательно отражает точку зрения Европейского Союза.")
    r = lint_text(text, "ru", select=["consistency.org-name-mismatch"])
    assert [r.document.span_text(f.offset, f.end) for f in r.findings] == ["ОО «Центр поддержки предпринимателей»"]


def test_acronym_expanded_two_ways():
    text = ("The Water Users Association (WUA) met in May. Its chairman said the Water User Organization (WUA) "
            "would meet again.")
    r = lint_text(text, "en", select=["consistency.acronym-expansion"])
    # the words before the acronym are flagged (the acronym agrees) and replaced by the first expansion
    assert [r.document.span_text(f.offset, f.end) for f in r.findings] == ["Water User Organization"]
    assert r.findings[0].suggestions[0] == "Water Users Association"


def test_vocabularies_are_large_and_name_their_sources():
    from app import RULES_DIR

    total = 0
    for f in sorted((RULES_DIR / "vocab" / "central-asia").glob("*.txt")):
        lines = f.read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("#"), f.name
        assert any("ource" in l or "from" in l.lower() for l in lines if l.startswith("#")), f.name
        total += sum(1 for l in lines if l.strip() and not l.startswith("#"))
    assert total > 5000


# Recall reached on the tune split of the blind set (tests/eval/language), kind by kind; clean
# texts must stay free of errors and warnings. Never tuned on the holdout split.
TUNE_RECALL = {"preposition-case": 1.0, "verb-government": 1.0, "latin-word": 1.0, "cyrillic-in-english": 1.0,
               "eu-informal-name": 1.0, "org-name-mismatch": 1.0, "capitalised-typo": 1.0,
               "missing-funding-statement": 1.0, "missing-date-line": 1.0, "missing-label": 1.0, "broken-email": 1.0}


def test_blind_set_tune_split_recall_per_kind():
    import score

    summary, _ = score.run("language", "tune")
    kinds = summary["kinds"]
    for kind, want in TUNE_RECALL.items():
        assert kinds[kind]["recall"] >= want, (kind, kinds[kind])
    assert summary["false_alarms_clean"] == 0
