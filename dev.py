#!/usr/bin/env python3
"""One entry point for people and CI: sets up .venv from the pinned requirements, then runs.

    python3 dev.py app      start the Streamlit app (local: only this computer, 127.0.0.1)
    python3 dev.py app --shared   share it on the network, behind an access code
    python3 dev.py app --packs DIR   with an organisation's own rule packs stacked on top
    python3 dev.py app --shared --workers N   N app processes behind nginx (sticky sessions) for a
                            large workshop; needs nginx (docs/deploy.md)
    python3 dev.py test     run the whole test suite
    python3 dev.py bench    run the benchmarks and print their figures

Needs only Python 3.11+; everything else is installed into .venv on first use (and again
whenever a requirements file changes).
"""
from __future__ import annotations

import hashlib
import os
import secrets
import socket
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PY = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
FILES = {"app": ["requirements.txt"], "test": ["requirements-dev.txt"], "bench": ["requirements-bench.txt"]}


def _stamp(files: list[str]) -> str:
    digest = hashlib.sha256()
    for name in files + ["requirements.txt", "constraints.txt", "pyproject.toml"]:
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
    # The project itself, editable: `outreach` on the PATH of .venv, and `import outreach` from
    # anywhere without sys.path edits. Its dependencies are the pins just installed.
    subprocess.run([str(PY), "-m", "pip", "install", "--disable-pip-version-check", "-q", "--no-deps",
                    "-e", str(ROOT)], check=True, cwd=ROOT)
    marker.write_text(_stamp(files))


def lan_address() -> str:
    """This computer's address on the local network (a UDP 'connect' sends no packet), or ''."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: only picks the outgoing interface
            address = probe.getsockname()[0]
    except OSError:
        return ""
    return "" if address.startswith("127.") else address


def _packs_option(rest: list[str], env: dict[str, str]) -> list[str]:
    """--packs DIR (repeatable): an organisation's own rule packs, passed on as OUTREACH_PACKS."""
    packs, kept = [], []
    items = iter(rest)
    for arg in items:
        if arg == "--packs":
            folder = next(items, "")
            if not os.path.isdir(folder):
                sys.exit(f"--packs: '{folder}' is geen map met regelpakketten")
            packs.append(str(Path(folder).resolve()))
        else:
            kept.append(arg)
    if packs:
        env["OUTREACH_PACKS"] = os.pathsep.join(packs)
    return kept


def _workers_option(rest: list[str]) -> tuple[int, list[str]]:
    """`--workers N` (N app processes behind nginx) taken out of the app's arguments; 0 if absent."""
    kept, workers, items = [], 0, iter(rest)
    for arg in items:
        if arg == "--workers" or arg.startswith("--workers="):
            value = arg.split("=", 1)[1] if "=" in arg else next(items, "")
            if not value.isdigit() or not 1 <= int(value) <= 16:
                sys.exit("--workers takes a number of app processes from 1 to 16")
            workers = int(value)
        else:
            kept.append(arg)
    return workers, kept


def app_mode(rest: list[str], env: dict[str, str]) -> list[str]:
    """Streamlit flags and environment for local (default) or shared (--shared) mode.

    Local binds 127.0.0.1. Shared binds the LAN address (OUTREACH_SHARED_ADDRESS overrides; a
    specific address also keeps Streamlit from looking up the external IP on the internet) and
    sets the access code: OUTREACH_ACCESS_CODE, or a random one printed here.
    """
    rest = _packs_option(rest, env)
    shared = "--shared" in rest
    rest = [a for a in rest if a != "--shared"]
    if not shared:
        env["OUTREACH_MODE"] = "local"
        return ["--server.address", "127.0.0.1", *rest]
    code = env.get("OUTREACH_ACCESS_CODE", "").strip() or secrets.token_urlsafe(9)
    address = env.get("OUTREACH_SHARED_ADDRESS", "").strip() or lan_address() or "0.0.0.0"
    env.update(OUTREACH_MODE="shared", OUTREACH_ACCESS_CODE=code)
    print(f"Shared mode on {address}; access code: {code}", flush=True)
    return ["--server.address", address, *rest]


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in FILES:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    ensure_env(command)
    env = dict(os.environ, PYTHONPATH=str(ROOT), STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
    if command == "app":
        workers, rest = _workers_option(rest)
        flags = app_mode(rest, env)
        if workers:  # N processes on loopback ports, nginx on the address and port asked for
            address = flags[flags.index("--server.address") + 1]
            flags = flags[2:]
            port = "8501"
            if "--server.port" in flags:
                at = flags.index("--server.port")
                port, flags = flags[at + 1], flags[:at] + flags[at + 2:]
            args = [str(PY), "-m", "outreach.cluster", "--workers", str(workers), "--address", address,
                    "--port", port, *flags]
        else:
            args = [str(PY), "-m", "streamlit", "run", str(ROOT / "app.py"), *flags]
    elif command == "test":
        args = [str(PY), "-m", "pytest", *(rest or ["-q"])]
    else:
        args = [str(PY), "-m", "bench.run_all", *rest]
    return subprocess.call(args, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
