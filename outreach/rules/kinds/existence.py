"""existence: report every match of terms or patterns (a threat word, a helping phrase)."""
from __future__ import annotations

from dataclasses import dataclass

from outreach.messages import msg
from outreach.rules.engine import Context, Finding, make_finding
from outreach.rules.kinds import Kind
from outreach.rules.schema import BOOLEAN, TEXTS, Matcher, Reader, Rule


@dataclass(frozen=True, slots=True)
class Existence:
    match: Matcher
    # A match is a condition ("Als u niet reageert"); what follows it decides (consequences.toml).
    consequence: bool = False

    @property
    def matchers(self) -> tuple[Matcher, ...]:
        return (self.match,)


def parse(raw: dict, read: Reader) -> Existence:
    consequence = raw.get("consequence", False)
    if not isinstance(consequence, bool):
        raise read.fail(msg("rule.consequence_boolean"))
    return Existence(read.match(raw), consequence)


def run(rule: Rule, ctx: Context) -> list[Finding]:
    params: Existence = rule.params
    hits = ctx.find(params.match, rule.parts, rule.negation, rule.exceptions)
    findings = []
    for hit in hits:
        points, confident = rule.points, True
        if params.consequence:
            verdict = ctx.consequence(hit)
            if verdict == "harmless":
                continue  # "Als u niet reageert, verwijderen wij uw gegevens": no threat
            if verdict == "unclear":
                points, confident = round(rule.points * ctx.language.consequences.unclear_factor, 2), False
        if confident and rule.points < 0 and rule.negation == "skip" and ctx.denied(hit, rule):
            confident = False
        findings.append(make_finding(rule, ctx, hit, points, confident=confident))
    return findings


KIND = Kind(
    name="existence", label=msg("kind.existence"),
    keys={"terms": TEXTS, "patterns": TEXTS, "consequence": BOOLEAN}, required=(),
    parse=parse, run=run, helps_only=True,
)
