"""The segment model as data: outreach/languages/<lang>/segments.toml, validated strictly on load."""
from __future__ import annotations

import fnmatch
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from outreach import languages
from outreach.formatting import number
from outreach.messages import message_of, msg
from outreach.rules.loader import load_rulebook
from outreach.rules.schema import DIMENSIONS, RulePackError

TRAITS = ("trust", "competence", "privacy_need", "autonomy_need", "help_need", "digital_skills")
VERDICTS = ("lands_well", "doubtful", "turns_away")
_TOP = {"lang", "base", "verdicts", "labels", "short", "segment"}
_SEGMENT = {"id", "name", "share", "summary", "traits", "quotes", "weights", "trigger", "reactions"}
_SEGMENT_OPTIONAL = {"base", "base_reason"}
_TRIGGER = {"id", "rules", "factor", "max_points", "cap", "effect", "reason", "reaction"}
# Rule ids this layer's code names, with where: checked on load like the ids in the data file.
DIGITAL_ROUTE_RULE = "contact.route.digital"
CODE_RULE_REFERENCES = {DIGITAL_ROUTE_RULE: "outreach/segments/reception.py (reaction 'lands_well': digital)"}


class SegmentModelError(ValueError):
    """A segment file that cannot be used; the message names the file and the place."""


@lru_cache(maxsize=1024)
def _globs(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in patterns))


@dataclass(frozen=True, slots=True)
class Trait:
    level: str
    text: str


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    source: str


@dataclass(frozen=True, slots=True)
class Trigger:
    id: str
    rules: tuple[str, ...]
    factor: float
    reason: str
    reaction: str = ""
    cap: float | None = None
    effect: str = ""  # "", "hurts" or "helps"
    max_points: float | None = None  # bound on the size of this trigger's total, either sign

    def applies(self, rule_id: str, effect: str) -> bool:
        if self.effect and effect != self.effect:
            return False
        return _globs(self.rules).match(rule_id) is not None


@dataclass(frozen=True, slots=True)
class Segment:
    id: str
    name: str
    share: float  # percent
    summary: str
    traits: dict[str, Trait]
    quotes: tuple[Quote, ...]
    weights: dict[str, float]
    triggers: tuple[Trigger, ...]
    reactions: dict[str, str]
    # Where a neutral letter starts for this segment when it differs from the model's base
    # (basic trust in government), with the research reason shown beside the number.
    base: float | None = None
    base_reason: str = ""
    # rule id and effect -> the first trigger that applies, filled as findings come in: the glob
    # patterns are matched once per rule id, not once per finding
    _first: dict[tuple[str, str], Trigger | None] = field(default_factory=dict, init=False, compare=False, repr=False)

    def trigger_for(self, rule_id: str, effect: str) -> Trigger | None:
        """The first trigger that applies to a finding of this rule and effect, or None."""
        key = (rule_id, effect)
        try:  # asked ~50 times per letter, found in all but the first letters
            return self._first[key]
        except KeyError:
            found = self._first[key] = next((t for t in self.triggers if t.applies(rule_id, effect)), None)
            return found


@dataclass(frozen=True, slots=True)
class SegmentModel:
    lang: str
    base: float
    lands_well: float
    turns_away: float
    labels: dict[str, str]
    short: dict[str, str]
    segments: tuple[Segment, ...]
    path: str

    def verdict(self, score: float) -> str:
        if score >= self.lands_well:
            return "lands_well"
        if score < self.turns_away:
            return "turns_away"
        return "doubtful"

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.segments)


def _error(path: str, where: str, problem: str) -> SegmentModelError:
    return SegmentModelError(msg("data.at_place", path=path, where=where, problem=problem))


