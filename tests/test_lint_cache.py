"""The web app's lint cache (app/engine/lintcache.py, issue 13): cached and uncached results are
identical, whatever was cached before; a changed rule selection, language, vocabulary or
dictionary word misses; memory stays bounded; /api/lint answers the same with the cache off."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from app.core.readers import read_bytes
from app.engine.config import Config
from app.engine.lintcache import LintCache, paragraph_local
from app.engine.linter import LintContext, lint
from app.engine.rules import load_rules
from app.output import to_json_dict

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "000_87413283a02d3cbb.txt"


def _json(res) -> str:
    return json.dumps(to_json_dict([res], notices=res.notices, lang="en"), ensure_ascii=False, sort_keys=True)


def _uncached(data: bytes, fmt: str = "txt", lang: str = "auto", config: Config | None = None) -> str:
    config = config or Config()
    return _json(lint(read_bytes(data, "d", fmt, lang), config, context=LintContext(config=config)))


def _cached(cache: LintCache, data: bytes, fmt: str = "txt", lang: str = "auto", config: Config | None = None) -> str:
    return _json(cache.lint(read_bytes(data, "d", fmt, lang), config or Config()))


def _edits(text: str, n: int, seed: str) -> list[str]:
    """Versions of text with one paragraph changed each (words swapped, a word typed)."""
    rnd = random.Random(seed)
    lines = text.split("\n")
    paras = [i for i, line in enumerate(lines) if len(line.split()) >= 4] or [0]
    out = []
    for _ in range(n):
        ls = list(lines)
        i = rnd.choice(paras)
        ws = ls[i].split(" ")
        if len(ws) > 3:
            j = rnd.randrange(len(ws) - 1)
            ws[j], ws[j + 1] = ws[j + 1], ws[j]
        ws.insert(rnd.randrange(len(ws) + 1), rnd.choice(["проект", "Европейский", "adpecy", "the", "2024-2026"]))
        ls[i] = " ".join(ws)
        out.append("\n".join(ls))
    return out


def _drafts(corpus: Path | None) -> list[tuple[str, bytes, str]]:
    out = [(p.name, p.read_bytes(), "md" if p.suffix == ".md" else "txt")
           for p in sorted((ROOT / "examples").glob("*")) if p.suffix in (".txt", ".md")]
    out += [(p.name, p.read_bytes(), "txt") for p in sorted((ROOT / "tests" / "drafts").glob("*.txt"))[:12]]
    if corpus is not None:
        for lang in ("ru", "en"):
            out += [(p.name, p.read_bytes(), "txt") for p in sorted((corpus / lang).glob("*.txt"))[:8]]
    return out


def test_the_expensive_paragraph_rules_are_cached_and_the_document_rules_are_not():
    local = {r.id for r in load_rules() if paragraph_local(r)}
    assert {"grammar.agreement", "grammar.preposition-case", "grammar.verb-government", "homoglyph.latin-word"} <= local
    # these compare a paragraph with the rest of the document: always rerun
    assert not local & {"spelling.unknown-word", "figures.share", "structure.missing-disclaimer", "consistency.eu-name",
                        "visibility.eu-not-mentioned", "lt"}


def test_cached_equals_uncached_on_drafts_and_edits(request):
    corpus = None
    real = ROOT.parent / "shared" / "corpus" / "real"
    if real.is_dir():
        corpus = real
    cache = LintCache()
    n = 0
    for name, data, fmt in _drafts(corpus):
        text = data.decode("utf-8", "replace")
        for version in [text, *_edits(text, 2, name), text]:
            raw = version.encode("utf-8")
            assert _cached(cache, raw, fmt) == _uncached(raw, fmt), f"{name}: cached result differs"
            n += 1
    assert cache.stats["document_hits"] > 0 and cache.stats["paragraph_hits"] > cache.stats["paragraph_misses"] > 0
    assert n > 40


def test_paragraphs_cached_from_other_documents_give_the_same_findings():
    """A paragraph's cached findings are the same in any document: paragraphs of the seed cached,
    then documents built from them in another order, with other neighbours and at other offsets."""
    seed = SEED.read_text(encoding="utf-8")
    other = (ROOT / "examples" / "rule-of-law-forum-ru.txt")
    lines = [line for line in seed.split("\n") if line.strip()]
    extra = other.read_text(encoding="utf-8").split("\n") if other.exists() else ["Проект финансируется ЕС."]
    cache = LintCache()
    _cached(cache, seed.encode(), lang="ru")
    rnd = random.Random(13)
    for k in range(4):
        mixed = lines[:]
        rnd.shuffle(mixed)
        mixed.insert(rnd.randrange(len(mixed)), rnd.choice([x for x in extra if x.strip()] or ["Текст."]))
        text = ("\n\n" if k % 2 else "\n").join(mixed)
        assert _cached(cache, text.encode(), lang="ru") == _uncached(text.encode(), lang="ru")
    assert cache.stats["paragraph_hits"] > 0


def test_suppressions_apply_to_the_document_answered_not_the_cached_one():
    seed = SEED.read_text(encoding="utf-8")
    cache = LintCache()
    plain = _cached(cache, seed.encode(), "md", "ru")
    muted = "<!-- pressroom-disable homoglyph -->\n" + seed
    got = _cached(cache, muted.encode(), "md", "ru")
    assert got == _uncached(muted.encode(), "md", "ru")
    assert '"homoglyph.latin-word"' in plain and '"homoglyph.latin-word"' not in got


def test_a_changed_selection_language_or_vocabulary_misses_the_cache():
    seed = SEED.read_bytes()
    cache = LintCache()
    base = _cached(cache, seed, lang="ru")
    assert '"grammar.agreement"' in base and '"homoglyph.latin-word"' in base
    hits = cache.stats["document_hits"]
    assert _cached(cache, seed, lang="ru") == base and cache.stats["document_hits"] == hits + 1

    ignore = Config(ignore=["grammar"])
    got = _cached(cache, seed, lang="ru", config=ignore)
    assert '"grammar.agreement"' not in got and got == _uncached(seed, lang="ru", config=ignore)
    assert cache.stats["document_hits"] == hits + 1  # a miss

    english = _cached(cache, seed, lang="en")
    assert english != base and english == _uncached(seed, lang="en")

    accept = Config(accept=["adpecy"])  # the organisation's dictionary adds words this way
    got = _cached(cache, seed, lang="ru", config=accept)
    assert '"homoglyph.latin-word"' not in got and got == _uncached(seed, lang="ru", config=accept)

    severity = Config(severity={"grammar.agreement": "info"})
    got = _cached(cache, seed, lang="ru", config=severity)
    assert got == _uncached(seed, lang="ru", config=severity) and got != base
    assert cache.stats["document_hits"] == hits + 1
    assert _cached(cache, seed, lang="ru") == base  # the first answer is still there


def test_cache_memory_is_bounded():
    cache = LintCache(max_chars=60_000)
    rnd = random.Random(1)
    words = SEED.read_text(encoding="utf-8").split()
    for _ in range(60):
        text = "\n".join(" ".join(rnd.choice(words) for _ in range(40)) for _ in range(6))
        cache.lint(read_bytes(text.encode(), "d", "txt", "ru"), Config())
    assert cache.documents.weight <= 60_000 and cache.paragraphs.weight <= 60_000
    assert 0 < len(cache.documents) < 60 and 0 < len(cache.paragraphs) < 360


def test_cached_results_are_copies():
    cache = LintCache()
    seed = SEED.read_bytes()
    first = cache.lint(read_bytes(seed, "d", "txt", "ru"), Config())
    for f in first.findings:
        f.severity, f.offset = "info", 0
        f.suggestions.append("x")
    again = cache.lint(read_bytes(seed, "d", "txt", "ru"), Config())
    assert _json(again) == _uncached(seed, lang="ru")


@pytest.mark.parametrize("body", [
    {"language": "ru"}, {"language": "auto", "messages": "ru"}, {"language": "ru", "report": "sarif"},
    {"language": "ru", "format": "md"},
])
def test_api_lint_answers_the_same_with_and_without_the_cache(web_client, monkeypatch, body):
    seed = SEED.read_text(encoding="utf-8")
    edited = _edits(seed, 1, "api")[0]
    answers = []
    for off in (False, True, False):
        if off:
            monkeypatch.setenv("PRESSROOM_LINT_CACHE", "off")
        else:
            monkeypatch.delenv("PRESSROOM_LINT_CACHE", raising=False)
        for text in (seed, edited, seed):
            r = web_client.post("/api/lint", json={"text": text, **body})
            assert r.status_code == 200
            answers.append(r.get_data(as_text=True))
    assert answers[0:3] == answers[3:6] == answers[6:9]
    assert answers[0] == answers[2] != answers[1]


def test_docx_and_release_form_checks_take_only_paragraphs_from_the_cache():
    """A rendered release (DOCX) checked beside its release, as the release form's live check does:
    the same findings as without the cache, edited or not; the whole result is never reused."""
    from app.release import load_release
    from app.release.render import render_bytes

    cache = LintCache()
    for yml in sorted((ROOT / "examples").glob("*.yml")):
        rel = load_release(yml)
        for k in range(3):
            if k == 1 and rel.body:
                rel.body[0] = rel.body[0] + " Форум открылся в 2024-2026 годах."
            data = render_bytes(rel, draft=False)
            config = Config()
            want = _json(lint(read_bytes(data, "r.docx", "docx", rel.language), config,
                              context=LintContext(config=config, release=rel)))
            got = _json(cache.lint(read_bytes(data, "r.docx", "docx", rel.language), config, release=rel))
            assert got == want, yml.name
    assert cache.stats["document_hits"] == 0 and cache.stats["paragraph_hits"] > 0


def test_an_expired_budget_stops_a_cached_draft_too(make_web_app):
    """The time budget is checked before the cache is asked, as lint() checks it before its first
    rule: the same 422 with and without a cached answer."""
    text = SEED.read_text(encoding="utf-8")
    fine = make_web_app(WTF_CSRF_ENABLED=False).test_client()
    assert fine.post("/api/lint", json={"text": text}).status_code == 200  # now cached in this process
    tight = make_web_app(WTF_CSRF_ENABLED=False, LINT_TIME_BUDGET=0.000001).test_client()
    r = tight.post("/api/lint", json={"text": text})
    assert r.status_code == 422 and "took longer" in r.json["error"]
