"""The page's workspace: its 2-4 letter variants and VSDT exercise, kept in the SQLite store.

How it keeps work safe:
- every rerun compares the page's draft (names, texts, exercise) with the version it last loaded
  or saved (`ws.base`); a difference is saved at once with `store.save(ws, expected_version)`;
- without local changes, a newer stored version (another tab saved) is taken over silently;
- a save that meets a newer version (ConflictError) writes nothing: the page then shows both
  versions and asks: keep mine, take theirs, or keep both (as variants, or as a new workspace
  when they do not fit in four). Until then nothing is saved and nothing is taken over;
- a new session (a browser refresh, a second tab, a restart) opens `store.last_opened()`.

Workspaces are identified by id everywhere (the picker's options and its stored choice are ids;
its labels are made unique even when two names are equal). The editors' widget keys hold the
workspace's id and a slot ("ed.<id>.a.text"; slots "a".."d", see variants.py): a widget state sent
for one workspace's editor can never be read as another's, and adopting another workspace drops
the old keys. Before any switch (open, new, import, delete, demo) the current draft is saved
first, so a pending edit goes into the workspace it was typed in; after "Nieuw -> Maken" the new
workspace's editor is a new widget, and what is typed there goes into the new one.

Owners (access.py): every store call passes the session's owner, so in shared mode a person sees
only their own workspaces and those shared with them by link.

When the store cannot be used at all the page keeps working in memory and says so. When it can be
read but not written (disk full, read-only folder), the page shows and exports as usual; edits stay
in the session (PENDING), a notice stays up, and the draft is saved on the first rerun on which
the store can be written again (a small fragment retries every few seconds).
"""
from __future__ import annotations

import dataclasses
import html
import json
import logging
import re
from collections.abc import Callable

import streamlit as st
from streamlit.elements.lib.utils import user_key_from_element_id
from streamlit.runtime.state import get_session_state

from outreach.compare import word_diff
from outreach.formatting import MAX_VARIANTS, MIN_VARIANTS, clean_name
from outreach.store import (EXERCISE_KEYS, ConflictError, ImportProblem,
                            InvalidWorkspace, StorageUnavailable, StoreError, Variant, Workspace,
                            WorkspaceNotFound, WorkspaceSummary, workspace_json)
from outreach.templating import TemplateProblem
from outreach.ui import access, editor, resources
from outreach.ui.strings import LANGS, Strings, md_escape
from outreach.ui.variants import (SLOTS, copy_name, free_slot, merge_both, merge_exercise, name_problem,
                                  next_variant_name, normal_exercise, safe_filename, unique_name)

log = logging.getLogger(__name__)

BASE = "ws.base"            # the Workspace as last loaded or saved (its version is the expected one)
SLOT_LIST = "ws.slots"      # slots in variant order
NAMES = "ws.names"          # slot -> variant name
NAME = "ws.name"            # the workspace's name
CONFLICT = "ws.conflict"    # the stored Workspace that a save ran into, until the user chooses
MESSAGES = "ws.messages"    # [(kind, catalogue key, values)] shown once at the top of the page
OFFLINE = "ws.offline"      # why the store cannot be used (Dutch), or absent
PENDING = "ws.pending"      # True while edits wait for storage that cannot be written now
SHARE_LINK = "ws.share_link"  # the share link made for the open workspace (id, link)
SELECTED = "ui.variant"     # the slot shown in the editor (language-free)
VIEW = "ui.view"            # write | compare | workshop: the page shown (view.render_page)
VIEW_WANTED = "ui.view_wanted"  # a view to go to on this run (a remembered one, the demo)
IMPORT_ROUND = "ws.import_round"
VARIANT_RENAME = "ui.variant_rename"
VARIANT_RENAME_FOR = "ui.variant_rename_for"
WS_RENAME = "ui.ws_rename"
WS_NEW = "ui.ws_new_name"
EDITOR = "ed"               # prefix of the variants' widget keys: ed.<workspace id>.<slot>.<name>
ACTIONS = {"upload", "load", "csv"}  # widgets whose state cannot be set (uploader, buttons)
LEFT = "ws.left"            # the workspace shown before the last switch: (id, {slot: text as left},
                            # {slot: the editor's browser state then}); see _late_edits
PICKER_FITS = 28            # characters the sidebar's workspace picker shows uncut
LATE_TEXT = re.compile(r"ed\.([0-9a-f]{32})\.([a-d])\.editor")  # an editor component's key


def editor_key(workspace_id: str, slot: str, name: str) -> str:
    """The session key of a variant's widget (`name`: text, template, upload ...) in one workspace.

    The workspace's id is part of every key, so a widget state sent for workspace A's editor (say,
    typed just before a switch and arriving after it) can never be read as workspace B's text.
    """
    return f"{EDITOR}.{workspace_id or 'new'}.{slot}.{name}"


def slot_key(slot: str, name: str) -> str:
    """editor_key for the workspace the page shows."""
    base = st.session_state.get(BASE)
    return editor_key(base.id if base is not None else "", slot, name)


