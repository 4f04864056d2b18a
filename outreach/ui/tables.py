"""The findings of a letter as a pandas table: filterable, labelled per language, and as CSV."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import pandas as pd

from outreach.formatting import SEVERITIES, csv_text
from outreach.rules.engine import Finding

Translate = Callable[..., str]
# Internal column ids, in display order; labels come from the string catalogue (col_<id>).
COLUMNS = ("nr", "dimension", "severity", "effect", "match", "message", "suggestion", "points", "rule",
           "start", "end")
SHOWN = COLUMNS[:-2]  # the page leaves out the character offsets; the CSV keeps them


def findings_frame(findings: Sequence[Finding]) -> pd.DataFrame:
    """One row per finding, with ids (not labels) in the dimension/severity/effect columns."""
    rows = [{
        "nr": index + 1,
        "dimension": f.dimension,
        "severity": f.severity,
        "effect": f.effect,
        "match": f.match,
        "message": f.message,
        "suggestion": f.suggestions[0] if f.suggestions and f.effect == "hurts" else "",  # a rewrite only where it hurts
        "points": float(f.points),
        "rule": f.rule,
        "start": f.start,
        "end": f.end,
    } for index, f in enumerate(findings)]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["start"] = frame["start"].astype("Int64")
    frame["end"] = frame["end"].astype("Int64")
    frame["nr"] = frame["nr"].astype("int64")
    frame["points"] = frame["points"].astype("float64")
    return frame


def filter_frame(frame: pd.DataFrame, dimensions: Iterable[str] | None = None,
                 severities: Iterable[str] | None = None) -> pd.DataFrame:
    """Rows whose dimension and severity are among those chosen (None or empty = all)."""
    mask = pd.Series(True, index=frame.index)
    dimensions, severities = list(dimensions or []), list(severities or [])
    if dimensions:
        mask &= frame["dimension"].isin(dimensions)
    if severities:
        mask &= frame["severity"].isin(severities)
    return frame[mask].reset_index(drop=True)


def labelled(frame: pd.DataFrame, titles: dict[str, str], t: Translate) -> pd.DataFrame:
    """The table as shown to a reader: dimension titles, translated severities and headers."""
    shown = frame.copy()
    shown["dimension"] = shown["dimension"].map(lambda d: titles.get(d, d))
    shown["severity"] = shown["severity"].map(
        lambda s: t(f"severity_{s}") if s in SEVERITIES else s)
    shown["effect"] = shown["effect"].map(lambda e: t(f"effect_{e}") if e in ("hurts", "helps") else e)
    return shown.rename(columns={c: t(f"col_{c}") for c in COLUMNS})


CSV_SEP = ";"


def to_csv(frame: pd.DataFrame) -> bytes:
    """CSV as Dutch Excel opens it: semicolons, decimal commas, a UTF-8 byte-order mark (so it
    shows ë and é); text cells formula-safe."""
    return csv_text(frame, sep=CSV_SEP, decimal=",").encode("utf-8-sig")
