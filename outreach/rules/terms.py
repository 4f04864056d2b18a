"""Term and pattern matching on a parsed letter.

A term is a sequence of word slots matched on whole tokens, so "indien" never matches inside
"indienen". Spans come from the tokens (or the regex match) themselves, never from searching the
matched text again, so a phrase that occurs twice is reported at both places.
"""
from __future__ import annotations

import bisect
import hashlib
import re
try:  # Python 3.11+: the regex parser lives in re._parser
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parse
from functools import lru_cache
from collections.abc import Container
from typing import NamedTuple

from outreach import languages
from outreach.cache import PACKAGE, cached, package_digest
from outreach.languages import Language
from outreach.messages import msg
from outreach.text.document import Document, Token
from outreach.text.lemmas import lemma

GAP = "..."
GAP_WORDS = 3      # "..." skips up to three words inside the sentence
MAX_GAP_WORDS = 8  # "...N" skips up to N words inside the clause (LanguageTool's skip)
_SIZED_GAP = re.compile(r"\.\.\.([1-9])")
MATCH_REACH = 160  # characters a pattern match may reach past its literal (see _windows)


class TermError(ValueError):
    pass


# Word, SlotTest and Term are named tuples, not frozen dataclasses: a rule book's index holds
# ~12,000 of them and is read from the cache folder at every start, and a frozen dataclass is
# unpickled by a Python loop per object (~45 ms in all), a tuple by one call.
class Word(NamedTuple):
    """One alternative for one word position."""
    form: str
    lemma: str
    exact: bool = False
    prefix: bool = False   # "deurwaarder*": the token starts with form
    suffix: bool = False   # "*achterstand": the token ends with form
    names: frozenset[str] = frozenset()  # "@voornaam": a word of this class, written with a capital

    @property
    def wild(self) -> bool:
        """A wildcard or class word: tested one by one, not through SlotTest's sets."""
        return bool(self.prefix or self.suffix or self.names)

    def matches_wild(self, token: Token) -> bool:
        lower = token.lower
        if self.names:
            return lower in self.names and token.text[:1].isupper()
        if self.prefix and self.suffix:
            return self.form in lower
        if self.prefix:
            return lower.startswith(self.form)
        return lower.endswith(self.form)


Slot = tuple[Word, ...] | None  # None is a gap (its size and reach in Term.gap_limits)


class SlotTest(NamedTuple):
    """One word position, folded into sets: one lookup per token instead of one per alternative."""
    forms: frozenset[str]        # the token's lower-case form is one of these
    lemmas: frozenset[str]       # or its lemma is one of these (forms and lemmas of non-exact words)
    wild: tuple[Word, ...] = ()  # or it matches a wildcard word
    # The wildcard words folded by kind (Word.matches_wild): one str call per kind, not per word.
    prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    infixes: tuple[str, ...] = ()
    names: frozenset[str] = frozenset()

    @classmethod
    def of(cls, slot: tuple[Word, ...]) -> "SlotTest":
        plain = [w for w in slot if not w.wild]
        wild = tuple(w for w in slot if w.wild)
        # A plain word matches its form, or (unless exact) a token whose lemma is its form or lemma.
        return cls(frozenset(w.form for w in plain),
                   frozenset(k for w in plain if not w.exact for k in (w.form, w.lemma)),
                   wild,
                   tuple(w.form for w in wild if not w.names and w.prefix and not w.suffix),
                   tuple(w.form for w in wild if not w.names and w.suffix and not w.prefix),
                   tuple(w.form for w in wild if not w.names and w.prefix and w.suffix),
                   frozenset().union(*(w.names for w in wild)))

    def matches(self, token: Token) -> bool:
        lower = token.lower
        if lower in self.forms or token.lemma in self.lemmas:
            return True
        if not self.wild:
            return False
        return (lower.startswith(self.prefixes) or lower.endswith(self.suffixes)
                or (lower in self.names and token.text[:1].isupper())
                or any(infix in lower for infix in self.infixes))


class Term(NamedTuple):
    text: str
    slots: tuple[Slot, ...]
    tests: tuple[SlotTest | None, ...] = ()
    # Per slot: for a gap, (most words it skips, whether it stays inside one clause); else None.
    gap_limits: tuple[tuple[int, bool] | None, ...] = ()


