"""Eight people at once on one real server, in real Chromium: every word lands in its own workspace.

The app runs in shared mode (a workshop: each person gives the access code and gets a browser key
of their own). Eight browser contexts work at the same time. Each person:
1. types a letter into the workspace their first visit made;
2. makes a new workspace ("Nieuw -> Maken") and types *at once*, without waiting for the page
   (the race of issue 14: that text once landed in the previously shown workspace or in someone
   else's). Editors are keyed by workspace id, so the text lands in the workspace whose editor it
   was typed into, and nowhere else. Outcomes allowed, counted and printed: the browser replaces
   the old editor before the text was committed (the person sees it gone; it is nowhere in the
   store); the commit of the old editor is dropped during the switch (an open problem, see the
   README; also nowhere in the store); and a click on "Maken" dropped under load when a commit
   follows at once (the page stays on the first workspace, where the text was saved; the person
   clicks again);
3. types in the new workspace once it is shown;
4. switches back to the first workspace with the picker and types there.
Afterwards the database holds, per person, exactly two workspaces with exactly their own texts,
and no text of anyone in anyone else's workspace. Skipped without Chromium (failed in CI).
"""
from __future__ import annotations

import asyncio
import re
import sqlite3
import time
from urllib.parse import parse_qs, urlparse

import pytest

from outreach.store import DB_NAME, owner_of_key

from .browser import EDITOR, launch, need_browser, running_app

PEOPLE = 8
CODE = "workshop-code-2026"
WAIT = 120_000  # ms: eight sessions share two cores
EDITOR_KEY = re.compile(r"st-key-ed-([0-9a-f]{32})-a-editor")
# The keyed element around the editor: the text box is inside the component's shadow root, so go
# up through the root's host.
KEY_OF = """e => {
    for (let node = e; node; node = node.getRootNode().host) {
        const keyed = node.closest('[class*="st-key-ed-"]');
        if (keyed) return keyed.className;
    }
    return '';
}"""


def _texts(path) -> dict[str, dict[str, tuple[str, list[str]]]]:
    """owner -> workspace id -> (name, texts of its variants in order), as stored now."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        rows = conn.execute("SELECT w.owner, w.id, w.name, v.text FROM workspaces w "
                            "JOIN variants v ON v.workspace_id = w.id ORDER BY w.id, v.position").fetchall()
    finally:
        conn.close()
    found: dict[str, dict[str, tuple[str, list[str]]]] = {}
    for owner, wid, name, text in rows:
        found.setdefault(owner, {}).setdefault(wid, (name, []))[1].append(text)
    return found


async def _stored(path, owner: str, wid: str, text: str, seconds: float = WAIT / 1000) -> None:
    """Wait until the server has saved `text` as variant A of this workspace."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists():
            try:
                if _texts(path).get(owner, {}).get(wid, ("", [""]))[1][0] == text:
                    return
            except sqlite3.OperationalError:
                pass
        await asyncio.sleep(0.25)
    raise AssertionError(f"not saved in {wid}: {text!r}; stored: {_texts(path).get(owner)}")

# What the sidebar shows, in page order: each element's key class (if any) and its first words.
SHAPE = """es => es.map(e => [(e.className.match(/st-key-\\S+/) || [''])[0], e.innerText.slice(0, 30),
                        getComputedStyle(e).opacity])"""

PATHS = """es => es.map(e => { const path = []; let n = e;
    while (n && n.dataset.testid !== 'stSidebar') { const p = n.parentElement;
        path.unshift((n.dataset.testid || n.tagName) + ':' + Array.from(p.children).indexOf(n)); n = p; }
    return path.join('/'); })"""


async def _editor(page, not_in: str | None = None, seconds: float = WAIT / 1000):
    """The letter editor of variant A and the id of the workspace it belongs to (from its key)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        area = page.locator(EDITOR).first
        await area.wait_for(timeout=WAIT)
        handle = await area.element_handle()
        match = EDITOR_KEY.search(await handle.evaluate(KEY_OF))
        if match and match.group(1) != not_in:
            return handle, match.group(1)
        await asyncio.sleep(0.1)
    raise AssertionError(f"no editor of another workspace than {not_in} on the page")


async def _type(handle, more: str) -> str:
    """Add to what the editor shows and commit (Ctrl+Enter); the editor's whole text."""
    text = await handle.input_value() + more
    await handle.fill(text)
    await handle.press("Control+Enter")
    return text


