"""Readability figures with a B1 signal each, the limits read from the readability rule pack.

The signal says whether the value falls in one of the rule's hurting bands, so the app and the
engine never disagree on what counts as too long or too hard.
"""
from __future__ import annotations

from dataclasses import dataclass

from outreach.rules.loader import RuleBook
from outreach.formatting import number, percent

# (metric shown, metric the rule checks or "" for no B1 limit, how to format it)
FIGURES = (
    ("flesch_douma", "flesch_douma", "number"),
    ("avg_sentence_words", "avg_sentence_words", "number"),
    ("max_sentence_words", "sentence_words", "integer"),
    ("long_sentence_share", "", "percent"),
    ("long_word_share", "long_word_share", "percent"),
    ("uncommon_word_share", "uncommon_word_share", "percent"),
    ("passive_share", "passive_share", "percent"),
    ("words", "words", "integer"),
    ("reading_minutes", "", "minutes"),
)


@dataclass(frozen=True, slots=True)
class Figure:
    metric: str
    value: float
    kind: str            # number | integer | percent | minutes
    status: str          # ok | warn | bad | none (no B1 limit for this figure)
    limit_op: str        # "<=", ">=" or ""
    limit: float | None


def format_value(value: float, kind: str, lang: str) -> str:
    if kind == "percent":
        return percent(value, lang)
    return number(value, lang, 0 if kind == "integer" else 1)


def _limits(book: RuleBook) -> dict[str, tuple]:
    """Per rule metric: (hurting bands, the mildest limit as (op, value))."""
    result = {}
    for rule in book.packs["readability"].rules if "readability" in book.packs else ():
        if rule.kind != "metric":
            continue
        hurting = [band for band in rule.params.bands if band.points < 0]
        if not hurting:
            continue
        aboves = [b.above for b in hurting if b.above is not None]
        belows = [b.below for b in hurting if b.below is not None]
        limit = ("<=", min(aboves)) if aboves else (">=", max(belows)) if belows else ("", None)
        result[rule.params.metric] = (hurting, limit)
    return result


def figures(metrics: dict[str, float], book: RuleBook) -> list[Figure]:
    limits = _limits(book)
    out = []
    for metric, rule_metric, kind in FIGURES:
        if metric not in metrics:
            continue
        value = float(metrics[metric])
        status, op, limit = "none", "", None
        if rule_metric in limits:
            bands, (op, limit) = limits[rule_metric]
            holding = [b for b in bands if b.holds(value)]
            if not holding:
                status = "ok"
            else:
                worst = min(holding, key=lambda b: b.points)
                status = "bad" if worst.severity in ("error", "warning") else "warn"
        out.append(Figure(metric, value, kind, status, op, limit))
    return out
