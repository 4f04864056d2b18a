"""Bad workspace imports through the store's import function: ImportProblem with a Dutch message,
and nothing changed."""
from __future__ import annotations

import json

import pytest

from outreach.store import ImportProblem, Store

from .helpers import assert_dutch_line

VALID = {"format": "outreach-workspace", "version": 1, "name": "Test",
         "variants": [{"name": "A", "text": "Beste Anna"}, {"name": "B", "text": "Hoi Anna"}]}


def _with(**changes) -> str:
    return json.dumps({**VALID, **changes})


BAD_IMPORTS = [
    ("empty", b""),
    ("not-json", b"dit is geen json"),
    ("binary", b"\x00\x01\x02\xff"),
    ("latin1", '{"name": "Müller"}'.encode("latin-1")),
    ("array", b"[]"),
    ("number", b"42"),
    ("null", b"null"),
    ("string", b'"workspace"'),
    ("empty-object", b"{}"),
    ("wrong-format", _with(format="iets-anders")),
    ("no-variants", _with(variants=[])),
    ("one-variant", _with(variants=[{"name": "A", "text": "x"}])),
    ("five-variants", _with(variants=[{"name": str(i), "text": "x"} for i in range(5)])),
    ("variant-not-object", _with(variants=["A", "B"])),
    ("variant-text-number", _with(variants=[{"name": "A", "text": 1}, {"name": "B", "text": 2}])),
    ("letter-too-long", _with(variants=[{"name": "A", "text": "x" * 200_001}, {"name": "B", "text": "x"}])),
    ("too-big", b'{"x": "' + b"x" * 2_000_001 + b'"}'),
    ("deep-nesting", b"[" * 100_000 + b"]" * 100_000),
    ("deep-object", b'{"a":' * 50_000 + b"1" + b"}" * 50_000),
    ("truncated", _with()[:-5]),
    ("nan", b'{"format": NaN}'),
    ("huge-number", b'{"format": 1' + b"0" * 5000 + b"}"),
]


@pytest.mark.parametrize("data", [pytest.param(c[1], id=c[0]) for c in BAD_IMPORTS])
def test_a_bad_import_is_refused_in_dutch_and_changes_nothing(data, tmp_path):
    store = Store(tmp_path / "werk.sqlite3")
    before = store.list_workspaces()
    with pytest.raises(ImportProblem) as problem:
        store.import_json(data)
    assert_dutch_line(str(problem.value))
    assert store.list_workspaces() == before
