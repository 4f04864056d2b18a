"""document.py's patterns are written for speed (possessive, searched in place, a set before its
repeat); each must find what its plain form finds in a copy of the searched stretch."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from outreach.text import document

PLAIN_WORD = re.compile(r"\w+(?:['’\u00ad-]\w+)*")
PLAIN_SENTENCE_END = re.compile(r"[.!?…]+[\"'’”)\]]*(?=\s+|$)")
PLAIN_BULLET = re.compile(r"^" + document._BULLET.pattern)
PLAIN_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029")

_CHARS = "ab1_ .!?…\"'’”)]-\u00ad\t\n\r\u2028\u00a0•o"
texts = st.text(alphabet=_CHARS, max_size=30)


def _stretch(text: str, data) -> tuple[int, int]:
    start = data.draw(st.integers(0, len(text)))
    return start, data.draw(st.integers(start, len(text)))


def _spans_in_copy(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start() + start, m.end() + start) for m in pattern.finditer(text[start:end])]


@given(texts, st.data())
@settings(max_examples=500, deadline=None)
def test_searched_in_place_as_in_a_copy(text, data):
    start, end = _stretch(text, data)
    for fast, plain in ((document._WORD, PLAIN_WORD), (document._SENTENCE_END, PLAIN_SENTENCE_END),
                        (document._LINE_BREAK, PLAIN_LINE_BREAK)):
        assert [m.span() for m in fast.finditer(text, start, end)] == _spans_in_copy(plain, text, start, end)


@given(texts, st.data())
@settings(max_examples=500, deadline=None)
def test_a_bullet_matched_in_place_is_the_bullet_of_the_line(text, data):
    start, end = _stretch(text, data)
    fast, plain = document._BULLET.match(text, start, end), PLAIN_BULLET.match(text[start:end])
    assert (fast and fast.group()) == (plain and plain.group())
    assert bool(fast) == bool(PLAIN_BULLET.match(text[start:end].lstrip()))


def test_lines_of_a_stretch():
    text = "a\r\nb\n\nc\u2028d"
    assert document._lines(text) == [(0, 1), (3, 4), (5, 5), (6, 7), (8, 9)]
    assert document._lines(text, 3, 7) == [(3, 4), (5, 5), (6, 7)]
