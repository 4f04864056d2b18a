"""The one presentation layer that the page (outreach/ui), the HTML report and the command line share.

Numbers as people read them, the CSV writer and its formula guard, the order of severities, the
colours of dimensions, verdicts and variants, the variant limits, labels and name checks, and the
letter cut into highlighted pieces with one precedence, so the page and the report colour the same
letter alike.
No Streamlit, HTML or terminal layout here: each front end renders these its own way. It imports
no other module of the project (Finding only for type checking), so the engine's and the segment
model's messages can use the same number format without an upward import.

Halves are rounded away from zero, as the charts (Vega's d3-format) do, so a table, a card, a
chart, the terminal and the HTML report agree; Dutch gets a decimal comma.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from outreach.rules.engine import Finding


@lru_cache(maxsize=8192)  # pure; Decimal is slow and the engine formats the same values again and again
def number(value: float, lang: str = "nl", digits: int | None = 0, signed: bool = False) -> str:
    """A number for the page: halves rounded away from zero, as the charts (Vega's d3-format) do.

    Python's own f"{88.5:.0f}" rounds half to even ("88") while the bar label next to it says 89;
    every figure on the page goes through here so a table, a card and a chart agree. Dutch gets a
    decimal comma. digits None: as many decimals as the value has ("-2,5", "60").
    """
    value = float(value)
    if not math.isfinite(value):
        text = str(value)
    else:
        if digits is None:
            digits = max(0, -Decimal(repr(value)).normalize().as_tuple().exponent)
        # repr gives the shortest decimal that round-trips: 88.5 stays 88.5, 0.1 + 0.2 is 0.30000000000000004
        rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
        text = f"{rounded:.{digits}f}"
        if rounded == 0:
            text = text.lstrip("-")  # no "-0"
    if signed and not text.startswith("-"):
        text = "+" + text
    return text.replace(".", ",") if lang == "nl" else text


# Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"), with the
# full-width forms that Excel and LibreOffice also accept, and the NUL that some readers skip.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\x00", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def spreadsheet_cell(value: object) -> object:
    """A value for a CSV cell: text that a spreadsheet would run as a formula gets a leading quote.

    The one guard for every CSV the app and the command line write. Leading spaces do not hide a
    formula (some spreadsheets trim them). Numbers and other values pass unchanged.
    """
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_START):
        return "'" + value
    return value


def csv_text(frame, sep: str = ",", decimal: str = ".") -> str:
    """A pandas DataFrame as CSV, every text cell through spreadsheet_cell: the one CSV writer of
    the page and the report. sep=";", decimal="," is what Dutch Excel opens."""
    import pandas as pd  # imported here: only the CSV downloads need pandas

    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(spreadsheet_cell)
    return safe.to_csv(index=False, sep=sep, decimal=decimal, lineterminator="\n")


def percent(share: float, lang: str = "nl", digits: int = 0) -> str:
    """A share of 0..1 as a percentage: 0.39 -> "39%"."""
    return number(share * 100, lang, digits) + "%"


# --- severities ---------------------------------------------------------------------------------

SEVERITIES = ("error", "warning", "suggestion", "info")  # most severe first


def severity_rank(severity: str) -> int:
    """0 for the most severe; an unknown severity after all known ones."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)


# --- colours ------------------------------------------------------------------------------------

# Okabe-Ito: safe for the common kinds of colour blindness; a dimension has one colour everywhere.
DIMENSION_COLORS = {
    "tone": "#D55E00",         # vermillion
    "intent": "#0072B2",       # blue
    "autonomy": "#CC79A7",     # reddish purple
    "privacy": "#009E73",      # bluish green
    "readability": "#E69F00",  # orange
    "contact": "#56B4E9",      # sky blue
}
FALLBACK_COLOR = "#6e7781"
VERDICT_COLORS = {"lands_well": "#1a7f37", "doubtful": "#9a6700", "turns_away": "#cf222e"}
VARIANT_COLORS = ("#1d4e89", "#E69F00", "#009E73", "#CC79A7")  # A B C D


def dimension_color(dimension: str) -> str:
    return DIMENSION_COLORS.get(dimension, FALLBACK_COLOR)


# --- variants -----------------------------------------------------------------------------------

MIN_VARIANTS = 2
MAX_VARIANTS = 4
VARIANT_LABELS = "ABCD"  # A is the base of every comparison
MAX_NAME_CHARS = 80


def variant_label(index: int) -> str:
    """The letter of the variant at this position."""
    return VARIANT_LABELS[index] if 0 <= index < len(VARIANT_LABELS) else str(index + 1)


def free_name(wanted: str, taken: Iterable[str], limit: int | None = MAX_NAME_CHARS,
              numbered: str = " ({n})") -> str:
    """`wanted`, or 'wanted (2)', 'wanted (3)' ... while that name is taken; within `limit`
    characters (None: no limit), the name shortened and the number kept."""
    taken = set(taken)

    def fit(suffix: str) -> str:
        return (wanted if limit is None else wanted[:limit - len(suffix)].rstrip()) + suffix

    name, number = fit(""), 2
    while name in taken:
        name = fit(numbered.format(n=number))
        number += 1
    return name


# Characters a name must not hold: they hide or reorder what is shown (bidi overrides and isolates,
# zero-width characters) or cannot be stored (lone surrogates); control characters break lines.
BIDI_CONTROLS = frozenset(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F,
                                           0x061C])
ZERO_WIDTH = frozenset(chr(c) for c in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E, 0x00AD))


def invisible(char: str) -> bool:
    """A character that has no place in a name (control, bidi, zero-width, surrogate, unassigned)."""
    code = ord(char)
    return (code < 32 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or char in BIDI_CONTROLS
            or char in ZERO_WIDTH or unicodedata.category(char) in ("Cf", "Cs", "Co", "Cn"))


def has_surrogate(text: str) -> bool:
    return any(0xD800 <= ord(c) <= 0xDFFF for c in text)


def clean_name(name: str) -> str:
    """A typed name with line breaks and tabs as spaces, invisible characters removed, trimmed."""
    spaced = re.sub(r"[\x00-\x1f\x7f-\x9f]+", " ", name)
    return "".join(c for c in spaced if not invisible(c)).strip()


def name_problem(value: object) -> str | None:
    """Why this cannot be the name of a variant or a workspace, as a code, or None.

    Codes: not_text, surrogate, empty, too_long (over MAX_NAME_CHARS), control (a line break or
    other control character), invisible (bidi, zero-width ...). The store and the page word them.
    """
    if not isinstance(value, str):
        return "not_text"
    if has_surrogate(value):
        return "surrogate"
    if not value.strip():
        return "empty"
    if len(value) > MAX_NAME_CHARS:
        return "too_long"
    if any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in value):
        return "control"
    if any(invisible(c) for c in value):
        return "invisible"
    return None


# --- the letter cut into highlighted pieces ---------------------------------------------------

@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch text[start:end]; `findings` are the indices of the findings covering it, the one
    that colours the piece first."""
    start: int
    end: int
    findings: tuple[int, ...]


def finding_order(finding: Finding) -> tuple:
    """Findings in a list: problems first, then the most severe, then the weightiest."""
    return (finding.effect != "hurts", severity_rank(finding.severity), -abs(finding.points))


def _precedence(finding: Finding, length: int, index: int) -> tuple:
    # As in a list, but among problems (or among what helps) the most specific span first: the
    # jargon word inside a long sentence stays visible. Ties: the first found.
    problem, *rest = finding_order(finding)
    return (problem, length, *rest, index)


def pieces(text: str, findings: Sequence[Finding]) -> list[Piece]:
    """The whole text cut at every start and end of a finding (spans clipped to the text); a piece
    without findings is plain text. The one cut for the page and the report."""
    located = []
    for index, finding in enumerate(findings):
        if finding.start is None or finding.end is None:
            continue
        start, end = max(0, int(finding.start)), min(len(text), int(finding.end))
        if start < end:
            located.append((start, end, index))
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    order: dict[int, tuple] = {}
    for start, end, index in located:
        starts.setdefault(start, []).append(index)
        ends.setdefault(end, []).append(index)
        order[index] = _precedence(findings[index], end - start, index)
    bounds = sorted({0, len(text), *starts, *ends})
    active: set[int] = set()
    result: list[Piece] = []
    for left, right in zip(bounds, bounds[1:]):
        active.difference_update(ends.get(left, ()))
        active.update(starts.get(left, ()))
        result.append(Piece(left, right, tuple(sorted(active, key=order.__getitem__))))
    return result
