"""Writing a letter without losing a word: the editor's text in the workspace, every change saved
as a version, examples and uploads that never overwrite, and a history per variant with restore.

- The editor (outreach/ui/editor) sends its text 300 ms after the last keystroke; `typed` puts it
  in the workspace draft, saves the workspace (workspace.flush) and records a version with its
  scores (outreach/history.py).
- Text put in by anything else (adopting a workspace, a restored version, an example) is noticed by
  `nonce`: the editor then shows it instead of what it had.
- An example letter or an uploaded file goes into a new variant when the open one has text; with
  four variants it replaces the text, but only after keeping the old text as a version, and says so.
"""
from __future__ import annotations

import hashlib
import logging
from datetime import datetime

import pandas as pd
import streamlit as st

from outreach.history import History, Version
from outreach.store import MAX_VARIANTS, StoreError
from outreach.ui import editor, resources, workspace
from outreach.ui.strings import Strings, md_escape, number

log = logging.getLogger(__name__)

NONCE = "ui.editor_nonce"     # a counter, never reset: each external text gets a new number
FULL_RERUN = "ui.editor_full_rerun"  # set by a callback that changed more than the open variant


def editor_key(slot: str) -> str:
    """The editor component's key: holds the open workspace's id, like every variant widget."""
    return workspace.slot_key(slot, "editor")


def _seen_key(slot: str) -> str:
    return workspace.slot_key(slot, "editor_seen")


def _nonce_key(slot: str) -> str:
    return workspace.slot_key(slot, "editor_nonce")


def nonce(slot: str) -> int:
    """The editor's nonce for this slot: a new one whenever the slot's text was set by something
    other than the editor since the editor last saw it."""
    state = st.session_state
    text = state.get(workspace.text_key(slot)) or ""
    if state.get(_seen_key(slot)) != text or _nonce_key(slot) not in state:
        state[NONCE] = state.get(NONCE, 0) + 1
        state[_nonce_key(slot)] = state[NONCE]
        state[_seen_key(slot)] = text
    return state[_nonce_key(slot)]


def history() -> History | None:
    store = workspace.the_store()
    return None if store is None else _history(store)


@st.cache_resource(show_spinner=False)
def _history_for(path: str, _store) -> History:
    return History(_store)


def _history(store) -> History:
    return _history_for(str(store.path), store)


def _scores(text: str, shares) -> tuple[float | None, dict[str, float]]:
    """Reach and segment scores of a letter (the cached analysis the page will show next)."""
    if not text.strip():
        return None, {}
    try:
        variables = st.session_state.get("ui.editor_variables", ())
        result = resources.analysis(text, shares, variables)
    except Exception:  # too long, a broken shares setting: the version is kept without scores
        return None, {}
    reach = result.reach.score if result.reach is not None else None
    return reach, {sid: float(r.score) for sid, r in result.segments.items()}


def record(slot: str, text: str | None = None) -> None:
    """Keep the slot's text as a version of its variant (nothing when it did not change)."""
    base = st.session_state.get(workspace.BASE)
    name = workspace.names().get(slot)
    keeper = history()
    if base is None or not base.id or name is None or keeper is None:
        return
    text = st.session_state.get(workspace.text_key(slot)) or "" if text is None else text
    analysed = text
    if st.session_state.get(workspace.template_key(slot)):
        analysed, problem = workspace.letter(slot, dict(st.session_state.get("ui.editor_variables", ())))
        if problem:
            analysed = ""
    reach, scores = _scores(analysed, st.session_state.get("ui.editor_shares"))
    try:
        keeper.record(base.id, name, text, reach, scores)
    except StoreError:  # the workspace save reports storage problems; a version is extra
        log.warning("recording a version failed", exc_info=True)


def _save() -> None:
    store = workspace.the_store()
    if store is not None and workspace.BASE in st.session_state:
        workspace.flush(store, workspace._t())


def typed(slot: str, workspace_id: str | None = None) -> None:
    """The editor of `slot` in workspace `workspace_id` (None: the open one) sent its text: into
    the draft, saved, kept as a version.

    When the page has switched workspaces since that editor was drawn (the text arrives late), the
    text is saved into the workspace it was typed in (workspace.save_late_edits), never into the
    open one."""
    base = st.session_state.get(workspace.BASE)
    open_id = base.id if base is not None else ""
    workspace_id = open_id if workspace_id is None else workspace_id
    text = editor.value(workspace.editor_key(workspace_id, slot, "editor"))
    if text is None:
        return
    if workspace_id != open_id:
        workspace.save_late_edits()  # reads the editor's state, saves it into that workspace
        return
    st.session_state[workspace.text_key(slot)] = text
    st.session_state[_seen_key(slot)] = text
    try:
        _save()
        record(slot, text)
    except Exception:  # saving must never take the editor down; sync() retries on the next rerun
        log.exception("saving a typed change failed")


