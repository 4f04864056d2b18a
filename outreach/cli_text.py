"""The terminal reports of `python -m outreach check` and `compare` (`--format text`; labels in
Dutch or English from outreach/messages.toml; with `--ui-lang en` the analysis' own texts too:
findings, verdicts, the advice's reasons (outreach/interface.py); the letter's words as they are).

Every number goes through outreach.formatting, as on the page and in the HTML report, with the
decimal comma in Dutch and the decimal point in English.
"""
from __future__ import annotations

from outreach import interface
from outreach.compare import TIE_MARGIN, Change, Comparison, SegmentComparison
from outreach.formatting import number, percent, variant_label
from outreach.messages import DEFAULT_LANG, text

_SYMBOL = {"error": "✗", "warning": "!", "suggestion": "~", "info": "✓"}
DIMENSION_WIDTH, SEGMENT_WIDTH = 16, 26  # the narrowest label columns; wider labels widen them


def _points(value: float, lang: str = DEFAULT_LANG) -> str:
    """Finding points, signed, with the decimals they have: "-3", "+2,5" ("+2.5" in English)."""
    return number(value, lang, digits=None, signed=True)


def _width(labels, least: int) -> int:
    """A label column as wide as its longest label, so the columns after it line up."""
    return max([least, *(len(label) for label in labels)])


