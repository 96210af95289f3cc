"""The stem index answers "not an English word" without loading Hunspell (issue 13), and only
where Hunspell would say so too."""
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app.language.hunspell import Lazy, StemIndex, _index_parts, find, load, stem_index

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real"

needs_en = pytest.mark.skipif(find("en_GB") is None or find("en_US") is None or find("ru_RU") is None,
                              reason="Debian's hunspell-en-gb/en-us/ru are not installed")


def _words_to_try(base: Path, n: int) -> list[str]:
    """Stems with their suffixes and prefixes applied (conditions ignored: many are not words),
    a few capitalisations and one-letter slips: words Hunspell accepts and words it rejects."""
    rnd = random.Random(13)
    aff = Path(f"{base}.aff").read_text(encoding="utf-8", errors="replace").splitlines()
    sfx: dict[str, list] = {}
    pfx: dict[str, list] = {}
    for line in aff:
        p = line.split()
        if len(p) >= 5 and p[0] in ("SFX", "PFX"):
            (sfx if p[0] == "SFX" else pfx).setdefault(p[1], []).append(("" if p[2] == "0" else p[2],
                                                                          "" if p[3] == "0" else p[3]))
    lines = Path(f"{base}.dic").read_text(encoding="utf-8", errors="replace").splitlines()[1:]
    out = set()
    for line in rnd.sample(lines, min(n, len(lines))):
        word, _, flags = line.partition("/")
        if not re.fullmatch(r"[A-Za-z]+", word):
            continue
        forms = [word]
        for f in flags:
            for strip, add in sfx.get(f, ()):
                if word.endswith(strip):
                    forms.append(word[:len(word) - len(strip)] + add)
            for strip, add in pfx.get(f, ()):
                if word.startswith(strip):
                    forms.append(add + word[len(strip):])
        for w in forms:
            if re.fullmatch(r"[A-Za-z]+", w):
                out.update({w, w.lower(), w.upper(), w.capitalize()})
                i = rnd.randrange(len(w))
                out.add(w[:i] + w[i + 1:])
                out.add(w[:i] + rnd.choice("abcdefghijklmnopqrstuvwxyz") + w[i:])
    return sorted(w for w in out if w)


@needs_en
@pytest.mark.parametrize("name", ["en_GB", "en_US"])
def test_the_index_never_rules_out_a_word_hunspell_accepts(name):
    base = find(name)
    index = StemIndex(_index_parts(base))
    hun = load(name)
    words = set(_words_to_try(base, 800))
    if CORPUS.is_dir():
        for p in sorted(CORPUS.rglob("*.txt")):
            words.update(re.findall(r"[A-Za-z]+", p.read_text(encoding="utf-8", errors="replace")))
    words = sorted(words)
    accepted = [w for w in words if hun.lookup(w)]
    assert len(accepted) > 1000
    assert [w for w in accepted if not index.may_accept(w)] == []
    # and it does rule out some words: the point of it
    rejected = [w for w in words if not hun.lookup(w) and not index.may_accept(w)]
    assert len(rejected) > 100
    assert not index.may_accept("adpecy") and not index.may_accept("Adpecy")


def test_an_affix_file_the_argument_does_not_cover_gets_no_index(tmp_path):
    (tmp_path / "xx_XX.dic").write_text("2\nfoo/A\nbar/C\n", encoding="utf-8")
    for extra in ("COMPOUNDFLAG C", "IGNORE a", "ICONV 1\nICONV ae æ", "BREAK 1\nBREAK x",
                  "SFX A Y 1\nSFX A 0 s/B .", "COMPOUNDRULE 1\nCOMPOUNDRULE CC"):
        (tmp_path / "xx_XX.aff").write_text(f"SET UTF-8\n{extra}\n", encoding="utf-8")
        assert _index_parts(tmp_path / "xx_XX") is None, extra
    (tmp_path / "xx_XX.aff").write_text("SET UTF-8\nSFX A Y 1\nSFX A 0 s .\nPFX B Y 1\nPFX B 0 re .\n",
                                        encoding="utf-8")
    index = StemIndex(_index_parts(tmp_path / "xx_XX"))
    assert index.may_accept("foo") and index.may_accept("FOOS") and index.may_accept("Refoos")
    assert index.may_accept("bar") and not index.may_accept("baz") and not index.may_accept("fo")


