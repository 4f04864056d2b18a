"""What the browser tests share: a real `streamlit run app.py` on a free loopback port, and Debian's
headless Chromium (/usr/bin/chromium, never `playwright install`) driving it.

Without Chromium or the playwright package a browser test is skipped, unless
OUTREACH_REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.

    need_browser()                       skip or fail when Chromium or playwright is missing
    running_app(tmp_path, **env)         the app on a free port with its own data folder; yields its address
    free_port()                          a free loopback port
    chromium(width, height)              a new page in headless Chromium (sync API)
    launch(playwright_chromium)          the same browser for the async API (awaitable)
    commit(page, text)                   the letter into the editor, sent at once (Ctrl+Enter)

The pytest fixtures `server` and `page` (tests/app/conftest.py) are built on these.
"""
from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
EDITOR = ".ed-text"  # the letter editor's text box (inside the component's shadow root; locators pierce it)
STATUS = ".ed-status"  # the editor's "Bewaard" / "Saved"
VIEWPORT = {"width": 1400, "height": 1000}


def need_browser() -> None:
    required = os.environ.get("OUTREACH_REQUIRE_BROWSER") == "1"
    problem = None
    if not CHROMIUM.exists():
        problem = f"{CHROMIUM} is missing (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "the playwright package is not installed"
    if problem:
        if required:
            pytest.fail(f"OUTREACH_REQUIRE_BROWSER=1 but {problem}")
        pytest.skip(f"browser test skipped: {problem}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, server: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"streamlit stopped (exit {server.returncode}):\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"streamlit did not become healthy in {timeout:.0f}s:\n{log.read_text()[-3000:]}")


@contextlib.contextmanager
def running_app(tmp_path: Path, **env_extra: str) -> Iterator[str]:
    """`streamlit run app.py` on a free loopback port with its own data folder; yields its address."""
    port = free_port()
    log = tmp_path / "streamlit.log"
    env = dict(os.environ, STREAMLIT_BROWSER_GATHER_USAGE_STATS="false", PYTHONPATH=str(ROOT),
               OUTREACH_DATA_DIR=str(tmp_path / "data"), **env_extra)  # never the repository's ./data
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_healthy(f"http://127.0.0.1:{port}/_stcore/health", proc, log)
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


def launch(browser_type):
    """Debian's Chromium, headless, from a playwright `chromium` browser type (sync or async API)."""
    return browser_type.launch(executable_path=str(CHROMIUM), args=ARGS)


@contextlib.contextmanager
def chromium(width: int = VIEWPORT["width"], height: int = VIEWPORT["height"]):
    """A fresh page of its own browser at this window size; the browser is closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p.chromium)
        try:
            yield browser.new_page(viewport={"width": width, "height": height})
        finally:
            browser.close()


def open_app(page, url: str) -> None:
    """Go to the app and wait until the letter editor is there."""
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector(EDITOR, timeout=60_000)


def commit(page, text: str) -> None:
    """Put the text in the editor and send it at once (Ctrl+Enter); back when the page has it."""
    from playwright.sync_api import expect

    area = page.locator(EDITOR)
    area.fill(text)
    area.press("Control+Enter")
    expect(page.locator(STATUS)).to_have_text(re.compile("Bewaard|Saved"), timeout=60_000)
