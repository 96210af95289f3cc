"""Helpers shared by the check tests: lint one of our drafts (tests/drafts/) or a string."""
from __future__ import annotations

import io
from pathlib import Path

from app.core.readers import read_bytes, read_path
from app.engine.config import Config
from app.engine.linter import lint

DRAFTS = Path(__file__).resolve().parent / "drafts"


def lint_draft(name, select=(), config=None):
    doc = read_path(str(DRAFTS / name))
    return doc, lint(doc, config or Config(), select=list(select)).findings


def lint_str(text, lang, select=(), config=None):
    doc = read_bytes(text.encode("utf-8"), "t.txt", "txt", lang)
    return doc, lint(doc, config or Config(), select=list(select)).findings


def spans(doc, findings, rule=None):
    return [(f.rule, doc.span_text(f.offset, f.end)) for f in findings if rule is None or f.rule == rule]

SEED = Path(__file__).resolve().parent.parent / "examples" / "000_87413283a02d3cbb.txt"


_FIGURES_CONFIG = None
_FIGURES_CTX = None


def loud_figures(lang, text):
    """The figures findings at error or warning of a plain-text draft, as (rule, flagged text); the
    draft must be detected as ``lang``. One lint context for all calls (its caches are per text)."""
    global _FIGURES_CONFIG, _FIGURES_CTX
    from app.engine.linter import LintContext

    if _FIGURES_CTX is None:
        _FIGURES_CONFIG = Config()
        _FIGURES_CTX = LintContext(config=_FIGURES_CONFIG)
    doc = read_bytes(text.encode("utf-8"), "draft.txt")
    assert doc.language == lang
    return [(f.rule, doc.span_text(f.offset, f.end)) for f in lint(doc, _FIGURES_CONFIG, context=_FIGURES_CTX).findings
            if f.category == "figures" and f.severity in ("error", "warning")]


EU_EN = "The European Union funds the project. "
EU_RU = "Проект финансирует Европейский союз. "


def assert_flagged_twin_quiet(rules, lang, wrong, right, span):
    """The wrong draft gets a figures finding of one of ``rules`` whose flagged text contains ``span``;
    its corrected twin gets no figures finding at all."""
    rules = (rules,) if isinstance(rules, str) else tuple(rules)
    got = loud_figures(lang, wrong)
    assert any(rule in rules and span in text for rule, text in got), got
    assert loud_figures(lang, right) == []


def loud_grammar(text):
    """The grammar findings at error or warning of a Russian string: (flagged text, first suggestion
    as a list, rule)."""
    from app.engine.linter import lint_text

    r = lint_text(text, "ru", select=["grammar"])
    return [(r.document.span_text(f.offset, f.end), f.suggestions[:1], f.rule) for f in r.findings
            if f.severity in ("error", "warning")]


def assert_grammar_first(text, span, suggestion):
    """The first grammar finding of a Russian string flags ``span`` and suggests ``suggestion``."""
    found = loud_grammar(text)
    assert found, text
    assert found[0][0] == span and found[0][1] == [suggestion], found


def assert_grammar_quiet(text):
    """No grammar finding at error or warning in a Russian string."""
    assert loud_grammar(text) == [], text


DISCLAIMER_RU = ("Данная публикация подготовлена при финансовой поддержке Европейского Союза. Ее содержание является "
                 "исключительной ответственностью {org} и не обязательно отражает точку зрения Европейского Союза.")
DISCLAIMER_EN = ("This publication was produced with the financial support of the European Union. Its contents are the "
                 "sole responsibility of {org} and do not necessarily reflect the views of the European Union.")


def org_findings(body, org, lang):
    """consistency.org-name-mismatch at error or warning when ``body`` is followed by the standard
    disclaimer naming ``org``: (flagged text, first suggestion as a list)."""
    from app.engine.linter import lint_text

    text = body + "\n\n" + (DISCLAIMER_RU if lang == "ru" else DISCLAIMER_EN).format(org=org)
    r = lint_text(text, lang, select=["consistency"])
    return [(r.document.span_text(f.offset, f.end), f.suggestions[:1]) for f in r.findings
            if f.rule == "consistency.org-name-mismatch" and f.severity in ("error", "warning")]


def docx_bytes(body, header=None) -> bytes:
    """A Word draft made with python-docx. body: paragraphs (str) and tables (lists of rows of cell
    texts), in order; header: the text of the page header, if any."""
    import docx

    d = docx.Document()
    if header:
        d.sections[0].header.paragraphs[0].text = header
    for part in body:
        if isinstance(part, str):
            d.add_paragraph(part)
            continue
        t = d.add_table(rows=len(part), cols=len(part[0]))
        for r, row in enumerate(part):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def loud_figures_docx(lang, body, header=None):
    """The figures findings at error or warning of a Word draft made by ``docx_bytes``: (the document,
    the findings)."""
    doc = read_bytes(docx_bytes(body, header), "t.docx", "docx", lang)
    return doc, [f for f in lint(doc, Config(), select=["figures"]).findings if f.severity in ("error", "warning")]
