"""A reference page per rule for advisors (`python -m outreach rules --docs DIR`): what the rule
says, why (the research), where that comes from, what it looks for and its own examples.

Generated from the packs, so it can never drift from what the engine does. Markdown, in Dutch.
"""
from __future__ import annotations

import re

from outreach.messages import DEFAULT_LANG, render, text
from outreach.rules.examples import unmark_with_corrections
from outreach.rules.kinds import registry
from outreach.rules.loader import RuleBook
from outreach.rules.schema import DIMENSIONS, Matcher, Rule

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _placeholders(message: str, lang: str = DEFAULT_LANG) -> str:
    """A message as the advisor reads it, with what the engine fills in shown as such."""
    return (message.replace("{match}", "…").replace("{suggestions}", text("reference.suggestion_placeholder", lang))
            .replace("{value}", text("reference.value_placeholder", lang)))


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


def rule_page(rule: Rule, book: RuleBook, lang: str = DEFAULT_LANG) -> str:
    def say(message_id: str, **values: object) -> str:
        return text(message_id, lang, **values)

    pack = book.packs[rule.dimension]
    effect = say("reference.helps" if rule.points > 0 else "reference.hurts")
    cap = say("reference.cap", cap=rule.max_points) if rule.max_points is not None else ""
    lines = [
        f"# {rule.id}",
        "",
        f"*{_md(pack.title)}* · {render(registry()[rule.kind].label, lang)} · "
        + say("reference.summary", severity=rule.severity, effect=effect, points=rule.points, cap=cap),
        "",
        "## " + say("reference.message"),
        "",
        f"> {_md(_placeholders(rule.message, lang))}",
        "",
        "## " + say("reference.why"),
        "",
        _md(rule.why),
        "",
        say("reference.source", source=_md(rule.source)),
    ]
    if rule.suggestions:
        lines += ["", "## " + say("reference.suggestions"), ""] + [f"- {_md(s)}" for s in rule.suggestions]
    swap, match = getattr(rule.params, "swap", ()), getattr(rule.params, "match", Matcher())
    if swap:
        lines += ["", "## " + say("reference.swap"), ""]
        lines += [f"- {_md(term.lstrip('='))} → {_md(' / '.join(alts))}" for term, alts in swap]
    elif match.terms:
        lines += ["", "## " + say("reference.terms"), "", ", ".join(f"`{t}`" for t in match.terms)]
    if rule.exceptions.terms:
        lines += ["", "## " + say("reference.exceptions"), "", ", ".join(f"`{t}`" for t in rule.exceptions.terms)]
    lines += ["", "## " + say("reference.fail"), ""] + [f"- {_example(e)}" for e in rule.fail]
    lines += ["", "## " + say("reference.pass"), ""] + [f"- {_example(e)}" for e in rule.passes]
    if rule.excepted:
        lines += ["", "## " + say("reference.excepted"), ""] + [f"- {_example(e)}" for e in rule.excepted]
    lines += ["", say("reference.footer", file=pack.path.rsplit('/', 1)[-1]), ""]
    return "\n".join(lines)


def index_page(book: RuleBook, lang: str = DEFAULT_LANG) -> str:
    lines = ["# " + text("reference.index_title", lang), "", text("reference.index_intro", lang), ""]
    for dimension in DIMENSIONS:
        pack = book.packs[dimension]
        lines += [f"## {_md(pack.title)}", "", _md(pack.description), ""]
        for rule in pack.rules:
            first = _placeholders(rule.message.split(". ")[0].replace("'{match}'", "{match}"), lang)
            lines.append(f"- [{rule.id}]({rule.id}.md): {_md(first)}")
        lines.append("")
    return "\n".join(lines)


def reference_pages(book: RuleBook, lang: str = DEFAULT_LANG) -> dict[str, str]:
    """File name -> Markdown: index.md and one page per rule (headings in `lang`; the rules are data)."""
    pages = {"index.md": index_page(book, lang)}
    pages.update({f"{rule.id}.md": rule_page(rule, book, lang) for rule in book.rules})
    return pages
