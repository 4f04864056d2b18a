"""Proactive outreach letter simulator: how a Dutch outreach letter will likely land, and why.

A rule-based simulation of research findings, never a prediction about or a profile of a person.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["Analysis", "TextTooLong", "advise", "analyze"]

if TYPE_CHECKING:
    from outreach.advice import advise
    from outreach.analysis import Analysis, TextTooLong, analyze


def __getattr__(name: str):
    # Loaded on first use: a command that analyses nothing (render, --help) does not pay for the
    # engine's imports; advise also loads the scenarios (and Jinja2).
    if name == "advise":
        from outreach.advice import advise as value
    elif name in __all__:
        from outreach import analysis

        value = getattr(analysis, name)
    else:
        raise AttributeError(f"module 'outreach' has no attribute {name!r}")
    globals()[name] = value  # found once: later look-ups do not come through here
    return value
