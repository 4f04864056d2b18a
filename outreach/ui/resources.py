"""Heavy things load once per process (st.cache_resource); an analysis is cached per text+shares."""
from __future__ import annotations

import os

import streamlit as st

import outreach
from outreach.analysis import Analysis, warm
from outreach.rules.loader import RuleBook, load_rulebook, packs_from_env
from outreach import scenarios
from outreach.scenarios import Catalogue
from outreach.segments import SegmentModel, load_model

ENGINE_LANG = "nl"  # the letters and the research are Dutch; the interface language is separate


def active_packs() -> tuple[str, ...]:
    """The organisation folders stacked on the built-in packs (OUTREACH_PACKS, set when starting
    the app: `python3 dev.py app --packs DIR`)."""
    return packs_from_env(os.environ.get("OUTREACH_PACKS"))


@st.cache_resource(show_spinner=False)
def rulebook() -> RuleBook:
    return load_rulebook(ENGINE_LANG, active_packs())


@st.cache_resource(show_spinner=False)
def segment_model() -> SegmentModel:
    return load_model(ENGINE_LANG)


@st.cache_resource(show_spinner=False, ttl=60)
def catalogue() -> Catalogue:
    # A short ttl: scenario files are edited by advisors while the app runs. The folders are read
    # at call time so tests can point them elsewhere.
    return scenarios.load_catalogue(scenarios.SCENARIOS_DIR, scenarios.TEMPLATES_DIR)


@st.cache_resource(show_spinner=False)
def warm_up() -> bool:
    """Load word data and the rule book before the first real letter comes in (analysis.warm)."""
    warm(ENGINE_LANG, active_packs())
    from outreach.advice import pool

    pool.start(ENGINE_LANG, active_packs())  # the "Eerst doen" workers load their data meanwhile
    return True


def analysis(text: str, shares: tuple[tuple[str, float], ...] | None,
             variables: tuple[tuple[str, str], ...] = ()) -> Analysis:
    """outreach.analyze with the active packs, cached on the text, the shares, the scenario's
    variables and the packs (the engine is pure; suggestions name the scenario's facts)."""
    return _analysis(text, shares, variables, active_packs())


@st.cache_data(show_spinner=False, max_entries=128)
def _analysis(text: str, shares, variables, packs: tuple[str, ...]) -> Analysis:
    return outreach.analyze(text, ENGINE_LANG, dict(shares) if shares is not None else None, dict(variables), packs)


def advice(text: str, shares: tuple[tuple[str, float], ...] | None, variables: tuple[tuple[str, str], ...],
           limit: int, session_key: str | None = None):
    """outreach.advise for the "Eerst doen" list: the best `limit` changes, without per-segment plans,
    each measured with the same packs as the letter's analysis, in a worker process
    (outreach.advice.pool): the same Advice as advise() here, but the server's process stays free
    for everyone's verdicts while the candidates are measured.

    `session_key`: a session_state key that remembers this session's last job, so a newer text
    drops the older job if it has not started yet."""
    from outreach.advice import Advice
    from outreach.advice import pool

    job = pool.submit(text, shares, variables, limit, active_packs(), ENGINE_LANG)
    if session_key is not None:
        previous = st.session_state.get(session_key)
        if previous is not None and previous is not job:
            pool.superseded(previous)
        st.session_state[session_key] = job
    fixes, notice = pool.result(job)
    return Advice(analysis(text, shares, variables), fixes, None, {}, notice)


def plans(text: str, shares: tuple[tuple[str, float], ...] | None, variables: tuple[tuple[str, str], ...]):
    """outreach.advise with every candidate measured and the per-segment plans (on request only)."""
    return _plans(text, shares, variables, active_packs())


@st.cache_resource(show_spinner=False, max_entries=16)
def _plans(text: str, shares, variables, packs: tuple[str, ...]):
    return outreach.advise(text, dict(variables), dict(shares) if shares is not None else None,
                           lang=ENGINE_LANG, analysis=analysis(text, shares, variables), packs=packs)


def beat(text: str, rival: str, segment: str, shares: tuple[tuple[str, float], ...] | None,
         variables: tuple[tuple[str, str], ...]):
    """outreach.advice.beat: the fewest changes that lift `text` past `rival` for one segment."""
    return _beat(text, rival, segment, shares, variables, active_packs())


@st.cache_resource(show_spinner=False, max_entries=16)
def _beat(text: str, rival: str, segment: str, shares, variables, packs: tuple[str, ...]):
    from outreach.advice import beat as plan_to_beat

    return plan_to_beat(text, rival, segment, dict(variables), dict(shares) if shares is not None else None,
                        ENGINE_LANG, packs)


def step(text: str, shares: tuple[tuple[str, float], ...] | None, variables: tuple[tuple[str, str], ...],
         count: int):
    """The letter after the best change has been made `count` times (ranked anew each time), and the
    last change made (None at step 0 or when nothing helps any more): the workshop's step-through."""
    letter, last = text, None
    for _ in range(count):
        made = advice(letter, shares, variables, 1)
        if not made.fixes:
            return letter, None
        last = made.fixes[0]
        letter = last.apply(letter)
    return letter, last


# --- workspaces, comparisons, the report, the workshop (issues 5 and 6) --------------------------

@st.cache_resource(show_spinner=False)
def _store(path: str):
    from outreach.store import Store

    return Store(path)


def store():
    """The workspace store of this process (OUTREACH_DATA_DIR or ./data); StoreError if unusable.

    Cached per database path: a test (or a restart) that points OUTREACH_DATA_DIR elsewhere gets
    its own instance. A failed open is not cached, so the next rerun tries again.
    """
    from outreach.store import default_path

    return _store(str(default_path()))


@st.cache_resource(show_spinner=False)
def workshop():
    from outreach.workshop import load_workshop

    return load_workshop(ENGINE_LANG)


@st.cache_data(show_spinner=False, max_entries=256)
def rendered(source: str, variables: tuple[tuple[str, str], ...], name: str) -> str:
    """A template filled in (TemplateProblem is raised, never cached)."""
    from outreach.templating import render

    return render(source, dict(variables), name)


@st.cache_resource(show_spinner=False, max_entries=32)
def comparison(pairs: tuple[tuple[str, str], ...], shares: tuple[tuple[str, float], ...] | None):
    """outreach.compare.compare on (name, letter) pairs; one shared, immutable result per input."""
    from outreach.compare import compare

    return compare([tuple(p) for p in pairs], dict(shares) if shares is not None else None,
                   analyzer=lambda text, _shares: analysis(text, shares))  # reuse cached analyses


@st.cache_data(show_spinner=False, max_entries=16)
def report_files(pairs: tuple[tuple[str, str], ...], shares: tuple[tuple[str, float], ...] | None,
                 title: str, exercise: tuple[tuple[str, str], ...], lang: str = "nl") -> tuple[str, str, str]:
    """(HTML report in the interface language, scores CSV, scores JSON) of a comparison; made once per input."""
    from outreach.report import render_report, scores_csv, scores_json

    result = comparison(pairs, shares)
    scores = scores_csv(result, sep=";", decimal=",")  # as Dutch Excel opens it
    return render_report(result, title, dict(exercise) or None, lang=lang), scores, scores_json(result)
