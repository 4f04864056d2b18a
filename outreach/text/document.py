"""A letter as the rest of the engine sees it: tokens, sentences, clauses and letter parts.

Offsets are always 0-based, end-exclusive indexes into the exact input string.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from outreach import languages
from outreach.languages import Language
from outreach.text import words as word_data
from outreach.text.lemmas import lemma

# \u00ad: a soft hyphen from Word joins a word. Possessive (++, *+): the same matches (a joiner is
# no \w, so giving back letters never helps), without keeping backtracking points per character.
_WORD = re.compile(r"\w++(?:['’\u00ad-]\w++)*+")
# Word writes non-breaking spaces and hyphens in phone numbers and names; patterns see plain ones.
# One character for one keeps every offset valid.
_PLAIN = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2011": "-", "\u2010": "-"})
_SPECIAL = tuple(chr(c) for c in _PLAIN)
# Web and mail addresses are not words: "mijn.aquanoord.nl" holds no "mijn" for a rule, and
# "info@woonbronoost.nl" no uncommon word for the readability metrics.
# Each alternative starts only at the start of a run of its characters (lookbehind) and takes a
# run whole (possessive ++): a 200,000-character run of digits or dots is one linear scan, not
# one scan per position.
ADDRESS = re.compile(  # web and mail addresses: not words
    r"(?:https?://|www\.)[^\s<>()\[\]]++"
    r"|(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)++"
    r"|(?<![\w@.-])[\w-]++(?:\.[\w-]++)*\.(?:nl|com|org|net|eu|info|be|nu|online|frl|amsterdam)\b(?:/[^\s<>()\[\]]*+)?",
    re.IGNORECASE)

# Every address holds one of these (ADDRESS is case-insensitive too), and no whitespace. Each
# alternative starts with a character without case ("www." is found at its dot, in the same run of
# non-space characters), so the search skips ahead to "@", ":" and "." instead of trying every
# position case-insensitively: half the time.
_ADDRESS_HINT = re.compile(r"@|://|\.(?:(?<=www\.)|nl|com|org|net|eu|info|be|nu|online|frl|amsterdam)", re.IGNORECASE)
_NO_SPACE = re.compile(r"\S*+")


def find_addresses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each match of ADDRESS in text, as ADDRESS.finditer(text) gives them.

    ADDRESS is searched only in the runs of non-space characters that hold a hint of an address:
    an address never holds a space, so a search that starts at the start of such a run finds
    what a search of the whole text finds there (its lookbehinds still see the text before the
    run), and a run without a hint holds no address. Each run is searched once: linear time.
    """
    spans: list[tuple[int, int]] = []
    done = 0  # the end of the last run searched
    for hint in _ADDRESS_HINT.finditer(text):
        start = hint.start()
        if start < done:
            continue  # in the run searched already
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        done = _NO_SPACE.match(text, hint.start()).end()
        spans.extend(m.span() for m in ADDRESS.finditer(text, start, done))
    return spans


PARTS = ("header", "subject", "salutation", "body", "closing", "signature")

SALUTATION_WITHIN = 25    # content lines: address blocks, dates and references come first
SOFT_WRAP_MIN_CHARS = 60  # a longer line without end punctuation is a wrapped line, not a heading
# Bullets, also the symbol-font ones Word pastes (U+F0B7 ...) and its "o<tab>" sub-bullets.
# Matched in place, at a line's start (pattern.match(text, start, end)): no "^".
_BULLET = re.compile(r"\s*(?:[-–•*·▪●◦\uf0a7\uf0b7\uf0d8\uf0fc\uf076\u2043\u2219]|\d{1,2}[.)]|[a-z][.)]|o(?=\t))\s+")
_CLAUSE_BREAKS = re.compile(r"[,;:()–—\"]")
_PARAGRAPH_GAP = re.compile(r"\n[ \t\r]*\n")
_HAS_LETTER = re.compile(r"[^\W\d_]").search
_NEXT_VISIBLE = re.compile(r"\s*+(\S)")


