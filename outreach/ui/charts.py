"""Altair charts of one analysis: the score per segment, and the profile over the six dimensions.

A chart's design depends only on the interface language and the segment model, its data on the
letter. So the Altair chart is built (and validated) once per design against a *named* dataset,
and each rerun only attaches the new rows: `with_data(spec, name, frame)`. That keeps Altair's
schema validation (tens of milliseconds) out of the rerun after every edit.
"""
from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from functools import lru_cache

import altair as alt
import pandas as pd

from outreach.analysis import Analysis
from outreach.formatting import VARIANT_COLORS, VERDICT_COLORS, dimension_color

Translate = Callable[..., str]
VERDICTS = ("lands_well", "doubtful", "turns_away")
SEGMENTS_DATA = "segments"
DIMENSIONS_DATA = "dimensions"


def segment_frame(analysis: Analysis, verdict_labels: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame([{
        "segment": r.name,
        "score": float(r.score),
        "share": round(r.share * 100, 1),
        "verdict": verdict_labels.get(r.verdict, r.verdict),
    } for r in analysis.segments.values()], columns=["segment", "score", "share", "verdict"])


def dimension_frame(analysis: Analysis, titles: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame([{
        "dimension": titles.get(dim, score.title),
        "id": dim,
        "score": float(score.score),
    } for dim, score in analysis.dimensions.items()], columns=["dimension", "id", "score"])


def segment_chart(verdict_labels: dict[str, str], thresholds: tuple[float, float], order: Sequence[str],
                  t: Translate) -> alt.LayerChart:
    """Horizontal bars, one per segment (in `order`), coloured by verdict, with the two thresholds."""
    labels = [verdict_labels.get(v, v) for v in VERDICTS]
    bars = alt.Chart().mark_bar(cornerRadiusEnd=3).encode(
        x=alt.X("score:Q", scale=alt.Scale(domain=[0, 100]), title=t("chart_score")),
        y=alt.Y("segment:N", sort=list(order), title=None, axis=alt.Axis(labelLimit=220),
                scale=alt.Scale(paddingInner=0.3)),
        color=alt.Color("verdict:N", scale=alt.Scale(domain=labels, range=[VERDICT_COLORS[v] for v in VERDICTS]),
                        legend=alt.Legend(title=None, orient="bottom")),
        tooltip=[alt.Tooltip("segment:N", title=t("chart_segment")),
                 alt.Tooltip("score:Q", title=t("chart_score"), format=".0f"),
                 alt.Tooltip("share:Q", title=t("chart_share"), format=".0f"),
                 alt.Tooltip("verdict:N", title=t("chart_verdict"))],
    )
    rules = alt.Chart(alt.InlineData(values=[{"x": float(x)} for x in thresholds])).mark_rule(
        strokeDash=[4, 3], color="#57606a").encode(x="x:Q")
    labels_layer = _score_labels(bars)
    # Streamlit fits title, axis and legend into the height: leave room for them.
    return alt.layer(bars, labels_layer, rules, data=alt.NamedData(name=SEGMENTS_DATA)).properties(
        height=56 * max(1, len(order)) + 110, title=t("chart_segments_title"))


def _score_labels(bars: alt.Chart) -> alt.Chart:
    """The score as a number just right of each bar (a bar of 0 is otherwise invisible)."""
    return bars.mark_text(align="left", baseline="middle", dx=4, fontWeight="bold", color="#1f2328").encode(
        text=alt.Text("score:Q", format=".0f"), color=alt.value("#1f2328"))


def dimension_chart(titles: dict[str, str], t: Translate) -> alt.LayerChart:
    """The dimension scores as bars in each dimension's colour, with the neutral line at 50."""
    names = list(titles.values())
    bars = alt.Chart().mark_bar(cornerRadiusEnd=3).encode(
        x=alt.X("score:Q", scale=alt.Scale(domain=[0, 100]), title=t("chart_score")),
        y=alt.Y("dimension:N", sort=names, title=None, axis=alt.Axis(labelLimit=220),
                scale=alt.Scale(paddingInner=0.25)),
        color=alt.Color("dimension:N", scale=alt.Scale(domain=names, range=[dimension_color(d) for d in titles]),
                        legend=None),
        tooltip=[alt.Tooltip("dimension:N", title=t("chart_dimension")),
                 alt.Tooltip("score:Q", title=t("chart_score"), format=".0f")],
    )
    neutral = alt.Chart(alt.InlineData(values=[{"x": 50.0}])).mark_rule(
        strokeDash=[4, 3], color="#57606a").encode(x="x:Q")
    return alt.layer(bars, _score_labels(bars), neutral, data=alt.NamedData(name=DIMENSIONS_DATA)).properties(
        height=36 * max(1, len(names)) + 80, title=t("chart_dimensions_title"))


@lru_cache(maxsize=32)
def _spec(kind: str, lang: str, labels: tuple, thresholds: tuple, order: tuple) -> dict:
    from outreach.ui.strings import Strings

    t = Strings(lang)
    if kind == SEGMENTS_DATA:
        return segment_chart(dict(labels), thresholds, order, t).to_dict()  # validated here, once
    return dimension_chart(dict(labels), t).to_dict()


def segment_spec(lang: str, verdict_labels: dict[str, str], thresholds: tuple[float, float],
                 order: Sequence[str]) -> dict:
    return _spec(SEGMENTS_DATA, lang, tuple(verdict_labels.items()), tuple(thresholds), tuple(order))


def dimension_spec(lang: str, titles: dict[str, str]) -> dict:
    return _spec(DIMENSIONS_DATA, lang, tuple(titles.items()), (), ())


def with_data(spec: dict, name: str, frame: pd.DataFrame) -> dict:
    """A copy of a chart spec with the rows of its named dataset filled in."""
    filled = copy.deepcopy(spec)  # Streamlit may adjust the spec it is given; keep the cached one clean
    filled["datasets"] = {**spec.get("datasets", {}), name: frame.to_dict("records")}
    return filled


# --- comparison of variants: grouped bars (issue 5) ---------------------------------------------

COMPARISON_DATA = "comparison"


def comparison_frame(comparison, variant_labels: Sequence[str], reach_label: str,
                     verdict_labels: dict[str, str]) -> pd.DataFrame:
    """One row per segment (and the reach) x variant; `variant_labels` in variant order."""
    rows = []
    for seg in comparison.segments.values():
        for i, shown in enumerate(variant_labels):
            rows.append({"group": seg.name, "variant": shown, "score": float(seg.scores[i]),
                         "delta": float(seg.deltas[i]),
                         "verdict": verdict_labels.get(seg.verdicts[i], seg.verdict_labels[i])})
    reach = comparison.reach
    for i, shown in enumerate(variant_labels):
        rows.append({"group": reach_label, "variant": shown, "score": float(reach.scores[i]),
                     "delta": float(reach.deltas[i]), "verdict": ""})
    return pd.DataFrame(rows, columns=["group", "variant", "score", "delta", "verdict"])


def comparison_chart(variant_labels: Sequence[str], groups: Sequence[str], thresholds: tuple[float, float],
                     t: Translate) -> alt.LayerChart:
    """Per segment and for the reach a group of bars, one per variant, with the two thresholds."""
    variant_labels, groups = list(variant_labels), list(groups)
    bars = alt.Chart().mark_bar(cornerRadiusEnd=3).encode(
        x=alt.X("score:Q", scale=alt.Scale(domain=[0, 100]), title=t("chart_score")),
        y=alt.Y("group:N", sort=groups, title=None, axis=alt.Axis(labelLimit=220),
                scale=alt.Scale(paddingInner=0.25)),
        yOffset=alt.YOffset("variant:N", sort=variant_labels),
        color=alt.Color("variant:N", scale=alt.Scale(domain=variant_labels,
                                                     range=list(VARIANT_COLORS[:len(variant_labels)])),
                        # two long names side by side run past the chart's right edge: one per line then
                        legend=alt.Legend(title=None, orient="bottom", labelLimit=480,
                                          columns=2 if max(map(len, variant_labels), default=0) <= 32 else 1)),
        tooltip=[alt.Tooltip("group:N", title=t("chart_segment")),
                 alt.Tooltip("variant:N", title=t("chart_variant")),
                 alt.Tooltip("score:Q", title=t("chart_score"), format=".0f"),
                 alt.Tooltip("delta:Q", title=t("chart_delta"), format="+.1f"),
                 alt.Tooltip("verdict:N", title=t("chart_verdict"))],
    )
    rules = alt.Chart(alt.InlineData(values=[{"x": float(x)} for x in thresholds])).mark_rule(
        strokeDash=[4, 3], color="#57606a").encode(x="x:Q")
    per_group = 20 * len(variant_labels) + 22
    return alt.layer(bars, _score_labels(bars), rules, data=alt.NamedData(name=COMPARISON_DATA)).properties(
        height=per_group * max(1, len(groups)) + 130, title=t("chart_comparison_title"))


@lru_cache(maxsize=32)
def _comparison_spec(lang: str, variant_labels: tuple, groups: tuple, thresholds: tuple) -> dict:
    from outreach.ui.strings import Strings

    return comparison_chart(variant_labels, groups, thresholds, Strings(lang)).to_dict()


def comparison_spec(lang: str, variant_labels: Sequence[str], groups: Sequence[str],
                    thresholds: tuple[float, float]) -> dict:
    return _comparison_spec(lang, tuple(variant_labels), tuple(groups), tuple(thresholds))
