"""metric: a measure of the text (sentence length, word frequency, readability) in bands."""
from __future__ import annotations

from dataclasses import dataclass

from outreach.formatting import number, percent
from outreach.messages import msg
from outreach.rules.engine import Context, Finding, make_finding
from outreach.rules.kinds import Kind
from outreach.rules.schema import NUMBER, SEVERITIES, TEXT, Matcher, Reader, Rule, one_of
from outreach.rules.terms import Hit
from outreach.text.metrics import sentence_stats

SCOPES = ("document", "sentence", "word")
_BAND_KEYS = {"above", "below", "points", "severity", "message"}


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
class Metric:
    metric: str
    scope: str
    bands: tuple[Band, ...]

    @property
    def matchers(self) -> tuple[Matcher, ...]:
        return ()


def _band(raw: object, read: Reader) -> Band:
    if not isinstance(raw, dict):
        raise read.fail(msg("rule.band_table"))
    unknown = set(raw) - _BAND_KEYS
    if unknown:
        raise read.fail(msg("rule.band_unknown_keys", keys=", ".join(sorted(unknown))))
    if "above" not in raw and "below" not in raw:
        raise read.fail(msg("rule.band_bound"))
    severity = raw.get("severity", "")
    if severity not in SEVERITIES:
        raise read.fail(msg("rule.band_severity", options=", ".join(SEVERITIES)))
    return Band(
        points=read.number(raw, "points"), severity=severity, message=read.text(raw, "message"),
        above=read.number(raw, "above") if "above" in raw else None,
        below=read.number(raw, "below") if "below" in raw else None,
    )


def parse(raw: dict, read: Reader) -> Metric:
    scope = read.choice(raw, "scope", SCOPES, "document")
    metric = raw.get("metric")
    if metric not in read.metrics[scope]:
        raise read.fail(msg("rule.metric_unknown", metric=metric, scope=scope, known=", ".join(read.metrics[scope])))
    bands = raw.get("band")
    if not isinstance(bands, list) or not bands:
        raise read.fail(msg("rule.bands_required"))
    return Metric(metric, scope, tuple(_band(b, read) for b in bands))


def _value(value: float, metric: str = "") -> str:
    if metric.endswith("_share"):  # "15%" reads better than "0,15" (and "0,1" would be wrong)
        return percent(value)
    return number(value, digits=0 if float(value).is_integer() else 1)


def _band_of(rule: Rule, value: float) -> Band | None:
    """The first of the rule's bands the value falls in."""
    return next((band for band in rule.params.bands if band.holds(value)), None)


def _band_finding(rule: Rule, ctx: Context, value: float, hit: Hit | None, band: Band) -> Finding:
    return make_finding(rule, ctx, hit, band.points, message=band.message,
                        severity=band.severity, value=_value(value, rule.params.metric))


def _measure(rule: Rule, ctx: Context) -> list[Finding]:
    params: Metric = rule.params
    if params.scope == "document":
        if not ctx.metrics["words"]:
            return []
        value = ctx.metrics[params.metric]
        band = _band_of(rule, value)
        return [] if band is None else [_band_finding(rule, ctx, value, None, band)]
    found: list[Finding] = []
    if params.scope == "sentence":
        for sentence in ctx.sentences(rule.parts):
            stats = sentence_stats(ctx.doc, sentence)
            value = float(stats.words if params.metric == "sentence_words" else stats.commas)
            band = _band_of(rule, value)
            if band is not None:  # most sentences fall in no band: no hit to build for them
                hit = Hit(sentence.start, sentence.end, sentence.tokens[0].index, sentence.tokens[-1].index)
                found.append(_band_finding(rule, ctx, value, hit, band))
        return found
    # Word scope: most words fall in no band, so the band of each distinct value is looked up once
    # and only the words in a band become findings.
    banded: dict[float, Band | None] = {}
    for token, value in ctx.word_values(params.metric, rule.parts):
        if value not in banded:
            banded[value] = _band_of(rule, value)
        if banded[value] is not None:
            hit = Hit(token.start, token.end, token.index, token.index)
            found.append(_band_finding(rule, ctx, value, hit, banded[value]))
    return found


def run(rule: Rule, ctx: Context) -> list[Finding]:
    """Findings in a band; those inside an exception phrase ("Wet gemeentelijke
    schuldhulpverlening") drop out, as the other kinds leave exception phrases out when they match."""
    return [f for f in _measure(rule, ctx) if (
        f.start is None or not rule.exceptions or not ctx.excepted(f.start, f.end, rule.exceptions))]


BAND = {"type": "object", "additionalProperties": False, "required": ["points", "severity", "message"],
        "properties": {"above": NUMBER, "below": NUMBER, "points": NUMBER, "severity": one_of(*SEVERITIES),
                       "message": TEXT}}

KIND = Kind(
    name="metric", label=msg("kind.metric"),
    keys={"metric": TEXT, "scope": one_of(*SCOPES), "band": {"type": "array", "minItems": 1, "items": BAND}},
    required=("metric", "band"), parse=parse, run=run, points_required=False,
)
