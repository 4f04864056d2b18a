"""Heavy things load once per process (st.cache_resource); an analysis is cached per text+shares."""
from __future__ import annotations

import streamlit as st

import outreach
from outreach.analysis import Analysis
from outreach.rules.loader import RuleBook, load_rulebook
from outreach import scenarios
from outreach.scenarios import Catalogue
from outreach.segments import SegmentModel, load_model

ENGINE_LANG = "nl"  # the letters and the research are Dutch; the interface language is separate


@st.cache_resource(show_spinner=False)
def rulebook() -> RuleBook:
    return load_rulebook(ENGINE_LANG)


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
    """Load word lists, syllable and lemma data before the first real letter comes in."""
    outreach.analyze("Beste mevrouw,\n\nWij helpen u graag.\n", ENGINE_LANG)
    return True


@st.cache_data(show_spinner=False, max_entries=128)
def analysis(text: str, shares: tuple[tuple[str, float], ...] | None) -> Analysis:
    """outreach.analyze, cached on the text and the shares (the engine is pure)."""
    return outreach.analyze(text, ENGINE_LANG, dict(shares) if shares is not None else None)
