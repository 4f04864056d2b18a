"""What an advisor's review of the comparison, the addresses and the sidebar found (AppTest, no
browser): the comparison speaks of findings in the rules' own words, never of rule ids or "regels";
the default workspace name follows the interface language; workspace and variant actions say
what they act on."""
from __future__ import annotations

import re

from .conftest import letter, picker_key
from .test_workspace import choose_variant, html, run, start, store, type_in, view

RULE_ID = re.compile(r"\b(?:intent|tone|contact|autonomy|privacy|facts|readability|consequences)\.[a-z_]+\.[a-z_]+")


def _compared(at):
    type_in(at, "a", letter("threatening"))
    choose_variant(at, "b")
    type_in(at, "b", letter("warm"))
    return view(at, "compare")


def _visible(markup: str) -> str:
    """The text a reader sees: tags and their attributes (data-rule holds the id) left out."""
    return re.sub(r"<[^>]+>", " ", markup)


def test_the_comparison_names_what_changed_in_the_rules_words_not_their_ids():
    at = _compared(start())
    changes = [h.value for h in at.html if 'class="oh-changes"' in h.value]
    assert changes and 'data-rule="tone.threat.' in changes[0]  # the id stays for tests and styling
    shown = _visible("".join(changes))
    assert not RULE_ID.search(shown), RULE_ID.search(shown)
    assert "Dat botst met de boodschap dat u wilt helpen" in shown or "deurwaarder" in shown.lower()
    headings = [m.value for m in at.markdown if m.value.startswith(("✓", "✕"))]
    assert headings and all("bevinding" in h and "regel" not in h for h in headings), headings
    assert re.search(r"Opgelost: \d+ bevindingen \(\d+ verschillende\)", headings[0]), headings[0]
    help_text = " ".join(c.value for c in at.caption)
    assert "rechts" not in help_text and "links" not in help_text  # a phone shows the lists one under the other


def test_the_comparison_in_english_counts_findings_too():
    at = _compared(start())
    at.toggle(key="ui.lang_en").set_value(True)
    run(at)
    headings = [m.value for m in at.markdown if m.value.startswith(("✓", "✕"))]
    assert headings and all("finding" in h and "rule" not in h for h in headings), headings
    assert not RULE_ID.search(_visible(html(at)))


def test_the_default_workspace_name_follows_the_interface_language(data_dir):
    at = start()
    assert at.selectbox(key=picker_key(at)).value == at.session_state["ws.base"].id
    assert "Mijn brieven (2 varianten)" in at.selectbox(key=picker_key(at)).options
    at.toggle(key="ui.lang_en").set_value(True)
    run(at)
    picker = at.selectbox(key=picker_key(at, "en"))
    assert "My letters (2 variants)" in picker.options and not any("Mijn brieven" in o for o in picker.options)
    assert at.text_input(key="ui.ws_rename").value == "My letters"
    at.button(key="ws.rename").click()  # Save without a change: no rename
    run(at)
    assert [w.name for w in store(data_dir).list_workspaces()] == ["Mijn brieven"]  # only the shown name changed
    at.toggle(key="ui.lang_en").set_value(False)
    run(at)
    assert "Mijn brieven (2 varianten)" in at.selectbox(key=picker_key(at)).options


def test_a_name_the_user_gave_stays_as_written_in_english(data_dir):
    at = start()
    at.text_input(key="ui.ws_rename").input("Huur april")
    at.button(key="ws.rename").click()
    run(at)
    at.toggle(key="ui.lang_en").set_value(True)
    run(at)
    assert "Huur april (2 variants)" in at.selectbox(key=picker_key(at, "en")).options


def test_workspace_and_variant_actions_say_what_they_act_on():
    at = start()
    labels = {b.key: b.label for b in at.button}
    assert labels["ui.variant_add"] == "Nieuwe variant" and labels["ui.variant_copy"] == "Variant kopiëren"
    popovers = [p.proto.popover.label for p in at.get("popover")]
    assert {"Nieuwe werkruimte", "Werkruimte hernoemen", "Werkruimte verwijderen",
            "Variant hernoemen", "Variant weghalen"} <= set(popovers), popovers
    assert not {"Nieuw", "Naam", "Weg"} & set(popovers + list(labels.values()))


def test_a_long_workspace_name_is_shown_whole_under_the_picker():
    at = start()
    long_name = "Voor en na: Digitaal eerst: de online Geldcheck, ook voor wie niet digitaal is"
    at.text_input(key="ui.ws_rename").input(long_name)
    at.button(key="ws.rename").click()
    run(at)
    assert any('class="oh-ws-full"' in h.value and long_name in h.value for h in at.html)
