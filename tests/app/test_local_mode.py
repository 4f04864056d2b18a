"""Local mode with the real server: it listens on 127.0.0.1 only (from .streamlit/config.toml, no
address flag) and makes no connection beyond this computer. Every socket bind, connect, sendto and
name lookup of the Streamlit process is recorded by an audit hook; its listening sockets are read
from /proc."""
from __future__ import annotations

import ipaddress
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .conftest import ROOT
from .browser import free_port

EXTRA: list[str] = []  # (a check of the check: ["--server.address", "0.0.0.0"] must fail)
LAUNCH = r"""
import sys
record = open(sys.argv[1], "a", buffering=1)
def hook(event, args):
    if event in ("socket.bind", "socket.connect", "socket.sendto", "socket.sendmsg"):
        address = args[-1] if event != "socket.bind" and event != "socket.connect" else args[1]
        if isinstance(address, tuple) and address and isinstance(address[0], str):
            record.write(f"{event} {address[0]}\n")
    elif event == "socket.getaddrinfo":
        record.write(f"{event} {args[0]}\n")
sys.addaudithook(hook)
sys.argv = ["streamlit", "run", *sys.argv[2:]]
from streamlit.web.cli import main
main()
"""


def _loopback(host: str) -> bool:
    if host in ("localhost", "", "None"):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _listening(pid: int) -> set[str]:
    """The local addresses (hex, as in /proc/net/tcp*) of sockets this process listens on."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = set()
    for table in ("tcp", "tcp6"):
        for line in Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:  # state LISTEN
                found.add(fields[1].split(":")[0])
    return found


def test_local_mode_listens_on_loopback_only_and_calls_nobody(tmp_path):
    port, record = free_port(), tmp_path / "sockets.txt"
    env = dict(os.environ, PYTHONPATH=str(ROOT), OUTREACH_DATA_DIR=str(tmp_path / "data"))
    env.pop("OUTREACH_MODE", None)
    log = (tmp_path / "streamlit.log").open("w")
    proc = subprocess.Popen([sys.executable, "-c", LAUNCH, str(record), str(ROOT / "app.py"),
                             "--server.port", str(port), *EXTRA], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, (tmp_path / "streamlit.log").read_text()[-2000:]
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the app did not start"
            time.sleep(0.2)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
            assert r.status == 200
        listening = _listening(proc.pid)
        assert listening == {"0100007F"}, listening  # 127.0.0.1 and nothing else (no 0.0.0.0, no ::)
        time.sleep(1.0)  # anything the server would do shortly after start (version checks ...)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()
    events = [line.split(" ", 1) for line in record.read_text().splitlines()]
    assert any(e == "socket.bind" for e, _ in events)
    outside = [(e, host) for e, host in events if not _loopback(host)]
    assert outside == [], outside


def test_error_boxes_offer_no_links_off_the_machine():
    """Streamlit's "Ask Google / Ask ChatGPT" links under an error would send letter text elsewhere."""
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorLinks"] is False
    assert config["client"]["showErrorDetails"] == "none"
