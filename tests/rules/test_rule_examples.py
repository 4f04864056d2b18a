"""Every shipped rule's own examples, with exact spans (proselint / LanguageTool style)."""
import pytest

from outreach.rules.examples import check_example, unmark
from outreach.rules.loader import load_rulebook

BOOK = load_rulebook("nl")
RULES = BOOK.rules


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_has_examples_that_fail_and_pass(rule):
    assert rule.fail, f"{rule.id} has no example that must fail"
    assert rule.passes, f"{rule.id} has no example that must pass"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_examples(rule):
    failures = [check_example(rule, BOOK, ex, True) for ex in rule.fail]
    failures += [check_example(rule, BOOK, ex, False) for ex in rule.passes]
    problems = [str(f) for f in failures if f]
    assert not problems, "\n".join(problems)


def test_unmark_gives_the_clean_text_and_spans():
    text, spans = unmark("Een [[boete]] en nog een [[boete]].")
    assert text == "Een boete en nog een boete."
    assert [text[a:b] for a, b in spans] == ["boete", "boete"]


def test_the_rule_packs_have_depth():
    counts = {d: len(BOOK.packs[d].rules) for d in BOOK.packs}
    assert all(n >= 8 for n in counts.values()), counts
    officialese = [r for r in BOOK.packs["tone"].rules if r.kind == "substitution"]
    assert sum(len(r.swap) for r in officialese) >= 60
