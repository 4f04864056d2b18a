"""Local and shared mode: who may use the page, and whose workspaces they see.

Local (the default): one person on this computer; the server listens on 127.0.0.1 only and every
workspace belongs to LOCAL_OWNER.

Shared (`python3 dev.py app --shared`, which sets OUTREACH_MODE=shared): the server listens on the
network and asks an access code (OUTREACH_ACCESS_CODE, compared in constant time). Whoever gives it
gets a random browser key in the page's address (`?sleutel=...`, Streamlit's own st.query_params):
a refresh or a bookmark keeps it, and it decides whose workspaces the page shows. The database only
holds a hash of the key (store.owner_of_key). A key seen with the right code is remembered for the
life of the server process, so a refresh does not ask the code again; a restart does.
A single workspace is shared with a link holding `?deel=<token>` (store.share_token).
"""
from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import threading
import time

import streamlit as st

from outreach.store import LOCAL_OWNER, owner_of_key
from outreach.ui.strings import Strings

MODE_ENV = "OUTREACH_MODE"
CODE_ENV = "OUTREACH_ACCESS_CODE"
KEY_PARAM = "sleutel"
SHARE_PARAM = "deel"
OWNER = "auth.owner"        # session: the owner id once the code was given
BROWSER_KEY = "auth.key"    # session: the browser key it was given with (kept in the address)
ATTEMPTS = "auth.attempts"  # session: wrong codes so far
CODE_INPUT = "auth.code"
_KEY = re.compile(r"[A-Za-z0-9_-]{20,64}")


def shared() -> bool:
    return os.environ.get(MODE_ENV, "").strip().lower() == "shared"


def owner() -> str:
    """Whose workspaces this session sees."""
    if not shared():
        return LOCAL_OWNER
    return st.session_state.get(OWNER) or "o:nobody"  # never reached without the gate


@st.cache_resource(show_spinner=False)
def _admitted() -> tuple[set[str], threading.Lock]:
    """Owner ids whose browser key came with the right code during this server process."""
    return set(), threading.Lock()


def code_matches(typed: str, code: str) -> bool:
    """Constant time: both sides hashed to the same length first."""
    return bool(code) and hmac.compare_digest(hashlib.sha256(typed.encode("utf-8", "replace")).digest(),
                                              hashlib.sha256(code.encode("utf-8", "replace")).digest())


def _browser_key() -> str:
    value = st.query_params.get(KEY_PARAM, "")
    return value if isinstance(value, str) and _KEY.fullmatch(value) else ""


def admitted() -> bool:
    """True when the page may be drawn: local mode, or a session (or browser key) that gave the code."""
    if not shared():
        return True
    state = st.session_state
    if state.get(OWNER):
        return True
    key = _browser_key()
    admitted, lock = _admitted()
    if key:
        with lock:
            known = owner_of_key(key) in admitted
        if known:
            state[OWNER], state[BROWSER_KEY] = owner_of_key(key), key
            return True
    return False


def keep_key_in_address() -> None:
    """Shared mode: the browser key back in the address when a page change dropped it (Streamlit
    clears the query parameters on a change of page), so a refresh or bookmark keeps working."""
    key = st.session_state.get(BROWSER_KEY) if shared() else None
    if key and st.query_params.get(KEY_PARAM) != key:
        st.query_params[KEY_PARAM] = key


def gate(t: Strings) -> bool:
    """True when the page may be drawn; in shared mode, otherwise draws the code box."""
    if admitted():
        return True
    state = st.session_state
    key = _browser_key()
    admitted_owners, lock = _admitted()
    code = os.environ.get(CODE_ENV, "")
    st.title(t("access_title"))
    if not code:
        st.error(t("access_no_code"))
        return False
    st.write(t("access_intro"))
    st.text_input(t("access_code_label"), type="password", key=CODE_INPUT, max_chars=200)
    if st.button(t("access_enter"), key="auth.enter", type="primary"):
        typed = state.get(CODE_INPUT) or ""
        if code_matches(typed, code):
            key = key or secrets.token_urlsafe(24)
            st.query_params[KEY_PARAM] = key
            with lock:
                admitted_owners.add(owner_of_key(key))
            state[OWNER], state[BROWSER_KEY] = owner_of_key(key), key
            state.pop(CODE_INPUT, None)
            st.rerun()
        attempts = state[ATTEMPTS] = state.get(ATTEMPTS, 0) + 1
        time.sleep(min(attempts, 10) * 0.1)  # slows guessing down
        st.error(t("access_wrong"))
    return False


def share_param() -> str:
    value = st.query_params.get(SHARE_PARAM, "")
    return value if isinstance(value, str) and _KEY.fullmatch(value) else ""


def drop_share_param() -> None:
    if SHARE_PARAM in st.query_params:
        del st.query_params[SHARE_PARAM]


def share_link(token: str) -> str:
    """The address of this page with only the share token (never the sharer's own key)."""
    base = ""
    try:
        base = (st.context.url or "").split("?", 1)[0]
    except Exception:  # no browser context (tests, bare mode)
        base = ""
    return f"{base}?{SHARE_PARAM}={token}"
