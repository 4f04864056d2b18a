"""Strict validation of rule packs: every problem names the file and the rule."""
import re
import shutil

import pytest

from outreach import languages
from outreach.rules.loader import load_named_patterns, load_pack, load_rulebook_from
from outreach.rules.schema import DIMENSIONS, RulePackError
from tests.rules.helpers import write_pack

GOOD = '''
[[rule]]
id = "tone.test.fine"
kind = "existence"
severity = "warning"
points = -5
message = "Dreigend."
why = "Pettenverwarring."
source = "Sprint 1"
terms = ["boete"]
fail = ["Een [[boete]]."]
pass = ["Geen boete."]
'''

RULES = languages.get("nl").rules_dir  # the shipped Dutch packs


def test_a_good_pack_loads(tmp_path):
    pack = load_pack(write_pack(tmp_path, "tone", GOOD))
    assert [r.id for r in pack.rules] == ["tone.test.fine"]


@pytest.mark.parametrize("change, problem", [
    (('terms = ["boete"]', 'terms = ["boete"]\ncolour = "red"'), "onbekende sleutel(s) voor een regel van soort 'existence': colour"),
    (('terms = ["boete"]', 'patterns = ["(unclosed"]'), "patroon '(unclosed' is geen geldige reguliere expressie"),
    (('fail = ["Een [[boete]]."]', 'fail = []'), "heeft minstens één 'fail'- en één 'pass'-voorbeeld nodig"),
    (('pass = ["Geen boete."]\n', ''), "ontbrekende sleutel(s): pass"),
    (('severity = "warning"', 'severity = "scary"'), "'severity' moet een van deze zijn: info, suggestion, warning, error"),
    (('kind = "existence"', 'kind = "magic"'), "'kind' moet een van deze zijn: conditional, existence"),
    (('id = "tone.test.fine"', 'id = "intent.test.fine"'), "moet beginnen met de dimensie 'tone.'"),
    (('terms = ["boete"]', 'terms = ["bo*te"]'), "'*' mag alleen aan het begin of eind van een woord staan"),
    (('terms = ["boete"]', 'terms = "boete"\nnegation = "maybe"'), "'negation' moet een van deze zijn"),
])
def test_problems_name_the_file_and_the_rule(tmp_path, change, problem):
    body = GOOD.replace(*change)
    with pytest.raises(RulePackError) as err:
        load_pack(write_pack(tmp_path, "tone", body))
    message = str(err.value)
    assert "tone.toml" in message and ".test.fine'" in message
    assert problem in message


def test_duplicate_id_in_one_file(tmp_path):
    with pytest.raises(RulePackError, match="tone.test.fine'.*dubbel id"):
        load_pack(write_pack(tmp_path, "tone", GOOD + GOOD))


def test_malformed_toml_names_the_file(tmp_path):
    with pytest.raises(RulePackError, match=r"tone\.toml: geen geldige TOML"):
        load_pack(write_pack(tmp_path, "tone", "[[rule]\nid = "))


def test_unknown_top_level_key(tmp_path):
    path = write_pack(tmp_path, "tone", 'colour = "red"\n')
    with pytest.raises(RulePackError, match="onbekende sleutel"):
        load_pack(path)


def test_missing_pack_is_an_error(tmp_path):
    shutil.copytree(RULES, tmp_path / "nl")
    (tmp_path / "nl" / "privacy.toml").unlink()
    with pytest.raises(RulePackError, match="het regelpakket voor de dimensie 'privacy' ontbreekt"):
        load_rulebook_from(tmp_path / "nl", "nl")


def test_duplicate_id_in_the_shipped_book(tmp_path):
    shutil.copytree(RULES, tmp_path / "nl")
    rule = GOOD.replace("tone.test.fine", "tone.test.dupe")
    path = tmp_path / "nl" / "tone.toml"
    path.write_text(path.read_text(encoding="utf-8") + rule + rule, encoding="utf-8")
    with pytest.raises(RulePackError, match="tone.toml: regel 'tone.test.dupe': dubbel id"):
        load_rulebook_from(tmp_path / "nl", "nl")


def test_a_word_added_to_a_pack_changes_results_without_code(tmp_path):
    """What an advisor does: add a word to a rule's terms, and the engine picks it up."""
    from outreach.rules.engine import Context, run
    from outreach.text.document import parse

    shutil.copytree(RULES, tmp_path / "nl")
    path = tmp_path / "nl" / "tone.toml"
    path.write_text(path.read_text(encoding="utf-8") + GOOD.replace('["boete"]', '["flapdrol"]')
                    .replace("[[boete]]", "[[flapdrol]]"), encoding="utf-8")
    book = load_rulebook_from(tmp_path / "nl", "nl")
    got = run(book, Context(parse("U bent een flapdrol."), book.language))
    assert any(f.rule == "tone.test.fine" and f.match == "flapdrol" for f in got)


