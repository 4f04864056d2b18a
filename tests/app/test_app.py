"""The page, driven with Streamlit's AppTest (no browser): editing, uploads, templates, shares,
CSV, language and escaping."""
from __future__ import annotations

import json

import io
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from .conftest import APP, letter, letter_box, slot_key
from .test_helpers import docx_bytes
from .test_highlight import parse

VERDICT = re.compile(r'data-segment="([a-z_]+)" data-verdict="([a-z_]+)"')
SCORE = re.compile(r'class="oh-score">([0-9]+)')


def start(timeout: float = 30) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.run()
    assert not at.exception, at.exception
    return at


def type_letter(at: AppTest, text: str) -> AppTest:
    letter_box(at, "a").input(text)
    at.run()
    assert not at.exception, at.exception
    return at


def verdicts(at: AppTest) -> dict[str, str]:
    return dict(m for h in at.html for m in VERDICT.findall(h.value))


def scores(at: AppTest) -> list[int]:
    return [int(s) for h in at.html for s in SCORE.findall(h.value)]


def letter_html(at: AppTest) -> str:
    found = [h.value for h in at.html if 'class="oh-letter"' in h.value]
    assert len(found) == 1
    return found[0]


def editor_data(at: AppTest, slot: str = "a") -> dict:
    """What the page sends the letter editor of a variant (its text, findings and marks)."""
    found = [json.loads(e.proto.json) for e in at.get("bidi_component") if e.proto.id.endswith(slot_key(at, slot, "editor"))]
    assert len(found) == 1
    return found[0]


def letter_text(at: AppTest) -> str:
    """The letter as analysed and marked: in the editor, or for a template in the filled-in copy."""
    if any('class="oh-letter"' in h.value for h in at.html):
        return "".join(parse(letter_html(at)).text)
    return editor_data(at)["analysed"]


def plain(markdown: str) -> str:
    """An alert's text without the backslashes that keep user text literal in markdown."""
    return re.sub(r"\\(.)", r"\1", markdown)


def errors(at: AppTest) -> list[str]:
    return [plain(e.value) for e in at.error]


def test_opening_page_is_dutch_with_no_errors():
    at = start()
    assert at.title[0].value == "Hoe komt uw brief aan?"
    assert not errors(at)
    assert any("Nog geen brief" in i.value for i in at.info)
    assert letter_box(at, "a").label == "Brieftekst"
    assert verdicts(at) == {}


def test_typing_a_letter_updates_the_segment_verdicts():
    at = type_letter(start(), letter("threatening"))
    cold = verdicts(at)
    assert len(cold) == 3
    assert "lands_well" not in cold.values() and list(cold.values()).count("turns_away") >= 2
    cold_scores = scores(at)
    type_letter(at, letter("warm"))
    warm = verdicts(at)
    assert set(warm) == set(cold)
    assert "turns_away" not in warm.values() and list(warm.values()).count("lands_well") >= 2
    assert all(w > c for w, c in zip(scores(at), cold_scores))
    assert not errors(at)


def test_upload_txt_puts_the_letter_in_the_text_area():
    at = start()
    at.file_uploader(key=slot_key(at, "a", "upload")).set_value(("brief.txt", letter("warm").encode("utf-8"), "text/plain"))
    at.run()
    assert not at.exception
    assert letter_box(at, "a").value == letter("warm")
    assert any("brief.txt is ingelezen" in plain(s.value) for s in at.success)
    assert len(verdicts(at)) == 3


