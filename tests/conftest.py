"""Shared fixtures. Engineers append their own fixtures below; keep the ones above working."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "real"
SEED = ROOT / "examples" / "000_87413283a02d3cbb.txt"


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"real-text corpus not found at {CORPUS} (it ships beside the repo in CI, not in a user's clone)")
    return CORPUS


class CliResult:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err

    def __repr__(self):
        return f"CliResult(code={self.code}, out={self.out[:300]!r}, err={self.err[:300]!r})"


@pytest.fixture
def cli():
    """Run `pressroom ARGS` in-process; returns CliResult(code, out, err)."""
    from app.cli import main

    def run(*args: str, stdin: bytes | None = None) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        old_stdin = sys.stdin
        if stdin is not None:
            sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
        try:
            with redirect_stdout(out), redirect_stderr(err):
                try:
                    code = main([str(a) for a in args])
                except SystemExit as e:
                    code = e.code if isinstance(e.code, int) else 2
        finally:
            sys.stdin = old_stdin
        return CliResult(code, out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def cli_proc():
    """Run the installed `pressroom` console script as a real process."""
    exe = Path(sys.executable).parent / "pressroom"

    def run(*args: str, stdin: bytes | None = None, cwd: str | None = None, timeout: int = 120) -> CliResult:
        p = subprocess.run([str(exe), *map(str, args)], input=stdin, capture_output=True, cwd=cwd,
                           timeout=timeout, env={**os.environ, "NO_COLOR": "1"})
        return CliResult(p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"))

    return run
