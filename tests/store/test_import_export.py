"""Export and import: a round trip works; anything not exactly right is refused and changes nothing."""
import json

import pytest

from outreach.letters import MAX_CHARS
from outreach.store import MAX_IMPORT_BYTES, ImportProblem, Variant

EXERCISE = {"problem": "Weinig reactie", "stakeholders": "Gemeente", "mechanism": "Schaamte",
            "design_question": "Hoe verlagen we de drempel?"}


def _export(**changes):
    doc = {"format": "outreach-workspace", "schema": 1, "name": "Geïmporteerd",
           "variants": [{"name": "A", "text": "Beste lezer,"}, {"name": "B", "text": "Hallo,"}],
           "exercise": None}
    doc.update(changes)
    return json.dumps(doc)


def _snapshot(store):
    return [(s.id, s.version) for s in store.list_workspaces()], store.last_opened()


def test_export_then_import_gives_an_equal_new_workspace(store):
    original = store.create_workspace("Huur <script>alert(1)</script>", exercise=EXERCISE,
                                      variants=[Variant("Warm", "Beste mevrouw,\n\nU krijgt deze brief 💌"),
                                                Variant("Kort", "<img src=x onerror=alert(1)>"),
                                                Variant("Derde", "")])
    text = store.export_json(original.id)
    copy = store.import_json(text)
    assert copy.id != original.id and copy.version == 1
    assert (copy.variants, copy.exercise) == (original.variants, original.exercise)
    assert copy.name == original.name + " (2)"  # names are unique per owner
    assert store.load(original.id) == original
    assert len(store.list_workspaces()) == 2
    assert store.import_json(text.encode("utf-8")).variants == original.variants  # bytes, as uploaded


def _deep(depth):
    return '{"format": "outreach-workspace", "x": ' + "[" * depth + "]" * depth + "}"


HOSTILE = {
    "malformed json": '{"format": "outreach-workspace", "name": ',
    "not json at all": "<html><script>alert(1)</script></html>",
    "a list": "[1, 2, 3]",
    "a string": '"hallo"',
    "empty": "",
    "wrong format": _export(format="iets-anders"),
    "wrong schema version": _export(schema=2),
    "schema as true": _export(schema=True),
    "missing key": json.dumps({"format": "outreach-workspace", "schema": 1, "name": "X", "variants": []}),
    "unknown top-level key": _export(admin=True),
    "unknown variant key": _export(variants=[{"name": "A", "text": "", "html": "<b>"}, {"name": "B", "text": ""}]),
    "one variant": _export(variants=[{"name": "A", "text": ""}]),
    "ten thousand variants": _export(variants=[{"name": f"V{i}", "text": ""} for i in range(10_000)]),
    "variants not a list": _export(variants={"A": ""}),
    "variant not an object": _export(variants=["A", "B"]),
    "text not a string": _export(variants=[{"name": "A", "text": 5}, {"name": "B", "text": ""}]),
    "text too long": _export(variants=[{"name": "A", "text": "x" * (MAX_CHARS + 1)}, {"name": "B", "text": ""}]),
    "name too long": _export(name="x" * 81),
    "variant name too long": _export(variants=[{"name": "x" * 81, "text": ""}, {"name": "B", "text": ""}]),
    "name not a string": _export(name=["<script>"]),
    "control characters in name": _export(name="A\u001b[31mrood"),
    "duplicate variant names": _export(variants=[{"name": "A", "text": ""}, {"name": "A", "text": ""}]),
    "exercise not an object": _export(exercise="<script>alert(1)</script>"),
    "unknown exercise key": _export(exercise={"problem": "x", "__proto__": "y"}),
    "exercise value not a string": _export(exercise={"problem": {"nested": [1, 2]}}),
    "deep nesting": _deep(100_000),
    "moderate nesting in a field": _export(exercise={"problem": json.loads("[" * 200 + "]" * 200)}),
    "duplicate keys": '{"format": "outreach-workspace", "format": "x", "schema": 1}',
    "NaN": _export(schema=float("nan")),
    "not utf-8": b"\xff\xfe\x00garbage",
}


@pytest.mark.parametrize("data", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_or_broken_imports_are_refused_and_change_nothing(store, workspace, data):
    store.mark_opened(workspace.id)
    before = _snapshot(store)
    with pytest.raises(ImportProblem) as err:
        store.import_json(data)
    assert "kan niet worden geïmporteerd" in str(err.value)
    assert "Traceback" not in str(err.value)
    assert _snapshot(store) == before
    assert store.load(workspace.id) == workspace


def test_a_file_over_two_megabytes_is_refused_even_when_valid(store):
    padding = "x" * (MAX_IMPORT_BYTES + 1)
    data = _export(exercise={"problem": padding})
    with pytest.raises(ImportProblem) as err:
        store.import_json(data)
    assert "te groot" in str(err.value)
    assert store.list_workspaces() == []
