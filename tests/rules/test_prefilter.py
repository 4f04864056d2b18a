"""The google-re2 prefilter (outreach/rules/prefilter.py) only ever removes work: every pattern that
`re` matches in a text is among the candidates the filter names for it."""
from __future__ import annotations

import re
from functools import lru_cache

import pytest
import re2

from outreach.rules.examples import unmark
from outreach.rules.loader import load_rulebook
from outreach.rules.prefilter import PatternSet, Untranslatable, pattern_set, to_re2
from outreach.rules.terms import _pattern_hits
from outreach.text.document import parse
from tests.snapshot import letters


@lru_cache(maxsize=1)
def texts() -> list[str]:
    book = load_rulebook("nl")
    found = [unmark(example)[0] for rule in book.rules for example in (*rule.fail, *rule.passes)]
    return found + [text for text, _ in letters().values()]


def test_every_pattern_that_matches_is_a_candidate():
    book = load_rulebook("nl")
    prefilter = pattern_set(book.patterns)
    missed = []
    for text in texts():
        doc = parse(text)
        lowered = doc.plain.lower()
        candidates = prefilter.candidates(doc.plain)
        for pattern in book.patterns:
            if pattern not in candidates and _pattern_hits(pattern, doc, lowered, 0, len(doc.plain)):
                missed.append((pattern[:60], text[:60]))
    assert not missed, f"{len(missed)} matches the prefilter ruled out, e.g. {missed[:5]}"


def test_the_prefilter_rules_out_most_patterns():
    book = load_rulebook("nl")
    prefilter = pattern_set(book.patterns)
    text = letters()["corpus/letters/a_gemeente_energie_warm.txt"][0]
    assert len(prefilter.candidates(text)) < len(book.patterns) / 4


@pytest.mark.parametrize("pattern, text", [
    (r"(?<!niet\s)alleen\s+online", "U kunt alleen online"),  # lookbehind dropped: looser
    (r"zorg\w*", "zorgtoeslag"),
    (r"ge\w+d\b", "geïnd"),                                   # \w is Unicode in Python
    (r"geïnd\b", "Geïnd."),                                    # case-insensitive, non-ASCII
    (r"[^\w\s]{2}", "€€"),                                     # negated classes stay supersets
    (r"\d{2}\s\d{2}", "٣٣\u00a0٤٤"),                           # Unicode digits and spaces
    (r"bel(?=\s+ons)", "bel ons"),
    (r"a{,2}b", "aab"),                                        # Python's {,n}
    (r"^Beste$", "Beste"),
])
def test_translation_matches_wherever_python_does(pattern, text):
    assert re.search(pattern, text, re.IGNORECASE)
    translated = to_re2(pattern)
    options = re2.Options()
    options.case_sensitive = False
    assert re2.compile(translated, options).search(text), translated


@pytest.mark.parametrize("pattern", [r"(a)\1", r"a++", r"(?P<x>a)(?P=x)", r"[\W]"])
def test_what_re2_cannot_express_is_left_to_re(pattern):
    with pytest.raises(Untranslatable):
        to_re2(pattern)
    prefilter = PatternSet((pattern, "deurwaarder"))
    assert prefilter.may_match(pattern, prefilter.candidates("niets"))  # always run with re
    assert not prefilter.may_match("deurwaarder", prefilter.candidates("niets"))


def test_rule_examples_give_the_same_findings_with_the_whole_book():
    """Examples are checked rule by rule (no index, no prefilter); analyze() runs the whole book's
    term index and prefilter. Both must find the same."""
    from outreach.rules.engine import Context, run_rule

    book = load_rulebook("nl")
    differ = []
    for rule in book.rules:
        for example in (*rule.fail, *rule.passes):
            doc = parse(unmark(example)[0])
            alone = run_rule(rule, Context(doc, book.language))
            whole = run_rule(rule, Context(doc, book.language, book))
            if alone != whole:
                differ.append((rule.id, example[:60]))
    assert not differ, f"{len(differ)} examples differ, e.g. {differ[:5]}"
