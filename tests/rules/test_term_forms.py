"""The term index's entries per word form, worked out ahead for the words of the word data
(TermSet._vocabulary_of), find exactly what entries worked out letter by letter find."""
from __future__ import annotations

from pathlib import Path

from outreach import languages
from outreach.rules.loader import load_rulebook
from outreach.rules.terms import NO_FORM, term_set
from outreach.text import words
from outreach.text.document import parse

NL = languages.get("nl")
LETTERS = sorted((Path(__file__).resolve().parents[1] / "letters").glob("*.txt"))


def test_precomputed_entries_find_the_same_terms():
    index = term_set(load_rulebook("nl").terms, "nl")
    table = words.rows(NL)
    assert table and LETTERS
    for path in LETTERS:
        doc = parse(path.read_text(encoding="utf-8"), NL)
        index.clear_word_cache()
        assert index.find_all(doc.tokens, table) == index.find_all(doc.tokens), path.name


def test_a_word_of_the_table_that_starts_no_term_has_no_entry():
    index = term_set(load_rulebook("nl").terms, "nl")
    table = words.rows(NL)
    vocabulary = index._vocabulary_of(table)
    assert 0 < len(vocabulary) < len(table) // 10  # a few thousand of 200,000
    for word in list(table)[::97]:  # spread over the table: the same entry as worked out now
        assert vocabulary.get(word, NO_FORM) == index._build_form(word, table[word][2] or word), word