def plain_key(slot: str, text: str) -> str:
    """The plain text box's key: holds a digest of the text it is drawn with (see plain_changed)."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()
    return workspace.slot_key(slot, f"plain.{digest}")


def plain_box(slot: str) -> str:
    """The key for drawing the plain text box now, its value the letter as it is. The boxes of
    earlier texts are dropped: edits come in fragment reruns, after which Streamlit does not clean
    up widgets it no longer draws, so each edit would otherwise keep a copy of the letter."""
    state = st.session_state
    text = state.get(workspace.text_key(slot)) or ""
    key = plain_key(slot, text)
    prefix = workspace.slot_key(slot, "plain.")
    for old in [k for k in state if isinstance(k, str) and k.startswith(prefix) and k != key]:
        del state[old]
    state[key] = text
    return key


def plain_changed(slot: str, key: str) -> None:
    """The plain text box sent a text: into the draft, saved, kept as a version like a typed change.

    The browser sends every widget's value with each request. The box's value from before the
    editor's last save (the page had not caught up yet) is not typing and must never overwrite the
    newer letter: its key names the text it was drawn with, and only a box drawn with the letter as
    it is now counts."""
    state = st.session_state
    value, current = state.get(key), state.get(workspace.text_key(slot)) or ""
    if not isinstance(value, str) or value == current or key != plain_key(slot, current):
        return
    state[workspace.text_key(slot)] = value
    changed(slot)


def changed(slot: str) -> None:
    """Something on the page changed the letter (the plain text box, an applied fix): saved and
    kept as a version like a typed change."""
    try:
        _save()
        record(slot)
    except Exception:
        log.exception("saving a change failed")


def put_letter(slot: str, text: str, template: bool, what: str) -> None:
    """Put a letter from outside (an example, an upload) into the workspace without losing one:
    the open variant when it is empty, else a new variant; with four variants the open one, after
    its text is kept as a version. `what` names it for the message (a label or a file name)."""
    state = st.session_state
    current = state.get(workspace.text_key(slot)) or ""
    if current.strip() and current != text:
        if len(workspace.slots()) < MAX_VARIANTS:
            workspace.add_variant()  # selects the new slot
            new = state[workspace.SELECTED]
            state[workspace.text_key(new)] = text
            state[workspace.template_key(new)] = template
            workspace.say("success", "letter_new_variant", what=what, name=workspace.names()[new])
            state[FULL_RERUN] = True
            _save()
            record(new, text)
            return
        record(slot, current)
        workspace.say("warning", "letter_replaced_kept", what=what)
        state[FULL_RERUN] = True
    state[workspace.text_key(slot)] = text
    state[workspace.template_key(slot)] = template
    _save()
    record(slot, text)


def restore(slot: str, version_id: int) -> None:
    """A version back into the editor; what it replaces stays in the history."""
    keeper = history()
    if keeper is None:
        return
    try:
        version = keeper.version(version_id)
    except (KeyError, StoreError):
        workspace.say("error", "history_gone")
        return
    record(slot)  # the text being replaced is a version too
    st.session_state[workspace.text_key(slot)] = version.text
    _save()
    record(slot, version.text)
    st.session_state[workspace.slot_key(slot, "history_restored")] = version.id


# --- drawing ---

CSS = """<style>
/* The title starts below the top navigation bar (st.navigation position="top": 60 px high); the rows
   of the page frame (header, scenario, details, variants) sit closer, so at 1366x768 the letter and all
   three verdicts still fit the first screen. */
