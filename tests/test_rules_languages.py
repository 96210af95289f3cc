"""The Rules page speaks the UI's language: every rule has a title and a description in English and
in Russian (issue 14), and the Russian page shows the Russian ones."""
from __future__ import annotations

import html
import re

from app.engine.rules import load_rules

CYRILLIC = re.compile(r"[а-яё]", re.I)


def test_every_rule_has_both_languages():
    missing = [(r.id, k) for r in load_rules() for k in ("title", "title_ru", "description", "description_ru")
               if not getattr(r, k).strip()]
    assert not missing, missing
    not_russian = [r.id for r in load_rules() if len(CYRILLIC.findall(r.title_ru + r.description_ru)) < 10]
    assert not not_russian, not_russian
    same = [r.id for r in load_rules() if r.description_ru.strip() == r.description.strip()]
    assert not same, same


def _page(web_client, lang):
    page = web_client.get("/rules", headers={"Accept-Language": lang}).get_data(as_text=True)
    return html.unescape(page)


def test_rules_page_shows_the_ui_language(web_client):
    ru, en = _page(web_client, "ru"), _page(web_client, "en")
    assert "Правила" in ru
    rules = list(load_rules())
    for r in rules:
        assert r.description_ru in ru, r.id
        assert r.description_ru not in en, r.id
        assert r.title_ru in ru, r.id
    # the English page keeps the English descriptions (first words, the page may wrap none)
    assert all(" ".join(r.description.split())[:40] in " ".join(en.split()) for r in rules)
