"""python -m outreach compare A B [C D] [--format text|json] [--shares 39,22,39]"""
import dataclasses
import json
import re
import subprocess
import sys

import pytest

from outreach.__main__ import main
from outreach.cli_text import render_comparison
from outreach.compare import compare
from outreach.formatting import number
from tests.conftest import LETTERS, ROOT

WARM, THREAT = str(LETTERS / "warm.txt"), str(LETTERS / "threatening.txt")


def read(path):
    return open(path, encoding="utf-8").read()


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_text_table_shows_scores_deltas_winners_and_changes(capsys):
    code, out, err = run(capsys, "compare", WARM, THREAT)
    assert code == 0, err
    for name in ("Vertrouwende Volgers", "Zorgvuldige Zelfredzamen", "Voorzichtige Verbinders", "Bereik"):
        assert name in out
    assert out.count("Beste: A") == 4
    delta = compare([("A", read(WARM)), ("B", read(THREAT))]).segments["vertrouwende_volgers"].deltas[1]
    assert number(delta, digits=1, signed=True) in out  # B minus A for the first segment
    assert "Opgelost in B" in out and "Nieuw probleem in B" in out
    assert "tone.threat.enforcement 'deurwaarder'" in out


def test_json_output_is_the_comparison_contract(capsys):
    code, out, _ = run(capsys, "compare", "--format", "json", WARM, THREAT)
    assert code == 0
    data = json.loads(out)
    assert [v["file"] for v in data["variants"]] == [WARM, THREAT]
    assert all(seg["winner"] == WARM for seg in data["segments"].values())
    assert data["reach"]["winner"] == WARM
    assert data["fixed"][WARM] == [] and data["introduced"][THREAT]


def test_the_same_file_twice_is_a_tie(capsys):
    code, out, _ = run(capsys, "compare", "--format", "json", WARM, WARM)
    data = json.loads(out)
    assert code == 0
    assert all(seg["winner"] is None and len(seg["tie"]) == 2 for seg in data["segments"].values())


def test_shares_are_used_for_reach(capsys):
    code, out, _ = run(capsys, "compare", "--format", "json", "--shares", "100,0,0", WARM, THREAT)
    data = json.loads(out)
    assert code == 0
    assert data["reach"]["scores"][0] == data["segments"]["vertrouwende_volgers"]["scores"][0]


@pytest.mark.parametrize("args", [
    ["compare", WARM],
    ["compare", WARM, WARM, WARM, WARM, WARM],
    ["compare", WARM, "bestaat-niet.txt"],
    ["compare", "--shares", "1,2", WARM, THREAT],
    ["compare", "--format", "xml", WARM, THREAT],
    ["compare"],
])
def test_bad_input_exits_2_with_one_dutch_line(capsys, args):
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert err.startswith("fout: ") and err.count("\n") == 1
    assert "Traceback" not in err


def test_no_traceback_from_the_real_command():
    result = subprocess.run([sys.executable, "-m", "outreach", "compare", WARM], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "2 tot 4" in result.stderr and "Traceback" not in result.stderr
    ok = subprocess.run([sys.executable, "-m", "outreach", "compare", WARM, THREAT], cwd=ROOT,
                        capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0 and "Beste: A" in ok.stdout


def test_compare_prints_numbers_as_check_does_with_a_decimal_comma(capsys):
    code, out, _ = run(capsys, "compare", WARM, THREAT)
    assert code == 0
    seg = compare([("A", read(WARM)), ("B", read(THREAT))]).segments["vertrouwende_volgers"]
    score, delta = number(seg.scores[1], digits=1), number(seg.deltas[1], digits=1, signed=True)
    assert re.search(rf"^\s+B\s+{re.escape(score)}\s+{re.escape(delta)}\s", out, re.M), out
    assert not re.search(r"^\s+[AB]\s+-?\d+\.\d", out, re.M), out  # no "11.6"
    assert f"{number(seg.share * 100)}% van de bevolking" in out


def test_compare_rounds_halves_up_like_the_page():
    result = compare([("A", read(WARM)), ("B", read(THREAT))])
    sid, seg = next(iter(result.segments.items()))
    result.segments[sid] = dataclasses.replace(seg, scores=(60.25, 20.25), deltas=(0.0, -40.0))
    out = render_comparison(result)
    assert re.search(r"^\s+A\s+60,3\s", out, re.M) and re.search(r"^\s+B\s+20,3\s+-40,0\s", out, re.M), out
