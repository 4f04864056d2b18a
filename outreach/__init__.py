"""Proactive outreach letter simulator: how a Dutch outreach letter will likely land, and why.

A rule-based simulation of research findings, never a prediction about or a profile of a person.
"""
from outreach.analysis import Analysis, TextTooLong, analyze

__all__ = ["Analysis", "TextTooLong", "analyze"]