class Hit(NamedTuple):  # a tuple, not a frozen dataclass: a letter makes hundreds, hashed and sorted
    start: int
    end: int
    first: int  # index of the first token of the match (or the token at start)
    last: int   # index of the last token of the match
    gaps: tuple[int, ...] = ()  # tokens a "..." gap skipped: a negator there negates the match


@lru_cache(maxsize=64)
def word_class(name: str, language: Language) -> frozenset[str]:
    """The words of a class (classes/<name>.txt of the language: one per line, # for comments)."""
    path = language.classes_dir / f"{name}.txt"
    if not re.fullmatch(r"[a-z_]+", name) or not path.is_file():
        known = ", ".join(sorted("@" + p.stem for p in language.classes_dir.glob("*.txt")))
        raise TermError(msg("term.class_unknown", name="@" + name, known=known))
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise TermError(msg("data.unreadable", path=path, error=type(err).__name__)) from None
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def _word(spec: str, term: str, language: Language) -> Word:
    if spec.startswith("@"):
        return Word(spec, spec, names=word_class(spec[1:], language))
    exact = spec.startswith("=")
    spec = spec.lstrip("=")
    prefix, suffix = spec.endswith("*"), spec.startswith("*")
    core = spec.strip("*").lower()
    if not core or "*" in core:
        raise TermError(msg("term.wildcard_place", term=term))
    if not re.fullmatch(r"\w+(?:['’-]\w+)*", core):
        raise TermError(msg("term.not_one_word", term=term, word=spec))
    if (prefix or suffix) and len(core) < 3:
        raise TermError(msg("term.wildcard_short", term=term))
    return Word(core, core if exact else lemma(core, language.lemmas), exact, prefix, suffix)


def compile_term(term: str, language: Language | str | None = None) -> Term:
    """A term of a rule, its words lemmatised in the language (a code; None: the default one)."""
    return _compile_term(term, languages.get(language))


@lru_cache(maxsize=8192)
def _compile_term(term: str, language: Language) -> Term:
    parts = term.split()
    if not parts:
        raise TermError(msg("term.empty"))
    slots: list[Slot] = []
    limits: list[tuple[int, bool] | None] = []
    for part in parts:
        sized = _SIZED_GAP.fullmatch(part)
        if part == GAP or sized:
            if not slots or slots[-1] is None:
                raise TermError(msg("term.gap_place", term=term))
            if sized and int(sized.group(1)) > MAX_GAP_WORDS:
                raise TermError(msg("term.gap_long", term=term, words=MAX_GAP_WORDS))
            slots.append(None)
            # "...N" stops at a clause boundary: words between the parts of one phrase, not two clauses.
            limits.append((int(sized.group(1)), True) if sized else (GAP_WORDS, False))
        else:
            limits.append(None)
            slots.append(tuple(_word(alt, term, language) for alt in part.split("|") if alt) or None)
            if slots[-1] is None:
                raise TermError(msg("term.alternative_empty", term=term))
    if slots[-1] is None:
        raise TermError(msg("term.gap_place", term=term))
    return Term(term, tuple(slots), tuple(None if slot is None else SlotTest.of(slot) for slot in slots),
                tuple(limits))


@lru_cache(maxsize=4096)
def compile_pattern(pattern: str) -> re.Pattern[str]:
    try:
        # Word boundaries only where the match starts or ends with a letter or digit, so a
        # pattern may also start or end on punctuation ("!" right after a word). The start is
        # checked in _pattern_hits instead of here: a leading lookaround would stop the regex
        # engine from skipping quickly to where the pattern can begin.
        return re.compile(rf"{_start_guard(pattern)}(?:{pattern})(?:(?<=\w)(?!\w)|(?<=\W))", re.IGNORECASE)
    except re.error as err:
        raise TermError(msg("pack.regex_invalid", pattern=pattern, error=err)) from None