def text_key(slot: str) -> str:
    return slot_key(slot, "text")


def template_key(slot: str) -> str:
    return slot_key(slot, "template")


def exercise_key(step: str) -> str:
    """The workshop exercise's widget keys hold the workspace's id too (slot "ex")."""
    return slot_key("ex", step)


def _lang() -> str:
    return "en" if st.session_state.get("ui.lang_en") else "nl"


def _t() -> Strings:
    return Strings(_lang())


def shown_name(name: str, t: Strings) -> str:
    """A workspace's name as the page shows it: the default name the app gave it ("Mijn brieven",
    "My letters (2)") in the interface language, any other name as its owner wrote it.

    Only what is shown changes: the stored name stays, so two people in two languages sharing a
    workspace do not rename it back and forth, and a name the user typed is never translated
    unless it is letter for letter one of the app's default names."""
    for lang in LANGS:
        default = Strings(lang)("ws_default_name")
        if lang != t.lang and (name == default or re.fullmatch(re.escape(default) + r" \(\d+\)", name)):
            return t("ws_default_name") + name[len(default):]
    return name


def has_placeholders(text: str) -> bool:
    return "{{" in text or "{%" in text


def say(kind: str, key: str, **values: object) -> None:
    """A message for the top of the page on this rerun (kind: success, info, warning, error)."""
    st.session_state.setdefault(MESSAGES, []).append((kind, key, values))


# --- the draft and the store --------------------------------------------------------------------

def slots() -> list[str]:
    return list(st.session_state.get(SLOT_LIST, []))


def names() -> dict[str, str]:
    return dict(st.session_state.get(NAMES, {}))


def exercise() -> dict[str, str] | None:
    return normal_exercise({k: st.session_state.get(exercise_key(k), "") for k in EXERCISE_KEYS},
                           EXERCISE_KEYS)


def draft() -> Workspace:
    """The workspace as the page shows it now."""
    base: Workspace = st.session_state[BASE]
    current = names()
    variants = tuple(Variant(current[s], st.session_state.get(text_key(s)) or "") for s in slots())
    return dataclasses.replace(base, name=st.session_state.get(NAME, base.name), variants=variants,
                               exercise=exercise())


def _content(ws: Workspace) -> tuple:
    return ws.name, tuple(ws.variants), normal_exercise(ws.exercise, EXERCISE_KEYS)


def the_store():
    """The store, or None (with the reason in OFFLINE) when it cannot be used."""
    try:
        store = resources.store()
    except StoreError as err:
        st.session_state[OFFLINE] = str(err)
        return None
    except Exception:  # an unexpected failure must not take the page down
        log.exception("opening the workspace store failed")
        st.session_state[OFFLINE] = _t()("ws_offline_unknown")
        return None
    st.session_state.pop(OFFLINE, None)
    return store


def _editor_keys(prefix: str = f"{EDITOR}.") -> list[str]:
    return [k for k in st.session_state if isinstance(k, str) and k.startswith(prefix)]


def _clear_slot_state(slot: str) -> None:
    for key in _editor_keys(slot_key(slot, "")):
        del st.session_state[key]


def adopt(ws: Workspace, keep_ui: bool = False) -> None:
    """Show this workspace: its variants in the editors, its exercise in the workshop.

    keep_ui: the same work in a newer version (keep the chosen variant, template switches), also when
    it was just stored under a new id (work typed offline, kept after a deletion elsewhere).
    Editor state of any other workspace is dropped: its keys hold that workspace's id.
    """
    state = st.session_state
    new_slots = list(SLOTS[:len(ws.variants)])
    old, old_slots = state.get(BASE), list(state.get(SLOT_LIST, []))
    old_prefix = editor_key(old.id if old is not None else "", "", "")[:-2]  # "ed.<id>."
    new_prefix = editor_key(ws.id, "", "")[:-2]
    seen = {s: editor.value(editor_key(old.id, s, "editor")) for s in old_slots} if old is not None else {}
    for key in _editor_keys():
        slot = key[len(old_prefix):].split(".", 1)[0] if key.startswith(old_prefix) else None
        rest = key[len(old_prefix):]
        if keep_ui and slot in new_slots and old_prefix != new_prefix and rest.split(".")[1] not in ACTIONS:
            state[new_prefix + rest] = state[key]  # the same work under its new id
        if not (keep_ui and slot in new_slots and old_prefix == new_prefix):
            del state[key]
    state[SLOT_LIST] = new_slots
    state[NAMES] = {s: v.name for s, v in zip(new_slots, ws.variants)}
    for slot, variant in zip(new_slots, ws.variants):
        state[editor_key(ws.id, slot, "text")] = variant.text
        if not keep_ui or editor_key(ws.id, slot, "template") not in state:
            state[editor_key(ws.id, slot, "template")] = has_placeholders(variant.text)
    for step in EXERCISE_KEYS:
        state[editor_key(ws.id, "ex", step)] = (ws.exercise or {}).get(step, "")
    if old is not None and old.id and old.id != ws.id:
        state[LEFT] = (old.id, {s: v.text for s, v in zip(old_slots, old.variants)}, seen)  # see _late_edits
    state[NAME] = ws.name
    state[WS_RENAME] = shown_name(ws.name, _t())
    state[BASE] = ws
    state.pop(CONFLICT, None)
    if state.get(SELECTED) not in new_slots:
        state[SELECTED] = new_slots[0]


def _offline_workspace(t: Strings) -> Workspace:
    return Workspace("", t("ws_default_name"), 0, (Variant("Variant A", ""), Variant("Variant B", "")), None, "")


def _open(store, workspace_id: str | None, t: Strings) -> Workspace:
    """The workspace to show: the one asked for, else the last opened, else the newest, else a new
    one (one transaction in the store: simultaneous first visits make one default workspace)."""
    return store.open_for(access.owner(), t("ws_default_name"), workspace_id)


def _shared_link(store, t: Strings) -> str | None:
    """The workspace behind a `?deel=` link in the address (added to this owner's list), or None."""
    token = access.share_param()
    if not token:
        return None
    access.drop_share_param()
    try:
        ws = store.accept_share(token, access.owner())
    except WorkspaceNotFound as err:
        say("error", "ws_action_failed", message=str(err))
        return None
    say("success", "ws_share_opened", name=ws.name)
    return ws.id


def _late_edits() -> dict[str, str]:
    """slot -> text that the browser sent for an editor of the workspace shown before the last switch.

    Typed in workspace A's editor just before the page showed B, such a text arrives with a later
    rerun (often the editor's fragment rerun), for a widget the page no longer draws. While
    Streamlit still knows that widget, its value is in the session state; once it has forgotten
    it, the value is only in the incoming widget states (read through an internal of the pinned
    Streamlit; when that internal is missing, a warning is logged).

    Only the editor component counts: its browser state changes only when the advisor's text is
    sent, so a value other than the one it had at the switch is new typing. The plain text box is
    not read: the browser also sends its stale value (the text before the last save), which would
    overwrite the newer text. Not rescuable: text still being typed when the browser replaces A's
    editor with B's (the editor sends after a pause, on blur or Ctrl+Enter).
    """
    left = st.session_state.get(LEFT)
    if not left:
        return {}
    workspace_id, texts_then, seen = left
    sent = {}
    for slot in texts_then:  # a widget Streamlit still knows: its value is in the session state
        value = editor.value(editor_key(workspace_id, slot, "editor"))
        if value is not None:
            sent[slot] = value
    try:
        states = get_session_state()._state._new_widget_state.states
    except AttributeError:  # another Streamlit: only the session state is looked at
        log.warning("cannot read incoming widget states: late edits are not all rescued")
        states = {}
    for widget_id, value in list(states.items()):
        match = LATE_TEXT.fullmatch(user_key_from_element_id(widget_id) or "")
        if match and match.group(1) == workspace_id and match.group(2) in texts_then:
            text = _sent_text(getattr(value, "value", None))
            if text is not None:
                sent[match.group(2)] = text
    return {slot: text for slot, text in sent.items()
            if text != seen.get(slot) and text != texts_then.get(slot)}


def _sent_text(raw: object) -> str | None:
    """The text in an editor component's incoming state (JSON: {"text": ...}), or None."""
    try:
        payload = json.loads(getattr(raw, "json_value", "") or "null")
    except ValueError:
        return None
    text = payload.get("text") if isinstance(payload, dict) else None
    return text if isinstance(text, str) else None


def _save_late_edits(store, t: Strings) -> None:
    """Save late edits (see _late_edits) into the workspace they were typed in, never the open one.
    When that workspace changed meanwhile (another tab) or is gone, they are kept as a copy."""
    late = sent = _late_edits()
    if not late:
        return
    workspace_id, texts_then, seen = st.session_state[LEFT]
    order = list(texts_then)
    try:
        ws = store.load(workspace_id, access.owner())
    except WorkspaceNotFound:
        ws = None
    if ws is not None and len(ws.variants) == len(order):
        mine = tuple(Variant(v.name, late.get(slot, v.text)) for slot, v in zip(order, ws.variants))
        if all(ws.variants[order.index(slot)].text == texts_then[slot] for slot in late):
            try:
                store.save(dataclasses.replace(ws, variants=mine), ws.version, owner=access.owner())
                late = {}
            except ConflictError:
                pass
    if late:  # a copy: nothing typed is lost, nothing of theirs overwritten
        have = ws.variants if ws is not None else ()
        variants = tuple(Variant(have[i].name if i < len(have) else f"Variant {slot.upper()}",
                                 late.get(slot, have[i].text if i < len(have) else texts_then[slot]))
                         for i, slot in enumerate(order))
        ws = store.create_workspace(f"{ws.name if ws else t('ws_default_name')}{t('conflict_mine_suffix')}",
                                    variants, ws.exercise if ws else None, owner=access.owner())
    st.session_state[LEFT] = (workspace_id, {**texts_then, **sent}, {**seen, **sent})
    say("info", "ws_late_saved", name=ws.name)


