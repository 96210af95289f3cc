"""Cross-field findings in the release form's live panel (issue 14): every related place is named and
located in its field (not only the first), every finding names its field, findings in field order."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
RU = json.loads(json.dumps(yaml.safe_load((ROOT / "examples" / "rule-of-law-forum-ru.yml").read_text("utf-8")), default=str))
EXTRA = ("Общий бюджет проекта составляет 2 000 000 евро. Европейский Союз выделил 1 500 000 евро, или 90 процентов бюджета.")


def _live(web_app, payload):
    from app.web.releasing import field_rank, live_check
    from app.web.views.releases import label_findings

    with web_app.test_request_context(headers={"Accept-Language": "ru"}):
        out = label_findings(live_check(payload))
    return out, field_rank


def test_related_places_all_located(web_app):
    p = copy.deepcopy(RU)
    p["projects"] = p["projects"][:1]
    p["body"] = list(p["body"]) + [EXTRA]
    out, field_rank = _live(web_app, p)
    multi = [f for f in out["findings"] if len(f.get("related") or []) >= 2]
    assert multi, [(f["rule"], f.get("related")) for f in out["findings"]]
    for f in multi:
        assert all(r.get("field") and r.get("label") for r in f["related"]), f
    body_rel = [r for f in multi for r in f["related"] if r["field"] == "body" and r.get("start") is not None]
    body = "\n\n".join(p["body"])
    assert body_rel and all(body[r["start"]:r["end"]].strip() for r in body_rel)
    assert not [f for f in out["findings"] if f["rule"] == "crosscheck.phone" and "000" in f.get("text", "")]
    # every finding names its field, in the form's order
    assert all(f.get("label") for f in out["findings"] if f.get("field")), [f for f in out["findings"] if f.get("field") and not f.get("label")]
    ranks = [field_rank(f.get("field")) for f in out["findings"]]
    assert ranks == sorted(ranks)


def test_budget_note_names_every_budget_field(web_app):
    p = copy.deepcopy(RU)
    p["lead"] = p["lead"] + " Бюджет проекта — 5 000 000 евро."
    out, _ = _live(web_app, p)
    notes = [f for f in out["findings"] if f["rule"] == "crosscheck.budget"]
    assert notes, [f["rule"] for f in out["findings"]]
    fields = {r["field"] for r in notes[0]["related"]}
    assert fields == {f"projects-{i}-{k}" for i in range(len(p["projects"])) for k in ("total_budget", "eu_contribution")}
