"""The page: Streamlit rendering only; every judgement comes from the engine (outreach.analyze).

Layout: the views (Write / Compare / Workshop) are pages of st.navigation in the top bar
(render_page; one file each in outreach/ui/pages/). Around them a frame: a header with the language
switch, the "how does this work" panel, the scenario and messages. The sidebar holds the workspace
picker (workspace.py) and the population shares.

- Write: the 2-4 variants of the open workspace; the chosen one's editor and results are drawn
  by `render_variant(variant_id, ...)` (all widget keys of a variant start with its id), with a
  one-line overview of every variant above it.
- Compare: comparison.py. Workshop: workshop.py.

Only the chosen view is drawn on a rerun, so the page stays fast with four variants.
"""
from __future__ import annotations

import logging
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from html import escape

import streamlit as st

from outreach import interface
from outreach.analysis import Analysis, TextTooLong
from outreach.letters import MAX_CHARS
from outreach.rules.loader import RuleBook
from outreach.rules.schema import DIMENSIONS, RulePackError
from outreach.scenarios import Catalogue, Scenario
from outreach.segments import SegmentModel, SegmentModelError
from outreach.segments.model import TRAITS, check_shares
from outreach.templating import TemplateProblem, render
from outreach.ui import access, charts, choices, comparison, editor, facts, fixes, resources, workshop, workspace, writing
from outreach.ui.highlight import highlight_html, legend_html, whole_letter_html
from outreach.ui.readability import figures, format_value
from outreach.ui.strings import Strings, md_escape, number
from outreach.formatting import FALLBACK_COLOR, SEVERITIES, VERDICT_COLORS
from outreach.ui.style import CSS, VERDICT_ICONS
from outreach.ui.tables import SHOWN, filter_frame, findings_frame, labelled, to_csv
from outreach.ui.uploads import ACCEPTED_TYPES, read_letter_upload

log = logging.getLogger(__name__)

LANG_KEY = "ui.lang_en"
SCENARIO_KEY = "ui.scenario"
UPLOAD_MB = 5


@dataclass(frozen=True)
class PageContext:
    """What every variant needs: the interface language and the page-wide choices."""
    t: Strings
    book: RuleBook
    model: SegmentModel
    catalogue: Catalogue
    scenario: Scenario | None
    variables: dict[str, str]
    shares: dict[str, float] | None   # None: the research shares of the model
    titles: dict[str, str]            # dimension titles in the interface language
    verdict_labels: dict[str, str]
    sidebar_top: object = None        # containers kept free for the workspace picker,
    notices: object = None            # and the page's messages

    @property
    def lang(self) -> str:
        return self.t.lang


def _stacking(name: str):
    """A container whose columns stack (full width, one under the other) when the page is narrow.

    Streamlit only stacks columns below a 640 px window; with the sidebar open an 800-1000 px window
    leaves ~470-650 px for the page, and two or three columns become 150-200 px slivers ("English"
    cut to "E", "Laden" to "L", the letter three words a line). style.CSS holds the rule.
    """
    return st.container(key=f"oh-stack-{name}")


def _key(vid: str, name: str) -> str:
    """A variant's widget key: holds the open workspace's id and the slot (workspace.slot_key)."""
    return workspace.slot_key(vid, name)



def _signed(value: float, lang: str) -> str:
    text = number(abs(value), lang, 1 if value != int(value) else 0)
    return ("+" if value > 0 else "−" if value < 0 else "±") + text


def _sentence(message: str) -> str:
    message = str(message).strip()
    return message[:1].upper() + message[1:]


# ------------------------------------------------------------------------------------------------
# Page


VIEWS = {"write": "schrijven", "compare": "vergelijken", "workshop": "workshop"}  # view: its page file
VIEW_ICONS = {"write": ":material/edit_note:", "compare": ":material/compare_arrows:", "workshop": ":material/groups:"}
PAGES = Path(__file__).with_name("pages")
_CONTEXT: ContextVar[PageContext] = ContextVar("outreach_page_context")


def render_page() -> None:
    """The page frame and the chosen view (st.navigation); app.py calls only this.

    The access code comes first: until it is given the code box is the only page. The views are
    pages with their own address (Schrijven at the root, /vergelijken, /workshop). The view is
    remembered per workspace: a workspace shown anew (a refresh, a switch) opens the view it was
    left in (choices.restore asks for it, st.switch_page goes there)."""
    choices.restore()  # a workspace's remembered scenario, shares, view and language
    t = Strings("en" if st.session_state.get(LANG_KEY) else "nl")
    st.set_page_config(page_title=t("page_title"), page_icon="✉️", layout="wide")
    st.html(CSS)
    st.html(writing.CSS)
    if not access.admitted():  # shared mode: the access code before any page
        st.navigation([st.Page(_access_page, title=t("access_title"), url_path="toegang")],
                      position="hidden").run()
        return
    access.keep_key_in_address()
    ctx = page_context(t)
    if ctx is None:
        return
    try:
        workspace.sync(t)
    except Exception:  # the store misbehaving must not take the page down
        log.exception("syncing the workspace failed")
        st.session_state.setdefault(workspace.MESSAGES, []).append(("error", "internal_error", {}))
        if workspace.BASE not in st.session_state:
            workspace.adopt(workspace._offline_workspace(t))
    pages = {view: st.Page(PAGES / f"{name}.py", title=t(f"view_{view}"), icon=VIEW_ICONS[view],
                           url_path=name, default=view == "write") for view, name in VIEWS.items()}
    page = st.navigation(list(pages.values()), position="top")
    shown = next(view for view, p in pages.items() if p.url_path == page.url_path)
    wanted = st.session_state.pop(workspace.VIEW_WANTED, None)
    if wanted in pages and wanted != shown:  # a remembered view, or the before/after demo
        st.switch_page(pages[wanted], query_params=st.query_params.to_dict())
    st.session_state[workspace.VIEW] = shown
    st.set_page_config(page_title=f"{t(f'view_{shown}')} · {t('page_title')}")
    choices.remember()
    with ctx.sidebar_top:
        try:
            workspace.sidebar(t)
        except Exception:
            log.exception("drawing the workspace picker failed")
            st.error(t("internal_error"))
    with ctx.notices:
        workspace.notices(t)
    token = _CONTEXT.set(ctx)
    try:
        page.run()
    finally:
        _CONTEXT.reset(token)