def save_late_edits() -> None:
    """Save late edits (see _late_edits) now. Called by sync() on every full rerun, and by the editor's
    callback: its commit for the workspace shown before the switch can arrive with a fragment rerun,
    where sync() does not run (waiting would leave the text in the session only)."""
    store = the_store()
    if store is not None and st.session_state.get(LEFT):
        try:
            _save_late_edits(store, _t())
        except StoreError as err:  # tried again on the next rerun (sync)
            say("error", "ws_save_failed", message=str(err))


def sync(t: Strings) -> None:
    """Once per rerun, before any editor is drawn: open, save or refresh the workspace."""
    state = st.session_state
    store = the_store()
    if BASE not in state:
        ws = None
        if store is not None:
            try:
                ws = _open(store, _shared_link(store, t), t)
            except StorageUnavailable:
                state[PENDING] = True  # nothing to read yet and nothing can be written: in memory
            except StoreError as err:
                state[OFFLINE] = str(err)
        adopt(ws or _offline_workspace(t))
        return
    save_late_edits()
    if store is None or state.get(CONFLICT) is not None:
        return
    if not state[BASE].id:
        _store_offline_work(store, t)
        return
    flush(store, t)


def flush(store, t: Strings) -> bool:
    """Save the draft if it differs from the base, or take over a newer stored version; True when
    nothing of the page is left unsaved afterwards (no conflict, storage writable)."""
    state = st.session_state
    if state.get(CONFLICT) is not None:
        return False
    base, mine = state[BASE], draft()
    if not base.id:
        return _store_offline_work(store, t)
    try:
        if _content(mine) == _content(base):
            state.pop(PENDING, None)
            stored = store.load(base.id, access.owner())
            if stored.version != base.version:
                adopt(stored, keep_ui=True)
                say("info", "ws_refreshed", version=stored.version)
            return True
        if _save(store, mine, base.version):
            state.pop(PENDING, None)
            return True
        if state.get(CONFLICT) is not None:
            st.toast(t("conflict_toast"), icon=":material/sync_problem:", duration="long")
        return False
    except StorageUnavailable:
        state[PENDING] = True  # the draft stays in the session; saved on a later rerun
        return False
    except WorkspaceNotFound:
        _deleted_elsewhere(store, mine, changed=_content(mine) != _content(base), t=t)
        return True
    except StoreError as err:
        say("error", "ws_save_failed", message=str(err))
        return False


def _store_offline_work(store, t: Strings) -> bool:
    """The page started while nothing could be stored: now that the store answers, keep what was
    typed as a workspace (or open the usual one when nothing was typed)."""
    state = st.session_state
    mine, base = draft(), state[BASE]
    try:
        if _content(mine) == _content(base):
            ws = _open(store, None, t)
            adopt(ws)
        else:
            ws = store.create_workspace(mine.name, mine.variants, mine.exercise, owner=access.owner())
            store.mark_opened(ws.id, access.owner())
            adopt(ws, keep_ui=True)
            say("success", "ws_pending_saved")
    except StorageUnavailable:
        state[PENDING] = True
        return False
    except StoreError as err:
        state[OFFLINE] = str(err)
        return False
    state.pop(PENDING, None)
    state.pop(OFFLINE, None)
    return True


def _save(store, mine: Workspace, expected: int) -> bool:
    try:
        version = store.save(mine, expected_version=expected, owner=access.owner())
    except ConflictError as err:
        st.session_state[CONFLICT] = err.theirs
        return False
    except InvalidWorkspace as err:
        say("error", "ws_not_saved", message=str(err))
        return False
    st.session_state[BASE] = dataclasses.replace(mine, version=version)
    return True


def _deleted_elsewhere(store, mine: Workspace, changed: bool, t: Strings) -> None:
    """Someone deleted the open workspace: keep our work as a new one, or move on to another."""
    if changed:
        ws = store.create_workspace(mine.name, mine.variants, mine.exercise, owner=access.owner())
        store.mark_opened(ws.id, access.owner())
        adopt(ws, keep_ui=True)
        say("warning", "ws_deleted_kept", name=ws.name)
    else:
        adopt(_open(store, None, t))
        say("info", "ws_deleted_moved")


def _guarded(action: Callable[..., None]) -> Callable[..., None]:
    """A callback that reports a store problem on the page instead of raising."""
    def run(*args: object) -> None:
        try:
            action(*args)
        except StoreError as err:
            say("error", "ws_action_failed", message=str(err))
        except Exception:
            log.exception("workspace action %s failed", action.__name__)
            say("error", "internal_error")
    run.__name__ = action.__name__
    return run


# --- callbacks: workspaces ----------------------------------------------------------------------

