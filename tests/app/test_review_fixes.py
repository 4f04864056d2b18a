"""Bugs found by using the app in a real browser (review of 2026-11-29), each pinned by a test."""
from __future__ import annotations

from outreach.ui.strings import number

from .browser import EDITOR, chromium, commit, open_app
from .conftest import letter, letter_box, slot_key
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
        view._verdict_panel(result, ctx)
        view._results("a", result, ctx, "wide")

    at = AppTest.from_function(script, default_timeout=30)
    at.run()
    assert not at.exception, at.exception
    cards = [int(s) for h in at.html for s in SCORE.findall(h.value)]
    assert cards == [89, 89, 89]
    assert all(h.value.count('oh-vp-score">89<') == 3 for h in at.html if 'class="oh-vp"' in h.value)
    assert any('class="oh-vp"' in h.value for h in at.html)
    assert [m.value for m in at.metric][0] == "5 / 100"  # the reach


def _view(at, which: str, lang: str = "nl"):
    """Open a view by its page (the titles in the top bar follow lang; the page files do not)."""
    from .test_workspace import view

    return view(at, which)


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
    at.toggle(key="ui.lang_en").set_value(False).run()  # (a new session would remember English)
    dutch = _view(at, "workshop")  # the Dutch interface keeps the data's own words
    assert ">hoog</span>" in " ".join(h.value for h in dutch.html if "oh-persona" in h.value)



def test_narrow_window_stacks_the_columns_instead_of_cutting_labels(server):
    """At 800 px with the sidebar open, "English" was cut to "E", "Laden" to "L" and the letter ran
    three words a line in a 200 px column: editor and results now go one under the other."""
    with chromium(800, 900) as page:
        open_app(page, server)
        commit(page, letter("warm"))
        page.wait_for_selector(".oh-vp", timeout=60_000)
        main = page.get_by_test_id("stMainBlockContainer").bounding_box()["width"]
        editor = page.locator(EDITOR).bounding_box()["width"]
        letter_box = page.locator(".oh-vp").bounding_box()["width"]
        assert editor > 0.8 * main and letter_box > 0.8 * main, (main, editor, letter_box)
        cut = page.evaluate("""() => Array.from(document.querySelectorAll(
                '[data-testid="stMainBlockContainer"] label, [data-testid="stMainBlockContainer"] button'))
            .filter(e => e.offsetParent && e.scrollWidth > e.clientWidth + 1)
            .map(e => e.innerText.trim()).filter(Boolean)""")
        assert "English" not in cut and "Laden" not in cut, cut
        page.set_viewport_size({"width": 1400, "height": 900})  # a wide window keeps them side by side
        page.wait_for_timeout(300)
        editor = page.locator(EDITOR).bounding_box()
        letter_box = page.locator(".oh-vp").bounding_box()
        assert letter_box["x"] > editor["x"] + editor["width"]


def test_comparison_counts_findings_in_singular_and_says_none():
    """'Opgelost (0) · 0 regels' and 'Nieuw probleem (1) · 1 rules' read wrong; and to an advisor a
    "regel" is a line of the letter: the headings count findings."""
    at = type_letter(start(), letter("warm"))
    at.segmented_control(key="ui.variant.nl").set_value("b")
    at.run()
    letter_box(at, "b").input(letter("warm").replace("Met vriendelijke groet", "Hoogachtend"))
    at.run()
    for lang in ("nl", "en"):
        if lang == "en":
            _english(at)
        _view(at, "compare", lang)
        lines = [m.value for m in at.markdown if m.value.startswith(("✓", "✕"))]
        assert len(lines) == 2, lines
        assert not any("regel" in x or "rule" in x for x in lines), lines
        assert lines[0] == {"nl": "✓ **Opgelost: 0 bevindingen**", "en": "✓ **Fixed: 0 findings**"}[lang], lines
        assert lines[1] == {"nl": "✕ **Nieuw: 1 bevinding**", "en": "✕ **New: 1 finding**"}[lang], lines


def test_comparison_legend_puts_long_variant_names_one_per_line():
    """Two long names in a two-column legend ran past the chart ('... bibliot' cut off)."""
    from outreach.ui.charts import comparison_spec

    def legend(names):
        spec = comparison_spec("nl", names, ["Vertrouwende Volgers", "Bereik"], (45.0, 65.0))
        return next(layer["encoding"]["color"]["legend"] for layer in spec["layer"] if "color" in layer["encoding"])

    assert legend(["A · Variant A", "B · Variant B"])["columns"] == 2
    long = ["A · Voor: Alleen digitaal met DigiD, een verplichte check",
            "B · Na: Digitaal voorop, met papier, telefoon, bibliotheek"]
    assert legend(long)["columns"] == 1
