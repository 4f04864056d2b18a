"""The rule schema: what a rule in a pack file may say, checked strictly.

Like Vale's rule kinds, a rule is one small declarative record of a known kind. Validation names
the file and the rule so an advisor who edits a pack sees exactly what to fix.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from outreach.messages import msg
from outreach.rules.kinds import registry
from outreach.text.document import PARTS
from outreach.text.spans import SPAN_KINDS

DIMENSIONS = ("tone", "intent", "autonomy", "privacy", "readability", "contact")
SEVERITIES = ("info", "suggestion", "warning", "error")
NEGATION_MODES = ("skip", "require", "ignore")

_ID = re.compile(r"^[a-z]+(?:\.[a-z0-9_]+)+$")

# JSON Schema of the values a pack may hold; the kinds declare their keys with these, and
# outreach/rules/json_schema.py turns the declarations into pack.schema.json for editors.
TEXT = {"type": "string", "pattern": "\\S"}
TEXTS = {"anyOf": [TEXT, {"type": "array", "items": TEXT}]}
NUMBER = {"type": "number"}
BOOLEAN = {"type": "boolean"}
MATCHER = {"type": "object", "properties": {"terms": TEXTS, "patterns": TEXTS}, "additionalProperties": False,
           "minProperties": 1}


def one_of(*values: str) -> dict:
    return {"enum": list(values)}


COMMON_KEYS = {
    "id": {"type": "string", "pattern": _ID.pattern}, "kind": TEXT, "severity": one_of(*SEVERITIES),
    "message": TEXT, "why": TEXT, "source": TEXT, "fail": TEXTS, "pass": TEXTS,
    "points": NUMBER, "max_points": NUMBER, "suggestions": TEXTS,
    "parts": {"anyOf": [one_of(*PARTS), {"type": "array", "items": one_of(*PARTS)}]},
    "negation": one_of(*NEGATION_MODES), "exceptions": {"anyOf": [TEXTS, MATCHER]}, "excepted": TEXTS,
    "ignore_in": {"anyOf": [one_of(*SPAN_KINDS), {"type": "array", "items": one_of(*SPAN_KINDS)}]},
}
COMMON_REQUIRED = ("id", "kind", "severity", "message", "why", "source", "fail", "pass")


class RulePackError(ValueError):
    """A pack file that cannot be used; the message names the file and the rule."""


_MATCHER_KEYS: dict[tuple[tuple[str, ...], tuple[str, ...]], int] = {}  # see Matcher.key


@dataclass(frozen=True, slots=True)
class Matcher:
    """What to look for: terms (word sequences) and regular expressions."""
    terms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    # A matcher keys the engine's per-letter caches tens of thousands of times a letter: its hash
    # (over hundreds of terms) is computed once.
    _hash: int = field(init=False, repr=False, compare=False, default=0)
    # The terms as a set: "is any of them in this letter?" then walks the letter's few found
    # terms instead of a matcher's hundreds (Context._terms)
    term_set: frozenset[str] = field(init=False, repr=False, compare=False, default=frozenset())

    # A small number, the same for equal matchers in this process: the engine's per-letter caches
    # are keyed on it, so a look-up hashes an int in C instead of calling __hash__ in Python.
    key: int = field(init=False, repr=False, compare=False, default=0)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_hash", hash((self.terms, self.patterns)))
        object.__setattr__(self, "term_set", frozenset(self.terms))
        object.__setattr__(self, "key", _MATCHER_KEYS.setdefault((self.terms, self.patterns), len(_MATCHER_KEYS)))

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self):  # string hashes differ per process: a pickled matcher hashes anew
        return (Matcher, (self.terms, self.patterns))

    def __bool__(self) -> bool:
        return bool(self.terms or self.patterns)


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    kind: str
    dimension: str
    severity: str
    message: str
    why: str
    source: str
    fail: tuple[str, ...]
    passes: tuple[str, ...]
    points: float = 0.0
    max_points: float | None = None
    suggestions: tuple[str, ...] = ()
    parts: frozenset[str] = frozenset()
    # Matches inside these stretches do not count: names ("Centraal Inningsbureau Boetes") and
    # amount lines of an account ("Incassokosten  € 40,00"); see outreach/text/spans.py.
    ignore_in: frozenset[str] = frozenset()
    negation: str = "ignore"
    exceptions: Matcher = Matcher()  # a match inside one of these phrases is not reported
    # The exceptions' own examples (LanguageTool's antipattern examples): texts the rule would
    # report without its exceptions and must not report with them.
    excepted: tuple[str, ...] = ()
    # What only this kind of rule says (outreach/rules/kinds/<kind>.py): a frozen dataclass with a
    # `matchers` property for everything it looks for, and `alternatives` when it has rewrites.
    params: Any = None

    @property
    def matchers(self) -> tuple[Matcher, ...]:
        """Everything the rule looks for: what its kind matches, then the exceptions."""
        return (*self.params.matchers, self.exceptions)

    @property
    def terms(self) -> tuple[str, ...]:
        """Every term of the rule."""
        return tuple(t for m in self.matchers for t in m.terms)

    @property
    def helps_only(self) -> bool:
        """A rule that can only report what works (no problem findings)."""
        return registry()[self.kind].helps_only and self.points > 0


@dataclass(frozen=True)
class Reader:
    """Reads the values of one [[rule]] table; every complaint names the file and the rule."""
    path: str
    rid: str
    metrics: dict[str, tuple[str, ...]] = field(default_factory=dict)  # scope -> known metrics

    def fail(self, problem: str) -> RulePackError:
        return RulePackError(msg("pack.rule_error", path=self.path, rule=self.rid, problem=problem))

    def text(self, raw: dict, key: str, required: bool = True) -> str:
        value = raw.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(msg("rule.text_required", key=key))
        return value

    def texts(self, raw: dict | list, key: str) -> tuple[str, ...]:
        value = raw.get(key, []) if isinstance(raw, dict) else raw
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(msg("rule.texts_required", key=key))
        return tuple(value)

    def number(self, raw: dict, key: str, default: float = 0.0) -> float:
        value = raw.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(msg("rule.number_required", key=key))
        return float(value)

    def choice(self, raw: dict, key: str, options: tuple[str, ...], default: str | None = None) -> str:
        value = raw.get(key, default)
        if value not in options:
            raise self.fail(msg("rule.choice_required", key=key, options=", ".join(options)))
        return value

    def matcher(self, raw: object, key: str) -> Matcher:
        if not isinstance(raw, dict):
            raise self.fail(msg("rule.matcher_table", key=key))
        unknown = set(raw) - {"terms", "patterns"}
        if unknown:
            raise self.fail(msg("rule.matcher_unknown_keys", key=key, keys=", ".join(sorted(unknown))))
        matcher = Matcher(self.texts(raw, "terms"), self.texts(raw, "patterns"))
        if not matcher:
            raise self.fail(msg("rule.matcher_empty", key=key))
        return matcher

    def match(self, raw: dict) -> Matcher:
        """The rule's own `terms` and `patterns`: at least one of them."""
        matcher = Matcher(self.texts(raw, "terms"), self.texts(raw, "patterns"))
        if not matcher:
            raise self.fail(msg("rule.match_required"))
        return matcher


