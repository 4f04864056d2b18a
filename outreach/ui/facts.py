"""The scenario's example facts kept out of the advice for the advisor's own letter.

A scenario's variables (contactpersoon "Sanne Vermeulen", telefoon "0521 - 123 456") are example
data: they fill the scenario's example letters and the advisor's templates. The engine names them
in its suggestions (Context.fact), and the "Eerst doen" changes are measured with them, so an added
contact sentence counts as a real name and number would. But put into the advisor's own letter
they look like finished facts that are not theirs. So, on the page, for the text the advisor sees
or applies:

- a plain letter: a scenario value the letter does not itself contain becomes the fact's visible
  placeholder from facts.toml ("[telefoonnummer]", "[naam contactpersoon]"), to fill in by hand;
  a value the letter does contain (an example letter of the scenario) is the letter's own and stays;
- a template: a scenario value becomes the template variable ("{{ telefoon }}"), which is what the
  advisor writes in a template to get it filled.

The scores and measured effects stay those of the analysis: only the shown texts change.
"""
from __future__ import annotations

import dataclasses
import re

from outreach.analysis import Analysis


def example_facts(variables: dict[str, str], source: str, template: bool, book) -> dict[str, str]:
    """{scenario value: what to show instead} for the facts a suggestion may name (facts.toml); the
    first variable that is set names a fact, as in the engine."""
    facts = getattr(getattr(book, "language", None), "facts", None) or {}
    out: dict[str, str] = {}
    for fact in facts.values():
        for name in fact.variables:
            value = str(variables.get(name, "")).strip()
            if not value:
                continue
            if template:
                if value not in source:
                    out[value] = "{{ " + name + " }}"
            elif value not in source:
                out[value] = fact.placeholder
            break
    return out


def unfilled(text: str, facts: dict[str, str]) -> str:
    """The text with each example value replaced by its placeholder (longest value first)."""
    if not facts or not text:
        return text
    pattern = re.compile("|".join(re.escape(v) for v in sorted(facts, key=len, reverse=True)))
    return pattern.sub(lambda m: facts[m.group(0)], text)


def unfilled_result(result: Analysis, facts: dict[str, str]) -> Analysis:
    """The analysis with its findings' suggestions and messages unfilled (scores untouched)."""
    if not facts:
        return result
    findings = tuple(
        dataclasses.replace(f, suggestions=tuple(unfilled(s, facts) for s in f.suggestions),
                            message=unfilled(f.message, facts), why=unfilled(f.why, facts))
        if any(v in part for v in facts for part in (f.message, f.why, *f.suggestions)) else f
        for f in result.findings)
    return dataclasses.replace(result, findings=findings)


def placeholders_in(text: str) -> bool:
    """Whether the text holds a placeholder to fill in ("[telefoonnummer]", "{{ telefoon }}")."""
    return bool(PLACEHOLDER.search(text))


PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,60}\]|\{\{\s*\w+\s*\}\}")
