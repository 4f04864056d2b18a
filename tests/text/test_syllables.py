"""Syllable counts against a hand-labelled list of Dutch words."""
from pathlib import Path

import pyphen

from outreach import languages
from outreach.text.syllables import syllables

NL = languages.get("nl")

LABELS = Path(__file__).with_name("syllables_nl.tsv")


def _labelled() -> list[tuple[str, int]]:
    rows = []
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, count = line.split("\t")
            rows.append((word, int(count)))
    return rows


def test_list_is_large_enough():
    assert len(_labelled()) >= 80


def test_at_least_95_percent_counted_right():
    rows = _labelled()
    wrong = [(w, n, syllables(w, NL)) for w, n in rows if syllables(w, NL) != n]
    assert len(wrong) / len(rows) <= 0.05, wrong


def test_corrects_known_pyphen_mistakes():
    # Hyphenation points are not syllables: pyphen alone undercounts these.
    plain = pyphen.Pyphen(lang="nl_NL")
    for word, expected in [("overal", 3), ("olie", 2), ("ideeën", 3)]:
        assert len(plain.inserted(word).split("-")) < expected
        assert syllables(word, NL) == expected


def test_loanwords_and_compounds_with_exceptions():
    assert syllables("website", NL) == 2
    assert syllables("servicepunt", NL) == 3


def test_non_words_have_no_syllables():
    assert syllables("", NL) == 0
    assert syllables("123", NL) == 0
    assert syllables("a", NL) == 1
