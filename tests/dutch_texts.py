"""Pieces of the built-in Dutch texts that the English interface translates (data files: workshop,
advice, segments, rule packs, scenarios), for tests that an English page or report shows none."""
from __future__ import annotations

import re
import tomllib

from outreach import languages

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
            if isinstance(raw, dict):  # an edit (`keep` is a list of rule ids)
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


def dutch_in(text: str, letters: tuple[str, ...] = ()) -> list[str]:
    """The Dutch data texts found in `text` (whitespace folded), except what the letters themselves say."""
    page = " ".join(text.split())
    own = " ".join(" ".join(letters).split())
    return sorted(f"{where}: {piece!r}" for piece, where in dutch_data_texts().items()
                  if piece in page and piece not in own)
