"""The comparison view: 2-4 variants per segment and on reach, what each fixed and introduced
against A, the word-level changes, a grouped chart, and the report/CSV/JSON downloads.

All judgements come from outreach.compare; this module only draws them. Every piece of user text
(variant names, letter words, rule messages) is escaped before it reaches st.html.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from html import escape

import streamlit as st

from outreach import interface
from outreach.compare import TIE_MARGIN, CompareError, Comparison
from outreach.formatting import FALLBACK_COLOR, VARIANT_COLORS, VERDICT_COLORS, variant_label
from outreach.segments import SegmentModelError
from outreach.ui import charts, fixes, resources, workspace
from outreach.ui.highlight import css_token
from outreach.ui.strings import md_escape, number
from outreach.ui.style import VERDICT_ICONS
from outreach.ui.variants import safe_filename

log = logging.getLogger(__name__)
TOP = "oh-compare-top"  # the container around the comparison's title



def _delta(value: float, lang: str) -> str:
    if abs(value) < 0.05:
        return "±0"
    digits = 0 if float(value).is_integer() else 1
    return ("+" if value > 0 else "−") + number(abs(value), lang, digits)


def _shown(score: float) -> float:
    """A score as the table shows it (rounded like `number`), so a delta matches the numbers beside it."""
    return float(number(score, "en"))


def shares_key(ctx) -> tuple[tuple[str, float], ...] | None:
    return tuple(sorted(ctx.shares.items())) if ctx.shares is not None else None


def letters(ctx) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(compared (name, letter) pairs in variant order, left-out (name, catalogue key of the reason))."""
    pairs, left_out = [], []
    names = workspace.names()
    for slot in workspace.slots():
        text, problem = workspace.letter(slot, ctx.variables)
        if problem is not None:
            left_out.append((names[slot], "compare_left_out_template"))
        elif not text.strip():
            left_out.append((names[slot], "compare_left_out_empty"))
        else:
            pairs.append((names[slot], text))
    return pairs, left_out


def variant_labels(result: Comparison) -> list[str]:
    return [f"{variant_label(i)} · {name}" for i, name in enumerate(result.names)]


def render(ctx) -> None:
    t = ctx.t
    with st.container(key=TOP):
        st.subheader(t("compare_title"))
    st.caption(t("compare_help", margin=number(TIE_MARGIN, t.lang, 1)))
    pairs, left_out = letters(ctx)
    for name, reason in left_out:
        st.caption(t(reason, name=md_escape(name)))
    if len(pairs) < 2:
        st.info(t("compare_need_two"), icon=":material/compare_arrows:")
        return
    shares = shares_key(ctx)
    try:
        result = resources.comparison(tuple(pairs), shares)
    except (CompareError, SegmentModelError) as err:
        st.error(t("compare_failed", message=md_escape(str(err))))
        return
    except Exception:
        log.exception("comparing the variants failed")
        st.error(t("internal_error"))
        return
    try:
        st.html(headline_html(result, ctx))
        st.html(table_html(result, ctx))
        _chart(result, ctx)
        fixes.render_beat(pairs, shares, ctx)
        _downloads(pairs, shares, ctx)
        _changes(result, ctx)
    except Exception:
        log.exception("drawing the comparison failed")
        st.error(t("internal_error"))


def _outcome(winner: str | None, tie: tuple[str, ...], names: tuple[str, ...], t) -> str:
    """The last column: the winner's letter (names are in the header), or the tie."""
    if winner is not None:
        return f"★ {variant_label(names.index(winner))}"
    return t("compare_tie", names=", ".join(variant_label(names.index(n)) for n in tie))


def headline_html(result: Comparison, ctx) -> str:
    t, lang = ctx.t, ctx.lang
    reach, names = result.reach, result.names
    if reach.winner is not None:
        i = names.index(reach.winner)
        text = t("compare_headline_winner", name=f"{variant_label(i)} · {reach.winner}",
                 score=number(reach.scores[i], lang), share=number(reach.lands_well_shares[i] * 100, lang))
        css = "oh-headline oh-win"
    else:
        text = t("compare_headline_tie", names=", ".join(variant_label(names.index(n)) for n in reach.tie))
        css = "oh-headline oh-tie"
    wins = {}
    for seg in result.segments.values():
        if seg.winner is not None:
            wins.setdefault(seg.winner, []).append(seg.name)
    detail = "; ".join(t("compare_headline_segments", name=variant_label(names.index(n)), segments=", ".join(segs))
                       for n, segs in wins.items())
    winner = escape(reach.winner or "")
    return (f'<div class="{css}" data-reach-winner="{winner}"><b>{escape(text)}</b>'
            + (f'<div class="oh-small">{escape(detail)}</div>' if detail else "") + "</div>")


