"""Rules as data: one YAML file per rule under rules/, the id from the path.

``rules/typography/range-hyphen.yml`` is ``typography.range-hyphen``. Keys:

=============  ===================================================================================
type           existence | substitution | consistency | required | check
message        text shown to the user; ``{match}`` and ``{suggestion}`` are filled in
message_ru     the same message in Russian, with the same placeholders (shown with ``--messages ru``,
               ``messages = "ru"`` and in the Russian web UI; English when missing)
severity       error | warning | info
category       one of app.engine.finding.CATEGORIES
languages      list of ``ru``/``en`` (default both)
scope          block kinds the rule looks at (default: all); see app.core.document.BLOCK_KINDS
link           where the rule comes from (EU guidance, a style guide)
description    a longer explanation for ``pressroom rules ID`` and the web Rules page
ignorecase     patterns ignore case (default false)
tokens         existence / required: list of regular expressions
swap           substitution: mapping regex -> replacement (``\\1`` groups allowed)
either         consistency: mapping form name -> regex; minority forms are flagged
check          check: a module under app/checks (dotted, e.g. ``contact.email``) with
               ``check(doc, rule, ctx)`` yielding Findings
fix            true when the suggestion may be applied by ``--fix`` without review
options        free-form settings for a Python check
examples       ``fail`` (texts that must trigger the rule) and ``pass`` (texts that must not);
               an entry is a string or ``{text, lang, config}``
=============  ===================================================================================
"""
from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

from app import RULES_DIR
from app.core.document import BLOCK_KINDS, Document
from app.engine.finding import CATEGORIES, SEVERITIES, Finding
from app.diskcache import DataFileError, load_yaml
from app.errors import RuleError


TYPES = ("existence", "substitution", "consistency", "required", "check")
_KNOWN_KEYS = {
    "type", "message", "message_ru", "severity", "category", "languages", "scope", "link", "description", "ignorecase",
    "tokens", "swap", "either", "check", "fix", "options", "examples", "anchor", "title", "title_ru", "description_ru",
}


@dataclass
class Example:
    text: str
    lang: str | None = None
    config: dict[str, Any] = field(default_factory=dict)


@dataclass
class Rule:
    id: str
    type: str
    message: str
    severity: str
    category: str
    message_ru: str | None = None
    languages: tuple[str, ...] = ("ru", "en")
    scope: tuple[str, ...] = BLOCK_KINDS
    link: str = ""
    description: str = ""
    title: str = ""
    title_ru: str = ""  # the Rules page in the Russian UI
    description_ru: str = ""
    ignorecase: bool = False
    tokens: list[re.Pattern] = field(default_factory=list)
    swap: list[tuple[re.Pattern, str]] = field(default_factory=list)
    either: dict[str, re.Pattern] = field(default_factory=dict)
    check: str | None = None
    fix: bool = False
    options: dict[str, Any] = field(default_factory=dict)
    anchor: str = "end"
    examples_fail: list[Example] = field(default_factory=list)
    examples_pass: list[Example] = field(default_factory=list)
    path: Path | None = None

    # ----- helpers for checks --------------------------------------------------------------
    def finding(self, doc: Document, start: int, end: int, suggestions: Iterable[str] = (),
                message: str | None = None, severity: str | None = None, fix: str | None = None,
                message_ru: str | None = None, fields_ru: dict[str, Any] | None = None,
                related: Iterable[tuple[int, int]] = (), **fmt: Any) -> Finding:
        """Make a Finding of this rule for doc.text[start:end]; the message is formatted with
        ``match``, ``suggestion`` and any extra keyword. ``message_ru`` (default: the rule's, unless
        ``message`` overrides the English one) is formatted with the same fields; ``fields_ru``
        replaces the values that are words (``majority="commas"`` -> ``{"majority": "запятые"}``)."""
        suggestions = [s for s in suggestions if s is not None]
        values = {"match": doc.span_text(start, end), "suggestion": suggestions[0] if suggestions else ""}
        values.update(fmt)
        template = message if message is not None else self.message
        if message_ru is None and message is None:
            message_ru = self.message_ru
        text = _format(template, values)
        text_ru = _format(message_ru, {**values, **(fields_ru or {})}) if message_ru else None
        return Finding(self.id, self.category, severity or self.severity, text, start, end - start,
                       list(suggestions), fix if (fix is not None) else None, text_ru,
                       [(int(a), int(b)) for a, b in related])

    def applies_to(self, language: str) -> bool:
        return language in self.languages

    def in_scope(self, doc: Document) -> list:
        return [b for b in doc.blocks if b.kind in self.scope]

    @property
    def check_function(self) -> Callable:
        return _check_function(self.check)


def _format(template: str, values: dict[str, Any]) -> str:
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


@lru_cache(maxsize=None)
def _check_function(name: str) -> Callable:
    try:
        module = importlib.import_module(f"app.checks.{name}")
    except ModuleNotFoundError as e:
        raise RuleError(f"check '{name}' not found (app/checks/{name.replace('.', '/')}.py): {e}") from None
    fn = getattr(module, "check", None)
    if fn is None:
        raise RuleError(f"check module app.checks.{name} has no check(doc, rule, ctx) function")
    return fn


