#!/usr/bin/env python3
"""One entry point for people and CI: sets up .venv from the pinned requirements, then runs.

    python3 dev.py app      start the Streamlit app
    python3 dev.py test     run the whole test suite
    python3 dev.py bench    run the benchmarks and print their figures

Needs only Python 3.11+; everything else is installed into .venv on first use (and again
whenever a requirements file changes).
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PY = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
FILES = {"app": ["requirements.txt"], "test": ["requirements-dev.txt"], "bench": ["requirements-dev.txt"]}


def _stamp(files: list[str]) -> str:
    digest = hashlib.sha256()
    for name in files + ["requirements.txt", "constraints.txt"]:
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def ensure_env(command: str) -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"Python 3.11 or newer is needed (this is {sys.version.split()[0]}).")
    files = FILES[command]
    marker = VENV / f".installed-{command}"
    if not PY.exists():
        print("Creating .venv ...", flush=True)
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except (OSError, subprocess.CalledProcessError) as err:
            sys.exit(f"Could not create .venv ({err}). On Debian/Ubuntu: apt-get install python3-venv")
    if marker.exists() and marker.read_text() == _stamp(files):
        return
    print(f"Installing {', '.join(files)} into .venv ...", flush=True)
    args = [str(PY), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-c",
            str(ROOT / "constraints.txt")]
    for name in files:
        args += ["-r", str(ROOT / name)]
    subprocess.run(args, check=True, cwd=ROOT)
    marker.write_text(_stamp(files))


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in FILES:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    ensure_env(command)
    env = dict(os.environ, PYTHONPATH=str(ROOT), STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
    if command == "app":
        args = [str(PY), "-m", "streamlit", "run", str(ROOT / "app.py"), *rest]
    elif command == "test":
        args = [str(PY), "-m", "pytest", *(rest or ["-q"])]
    else:
        args = [str(PY), str(ROOT / "bench" / "run_all.py"), *rest]
    return subprocess.call(args, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
