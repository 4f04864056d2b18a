"""Term and pattern matching on a parsed letter.

A term is a sequence of word slots matched on whole tokens, so "indien" never matches inside
"indienen". Spans come from the tokens (or the regex match) themselves, never from searching the
matched text again, so a phrase that occurs twice is reported at both places.
"""
from __future__ import annotations

import bisect
import re
try:  # Python 3.11+: the regex parser lives in re._parser
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parse
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
    gaps: tuple[int, ...] = ()  # tokens a "..." gap skipped: a negator there negates the match


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
        # pattern may also start or end on punctuation ("!" right after a word). The start is
        # checked in _pattern_hits instead of here: a leading lookaround would stop the regex
        # engine from skipping quickly to where the pattern can begin.
        return re.compile(rf"(?:{pattern})(?:(?<=\w)(?!\w)|(?<=\W))", re.IGNORECASE)
    except re.error as err:
        raise TermError(f"pattern '{pattern}': {err}") from None


def _match_from(term: Term, tokens: list[Token], i: int, slot: int, gaps: list[int]) -> int | None:
    """Index of the last token when term.slots[slot:] matches from tokens[i], else None.

    Tokens skipped by a gap are appended to `gaps`.
    """
    if slot == len(term.slots):
        return i - 1
    if i >= len(tokens):
        return None
    current = term.slots[slot]
    if current is None:
        sentence = tokens[i - 1].sentence
        for skip in range(GAP_WORDS + 1):
            j = i + skip
            if j >= len(tokens) or tokens[j].sentence != sentence:
                return None
            end = _match_from(term, tokens, j, slot + 1, gaps)
            if end is not None:
                gaps.extend(t.index for t in tokens[i:j])
                return end
        return None
    token = tokens[i]
    if slot and token.sentence != tokens[i - 1].sentence:
        return None
    for word in current:
        if word.matches(token):
            return _match_from(term, tokens, i + 1, slot + 1, gaps)
    return None


def _needs(slot: Slot) -> frozenset[str] | None:
    """Token keys of which one must be in the letter for this slot to match (None: can't tell)."""
    if slot is None or any(w.prefix or w.suffix for w in slot):
        return None
    return frozenset(k for w in slot for k in ({w.form} if w.exact else {w.form, w.lemma}))


class TermSet:
    """Terms indexed by their first word, so one pass over the tokens finds them all."""

    def __init__(self, terms: tuple[str, ...]):
        self.by_key: dict[str, list[Term]] = {}
        self.by_prefix: dict[str, list[Term]] = {}
        self.by_suffix: dict[str, list[Term]] = {}
        self.scan: list[Term] = []
        self.terms: list[Term] = []
        self.needs: dict[str, tuple[frozenset[str] | None, ...]] = {}
        for text in dict.fromkeys(terms):
            term = compile_term(text)
            self._add(term)
            self.needs[text] = tuple(_needs(slot) for slot in term.slots)

    def _add(self, term: Term) -> None:
        self.terms.append(term)
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

    def viable(self, tokens: list[Token]) -> "TermSet":
        """The subset of terms whose every fixed word occurs somewhere in these tokens."""
        keys = {t.lower for t in tokens} | {t.lemma for t in tokens}
        subset = TermSet(())
        for term in self.terms:
            if all(need is None or not need.isdisjoint(keys) for need in self.needs[term.text]):
                subset._add(term)
        return subset

    def candidates(self, token: Token) -> list[Term]:
        lower, get = token.lower, self.by_key.get
        found = get(lower, []) + get(token.lemma, []) if token.lemma != lower else list(get(lower, ()))
        if self.by_prefix:
            found += self.by_prefix.get(lower[:3], ())
        if self.by_suffix:
            found += self.by_suffix.get(lower[-3:], ())
        found += self.scan
        return found

    def find_all(self, tokens: list[Token]) -> dict[str, list[Hit]]:
        """Every match of every term, on whole tokens, by term text."""
        hits: dict[str, list[Hit]] = {}
        for i, token in enumerate(tokens):
            seen = set()
            for term in self.candidates(token):
                if term.text in seen:
                    continue
                seen.add(term.text)
                gaps: list[int] = []
                last = _match_from(term, tokens, i, 0, gaps)
                if last is not None:
                    hits.setdefault(term.text, []).append(
                        Hit(token.start, tokens[last].end, token.index, tokens[last].index, tuple(gaps)))
        return hits


@lru_cache(maxsize=4096)
def term_set(terms: tuple[str, ...]) -> TermSet:
    return TermSet(terms)


def find_terms(terms: tuple[str, ...], tokens: list[Token]) -> list[Hit]:
    found = term_set(terms).find_all(tokens)
    return [hit for term in terms for hit in found.get(term, ())]


@lru_cache(maxsize=4096)
def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Texts of which at least one must occur (lower-cased) for the pattern to match, or None.

    Lets the engine skip a regular expression whose words are not in the letter at all.
    """
    try:
        parsed = _sre_parse.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
    best = _required(list(parsed))
    # Short literals filter nothing ("de" is everywhere), except rare punctuation such as "@" or "!".
    if not best or any(len(lit) < 3 and not all(c in "@!?%€&+#" for c in lit) for lit in best):
        return None
    return tuple(sorted(best))


def _required(items: list) -> set[str] | None:
    """Best requirement of a sequence of regex items (longest literal run or a branch)."""
    options: list[set[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            options.append({"".join(run).lower()})
            run.clear()

    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(arg))
            continue
        close_run()
        if name == "SUBPATTERN":
            sub = _required(list(arg[-1]))
            if sub:
                options.append(sub)
        elif name == "BRANCH":
            branches = [_required(list(b)) for b in arg[1]]
            if all(branches):
                options.append(set().union(*branches))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
            sub = _required(list(arg[2]))
            if sub:
                options.append(sub)
    close_run()
    if not options:
        return None
    return max(options, key=lambda lits: min(len(x) for x in lits))


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _pattern_hits(pattern: str, doc: Document, lowered: str, lo: int, hi: int) -> list[Hit]:
    literals = required_literals(pattern)
    if literals and not any(lit in lowered for lit in literals):
        return []
    hits = []
    starts = doc.starts
    text, regex, pos = doc.text, compile_pattern(pattern), lo
    while pos <= hi:
        m = regex.search(text, pos, hi)
        if m is None:
            break
        begin = m.start()
        if m.end() == begin or (begin > 0 and _word_char(text[begin - 1]) and _word_char(text[begin])):
            pos = begin + 1  # no match may start inside a word; try the next position
            continue
        pos = m.end()
        if not doc.tokens:
            hits.append(Hit(m.start(), m.end(), -1, -1))
            continue
        first = max(0, bisect.bisect_right(starts, m.start()) - 1)
        last = max(first, bisect.bisect_left(starts, m.end()) - 1)
        hits.append(Hit(m.start(), m.end(), doc.tokens[first].index, doc.tokens[last].index))
    return hits


def find_patterns(patterns: tuple[str, ...], doc: Document, ranges: list[tuple[int, int]],
                  lowered: str | None = None, cache: dict | None = None) -> list[Hit]:
    """Every regex match inside the given character ranges; offsets from the match object.

    `cache` (per document) lets rules that share a pattern run it once.
    """
    lowered = doc.text.lower() if lowered is None else lowered
    cache = {} if cache is None else cache
    hits: list[Hit] = []
    for pattern in patterns:
        for lo, hi in ranges:
            key = (pattern, lo, hi)
            if key not in cache:
                cache[key] = _pattern_hits(pattern, doc, lowered, lo, hi)
            hits.extend(cache[key])
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
