"""Many letters: `check --jobs N` (worker processes) and `--format jsonl` (one compact object a line,
streamed) give exactly what one process and --format json give, in the order of the files."""
import json
import subprocess
import sys

from tests.conftest import LETTERS, ROOT

FILES = sorted(str(p) for p in (ROOT / "corpus" / "letters").glob("*.txt"))[:12] + [str(LETTERS / "warm.txt")]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "outreach", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def test_jsonl_is_one_compact_object_per_letter_in_order_and_equals_json():
    lines = cli("check", "--format", "jsonl", "--jobs", "2", *FILES)
    assert lines.returncode == 0, lines.stderr
    rows = lines.stdout.splitlines()
    assert len(rows) == len(FILES)
    assert all(row.startswith("{") and "\n" not in row and ": " not in row[:40] for row in rows)
    whole = json.loads(cli("check", "--format", "json", "--jobs", "1", *FILES).stdout)
    assert [json.loads(row) for row in rows] == whole
    assert [d["file"] for d in whole] == FILES


def test_several_jobs_give_the_same_text_report_as_one():
    one = cli("check", "--jobs", "1", *FILES)
    two = cli("check", "--jobs", "2", *FILES)
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout and one.stdout.count("== ") == len(FILES)


def test_fail_under_with_jobs_names_each_letter_below():
    result = cli("check", "--format", "jsonl", "--jobs", "2", "--fail-under", "101", *FILES[:3])
    assert result.returncode == 1
    assert result.stderr.count("bereik onder 101") == 3


def test_jobs_must_be_a_whole_number_of_one_or_more():
    for bad in ("0", "-2", "twee"):
        result = cli("check", "--jobs", bad, FILES[0])
        assert result.returncode == 2 and "Traceback" not in result.stderr and "--jobs" in result.stderr
