"""The money relations of the facts model (shares, parts of a whole, "the remaining", tables) read
from the structure of a release, in phrasings written for these tests (not taken from the blind
evaluation sets). Each wrong text names the figure that must be flagged; its corrected twin must
stay quiet."""
from __future__ import annotations

import pytest

from app.core.readers import read_bytes
from app.engine.config import Config
from app.engine.linter import LintContext, lint

_CONFIG = Config()
_CTX = LintContext(config=_CONFIG)


def _loud(lang: str, text: str) -> list[tuple[str, str]]:
    doc = read_bytes(text.encode("utf-8"), "draft.txt")
    assert doc.language == lang
    return [(f.rule, doc.span_text(f.offset, f.end)) for f in lint(doc, _CONFIG, context=_CTX).findings
            if f.category == "figures" and f.severity in ("error", "warning")]


def _check(lang: str, text: str, flagged: str | None) -> None:
    found = _loud(lang, text)
    if flagged is None:
        assert found == [], found
    else:
        assert any(flagged in t or t in flagged for _, t in found), found


# (lang, text, the figure flagged or None for a text that must stay quiet)
MONEY = [
    # a contributor named after a bracketed share belongs to the amount before the bracket
    ('en', 'The European Union funds the project. Its cost is EUR 600,000, with EUR 540,000 (90%) from the EU and EUR 80,000 from the city council.', 'EUR 80,000'),
    ('en', 'The European Union funds the project. Its cost is EUR 600,000, with EUR 540,000 (90%) from the EU and EUR 60,000 from the city council.', None),
    ('ru', 'Стоимость работ – 1,6 млн евро. Из этой суммы 1,44 млн евро (90 %) предоставляет Европейский союз, остальную часть, 180 000 евро, вносит акимат.', '180 000 евро'),
    ('ru', 'Стоимость работ – 1,6 млн евро. Из этой суммы 1,44 млн евро (90 %) предоставляет Европейский союз, остальную часть, 160 000 евро, вносит акимат.', None),
    # "the remaining" is the whole minus every amount stated before it, whatever their role
    ('en', 'The European Union finances the scheme in full. Its budget is EUR 900,000. Seed grants take EUR 350,000, and the remaining EUR 500,000 pays for coaching and audits.', 'EUR 500,000'),
    ('en', 'The European Union finances the scheme in full. Its budget is EUR 900,000. Seed grants take EUR 350,000, and the remaining EUR 550,000 pays for coaching and audits.', None),
    ('ru', 'Европейский союз полностью финансирует программу. Её бюджет – 800 000 евро. На закупку оборудования уйдет 500 000 евро, а оставшиеся 200 000 евро – на обучение персонала.', '200 000 евро'),
    ('ru', 'Европейский союз полностью финансирует программу. Её бюджет – 800 000 евро. На закупку оборудования уйдет 500 000 евро, а оставшиеся 300 000 евро – на обучение персонала.', None),
    # the EU's part restated next to "the remaining" is the one it is the rest of
    ('ru', 'ЕС выделяет 1,9 млн евро на школы\nАЛМАТЫ, 2 февраля 2026 года – Стоимость проекта – 2 млн евро. Доля ЕС – 1,8 млн евро; остальные 200 тыс. евро вносит министерство.', '1,9 млн евро'),
    # the verb and the contributor right after an amount are that amount's («X предоставляет ЕС, Y – …»)
    ('ru', 'Бюджет инициативы – 2 млн евро. На нее 1,7 млн евро предоставляет ЕС, 300 тыс. евро – ассоциация «Ак Жол». Таким образом, ЕС покрывает 85 % бюджета.', None),
    ('ru', 'Бюджет инициативы – 2 млн евро. На нее 1,7 млн евро предоставляет ЕС, 300 тыс. евро – ассоциация «Ак Жол». Таким образом, ЕС покрывает 80 % бюджета.', '80 %'),
    # a round's or a contest's fund is a part of the budget, not a contributor's share of it
    ('ru', 'Европейский союз финансирует проект. Бюджет проекта – 900 000 евро: 720 000 евро выделяет ЕС, 180 000 евро – ассоциация «Ак Жол». Фонд малых грантов второго раунда – 150 000 евро.', None),
    # the budget named right after a share ("of its budget of EUR X", «её бюджета в X») is its whole
    ('ru', 'Европейский союз финансирует проект. ЕС выделяет на программу 1,8 млн евро – 80 % ее бюджета в 2 млн евро.', '80 %'),
    ('ru', 'Европейский союз финансирует проект. ЕС выделяет на программу 1,8 млн евро – 90 % ее бюджета в 2 млн евро.', None),
    ('en', 'The European Union funds the scheme. The EU provides EUR 1.8 million, 80 per cent of its budget of EUR 2 million.', '80 per cent'),
    ('en', 'The European Union funds the scheme. The EU provides EUR 1.8 million, 90 per cent of its budget of EUR 2 million.', None),
]


@pytest.mark.parametrize("lang,text,flagged", MONEY, ids=[f"{'wrong' if f else 'right'}-{i}" for i, (_, _, f) in enumerate(MONEY)])
def test_money_relations(lang, text, flagged):
    _check(lang, text, flagged)


def test_budget_table_and_body_remaining_are_not_summed_twice():
    """A body that says «Оставшиеся 400 000 евро вносит …» and a budget table that has the same money in its
    co-financing row: one part of the total, not two (a DOCX built with python-docx)."""
    import io

    import docx

    d = docx.Document()
    d.add_paragraph("Алматы, 4 марта 2026 г. – Европейский союз выделяет на проект 1,6 млн евро – 80 % его бюджета. "
                    "Оставшиеся 400 000 евро вносит областной акимат.")
    t = d.add_table(rows=4, cols=3)
    for r, row in enumerate([("Источник", "Сумма, евро", "Доля"), ("Вклад ЕС", "1 600 000", "80 %"),
                             ("Софинансирование (акимат)", "400 000", "20 %"), ("Итого", "2 000 000", "100 %")]):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    buf = io.BytesIO()
    d.save(buf)
    doc = read_bytes(buf.getvalue(), "draft.docx")
    found = [(f.rule, doc.span_text(f.offset, f.end)) for f in lint(doc, _CONFIG, context=_CTX).findings
             if f.category == "figures" and f.severity in ("error", "warning")]
    assert found == [], found
