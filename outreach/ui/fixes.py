""""Eerst doen": the few changes that help the letter most (outreach.advise), applied and undone
with one click. Presentation only: which changes and what they do come from the engine."""
from __future__ import annotations

import logging
from html import escape

import streamlit as st

from outreach import interface
from outreach.analysis import Analysis
from outreach.ui import facts, resources, workspace, writing
from outreach.ui.strings import Strings, number

log = logging.getLogger(__name__)

SHOWN = 5
SNIPPET = 160  # characters of the replaced or new text shown per change
UNDO_DEPTH = 20
JOB_KEY = "ui.fix_job"  # this session's last "Eerst doen" job (a newer text drops it if not started)


def _key(vid: str, name: str) -> str:
    """Keyed like the variant's editor: by the open workspace's id and the slot."""
    return workspace.slot_key(vid, name)


def effect_text(effect: dict, t: Strings, verdict_labels: dict[str, str]) -> str:
    """"+12 bereik; Voorzichtige Verbinders van Twijfel naar Komt goed aan" in the interface language."""
    reach = effect["reach"]
    parts = [t("fix_effect_reach", points=number(reach, t.lang, 0 if abs(reach) >= 1 else 1, signed=True))]
    parts += [t("fix_effect_verdict", segment=c["name"], before=verdict_labels.get(c["from"], c["from_label"]),
                after=verdict_labels.get(c["to"], c["to_label"])) for c in effect["verdict_changes"]]
    return "; ".join(parts)


