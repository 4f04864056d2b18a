"""The project is an installable package (issue 13): `outreach` on the PATH, imports without
sys.path edits, and benchmark-only peers outside the test environment."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

SYS_PATH_EDIT = re.compile(r"sys\.path\.(insert|append|extend)\(|sys\.path\s*(\+=|=)")


def test_no_test_or_benchmark_edits_sys_path():
    edits = [f"{path.relative_to(ROOT)}:{n}" for folder in ("tests", "bench") for path in (ROOT / folder).rglob("*.py")
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if SYS_PATH_EDIT.search(line) and "SYS_PATH_EDIT" not in line]
    assert edits == [], "run scripts as modules (python -m bench.<name>) instead: " + ", ".join(edits)


def test_the_console_script_runs_the_cli(tmp_path):
    script = shutil.which("outreach", path=str(Path(sys.executable).parent))
    assert script, "pyproject.toml's [project.scripts] outreach is not installed in this environment"
    letter = tmp_path / "brief.txt"
    letter.write_text("Beste mevrouw Jansen,\n\nWij helpen u graag.\n", encoding="utf-8")
    result = subprocess.run([script, "check", str(letter)], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Vertrouwende Volgers" in result.stdout


def test_benchmark_peers_are_not_test_requirements():
    tests = (ROOT / "requirements-dev.txt").read_text(encoding="utf-8")
    bench = (ROOT / "requirements-bench.txt").read_text(encoding="utf-8")
    for peer in ("proselint", "textstat"):
        assert peer not in tests
    assert "proselint==" in bench and "-r requirements-dev.txt" in bench
