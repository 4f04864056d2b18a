"""Bugs found by using the app in a real browser (review of 2026-11-29), each pinned by a test."""
from __future__ import annotations

from outreach.ui.strings import number

from .conftest import letter
from .test_app import SCORE, start, type_letter


def test_numbers_round_halves_up_like_the_chart_labels():
    # Python's f"{4.5:.0f}" is "4" (half to even); the Vega bar label beside it says 5.
    assert number(4.5, "nl") == "5"
    assert number(88.5, "en") == "89"
    assert number(-4.25, "nl", 1) == "-4,3"
    assert number(0.04, "nl", 1) == "0,0" and number(-0.04, "en", 1) == "0.0"
    assert number(39, "nl") == "39" and number(12.345, "en", 1) == "12.3"


def test_a_score_of_x_5_shows_the_same_on_the_card_as_on_the_bar():
    """A card said 88 where its bar label (Vega, half up) said 89 for the same 88.5."""
    from streamlit.testing.v1 import AppTest

    def script():
        import dataclasses

        import outreach
        from outreach.ui import view

        ctx = view.page_context()
        result = outreach.analyze("Beste mevrouw Jansen,\n\nWij denken graag met u mee.\n")
        halves = {sid: dataclasses.replace(r, score=88.5) for sid, r in result.segments.items()}
        result = dataclasses.replace(result, segments=halves,
                                     reach=dataclasses.replace(result.reach, score=4.5))
        view._verdict_strip(result, ctx)
        view._results("a", result, ctx, "wide")

    at = AppTest.from_function(script, default_timeout=30)
    at.run()
    assert not at.exception, at.exception
    cards = [int(s) for h in at.html for s in SCORE.findall(h.value)]
    assert cards == [89, 89, 89]
    assert all('oh-pill-score">89<' in h.value for h in at.html if 'class="oh-strip"' in h.value)
    assert [m.value for m in at.metric][0] == "5 / 100"  # the reach


def _view(at, which: str, lang: str = "nl"):
    at.segmented_control(key=f"ui.view.{lang}").set_value(which)
    at.run()
    assert not at.exception, at.exception
    return at


def _english(at):
    at.toggle(key="ui.lang_en").set_value(True)
    at.run()
    assert not at.exception, at.exception
    return at


def test_trait_levels_are_translated_in_the_english_interface():
    # The persona cards (workshop) and the "who are ..." profiles said "Trust in government hoog".
    at = _view(_english(start()), "workshop", "en")
    personas = " ".join(h.value for h in at.html if "oh-persona" in h.value)
    assert ">high</span>" in personas and ">low</span>" in personas and ">medium</span>" in personas
    assert ">hoog<" not in personas and ">laag<" not in personas and ">gemiddeld<" not in personas
    at = _view(at, "write", "en")
    type_letter(at, letter("warm"))
    profiles = " ".join(h.value for h in at.html if "oh-dl" in h.value and "<dt>" in h.value)
    assert "<b>high</b>" in profiles and "<b>hoog</b>" not in profiles
    dutch = _view(start(), "workshop")  # the Dutch interface keeps the data's own words
    assert ">hoog</span>" in " ".join(h.value for h in dutch.html if "oh-persona" in h.value)