class Token(NamedTuple):  # a tuple, not a dataclass: a letter has hundreds and they are built fast
    text: str
    start: int
    end: int
    index: int
    sentence: int
    clause: int
    lower: str = ""
    lemma: str = ""
    is_word: bool = True
    # The word's row of the precomputed word data (text/words.py), or None: found once by the
    # parser, so the metrics, the foreign-word check and the term index need not look it up again
    # in that 200,000-word table (each look-up there is a few cache misses).
    row: tuple | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    index: int
    part: str
    tokens: tuple[Token, ...] = ()
    words: tuple[Token, ...] = ()  # the tokens with a letter in them


@dataclass(frozen=True, slots=True)
class Part:
    name: str
    start: int
    end: int


@dataclass(slots=True)
class Document:
    text: str
    language: Language = field(default_factory=languages.get)  # the language it was read in (parse)
    # The text with Word's non-breaking spaces and hyphens as plain ones (same length): what patterns see.
    plain: str = field(init=False, default="")
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    _starts: list[int] | None = None
    _sentence_ends: list[int] | None = None
    _addresses: list[tuple[int, int]] | None = None

    @property
    def addresses(self) -> list[tuple[int, int]]:
        """(start, end) of every web and mail address in the text (ADDRESS), found once."""
        if self._addresses is None:
            self._addresses = find_addresses(self.text)
        return self._addresses

    def __post_init__(self) -> None:
        # translate() looks up every character: only when there is something to replace
        text = self.text
        self.plain = text.translate(_PLAIN) if any(c in text for c in _SPECIAL) else text

    @property
    def starts(self) -> list[int]:
        """Start offsets of the tokens, for bisecting a character offset to a token."""
        if self._starts is None:
            self._starts = [t.start for t in self.tokens]
        return self._starts

    @property
    def sentence_ends(self) -> list[int]:
        """End offsets of the sentences, for bisecting a character offset to a sentence."""
        if self._sentence_ends is None:
            self._sentence_ends = [s.end for s in self.sentences]
        return self._sentence_ends

    @property
    def body_sentences(self) -> list[Sentence]:
        body = [s for s in self.sentences if s.part == "body"]
        return body or self.sentences


@lru_cache(maxsize=4)
def _abbreviations(language: Language) -> tuple[frozenset[str], frozenset[str]]:
    """text/abbreviations.txt (optional): one a line; "*" after it: it may also end a sentence."""
    always, may_end = set(), set()
    path = language.text_file("abbreviations.txt")
    for line in path.read_text(encoding="utf-8").splitlines() if path.is_file() else ():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _, flag = line.partition(" ")
        (may_end if flag.strip() == "*" else always).add(word.lower())
    return frozenset(always), frozenset(may_end)