def _access_page() -> None:
    access.gate(Strings("en" if st.session_state.get(LANG_KEY) else "nl"))


def run_view(view: str) -> None:
    """One view inside the frame render_page drew (called by its page file in outreach/ui/pages/)."""
    ctx = _CONTEXT.get()
    if view == "compare":
        comparison.render(ctx)
    elif view == "workshop":
        workshop.render(ctx)
    else:
        slot = _variant_bar(ctx)
        st.session_state.pop(writing.FULL_RERUN, None)  # this run draws the whole page anyway
        _write_view(slot, ctx)


@st.fragment
def _write_view(slot: str, ctx: PageContext) -> None:
    """The overview and the open variant: an edit reruns only this (the editor sends every pause)."""
    if st.session_state.pop(writing.FULL_RERUN, False):
        st.rerun()  # a callback added a variant or left a message: the whole page shows it
    _overview(ctx, workspace.slots(), workspace.names(), slot)
    render_variant(slot, ctx, layout="wide")


def _variant_bar(ctx: PageContext) -> str:
    """Choose, add, copy, rename and remove variants; the chosen slot."""
    t = ctx.t
    slots, names = workspace.slots(), workspace.names()
    full, minimal = len(slots) >= 4, len(slots) <= 2
    with st.container(horizontal=True, vertical_alignment="bottom", gap="small"):
        slot = workspace._pick(st.segmented_control, t("variants_title"), slots, workspace.SELECTED, t.lang,
                               format_func=lambda s: md_escape(_short(names.get(s, s))), required=True,
                               help=t("variants_help"))
        st.button(t("variant_add"), key="ui.variant_add", on_click=workspace.add_variant, disabled=full,
                  icon=":material/add:", help=t("variant_limits") if full else None)
        st.button(t("variant_duplicate"), key="ui.variant_copy", on_click=workspace.duplicate_variant,
                  disabled=full, icon=":material/content_copy:")
        workspace.prepare_variant_rename()
        with st.popover(t("variant_rename"), icon=":material/edit:"):
            st.text_input(t("variant_rename_label"), key=workspace.VARIANT_RENAME, max_chars=80)
            st.button(t("save"), key="ui.variant_rename_save", on_click=workspace.rename_variant, type="primary")
        with st.popover(t("variant_remove"), icon=":material/delete:", disabled=minimal,
                        help=t("variant_limits") if minimal else None):
            st.markdown(t("variant_remove_confirm", name=md_escape(names.get(slot, ""))))
            st.button(t("variant_remove_button"), key="ui.variant_remove", on_click=workspace.remove_variant,
                      type="primary")
    return slot


def _short(name: str, limit: int = 40) -> str:
    return name if len(name) <= limit else name[:limit - 1].rstrip() + "…"


def _overview(ctx: PageContext, slots: list[str], names: dict[str, str], chosen: str) -> None:
    """Every variant at a glance: its reach and its verdict per segment (analysed live, cached)."""
    t, lang = ctx.t, ctx.lang
    shares = tuple(sorted(ctx.shares.items())) if ctx.shares is not None else None
    cards = []
    for slot in slots:
        text, problem = workspace.letter(slot, ctx.variables)
        body = escape(t("overview_template" if problem else "overview_empty"))
        if problem is None and text.strip():
            try:
                result = resources.analysis(text, shares, tuple(sorted(ctx.variables.items())))
            except Exception:  # shown in the editor of that variant; here just left out
                result = None
            if result is not None and result.reach is not None:
                dots = "".join(
                    f'<span class="oh-ov-dot" style="background:{VERDICT_COLORS.get(r.verdict, FALLBACK_COLOR)}" '
                    f'title="{escape(r.name)}: {escape(ctx.verdict_labels.get(r.verdict, r.verdict_label))}">'
                    f'{VERDICT_ICONS.get(r.verdict, "")}</span>' for r in result.segments.values())
                body = f'{escape(t("overview_reach", score=number(result.reach.score, lang)))} {dots}'
        css = "oh-ov oh-ov-on" if slot == chosen else "oh-ov"
        cards.append(f'<div class="{css}"><span class="oh-ov-name">{escape(names.get(slot, slot))}</span>'
                     f'<span class="oh-ov-body">{body}</span></div>')
    st.html(f'<div class="oh-overview" aria-label="{escape(t("overview_title"))}">{"".join(cards)}</div>')


