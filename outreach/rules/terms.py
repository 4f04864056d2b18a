"""Term and pattern matching on a parsed letter.

A term is a sequence of word slots matched on whole tokens, so "indien" never matches inside
"indienen". Spans come from the tokens (or the regex match) themselves, never from searching the
matched text again, so a phrase that occurs twice is reported at both places.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from outreach.text.document import Document, Token
from outreach.text.lemmas import lemma

GAP = "..."
GAP_WORDS = 3


class TermError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Word:
    """One alternative for one word position."""
    form: str
    lemma: str
    exact: bool = False
    prefix: bool = False   # "deurwaarder*": the token starts with form
    suffix: bool = False   # "*achterstand": the token ends with form

    def matches(self, token: Token) -> bool:
        lower = token.lower
        if self.prefix and self.suffix:
            return self.form in lower
        if self.prefix:
            return lower.startswith(self.form)
        if self.suffix:
            return lower.endswith(self.form)
        if lower == self.form:
            return True
        if self.exact:
            return False
        token_lemma = token.lemma
        return token_lemma == self.form or token_lemma == self.lemma


Slot = tuple[Word, ...] | None  # None is a gap of up to GAP_WORDS words


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    slots: tuple[Slot, ...]


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    first: int  # index of the first token of the match (or the token at start)
    last: int   # index of the last token of the match


def _word(spec: str, term: str) -> Word:
    exact = spec.startswith("=")
    spec = spec.lstrip("=")
    prefix, suffix = spec.endswith("*"), spec.startswith("*")
    core = spec.strip("*").lower()
    if not core or "*" in core:
        raise TermError(f"term '{term}': '*' may only stand at the start or end of a word")
    if not re.fullmatch(r"\w+(?:['’-]\w+)*", core):
        raise TermError(f"term '{term}': '{spec}' is not one word (letters, digits, - or ')")
    if (prefix or suffix) and len(core) < 3:
        raise TermError(f"term '{term}': a wildcard word needs at least 3 letters")
    return Word(core, core if exact else lemma(core), exact, prefix, suffix)


@lru_cache(maxsize=8192)
def compile_term(term: str) -> Term:
    parts = term.split()
    if not parts:
        raise TermError("empty term")
    slots: list[Slot] = []
    for part in parts:
        if part == GAP:
            if not slots or slots[-1] is None:
                raise TermError(f"term '{term}': '...' must stand between two words")
            slots.append(None)
        else:
            slots.append(tuple(_word(alt, term) for alt in part.split("|") if alt) or None)
            if slots[-1] is None:
                raise TermError(f"term '{term}': empty alternative")
    if slots[-1] is None:
        raise TermError(f"term '{term}': '...' must stand between two words")
    return Term(term, tuple(slots))


@lru_cache(maxsize=4096)
def compile_pattern(pattern: str) -> re.Pattern[str]:
    try:
        # Word boundaries only where the match starts or ends with a letter or digit, so a
        # pattern may also start or end on punctuation ("!" right after a word).
        return re.compile(rf"(?:(?<!\w)(?=\w)|(?=\W))(?:{pattern})(?:(?<=\w)(?!\w)|(?<=\W))",
                          re.IGNORECASE)
    except re.error as err:
        raise TermError(f"pattern '{pattern}': {err}") from None


def _match_from(term: Term, tokens: list[Token], i: int, slot: int) -> int | None:
    """Index of the last token when term.slots[slot:] matches from tokens[i], else None."""
    if slot == len(term.slots):
        return i - 1
    if i >= len(tokens):
        return None
    current = term.slots[slot]
    if current is None:
        for skip in range(GAP_WORDS + 1):
            j = i + skip
            if j >= len(tokens) or tokens[j].sentence != tokens[i - 1].sentence:
                return None
            end = _match_from(term, tokens, j, slot + 1)
            if end is not None:
                return end
        return None
    if slot and tokens[i].sentence != tokens[i - 1].sentence:
        return None
    if not any(word.matches(tokens[i]) for word in current):
        return None
    return _match_from(term, tokens, i + 1, slot + 1)


class TermSet:
    """A set of terms indexed by their first word, so matching is one pass over the tokens."""

    def __init__(self, terms: tuple[str, ...]):
        self.by_key: dict[str, list[Term]] = {}
        self.by_prefix: dict[str, list[Term]] = {}
        self.by_suffix: dict[str, list[Term]] = {}
        self.scan: list[Term] = []
        for text in terms:
            term = compile_term(text)
            for word in term.slots[0] or ():
                if word.prefix and word.suffix:
                    self.scan.append(term)
                elif word.prefix:
                    self.by_prefix.setdefault(word.form[:3], []).append(term)
                elif word.suffix:
                    self.by_suffix.setdefault(word.form[-3:], []).append(term)
                else:
                    for key in {word.form, word.lemma}:
                        self.by_key.setdefault(key, []).append(term)

    def candidates(self, token: Token) -> list[Term]:
        lower = token.lower
        found: list[Term] = []
        for key in {lower, token.lemma}:
            found.extend(self.by_key.get(key, ()))
        found.extend(self.by_prefix.get(lower[:3], ()))
        found.extend(self.by_suffix.get(lower[-3:], ()))
        found.extend(self.scan)
        return list(dict.fromkeys(found))

    def find(self, tokens: list[Token]) -> list[Hit]:
        """Every match of every term, on whole tokens."""
        hits: list[Hit] = []
        for i, token in enumerate(tokens):
            for term in self.candidates(token):
                last = _match_from(term, tokens, i, 0)
                if last is not None:
                    hits.append(Hit(token.start, tokens[last].end, token.index, tokens[last].index))
        return hits


@lru_cache(maxsize=4096)
def term_set(terms: tuple[str, ...]) -> TermSet:
    return TermSet(terms)


def find_terms(terms: tuple[str, ...], tokens: list[Token]) -> list[Hit]:
    return term_set(terms).find(tokens)


def find_patterns(patterns: tuple[str, ...], doc: Document, ranges: list[tuple[int, int]]) -> list[Hit]:
    """Every regex match inside the given character ranges; offsets from the match object."""
    hits: list[Hit] = []
    starts = [t.start for t in doc.tokens]
    for pattern in patterns:
        regex = compile_pattern(pattern)
        for lo, hi in ranges:
            for m in regex.finditer(doc.text, lo, hi):
                if m.end() == m.start():
                    continue
                first = max(0, bisect.bisect_right(starts, m.start()) - 1)
                last = max(first, bisect.bisect_left(starts, m.end()) - 1)
                if doc.tokens:
                    hits.append(Hit(m.start(), m.end(), doc.tokens[first].index, doc.tokens[last].index))
                else:
                    hits.append(Hit(m.start(), m.end(), -1, -1))
    return hits


def dedupe(hits: list[Hit]) -> list[Hit]:
    """Sort by position and drop matches inside (or equal to) an earlier, longer match."""
    ordered = sorted(set(hits), key=lambda h: (h.start, -h.end))
    kept: list[Hit] = []
    for hit in ordered:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept
