"""Run the rules over a document: selection, scope, suppression, severities."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from app.core.document import Document
from app.engine.config import Config
from app.engine.finding import CATEGORIES, SEVERITY_RANK, Finding
from app.engine.rules import Rule, load_rules, run_pattern_rule, selector_matches
from app.engine.vocabulary import Vocabulary, load_vocabulary
from app.errors import OverBudget, UsageError

_RESOURCES: dict[str, Any] = {}
_RESOURCE_LOCK = threading.Lock()


def resource(name: str, factory: Callable[[], Any]) -> Any:
    """A process-wide, lazily built resource (dictionaries, morphology): built once, then shared."""
    try:
        return _RESOURCES[name]
    except KeyError:
        pass
    with _RESOURCE_LOCK:
        if name not in _RESOURCES:
            _RESOURCES[name] = factory()
        return _RESOURCES[name]


@dataclass
class LintContext:
    """What a check may use besides the document."""

    config: Config = field(default_factory=Config)
    vocabulary: Vocabulary | None = None
    release: Any = None  # app.release model, for cross-checks from the web form
    notices: list[str] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)  # e.g. {"languagetool": True}

    def __post_init__(self) -> None:
        if self.vocabulary is None:
            base = load_vocabulary()
            if self.config.accept or self.config.reject:
                base = base.extended(self.config.accept, self.config.reject)
            self.vocabulary = base

    resource = staticmethod(resource)

    def notice(self, text: str) -> None:
        if text not in self.notices:
            self.notices.append(text)

    @property
    def organisation(self) -> str | None:
        return self.config.organisation


@dataclass
class LintResult:
    document: Document
    findings: list[Finding]
    notices: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        s = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            s[f.severity] += 1
        return s

    def reaches(self, level: str) -> bool:
        return any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[level] for f in self.findings)


def validate_selectors(selectors: Iterable[str], rules: Iterable[Rule], where: str = "") -> None:
    """UsageError for a selector that matches nothing (``where``: e.g. the config file, as a prefix)."""
    rules = list(rules)
    for s in selectors:
        if s in ("all", "ALL") or s == "lt" or s.startswith("lt.") or s in CATEGORIES:  # every category, even one without rules yet
            continue
        if not any(selector_matches(s, r.id, r.category) for r in rules):
            prefix = f"{where} " if where else ""
            raise UsageError(f"{prefix}unknown rule, category or prefix '{s}' (see `pressroom rules`)")


def select_rules(rules: Iterable[Rule], select: list[str], ignore: list[str], config: Config) -> list[Rule]:
    out = []
    sel = list(select) or list(config.select)
    ign = list(ignore) + list(config.ignore)
    for r in rules:
        if sel and not any(selector_matches(s, r.id, r.category) for s in sel):
            continue
        if any(selector_matches(s, r.id, r.category) for s in ign):
            continue
        if _severity_override(config, r.id, r.category) == "off":
            continue
        out.append(r)
    return out


def _severity_override(config: Config, rid: str, category: str) -> str | None:
    best = None
    best_len = -1
    for sel, level in config.severity.items():
        if selector_matches(sel, rid, category) and len(sel) > best_len:
            best, best_len = level, len(sel)
    return best


def _suppressed(doc: Document, f: Finding) -> bool:
    for s in doc.suppressions:
        if s.rule in ("all", "*") or selector_matches(s.rule, f.rule, f.category):
            if f.length == 0:
                if s.start <= f.offset <= s.end:
                    return True
            elif f.offset < s.end and f.end > s.start or (s.start <= f.offset and f.end <= s.end):
                return True
    return False


def lint(doc: Document, config: Config | None = None, select: list[str] = (), ignore: list[str] = (),
         rules: Iterable[Rule] | None = None, context: LintContext | None = None,
         deadline: float | None = None) -> LintResult:
    """``deadline`` (a time.monotonic() value): OverBudget when it passes before the rules are done;
    each rule runs in linear time, so no single rule holds the run for long past it."""
    config = config or (context.config if context else Config())
    ctx = context or LintContext(config=config)
    all_rules = list(rules) if rules is not None else list(load_rules())
    active = [r for r in select_rules(all_rules, list(select), list(ignore), config) if r.applies_to(doc.language)]
    findings: list[Finding] = []
    for rule in active:
        if deadline is not None and time.monotonic() > deadline:
            raise OverBudget(f"{doc.path}: checking this draft took too long (stopped before {rule.id}); "
                             "check it in parts, or on the command line (`pressroom lint`)")
        if rule.type == "check":
            produced = rule.check_function(doc, rule, ctx) or []
        else:
            produced = run_pattern_rule(rule, doc)
        findings.extend(produced)
    sel = list(select) or list(config.select)
    ign = list(ignore) + list(config.ignore)
    out: list[Finding] = []
    seen = set()
    masked = doc.text is not doc.source_text and doc.format == "md"
    for f in findings:
        # Checks may emit findings under other ids (e.g. lt.*): filter those too.
        if sel and not any(selector_matches(s, f.rule, f.category) for s in sel):
            continue
        if any(selector_matches(s, f.rule, f.category) for s in ign):
            continue
        level = _severity_override(config, f.rule, f.category)
        if level == "off":
            continue
        if level:
            f.severity = level
        if _suppressed(doc, f):
            continue
        if masked and f.length and doc.text[f.offset:f.end] != doc.source_text[f.offset:f.end]:
            continue  # the span touches Markdown markup blanked out for the checks: an artefact

        key = (f.rule, f.offset, f.length)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    out.sort(key=lambda f: (f.offset, -SEVERITY_RANK[f.severity], f.rule))
    return LintResult(doc, out, list(ctx.notices))


def lint_text(text: str, language: str = "auto", config: Config | None = None, **kw) -> LintResult:
    """Convenience for tests and the web app: lint a plain-text string."""
    from app.core.readers import read_bytes

    doc = read_bytes(text.encode("utf-8"), "<text>", "txt", language)
    return lint(doc, config, **kw)
