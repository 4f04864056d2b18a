"""The rule schema: what a rule in a pack file may say, checked strictly.

Like Vale's rule kinds, a rule is one small declarative record of a known kind. Validation names
the file and the rule so an advisor who edits a pack sees exactly what to fix.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from outreach.text.document import PARTS
from outreach.text.spans import SPAN_KINDS

DIMENSIONS = ("tone", "intent", "autonomy", "privacy", "readability", "contact")
KINDS = ("existence", "substitution", "required", "conditional", "occurrence", "metric")
SEVERITIES = ("info", "suggestion", "warning", "error")
NEGATION_MODES = ("skip", "require", "ignore")
SCOPES = {"occurrence": ("sentence", "document"), "metric": ("document", "sentence", "word")}

_COMMON_REQUIRED = {"id", "kind", "severity", "message", "why", "source", "fail", "pass"}
_COMMON_OPTIONAL = {"points", "max_points", "suggestions", "parts", "negation", "exceptions", "ignore_in"}
_KIND_KEYS = {
    "existence": {"terms", "patterns", "consequence"},
    "substitution": {"swap"},
    "required": {"terms", "patterns", "missing_points", "found_message"},
    "conditional": {"when", "require", "forbid", "kept_points", "found_message"},
    "occurrence": {"terms", "patterns", "max", "scope"},
    "metric": {"metric", "scope", "band"},
}
_BAND_KEYS = {"above", "below", "points", "severity", "message"}
_ID = re.compile(r"^[a-z]+(?:\.[a-z0-9_]+)+$")


class RulePackError(ValueError):
    """A pack file that cannot be used; the message names the file and the rule."""


@dataclass(frozen=True, slots=True)
class Matcher:
    """What to look for: terms (word sequences) and regular expressions."""
    terms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.terms or self.patterns)


@dataclass(frozen=True, slots=True)
class Band:
    points: float
    severity: str
    message: str
    above: float | None = None
    below: float | None = None

    def holds(self, value: float) -> bool:
        return (self.above is None or value > self.above) and (self.below is None or value < self.below)


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
    match: Matcher = field(default_factory=Matcher)
    swap: tuple[tuple[str, tuple[str, ...]], ...] = ()
    missing_points: float = 0.0
    found_message: str = ""
    when: Matcher = field(default_factory=Matcher)
    require: Matcher = field(default_factory=Matcher)
    forbid: Matcher = field(default_factory=Matcher)
    kept_points: float = 0.0
    max: int = 0
    scope: str = "document"
    metric: str = ""
    bands: tuple[Band, ...] = ()
    # A match is a condition ("Als u niet reageert"); what follows it decides (consequences.toml).
    consequence: bool = False

    @property
    def matchers(self) -> tuple[Matcher, ...]:
        """Everything the rule looks for: what to match, the condition parts and the exceptions."""
        return (self.match, self.when, self.require, self.forbid, self.exceptions)

    @property
    def terms(self) -> tuple[str, ...]:
        """Every term of the rule, swap keys included."""
        return tuple(t for m in self.matchers for t in m.terms) + tuple(term for term, _ in self.swap)

    @property
    def helps_only(self) -> bool:
        """A rule that can only report what works (no problem findings)."""
        return self.kind in ("existence", "substitution", "occurrence") and self.points > 0


def _fail(path: str, rule_id: str, problem: str) -> RulePackError:
    return RulePackError(f"{path}: regel '{rule_id}': {problem}")


def _string(raw: dict, key: str, path: str, rid: str, required: bool = True) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise _fail(path, rid, f"'{key}' moet een niet-lege tekst zijn")
    return value


def _strings(raw: dict | list, key: str, path: str, rid: str) -> tuple[str, ...]:
    value = raw.get(key, []) if isinstance(raw, dict) else raw
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(path, rid, f"'{key}' moet een lijst van niet-lege teksten zijn")
    return tuple(value)


def _number(raw: dict, key: str, path: str, rid: str, default: float = 0.0) -> float:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _fail(path, rid, f"'{key}' moet een getal zijn")
    return float(value)


def _matcher(raw: object, key: str, path: str, rid: str) -> Matcher:
    if not isinstance(raw, dict):
        raise _fail(path, rid, f"'{key}' moet een tabel zijn met 'terms' en/of 'patterns'")
    unknown = set(raw) - {"terms", "patterns"}
    if unknown:
        raise _fail(path, rid, f"onbekende sleutel(s) in '{key}': {', '.join(sorted(unknown))}")
    matcher = Matcher(_strings(raw, "terms", path, rid), _strings(raw, "patterns", path, rid))
    if not matcher:
        raise _fail(path, rid, f"'{key}' heeft minstens één term of patroon nodig")
    return matcher


def _band(raw: object, path: str, rid: str) -> Band:
    if not isinstance(raw, dict):
        raise _fail(path, rid, "elke [[rule.band]] moet een tabel zijn")
    unknown = set(raw) - _BAND_KEYS
    if unknown:
        raise _fail(path, rid, f"onbekende sleutel(s) in een band: {', '.join(sorted(unknown))}")
    if "above" not in raw and "below" not in raw:
        raise _fail(path, rid, "een band heeft 'above' of 'below' nodig")
    severity = raw.get("severity", "")
    if severity not in SEVERITIES:
        raise _fail(path, rid, f"de 'severity' van een band moet een van deze zijn: {', '.join(SEVERITIES)}")
    return Band(
        points=_number(raw, "points", path, rid),
        severity=severity,
        message=_string(raw, "message", path, rid),
        above=_number(raw, "above", path, rid) if "above" in raw else None,
        below=_number(raw, "below", path, rid) if "below" in raw else None,
    )


def parse_rule(raw: object, dimension: str, path: str, metrics: dict[str, tuple[str, ...]]) -> Rule:
    """Validate one [[rule]] table and turn it into a Rule."""
    if not isinstance(raw, dict):
        raise RulePackError(f"{path}: elke [[rule]] moet een tabel zijn")
    rid = raw.get("id", "?")
    if not isinstance(rid, str) or not _ID.match(rid):
        raise _fail(path, str(rid), "'id' moet eruitzien als 'tone.threat.fine' (kleine letters, punten)")
    if not rid.startswith(dimension + "."):
        raise _fail(path, rid, f"'id' moet beginnen met de dimensie '{dimension}.'")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise _fail(path, rid, f"'kind' moet een van deze zijn: {', '.join(KINDS)}")
    allowed = _COMMON_REQUIRED | _COMMON_OPTIONAL | _KIND_KEYS[kind]
    unknown = set(raw) - allowed
    if unknown:
        raise _fail(path, rid, f"onbekende sleutel(s) voor een regel van soort '{kind}': {', '.join(sorted(unknown))}")
    missing = _COMMON_REQUIRED - set(raw)
    if kind != "metric" and "points" not in raw:
        missing.add("points")
    if missing:
        raise _fail(path, rid, f"ontbrekende sleutel(s): {', '.join(sorted(missing))}")
    severity = raw["severity"]
    if severity not in SEVERITIES:
        raise _fail(path, rid, f"'severity' moet een van deze zijn: {', '.join(SEVERITIES)}")
    points = _number(raw, "points", path, rid)
    fields: dict = dict(
        id=rid, kind=kind, dimension=dimension, severity=severity,
        message=_string(raw, "message", path, rid), why=_string(raw, "why", path, rid),
        source=_string(raw, "source", path, rid),
        fail=_strings(raw, "fail", path, rid), passes=_strings(raw, "pass", path, rid),
        points=points, suggestions=_strings(raw, "suggestions", path, rid),
    )
    if not fields["fail"] or not fields["passes"]:
        raise _fail(path, rid, "heeft minstens één 'fail'- en één 'pass'-voorbeeld nodig")
    if "max_points" in raw:
        cap = _number(raw, "max_points", path, rid)
        if cap * points < 0 or cap == 0:
            raise _fail(path, rid, "'max_points' moet hetzelfde teken (+ of -) hebben als 'points'")
        fields["max_points"] = cap
    parts = _strings(raw, "parts", path, rid)
    bad_parts = set(parts) - set(PARTS)
    if bad_parts:
        raise _fail(path, rid, f"onbekend(e) briefdeel(en) {', '.join(sorted(bad_parts))}; gebruik {', '.join(PARTS)}")
    fields["parts"] = frozenset(parts)
    ignore_in = _strings(raw, "ignore_in", path, rid)
    bad_spans = set(ignore_in) - set(SPAN_KINDS)
    if bad_spans:
        raise _fail(path, rid, f"onbekende soort(en) tekst in 'ignore_in': {', '.join(sorted(bad_spans))}; "
                               f"gebruik {', '.join(SPAN_KINDS)}")
    fields["ignore_in"] = frozenset(ignore_in)
    negation = raw.get("negation", "skip")
    if negation not in NEGATION_MODES:
        raise _fail(path, rid, f"'negation' moet een van deze zijn: {', '.join(NEGATION_MODES)}")
    fields["negation"] = negation
    # A list of terms, or a table with terms and/or patterns (for what terms cannot say).
    raw_exceptions = raw.get("exceptions", [])
    fields["exceptions"] = (_matcher(raw_exceptions, "exceptions", path, rid) if isinstance(raw_exceptions, dict)
                            else Matcher(_strings(raw, "exceptions", path, rid)))

    if kind in ("existence", "required", "occurrence"):
        fields["match"] = Matcher(_strings(raw, "terms", path, rid), _strings(raw, "patterns", path, rid))
        if not fields["match"]:
            raise _fail(path, rid, "heeft 'terms' of 'patterns' nodig")
    if "consequence" in raw:
        if not isinstance(raw["consequence"], bool):
            raise _fail(path, rid, "'consequence' moet true of false zijn")
        fields["consequence"] = raw["consequence"]
    if kind == "substitution":
        swap = raw.get("swap")
        if not isinstance(swap, dict) or not swap:
            raise _fail(path, rid, "'swap' moet een tabel zijn van term = alternatief (of een lijst alternatieven)")
        fields["swap"] = tuple((term, _strings(alt, f"swap.{term}", path, rid)) for term, alt in swap.items())
    if kind == "required":
        fields["missing_points"] = _number(raw, "missing_points", path, rid)
        fields["found_message"] = _string(raw, "found_message", path, rid)
        if fields["missing_points"] > 0 or points < 0:
            raise _fail(path, rid, "'missing_points' moet 0 of lager zijn en 'points' 0 of hoger")
    if kind == "conditional":
        fields["when"] = _matcher(raw.get("when"), "when", path, rid)
        if ("require" in raw) == ("forbid" in raw):
            raise _fail(path, rid, "een conditional-regel heeft precies één van 'require' of 'forbid' nodig")
        key = "require" if "require" in raw else "forbid"
        fields[key] = _matcher(raw[key], key, path, rid)
        fields["kept_points"] = _number(raw, "kept_points", path, rid)
        if fields["kept_points"] and "found_message" not in raw:
            raise _fail(path, rid, "'kept_points' heeft een 'found_message' nodig")
        fields["found_message"] = raw.get("found_message", "")
    if kind == "occurrence":
        limit = raw.get("max")
        if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
            raise _fail(path, rid, "'max' moet een geheel getal van 0 of hoger zijn")
        fields["max"] = limit
    if kind in SCOPES:
        scope = raw.get("scope", "document")
        if scope not in SCOPES[kind]:
            raise _fail(path, rid, f"'scope' moet een van deze zijn: {', '.join(SCOPES[kind])}")
        fields["scope"] = scope
    if kind == "metric":
        metric = raw.get("metric")
        if metric not in metrics[fields["scope"]]:
            raise _fail(path, rid, f"onbekende maat '{metric}' voor scope '{fields['scope']}'; "
                                   f"bekend: {', '.join(metrics[fields['scope']])}")
        fields["metric"] = metric
        bands = raw.get("band")
        if not isinstance(bands, list) or not bands:
            raise _fail(path, rid, "een metric-regel heeft minstens één [[rule.band]] nodig")
        fields["bands"] = tuple(_band(b, path, rid) for b in bands)
    return Rule(**fields)
