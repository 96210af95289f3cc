"""Texts never seen before, for the scaling and annotate benchmarks (issue 13).

One text repeated would hide the cost of everything a process caches per word (dictionary
lookups, suggestions, morphology), so every page here is new: sentences of several sources are
shuffled, their words reordered a little, numbers changed, and about one sentence in ten gets a
typo (a swapped, dropped or doubled letter), as drafts have. Sources are read in place: the real
corpus beside the repository (``../shared/corpus/real``) when it is there, else the project's own
examples and test drafts. Deterministic for a given seed.
"""
from __future__ import annotations

import os
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
def _corpus() -> Path:
    """PRESSROOM_BENCH_CORPUS, else the shared corpus next to the checkout: /work/main's
    ../shared, or a worktree's /work/wt/<branch>/../../shared."""
    env = os.environ.get("PRESSROOM_BENCH_CORPUS")
    if env:
        return Path(env)
    for up in (ROOT.parent, ROOT.parent.parent):
        if (up / "shared" / "corpus" / "real").is_dir():
            return up / "shared" / "corpus" / "real"
    return ROOT.parent / "shared" / "corpus" / "real"


CORPUS = _corpus()
WORDS_PER_PAGE = 500
_SENT = re.compile(r"[^.!?\n]+[.!?]")
_WORD = re.compile(r"[^\W\d_]{4,}")
_NUM = re.compile(r"\d+")


def sources(lang: str) -> list[Path]:
    out = sorted((CORPUS / lang).glob("*.txt")) if (CORPUS / lang).is_dir() else []
    out += sorted((ROOT / "tests" / "drafts").glob(f"{lang}_*.txt"))
    if lang == "ru":
        out += sorted((ROOT / "examples").glob("*.txt"))
    return out


def sentences(lang: str) -> list[str]:
    out = []
    for p in sources(lang):
        for m in _SENT.finditer(p.read_text(encoding="utf-8", errors="replace")):
            s = " ".join(m.group(0).split())
            if len(s.split()) >= 5:
                out.append(s)
    return out


def _typo(word: str, rnd: random.Random) -> str:
    i = rnd.randrange(1, len(word) - 1)
    kind = rnd.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == 1:
        return word[:i] + word[i + 1:]
    return word[:i] + word[i] + word[i:]


def _mutate(s: str, rnd: random.Random) -> str:
    words = s.split(" ")
    if len(words) > 6 and rnd.random() < 0.5:  # swap two neighbouring words in the middle
        i = rnd.randrange(1, len(words) - 3)
        words[i], words[i + 1] = words[i + 1], words[i]
    s = " ".join(words)
    s = _NUM.sub(lambda m: str(rnd.randrange(1, 10 ** len(m.group(0)))), s)
    if rnd.random() < 0.1:
        cands = list(_WORD.finditer(s))
        if cands:
            m = rnd.choice(cands)
            s = s[:m.start()] + _typo(m.group(0), rnd) + s[m.end():]
    return s


def pages(n: int, lang: str = "ru", seed: int = 13) -> list[list[str]]:
    """``n`` pages of about WORDS_PER_PAGE words, each a list of paragraphs of 3-6 sentences."""
    rnd = random.Random(f"{seed}-{lang}-{n}")
    pool = sentences(lang)
    order: list[str] = []
    out = []
    for _ in range(n):
        paras, words = [], 0
        while words < WORDS_PER_PAGE:
            para = []
            for _ in range(rnd.randint(3, 6)):
                if not order:
                    order = pool[:]
                    rnd.shuffle(order)
                para.append(_mutate(order.pop(), rnd))
            text = " ".join(para)
            paras.append(text)
            words += len(text.split())
        out.append(paras)
    return out


def text(n: int, lang: str = "ru", seed: int = 13) -> str:
    return "\n\n".join("\n\n".join(p) for p in pages(n, lang, seed)) + "\n"


def write_txt(path: Path, n: int, lang: str = "ru", seed: int = 13) -> Path:
    path.write_text(text(n, lang, seed), encoding="utf-8")
    return path


def write_docx(path: Path, n: int, lang: str = "ru", seed: int = 13) -> Path:
    import docx

    d = docx.Document()
    for i, page in enumerate(pages(n, lang, seed)):
        if i == 0:
            d.add_heading(page[0].split(".")[0][:80], level=1)
        for para in page:
            d.add_paragraph(para)
    d.save(str(path))
    return path


if __name__ == "__main__":
    import sys

    print(text(int(sys.argv[1]) if len(sys.argv) > 1 else 1, sys.argv[2] if len(sys.argv) > 2 else "ru"))
