"""Every saved text of a variant is a version with its scores; page choices are kept per workspace."""
import pytest

from outreach import history as history_module
from outreach.history import History
from outreach.store import Store


def test_each_new_text_is_a_version_and_an_unchanged_one_is_not(store, workspace):
    history = History(store)
    assert history.versions(workspace.id, "A") == []  # nothing recorded yet: no table needed
    first = history.record(workspace.id, "A", "Beste mevrouw,", reach=40.0, scores={"zz": 30.0})
    assert history.record(workspace.id, "A", "Beste mevrouw,", reach=40.0) is None
    history.record(workspace.id, "A", "Beste mevrouw Jansen,", reach=55.5, scores={"zz": 61.0})
    history.record(workspace.id, "B", "Hallo,")
    versions = history.versions(workspace.id, "A")
    assert [v.text for v in versions] == ["Beste mevrouw,", "Beste mevrouw Jansen,"]
    assert versions[-1].reach == 55.5 and versions[-1].scores == {"zz": 61.0}
    assert history.version(first.id).text == "Beste mevrouw,"
    assert [v.text for v in history.versions(workspace.id, "B")] == ["Hallo,"]


def test_versions_survive_a_new_store_on_the_same_file(db, store, workspace):
    History(store).record(workspace.id, "A", "Eerste tekst")
    assert [v.text for v in History(Store(db)).versions(workspace.id, "A")] == ["Eerste tekst"]


def test_an_empty_first_text_is_no_version_but_emptying_a_letter_is(store, workspace):
    history = History(store)
    assert history.record(workspace.id, "A", "  ") is None
    history.record(workspace.id, "A", "Tekst")
    assert history.record(workspace.id, "A", "") is not None  # clearing is a change worth undoing


def test_only_the_newest_versions_are_kept(store, workspace, monkeypatch):
    monkeypatch.setattr(history_module, "KEEP", 3)
    history = History(store)
    for n in range(6):
        history.record(workspace.id, "A", f"Versie {n}")
    assert [v.text for v in history.versions(workspace.id, "A")] == ["Versie 3", "Versie 4", "Versie 5"]


def test_a_missing_version_is_a_key_error(store):
    with pytest.raises(KeyError):
        History(store).version(12345)


def test_choices_are_remembered_per_workspace(store, workspace):
    history = History(store)
    other = store.create_workspace("Ander")
    history.remember(workspace.id, {"scenario": "huur", "view": "compare", "shares": {"zz": 30}})
    history.remember(workspace.id, {"scenario": "energie", "view": "write", "shares": {}})
    assert history.choices(workspace.id)["scenario"] == "energie"
    assert history.choices(other.id) == {}
