"""Optimistic locking, two writers at once, and a crash in the middle of a save."""
import dataclasses
import subprocess
import sys
import threading

import pytest

import outreach.store as store_module
from outreach.store import ConflictError, Store, Variant
from tests.conftest import ROOT


def _with_text(ws, text):
    return dataclasses.replace(ws, variants=(Variant("A", text), ws.variants[1]))


def test_a_save_on_an_old_version_is_a_conflict_with_both_versions(store, workspace):
    first = store.load(workspace.id)
    second = store.load(workspace.id)
    store.save(_with_text(first, "van Anna"), expected_version=first.version)
    with pytest.raises(ConflictError) as err:
        store.save(_with_text(second, "van Bram"), expected_version=second.version)
    assert err.value.mine.variants[0].text == "van Bram" and err.value.mine.version == 1
    assert err.value.theirs.variants[0].text == "van Anna" and err.value.theirs.version == 2
    assert "opgeslagen" in str(err.value)
    assert store.load(workspace.id).variants[0].text == "van Anna"
    # Bram chooses his own text after seeing both: a save on the version he now knows succeeds.
    assert store.save(err.value.mine, expected_version=err.value.theirs.version) == 3
    assert store.load(workspace.id).variants[0].text == "van Bram"


def test_two_writers_in_threads_one_wins_the_other_gets_both_versions(db, workspace):
    barrier = threading.Barrier(2)
    outcome: dict[str, object] = {}

    def writer(who: str) -> None:
        own = Store(db)  # each writer has its own Store, as two browser sessions would
        ws = own.load(workspace.id)
        barrier.wait()
        try:
            outcome[who] = own.save(_with_text(ws, f"tekst van {who}"), expected_version=ws.version)
        except ConflictError as err:
            outcome[who] = err

    threads = [threading.Thread(target=writer, args=(who,)) for who in ("anna", "bram")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    conflicts = [v for v in outcome.values() if isinstance(v, ConflictError)]
    assert sorted(v for v in outcome.values() if isinstance(v, int)) == [2]
    assert len(conflicts) == 1
    conflict = conflicts[0]
    stored = Store(db).load(workspace.id)
    assert stored.version == 2
    assert conflict.theirs.variants[0].text == stored.variants[0].text
    # Nothing is lost: the loser's text travels with the conflict.
    assert {conflict.mine.variants[0].text, stored.variants[0].text} == {"tekst van anna", "tekst van bram"}


def test_many_saves_from_two_threads_all_land(db, store):
    spaces = [store.create_workspace(f"W{i}") for i in range(2)]
    errors: list[BaseException] = []

    def worker(ws) -> None:
        own = Store(db)
        try:
            for n in range(15):
                current = own.load(ws.id)
                own.save(_with_text(current, f"ronde {n}"), expected_version=current.version)
        except BaseException as err:  # noqa: BLE001 - collected and asserted below
            errors.append(err)

    threads = [threading.Thread(target=worker, args=(ws,)) for ws in spaces]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    for ws in spaces:
        loaded = store.load(ws.id)
        assert loaded.version == 16 and loaded.variants[0].text == "ronde 14"


def test_an_error_in_the_middle_of_a_save_leaves_the_previous_version(store, workspace, monkeypatch):
    real = store_module._replace_variants

    def crash(conn, workspace_id, variants):
        real(conn, workspace_id, variants[:1])  # half written
        raise RuntimeError("stroomstoring")

    monkeypatch.setattr(store_module, "_replace_variants", crash)
    with pytest.raises(RuntimeError):
        store.save(dataclasses.replace(workspace, name="Nieuw", variants=(Variant("X", "nieuw"),
                                                                          Variant("Y", "nieuw"))),
                   expected_version=1)
    monkeypatch.setattr(store_module, "_replace_variants", real)
    assert store.load(workspace.id) == workspace
    assert store.save(workspace, expected_version=1) == 2


CRASHING_SAVE = """
import dataclasses, os, sys
import outreach.store as s
store = s.Store(sys.argv[1])
ws = store.load(sys.argv[2])
real = s._replace_variants
def die(conn, workspace_id, variants):
    real(conn, workspace_id, variants)
    os._exit(9)  # the process dies before the commit, without any cleanup
s._replace_variants = die
store.save(dataclasses.replace(ws, variants=(s.Variant("X", "half"), s.Variant("Y", "half"))), 1)
"""


def test_a_process_killed_mid_save_leaves_the_previous_version(db, store, workspace):
    result = subprocess.run([sys.executable, "-c", CRASHING_SAVE, str(db), workspace.id], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 9, result.stderr
    after = Store(db).load(workspace.id)
    assert after == workspace