def _before_switch(store) -> bool:
    """Save what is typed in the open workspace before another one is shown; False (with the reason
    on the page) when that is not possible now, and then the switch does not happen."""
    if flush(store, _t()):
        return True
    if st.session_state.get(PENDING):
        say("warning", "ws_switch_pending")
    return False


@_guarded
def open_workspace(pick_key: str, shown: str | None = None) -> None:
    """The picker chose another workspace. `shown`: the workspace open when that picker was drawn.

    Streamlit can call the callback of a picker drawn by an earlier run (its widget state comes
    back with a later request, e.g. an editor's commit right after "Maken"); that stale choice
    names the workspace shown before and would switch the page back, so it is ignored."""
    store, wanted = the_store(), st.session_state.get(pick_key)
    open_id = st.session_state[BASE].id
    if store is None or not wanted or wanted == open_id or (shown is not None and shown != open_id):
        return
    if not _before_switch(store):
        st.session_state[pick_key] = st.session_state[BASE].id
        return
    adopt(_open(store, wanted, _t()))


@_guarded
def new_workspace() -> None:
    store, t = the_store(), _t()
    if store is None:
        return
    name = clean_name(st.session_state.get(WS_NEW) or "") or t("ws_default_name")
    if problem := name_problem(name, []):
        say("error", problem)
        return
    if not _before_switch(store):
        return
    ws = store.create_workspace(name, owner=access.owner())  # "Naam (2)" when the name is taken
    store.mark_opened(ws.id, access.owner())
    adopt(ws)
    st.session_state[WS_NEW] = ""
    say("success", "ws_created", name=ws.name)


@_guarded
def rename_workspace() -> None:
    name = clean_name(st.session_state.get(WS_RENAME) or "")
    base, store = st.session_state[BASE], the_store()
    current = st.session_state.get(NAME, base.name)
    if name == shown_name(current, _t()):
        return  # unchanged: a default name is not stored in the interface language by a mere Save
    if problem := name_problem(name, []):
        say("error", problem)
        return
    if store is not None and base.id and store.name_taken(name, base.owner, but=base.id):
        say("error", "ws_name_taken", name=name)
        st.session_state[WS_RENAME] = shown_name(current, _t())
        return
    st.session_state[NAME] = name  # saved by the next sync, like every other edit
    st.session_state[WS_RENAME] = name


@_guarded
def delete_workspace() -> None:
    store = the_store()
    if store is None:
        return
    gone = st.session_state[BASE]
    store.delete(gone.id, access.owner())
    st.session_state.pop(PENDING, None)
    adopt(_open(store, None, _t()))
    say("success", "ws_deleted", name=gone.name)


@_guarded
def import_workspace(upload_key: str) -> None:
    store, uploaded = the_store(), st.session_state.get(upload_key)
    if store is None or uploaded is None:
        return
    st.session_state[IMPORT_ROUND] = st.session_state.get(IMPORT_ROUND, 0) + 1  # an empty uploader next
    try:
        ws = store.import_json(uploaded.getvalue(), owner=access.owner())
    except ImportProblem as err:
        say("error", "ws_import_failed", name=uploaded.name, message=str(err))
        return
    if _before_switch(store):
        store.mark_opened(ws.id, access.owner())
        adopt(ws)
    say("success", "ws_imported", name=ws.name)


@_guarded
def make_share_link() -> None:
    store, base = the_store(), st.session_state[BASE]
    if store is None or not base.id:
        return
    token = store.share_token(base.id, access.owner())
    st.session_state[SHARE_LINK] = (base.id, access.share_link(token))


@_guarded
def revoke_share_link() -> None:
    store, base = the_store(), st.session_state[BASE]
    if store is None or not base.id:
        return
    store.revoke_share(base.id, access.owner())
    st.session_state.pop(SHARE_LINK, None)
    say("success", "ws_share_revoked")


# --- callbacks: the conflict --------------------------------------------------------------------

@_guarded
def keep_mine() -> None:
    store = the_store()
    if store is None:
        return
    mine, theirs = draft(), store.load(st.session_state[BASE].id, access.owner())
    st.session_state.pop(CONFLICT, None)
    if _save(store, mine, theirs.version):
        say("success", "conflict_kept_mine")


@_guarded
def take_theirs() -> None:
    store = the_store()
    if store is None:
        return
    adopt(store.load(st.session_state[BASE].id, access.owner()), keep_ui=True)
    say("success", "conflict_took_theirs")


@_guarded
def keep_both() -> None:
    store, t = the_store(), _t()
    if store is None:
        return
    base, mine = st.session_state[BASE], draft()
    theirs = store.load(base.id, access.owner())
    merged = merge_both(base.variants, theirs.variants, mine.variants, t("conflict_mine_suffix"))
    if merged is not None:
        exercise_both = merge_exercise(base.exercise, theirs.exercise, mine.exercise, EXERCISE_KEYS,
                                       t("conflict_mine_suffix").strip(" ()").capitalize())
        both = dataclasses.replace(theirs, variants=merged, exercise=exercise_both)
        st.session_state.pop(CONFLICT, None)
        if _save(store, both, theirs.version):  # on another conflict the page keeps showing mine
            adopt(st.session_state[BASE], keep_ui=True)
            say("success", "conflict_kept_both")
        return
    copy = store.create_workspace(f"{mine.name}{t('conflict_mine_suffix')}", mine.variants, mine.exercise,
                                  owner=access.owner())  # the store picks a free name
    adopt(theirs, keep_ui=True)
    say("success", "conflict_kept_copy", name=copy.name)


