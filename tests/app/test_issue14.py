"""Issue 14 through the page (AppTest): workspaces by id, storage that cannot be written, names
with odd characters, and shared mode (access code, own workspaces only, share links)."""
from __future__ import annotations

import dataclasses
import json
import threading

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import outreach.store as store_module
from outreach.store import LOCAL_OWNER, Store, Variant, owner_of_key
from outreach.ui.workspace import editor_key

from .conftest import APP, letter_box, picker_key, slot_key
from .test_app import errors, plain
from .test_workspace import downloads, run, start, store, type_in  # noqa: F401 (fixture)

CODE = "geheime-code-123"
# AppTest itself is not thread-safe (its script runs share process-wide state), so threads take
# turns per rerun: the sessions still interleave the way browser tabs do; the store's own races
# (no lock at all) are tested in tests/store/test_owners.py.
APPTEST_TURN = threading.Lock()


def turn(at: AppTest) -> None:
    with APPTEST_TURN:
        at.run()


def picker(at: AppTest):
    return at.selectbox(key=picker_key(at))


def new_workspace(at: AppTest, name: str) -> AppTest:
    at.text_input(key="ui.ws_new_name").input(name)
    at.button(key="ws.create").click()
    return run(at)


# --- workspaces by id ---------------------------------------------------------------------------

def test_new_then_typing_saves_into_the_new_workspace_and_pending_text_stays_in_the_old(data_dir):
    at = start()
    first = store(data_dir).last_opened()
    letter_box(at, "a").input("Tekst voor de eerste.")  # typed, then straight to "Maken"
    new_workspace(at, "Tweede")
    second = store(data_dir).last_opened()
    assert second != first and letter_box(at, "a").value == ""
    type_in(at, "a", "Tekst voor de tweede.")
    assert store(data_dir).load(second).variants[0].text == "Tekst voor de tweede."
    assert store(data_dir).load(first).variants[0].text == "Tekst voor de eerste."


def test_two_workspaces_with_the_same_name_stay_separate_when_typing(data_dir):
    at = start()
    first = store(data_dir).last_opened()
    type_in(at, "a", "Brief een.")
    new_workspace(at, "Mijn brieven")  # the default's name: the store makes it "Mijn brieven (2)"
    second = store(data_dir).last_opened()
    assert store(data_dir).load(second).name == "Mijn brieven (2)"
    # Force equal names (an old database, a shared workspace): the picker still tells them apart.
    with store_module.sqlite3.connect(data_dir / "outreach.sqlite3") as conn:
        conn.execute("DROP INDEX workspaces_owner_name")
        conn.execute("UPDATE workspaces SET name = 'Mijn brieven'")
    type_in(at, "a", "Brief twee.")
    labels = list(picker(at).proto.options)  # what the browser shows and sends back
    assert len(labels) == 2 and len(set(labels)) == 2
    picker(at).set_value(first)
    run(at)
    assert letter_box(at, "a").value == "Brief een."
    type_in(at, "a", "Brief een, aangepast.")
    picker(at).set_value(second)
    run(at)
    assert letter_box(at, "a").value == "Brief twee."
    assert store(data_dir).load(first).variants[0].text == "Brief een, aangepast."
    assert store(data_dir).load(second).variants[0].text == "Brief twee."


def test_text_for_the_old_workspace_arriving_after_a_switch_goes_into_the_old_one(data_dir):
    """A widget state of workspace A's editor that arrives once the page shows B (committed just
    before the switch) is saved into A, said on the page, and never shown or saved as B's."""
    at = start()
    first = store(data_dir).last_opened()
    type_in(at, "a", "Brief een.")
    new_workspace(at, "Tweede")
    second = store(data_dir).last_opened()
    # the late state of A's editor component (what the browser sent after the switch)
    at.session_state[editor_key(first, "a", "editor")] = {"text": "Brief een, nog net getypt."}
    run(at)
    assert store(data_dir).load(first).variants[0].text == "Brief een, nog net getypt."
    assert store(data_dir).load(second).variants[0].text == ""
    assert letter_box(at, "a").value == ""
    assert "nog typte, is bewaard in werkruimte Mijn brieven" in " ".join(i.value for i in at.info)
    # Changed meanwhile in another tab: the late text becomes a copy, theirs stays.
    other = store(data_dir).load(first)
    store(data_dir).save(dataclasses.replace(other, variants=(Variant("Variant A", "Van de andere tab."),
                                                              other.variants[1])), other.version)
    at.session_state[editor_key(first, "a", "editor")] = {"text": "Brief een, nog later getypt."}
    run(at)
    assert store(data_dir).load(first).variants[0].text == "Van de andere tab."
    copy = [w for w in store(data_dir).list_workspaces() if w.id not in (first, second)]
    assert [store(data_dir).load(copy[0].id).variants[0].text] == ["Brief een, nog later getypt."]
    assert store(data_dir).load(second).variants[0].text == ""


