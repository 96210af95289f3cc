"""Lint results kept between requests of a long-running process (the web app, issue 13).

Editors send the same draft again and again with small edits. Like LanguageTool's server, which
caches its results per sentence, a process keeps:

- the whole result of a document it has checked (same text, format, language, configuration,
  rules and vocabulary: the same findings), and
- the findings of the rules that only see one paragraph (``PARAGRAPH_CHECKS`` and the pattern
  rules that look at one block at a time), per block, keyed by the block's text and kind; a
  document with one paragraph changed reruns those rules on that paragraph only and reruns the
  document-level rules (figures, structure, consistency, spelling, which compare a paragraph with
  the rest of the document) in full.

Both are bounded (``PRESSROOM_LINT_CACHE_CHARS`` characters of text each, least recently used
dropped first). The paragraph findings are computed on a copy of the document in which every
character outside the paragraphs being checked is blanked (newlines kept), so what is cached can
only depend on the paragraph itself; suppressions (``<!-- pressroom-disable -->``) are applied to
the document being answered, never cached. The whole result is kept for TXT and Markdown only:
a DOCX (styles, headers, comments), a document linted beside its release (the release form's
cross-checks) and one checked with the LanguageTool rule on (an outside server that may fail)
rerun their document-level rules every time and take only the paragraph findings from the cache.

The cached and uncached results are identical (tests/test_lint_cache.py checks it over the corpus
and edited drafts); ``PRESSROOM_LINT_CACHE=off`` switches the cache off.
"""
from __future__ import annotations

import bisect
import hashlib
import os
import threading
import time
from collections import OrderedDict
from dataclasses import replace

from app.core.document import Block, Document
from app.engine.config import Config
from app.engine.finding import SEVERITY_RANK, Finding
from app.engine.linter import LintContext, LintResult, _suppressed, lint, select_rules
from app.engine.rules import Rule, load_rules
from app.engine.vocabulary import load_vocabulary
from app.errors import OverBudget

# Checks whose findings in a block depend on that block's text and kind and on the document's
# language only (each walks doc.blocks or doc.sentences and looks no further than its block).
PARAGRAPH_CHECKS = frozenset({
    "grammar.agreement", "grammar.preposition_case", "grammar.verb_government",
    "homoglyph.latin_word", "homoglyph.mixed_script",
})
PATTERN_TYPES = ("existence", "substitution")  # app.engine.rules.run_pattern_rule: one block at a time
FORMATS = ("txt", "md")
DEFAULT_CHARS = 4_000_000


def paragraph_local(rule: Rule) -> bool:
    return rule.type in PATTERN_TYPES or (rule.type == "check" and rule.check in PARAGRAPH_CHECKS)


class _Lru:
    """An LRU map bounded by the summed weight (characters) of its entries."""

    def __init__(self, max_weight: int):
        self.max_weight = max_weight
        self.weight = 0
        self._data: OrderedDict = OrderedDict()

    def get(self, key):
        hit = self._data.get(key)
        if hit is None:
            return None
        self._data.move_to_end(key)
        return hit[0]

    def put(self, key, value, weight: int) -> None:
        if weight > self.max_weight // 4:
            return  # one huge draft must not push out everything else
        old = self._data.pop(key, None)
        if old is not None:
            self.weight -= old[1]
        self._data[key] = (value, weight)
        self.weight += weight
        while self.weight > self.max_weight and self._data:
            _k, (_v, w) = self._data.popitem(last=False)
            self.weight -= w

    def __len__(self) -> int:
        return len(self._data)

    def clear(self) -> None:
        self._data.clear()
        self.weight = 0


def _weight(text_len: int, findings: list[Finding]) -> int:
    return 64 + text_len + sum(120 + len(f.message) + len(f.message_ru or "") + sum(len(s) for s in f.suggestions)
                               for f in findings)


def _copy(f: Finding, shift: int = 0) -> Finding:
    return replace(f, offset=f.offset + shift, suggestions=list(f.suggestions),
                   related=[(a + shift, b) for a, b in f.related])