def snippet(text: str, limit: int = SNIPPET) -> str:
    """The text on one line, at most `limit` characters: cut after the last whole word that fits,
    with an ellipsis (a word longer than the limit is cut inside it)."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    if flat[limit] != " " and " " in cut:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def _apply(vid: str, letter: str, start: int, end: int, replacement: str) -> None:
    key = _key(vid, "text")
    current = st.session_state.get(key, "")
    if current != letter:  # the letter changed since the list was made: its offsets no longer hold
        st.session_state[_key(vid, "fix_stale")] = True
        return
    st.session_state.pop(_key(vid, "fix_stale"), None)
    undo = st.session_state.setdefault(_key(vid, "fix_undo"), [])
    undo.append(current)
    del undo[:-UNDO_DEPTH]
    st.session_state[key] = current[:start] + replacement + current[end:]
    writing.changed(vid)  # saved and kept as a version, like a typed change


def _undo(vid: str) -> None:
    undo = st.session_state.get(_key(vid, "fix_undo")) or []
    if undo:
        st.session_state[_key(vid, "text")] = undo.pop()
        writing.changed(vid)
    st.session_state.pop(_key(vid, "fix_stale"), None)


def steps_html(plan, lang: str) -> str:
    """A plan's changes, each with what it adds to the group's score (reasons in the interface language)."""
    rows = "".join(f"<li><b>{escape(number(f.effect.segments[plan.segment], lang, 0, signed=True))}</b> "
                   f"{escape(interface.fix_reason(f.reason, f.rules, lang))}</li>" for f in plan.fixes)
    return f'<ol class="oh-plan">{rows}</ol>'


def marked(text: str) -> str:
    """The text escaped, with each placeholder to fill in ("[telefoonnummer]", "{{ telefoon }}") marked."""
    out, at = [], 0
    for m in facts.PLACEHOLDER.finditer(text):
        out.append(escape(text[at:m.start()]))
        out.append(f'<mark class="oh-fill">{escape(m.group(0))}</mark>')
        at = m.end()
    out.append(escape(text[at:]))
    return "".join(out)


def _apply_plan(vid: str, letter: str, improved: str) -> None:
    _apply(vid, letter, 0, len(letter), improved)


def _plan_section(vid: str, result: Analysis, ctx, shares, editable: bool, example: dict[str, str]) -> None:
    """Per segment, on request: the fewest changes that move it up one verdict (greedy, measured)."""
    t = ctx.t
    waiting = [r for r in result.segments.values() if r.verdict != "lands_well"]
    if not waiting:
        return
    with st.expander(t("plan_title")):
        names = {r.segment: r.name for r in waiting}
        chosen = st.selectbox(t("plan_pick"), list(names), format_func=names.get, key=_key(vid, "plan_segment"))
        if not st.toggle(t("plan_show"), key=_key(vid, "plan_on")):
            return
        with st.spinner(t("plan_busy")):
            plan = resources.plans(result.text, shares, tuple(sorted(ctx.variables.items()))).plans.get(chosen)
        if plan is None or not plan.fixes:
            st.caption(t("plan_nothing", segment=names[chosen]))
            return
        goal = ctx.verdict_labels.get(plan.goal, plan.goal_label)
        st.markdown(t("plan_reached" if plan.reached else "plan_not_reached", segment=names[chosen], goal=goal,
                      count=len(plan.fixes)))
        st.html(steps_html(plan, t.lang))
        improved = facts.unfilled(plan.text, example)
        if len(facts.PLACEHOLDER.findall(improved)) > len(facts.PLACEHOLDER.findall(result.text)):
            st.caption(t("fix_fill_in" if editable else "fix_fill_in_template"))
        if editable:
            st.button(t("plan_apply"), key=_key(vid, "plan_apply"), on_click=_apply_plan,
                      args=(vid, result.text, improved))


def render(vid: str, result: Analysis, ctx, editable: bool, example: dict[str, str] | None = None) -> None:
    """The list, above the highlighted letter. `editable`: the analysed letter is the editor's text
    (not a filled-in template), so a change can be made in it. `example`: the scenario's example
    values the letter does not contain, with their placeholders (facts.example_facts): a change
    shows and puts in the placeholder, never the example's name or phone number."""
    example = example or {}
    t = ctx.t
    shares = tuple(sorted(ctx.shares.items())) if ctx.shares is not None else None
    st.subheader(t("fixes_title"))
    try:
        advice = resources.advice(result.text, shares, tuple(sorted(ctx.variables.items())), SHOWN, JOB_KEY)
    except Exception:  # the rest of the page (cards, findings) still shows
        log.exception("advice failed")
        st.caption(t("internal_error"))
        return
    undo = st.session_state.get(_key(vid, "fix_undo")) or []
    if undo:
        st.button(t("fix_undo"), key=_key(vid, "fix_undo_button"), on_click=_undo, args=(vid,),
                  icon=":material/undo:")
    if st.session_state.get(_key(vid, "fix_stale")):
        st.info(t("fix_stale"))
    if advice.notice:
        st.caption(t("fixes_too_long"))
        return
    if advice.best_already:
        st.caption(t("fixes_none"))
        return
    _plan_section(vid, result, ctx, shares, editable, example)
    st.caption(t("fixes_help") if editable else t("fixes_template"))
    shown_fixes = [interface.fix(f, t.lang) for f in advice.fixes]
    replacements = [facts.unfilled(f.replacement, example) for f in shown_fixes]
    if any(facts.placeholders_in(r) for r in replacements):
        st.caption(t("fix_fill_in" if editable else "fix_fill_in_template"))
    for i, (fix, replacement) in enumerate(zip(shown_fixes, replacements)):
        effect = effect_text(fix.effect.to_dict(), t, ctx.verdict_labels)
        # One row: the text takes what the button (as wide as its label, never cut off) leaves; on a
        # phone the button goes under the text (style.py, .st-key-oh-fixrow-).
        row = st.container(horizontal=True, vertical_alignment="center", gap="small", wrap=False,
                           key=f"oh-fixrow-{vid}-{i}")
        shown = snippet(replacement or fix.original)
        what = t("fix_new" if replacement.strip() else "fix_gone")
        row.html(f'<div class="oh-fix" data-fix="{i}"><b>{escape(effect)}</b><br>{escape(fix.reason)}'
                 f'<div class="oh-small">{escape(what)}: “{marked(shown)}”</div></div>')
        if editable:
            row.button(t("fix_apply"), key=_key(vid, f"fix_apply_{i}"), on_click=_apply,
                       args=(vid, result.text, fix.start, fix.end, replacement), width="content")


