"""Issues 5 and 6 through the page (AppTest, no browser): variants and their comparison, workspaces
kept in a real SQLite file (refresh, restart, conflicts, import/export), the report downloads,
and workshop mode. Every test keeps its database under tmp_path (conftest: OUTREACH_DATA_DIR)."""
from __future__ import annotations

import json
import re

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from outreach.store import Store

from .conftest import letter, letter_box, picker_key, slot_key
from .test_app import errors, plain, verdicts
from .test_app import start as start_app

ROW = re.compile(r'<tr[^>]*data-segment="([a-z_]+)" data-winner="([0-9]*)" data-tie="([0-9,]*)"')
FIXED = re.compile(r'<li class="oh-fixed[^"]*" data-rule="([^"]+)"')
INTRODUCED = re.compile(r'<li class="oh-introduced[^"]*" data-rule="([^"]+)"')


# --- helpers ------------------------------------------------------------------------------------

def start() -> AppTest:
    return start_app(timeout=60)  # workspace flows save to SQLite on every rerun: more time


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def type_in(at: AppTest, slot: str, text: str) -> AppTest:
    letter_box(at, slot).input(text)
    return run(at)


def options(at: AppTest) -> list[str]:
    """The variant names on the variant switch (labels are markdown-escaped)."""
    return [plain(o) for o in at.segmented_control(key="ui.variant.nl").options]


def choose_variant(at: AppTest, slot: str) -> AppTest:
    at.segmented_control(key="ui.variant.nl").set_value(slot)
    return run(at)


def view(at: AppTest, which: str) -> AppTest:
    """Open a view as its page in the top bar would (st.navigation; outreach/ui/pages/)."""
    from outreach.ui.view import VIEWS

    at.switch_page(f"outreach/ui/pages/{VIEWS[which]}.py")
    return run(at)


def html(at: AppTest) -> str:
    return "\n".join(h.value for h in at.html)


def winners(at: AppTest) -> dict[str, tuple[str, str]]:
    """Per comparison row (segment id or 'reach'): (winner index, tie indices)."""
    return {sid: (win, tie) for sid, win, tie in ROW.findall(html(at))}


def store(data_dir) -> Store:
    return Store(data_dir / "outreach.sqlite3")


def only_workspace(data_dir):
    listed = store(data_dir).list_workspaces()
    assert len(listed) == 1
    return store(data_dir).load(listed[0].id)


