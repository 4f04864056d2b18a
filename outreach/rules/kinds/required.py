"""required: something a letter should say; its absence costs points."""
from __future__ import annotations

from dataclasses import dataclass

from outreach.messages import msg
from outreach.rules.engine import Context, Finding, make_finding
from outreach.rules.kinds import Kind
from outreach.rules.schema import NUMBER, TEXT, TEXTS, Matcher, Reader, Rule


@dataclass(frozen=True, slots=True)
class Required:
    match: Matcher
    missing_points: float
    found_message: str

    @property
    def matchers(self) -> tuple[Matcher, ...]:
        return (self.match,)


def parse(raw: dict, read: Reader) -> Required:
    params = Required(read.match(raw), read.number(raw, "missing_points"), read.text(raw, "found_message"))
    if params.missing_points > 0 or read.number(raw, "points") < 0:
        raise read.fail(msg("rule.missing_points_sign"))
    return params


def run(rule: Rule, ctx: Context) -> list[Finding]:
    params: Required = rule.params
    hit = ctx.first(params.match, rule.parts, rule.negation, rule.exceptions)
    if hit is not None:
        return [make_finding(rule, ctx, hit, rule.points, message=params.found_message)] if rule.points else []
    return [make_finding(rule, ctx, None, params.missing_points)]


KIND = Kind(
    name="required", label=msg("kind.required"),
    keys={"terms": TEXTS, "patterns": TEXTS, "missing_points": NUMBER, "found_message": TEXT},
    required=("found_message",), parse=parse, run=run,
)