def render_side_by_side(ctx: PageContext, variant_ids: tuple[str, ...] = ("a", "b")) -> None:
    """Two to four variants next to each other, each with its own editor and results."""
    for column, vid in zip(st.columns(len(variant_ids), gap="medium"), variant_ids):
        with column:
            st.markdown(f"#### {ctx.t('variant_title', name=vid.upper())}")
            render_variant(vid, ctx, layout="column")


def page_context(t: Strings | None = None) -> PageContext | None:
    """Header, the how-it-works panel, the sidebar shares and the scenario; what the views share.
    None (with a message on the page) when the data files cannot be loaded."""
    t = t or Strings("en" if st.session_state.get(LANG_KEY) else "nl")
    sidebar_top = st.sidebar.container()
    try:
        book, model, catalogue = resources.rulebook(), resources.segment_model(), resources.catalogue()
        resources.warm_up()
    except (RulePackError, SegmentModelError) as err:  # an advisor's edit broke a data file
        log.warning("a data file could not be loaded: %s", err)
        st.error(t("data_file_broken", message=md_escape(err)))
        return None
    except Exception:  # a broken data file must still give a readable page
        log.exception("loading the rule packs, segment model or scenarios failed")
        st.error(t("load_failed"))
        return None
    _header(t)
    # Letter first: the scenario on one row, its details fold away below it.
    scenario_col, _ = _stacking("top").columns([1, 1], vertical_alignment="bottom")
    details = _stacking("details").columns(3)
    with details[0]:
        _about(t)
    shares = _shares_sidebar(t, model, book)
    titles = {d: interface.dimension_title(d, book.packs[d].title, t.lang) for d in DIMENSIONS}
    verdict_labels = (dict(model.labels) if t.lang == "nl"
                      else {v: t(f"verdict_{v}") for v in ("lands_well", "doubtful", "turns_away")})
    with scenario_col:
        scenario, variables = _scenario_section(t, catalogue, details[1], details[2])
    notices = st.container()  # right above the view: close to the editor the user is looking at
    return PageContext(t, book, model, catalogue, scenario, variables, shares, titles, verdict_labels,
                       sidebar_top, notices)


def _header(t: Strings) -> None:
    title, switch = _stacking("header").columns([5, 1], vertical_alignment="center")
    with title:
        st.title(t("title"))
        st.caption(t("subtitle"))
    with switch:
        st.toggle("English", key=LANG_KEY, help="Interface in English / interface in het Engels")


def _about(t: Strings) -> None:
    with st.expander(t("about_title"), icon=":material/info:"):
        st.markdown(t("about_body"))


def _shares_sidebar(t: Strings, model: SegmentModel, book: RuleBook) -> dict[str, float] | None:
    """Population shares per segment; None (the default shares: the research's, or the
    organisation's own from its packs) when they are invalid or unchanged."""
    keys = {s.id: f"ui.share.{s.id}" for s in model.segments}
    default = {s.id: (book.shares or {}).get(s.id, s.share) for s in model.segments}
    for segment in model.segments:
        st.session_state.setdefault(keys[segment.id], int(round(default[segment.id])))

    def reset() -> None:
        for seg in model.segments:
            st.session_state[keys[seg.id]] = int(round(default[seg.id]))

    with st.sidebar:
        st.header(t("shares_title"))
        st.caption(t("shares_help"))
        values = {}
        for segment in model.segments:
            values[segment.id] = st.number_input(
                segment.name, min_value=0, max_value=100, step=1, key=keys[segment.id],
                help=t("shares_input_help", share=number(segment.share, t.lang)))
        total = sum(v or 0 for v in values.values())
        st.caption(t("shares_total", total=number(total, t.lang)))
        st.button(t("shares_reset"), on_click=reset, key="ui.shares_reset")
        chosen: dict[str, float] | None = None
        try:
            chosen = check_shares({sid: float(v or 0) for sid, v in values.items()})
        except SegmentModelError as err:
            st.error(t("shares_invalid", message=md_escape(_sentence(str(err)))))
        st.divider()
        st.caption(t("packs_active", packs=", ".join(
            [t("packs_builtin")] + [md_escape(Path(p).name) for p in book.sources[1:]])))
        st.caption(t("privacy_note"))
    if chosen is not None and all(abs(chosen[s.id] - default[s.id]) < 1e-9 for s in model.segments):
        return None
    return chosen


def scenario_widget_key(lang: str) -> str:
    """The scenario picker's widget key in this interface language (the choice itself: SCENARIO_KEY)."""
    return f"{SCENARIO_KEY}.{lang}"


