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


MINIMAL = {
    "language": "ru",
    "date": "2026-02-10",
    "city": "Караганда",
    "headline": "В Караганде открылся центр бесплатной юридической помощи",
    "lead": "При поддержке Европейского Союза в Караганде открылся центр бесплатной юридической помощи для жителей области.",
    "body": ["Юристы центра консультируют по трудовым, жилищным и семейным вопросам по будням с 9:00 до 18:00."],
    "projects": [{"name": "Право для всех", "organisations": ["ОФ «Правовая инициатива»"], "start": "2025-09-01",
                  "end": "2027-08-31", "total_budget": 250000, "eu_contribution": 250000}],
    "contacts": [{"name": "Айгуль Серикова", "phone": "+7 701 555 1234", "email": "press@example.kz"}],
    "organisation": "ОФ «Правовая инициатива»",
}


@pytest.mark.parametrize("draft", [False, True], ids=["final", "draft"])
def test_minimal_release_passes_the_linter(cli, tmp_path, draft):
    from app.release import release_from_data

    out = tmp_path / "minimal.docx"
    render_release(release_from_data(MINIMAL), out, draft=draft)
    r = cli("lint", str(out), "--format", "json")
    bad = [(f["rule"], f["message"]) for file in json.loads(r.out)["files"] for f in file["findings"]
           if f["severity"] in ("error", "warning")]
    assert not bad
