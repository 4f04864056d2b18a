"""The terminal report of `python -m outreach check --format text`."""
from __future__ import annotations

from outreach.formatting import number

_SYMBOL = {"error": "✗", "warning": "!", "suggestion": "~", "info": "✓"}


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
        out.append(f"  {symbol} {where:<12} {f['dimension']:<11} {f['points']:+g}{match}")
        out.append(f"      {f['message']}")
        if f["suggestions"] and f["effect"] == "hurts":
            out.append(f"      → {f['suggestions'][0]}")
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