def _scenario_section(t: Strings, catalogue: Catalogue, about_area=None,
                      variables_area=None) -> tuple[Scenario | None, dict[str, str]]:
    """The scenario as a compact selector; its story (about_area) and variables (variables_area)
    in expanders that fold open."""
    about_area = about_area or st.container()
    variables_area = variables_area or st.container()
    titles = {s.id: s.in_lang(t.lang).title for s in catalogue.scenarios}
    options = ["", *titles]
    if st.session_state.get(SCENARIO_KEY) not in options:
        st.session_state[SCENARIO_KEY] = options[1] if len(options) > 1 else ""
    # Like the example picker: the widget key holds the language (Streamlit keeps a widget's shown
    # option text when only its labels change), the choice lives in the language-free SCENARIO_KEY.
    widget_key = scenario_widget_key(t.lang)
    st.session_state[widget_key] = st.session_state[SCENARIO_KEY]
    st.selectbox(t("scenario_pick"), options, key=widget_key, on_change=_copy_state, args=(widget_key, SCENARIO_KEY),
                 format_func=lambda sid: titles.get(sid, t("scenario_none")))
    chosen = st.session_state[SCENARIO_KEY]
    if catalogue.problems:
        with st.expander(t("scenario_problems", count=len(catalogue.problems)), icon=":material/warning:"):
            for problem in catalogue.problems:
                st.text(problem)
    if not catalogue.scenarios:
        st.caption(t("scenario_empty"))
    scenario = catalogue.get(chosen) if chosen in titles else None
    if scenario is None:
        return None, {}
    shown = scenario.in_lang(t.lang)  # its texts in the interface language; the letters stay Dutch
    occasion = t(f"occasion_{scenario.occasion}") if t.has(f"occasion_{scenario.occasion}") else scenario.occasion
    blocks = ((t("scenario_occasion") + f" · {occasion}", shown.occasion_text),
              (t("scenario_help"), shown.help_offered),
              (t("scenario_mechanism"), shown.mechanism))
    # The expander is a third of the page wide: its blocks one under the other, not in columns.
    more = about_area.expander(t("scenario_more"))
    variables = {}
    with more:
        rows = [(t("scenario_sender"), shown.sender), (t("scenario_research"), shown.research)]
        if shown.summary:
            rows.append((t("scenario_summary"), shown.summary))
        st.html('<div class="oh-info-stack">'
                + "".join(f'<div class="oh-info"><h4>{escape(head)}</h4><p>{escape(body)}</p></div>'
                          for head, body in blocks)
                + '</div><div class="oh-dl-box"><dl class="oh-dl">'
                + "".join(f"<dt>{escape(a)}</dt><dd>{escape(b)}</dd>" for a, b in rows) + "</dl></div>")
    with variables_area.expander(t("variables_title", count=len(scenario.variables))):
        st.caption(t("variables_help"))
        cols = st.columns(2)
        for i, (name, default) in enumerate(scenario.variables.items()):
            key = f"ui.var.{scenario.id}.{name}"
            st.session_state.setdefault(key, default)
            variables[name] = cols[i % 2].text_input(name, key=key, max_chars=500)
    return scenario, variables


def current_variables(scenario: Scenario) -> dict[str, str]:
    """The scenario's variables as edited on the page (for callbacks, which run before the page)."""
    return {name: st.session_state.get(f"ui.var.{scenario.id}.{name}", default)
            for name, default in scenario.variables.items()}


# ------------------------------------------------------------------------------------------------
# One variant: editor + results


def render_variant(vid: str, ctx: PageContext, layout: str = "wide") -> None:
    """Editor and results of one letter variant. layout: "wide" (alone) or "column" (side by side).

    Letter first: the editor with the findings marked in it and, beside it, how the three segments
    receive the letter; the details (cards, charts, findings, history) below.
    """
    t = ctx.t
    st.session_state.setdefault(_key(vid, "text"), "")
    shares = tuple(sorted(ctx.shares.items())) if ctx.shares is not None else None
    st.session_state["ui.editor_shares"] = shares  # for the editor's callbacks (versions' scores)
    st.session_state["ui.editor_variables"] = tuple(sorted(ctx.variables.items()))
    if layout == "wide":
        left, right = _stacking(f"{vid}-editor").columns([11, 9], gap="medium")
    else:
        left = right = st.container()
    source = st.session_state.get(_key(vid, "text")) or ""
    template_mode = bool(st.session_state.get(_key(vid, "template")))
    letter, result, problem = _analysed(vid, source, template_mode, ctx, shares)
    # The scenario's example contact is not put into the advisor's own letter: placeholders instead
    # (outreach/ui/facts.py); scores and measured effects stay those of the analysis.
    example = facts.example_facts(ctx.variables, source, template_mode, ctx.book)
    if result is not None:
        result = facts.unfilled_result(result, example)
    with left:
        _letter_editor(vid, source, None if template_mode or result is None else result, ctx)
    with right:
        if problem is not None:
            kind, message = problem
            getattr(st, kind)(message)
        elif result is not None:
            if result.foreign:
                st.warning(t("not_dutch"))
            _verdict_panel(result, ctx)
            first = st.container()  # "Eerst doen" (fixes.py), filled last
    # Below letter and verdicts (on a phone too): examples, upload and the plain text.
    _editor_tools(vid, ctx, source, template_mode, letter, layout)
    if result is None:
        writing.render_history(vid, ctx)  # with a letter it is one of the detail views
        return
    try:
        if template_mode:
            _letter_view(result, ctx)
        else:
            _whole_letter(result, ctx)
        _results(vid, result, ctx, layout)
        with first:  # filled last: the verdicts and the letter show before the changes are tried
            fixes.render(vid, result, ctx, not template_mode and letter == source, example)
    except Exception:  # never a traceback in front of a reader
        log.exception("rendering the results failed")
        st.error(t("internal_error"))


