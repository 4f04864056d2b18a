"""End to end in real headless Chromium: start `streamlit run app.py`, type a letter, see the verdicts.

Uses Debian's /usr/bin/chromium (never `playwright install`) through tests/app/browser.py. Without it
the test is skipped, unless OUTREACH_REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
"""
from __future__ import annotations

import pytest

from .browser import EDITOR, commit, open_app
from .conftest import letter

VERDICTS_JS = """() => Array.from(document.querySelectorAll('.oh-card[data-verdict]'))
                      .map(e => e.dataset.segment + '=' + e.dataset.verdict).join(',')"""


def test_typing_a_letter_in_chromium_changes_the_verdicts(server, page, tmp_path):
    from playwright.sync_api import expect

    outside: list[str] = []  # the page must not talk to anything but this server
    local = (server, "data:", "blob:" + server)  # blob: the editor's inline script, made in the page
    page.on("request", lambda r: None if r.url.startswith(local) else outside.append(r.url))
    open_app(page, server)
    assert "Hoe komt uw brief aan?" in page.inner_text("h1")

    commit(page, letter("threatening"))
    page.wait_for_function(f"() => ({VERDICTS_JS})().split(',').length === 3", timeout=60_000)
    cold = page.evaluate(VERDICTS_JS)
    assert "lands_well" not in cold and "turns_away" in cold

    commit(page, letter("warm"))
    page.wait_for_function(f"() => ({VERDICTS_JS})() !== {cold!r} && "
                           f"({VERDICTS_JS})().split(',').length === 3", timeout=60_000)
    warm = page.evaluate(VERDICTS_JS)
    assert "turns_away" not in warm and "lands_well" in warm
    page.screenshot(path=str(tmp_path / "warm.png"), full_page=True)

    # A letter with markup in it is shown as text: no element is created from it.
    commit(page, "Beste mevrouw,\n\n<img src=x onerror=\"document.title='pwned'\"> "
                  "<script>document.title='pwned'</script> Wij helpen graag.\n")
    page.locator(".ed-back", has_text="<script>").wait_for(timeout=60_000)
    page.locator(".ed-back .ed-mark").first.wait_for(timeout=60_000)
    assert page.locator(".ed img, .ed script").count() == 0
    assert page.title() != "pwned"
    page.screenshot(path=str(tmp_path / "escaped.png"))

    commit(page, letter("warm"))
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

    commit(page, letter("threatening"))
    page.wait_for_function("() => document.querySelectorAll('.oh-ov-dot').length === 6", timeout=60_000)
    page.get_by_role("link", name="Vergelijken").first.click()  # the page in the top bar
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

    # On a phone (390 px) the two-variant table fits its box: no cell cut off at the edge.
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_function("() => document.querySelector('.oh-cmp').parentElement.clientWidth < 390", timeout=60_000)
    table, box = page.evaluate("() => { const t = document.querySelector('.oh-cmp'); "
                               "return [t.getBoundingClientRect().width, t.parentElement.clientWidth]; }")
    assert table <= box + 0.5, (table, box)
    tall = page.evaluate("() => Array.from(document.querySelectorAll('.oh-cmp .oh-verdict')).filter(e => "
                         "e.getBoundingClientRect().height > 2.5 * parseFloat(getComputedStyle(e).fontSize))"
                         ".map(e => e.textContent)")
    assert not tall, f"verdict pills wrapped onto two lines: {tall}"
    assert not outside, f"requests outside the app: {outside}"


def test_missing_browser_skips_or_fails_as_configured(monkeypatch, tmp_path):
    import tests.app.browser as me

    monkeypatch.setattr(me, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.delenv("OUTREACH_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no-chromium"):
        me.need_browser()
    monkeypatch.setenv("OUTREACH_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="OUTREACH_REQUIRE_BROWSER=1"):
        me.need_browser()
