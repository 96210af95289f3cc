"""Every rule's own examples: `fail` texts must trigger it, `pass` texts must not."""
from __future__ import annotations

import pytest

from app.core.readers import read_bytes
from app.engine.config import Config
from app.engine.linter import LintContext, lint
from app.engine.rules import load_rules

RULES = load_rules()


def _cases(kind):
    for r in RULES:
        for i, ex in enumerate(getattr(r, f"examples_{kind}")):
            yield pytest.param(r, ex, id=f"{r.id}-{kind}{i}")


def _run(rule, ex, request):
    if (rule.check or "").startswith("languagetool"):
        request.getfixturevalue("languagetool_server")  # a rule that asks the real server gets one
    lang = ex.lang or (rule.languages[0] if len(rule.languages) == 1 else "auto")
    doc = read_bytes(ex.text.encode("utf-8"), "example.txt", "txt", lang)
    if doc.language not in rule.languages:
        doc.language = rule.languages[0]
    cfg = Config(**{k: v for k, v in ex.config.items() if k in Config.__dataclass_fields__})
    return [f for f in lint(doc, cfg, rules=[rule], context=LintContext(config=cfg)).findings if f.rule.startswith(rule.id)]


@pytest.mark.parametrize("rule,ex", list(_cases("fail")))
def test_fail_example_triggers(rule, ex, request):
    found = _run(rule, ex, request)
    assert found, f"{rule.id}: example should trigger the rule but did not: {ex.text!r}"


@pytest.mark.parametrize("rule,ex", list(_cases("pass")))
def test_pass_example_is_clean(rule, ex, request):
    found = _run(rule, ex, request)
    assert not found, f"{rule.id}: example should pass but got {[(f.message, f.offset) for f in found]}: {ex.text!r}"


def test_every_rule_has_examples_and_metadata():
    assert len(RULES) >= 7
    for r in RULES:
        assert r.examples_fail, r.id
        assert r.link, f"{r.id} has no link to its source"
        assert r.message
