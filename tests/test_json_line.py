"""batch.json_line: the JSON lines of `check --format jsonl`, by orjson where installed, as json writes them."""
from __future__ import annotations

import json

import pytest

from outreach import analyze, batch
from tests.snapshot import letters


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def test_the_same_line_as_json_for_every_project_letter():
    pytest.importorskip("orjson")
    for name, (text, variables) in letters().items():
        result = analyze(text, variables=variables or None).to_dict(file=name)
        assert batch.json_line(result) == _json(result), name


@pytest.mark.parametrize("value", [{"text": "lone \udcff surrogate"}, {1: "key not a string"}, {"n": 2**70}])
def test_what_orjson_does_not_take_goes_to_json(value):
    assert batch.json_line(value) == _json(value)


def test_without_orjson(monkeypatch):
    monkeypatch.setattr(batch, "_orjson", False)
    value = {"tekst": "één € \u2028", "score": 71.5, "lijst": [1, None, True]}
    assert batch.json_line(value) == _json(value)
