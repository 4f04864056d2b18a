"""Workshop mode: a presentation-friendly page for design sessions with professionals.

The three segments as persona cards, the mechanisms and interventions of the design sprints, the
one-click "before and after" demo, the value tensions the current letter shows, and the guided
Value Sensitive Design Thinking (VSDT) exercise, which is kept with the workspace and goes into
the report. The research texts are Dutch data (outreach/languages/nl/workshop.toml, segments.toml),
with English beside them (en/workshop.toml, en/segments.toml) for the English interface
(outreach/interface.py); every one of them, like every piece of user text, is escaped before it reaches st.html.
"""
from __future__ import annotations

import logging
from html import escape

import streamlit as st

from outreach import interface
from outreach.analysis import TextTooLong
from outreach.segments import SegmentModelError
from outreach.segments.model import TRAITS
from outreach.store import MAX_EXERCISE_CHARS
from outreach.templating import TemplateProblem
from outreach.ui import fixes, resources, workspace
from outreach.ui.strings import md_escape, number

log = logging.getLogger(__name__)
MECHANISM_PICK = "ui.mechanism_pick"
QUESTION_STARTS = ("hoe kunnen wij", "hoe kunnen we", "how might we", "how can we")



def render(ctx) -> None:
    t = ctx.t
    try:
        data = interface.workshop(resources.workshop(), ctx.lang)
    except Exception:
        log.exception("loading the workshop data failed")
        st.error(t("workshop_load_failed"))
        return
    st.html(f'<div class="oh-present-intro"><b>{escape(t("workshop_title"))}</b>'
            f'<span>{escape(t("workshop_intro"))}</span></div>')
    sections = ((_personas, ()), (_mechanisms, (data,)), (_before_after, ()), (_tensions, (data,)),
                (_exercise, (data,)))
    for draw, args in sections:
        try:
            draw(ctx, *args)
        except Exception:  # one broken section must not hide the others
            log.exception("drawing the workshop section %s failed", draw.__name__)
            st.error(t("internal_error"))


# --- 1. personas --------------------------------------------------------------------------------

LEVEL_CLASSES = {"hoog": "oh-level-high", "laag": "oh-level-low"}



def quotes_html(segment, lang: str, open_tag: str, close_tag: str) -> str:
    """A segment's quotes as HTML, each in open_tag ... close_tag with its source. In English the
    quote is translated; the citizen's own Dutch words stay beside it."""
    return "".join(
        f"{open_tag}“{escape(shown)}”"
        + (f'<span class="oh-small" lang="nl"> (“{escape(said)}”)</span>' if shown != said else "")
        + f"<cite>{escape(source)}</cite>{close_tag}"
        for shown, said, source in interface.quotes(segment.id, segment.quotes, lang))

def persona_html(segment, ctx) -> str:
    t, lang = ctx.t, ctx.lang
    traits = "".join(
        f'<li><span class="oh-trait-name">{escape(t(f"trait_{key}"))}</span> '
        f'<span class="oh-level {LEVEL_CLASSES.get(segment.traits[key].level.lower(), "oh-level-mid")}">'
        f"{escape(t.level(segment.traits[key].level))}</span>"
        f'<div class="oh-trait-text">{escape(interface.trait(segment.id, key, segment.traits[key].text, lang))}</div></li>'
        for key in TRAITS if key in segment.traits)
    quotes = quotes_html(segment, lang, '<blockquote class="oh-persona-quote">', "</blockquote>")
    summary = interface.segment_text(segment.id, "summary", segment.summary, lang)
    return (f'<div class="oh-persona" data-persona="{escape(segment.id)}">'
            f'<div class="oh-persona-head"><span class="oh-persona-name">{escape(segment.name)}</span>'
            f'<span class="oh-persona-share">{escape(number(segment.share, ctx.lang))}%</span></div>'
            f'<div class="oh-small">{escape(t("persona_share", share=number(segment.share, ctx.lang)))}</div>'
            f'<p class="oh-persona-summary">{escape(summary)}</p>'
            f'<ul class="oh-traits">{traits}</ul>'
            f'<div class="oh-small oh-persona-quotes-title">{escape(t("quotes_label"))}</div>{quotes}</div>')


def _personas(ctx) -> None:
    t = ctx.t
    st.header(t("persona_title"))
    st.caption(t("persona_help"))
    for column, segment in zip(st.columns(len(ctx.model.segments), gap="medium"), ctx.model.segments):
        column.html(persona_html(segment, ctx))


# --- 2. mechanisms and interventions ------------------------------------------------------------

def mechanism_html(mechanism, ctx) -> str:
    return (f'<div class="oh-mechanism" data-mechanism="{escape(mechanism.id)}">'
            f'<div class="oh-small">{escape(mechanism.sprint)}</div>'
            f"<h4>{escape(mechanism.name)}</h4><p>{escape(mechanism.text)}</p>"
            f'<div class="oh-intervention"><b>{escape(ctx.t("mechanism_intervention"))}</b> '
            f"{escape(mechanism.intervention)}</div></div>")


