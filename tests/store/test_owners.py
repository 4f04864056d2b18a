"""Issue 14 in the store: owners and share links, unique names, one default workspace however many
first visits race, names without hidden characters, a damaged exercise, the schema migration."""
import dataclasses
import json
import sqlite3
import threading
from datetime import datetime, timezone

import pytest

from outreach.store import (LOCAL_OWNER, MIGRATIONS, ImportProblem, InvalidWorkspace, Store, Variant,
                            WorkspaceNotFound)

ANNA, BRAM = "o:anna", "o:bram"


def _export(name="Geïmporteerd", text="Beste lezer,"):
    return json.dumps({"format": "outreach-workspace", "schema": 1, "name": name, "exercise": None,
                       "variants": [{"name": "A", "text": text}, {"name": "B", "text": ""}]})


def _run(threads):
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads)


def test_names_are_unique_per_owner_on_create_and_import(store):
    first = store.create_workspace("Mijn brieven")
    assert store.create_workspace("Mijn brieven").name == "Mijn brieven (2)"
    assert store.import_json(_export("Mijn brieven")).name == "Mijn brieven (3)"
    assert store.create_workspace("Mijn brieven", owner=ANNA).name == "Mijn brieven"  # another owner
    assert store.load(first.id).name == "Mijn brieven"


def test_rename_to_a_taken_name_is_refused_in_dutch_and_changes_nothing(store):
    one, two = store.create_workspace("Huur"), store.create_workspace("Energie")
    with pytest.raises(InvalidWorkspace) as err:
        store.save(dataclasses.replace(two, name="Huur"), expected_version=two.version)
    assert "al een werkruimte met de naam 'Huur'" in str(err.value)
    assert store.load(two.id) == two and store.load(one.id) == one
    assert store.name_taken("Huur") and not store.name_taken("Huur", but=one.id)


def test_two_workspaces_with_the_same_name_stay_separate(db):
    """Made by two owners, then one shared with the other: same name, two ids, two texts."""
    store = Store(db)
    a = store.create_workspace("Brief", owner=ANNA)
    b = store.create_workspace("Brief", owner=BRAM)
    store.accept_share(store.share_token(a.id, ANNA), BRAM)
    listed = store.list_workspaces(BRAM)
    assert sorted((w.name, w.shared) for w in listed) == [("Brief", False), ("Brief", True)]
    store.save(dataclasses.replace(b, variants=(Variant("A", "van Bram"), b.variants[1])), b.version, BRAM)
    assert store.load(a.id).variants[0].text == "" and store.load(b.id).variants[0].text == "van Bram"


def test_each_owner_sees_only_their_own_workspaces_and_shared_ones(store):
    local = store.create_workspace("Van deze computer")
    anna = store.create_workspace("Van Anna", owner=ANNA)
    assert [w.id for w in store.list_workspaces(BRAM)] == []
    assert [w.id for w in store.list_workspaces()] == [local.id]  # local mode: the local owner
    with pytest.raises(WorkspaceNotFound):
        store.load(anna.id, BRAM)
    with pytest.raises(WorkspaceNotFound):
        store.save(anna, anna.version, BRAM)
    assert store.open_for(BRAM, "Mijn brieven", wanted=anna.id).id != anna.id  # not by guessing the id
    assert store.delete(anna.id, BRAM) is False and store.load(anna.id) == anna
    with pytest.raises(WorkspaceNotFound):
        store.share_token(anna.id, BRAM)  # only the owner makes a link

    token = store.share_token(anna.id, ANNA)
    assert store.share_token(anna.id, ANNA) == token
    assert store.accept_share(token, BRAM).id == anna.id
    assert anna.id in {w.id for w in store.list_workspaces(BRAM)}
    assert store.load(anna.id, BRAM).name == "Van Anna"
    assert store.delete(anna.id, BRAM) is True  # Bram takes it off his list only
    assert store.load(anna.id, ANNA).name == "Van Anna" and anna.id not in {w.id for w in store.list_workspaces(BRAM)}
    with pytest.raises(WorkspaceNotFound):
        store.accept_share("onbekend-token-van-twintig-tekens", BRAM)


