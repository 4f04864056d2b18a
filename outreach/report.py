"""A self-contained HTML report of a comparison, plus the scores as CSV and JSON.

API (for the app):

    from outreach.compare import compare
    from outreach.report import render_report, scores_csv, scores_json

    result = compare([("Variant A", text_a), ("Variant B", text_b)])
    html = render_report(result, "Huurachterstand, april", exercise={"problem": "..."})
    html = render_report(result, "Rent arrears, April", lang="en")  # the report's words in English
    csv_text = scores_csv(result)          # one row per variant x segment
    json_text = scores_json(result)        # the same rows plus reach per variant

The HTML has no scripts and no external resources (charts are inline SVG built here, CSS is
inline), prints well, and escapes every piece of user text: it is rendered by our own template
in an autoescaping Jinja2 environment, and nothing is marked safe. The report always carries the
model's caveat (CAVEAT): a rule-based simulation of research findings, not a prediction about a
person.

The report's own words are a catalogue beside the template (report_templates/report.toml, Dutch
and English); in English the analysis' texts (findings, verdicts, reasons, reactions) come from
outreach/interface.py and numbers get a decimal point. The letters stay Dutch.
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context

from outreach import interface

from outreach.compare import Comparison
from outreach.formatting import (VARIANT_COLORS, VERDICT_COLORS, csv_text, dimension_color, finding_order, number,
                                 pieces, variant_label)
from outreach.messages import load_catalogue, msg, render, text
from outreach.rules.engine import Finding
from outreach.segments import load_model

TEMPLATE_DIR = Path(__file__).resolve().parent / "report_templates"
TEMPLATE = "report.html.j2"
WORDS = TEMPLATE_DIR / "report.toml"  # the template's own words, nl and en
CAVEAT = msg("report.caveat")

EXERCISE_LABELS = {"problem": msg("report.exercise.problem"), "stakeholders": msg("report.exercise.stakeholders"),
                   "mechanism": msg("report.exercise.mechanism"),
                   "design_question": msg("report.exercise.design_question"),
                   "conditions": msg("report.exercise.conditions")}
MAX_TITLES = 3  # messages in one mark's tooltip


# --- letters with marked findings ---------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Marked:
    """A stretch of letter text; marked after its first finding (formatting.pieces decides which)."""
    text: str
    dimension: str | None = None
    effect: str = ""
    severity: str = ""
    title: str = ""


def letter_pieces(text: str, findings: tuple[Finding, ...]) -> list[Marked]:
    """The letter cut as on the page; each marked piece titled with its first few messages."""
    out = []
    for piece in pieces(text, findings):
        chunk = text[piece.start:piece.end]
        covering = [findings[i] for i in piece.findings]
        if not covering:
            out.append(Marked(chunk))
            continue
        title = " · ".join(dict.fromkeys(f.message for f in covering[:MAX_TITLES]))
        top = covering[0]
        out.append(Marked(chunk, top.dimension, top.effect, top.severity, title))
    return out


# --- charts (inline SVG geometry; the template draws it) ----------------------------------------

@dataclass(frozen=True, slots=True)
class Bar:
    y: float
    width: float
    color: str
    label: str   # variant letter
    value: float


@dataclass(frozen=True, slots=True)
class BarGroup:
    title: str
    y: float
    bars: tuple[Bar, ...]


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    left: int           # x where the 0 of the scale is
    scale: float        # pixels per point (0-100)
    groups: tuple[BarGroup, ...]
    thresholds: tuple[tuple[float, str], ...]  # (x, label)
    bar_height: int
    description: str


CHART_WIDTH, CHART_LEFT, CHART_RIGHT = 720, 40, 50
BAR_HEIGHT, BAR_GAP, GROUP_GAP, CHART_TOP, TITLE_HEIGHT = 16, 3, 14, 22, 20


def score_chart(comparison: Comparison, lang: str = "nl") -> Chart:
    """Grouped horizontal bars: per segment and for reach, one bar per variant (0-100)."""
    model = load_model()
    scale = (CHART_WIDTH - CHART_LEFT - CHART_RIGHT) / 100
    rows = [(seg.name, seg.scores) for seg in comparison.segments.values()]
    rows.append((text("report.chart_reach", lang), comparison.reach.scores))
    groups, y = [], CHART_TOP
    for title, scores in rows:
        top = y + TITLE_HEIGHT
        bars = tuple(Bar(top + i * (BAR_HEIGHT + BAR_GAP), round(score * scale, 1), VARIANT_COLORS[i],
                         variant_label(i), score) for i, score in enumerate(scores))
        groups.append(BarGroup(title, y, bars))
        y = top + len(scores) * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP
    thresholds = ((CHART_LEFT + model.turns_away * scale, number(model.turns_away, lang, digits=None)),
                  (CHART_LEFT + model.lands_well * scale, number(model.lands_well, lang, digits=None)))
    description = "; ".join(
        f"{title}: " + ", ".join(f"{variant_label(i)} {number(s, lang)}" for i, s in enumerate(scores))
        for title, scores in rows)
    return Chart(CHART_WIDTH, int(y), CHART_LEFT, scale, tuple(groups), thresholds, BAR_HEIGHT,
                 text("report.chart_description", lang, description=description))


# --- the report ---------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def environment() -> Environment:
    """Our own template only: autoescaping on, undefined names are errors."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATE_DIR)), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["nl"] = dutch_number
    env.filters["num"] = _number
    return env