def _start_guard(pattern: str) -> str:
    """A lookahead for the characters a match can start with, put before a pattern that starts
    with lookarounds ("(?<!\\bstuur\\s)(?!UWV|SVB|...)[A-Z]{3,}"), else "".

    Python's re skips quickly to where a pattern can begin only when it starts with a literal or
    a class; one that starts with lookarounds has all of them tried at every position of the
    letter. The guard fails there at once on a character no match can start with (a whole letter
    13x faster for the capitals rule). It only ever rejects a position the pattern itself would
    reject, so the matches stay the same."""
    try:
        items = list(_sre_parse.parse(pattern, re.IGNORECASE))
    except re.error:
        return ""
    head = items
    while head and str(head[0][0]) == "SUBPATTERN":
        head = list(head[0][1][-1])
    if not head or str(head[0][0]) not in ("ASSERT", "ASSERT_NOT"):
        return ""  # starts with something re can already skip ahead to (or cannot tell)
    first = _first_chars(items, sensitive=False)
    if first is None:
        return ""
    insensitive, nullable, sensitive = first
    if nullable or not (insensitive or sensitive):
        return ""  # a match may start anywhere
    guards = [f"[{''.join(insensitive)}]"] if insensitive else []
    if sensitive:
        guards.append(f"(?-i:[{''.join(sensitive)}])")
    return "(?=" + "|".join(guards) + ")"


_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_WORD": r"\w", "CATEGORY_SPACE": r"\s"}


def _class_piece(kind: str, arg) -> str | None:
    """One item of a regex class as class text: "a", "a-z", "\\w"; None for what cannot be copied."""
    if kind == "LITERAL":
        return re.escape(chr(arg))  # escapes "-", "]", "^" and "\\" too
    if kind == "RANGE":
        return f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}"
    if kind == "CATEGORY":
        return _CATEGORIES.get(str(arg))
    return None  # a negated class or category: left alone


def _first_chars(items: list, sensitive: bool) -> tuple[list[str], bool, list[str]] | None:
    """What a match of these regex items can start with: (class pieces compared case-insensitively,
    whether the items can match nothing at all, pieces compared case-sensitively), or None when
    that is not simple to tell (any character, a negated class, a back reference)."""
    loose: list[str] = []
    exact: list[str] = []

    def add(pieces: list[str], strict: list[str]) -> None:
        loose.extend(pieces)
        exact.extend(strict)

    for op, arg in items:
        name = str(op)
        if name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue  # takes no character: the match starts at what follows
        if name == "LITERAL":
            piece = _class_piece("LITERAL", arg)
            add([] if sensitive else [piece], [piece] if sensitive else [])
            return loose, False, exact
        if name == "IN":
            pieces = [_class_piece(str(kind), value) for kind, value in arg]
            if None in pieces:
                return None
            add([] if sensitive else pieces, pieces if sensitive else [])
            return loose, False, exact
        if name == "SUBPATTERN":
            _, add_flags, del_flags, sub = arg
            inner = (sensitive or bool(del_flags & re.IGNORECASE)) and not add_flags & re.IGNORECASE
            found = _first_chars(list(sub), inner)
        elif name == "BRANCH":
            branches = [_first_chars(list(b), sensitive) for b in arg[1]]
            if None in branches:
                return None
            found = ([p for b in branches for p in b[0]], any(b[1] for b in branches),
                     [p for b in branches for p in b[2]])
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, _, sub = arg
            found = _first_chars(list(sub), sensitive)
            if found is not None and low == 0:
                found = (found[0], True, found[2])
        else:
            return None  # any character, a negated literal, a back reference, ...
        if found is None:
            return None
        add(found[0], found[2])
        if not found[1]:
            return loose, False, exact
    return loose, True, exact


def _match_from(term: Term, tokens: list[Token], i: int, slot: int, gaps: list[int]) -> int | None:
    """Index of the last token when term.slots[slot:] matches from tokens[i], else None.

    All tokens of a match lie in one sentence. Tokens skipped by a gap are appended to `gaps`.
    """
    tests, count = term.tests, len(tokens)
    if i >= count:
        return None
    sentence = tokens[i - 1].sentence if slot else tokens[i].sentence
    while slot < len(tests):
        test = tests[slot]
        if test is None:  # a gap: skip 0..size tokens, then match the rest
            size, in_clause = term.gap_limits[slot]
            clause = tokens[i - 1].clause
            after = tests[slot + 1]  # a gap is always followed by a word
            for skip in range(size + 1):
                j = i + skip
                if j >= count or tokens[j].sentence != sentence:
                    return None
                if in_clause and tokens[j].clause != clause:
                    return None  # the phrase would reach into another clause
                if not after.matches(tokens[j]):
                    continue  # the rest cannot start here (tested before a call for it)
                end = _match_from(term, tokens, j, slot + 1, gaps)
                if end is not None:
                    gaps.extend(t.index for t in tokens[i:j])
                    return end
            return None
        if i >= count:
            return None
        token = tokens[i]
        if token.sentence != sentence or not test.matches(token):
            return None
        i += 1
        slot += 1
    return i - 1


