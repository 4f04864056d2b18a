"""Run a rule's own examples: texts that must fail and must pass, with exact spans.

Like proselint and LanguageTool, every rule carries its examples; `[[...]]` marks the exact span
the rule must report (in a fail text: the problem; in a pass text: what works). A fail text may
carry the expected rewrite, as LanguageTool's `correction`: `[[indien=>als]]` says the rule must
offer "als" for "indien".
"""
from __future__ import annotations

import dataclasses

import re
from dataclasses import dataclass

from outreach.rules.engine import Context, run_rule
from outreach.rules.loader import RuleBook
from outreach.rules.schema import Matcher, Rule
from outreach.text.document import parse

_MARK = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)


@dataclass(frozen=True, slots=True)
class ExampleFailure:
    rule: str
    example: str
    expected: str
    got: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.example!r}\n    expected {self.expected}\n    got      {self.got}"


def unmark_with_corrections(example: str) -> tuple[str, list[tuple[int, int]], dict[tuple[int, int], str]]:
    """The example without brackets, the spans the brackets marked, and per span the expected
    rewrite when the mark gives one (`[[indien=>als]]`)."""
    text, spans, corrections, cursor = [], [], {}, 0
    length = 0
    for m in _MARK.finditer(example):
        before = example[cursor:m.start()]
        text.append(before)
        length += len(before)
        marked, arrow, correction = m.group(1).partition("=>")
        span = (length, length + len(marked))
        spans.append(span)
        if arrow:
            corrections[span] = correction
        text.append(marked)
        length += len(marked)
        cursor = m.end()
    text.append(example[cursor:])
    return "".join(text), spans, corrections


def unmark(example: str) -> tuple[str, list[tuple[int, int]]]:
    """The example without brackets, and the spans the brackets marked."""
    text, spans, _ = unmark_with_corrections(example)
    return text, spans


def _describe(text: str, spans) -> str:
    if not spans:
        return "nothing"
    return ", ".join("document" if s is None else repr(text[s[0]:s[1]]) + f"@{s[0]}" for s in spans)


def check_example(rule: Rule, book: RuleBook, example: str, should_fail: bool) -> ExampleFailure | None:
    text, marked, corrections = unmark_with_corrections(example)
    findings = run_rule(rule, Context(parse(text, book.lang), book.language))
    for span, correction in corrections.items():
        offered = [s for f in findings if (f.start, f.end) == span for s in f.suggestions]
        if correction not in offered:
            return ExampleFailure(rule.id, f"[fail] {example}", f"the rewrite {correction!r}",
                                  ", ".join(repr(s) for s in offered) or "no rewrite")
    hurts = [(f.start, f.end) if f.start is not None else None for f in findings if f.effect == "hurts"]
    helps = [(f.start, f.end) if f.start is not None else None for f in findings if f.effect == "helps"]
    label = "fail" if should_fail else "pass"
    if should_fail:
        if rule.helps_only:
            ok, got, expected = not helps, helps, "no helping finding"
        elif marked:
            ok, got, expected = sorted(hurts, key=str) == sorted(marked, key=str), hurts, _describe(text, marked)
        else:
            ok, got, expected = bool(hurts), hurts, "a problem (any span)"
    else:
        if hurts:
            ok, got, expected = False, hurts, "no problem"
        elif marked:
            ok, got, expected = sorted(helps, key=str) == sorted(marked, key=str), helps, \
                f"helping finding(s) at {_describe(text, marked)}"
        else:
            ok, got, expected = True, [], ""
    if ok:
        return None
    return ExampleFailure(rule.id, f"[{label}] {example}", expected, _describe(text, got))


def check_excepted(rule: Rule, book: RuleBook, example: str) -> ExampleFailure | None:
    """An exception's example: the rule with its exceptions finds no problem in it, and without
    them it does (else the example does not show what the exceptions are for)."""
    kept = check_example(rule, book, example, False)
    if kept is not None:
        return ExampleFailure(rule.id, f"[excepted] {example}", kept.expected, kept.got)
    bare = dataclasses.replace(rule, exceptions=Matcher())
    if check_example(bare, book, example, False) is None:
        return ExampleFailure(rule.id, f"[excepted] {example}", "a problem without the exceptions",
                              "no problem: the exceptions are not needed here")
    return None


def unexampled_exceptions(rule: Rule, book: RuleBook) -> list[str]:
    """The exception phrases no `excepted` example needs (each is left out in turn): untested."""
    entries = [("terms", t) for t in rule.exceptions.terms] + [("patterns", p) for p in rule.exceptions.patterns]
    missing = []
    for field, entry in entries:
        rest = dataclasses.replace(rule.exceptions, **{field: tuple(e for e in getattr(rule.exceptions, field)
                                                                    if e != entry)})
        without = dataclasses.replace(rule, exceptions=rest)
        if all(check_example(without, book, ex, False) is None for ex in rule.excepted):
            missing.append(entry)
    return missing


def check_rule(rule: Rule, book: RuleBook) -> list[ExampleFailure]:
    failures = [check_example(rule, book, ex, True) for ex in rule.fail]
    failures += [check_example(rule, book, ex, False) for ex in rule.passes]
    failures += [check_excepted(rule, book, ex) for ex in rule.excepted]
    return [f for f in failures if f]


def check_book(book: RuleBook) -> list[ExampleFailure]:
    return [f for rule in book.rules for f in check_rule(rule, book)]
