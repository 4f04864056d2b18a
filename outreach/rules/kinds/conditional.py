"""conditional: when the letter says one thing, it must (require) or must not (forbid) say another."""
from __future__ import annotations

from dataclasses import dataclass

from outreach.messages import msg
from outreach.rules.engine import Context, Finding, make_finding
from outreach.rules.kinds import Kind
from outreach.rules.schema import MATCHER, NUMBER, TEXT, Matcher, Reader, Rule


@dataclass(frozen=True, slots=True)
class Conditional:
    when: Matcher
    require: Matcher = Matcher()
    forbid: Matcher = Matcher()
    kept_points: float = 0.0
    found_message: str = ""

    @property
    def matchers(self) -> tuple[Matcher, ...]:
        return (self.when, self.require, self.forbid)


def parse(raw: dict, read: Reader) -> Conditional:
    when = read.matcher(raw.get("when"), "when")
    if ("require" in raw) == ("forbid" in raw):
        raise read.fail(msg("rule.conditional_one_of"))
    key = "require" if "require" in raw else "forbid"
    condition = read.matcher(raw[key], key)
    kept_points = read.number(raw, "kept_points")
    if kept_points and "found_message" not in raw:
        raise read.fail(msg("rule.kept_points_message"))
    return Conditional(when, **{key: condition}, kept_points=kept_points,
                       found_message=raw.get("found_message", ""))


def run(rule: Rule, ctx: Context) -> list[Finding]:
    params: Conditional = rule.params
    when = ctx.first(params.when, rule.parts, rule.negation, rule.exceptions)
    if when is None:
        return []
    if params.require:
        required = ctx.first(params.require, frozenset(), "skip" if rule.negation == "skip" else "ignore",
                             rule.exceptions)
        if required is None:
            return [make_finding(rule, ctx, when, rule.points)]
        if params.kept_points:
            return [make_finding(rule, ctx, required, params.kept_points, message=params.found_message)]
        return []
    forbidden = ctx.first(params.forbid, rule.parts, rule.negation, rule.exceptions)
    if forbidden is not None:
        return [make_finding(rule, ctx, forbidden, rule.points)]
    if params.kept_points:
        return [make_finding(rule, ctx, when, params.kept_points, message=params.found_message)]
    return []


KIND = Kind(
    name="conditional", label=msg("kind.conditional"),
    keys={"when": MATCHER, "require": MATCHER, "forbid": MATCHER, "kept_points": NUMBER, "found_message": TEXT},
    required=("when",), parse=parse, run=run,
)
