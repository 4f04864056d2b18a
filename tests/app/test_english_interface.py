"""The app in English shows no Dutch text from the data files: the workshop (mechanisms, VSDT steps,
value tensions, personas, the scenario's demo), the "Eerst doen" list, the scenario's story and the
comparison's rule changes. Only the letter's own words stay Dutch (outreach/interface.py)."""
from __future__ import annotations

import html
import re
import tomllib

from outreach import languages
from outreach.ui.view import LANG_KEY

from .conftest import LETTERS
from .test_app import start, type_letter
from .test_workspace import type_in, view

_HOLES = re.compile(r"\{[a-z_]+\}|'[^']*'|\([^)]*\)")  # placeholders, quoted letter words, asides
LONG = 24  # characters: shorter pieces may be names or words both languages share


def _load(path) -> dict:
    with open(path, "rb") as handle:
        return tomllib.load(handle)


def _pieces(text: str) -> list[str]:
    """The stretches of a Dutch data text that are the data's own words (not the letter's)."""
    return [p.strip(" .,:;") for p in _HOLES.split(" ".join(text.split())) if len(p.strip(" .,:;")) >= LONG]


def dutch_data_texts() -> dict[str, str]:
    """Pieces of every built-in Dutch text the English interface translates: piece -> where."""
    folder = languages.get("nl").folder
    found: dict[str, str] = {}

    def add(text: object, where: str) -> None:
        if isinstance(text, str):
            for piece in _pieces(text):
                found.setdefault(piece, where)

    workshop = _load(folder / "workshop.toml")
    for table, keys in (("mechanism", ("name", "sprint", "text", "intervention")),
                        ("vsdt_step", ("title", "prompt", "example")), ("tension", ("text", "research"))):
        for raw in workshop[table]:
            for key in keys:
                add(raw.get(key), f"workshop.toml {table} {raw['id']} {key}")
    advice = _load(folder / "advice.toml")
    for kind, entries in advice.items():
        for raw in entries:
            add(raw["reason"], f"advice.toml {kind} reason")
    segments = _load(folder / "segments.toml")
    for raw in segments["segment"]:
        add(raw.get("summary"), f"segments.toml {raw['id']} summary")
        add(raw.get("base_reason"), f"segments.toml {raw['id']} base_reason")
        for key, trait in raw.get("traits", {}).items():
            add(trait.get("text"), f"segments.toml {raw['id']} trait {key}")
        for trigger in raw.get("trigger", []):
            add(trigger.get("reason"), f"segments.toml {raw['id']} trigger {trigger['id']}")
    for path in sorted((folder / "rules").glob("*.toml")):
        data = _load(path)
        add(data.get("description"), f"rules/{path.name} description")
        for rule in data.get("rule", []):
            for key in ("message", "why", "found_message"):
                add(rule.get(key), f"{rule['id']} {key}")
            for band in rule.get("band", []):
                add(band.get("message"), f"{rule['id']} band")
    from outreach.scenarios import ENGLISH_KEYS, load_catalogue
    from outreach.segments.model import load_model

    for scenario in load_catalogue().scenarios:
        for key in ENGLISH_KEYS:
            add(getattr(scenario, key), f"scenarios/{scenario.id}.toml {key}")
        for letter in scenario.letters:
            add(letter.label, f"scenarios/{scenario.id}.toml label")
    for name in (s.name for s in load_model().segments):  # the segments' names are names in English too
        found.pop(name, None)
    return found


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
    page = " ".join(page_texts(at).split())
    own = " ".join(" ".join(letters).split())
    return sorted(f"{where}: {piece!r}" for piece, where in dutch_data_texts().items()
                  if piece in page and piece not in own)


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


def test_the_comparison_in_english_has_no_dutch_data_text():
    at = english(start())
    a = (LETTERS / "threatening.txt").read_text(encoding="utf-8")
    b = (LETTERS / "warm.txt").read_text(encoding="utf-8")
    type_in(at, "a", a)
    choose_variant_en(at, "b")
    type_in(at, "b", b)
    view(at, "compare")
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