def render_analysis(result: dict, lang: str = DEFAULT_LANG) -> str:
    """A readable report of one analysis dict (the JSON object of the CLI contract)."""
    out = [f"== {result.get('file') or text('cli.report.letter', lang)} =="]
    if result.get("empty"):
        out.append(result.get("notice") or text("cli.report.nothing", lang))
        return "\n".join(out)
    if result.get("notice"):
        out.append(text("cli.report.notice", lang, notice=result["notice"]))
    m = result["metrics"]
    out.append(text(
        "cli.report.metrics", lang, words=int(m["words"]), sentences=int(m["sentences"]),
        average=number(m["avg_sentence_words"], lang, digits=1), flesch=number(m["flesch_douma"], lang, digits=1),
        minutes=number(m["reading_minutes"], lang, digits=1)))
    out.append("")
    out.append(text("cli.report.dimensions", lang))
    titles = {name: interface.dimension_title(name, dim["title"], lang) for name, dim in result["dimensions"].items()}
    width = _width(titles.values(), DIMENSION_WIDTH)
    for name, dim in result["dimensions"].items():
        bar = "█" * int(dim["score"] // 10)
        out.append(f"  {titles[name]:<{width}} {number(dim['score'], lang):>5}  {bar}")
    if result.get("segments"):
        out.append("")
        out.append(text("cli.report.segments", lang))
        width = _width((seg["name"] for seg in result["segments"].values()), SEGMENT_WIDTH)
        for seg in result["segments"].values():
            share = number(seg["share"] * 100, lang) + "%"
            label = interface.verdict_label(seg["verdict"], seg.get("verdict_label") or seg["verdict"], lang)
            out.append(f"  {seg['name']:<{width}} {share:>4}  {number(seg['score'], lang):>5}  {label}")
        reach = result.get("reach") or {}
        if reach:
            out.append("  " + text("cli.report.reach", lang, score=number(reach["score"], lang),
                                   share=number(reach["lands_well_share"] * 100, lang)))
    findings = result["findings"]
    out.append("")
    out.append(text("cli.report.findings", lang, count=len(findings)))
    for f in findings:
        f = interface.finding_dict(f, lang)
        where = f"[{f['start']}-{f['end']}]" if f["start"] is not None else f"[{text('cli.report.letter', lang)}]"
        symbol = _SYMBOL.get(f["severity"], "-")
        match = f" '{f['match']}'" if f["match"] and len(f["match"]) <= 60 else ""
        out.append(f"  {symbol} {where:<12} {f['dimension']:<11} {_points(f['points'], lang)}{match}")
        out.append(f"      {f['message']}")
        if f["suggestions"] and f["effect"] == "hurts":
            out.append(f"      → {f['suggestions'][0]}")
    return "\n".join(out)


# --- compare ------------------------------------------------------------------------------------

def _delta(value: float, index: int, lang: str = DEFAULT_LANG) -> str:
    return "-" if index == 0 else number(value, lang, digits=1, signed=True)


def _outcome(comparison: Comparison, winner_name: str | None, tie: tuple[str, ...], lang: str) -> str:
    names = comparison.names
    if winner_name is not None:
        return "  " + text("cli.compare.best", lang, label=variant_label(names.index(winner_name)), name=winner_name)
    labels = ", ".join(variant_label(names.index(n)) for n in tie)
    return "  " + text("cli.compare.tie", lang, margin=number(TIE_MARGIN, lang, digits=1), labels=labels)


def _columns(lang: str, last: str) -> str:
    variant, score, delta = (text(c, lang) for c in ("cli.compare.variant", "cli.compare.score", "cli.compare.delta"))
    return f"  {variant:<8} {score:>6} {delta:>9}  {last}"


def _segment_text(comparison: Comparison, seg: SegmentComparison, lang: str) -> list[str]:
    out = [f"{seg.name} ({text('cli.compare.of_population', lang, share=percent(seg.share, lang))})",
           _columns(lang, text("cli.compare.verdict", lang))]
    for i, (score, delta, verdict, label) in enumerate(zip(seg.scores, seg.deltas, seg.verdicts, seg.verdict_labels)):
        label = interface.verdict_label(verdict, label, lang)
        out.append(f"  {variant_label(i):<8} {number(score, lang, digits=1):>6} {_delta(delta, i, lang):>9}  {label}")
    out.append(_outcome(comparison, seg.winner, seg.tie, lang))
    return out


def _reach_text(comparison: Comparison, lang: str) -> list[str]:
    reach = comparison.reach
    out = [text("cli.compare.reach", lang), _columns(lang, text("cli.compare.lands_well", lang))]
    for i, (score, delta, share) in enumerate(zip(reach.scores, reach.deltas, reach.lands_well_shares)):
        out.append(f"  {variant_label(i):<8} {number(score, lang, digits=1):>6} {_delta(delta, i, lang):>9}  "
                   + text("cli.compare.of_population", lang, share=percent(share, lang)))
    out.append(_outcome(comparison, reach.winner, reach.tie, lang))
    return out


def _change_line(symbol: str, change: Change, lang: str = DEFAULT_LANG) -> str:
    match = f" '{change.match}'" if change.match and len(change.match) <= 60 else ""
    message = interface.message(change.rule, change.message, lang)
    return f"  {symbol} {change.rule}{match} ({_points(change.points, lang)}): {message}"


def _changes_text(comparison: Comparison, name: str, lang: str) -> list[str]:
    label = variant_label(comparison.names.index(name))
    out = []
    for title, items, symbol in (("cli.compare.fixed", comparison.fixed[name], "✓"),
                                 ("cli.compare.introduced", comparison.introduced[name], "✗")):
        out.append(text(title, lang, label=label, count=len(items)))
        out.extend(_change_line(symbol, c, lang) for c in items)
        if not items:
            out.append("  " + text("cli.compare.none", lang))
    return out


def render_comparison(comparison: Comparison, lang: str = DEFAULT_LANG) -> str:
    """The terminal report of `python -m outreach compare --format text`."""
    out = [text("cli.compare.title", lang, count=len(comparison.names))]
    out.extend(f"  {variant_label(i)}  {name}" for i, name in enumerate(comparison.names))
    for seg in comparison.segments.values():
        out.append("")
        out.extend(_segment_text(comparison, seg, lang))
    out.append("")
    out.extend(_reach_text(comparison, lang))
    for name in comparison.names[1:]:
        out.append("")
        out.extend(_changes_text(comparison, name, lang))
    return "\n".join(out)


def _quoted(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return "'" + (flat if len(flat) <= limit else flat[:limit - 1] + "…") + "'"


def _effect(effect: dict, lang: str) -> str:
    """"+12 bereik; Voorzichtige Verbinders van Twijfel naar Komt goed aan" (Effect.to_dict()), in `lang`."""
    parts = [text("advice.effect_reach", lang, points=_change(effect["reach"], lang))]
    parts += [text("advice.effect_verdict", lang, name=c["name"],
                   before=interface.verdict_label(c["from"], c["from_label"], lang),
                   after=interface.verdict_label(c["to"], c["to_label"], lang)) for c in effect["verdict_changes"]]
    return "; ".join(parts)


def _change(value: float, lang: str) -> str:
    """A score change: "+12", and "+0,4" for a small one (outreach.advice.points, in `lang`)."""
    return number(value, lang, digits=0 if abs(value) >= 1 else 1, signed=True)


def _reason(fix: dict, lang: str) -> str:
    return interface.fix_reason(fix["reason"], fix.get("rules") or (), lang)


def render_fixes(result: dict, lang: str = DEFAULT_LANG) -> str:
    """The "Eerst doen" list of `check --fixes`: each change with its measured effect, best first."""
    out = ["", text("cli.fixes.title", lang)]
    if not result.get("fixes"):
        note = interface.catalogue_text(result.get("fixes_note") or "", interface.NOTES, lang)
        out.append(f"  {note or text('cli.fixes.none', lang)}")
    for i, fix in enumerate(result.get("fixes", []), 1):
        out.append(f"  {i}. [{_effect(fix['effect'], lang)}] {_reason(fix, lang)}")
        if fix["original"].strip():
            out.append("       " + text("cli.fixes.removed", lang, text=_quoted(fix["original"])))
        if fix["replacement"].strip():
            out.append("       " + text("cli.fixes.added", lang, text=_quoted(fix["replacement"])))
    for plan in (result.get("plans") or {}).values():
        out.append("")
        steps = len(plan["fixes"])
        out.append(text("cli.fixes.plan_reached" if plan["reached"] else "cli.fixes.plan_unreachable", lang,
                        name=plan["name"], goal=interface.verdict_label(plan["goal"], plan["goal_label"], lang),
                        steps=steps))
        for fix in plan["fixes"]:
            out.append(f"  - {_reason(fix, lang)} ({_change(fix['effect']['segments'][plan['segment']], lang)})")
    return "\n".join(out)
