"""The page's CSS and its Streamlit badges; the colours of dimensions and verdicts are
outreach.formatting's, shared with the HTML report.

The dimension palette is Okabe-Ito (safe for the common kinds of colour blindness); marks never
rely on colour alone: problems have a solid underline, what helps a dashed one plus a check mark.
"""
from __future__ import annotations

from outreach.formatting import dimension_color
from outreach.rules.schema import DIMENSIONS

VERDICT_BADGES = {"lands_well": "green", "doubtful": "orange", "turns_away": "red"}  # st.badge colours
VERDICT_ICONS = {"lands_well": "✓", "doubtful": "?", "turns_away": "✕"}


def rgba(hex_color: str, alpha: float) -> str:
    value = hex_color.lstrip("#")
    r, g, b = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r}, {g}, {b}, {alpha})"


def _dimension_rules() -> str:
    rules = []
    for dim in DIMENSIONS:
        color = dimension_color(dim)
        rules.append(
            f".oh-d-{dim}{{--oh-c:{color};--oh-bg:{rgba(color, 0.20)};--oh-bg-strong:{rgba(color, 0.34)};}}")
    return "\n".join(rules)


CSS = """
<style>
.oh-letter{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,'Times New Roman',serif;
  font-size:1rem;line-height:1.75;padding:1rem 1.25rem;border:1px solid #d0d7de;border-radius:.5rem;
  background:#fff;color:#1f2328;position:relative;}
.oh-mark{position:static;border-radius:3px;cursor:help;padding:0 1px;
  --oh-c:#6e7781;--oh-bg:rgba(110,119,129,.2);--oh-bg-strong:rgba(110,119,129,.34);}
.oh-mark.oh-hurts{background:var(--oh-bg);border-bottom:2px solid var(--oh-c);}
.oh-mark.oh-hurts.oh-sev-error,.oh-mark.oh-hurts.oh-sev-warning{background:var(--oh-bg-strong);}
.oh-mark.oh-helps{background:transparent;border-bottom:2px dashed var(--oh-c);}
.oh-mark:focus{outline:2px solid #1d4e89;outline-offset:1px;}
.oh-tip{display:none;position:absolute;left:.75rem;right:.75rem;margin-top:.2rem;z-index:20;
  white-space:normal;font-style:normal;font-family:"Source Sans Pro",system-ui,sans-serif;
  font-size:.85rem;line-height:1.4;background:#fff;color:#1f2328;border:1px solid #d0d7de;
  border-radius:.5rem;box-shadow:0 6px 18px rgba(0,0,0,.15);padding:.5rem .65rem;cursor:auto;}
.oh-mark:hover>.oh-tip,.oh-mark:focus>.oh-tip,.oh-mark:focus-within>.oh-tip{display:block;}
.oh-item{display:block;padding:.25rem 0;}
.oh-item+.oh-item{border-top:1px solid #eaeef2;}
.oh-chip{display:inline-block;font-size:.72rem;font-weight:600;padding:0 .4rem;border-radius:999px;
  color:#fff;background:var(--oh-c);margin-right:.3rem;font-family:"Source Sans Pro",system-ui,sans-serif;}
.oh-sev{font-size:.72rem;color:#57606a;margin-right:.4rem;}
.oh-sugg{display:block;color:#1a7f37;margin-top:.15rem;}
.oh-good{display:block;color:#1a7f37;font-weight:600;}
.oh-num{font-size:.7rem;color:#57606a;margin-right:.25rem;}
.oh-legend{display:flex;flex-wrap:wrap;gap:.35rem .6rem;font-size:.8rem;margin:.25rem 0 .5rem 0;
  align-items:center;}
.oh-legend .oh-mark{cursor:default;}
.oh-notes{list-style:none;padding:.25rem .35rem !important;margin:.25rem 0 0 0 !important;font-size:.88rem;
  max-height:22rem;overflow-y:auto;border:1px solid #d0d7de;border-radius:.5rem;}
.oh-notes li{margin-left:0 !important;padding:.3rem .5rem;border-left:4px solid var(--oh-c);margin:.3rem 0;background:#f6f8fa;
  border-radius:0 .35rem .35rem 0;}
.oh-notes li.oh-helps{border-left-style:dashed;background:#f3faf5;}
.oh-strip{display:flex;flex-wrap:wrap;gap:.5rem;margin:.1rem 0 .35rem 0;}
.oh-pill{display:inline-flex;align-items:center;gap:.45rem;border:2px solid #d0d7de;border-radius:999px;
  padding:.2rem .25rem .2rem .7rem;font-size:.88rem;background:#fff;}
.oh-pill .oh-verdict{font-size:.8rem;padding:.05rem .55rem;}
.oh-pill-score{font-variant-numeric:tabular-nums;font-weight:700;}
.oh-card-head{display:flex;justify-content:space-between;align-items:baseline;gap:.5rem;flex-wrap:wrap;}
.oh-card-name{font-weight:700;font-size:1.1rem;}
.oh-card-share{color:#57606a;font-size:.85rem;}
.oh-score{font-size:2rem;font-weight:700;line-height:1.1;margin:.35rem 0 .15rem 0;}
.oh-score small{font-size:.9rem;font-weight:400;color:#57606a;}
.oh-verdict{display:inline-block;color:#fff;font-weight:700;border-radius:999px;padding:.1rem .7rem;
  font-size:.9rem;}
.oh-bar{height:.45rem;border-radius:999px;background:#eaeef2;margin:.4rem 0 .6rem 0;overflow:hidden;}
.oh-bar>span{display:block;height:100%;border-radius:999px;}
.oh-reaction{margin:.6rem 0;padding:.5rem .75rem;border-left:4px solid #d0d7de;background:#f6f8fa;
  font-style:italic;border-radius:0 .35rem .35rem 0;}
.oh-reasons{margin:.2rem 0 0 0 !important;padding:0 !important;list-style:none;font-size:.86rem;}
.oh-reasons li{margin:0 !important;display:flex;gap:.45rem;padding:.15rem 0;align-items:flex-start;}
.oh-pts{flex:0 0 2.9rem;text-align:right;font-variant-numeric:tabular-nums;font-weight:700;}
.oh-pts.oh-neg{color:#cf222e;}
.oh-pts.oh-pos{color:#1a7f37;}
.oh-small{font-size:.85rem;color:#57606a;}
/* Term and text side by side; long words wrap inside their cell (never past the card's edge), and in
   a narrow box (a segment card, a third of the page) the term goes above its text. */
.oh-dl-box{container-type:inline-size;}
.oh-dl{display:grid;grid-template-columns:fit-content(40%) minmax(0,1fr);gap:.25rem .75rem;font-size:.88rem;margin:0;
  padding:0 !important;}
.oh-dl dt{font-weight:600;}
.oh-dl dd{margin:0;}
.oh-dl dt,.oh-dl dd{min-width:0;overflow-wrap:anywhere;}
@container (max-width:420px){
  .oh-dl{grid-template-columns:minmax(0,1fr);gap:0;}
  .oh-dl dd{margin-bottom:.45rem;}
}
.oh-quote{margin:.35rem 0;padding-left:.6rem;border-left:3px solid #d0d7de;font-style:italic;font-size:.88rem;}
.oh-quote cite{display:block;font-style:normal;color:#57606a;font-size:.78rem;}
.oh-table{border-collapse:collapse;width:100%;font-size:.88rem;}
.oh-table th,.oh-table td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eaeef2;vertical-align:top;}
.oh-table td.oh-val{font-variant-numeric:tabular-nums;white-space:nowrap;}
.oh-ok{color:#1a7f37;font-weight:700;}
.oh-warn{color:#9a6700;font-weight:700;}
.oh-bad{color:#cf222e;font-weight:700;}
.oh-info{padding:.6rem .8rem;border-radius:.5rem;background:#f6f8fa;border:1px solid #eaeef2;font-size:.9rem;}
.oh-info h4{margin:0 0 .2rem 0;font-size:.8rem;text-transform:uppercase;letter-spacing:.03em;color:#57606a;}
.oh-info p{margin:0;font-size:.88rem;line-height:1.45;}
.oh-info-stack{display:flex;flex-direction:column;gap:.5rem;margin-bottom:.75rem;}

.oh-vlabel{display:inline-block;min-width:1.45em;text-align:center;color:#fff;font-weight:700;border-radius:.3rem;
  padding:0 .3em;margin-right:.3rem;font-size:.85rem;}
.oh-overview{display:flex;flex-wrap:wrap;gap:.5rem;margin:.1rem 0 .6rem 0;}
.oh-ov{display:flex;align-items:center;gap:.45rem;border:1px solid #d0d7de;border-radius:.5rem;padding:.3rem .6rem;
  font-size:.86rem;background:#fff;max-width:100%;}
.oh-ov-on{border:2px solid #1d4e89;box-shadow:0 1px 4px rgba(29,78,137,.18);}
.oh-ov-name{font-weight:600;max-width:16rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;}
.oh-ov-body{color:#57606a;display:inline-flex;align-items:center;gap:.25rem;}
.oh-ov-dot{display:inline-block;width:1.25em;height:1.25em;line-height:1.25em;border-radius:999px;color:#fff;
  text-align:center;font-size:.72rem;font-weight:700;}
.oh-headline{padding:.7rem 1rem;border-radius:.5rem;margin:.2rem 0 .6rem 0;font-size:1.05rem;border:1px solid #d0d7de;}
.oh-headline.oh-win{background:#f3faf5;border-color:#1a7f37;}
.oh-headline.oh-tie{background:#fff8c5;border-color:#9a6700;}
.oh-cmp th{background:#f6f8fa;}
.oh-cmp td.oh-cmp-cell{white-space:nowrap;}
.oh-cmp td.oh-cmp-win{background:#f3faf5;}
.oh-cmp-score{font-size:1.25rem;font-weight:700;font-variant-numeric:tabular-nums;}
.oh-delta{font-variant-numeric:tabular-nums;color:#57606a;}
.oh-delta.oh-pos{color:#1a7f37;font-weight:600;}
.oh-delta.oh-neg{color:#cf222e;font-weight:600;}
.oh-crown{color:#9a6700;font-size:1.1rem;}
.oh-cmp .oh-verdict{font-size:.78rem;padding:.05rem .5rem;white-space:nowrap;}
.oh-cmp-reach th,.oh-cmp-reach td{border-top:2px solid #d0d7de;}
.oh-changes{list-style:none;padding:0 !important;margin:0 !important;font-size:.88rem;max-height:26rem;
  overflow-y:auto;}
.oh-changes li{margin:0 0 .3rem 0 !important;padding:.3rem .5rem;border-left:4px solid var(--oh-c,#6e7781);
  background:#f6f8fa;border-radius:0 .35rem .35rem 0;}
.oh-changes li.oh-fixed{background:#f3faf5;}
.oh-changes li.oh-introduced{background:#fff5f5;}
.oh-changes q{font-style:italic;}
.oh-count{font-weight:700;color:#57606a;margin-left:.2rem;}
.oh-rule{display:block;font-size:.72rem;color:#57606a;font-family:ui-monospace,SFMono-Regular,Menlo,monospace;}
.oh-diff{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,'Times New Roman',serif;line-height:1.7;
  padding:.75rem 1rem;border:1px solid #d0d7de;border-radius:.5rem;background:#fff;max-height:26rem;overflow-y:auto;}
.oh-diff del{background:#ffebe9;color:#82071e;text-decoration:line-through;}
.oh-diff ins{background:#dafbe1;color:#116329;text-decoration:underline;}
.oh-conflict-item{margin:.4rem 0 .8rem 0;}
.oh-present-intro{display:flex;flex-direction:column;gap:.2rem;padding:.8rem 1rem;border-radius:.5rem;
  background:#eef4fb;border:1px solid #c8d9ee;font-size:1.02rem;margin-bottom:.4rem;}
.oh-persona{border:1px solid #d0d7de;border-radius:.75rem;padding:1rem 1.1rem;background:#fff;height:100%;
  font-size:1rem;line-height:1.5;}
.oh-persona-head{display:flex;justify-content:space-between;align-items:baseline;gap:.5rem;}
.oh-persona-name{font-size:1.3rem;font-weight:700;color:#1d4e89;}
.oh-persona-share{font-size:1.9rem;font-weight:800;color:#1f2328;font-variant-numeric:tabular-nums;}
.oh-persona-summary{margin:.5rem 0 .7rem 0;}
.oh-persona-quotes-title{margin-top:.8rem;}
.oh-traits{list-style:none;padding:0 !important;margin:0 !important;}
.oh-traits li{margin:0 0 .45rem 0 !important;padding:0;line-height:1.35;}
.oh-trait-name{font-weight:600;font-size:.92rem;}
.oh-trait-text{font-size:.88rem;color:#424a53;}
.oh-level{display:inline-block;font-size:.75rem;font-weight:700;padding:0 .45rem;border-radius:999px;
  background:#eaeef2;color:#1f2328;margin-left:.2rem;}
.oh-level-high{background:#1d4e89;color:#fff;}
.oh-level-low{background:#eaeef2;color:#1f2328;}
.oh-level-mid{background:#c8d9ee;color:#1f2328;}
.oh-persona-quote{margin:.45rem 0;padding:.35rem .7rem;border-left:4px solid #1d4e89;background:#f6f8fa;
  font-style:italic;font-size:1.02rem;border-radius:0 .35rem .35rem 0;}
.oh-persona-quote cite{display:block;font-style:normal;color:#57606a;font-size:.78rem;margin-top:.15rem;}
.oh-mechanism{border:1px solid #d0d7de;border-radius:.75rem;padding:.9rem 1.1rem;background:#fff;margin-bottom:.6rem;
  font-size:.98rem;line-height:1.5;}
.oh-mechanism h4{margin:.15rem 0 .35rem 0;font-size:1.15rem;}
.oh-mechanism p{margin:0 0 .5rem 0;}
.oh-intervention{background:#f3faf5;border-left:4px solid #1a7f37;padding:.45rem .7rem;border-radius:0 .35rem .35rem 0;}
.oh-tension{border:1px solid #d0d7de;border-left:6px solid #9a6700;border-radius:.5rem;padding:.8rem 1rem;
  margin-bottom:.6rem;background:#fff;font-size:.98rem;}
.oh-tension-values{font-size:1.2rem;font-weight:700;}
.oh-tension p{margin:.3rem 0;}
.oh-research{margin-top:.45rem;padding:.4rem .65rem;background:#f6f8fa;border-radius:.35rem;font-size:.9rem;}
/* Narrow pages: the columns of view._stacking containers go one under the other (Streamlit itself only
   stacks below 640 px). With the sidebar open that is up to 1150 px, without it up to 900 px. */
@media (max-width:1150px){
  .stApp:has([data-testid="stSidebar"][data-collapsed="false"]) [class*="st-key-oh-stack-"] [data-testid="stHorizontalBlock"]{
    flex-wrap:wrap;}
  .stApp:has([data-testid="stSidebar"][data-collapsed="false"]) [class*="st-key-oh-stack-"] [data-testid="stHorizontalBlock"]>[data-testid="stColumn"]{
    flex:1 1 100% !important;width:100% !important;min-width:100% !important;}
}
@media (max-width:900px){
  [class*="st-key-oh-stack-"] [data-testid="stHorizontalBlock"]{flex-wrap:wrap;}
  [class*="st-key-oh-stack-"] [data-testid="stHorizontalBlock"]>[data-testid="stColumn"]{
    flex:1 1 100% !important;width:100% !important;min-width:100% !important;}
}
/* "Eerst doen": on a phone the Apply button goes under its change (fixes.render). */
@media (max-width:640px){
  [class*="st-key-oh-fixrow-"]{flex-wrap:wrap !important;}
}
/* The comparison table on a phone: tighter cells that may wrap, so two variants fit at 390 px; with
   more variants the table scrolls sideways inside its box instead of being cut off at the edge. */
.oh-scroll{overflow-x:auto;max-width:100%;}
@media (max-width:520px){
  .oh-cmp th,.oh-cmp td{padding:.25rem .3rem;}
  .oh-cmp td.oh-cmp-cell{white-space:normal;}
  .oh-cmp-score{font-size:1.05rem;}
  .oh-cmp .oh-verdict{font-size:.72rem;padding:.05rem .35rem;}
}
""" + _dimension_rules() + "\n</style>"


