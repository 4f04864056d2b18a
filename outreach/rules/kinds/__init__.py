"""Rule kinds, one module per kind (like Vale's extension points).

A kind module in this folder defines ``KIND = Kind(...)``: the extra keys a rule of that kind may
carry (with their JSON Schema, from which outreach/rules/pack.schema.json is generated), how to read
them into the rule's ``params`` and how to run the rule on a letter. The registry finds the modules
by themselves, so a new kind is its module plus its tests (and a line in docs/rules.md).
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache
from typing import Any, Callable


@dataclass(frozen=True)
class Kind:
    name: str
    label: str  # Dutch, for the advisors' reference pages: what a rule of this kind does
    keys: dict[str, dict]  # extra keys -> JSON Schema of the value
    required: tuple[str, ...]  # extra keys a rule must have (in the JSON Schema; parse says it in Dutch)
    parse: Callable[[dict, Any], object]  # (raw rule, schema.Reader) -> params
    run: Callable[[Any, Any], list]  # (Rule, engine.Context) -> findings
    points_required: bool = True  # metric rules take their points from their bands
    helps_only: bool = False  # with positive points, the kind can only report what works


@cache
def registry() -> dict[str, Kind]:
    """Every kind in this folder, by name. Loaded on first use: kind modules import the schema and
    the engine, which both consult the registry."""
    kinds = {}
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        kind = importlib.import_module(f"{__name__}.{module}").KIND
        if kind.name != module:
            raise RuntimeError(f"{__name__}.{module} declares kind {kind.name!r}")
        kinds[kind.name] = kind
    return kinds