def render_beat(pairs: list[tuple[str, str]], shares, ctx) -> None:
    """In the comparison, on request: what would make another variant beat A for one group."""
    t = ctx.t
    with st.expander(t("beat_title")):
        names = [name for name, _ in pairs]
        pick, group = st.columns(2)
        which = pick.selectbox(t("beat_variant"), range(1, len(pairs)), format_func=lambda i: names[i],
                               key="ui.beat_variant")
        segments = {s.id: s.name for s in ctx.model.segments}
        segment = group.selectbox(t("plan_pick"), list(segments), format_func=segments.get, key="ui.beat_segment")
        if not st.toggle(t("plan_show"), key="ui.beat_on"):
            return
        with st.spinner(t("plan_busy")):
            plan = resources.beat(pairs[which][1], pairs[0][1], segment, shares,
                                  tuple(sorted(ctx.variables.items())))
        values = dict(variant=names[which], rival=names[0], segment=segments[segment], score=plan.goal_label,
                      count=len(plan.fixes))
        if plan.reached and not plan.fixes:
            st.caption(t("beat_already", **values))
            return
        st.markdown(t("beat_reached" if plan.reached else "beat_not_reached", **values))
        if plan.fixes:
            st.html(steps_html(plan, t.lang))


STEP_KEY = "ui.steps"


def _step(delta: int) -> None:
    st.session_state[STEP_KEY] = max(0, int(st.session_state.get(STEP_KEY, 0)) + delta)


def cards_html(result: Analysis, ctx) -> str:
    cards = "".join(
        f'<div class="oh-step-card" data-segment="{escape(r.segment)}" data-verdict="{escape(r.verdict)}">'
        f"<b>{escape(r.name)}</b><div class=\"oh-score\">{escape(number(r.score, ctx.lang))}</div>"
        f"{escape(ctx.verdict_labels.get(r.verdict, r.verdict_label))}</div>" for r in result.segments.values())
    reach = escape(number(result.reach.score, ctx.lang)) if result.reach else ""
    return f'<div class="oh-strip">{cards}</div><div class="oh-small">{escape(ctx.t("steps_reach", score=reach))}</div>'


def render_steps(ctx, letter: str) -> None:
    """Workshop: step through the best changes of a letter one by one and watch the cards move."""
    t = ctx.t
    st.subheader(t("steps_title"))
    st.caption(t("steps_help"))
    shares = tuple(sorted(ctx.shares.items())) if ctx.shares is not None else None
    variables = tuple(sorted(ctx.variables.items()))
    count = int(st.session_state.get(STEP_KEY, 0))
    with st.spinner(t("plan_busy")):
        text, last = resources.step(letter, shares, variables, count)
        _, following = resources.step(letter, shares, variables, count + 1)
    back, forward, again = st.columns(3)
    back.button(t("steps_back"), key="ui.steps_back", on_click=_step, args=(-1,), disabled=count == 0,
                width="stretch")
    forward.button(t("steps_next"), key="ui.steps_next", on_click=_step, args=(1,), disabled=following is None,
                   type="primary", width="stretch")
    again.button(t("steps_reset"), key="ui.steps_reset", on_click=_step, args=(-count,), disabled=count == 0,
                 width="stretch")
    st.html(cards_html(resources.analysis(text, shares, variables), ctx))
    if last is not None:
        st.markdown(t("steps_at", n=count, effect=effect_text(last.effect.to_dict(), t, ctx.verdict_labels),
                      reason=interface.fix_reason(last.reason, last.rules, t.lang)))
    elif count:
        st.caption(t("fixes_none"))
    if following is None and count == 0:
        st.caption(t("fixes_none"))
    with st.expander(t("steps_letter")):
        st.text(text)
