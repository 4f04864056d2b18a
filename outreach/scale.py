"""From a raw sum of points to a score of 0-100 that still ranks a bad letter above a worse one.

Above SOFT_FLOOR a point is a point, up to 100. Below it the score bends towards 0 without
reaching it (SOFT_FLOOR² / (2·SOFT_FLOOR − raw)): with a hard clamp a letter with one threat and
one with five would both score 0, and an advisor who removes a threat would see nothing move.
The curve meets the straight line at the floor with the same value and the same slope, so
nothing jumps. Dimension scores and segment scores both use it; the difference to the raw sum is
listed as its own contribution, so the contributions still add up to the score.
"""
from __future__ import annotations

from outreach.formatting import number
from outreach.messages import msg

SOFT_FLOOR = 30.0
TOP = 100.0


def to_score(raw: float) -> float:
    """The 0-100 score of a raw sum (on the curve: rounded to two decimals, like the points)."""
    if raw >= TOP:
        return TOP
    if raw >= SOFT_FLOOR:
        return raw
    return round(SOFT_FLOOR ** 2 / (2 * SOFT_FLOOR - raw), 2)


def adjustment(raw: float, score: float) -> tuple[str, str] | None:
    """(source, Dutch reason) of the contribution that turns `raw` into `score`, if any."""
    if score == raw:
        return None
    if raw > TOP:
        return "clamp", msg("scale.clamp", total=number(raw, digits=None))
    return "floor", msg("scale.floor", floor=number(SOFT_FLOOR, digits=None), total=number(raw, digits=None))
