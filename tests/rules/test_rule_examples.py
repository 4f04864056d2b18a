"""Every shipped rule's own examples, with exact spans (proselint / LanguageTool style)."""
import pytest

import dataclasses

from outreach.rules.examples import check_example, check_excepted, unexampled_exceptions, unmark
from outreach.rules.loader import load_rulebook
from outreach.rules.schema import Matcher

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
    failures += [check_excepted(rule, BOOK, ex) for ex in rule.excepted]
    problems = [str(f) for f in failures if f]
    assert not problems, "\n".join(problems)


# Every exception phrase is shown at work by an example of its own (none untested).
UNTESTED_EXCEPTIONS = 0


def test_exceptions_have_their_own_examples():
    untested = [(r.id, p) for r in RULES if r.exceptions for p in unexampled_exceptions(r, BOOK)]
    assert len(untested) <= UNTESTED_EXCEPTIONS, untested
    # every rule that has exceptions shows at least one at work, or none of them is tested yet
    assert sum(1 for r in RULES if r.excepted) >= 10


def test_an_excepted_example_must_need_the_exceptions():
    rule = BOOK.rule("readability.word.jargon")
    assert check_excepted(rule, BOOK, "Dat mag volgens de Wet gemeentelijke schuldhulpverlening.") is None
    # a text without the rule's word does not show the exception at work
    assert "not needed" in str(check_excepted(rule, BOOK, "Wij helpen u graag."))
    # a text the rule still reports is no exception
    assert check_excepted(rule, BOOK, "Wij bieden schuldhulpverlening aan.") is not None
    # without the exception phrase, its example is what stops being excepted
    bare = dataclasses.replace(rule, exceptions=Matcher())
    assert unexampled_exceptions(dataclasses.replace(bare, exceptions=rule.exceptions, excepted=()), BOOK) \
        == list(rule.exceptions.terms)


def test_unmark_gives_the_clean_text_and_spans():
    text, spans = unmark("Een [[boete]] en nog een [[boete]].")
    assert text == "Een boete en nog een boete."
    assert [text[a:b] for a, b in spans] == ["boete", "boete"]


def test_the_rule_packs_have_depth():
    counts = {d: len(BOOK.packs[d].rules) for d in BOOK.packs}
    assert all(n >= 8 for n in counts.values()), counts
    officialese = [r for r in BOOK.packs["tone"].rules if r.kind == "substitution"]
    assert sum(len(r.params.swap) for r in officialese) >= 60


def test_a_correction_in_an_example_must_be_offered_with_the_case_of_the_words_it_replaces():
    from outreach.rules.loader import load_rulebook

    book = load_rulebook()
    rule = book.rule("tone.officialese.words")
    assert check_example(rule, book, "[[Indien=>Als]] u vragen heeft, kunt u bellen.", True) is None
    wrong = check_example(rule, book, "[[Indien=>Wanneer]] u vragen heeft, kunt u bellen.", True)
    assert wrong is not None and "'Als'" in wrong.got


def test_the_reference_has_a_page_per_rule_with_its_examples(tmp_path):
    import subprocess
    import sys

    from outreach.rules.loader import load_rulebook
    from tests.conftest import ROOT

    run = subprocess.run([sys.executable, "-m", "outreach", "rules", "--docs", str(tmp_path / "naslag")],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    book = load_rulebook()
    pages = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "naslag").glob("*.md")}
    assert set(pages) == {"index.md"} | {f"{r.id}.md" for r in book.rules}
    officialese = pages["tone.officialese.words.md"]
    assert "**Indien** → *Als* u vragen heeft" in officialese  # the marked span and its rewrite
    assert "Richtlijn taalniveau B1" in officialese and "{match}" not in officialese
    assert all(f"({r.id}.md)" in pages["index.md"] for r in book.rules)
