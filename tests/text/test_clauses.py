"""parse numbers clauses as "a clause break character between two words, or a new sentence"."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from outreach.text.document import parse

LETTERS = sorted((Path(__file__).resolve().parents[1] / "letters").glob("*.txt"))
BREAKS = ",;:()–—\""


def expected_clauses(doc) -> list[int]:
    """Each token's clause, by the definition: the text between a word and the one before it (or
    the start of its sentence) holds a break character; every sentence starts a new clause."""
    clauses, clause = [], 0
    for sentence in doc.sentences:
        last_end = sentence.start
        for token in sentence.tokens:
            if any(c in BREAKS for c in doc.text[last_end:token.start]):
                clause += 1
            clauses.append(clause)
            last_end = token.end
        clause += 1
    return clauses


def test_clauses_of_the_test_letters():
    for path in LETTERS:
        doc = parse(path.read_text(encoding="utf-8"))
        assert [t.clause for t in doc.tokens] == expected_clauses(doc), path.name


def test_a_break_inside_a_skipped_address_counts():
    doc = parse("Kijk op https://x.nl/a of bel (gratis) ons: nu, of later.")
    assert [t.clause for t in doc.tokens] == expected_clauses(doc)
    assert [t.text for t in doc.tokens][:3] == ["Kijk", "op", "of"]
    assert doc.tokens[2].clause == doc.tokens[1].clause + 1  # the ":" of "https://"


_PIECES = ["U", "betaalt", " ", " ", ",", ";", ":", "(", ")", "–", "—", '"', ".", "\n", "\n\n", "- ",
           "1. ", "www.x.nl", "a@b.nl", "https://y.com/z", "’", "'", "-", "\u00ad", "Met vriendelijke groet,"]


@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
@settings(max_examples=300, deadline=None)
def test_clauses_of_any_text(text):
    doc = parse(text)
    assert [t.clause for t in doc.tokens] == expected_clauses(doc)