def _cell(score: float, delta: float, verdict: str, verdict_label: str, first: bool, won: bool, lang: str,
          below: str = "") -> str:
    """One score: the number, its delta against A, a star for the winner, and the verdict (or `below`)."""
    color = VERDICT_COLORS.get(verdict, FALLBACK_COLOR)
    sign = "oh-pos" if delta > 0 else "oh-neg" if delta < 0 else ""
    delta_html = "" if first else f' <span class="oh-delta {sign}">({escape(_delta(delta, lang))})</span>'
    badge = (f'<span class="oh-verdict" style="background:{color}">{VERDICT_ICONS.get(verdict, "")} '
             f"{escape(verdict_label)}</span>") if verdict else below
    crown = ' <span class="oh-crown" title="★">★</span>' if won else ""
    return (f'<td class="oh-cmp-cell{" oh-cmp-win" if won else ""}"><span class="oh-cmp-score">'
            f'{escape(number(score, lang))}</span>{delta_html}{crown}<br>{badge}</td>')


def table_html(result: Comparison, ctx) -> str:
    """Per segment (and reach) each variant's score, verdict and delta against A, and the winner."""
    t, lang, names = ctx.t, ctx.lang, result.names
    head = "".join(f'<th><span class="oh-vlabel" style="background:{VARIANT_COLORS[i]}">{variant_label(i)}</span> '
                   f"{escape(name)}</th>" for i, name in enumerate(names))
    rows = []
    for sid, seg in result.segments.items():
        cells = "".join(_cell(seg.scores[i], _shown(seg.scores[i]) - _shown(seg.scores[0]), seg.verdicts[i],
                              ctx.verdict_labels.get(seg.verdicts[i], seg.verdict_labels[i]), i == 0,
                              seg.winner == name, lang) for i, name in enumerate(names))
        rows.append(f'<tr data-segment="{escape(sid)}" {_outcome_attrs(seg, names)}>'
                    f'<th scope="row">{escape(seg.name)}<br><span class="oh-small">'
                    f'{escape(t("share_of", share=number(seg.share * 100, lang)))}</span></th>{cells}'
                    f"<td>{escape(_outcome(seg.winner, seg.tie, names, t))}</td></tr>")
    reach = result.reach
    cells = "".join(
        _cell(reach.scores[i], _shown(reach.scores[i]) - _shown(reach.scores[0]), "", "", i == 0,
              reach.winner == name, lang,
              below=f'<span class="oh-small">'
                    f'{escape(t("compare_lands_well", share=number(reach.lands_well_shares[i] * 100, lang)))}</span>')
        for i, name in enumerate(names))
    rows.append(f'<tr class="oh-cmp-reach" data-segment="reach" {_outcome_attrs(reach, names)}>'
                f'<th scope="row">{escape(t("compare_reach"))}<br><span class="oh-small">'
                f'{escape(t("compare_reach_help"))}</span></th>{cells}'
                f"<td>{escape(_outcome(reach.winner, reach.tie, names, t))}</td></tr>")
    return (f'<div class="oh-scroll"><table class="oh-table oh-cmp"><thead><tr><th>{escape(t("chart_segment"))}</th>'
            f'{head}<th>{escape(t("compare_best"))}</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
            f'<div class="oh-small">{escape(t("compare_table_help"))}</div>')


def _outcome_attrs(result, names: tuple[str, ...]) -> str:
    """data-winner / data-tie of a row: variant positions, for tests and styling."""
    winner = "" if result.winner is None else str(names.index(result.winner))
    tie = ",".join(str(names.index(n)) for n in result.tie)
    return f'data-winner="{winner}" data-tie="{tie}"'


def _chart(result: Comparison, ctx) -> None:
    t = ctx.t
    shown = variant_labels(result)
    groups = [seg.name for seg in result.segments.values()] + [t("compare_reach")]
    thresholds = (ctx.model.turns_away, ctx.model.lands_well)
    spec = charts.comparison_spec(ctx.lang, shown, groups, thresholds)
    frame = charts.comparison_frame(result, shown, t("compare_reach"), ctx.verdict_labels)
    st.vega_lite_chart(spec=charts.with_data(spec, charts.COMPARISON_DATA, frame), width="stretch")
    st.caption(t("chart_segments_help", low=number(thresholds[0], ctx.lang), high=number(thresholds[1], ctx.lang)))


@dataclass(frozen=True, slots=True)
class RuleChange:
    """The problems of one rule that a variant fixed (or introduced), taken together."""
    rule: str
    dimension: str
    message: str
    matches: tuple[str, ...]
    count: int
    points: float


