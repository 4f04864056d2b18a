"""A short reaction "in the segment's voice", rendered from the model's Jinja2 templates.

Templates come from a data file, so they render in Jinja2's immutable sandbox with strict
undefined names, and the output is bounded.
"""
from __future__ import annotations

from functools import lru_cache

from jinja2 import StrictUndefined, TemplateError, meta
from jinja2.sandbox import ImmutableSandboxedEnvironment

from outreach.messages import msg

MAX_REACTION_CHARS = 600


@lru_cache(maxsize=1)
def _environment() -> ImmutableSandboxedEnvironment:
    # Plain text, not HTML: whoever shows it in a page escapes it there.
    return ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=False)


@lru_cache(maxsize=256)
def _template(source: str):
    return _environment().from_string(source)


@lru_cache(maxsize=256)
def template_names(source: str) -> frozenset[str]:
    """The names a template reads from its context ({{ match }}, {% if digital %}); a template
    that does not parse reads none (it renders the same error whatever the values)."""
    try:
        return frozenset(meta.find_undeclared_variables(_environment().parse(source)))
    except TemplateError:
        return frozenset()


def render_reaction(source: str, **context: object) -> str:
    try:
        text = _template(source).render(**context)
    except TemplateError as err:
        return msg("reception.reaction_failed", error=err.message)
    text = " ".join(text.split())
    return text[:MAX_REACTION_CHARS]
