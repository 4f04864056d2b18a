"""metrics.word_facts: one record per word, the same values as the functions it stands for."""
from __future__ import annotations

from pathlib import Path

from outreach import languages
from outreach.text import frequency, metrics, participles, syllables
from outreach.text.document import parse

NL = languages.get("nl")
LETTERS = sorted((Path(__file__).resolve().parents[1] / "letters").glob("*.txt"))


def test_facts_are_what_the_functions_compute():
    metrics.clear_facts()
    seen = 0
    for path in LETTERS:
        doc = parse(path.read_text(encoding="utf-8") + "\nRef. X7-20250113 bij gebedsgenezer\n", NL)
        known = metrics.facts(NL)
        for token in doc.tokens:
            facts = metrics.word_facts(token, NL, known)
            assert facts[metrics.SYLLABLES] == syllables.syllables(token.text, NL), token.text
            assert facts[metrics.PARTICIPLE] == participles.is_participle(token.text, NL), token.text
            assert metrics.word_familiarity(token, NL, known) == frequency.familiarity(token.text, NL), token.text
            seen += 1
    assert seen > 1000
