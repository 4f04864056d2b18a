"""How a letter lands with each segment: an explainable sum per segment, a verdict, and reach.

score = base + sum over dimensions of weight x (dimension score - 50)
             + sum over triggered findings of factor x finding points
             (+ a cap while a capped trigger fires, + the soft floor and top of outreach/scale.py)
so every point can be traced to a dimension or to words in the letter.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from outreach.dimensions import DimensionScore
from outreach.formatting import number, percent
from outreach.messages import msg
from outreach.records import direct_constructor
from outreach.rules.engine import Finding
from outreach.rules.schema import DIMENSIONS
from outreach.scale import adjustment, to_score
from outreach.segments.model import (
    DIGITAL_ROUTE_RULE, Segment, SegmentModel, SegmentModelError, Trigger, check_shares,
)
from outreach.segments.reactions import render_reaction, template_names

TOP_REASONS = 4
PHRASE_CHARS = 120  # findings up to this long are phrases that can shadow each other
NEUTRAL = 50.0


@dataclass(frozen=True, slots=True)
class Reason:
    text: str
    points: float
    dimension: str | None
    finding: int | None
    source: str
    reaction: str = ""

    def to_dict(self) -> dict:
        return {"text": self.text, "points": self.points, "dimension": self.dimension,
                "finding": self.finding, "source": self.source}


_reason = direct_constructor(Reason)  # Reason(...), built once per triggered finding and segment


@dataclass(frozen=True, slots=True)
class Voice:
    """Which reaction the model chose and with what, language-neutral: the presentation renders the
    same choice from another language's templates (outreach/interface.py)."""
    key: str
    match: str
    dimension: str | None  # of the top negative reason (its `short`); None: unknown
    digital: bool


@dataclass(frozen=True, slots=True)
class Reception:
    segment: str
    name: str
    share: float  # 0..1
    score: float
    verdict: str
    verdict_label: str
    contributions: tuple[Reason, ...]
    reasons: tuple[Reason, ...]
    reaction: str
    voice: Voice | None = None

    def to_dict(self) -> dict:
        return {"name": self.name, "share": self.share, "score": self.score,
                "verdict": self.verdict, "verdict_label": self.verdict_label,
                "reasons": [r.to_dict() for r in self.reasons],
                "contributions": [r.to_dict() for r in self.contributions],
                "reaction": self.reaction}


@dataclass(frozen=True, slots=True)
class Reach:
    score: float
    lands_well_share: float

    def to_dict(self) -> dict:
        return {"score": self.score, "lands_well_share": self.lands_well_share}


def _dimension_reasons(segment: Segment, dimensions: dict[str, DimensionScore]) -> list[Reason]:
    reasons = []
    for d in DIMENSIONS:
        weight = segment.weights[d]
        points = round(weight * (dimensions[d].score - NEUTRAL), 2)
        if weight and points:
            reasons.append(_reason(_dimension_text(dimensions[d].title, dimensions[d].score, weight),
                                  points, d, None, f"dimension:{d}"))
    return reasons


@lru_cache(maxsize=64)
def _start_text(base_reason: str | None) -> str:
    """The first contribution's text, kept: the same for every letter."""
    if base_reason is None:
        return msg("reception.start")
    return msg("reception.start_because", reason=base_reason)


@lru_cache(maxsize=4096)
def _dimension_text(title: str, score: float, weight: float) -> str:
    """The reason's text, kept: the same few scores and weights recur in every letter."""
    return msg("reception.dimension", title=title, score=number(score), weight=percent(weight))


def _triggered(segment: Segment, findings: tuple[Finding, ...]) -> list[tuple[int, Finding, Trigger]]:
    """(index, finding, trigger) for the findings one of the segment's triggers applies to (the
    first that applies, found once per rule); most findings move no segment and drop out here."""
    found, trigger_for = [], segment.trigger_for
    for index, finding in enumerate(findings):
        trigger = trigger_for(finding.rule, finding.effect)
        if trigger is not None:
            found.append((index, finding, trigger))
    return found