def matcher_keys(kind: object) -> tuple[str, ...]:
    """The keys of a rule of this kind that hold a table of terms and patterns."""
    declared = registry().get(kind) if isinstance(kind, str) else None
    return ("exceptions",) + tuple(key for key, value in (declared.keys if declared else {}).items() if value is MATCHER)


def parse_rule(raw: object, dimension: str, path: str, metrics: dict[str, tuple[str, ...]]) -> Rule:
    """Validate one [[rule]] table and turn it into a Rule."""
    if not isinstance(raw, dict):
        raise RulePackError(msg("pack.rule_not_table", path=path))
    rid = raw.get("id", "?")
    read = Reader(path, str(rid), metrics)
    if not isinstance(rid, str) or not _ID.match(rid):
        raise read.fail(msg("rule.id_form"))
    if not rid.startswith(dimension + "."):
        raise read.fail(msg("rule.id_dimension", dimension=dimension))
    kinds = registry()
    kind = kinds.get(raw.get("kind")) if isinstance(raw.get("kind"), str) else None
    if kind is None:
        raise read.fail(msg("rule.kind_unknown", kinds=", ".join(kinds)))
    unknown = set(raw) - set(COMMON_KEYS) - set(kind.keys)
    if unknown:
        raise read.fail(msg("rule.unknown_keys", kind=kind.name, keys=", ".join(sorted(unknown))))
    missing = set(COMMON_REQUIRED) - set(raw)
    if kind.points_required and "points" not in raw:
        missing.add("points")
    if missing:
        raise read.fail(msg("rule.missing_keys", keys=", ".join(sorted(missing))))
    severity = read.choice(raw, "severity", SEVERITIES)
    points = read.number(raw, "points")
    fields: dict = dict(
        id=rid, kind=kind.name, dimension=dimension, severity=severity,
        message=read.text(raw, "message"), why=read.text(raw, "why"), source=read.text(raw, "source"),
        fail=read.texts(raw, "fail"), passes=read.texts(raw, "pass"),
        points=points, suggestions=read.texts(raw, "suggestions"),
    )
    if not fields["fail"] or not fields["passes"]:
        raise read.fail(msg("rule.examples_required"))
    if "max_points" in raw:
        cap = read.number(raw, "max_points")
        if cap * points < 0 or cap == 0:
            raise read.fail(msg("rule.max_points_sign"))
        fields["max_points"] = cap
    parts = read.texts(raw, "parts")
    bad_parts = set(parts) - set(PARTS)
    if bad_parts:
        raise read.fail(msg("rule.parts_unknown", parts=", ".join(sorted(bad_parts)), known=", ".join(PARTS)))
    fields["parts"] = frozenset(parts)
    ignore_in = read.texts(raw, "ignore_in")
    bad_spans = set(ignore_in) - set(SPAN_KINDS)
    if bad_spans:
        raise read.fail(msg("rule.ignore_in_unknown", spans=", ".join(sorted(bad_spans)), known=", ".join(SPAN_KINDS)))
    fields["ignore_in"] = frozenset(ignore_in)
    fields["negation"] = read.choice(raw, "negation", NEGATION_MODES, "skip")
    # A list of terms, or a table with terms and/or patterns (for what terms cannot say).
    raw_exceptions = raw.get("exceptions", [])
    fields["exceptions"] = (read.matcher(raw_exceptions, "exceptions") if isinstance(raw_exceptions, dict)
                            else Matcher(read.texts(raw, "exceptions")))
    fields["excepted"] = read.texts(raw, "excepted")
    if fields["excepted"] and not fields["exceptions"]:
        raise read.fail(msg("rule.excepted_without_exceptions"))
    fields["params"] = kind.parse(raw, read)
    return Rule(**fields)
