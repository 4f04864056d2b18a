"""End to end in headless Chromium: apply the first "Eerst doen" change, see the cards move, undo it,
see them back. Skipped without Debian's chromium (see tests/app/browser.py)."""
from __future__ import annotations

from .browser import EDITOR, commit, open_app
from .conftest import letter

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


def test_apply_the_first_change_then_undo_it_in_chromium(server, page, tmp_path):
    from playwright.sync_api import expect

    open_app(page, server)
    original = letter("threatening")
    commit(page, original)
    page.wait_for_selector(".oh-fix", timeout=60_000)
    before = _cards_settle(page)
    assert page.locator(".oh-fix").count() <= 5
    assert "bereik" in page.locator(".oh-fix").first.inner_text()

    page.get_by_role("button", name="Toepassen").first.click()
    after = _cards_settle(page, not_equal=before)
    expect(page.locator(EDITOR)).not_to_have_value(original, timeout=60_000)  # the change is in the editor
    total = lambda cards: sum(int(c.split("=")[1]) for c in cards.split(","))  # noqa: E731
    assert total(after) > total(before)
    page.screenshot(path=str(tmp_path / "applied.png"), full_page=True)

    page.get_by_role("button", name="Laatste wijziging ongedaan maken").click()
    assert _cards_settle(page, equal=before) == before
    expect(page.locator(EDITOR)).to_have_value(original, timeout=60_000)