class TermSet:
    """Terms indexed by their first word, so one pass over the tokens finds them all.

    Before trying a term at a token, the set checks that each of the term's fixed words occurs
    somewhere in the letter: one bit per word position, so the check is a single integer AND.
    """

    def __init__(self, terms: tuple[str, ...], language: Language):
        self.by_key: dict[str, list[Term]] = {}
        # Terms whose first two slots are plain words, by a key of each: (first, second) -> terms.
        # One look-up per pair of neighbouring tokens finds them (see find_all).
        self.by_pair: dict[tuple[str, str], list[Term]] = {}
        self.by_prefix: dict[str, list[Term]] = {}
        self.by_suffix: dict[str, list[Term]] = {}
        self.scan: list[Term] = []
        self.key_bits: dict[str, int] = {}  # token key -> bits of the word positions it satisfies
        self.term_bits: dict[str, int] = {}  # term text -> bits of its fixed word positions
        # term text -> the bit of its second word position, or 0 (a gap or wildcard there): a
        # token whose keys lack that bit cannot be followed by the rest of the term
        self.second_bit: dict[str, int] = {}
        self._forms: dict[str, Form] = {}  # see _form: computed per word form, kept across letters
        self._vocabulary: tuple[dict, dict[str, Form]] = ({}, {})  # see _vocabulary_of
        self.cache_key = ""  # the index's key in the cache folder (see _term_set)
        bit_of: dict[frozenset[str], int] = {}
        for text in dict.fromkeys(terms):
            term = compile_term(text, language)
            self._index(term)
            bits = 0
            for position, test in enumerate(term.tests):
                if test is None or test.wild:  # a gap or a wildcard: cannot tell from keys
                    continue
                keys = test.forms | test.lemmas
                if keys not in bit_of:
                    bit_of[keys] = 1 << len(bit_of)
                    for key in keys:
                        self.key_bits[key] = self.key_bits.get(key, 0) | bit_of[keys]
                bits |= bit_of[keys]
                if position == 1:
                    self.second_bit[text] = bit_of[keys]
            self.term_bits[text] = bits
        # Per index key: its terms once each, with their bits (see _candidates)
        self._entries = [{key: self._entry(terms) for key, terms in index.items()}
                         for index in (self.by_key, self.by_prefix, self.by_suffix)]
        self._scan_entries = self._entry(self.scan)
        # first key -> second key -> its terms once each, with their bits
        self._pairs: dict[str, dict[str, tuple[tuple[Term, int], ...]]] = {}
        for (first, second), terms in self.by_pair.items():
            self._pairs.setdefault(first, {})[second] = tuple(
                (t, self.term_bits[text]) for text, t in {t.text: t for t in terms}.items())

    def _entry(self, terms: list[Term]) -> tuple[tuple[Term, int, int, SlotTest | None], ...]:
        unique = {t.text: t for t in terms}  # by text: hashing a Term is slow
        return tuple((t, self.term_bits[text], self.second_bit.get(text, 0),
                      t.tests[0] if len(t.tests) == 1 else None) for text, t in unique.items())

    def _index(self, term: Term) -> None:
        first, second = term.slots[0], term.slots[1] if len(term.slots) > 1 else None
        if first and second and not any(w.wild for w in first) and not any(w.wild for w in second):
            # Both words are keys: the term can start only where a token with a key of the first
            # is followed by one with a key of the second (the keys a SlotTest accepts).
            test = term.tests[1]
            for word in first:
                for key in {word.form, word.lemma}:
                    for following in test.forms | test.lemmas:
                        self.by_pair.setdefault((key, following), []).append(term)
            return
        for word in term.slots[0] or ():
            if word.names:
                for key in word.names:
                    self.by_key.setdefault(key, []).append(term)
            elif word.prefix and word.suffix:
                self.scan.append(term)
            elif word.prefix:
                self.by_prefix.setdefault(word.form[:3], []).append(term)
            elif word.suffix:
                self.by_suffix.setdefault(word.form[-3:], []).append(term)
            else:
                for key in {word.form, word.lemma}:
                    self.by_key.setdefault(key, []).append(term)

    def _build_form(self, lower: str, lemma_: str) -> "Form":
        """Everything the index knows about one word form (its lower-case text and lemma): the same
        in every letter, so it is worked out once per form (see _form and _vocabulary_of)."""
        by_key, by_prefix, by_suffix = self._entries
        groups = [by_key.get(lower), by_key.get(lemma_) if lemma_ != lower else None,
                  by_prefix.get(lower[:3]), by_suffix.get(lower[-3:]), self._scan_entries]
        groups = [g for g in groups if g]
        # pair terms by the next token's key, from this token's form and lemma (each term once)
        follows = [self._pairs.get(lower), self._pairs.get(lemma_) if lemma_ != lower else None]
        follows = [f for f in follows if f]
        bits = self.key_bits.get(lower, 0) | self.key_bits.get(lemma_, 0)
        if not groups and not follows and not bits:
            return NO_FORM  # most words: in no term at all
        if len(groups) <= 1:  # most words: one group, already without repeats
            raw = groups[0] if groups else ()
        else:  # a term may start both at the word's form and its lemma: once
            raw = tuple({entry[0].text: entry for group in groups for entry in group}.values())
        if len(follows) <= 1:
            after = follows[0] if follows else {}
        else:
            after = {}
            for follow in follows:
                for second, entries in follow.items():
                    after[second] = tuple({e[0].text: e for e in after.get(second, ()) + entries}.values())
        # Whether a term's first word matches depends on the form alone (its text and lemma), so it
        # is decided here once; only a word class ("@voornaam") also needs a capital, per token.
        # A one-word term is then a hit wherever the form occurs.
        probe = Token(lower, 0, 0, 0, 0, 0, lower, lemma_)
        raw = [entry for entry in raw if entry[0].tests[0].names or entry[0].tests[0].matches(probe)]
        singles = tuple(term.text for term, _, _, single in raw if single is not None and not single.names)
        named = tuple((term.text, single) for term, _, _, single in raw if single is not None and single.names)
        # A second word with wildcards has no bit (see second_bit): its test is kept to try on the
        # next token before the whole term is (the costliest terms start "uw|je|de *leverancier|...")
        longer = tuple((term, bits, second, term.tests[1] if not second and term.tests[1] is not None else None)
                       for term, bits, second, single in raw if single is None)
        if not (singles or named or longer or after or bits):
            return NO_FORM
        return Form(bits, singles, named, longer, after)

    def _form(self, token: Token, vocabulary: dict[str, "Form"] | None) -> "Form":
        """The form's entry, kept once found (a few thousand word forms at most): precomputed for
        a word of the language's word data (`vocabulary`, see _vocabulary_of: the token carries
        its row of that table from the parser), else worked out. The small dict of forms seen is
        asked first: it stays in the CPU's cache, the table does not."""
        lower = token.lower
        form = self._forms.get(lower)
        if form is None:  # the lemma is the same wherever the form occurs: the form alone is the key
            if vocabulary is not None and token.row is not None:
                form = vocabulary.get(lower, NO_FORM)
            else:
                form = self._build_form(lower, token.lemma)
            if len(self._forms) < 100_000:
                self._forms[lower] = form
        return form

    def _vocabulary_of(self, table: dict[str, tuple]) -> dict[str, "Form"]:
        """The entries of the words of the language's word data (outreach/text/words.py: each word
        with its lemma) that occur in a term, worked out ahead as that table holds the words'
        other data ahead: a word of the table without one is in no term, with no work per letter.
        Which words have one (about 5,000 of its 200,000) is found once (~0.3 s) and kept in
        the cache folder beside the index (`cache_key`: the index's own key, whose package digest
        covers the word data file and this code); their entries are made when the table is first
        seen (~50 ms). An index not kept there (a language folder outside the package) works out
        each form as it comes instead."""
        if not self.cache_key:
            return {}
        if self._vocabulary[0] is not table:
            def starters() -> list[str]:
                # _build_form gives NO_FORM unless one of these keys is the word's or its lemma's
                # (or its first or last three letters, or there are terms tried at every word):
                # only those words are tried, a tenth of a second for the whole table
                keys = set(self.by_key) | set(self._pairs) | set(self.key_bits)
                prefixes, suffixes = set(self.by_prefix), set(self.by_suffix)
                return [word for word, row in table.items()
                        if (self.scan or word in keys or (row[2] or word) in keys or word[:3] in prefixes
                            or word[-3:] in suffixes) and self._build_form(word, row[2] or word) is not NO_FORM]

            words = cached("term-starters", self.cache_key, starters)
            self._vocabulary = (table, {word: self._build_form(word, table[word][2] or word) for word in words})
        return self._vocabulary[1]

    def clear_word_cache(self) -> None:
        """Forget the entries worked out per word form (for benchmarks with cold caches); the
        precomputed ones stay, like the word data they come from."""
        self._forms.clear()

    def find_all(self, tokens: list[Token], known: Container[str] = ()) -> dict[str, list[Hit]]:
        """Every match of every term, on whole tokens, by term text. `known`: the language's word
        data as loaded (text/words.py; only a rule book's index is given it), whose words' entries
        are worked out ahead (see _vocabulary_of)."""
        vocabulary = self._vocabulary_of(known) if known and self.cache_key else None
        seen: dict[str, Form] = {}  # by token form: a letter repeats its words
        forms: list[Form] = []
        present = 0
        for token in tokens:
            form = seen.get(token.lower)
            if form is None:
                form = seen[token.lower] = self._form(token, vocabulary)
            forms.append(form)
            present |= form.bits
        forms.append(NO_FORM)  # after the last token
        absent = ~present  # once: a term with any of these bits cannot match
        hits: dict[str, list[Hit]] = {}
        last_index = len(tokens) - 1
        for i, token in enumerate(tokens):
            form = forms[i]
            if form is NO_FORM:
                continue
            _, singles, named, longer, after = form
            if singles or named:  # one-word terms: the token itself is the whole match
                hit = Hit(token.start, token.end, token.index, token.index, ())
                for text in singles:
                    hits.setdefault(text, []).append(hit)
                for text, single in named:
                    if single.matches(token):
                        hits.setdefault(text, []).append(hit)
            if after and i < last_index:  # terms that start with this token's word and the next one's
                following = tokens[i + 1]
                pair = after.get(following.lower)
                if following.lemma != following.lower:
                    other = after.get(following.lemma)
                    if other:  # a term found through both keys is tried once
                        pair = tuple({e[0].text: e for e in (pair or ()) + other}.values())
                for term, bits in pair or ():
                    if bits & absent:
                        continue  # a word of the term is nowhere in the letter
                    gaps: list[int] = []
                    last = _match_from(term, tokens, i, 0, gaps)
                    if last is not None:
                        hits.setdefault(term.text, []).append(
                            Hit(token.start, tokens[last].end, token.index, tokens[last].index, tuple(gaps)))
            if not longer:
                continue
            following = forms[i + 1].bits
            next_token = tokens[i + 1] if i < last_index else None
            for term, bits, second, wild_second in longer:
                if bits & absent:
                    continue  # a word of the term is nowhere in the letter
                if second and not following & second:
                    continue  # the next token cannot be the term's second word
                if wild_second is not None and (next_token is None or not wild_second.matches(next_token)):
                    continue
                gaps = []
                last = _match_from(term, tokens, i, 0, gaps)
                if last is not None:
                    hits.setdefault(term.text, []).append(
                        Hit(token.start, tokens[last].end, token.index, tokens[last].index, tuple(gaps)))
        return hits


