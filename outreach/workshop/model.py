"""Load the workshop data file and derive the value tensions that a letter makes visible."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from outreach import languages
from outreach.dimensions import DimensionScore
from outreach.messages import msg
from outreach.rules.schema import DIMENSIONS
from outreach.store import EXERCISE_KEYS  # the VSDT answers are kept with a workspace under these keys



class WorkshopDataError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Mechanism:
    id: str
    name: str
    sprint: str
    text: str
    intervention: str


@dataclass(frozen=True, slots=True)
class VsdtStep:
    id: str
    title: str
    prompt: str
    example: str = ""


@dataclass(frozen=True, slots=True)
class Tension:
    id: str
    values: tuple[str, str]
    high: tuple[str, ...]
    low: tuple[str, ...]
    text: str
    research: str


@dataclass(frozen=True, slots=True)
class TensionView:
    """A tension as it shows for one letter: how strong, and which scores make it."""
    tension: Tension
    strength: float
    scores: dict[str, float]


@dataclass(frozen=True, slots=True)
class Workshop:
    mechanisms: tuple[Mechanism, ...]
    steps: tuple[VsdtStep, ...]
    tensions: tuple[Tension, ...]
    high: float
    low: float


def _records(data: dict, key: str, fields: tuple[str, ...], optional: tuple[str, ...], path: Path) -> list[dict]:
    items = data.get(key, [])
    if not isinstance(items, list) or not items:
        raise WorkshopDataError(msg("workshop.missing", path=path, key=key))
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise WorkshopDataError(msg("workshop.not_table", path=path, key=key, index=i + 1))
        unknown = set(item) - set(fields) - set(optional)
        missing = set(fields) - set(item)
        if unknown or missing:
            raise WorkshopDataError(msg("workshop.keys", path=path, key=key, item=item.get("id", i + 1),
                                        unknown=sorted(unknown), missing=sorted(missing)))
    return items


def load_workshop_from(path: Path) -> Workshop:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise WorkshopDataError(msg("workshop.unreadable", path=path, error=err)) from None
    mechanisms = tuple(Mechanism(**m) for m in _records(
        data, "mechanism", ("id", "name", "sprint", "text", "intervention"), (), path))
    steps = tuple(VsdtStep(**s) for s in _records(data, "vsdt_step", ("id", "title", "prompt"), ("example",), path))
    if [s.id for s in steps] != list(EXERCISE_KEYS):
        raise WorkshopDataError(msg("workshop.steps", path=path, steps=", ".join(EXERCISE_KEYS)))
    tensions = []
    for t in _records(data, "tension", ("id", "values", "high", "low", "text", "research"), (), path):
        dims = list(t["high"]) + list(t["low"])
        if len(t["values"]) != 2 or not set(dims) <= set(DIMENSIONS):
            raise WorkshopDataError(msg("workshop.tension", path=path, tension=t["id"]))
        tensions.append(Tension(t["id"], tuple(t["values"]), tuple(t["high"]), tuple(t["low"]),
                                t["text"], t["research"]))
    thresholds = data.get("thresholds", {})
    return Workshop(mechanisms, steps, tuple(tensions), float(thresholds.get("high", 60)),
                    float(thresholds.get("low", 45)))


@lru_cache(maxsize=4)
def load_workshop(lang: str = languages.DEFAULT) -> Workshop:
    """The workshop texts of a language (its workshop.toml)."""
    return load_workshop_from(languages.get(lang).file("workshop.toml"))


def tensions(workshop: Workshop, dimensions: dict[str, DimensionScore]) -> list[TensionView]:
    """The tensions this letter shows, strongest first (empty for a letter without text)."""
    found = []
    for tension in workshop.tensions:
        highs = [dimensions[d].score for d in tension.high]
        lows = [dimensions[d].score for d in tension.low]
        if all(h >= workshop.high for h in highs) and all(v < workshop.low for v in lows):
            strength = round(min(highs) - max(lows), 1)
            found.append(TensionView(tension, strength,
                                     {d: dimensions[d].score for d in tension.high + tension.low}))
    return sorted(found, key=lambda v: -v.strength)
