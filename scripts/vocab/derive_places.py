"""Derive rules/vocab/central-asia/accept-places-{ru,en}.txt from public geographic lists.

Run by hand (not part of the build): ``python scripts/vocab/derive_places.py SRC_DIR OUT_DIR``
where SRC_DIR holds the source files named below, exported from the public repositories listed in
the headers of the output files. Only single words are written (the spelling checks look words up
one at a time); hyphenated names are written whole and as their parts.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

COUNTRIES = {"KZ", "UZ", "KG", "TJ", "TM"}
KAZAKH_ONLY = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІўЎҳҲҷҶӣӢ]")
CYR_WORD = re.compile(r"^[А-ЯЁ][а-яёА-ЯЁ]+(?:-[А-ЯЁа-яё][а-яёА-ЯЁ]+)*$")
LAT_WORD = re.compile(r"^[A-Z][a-zA-Z']+(?:-[A-Za-z][a-zA-Z']+)*$")
STOP_RU = {"Район", "Область", "Город", "Село", "Поселок", "Посёлок", "Аул", "Центр", "Имени", "Им"}
STOP_EN = {"District", "Region", "City", "Town", "Village", "Rayon", "Raion", "Oblast", "Province",
           "Center", "Centre", "Of", "The", "Urban-type", "Settlement", "Tumani", "Shahri", "Viloyati"}


def words(name: str, rx) -> set[str]:
    out = set()
    for tok in re.split(r"[\s(),.;/«»\"]+", name):
        tok = tok.strip("-'’")
        if not tok:
            continue
        tok = tok.replace("’", "'")
        if rx.match(tok) and len(tok) >= 3:
            out.add(tok)
            if "-" in tok:
                out.update(p for p in tok.split("-") if len(p) >= 3 and p[0].isupper())
    return out


def main(src: Path, out: Path) -> None:
    ru: set[str] = set()
    en: set[str] = set()
    # GeoNames cities15000 (name, asciiname, alternatenames) of the five countries
    for line in (src / "cities15000.txt").read_text("utf-8").splitlines():
        f = line.split("\t")
        if len(f) < 9 or f[8] not in COUNTRIES:
            continue
        en |= words(f[1], LAT_WORD) | words(f[2], LAT_WORD)
        for alt in f[3].split(","):
            if CYR_WORD.match(alt.split()[0] if alt.split() else "") and not KAZAKH_ONLY.search(alt):
                ru |= words(alt, CYR_WORD)
            elif alt.isascii():
                en |= words(alt, LAT_WORD)
    # GeoNames admin1 / admin2 codes (Latin)
    for fn in ("admin1.txt", "admin2Codes.txt"):
        for line in (src / fn).read_text("utf-8").splitlines():
            f = line.split("\t")
            if f and f[0][:2] in COUNTRIES and len(f) > 2:
                en |= words(f[2], LAT_WORD)
    # Uzbekistan: SOATO regions, districts, settlements (RU, EN)
    for fn in ("uz_regions.ts", "uz_districts.ts", "uz_settlements.ts"):
        text = (src / fn).read_text("utf-8")
        for m in re.finditer(r'"RU":\s*"([^"]+)"', text):
            if not KAZAKH_ONLY.search(m.group(1)):
                ru |= words(m.group(1), CYR_WORD)
        for m in re.finditer(r'"EN":\s*"([^"]+)"', text):
            en |= words(m.group(1), LAT_WORD)
    # Kazakhstan: KATO-derived settlement lists (RU)
    text = (src / "kz_kato.txt").read_text("utf-8")
    for m in re.finditer(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*", text):
        tok = m.group(0)
        if not KAZAKH_ONLY.search(tok):
            ru |= words(tok, CYR_WORD)
    # Kyrgyzstan: district names
    text = (src / "kg_districts.js").read_text("utf-8")
    for m in re.finditer(r'"name":\s*"([^"]+)"', text):
        ru |= words(m.group(1), CYR_WORD)
    ru -= STOP_RU
    en -= STOP_EN
    return sorted(ru), sorted(en)


if __name__ == "__main__":
    ru, en = main(Path(sys.argv[1]), Path(sys.argv[2]))
    out = Path(sys.argv[2])
    (out / "places-ru.raw").write_text("\n".join(ru) + "\n", "utf-8")
    (out / "places-en.raw").write_text("\n".join(en) + "\n", "utf-8")
    print(len(ru), len(en))
