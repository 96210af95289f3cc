"""Caches that outlive one `pressroom lint` process (issue 13) never change a finding.

A cold cache is the first run ever (an empty folder); a warm one has seen OTHER texts. Both must
give byte-identical reports, and a changed vocabulary or dictionary must be seen by the next run.
"""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checkutil import SEED

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "tests" / "drafts"


def _lint(paths, cache: Path, *extra, env_extra=None) -> str:
    env = dict(os.environ, PRESSROOM_CACHE_DIR=str(cache), PRESSROOM_LANGUAGETOOL="off", **(env_extra or {}))
    p = subprocess.run([sys.executable, "-m", "app", "lint", *map(str, paths), "--format", "json", *extra],
                       capture_output=True, text=True, env=env, cwd=ROOT)
    assert p.returncode in (0, 1), p.stderr
    return p.stdout


def test_warm_and_cold_caches_give_the_same_report(tmp_path):
    texts = [SEED, *sorted(DRAFTS.glob("*.txt"))]
    cold = {}
    for i, t in enumerate(texts):
        cold[t] = _lint([t], tmp_path / f"cold-{i}")  # each the first run ever
    warm = tmp_path / "warm"
    for i, t in enumerate(texts):
        others = [o for o in texts if o != t]
        shutil.rmtree(warm, ignore_errors=True)
        _lint(others, warm)  # the cache has seen the other texts, never this one
        assert any(warm.iterdir())  # something was kept
        assert _lint([t], warm) == cold[t], t.name


def test_a_vocabulary_word_added_is_seen_by_the_next_run(tmp_path):
    cache = tmp_path / "cache"
    draft = tmp_path / "draft.txt"
    draft.write_text("The Zorblaxian delegation met the project team in Astana.\n", encoding="utf-8")
    first = _lint([draft], cache)
    assert "Zorblaxian" in first
    (tmp_path / "pressroom.toml").write_text('[vocabulary]\naccept = ["Zorblaxian"]\n', encoding="utf-8")
    second = _lint([draft], cache, "--config", str(tmp_path / "pressroom.toml"))
    assert "Zorblaxian" not in second


def test_a_changed_dictionary_is_seen_by_the_next_run(tmp_path):
    """A Hunspell dictionary replaced (another version installed): the kept verdicts are not used."""
    src = Path("/usr/share/hunspell")
    if not (src / "en_GB.dic").is_file() or not (src / "en_US.dic").is_file():
        pytest.skip("Debian's hunspell-en-gb/en-us are not installed")
    dicts = tmp_path / "hunspell"
    dicts.mkdir()
    for name in ("en_GB", "en_US", "ru_RU"):
        for ext in ("dic", "aff"):
            if (src / f"{name}.{ext}").is_file():
                shutil.copy(src / f"{name}.{ext}", dicts / f"{name}.{ext}")
    cache = tmp_path / "cache"
    draft = tmp_path / "draft.txt"
    draft.write_text("The partners discussed the qwertzuiopp of the regional programme.\n", encoding="utf-8")
    env = {"PRESSROOM_HUNSPELL_DIR": str(dicts)}
    assert "qwertzuiopp" in _lint([draft], cache, env_extra=env)
    for name in ("en_GB", "en_US"):
        dic = dicts / f"{name}.dic"
        lines = dic.read_text(encoding="utf-8", errors="replace").splitlines()
        lines.append("qwertzuiopp")
        lines[0] = re.sub(r"\d+", lambda m: str(int(m.group(0)) + 1), lines[0], count=1)  # the count (after a BOM)
        dic.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert "qwertzuiopp" not in _lint([draft], cache, env_extra=env)


def test_patterns_from_the_regex_cache_are_the_ones_re_builds(tmp_path):
    code = r"""
import re, sys
from app.recache import install
assert install()
pats = [(r"(?P<n>\d[\d ]{0,12}+)\s*(?:евро|EUR)\b", re.I), (r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*", 0),
        (r"(?<![\w])(?:over|in)[ \u00a0]+the\b", re.I | re.M), (b"ab+c", 0)]
for p, f in pats:
    got = re.compile(p, f)
    re.purge()
print(sorted((str(got.pattern), got.flags, got.groups) for got in [re.compile(p, f) for p, f in pats]))
print([bool(re.compile(p, f).search(s)) for (p, f), s in zip(pats, ["1 500 000 евро", "Нур-Султан", "In the", b"xabbc"])])
"""
    env = dict(os.environ, PRESSROOM_CACHE_DIR=str(tmp_path / "c"))
    run = lambda: subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,  # noqa: E731
                                 cwd=ROOT, check=True).stdout
    first = run()  # compiled by re, then kept
    assert list((tmp_path / "c").glob("regex-*.pickle"))
    assert run() == first  # built from the kept code
    assert "[True, True, True, True]" in first


