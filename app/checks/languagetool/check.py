"""LanguageTool's findings, from a real LanguageTool HTTP server, as Pressroom findings.

Does nothing unless ``pressroom lint --languagetool`` or ``[languagetool] enabled = true``. The
document is sent once; each match becomes a finding with the id ``lt.<LanguageTool rule id>`` and
one of our categories. Dropped: matches of rules disabled for press releases (the rule's
``options.disabled``), matches that duplicate one of our own findings (same category family,
overlapping text), spelling matches on words our dictionaries or the accept vocabulary know, and
matches on acronyms, names, e-mail addresses and URLs. When the server is unreachable or slow the
run goes on without it and says so once (a notice).
"""
from __future__ import annotations

from app.checks.languagetool import client
from app.language import in_spans, skip_spans
from app.language.words import is_acronym

CATEGORY = {
    "TYPOS": "spelling",
    "TYPOGRAPHY": "typography",
    "PUNCTUATION": "typography",
    "STYLE": "style",
    "REDUNDANCY": "style",
    "PLAIN_ENGLISH": "style",
    "COLLOQUIALISMS": "style",
    "REPETITIONS": "style",
    "REPETITIONS_STYLE": "style",
    "WIKIPEDIA": "style",
}
SEVERITY = {"spelling": "warning", "grammar": "warning", "typography": "info", "style": "info"}
# Our categories that overlap LanguageTool's: a match overlapping one of these findings is dropped.
OURS = ("spelling", "grammar", "homoglyph", "typography")


def enabled(ctx) -> bool:
    if ctx is None:
        return False
    if "languagetool" in ctx.options:  # the shell decided (`pressroom lint` resolves "auto" itself)
        return bool(ctx.options["languagetool"])
    return (ctx.config.languagetool or {}).get("enabled") is True


def _own_findings(doc, rule, ctx):
    from app.engine.linter import LintContext, lint
    from app.engine.rules import load_rules

    rules = [r for r in load_rules() if r.category in OURS and r.id != rule.id and r.applies_to(doc.language)]
    sub = LintContext(config=ctx.config, vocabulary=ctx.vocabulary, options={})
    return lint(doc, ctx.config, rules=rules, context=sub).findings


def check(doc, rule, ctx):
    if not enabled(ctx):
        return
    disabled = disabled_rules(rule, doc.language, ctx.config)
    language = client.lt_language(doc.language, ctx.config)
    try:
        matches = client.check(doc.text, language, ctx.config, disabled)
    except client.Unavailable as e:
        ctx.notice(f"{e}; checked without it")
        return
    if not matches:
        return
    own = [(f.offset, f.end) for f in _own_findings(doc, rule, ctx)]
    for m, category in kept_matches(doc, ctx, matches, own, disabled):
        start, end = m["offset"], m["offset"] + m["length"]
        # LanguageTool words its messages in the text's language: Russian ones only for Russian texts
        f = rule.finding(doc, start, end, m["replacements"][:5], message=m["message"],
                         message_ru=m["message"] if doc.language == "ru" else None,
                         severity=SEVERITY.get(category, "warning"))
        f.rule = f"lt.{m['rule']}"
        f.category = category
        yield f


def _speller_rule(rule_id: str) -> bool:
    return rule_id.startswith(("MORFOLOGIK_RULE", "HUNSPELL")) or "SPELL" in rule_id


def disabled_rules(rule, language: str, config) -> list[str]:
    """LanguageTool's rules we switch off for press releases (rules/lt.yml) and in pressroom.toml."""
    return list(rule.options.get("disabled", {}).get(language, [])) + \
        list(rule.options.get("disabled", {}).get("all", [])) + \
        list((config.languagetool or {}).get("disabled_rules", []))


def kept_matches(doc, ctx, matches, own, disabled):
    """(match, our category) for the LanguageTool matches worth reporting on doc: not disabled, not
    where one of our own findings (spans ``own``, code points) already is, not on names, acronyms,
    addresses or words our vocabulary and dictionaries accept. Offsets of the matches are code
    points of doc.text. Shared by ``pressroom lint --languagetool`` and the LanguageTool API."""
    spans = skip_spans(doc)
    from app.language.spelling import speller

    sp = speller(ctx, doc.language)
    for m in matches:
        start, end = m["offset"], m["offset"] + m["length"]
        if end <= start or end > len(doc.text):
            continue
        if m["rule"] in disabled:
            continue
        text = doc.text[start:end]
        category = CATEGORY.get(m["category"], "grammar")
        if any(s < end and start < e or (s == e and start <= s <= end) for s, e in own):
            continue  # one of our own findings says it already (better, with our vocabulary)
        if in_spans(spans, start, end):
            continue
        words = [w for w in text.replace("-", " ").split() if any(ch.isalpha() for ch in w)]
        if any(ctx.vocabulary.accepts(w.strip(".,;:!?«»\"'()")) for w in words):
            continue
        if category == "spelling" and _speller_rule(m["rule"]):
            # only the dictionary rules: TYPOS also holds confusions (your/you're) of known words
            word = text.strip(".,;:!?«»\"'()")
            if is_acronym(word) or sp.known(word) or sp.accepted(word, ctx.vocabulary):
                continue
            if word[:1].isupper() and word not in (m["replacements"] or [""])[0:0] and \
                    "American English" not in m["message"] and "британск" not in m["message"].lower():
                continue  # a capitalised unknown word is a name for us (our own check says so as info)
        yield m, category
