"""Workspaces survive a refresh or restart; last-opened; validation; the data directory."""
import dataclasses
import sqlite3

import pytest

from outreach.letters import MAX_CHARS
from outreach.store import (DB_NAME, InvalidWorkspace, Store, StoreError, Variant, WorkspaceNotFound,
                            default_path)


def test_a_new_workspace_has_two_empty_variants(store):
    ws = store.create_workspace("Nieuw")
    assert ws.version == 1 and [v.text for v in ws.variants] == ["", ""]
    assert len({v.name for v in ws.variants}) == 2


def test_saved_work_is_there_after_a_restart(db, store, workspace):
    exercise = {"problem": "Mensen reageren niet", "stakeholders": "Woonstichting, gemeente",
                "mechanism": "Vertrouwen", "design_question": "Hoe nodigen we uit?"}
    changed = dataclasses.replace(workspace, name="Huur, versie 2", exercise=exercise,
                                  variants=(Variant("Warm", "Beste mevrouw Jansen,"),
                                            Variant("Kort", "Hallo"), Variant("Derde", "Tekst")))
    assert store.save(changed, expected_version=1) == 2
    store.mark_opened(workspace.id)

    fresh = Store(db)  # a page refresh or a restart of the app
    loaded = fresh.load(workspace.id)
    assert loaded.name == "Huur, versie 2" and loaded.version == 2
    assert loaded.variants == changed.variants and loaded.exercise == exercise
    assert fresh.last_opened() == workspace.id
    assert [s.id for s in fresh.list_workspaces()] == [workspace.id]
    assert fresh.list_workspaces()[0].variant_count == 3


def test_last_opened_is_none_until_marked_and_after_delete(store, workspace):
    assert store.last_opened() is None
    store.mark_opened(workspace.id)
    assert store.last_opened() == workspace.id
    assert store.delete(workspace.id) is True
    assert store.last_opened() is None
    assert store.delete(workspace.id) is False
    with pytest.raises(WorkspaceNotFound):
        store.load(workspace.id)


def test_list_shows_the_most_recently_changed_first(store, workspace):
    other = store.create_workspace("Energie")
    assert [s.name for s in store.list_workspaces()] == ["Energie", "Huurachterstand"]
    store.save(workspace, expected_version=1)
    assert [s.name for s in store.list_workspaces()] == ["Huurachterstand", "Energie"]
    assert other.id in {s.id for s in store.list_workspaces()}


def test_long_letters_and_odd_characters_are_stored_exactly(store, workspace):
    text = "Ä ë 💶 <script>alert(1)</script> \u0000 ' \" ; DROP TABLE variants; --\n" * 10
    ws = dataclasses.replace(workspace, variants=(Variant("A", text), Variant("B", "x" * MAX_CHARS)))
    store.save(ws, expected_version=1)
    assert store.load(workspace.id).variants == ws.variants


@pytest.mark.parametrize("change", [
    {"variants": (Variant("A", ""),)},
    {"variants": tuple(Variant(str(i), "") for i in range(5))},
    {"variants": (Variant("A", ""), Variant("A", ""))},
    {"variants": (Variant("A", "x" * (MAX_CHARS + 1)), Variant("B", ""))},
    {"variants": (Variant("x" * 81, ""), Variant("B", ""))},
    {"variants": (Variant("", ""), Variant("B", ""))},
    {"name": "x" * 81},
    {"name": "  "},
    {"exercise": {"problem": "ok", "onbekend": "x"}},
    {"exercise": {"problem": 3}},
])
def test_content_over_the_limits_is_refused_and_nothing_changes(store, workspace, change):
    with pytest.raises(InvalidWorkspace) as err:
        store.save(dataclasses.replace(workspace, **change), expected_version=1)
    assert str(err.value)
    assert store.load(workspace.id) == workspace


def test_saving_a_deleted_workspace_says_so(store, workspace):
    store.delete(workspace.id)
    with pytest.raises(WorkspaceNotFound):
        store.save(workspace, expected_version=1)
    with pytest.raises(WorkspaceNotFound):
        store.mark_opened(workspace.id)


def test_data_dir_comes_from_the_environment_and_is_created(tmp_path, monkeypatch):
    target = tmp_path / "ergens" / "data"
    monkeypatch.setenv("OUTREACH_DATA_DIR", str(target))
    assert default_path() == target / DB_NAME
    store = Store()
    store.create_workspace("Test")
    assert (target / DB_NAME).is_file()


def test_the_database_uses_wal_and_a_busy_timeout(db, store):
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_database_held_by_another_process_says_busy_and_is_not_read_around(db, store, workspace,
                                                                             monkeypatch):
    """Past the busy timeout the page says "bezet" and tries again later; it does not fall back to
    a read-only or immutable connection (those are for folders that cannot be written)."""
    import outreach.store as store_module

    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(store_module.StorageBusy) as err:
            store.list_workspaces()
        assert "bezet" in str(err.value) and not store.read_only
    finally:
        holder.close()
    assert [w.id for w in store.list_workspaces()] == [workspace.id]


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path):
    broken = tmp_path / "kapot.sqlite3"
    broken.write_bytes(b"dit is geen database" * 100)
    with pytest.raises(StoreError) as err:
        Store(broken)
    assert "opslag" in str(err.value)
