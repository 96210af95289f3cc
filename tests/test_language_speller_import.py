"""The English speller works whatever order its modules are imported in: the Hunspell loader in
app.language once shared its name with the submodule app.language.hunspell, so importing that
submodule first replaced the function with the module and the speller failed with a TypeError."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import app.language.hunspell            # the submodule first
from app.language.spelling import speller
from app.engine.config import Config
from app.engine.linter import LintContext
sp = speller(LintContext(config=Config()), "en")
print("ok", sp is not None)
"""


def test_speller_after_hunspell_submodule_import():
    r = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.strip() == "ok True"
