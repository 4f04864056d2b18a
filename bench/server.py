"""The real app server for the browser and load benchmarks: on a free loopback port, with its own
data folder, back when it answers its health check."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(port: int, data: Path, log: Path | None = None, **env: str) -> subprocess.Popen:
    """`streamlit run app.py` with OUTREACH_DATA_DIR=data and `env`; output to `log` (or dropped)."""
    env = dict(os.environ, STREAMLIT_BROWSER_GATHER_USAGE_STATS="false", PYTHONPATH=str(ROOT),
               OUTREACH_DATA_DIR=str(data), **env)
    output = log.open("wb") if log is not None else subprocess.DEVNULL
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port",
                             str(port), "--server.address", "127.0.0.1", "--server.headless", "true"],
                            cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    said = log.read_text(errors="replace")[-2000:] if log is not None else ""
    raise SystemExit(f"streamlit did not start{'; its output:' + chr(10) + said if said else ''}")