def _number(value: object, path: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _error(path, where, msg("segments.number"))
    return float(value)


def _text(value: object, path: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _error(path, where, msg("segments.text"))
    return value


def _table(value: object, path: str, where: str) -> dict:
    if not isinstance(value, dict):
        raise _error(path, where, msg("segments.table"))
    return value


def _trigger(raw: object, path: str, where: str) -> Trigger:
    raw = _table(raw, path, where)
    unknown = set(raw) - _TRIGGER
    if unknown:
        raise _error(path, where, msg("segments.keys_unknown", keys=", ".join(sorted(unknown))))
    rules = raw.get("rules")
    if not isinstance(rules, list) or not rules or not all(isinstance(r, str) and r for r in rules):
        raise _error(path, where, msg("segments.trigger_rules"))
    effect = raw.get("effect", "")
    if effect not in ("", "hurts", "helps"):
        raise _error(path, where, msg("segments.trigger_effect"))
    cap = raw.get("cap")
    max_points = raw.get("max_points")
    if max_points is not None and _number(max_points, path, f"{where}.max_points") <= 0:
        raise _error(path, f"{where}.max_points", msg("segments.positive"))
    return Trigger(
        id=_text(raw.get("id"), path, f"{where}.id"),
        rules=tuple(rules),
        factor=_number(raw.get("factor"), path, f"{where}.factor"),
        reason=_text(raw.get("reason"), path, f"{where}.reason"),
        reaction=raw.get("reaction", "") if isinstance(raw.get("reaction", ""), str) else "",
        cap=None if cap is None else _number(cap, path, f"{where}.cap"),
        effect=effect,
        max_points=None if max_points is None else float(max_points),
    )


def _segment(raw: object, path: str, index: int) -> Segment:
    raw = _table(raw, path, f"segment {index + 1}")
    sid = raw.get("id", f"#{index + 1}")
    where = f"segment '{sid}'"
    unknown = set(raw) - _SEGMENT - _SEGMENT_OPTIONAL
    if unknown:
        raise _error(path, where, msg("segments.keys_unknown", keys=", ".join(sorted(unknown))))
    missing = _SEGMENT - {"trigger"} - set(raw)
    if missing:
        raise _error(path, where, msg("rule.missing_keys", keys=", ".join(sorted(missing))))
    traits_raw = _table(raw["traits"], path, f"{where}.traits")
    if set(traits_raw) != set(TRAITS):
        raise _error(path, f"{where}.traits", msg("segments.exact_keys", keys=", ".join(TRAITS)))
    traits = {}
    for key in TRAITS:
        t = _table(traits_raw[key], path, f"{where}.traits.{key}")
        traits[key] = Trait(_text(t.get("level"), path, f"{where}.traits.{key}.level"),
                            _text(t.get("text"), path, f"{where}.traits.{key}.text"))
    weights_raw = _table(raw["weights"], path, f"{where}.weights")
    if set(weights_raw) != set(DIMENSIONS):
        raise _error(path, f"{where}.weights", msg("segments.exact_keys", keys=", ".join(DIMENSIONS)))
    weights = {d: _number(weights_raw[d], path, f"{where}.weights.{d}") for d in DIMENSIONS}
    if any(w < 0 for w in weights.values()) or abs(sum(weights.values()) - 1.0) > 1e-6:
        raise _error(path, f"{where}.weights", msg("segments.weights_sum", total=number(sum(weights.values()), digits=None)))
    quotes_raw = raw["quotes"]
    if not isinstance(quotes_raw, list):
        raise _error(path, f"{where}.quotes", msg("segments.list"))
    quotes = tuple(Quote(_text(_table(q, path, f"{where}.quotes").get("text"), path, f"{where}.quotes.text"),
                         _text(q.get("source"), path, f"{where}.quotes.source")) for q in quotes_raw)
    triggers_raw = raw.get("trigger", [])
    if not isinstance(triggers_raw, list):
        raise _error(path, where, msg("segments.triggers_as_tables"))
    triggers = tuple(_trigger(t, path, f"{where} trigger {i + 1}") for i, t in enumerate(triggers_raw))
    reactions = _table(raw["reactions"], path, f"{where}.reactions")
    for key in VERDICTS:
        _text(reactions.get(key), path, f"{where}.reactions.{key}")
    for trigger in triggers:
        if trigger.reaction and trigger.reaction not in reactions:
            raise _error(path, f"{where} trigger '{trigger.id}'", msg("segments.reaction_unknown", reaction=trigger.reaction))
    share = _number(raw["share"], path, f"{where}.share")
    if share < 0:
        raise _error(path, f"{where}.share", msg("segments.not_negative"))
    base = None
    if "base" in raw or "base_reason" in raw:
        base = _number(raw.get("base"), path, f"{where}.base")
        if not 0 <= base <= 100:
            raise _error(path, f"{where}.base", msg("segments.percent"))
    return Segment(
        id=_text(sid, path, f"{where}.id"), name=_text(raw["name"], path, f"{where}.name"),
        share=share, summary=_text(raw["summary"], path, f"{where}.summary"), traits=traits,
        quotes=quotes, weights=weights, triggers=triggers,
        reactions={k: _text(v, path, f"{where}.reactions.{k}") for k, v in reactions.items()},
        base=base, base_reason=_text(raw.get("base_reason"), path, f"{where}.base_reason") if base is not None else "",
    )


def check_rule_references(model: SegmentModel, rule_ids: tuple[str, ...]) -> None:
    """Every rule id or pattern the model file and this layer's code name matches a rule.

    A misspelt id would otherwise make a trigger (or a reaction) silently never fire.
    """
    for segment in model.segments:
        for trigger in segment.triggers:
            for pattern in trigger.rules:
                if not any(_globs((pattern,)).match(rule_id) for rule_id in rule_ids):
                    raise _error(model.path, f"segment '{segment.id}' trigger '{trigger.id}'",
                                 msg("segments.rule_unknown", rule=pattern))
    for rule_id, where in CODE_RULE_REFERENCES.items():
        if rule_id not in rule_ids:
            raise SegmentModelError(msg("pack.rule_unknown", where=where, rule=rule_id))


def load_model_from(path: Path) -> SegmentModel:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise SegmentModelError(msg("segments.missing", path=path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as err:
        raise SegmentModelError(msg("data.toml_invalid", path=path, error=err)) from None
    p = str(path)
    unknown = set(data) - _TOP
    if unknown:
        raise _error(p, msg("segments.where_top"), msg("segments.keys_unknown", keys=", ".join(sorted(unknown))))
    verdicts = _table(data.get("verdicts"), p, "verdicts")
    lands_well = _number(verdicts.get("lands_well"), p, "verdicts.lands_well")
    turns_away = _number(verdicts.get("turns_away"), p, "verdicts.turns_away")
    if not 0 <= turns_away <= lands_well <= 100:
        raise _error(p, "verdicts", msg("segments.verdicts"))
    labels = _table(data.get("labels"), p, "labels")
    for key in VERDICTS:
        _text(labels.get(key), p, f"labels.{key}")
    short = _table(data.get("short"), p, "short")
    if set(short) != set(DIMENSIONS):
        raise _error(p, "short", msg("segments.exact_keys", keys=", ".join(DIMENSIONS)))
    for key in DIMENSIONS:
        _text(short[key], p, f"short.{key}")
    raw_segments = data.get("segment")
    if not isinstance(raw_segments, list) or not raw_segments:
        raise _error(p, "segment", msg("segments.segment_required"))
    segments = tuple(_segment(s, p, i) for i, s in enumerate(raw_segments))
    ids = [s.id for s in segments]
    if len(set(ids)) != len(ids):
        raise _error(p, "segment", msg("segments.duplicate_id"))
    try:
        check_shares({s.id: s.share for s in segments})
    except SegmentModelError as err:
        raise _error(p, msg("segments.where_shares"), message_of(err) or str(err)) from None
    model = SegmentModel(
        lang=_text(data.get("lang"), p, "lang"), base=_number(data.get("base"), p, "base"),
        lands_well=lands_well, turns_away=turns_away, labels=dict(labels), short=dict(short),
        segments=segments, path=p,
    )
    try:
        book = load_rulebook(model.lang)
    except RulePackError as err:
        raise _error(p, "lang", message_of(err) or str(err)) from None
    check_rule_references(model, tuple(rule.id for rule in book.rules))
    return model


def check_shares(shares: dict[str, float]) -> dict[str, float]:
    """Shares in percent: non-negative and summing to 100 (within 0.5 for rounding)."""
    for sid, share in shares.items():
        if isinstance(share, bool) or not isinstance(share, (int, float)) or share != share:
            raise SegmentModelError(msg("shares.not_number", segment=sid))
        if share < 0:
            raise SegmentModelError(msg("shares.negative", segment=sid, share=number(share, digits=None)))
    total = sum(shares.values())
    if abs(total - 100) > 0.5:
        raise SegmentModelError(msg("shares.total", total=number(total, digits=None)))
    return shares


@lru_cache(maxsize=8)
def load_model(lang: str = languages.DEFAULT) -> SegmentModel:
    """The segment model of a language (its segments.toml), loaded once per process."""
    try:
        return load_model_from(languages.get(lang).file("segments.toml"))
    except languages.LanguageError as err:
        raise SegmentModelError(str(err)) from None