def _analysed(vid: str, source: str, template_mode: bool, ctx: PageContext, shares):
    """(the letter as analysed or None, its Analysis or None, (kind, message) to show or None)."""
    t = ctx.t
    letter: str | None = source
    if template_mode:
        try:
            letter = resources.rendered(source, tuple(sorted(ctx.variables.items())), t("template_name"))
        except TemplateProblem:
            return None, None, ("info", t("template_fix_first"))
    if not letter.strip():
        return letter, None, ("info", t("empty_letter"))
    try:
        return letter, resources.analysis(letter, shares, tuple(sorted(ctx.variables.items()))), None
    except TextTooLong as err:
        return letter, None, ("error", t("too_long", message=md_escape(_sentence(str(err)))))
    except SegmentModelError as err:
        return letter, None, ("error", t("shares_invalid", message=md_escape(_sentence(str(err)))))
    except Exception:
        log.exception("analysis failed")
        return letter, None, ("error", t("internal_error"))


def _shown(result: Analysis, ctx: PageContext) -> tuple:
    """The letter's findings with their texts in the interface language (the letter's words as
    they are; outreach/interface.py)."""
    return interface.findings(result.findings, ctx.lang, result.lang)


def _letter_editor(vid: str, source: str, result: Analysis | None, ctx: PageContext) -> None:
    """The editor, with the findings of `result` marked in the text (None: no marks)."""
    t = ctx.t
    data = editor.payload(source, writing.nonce(vid), result.text if result is not None else None,
                          _shown(result, ctx) if result is not None else (), ctx.titles, t, ctx.book)
    base = st.session_state.get(workspace.BASE)
    shown = base.id if base is not None else ""  # the callback knows whose editor this was
    editor.mount(writing.editor_key(vid), data, on_change=lambda: writing.typed(vid, shown), max_chars=MAX_CHARS)


def _on_upload(vid: str) -> None:
    uploaded = st.session_state.get(_key(vid, "upload"))
    message_key = _key(vid, "upload_message")
    if uploaded is None:
        st.session_state.pop(message_key, None)
        return
    outcome = read_letter_upload(uploaded.name, uploaded.getvalue())
    if outcome.ok:
        st.session_state.pop(message_key, None)
        writing.put_letter(vid, outcome.text, False, outcome.name)
        shown = st.session_state.get(workspace.SELECTED, vid)  # a new variant when this one had text
        st.session_state[_key(shown, "upload_message")] = ("success", outcome.name)
    else:
        st.session_state[message_key] = ("error", outcome.error)


def _on_load_example(vid: str, scenario_id: str) -> None:
    message_key = _key(vid, "upload_message")
    try:
        scenario = resources.catalogue().get(scenario_id)
        example = scenario.letters[int(st.session_state.get(_key(vid, f"example.{scenario_id}"), 0))]
    except (KeyError, IndexError, ValueError, TypeError):
        st.session_state[message_key] = ("error", Strings(_lang())("example_missing"))
        return
    template = bool(st.session_state.get(_key(vid, "template")))
    if template:
        text = example.source
    else:
        try:
            text = example.render(current_variables(scenario))
        except TemplateProblem as err:
            st.session_state[message_key] = ("error", str(err))
            return
    st.session_state.pop(message_key, None)
    label = scenario.in_lang(_lang()).letters[scenario.letters.index(example)].label
    writing.put_letter(vid, text, template, label)


def _copy_state(source: str, target: str) -> None:
    if st.session_state.get(source) is not None:  # None: a widget of a workspace no longer shown
        st.session_state[target] = st.session_state.get(source)


def _lang() -> str:
    return "en" if st.session_state.get(LANG_KEY) else "nl"


def _editor_tools(vid: str, ctx: PageContext, source: str, template_mode: bool, letter: str | None,
                  layout: str = "wide") -> None:
    """Under the editor: example letters, the template switch, an upload, the plain text box."""
    t = ctx.t
    scenario = ctx.scenario
    examples, upload = (_stacking(f"{vid}-tools").columns(2, gap="medium") if layout == "wide"
                        else (st.container(), st.container()))
    with examples:
        _examples(vid, ctx, scenario)
    with upload:
        st.file_uploader(t("upload_label"), type=list(ACCEPTED_TYPES), key=_key(vid, "upload"),
                         on_change=_on_upload, args=(vid,), help=t("upload_help"), max_upload_size=UPLOAD_MB)
    message = st.session_state.get(_key(vid, "upload_message"))
    if message and message[0] == "error":
        st.error(t("upload_failed", message=md_escape(message[1])), icon=":material/error:")
    elif message:
        st.success(t("upload_done", name=md_escape(message[1])), icon=":material/check:")
    with st.expander(t("plain_text_title")):
        # The same letter as plain text (select all, a screen reader's own text mode). Its own key,
        # named after the text it shows: a stale value of it never overwrites (writing.plain_changed).
        plain = writing.plain_box(vid)
        st.text_area(t("letter_label"), key=plain, height=300, max_chars=MAX_CHARS,
                     help=t("letter_help"), on_change=writing.plain_changed, args=(vid, plain))
    _template_feedback(ctx, source, template_mode, letter)


