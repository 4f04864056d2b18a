"""Pure helpers of the variants, comparison and workshop views (no Streamlit session needed)."""
from __future__ import annotations

import dataclasses
from types import SimpleNamespace

import pytest

from outreach.compare import compare
from outreach.rules.loader import load_rulebook
from outreach.segments import load_model
from outreach.formatting import MAX_NAME_CHARS
from outreach.store import Variant, Workspace
from outreach.ui.strings import Strings
from outreach.ui.variants import (copy_name, free_slot, merge_both, merge_exercise, name_problem, next_variant_name,
                                  normal_exercise, safe_filename, unique_name)

from .conftest import letter

V = Variant


def test_slots_and_names():
    assert free_slot(["a", "c"]) == "b" and free_slot("abcd") is None
    assert next_variant_name(["Variant A", "Variant B"]) == "Variant C"
    assert next_variant_name(["Variant A", "Variant C"]) == "Variant B"
    # A workspace with renamed variants: the third new one is "Variant C", not a second "Variant A".
    assert next_variant_name(["Voor", "Na"], position=2) == "Variant C"
    assert unique_name("Brief", ["Brief", "Brief 2"]) == "Brief 3"
    long = "x" * MAX_NAME_CHARS
    assert copy_name(long, [long]).endswith(" (kopie)") and len(copy_name(long, [long])) == MAX_NAME_CHARS
    assert len(unique_name(long, [long])) <= MAX_NAME_CHARS


@pytest.mark.parametrize("name, problem", [
    ("", "name_empty"), ("   ", "name_empty"), ("x" * 81, "name_too_long"), ("a\x07b", "name_control"),
    ("Variant A", "name_taken"), ("Nieuw", None),
])
def test_name_problems(name, problem):
    assert name_problem(name, ["Variant A"]) == problem


def test_merge_keeps_every_text_and_takes_one_sided_changes():
    base = [V("A", "a0"), V("B", "b0")]
    theirs = [V("A", "a-theirs"), V("B", "b0")]
    mine = [V("A", "a-mine"), V("B", "b-mine"), V("C", "c-new")]
    merged = merge_both(base, theirs, mine)
    assert merged == (V("A", "a-theirs"), V("B", "b-mine"), V("A (mijn versie)", "a-mine"), V("C", "c-new"))
    assert merge_both(base, theirs, [V("A", "a0"), V("B", "b0")]) == tuple(theirs)  # nothing of mine changed
    too_many = [V("A", "1"), V("B", "2"), V("C", "3"), V("D", "4")]
    assert merge_both(base, too_many, [V("A", "x"), V("B", "y")]) is None  # does not fit in four


def test_merge_exercise_keeps_both_answers():
    merged = merge_exercise({"problem": "p"}, {"problem": "p-theirs", "mechanism": "m"},
                            {"problem": "p-mine", "conditions": "c"}, ("problem", "mechanism", "conditions"))
    assert merged == {"problem": "p-theirs\n\nMijn versie: p-mine", "mechanism": "m", "conditions": "c"}
    assert normal_exercise({"problem": "  ", "x": "y"}, ("problem",)) is None


def test_safe_filename():
    assert safe_filename("Huur­achterstand: april/mei <script>", "json") == "Huurachterstand-april-mei-script.json"
    assert safe_filename("../../etc", "html") == "etc.html"
    assert safe_filename("", "csv") == "werkruimte.csv"


def _ctx(lang: str = "nl"):
    book, model = load_rulebook("nl"), load_model("nl")
    return SimpleNamespace(t=Strings(lang), lang=lang, titles={d: p.title for d, p in book.packs.items()},
                           verdict_labels=dict(model.labels), model=model)


def test_comparison_table_escapes_names_and_marks_winners():
    from outreach.ui.comparison import by_rule, changes_html, headline_html, table_html

    evil = 'Variant <img src=x onerror="alert(1)">'
    result = compare([("A & co", letter("threatening")), (evil, letter("warm"))])
    table = table_html(result, _ctx())
    assert "<img" not in table and "&lt;img src=x" in table and "A &amp; co" in table
    assert table.count('data-winner="1"') == 4
    assert "<img" not in headline_html(result, _ctx())
    groups = by_rule(result.fixed[evil])
    assert len(groups) < len(result.fixed[evil])  # a rule that was fixed three times is one line
    assert sum(g.count for g in groups) == len(result.fixed[evil])
    html = changes_html(result.fixed[evil], "oh-fixed", _ctx())
    assert 'data-rule="tone.threat.' in html and "<script" not in html


def test_conflict_view_escapes_both_versions():
    from outreach.ui.workspace import conflict_html

    mine = Workspace("x", "W", 1, (V("A", "<b>mijn</b> tekst"), V("B", "")), None, "")
    theirs = Workspace("x", "W", 2, (V("A", "<i>hun</i> tekst"), V("B", ""), V("C", "nieuw")), {"problem": "p"}, "")
    html = conflict_html(mine, theirs, Strings("nl"))
    assert "<i>" not in html and "<b>mijn" not in html and "&lt;" in html and "<ins>mijn</ins>" in html
    assert "alleen in de opgeslagen versie" in html and "workshopoefening verschilt" in html


def test_persona_card_holds_every_quote_and_trait():
    from outreach.ui.workshop import persona_html

    segment = load_model("nl").segments[0]
    html = persona_html(segment, _ctx())
    assert html.count('class="oh-persona-quote"') == len(segment.quotes) and segment.quotes[0].text in html
    assert html.count('class="oh-trait-name"') == len(segment.traits)


@pytest.mark.parametrize("name", [
    "Nieuw", "Variant B", "", "   ", "x" * 80, "x" * 81, "a\x07b", "regel\nbreuk", "links\u202erechts",
    "zero\u200bwidth", "los\ud800", "Jansen & Zn.",
])
def test_the_page_accepts_a_name_exactly_when_the_store_saves_it(tmp_path, name):
    """One name check: what the rename field lets through is what the store keeps, nothing more."""
    from outreach.store import InvalidWorkspace, Store

    store = Store(tmp_path / "werk.sqlite3")
    workspace = store.create_workspace("Werk")
    page_accepts = name_problem(name, []) is None
    try:
        store.save(dataclasses.replace(workspace, name=name), expected_version=workspace.version)
        store_accepts = True
    except InvalidWorkspace:
        store_accepts = False
    assert page_accepts == store_accepts