@needs_en
def test_the_seed_loads_no_hunspell_dictionary(tmp_path):
    """«adpecy» (not English) and the words pymorphy3 does not know (Симкич, Бангкокские) are
    answered from the indexes."""
    code = r"""
import sys
from app.core.readers import read_path
from app.engine.linter import lint, _RESOURCES
res = lint(read_path(sys.argv[1]))
assert any(f.rule == "homoglyph.latin-word" and "адресу" in f.suggestions for f in res.findings)
print(sorted(k for k, v in _RESOURCES.items() if k.startswith("hunspell.lazy.") and v is not None and v.loaded is not None))
"""
    env = dict(os.environ, PRESSROOM_CACHE_DIR=str(tmp_path / "cache"), PRESSROOM_LANGUAGETOOL="off")
    seed = ROOT / "examples" / "000_87413283a02d3cbb.txt"
    run = lambda: subprocess.run([sys.executable, "-c", code, str(seed)], capture_output=True, text=True,  # noqa: E731
                                 env=env, cwd=ROOT, check=True).stdout.strip()
    first = run()  # the first run ever loads ru_RU, as without its index, and builds the English ones
    assert "hunspell.lazy.ru_RU" in first and "hunspell.lazy.en_GB" not in first
    assert not list((tmp_path / "cache").glob("hunspell-stems*-ru_RU-*.pickle"))
    # the English word lists are small: their index costs about what loading them does, so the
    # first process to ask builds it instead of loading the dictionary (FIRST_USE_MAX_BYTES)
    assert list((tmp_path / "cache").glob("hunspell-stems*-en_GB-*.pickle"))
    assert run() == "[]"  # the second builds ru_RU's index instead of loading the dictionary
    assert list((tmp_path / "cache").glob("hunspell-stems*-ru_RU-*.pickle"))
    assert run() == "[]"  # the next reads them


@needs_en
def test_without_a_cache_folder_the_dictionary_is_loaded_as_before(monkeypatch):
    monkeypatch.setenv("PRESSROOM_CACHE_DIR", "off")
    assert stem_index(find("en_GB")) is None
    lazy = Lazy("en_GB", indexed=True)
    assert lazy.lookup("adpecy") is False and lazy.loaded is not None


@needs_en
def test_the_russian_index_answers_as_hunspell_does():
    """ru_RU (suffixes only): the index says yes or no where it can, and agrees with Hunspell on
    every word it answers (3.1 million words checked when it was written: generated forms with
    right and wrong flags, capitalisations, slips, the corpora)."""
    base = find("ru_RU")
    index = StemIndex(_index_parts(base))
    hun = load("ru_RU")
    rnd = random.Random(5)
    aff = Path(f"{base}.aff").read_text(encoding="utf-8").splitlines()
    sfx = [(p[2], p[3]) for p in (line.split() for line in aff) if len(p) >= 5 and p[0] == "SFX"]
    lines = Path(f"{base}.dic").read_text(encoding="utf-8").splitlines()[1:]
    words = set()
    for line in rnd.sample(lines, 1500):
        w = line.partition("/")[0]
        forms = [w] + [(w[:len(w) - len(a)] if a != "0" else w) + (b if b != "0" else "")
                       for a, b in rnd.sample(sfx, 40) if a == "0" or w.endswith(a)]
        for x in forms:
            words.update({x, x.capitalize(), x.upper(), x[1:], x + "а"})
    if CORPUS.is_dir():
        for p in sorted(CORPUS.rglob("*.txt")):
            words.update(re.findall(r"[А-Яа-яЁё]+", p.read_text(encoding="utf-8", errors="replace")))
    answered = {True: 0, False: 0}
    for w in sorted(x for x in words if re.fullmatch(r"[А-Яа-яЁё]+", x)):
        a = index.answer(w)
        if a is not None:
            assert a == hun.lookup(w), w
            answered[a] += 1
    assert answered[True] > 1000 and answered[False] > 1000
    assert index.answer("Бангкокские") is True and index.answer("Симкич") is False
