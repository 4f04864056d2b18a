"""The letter editor: one text box in which the findings are marked while the advisor types.

A Streamlit components-v2 component (editor.html/.css/.js beside this file, read once, inline: no
CDN, no build step). Python sends the letter, the findings of its last analysis and the interface
texts; the browser sends the text back 300 ms after the last keystroke (at once on blur, on leaving
the page and after an applied rewrite). See editor.js for how typing and incoming data meet.

    payload(text, analysed, findings, titles, t, book) -> the component's data (JSON-safe)
    mount(key, data, on_change)                        -> draws the editor
    value(key)                                         -> the text the browser sent last, or None

Everything here is plain data; the browser puts user text into the page as text nodes only.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import streamlit as st

from outreach.rules.engine import Finding
from outreach.formatting import SEVERITIES, pieces
from outreach.text.address import cased
from outreach.ui.style import dimension_color, rgba

HERE = Path(__file__).resolve().parent
DEBOUNCE_MS = 250
MAX_REWRITE_CHARS = 80
LABELS = ("toolbar", "undo", "undo_hint", "redo", "prev", "prev_hint", "next", "next_hint", "letter",
          "placeholder", "help", "card", "saved", "saving", "typing", "why", "suggestion", "helps", "rewrites",
          "replace", "applied", "stale", "tab_hint", "undone", "redone", "cut", "locale", "empty")

_component = st.components.v2.component(
    "outreach_letter_editor",
    html=(HERE / "editor.html").read_text(encoding="utf-8"),
    css=(HERE / "editor.css").read_text(encoding="utf-8"),
    js=(HERE / "editor.js").read_text(encoding="utf-8"),
)


def rewrites(finding: Finding, book) -> tuple[str, ...]:
    """Replacements that can be put in the finding's place with one click: only a substitution rule
    (a `swap` of a word or phrase) says what to write instead; other suggestions are advice."""
    if finding.effect != "hurts" or finding.start is None or finding.end is None or not finding.match:
        return ()
    try:
        rule = book.rule(finding.rule)
    except KeyError:
        return ()
    if not getattr(rule.params, "swap", ()):  # a kind's own keys are in rule.params (rules/kinds/)
        return ()
    out = []
    for text in finding.suggestions:
        text = text.strip()
        if not text or "[" in text or len(text) > MAX_REWRITE_CHARS or text == finding.match:
            continue
        out.append(cased(text, finding.match))
    return tuple(dict.fromkeys(out))


def payload(text: str, nonce: int, analysed: str | None, findings: Sequence[Finding], titles: dict[str, str],
            t: Callable[..., str], book) -> dict:
    """The component's data. `analysed` is the text the findings belong to (None: no marks, e.g.
    while a template is edited: its findings belong to the filled-in letter, not to the source)."""
    items, index = [], {}
    if analysed is not None:
        for i, f in enumerate(findings):
            if f.start is None or f.end is None:
                continue
            color = dimension_color(f.dimension)
            index[i] = len(items)
            items.append({
                "n": i + 1, "title": titles.get(f.dimension, f.dimension), "chip": _chip(color),
                "color": color, "bg": rgba(color, 0.20), "bg2": rgba(color, 0.34),
                "strong": f.severity in ("error", "warning"), "effect": "helps" if f.effect == "helps" else "hurts",
                "severity": t(f"severity_{f.severity}") if f.severity in SEVERITIES else f.severity,
                "message": f.message, "why": f.why, "start": int(f.start), "end": int(f.end), "match": f.match,
                "rewrites": list(rewrites(f, book)),
                "suggestion": f.suggestions[0] if f.suggestions and f.effect == "hurts" else "",
            })
    marked = [[p.start, p.end, [index[i] for i in p.findings]]
              for p in (pieces(analysed, findings) if analysed is not None else []) if p.findings]
    return {"text": text, "nonce": nonce, "analysed": analysed, "findings": items, "pieces": marked,
            "labels": labels(t), "debounce": DEBOUNCE_MS}


def labels(t: Callable[..., str]) -> dict[str, str]:
    """The editor's texts in the interface language, their {placeholders} left for the browser."""
    keep = {name: "{" + name + "}" for name in ("count", "from", "to", "limit", "dropped")}
    return {name: t(f"editor_{name}", **keep) for name in LABELS}


def _chip(color: str) -> str:
    """The chip's background: the dimension colour, darkened where white text would be too faint."""
    dark = {"#E69F00": "#8a5a00", "#56B4E9": "#1f6e99", "#009E73": "#00704f", "#CC79A7": "#9b3f78",
            "#D55E00": "#b04a00"}
    return dark.get(color, color)


def mount(key: str, data: dict, on_change: Callable[[], None], max_chars: int) -> None:
    _component(key=key, data={**data, "maxChars": max_chars}, default={"text": data["text"]},
               on_text_change=on_change, width="stretch", height="content")


def value(key: str) -> str | None:
    """The text the browser sent last (None before it sent anything)."""
    state = st.session_state.get(key)
    if state is None:
        return None
    text = state.get("text") if hasattr(state, "get") else None
    return text if isinstance(text, str) else None
