"""The command line contract: python -m outreach check [--format text|json] FILE..."""
import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from outreach.rules.schema import DIMENSIONS
from tests.conftest import LETTERS, ROOT

SEGMENT_IDS = {"vertrouwende_volgers", "zorgvuldige_zelfredzamen", "voorzichtige_verbinders"}


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "outreach", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_json_for_one_file_is_one_object():
    result = cli("check", "--format", "json", str(LETTERS / "warm.txt"))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["file"].endswith("warm.txt") and data["lang"] == "nl"
    assert {"words", "sentences", "avg_sentence_words", "flesch_douma"} <= set(data["metrics"])
    assert set(data["dimensions"]) == set(DIMENSIONS)
    for dim in data["dimensions"].values():
        assert 0 <= dim["score"] <= 100
        assert {"source", "points", "reason"} <= set(dim["contributions"][0])
    text = (LETTERS / "warm.txt").read_text(encoding="utf-8")
    for f in data["findings"]:
        assert {"rule", "dimension", "severity", "start", "end", "match", "message", "suggestions"} <= set(f)
        assert f["severity"] in ("info", "suggestion", "warning", "error")
        if f["start"] is not None:
            assert text[f["start"]:f["end"]] == f["match"]
    assert set(data["segments"]) == SEGMENT_IDS
    for seg in data["segments"].values():
        assert {"name", "share", "score", "verdict", "reasons", "reaction"} <= set(seg)
        assert seg["verdict"] in ("lands_well", "doubtful", "turns_away")
        for reason in seg["reasons"]:
            assert {"text", "points", "dimension", "finding"} <= set(reason)
    assert 0 <= data["reach"]["score"] <= 100 and 0 <= data["reach"]["lands_well_share"] <= 1


def test_json_for_several_files_is_an_array_in_order():
    files = [str(LETTERS / "warm.txt"), str(LETTERS / "threatening.txt")]
    result = cli("check", "--format", "json", *files)
    data = json.loads(result.stdout)
    assert [d["file"] for d in data] == files


def test_text_report_is_readable():
    result = cli("check", str(LETTERS / "threatening.txt"))
    assert result.returncode == 0
    assert "Dimensies:" in result.stdout and "Segmenten:" in result.stdout and "Bevindingen" in result.stdout
    # Dutch for a Dutch reader: verdict labels, not ids; decimal commas.
    assert "Haakt af" in result.stdout and "turns_away" not in result.stdout
    assert "woorden per zin" in result.stdout and "10,8 woorden per zin" in result.stdout


def test_docx_input(tmp_path):
    document = docx.Document()
    for line in (LETTERS / "warm.txt").read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "brief.docx"
    document.save(path)
    result = cli("check", "--format", "json", str(path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["metrics"]["words"] > 100


@pytest.mark.parametrize("make, message", [
    (lambda p: p / "missing.txt", "niet gevonden"),
    (lambda p: p, "map"),
    (lambda p: (p / "bin.txt").write_bytes(b"\x00\x01\x02PNG") and p / "bin.txt", "geen tekstbestand"),
    (lambda p: (p / "latin1.txt").write_bytes("Beste meneer Müller".encode("latin-1")) and p / "latin1.txt", "UTF-8"),
    (lambda p: (p / "big.txt").write_text("woord " * 50_000) and p / "big.txt", "te lang"),
    (lambda p: (p / "bad.docx").write_bytes(b"PK\x03\x04 not really a zip") and p / "bad.docx", "Word-bestand"),
])
def test_bad_input_exits_2_with_one_clear_line(tmp_path, make, message):
    path = make(tmp_path)
    result = cli("check", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in result.stderr


def test_100k_characters_work(tmp_path):
    path = tmp_path / "long.txt"
    sentence = "Wij helpen u graag met uw geldzaken en u bepaalt zelf wat u doet. "
    path.write_text(sentence * (100_000 // len(sentence) + 1), encoding="utf-8")
    assert len(path.read_text(encoding="utf-8")) >= 100_000
    result = cli("check", "--format", "json", str(path))
    assert result.returncode == 0, result.stderr


def test_bom_is_fine(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffBeste mevrouw,\n\nWij helpen u graag.\n".encode("utf-8"))
    data = json.loads(cli("check", "--format", "json", str(path)).stdout)
    assert not data["empty"] and data["metrics"]["words"] == 4


def test_empty_letter_is_valid_input(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n ", encoding="utf-8")
    result = cli("check", "--format", "json", str(path))
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["empty"] is True and "leeg" in data["notice"] and data["findings"] == []
    assert "leeg" in cli("check", str(path)).stdout


def test_usage_errors_exit_2():
    result = cli("check")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert cli("check", "--format", "xml", "x.txt").returncode == 2


def test_shares_and_fail_under():
    warm, threat = str(LETTERS / "warm.txt"), str(LETTERS / "threatening.txt")
    default = json.loads(cli("check", "--format", "json", threat).stdout)
    custom = json.loads(cli("check", "--format", "json", "--shares", "0,100,0", threat).stdout)
    assert custom["segments"]["zorgvuldige_zelfredzamen"]["share"] == 1.0
    assert custom["reach"]["score"] == custom["segments"]["zorgvuldige_zelfredzamen"]["score"]
    assert default["segments"]["zorgvuldige_zelfredzamen"]["share"] == 0.22
    bad = cli("check", "--shares", "50,50,50", warm)
    assert bad.returncode == 2 and "100" in bad.stderr and "Traceback" not in bad.stderr
    assert cli("check", "--fail-under", "101", warm).returncode == 1
    assert cli("check", "--fail-under", "0", warm).returncode == 0