# --- callbacks: variants ------------------------------------------------------------------------

def _select(slot: str) -> None:
    st.session_state[SELECTED] = slot


def add_variant() -> None:
    current = slots()
    slot = free_slot(current)
    if slot is None or len(current) >= MAX_VARIANTS:
        return
    _clear_slot_state(slot)
    st.session_state[SLOT_LIST] = current + [slot]
    st.session_state[NAMES] = {**names(), slot: next_variant_name(names().values(), len(current))}
    st.session_state[text_key(slot)] = ""
    st.session_state[template_key(slot)] = False
    _select(slot)


def duplicate_variant() -> None:
    current, source = slots(), st.session_state.get(SELECTED)
    slot = free_slot(current)
    if slot is None or source not in current or len(current) >= MAX_VARIANTS:
        return
    _clear_slot_state(slot)
    taken = names()
    st.session_state[SLOT_LIST] = current + [slot]  # at the end: the letters of the others stay
    st.session_state[NAMES] = {**taken, slot: copy_name(taken[source], taken.values(), _t()("copy_suffix"))}
    st.session_state[text_key(slot)] = st.session_state.get(text_key(source)) or ""
    st.session_state[template_key(slot)] = bool(st.session_state.get(template_key(source)))
    _select(slot)


def remove_variant() -> None:
    current, gone = slots(), st.session_state.get(SELECTED)
    if gone not in current or len(current) <= MIN_VARIANTS:
        return
    index = current.index(gone)
    name = names()[gone]
    rest = [s for s in current if s != gone]
    st.session_state[SLOT_LIST] = rest
    st.session_state[NAMES] = {s: n for s, n in names().items() if s != gone}
    _clear_slot_state(gone)
    _select(rest[min(index, len(rest) - 1)])
    say("success", "variant_removed", name=name)


def rename_variant() -> None:
    slot = st.session_state.get(SELECTED)
    current = names()
    if slot not in current:
        return
    name = clean_name(st.session_state.get(VARIANT_RENAME) or "")
    if name == current[slot]:
        return
    if problem := name_problem(name, [n for s, n in current.items() if s != slot]):
        say("error", problem)
        return
    st.session_state[NAMES] = {**current, slot: name}


def prepare_variant_rename() -> None:
    """Put the chosen variant's name in the rename box whenever another variant is chosen."""
    slot = st.session_state.get(SELECTED)
    if st.session_state.get(VARIANT_RENAME_FOR) != slot or VARIANT_RENAME not in st.session_state:
        st.session_state[VARIANT_RENAME] = names().get(slot, "")
        st.session_state[VARIANT_RENAME_FOR] = slot


@_guarded
def load_before_after(scenario_id: str) -> None:
    """One click: the scenario's poorest and strongest example letter (filled in with the scenario's
    variables as edited on the page) as a new workspace of two variants; then the comparison."""
    t = _t()
    try:
        scenario = resources.catalogue().get(scenario_id)
        poor, strong = scenario.letters[0], scenario.letters[-1]
        variables = tuple(sorted((name, str(st.session_state.get(f"ui.var.{scenario.id}.{name}", default)))
                                 for name, default in scenario.variables.items()))
        texts = [resources.rendered(letter.source, variables, letter.template) for letter in (poor, strong)]
    except (KeyError, IndexError):
        say("error", "example_missing")
        return
    except TemplateProblem as err:
        say("error", "demo_failed", message=str(err))
        return
    variants = (Variant(unique_name(t("demo_before", label=poor.label), []), texts[0]),
                Variant(unique_name(t("demo_after", label=strong.label), []), texts[1]))
    store = the_store()
    title = t("demo_workspace", title=scenario.title)
    if store is None:
        ws = dataclasses.replace(_offline_workspace(t), name=unique_name(title, []), variants=variants)
    else:
        if not _before_switch(store):
            return
        ws = store.create_workspace(title, variants, owner=access.owner())  # a free name: "Titel (2)"
        store.mark_opened(ws.id, access.owner())
    adopt(ws)
    st.session_state[VIEW] = st.session_state[VIEW_WANTED] = "compare"
    say("success", "demo_loaded", name=ws.name)


def letter(slot: str, variables: dict[str, str]) -> tuple[str, str | None]:
    """(the letter of a variant as analysed, a template problem or None): templates are filled in."""
    source = st.session_state.get(text_key(slot)) or ""
    if not st.session_state.get(template_key(slot)):
        return source, None
    try:
        return resources.rendered(source, tuple(sorted(variables.items())), _t()("template_name")), None
    except TemplateProblem as err:
        return "", str(err)