def by_rule(changes) -> list[RuleChange]:
    """Changes grouped per rule, the weightiest first (a rule that fired three times is one line)."""
    groups: dict[str, list] = {}
    for change in changes:
        groups.setdefault(change.rule, []).append(change)
    found = []
    for rule, items in groups.items():
        matches = tuple(dict.fromkeys(c.match for c in items if c.match))
        found.append(RuleChange(rule, items[0].dimension, items[0].message, matches, len(items),
                                round(sum(c.points for c in items), 1)))
    return sorted(found, key=lambda g: (-abs(g.points), g.rule))


def changes_html(items, css: str, ctx) -> str:
    if not items:
        return f'<div class="oh-small">{escape(ctx.t("compare_none"))}</div>'
    lis = []
    for group in by_rule(items):
        dim = css_token(group.dimension)
        shown = [m if len(m) <= 60 else m[:59] + "…" for m in group.matches[:3]]
        match = "".join(f" <q>{escape(m)}</q>" for m in shown)
        if len(group.matches) > 3:
            match += " …"
        count = f'<span class="oh-count">×{group.count}</span>' if group.count > 1 else ""
        lis.append(f'<li class="{css} oh-d-{dim}" data-rule="{escape(group.rule)}"><span class="oh-chip">'
                   f"{escape(ctx.titles.get(group.dimension, group.dimension))}</span>{count}{match} "
                   f'<span class="oh-pts {"oh-neg" if group.points < 0 else "oh-pos"}">'
                   f"{escape(_delta(group.points, ctx.lang))}</span> "
                   f"{escape(interface.message(group.rule, group.message, ctx.lang))}</li>")
    return f'<ul class="oh-changes">{"".join(lis)}</ul>'


def changes_heading(changes, kind: str, t) -> str:
    """'Fixed: 42 findings (33 different)': the findings counted, and how many kinds the list shows
    (one line per rule). Never the word "rule": to an advisor a "regel" is a line of the letter."""
    count, kinds = len(changes), len(by_rule(changes))
    if kind == "fixed":
        heading = t("compare_fixed_one") if count == 1 else t("compare_fixed", count=count)
    else:
        heading = t("compare_introduced_one") if count == 1 else t("compare_introduced", count=count)
    if kinds not in (0, count):
        heading += " " + t("compare_kinds", count=kinds)
    return heading


def _changes(result: Comparison, ctx) -> None:
    t, names = ctx.t, result.names
    st.subheader(t("compare_changes_title"))
    st.caption(t("compare_changes_help"))
    for i, name in enumerate(names[1:], start=1):
        fixed, introduced = result.fixed[name], result.introduced[name]
        with st.container(border=True):
            st.markdown(f"**{md_escape(variant_label(i))} · {md_escape(name)}** "
                        f"{t('compare_against', base=md_escape(f'{variant_label(0)} · {names[0]}'))}")
            left, right = st.columns(2)
            with left:
                st.markdown(f"✓ **{changes_heading(fixed, 'fixed', t)}**")
                st.html(changes_html(fixed, "oh-fixed", ctx))
            with right:
                st.markdown(f"✕ **{changes_heading(introduced, 'introduced', t)}**")
                st.html(changes_html(introduced, "oh-introduced", ctx))
            diff = result.diffs[name]
            with st.expander(t("compare_diff", name=md_escape(f"{variant_label(i)} · {name}")), expanded=True):
                if diff.changed:
                    st.html(f'<div class="oh-diff" data-variant="{i}">{diff.html()}</div>')  # escaped by compare
                    st.caption(t("compare_diff_legend"))
                else:
                    st.caption(t("compare_diff_same"))


def _downloads(pairs: list[tuple[str, str]], shares, ctx) -> None:
    t = ctx.t
    st.subheader(t("compare_share_title"))
    st.caption(t("compare_share_help"))
    title = workspace.shown_name(workspace.draft().name, t)
    exercise = tuple(sorted((workspace.exercise() or {}).items()))
    html, csv, json_text = resources.report_files(tuple(pairs), shares, title, exercise, ctx.lang)
    a, b, c = st.columns(3)
    a.download_button(t("download_report"), data=html.encode("utf-8"), mime="text/html",
                      file_name=safe_filename(title, "html", "vergelijking"), key="cmp.report",
                      on_click="ignore", icon=":material/description:", type="primary", width="stretch")
    b.download_button(t("download_scores_csv"), data=csv.encode("utf-8-sig"), mime="text/csv",
                      file_name=safe_filename(title + "-scores", "csv", "scores"), key="cmp.csv",
                      on_click="ignore", icon=":material/table:", width="stretch")
    c.download_button(t("download_scores_json"), data=json_text.encode("utf-8"), mime="application/json",
                      file_name=safe_filename(title + "-scores", "json", "scores"), key="cmp.json",
                      on_click="ignore", icon=":material/data_object:", width="stretch")