class Form(NamedTuple):
    """What the index knows of one word form (TermSet._build_form)."""
    bits: int                                      # the word positions of terms its keys satisfy (key_bits)
    singles: tuple[str, ...]                       # one-word terms it matches: a hit wherever it occurs
    named: tuple[tuple[str, SlotTest], ...]        # one-word terms of a word class: matched per token
    longer: tuple[tuple[Term, int, int, "SlotTest | None"], ...]  # longer terms that may start here:
    #                                                (term, bits, second bit, test of a wildcard second word)
    after: dict[str, tuple[tuple[Term, int], ...]]  # terms of two plain words, by the next token's key


NO_FORM = Form(0, (), (), (), {})


def term_set(terms: tuple[str, ...], language: Language | str | None = None) -> TermSet:
    """The terms indexed, their words lemmatised in the language (a code; None: the default one)."""
    return _term_set(terms, languages.get(language))


@lru_cache(maxsize=4096)
def _term_set(terms: tuple[str, ...], language: Language) -> TermSet:
    if len(terms) < 100 or PACKAGE not in language.folder.parents:
        # a rule's own terms (examples, tests): quicker to build than to look up; a language
        # folder outside the package is not covered by the package digest
        return TermSet(terms, language)
    # A rule book's index: kept in the cache folder (outreach/cache.py), keyed on the terms, the
    # language and the package's code and data (which decide what compile_term makes of them).
    key = package_digest() + language.code + hashlib.sha256("\n".join(terms).encode()).hexdigest()
    index = cached("terms", key, lambda: TermSet(terms, language))
    index.cache_key = key
    return index