async def _person(browser, address: str, path, n: int, outside: list[str]) -> dict:
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    local = (address, "data:", "blob:" + address)  # blob: the editor's inline script, made in the page
    page.on("request", lambda r: None if r.url.startswith(local) else outside.append(r.url))
    try:
        await page.goto(address, wait_until="domcontentloaded")
        await page.get_by_label("Toegangscode").fill(CODE, timeout=WAIT)
        await page.get_by_role("button", name="Doorgaan").click()
        handle, first = await _editor(page)
        key = parse_qs(urlparse(page.url).query)["sleutel"][0]
        owner = owner_of_key(key)

        # 1. the workspace of the first visit
        t0 = await _type(handle, f"Beste mevrouw,\n\nBrief {n}, eerste werkruimte.\n")
        await _stored(path, owner, first, t0)

        # 2. Nieuw -> Maken, then type at once into whichever editor the page shows
        sidebar = page.get_by_test_id("stSidebar")
        await sidebar.get_by_role("button", name="Nieuw").click()
        await page.get_by_label("Naam van de nieuwe werkruimte").fill(f"Werkruimte {n}")
        await page.get_by_role("button", name="Maken", exact=True).click()
        race = f"Direct na Maken getypt door persoon {n}.\n"
        handle, typed_in = await _editor(page)
        try:
            raced = await _type(handle, race)
        except Exception:  # the editor was replaced while typing
            raced = None
        try:
            assert raced is not None
            await _stored(path, owner, typed_in, raced, seconds=30)
            outcome = "saved"
        except AssertionError:
            # Not saved where it was typed. It must then be nowhere: never in the new workspace,
            # never in anyone else's. Two causes: the browser replaced the editor before the commit
            # left it (Streamlit sends a text only when committed), or -- still open, see the
            # README -- the commit of the old editor reached the server during the switch and was
            # dropped there. Both are counted and printed.
            assert race not in str(_texts(path)), f"person {n}: the text landed somewhere else"
            outcome = "replaced" if not await handle.evaluate("e => e.isConnected") else "dropped"
        cut = outcome != "saved"

        # 3. the new workspace, once its editor is shown. Under load Streamlit may drop the click on
        # "Maken" when the commit of the text follows at once (no workspace is made, the page stays
        # on the first one, where the text was typed and saved): the person clicks again.
        clicks, until = 1, time.monotonic() + 2 * WAIT / 1000
        while True:
            assert time.monotonic() < until, f"person {n}: the new workspace is not shown"
            try:
                handle, second = await _editor(page, not_in=first, seconds=20)
                break
            except AssertionError:
                made = [name for name, _ in _texts(path).get(owner, {}).values()]
                if f"Werkruimte {n}" in made:  # made, the page is only slow: wait on
                    continue
                # Not made: the click was dropped (the page stays on the first workspace); the race
                # text is then in the first workspace or nowhere (checked above and at the end).
                assert clicks < 3 and typed_in == first, f"person {n}: no new workspace"
                await page.get_by_role("button", name="Maken", exact=True).click()
                clicks += 1
        t2 = await _type(handle, f"Persoon {n} in de nieuwe werkruimte.\n")
        await _stored(path, owner, second, t2)

        # 4. back to the first workspace with the picker of the workspace now open. While a rerun is
        # still drawing, Streamlit keeps the previous run's elements on the page, so the old
        # picker (keyed by the workspace it was drawn for) can stand beside the new one for as long
        # as the rerun takes. Under load it sometimes stays until the next full rerun (an open
        # glitch, see the README; the old one is inert: its choice is ignored): give the page
        # 20 s to clear it, count it when it does not, and use the picker of this workspace.
        pickers = sidebar.locator('[class*="st-key-ws-pick-"]')
        mine = sidebar.locator(f".st-key-ws-pick-nl-{second}")
        until, settle = time.monotonic() + WAIT / 1000, time.monotonic() + 20
        while not (await mine.count() == 1 and (await pickers.count() == 1 or time.monotonic() > settle)):
            assert time.monotonic() < until, f"person {n}: no workspace picker of the open workspace"
            await asyncio.sleep(0.25)
        stale = await pickers.count() - 1
        if stale:
            print(f"person {n}: an old workspace picker still stands in the sidebar: "
                  + str(await sidebar.locator('[data-testid="stElementContainer"]').evaluate_all(SHAPE))
                  + str(await pickers.evaluate_all(PATHS)))
        for attempt in range(4):  # a rerun may redraw the open list under the pointer: open it again
            try:
                await mine.get_by_test_id("stSelectbox").click(timeout=WAIT)
                await page.get_by_role("option", name=re.compile(r"^Mijn brieven")).click(timeout=10_000)
                break
            except Exception:
                if attempt == 3:
                    raise
                await page.keyboard.press("Escape")
                await asyncio.sleep(1)
        handle, back = await _editor(page, not_in=second)
        assert back == first
        t3 = await _type(handle, f"Persoon {n} weer in de eerste.\n")
        await _stored(path, owner, first, t3)
        return {"owner": owner, "first": first, "second": second, "texts": {first: t3, second: t2},
                "race_in": None if cut else typed_in, "clicks": clicks, "outcome": outcome,
                "stale_picker": bool(stale)}
    except Exception as err:
        await page.screenshot(path=str(path.parent.parent / f"person{n}.png"))
        raise AssertionError(f"person {n}: {err}") from err
    finally:
        await context.close()


