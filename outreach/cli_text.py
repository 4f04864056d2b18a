"""The terminal reports of `python -m outreach check` and `compare` (`--format text`, Dutch).

Every number goes through outreach.formatting, as on the page and in the HTML report.
"""
from __future__ import annotations

from outreach.compare import TIE_MARGIN, Change, Comparison, SegmentComparison
from outreach.formatting import number, percent, variant_label

_SYMBOL = {"error": "✗", "warning": "!", "suggestion": "~", "info": "✓"}


def _points(value: float) -> str:
    """Finding points, signed, with the decimals they have: "-3", "+2,5"."""
    return number(value, digits=None, signed=True)


def render_analysis(result: dict) -> str:
    """A readable report of one analysis dict (the JSON object of the CLI contract)."""
    out = [f"== {result.get('file') or 'brief'} =="]
    if result.get("empty"):
        out.append(result.get("notice") or "Niets om te analyseren.")
        return "\n".join(out)
    if result.get("notice"):
        out.append(f"Let op: {result['notice']}")
    m = result["metrics"]
    out.append(
        f"{int(m['words'])} woorden, {int(m['sentences'])} zinnen, gemiddeld "
        f"{number(m['avg_sentence_words'], digits=1)} woorden per zin, "
        f"Flesch-Douma {number(m['flesch_douma'], digits=1)}, "
        f"leestijd {number(m['reading_minutes'], digits=1)} min"
    )
    out.append("")
    out.append("Dimensies:")
    for name, dim in result["dimensions"].items():
        bar = "█" * int(dim["score"] // 10)
        out.append(f"  {dim['title']:<16} {number(dim['score']):>5}  {bar}")
    if result.get("segments"):
        out.append("")
        out.append("Segmenten:")
        for seg in result["segments"].values():
            share = number(seg["share"] * 100) + "%"
            out.append(f"  {seg['name']:<26} {share:>4}  {number(seg['score']):>5}  "
                       f"{seg.get('verdict_label') or seg['verdict']}")
        reach = result.get("reach") or {}
        if reach:
            out.append(f"  Bereik: score {number(reach['score'])}, komt goed aan bij "
                       f"{number(reach['lands_well_share'] * 100)}% van de bevolking")
    findings = result["findings"]
    out.append("")
    out.append(f"Bevindingen ({len(findings)}):")
    for f in findings:
        where = f"[{f['start']}-{f['end']}]" if f["start"] is not None else "[brief]"
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


def _outcome(comparison: Comparison, winner_name: str | None, tie: tuple[str, ...]) -> str:
    names = comparison.names
    if winner_name is not None:
        return f"  Beste: {variant_label(names.index(winner_name))} ({winner_name})"
    labels = ", ".join(variant_label(names.index(n)) for n in tie)
    return f"  Gelijk (binnen {number(TIE_MARGIN, digits=1)} punt): {labels}"


def _segment_text(comparison: Comparison, seg: SegmentComparison) -> list[str]:
    out = [f"{seg.name} ({percent(seg.share)} van de bevolking)",
           f"  {'variant':<8} {'score':>6} {'verschil':>9}  oordeel"]
    for i, (score, delta, label) in enumerate(zip(seg.scores, seg.deltas, seg.verdict_labels)):
        out.append(f"  {variant_label(i):<8} {number(score, digits=1):>6} {_delta(delta, i):>9}  {label}")
    out.append(_outcome(comparison, seg.winner, seg.tie))
    return out


def _reach_text(comparison: Comparison) -> list[str]:
    reach = comparison.reach
    out = ["Bereik (gewogen naar aandeel in de bevolking)",
           f"  {'variant':<8} {'score':>6} {'verschil':>9}  komt goed aan bij"]
    for i, (score, delta, share) in enumerate(zip(reach.scores, reach.deltas, reach.lands_well_shares)):
        out.append(f"  {variant_label(i):<8} {number(score, digits=1):>6} {_delta(delta, i):>9}  "
                   f"{percent(share)} van de bevolking")
    out.append(_outcome(comparison, reach.winner, reach.tie))
    return out


def _change_line(symbol: str, change: Change) -> str:
    match = f" '{change.match}'" if change.match and len(change.match) <= 60 else ""
    return f"  {symbol} {change.rule}{match} ({_points(change.points)}): {change.message}"


def _changes_text(comparison: Comparison, name: str) -> list[str]:
    label = variant_label(comparison.names.index(name))
    out = []
    for title, items, symbol in (("Opgelost", comparison.fixed[name], "✓"),
                                 ("Nieuw probleem", comparison.introduced[name], "✗")):
        out.append(f"{title} in {label} ten opzichte van A ({len(items)}):")
        out.extend(_change_line(symbol, c) for c in items)
        if not items:
            out.append("  (geen)")
    return out


def render_comparison(comparison: Comparison) -> str:
    """The terminal report of `python -m outreach compare --format text`."""
    out = [f"Vergelijking van {len(comparison.names)} varianten "
           "(verschil = variant min A; een simulatie, geen voorspelling over een persoon)"]
    out.extend(f"  {variant_label(i)}  {name}" for i, name in enumerate(comparison.names))
    for seg in comparison.segments.values():
        out.append("")
        out.extend(_segment_text(comparison, seg))
    out.append("")
    out.extend(_reach_text(comparison))
    for name in comparison.names[1:]:
        out.append("")
        out.extend(_changes_text(comparison, name))
    return "\n".join(out)


def _quoted(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return "'" + (flat if len(flat) <= limit else flat[:limit - 1] + "…") + "'"


def render_fixes(result: dict) -> str:
    """The "Eerst doen" list of `check --fixes`: each change with its measured effect, best first."""
    from outreach.advice import describe_effect, points

    out = ["", "Eerst doen (elke wijziging gemeten door de brief opnieuw te analyseren):"]
    if not result.get("fixes"):
        out.append(f"  {result.get('fixes_note') or 'Geen wijzigingen.'}")
    for i, fix in enumerate(result.get("fixes", []), 1):
        out.append(f"  {i}. [{describe_effect(fix['effect'])}] {fix['reason']}")
        if fix["original"].strip():
            out.append(f"       weg:   {_quoted(fix['original'])}")
        if fix["replacement"].strip():
            out.append(f"       nieuw: {_quoted(fix['replacement'])}")
    for plan in (result.get("plans") or {}).values():
        out.append("")
        steps = len(plan["fixes"])
        if plan["reached"]:
            out.append(f"{plan['name']} naar {plan['goal_label']}: {steps} wijziging(en):")
        else:
            out.append(f"{plan['name']} naar {plan['goal_label']}: niet te halen met deze wijzigingen "
                       f"(wat wel helpt: {steps}):")
        for fix in plan["fixes"]:
            out.append(f"  - {fix['reason']} ({points(fix['effect']['segments'][plan['segment']])})")
    return "\n".join(out)
