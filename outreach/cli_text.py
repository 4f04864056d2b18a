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