# ui-nav -----------------------------------------------------------------------------------------
# Long labels read whole, and one control chooses the variant.
NAV_CSS = """
/* Dropdown options (scenario, workspace, example letter) wrap instead of being cut at the edge. */
[role="listbox"] [role="option"]{height:auto !important;min-height:2.25rem;}
[role="listbox"] [role="option"]>div{white-space:normal !important;overflow:visible !important;
  text-overflow:clip !important;line-height:1.3;padding-top:.3rem;padding-bottom:.3rem;}
/* The variant switch: its options wrap to a second row on a phone instead of running off screen. */
[class*="st-key-ui-variant-"] [role="radiogroup"]{flex-wrap:wrap;overflow:visible;row-gap:.35rem;}
[class*="st-key-ui-variant-"] [role="radio"]{max-width:100%;}
[class*="st-key-ui-variant-"] [role="radio"] p{white-space:normal;text-align:left;}
/* The overview under it is a read-only summary (reach and verdicts per variant), not a second
   switch: no button-like boxes, no selection outline; the open variant is marked by a bar. */
.oh-overview{gap:.25rem 1.1rem;padding:.35rem .1rem;border-top:1px solid #eaeef2;border-bottom:1px solid #eaeef2;}
.oh-ov{border:0;background:transparent;padding:.1rem .35rem;border-radius:0;cursor:default;
  border-left:3px solid transparent;}
.oh-ov-on{border:0;border-left:3px solid #1d4e89;box-shadow:none;}
.oh-ov-name{font-weight:500;max-width:none;white-space:normal;}
.oh-ov-on .oh-ov-name{font-weight:700;}
/* The open workspace's whole name under the sidebar picker when the picker cuts it. */
.oh-ws-full{font-size:.86rem;font-weight:600;line-height:1.35;margin-top:-.5rem;overflow-wrap:anywhere;}
"""
CSS = CSS.replace("\n</style>", NAV_CSS + "\n</style>")
