"""A letter with its findings marked inline, as escaped HTML.

Every piece of text (the letter, messages, suggestions, titles) goes through html.escape before
it reaches the markup, so a letter can never inject HTML or script into the page.

Findings may overlap (a long sentence holds a jargon word). The letter is cut into pieces by
outreach.formatting.pieces, the same cut and precedence as the HTML report; each piece is styled
after its first finding and lists all of them in a tooltip that opens on hover and on click or
keyboard focus.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from html import escape

from outreach.formatting import SEVERITIES, finding_order, pieces
from outreach.rules.engine import Finding

_CLASS_SAFE = re.compile(r"[^a-z0-9_-]")

Translate = Callable[..., str]


def css_token(value: str) -> str:
    """A value made safe for use inside a class attribute."""
    return _CLASS_SAFE.sub("", value.lower())[:40] or "x"


def _item(number: int, finding: Finding, titles: dict[str, str], t: Translate) -> str:
    dim = css_token(finding.dimension)
    title = escape(titles.get(finding.dimension, finding.dimension))
    severity = escape(t(f"severity_{finding.severity}") if finding.severity in SEVERITIES else finding.severity)
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
    whole.sort(key=lambda i: (*finding_order(findings[i]), i))
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
