"""Dimension scores 0-100, each an explainable sum: base + one contribution per finding.

`sum(c.points for c in contributions) == score` always holds; when the raw sum is above 100 or
below the soft floor (outreach/scale.py), a last contribution ("clamp" or "floor") says by how much.
"""
from __future__ import annotations

from dataclasses import dataclass

from outreach.messages import msg
from outreach.rules.engine import Finding
from outreach.rules.loader import RuleBook
from outreach.rules.schema import DIMENSIONS
from outreach.scale import adjustment, to_score


@dataclass(frozen=True, slots=True)
class Contribution:
    source: str
    points: float
    reason: str
    finding: int | None = None

    def to_dict(self) -> dict:
        return {"source": self.source, "points": self.points, "reason": self.reason,
                "finding": self.finding}


@dataclass(frozen=True, slots=True)
class DimensionScore:
    dimension: str
    title: str
    score: float
    contributions: tuple[Contribution, ...]

    def to_dict(self) -> dict:
        return {"title": self.title, "score": self.score,
                "contributions": [c.to_dict() for c in self.contributions]}


def _reason(finding: Finding) -> str:
    where = f"'{finding.match}': " if finding.match else ""
    return f"{where}{finding.message}"


def score_dimension(dimension: str, book: RuleBook, findings: list[Finding]) -> DimensionScore:
    pack = book.packs[dimension]
    contributions = [Contribution("base", pack.base, msg("dimension.start", title=pack.title.lower()))]
    for index, finding in enumerate(findings):
        if finding.dimension == dimension:
            reason = _reason(finding)
            if finding.points == 0:
                reason += msg("dimension.capped")
            contributions.append(Contribution(finding.rule, finding.points, reason, index))
    raw = round(sum(c.points for c in contributions), 2)
    score = to_score(raw)
    adjusted = adjustment(raw, score)
    if adjusted:
        contributions.append(Contribution(adjusted[0], round(score - raw, 2), adjusted[1]))
    return DimensionScore(dimension, pack.title, score, tuple(contributions))


def score_all(book: RuleBook, findings: list[Finding]) -> dict[str, DimensionScore]:
    return {d: score_dimension(d, book, findings) for d in DIMENSIONS}


def empty_scores(book: RuleBook) -> dict[str, DimensionScore]:
    """Scores for a letter with no text: 0, with one contribution that says why."""
    return {
        d: DimensionScore(d, book.packs[d].title, 0.0,
                          (Contribution("empty", 0.0, msg("dimension.empty")),))
        for d in DIMENSIONS
    }
