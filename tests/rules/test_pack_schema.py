"""pack.schema.json: generated from the declared keys, and every shipped pack fits it."""
import json
import tomllib

import jsonschema
import pytest

from outreach.rules import json_schema
from outreach.rules.kinds import registry
from outreach import languages
from outreach.rules.schema import DIMENSIONS

PACKS = [languages.get("nl").rules_dir / f"{dimension}.toml" for dimension in DIMENSIONS]
VALIDATOR = jsonschema.Draft7Validator(json_schema.pack_schema())
RULE = {"id": "tone.test.fine", "kind": "existence", "severity": "warning", "points": -5, "message": "m",
        "why": "w", "source": "s", "terms": ["boete"], "fail": ["Een [[boete]]."], "pass": ["Geen boete."]}


def _pack(**rule) -> dict:
    return {"dimension": "tone", "lang": "nl", "title": "Toon", "base": 70, "description": "d",
            "rule": [{**RULE, **rule}]}


def test_the_committed_schema_is_the_generated_one():
    assert json_schema.PATH.read_text(encoding="utf-8") == json_schema.render(), \
        "remake it: python -m outreach.rules.json_schema"


def test_every_kind_has_a_module_of_its_name():
    assert {"existence", "substitution", "required", "conditional", "occurrence", "metric"} <= set(registry())
    assert json_schema.pack_schema()["properties"]["rule"]["items"]["properties"]["kind"]["enum"] == list(registry())


@pytest.mark.parametrize("path", PACKS, ids=lambda p: p.name)
def test_every_shipped_pack_fits_the_schema_and_points_editors_to_it(path):
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "#:schema ../../../rules/pack.schema.json"
    assert (path.parent / "../../../rules/pack.schema.json").resolve() == json_schema.PATH.resolve()
    errors = [f"{list(e.path)}: {e.message}" for e in VALIDATOR.iter_errors(tomllib.loads(text))]
    assert not errors, errors[:5]


def test_a_good_rule_fits():
    assert VALIDATOR.is_valid(_pack())


@pytest.mark.parametrize("change", [
    {"kind": "magic"},
    {"severity": "scary"},
    {"swap": {"middels": "met"}},  # a key of another kind
    {"negation": "maybe"},
    {"terms": [""]},
    {"id": "Tone.Fine"},
    {"exceptions": {"words": ["x"]}},
])
def test_editors_see_what_the_loader_rejects(change):
    assert not VALIDATOR.is_valid(_pack(**change))


def test_kind_specific_keys_are_checked():
    metric = {**RULE, "kind": "metric", "metric": "sentence_words", "scope": "sentence",
              "band": [{"above": 20, "points": -2, "severity": "suggestion", "message": "Lang."}]}
    del metric["terms"], metric["points"]
    assert VALIDATOR.is_valid({**_pack(), "rule": [metric]})
    assert not VALIDATOR.is_valid({**_pack(), "rule": [{**metric, "band": [{"above": 20}]}]})
    assert not VALIDATOR.is_valid(_pack(kind="occurrence", max=-1))
    assert not VALIDATOR.is_valid(_pack(kind="substitution"))  # no swap
    assert json.loads(json_schema.render()) == json_schema.pack_schema()