def find_terms(terms: tuple[str, ...], tokens: list[Token], language: Language | str | None = None) -> list[Hit]:
    found = term_set(terms, language).find_all(tokens)
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


_MAX_STRINGS = 64  # a run of literals with alternatives in it ("\\.(?:nl|com)") as at most this many texts


def _strings(items: list) -> set[str] | None:
    """The texts a sequence of regex items can match, when they are few (at most _MAX_STRINGS):
    literals, classes of single characters, alternations and groups of those. Else None."""
    out = {""}
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            options: set[str] | None = {chr(arg)}
        elif name == "IN":
            if not all(str(kind) == "LITERAL" for kind, _ in arg):
                return None
            options = {chr(code) for _, code in arg}
        elif name == "SUBPATTERN":
            options = _strings(list(arg[-1]))
        elif name == "BRANCH":
            options = set()
            for branch in arg[1]:
                texts = _strings(list(branch))
                if texts is None:
                    return None
                options |= texts
        else:
            return None
        if options is None:
            return None
        out = {a + b for a in out for b in options}
        if len(out) > _MAX_STRINGS:
            return None
    return out


def _required(items: list) -> set[str] | None:
    """Best requirement of a sequence of regex items (longest literal run or a branch).

    A run is a stretch of items that match only a few texts (literals, and alternatives of
    literals: "\\.(?:nl|com)" is ".nl" or ".com"); every match holds one of a run's texts."""
    options: list[set[str]] = []
    run: set[str] = {""}

    def close_run() -> None:
        nonlocal run
        if "" not in run:
            options.append({text.lower() for text in run})
        run = {""}

    for op, arg in items:
        texts = _strings([(op, arg)])
        if texts is not None:
            longer = {a + b for a in run for b in texts}
            if len(longer) <= _MAX_STRINGS:
                run = longer
                continue
            close_run()
            if len(texts) <= _MAX_STRINGS:
                run = texts
                continue
        close_run()
        name = str(op)
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


