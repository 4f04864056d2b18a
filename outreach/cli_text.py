"""The terminal report of `python -m outreach check --format text`."""
from __future__ import annotations

_SYMBOL = {"error": "✗", "warning": "!", "suggestion": "~", "info": "✓"}


def render_analysis(result: dict) -> str:
    """A readable report of one analysis dict (the JSON object of the CLI contract)."""
    out = [f"== {result.get('file') or 'brief'} =="]
    if result.get("empty"):
        out.append(result.get("notice") or "Niets om te analyseren.")
        return "\n".join(out)
    m = result["metrics"]
    out.append(
        f"{int(m['words'])} woorden, {int(m['sentences'])} zinnen, gemiddeld {m['avg_sentence_words']:g} "
        f"woorden per zin, Flesch-Douma {m['flesch_douma']:g}, leestijd {m['reading_minutes']:g} min"
    )
    out.append("")
    out.append("Dimensies:")
    for name, dim in result["dimensions"].items():
        bar = "█" * int(dim["score"] // 10)
        out.append(f"  {dim['title']:<16} {dim['score']:>5.0f}  {bar}")
    if result.get("segments"):
        out.append("")
        out.append("Segmenten:")
        for seg in result["segments"].values():
            out.append(f"  {seg['name']:<26} {seg['share']:>4.0%}  {seg['score']:>5.0f}  {seg['verdict']}")
        reach = result.get("reach") or {}
        if reach:
            out.append(f"  Bereik: score {reach['score']:.0f}, komt goed aan bij "
                       f"{reach['lands_well_share']:.0%} van de bevolking")
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