.stMainBlockContainer{padding-top:4rem !important;}
.stMainBlockContainer>[data-testid="stVerticalBlock"]{gap:.6rem !important;}
.stMainBlockContainer h1{font-size:1.7rem !important;padding:.1rem 0 0 0 !important;}
.stMainBlockContainer [data-testid="stCaptionContainer"] p{margin-bottom:0;}
[data-testid="stCaptionContainer"]{color:#57606a !important;opacity:1 !important;}
.oh-vp{margin:0;}
.oh-vp-title{font-size:1.05rem !important;margin:0 0 .3rem 0 !important;padding:0 !important;}
.oh-vp-reach{margin:0 0 .4rem 0;font-size:.95rem;}
.oh-vp-list{list-style:none;margin:0 !important;padding:0 !important;display:flex;flex-direction:column;gap:.4rem;}
.oh-vp-row{margin:0 !important;padding:.25rem .6rem;border:1px solid #d0d7de;border-left:6px solid #6e7781;
  border-radius:.45rem;background:#fff;}
/* Name (wrapping in its own column when narrow) beside score and verdict, which never wrap: every
   row has its score in the same place, top right. */
.oh-vp-head{display:grid;grid-template-columns:minmax(0,1fr) auto;column-gap:.5rem;align-items:center;}
.oh-vp-line{display:flex;align-items:center;gap:.5rem;margin:.05rem 0;white-space:nowrap;}
.oh-vp-head>span:first-child{line-height:1.3;}
.oh-vp-head .oh-small{white-space:nowrap;}
.oh-vp-score{font-size:1.25rem;font-weight:700;font-variant-numeric:tabular-nums;}
.oh-vp-score small{font-size:.75rem;font-weight:400;color:#57606a;}
/* The reaction whole (a workshop discusses it), wrapped, never cut off. */
.oh-vp-reaction{font-size:.85rem;color:#424a53;font-style:italic;line-height:1.3;overflow-wrap:anywhere;}
/* A placeholder in an "Eerst doen" change ("[telefoonnummer]"): the advisor fills it in (fixes.marked). */
mark.oh-fill{background:#fff1b8;color:#1f2328;border-bottom:2px dashed #9a6700;padding:0 .1em;border-radius:2px;
  font-style:normal;}
</style>"""


def _label(version: Version, number_in_list: int, lang: str, t: Strings) -> str:
    try:
        when = datetime.fromisoformat(version.saved_at).astimezone().strftime("%d-%m %H:%M:%S")
    except ValueError:
        when = version.saved_at
    reach = t("history_reach", score=number(version.reach, lang)) if version.reach is not None else ""
    words = len(version.text.split())
    return t("history_option", n=number_in_list, when=when, reach=reach, words=words)


def history_frame(versions: list[Version], names: dict[str, str], reach_label: str) -> pd.DataFrame:
    """One row per version and series (the reach and each segment), for the chart."""
    rows = []
    for n, v in enumerate(versions, start=1):
        if v.reach is not None:
            rows.append({"versie": n, "reeks": reach_label, "score": round(v.reach, 1)})
        for sid, score in v.scores.items():
            rows.append({"versie": n, "reeks": names.get(sid, sid), "score": round(score, 1)})
    return pd.DataFrame(rows, columns=["versie", "reeks", "score"])


def render_history(slot: str, ctx, folded: bool = True) -> None:
    """The variant's versions: its scores over time (a small chart) and any version back.
    folded: in an expander (else drawn where called, e.g. as a detail view)."""
    t, lang = ctx.t, ctx.lang
    base = st.session_state.get(workspace.BASE)
    name = workspace.names().get(slot)
    keeper = history()
    if base is None or not base.id or name is None or keeper is None:
        return
    try:
        versions = keeper.versions(base.id, name)
    except StoreError as err:
        st.caption(t("history_unavailable", message=md_escape(str(err))))
        return
    box = (st.expander(t("history_title", count=len(versions)), icon=":material/history:") if folded
           else st.container())
    with box:
        if not folded:
            st.markdown(f"**{t('history_title', count=len(versions))}**")
        if not versions:
            st.caption(t("history_empty"))
            return
        import altair as alt

        frame = history_frame(versions, {s.id: s.name for s in ctx.model.segments}, t("history_reach_series"))
        if len(versions) > 1 and not frame.empty:
            # The height goes to Streamlit, not into the spec: with a spec height, Streamlit's
            # "content" height left the plot a few pixels high under the two-row legend.
            chart = (alt.Chart(frame)
                     .mark_line(point=True)
                     .encode(x=alt.X("versie:Q", title=t("history_axis_version"), axis=alt.Axis(tickMinStep=1)),
                             y=alt.Y("score:Q", title=t("history_axis_score"), scale=alt.Scale(domain=[0, 100])),
                             color=alt.Color("reeks:N", title=None, legend=alt.Legend(orient="top", direction="horizontal", columns=2)),
                             tooltip=["versie", "reeks", "score"]))
            st.altair_chart(chart, width="stretch", height=340)
        options = [v.id for v in reversed(versions)]
        labels = {v.id: _label(v, n, lang, t) for n, v in enumerate(versions, start=1)}
        chosen = st.selectbox(t("history_pick"), options, key=workspace.slot_key(slot, "history_pick"),
                              format_func=lambda vid: labels.get(vid, "?"))
        version = next((v for v in versions if v.id == chosen), None)
        if version is not None:
            st.text_area(t("history_preview"), version.text, height=160, disabled=True,
                         key=workspace.slot_key(slot, f"history_preview.{version.id}"))
            current = st.session_state.get(workspace.text_key(slot)) or ""
            st.button(t("history_restore"), key=workspace.slot_key(slot, "history_restore"), on_click=restore,
                      args=(slot, version.id), disabled=version.text == current, icon=":material/restore:")
        if st.session_state.pop(workspace.slot_key(slot, "history_restored"), None) is not None:
            st.success(t("history_restored"), icon=":material/check:")
