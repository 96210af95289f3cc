"""Vocabularies: plain word lists under rules/vocab/ (one entry per line, # comments).

Files named ``accept*.txt`` hold words every check must accept (names, acronyms, domain terms);
``reject*.txt`` words that are always wrong. Sub-folders group them (e.g. rules/vocab/domain/).
Entries are matched case-sensitively when they contain a capital letter, otherwise in any case.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from app import RULES_DIR


def read_list(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


class Vocabulary:
    def __init__(self, accept: list[str] = (), reject: list[str] = ()):
        self.accept_exact: set[str] = set()
        self.accept_lower: set[str] = set()
        for w in accept:
            self.add_accept(w)
        self.reject: set[str] = {w.lower() for w in reject}

    def add_accept(self, word: str) -> None:
        if any(c.isupper() for c in word):
            self.accept_exact.add(word)
        else:
            self.accept_lower.add(word.lower())

    def accepts(self, word: str) -> bool:
        return word in self.accept_exact or word.lower() in self.accept_lower

    def rejects(self, word: str) -> bool:
        return word.lower() in self.reject

    def extended(self, accept: list[str] = (), reject: list[str] = ()) -> "Vocabulary":
        v = Vocabulary()
        v.accept_exact = set(self.accept_exact)
        v.accept_lower = set(self.accept_lower)
        v.reject = set(self.reject)
        for w in accept:
            v.add_accept(w)
        v.reject |= {w.lower() for w in reject}
        return v


@lru_cache(maxsize=4)
def load_vocabulary(root: Path = RULES_DIR / "vocab") -> Vocabulary:
    from app.diskcache import cached

    files = sorted(root.rglob("*.txt")) if root.is_dir() else []
    # ~0.05 s of reading and sorting words a process: kept on disk, rebuilt when a list changes (issue 13)
    return cached(_cache_name(root), files, lambda: _load_vocabulary(root))


def _cache_name(root: Path) -> str:
    from app.diskcache import digest

    return "vocabulary-" + digest(str(root.resolve()), 12)


def _load_vocabulary(root: Path) -> Vocabulary:
    accept: list[str] = []
    reject: list[str] = []
    if root.is_dir():
        for f in sorted(root.rglob("*.txt")):
            if f.name.startswith("accept"):
                accept += read_list(f)
            elif f.name.startswith("reject"):
                reject += read_list(f)
    return Vocabulary(accept, reject)
