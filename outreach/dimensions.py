"""Dimension scores 0-100, each an explainable sum: base + one contribution per finding.

`sum(c.points for c in contributions) == score` always holds; when the raw sum is above 100 or
below the soft floor (outreach/scale.py), a last contribution ("clamp" or "floor") says by how much.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from outreach.messages import msg
from outreach.records import direct_constructor
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


_contribution = direct_constructor(Contribution)  # Contribution(...), built once per finding


def _reason(finding: Finding) -> str:
    where = f"'{finding.match}': " if finding.match else ""
    return f"{where}{finding.message}"


@lru_cache(maxsize=256)
def _start_text(title: str) -> str:
    """The base contribution's text, kept: the same for every letter."""
    return msg("dimension.start", title=title.lower())


@lru_cache(maxsize=1)
def _capped_text() -> str:
    return msg("dimension.capped")


def score_dimension(dimension: str, book: RuleBook, findings: list[Finding]) -> DimensionScore:
    return _score(dimension, book, [(i, f) for i, f in enumerate(findings) if f.dimension == dimension])


def _score(dimension: str, book: RuleBook, indexed: list[tuple[int, Finding]]) -> DimensionScore:
    """The dimension's score from its own findings, each with its index among all findings."""
    pack = book.packs[dimension]
    contributions = [Contribution("base", pack.base, _start_text(pack.title))]
    for index, finding in indexed:
        reason = _reason(finding)
        if finding.points == 0:
            reason += _capped_text()
        contributions.append(_contribution(finding.rule, finding.points, reason, index))
    raw = round(sum(c.points for c in contributions), 2)
    score = to_score(raw)
    adjusted = adjustment(raw, score)
    if adjusted:
        contributions.append(Contribution(adjusted[0], round(score - raw, 2), adjusted[1]))
    return DimensionScore(dimension, pack.title, score, tuple(contributions))


def score_all(book: RuleBook, findings: list[Finding]) -> dict[str, DimensionScore]:
    indexed: dict[str, list[tuple[int, Finding]]] = {d: [] for d in DIMENSIONS}
    for index, finding in enumerate(findings):  # one pass over the findings, not one per dimension
        if finding.dimension in indexed:
            indexed[finding.dimension].append((index, finding))
    return {d: _score(d, book, indexed[d]) for d in DIMENSIONS}


def empty_scores(book: RuleBook) -> dict[str, DimensionScore]:
    """Scores for a letter with no text: 0, with one contribution that says why."""
    return {
        d: DimensionScore(d, book.packs[d].title, 0.0,
                          (Contribution("empty", 0.0, msg("dimension.empty")),))
        for d in DIMENSIONS
    }
