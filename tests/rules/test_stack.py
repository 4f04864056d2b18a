"""An organisation's own packs stacked on the built-in ones: extra rules, overrides, shares."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

import outreach
from outreach.rules.loader import load_rulebook
from outreach.rules.schema import RulePackError
from tests.conftest import ROOT

LETTER = """Beste mevrouw Jansen,

Uit onze gegevens blijkt dat er sprake is van een betalingsachterstand. Het Geldloket helpt u graag.
Bel ons op 0521 - 123 456.

Met vriendelijke groet,

Sanne Vermeulen
Geldloket Westerveen
"""

HOUSE_RULE = '''dimension = "tone"
lang = "nl"

[[rule]]
id = "tone.house.geldloket"
kind = "substitution"
severity = "suggestion"
points = -1
message = "Huisstijl: schrijf '{suggestions}' in plaats van '{match}'."
why = "Zo heet de dienst in onze huisstijl."
source = "Huisstijlgids gemeente Westerveen"
fail = ["Het [[Geldloket]] helpt u graag."]
pass = ["Het Geldpunt helpt u graag."]
[rule.swap]
"geldloket" = "Geldpunt"
'''


def analyze(text, *packs, shares=None):
    return outreach.analyze(text, "nl", shares, packs=tuple(str(p) for p in packs))


def rules(result, prefix):
    return [f.match for f in result.findings if f.rule.startswith(prefix)]


@pytest.fixture(autouse=True)
def fresh_cache():
    load_rulebook.cache_clear()
    yield
    load_rulebook.cache_clear()


def test_an_extra_rule_is_applied_and_its_examples_are_checked(tmp_path):
    (tmp_path / "tone.toml").write_text(HOUSE_RULE, encoding="utf-8")
    assert rules(analyze(LETTER), "tone.house.") == []
    assert set(rules(analyze(LETTER, tmp_path), "tone.house.")) == {"Geldloket"}
    run = subprocess.run([sys.executable, "-m", "outreach", "rules", "--check", "--packs", str(tmp_path)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0 and f"{len(load_rulebook().rules) + 1} rules" in run.stdout


def test_a_rule_can_be_switched_off_softened_or_taught_the_organisations_own_words(tmp_path):
    before = analyze(LETTER)
    assert "betalingsachterstand" in rules(before, "readability.word.jargon")
    (tmp_path / "overrides.toml").write_text(
        '["readability.word.jargon"]\nexceptions = ["betalingsachterstand"]\n\n'
        '["tone.officialese.words"]\nenabled = false\n\n'
        '["privacy.wording.systems"]\nseverity = "suggestion"\npoints = -2\n', encoding="utf-8")
    after = analyze(LETTER, tmp_path)
    assert "betalingsachterstand" not in rules(after, "readability.word.jargon")
    assert rules(after, "tone.officialese.") == []
    softened = next(f for f in after.findings if f.rule == "privacy.wording.systems")
    assert softened.severity == "suggestion" and softened.points == -2


def test_the_organisations_shares_are_the_default(tmp_path):
    (tmp_path / "segments.toml").write_text(
        "[shares]\nvertrouwende_volgers = 20\nzorgvuldige_zelfredzamen = 60\nvoorzichtige_verbinders = 20\n",
        encoding="utf-8")
    own = {"vertrouwende_volgers": 20, "zorgvuldige_zelfredzamen": 60, "voorzichtige_verbinders": 20}
    assert analyze(LETTER, tmp_path).reach == analyze(LETTER, shares=own).reach
    assert analyze(LETTER, tmp_path).reach != analyze(LETTER).reach


@pytest.mark.parametrize("name, text, says", [
    ("overrides.toml", '["tone.threat.bestaatniet"]\nenabled = false\n', "onbekende regel 'tone.threat.bestaatniet'"),
    ("overrides.toml", '["tone.threat.legal"]\npoints = 5\n', "hetzelfde teken"),
    ("overrides.toml", '["tone.threat.legal"]\nenabeld = false\n', "onbekende sleutel(s) enabeld"),
    ("segments.toml", "[shares]\nvertrouwende_volgers = 50\n", "tellen op tot 50%"),
    ("tone.toml", HOUSE_RULE.replace("tone.house.geldloket", "tone.threat.legal"), "dit id bestaat al"),
    ("tone.toml", HOUSE_RULE.replace('kind = "substitution"', 'kind = "substitutie"'), "'kind' moet een van deze zijn"),
    ("toon.toml", "x = 1\n", "onbekend bestand toon.toml"),
])
def test_a_broken_organisation_file_is_refused_with_a_dutch_message_naming_it(tmp_path, name, text, says):
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(RulePackError) as err:
        load_rulebook("nl", (str(tmp_path),))
    assert name in str(err.value) and says in str(err.value)


def test_the_cli_takes_packs_from_the_option_or_the_environment(tmp_path):
    (tmp_path / "tone.toml").write_text(HOUSE_RULE, encoding="utf-8")
    letter = tmp_path.parent / "brief.txt"
    letter.write_text(LETTER, encoding="utf-8")
    cmd = [sys.executable, "-m", "outreach", "check", "--format", "json", str(letter)]
    by_option = subprocess.run(cmd + ["--packs", str(tmp_path)], capture_output=True, text=True, cwd=ROOT)
    by_env = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT,
                            env={"PATH": "/usr/bin:/bin", "OUTREACH_PACKS": str(tmp_path)})
    for run in (by_option, by_env):
        assert run.returncode == 0, run.stderr
        assert any(f["rule"] == "tone.house.geldloket" for f in json.loads(run.stdout)["findings"])
    missing = subprocess.run(cmd + ["--packs", str(tmp_path / "nergens")], capture_output=True, text=True, cwd=ROOT)
    assert missing.returncode == 2 and "geen map met regelpakketten" in missing.stderr
    assert "Traceback" not in missing.stderr