async def _everyone(address: str, path) -> tuple[list[dict], list[str]]:
    from playwright.async_api import async_playwright

    outside: list[str] = []
    async with async_playwright() as p:
        browser = await launch(p.chromium)
        try:
            people = await asyncio.gather(*(_person(browser, address, path, n, outside)
                                            for n in range(1, PEOPLE + 1)))
        finally:
            await browser.close()
    return people, outside


def test_eight_people_at_once_each_keep_exactly_their_own_words(tmp_path):
    need_browser()
    with running_app(tmp_path, OUTREACH_MODE="shared", OUTREACH_ACCESS_CODE=CODE) as address:
        people, outside = asyncio.run(asyncio.wait_for(_everyone(address, tmp_path / "data" / DB_NAME), 420))
    stored = _texts(tmp_path / "data" / DB_NAME)
    assert len({p["owner"] for p in people}) == PEOPLE
    assert set(stored) == {p["owner"] for p in people}  # nobody else's workspaces, none without owner
    for n, person in enumerate(people, start=1):
        mine = stored[person["owner"]]
        assert set(mine) == {person["first"], person["second"]}, mine  # one default, one new: no more
        assert mine[person["first"]][0] == "Mijn brieven" and mine[person["second"]][0] == f"Werkruimte {n}"
        for wid, (_, texts) in mine.items():
            assert texts == [person["texts"][wid], ""], (n, texts)  # exactly what this person typed there
        # The race text is in the workspace whose editor it was typed into, and only there (or, when
        # that editor was replaced before the text was committed, nowhere: checked above).
        holding = [wid for wid, (_, texts) in mine.items() if f"persoon {n}." in texts[0]]
        assert holding == [w for w in [person["race_in"]] if w], (n, holding)
    print(f"race: {sum(p['race_in'] == p['first'] for p in people)} typed into the old editor and saved there, "
          f"{sum(p['race_in'] == p['second'] for p in people)} into the new one, "
          f"{sum(p['outcome'] == 'replaced' for p in people)} cut off by the switch before the commit, "
          f"{sum(p['outcome'] == 'dropped' for p in people)} committed but dropped during the switch; "
          f"{sum(p['clicks'] - 1 for p in people)} clicks on Maken dropped; "
          f"{sum(p['stale_picker'] for p in people)} saw an old workspace picker beside the new one")
    for owner, workspaces in stored.items():
        for _, texts in workspaces.values():
            marks = set(re.findall(r"(?:Brief|Persoon|persoon) (\d+)", "".join(texts)))
            assert len(marks) <= 1, (owner, texts)  # nobody's words in someone else's workspace
    assert not outside, f"requests outside the app: {outside}"
