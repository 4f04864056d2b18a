"""End to end in headless Chromium: apply the first "Eerst doen" change, see the cards move, undo it,
see them back. Skipped without Debian's chromium (see test_browser.py)."""
from __future__ import annotations

from .conftest import letter
from .test_browser import ARGS, CHROMIUM, _commit, server  # noqa: F401  (server is a fixture)

CARDS_JS = """() => Array.from(document.querySelectorAll('.oh-card[data-verdict]'))
                   .map(e => e.dataset.segment + '=' + e.querySelector('.oh-score').firstChild.textContent.trim())
                   .join(',')"""


def _cards_settle(page, not_equal: str | None = None, equal: str | None = None) -> str:
    condition = f"({CARDS_JS})().split(',').length === 3"
    if not_equal is not None:
        condition += f" && ({CARDS_JS})() !== {not_equal!r}"
    if equal is not None:
        condition += f" && ({CARDS_JS})() === {equal!r}"
    page.wait_for_function(f"() => {condition}", timeout=60_000)
    return page.evaluate(CARDS_JS)


def test_apply_the_first_change_then_undo_it_in_chromium(server, tmp_path):  # noqa: F811
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(server, wait_until="domcontentloaded")
            page.wait_for_selector("textarea", timeout=60_000)
            original = letter("threatening")
            _commit(page, original)
            page.wait_for_selector(".oh-fix", timeout=60_000)
            before = _cards_settle(page)
            assert page.locator(".oh-fix").count() <= 5
            assert "bereik" in page.locator(".oh-fix").first.inner_text()

            page.get_by_role("button", name="Toepassen").first.click()
            after = _cards_settle(page, not_equal=before)
            assert page.locator("textarea").first.input_value() != original
            total = lambda cards: sum(int(c.split("=")[1]) for c in cards.split(","))  # noqa: E731
            assert total(after) > total(before)
            page.screenshot(path=str(tmp_path / "applied.png"), full_page=True)

            page.get_by_role("button", name="Laatste wijziging ongedaan maken").click()
            assert _cards_settle(page, equal=before) == before
            page.wait_for_function("(text) => document.querySelector('textarea').value === text", arg=original,
                                   timeout=60_000)
        finally:
            browser.close()
