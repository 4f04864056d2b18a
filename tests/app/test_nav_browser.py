"""The addresses and the variant switch in real Chromium (skipped without Chromium, failed in CI):
the root opens Schrijven whatever view was used last, a bookmarked view opens that view, and on a
phone every variant of the switch is on screen.
"""
from __future__ import annotations

import time

from .browser import commit, open_app

# Streamlit's own probe for its base path: a page address /workshop first asks /workshop/_stcore/...
# (404), then /_stcore/... (upstream streamlit/streamlit#7074, open; the paths are reserved in
# Streamlit's static routes, so the app cannot answer them). Any other failed request is ours.
STREAMLIT_PROBE = ("/_stcore/health", "/_stcore/host-config")


def _failures(page) -> list[str]:
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    return failed


def test_the_root_opens_schrijven_and_a_bookmarked_view_opens_that_view(server, page):
    page.set_viewport_size({"width": 1366, "height": 768})
    open_app(page, server)
    page.get_by_role("link", name="Vergelijken").first.click()
    page.locator(".st-key-oh-compare-top").wait_for(timeout=60_000)
    time.sleep(1.5)  # the choices are stored on the run that draws the view

    failed = _failures(page)
    page.goto(server.rstrip("/") + "/workshop", wait_until="domcontentloaded")  # a bookmark
    page.get_by_text("1. De drie segmenten").first.wait_for(timeout=60_000)
    assert page.url.rstrip("/").endswith("/workshop")
    ours = [f for f in failed if not f.endswith(STREAMLIT_PROBE)]
    assert not ours, ours
    assert all(f.startswith("404 ") and "/workshop/_stcore/" in f for f in failed), failed

    page.goto(server, wait_until="domcontentloaded")  # the root address, typed
    page.locator(".ed-text").wait_for(timeout=60_000)
    time.sleep(2)  # no later switch to the view the workspace was left in
    assert page.url.rstrip("/") == server.rstrip("/")
    assert page.locator(".st-key-oh-compare-top").count() == 0


def test_on_a_phone_every_variant_is_on_screen_in_one_switch(server, page):
    page.set_viewport_size({"width": 390, "height": 844})
    open_app(page, server)
    commit(page, "Beste mevrouw Jansen,\n\nWij denken graag met u mee over een regeling.\n")
    page.get_by_role("button", name="Nieuwe variant").click()
    page.get_by_role("button", name="Variant hernoemen").click()
    box = page.get_by_label("Nieuwe naam van deze variant")
    box.fill("Na: digitaal voorop, met papier, telefoon, bibliotheek en huisbezoek")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    switch = page.get_by_role("radiogroup", name="Varianten")
    switch.get_by_role("radio").nth(2).wait_for(timeout=60_000)
    radios = switch.get_by_role("radio")
    assert radios.count() == 3
    for i in range(3):
        edge = radios.nth(i).bounding_box()
        assert edge["x"] >= 0 and edge["x"] + edge["width"] <= 390, (i, edge)
    # The overview under the switch is a summary, not a second set of controls.
    overview = page.locator(".oh-overview")
    assert overview.locator("button, a, [role=radio], [tabindex]").count() == 0
