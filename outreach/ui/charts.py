"""Altair charts of one analysis: the score per segment, and the profile over the six dimensions."""
from __future__ import annotations

from collections.abc import Callable

import altair as alt
import pandas as pd

from outreach.analysis import Analysis
from outreach.ui.style import VERDICT_COLORS, dimension_color

Translate = Callable[..., str]
VERDICTS = ("lands_well", "doubtful", "turns_away")


def segment_frame(analysis: Analysis, verdict_labels: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame([{
        "segment": r.name,
        "score": float(r.score),
        "share": round(r.share * 100, 1),
        "verdict": verdict_labels.get(r.verdict, r.verdict),
    } for r in analysis.segments.values()], columns=["segment", "score", "share", "verdict"])


def segment_chart(analysis: Analysis, verdict_labels: dict[str, str], thresholds: tuple[float, float],
                  t: Translate) -> alt.LayerChart:
    """Horizontal bars, one per segment, coloured by verdict, with the two verdict thresholds."""
    data = segment_frame(analysis, verdict_labels)
    order = list(data["segment"])
    labels = [verdict_labels.get(v, v) for v in VERDICTS]
    colors = [VERDICT_COLORS[v] for v in VERDICTS]
    bars = alt.Chart(data).mark_bar(cornerRadiusEnd=3).encode(
        x=alt.X("score:Q", scale=alt.Scale(domain=[0, 100]), title=t("chart_score")),
        y=alt.Y("segment:N", sort=order, title=None, axis=alt.Axis(labelLimit=220),
                scale=alt.Scale(paddingInner=0.3)),
        color=alt.Color("verdict:N", scale=alt.Scale(domain=labels, range=colors),
                        legend=alt.Legend(title=None, orient="bottom")),
        tooltip=[alt.Tooltip("segment:N", title=t("chart_segment")),
                 alt.Tooltip("score:Q", title=t("chart_score"), format=".0f"),
                 alt.Tooltip("share:Q", title=t("chart_share"), format=".0f"),
                 alt.Tooltip("verdict:N", title=t("chart_verdict"))],
    )
    rules = alt.Chart(pd.DataFrame({"x": list(thresholds)})).mark_rule(
        strokeDash=[4, 3], color="#57606a").encode(x="x:Q")
    return alt.layer(bars, rules).properties(height=56 * max(1, len(data)) + 110,
                                             title=t("chart_segments_title"))


def dimension_frame(analysis: Analysis, titles: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame([{
        "dimension": titles.get(dim, score.title),
        "id": dim,
        "score": float(score.score),
    } for dim, score in analysis.dimensions.items()], columns=["dimension", "id", "score"])


def dimension_chart(analysis: Analysis, titles: dict[str, str], t: Translate) -> alt.LayerChart:
    """The six dimension scores as bars in each dimension's colour, with the neutral line at 50."""
    data = dimension_frame(analysis, titles)
    names = list(data["dimension"])
    colors = [dimension_color(d) for d in data["id"]]
    bars = alt.Chart(data).mark_bar(cornerRadiusEnd=3).encode(
        x=alt.X("score:Q", scale=alt.Scale(domain=[0, 100]), title=t("chart_score")),
        y=alt.Y("dimension:N", sort=names, title=None, axis=alt.Axis(labelLimit=220),
                scale=alt.Scale(paddingInner=0.25)),
        color=alt.Color("dimension:N", scale=alt.Scale(domain=names, range=colors), legend=None),
        tooltip=[alt.Tooltip("dimension:N", title=t("chart_dimension")),
                 alt.Tooltip("score:Q", title=t("chart_score"), format=".0f")],
    )
    neutral = alt.Chart(pd.DataFrame({"x": [50]})).mark_rule(strokeDash=[4, 3], color="#57606a").encode(x="x:Q")
    return alt.layer(bars, neutral).properties(height=36 * max(1, len(data)) + 80,
                                               title=t("chart_dimensions_title"))
