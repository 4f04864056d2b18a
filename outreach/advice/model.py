"""The advice data (outreach/languages/<lang>/advice.toml): which edits may be tried, validated on load."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from outreach import languages
from outreach.messages import msg
from outreach.rules.loader import load_rulebook

FIXED_PLACES = ("body_start", "body_end")
_PLACE = re.compile(r"^(?:after:[a-z0-9_.]+|heading:[^|\s]+(?:\|[^|\s]+)*|body_start|body_end)$")
_KEYS = {
    "insert": ({"rules", "sentence", "place", "paragraph", "reason"}, {"needs"}),
    "remove": ({"rules", "reason"}, {"scope"}),
    "replace_sentence": ({"rules", "sentence", "reason"}, set()),
    "replace": ({"rules", "reason"}, {"replacement", "needs"}),
}


class AdviceDataError(ValueError):
    """An advice file that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Edit:
    kind: str                     # insert | remove | replace_sentence | replace
    rules: tuple[str, ...]
    reason: str
    sentence: str = ""            # the sentence to insert, or the replacement of a [[replace]]
    place: tuple[str, ...] = ()
    paragraph: bool = False
    needs: tuple[str, ...] = ()
    scope: str = "sentence"       # remove: "sentence" or "paragraph"


@dataclass(frozen=True, slots=True)
class AdviceData:
    edits: tuple[Edit, ...]
    # Rules whose "helps" findings no edit may take away (advice.toml `keep`): the letter's reason
    # for writing. Removing a threatening paragraph may raise the reach while the letter no longer
    # says why it was sent.
    keep: frozenset[str] = frozenset()

    def of_kind(self, kind: str) -> tuple[Edit, ...]:
        return tuple(e for e in self.edits if e.kind == kind)


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise AdviceDataError(msg("data.at", where=where, problem=msg("advice.data.texts")))
    return tuple(value)


def _edit(kind: str, raw: object, where: str, rule_ids: set[str], facts: set[str]) -> Edit:
    if not isinstance(raw, dict):
        raise AdviceDataError(msg("data.at", where=where, problem=msg("segments.table")))
    required, optional = _KEYS[kind]
    if missing := required - set(raw):
        raise AdviceDataError(msg("data.at", where=where, problem=msg("advice.data.missing", keys=", ".join(sorted(missing)))))
    if unknown := set(raw) - required - optional:
        raise AdviceDataError(msg("data.at", where=where, problem=msg("segments.keys_unknown", keys=", ".join(sorted(unknown)))))
    rules = _strings(raw["rules"], f"{where}.rules")
    if unknown_rules := [r for r in rules if r not in rule_ids]:
        raise AdviceDataError(msg("data.at", where=f"{where}.rules", problem=msg("advice.data.rules", rules=", ".join(unknown_rules))))
    places = _strings(raw["place"], f"{where}.place") if "place" in raw else ()
    for place in places:
        if not _PLACE.match(place) or (place.startswith("after:") and place[6:] not in rule_ids):
            raise AdviceDataError(msg("data.at", where=f"{where}.place", problem=msg("advice.data.place", place=place)))
    needs = _strings(raw["needs"], f"{where}.needs") if "needs" in raw else ()
    if unknown_facts := [f for f in needs if f not in facts]:
        raise AdviceDataError(msg("data.at", where=f"{where}.needs", problem=msg("advice.data.facts", facts=", ".join(unknown_facts))))
    for key in ("sentence", "replacement", "reason"):
        if key in raw and (not isinstance(raw[key], str) or not raw[key].strip()):
            raise AdviceDataError(msg("data.at", where=f"{where}.{key}", problem=msg("segments.text")))
    if raw.get("scope", "sentence") not in ("sentence", "paragraph"):
        raise AdviceDataError(msg("data.at", where=f"{where}.scope", problem=msg("advice.data.scope")))
    if "paragraph" in raw and not isinstance(raw["paragraph"], bool):
        raise AdviceDataError(msg("data.at", where=f"{where}.paragraph", problem=msg("advice.data.boolean")))
    return Edit(kind, rules, raw["reason"].strip(), raw.get("sentence", raw.get("replacement", "")).strip(), places,
                raw.get("paragraph", False), needs, raw.get("scope", "sentence"))


@lru_cache(maxsize=4)
def load_advice(lang: str = languages.DEFAULT) -> AdviceData:
    path = languages.get(lang).file("advice.toml")
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise AdviceDataError(f"{path.name}: {err}") from None
    if unknown := set(data) - set(_KEYS) - {"keep"}:
        raise AdviceDataError(msg("data.at", where=path.name, problem=msg("segments.keys_unknown", keys=", ".join(sorted(unknown)))))
    book = load_rulebook(lang)
    rule_ids = {r.id for r in book.rules}
    facts = set(book.language.facts)
    edits = []
    for kind in _KEYS:
        entries = data.get(kind, [])
        if not isinstance(entries, list):
            raise AdviceDataError(msg("data.at", where=path.name, problem=msg("advice.data.tables", kind=kind)))
        edits += [_edit(kind, raw, f"{path.name}: {kind} {i + 1}", rule_ids, facts)
                  for i, raw in enumerate(entries)]
    keep = _strings(data.get("keep", []), f"{path.name}: keep")
    if unknown_rules := sorted(set(keep) - rule_ids):
        raise AdviceDataError(msg("data.at", where=f"{path.name}: keep", problem=msg("advice.data.rules", rules=", ".join(unknown_rules))))
    return AdviceData(tuple(edits), frozenset(keep))
