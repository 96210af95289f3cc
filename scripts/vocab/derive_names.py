"""Derive rules/vocab/central-asia/accept-names-{ru,en}.txt from the given-name list.

Run by hand: ``python scripts/vocab/derive_names.py GIVEN.txt OUT_DIR``. GIVEN.txt holds given
names in Russian spelling (words separated by spaces or lines, ``#`` comments). Written:
- the given names;
- surnames formed from them the way the region forms them: -ов/-ев, -ова/-ева (all five countries),
  -зода (Tajikistan), and the patronymic words улы, кызы, уулу, оглы written separately;
- English transliterations of both, in the common variants (ж: zh/j, х: kh/h, е at the start:
  e/ye, ы: y/i, дж: j/dzh), as passports and the English-language press of the region write them.
"""
from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path

CYR = re.compile(r"^[А-ЯЁ][а-яё]+$")
VOWELS = "аеёиоуыэюя"

TR = {"а": ["a"], "б": ["b"], "в": ["v"], "г": ["g"], "д": ["d"], "е": ["e"], "ё": ["yo"], "ж": ["zh", "j"],
      "з": ["z"], "и": ["i"], "й": ["y", "i"], "к": ["k"], "л": ["l"], "м": ["m"], "н": ["n"], "о": ["o"],
      "п": ["p"], "р": ["r"], "с": ["s"], "т": ["t"], "у": ["u"], "ф": ["f"], "х": ["kh", "h"], "ц": ["ts"],
      "ч": ["ch"], "ш": ["sh"], "щ": ["shch"], "ъ": [""], "ы": ["y", "i"], "ь": [""], "э": ["e"],
      "ю": ["yu", "iu"], "я": ["ya", "ia"]}


def surnames(name: str) -> list[str]:
    low = name.lower()
    if low[-1] in "ьй":
        stem, suf = name[:-1], "ев"
    elif low[-1] in "аяоеиыуюэ":
        stem, suf = name, "ев"
    else:
        stem, suf = name, "ов"
    out = [stem + suf, stem + suf + "а"]
    if low[-1] not in VOWELS + "ьй":
        out.append(name + "зода")
    return out


def translit(word: str, limit: int = 6) -> list[str]:
    w = word.lower().replace("дж", "\x01")
    options = []
    for i, ch in enumerate(w):
        if ch == "\x01":
            options.append(["j", "dzh"])
        elif ch == "е" and i == 0:
            options.append(["e", "ye"])
        elif ch == "с" and 0 < i < len(w) - 1 and w[i - 1] in VOWELS and w[i + 1] in VOWELS:
            options.append(["s", "ss"])  # Assel, Yessen: passports double a single s between vowels
        else:
            options.append(TR.get(ch, [ch]))
    out = []
    for combo in itertools.product(*options):
        s = "".join(combo)
        out.append(s[:1].upper() + s[1:])
        if len(out) >= limit:
            break
    return out


def main(given_path: Path, out_dir: Path) -> None:
    given = set()
    for line in given_path.read_text("utf-8").splitlines():
        line = line.split("#", 1)[0]
        given.update(w for w in line.split() if CYR.match(w))
    ru = set(given)
    for g in given:
        ru.update(surnames(g))
    en = set()
    for w in ru:
        en.update(translit(w))
    ru.update(["улы", "кызы", "уулу", "оглы", "угли"])
    en.update(["uly", "kyzy", "uulu", "ogly", "ugli", "qizi", "Uly", "Kyzy", "Uulu"])
    (out_dir / "names-ru.raw").write_text("\n".join(sorted(ru)) + "\n", "utf-8")
    (out_dir / "names-en.raw").write_text("\n".join(sorted(en)) + "\n", "utf-8")
    print(len(given), len(ru), len(en))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
