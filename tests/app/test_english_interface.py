"""The app in English shows no Dutch text from the data files: the workshop (mechanisms, VSDT steps,
value tensions, personas, the scenario's demo), the "Eerst doen" list, the scenario's story and the
comparison's rule changes. Only the letter's own words stay Dutch (outreach/interface.py)."""
from __future__ import annotations

import html

from outreach.ui.view import LANG_KEY

from ..dutch_texts import dutch_in
from .conftest import LETTERS, slot_key
from .test_app import start, type_letter
from .test_workspace import type_in, view


def page_texts(at) -> str:
    """Everything the page says in its own words (not the letter's text boxes)."""
    parts = [h.value for h in at.html]
    for kind in ("markdown", "caption", "subheader", "header", "title", "info", "success", "warning", "error"):
        parts += [e.value for e in getattr(at, kind)]
    for box in at.selectbox:
        parts += [str(o) for o in box.options]
    parts += [e.proto.placeholder for e in at.text_area]
    parts += [e.proto.help for e in at.metric]
    return html.unescape("\n".join(parts))


def dutch_on_page(at, letters: tuple[str, ...] = ()) -> list[str]:
    return dutch_in(page_texts(at), letters)


def english(at):
    at.toggle(key=LANG_KEY).set_value(True)
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_check_finds_dutch_data_text_in_the_dutch_interface():
    at = start()
    view(at, "workshop")
    found = dutch_on_page(at)
    assert any("workshop.toml mechanism" in f for f in found), found[:5]
    assert any("workshop.toml vsdt_step" in f for f in found)


def test_the_workshop_in_english_has_no_dutch_data_text():
    at = english(start())
    letter = (LETTERS / "threatening.txt").read_text(encoding="utf-8")
    type_letter(at, letter)  # a letter with value tensions
    view(at, "workshop")
    at.button(key="ui.steps_next").click()  # a step through the best changes: its reason in English
    at.run()
    assert not at.exception, at.exception
    page = page_texts(at)
    assert "Confusion of hats" in page and "Design sprint 1" in page
    assert "How might we" in "".join(e.proto.placeholder for e in at.text_area)
    assert "⇄" in page  # a value tension
    assert any(m.value.startswith("**Step 1:**") for m in at.markdown)
    assert dutch_on_page(at, (letter,)) == []


def test_the_fix_list_in_english_has_no_dutch_data_text():
    at = english(start())
    letter = (LETTERS / "threatening.txt").read_text(encoding="utf-8")
    type_letter(at, letter)
    listed = [h.value for h in at.html if 'class="oh-fix"' in h.value]
    assert listed and "reach" in listed[0]
    assert any("Delete the" in f or "Say " in f or "Name " in f for f in listed), listed
    assert dutch_on_page(at, (letter,)) == []


def _compared():
    """The English app comparing a threatening letter (A) with a warm one (B): the app and both letters."""
    at = english(start())
    a = (LETTERS / "threatening.txt").read_text(encoding="utf-8")
    b = (LETTERS / "warm.txt").read_text(encoding="utf-8")
    type_in(at, "a", a)
    choose_variant_en(at, "b")
    type_in(at, "b", b)
    view(at, "compare")
    return at, a, b


def test_the_comparison_in_english_has_no_dutch_data_text():
    at, a, b = _compared()
    at.selectbox(key="ui.beat_segment").select("zorgvuldige_zelfredzamen")
    at.toggle(key="ui.beat_on").set_value(True)
    at.run()
    assert not at.exception, at.exception
    page = page_texts(at)
    assert 'class="oh-changes"' in "".join(h.value for h in at.html)
    assert "Threatening language" in page  # a rule change, in English
    assert dutch_on_page(at, (a, b)) == []


def choose_variant_en(at, slot: str):
    from outreach.ui import workspace

    at.segmented_control(key=f"{workspace.SELECTED}.en").set_value(slot)
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_report_downloaded_from_the_english_comparison_is_english(monkeypatch):
    from streamlit.runtime.media_file_manager import MediaFileManager

    files: dict[str, bytes] = {}
    original = MediaFileManager.add

    def capture(self, data, mimetype, coordinates, file_name=None, *args, **kwargs):
        if isinstance(data, bytes) and mimetype == "text/html":
            files[file_name] = data
        return original(self, data, mimetype, coordinates, file_name, *args, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add", capture)
    at, a, b = _compared()
    assert files, "no HTML report offered"
    report = html.unescape(list(files.values())[-1].decode("utf-8"))
    assert '<html lang="en">' in report and "Result per segment" in report and "Resultaat per segment" not in report
    assert dutch_in(report.split("<body>")[1], (a, b)) == []


def test_the_write_page_in_english_has_no_dutch_data_text():
    at = english(start())
    letter = (LETTERS / "threatening.txt").read_text(encoding="utf-8")
    type_letter(at, letter)
    page = page_texts(at)
    assert "Digital first" in page  # the scenario's title and story (scenarios/*.toml [en])
    assert dutch_on_page(at, (letter,)) == []
    at.segmented_control(key=slot_key(at, "a", "details.en")).set_value("dimensions").run()
    assert not at.exception, at.exception
    assert any("How the letter sounds" in (e.proto.help or "") for e in at.metric)  # a pack's description
    assert dutch_on_page(at, (letter,)) == []
