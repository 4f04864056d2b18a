"""A reaction renders the same whatever the values of names it does not read."""
from __future__ import annotations

from outreach.segments import load_model
from outreach.segments.reactions import render_reaction, template_names


def test_unread_names_do_not_change_a_reaction():
    for segment in load_model("nl").segments:
        for source in segment.reactions.values():
            names = template_names(source)
            values = {"match": "boete", "top_reason_short": "te lang", "digital": True,
                      "segment": segment.name, "verdict": "doubtful"}
            other = {k: (v if k in names else ("" if k != "digital" else False)) for k, v in values.items()}
            assert render_reaction(source, **values) == render_reaction(source, **other)


def test_names_of_templates():
    assert template_names("'{{ match }}'? {% if digital %}online{% endif %}") == {"match", "digital"}
    assert template_names("Veel te lang.") == frozenset()
    assert template_names("{% if %}") == frozenset()  # does not parse: renders its error whatever the values
