"""Candidate edits for one letter: spans to replace or remove, sentences to insert where they belong.

Only what the advice data (nl.toml) allows, filled with the letter's own facts, the scenario's
variables or visible placeholders (Context.fact), in the letter's form of address.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from outreach.advice.model import AdviceData, Edit
from outreach.rules.engine import Context, Finding
from outreach.text.address import cased, to_je
from outreach.text.document import Sentence

_HEADING = re.compile(r"(?m)^[^\S\n]*([^\n.!?]{2,60}?)[^\S\n]*:?[^\S\n]*$")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Candidate:
    kind: str            # "replace", "remove" or "insert"
    start: int           # offsets into the letter; equal for an insertion
    end: int
    replacement: str
    reason: str
    rules: tuple[str, ...]

    def apply(self, text: str) -> str:
        return text[:self.start] + self.replacement + text[self.end:]


def _in_form(sentence: str, ctx: Context) -> str:
    filled = ctx.fill(sentence)
    return to_je(filled, ctx.doc.language) if ctx.form == "je" else filled


def _sentence_at(ctx: Context, offset: int) -> Sentence | None:
    sentences = ctx.doc.sentences
    i = bisect.bisect_right(ctx.doc.sentence_ends, offset)
    if i < len(sentences) and sentences[i].start <= offset:
        return sentences[i]
    return None


def _sentence_span(ctx: Context, finding: Finding) -> tuple[int, int] | None:
    first = _sentence_at(ctx, finding.start)
    last = _sentence_at(ctx, max(finding.start, finding.end - 1))
    if first is None or last is None:
        return None
    return first.start, last.end


def _removal_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence plus the space that separates it, so no double space or empty paragraph stays."""
    after = end
    while after < len(text) and text[after] in " \t":
        after += 1
    if after < len(text) and text[after] not in "\r\n":
        return start, after  # more text follows on the line: take the spaces after the sentence
    before = start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    if before > 0 and text[before - 1] not in "\r\n":
        return before, end  # the sentence ends its line: take the spaces before it
    while after < len(text) and text[after] in " \t\r\n":
        after += 1  # a line (or paragraph) of its own: take it with its line breaks
    return start, after if after < len(text) else end


_BLANK = re.compile(r"\n[^\S\n]*\n")


def _paragraph_end(text: str, offset: int, limit: int) -> int:
    """End of the paragraph that holds offset (before the blank line), never past limit."""
    blank = _BLANK.search(text, offset, limit)
    end = blank.start() if blank else limit
    return len(text[:end].rstrip())


def _paragraph_start(text: str, offset: int) -> int:
    start = 0
    for blank in _BLANK.finditer(text, 0, offset):
        start = blank.end()
    while start < offset and text[start] in " \t\r\n":
        start += 1
    return start


def _body(ctx: Context) -> list[Sentence]:
    return [s for s in ctx.doc.sentences if s.part == "body" and s.words]


def _heading_end(ctx: Context, words: tuple[str, ...]) -> int | None:
    """The end of the paragraph under a heading that names one of these words."""
    text = ctx.doc.text
    for m in _HEADING.finditer(text):
        line = {w.lower() for w in _WORD.findall(m.group(1))}
        if line & set(words) and len(line) <= 6:
            start = m.end()
            while start < len(text) and text[start] in " \t\r\n":
                start += 1
            if start < len(text):
                return _paragraph_end(text, start, len(text))
    return None


def _place(edit: Edit, ctx: Context, helped: dict[str, Finding]) -> tuple[int, str] | None:
    """Where the sentence goes and the text to insert there (with its separating space or lines)."""
    text = ctx.doc.text
    sentence = _in_form(edit.sentence, ctx)
    body = _body(ctx)
    limit = body[-1].end if body else len(text)
    for place in edit.place:
        at: int | None = None
        if place.startswith("after:") and place[6:] in helped and helped[place[6:]].start is not None:
            found = _sentence_at(ctx, helped[place[6:]].start)
            if found is not None and found.part == "body":
                at = _paragraph_end(text, found.end, len(text)) if edit.paragraph else found.end
        elif place.startswith("heading:"):
            at = _heading_end(ctx, tuple(place[8:].lower().split("|")))
        elif place == "body_start" and body:
            return body[0].start, sentence + ("\n\n" if edit.paragraph else " ")
        elif place == "body_end" and body:
            at = _paragraph_end(text, body[-1].start, len(text)) if edit.paragraph else limit
        if at is not None:
            return at, ("\n\n" if edit.paragraph else " ") + sentence
    return None


