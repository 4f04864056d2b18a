"""Numbers as people read them, one format for the page and the report.

Halves are rounded away from zero, as the charts (Vega's d3-format) do, so a table, a card, a
chart and the HTML report agree; Dutch gets a decimal comma.
"""
from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal


def number(value: float, lang: str = "nl", digits: int = 0, signed: bool = False) -> str:
    """A number for the page: halves rounded away from zero, as the charts (Vega's d3-format) do.

    Python's own f"{88.5:.0f}" rounds half to even ("88") while the bar label next to it says 89;
    every figure on the page goes through here so a table, a card and a chart agree. Dutch gets a
    decimal comma.
    """
    value = float(value)
    if not math.isfinite(value):
        text = str(value)
    else:
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