def test_a_stale_plain_text_value_after_a_switch_never_overwrites_the_saved_letter(data_dir):
    """The browser sends every widget's state with each request, also the plain text box's value
    from before the last save. Arriving after a switch it is not typing: the saved letter stays
    (under load this once emptied a workspace the advisor had just written)."""
    at = start()
    first = store(data_dir).last_opened()
    type_in(at, "a", "Brief een, bewaard.")
    new_workspace(at, "Tweede")
    at.session_state[editor_key(first, "a", "text")] = ""  # the text box's stale value
    run(at)
    assert store(data_dir).load(first).variants[0].text == "Brief een, bewaard."
    assert not any("nog typte" in i.value for i in at.info)


def test_rename_to_an_existing_name_is_refused_in_dutch(data_dir):
    at = start()
    new_workspace(at, "Energie")
    at.text_input(key="ui.ws_rename").input("Mijn brieven")
    at.button(key="ws.rename").click()
    run(at)
    assert any("al een werkruimte met de naam Mijn brieven" in e for e in errors(at))
    assert sorted(w.name for w in store(data_dir).list_workspaces()) == ["Energie", "Mijn brieven"]


def test_concurrent_first_visits_through_the_page_make_one_default(data_dir):
    Store(data_dir / "outreach.sqlite3")
    pages: list[AppTest] = []
    barrier = threading.Barrier(4)

    def visit() -> None:
        at = AppTest.from_file(APP, default_timeout=120)
        barrier.wait()
        turn(at)
        pages.append(at)

    threads = [threading.Thread(target=visit) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=240)
    assert len(pages) == 4 and not any(p.exception for p in pages)
    assert [w.name for w in store(data_dir).list_workspaces()] == ["Mijn brieven"]


