"""A letter with its findings marked inline, as escaped HTML.

Every piece of text (the letter, messages, suggestions, titles) goes through html.escape before
it reaches the markup, so a letter can never inject HTML or script into the page.

Findings may overlap (a long sentence holds a jargon word). The letter is cut at every start and
end of a finding; each piece carries the findings that cover it, is styled after the most
specific one (shortest span; problems before what helps), and lists all of them in a tooltip that
opens on hover and on click or keyboard focus.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from outreach.rules.engine import Finding

SEVERITY_RANK = {"error": 3, "warning": 2, "suggestion": 1, "info": 0}
_CLASS_SAFE = re.compile(r"[^a-z0-9_-]")

Translate = Callable[..., str]


def css_token(value: str) -> str:
    """A value made safe for use inside a class attribute."""
    return _CLASS_SAFE.sub("", value.lower())[:40] or "x"


@dataclass(frozen=True, slots=True)
class Piece:
    start: int
    end: int
    findings: tuple[int, ...]  # indices into the findings sequence, most specific first


def _located(text: str, findings: Sequence[Finding]) -> list[tuple[int, int, int]]:
    """(start, end, index) of every finding with a usable span inside the text."""
    spans = []
    for index, finding in enumerate(findings):
        start, end = finding.start, finding.end
        if start is None or end is None:
            continue
        start, end = max(0, int(start)), min(len(text), int(end))
        if start < end:
            spans.append((start, end, index))
    return spans


def _priority(findings: Sequence[Finding], spans: dict[int, tuple[int, int]], index: int) -> tuple:
    finding = findings[index]
    start, end = spans[index]
    return (end - start, finding.effect != "hurts", -SEVERITY_RANK.get(finding.severity, 0), index)


def pieces(text: str, findings: Sequence[Finding]) -> list[Piece]:
    """The letter cut into pieces; a piece with no findings is plain text (a sweep over the cuts)."""
    located = _located(text, findings)
    spans = {index: (start, end) for start, end, index in located}
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for start, end, index in located:
        starts.setdefault(start, []).append(index)
        ends.setdefault(end, []).append(index)
    bounds = sorted({0, len(text), *starts, *ends})
    active: set[int] = set()
    result: list[Piece] = []
    for left, right in zip(bounds, bounds[1:]):
        active.difference_update(ends.get(left, ()))
        active.update(starts.get(left, ()))
        covering = sorted(active, key=lambda i: _priority(findings, spans, i))
        result.append(Piece(left, right, tuple(covering)))
    return result


def _item(number: int, finding: Finding, titles: dict[str, str], t: Translate) -> str:
    dim = css_token(finding.dimension)
    title = escape(titles.get(finding.dimension, finding.dimension))
    severity = escape(t(f"severity_{finding.severity}") if finding.severity in SEVERITY_RANK else finding.severity)
    parts = [f'<span class="oh-item oh-d-{dim}"><span class="oh-num">#{number}</span>'
             f'<span class="oh-chip">{title}</span><span class="oh-sev">{severity}</span>']
    if finding.effect == "helps":
        parts.append(f'<span class="oh-good">✓ {escape(t("helps_label"))}</span>')
    parts.append(f"<span>{escape(finding.message)}</span>")
    if finding.suggestions and finding.effect == "hurts":
        parts.append(f'<span class="oh-sugg">{escape(t("suggestion_label"))}: {escape(finding.suggestions[0])}</span>')
    parts.append("</span>")
    return "".join(parts)


def highlight_html(text: str, findings: Sequence[Finding], titles: dict[str, str], t: Translate) -> str:
    """The whole letter as one escaped <div>, with a mark per piece that has findings."""
    out = ['<div class="oh-letter" role="document">']
    for piece in pieces(text, findings):
        chunk = escape(text[piece.start:piece.end])
        if not piece.findings:
            out.append(chunk)
            continue
        main = findings[piece.findings[0]]
        effect = "hurts" if main.effect == "hurts" else "helps"
        classes = f"oh-mark oh-{effect} oh-d-{css_token(main.dimension)} oh-sev-{css_token(main.severity)}"
        tip = "".join(_item(i + 1, findings[i], titles, t) for i in piece.findings)
        out.append(f'<span class="{classes}" tabindex="0">{chunk}'
                   f'<span class="oh-tip" role="tooltip">{tip}</span></span>')
    out.append("</div>")
    return "".join(out)


def whole_letter_html(findings: Sequence[Finding], titles: dict[str, str], t: Translate) -> str:
    """Findings about the letter as a whole (no span), as an escaped list; '' if there are none."""
    whole = [i for i, f in enumerate(findings) if f.start is None or f.end is None]
    whole.sort(key=lambda i: (findings[i].effect != "hurts", -SEVERITY_RANK.get(findings[i].severity, 0), i))
    items = []
    for index in whole:
        finding = findings[index]
        effect = "hurts" if finding.effect == "hurts" else "helps"
        items.append(f'<li class="oh-{effect} oh-d-{css_token(finding.dimension)}">'
                     f"{_item(index + 1, finding, titles, t)}</li>")
    if not items:
        return ""
    return f'<ul class="oh-notes">{"".join(items)}</ul>'


def legend_html(titles: dict[str, str], t: Translate) -> str:
    """Colour key: one sample per dimension, plus the style of a problem and of what helps."""
    samples = [f'<span class="oh-mark oh-hurts oh-d-{css_token(dim)}">{escape(title)}</span>'
               for dim, title in titles.items()]
    styles = (f'<span class="oh-mark oh-hurts">{escape(t("legend_hurts"))}</span>'
              f'<span class="oh-mark oh-helps">{escape(t("legend_helps"))}</span>')
    return f'<div class="oh-legend">{"".join(samples)}<span class="oh-small">·</span>{styles}</div>'
