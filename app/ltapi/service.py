"""Answer a /v2/check request the way LanguageTool does: our findings, and the real LanguageTool
server's matches when one is used, as one list of LanguageTool matches.

``check(request, config, languagetool=...)`` is all a shell calls. Answers are cached by text and
options (editors send the same paragraph many times a second).
"""
from __future__ import annotations

import re
import threading
from collections import OrderedDict

from app import __version__
from app.engine.config import Config
from app.engine.finding import Finding
from app.engine.rules import selector_matches
from app.ltapi.matches import category_ids, context, lt_category, place, to_match
from app.ltapi.request import LANGUAGES, CheckRequest
from app.ltapi.text16 import Utf16Map

SOFTWARE_NAME = "Pressroom"
API_VERSION = 1
CACHE_SIZE = 2048
# characters our readers refuse (control characters, surrogates, U+FFFD): the checks see a space
# in their place, so offsets stay those of the text the client sent
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffd\ufeff]")


class _Cache:
    def __init__(self, size: int):
        self.size, self._data, self._lock = size, OrderedDict(), threading.Lock()
        self.hits = self.misses = 0

    def get(self, key):
        with self._lock:
            value = self._data.get(key)
            if value is None:
                self.misses += 1
                return None
            self._data.move_to_end(key)
            self.hits += 1
            return value

    def put(self, key, value) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self.hits = self.misses = 0


CACHE = _Cache(CACHE_SIZE)


def languages() -> list[dict]:
    """GET /v2/languages: LanguageTool's list format, the languages we check."""
    return [{"name": name, "code": code, "longCode": long_code}
            for long_code, (name, code) in LANGUAGES.items() if "-" in long_code or long_code == "en"]


def resolve_language(req: CheckRequest, plain: str, config: Config) -> tuple[str, str, str]:
    """(our language ru|en, LanguageTool code for the answer and the server, detection source)."""
    from app.checks.languagetool.client import lt_language
    from app.core.language import detect_language

    if req.language == "auto":
        ours = detect_language(plain) if plain.strip() else "en"
        for v in req.preferred_variants:
            if v.split("-")[0].lower() == ours and v in LANGUAGES:
                return ours, v, "+preferredVariants"
        return ours, lt_language(ours, config), "pressroom"
    ours = LANGUAGES[req.language][1]
    code = req.language if "-" in req.language else lt_language(ours, config)
    return ours, code, ""


def _wanted(rule_id: str, category: str, req: CheckRequest, severity: str | None) -> bool:
    cats = category_ids(category) if severity is not None else {category}
    if req.enabled_only:
        return any(selector_matches(s, rule_id, category) or s == rule_id for s in req.enabled_rules) or \
            bool(cats & set(req.enabled_categories))
    if any(s == rule_id or selector_matches(s, rule_id, category) for s in req.disabled_rules):
        return False
    if cats & set(req.disabled_categories):
        return False
    if any(s == rule_id or selector_matches(s, rule_id, category) for s in req.enabled_rules) or \
            cats & set(req.enabled_categories):
        return True
    # `level` (default, picky, ...) chooses LanguageTool's picky rules; all of ours are shown at every level
    return True


def _lint(plain: str, lang: str, config: Config):
    from app.core.readers import read_bytes
    from app.engine.linter import LintContext, lint

    safe = _UNSAFE.sub(" ", plain)
    doc = read_bytes(safe.encode("utf-8"), "<languagetool-api>", "txt", lang)
    if len(doc.text) != len(plain):  # pragma: no cover - the reader keeps offsets; be sure
        raise RuntimeError("the reader changed the length of the text")
    ctx = LintContext(config=config, options={})
    return doc, ctx, lint(doc, config, context=ctx).findings


def _sentence(doc, start: int, end: int) -> str:
    for s in doc.sentences:
        if s.start <= start < s.end or (start == end and s.start <= start <= s.end):
            return s.text.strip()
    return doc.text[start:end].strip()


def _lt_params(req: CheckRequest, ours: set[str]) -> dict[str, str] | None:
    """The options for the real server (our own rule ids left out); None: nothing to ask it."""
    def theirs(ids):
        return [i for i in ids if i not in ours and "." not in i]

    params = {}
    enabled_rules = theirs(req.enabled_rules)
    if req.enabled_only and not enabled_rules and not req.enabled_categories:
        return None
    if enabled_rules:
        params["enabledRules"] = ",".join(enabled_rules)
    if theirs(req.disabled_rules):
        params["disabledRules"] = ",".join(theirs(req.disabled_rules))
    if req.enabled_categories:
        params["enabledCategories"] = ",".join(req.enabled_categories)
    if req.disabled_categories:
        params["disabledCategories"] = ",".join(req.disabled_categories)
    if req.enabled_only:
        params["enabledOnly"] = "true"
    if req.level != "default":
        params["level"] = req.level
    if req.mother_tongue:
        params["motherTongue"] = req.mother_tongue
    return params


