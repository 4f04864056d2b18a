"""What a QA review in Chromium found, as the app shows it: the scenario picker follows the interface
language, English labels no longer call English texts Dutch, quote sources are English in English,
and the "Eerst doen" list cuts a long quote after a whole word with an ellipsis."""
from __future__ import annotations

import html
import re

from outreach.scenarios import load_catalogue
from outreach.ui.fixes import snippet
from outreach.ui.strings import catalogue
from outreach.ui.view import LANG_KEY, SCENARIO_KEY, scenario_widget_key

from .conftest import LETTERS
from .test_app import start, type_letter


def _language(at, english: bool):
    at.toggle(key=LANG_KEY).set_value(english).run()
    assert not at.exception, at.exception
    return at


def test_the_scenario_picker_shows_the_titles_of_the_language_and_keeps_the_choice():
    scenarios = load_catalogue().scenarios
    assert len(scenarios) >= 2
    second = scenarios[1]
    at = start()
    at.selectbox(key=scenario_widget_key("nl")).set_value(second.id).run()
    assert at.session_state[SCENARIO_KEY] == second.id
    _language(at, True)
    # A widget of its own per language: the browser cannot keep showing the other language's title.
    assert not [b for b in at.selectbox if b.key == scenario_widget_key("nl")]
    picker = at.selectbox(key=scenario_widget_key("en"))
    assert picker.value == second.id
    assert second.in_lang("en").title in picker.options and second.title not in picker.options
    _language(at, False)
    picker = at.selectbox(key=scenario_widget_key("nl"))
    assert picker.value == second.id and second.title in picker.options
    picker.set_value("").run()  # no scenario: the empty choice is kept too
    assert at.session_state[SCENARIO_KEY] == ""
    _language(at, True)
    assert at.selectbox(key=scenario_widget_key("en")).value == ""


def test_english_labels_do_not_call_english_texts_dutch_and_keep_the_segment_names():
    english = {key: entry["en"] for key, entry in catalogue().items()}
    assert not [key for key, text in english.items() if "in Dutch)" in text], "a label says '(in Dutch)'"
    assert "original Dutch" in english["persona_help"]
    for name in ("Vertrouwende Volgers", "Zorgvuldige Zelfredzamen", "Voorzichtige Verbinders"):
        assert name in english["about_body"]
    assert "Trusting Followers" not in english["about_body"]


def test_quote_sources_are_english_in_the_english_segment_profile():
    at = start()
    type_letter(at, (LETTERS / "threatening.txt").read_text(encoding="utf-8"))
    quotes = " ".join(h.value for h in at.html if "oh-quote" in h.value)
    assert "Segmentatiestudie" in quotes
    _language(at, True)
    quotes = html.unescape(" ".join(h.value for h in at.html if "oh-quote" in h.value))
    sources = re.findall(r"<cite>(.*?)</cite>", quotes)
    assert sources and "Segmentation study" in sources and "Qualitative research, respondent 2" in sources
    assert not [s for s in sources if "onderzoek" in s.lower() or "studie" in s.lower()], sources


def test_a_long_quote_in_the_fix_list_ends_after_a_whole_word_with_an_ellipsis():
    at = start()
    # the threatening letter with a second paragraph of long threats: one to remove whole (the
    # first paragraph also says why the letter comes, so the advice keeps it)
    threats = ("Indien u niet binnen de gestelde termijn betaalt, wordt de vordering zonder verdere aankondiging "
               "uit handen gegeven aan een gerechtsdeurwaarder, die beslag kan leggen op uw loon, uitkering en "
               "bankrekening. U bent verplicht alle kosten die daaruit voortvloeien volledig te vergoeden, "
               "inclusief de wettelijke rente en de incassokosten.\n\n")
    text = (LETTERS / "threatening.txt").read_text(encoding="utf-8").replace(
        "Wij hebben een afspraak", threats + "Wij hebben een afspraak")
    type_letter(at, text)
    flat = " ".join(text.split())
    quotes = [html.unescape(q) for h in at.html if 'class="oh-fix"' in h.value
              for q in re.findall(r"“(.*?)”</div>", h.value)]
    cut = [q for q in quotes if q.endswith("…")]
    assert cut, quotes  # a long sentence or paragraph to change
    for quote in cut:
        shown = quote[:-1]
        assert len(shown) <= 160
        where = flat.find(shown)
        assert where >= 0 and flat[where + len(shown)] == " ", quote  # a whole word before the ellipsis


def test_snippet_cuts_at_a_word_boundary():
    assert snippet("kort") == "kort"
    assert snippet("  een\n  brief  ") == "een brief"
    assert snippet("aan te vragen vóór deze datum", 15) == "aan te vragen…"
    assert snippet("aan te vragen, vóór deze datum", 16) == "aan te vragen…"
    assert snippet("Onafhankelijkheidsverklaring", 10) == "Onafhankel…"  # one long word: cut inside it
    assert snippet("precies tien", 12) == "precies tien"
