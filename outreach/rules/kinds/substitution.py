"""substitution: a word with a plainer alternative ("middels" -> "met")."""
from __future__ import annotations

from dataclasses import dataclass

from outreach.messages import msg
from outreach.rules.engine import Context, Finding, make_finding, matcher_of
from outreach.rules.kinds import Kind
from outreach.rules.schema import TEXTS, Matcher, Reader, Rule
from outreach.rules.terms import Hit, dedupe


@dataclass(frozen=True, slots=True)
class Substitution:
    swap: tuple[tuple[str, tuple[str, ...]], ...]  # (term, alternatives)

    @property
    def matchers(self) -> tuple[Matcher, ...]:
        return (Matcher(terms=self.terms),)

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(term for term, _ in self.swap)

    @property
    def alternatives(self) -> tuple[str, ...]:
        return tuple(a for _, alts in self.swap for a in alts)


def parse(raw: dict, read: Reader) -> Substitution:
    swap = raw.get("swap")
    if not isinstance(swap, dict) or not swap:
        raise read.fail(msg("rule.swap_table"))
    return Substitution(tuple((term, read.texts(alt, f"swap.{term}")) for term, alt in swap.items()))


def run(rule: Rule, ctx: Context) -> list[Finding]:
    hits: list[tuple[Hit, tuple[str, ...]]] = []
    present = ctx.occurring(rule.params.terms)  # most swap keys are not in a letter
    for term, alternatives in rule.params.swap:
        if term not in present:
            continue
        for hit in ctx.find(matcher_of(terms=(term,)), rule.parts, rule.negation, rule.exceptions):
            hits.append((hit, alternatives))
    kept = set(dedupe([h for h, _ in hits]))
    findings, seen = [], set()
    for hit, alternatives in hits:
        if hit in kept and (hit.start, hit.end) not in seen:  # two swap keys, one span: report once
            seen.add((hit.start, hit.end))
            findings.append(make_finding(rule, ctx, hit, rule.points,
                                         suggestions=_same_case(ctx.doc.text[hit.start:hit.end], alternatives)))
    return findings


def _same_case(match: str, alternatives: tuple[str, ...]) -> tuple[str, ...]:
    """A rewrite starts with a capital where the words it replaces did ("Indien u" -> "Als u")."""
    if not match[:1].isupper():
        return alternatives
    return tuple(a[:1].upper() + a[1:] for a in alternatives)


KIND = Kind(
    name="substitution", label=msg("kind.substitution"),
    keys={"swap": {"type": "object", "minProperties": 1, "additionalProperties": TEXTS}}, required=("swap",),
    parse=parse, run=run, helps_only=True,
)
