"""A reference page per rule for advisors (`python -m outreach rules --docs DIR`): what the rule
says, why (the research), where that comes from, what it looks for and its own examples.

Generated from the packs, so it can never drift from what the engine does. Markdown, in Dutch.
"""
from __future__ import annotations

import re

from outreach.rules.examples import unmark_with_corrections
from outreach.rules.kinds import registry
from outreach.rules.loader import RuleBook
from outreach.rules.schema import DIMENSIONS, Matcher, Rule

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _placeholders(message: str) -> str:
    """A message as the advisor reads it, with what the engine fills in shown as such."""
    return (message.replace("{match}", "…").replace("{suggestions}", "(voorstel)")
            .replace("{value}", "(waarde)"))


def _example(example: str) -> str:
    """An example with its marked spans in bold and an expected rewrite after an arrow."""
    text, spans, corrections = unmark_with_corrections(example)
    out, cursor = [], 0
    for start, end in spans:
        out.append(_md(text[cursor:start]))
        rewrite = corrections.get((start, end))
        out.append(f"**{_md(text[start:end])}**" + (f" → *{_md(rewrite)}*" if rewrite else ""))
        cursor = end
    out.append(_md(text[cursor:]))
    return "".join(out).replace("\n", " ⏎ ")


def rule_page(rule: Rule, book: RuleBook) -> str:
    pack = book.packs[rule.dimension]
    effect = "helpt" if rule.points > 0 else "schaadt"
    lines = [
        f"# {rule.id}",
        "",
        f"*{_md(pack.title)}* · {registry()[rule.kind].label} · ernst: {rule.severity} · "
        f"{effect} ({rule.points:+g} punten per vondst"
        + (f", samen hoogstens {rule.max_points:+g}" if rule.max_points is not None else "") + ")",
        "",
        "## Wat de schrijver ziet",
        "",
        f"> {_md(_placeholders(rule.message))}",
        "",
        "## Waarom",
        "",
        _md(rule.why),
        "",
        f"Bron: {_md(rule.source)}",
    ]
    if rule.suggestions:
        lines += ["", "## Voorstellen", ""] + [f"- {_md(s)}" for s in rule.suggestions]
    swap, match = getattr(rule.params, "swap", ()), getattr(rule.params, "match", Matcher())
    if swap:
        lines += ["", "## Woorden en hun gewone alternatief", ""]
        lines += [f"- {_md(term.lstrip('='))} → {_md(' / '.join(alts))}" for term, alts in swap]
    elif match.terms:
        lines += ["", "## Zoekt naar", "", ", ".join(f"`{t}`" for t in match.terms)]
    if rule.exceptions.terms:
        lines += ["", "## Telt niet in", "", ", ".join(f"`{t}`" for t in rule.exceptions.terms)]
    lines += ["", "## Voorbeelden die de regel meldt", ""] + [f"- {_example(e)}" for e in rule.fail]
    lines += ["", "## Voorbeelden die in orde zijn", ""] + [f"- {_example(e)}" for e in rule.passes]
    if rule.excepted:
        lines += ["", "## Voorbeelden die de uitzonderingen vrijlaten", ""] + [f"- {_example(e)}" for e in rule.excepted]
    lines += ["", f"Regelpakket: `{pack.path.rsplit('/', 1)[-1]}` · [alle regels](index.md)", ""]
    return "\n".join(lines)


def index_page(book: RuleBook) -> str:
    lines = ["# Alle regels", "",
             "Elke regel met wat hij zegt, waarom, en zijn eigen voorbeelden. Gemaakt uit de "
             "regelpakketten met `python -m outreach rules --docs`.", ""]
    for dimension in DIMENSIONS:
        pack = book.packs[dimension]
        lines += [f"## {_md(pack.title)}", "", _md(pack.description), ""]
        for rule in pack.rules:
            first = _placeholders(rule.message.split(". ")[0].replace("'{match}'", "{match}"))
            lines.append(f"- [{rule.id}]({rule.id}.md): {_md(first)}")
        lines.append("")
    return "\n".join(lines)


def reference_pages(book: RuleBook) -> dict[str, str]:
    """File name -> Markdown: index.md and one page per rule."""
    pages = {"index.md": index_page(book)}
    pages.update({f"{rule.id}.md": rule_page(rule, book) for rule in book.rules})
    return pages
