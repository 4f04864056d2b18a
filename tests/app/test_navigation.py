"""The views as pages of st.navigation (issue 13): their addresses and titles, the view remembered per
workspace, and shared mode's access code before any page."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from .conftest import APP, letter, letter_box, slot_key
from .test_issue14 import CODE, enter
from .test_workspace import choose_variant, run, start, type_in, view, winners


def pages(at: AppTest) -> dict[str, str]:
    """The pages the last run registered with st.navigation: address -> title (what the top bar shows)."""
    return {info["url_pathname"]: info["page_name"] for info in at._registered_pages.values()}


def test_each_view_is_a_page_with_its_own_address_and_title_in_the_interface_language():
    at = start()
    assert pages(at) == {"": "Schrijven", "vergelijken": "Vergelijken", "workshop": "Workshop"}
    at.toggle(key="ui.lang_en").set_value(True)
    run(at)
    assert pages(at) == {"": "Write", "vergelijken": "Compare", "workshop": "Workshop"}
    view(at, "workshop")  # the address stays Dutch, the page stays open across the language switch
    assert at.session_state["ui.view"] == "workshop"
    assert any(h.value == "1. The three segments" for h in at.header)


def test_the_address_decides_the_view_not_the_view_a_workspace_was_left_in(data_dir):
    at = type_in(start(), "a", letter("threatening"))
    choose_variant(at, "b")
    type_in(at, "b", letter("warm"))
    view(at, "compare")
    assert winners(at)

    again = start()  # someone typing the root address: a refresh at /, a new tab, the next day
    assert again.session_state["ui.view"] == "write"
    assert letter_box(again, "a").value == letter("threatening") and not winners(again)

    from streamlit.testing.v1 import AppTest as Fresh

    bookmarked = Fresh.from_file(APP, default_timeout=60)
    bookmarked.switch_page("outreach/ui/pages/workshop.py")  # a bookmark of /workshop
    run(bookmarked)
    assert bookmarked.session_state["ui.view"] == "workshop"
    assert any(h.value == "1. De drie segmenten" for h in bookmarked.header)
    compare = Fresh.from_file(APP, default_timeout=60)
    compare.switch_page("outreach/ui/pages/vergelijken.py")  # /vergelijken, after the workshop was the last view
    assert winners(run(compare)) and compare.session_state["ui.view"] == "compare"


@pytest.fixture()
def shared(monkeypatch):
    monkeypatch.setenv("OUTREACH_MODE", "shared")
    monkeypatch.setenv("OUTREACH_ACCESS_CODE", CODE)


def test_shared_mode_asks_the_code_before_any_page_and_keeps_the_key_in_the_address(shared, data_dir):
    at = run(AppTest.from_file(APP, default_timeout=60))
    assert pages(at) == {"": "Toegang"} and at.text_input(key="auth.code")
    with pytest.raises(ValueError):  # the views are not pages yet: no address opens them
        at.switch_page("outreach/ui/pages/vergelijken.py")
    enter(at, CODE)
    key = at.query_params["sleutel"]
    assert set(pages(at)) == {"", "vergelijken", "workshop"}
    del at.query_params["sleutel"]  # a change of page clears the query parameters
    view(at, "compare")
    assert at.query_params["sleutel"] == key  # put back: a refresh or bookmark still opens the workspace