def _shadowed(triggered: list[tuple[int, Finding, Trigger]]) -> set[int]:
    """Findings whose words another, heavier problem finding of a different trigger already
    counts for this segment: one phrase ("U moet") is one reason to turn away, not two
    ("pressure" and "decided for them"). The dimensions still see both."""
    weighed = []
    for index, finding, trigger in triggered:
        # Phrases only: a finding about a whole long sentence shares words with everything in it.
        if finding.effect != "hurts" or finding.start is None or finding.end - finding.start > PHRASE_CHARS:
            continue
        weighed.append((index, finding, trigger.id, abs(trigger.factor * finding.points)))
    shadowed = set()
    for a, (i, fi, ti, wi) in enumerate(weighed):
        for b in range(a + 1, len(weighed)):
            j, fj, tj, wj = weighed[b]
            if fj.start >= fi.end:
                break  # findings come sorted by start
            if ti != tj:
                shadowed.add(j if wj <= wi else i)
    return shadowed


def _trigger_reasons(segment: Segment, findings: tuple[Finding, ...]) -> tuple[list[Reason], Reason | None]:
    """Reasons from triggered findings, and the lowest cap any of them sets (as a Reason)."""
    reasons: list[Reason] = []
    cap: Reason | None = None
    totals: dict[str, float] = {}
    triggered = _triggered(segment, findings)
    shadowed = _shadowed(triggered)
    for index, finding, trigger in triggered:
        points = 0.0 if index in shadowed else round(trigger.factor * finding.points, 2)
        if trigger.max_points is not None:
            room = trigger.max_points - abs(totals.get(trigger.id, 0.0))
            points = max(-room, min(room, points))
        totals[trigger.id] = totals.get(trigger.id, 0.0) + points
        where = f" ('{finding.match}')" if finding.match and len(finding.match) <= 80 else ""
        if points:
            reasons.append(_reason(f"{trigger.reason}{where}", points, finding.dimension, index,
                                  f"trigger:{trigger.id}", trigger.reaction))
        # Caps come only from confident findings: one uncertain reading never decides a verdict.
        if trigger.cap is not None and finding.effect == "hurts" and finding.confident and (
                cap is None or trigger.cap < cap.points):
            # points holds the cap value here; receive_segment turns it into the difference
            cap = Reason(trigger.reason, trigger.cap, finding.dimension, index, "cap", trigger.reaction)
    return reasons, cap


def _reaction(model: SegmentModel, segment: Segment, verdict: str, reasons: list[Reason],
              findings: tuple[Finding, ...]) -> tuple[str, Voice]:
    negative = [r for r in reasons if r.points < 0]
    key, match = verdict, ""
    # The reader reacts to the problem that weighs most in total (a trigger over all its findings);
    # only findings that hurt are voiced, whichever way a trigger fires.
    voiceable = [r for r in negative if r.reaction and r.finding is not None
                 and findings[r.finding].effect == "hurts"]
    totals: dict[str, float] = {}
    for r in voiceable:
        totals[r.reaction] = totals.get(r.reaction, 0.0) + r.points
    if verdict != "lands_well" and totals:
        key = min(totals, key=lambda k: (totals[k], k))
        voiced = next(r for r in voiceable if r.reaction == key)
        match = findings[voiced.finding].match if voiced.finding is not None else ""
    top_short = (model.short[negative[0].dimension] if negative and negative[0].dimension
                 else msg("reception.top_reason_unknown"))
    digital = any(f.rule == DIGITAL_ROUTE_RULE and f.effect == "helps" for f in findings)
    voice = Voice(key, match, negative[0].dimension if negative else None, digital)
    source = segment.reactions[key]
    # Most reactions read few of these names ("length" none, "doubtful" only the short reason):
    # the names a template does not read are left out of the cache key, so such a reaction is
    # rendered once rather than once per match, reason and verdict it meets (~20-70 µs each).
    names = template_names(source)
    return _render(source, match if "match" in names else "",
                   str(top_short) if "top_reason_short" in names else "", digital if "digital" in names else False,
                   segment.name if "segment" in names else "", verdict if "verdict" in names else ""), voice