def _examples(vid: str, ctx: PageContext, scenario: Scenario | None) -> None:
    """The scenario's example letters (into a new variant when this one has text) and the template switch."""
    t = ctx.t
    if scenario is not None and scenario.letters:
        quality = {q: t(f"quality_{q}") for q in ("poor", "fair", "strong")}
        labels = [letter.label for letter in scenario.in_lang(t.lang).letters]
        pick, load = st.columns([4, 1], vertical_alignment="bottom")
        # The widget key holds the language: Streamlit keeps a widget's shown option text when only its
        # labels change. The choice itself lives in a language-free key.
        chosen_key = _key(vid, f"example.{scenario.id}")
        widget_key = f"{chosen_key}.{t.lang}"
        chosen = st.session_state.get(chosen_key)
        chosen = chosen if isinstance(chosen, int) and chosen >= 0 else 0  # a late state of a switch: None
        st.session_state[chosen_key] = chosen
        st.session_state[widget_key] = min(chosen, len(scenario.letters) - 1)
        pick.selectbox(t("example_pick"), range(len(scenario.letters)), key=widget_key,
                       on_change=_copy_state, args=(widget_key, chosen_key),
                       format_func=lambda i: f"{quality.get(scenario.letters[i].quality, '')} · "
                                             f"{labels[i]}")
        load.button(t("example_load"), key=_key(vid, "load"), on_click=_on_load_example,
                    args=(vid, scenario.id), width="stretch", help=t("example_load_help"))
    st.toggle(t("template_mode"), key=_key(vid, "template"), help=t("template_help"), persist_state="session")


def _template_feedback(ctx: PageContext, source: str, template_mode: bool, letter: str | None) -> None:
    """A hint when a plain letter holds placeholders; a template's problem or filled-in result."""
    t = ctx.t
    if not template_mode:
        if "{{" in source or "{%" in source:
            st.info(t("template_hint"), icon=":material/lightbulb:")
        return
    if letter is None:
        try:
            render(source, ctx.variables, t("template_name"))
        except TemplateProblem as err:
            st.error(t("template_failed", message=md_escape(err)), icon=":material/error:")
        return
    if ctx.variables:
        names = ", ".join("{{ " + name + " }}" for name in ctx.variables)
        st.caption(t("template_available", names=md_escape(names)))
    elif source.strip():
        st.caption(t("template_no_scenario"))
    with st.expander(t("template_result")):
        st.text(letter)


def _verdict_panel(result: Analysis, ctx: PageContext) -> None:
    """Beside the editor: per segment its verdict, score and the reaction, whole; the reach."""
    t, lang = ctx.t, ctx.lang
    rows = []
    for r in result.segments.values():
        color = VERDICT_COLORS.get(r.verdict, FALLBACK_COLOR)
        label = ctx.verdict_labels.get(r.verdict, r.verdict_label)
        rows.append(
            f'<li class="oh-vp-row" data-vp-segment="{escape(r.segment)}" data-vp-verdict="{escape(r.verdict)}" '
            f'style="border-left-color:{color}"><div class="oh-vp-head"><span><b>{escape(r.name)}</b> '
            f'<span class="oh-small">· {escape(number(r.share * 100, lang))}%</span></span>'
            f'<span class="oh-vp-line"><span class="oh-vp-score">{escape(number(r.score, lang))}<small> / 100'
            f'</small></span><span class="oh-verdict" style="background:{color}">'
            f'{VERDICT_ICONS.get(r.verdict, "")} {escape(label)}</span></span></div>'
            f'<div class="oh-vp-reaction">“{escape(interface.reaction(r, lang))}”</div></li>')
    reach = ""
    if result.reach is not None:
        reach = (f'<div class="oh-vp-reach">{escape(t("panel_reach_label"))}: <b class="oh-vp-reach-score">'
                 f'{escape(number(result.reach.score, lang))}</b> / 100 · '
                 f'{escape(t("panel_lands_well", share=number(result.reach.lands_well_share * 100, lang)))}</div>')
    st.html(f'<section class="oh-vp" aria-label="{escape(t("strip_title"))}">'
            f'<h3 class="oh-vp-title">{escape(t("strip_title"))}</h3>{reach}'
            f'<ul class="oh-vp-list">{"".join(rows)}</ul></section>')


def _whole_letter(result: Analysis, ctx: PageContext) -> None:
    """Findings about the letter as a whole (no place in the text to mark)."""
    t = ctx.t
    notes = whole_letter_html(_shown(result, ctx), ctx.titles, t)
    if notes:
        count = sum(1 for f in result.findings if f.start is None or f.end is None)
        with st.expander(t("whole_letter_title", count=count), expanded=False):
            st.html(notes)


def _letter_view(result: Analysis, ctx: PageContext) -> None:
    """A template is edited as source; its filled-in letter is shown here with the findings marked."""
    t = ctx.t
    st.subheader(t("letter_view_title"))
    st.caption(t("letter_view_help"))
    st.html(legend_html(ctx.titles, t))
    st.html(highlight_html(result.text, _shown(result, ctx), ctx.titles, t))
    _whole_letter(result, ctx)


def _results(vid: str, result: Analysis, ctx: PageContext, layout: str) -> None:
    t = ctx.t
    st.subheader(t("segments_title"))
    st.caption(t("segments_help"))
    receptions = list(result.segments.values())
    columns = (_stacking(f"{vid}-cards").columns(len(receptions)) if layout == "wide"
               else [st.container() for _ in receptions])
    segments = {s.id: s for s in ctx.model.segments}
    for column, reception in zip(columns, receptions):
        with column:
            _segment_card(reception, segments.get(reception.segment), ctx)
    _reach(result, ctx)
    _letter_downloads(vid, result, ctx)
    _details(vid, result, ctx, layout)