def test_upload_docx_puts_its_paragraphs_in_the_text_area():
    at = start()
    data = docx_bytes("Beste mevrouw Jansen,", "Wij denken graag met u mee. Het gesprek is gratis.")
    at.file_uploader(key=slot_key(at, "a", "upload")).set_value(
        ("brief.docx", data, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
    at.run()
    assert not at.exception
    assert "Wij denken graag met u mee." in letter_box(at, "a").value
    assert "Wij denken graag met u mee." in letter_text(at)


def test_corrupt_upload_shows_an_error_and_keeps_the_typed_text():
    typed = "Beste mevrouw,\n\nDit heb ik zelf getypt en dat wil ik houden.\n"
    at = type_letter(start(), typed)
    at.file_uploader(key=slot_key(at, "a", "upload")).set_value(("kapot.docx", b"PK\x03\x04 niet echt", "application/octet-stream"))
    at.run()
    assert not at.exception
    assert any("Upload mislukt" in e and "kapot.docx" in e and "beschadigd" in e for e in errors(at))
    assert letter_box(at, "a").value == typed
    assert letter_text(at) == typed


def test_template_placeholders_are_filled_from_the_scenario(scenario_dirs):
    at = start()
    assert at.selectbox(key="ui.scenario.nl").value == "test_huur"
    assert any("huurachterstand" in h.value for h in at.html)  # the scenario's occasion is shown
    at.toggle(key=slot_key(at, "a", "template")).set_value(True)
    type_letter(at, "Beste {{ naam }},\n\nBel mij gerust op {{ telefoon }}.\n")
    assert letter_text(at) == "Beste mevrouw Jansen,\n\nBel mij gerust op 0521 - 123 456.\n"
    at.text_input(key="ui.var.test_huur.naam").input("meneer De Vries")
    at.run()
    assert letter_text(at).startswith("Beste meneer De Vries,")
    assert not errors(at)


def test_an_undefined_placeholder_is_named(scenario_dirs):
    at = start()
    at.toggle(key=slot_key(at, "a", "template")).set_value(True)
    type_letter(at, "Beste {{ naam }}, uw {{ klantnummer }}.\n")
    assert any("{{ klantnummer }}" in e for e in errors(at))
    assert verdicts(at) == {}


def test_an_unsafe_template_is_refused():
    at = start()
    at.toggle(key=slot_key(at, "a", "template")).set_value(True)
    type_letter(at, "Hallo {{ ''.__class__.__mro__ }}\n")
    assert any("binnenkant van het programma" in e for e in errors(at))
    assert not any("class 'object'" in h.value for h in at.html)


def test_loading_an_example_letter_fills_in_its_placeholders(scenario_dirs):
    at = start()
    at.selectbox(key=slot_key(at, "a", "example.test_huur.nl")).set_value(1)
    at.button(key=slot_key(at, "a", "load")).click()
    at.run()
    text = letter_box(at, "a").value
    assert text.startswith("Beste mevrouw Jansen,") and "{{" not in text
    assert len(verdicts(at)) == 3
    at.toggle(key=slot_key(at, "a", "template")).set_value(True)
    at.button(key=slot_key(at, "a", "load")).click()  # variant A has a letter: the example goes into a new variant
    at.run()
    assert at.session_state[slot_key(at, "a", "text")] == text  # untouched
    assert letter_box(at, "c").value.startswith("Beste {{ naam }},")  # shown: the new one
    assert any("nieuwe variant" in s.value for s in at.success)
    at.segmented_control(key="ui.variant.nl").set_value("a").run()
    at.toggle(key="ui.lang_en").set_value(True)  # the choice survives a change of language
    at.run()
    picker = at.selectbox(key=slot_key(at, "a", "example.test_huur.en"))
    assert picker.value == 1 and picker.format_func(1).startswith("Strong ·")


def test_shares_that_do_not_add_up_to_100_are_refused():
    at = type_letter(start(), letter("warm"))
    at.number_input(key="ui.share.vertrouwende_volgers").set_value(50)
    at.number_input(key="ui.share.zorgvuldige_zelfredzamen").set_value(30)
    at.run()
    assert any("119%" in e and "aandelen uit het onderzoek" in e for e in (plain(x.value) for x in at.sidebar.error))
    assert any("aandelen uit de segmentatiestudie" in c.value for c in at.caption)
    at.number_input(key="ui.share.voorzichtige_verbinders").set_value(20)
    at.run()
    assert not at.sidebar.error
    assert any("eigen aandelen" in c.value and "Vertrouwende Volgers 50%" in c.value for c in at.caption)
    at.button(key="ui.shares_reset").click()
    at.run()
    assert at.number_input(key="ui.share.vertrouwende_volgers").value == 39


def test_csv_download_holds_the_findings(monkeypatch):
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    saved: list[bytes] = []
    original = MemoryMediaFileStorage.load_and_get_id

    def capture(self, path_or_data, mimetype, kind, filename=None):
        if mimetype == "text/csv":
            saved.append(bytes(path_or_data))
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", capture)
    at = type_letter(start(), letter("threatening"))
    assert at.download_button(key=slot_key(at, "a", "csv")).label == "Download als CSV"
    table = pd.read_csv(io.BytesIO(saved[-1]), encoding="utf-8-sig", sep=";", decimal=",")
    import outreach
    findings = outreach.analyze(letter("threatening")).findings
    assert len(table) == len(findings)
    assert list(table["Melding"]) == [f.message for f in findings]
    assert "deurwaarder" in " ".join(table["Tekst"].dropna())
    at.multiselect(key=slot_key(at, "a", "filter_dims")).set_value(["tone"])
    at.run()
    filtered = pd.read_csv(io.BytesIO(saved[-1]), encoding="utf-8-sig", sep=";", decimal=",")
    assert 0 < len(filtered) < len(table) and set(filtered["Dimensie"]) == {"Toon"}


def test_language_toggle_switches_the_interface_and_keeps_the_letter():
    at = type_letter(start(), letter("warm"))
    at.toggle(key="ui.lang_en").set_value(True)
    at.run()
    assert not at.exception
    assert at.title[0].value == "How will your letter land?"
    assert letter_box(at, "a").label == "Letter text"
    assert letter_box(at, "a").value == letter("warm")
    assert any("of the target group" in h.value for h in at.html)
    assert any("Lands well" in h.value for h in at.html)
    assert len(verdicts(at)) == 3
    at.toggle(key="ui.lang_en").set_value(False)
    at.run()
    assert at.title[0].value == "Hoe komt uw brief aan?"


def test_script_and_img_tags_in_a_letter_are_shown_as_text():
    evil = ("Beste mevrouw,\n\n<script>alert(1)</script> U bent verplicht te betalen.\n"
            "<img src=x onerror=alert(1)>\n\nMet vriendelijke groet,\nAnna\n")
    at = type_letter(start(), evil)
    assert letter_text(at) == evil  # sent as data: the editor puts it in the page as text nodes
    assert editor_data(at)["findings"]  # and marks it
    for element in list(at.html) + list(at.markdown):
        assert "<script" not in element.value and "<img" not in element.value
    assert len(verdicts(at)) == 3


def test_two_variants_side_by_side_are_independent():
    """The structure a later side-by-side mode builds on: render_variant keyed by a variant id."""
    def script():
        from outreach.ui import view

        ctx = view.page_context()
        view.render_side_by_side(ctx, ("a", "b"))

    at = AppTest.from_function(script, default_timeout=30)
    at.run()
    assert not at.exception, at.exception
    letter_box(at, "a").input(letter("threatening"))
    letter_box(at, "b").input(letter("warm"))
    at.run()
    assert not at.exception and not errors(at)
    cards = [m for h in at.html for m in VERDICT.findall(h.value)]
    assert len(cards) == 6
    first, second = dict(cards[:3]), dict(cards[3:])
    assert "lands_well" not in first.values() and "turns_away" not in second.values()
    assert at.download_button(key=slot_key(at, "a", "csv")) and at.download_button(key=slot_key(at, "b", "csv"))


def test_a_broken_rule_pack_is_named_on_the_page_without_a_traceback(dutch_copy):
    """An advisor's typo in a rule pack: the page says which file and rule, and nothing crashes."""
    from streamlit.testing.v1 import AppTest

    pack = dutch_copy / "rules" / "tone.toml"
    pack.write_text(pack.read_text(encoding="utf-8").replace('kind = "existence"', 'kind = "existance"', 1),
                    encoding="utf-8")
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    errors = " ".join(e.value for e in at.error).replace("\\", "")  # markdown escapes
    assert "tone.toml" in errors and "'kind' moet een van deze zijn" in errors


def test_a_letter_in_english_shows_a_warning_not_just_scores():
    from tests.text.test_language import ENGLISH

    at = type_letter(start(), ENGLISH)
    assert any("niet in het Nederlands" in w.value for w in at.warning)


def test_a_template_that_fails_to_render_leaves_the_editor_for_the_next_run():
    at = start()
    at.toggle(key=slot_key(at, "a", "template")).set_value(True)
    type_letter(at, "{{ 'x'.ljust(3000000000) }}\n")
    assert any("te lange tekst" in e for e in errors(at))
    assert letter_box(at, "a").value.startswith("{{")  # the editor is still there
    type_letter(at, "{{ " + "(" * 3000 + " }}\n")
    assert any("genest" in e for e in errors(at))
    type_letter(at, letter("warm"))
    assert not errors(at) and len(verdicts(at)) == 3


def test_the_organisations_packs_are_active_and_shown(tmp_path, monkeypatch):
    from outreach.rules import loader
    from outreach.ui import resources

    own = tmp_path / "gemeente-westerveen"
    own.mkdir()
    (own / "overrides.toml").write_text('["tone.officialese.words"]\nenabled = false\n', encoding="utf-8")
    (own / "segments.toml").write_text(
        "[shares]\nvertrouwende_volgers = 20\nzorgvuldige_zelfredzamen = 60\nvoorzichtige_verbinders = 20\n",
        encoding="utf-8")
    monkeypatch.setenv("OUTREACH_PACKS", str(own))
    loader.load_rulebook.cache_clear()
    resources.rulebook.clear()
    try:
        at = AppTest.from_file(str(APP), default_timeout=60).run()
        assert not at.exception
        captions = plain(" ".join(c.value for c in at.sidebar.caption))
        assert "ingebouwd, gemeente-westerveen" in captions
        shares = [n.value for n in at.sidebar.number_input]
        assert shares == [20, 60, 20]  # the organisation's own shares are the default
    finally:
        loader.load_rulebook.cache_clear()
        resources.rulebook.clear()