def _mechanisms(ctx, data) -> None:
    t = ctx.t
    st.header(t("mechanisms_title"))
    st.caption(t("mechanisms_help"))
    per_row = 2
    items = list(data.mechanisms)
    for row in range(0, len(items), per_row):
        for column, mechanism in zip(st.columns(per_row, gap="medium"), items[row:row + per_row]):
            column.html(mechanism_html(mechanism, ctx))


# --- 3. before and after ------------------------------------------------------------------------

def _before_after(ctx) -> None:
    t = ctx.t
    st.header(t("demo_title"))
    scenario = ctx.scenario.in_lang(ctx.lang) if ctx.scenario is not None else None
    if scenario is None or len(scenario.letters) < 2:
        st.info(t("demo_need_scenario"), icon=":material/info:")
        return
    poor, strong = scenario.letters[0], scenario.letters[-1]
    st.caption(t("demo_help", title=md_escape(scenario.title), before=md_escape(poor.label),
                 after=md_escape(strong.label)))
    st.button(t("demo_button"), key="ui.demo", on_click=workspace.load_before_after, args=(scenario.id,),
              type="primary", icon=":material/compare:")
    try:
        letter = resources.rendered(poor.source, tuple(sorted(ctx.variables.items())), poor.template)
    except TemplateProblem:
        return  # the demo button above says what is wrong when it is clicked
    fixes.render_steps(ctx, letter)


# --- 4. value tensions in the current letter ----------------------------------------------------

def tension_html(view, ctx) -> str:
    t, tension = ctx.t, view.tension
    scores = " · ".join(f"{ctx.titles.get(d, d)} {number(s, ctx.lang)}" for d, s in view.scores.items())
    figures = t("tension_scores", scores=scores, gap=number(view.strength, ctx.lang))
    return (f'<div class="oh-tension" data-tension="{escape(tension.id)}">'
            f'<div class="oh-tension-values">{escape(tension.values[0])} ⇄ {escape(tension.values[1])}</div>'
            f"<p>{escape(tension.text)}</p>"
            f'<div class="oh-small">{escape(figures)}</div>'
            f'<div class="oh-research"><b>{escape(t("tension_research"))}</b> {escape(tension.research)}</div></div>')


def _tensions(ctx, data) -> None:
    from outreach.workshop import tensions

    t = ctx.t
    st.header(t("tensions_title"))
    st.caption(t("tensions_help"))
    slots, names = workspace.slots(), workspace.names()
    slot = workspace._pick(st.segmented_control, t("tensions_pick"), slots, workspace.SELECTED, t.lang,
                           format_func=lambda s: md_escape(names.get(s, s)), required=True)
    text, problem = workspace.letter(slot, ctx.variables)
    if problem is not None:
        st.info(t("template_fix_first"))
        return
    if not text.strip():
        st.info(t("tensions_empty"), icon=":material/edit_note:")
        return
    shares = tuple(sorted(ctx.shares.items())) if ctx.shares is not None else None
    try:
        result = resources.analysis(text, shares, tuple(sorted(ctx.variables.items())))
    except (TextTooLong, SegmentModelError) as err:
        st.error(md_escape(str(err)))
        return
    found = tensions(data, result.dimensions)
    if not found:
        st.success(t("tensions_none", high=number(data.high, ctx.lang), low=number(data.low, ctx.lang)),
                   icon=":material/balance:")
        return
    for view in found:
        st.html(tension_html(view, ctx))


# --- 5. the VSDT exercise -----------------------------------------------------------------------

def _use_mechanism(data) -> None:
    chosen = st.session_state.get(MECHANISM_PICK)
    mechanism = next((m for m in data.mechanisms if m.id == chosen), None)
    if mechanism is not None:
        st.session_state[workspace.exercise_key("mechanism")] = f"{mechanism.name}: {mechanism.text}"


def _exercise(ctx, data) -> None:
    t = ctx.t
    st.header(t("exercise_title"))
    st.caption(t("exercise_help"))
    for step in data.steps:
        key = workspace.exercise_key(step.id)
        st.session_state.setdefault(key, "")
        with st.container(border=True):
            st.markdown(f"**{md_escape(step.title)}**")
            st.caption(md_escape(step.prompt))
            if step.id == "mechanism":
                options = ["", *(m.id for m in data.mechanisms)]
                names = {m.id: m.name for m in data.mechanisms}
                st.selectbox(t("exercise_mechanism_pick"), options, key=MECHANISM_PICK,
                             format_func=lambda mid: names.get(mid, t("exercise_mechanism_own")),
                             on_change=_use_mechanism, args=(data,))
            placeholder = (t("exercise_example", example=step.example) if step.example
                           else t(f"exercise_placeholder_{step.id}") if t.has(f"exercise_placeholder_{step.id}")
                           else t("exercise_placeholder"))
            value = st.text_area(md_escape(step.title), key=key, height=110 if step.id != "design_question" else 80,
                                 max_chars=MAX_EXERCISE_CHARS, placeholder=placeholder,
                                 label_visibility="collapsed", persist_state="session") or ""
            if step.id == "design_question" and value.strip() and not value.strip().lower().startswith(QUESTION_STARTS):
                st.caption(t("exercise_question_hint"))
    st.caption(t("exercise_saved"))
