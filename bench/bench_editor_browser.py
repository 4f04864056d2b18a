"""Benchmark: the letter editor in real headless Chromium (Debian's /usr/bin/chromium), end to end.

Starts `streamlit run app.py` on a free local port (data in a temporary folder), then measures:
- first load: from navigation until the verdict panel beside the editor shows an analysis
  (the stored letter is analysed on the first run). Target: <= 2.0 s;
- typing: the last keystroke of an edit (no Ctrl+Enter) until the verdict panel changes, on a
  ~320-word letter; the editor's own pause (DEBOUNCE) is part of it. Target: median <= 400 ms;
- commit: Ctrl+Enter (as after a blur or an applied rewrite) until the panel changes.
  Target: median <= 150 ms;
- messages and bytes over the websocket per edit, both ways (only the fragment with the editor
  and the results is re-run and re-sent).
Every edit puts a threatening sentence at the end or takes it out again (one input event, as one
keystroke or a paste), so the panel must change.
A benchmark, not a test: it prints figures and never fails on them.
"""
from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
from bench.server import free_port, start_app
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
EDITS = 12
DEBOUNCE_MS = 250  # outreach/ui/editor/__init__.py (not imported: that registers the component)
SENTENCES = (" U dient binnen 7 dagen te betalen, anders volgt de deurwaarder.",
             " Het gesprek is gratis en u bepaalt zelf of u het wilt.")
PANEL_JS = "() => (document.querySelector('.oh-vp') || {}).innerText || ''"
SET_JS = """(el, text) => { el.focus(); el.value = text;
    el.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertText', data: 'x'})); }"""


def _letter() -> str:
    base = (ROOT / "tests" / "letters" / "warm.txt").read_text(encoding="utf-8")
    paragraph = ("Wij weten dat een rekening soms lastig is. Daarom denken wij graag met u mee over uw "
                 "geldzaken, zonder dat u iets moet. U kunt ons bellen of langskomen, net wat u prettig vindt. ")
    text = base
    while len(text.split()) < 320:
        text = text.replace("Met vriendelijke groet", paragraph + "\n\nMet vriendelijke groet", 1)
    return text


def _wait_panel_change(page, before: str, timeout: float = 20.0) -> float:
    start = time.perf_counter()
    page.wait_for_function(f"(b) => ({PANEL_JS})() !== b && ({PANEL_JS})() !== ''", arg=before,
                           timeout=timeout * 1000, polling="raf")
    return (time.perf_counter() - start) * 1000


def main() -> None:
    if not CHROMIUM.exists():
        print("skipped: /usr/bin/chromium is missing")
        return
    from playwright.sync_api import sync_playwright

    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        server = start_app(port, Path(tmp))
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
                page = browser.new_page(viewport={"width": 1366, "height": 768})
                frames = {"sent": [0, 0], "received": [0, 0]}

                def count(kind: str, payload) -> None:
                    frames[kind][0] += 1
                    frames[kind][1] += len(payload) if payload else 0

                page.on("websocket", lambda ws: (ws.on("framesent", lambda f: count("sent", f)),
                                                 ws.on("framereceived", lambda f: count("received", f))))
                url = f"http://127.0.0.1:{port}/"
                page.goto(url)
                page.wait_for_selector(".ed-text", timeout=90_000)
                area = page.locator(".ed-text")
                area.fill(_letter())
                area.press("Control+Enter")
                page.wait_for_selector(".oh-vp-row", timeout=90_000)
                words = len(_letter().split())

                loads = []
                for _ in range(3):  # first load of a stored letter, until the verdicts show
                    start = time.perf_counter()
                    page.reload(wait_until="commit")
                    page.wait_for_selector(".oh-vp-row", timeout=90_000)
                    loads.append((time.perf_counter() - start) * 1000)
                page.wait_for_selector(".ed-back .ed-mark", timeout=90_000)

                typing, commits, per_edit = [], [], []
                base = area.input_value()
                for i in range(EDITS * 2):
                    before = page.evaluate(PANEL_JS)
                    frames["sent"] = [0, 0]
                    frames["received"] = [0, 0]
                    # One edit event (as one keystroke or a paste): the threat sentence in or out.
                    text = base + SENTENCES[0] if i % 2 == 0 else base
                    area.evaluate(SET_JS, text)
                    if (i // 2) % 2 == 0:
                        typing.append(_wait_panel_change(page, before))
                    else:
                        area.press("Control+Enter")
                        commits.append(_wait_panel_change(page, before))
                    page.wait_for_timeout(500)  # let the editor settle before the next edit
                    per_edit.append((frames["sent"][0] + frames["received"][0],
                                     frames["sent"][1] + frames["received"][1]))
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=15)

    def fig(values: list[float]) -> str:
        return f"median {statistics.median(values):.0f} ms (min {min(values):.0f}, max {max(values):.0f}, n={len(values)})"

    print(f"letter: {words} words; editor pause {DEBOUNCE_MS} ms")
    print(f"first load until the verdicts show: {fig(loads)}  [target <= 2000 ms]")
    print(f"last keystroke until the verdicts change (no Ctrl+Enter): {fig(typing)}  [target <= 400 ms]")
    print(f"Ctrl+Enter until the verdicts change: {fig(commits)}  [target <= 150 ms]")
    messages = statistics.median(m for m, _ in per_edit)
    size = statistics.median(b for _, b in per_edit)
    print(f"websocket per edit (both ways): median {messages:.0f} messages, {size / 1024:.1f} KiB")


if __name__ == "__main__":
    main()