def _paragraphs(edit: Edit, ctx: Context, hurting: list[Finding], add) -> None:
    """One candidate per paragraph in which two or more sentences have a finding of these rules."""
    text = ctx.doc.text
    paragraphs: dict[int, tuple[Finding, set[int]]] = {}
    for f in hurting:
        sentence = _sentence_at(ctx, f.start) if f.rule in edit.rules else None
        if sentence is not None:
            start = _paragraph_start(text, sentence.start)
            first, seen = paragraphs.setdefault(start, (f, set()))
            seen.add(sentence.index)
    for start, (first, seen) in paragraphs.items():
        if len(seen) >= 2:
            span = _removal_span(text, start, _paragraph_end(text, start, len(text)))
            add(Candidate("remove", *span, "", edit.reason.replace("{match}", first.match), (first.rule,)))


def _known(ctx: Context, fact: str) -> bool:
    return ctx.fact(fact) != ctx.language.facts[fact].placeholder


def candidates(data: AdviceData, ctx: Context, findings: tuple[Finding, ...],
               substitutions: frozenset[str] = frozenset()) -> list[Candidate]:
    """Every edit the data allows for this letter, one per span (or per place and sentence).
    `substitutions`: the ids of the rule book's substitution rules (their rewrites are candidates)."""
    text = ctx.doc.text
    out: dict[tuple[int, int, str], Candidate] = {}
    kept = [f for f in findings if f.effect == "helps" and f.rule in data.keep and f.start is not None]

    def add(candidate: Candidate) -> None:
        if any(candidate.start <= f.start and f.end <= candidate.end and f.match not in candidate.replacement
               for f in kept):
            return  # it would take away the letter's reason for writing (advice.toml `keep`)
        key = (candidate.start, candidate.end, candidate.replacement)
        if key in out:  # two rules, one edit: one candidate that names both
            old = out[key]
            rules = old.rules + tuple(r for r in candidate.rules if r not in old.rules)
            out[key] = Candidate(old.kind, old.start, old.end, old.replacement, old.reason, rules)
        else:
            out[key] = candidate

    hurting = [f for f in findings if f.effect == "hurts" and f.start is not None]
    for edit in data.of_kind("replace"):
        if not all(_known(ctx, fact) for fact in edit.needs):
            continue
        for f in hurting:
            if f.rule in edit.rules and (edit.sentence or f.suggestions):
                new = cased(_in_form(edit.sentence, ctx) if edit.sentence else f.suggestions[0], f.match)
                add(Candidate("replace", f.start, f.end, new,
                              edit.reason.replace("{match}", f.match).replace("{replacement}", new), (f.rule,)))
    # A substitution rule's own rewrite is a one-word change to measure too, also for rules that
    # advice.toml does not name (an organisation's house-style words, outreach/rules/stack.py);
    # the advisor reads the rule's message.
    covered = {r for edit in data.of_kind("replace") for r in edit.rules}
    for f in hurting:
        if f.rule not in covered and f.suggestions and f.rule in substitutions:
            add(Candidate("replace", f.start, f.end, cased(f.suggestions[0], f.match), f.message, (f.rule,)))
    for edit in data.of_kind("remove") + data.of_kind("replace_sentence"):
        if edit.scope == "paragraph":
            _paragraphs(edit, ctx, hurting, add)
            continue
        for f in hurting:
            span = _sentence_span(ctx, f) if f.rule in edit.rules else None
            if span is None:
                continue
            reason = edit.reason.replace("{match}", f.match)
            if edit.kind == "remove":
                start, end = _removal_span(text, *span)
                add(Candidate("remove", start, end, "", reason, (f.rule,)))
            else:
                add(Candidate("replace", span[0], span[1], _in_form(edit.sentence, ctx), reason, (f.rule,)))
    helped = {}
    for f in findings:
        if f.effect == "helps":
            helped.setdefault(f.rule, f)
    for edit in data.of_kind("insert"):
        if all(r in helped for r in edit.rules) or not all(_known(ctx, fact) for fact in edit.needs):
            continue
        placed = _place(edit, ctx, helped)
        if placed is not None:
            at, inserted = placed
            add(Candidate("insert", at, at, inserted, edit.reason,
                          tuple(r for r in edit.rules if r not in helped)))
    return sorted(out.values(), key=lambda c: (c.start, c.end, c.kind, c.replacement))