def _alternatives(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@lru_cache(maxsize=4)
def _part_markers(language: Language) -> dict[str, re.Pattern[str]]:
    """subject / salutation / closing: one regex each, from text/letter_parts.toml, anchored at a
    line start; inline_salutation / inline_closing: a greeting or closing inside a line."""
    data = language.text_data("letter_parts.toml")
    markers = {key: re.compile(r"^\s*(?:" + _alternatives(data[key]) + ")", re.IGNORECASE)
               for key in ("subject", "salutation", "closing")}
    # optional: a language without it has no postscript marker (sentence lines still count)
    markers["postscript"] = re.compile(r"^\s*(?:" + _alternatives(data["postscript"]) + ")", re.IGNORECASE) \
        if data.get("postscript") else None
    markers["inline_salutation"] = re.compile(
        rf"(?:^|(?<=\s))(?i:{_alternatives(data['inline_salutation'])})\s+"
        rf"(?:(?i:{_alternatives(data['addressees'])})\s*)?(?:[A-ZÀ-Ý][\w'’.-]*\s*){{0,3}},")
    markers["inline_closing"] = re.compile(rf"(?<=[.!?])\s+((?i:{_alternatives(data['inline_closing'])})\s*,)")
    return markers


_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029")


def _lines(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each line of text[start:end], end excluding the newline; offsets into text
    (searched in place: no copy of the block)."""
    end = len(text) if end is None else end
    spans = []
    for match in _LINE_BREAK.finditer(text, start, end):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, end))
    return spans


def find_parts(text: str, language: Language) -> list[Part]:
    """Split a letter into header, subject, salutation, body, closing and signature by its lines."""
    content = [(s, e) for s, e in _lines(text) if text[s:e].strip()]
    if not content:
        return [Part("body", 0, len(text))]
    markers = _part_markers(language)
    salutation = next((i for i, (s, e) in enumerate(content[:SALUTATION_WITHIN])
                       if markers["salutation"].match(text[s:e]) and len(text[s:e].split()) <= 12), None)
    subject = next((i for i, (s, e) in enumerate(content[:SALUTATION_WITHIN])
                    if markers["subject"].match(text[s:e])), None)
    closing = None
    for i in range(len(content) - 1, -1, -1):
        s, e = content[i]
        if markers["closing"].match(text[s:e]) and len(text[s:e].split()) <= 6:
            closing = i
            break
    if salutation is not None and closing is not None and closing <= salutation:
        closing = None
    after = _speaks_after_closing(text, content, closing, markers["postscript"])
    body_from = 0
    if salutation is not None:
        body_from = salutation + 1
    elif subject is not None:
        body_from = subject + 1
    body_to = closing if closing is not None else len(content)
    names: list[str] = []  # each content line's part
    for i in range(len(content)):
        if i == salutation:
            name = "salutation"
        elif i == subject:
            name = "subject"
        elif i < body_from:
            name = "header"
        elif i < body_to:
            name = "body"
        elif i == closing:
            name = "closing"
        elif i in after:
            name = "body"
        else:
            name = "signature"
        names.append(name)
    # Neighbouring lines of the same part are one span, gaps included: one Part per run of lines.
    parts: list[Part] = []
    first = 0  # the first line of the current run
    for i in range(1, len(content) + 1):
        if i == len(content) or names[i] != names[first]:
            parts.append(Part(names[first], content[first][0], content[i - 1][1]))
            first = i
    return _inline_parts(text, parts, language)


SENTENCE_WORDS = 6  # a line after the closing with this many words, ending as a sentence, is no name or address


def _speaks_after_closing(text: str, content: list[tuple[int, int]], closing: int | None,
                          postscript: re.Pattern[str] | None) -> set[int]:
    """Lines after the closing that speak to the reader, read as body: a postscript ("P.S. ...")
    and what follows it, or a full sentence under the signature ("Als u niet betaalt, ..."). A
    threat or a promise there reads as one; the signature's names, roles and addresses do not end
    as a sentence of several words."""
    if closing is None:
        return set()
    speaking, in_postscript = set(), False
    for i in range(closing + 1, len(content)):
        line = text[content[i][0]:content[i][1]].strip()
        in_postscript = in_postscript or bool(postscript and postscript.match(line))
        if in_postscript or (line.endswith((".", "!", "?")) and _has_words(line, SENTENCE_WORDS)):
            speaking.add(i)
    return speaking


def _has_words(line: str, count: int) -> bool:
    """Does the line hold `count` words with a letter (not phone numbers' digits)? Counted only
    as far as needed: the lines after a closing can be whole paragraphs."""
    found = 0
    for word in line.split():
        if any(map(str.isalpha, word)):
            found += 1
            if found >= count:
                return True
    return False


INLINE_WITHIN = 600  # characters from the start (salutation) or end (closing) of the letter


def _split(parts: list[Part], start: int, end: int, name: str, after: str) -> list[Part]:
    """Cut [start, end) out of the part that holds it as `name`; what follows becomes `after`."""
    out: list[Part] = []
    for part in parts:
        if part.start <= start and end <= part.end:
            if part.start < start:
                out.append(Part(part.name, part.start, start))
            out.append(Part(name, start, end))
            if end < part.end:
                out.append(Part(after, end, part.end))
        else:
            out.append(part)
    return out


def _inline_parts(text: str, parts: list[Part], language: Language) -> list[Part]:
    names = {p.name for p in parts}
    if "salutation" not in names:
        first = parts[0]
        greeting = _part_markers(language)["inline_salutation"]
        match = greeting.search(text, first.start, min(first.end, first.start + INLINE_WITHIN))
        if match and first.name in ("header", "body"):
            parts = _split(parts, match.start(), match.end(), "salutation", "body")
            if parts[0].name == "body" and parts[0].end <= match.start():
                parts[0] = Part("header", parts[0].start, parts[0].end)
    if "closing" not in names:
        last = parts[-1]
        window = max(last.start, last.end - INLINE_WITHIN)
        found = list(_part_markers(language)["inline_closing"].finditer(text, window, last.end))
        if found and last.name == "body":
            m = found[-1]
            parts = _split(parts, m.start(1), m.end(1), "closing", "signature")
    return parts


_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_DOTTED = re.compile(r"(?:\w\.)+\w")


def _is_abbreviation(text: str, dot: int, language: Language) -> tuple[bool, bool]:
    """Is the period at `dot` part of an abbreviation? Returns (abbreviation, may_end_sentence)."""
    start = dot
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "([\"'‘“":
        start -= 1
    word = text[start:dot + 1].lower()
    always, may_end = _abbreviations(language)
    if word in always:
        return True, False
    if word in may_end:
        return True, True
    core = word[:-1]
    original = text[dot - len(core):dot]
    if len(core) == 1 and original.isupper():  # an initial: "J. de Vries" (but "bel u." ends)
        return True, False
    if original.isupper() and _INITIALS.fullmatch(original):  # initials: "A.B. Jansen" (company forms are data)
        return True, False
    if "." in core and _DOTTED.fullmatch(core):  # any dotted abbreviation such as "a.u.b"
        return True, True
    return False, False


# "[.!?…][.!?…]*", not "[.!?…]+": a pattern that starts with a character set (not a repeat) is
# searched by skipping to the set's characters, twice as fast over a letter.
_SENTENCE_END = re.compile(r"[.!?…][.!?…]*[\"'’”)\]]*(?=\s+|$)")


def _sentence_spans(text: str, start: int, end: int, language: Language) -> list[tuple[int, int]]:
    """Split one block of lines (a paragraph) into sentences."""
    spans: list[tuple[int, int]] = []
    cursor = start
    line_spans = _lines(text, start, end)

    def emit(a: int, b: int) -> None:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))

    # Hard breaks: a bullet line starts a sentence; a short line without closing punctuation that
    # is followed by a line starting with a capital or a bullet ends one (headings, address
    # lines). A long line is a wrapped line of a paragraph: "... door Woningstichting\nOmnia".
    breaks: list[int] = []
    break_set: set[int] = set()  # the same points, for a constant-time membership test
    markers: set[int] = set()  # periods that belong to a list marker ("1. Bel ons")
    # Each line's bullet, matched in place (its leading spaces are the pattern's \s*, so a line
    # stripped first has the same bullet).
    bullets = [_BULLET.match(text, s, e) for s, e in line_spans]
    for i, (s, e) in enumerate(line_spans):
        bullet = bullets[i]
        if bullet:
            markers.update(s + j for j, c in enumerate(bullet.group()) if c == ".")
            if i:
                breaks.append(s)
        if i + 1 < len(line_spans):
            next_start, next_end = line_spans[i + 1]
            line = text[s:e].rstrip()
            nxt = text[next_start:next_end].lstrip()
            heading_like = len(line) < SOFT_WRAP_MIN_CHARS and (nxt[:1].isupper() or nxt[:1].isdigit())
            if line and nxt and (line[-1] in ".!?:;" or heading_like or bullets[i + 1]) \
                    and next_start not in break_set:
                breaks.append(next_start)
                break_set.add(next_start)
    # searched in place: with endpos, "$" and the lookahead end at `end` as in a copy text[start:end]
    for match in _SENTENCE_END.finditer(text, start, end):
        dot_end = match.end()
        punct = text[match.start()]
        if match.start() in markers:
            continue
        if punct == ".":
            abbreviation, may_end = _is_abbreviation(text, match.start(), language)
            if abbreviation:
                following = _NEXT_VISIBLE.match(text, dot_end, end)  # no copy of the rest of the text
                if not may_end or not following or not following.group(1).isupper():
                    continue
        breaks.append(dot_end)
    for point in sorted(set(breaks)):
        if point > cursor:
            emit(cursor, point)
            cursor = point
    emit(cursor, end)
    return spans


def _inside(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Is offset inside one of the sorted, non-overlapping spans?"""
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and offset < spans[i][1]


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Does [start, end) overlap one of the sorted, non-overlapping spans? (The last span that
    starts before `end` ends last of those that do.)"""
    i = bisect.bisect_left(starts, end) - 1
    return i >= 0 and spans[i][1] > start


_new_tuple = tuple.__new__


WordInfo = tuple[str, str, bool, "word_data.Row | None"]  # lower, lemma, is_word, row: Token's last four
_word_infos: dict[Language, dict[str, WordInfo]] = {}  # language -> word as written -> info
MAX_WORD_INFOS = 200_000  # words kept per language; past that the dict starts again (the app runs for days)


def _word_info(word: str, lemmas: str, known: dict[str, WordInfo], table: dict[str, word_data.Row]) -> WordInfo:
    """A token's lower-case form, lemma, whether it has a letter (not a number) and its row of the
    word data, by the word as written: one dict lookup per token of a word seen before (`known`:
    _word_infos[language]). `table`: word_data.rows(language)."""
    lower = word.lower()
    row = table.get(lower)
    # isalpha(): a letter, without the regex search, for almost every word
    info = known[word] = (lower, lemma(lower, lemmas) if row is None else row[2] or lower,
                          lower.isalpha() or _HAS_LETTER(lower) is not None, row)
    return info


def clear_word_infos() -> None:
    """Forget the words seen (for benchmarks with cold caches)."""
    _word_infos.clear()


def parse(text: str, language: Language | str | None = None) -> Document:
    """Tokens, sentences and letter parts of a letter in a language (a code; None: the default)."""
    language = languages.get(language)
    doc = Document(text, language)
    doc.parts = find_parts(text, language)
    sentence_spans: list[tuple[int, int, str]] = []
    for part in doc.parts:
        # Paragraphs (blank-line separated) never share a sentence.
        block_start = part.start
        for gap in _PARAGRAPH_GAP.finditer(text, part.start, part.end):
            for s, e in _sentence_spans(text, block_start, gap.start(), language):
                sentence_spans.append((s, e, part.name))
            block_start = gap.end()
        for s, e in _sentence_spans(text, block_start, part.end, language):
            sentence_spans.append((s, e, part.name))
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    clause = 0
    addresses = doc.addresses
    address_starts = [a for a, _ in addresses]
    soft_hyphens = "\u00ad" in text
    lemmas, words = language.lemmas, _WORD.finditer
    table = word_data.rows(language)  # the precomputed word data, lemmas included, loaded on first use
    known = _word_infos.get(language)
    if known is None or len(known) > MAX_WORD_INFOS:
        known = _word_infos[language] = {}
    # The clause breaks of the text, found in one pass; in a sentence, next_break is the first one
    # after the last word taken (a break character is never part of a word): a word that starts
    # after it starts a new clause.
    breaks = [m.start() for m in _CLAUSE_BREAKS.finditer(text)]
    breaks.append(len(text))  # not a break: no word starts at or after the end of the text
    for index, (s, e, part_name) in enumerate(sentence_spans):
        first = len(tokens)
        # Only a sentence that overlaps an address has words to skip.
        skip = addresses and _overlaps(addresses, address_starts, s, e)
        next_index = bisect.bisect_left(breaks, s)
        next_break = breaks[next_index]
        for match in words(text, s, e):
            start, end = match.span()
            if skip and _inside(addresses, address_starts, start):
                continue
            if next_break < start:  # a break between the last word (or the sentence start) and this one
                clause += 1
                while next_break < start:
                    next_index += 1
                    next_break = breaks[next_index]
            word = match.group()
            if soft_hyphens:
                word = word.replace("\u00ad", "")
            # tuple.__new__ directly: a NamedTuple's own __new__ is one more Python call per token
            tokens.append(_new_tuple(Token, (word, start, end, len(tokens), index, clause)
                                     + (known.get(word) or _word_info(word, lemmas, known, table))))
        clause += 1
        sentence_tokens = tuple(tokens[first:])
        sentences.append(Sentence(s, e, index, part_name, sentence_tokens,
                                  tuple([t for t in sentence_tokens if t.is_word])))
    doc.tokens = tokens
    doc.sentences = sentences
    return doc
