"""The page choices remembered per workspace: scenario, population shares and interface language.
A refresh, a new tab or reopening a workspace shows it as it was left (a workshop demo after a
refresh keeps its scenario).

The view is not one of them: the address decides it. `/` is Schrijven, a bookmarked `/vergelijken`
opens Vergelijken, and switching workspaces keeps the view one is in. (Choices stored by an
earlier version still hold a "view"; it is ignored.)

Kept in the store's file (outreach/history.py: History.remember / choices). Streamlit does not let a
widget's value be set once the widget is drawn, so a workspace's stored choices are put on the page
by a rerun: `remember()` (after the workspace is synced) finds them, leaves them in PENDING and
reruns; `restore()` (first thing on the page, before any widget) applies them.
"""
from __future__ import annotations

import logging

import streamlit as st

from outreach.store import StoreError
from outreach.ui import workspace, writing

log = logging.getLogger(__name__)

SCENARIO = "ui.scenario"
LANG = "ui.lang_en"
SHARE_PREFIX = "ui.share."
APPLIED = "ui.choices_for"     # the workspace whose choices are on the page
SAVED = "ui.choices_saved"     # what was stored last for it
PENDING = "ui.choices_pending"


def current() -> dict:
    state = st.session_state
    shares = {k[len(SHARE_PREFIX):]: state[k] for k in state
              if isinstance(k, str) and k.startswith(SHARE_PREFIX) and isinstance(state[k], (int, float))}
    return {"scenario": state.get(SCENARIO), "lang_en": bool(state.get(LANG)), "shares": dict(sorted(shares.items()))}


def restore() -> None:
    """Put the choices found by remember() on the page; call before any widget is drawn."""
    chosen = st.session_state.pop(PENDING, None)
    if not isinstance(chosen, dict):
        return
    state = st.session_state
    if isinstance(chosen.get("scenario"), str):
        state[SCENARIO] = chosen["scenario"]
    if isinstance(chosen.get("lang_en"), bool):
        state[LANG] = chosen["lang_en"]
    for sid, value in (chosen.get("shares") or {}).items():
        if isinstance(value, (int, float)) and 0 <= value <= 100:
            state[f"{SHARE_PREFIX}{sid}"] = int(value)


def remember() -> None:
    """After sync(): a newly shown workspace gets its stored choices (by a rerun); otherwise a
    changed choice is stored for the open workspace."""
    base = st.session_state.get(workspace.BASE)
    keeper = writing.history()
    if base is None or not base.id or keeper is None:
        return
    state = st.session_state
    try:
        if state.get(APPLIED) != base.id:
            state[APPLIED] = base.id
            stored = keeper.choices(base.id)
            state[SAVED] = stored or None
            if stored and _differs(stored, current()):
                state[PENDING] = stored
                st.rerun()
            return
        now = current()
        if now != state.get(SAVED):
            keeper.remember(base.id, now)
            state[SAVED] = now
    except StoreError:  # the choices are a convenience; the workspace itself reports storage trouble
        log.warning("remembering the page choices failed", exc_info=True)


def _differs(stored: dict, now: dict) -> bool:
    return any(stored.get(k) != now.get(k) for k in ("scenario", "lang_en")) or any(
        now["shares"].get(sid) != value for sid, value in (stored.get("shares") or {}).items())