class LintCache:
    def __init__(self, max_chars: int = DEFAULT_CHARS):
        self.documents = _Lru(max_chars)
        self.paragraphs = _Lru(max_chars)
        self.lock = threading.Lock()
        self.stats = {"document_hits": 0, "paragraph_hits": 0, "paragraph_misses": 0, "uncached": 0}
        self._rule_keys: dict[int, tuple[Rule, tuple]] = {}
        self._context_keys: dict[tuple, str] = {}

    def clear(self) -> None:
        with self.lock:
            self.documents.clear()
            self.paragraphs.clear()
            for k in self.stats:
                self.stats[k] = 0

    # ----- keys ----------------------------------------------------------------------------------
    def _rule_key(self, r: Rule) -> tuple:
        got = self._rule_keys.get(id(r))
        if got is None or got[0] is not r:  # the rule object is kept, so its id is never reused
            key = (r.id, r.type, r.check, r.severity, r.category, r.message, r.message_ru, r.languages, r.scope,
                   r.ignorecase, r.fix, repr(sorted(r.options.items(), key=repr)),
                   tuple(p.pattern for p in r.tokens), tuple((p.pattern, s) for p, s in r.swap),
                   tuple((k, p.pattern) for k, p in r.either.items()))
            got = self._rule_keys[id(r)] = (r, key)
        return got[1]

    def _context_key(self, doc: Document, config: Config, rules: list[Rule]) -> str:
        vocab = load_vocabulary()
        self._rule_keys.setdefault(-id(vocab), (vocab, ()))  # keep the vocabulary object alive: its id is its version
        # the digest of the same rule objects, configuration and vocabulary is asked on every lint:
        # kept (rule objects and the vocabulary are kept alive above, so their ids are never reused)
        for r in rules:
            if id(r) not in self._rule_keys:
                self._rule_key(r)
        fast = (doc.language, doc.format, repr(config), id(vocab), tuple(id(r) for r in rules))
        got = self._context_keys.get(fast)
        if got is None:
            raw = repr((doc.language, doc.format, repr(config), id(vocab), [self._rule_key(r) for r in rules]))
            got = hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()
            if len(self._context_keys) >= 1024:
                self._context_keys.clear()
            self._context_keys[fast] = got
        return got

    # ----- linting -------------------------------------------------------------------------------
    def lint(self, doc: Document, config: Config | None = None, rules=None, deadline: float | None = None,
             release=None) -> LintResult:
        """``lint(doc, config, rules=rules, context=LintContext(config=config, release=release),
        deadline=...)``, from the cache where it can be."""
        config = config or Config()
        all_rules = list(rules) if rules is not None else list(load_rules())
        if os.environ.get("PRESSROOM_LINT_CACHE") == "off" or any(a.end > b.start for a, b in zip(doc.blocks, doc.blocks[1:])):
            self.stats["uncached"] += 1
            return lint(doc, config, rules=all_rules, context=LintContext(config=config, release=release), deadline=deadline)
        ctx = LintContext(config=config, release=release)
        active = [r for r in select_rules(all_rules, [], [], config) if r.applies_to(doc.language)]
        # the whole result only for plain text without a release beside it (a DOCX's findings may
        # depend on its styles, headers and comments; a release's on the form's fields)
        outside = (_uses_outside_server(active, ctx) or doc.format not in FORMATS or doc.docx is not None
                   or release is not None)
        ckey = self._context_key(doc, config, active)
        dkey = (ckey, doc.text, doc.source_text,
                tuple((b.kind, b.start, b.end) for b in doc.blocks),
                tuple((s.rule, s.start, s.end) for s in doc.suppressions))
        if deadline is not None and time.monotonic() > deadline:  # as lint() does before its first rule
            raise OverBudget(f"{doc.path}: checking this draft took too long (stopped before {active[0].id if active else 'the rules'}); "
                             "check it in parts, or on the command line (`pressroom lint`)")
        if not outside:
            with self.lock:
                hit = self.documents.get(dkey)
            if hit is not None:
                self.stats["document_hits"] += 1
                findings, notices = hit
                return LintResult(doc, [_copy(f) for f in findings], list(notices))

        local = [r for r in active if paragraph_local(r)]
        rest = [r for r in all_rules if not paragraph_local(r)]
        whole = lint(doc, config, rules=rest, context=ctx, deadline=deadline)
        local_findings = self._local_findings(doc, config, local, ckey, deadline)
        if local_findings is None:  # a finding outside its paragraph: not paragraph-local here
            self.stats["uncached"] += 1
            return lint(doc, config, rules=all_rules, context=LintContext(config=config, release=release), deadline=deadline)
        findings = whole.findings + [f for f in local_findings if not _suppressed(doc, f)]
        findings.sort(key=lambda f: (f.offset, -SEVERITY_RANK[f.severity], f.rule))
        result = LintResult(doc, findings, whole.notices)
        if not outside:
            with self.lock:
                self.documents.put(dkey, ([_copy(f) for f in findings], list(whole.notices)),
                                   _weight(len(doc.text) + len(doc.source_text or ""), findings))
        return result

    def _local_findings(self, doc: Document, config: Config, local: list[Rule], ckey: str,
                        deadline: float | None) -> list[Finding] | None:
        if not local:
            return []
        src = doc.source_text if doc.source_text is not doc.text else None
        keys, got, missed = [], [None] * len(doc.blocks), []
        with self.lock:
            for pos, b in enumerate(doc.blocks):
                key = (ckey, b.kind, doc.text[b.start:b.end], src[b.start:b.end] if src is not None else None)
                keys.append(key)
                got[pos] = self.paragraphs.get(key)
                if got[pos] is None:
                    missed.append(pos)
        self.stats["paragraph_hits"] += len(doc.blocks) - len(missed)
        self.stats["paragraph_misses"] += len(missed)
        if missed:
            fresh = self._run_on_blocks(doc, config, local, [doc.blocks[p] for p in missed], deadline)
            if fresh is None:
                return None
            with self.lock:
                for pos, found in zip(missed, fresh):
                    b = doc.blocks[pos]
                    got[pos] = [_copy(f, -b.start) for f in found]
                    self.paragraphs.put(keys[pos], got[pos], _weight(2 * (b.end - b.start), got[pos]))
        out: list[Finding] = []
        for b, found in zip(doc.blocks, got):
            out.extend(_copy(f, b.start) for f in found)
        return out

    @staticmethod
    def _run_on_blocks(doc: Document, config: Config, local: list[Rule], blocks, deadline) -> list | None:
        """The paragraph rules' findings on ``blocks`` (in document order) of doc, from a copy of
        doc in which everything else is blanked: one list per block, None when a finding falls
        outside its block (the rule is not paragraph-local on this document)."""
        text = _blank(doc.text, blocks)
        source = text if doc.source_text is doc.text or doc.source_text == doc.text else _blank(doc.source_text, blocks)
        sub = Document(text=text, blocks=[Block(b.kind, b.start, b.end, i, dict(b.meta)) for i, b in enumerate(blocks)],
                       language=doc.language, path=doc.path, format=doc.format, source_text=source, suppressions=[],
                       encoding=doc.encoding)
        res = lint(sub, config, rules=local, context=LintContext(config=config), deadline=deadline)
        if res.notices:
            return None
        out: list[list[Finding]] = [[] for _ in blocks]
        starts = [b.start for b in blocks]
        for f in res.findings:
            i = bisect.bisect_right(starts, f.offset) - 1
            if i < 0:
                return None
            b = blocks[i]
            if not (b.start <= f.offset and f.end <= b.end) or any(not (b.start <= a and a + n <= b.end)
                                                                    for a, n in f.related):
                return None
            out[i].append(f)
        return out




