"""occurrence: more matches than `max` per sentence or per letter."""
from __future__ import annotations

from dataclasses import dataclass

from outreach.messages import msg
from outreach.rules.engine import Context, Finding, make_finding
from outreach.rules.kinds import Kind
from outreach.rules.schema import TEXTS, Matcher, Reader, Rule, one_of

SCOPES = ("sentence", "document")


@dataclass(frozen=True, slots=True)
class Occurrence:
    match: Matcher
    max: int
    scope: str

    @property
    def matchers(self) -> tuple[Matcher, ...]:
        return (self.match,)


def parse(raw: dict, read: Reader) -> Occurrence:
    match = read.match(raw)
    limit = raw.get("max")
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
        raise read.fail(msg("rule.max_count"))
    return Occurrence(match, limit, read.choice(raw, "scope", SCOPES, "document"))


def run(rule: Rule, ctx: Context) -> list[Finding]:
    params: Occurrence = rule.params
    hits = ctx.find(params.match, rule.parts, rule.negation, rule.exceptions)
    seen: dict[int, int] = {}
    findings = []
    for hit in hits:
        key = ctx.doc.tokens[hit.first].sentence if params.scope == "sentence" and hit.first >= 0 else -1
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > params.max:
            findings.append(make_finding(rule, ctx, hit, rule.points))
    return findings


KIND = Kind(
    name="occurrence", label=msg("kind.occurrence"),
    keys={"terms": TEXTS, "patterns": TEXTS, "max": {"type": "integer", "minimum": 0}, "scope": one_of(*SCOPES)},
    required=("max",), parse=parse, run=run, helps_only=True,
)