@lru_cache(maxsize=4096)
def _render(source: str, match: str, top_reason_short: str, digital: bool, segment: str, verdict: str) -> str:
    """render_reaction, kept: letters and segments repeat the same few reactions, and rendering
    one in Jinja2's sandbox costs ~20 µs (it depends on nothing but these values)."""
    return render_reaction(source, match=match, top_reason_short=top_reason_short, digital=digital,
                           segment=segment, verdict=verdict)


def _distinct(reasons: list[Reason]) -> list[Reason]:
    """One reason per trigger or dimension (the biggest), so four reasons say four things."""
    seen: set[str] = set()
    out = []
    for reason in reasons:
        if reason.source not in seen:
            seen.add(reason.source)
            out.append(reason)
    return out


def receive_segment(model: SegmentModel, segment: Segment, share: float,
                    dimensions: dict[str, DimensionScore], findings: tuple[Finding, ...]) -> Reception:
    if segment.base is None:
        contributions = [Reason(_start_text(None), model.base, None, None, "base")]
    else:
        contributions = [Reason(_start_text(segment.base_reason), segment.base, None, None, "base")]
    contributions += _dimension_reasons(segment, dimensions)
    triggered, cap = _trigger_reasons(segment, findings)
    contributions += triggered
    raw = round(sum(r.points for r in contributions), 2)
    if cap is not None and raw > cap.points:
        contributions.append(Reason(
            msg("reception.cap", points=number(cap.points, digits=None), text=cap.text),
            round(cap.points - raw, 2), cap.dimension, cap.finding, "cap", cap.reaction))
        raw = cap.points
    score = to_score(raw)
    adjusted = adjustment(raw, score)
    if adjusted:
        contributions.append(Reason(adjusted[1], round(score - raw, 2), None, None, adjusted[0]))
    verdict = model.verdict(score)
    ranked = sorted(contributions[1:], key=lambda r: (-abs(r.points), r.source))
    ranked = [r for r in ranked if r.source not in ("clamp", "floor")]
    # Lead with what works for a letter that lands well, with what hurts otherwise.
    ranked.sort(key=lambda r: (r.points < 0) if verdict == "lands_well" else (r.points > 0))
    reaction, voice = _reaction(model, segment, verdict, ranked, findings)
    return Reception(
        segment=segment.id, name=segment.name, share=round(share / 100, 4), score=score,
        verdict=verdict, verdict_label=model.labels[verdict], contributions=tuple(contributions),
        reasons=tuple(_distinct(ranked)[:TOP_REASONS]),
        reaction=reaction, voice=voice,
    )


def resolve_shares(model: SegmentModel, shares: dict[str, float] | None) -> dict[str, float]:
    if shares is None:
        return {s.id: s.share for s in model.segments}
    if set(shares) != set(model.ids):
        raise SegmentModelError(msg("shares.segments", segments=", ".join(model.ids)))
    return check_shares(dict(shares))


def receive(model: SegmentModel, dimensions: dict[str, DimensionScore], findings: tuple[Finding, ...],
            shares: dict[str, float] | None = None) -> tuple[dict[str, Reception], Reach]:
    """Reception per segment and the population reach, with the model's or the user's shares."""
    resolved = resolve_shares(model, shares)
    receptions = {s.id: receive_segment(model, s, resolved[s.id], dimensions, findings)
                  for s in model.segments}
    total = sum(resolved.values()) or 1.0
    reach = Reach(
        score=round(sum(resolved[i] * r.score for i, r in receptions.items()) / total, 2),
        lands_well_share=round(sum(resolved[i] for i, r in receptions.items()
                                   if r.verdict == "lands_well") / total, 4),
    )
    return receptions, reach


def parse_shares(text: str, model: SegmentModel) -> dict[str, float]:
    """'39,22,39' (in the model's segment order) to a validated share per segment id."""
    parts = [p.strip().rstrip("%") for p in text.replace(";", ",").split(",")]
    if len(parts) != len(model.segments):
        raise SegmentModelError(msg("shares.count", count=len(model.segments)))
    try:
        values = [float(p) for p in parts]
    except ValueError:
        raise SegmentModelError(msg("shares.numbers", text=text)) from None
    return check_shares(dict(zip(model.ids, values)))
