"""The terminal reports of `python -m outreach check` and `compare` (`--format text`; labels in
Dutch or English from outreach/messages.toml, the analysis itself as it is).

Every number goes through outreach.formatting, as on the page and in the HTML report.
"""
from __future__ import annotations

from outreach import interface
from outreach.compare import TIE_MARGIN, Change, Comparison, SegmentComparison
from outreach.formatting import number, percent, variant_label
from outreach.messages import DEFAULT_LANG, text

_SYMBOL = {"error": "✗", "warning": "!", "suggestion": "~", "info": "✓"}


def _points(value: float) -> str:
    """Finding points, signed, with the decimals they have: "-3", "+2,5"."""
    return number(value, digits=None, signed=True)


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
        average=number(m["avg_sentence_words"], digits=1), flesch=number(m["flesch_douma"], digits=1),
        minutes=number(m["reading_minutes"], digits=1)))
    out.append("")
    out.append(text("cli.report.dimensions", lang))
    for name, dim in result["dimensions"].items():
        bar = "█" * int(dim["score"] // 10)
        title = interface.dimension_title(name, dim["title"], lang)
        out.append(f"  {title:<16} {number(dim['score']):>5}  {bar}")
    if result.get("segments"):
        out.append("")
        out.append(text("cli.report.segments", lang))
        for seg in result["segments"].values():
            share = number(seg["share"] * 100) + "%"
            label = interface.verdict_label(seg["verdict"], seg.get("verdict_label") or seg["verdict"], lang)
            out.append(f"  {seg['name']:<26} {share:>4}  {number(seg['score']):>5}  {label}")
        reach = result.get("reach") or {}
        if reach:
            out.append("  " + text("cli.report.reach", lang, score=number(reach["score"]),
                                   share=number(reach["lands_well_share"] * 100)))
    findings = result["findings"]
    out.append("")
    out.append(text("cli.report.findings", lang, count=len(findings)))
    for f in findings:
        f = interface.finding_dict(f, lang)
        where = f"[{f['start']}-{f['end']}]" if f["start"] is not None else f"[{text('cli.report.letter', lang)}]"
        symbol = _SYMBOL.get(f["severity"], "-")
        match = f" '{f['match']}'" if f["match"] and len(f["match"]) <= 60 else ""
        out.append(f"  {symbol} {where:<12} {f['dimension']:<11} {_points(f['points'])}{match}")
        out.append(f"      {f['message']}")
        if f["suggestions"] and f["effect"] == "hurts":
            out.append(f"      → {f['suggestions'][0]}")
    return "\n".join(out)


# --- compare ------------------------------------------------------------------------------------

def _delta(value: float, index: int) -> str:
    return "-" if index == 0 else number(value, digits=1, signed=True)


def _outcome(comparison: Comparison, winner_name: str | None, tie: tuple[str, ...], lang: str) -> str:
    names = comparison.names
    if winner_name is not None:
        return "  " + text("cli.compare.best", lang, label=variant_label(names.index(winner_name)), name=winner_name)
    labels = ", ".join(variant_label(names.index(n)) for n in tie)
    return "  " + text("cli.compare.tie", lang, margin=number(TIE_MARGIN, digits=1), labels=labels)


def _columns(lang: str, last: str) -> str:
    variant, score, delta = (text(c, lang) for c in ("cli.compare.variant", "cli.compare.score", "cli.compare.delta"))
    return f"  {variant:<8} {score:>6} {delta:>9}  {last}"


def _segment_text(comparison: Comparison, seg: SegmentComparison, lang: str) -> list[str]:
    out = [f"{seg.name} ({text('cli.compare.of_population', lang, share=percent(seg.share))})",
           _columns(lang, text("cli.compare.verdict", lang))]
    for i, (score, delta, label) in enumerate(zip(seg.scores, seg.deltas, seg.verdict_labels)):
        out.append(f"  {variant_label(i):<8} {number(score, digits=1):>6} {_delta(delta, i):>9}  {label}")
    out.append(_outcome(comparison, seg.winner, seg.tie, lang))
    return out


def _reach_text(comparison: Comparison, lang: str) -> list[str]:
    reach = comparison.reach
    out = [text("cli.compare.reach", lang), _columns(lang, text("cli.compare.lands_well", lang))]
    for i, (score, delta, share) in enumerate(zip(reach.scores, reach.deltas, reach.lands_well_shares)):
        out.append(f"  {variant_label(i):<8} {number(score, digits=1):>6} {_delta(delta, i):>9}  "
                   + text("cli.compare.of_population", lang, share=percent(share)))
    out.append(_outcome(comparison, reach.winner, reach.tie, lang))
    return out


def _change_line(symbol: str, change: Change) -> str:
    match = f" '{change.match}'" if change.match and len(change.match) <= 60 else ""
    return f"  {symbol} {change.rule}{match} ({_points(change.points)}): {change.message}"


def _changes_text(comparison: Comparison, name: str, lang: str) -> list[str]:
    label = variant_label(comparison.names.index(name))
    out = []
    for title, items, symbol in (("cli.compare.fixed", comparison.fixed[name], "✓"),
                                 ("cli.compare.introduced", comparison.introduced[name], "✗")):
        out.append(text(title, lang, label=label, count=len(items)))
        out.extend(_change_line(symbol, c) for c in items)
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


def render_fixes(result: dict, lang: str = DEFAULT_LANG) -> str:
    """The "Eerst doen" list of `check --fixes`: each change with its measured effect, best first."""
    from outreach.advice import describe_effect, points

    out = ["", text("cli.fixes.title", lang)]
    if not result.get("fixes"):
        out.append(f"  {result.get('fixes_note') or text('cli.fixes.none', lang)}")
    for i, fix in enumerate(result.get("fixes", []), 1):
        out.append(f"  {i}. [{describe_effect(fix['effect'])}] {fix['reason']}")
        if fix["original"].strip():
            out.append("       " + text("cli.fixes.removed", lang, text=_quoted(fix["original"])))
        if fix["replacement"].strip():
            out.append("       " + text("cli.fixes.added", lang, text=_quoted(fix["replacement"])))
    for plan in (result.get("plans") or {}).values():
        out.append("")
        steps = len(plan["fixes"])
        out.append(text("cli.fixes.plan_reached" if plan["reached"] else "cli.fixes.plan_unreachable", lang,
                        name=plan["name"], goal=plan["goal_label"], steps=steps))
        for fix in plan["fixes"]:
            out.append(f"  - {fix['reason']} ({points(fix['effect']['segments'][plan['segment']])})")
    return "\n".join(out)