def test_eight_sessions_each_create_a_workspace_and_type(data_dir):
    """Eight AppTest sessions at once (threads): each makes its own workspace and types in it."""
    Store(data_dir / "outreach.sqlite3")
    barrier = threading.Barrier(8)
    results: dict[int, str] = {}
    failures: list[BaseException] = []

    def session(n: int) -> None:
        try:
            at = AppTest.from_file(APP, default_timeout=240)
            turn(at)
            barrier.wait()
            at.text_input(key="ui.ws_new_name").input(f"Sessie {n}")
            at.button(key="ws.create").click()
            turn(at)
            for words in (f"Beste mevrouw {n},", f"Beste mevrouw {n},\n\nWij helpen graag."):
                assert at.text_area, (n, at.exception, [e.value for e in at.error], [m.value for m in at.main])
                letter_box(at, "a").input(words)
                turn(at)
            assert not at.exception, at.exception
            results[n] = letter_box(at, "a").value
        except BaseException as err:  # noqa: BLE001 - asserted below
            failures.append(err)

    threads = [threading.Thread(target=session, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    assert failures == [] and len(results) == 8
    saved = {w.name: store(data_dir).load(w.id).variants[0].text for w in store(data_dir).list_workspaces()}
    for n in range(8):
        assert saved[f"Sessie {n}"] == f"Beste mevrouw {n},\n\nWij helpen graag."


# --- storage that cannot be written -------------------------------------------------------------

@pytest.fixture()
def read_only(monkeypatch):
    """Every write connection becomes a read-only one: SQLite's own 'readonly database' error."""
    real = store_module._open

    def opener(path, mode=""):
        return real(path, mode or "ro")

    def set_(on: bool) -> None:
        monkeypatch.setattr(store_module, "_open", opener if on else real)
    return set_


def test_typing_while_storage_is_read_only_is_kept_and_saved_when_it_returns(data_dir, read_only, downloads):
    at = type_in(start(), "a", "Beste mevrouw,\n\nEerste versie.\n")
    ws_id = store(data_dir).last_opened()
    read_only(True)
    type_in(at, "a", "Beste mevrouw,\n\nTweede versie, nog niet bewaard.\n")
    notice = [plain(w.value) for w in at.warning if "nog niet bewaard" in plain(w.value)]
    assert notice and "gegevensmap" in notice[0] and "/" not in notice[0]
    assert not at.error and letter_box(at, "a").value.endswith("nog niet bewaard.\n")
    assert json.loads(downloads["application/json"])["variants"][0]["text"].endswith("Eerste versie.\n")  # export
    type_in(at, "a", "Beste mevrouw,\n\nDerde versie.\n")  # more typing, still offline
    assert any("nog niet bewaard" in plain(w.value) for w in at.warning)

    read_only(False)
    run(at)
    assert store(data_dir).load(ws_id).variants[0].text == "Beste mevrouw,\n\nDerde versie.\n"
    assert not any("nog niet bewaard" in plain(w.value) for w in at.warning)


def test_a_new_session_on_read_only_storage_opens_the_workspace(data_dir, read_only):
    type_in(start(), "a", "Beste mevrouw,\n\nBewaard.\n")
    read_only(True)
    st.cache_resource.clear()  # a restart while the folder is read-only
    again = start()
    assert letter_box(again, "a").value == "Beste mevrouw,\n\nBewaard.\n"
    assert not again.error


def test_the_offline_notice_shows_no_absolute_path(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("OUTREACH_DATA_DIR", str(blocker / "data"))
    at = start()
    shown = " ".join(plain(w.value) for w in at.warning)
    assert "gegevensmap" in shown and str(tmp_path) not in shown


# --- names and imports --------------------------------------------------------------------------

def test_hidden_characters_are_stripped_and_markdown_in_names_is_literal(data_dir):
    at = start()
    new_workspace(at, "Huur\u202e\u200b :material/home: **vet**\u2066")
    ws = store(data_dir).load(store(data_dir).last_opened())
    assert ws.name == "Huur :material/home: **vet**"
    created = [s.value for s in at.success if "gemaakt" in s.value]
    assert created and "\\:material/home\\:" in created[0] and "\\*\\*vet\\*\\*" in created[0]


def test_a_lone_surrogate_in_an_imported_file_gets_a_dutch_message(data_dir):
    at = start()
    payload = ('{"format": "outreach-workspace", "schema": 1, "name": "X\\ud800", "exercise": null, '
               '"variants": [{"name": "A", "text": "a"}, {"name": "B", "text": "b"}]}').encode()
    at.file_uploader(key="ws.import.0").set_value(("kapot.json", payload, "application/json"))
    run(at)
    assert any("losse surrogaat" in e and "niets veranderd" in e for e in errors(at))
    assert len(store(data_dir).list_workspaces()) == 1


# --- shared mode --------------------------------------------------------------------------------

@pytest.fixture()
def shared(monkeypatch):
    monkeypatch.setenv("OUTREACH_MODE", "shared")
    monkeypatch.setenv("OUTREACH_ACCESS_CODE", CODE)


def enter(at: AppTest, code: str) -> AppTest:
    at.text_input(key="auth.code").input(code)
    at.button(key="auth.enter").click()
    return run(at)


def test_shared_mode_refuses_without_the_right_code(shared, data_dir):
    at = run(AppTest.from_file(APP, default_timeout=60))
    assert not at.text_area and at.text_input(key="auth.code")
    enter(at, "fout")
    assert any("klopt niet" in e for e in errors(at)) and not at.text_area
    assert not (data_dir / "outreach.sqlite3").exists() or store(data_dir).list_workspaces(LOCAL_OWNER) == []
    enter(at, CODE)
    assert letter_box(at, "a") and "sleutel" in at.query_params


def test_shared_mode_shows_each_person_only_their_own_workspaces(shared, data_dir):
    local = Store(data_dir / "outreach.sqlite3").create_workspace("Van de beheerder")
    anna = enter(run(AppTest.from_file(APP, default_timeout=60)), CODE)
    type_in(anna, "a", "Brief van Anna.")
    bram = enter(run(AppTest.from_file(APP, default_timeout=60)), CODE)
    assert letter_box(bram, "a").value == ""  # nobody lands on someone else's letter
    key_anna, key_bram = anna.query_params["sleutel"], bram.query_params["sleutel"]
    assert key_anna != key_bram
    anna_ids = {w.id for w in store(data_dir).list_workspaces(owner_of_key(key_anna))}
    bram_ids = {w.id for w in store(data_dir).list_workspaces(owner_of_key(key_bram))}
    assert len(anna_ids) == len(bram_ids) == 1 and anna_ids.isdisjoint(bram_ids | {local.id})
    assert picker(anna).value in anna_ids and picker(bram).value in bram_ids
    assert len(picker(bram).options) == 1 and "beheerder" not in " ".join(picker(bram).options)

    again = AppTest.from_file(APP, default_timeout=60)  # Anna refreshes: same key, no code asked
    again.query_params["sleutel"] = key_anna
    run(again)
    assert letter_box(again, "a").value == "Brief van Anna."

    stranger = AppTest.from_file(APP, default_timeout=60)  # a made-up key still needs the code
    stranger.query_params["sleutel"] = "x" * 32
    run(stranger)
    assert not stranger.text_area and stranger.text_input(key="auth.code")


def test_a_share_link_adds_one_workspace_to_someone_elses_list(shared, data_dir):
    anna = enter(run(AppTest.from_file(APP, default_timeout=60)), CODE)
    type_in(anna, "a", "Gedeelde brief.")
    anna.button(key="ws.share").click()
    run(anna)
    link = [c.value for c in anna.code if "?deel=" in c.value][0]
    assert "sleutel" not in link
    bram = AppTest.from_file(APP, default_timeout=60)
    bram.query_params["deel"] = link.split("?deel=", 1)[1]
    enter(run(bram), CODE)
    assert letter_box(bram, "a").value == "Gedeelde brief."
    assert any("gedeelde werkruimte" in plain(s.value) for s in bram.success)
    assert "deel" not in bram.query_params


def test_an_expired_or_revoked_share_link_says_so_in_dutch(shared, data_dir):
    anna = enter(run(AppTest.from_file(APP, default_timeout=60)), CODE)
    type_in(anna, "a", "Gedeelde brief.")
    anna.button(key="ws.share").click()
    run(anna)
    token = [c.value for c in anna.code if "?deel=" in c.value][0].split("?deel=", 1)[1]
    assert any("De link werkt tot " in plain(c.value) for c in anna.caption)
    with store_module.sqlite3.connect(data_dir / "outreach.sqlite3") as conn:
        conn.execute("UPDATE workspaces SET share_expires = '2000-01-01T00:00:00+00:00'")
    bram = AppTest.from_file(APP, default_timeout=60)
    bram.query_params["deel"] = token
    enter(run(bram), CODE)
    assert not bram.exception
    assert any("Deze deellink is verlopen. Vraag de eigenaar om een nieuwe link." in plain(e.value) for e in bram.error)
    assert letter_box(bram, "a").value == ""  # his own, empty workspace
    # A fresh link, opened, then revoked by Anna: Bram no longer sees it, the link says so.
    anna.button(key="ws.share").click()
    run(anna)
    token = [c.value for c in anna.code if "?deel=" in c.value][0].split("?deel=", 1)[1]
    carl = AppTest.from_file(APP, default_timeout=60)
    carl.query_params["deel"] = token
    enter(run(carl), CODE)
    assert letter_box(carl, "a").value == "Gedeelde brief."
    anna.button(key="ws.share_revoke").click()
    run(anna)
    assert any("Delen gestopt" in s.value for s in anna.success)
    carls = {w.id for w in store(data_dir).list_workspaces(carl.session_state["auth.owner"])}
    assert anna.session_state["ws.base"].id not in carls
    dave = AppTest.from_file(APP, default_timeout=60)
    dave.query_params["deel"] = token
    enter(run(dave), CODE)
    assert any("ingetrokken" in plain(e.value) for e in dave.error) and not dave.exception


def test_an_example_choice_lost_in_a_switch_falls_back_to_the_first_example(data_dir, scenario_dirs):
    """A late widget state can leave the example choice of the open workspace empty: the page
    shows the first example in the picker instead of crashing (seen with eight browsers at once)."""
    at = start()
    at.session_state[slot_key(at, "a", "example.test_huur")] = None
    run(at)
    assert not at.exception and letter_box(at, "a")
