"""The code creates and migrates its own schema, in order, idempotently."""
import sqlite3

import pytest

from outreach.store import MIGRATIONS, SCHEMA_VERSION, Store, StoreError, migrate


def _tables(db):
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _version(db):
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT version FROM schema_version").fetchall()


def test_an_empty_file_gets_the_whole_schema(db):
    db.touch()
    Store(db)
    assert {"schema_version", "workspaces", "variants", "settings"} <= _tables(db)
    assert _version(db) == [(SCHEMA_VERSION,)]


def test_opening_again_and_migrating_again_changes_nothing(db, store, workspace):
    Store(db)
    Store(db)
    conn = sqlite3.connect(db)
    with conn:
        assert migrate(conn) == SCHEMA_VERSION
        assert migrate(conn) == SCHEMA_VERSION
    conn.close()
    assert _version(db) == [(SCHEMA_VERSION,)]
    assert Store(db).load(workspace.id) == workspace


def test_an_older_database_is_migrated_and_keeps_its_data(db):
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for statement in MIGRATIONS[0]:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (1)")
        conn.execute("INSERT INTO workspaces VALUES ('w1', 'Oud', 3, NULL, '2024-01-01', '2024-01-01')")
        conn.execute("INSERT INTO variants VALUES ('w1', 0, 'A', 'Brief A'), ('w1', 1, 'B', 'Brief B')")
    conn.close()
    store = Store(db)
    assert _version(db) == [(SCHEMA_VERSION,)]
    old = store.load("w1")
    assert old.version == 3 and [v.text for v in old.variants] == ["Brief A", "Brief B"]
    store.mark_opened("w1")  # the settings table came with migration 2
    assert store.last_opened() == "w1"


def test_a_database_from_a_newer_version_is_refused(db):
    Store(db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError) as err:
        Store(db)
    assert "nieuwere versie" in str(err.value)
