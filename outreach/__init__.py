"""Proactive outreach letter simulator: how a Dutch outreach letter will likely land, and why.

A rule-based simulation of research findings, never a prediction about or a profile of a person.
"""
from outreach.analysis import Analysis, TextTooLong, analyze

__all__ = ["Analysis", "TextTooLong", "advise", "analyze"]


def __getattr__(name: str):
    # outreach.advise loads the scenarios (and Jinja2) only when it is used: `--help` stays instant.
    if name == "advise":
        from outreach.advice import advise
        return advise
    raise AttributeError(f"module 'outreach' has no attribute {name!r}")
