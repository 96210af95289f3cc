"""README and the reference pages under docs/ show commands with their output; each is run here.

A block counts when it is a ```text block whose first line is ``$ .venv/bin/pressroom …`` and that
holds only that one command: the command is run in the repository's root (offline: no LanguageTool,
no colour) and its standard output must be exactly the rest of the block. Refresh the blocks after a
change of the checks with ``.venv/bin/python tests/test_docs_examples.py --refresh``.
"""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```text\n(\$ \.venv/bin/pressroom [^\n]*)\n(.*?)^```$", re.M | re.S)
ENV = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "PRESSROOM_LANGUAGETOOL": "off"}


def examples():
    out = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for m in BLOCK.finditer(text):
            if "\n$ " in "\n" + m.group(2) or "#" in m.group(1):
                continue  # several commands, or a commented sketch: not a transcript
            out.append((page, m.group(1), m.group(2)))
    return out


def run(command: str) -> str:
    args = shlex.split(command[2:])
    args[0] = str(Path(sys.executable).parent / "pressroom")
    p = subprocess.run(args, cwd=ROOT, capture_output=True, env=ENV, timeout=300)
    return p.stdout.decode("utf-8")


def test_the_seed_run_is_shown_in_readme():
    assert any(page.name == "README.md" and "lint examples/000_87413283a02d3cbb.txt" in cmd
               for page, cmd, _ in examples())


@pytest.mark.parametrize("page,command,expected", examples(),
                         ids=[f"{p.relative_to(ROOT)}:{c[2:60]}" for p, c, _ in examples()])
def test_documented_output_is_what_the_command_prints(page, command, expected):
    assert run(command) == expected, f"{page.relative_to(ROOT)}: `{command[2:]}` prints something else now (refresh with --refresh)"


if __name__ == "__main__" and "--refresh" in sys.argv:
    for page in PAGES:
        text = page.read_text(encoding="utf-8")

        def repl(m):
            if "\n$ " in "\n" + m.group(2) or "#" in m.group(1):
                return m.group(0)
            return f"```text\n{m.group(1)}\n{run(m.group(1))}```"
        new = BLOCK.sub(repl, text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            print(f"refreshed {page.relative_to(ROOT)}")
