"""Re-extract the UI strings and rebuild ru/LC_MESSAGES/messages.po and .mo from ru.py.

    .venv/bin/python -m app.web.translations.build
Prints the msgids that still have no Russian translation.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from app.web.translations.ru import PLURALS, RU

HERE = Path(__file__).resolve().parent
WEB = HERE.parent


def main() -> int:
    pot = HERE / "messages.pot"
    subprocess.run([str(Path(sys.executable).parent / "pybabel"), "extract", "-F", str(WEB / "babel.cfg"), "-k", "_l",
                    "-k", "lazy_gettext", "--no-location", "--omit-header", "-o", str(pot), str(WEB)],
                   check=True, capture_output=True)
    with pot.open("rb") as fh:
        catalog = read_po(fh, locale="ru")
    missing = []
    for m in catalog:
        if not m.id:
            continue
        if isinstance(m.id, tuple):
            m.string = PLURALS.get(m.id[0], ("",) * 3)
            if not m.string[0]:
                missing.append(m.id[0])
        else:
            m.string = RU.get(m.id, "")
            if not m.string:
                missing.append(m.id)
    out = HERE / "ru" / "LC_MESSAGES"
    out.mkdir(parents=True, exist_ok=True)
    with (out / "messages.po").open("wb") as fh:
        write_po(fh, catalog, width=120)
    with (out / "messages.mo").open("wb") as fh:
        write_mo(fh, catalog)
    for m in missing:
        print("untranslated:", m)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