def test_dataclasses_made_from_the_kept_code_are_the_ones_dataclasses_makes(tmp_path):
    code = r"""
import inspect, pickle, sys
from app.recache import install, _path
assert install()
from dataclasses import dataclass, field

@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int = 0
    tags: tuple = ()

@dataclass
class Box:
    name: str
    items: list = field(default_factory=list)

s, b = Span(3, 5), Box("a")
b.items.append(1)
try:
    s.start = 4
    frozen = False
except Exception as e:
    frozen = type(e).__name__
print(repr(s), s == Span(3, 5), s < Span(4), hash(s) == hash(Span(3, 5)), frozen, repr(b), Box("a") == Box("a"),
      inspect.signature(Span), Span.__init__.__annotations__, Span.__doc__)
"""
    env = dict(os.environ, PRESSROOM_CACHE_DIR=str(tmp_path / "c"))
    run = lambda: subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,  # noqa: E731
                                 cwd=ROOT, check=True).stdout
    first = run()  # compiled from the text, then kept
    (table,) = (tmp_path / "c").glob("regex-*.pickle")
    import pickle

    kept = [k for k in pickle.loads(table.read_bytes())[1] if k[0] == "code"]
    assert any("def __init__(self,start:_type_start," in k[1] for k in kept)
    assert run() == first  # built from the kept code
    assert "Span(start=3, end=5, tags=()) True True True FrozenInstanceError Box(name='a', items=[1]) True" in first
    assert "{'start': <class 'int'>, 'end': <class 'int'>, 'tags': <class 'tuple'>, 'return': None}" in first


def test_kept_suggestions_belong_to_one_version_of_the_dictionary(tmp_path, monkeypatch):
    from app.language import wordstore
    from app.language.wordstore import WordStore

    monkeypatch.setenv("PRESSROOM_CACHE_DIR", str(tmp_path / "cache"))
    dic = tmp_path / "xx_XX.dic"
    dic.write_text("2\nalpha\nbeta\n", encoding="utf-8")
    s = WordStore("test", [dic])
    assert s.get("alhpa") is None
    s.put("alhpa", ["alpha"])
    s.flush()
    assert WordStore("test", [dic]).get("alhpa") == ["alpha"]  # another process's view: kept
    dic.write_text("3\nalpha\nbeta\nalpaca\n", encoding="utf-8")
    assert WordStore("test", [dic]).get("alhpa") is None  # the dictionary changed: not used
    monkeypatch.setattr(wordstore, "MAX_ROWS", 5)
    t = WordStore("test", [dic])
    for i in range(12):
        t.put(f"w{i}", [str(i)])
        t.flush()
    import sqlite3

    n = sqlite3.connect(str(t.path)).execute("SELECT COUNT(*) FROM answers").fetchone()[0]
    assert n == 5 and t.get("w11") == ["11"] and t.get("w0") is None  # bounded: the oldest dropped
    monkeypatch.setenv("PRESSROOM_CACHE_DIR", "off")
    off = WordStore("test", [dic])
    off.put("x", ["y"])
    off.flush()
    assert off.get("alhpa") is None and off.path is None


def test_processes_writing_the_store_at_once_lose_nothing_but_time(tmp_path):
    code = r"""
import sys
from pathlib import Path
from app.language.wordstore import WordStore
s = WordStore("race", [Path(sys.argv[1])])
for i in range(300):
    s.put(f"{sys.argv[2]}-{i}", [str(i)])
s.flush()
print(s.get(f"{sys.argv[2]}-7"))
"""
    src = tmp_path / "src.dic"
    src.write_text("1\nx\n", encoding="utf-8")
    env = dict(os.environ, PRESSROOM_CACHE_DIR=str(tmp_path / "cache"))
    procs = [subprocess.Popen([sys.executable, "-c", code, str(src), f"p{k}"], env=env, cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for k in range(4)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    assert all(o.strip() == "['7']" for o, _ in outs)
    import sqlite3

    (db,) = (tmp_path / "cache").glob("words-race-*.sqlite")
    assert sqlite3.connect(str(db)).execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 1200  # all four kept


def test_the_lint_command_loads_only_what_the_text_needs(tmp_path):
    """Start-up (issue 13): an English draft does not load the Russian morphology, the web app,
    multiprocessing, or (with a warm cache) PyYAML; an e-mail validator only for a text with '@'."""
    draft = tmp_path / "draft.txt"
    draft.write_text("PRESS RELEASE\n\n18 February 2026\n\nThe EU-funded project trained 60 journalists in Almaty "
                     "over two weeks. The European Union funds the project with EUR 1.2 million.\n", encoding="utf-8")
    code = ("import sys; from app.cli import main\n"
            "try:\n    main(['lint', sys.argv[1], '-q', '--no-languagetool'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('pymorphy3', 'flask', 'multiprocessing', 'yaml', 'email_validator', 'tomllib')"
            " if m in sys.modules))")
    env = dict(os.environ, PRESSROOM_CACHE_DIR=str(tmp_path / "cache"), PRESSROOM_LANGUAGETOOL="off")
    run = lambda: subprocess.run([sys.executable, "-c", code, str(draft)], capture_output=True, text=True,  # noqa: E731
                                 env=env, cwd=tmp_path, check=True).stdout.strip().splitlines()[-1]
    assert run() == "['yaml']"  # the first run ever parses the rule files
    assert run() == "[]"  # then nothing of it
