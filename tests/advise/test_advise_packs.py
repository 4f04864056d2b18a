"""Advice with an organisation's packs: every change is measured with the rules the letter was
analysed with, so the effect shown is the effect the advisor gets (and the house style is advised)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

import outreach
from outreach.advice import apply_fixes
from outreach.rules.loader import load_rulebook
from tests.conftest import ROOT
from tests.rules.test_stack import HOUSE_RULE, LETTER


@pytest.fixture()
def house(tmp_path):
    folder = tmp_path / "westerveen"
    folder.mkdir()
    (folder / "tone.toml").write_text(HOUSE_RULE, encoding="utf-8")
    load_rulebook.cache_clear()
    yield (str(folder),)
    load_rulebook.cache_clear()


def test_each_effect_is_measured_with_the_organisations_rules(house):
    advice = outreach.advise(LETTER, packs=house, plans=False)
    assert advice.fixes
    before = outreach.analyze(LETTER, packs=house)
    assert advice.analysis.reach.score == before.reach.score
    for fix in advice.fixes:
        after = outreach.analyze(fix.apply(LETTER), packs=house)
        assert fix.effect.reach == pytest.approx(after.reach.score - before.reach.score, abs=0.051)


def test_the_house_style_word_is_advised_only_with_the_pack(house):
    with_pack = outreach.advise(LETTER, packs=house, plans=False).fixes
    without = outreach.advise(LETTER, plans=False).fixes
    # advised where the swap measurably helps (and only there: the new word has its own cost)
    assert any(f.replacement == "Geldpunt" and "tone.house.geldloket" in f.rules for f in with_pack)
    assert not any("Geldpunt" in f.replacement for f in without)


def test_applied_fixes_add_up_under_the_organisations_rules(house):
    letter, applied, _ = apply_fixes(LETTER, 10, packs=house)
    gained = outreach.analyze(letter, packs=house).reach.score - outreach.analyze(LETTER, packs=house).reach.score
    assert applied and gained == pytest.approx(sum(f.effect.reach for f in applied), abs=0.01 * len(applied) + 0.051)


def test_the_cli_advises_with_packs(house, tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text(LETTER, encoding="utf-8")
    check = subprocess.run([sys.executable, "-m", "outreach", "check", "--format", "json", "--fixes",
                            "--packs", house[0], str(path)], capture_output=True, text=True, cwd=ROOT)
    assert check.returncode == 0, check.stderr
    result = json.loads(check.stdout)
    assert any(f["rule"] == "tone.house.geldloket" for f in result["findings"])
    assert any(f["replacement"] == "Geldpunt" for f in result["fixes"])
    fixed = subprocess.run([sys.executable, "-m", "outreach", "fix", "--apply", "10", "--packs", house[0],
                            str(path)], capture_output=True, text=True, cwd=ROOT)
    assert fixed.returncode == 0, fixed.stderr
    assert fixed.stdout.startswith("Beste mevrouw Jansen,") and "toegepast" in fixed.stderr
