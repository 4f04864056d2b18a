"""Nothing lost (AppTest, no browser): every change is a version with its scores, any version comes
back, and an example or an upload never overwrites a letter. The editor itself is tested in
Chromium (test_editor_browser.py); here the plain text box drives the same saving path."""
from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from outreach.history import History
from outreach.store import Store

from .conftest import APP, letter, letter_box, picker_key, slot_key


def start() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    assert not at.exception, at.exception
    return at


def type_into(at: AppTest, slot: str, text: str) -> None:
    letter_box(at, slot).input(text)
    at.run()
    assert not at.exception, at.exception


def versions(data_dir, name: str = "Variant A"):
    store = Store(data_dir / "outreach.sqlite3")
    ws = store.list_workspaces()[0]
    return History(store).versions(ws.id, name)


def test_every_change_is_a_version_with_its_scores(data_dir):
    at = start()
    type_into(at, "a", letter("threatening"))
    type_into(at, "a", letter("warm"))
    kept = versions(data_dir)
    assert [v.text for v in kept] == [letter("threatening"), letter("warm")]
    assert kept[1].reach > kept[0].reach  # the warm letter reaches more readers
    assert len(kept[0].scores) == 3
    at.segmented_control(key=slot_key(at, "a", "details.nl")).set_value("history").run()
    assert any("Geschiedenis van deze variant (2 versies)" in m.value for m in at.markdown)


def test_a_restored_version_is_back_in_the_editor_and_what_it_replaced_is_kept(data_dir):
    at = start()
    type_into(at, "a", letter("threatening"))
    type_into(at, "a", letter("warm"))
    first = versions(data_dir)[0]
    at.segmented_control(key=slot_key(at, "a", "details.nl")).set_value("history").run()
    at.selectbox(key=slot_key(at, "a", "history_pick")).set_value(first.id).run()
    at.button(key=slot_key(at, "a", "history_restore")).click().run()
    assert not at.exception
    assert letter_box(at, "a").value == letter("threatening")
    data = [e for e in at.get("bidi_component") if e.proto.id.endswith(slot_key(at, "a", "editor"))][0]
    assert json.loads(data.proto.json)["text"] == letter("threatening")  # the editor shows it
    texts = [v.text for v in versions(data_dir)]
    assert texts == [letter("threatening"), letter("warm"), letter("threatening")]
    assert Store(data_dir / "outreach.sqlite3").list_workspaces()[0].version >= 3  # saved, not only shown


def test_an_upload_into_a_letter_with_text_goes_into_a_new_variant(data_dir):
    at = start()
    type_into(at, "a", "Beste mevrouw,\n\nMijn eigen brief.\n")
    at.file_uploader(key=slot_key(at, "a", "upload")).set_value(("brief.txt", letter("warm").encode("utf-8"), "text/plain"))
    at.run()
    assert not at.exception
    assert at.session_state[slot_key(at, "a", "text")] == "Beste mevrouw,\n\nMijn eigen brief.\n"
    assert letter_box(at, "c").value == letter("warm")
    assert any("nieuwe variant" in s.value for s in at.success)
    saved = Store(data_dir / "outreach.sqlite3").list_workspaces()[0]
    assert saved.variant_count == 3


def test_with_four_variants_an_upload_replaces_but_the_old_text_is_a_version(data_dir):
    at = start()
    at.button(key="ui.variant_add").click().run()
    at.button(key="ui.variant_add").click().run()  # four variants: no room for another
    at.segmented_control(key="ui.variant.nl").set_value("a").run()
    type_into(at, "a", "Beste mevrouw,\n\nMijn eigen brief.\n")
    at.file_uploader(key=slot_key(at, "a", "upload")).set_value(("brief.txt", letter("warm").encode("utf-8"), "text/plain"))
    at.run()
    assert letter_box(at, "a").value == letter("warm")
    assert any("Uw vorige tekst is bewaard" in w.value for w in at.warning)
    assert "Beste mevrouw,\n\nMijn eigen brief.\n" in [v.text for v in versions(data_dir)]


def test_scenario_shares_and_language_come_back_after_a_refresh_and_the_address_decides_the_view(
        scenario_dirs, data_dir):
    at = start()
    at.selectbox(key="ui.scenario.nl").set_value("").run()
    at.number_input(key="ui.share.vertrouwende_volgers").set_value(50).run()
    at.number_input(key="ui.share.zorgvuldige_zelfredzamen").set_value(30).run()
    at.number_input(key="ui.share.voorzichtige_verbinders").set_value(20).run()
    at.switch_page("outreach/ui/pages/vergelijken.py").run()
    at.toggle(key="ui.lang_en").set_value(True).run()
    assert not at.exception

    again = start()  # a new session: a refresh, another tab, the next day
    assert again.selectbox(key="ui.scenario.en").value == ""
    assert again.number_input(key="ui.share.vertrouwende_volgers").value == 50
    assert again.number_input(key="ui.share.voorzichtige_verbinders").value == 20
    # the view is not remembered: the address decides, and a new session at "/" is Schrijven
    assert again.session_state["ui.view"] == "write"
    assert again.title[0].value == "How will your letter land?"


def test_each_workspace_keeps_its_own_scenario(scenario_dirs, data_dir):
    at = start()
    at.selectbox(key="ui.scenario.nl").set_value("").run()  # the first workspace: no scenario
    at.text_input(key="ui.ws_new_name").input("Tweede").run()
    at.button(key="ws.create").click().run()
    assert at.selectbox(key="ui.scenario.nl").value == ""
    at.selectbox(key="ui.scenario.nl").set_value("test_huur").run()  # the second: the test scenario
    first = [w for w in Store(data_dir / "outreach.sqlite3").list_workspaces() if w.name != "Tweede"][0]
    at.selectbox(key=picker_key(at)).set_value(first.id).run()
    assert at.selectbox(key="ui.scenario.nl").value == ""
