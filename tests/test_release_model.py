"""The release model: examples load, schema and model agree, and every kind of bad input gets one
clear message with its field path, in the release's language."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from app.release import Release, ReleaseInvalid, json_schema, load_release, release_from_data
from app.release.model import to_dict

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yml"))


def _example(name="rule-of-law-forum-en.yml") -> dict:
    return yaml.safe_load((ROOT / "examples" / name).read_text(encoding="utf-8"))


def _problems(data, base_dir=None) -> list[str]:
    with pytest.raises(ReleaseInvalid) as e:
        release_from_data(data, base_dir=base_dir)
    return [str(p) for p in e.value.problems]


def test_there_are_ru_and_en_examples():
    langs = {load_release(p).language for p in EXAMPLES}
    assert langs == {"ru", "en"}
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_load_and_match_the_json_schema(path):
    release = load_release(path)
    assert isinstance(release, Release)
    data = to_dict(release)
    jsonschema.validate(data, json_schema())  # one schema for YAML and JSON
    again = release_from_data(json.loads(json.dumps(data)))
    assert again == release  # to_dict / from_dict round trip through JSON


def test_json_file_is_read_like_yaml(tmp_path):
    p = tmp_path / "r.json"
    p.write_text(json.dumps(to_dict(load_release(EXAMPLES[0]))), encoding="utf-8")
    assert load_release(p) == load_release(EXAMPLES[0])


def test_schema_rejects_unknown_fields_and_documents_every_field():
    schema = json_schema()
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) >= {"language", "date", "headline", "lead", "body", "projects", "contacts", "organisation"}
    for name, prop in schema["properties"].items():
        assert prop.get("description"), name
    bad = to_dict(load_release(EXAMPLES[0])) | {"headlin": "x"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_unknown_field_with_suggestion():
    data = _example()
    data["headlin"] = data.pop("headline")
    probs = _problems(data)
    assert "headlin: unknown field; did you mean 'headline'?" in probs
    assert "headline: required field is missing" in probs


def test_nested_unknown_field_has_full_path():
    data = _example()
    data["projects"][1]["eu_contrib"] = 5
    assert any(p.startswith("projects[1].eu_contrib: unknown field") for p in _problems(data))


def test_wrong_types_one_message_each():
    data = _example()
    data["body"] = "one paragraph"
    data["projects"][0]["total_budget"] = "lots"
    data["contacts"][0]["phone"] = 77017444429
    data["date"] = "21.11.2025"
    probs = _problems(data)
    assert "body: must be a list, got text" in probs
    assert "projects[0].total_budget: must be a number, got text" in probs
    assert "contacts[0].phone: must be text, got a number" in probs
    assert "date: must be a date YYYY-MM-DD, got '21.11.2025'" in probs
    assert len(probs) == 4


def test_missing_required_fields_in_russian():
    data = _example("rule-of-law-forum-ru.yml")
    del data["lead"]
    del data["contacts"][0]["email"]
    data["projects"] = []
    probs = _problems(data)
    assert "lead: обязательное поле не заполнено" in probs
    assert "contacts[0].email: обязательное поле не заполнено" in probs
    assert "projects: обязательное поле не заполнено" in probs


def test_control_characters_are_refused():
    data = _example()
    data["lead"] = "The forum\x07 opened."
    data["quotes"][0]["speaker"] = "A\x00B"
    probs = _problems(data)
    assert "lead: contains a control character U+0007 at position 10" in probs
    assert "quotes[0].speaker: contains a control character U+0000 at position 2" in probs


def test_cross_field_checks_with_paths():
    data = _example()
    data["projects"][0]["eu_contribution"] = 800000
    data["projects"][1]["end"] = "2023-12-31"
    data["embargo"] = {"date": "2025-11-20", "time": "10:00"}
    data["contacts"][0]["phone"] = "+7 701 744"
    data["contacts"][1]["email"] = "press@@eeas"
    probs = _problems(data)
    assert "projects[0].eu_contribution: EU contribution (EUR 800 000) is above the total budget (EUR 777 895)" in probs
    assert "projects[1].end: end (2023-12-31) is before the start (2024-01-01)" in probs
    assert "embargo.date: embargo (2025-11-20) is before the release date (2025-11-21)" in probs
    assert any(p.startswith("contacts[0].phone: not a valid phone number: '+7 701 744'") for p in probs)
    assert any(p.startswith("contacts[1].email: not a valid e-mail address: 'press@@eeas'") for p in probs)
    assert len(probs) == 5


def test_cross_field_messages_in_russian():
    data = _example("rule-of-law-forum-ru.yml")
    data["projects"][0]["eu_contribution"] = 800000
    probs = _problems(data)
    assert probs == ["projects[0].eu_contribution: взнос ЕС (800 000 евро) больше общего бюджета (777 895 евро)"]


def test_kazakh_local_phone_accepted_with_default_region():
    data = _example()
    data["contacts"][0]["phone"] = "8 701 744 4429"
    release_from_data(data)


def test_logo_not_an_image_and_too_large(tmp_path):
    (tmp_path / "fake.png").write_text("not an image", encoding="utf-8")
    with open(tmp_path / "huge.png", "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    data = _example()
    data["logos"] = [{"path": "fake.png"}, {"path": "huge.png"}, {"path": "missing.png"}]
    probs = _problems(data, base_dir=str(tmp_path))
    assert probs[0] == f"logos[0].path: not a PNG or JPEG image: {tmp_path / 'fake.png'}"
    assert probs[1] == f"logos[1].path: file is too large (50.0 MB, at most 5 MB): {tmp_path / 'huge.png'}"
    assert probs[2].startswith("logos[2].path: file not found")


def test_yaml_time_without_quotes_is_understood():
    data = _example()
    data["embargo"] = yaml.safe_load("date: 2025-11-21\ntime: 10:30")
    assert release_from_data(data).embargo.time == "10:30"


def test_top_level_not_a_mapping():
    with pytest.raises(ReleaseInvalid, match="must be a mapping"):
        release_from_data(["a", "b"])


def test_co_funded_only_when_every_project_is():
    data = _example()
    data["projects"][1]["funding"] = "funded"
    r = release_from_data(copy.deepcopy(data))
    assert not r.co_funded
    for p in data["projects"]:
        p["funding"] = "co-funded"
    assert release_from_data(data).co_funded