def test_concurrent_first_visits_make_exactly_one_default_workspace(db):
    Store(db)
    barrier = threading.Barrier(12)
    opened: list[str] = []

    def visit(owner: str) -> None:
        own = Store(db)  # each visit its own Store, as separate processes would have
        barrier.wait()
        opened.append(own.open_for(owner, "Mijn brieven").id)

    _run([threading.Thread(target=visit, args=(LOCAL_OWNER if i % 2 else ANNA,)) for i in range(12)])
    assert len(opened) == 12
    for owner in (LOCAL_OWNER, ANNA):
        listed = Store(db).list_workspaces(owner)
        assert [w.name for w in listed] == ["Mijn brieven"]
        assert opened.count(listed[0].id) == 6


def test_eight_concurrent_sessions_each_type_in_their_own_workspace(db):
    Store(db)
    barrier = threading.Barrier(8)
    made: dict[int, str] = {}
    errors: list[BaseException] = []

    def session(n: int) -> None:
        try:
            own = Store(db)
            barrier.wait()
            ws = own.create_workspace("Mijn brieven")  # all the same name at the same moment
            made[n] = ws.id
            for keystroke in range(1, 11):
                current = own.load(ws.id)
                text = f"Sessie {n}: " + "x" * keystroke
                own.save(dataclasses.replace(current, variants=(Variant("Variant A", text), current.variants[1])),
                         expected_version=current.version)
        except BaseException as err:  # noqa: BLE001 - asserted below
            errors.append(err)

    _run([threading.Thread(target=session, args=(n,)) for n in range(8)])
    assert errors == []
    store = Store(db)
    assert len({store.load(i).name for i in made.values()}) == 8  # "Mijn brieven", "(2)" ... "(8)"
    for n, workspace_id in made.items():
        ws = store.load(workspace_id)
        assert ws.version == 11 and ws.variants[0].text == f"Sessie {n}: " + "x" * 10


@pytest.mark.parametrize("name", ["Brief\u202eftel", "Brief\u2066x\u2069", "Bri\u200bef", "Brief\ufeff",
                                  "Brief\ud800", "Brief\x1b[31m"])
def test_names_with_hidden_characters_are_refused(store, name):
    with pytest.raises(InvalidWorkspace):
        store.create_workspace(name)
    with pytest.raises(InvalidWorkspace):
        store.create_workspace("Goed", variants=[Variant(name, ""), Variant("B", "")])
    with pytest.raises(ImportProblem) as err:
        store.import_json(_export(name))
    assert "niets veranderd" in str(err.value)
    assert store.list_workspaces() == []


def test_a_lone_surrogate_in_an_import_gets_a_dutch_message(store):
    for document in (_export("Brief\ud800"), _export(text="Tekst \udc00 hier")):
        escaped = json.dumps(json.loads(document))  # the file holds "\ud800" as a JSON escape
        with pytest.raises(ImportProblem) as err:
            store.import_json(escaped.encode("ascii"))
        assert "losse surrogaat" in str(err.value)
        str(err.value).encode("utf-8")  # the message itself can be shown (no surrogate in it)
    raw = _export().replace('"B"', '"\\udfff"').encode()
    with pytest.raises(ImportProblem):
        store.import_json(raw)
    assert store.list_workspaces() == []


def test_markdown_and_icon_syntax_in_names_is_kept_as_text(store):
    ws = store.create_workspace(":material/home: **vet** [x](http://example.org)")
    assert store.load(ws.id).name == ":material/home: **vet** [x](http://example.org)"