def test_shipped_packs_cover_all_dimensions():
    from outreach.rules.loader import load_rulebook

    book = load_rulebook("nl")
    assert set(book.packs) == set(DIMENSIONS)
    assert all(book.packs[d].rules for d in DIMENSIONS)


@pytest.mark.parametrize("edit, problem", [
    (("window_before = 3", 'window_before = "drie"'), "'window_before' moet een geheel getal van 0 tot en met 10 zijn"),
    (("window_after = 2", "window_after = 2\ncolour = 1"), "verwacht precies deze sleutels"),
])
def test_a_malformed_language_file_is_a_clear_error(tmp_path, edit, problem):
    shutil.copytree(RULES, tmp_path / "nl")
    path = tmp_path / "nl" / "language.toml"
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text
    path.write_text(text.replace(*edit), encoding="utf-8")
    with pytest.raises(RulePackError) as err:
        load_rulebook_from(tmp_path / "nl", "nl")
    assert "language.toml" in str(err.value) and problem in str(err.value)


def test_named_patterns_are_shared_and_an_unknown_name_is_a_clear_error(tmp_path):
    from outreach.rules.loader import load_named_patterns

    named = load_named_patterns(RULES / "patterns.toml")
    pack = load_pack(write_pack(tmp_path, "contact", GOOD.replace("tone.", "contact.").replace(
        'terms = ["boete"]', 'patterns = ["@telefoonnummer"]').replace("[[boete]]", "boete")
        .replace('fail = ["Een boete."]', 'fail = ["Bel [[06-12345678]]."]').replace('pass = ["Geen boete."]', 'pass = ["Bel ons."]')),
        named)
    assert pack.rules[0].params.match.patterns == named["telefoonnummer"]
    with pytest.raises(RulePackError) as err:
        load_pack(write_pack(tmp_path, "tone", GOOD.replace('terms = ["boete"]', 'patterns = ["@telefon"]')), named)
    assert "onbekend patroon '@telefon'" in str(err.value) and "@telefoonnummer" in str(err.value)
    assert "tone.test.fine" in str(err.value)


def test_a_malformed_named_pattern_file_is_a_clear_error(tmp_path):
    shutil.copytree(RULES, tmp_path / "nl")
    (tmp_path / "nl" / "patterns.toml").write_text("telefoonnummer = ['(06']\n", encoding="utf-8")
    with pytest.raises(RulePackError) as err:
        load_rulebook_from(tmp_path / "nl", "nl")
    assert "patterns.toml" in str(err.value) and "telefoonnummer" in str(err.value)


def _top_level_bar(pattern: str) -> bool:
    """Does the pattern have a '|' outside any group (which would change meaning inside another)?"""
    depth, in_class, i = 0, False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def test_shared_parts_mean_the_same_wherever_they_stand():
    named = load_named_patterns(languages.get("nl").rules_dir / "patterns.toml")
    used = {m for path in (languages.get("nl").rules_dir).glob("*.toml")
            for m in re.findall(r"\{\{([a-z_]+)\}\}", re.sub(r"(?m)^\s*#.*$", "", path.read_text(encoding="utf-8")))}
    assert used and used <= set(named)
    assert not [name for name in used if len(named[name]) != 1 or _top_level_bar(named[name][0])]
    assert _top_level_bar("a|b") and not _top_level_bar("(?:a|b)[|]c")


def test_a_shared_part_stands_inside_a_rule_pattern(tmp_path):
    named = {"deel": ("(?:boete|sanctie)",), "twee": ("a", "b")}
    body = GOOD.replace('terms = ["boete"]', "patterns = ['een {{deel}}']")
    assert load_pack(write_pack(tmp_path, "tone", body), named).rules[0].params.match.patterns == ("een (?:boete|sanctie)",)
    for part in ("{{onbekend}}", "{{twee}}"):
        with pytest.raises(RulePackError, match=r"regel 'tone.test.fine': onbekend deel '\{\{\w+\}\}' \(bekend: \{\{deel\}\}\)"):
            load_pack(write_pack(tmp_path, "tone", GOOD.replace('terms = ["boete"]', f"patterns = ['{part}']")), named)


def test_shared_parts_in_patterns_toml_come_before_their_use(tmp_path):
    path = tmp_path / "patterns.toml"
    path.write_text("deel = ['(?:x|y)']\nheel = ['a{{deel}}b']\n", encoding="utf-8")
    assert load_named_patterns(path)["heel"] == ("a(?:x|y)b",)
    path.write_text("heel = ['a{{deel}}b']\ndeel = ['(?:x|y)']\n", encoding="utf-8")
    with pytest.raises(RulePackError, match="'heel': onbekend deel"):
        load_named_patterns(path)
