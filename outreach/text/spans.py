"""Stretches of a letter that name, list or point at things rather than say them: proper names,
amount lines, web and mail addresses, and acronyms in brackets after the words they stand for.

A rule may ignore its matches inside these (`ignore_in` in a rule pack): "Centraal Inningsbureau
Boetes" is who sends the letter and "Incassokosten  € 40,00" is a line of an account; neither
threatens the reader, whereas "dan komen er incassokosten bij" does. "www.zandhorst.nl/
schuldhulpverlening" is an address, not jargon; "(Wgs)" after "Wet gemeentelijke
schuldhulpverlening" is explained, not an unexplained abbreviation.
"""
from __future__ import annotations

import bisect
import re

from outreach.text.document import Document, Token

SPAN_KINDS = ("names", "amount_lines", "addresses", "explained_acronyms")

# Lower-case words that may stand inside a name between two capitalised words
# ("Handhaving en Terugvordering", "Van Dijk & Partners", "Bureau van de Gemeente").
_PARTICLES = frozenset({"van", "de", "der", "den", "het", "ten", "ter", "en", "voor", "&"})
# Between two words of one name: spaces, a hyphen or an ampersand, never a line break or bracket.
_JOIN = re.compile(r"[ \t\u00a0&\-–]*")
# A line of an account: a short label and an amount at its end ("Incassokosten   € 47,76");
# not a subject line ("Betreft: ... € 683,40"), whose colon comes before more words.
_AMOUNT_LINE = re.compile(
    r"^[ \t]*(?:[-•*][ \t]+)?[^\n€.!?:]{1,60}?:?[ \t]+(?:€|EUR)[ \t]*-?\d[\d.]*(?:,(?:\d{2}|-))?[ \t]*$",
    re.MULTILINE)


def _capitalised(token: Token) -> bool:
    """A word written as a name: "Boetes", "CIB-Boetes", or an acronym of 2-6 capitals ("CIB")."""
    text = token.text.rsplit("-", 1)[-1] if "-" in token.text[1:] else token.text
    # "WW-uitkering" is a common noun with an acronym in front; "CIB-Boetes" is written as a name.
    if not token.is_word or not text or not text[0].isupper():
        return False
    if any(c.islower() for c in text[1:]):
        return True
    return 2 <= len(text) <= 6 and text.isalpha()


def _joined(text: str, left: Token, right: Token) -> bool:
    return left.sentence == right.sentence and _JOIN.fullmatch(text, left.end, right.start) is not None


def name_spans(doc: Document) -> list[tuple[int, int]]:
    """Runs of two or more capitalised words (particles allowed between them) that are not only
    the first word of a sentence, plus single words that join an acronym to a capitalised word
    ("CIB-Boetes"). All-capital shouting ("LAATSTE SOMMATIE") is not a name: a run needs at
    least one word with lower-case letters."""
    spans: list[tuple[int, int]] = []
    tokens, text = doc.tokens, doc.text
    # A capital after a sentence start or a colon ("Betreft: Terugvordering") is no sign of a name.
    sentence_first = {s.words[0].index for s in doc.sentences if s.words}
    sentence_first |= _after_colon(doc)
    # Once per token (a run looks at its words again); most tokens are punctuation or words
    # without a capital, which the cheap tests in front settle.
    capital = [t.is_word and not t.text.islower() and _capitalised(t) for t in tokens]
    count, resume = len(tokens), 0
    for i in [k for k, c in enumerate(capital) if c]:
        if i < resume:
            continue  # inside the run before
        j = i + 1
        while j < count:
            # The run goes on with a capitalised word or a particle before one ("van de"), written
            # next to the word before it; the cheap tests first, as most runs are one word long.
            goes_on = capital[j] or (tokens[j].lower in _PARTICLES and j + 1 < count and capital[j + 1]
                                     and _joined(text, tokens[j], tokens[j + 1]))
            if not goes_on or not _joined(text, tokens[j - 1], tokens[j]):
                break
            j += 1
        run = tokens[i:j]
        capitals = [t for t in run if capital[t.index]]
        if len(capitals) >= 2 and any(any(c.islower() for c in t.text) for t in capitals) \
                and any(t.index not in sentence_first for t in capitals):
            spans.append((run[0].start, run[-1].end))
        elif len(run) == 1 and "-" in run[0].text and run[0].text.split("-")[0].isupper():
            spans.append((run[0].start, run[0].end))
        resume = j
    return spans


def _after_colon(doc: Document) -> set[int]:
    """Tokens whose gap to the token before ends with a colon (after its spaces): "Betreft: Xyz"."""
    tokens, text, starts = doc.tokens, doc.text, doc.starts
    found: set[int] = set()
    colon = text.find(":")
    while colon >= 0:
        k = bisect.bisect_right(starts, colon)  # the first token after the colon
        if 0 < k < len(tokens) and tokens[k - 1].end <= colon and not text[colon + 1:tokens[k].start].strip():
            found.add(k)
        colon = text.find(":", colon + 1)
    return found


def amount_lines(text: str) -> list[tuple[int, int]]:
    """Lines that are a label and an amount, as in a statement of account."""
    return [m.span() for m in _AMOUNT_LINE.finditer(text)]


# "(Wgs)" or "( WSNP )" right after the words it stands for.
_ACRONYM_IN_BRACKETS = re.compile(r"\(\s*([A-Z][A-Za-z]{1,6})\s*\)")
_WORD = re.compile(r"[^\W\d_]+")
_SMALL_WORDS = frozenset({"de", "het", "van", "op", "voor", "en", "der", "in", "tot"})


def _initials_before(text: str, end: int, count: int) -> str:
    """Initials of the `count` words before `end`, skipping small words ("Wet op de ...")."""
    words = [w for w in _WORD.findall(text[max(0, end - 200):end]) if w.lower() not in _SMALL_WORDS]
    return "".join(w[0] for w in words[-count:]).lower()


def explained_acronyms(text: str) -> list[tuple[int, int]]:
    """Acronyms in brackets whose letters are the initials of the words just before them:
    "Wet gemeentelijke schuldhulpverlening (Wgs)", "Centraal Inningsbureau Boetes (CIB)"."""
    found = []
    for m in _ACRONYM_IN_BRACKETS.finditer(text):
        acronym = m.group(1)
        if _initials_before(text, m.start(), len(acronym)) == acronym.lower():
            found.append(m.span(1))
    return found


def find_spans(doc: Document, kind: str) -> list[tuple[int, int]]:
    if kind == "names":
        return name_spans(doc)
    if kind == "amount_lines":
        return amount_lines(doc.text)
    if kind == "addresses":
        return list(doc.addresses)
    if kind == "explained_acronyms":
        return explained_acronyms(doc.text)
    raise ValueError(f"unknown span kind {kind!r}; known: {', '.join(SPAN_KINDS)}")
