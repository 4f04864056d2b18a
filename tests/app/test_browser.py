"""End to end in real headless Chromium: start `streamlit run app.py`, type a letter, see the verdicts.

Uses Debian's /usr/bin/chromium (never `playwright install`). Without it the test is skipped,
unless OUTREACH_REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
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

from .conftest import ROOT, letter

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
VERDICTS_JS = """() => Array.from(document.querySelectorAll('.oh-card[data-verdict]'))
                      .map(e => e.dataset.segment + '=' + e.dataset.verdict).join(',')"""


def _need_browser() -> None:
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


def _free_port() -> int:
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
    port = _free_port()
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


@pytest.fixture()
def server(tmp_path):
    _need_browser()
    with running_app(tmp_path) as address:
        yield address


EDITOR = ".ed-text"  # the letter editor's text box (inside the component's shadow root; locators pierce it)


def _commit(page, text: str) -> None:
    """Put the text in the editor and send it at once (Ctrl+Enter); back when the page has it."""
    from playwright.sync_api import expect

    area = page.locator(EDITOR)
    area.fill(text)
    area.press("Control+Enter")
    expect(page.locator(".ed-status")).to_have_text(re.compile("Bewaard|Saved"), timeout=60_000)


def test_typing_a_letter_in_chromium_changes_the_verdicts(server, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            outside: list[str] = []  # the page must not talk to anything but this server
            local = (server, "data:", "blob:" + server)  # blob: the editor's inline script, made in the page
            page.on("request", lambda r: None if r.url.startswith(local) else outside.append(r.url))
            page.goto(server, wait_until="domcontentloaded")
            page.wait_for_selector(EDITOR, timeout=60_000)
            assert "Hoe komt uw brief aan?" in page.inner_text("h1")

            _commit(page, letter("threatening"))
            page.wait_for_function(f"() => ({VERDICTS_JS})().split(',').length === 3", timeout=60_000)
            cold = page.evaluate(VERDICTS_JS)
            assert "lands_well" not in cold and "turns_away" in cold

            _commit(page, letter("warm"))
            page.wait_for_function(f"() => ({VERDICTS_JS})() !== {cold!r} && "
                                   f"({VERDICTS_JS})().split(',').length === 3", timeout=60_000)
            warm = page.evaluate(VERDICTS_JS)
            assert "turns_away" not in warm and "lands_well" in warm
            page.screenshot(path=str(tmp_path / "warm.png"), full_page=True)

            # A letter with markup in it is shown as text: no element is created from it.
            _commit(page, "Beste mevrouw,\n\n<img src=x onerror=\"document.title='pwned'\"> "
                          "<script>document.title='pwned'</script> Wij helpen graag.\n")
            page.locator(".ed-back", has_text="<script>").wait_for(timeout=60_000)
            page.locator(".ed-back .ed-mark").first.wait_for(timeout=60_000)
            assert page.locator(".ed img, .ed script").count() == 0
            assert page.title() != "pwned"
            page.screenshot(path=str(tmp_path / "escaped.png"))

            _commit(page, letter("warm"))
            assert (tmp_path / "warm.png").stat().st_size > 10_000

            # A second variant, then the comparison: A (the warm letter) wins every segment over B.
            main = page.get_by_test_id("stMainBlockContainer")
            main.get_by_role("radio", name="Variant B").click()
            expect(page.locator(EDITOR)).to_have_value("", timeout=60_000)

            # An uploaded file's name is user text too: shown literally in the message, no image fetched.
            name = "![x](http://127.0.0.1:9/p.png) **vet** $x$.txt"
            main.locator('input[type="file"]').set_input_files(
                files=[{"name": name, "mimeType": "text/plain", "buffer": letter("warm").encode()}])
            alert = page.locator('[data-testid="stAlert"]').filter(has_text="ingelezen")
            alert.wait_for(timeout=60_000)
            assert name in alert.inner_text()
            assert alert.locator("img, strong, .katex").count() == 0
            expect(page.locator(EDITOR)).to_have_value(letter("warm"), timeout=60_000)  # B was empty: B has it

            _commit(page, letter("threatening"))
            page.wait_for_function("() => document.querySelectorAll('.oh-ov-dot').length === 6", timeout=60_000)
            main.get_by_role("radio", name="Vergelijken").click()
            page.wait_for_selector('.oh-cmp tr[data-segment="reach"]', timeout=60_000)
            rows = page.eval_on_selector_all(".oh-cmp tr[data-segment]",
                                             "rows => rows.map(r => r.dataset.segment + '=' + r.dataset.winner)")
            assert len(rows) == 4 and all(row.endswith("=0") for row in rows), rows
            # The list of what B introduces renders after the table: wait for it, do not race it.
            page.wait_for_selector('li.oh-introduced[data-rule^="tone.threat."]', timeout=60_000)
            assert page.locator(".oh-diff del").count() > 0 and page.locator(".oh-diff ins").count() > 0
            page.wait_for_selector('[data-testid="stVegaLiteChart"]', timeout=60_000)
            page.screenshot(path=str(tmp_path / "compare.png"), full_page=True)
            assert (tmp_path / "compare.png").stat().st_size > 10_000
            assert not outside, f"requests outside the app: {outside}"
        finally:
            browser.close()


def test_missing_browser_skips_or_fails_as_configured(monkeypatch, tmp_path):
    import tests.app.test_browser as me

    monkeypatch.setattr(me, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.delenv("OUTREACH_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no-chromium"):
        me._need_browser()
    monkeypatch.setenv("OUTREACH_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="OUTREACH_REQUIRE_BROWSER=1"):
        me._need_browser()