def _windows(doc: Document, lowered: str, literals: tuple[str, ...] | None,
             lo: int, hi: int) -> list[tuple[int, int]]:
    """Where in lo..hi a pattern can match: the sentences around the places of its literals.

    A match starts at most one sentence before its literal ("Wilt u hulp? Dan kunt u ...") and
    ends at most MATCH_REACH characters after it (rounded up to a whole sentence): a signature
    spans a few short lines. Skipping the rest of the letter saves the regex engine most of its walk.
    """
    if not literals:
        return [(lo, hi)]
    if len(lowered) != len(doc.text):  # lower() changed offsets: fall back to the whole range
        return [(lo, hi)] if any(lit in lowered for lit in literals) else []
    sentences, ends = doc.sentences, doc.sentence_ends
    last = len(sentences) - 1
    spans: list[tuple[int, int]] = []
    for lit in literals:
        at = lowered.find(lit, lo, hi)
        while at >= 0:
            first = bisect.bisect_right(ends, at)
            if first > last:
                break
            reach = min(last, bisect.bisect_left(ends, at + len(lit) + MATCH_REACH))
            spans.append((max(lo, sentences[max(0, first - 1)].start), min(hi, sentences[reach].end)))
            at = lowered.find(lit, at + 1, hi)
    windows: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        elif start < end:
            windows.append((start, end))
    return windows


def _pattern_hits(pattern: str, doc: Document, lowered: str, lo: int, hi: int) -> list[Hit]:
    hits = []
    starts, text, regex = doc.starts, doc.plain, compile_pattern(pattern)
    for window_lo, window_hi in _windows(doc, lowered, required_literals(pattern), lo, hi):
        pos = window_lo
        while pos <= window_hi:
            m = regex.search(text, pos, window_hi)
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
    lowered = doc.plain.lower() if lowered is None else lowered
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