_CHECKS_DIR = Path(__file__).resolve().parent.parent / "checks"


def _check_module_exists(name: str) -> None:
    """RuleError unless app/checks has a module ``name`` (dotted): what loading a rule file asks
    of its check without importing it (``_check_function`` imports it when the rule first runs)."""
    rel = name.replace(".", "/")
    ok = bool(re.fullmatch(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*", name)) and (
        (_CHECKS_DIR / f"{rel}.py").is_file() or (_CHECKS_DIR / rel / "__init__.py").is_file())
    if not ok:
        raise RuleError(f"check '{name}' not found (app/checks/{rel}.py)")


def _compile(pattern: str, ignorecase: bool, where: str) -> re.Pattern:
    try:
        return re.compile(pattern, re.I if ignorecase else 0)
    except re.error as e:
        raise RuleError(f"{where}: invalid regular expression {pattern!r}: {e}") from None


def _examples(raw: Any, where: str) -> list[Example]:
    out = []
    for item in raw or []:
        if isinstance(item, str):
            out.append(Example(item))
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            out.append(Example(item["text"], item.get("lang"), dict(item.get("config") or {})))
        else:
            raise RuleError(f"{where}: an example must be a string or a mapping with 'text'")
    return out


def rule_id(path: Path, root: Path) -> str:
    rel = path.relative_to(root).with_suffix("")
    return ".".join(rel.parts)


def parse_rule(path: Path, root: Path) -> Rule:
    where = str(path)
    try:
        # libyaml, and kept in the disk cache by the file's size and mtime (issue 13)
        data = load_yaml(path)
    except DataFileError as e:
        raise RuleError(f"{where}: invalid YAML: {e}") from None
    if not isinstance(data, dict):
        raise RuleError(f"{where}: a rule file must be a mapping")
    unknown = set(data) - _KNOWN_KEYS
    if unknown:
        raise RuleError(f"{where}: unknown key(s): {', '.join(sorted(unknown))}")
    rid = rule_id(path, root)
    rtype = data.get("type")
    if rtype not in TYPES:
        raise RuleError(f"{where}: type must be one of {', '.join(TYPES)}")
    for key in ("message", "severity", "category"):
        if key not in data:
            raise RuleError(f"{where}: missing key '{key}'")
    if data["severity"] not in SEVERITIES:
        raise RuleError(f"{where}: severity must be one of {', '.join(SEVERITIES)}")
    if data["category"] not in CATEGORIES:
        raise RuleError(f"{where}: category must be one of {', '.join(CATEGORIES)}")
    langs = tuple(data.get("languages") or ("ru", "en"))
    scope = data.get("scope") or BLOCK_KINDS
    if scope == "all":
        scope = BLOCK_KINDS
    bad_scope = set(scope) - set(BLOCK_KINDS)
    if bad_scope:
        raise RuleError(f"{where}: unknown scope {', '.join(sorted(bad_scope))}")
    ic = bool(data.get("ignorecase", False))
    rule = Rule(
        id=rid, type=rtype, message=str(data["message"]).strip(), severity=data["severity"],
        message_ru=str(data["message_ru"]).strip() if data.get("message_ru") else None,
        category=data["category"], languages=langs, scope=tuple(scope), link=data.get("link", ""),
        description=str(data.get("description", "")).strip(), title=str(data.get("title", "")).strip(),
        title_ru=str(data.get("title_ru", "")).strip(), description_ru=str(data.get("description_ru", "")).strip(),
        ignorecase=ic, check=data.get("check"), fix=bool(data.get("fix", False)),
        options=dict(data.get("options") or {}), anchor=data.get("anchor", "end"),
        examples_fail=_examples((data.get("examples") or {}).get("fail"), where),
        examples_pass=_examples((data.get("examples") or {}).get("pass"), where), path=path,
    )
    if rtype in ("existence", "required"):
        toks = data.get("tokens")
        if not toks or not isinstance(toks, list):
            raise RuleError(f"{where}: type {rtype} needs a list 'tokens'")
        rule.tokens = [_compile(t, ic, where) for t in toks]
    elif rtype == "substitution":
        swap = data.get("swap")
        if not swap or not isinstance(swap, dict):
            raise RuleError(f"{where}: type substitution needs a mapping 'swap'")
        rule.swap = [(_compile(k, ic, where), str(v)) for k, v in swap.items()]
    elif rtype == "consistency":
        either = data.get("either")
        if not either or not isinstance(either, dict) or len(either) < 2:
            raise RuleError(f"{where}: type consistency needs 'either' with two or more forms")
        rule.either = {str(k): _compile(v, ic, where) for k, v in either.items()}
    elif rtype == "check":
        if not rule.check:
            raise RuleError(f"{where}: type check needs 'check: module'")
        _check_module_exists(rule.check)  # imported on first use (issue 13: a Russian check's module
        # is not imported by an English run)
    if not rule.examples_fail:
        raise RuleError(f"{where}: a rule needs at least one failing example (examples.fail)")
    return rule


@lru_cache(maxsize=4)
def load_rules(root: Path = RULES_DIR) -> tuple[Rule, ...]:
    """Every rule under root (vocab/ excluded), sorted by id. Cached per process."""
    rules = []
    for path in sorted(root.rglob("*.yml")):
        if path.relative_to(root).parts[0] in ("vocab", "facts"):  # word lists and phrase lists, not rules
            continue
        rules.append(parse_rule(path, root))
    ids = [r.id for r in rules]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise RuleError(f"duplicate rule ids: {', '.join(sorted(dupes))}")
    return tuple(rules)


def selector_matches(selector: str, rule_id_: str, category: str) -> bool:
    """``--select``/``--ignore`` entries: a rule id, a category or an id prefix (like ruff)."""
    s = selector.strip()
    if not s:
        return False
    if s in ("all", "ALL"):
        return True
    return rule_id_ == s or category == s or rule_id_.startswith(s.rstrip(".") + ".") or rule_id_.startswith(s)


# ----- the built-in rule types ------------------------------------------------------------------
@lru_cache(maxsize=4096)
def _literal_of(pattern: str, flags: int) -> str:
    """The longest run of plain characters at the top level of ``pattern`` (outside groups,
    alternatives and repeats): every match contains it. "" when there is none, or when the pattern
    ignores case and the run is not ASCII (case folding beyond ASCII is not modelled here)."""
    import re._parser as sre_parse

    try:
        tree = sre_parse.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - no shortcut for a pattern this cannot read
        return ""
    best = cur = ""
    for op, av in tree:
        if op is sre_parse.LITERAL:
            cur += chr(av)
            continue
        best, cur = max(best, cur, key=len), ""
    best = max(best, cur, key=len)
    if not best or (flags & re.IGNORECASE and not best.isascii()):
        return ""
    return best


# The four characters IGNORECASE also matches to ASCII letters (İ ı ſ K): a text holding one is
# searched without the literal shortcut.
_ASCII_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")


def _cannot_match(rx: re.Pattern, doc: Document) -> bool:
    """True when ``rx`` cannot match anywhere in doc.text: the text lacks a literal every match
    contains (asked once per pattern and document, at C speed, before scanning block by block;
    issue 13). False means: scan as usual."""
    lit = _literal_of(rx.pattern, rx.flags)
    if not lit:
        return False
    text = doc.text
    if not rx.flags & re.IGNORECASE:
        return lit not in text
    low = doc.meta.get("_rules_lower")
    if low is None:
        low = doc.meta["_rules_lower"] = "" if any(c in text for c in _ASCII_FOLDS) else text.lower()
    return bool(low) and lit.lower() not in low


def run_pattern_rule(rule: Rule, doc: Document) -> list[Finding]:
    out: list[Finding] = []
    if rule.type == "existence":
        tokens = [rx for rx in rule.tokens if not _cannot_match(rx, doc)]
        for b in rule.in_scope(doc) if tokens else ():
            chunk = doc.text[b.start:b.end]
            for rx in tokens:
                for m in rx.finditer(chunk):
                    if m.end() > m.start():
                        out.append(rule.finding(doc, b.start + m.start(), b.start + m.end()))
    elif rule.type == "substitution":
        swap = [(rx, repl) for rx, repl in rule.swap if not _cannot_match(rx, doc)]
        for b in rule.in_scope(doc) if swap else ():
            chunk = doc.text[b.start:b.end]
            for rx, repl in swap:
                for m in rx.finditer(chunk):
                    if m.end() > m.start():
                        sugg = m.expand(repl)
                        out.append(rule.finding(doc, b.start + m.start(), b.start + m.end(), [sugg],
                                                fix=sugg if rule.fix else None))
    elif rule.type == "required":
        tokens = [rx for rx in rule.tokens if not _cannot_match(rx, doc)]
        for b in rule.in_scope(doc) if tokens else ():
            chunk = doc.text[b.start:b.end]
            if any(rx.search(chunk) for rx in tokens):
                return []
        at = 0 if rule.anchor == "start" else doc.end_anchor()
        out.append(rule.finding(doc, at, at))
    elif rule.type == "consistency":
        hits: dict[str, list[tuple[int, int]]] = {k: [] for k in rule.either}
        either = [(name, rx) for name, rx in rule.either.items() if not _cannot_match(rx, doc)]
        for b in rule.in_scope(doc) if either else ():
            chunk = doc.text[b.start:b.end]
            for name, rx in either:
                for m in rx.finditer(chunk):
                    hits[name].append((b.start + m.start(), b.start + m.end()))
        used = [k for k, v in hits.items() if v]
        if len(used) > 1:
            winner = max(used, key=lambda k: (len(hits[k]), -list(rule.either).index(k)))
            for name in used:
                if name == winner:
                    continue
                for s, e in hits[name]:
                    out.append(rule.finding(doc, s, e, [winner], majority=winner, count=len(hits[winner])))
    return out