@pytest.fixture()
def downloads(monkeypatch):
    """Every file handed to a download button, by MIME type (last one wins)."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    saved: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def capture(self, path_or_data, mimetype, kind, filename=None):
        if isinstance(path_or_data, (bytes, bytearray)):
            saved[mimetype] = bytes(path_or_data)
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", capture)
    return saved


# --- A. variants and the comparison --------------------------------------------------------------

def test_a_second_variant_and_the_comparison_with_winners_and_a_fixed_threat():
    at = start()
    assert options(at) == ["Variant A", "Variant B"]
    type_in(at, "a", letter("threatening"))
    choose_variant(at, "b")
    type_in(at, "b", letter("warm"))
    assert len(verdicts(at)) == 3 and "turns_away" not in verdicts(at).values()  # B's own analysis
    overview = [h.value for h in at.html if 'class="oh-overview"' in h.value]
    assert overview and overview[0].count('class="oh-ov') >= 2  # both variants analysed at a glance

    view(at, "compare")
    rows = winners(at)
    assert set(rows) == {"vertrouwende_volgers", "zorgvuldige_zelfredzamen", "voorzichtige_verbinders", "reach"}
    assert all(win == "1" for win, _ in rows.values())  # B wins every segment and the reach
    page = html(at)
    assert 'data-reach-winner="Variant B"' in page
    fixed = FIXED.findall(page)
    assert any(rule.startswith("tone.threat.") for rule in fixed), fixed  # the threat is fixed, by rule
    assert not any(rule.startswith("tone.threat.") for rule in INTRODUCED.findall(page))
    assert '<div class="oh-diff" data-variant="1">' in page and "<del>" in page and "<ins>" in page
    specs = [json.dumps(json.loads(c.proto.spec), ensure_ascii=False) for c in at.get("vega_lite_chart")]
    grouped = [spec for spec in specs if '"yOffset"' in spec]
    assert len(grouped) == 1 and '["A · Variant A", "B · Variant B"]' in grouped[0]  # variants x segments
    assert not errors(at)


def test_equal_variants_are_called_a_tie():
    at = start()
    type_in(at, "a", letter("warm"))
    choose_variant(at, "b")
    type_in(at, "b", letter("warm") + "\n")
    view(at, "compare")
    rows = winners(at)
    assert all(win == "" and tie == "0,1" for win, tie in rows.values())
    assert "Op bereik is het gelijk tussen A, B." in html(at)


def test_compare_needs_two_letters():
    at = type_in(start(), "a", letter("warm"))
    view(at, "compare")
    assert any("minstens twee varianten" in i.value for i in at.info)
    assert any("Variant B is nog leeg" in plain(c.value) for c in at.caption)


def test_add_duplicate_rename_and_remove_variants(data_dir):
    at = type_in(start(), "a", letter("warm"))
    at.button(key="ui.variant_copy").click()
    run(at)
    assert options(at) == ["Variant A", "Variant B", "Variant A (kopie)"]
    assert letter_box(at, "c").value == letter("warm")
    at.button(key="ui.variant_add").click()
    run(at)
    names = [v.name for v in only_workspace(data_dir).variants]
    assert names == ["Variant A", "Variant B", "Variant A (kopie)", "Variant D"]  # named after its place
    assert at.button(key="ui.variant_add").disabled and at.button(key="ui.variant_copy").disabled  # four at most

    at.text_input(key="ui.variant_rename").input("Warm <b>*versie*</b>")
    at.button(key="ui.variant_rename_save").click()
    run(at)
    assert [v.name for v in only_workspace(data_dir).variants][-1] == "Warm <b>*versie*</b>"
    at.text_input(key="ui.variant_rename").input("Variant A")  # taken: refused with a message
    at.button(key="ui.variant_rename_save").click()
    run(at)
    assert any("al een variant met die naam" in e for e in errors(at))

    choose_variant(at, "c")
    at.button(key="ui.variant_remove").click()
    run(at)
    assert [v.name for v in only_workspace(data_dir).variants] == ["Variant A", "Variant B", "Warm <b>*versie*</b>"]
    assert at.segmented_control(key="ui.variant.nl").value == "d"  # the neighbour of the removed one
    type_in(at, "d", letter("warm"))
    view(at, "compare")
    assert "Warm &lt;b&gt;*versie*&lt;/b&gt;" in html(at) and "<b>*versie*</b>" not in html(at)


# --- B. keep: SQLite workspaces ------------------------------------------------------------------

def test_edits_are_saved_and_a_refresh_shows_the_same_text(data_dir):
    at = type_in(start(), "a", letter("warm"))
    assert (data_dir / "outreach.sqlite3").exists()
    saved = only_workspace(data_dir)
    assert saved.variants[0].text == letter("warm") and saved.version >= 2

    again = start()  # a browser refresh or a second tab: a new session
    assert letter_box(again, "a").value == letter("warm")
    assert len(verdicts(again)) == 3


def test_a_restart_reopens_the_last_opened_workspace(data_dir):
    at = type_in(start(), "a", "Beste mevrouw,\n\nDit is de eerste werkruimte.\n")
    first = only_workspace(data_dir).id
    at.text_input(key="ui.ws_new_name").input("Tweede brief")
    at.button(key="ws.create").click()
    run(at)
    assert letter_box(at, "a").value == ""
    type_in(at, "a", "Beste meneer,\n\nDit is de tweede.\n")  # the second is now the newest ...
    at.selectbox(key=picker_key(at)).set_value(first)  # ... but the first is opened last
    run(at)
    assert letter_box(at, "a").value.endswith("Dit is de eerste werkruimte.\n")

    st.cache_resource.clear()  # a restart: a new store instance, a new session
    again = start()
    assert letter_box(again, "a").value.endswith("Dit is de eerste werkruimte.\n")
    assert again.selectbox(key=picker_key(again)).value == first


def _conflict() -> tuple[AppTest, AppTest]:
    """Two sessions on one workspace; the second saves over a version the first already replaced."""
    one, two = start(), start()
    type_in(one, "a", "Beste mevrouw,\n\nVersie van venster een.\n")
    type_in(two, "a", "Beste mevrouw,\n\nVersie van venster twee.\n")
    return one, two


def test_a_conflicting_save_is_detected_and_both_versions_are_offered(data_dir):
    one, two = _conflict()
    assert any("intussen in een ander venster" in plain(w.value) for w in two.warning)
    assert only_workspace(data_dir).variants[0].text.endswith("venster een.\n")  # nothing overwritten
    shown = html(two)
    assert "<del>een</del>" in shown and "<ins>twee</ins>" in shown  # both versions, word by word
    for key in ("ws.conflict_mine", "ws.conflict_theirs", "ws.conflict_both"):
        assert two.button(key=key)
    choose_variant(two, "b")
    type_in(two, "b", "Nog een wijziging.\n")  # still not saved while the choice is open
    assert only_workspace(data_dir).variants[1].text == ""

    two.button(key="ws.conflict_both").click()
    run(two)
    ws = only_workspace(data_dir)
    assert [v.name for v in ws.variants] == ["Variant A", "Variant B", "Variant A (mijn versie)"]
    assert ws.variants[0].text.endswith("venster een.\n") and ws.variants[2].text.endswith("venster twee.\n")
    assert ws.variants[1].text == "Nog een wijziging.\n"
    assert not two.warning


def test_a_conflict_can_keep_mine_or_take_theirs(data_dir):
    one, two = _conflict()
    two.button(key="ws.conflict_mine").click()
    run(two)
    assert only_workspace(data_dir).variants[0].text.endswith("venster twee.\n")

    type_in(one, "a", "Beste mevrouw,\n\nNieuwe versie van venster een.\n")  # one is now behind
    assert any("intussen in een ander venster" in plain(w.value) for w in one.warning)
    one.button(key="ws.conflict_theirs").click()
    run(one)
    assert letter_box(one, "a").value.endswith("venster twee.\n")
    assert only_workspace(data_dir).variants[0].text.endswith("venster twee.\n")


def test_a_session_without_changes_takes_over_a_newer_version(data_dir):
    one, two = start(), start()
    type_in(one, "a", "Beste mevrouw,\n\nNieuw.\n")
    run(two)
    assert letter_box(two, "a").value == "Beste mevrouw,\n\nNieuw.\n"
    assert not two.warning


@pytest.mark.parametrize("payload", [
    b"{niet eens json",
    json.dumps({"format": "outreach-workspace", "schema": 1, "name": "X", "exercise": None,
                "variants": [{"name": "A", "text": "a"}] * 5}).encode(),
    json.dumps({"format": "outreach-workspace", "schema": 1, "name": "X", "exercise": None, "extra": 1,
                "variants": [{"name": "A", "text": "a"}, {"name": "B", "text": "b"}]}).encode(),
], ids=["malformed", "five-variants", "unknown-field"])
def test_a_malformed_import_is_refused_and_changes_nothing(data_dir, payload):
    at = type_in(start(), "a", letter("warm"))
    before = only_workspace(data_dir)
    at.file_uploader(key="ws.import.0").set_value(("werkruimte.json", payload, "application/json"))
    run(at)
    assert any("Import van werkruimte.json geweigerd" in e and "niet worden geïmporteerd" in e
               and "niets veranderd" in e for e in errors(at))
    assert only_workspace(data_dir) == before
    assert letter_box(at, "a").value == letter("warm")


def test_export_holds_the_workspace_json_and_import_makes_a_new_one(data_dir, downloads):
    at = type_in(start(), "a", letter("warm"))
    exported = json.loads(downloads["application/json"].decode("utf-8"))
    assert exported["format"] == "outreach-workspace" and exported["name"] == "Mijn brieven"
    assert [v["text"] for v in exported["variants"]] == [letter("warm"), ""]
    assert at.download_button(key="ws.export").label == "Exporteren (JSON)"

    exported["name"] = "Van een collega"
    at.file_uploader(key="ws.import.0").set_value(("collega.json", json.dumps(exported).encode(), "application/json"))
    run(at)
    assert any("Van een collega is geïmporteerd" in plain(s.value) for s in at.success)
    assert len(store(data_dir).list_workspaces()) == 2
    assert letter_box(at, "a").value == letter("warm")
    assert at.file_uploader(key="ws.import.1").value is None  # a fresh uploader for the next file


def test_rename_and_delete_a_workspace(data_dir):
    at = start()
    at.text_input(key="ui.ws_rename").input("Huurachterstand april")
    at.button(key="ws.rename").click()
    run(at)
    assert only_workspace(data_dir).name == "Huurachterstand april"
    at.button(key="ws.delete").click()
    run(at)
    ws = only_workspace(data_dir)
    assert ws.name == "Mijn brieven"  # a fresh workspace: never a page without one
    assert any("Huurachterstand april is verwijderd" in plain(s.value) for s in at.success)


def test_an_unusable_data_folder_keeps_the_page_working(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("OUTREACH_DATA_DIR", str(blocker / "data"))
    at = type_in(start(), "a", letter("warm"))
    assert any("kan nu niet worden bewaard" in plain(w.value) for w in at.warning)
    assert len(verdicts(at)) == 3


# --- C. share: report, CSV, JSON -----------------------------------------------------------------

def test_report_download_holds_escaped_html_without_external_urls(downloads):
    at = start()
    evil = "Beste mevrouw,\n\n<script>alert(1)</script> U bent verplicht te betalen.\n<img src=x onerror=alert(1)>\n"
    type_in(at, "a", evil)
    choose_variant(at, "b")
    type_in(at, "b", letter("warm"))
    view(at, "workshop")
    at.text_area(key=slot_key(at, "ex", "problem")).input("Huurachterstand <b>na</b> twee maanden")
    run(at)
    view(at, "compare")
    report = downloads["text/html"].decode("utf-8")
    assert report.startswith("<!DOCTYPE html>")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report and "<script" not in report
    assert "<img" not in report and "&lt;img src=x" in report
    assert "http://" not in report and "https://" not in report and "url(" not in report
    assert "Huurachterstand &lt;b&gt;na&lt;/b&gt; twee maanden" in report  # the VSDT exercise is in it
    csv = downloads["text/csv"].decode("utf-8-sig")
    assert csv.splitlines()[0].startswith("variant;variant_label;segment")  # Dutch Excel: semicolons
    assert len(csv.strip().splitlines()) == 1 + 2 * 3
    scores = json.loads(downloads["application/json"].decode("utf-8"))
    assert scores["variants"] == ["Variant A", "Variant B"] and len(scores["reach"]) == 2
    assert at.download_button(key="cmp.report").label == "Rapport (HTML)"


# --- D. workshop mode ----------------------------------------------------------------------------

def test_workshop_shows_persona_cards_with_quotes_and_the_mechanisms():
    at = view(start(), "workshop")
    page = html(at)
    for sid in ("vertrouwende_volgers", "zorgvuldige_zelfredzamen", "voorzichtige_verbinders"):
        assert f'data-persona="{sid}"' in page
    assert page.count('class="oh-persona-quote"') >= 6
    assert "Ze weten het toch al; het helpt dat ze het gebruiken, prima." in page
    assert "Soms snap ik dingen gewoon niet, dat maakt me onzeker." in page
    assert 'data-mechanism="pettenverwarring"' in page and "Interventie:" in page
    assert not errors(at)


def test_the_vsdt_exercise_is_kept_with_the_workspace(data_dir):
    at = view(start(), "workshop")
    at.selectbox(key="ui.mechanism_pick").set_value("pettenverwarring")
    run(at)
    assert at.text_area(key=slot_key(at, "ex", "mechanism")).value.startswith("Pettenverwarring: ")
    at.text_area(key=slot_key(at, "ex", "problem")).input("Twee maanden huurachterstand")
    at.text_area(key=slot_key(at, "ex", "design_question")).input("Hoe kunnen wij hulp aanbieden zonder te straffen?")
    run(at)
    view(at, "write")  # the answers survive a change of view ...
    exercise = only_workspace(data_dir).exercise
    assert exercise["problem"] == "Twee maanden huurachterstand"
    assert exercise["mechanism"].startswith("Pettenverwarring: ")

    again = view(start(), "workshop")  # ... and a refresh
    assert again.text_area(key=slot_key(again, "ex", "problem")).value == "Twee maanden huurachterstand"
    assert again.text_area(key=slot_key(again, "ex", "design_question")).value.startswith("Hoe kunnen wij")


def test_value_tensions_are_shown_for_a_digital_only_letter():
    at = type_in(start(), "a", letter("digital_only"))
    view(at, "workshop")
    page = html(at)
    assert 'data-tension="efficient_inclusief"' in page
    assert "Efficiëntie ⇄ Inclusie" in page and "Uit het onderzoek:" in page
    assert "slow service" in page  # the research finding behind it


def test_a_warm_letter_shows_no_value_tension():
    at = type_in(start(), "a", letter("warm"))
    view(at, "workshop")
    assert "data-tension=" not in html(at)
    assert any("Geen duidelijke waardenspanning" in s.value for s in at.success)


def test_before_and_after_loads_two_variants_and_the_strong_one_wins(scenario_dirs, data_dir):
    at = type_in(start(), "a", "Mijn eigen brief blijft staan.\n")
    mine = only_workspace(data_dir).id
    view(at, "workshop")
    at.button(key="ui.demo").click()
    run(at)
    assert at.session_state["ui.view"] == "compare" and winners(at)  # the demo opened the comparison
    listed = store(data_dir).list_workspaces()
    assert len(listed) == 2
    demo = store(data_dir).load(store(data_dir).last_opened())
    assert demo.name == "Voor en na: Testscenario: huurachterstand"
    assert [v.name for v in demo.variants] == ["Voor: Dreigend", "Na: Warm"]
    assert demo.variants[1].text.startswith("Beste mevrouw Jansen,") and "{{" not in demo.variants[1].text
    rows = winners(at)
    assert rows and all(win == "1" for win, _ in rows.values())  # the strong letter wins everywhere
    assert store(data_dir).load(mine).variants[0].text == "Mijn eigen brief blijft staan.\n"


def test_the_new_views_switch_to_english():
    at = type_in(start(), "a", letter("threatening"))
    choose_variant(at, "b")
    type_in(at, "b", letter("warm"))
    at.toggle(key="ui.lang_en").set_value(True)
    run(at)
    view(at, "compare")
    assert "Best on reach: B · Variant B" in html(at)
    assert at.download_button(key="cmp.report").label == "Report (HTML)"
    view(at, "workshop")
    assert any(h.value == "1. The three segments" for h in at.header)
    assert not errors(at)
