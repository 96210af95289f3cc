"""A disclaimer is present but does not follow one of the official wordings (templates/texts/).

Small variants are accepted (patterns.disclaimer_official: every element must be there); the
suggestion is the official text filled with the organisation.
"""
from __future__ import annotations

from app.checks.structure.parts import structure
from app.core import eu_texts


def check(doc, rule, ctx):
    s = structure(doc)
    if s.disclaimer is None:
        return
    block = doc.block_at(s.disclaimer.start)
    start = block.start if block else s.disclaimer.start
    end = block.end if block else s.disclaimer.end
    nxt = doc.block_at(end + 1) or doc.block_at(end + 2)
    text = doc.text[start:end]
    wider = text + (" " + doc.text[nxt.start:nxt.end] if nxt else "")
    missing = [rx for rx in eu_texts.patterns(doc.language, "disclaimer_official") if not rx.search(wider)]
    if not missing:
        return
    org = ctx.config.organisation or s.organisation
    yield rule.finding(doc, start, end, [eu_texts.disclaimer(doc.language, org)])