@pass_context
def _number(context, value: float, digits: int | None = 1, signed: bool = False) -> str:
    """The template's `num` filter: a number as on the page, in the report's language."""
    return number(value, context.get("lang", "nl"), digits, signed)


@lru_cache(maxsize=1)
def words() -> dict[str, dict[str, str]]:
    """The template's own words (report.toml), checked like the engine's catalogue."""
    return load_catalogue(WORDS)


def _words(lang: str, key: str, **values: object) -> str:
    return words()[key][lang if lang in ("nl", "en") else "nl"].format(**values)


def dutch_number(value: float, digits: int | None = 1, signed: bool = False) -> str:
    """The template's `nl` filter: a number as on the page ("15,1"); digits None: as many as it has."""
    return number(value, "nl", digits, signed)


def _exercise_items(exercise: dict | None, lang: str = "nl") -> list[tuple[str, str]]:
    if not exercise:
        return []
    items = [(render(EXERCISE_LABELS[k], lang), str(exercise[k])) for k in EXERCISE_LABELS if exercise.get(k)]
    items += [(str(k), str(v)) for k, v in exercise.items() if k not in EXERCISE_LABELS and v]
    return items


def _changes(changes: tuple, lang: str) -> tuple:
    """A comparison's fixed or introduced problems with their messages in `lang`."""
    if lang == "nl":
        return changes
    return tuple(dataclasses.replace(c, message=interface.message(c.rule, c.message, lang)) for c in changes)


def _variant_context(comparison: Comparison, index: int, lang: str = "nl") -> dict:
    name, letter, analysis = comparison.names[index], comparison.texts[index], comparison.analyses[index]
    findings = interface.findings(analysis.findings, lang, analysis.lang)
    whole = [f for f in findings if f.start is None]
    anchored = [f for f in findings if f.start is not None]
    return {
        "label": variant_label(index), "name": name, "color": VARIANT_COLORS[index],
        "analysis": analysis, "pieces": letter_pieces(letter, findings),
        "problems": sorted((f for f in anchored if f.effect == "hurts"), key=lambda f: f.start),
        "strengths": sorted((f for f in anchored if f.effect == "helps"), key=lambda f: f.start),
        "whole": sorted(whole, key=finding_order),
        "fixed": _changes(comparison.fixed.get(name, ()), lang),
        "introduced": _changes(comparison.introduced.get(name, ()), lang),
        "diff": comparison.diffs.get(name),
    }


def report_context(comparison: Comparison, title: str, exercise: dict | None = None, lang: str = "nl") -> dict:
    first = comparison.analyses[0]
    letter_lang = first.lang
    return {
        "lang": lang,
        "t": partial(_words, lang),
        "title": title or text("report.title", lang),
        "caveat": text("report.caveat", lang),
        "exercise": _exercise_items(exercise, lang),
        "variants": [_variant_context(comparison, i, lang) for i in range(len(comparison.names))],
        "segments": list(comparison.segments.values()),
        "reach": comparison.reach,
        "dimensions": {d: interface.dimension_title(d, s.title, lang) for d, s in first.dimensions.items()},
        "dimension_colors": {d: dimension_color(d) for d in first.dimensions},
        "verdict_colors": VERDICT_COLORS,
        "chart": score_chart(comparison, lang),
        # the analysis' own texts in the report's language (outreach/interface.py; as they are in Dutch)
        "verdict": lambda verdict, dutch: interface.verdict_label(verdict, dutch, lang, letter_lang),
        "reaction": lambda reception: interface.reaction(reception, lang, letter_lang),
        "reason": lambda segment, item: interface.reason(segment, item, lang, letter_lang=letter_lang),
        "notice": lambda notice: render(notice, lang) if notice else notice,
    }


def render_report(comparison: Comparison, title: str, exercise: dict | None = None, lang: str = "nl") -> str:
    """The whole report as one HTML document (str), safe to save and open offline; `lang`: the
    language of its own words and of the analysis' texts ("nl" or "en"; the letters stay Dutch)."""
    return environment().get_template(TEMPLATE).render(**report_context(comparison, title, exercise, lang))


# --- scores as data -----------------------------------------------------------------------------

def score_rows(comparison: Comparison) -> list[dict]:
    """One row per variant x segment: score, verdict, delta against A, winner."""
    rows = []
    for i, name in enumerate(comparison.names):
        for sid, seg in comparison.segments.items():
            rows.append({
                "variant": name, "variant_label": variant_label(i), "segment": sid,
                "segment_name": seg.name, "share": seg.share, "score": seg.scores[i],
                "verdict": seg.verdicts[i], "verdict_label": seg.verdict_labels[i],
                "delta_vs_a": seg.deltas[i], "winner": seg.winner == name, "tie": name in seg.tie,
            })
    return rows


def scores_csv(comparison: Comparison, sep: str = ",", decimal: str = ".") -> str:
    """The score rows as CSV; names that look like formulas get a leading quote."""
    import pandas as pd  # imported here: the report itself does not need pandas

    return csv_text(pd.DataFrame(score_rows(comparison)), sep, decimal)


def scores_json(comparison: Comparison) -> str:
    reach = comparison.reach
    payload = {
        "caveat": CAVEAT,
        "variants": list(comparison.names),
        "rows": score_rows(comparison),
        "reach": [{"variant": name, "score": reach.scores[i], "lands_well_share": reach.lands_well_shares[i],
                   "delta_vs_a": reach.deltas[i], "winner": reach.winner == name, "tie": name in reach.tie}
                  for i, name in enumerate(comparison.names)],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)