def _spaces(seg: str) -> str:
    """seg with every character but newlines a space (string operations, no regex per character)."""
    if "\n" not in seg:
        return " " * len(seg)
    return "\n".join(" " * len(line) for line in seg.split("\n"))


def _blank(text: str, blocks) -> str:
    """text with every character outside ``blocks`` (sorted, disjoint) a space; newlines kept."""
    out, pos = [], 0
    for b in blocks:
        out.append(_spaces(text[pos:b.start]))
        out.append(text[b.start:b.end])
        pos = b.end
    out.append(_spaces(text[pos:]))
    return "".join(out)


def _uses_outside_server(active: list[Rule], ctx: LintContext) -> bool:
    if not any(r.type == "check" and r.check == "languagetool.check" for r in active):
        return False
    from app.checks.languagetool.check import enabled

    return enabled(ctx)


CACHE = LintCache(int(os.environ.get("PRESSROOM_LINT_CACHE_CHARS") or DEFAULT_CHARS))


def cached_lint(doc: Document, config: Config | None = None, rules=None, deadline: float | None = None,
                release=None) -> LintResult:
    return CACHE.lint(doc, config, rules=rules, deadline=deadline, release=release)


__all__ = ["CACHE", "LintCache", "PARAGRAPH_CHECKS", "cached_lint", "paragraph_local"]
