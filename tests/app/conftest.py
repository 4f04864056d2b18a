"""Shared fixtures for the app tests: a small scenario catalogue of our own, and clean caches."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
LETTERS = ROOT / "tests" / "letters"

SCENARIO = '''
title = "Testscenario: huurachterstand"
occasion = "signal"
occasion_text = "De woningcorporatie meldt twee maanden huurachterstand."
sender = "Gemeente Teststad, team Geldhulp"
help_offered = "Een gratis gesprek met een geldhulpmedewerker."
mechanism = "Pettenverwarring: wie een brief van de gemeente krijgt, denkt dat hij iets fout deed."
research = "Designsprint 1: bied vrijblijvend aan om mee te denken."

[variables]
naam = "mevrouw Jansen"
telefoon = "0521 - 123 456"

[[letter]]
template = "test_poor.j2"
label = "Dreigend"
quality = "poor"

[[letter]]
template = "test_strong.j2"
label = "Warm"
quality = "strong"
'''
POOR = "Geachte heer/mevrouw,\n\nU dient binnen 7 dagen te betalen, anders volgt de deurwaarder.\n\nHoogachtend,\n\nAfdeling Debiteuren\n"
STRONG = ("Beste {{ naam }},\n\nWij denken graag met u mee. Het gesprek is gratis en u bepaalt zelf of u het wilt.\n"
          "Bel mij gerust op {{ telefoon }}.\n\nMet vriendelijke groet,\n\nSanne Vermeulen\nGeldhulp Teststad\n")


@pytest.fixture()
def scenario_dirs(tmp_path, monkeypatch):
    """Point the app at a scenario catalogue of our own (one scenario, two example letters)."""
    from outreach import scenarios

    scen, tmpl = tmp_path / "scenarios", tmp_path / "templates"
    scen.mkdir()
    tmpl.mkdir()
    (scen / "test_huur.toml").write_text(textwrap.dedent(SCENARIO), encoding="utf-8")
    (tmpl / "test_poor.j2").write_text(POOR, encoding="utf-8")
    (tmpl / "test_strong.j2").write_text(STRONG, encoding="utf-8")
    monkeypatch.setattr(scenarios, "SCENARIOS_DIR", scen)
    monkeypatch.setattr(scenarios, "TEMPLATES_DIR", tmpl)
    return scen, tmpl


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Every app test keeps its workspaces in its own folder: never in ./data."""
    folder = tmp_path / "data"
    monkeypatch.setenv("OUTREACH_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def clear_streamlit_caches():
    """Each test starts from empty st.cache_* (they are per process, and tests swap the scenarios)."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


def letter(name: str) -> str:
    return (LETTERS / f"{name}.txt").read_text(encoding="utf-8")


def picker_key(at, lang: str = "nl") -> str:
    """The key of the workspace picker: it holds the open workspace's id."""
    return f"ws.pick.{lang}.{at.session_state['ws.base'].id}"


def slot_key(at, slot: str = "a", name: str = "text") -> str:
    """The key of a variant's widget on the page `at` shows: it holds the open workspace's id."""
    from outreach.ui.workspace import BASE, editor_key

    try:
        workspace_id = at.session_state[BASE].id
    except KeyError:  # a page drawn without a workspace
        workspace_id = ""
    return editor_key(workspace_id, slot, name)


@pytest.fixture()
def server(tmp_path):
    """The app running in `streamlit run` (tests/app/browser.py), for a browser test; its address."""
    from . import browser

    browser.need_browser()
    with browser.running_app(tmp_path) as address:
        yield address


@pytest.fixture()
def page(server):
    """A page in headless Chromium (1400x1000) for `server`, not yet opened; set_viewport_size for another size."""
    from . import browser

    with browser.chromium() as page:
        yield page


def letter_box(at, slot: str = "a"):
    """A variant's plain text box (its key holds a digest of the text it was drawn with)."""
    prefix = slot_key(at, slot, "plain") + "."
    boxes = [box for box in at.text_area if (box.key or "").startswith(prefix)]
    assert len(boxes) == 1, [box.key for box in at.text_area]
    return boxes[0]