def _letter_downloads(vid: str, result: Analysis, ctx: PageContext) -> None:
    """A download button for each format of outreach/exports/ and each of its files (the letter itself,
    a review copy with the findings). Made when clicked (a callable), not on every edit; named after
    the variant."""
    from outreach.exports import file_name, registry
    from outreach.ui.variants import safe_filename

    t = ctx.t
    stem = safe_filename(workspace.names().get(vid, ""), "x", "brief").removesuffix(".x")
    with st.container(horizontal=True, gap="small"):
        for fmt in registry().values():
            for mode, download in fmt.downloads():
                st.download_button(
                    download.label(t.lang), data=_export_callable(fmt, mode, result, t.lang),
                    file_name=file_name(stem, fmt, mode, t.lang), mime=fmt.mime,
                    key=_key(vid, fmt.id if mode == "letter" else f"{fmt.id}_review"), on_click="ignore",
                    icon=download.icon, help=download.help(t.lang))


def _export_callable(fmt, mode: str, result: Analysis, ui_lang: str):
    if mode == "review":
        return lambda: fmt.write(result.text, result.lang, result, ui_lang)
    return lambda: fmt.write(result.text, result.lang)


DETAILS = ("findings", "charts", "dimensions", "readability", "history")


def _details(vid: str, result: Analysis, ctx: PageContext, layout: str) -> None:
    """One detail view at a time, drawn only when chosen (tabs would draw all four on every edit)."""
    t = ctx.t
    labels = {"charts": t("tab_charts"), "dimensions": t("tab_dimensions"), "readability": t("tab_readability"),
              "findings": t("tab_findings", count=len(result.findings)), "history": t("details_history")}
    chosen_key = _key(vid, "details")
    widget_key = f"{chosen_key}.{t.lang}"  # the shown labels follow the language, the choice does not
    st.session_state.setdefault(chosen_key, DETAILS[0])
    st.session_state[widget_key] = st.session_state[chosen_key]
    chosen = st.segmented_control(t("details_label"), list(DETAILS), key=widget_key, format_func=labels.get,
                                  on_change=_copy_state, args=(widget_key, chosen_key))
    if chosen == "charts":
        _charts(result, ctx, layout)
    elif chosen == "dimensions":
        _dimensions(result, ctx, layout)
    elif chosen == "readability":
        _readability(result, ctx)
    elif chosen == "findings":
        _findings_table(vid, result, ctx)
    elif chosen == "history":
        writing.render_history(vid, ctx, folded=False)


def _segment_card(reception, segment, ctx: PageContext) -> None:
    t, lang = ctx.t, ctx.lang
    color = VERDICT_COLORS.get(reception.verdict, FALLBACK_COLOR)
    label = ctx.verdict_labels.get(reception.verdict, reception.verdict_label)
    reasons = "".join(
        f'<li><span class="oh-pts {"oh-neg" if r.points < 0 else "oh-pos"}">{escape(_signed(r.points, lang))}'
        f"</span><span>{escape(interface.reason(reception.segment, r, lang, ctx.model))}</span></li>"
        for r in reception.reasons)
    score = max(0.0, min(100.0, float(reception.score)))
    html = (
        f'<div class="oh-card" data-segment="{escape(reception.segment)}" data-verdict="{escape(reception.verdict)}">'
        f'<div class="oh-card-head"><span class="oh-card-name">{escape(reception.name)}</span>'
        f'<span class="oh-card-share">{escape(t("share_of", share=number(reception.share * 100, lang)))}</span></div>'
        f'<div class="oh-score">{escape(number(score, lang))}<small> / 100</small></div>'
        f'<span class="oh-verdict" style="background:{color}">'
        f'{VERDICT_ICONS.get(reception.verdict, "")} {escape(label)}</span>'
        f'<div class="oh-bar" aria-hidden="true"><span style="width:{score:.0f}%;background:{color}"></span></div>'
        f'<div class="oh-small">{escape(t("reaction_label"))}</div>'
        f'<div class="oh-reaction">“{escape(interface.reaction(reception, lang))}”</div>'
        f'<div class="oh-small">{escape(t("reasons_label"))}</div><ul class="oh-reasons">{reasons}</ul></div>'
    )
    with st.container(border=True):
        st.html(html)
        if segment is not None:
            with st.expander(t("segment_who", name=segment.name)):
                _segment_profile(segment, ctx)


def _segment_profile(segment, ctx: PageContext) -> None:
    t, lang = ctx.t, ctx.lang
    traits = "".join(
        f"<dt>{escape(t(f'trait_{key}'))}</dt><dd><b>{escape(t.level(segment.traits[key].level))}</b> · "
        f"{escape(interface.trait(segment.id, key, segment.traits[key].text, lang))}</dd>"
        for key in TRAITS if key in segment.traits)
    quotes = workshop.quotes_html(segment, lang, '<div class="oh-quote">', "</div>")
    summary = interface.segment_text(segment.id, "summary", segment.summary, lang)
    st.html(f'<p class="oh-small">{escape(summary)}</p><div class="oh-dl-box"><dl class="oh-dl">{traits}</dl></div>'
            f'<div class="oh-small" style="margin-top:.6rem">{escape(t("quotes_label"))}</div>{quotes}')


