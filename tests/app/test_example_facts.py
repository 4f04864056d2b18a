"""The scenario's example contact (its variables) never goes into the advisor's own letter as if it
were a fact: the advice shows a placeholder to fill in, marked (outreach/ui/facts.py)."""
from __future__ import annotations

from outreach.rules.loader import load_rulebook
from outreach.ui import facts

from .conftest import LETTERS, letter_box
from .test_fixes import fix_buttons
from .test_app import start, type_letter

# The scenario the app starts with (digitaal_eerst) names this person and number.
EXAMPLE = ("Sanne Vermeulen", "0521 - 123 456")


def _shown(at) -> str:
    return "\n".join([h.value for h in at.html] + [c.value for c in at.caption] + [m.value for m in at.markdown])


def test_advice_for_an_own_letter_has_placeholders_not_the_scenarios_example_contact():
    at = start()
    type_letter(at, (LETTERS / "threatening.txt").read_text(encoding="utf-8"))
    shown = _shown(at)
    assert not [value for value in EXAMPLE if value in shown], "the example contact is shown as a fact"
    rows = [h.value for h in at.html if 'class="oh-fix"' in h.value]
    contact = [i for i, row in enumerate(rows) if "[telefoonnummer]" in row]
    assert contact, rows  # the contact change is still advised, with what to fill in marked
    assert '<mark class="oh-fill">[telefoonnummer]</mark>' in rows[contact[0]]
    assert any("vult u zelf in" in c.value for c in at.caption)
    fix_buttons(at)[contact[0]].click()
    at.run()
    assert not at.exception, at.exception
    applied = letter_box(at, "a").value
    assert "[telefoonnummer]" in applied and not [value for value in EXAMPLE if value in applied]


def test_a_letter_that_names_the_scenarios_contact_keeps_it():
    book = load_rulebook()
    variables = {"contactpersoon": "Sanne Vermeulen", "telefoon": "0521 - 123 456", "gemeente": "Westerveen"}
    own = "Beste mevrouw,\n\nBel gerust.\n"
    assert facts.example_facts(variables, own, False, book) == {
        "Sanne Vermeulen": "[naam contactpersoon]", "0521 - 123 456": "[telefoonnummer]"}
    example = "Beste mevrouw,\n\nBel Sanne Vermeulen op 0521 - 123 456.\n"
    assert facts.example_facts(variables, example, False, book) == {}  # the letter's own facts
    template = "Beste {{ naam }},\n\nBel ons op {{ telefoon }}.\n"  # a template: its variables
    assert facts.example_facts(variables, template, True, book) == {
        "Sanne Vermeulen": "{{ contactpersoon }}", "0521 - 123 456": "{{ telefoon }}"}
    assert facts.unfilled("Bel dan Sanne Vermeulen op 0521 - 123 456.", facts.example_facts(variables, own, False, book)) \
        == "Bel dan [naam contactpersoon] op [telefoonnummer]."