# --- drawing ------------------------------------------------------------------------------------

def _pick(widget: Callable, label_text: str, options: list, choice_key: str, lang: str, scope: str = "",
          **kwargs):
    """A choice widget whose value lives in a language-free key (labels may change: language, renames).
    scope: part of the widget's key (the workspace picker's is the open workspace's id, so a choice
    sent by a page that still showed another workspace is not taken as a new choice)."""
    widget_key = f"{choice_key}.{lang}" + (f".{scope}" if scope else "")
    if st.session_state.get(choice_key) not in options:
        st.session_state[choice_key] = options[0]
    st.session_state[widget_key] = st.session_state[choice_key]
    on_change = kwargs.pop("on_change", None)

    def copy() -> None:
        st.session_state[choice_key] = st.session_state.get(widget_key) or st.session_state[choice_key]
        if on_change is not None:
            on_change()

    widget(label_text, options, key=widget_key, on_change=copy, **kwargs)
    return st.session_state[choice_key]


def notices(t: Strings) -> None:
    """Messages of this rerun, the offline notice and the conflict panel (right above the view)."""
    state = st.session_state
    if state.get(OFFLINE):
        st.warning(t("ws_offline", message=md_escape(state[OFFLINE])), icon=":material/cloud_off:")
    elif state.get(PENDING):
        _pending(t)
    for kind, key, values in state.pop(MESSAGES, []):
        text = t(key, **{k: md_escape(v) for k, v in values.items()})
        getattr(st, kind)(text)
    theirs = state.get(CONFLICT)
    if theirs is not None:
        _conflict(t, theirs)


@st.fragment(run_every=5)
def _pending(t: Strings) -> None:
    """The notice while edits wait for storage; retries every few seconds, the page reruns once saved."""
    store = the_store()
    if store is not None and BASE in st.session_state and flush(store, t):
        st.rerun()
    st.warning(t("ws_pending"), icon=":material/cloud_off:")


def _conflict(t: Strings, theirs: Workspace) -> None:
    mine = draft()
    with st.container(border=True):
        st.warning(t("conflict_title", name=md_escape(theirs.name), theirs=theirs.version,
                     mine=state_version()), icon=":material/sync_problem:")
        st.caption(t("conflict_help"))
        with st.expander(t("conflict_versions"), expanded=True):
            st.html(conflict_html(mine, theirs, t))
        base = st.session_state[BASE]
        fits = merge_both(base.variants, theirs.variants, mine.variants, t("conflict_mine_suffix")) is not None
        a, b, c = st.columns(3)
        a.button(t("conflict_keep_mine"), key="ws.conflict_mine", on_click=keep_mine, width="stretch",
                 type="primary", icon=":material/person:")
        b.button(t("conflict_take_theirs"), key="ws.conflict_theirs", on_click=take_theirs, width="stretch",
                 icon=":material/group:")
        c.button(t("conflict_keep_both" if fits else "conflict_keep_both_copy"), key="ws.conflict_both",
                 on_click=keep_both, width="stretch", icon=":material/call_split:")


def state_version() -> int:
    return st.session_state[BASE].version


def conflict_html(mine: Workspace, theirs: Workspace, t: Strings) -> str:
    """Per variant: what differs between the stored version (theirs) and the page (mine), escaped."""
    from html import escape

    rows = []
    theirs_by_name = {v.name: v.text for v in theirs.variants}
    mine_by_name = {v.name: v.text for v in mine.variants}
    for name in dict.fromkeys([*mine_by_name, *theirs_by_name]):
        a, b = theirs_by_name.get(name), mine_by_name.get(name)
        if a == b:
            continue
        if a is None:
            state = t("conflict_only_mine")
        elif b is None:
            state = t("conflict_only_theirs")
        else:
            state = t("conflict_differs")
        body = word_diff(a or "", b or "").html()
        rows.append(f'<div class="oh-conflict-item"><div class="oh-small"><b>{escape(name)}</b> · {escape(state)}'
                    f'</div><div class="oh-diff">{body}</div></div>')
    if mine.name != theirs.name:
        rows.append(f'<div class="oh-small">{escape(t("conflict_names", mine=mine.name, theirs=theirs.name))}</div>')
    if normal_exercise(mine.exercise, EXERCISE_KEYS) != normal_exercise(theirs.exercise, EXERCISE_KEYS):
        rows.append(f'<div class="oh-small">{escape(t("conflict_exercise"))}</div>')
    if not rows:
        rows.append(f'<div class="oh-small">{escape(t("conflict_same"))}</div>')
    legend = f'<div class="oh-small">{escape(t("conflict_legend"))}</div>'
    return legend + "".join(rows)