def _reach(result: Analysis, ctx: PageContext) -> None:
    t, lang = ctx.t, ctx.lang
    if result.reach is None:
        return
    reach, lands, note = st.columns([1, 1, 2], vertical_alignment="center")
    reach.metric(t("reach_score"), f"{number(result.reach.score, lang)} / 100", help=t("reach_help"))
    lands.metric(t("reach_lands_well"), f"{number(result.reach.lands_well_share * 100, lang)}%",
                 help=t("reach_lands_well_help"))
    shares = ", ".join(f"{r.name} {number(r.share * 100, lang)}%" for r in result.segments.values())
    note.caption(t("reach_shares_custom" if ctx.shares is not None else "reach_shares_model", shares=shares))


def _charts(result: Analysis, ctx: PageContext, layout: str) -> None:
    t = ctx.t
    thresholds = (ctx.model.turns_away, ctx.model.lands_well)
    order = [s.name for s in ctx.model.segments]
    left, right = st.columns(2) if layout == "wide" else (st.container(), st.container())
    with left:
        spec = charts.segment_spec(ctx.lang, ctx.verdict_labels, thresholds, order)
        frame = charts.segment_frame(result, ctx.verdict_labels)
        st.vega_lite_chart(spec=charts.with_data(spec, charts.SEGMENTS_DATA, frame), width="stretch")
        st.caption(t("chart_segments_help", low=number(thresholds[0], ctx.lang), high=number(thresholds[1], ctx.lang)))
    with right:
        spec = charts.dimension_spec(ctx.lang, ctx.titles)
        frame = charts.dimension_frame(result, ctx.titles)
        st.vega_lite_chart(spec=charts.with_data(spec, charts.DIMENSIONS_DATA, frame), width="stretch")
        st.caption(t("chart_dimensions_help"))


def _dimensions(result: Analysis, ctx: PageContext, layout: str) -> None:
    t, lang = ctx.t, ctx.lang
    per_row = 3 if layout == "wide" else 2
    dims = list(result.dimensions.items())
    shown = _shown(result, ctx)
    for row in range(0, len(dims), per_row):
        for column, (dim, score) in zip(st.columns(per_row), dims[row:row + per_row]):
            with column:
                st.metric(ctx.titles.get(dim, score.title), f"{number(score.score, lang)} / 100",
                          help=interface.pack_description(dim, ctx.book.packs[dim].description, lang)
                          if dim in ctx.book.packs else None)
                with st.expander(t("dimension_why")):
                    st.html('<ul class="oh-reasons">' + "".join(
                        f'<li><span class="oh-pts {"oh-neg" if c.points < 0 else "oh-pos"}">'
                        f"{escape(_signed(c.points, lang))}</span>"
                        f"<span>{escape(interface.contribution(c, shown, lang))}</span></li>"
                        for c in score.contributions) + "</ul>")


def _readability(result: Analysis, ctx: PageContext) -> None:
    t, lang = ctx.t, ctx.lang
    marks = {"ok": ("oh-ok", "✓"), "warn": ("oh-warn", "!"), "bad": ("oh-bad", "✕"), "none": ("", "")}
    rows = []
    for fig in figures(result.metrics, ctx.book):
        css, icon = marks[fig.status]
        limit = ""
        if fig.limit is not None:
            limit = f"{'≤' if fig.limit_op == '<=' else '≥'} {format_value(fig.limit, fig.kind, lang)}"
        signal = f'<span class="{css}">{icon} {escape(t(f"signal_{fig.status}"))}</span>' if icon else ""
        rows.append(f"<tr><td>{escape(t(f'metric_{fig.metric}'))}</td>"
                    f'<td class="oh-val">{escape(format_value(fig.value, fig.kind, lang))}</td>'
                    f'<td class="oh-val">{escape(limit)}</td><td>{signal}</td></tr>')
    st.html(f'<table class="oh-table"><thead><tr><th>{escape(t("readability_figure"))}</th>'
            f'<th>{escape(t("readability_value"))}</th><th>{escape(t("readability_b1"))}</th>'
            f'<th>{escape(t("readability_signal"))}</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')
    st.caption(t("readability_help"))


def _findings_table(vid: str, result: Analysis, ctx: PageContext) -> None:
    t = ctx.t
    left, right = st.columns(2)
    dims = left.multiselect(t("filter_dimension"), list(DIMENSIONS), key=_key(vid, "filter_dims"),
                            format_func=lambda d: ctx.titles.get(d, d), placeholder=t("filter_all"))
    sevs = right.multiselect(t("filter_severity"), list(SEVERITIES), key=_key(vid, "filter_sevs"),
                             format_func=lambda s: t(f"severity_{s}"), placeholder=t("filter_all"))
    frame = filter_frame(findings_frame(_shown(result, ctx)), dims, sevs)
    shown = labelled(frame, ctx.titles, t)
    st.dataframe(shown, hide_index=True, width="stretch", height=min(560, 38 + 35 * max(1, len(shown))),
                 column_order=[t(f"col_{c}") for c in SHOWN],
                 column_config={
                     t("col_nr"): st.column_config.NumberColumn(width="small"),
                     t("col_points"): st.column_config.NumberColumn(format="%+.1f", width="small"),
                     t("col_message"): st.column_config.TextColumn(width="large"),
                     t("col_suggestion"): st.column_config.TextColumn(width="medium"),
                 })
    st.caption(t("findings_count", shown=len(shown), total=len(result.findings)))
    st.download_button(t("download_csv"), data=to_csv(shown), file_name=t("csv_name"), mime="text/csv",
                       key=_key(vid, "csv"), on_click="ignore", icon=":material/download:")
