"""The command line for advice: check --fixes (text and JSON) and fix --apply N."""
import json

from outreach import analyze
from tests.conftest import LETTERS
from tests.test_cli import cli

THREATENING = LETTERS / "threatening.txt"


def test_json_fixes_are_best_first_and_do_what_they_say():
    result = cli("check", "--fixes", "--format", "json", str(THREATENING))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    fixes = data["fixes"]
    assert fixes and [f["effect"]["reach"] for f in fixes] == sorted((f["effect"]["reach"] for f in fixes),
                                                                    reverse=True)
    text = THREATENING.read_text(encoding="utf-8")
    for fix in fixes[:3]:
        assert {"kind", "start", "end", "replacement", "reason", "effect"} <= set(fix)
        assert set(fix["effect"]) == {"reach", "segments", "dimensions", "verdict_changes"}
        changed = text[:fix["start"]] + fix["replacement"] + text[fix["end"]:]
        assert round(analyze(changed).reach.score - data["reach"]["score"], 2) == fix["effect"]["reach"]


def test_segment_ranks_for_that_segment():
    result = cli("check", "--fixes", "--segment", "zorgvuldige_zelfredzamen", "--format", "json",
                 str(LETTERS / "paternalistic.txt"))
    gains = [f["effect"]["segments"]["zorgvuldige_zelfredzamen"] for f in json.loads(result.stdout)["fixes"]]
    assert gains and gains == sorted(gains, reverse=True)


def test_text_report_lists_what_to_do_first_in_dutch():
    result = cli("check", "--fixes", str(THREATENING))
    assert result.returncode == 0, result.stderr
    assert "Eerst doen" in result.stdout and "bereik" in result.stdout
    assert "1. [+" in result.stdout


def test_fix_apply_writes_the_better_letter():
    result = cli("fix", "--apply", "2", str(THREATENING))
    assert result.returncode == 0, result.stderr
    before = analyze(THREATENING.read_text(encoding="utf-8")).reach.score
    assert analyze(result.stdout).reach.score > before + 10
    assert "2 wijziging(en) toegepast" in result.stderr


def test_fix_apply_zero_is_the_letter_itself():
    result = cli("fix", "--apply", "0", str(THREATENING))
    assert result.stdout == THREATENING.read_text(encoding="utf-8")


def test_unknown_segment_or_scenario_is_one_dutch_line():
    for args in (("check", "--fixes", "--segment", "iedereen"), ("fix", "--apply", "1", "--scenario", "geen")):
        result = cli(*args, str(THREATENING))
        assert result.returncode == 2
        assert result.stderr.startswith("fout: onbekend") and len(result.stderr.splitlines()) == 1
