"""Stretches of a letter that name or list things rather than say them: proper names and amount lines.

A rule may ignore its matches inside these (`ignore_in` in a rule pack): "Centraal Inningsbureau
Boetes" is who sends the letter and "Incassokosten  € 40,00" is a line of an account; neither
threatens the reader, whereas "dan komen er incassokosten bij" does.
"""
from __future__ import annotations

import re

from outreach.text.document import Document, Token

SPAN_KINDS = ("names", "amount_lines")

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
    tokens = doc.tokens
    # A capital after a sentence start or a colon ("Betreft: Terugvordering") is no sign of a name.
    sentence_first = {s.words[0].index for s in doc.sentences if s.words}
    sentence_first |= {t.index for p, t in zip(tokens, tokens[1:])
                       if doc.text[p.end:t.start].strip().endswith(":")}
    i = 0
    while i < len(tokens):
        if not _capitalised(tokens[i]):
            i += 1
            continue
        run = [tokens[i]]
        j = i + 1
        while j < len(tokens) and _joined(doc.text, run[-1], tokens[j]):
            if _capitalised(tokens[j]):
                run.append(tokens[j])
            elif tokens[j].lower in _PARTICLES and j + 1 < len(tokens) and _capitalised(tokens[j + 1]) \
                    and _joined(doc.text, tokens[j], tokens[j + 1]):
                run.append(tokens[j])
            else:
                break
            j += 1
        capitals = [t for t in run if _capitalised(t)]
        has_lower = any(any(c.islower() for c in t.text) for t in capitals)
        evidence = [t for t in capitals if t.index not in sentence_first]
        if has_lower and len(capitals) >= 2 and evidence:
            spans.append((run[0].start, run[-1].end))
        elif len(run) == 1 and "-" in run[0].text and run[0].text.split("-")[0].isupper():
            spans.append((run[0].start, run[0].end))
        i = j
    return spans


def amount_lines(text: str) -> list[tuple[int, int]]:
    """Lines that are a label and an amount, as in a statement of account."""
    return [m.span() for m in _AMOUNT_LINE.finditer(text)]


def find_spans(doc: Document, kind: str) -> list[tuple[int, int]]:
    if kind == "names":
        return name_spans(doc)
    if kind == "amount_lines":
        return amount_lines(doc.text)
    raise ValueError(f"unknown span kind {kind!r}; known: {', '.join(SPAN_KINDS)}")