def _server_matches(doc, ctx, findings: list[Finding], lt_code: str, req: CheckRequest, config: Config,
                    plain16: Utf16Map) -> tuple[list[tuple[int, int, dict]], str | None]:
    """The real server's matches worth showing: (start, end in code points of the text, match)."""
    from app.checks.languagetool import client
    from app.checks.languagetool.check import CATEGORY, disabled_rules, kept_matches
    from app.ltapi.matches import rule_of

    params = _lt_params(req, {f.rule for f in findings})
    if params is None:
        return [], None
    lt_rule = rule_of("lt")
    off = disabled_rules(lt_rule, doc.language, config) if lt_rule else []
    off = [r for r in off if r not in req.enabled_rules]
    try:
        data = client.check_raw(doc.text, lt_code, config, params)
    except client.Unavailable as e:
        return [], str(e)
    simple = []
    for m in data.get("matches") or []:
        try:
            start = plain16.to_cp(int(m["offset"]))
            end = plain16.to_cp(int(m["offset"]) + int(m["length"]))
            rule = m["rule"]
        except (KeyError, TypeError, ValueError):
            continue
        simple.append({"offset": start, "length": end - start, "message": m.get("message", ""),
                       "replacements": [r.get("value", "") for r in m.get("replacements") or []],
                       "rule": rule.get("id", ""), "category": (rule.get("category") or {}).get("id", ""),
                       "raw": m})
    own = [(f.offset, f.end) for f in findings]
    out = []
    for m, _category in kept_matches(doc, ctx, simple, own, off):
        out.append((m["offset"], m["offset"] + m["length"], m["raw"]))
    _ = CATEGORY
    return out, None


def check(req: CheckRequest, config: Config | None = None, languagetool: bool = False,
          cache: bool = True) -> dict:
    """The /v2/check answer (a dict to send as JSON). ``languagetool``: also ask the real
    LanguageTool server (client.server_url) and merge its matches; ours win where they overlap."""
    config = config or Config()
    key = (req.cache_key(), bool(languagetool), id(config))
    if cache:
        hit = CACHE.get(key)
        if hit is not None:
            return hit
    ann = req.annotated
    plain, original = ann.plain, ann.original
    ours, lt_code, source = resolve_language(req, plain, config)
    name = LANGUAGES.get(lt_code, LANGUAGES["en" if ours == "en" else "ru-RU"])[0]
    u16 = Utf16Map(original)
    matches: list[tuple[int, dict]] = []
    incomplete = False
    sentence_ranges: list[list[int]] = []
    if plain.strip():
        doc, ctx, findings = _lint(plain, ours, config)
        shown = []
        for f in findings:
            if not _wanted(f.rule, f.category, req, f.severity):
                continue
            placed = place(f, doc.text)
            if placed is None:
                continue
            start, end, reps = placed
            o_start, o_end = ann.to_original(start, end)
            shown.append(f)
            matches.append((o_start, to_match(f, start, end, reps, lang=ours, original=original, o_start=o_start,
                                              o_end=o_end, u16=u16, sentence=_sentence(doc, start, end))))
        if languagetool:
            server, failure = _server_matches(doc, ctx, shown, lt_code, req, config, Utf16Map(plain))
            incomplete = failure is not None
            for start, end, raw in server:
                o_start, o_end = ann.to_original(start, end)
                m = dict(raw)
                m["offset"] = u16.to_utf16(o_start)
                m["length"] = u16.to_utf16(o_end) - m["offset"]
                m["context"] = context(original, o_start, o_end, u16)
                m["sentence"] = _sentence(doc, start, end)
                matches.append((o_start, m))
        for s in doc.sentences:
            a, b = ann.to_original(s.start, s.end)
            sentence_ranges.append([u16.to_utf16(a), u16.to_utf16(b)])
    matches.sort(key=lambda x: (x[0], x[1]["length"]))
    detected = {"name": name, "code": lt_code, "confidence": 1.0 if req.language != "auto" else 0.9,
                "source": source or "+fallback"}
    answer = {
        "software": {"name": SOFTWARE_NAME, "version": __version__, "buildDate": "", "apiVersion": API_VERSION,
                     "premium": False, "premiumHint": "", "status": ""},
        "warnings": {"incompleteResults": incomplete},
        "language": {"name": name, "code": lt_code, "detectedLanguage": detected},
        "matches": [m for _o, m in matches],
        "sentenceRanges": sentence_ranges,
        "extendedSentenceRanges": [{"from": a, "to": b, "detectedLanguages": [{"language": ours, "rate": 1.0}]}
                                   for a, b in sentence_ranges],
    }
    if cache and not incomplete:
        CACHE.put(key, answer)
    return answer


__all__ = ["check", "languages", "resolve_language", "CACHE", "lt_category"]
