"""The round trip: a DOCX rendered from every example passes `pressroom lint` with no error and no
warning (info notes are allowed)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.release import load_release, render_release

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("draft", [False], ids=["final"])
def test_rendered_example_passes_the_linter(cli, tmp_path, path, draft):
    out = tmp_path / f"{path.stem}.docx"
    render_release(load_release(path), out, draft=draft)
    r = cli("lint", str(out), "--format", "json", "--fail-level", "warning")
    report = json.loads(r.out)
    bad = [
        (f["rule"], f["severity"], f["message"], f.get("text"))
        for file in report["files"] for f in file["findings"] if f["severity"] in ("error", "warning")
    ]
    assert not bad, f"{path.name}: {bad}"
    assert r.code == 0, r
