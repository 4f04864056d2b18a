"""Bring one place of the page into view, once: the comparison's title after the before/after demo.

The demo's button sits far down the workshop view; the comparison it opens would otherwise be shown
from that same height, below its title and headline. A callback asks for a place (`request`), the
view that draws that place calls `here` right after it, and the browser scrolls there once.
A tiny components-v2 component with no markup: its script looks the place up by its CSS selector.
"""
from __future__ import annotations

import streamlit as st

WANTED = "ui.scroll_to"  # the name of the place to show on the next run, or absent
COMPARISON = "oh-compare-top"  # the container around the comparison's title

_JS = """
export default function (component) {
  const selector = (component.data || {}).selector;
  if (!selector) return;
  let tries = 0;
  const go = () => {  // the place is drawn just before this component; wait a few frames if not yet
    const target = document.querySelector(selector);
    if (target) target.scrollIntoView({ block: "start" });
    else if (tries++ < 60) requestAnimationFrame(go);
  };
  go();
}
"""

_component = st.components.v2.component("outreach_scroll", html="", js=_JS)


def request(place: str) -> None:
    """Show `place` (a container key drawn with `here`) once, on the next run."""
    st.session_state[WANTED] = place


def here(place: str) -> None:
    """Call right after drawing the container keyed `place`: scrolls to it when it was asked for."""
    if st.session_state.get(WANTED) != place:
        return
    del st.session_state[WANTED]
    _component(key=f"scroll.{place}", data={"selector": f".st-key-{place}"}, height="content")