def option_labels(listed: list[WorkspaceSummary], t: Strings) -> dict[str, str]:
    """Picker labels by workspace id, all different: the selectbox sends the chosen *label* back, so
    two equal labels would open the wrong workspace. Names are plain text in a selectbox."""
    labels: dict[str, str] = {}
    for w in listed:
        label = t("ws_option", name=shown_name(w.name, t), count=w.variant_count)
        if w.shared:
            label += t("ws_shared_mark")
        number = 2
        unique = label
        while unique in labels.values():
            unique = f"{label} · {number}"
            number += 1
        labels[w.id] = unique
    return labels


def _share(t: Strings, base: Workspace, locked: bool) -> None:
    """Shared mode: a link that adds this workspace to someone else's list."""
    with st.popover(t("ws_share"), icon=":material/share:", disabled=locked or base.owner != access.owner(),
                    width="stretch"):
        st.caption(t("ws_share_help"))
        st.button(t("ws_share_make"), key="ws.share", on_click=make_share_link)
        made = st.session_state.get(SHARE_LINK)
        if made and made[0] == base.id:
            st.code(made[1], language=None)
        try:
            until = the_store().share_expires(base.id)
        except (StoreError, AttributeError):
            until = None
        if until is not None:
            st.caption(t("ws_share_until", date=until.astimezone().strftime("%d-%m-%Y %H:%M")))
            st.button(t("ws_share_revoke"), key="ws.share_revoke", on_click=revoke_share_link)


def sidebar(t: Strings) -> None:
    """The workspace picker: open, new, rename, delete, export and import."""
    state = st.session_state
    st.header(t("ws_title"))
    store = the_store()
    base: Workspace = state[BASE]
    if store is None or not base.id:
        st.caption(t("ws_offline_short"))
        return
    locked = state.get(CONFLICT) is not None
    try:
        listed = store.list_workspaces(access.owner())
        # What the database holds: our base after sync(), or theirs while a conflict is open.
        export = workspace_json(state.get(CONFLICT) or base)
    except StoreError as err:
        st.error(t("ws_action_failed", message=md_escape(str(err))))
        return
    if base.id not in {w.id for w in listed}:
        listed.insert(0, WorkspaceSummary(base.id, base.name, base.version, len(base.variants), ""))
    labels = option_labels(listed, t)
    state["ws.pick"] = base.id  # the picker always shows the open workspace
    # One fixed slot: the picker's key changes with the open workspace, and a picker drawn in a run
    # whose end the page never heard of (a switch followed at once by an edit's fragment rerun) was
    # left standing beside the new one; in one slot the new picker replaces it whatever its key.
    with st.empty():
        _pick(st.selectbox, t("ws_pick"), list(labels), "ws.pick", t.lang, scope=base.id, disabled=locked,
              format_func=lambda wid: labels.get(wid, "?"),
              on_change=lambda shown=base.id: open_workspace("ws.pick", shown), help=t("ws_pick_help"))
    if len(labels[base.id]) > PICKER_FITS:  # the picker's box cuts it: the whole name, wrapped, under it
        st.html(f'<div class="oh-ws-full">{html.escape(labels[base.id])}</div>')
    if state.get(PENDING):
        st.caption(t("ws_pending_short"))
    else:
        st.caption(t("ws_saved", version=base.version) if not locked else t("ws_locked"))
    # The actions say what they act on ("Nieuwe werkruimte", not "Nieuw"): the variants above the
    # letter have their own New / Rename / Remove. One under the other: the sidebar is narrow.
    if state.get(WS_RENAME) in {shown_name(base.name, Strings(lang)) for lang in LANGS}:
        state[WS_RENAME] = shown_name(base.name, t)  # the default name follows a language switch
    with st.popover(t("ws_new"), icon=":material/create_new_folder:", disabled=locked, width="stretch"):
        st.text_input(t("ws_new_label"), key=WS_NEW, max_chars=80, placeholder=t("ws_default_name"))
        st.button(t("ws_create"), key="ws.create", on_click=new_workspace, type="primary")
    with st.popover(t("ws_rename"), icon=":material/edit:", disabled=locked, width="stretch"):
        st.text_input(t("ws_rename_label"), key=WS_RENAME, max_chars=80)
        st.button(t("save"), key="ws.rename", on_click=rename_workspace, type="primary")
    with st.popover(t("ws_delete"), icon=":material/delete:", disabled=locked, width="stretch"):
        st.markdown(t("ws_delete_confirm", name=md_escape(shown_name(base.name, t))))
        st.button(t("ws_delete_button"), key="ws.delete", on_click=delete_workspace, type="primary")
    if access.shared():
        _share(t, base, locked)
    st.download_button(t("ws_export"), data=export.encode("utf-8"), mime="application/json",
                       file_name=safe_filename(shown_name(base.name, t), "json"), key="ws.export", on_click="ignore",
                       icon=":material/download:", help=t("ws_export_help"), width="stretch")
    upload_key = f"ws.import.{state.get(IMPORT_ROUND, 0)}"
    st.file_uploader(t("ws_import"), type=["json"], key=upload_key, on_change=import_workspace,
                     args=(upload_key,), help=t("ws_import_help"), max_upload_size=2, disabled=locked)