@pytest.mark.parametrize("stored", ["{kapot", "[1, 2]", '"tekst"', '{"problem": 5}'])
def test_a_damaged_exercise_in_the_database_does_not_break_load(db, store, workspace, stored):
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE workspaces SET exercise = ? WHERE id = ?", (stored, workspace.id))
    loaded = store.load(workspace.id)
    assert loaded.exercise is None and loaded.variants == workspace.variants
    assert json.loads(store.export_json(workspace.id))["exercise"] is None


def test_migration_three_keeps_the_data_gives_it_to_the_local_owner_and_dedupes_names(db):
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for statement in MIGRATIONS[0] + MIGRATIONS[1]:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (2)")
        conn.execute("INSERT INTO workspaces VALUES ('w1', 'Brief', 3, NULL, '2024-01-01', '2024-01-01')")
        conn.execute("INSERT INTO workspaces VALUES ('w2', 'Brief', 1, NULL, '2024-02-01', '2024-02-01')")
        conn.execute("INSERT INTO variants VALUES ('w1', 0, 'A', 'een'), ('w1', 1, 'B', ''), "
                     "('w2', 0, 'A', 'twee'), ('w2', 1, 'B', '')")
        conn.execute("INSERT INTO settings VALUES ('last_opened', 'w2')")
    conn.close()
    store = Store(db)
    assert store.load("w1").name == "Brief" and store.load("w2").name == "Brief (2)"
    assert store.load("w1").owner == LOCAL_OWNER and store.load("w2").variants[0].text == "twee"
    assert store.last_opened() == "w2"
    assert store.list_workspaces(ANNA) == []


def _expire(db, workspace_id: str) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE workspaces SET share_expires = '2000-01-01T00:00:00+00:00' WHERE id = ?",
                     (workspace_id,))


def test_a_share_link_works_for_seven_days_then_says_it_expired_and_a_new_one_can_be_made(store, db):
    anna = store.create_workspace("Van Anna", owner=ANNA)
    token = store.share_token(anna.id, ANNA)
    days = (store.share_expires(anna.id) - datetime.now(timezone.utc)).total_seconds() / 86400
    assert 6.99 < days <= 7
    _expire(db, anna.id)
    assert store.share_expires(anna.id) is None
    with pytest.raises(WorkspaceNotFound, match="verlopen"):
        store.accept_share(token, BRAM)
    assert store.list_workspaces(BRAM) == []
    fresh = store.share_token(anna.id, ANNA)  # asking again after expiry: a new link
    assert fresh != token and store.accept_share(fresh, BRAM).id == anna.id


@pytest.mark.parametrize(("setting", "days"), [("1", 1), ("0.5", 0.5), ("30", 30), ("0", 7), ("-3", 7),
                                               ("nan", 7), ("1000", 7), ("zeven", 7)])
def test_the_link_lifetime_is_configurable_and_nonsense_means_seven_days(store, monkeypatch, setting, days):
    monkeypatch.setenv("OUTREACH_SHARE_DAYS", setting)
    anna = store.create_workspace("Van Anna", owner=ANNA)
    store.share_token(anna.id, ANNA)
    left = (store.share_expires(anna.id) - datetime.now(timezone.utc)).total_seconds() / 86400
    assert days - 0.01 < left <= days


def test_revoking_a_share_ends_the_link_and_the_access_it_gave(store):
    anna = store.create_workspace("Van Anna", owner=ANNA)
    token = store.share_token(anna.id, ANNA)
    store.accept_share(token, BRAM)
    with pytest.raises(WorkspaceNotFound):
        store.revoke_share(anna.id, BRAM)  # only the owner
    store.revoke_share(anna.id, ANNA)
    assert store.list_workspaces(BRAM) == [] and store.share_expires(anna.id) is None
    with pytest.raises(WorkspaceNotFound, match="ingetrokken"):
        store.accept_share(token, BRAM)
    with pytest.raises(WorkspaceNotFound):
        store.load(anna.id, BRAM)
    assert store.load(anna.id, ANNA).name == "Van Anna"
