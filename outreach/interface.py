"""The analysis' own texts in the interface language: presentation only, keyed by ids.

The engine writes its findings, reasons and reactions in the letter's language (Dutch) and stays
language-neutral otherwise; this module gives the same texts in another interface language
(English) for the page, the HTML report and the command line. The English texts are data beside
the Dutch ones, in the language folder's `en/` subfolder:

    outreach/languages/nl/en/rules/<pack>.toml   per rule id: message, why, found_message, bands,
                                                  suggestions (only where they are advice, not
                                                  words for the letter); [pack] its title and
                                                  description
    outreach/languages/nl/en/segments.toml       labels, short, per segment: summary, quotes,
                                                  traits, base_reason, triggers' reasons, reactions
    outreach/languages/nl/en/advice.toml         the advisor's reasons ("Eerst doen"): each Dutch
                                                  reason of advice.toml beside its English
    outreach/languages/nl/en/workshop.toml       the workshop's texts, by mechanism, step and
                                                  tension id

(A scenario's texts are an [en] table in its own file, scenarios/*.toml: outreach/scenarios.py.
The HTML report's own words are report_templates/report.toml: outreach/report.py.)

A finding's Dutch text is matched against its built-in Dutch template ("'{match}' klinkt ...");
the values found there ({match}, {value}, a fact like {telefoon}) are filled into the English
template; a fix's reason likewise against advice.toml's reasons. Anything without an English
counterpart (an organisation's own pack, a built-in message the organisation changed) stays
Dutch: the fallback is always the engine's own text. The letter's words ({match}, rewrites for
the letter) are never translated; a measured figure ({value}) gets its decimal point.

Why match the text instead of carrying the values on the Finding: the command line's text report
is rendered from the analysis' JSON dict (outreach/batch.py, in forked workers), whose contract
must stay byte for byte; values carried beside the message would not reach it, so the matching
would be needed there anyway. One way for every path. On every finding of every project letter it
finds the template (tests/test_interface.py).
"""
from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from outreach import languages
from outreach.messages import Message, placeholders, text
from outreach.rules.schema import DIMENSIONS

if TYPE_CHECKING:
    from outreach.rules.engine import Finding
    from outreach.segments.reception import Reason, Reception

DEFAULT = "nl"  # the language the engine writes in; no lookup needed
ENGLISH = "en"
RULE_KEYS = ("message", "why", "found_message", "bands", "suggestions")
PACK = "pack"  # the table of an en/rules file with the pack's own texts (not a rule id)
_FIELD = re.compile(r"\{([a-z_]+)\}")
_QUOTED = re.compile(r"'([^']*)'")


def _toml(path: Path) -> dict:
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _folder(lang: str | None) -> Path:
    return languages.get(lang).folder


# --- the data ------------------------------------------------------------------------------------

@lru_cache(maxsize=4)
def dutch_rules(letter_lang: str = languages.DEFAULT) -> dict[str, dict]:
    """Per built-in rule id its Dutch texts, read from the language's own packs (not from a stacked
    book: an organisation that rewrote a message gets its own text, not our translation)."""
    out: dict[str, dict] = {}
    for path in sorted((_folder(letter_lang) / "rules").glob("*.toml")):
        for raw in _toml(path).get("rule", []):
            entry = {"file": path.name, "kind": raw.get("kind", ""), "message": raw.get("message", ""),
                     "why": raw.get("why", "")}
            if "found_message" in raw:
                entry["found_message"] = raw["found_message"]
            if "band" in raw:
                entry["bands"] = [band.get("message", "") for band in raw["band"]]
            if raw.get("suggestions") and raw.get("kind") != "substitution":
                sugg = raw["suggestions"]
                entry["suggestions"] = [sugg] if isinstance(sugg, str) else list(sugg)
            out[raw["id"]] = entry
    return out


@lru_cache(maxsize=4)
def english_rules(letter_lang: str = languages.DEFAULT) -> dict[str, dict]:
    """Per rule id its English texts (en/rules/*.toml, one file per pack, a table per rule id)."""
    out: dict[str, dict] = {}
    for path in sorted((_folder(letter_lang) / ENGLISH / "rules").glob("*.toml")):
        for rule_id, entry in _toml(path).items():
            if rule_id != PACK:
                out[rule_id] = dict(entry, file=path.name)
    return out


@lru_cache(maxsize=4)
def english_packs(letter_lang: str = languages.DEFAULT) -> dict[str, dict]:
    """Per pack (file stem, the dimension) its English [pack] table: its title and description."""
    return {path.stem: _toml(path).get(PACK, {})
            for path in sorted((_folder(letter_lang) / ENGLISH / "rules").glob("*.toml"))}


def pack_description(dimension: str, dutch: str, lang: str | None, letter_lang: str = languages.DEFAULT) -> str:
    """A pack's description (the help beside its score) in the interface language."""
    if lang != ENGLISH:
        return dutch
    return english_packs(letter_lang).get(dimension, {}).get("description") or dutch


@lru_cache(maxsize=8)
def english_data(name: str, letter_lang: str = languages.DEFAULT) -> dict:
    """One English data file of the language folder (en/segments.toml, en/advice.toml, ...)."""
    return _toml(_folder(letter_lang) / ENGLISH / name)


# --- templates -----------------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def _template_regex(template: str) -> re.Pattern[str]:
    """A Dutch template as a regex whose {fields} capture the values filled into it."""
    out, seen, cursor = [], set(), 0
    for found in _FIELD.finditer(template):
        out.append(re.escape(template[cursor:found.start()]))
        name = found.group(1)
        out.append(f"(?P={name})" if name in seen else f"(?P<{name}>.*?)")
        seen.add(name)
        cursor = found.end()
    out.append(re.escape(template[cursor:]))
    return re.compile("".join(out), re.DOTALL)


def _je_quoted(template: str) -> str:
    """The quoted example sentences of a text in "je", as the engine does for messages."""
    from outreach.text.address import to_je

    return _QUOTED.sub(lambda m: m.group(0) if "{" in m.group(1) else "'" + to_je(m.group(1)) + "'", template)


def _forms(template: str) -> tuple[str, ...]:
    """The template as the engine may have used it: as written, and in "je" (outreach/rules/engine.py:
    quoted examples in a message, the whole text of a suggestion)."""
    from outreach.text.address import to_je

    return tuple(dict.fromkeys((template, _je_quoted(template), to_je(template))))


def _values(template: str, text: str) -> tuple[dict[str, str], int] | None:
    """The values filled into `template` to give `text`, and which form (0 as written, >0 "je")."""
    for form, variant in enumerate(_forms(template)):
        found = _template_regex(variant).fullmatch(text)
        if found:
            return found.groupdict(), form
    return None


_DUTCH_NUMBER = re.compile(r"-?\d+,\d+")


def _fill(template: str, values: dict[str, str], form: int) -> str:
    if form:  # the quoted Dutch examples inside an English text follow the letter's "je" too
        template = _je_quoted(template)
    if _DUTCH_NUMBER.fullmatch(values.get("value", "")):  # a measured figure (a metric's band): "85,7" -> "85.7"
        values = dict(values, value=values["value"].replace(",", "."))
    return _FIELD.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def translate(dutch_template: str, english_template: str | None, text: str) -> str | None:
    """`text` (made from `dutch_template`) in English, or None when there is no English or the
    text was not made from that template."""
    if not english_template:
        return None
    found = _values(dutch_template, text)
    if found is None:
        return None
    return _fill(english_template, *found)


# --- findings ------------------------------------------------------------------------------------

def _message_pairs(dutch: dict, english: dict) -> Iterable[tuple[str, str | None]]:
    yield dutch.get("message", ""), english.get("message")
    if "found_message" in dutch:
        yield dutch["found_message"], english.get("found_message")
    for index, band in enumerate(dutch.get("bands", [])):
        bands = english.get("bands") or []
        yield band, bands[index] if index < len(bands) else None


@lru_cache(maxsize=8192)
def _finding_texts(rule: str, message: str, why: str, suggestions: tuple[str, ...],
                   lang: str, letter_lang: str) -> tuple[str, str, tuple[str, ...]]:
    dutch = dutch_rules(letter_lang).get(rule)
    english = english_rules(letter_lang).get(rule)
    if dutch is None or english is None:
        return message, why, suggestions
    for template, target in _message_pairs(dutch, english):
        translated = translate(template, target, message)
        if translated is not None:
            message = translated
            break
    if why == dutch.get("why") and english.get("why"):
        why = english["why"]
    ours, theirs = dutch.get("suggestions") or [], english.get("suggestions") or []
    if ours and len(theirs) == len(ours) and len(suggestions) == len(ours):
        suggestions = tuple(translate(d, e, s) or s for d, e, s in zip(ours, theirs, suggestions))
    return message, why, suggestions


def finding(f: Finding, lang: str | None, letter_lang: str = languages.DEFAULT) -> Finding:
    """The finding with its message, why and advice in the interface language (the same object in
    Dutch, or where no English exists)."""
    if lang != ENGLISH:
        return f
    message, why, suggestions = _finding_texts(f.rule, f.message, f.why, tuple(f.suggestions), lang, letter_lang)
    if message == f.message and why == f.why and suggestions == tuple(f.suggestions):
        return f
    return dataclasses.replace(f, message=message, why=why, suggestions=suggestions)


def findings(items: Sequence[Finding], lang: str | None, letter_lang: str = languages.DEFAULT) -> tuple[Finding, ...]:
    if lang != ENGLISH:
        return tuple(items)
    return tuple(finding(f, lang, letter_lang) for f in items)


def message(rule: str, dutch: str, lang: str | None, letter_lang: str = languages.DEFAULT) -> str:
    """A finding's message alone (a comparison's Change, a fix naming a rule's rewrite) in the
    interface language."""
    if lang != ENGLISH:
        return dutch
    return _finding_texts(rule, dutch, "", (), lang, letter_lang)[0]


def finding_dict(item: dict, lang: str | None, letter_lang: str = languages.DEFAULT) -> dict:
    """A finding as a JSON dict (the CLI contract) with its texts in the interface language."""
    if lang != ENGLISH:
        return item
    message, why, suggestions = _finding_texts(item["rule"], item["message"], item.get("why", ""),
                                               tuple(item.get("suggestions") or ()), lang, letter_lang)
    return dict(item, message=message, why=why, suggestions=list(suggestions))


def contribution(item, shown: Sequence[Finding], lang: str | None) -> str:
    """A dimension score's contribution (outreach/dimensions.py) in the interface language; `shown`
    are the letter's findings already in that language."""
    if lang != ENGLISH:
        return str(item.reason)
    if item.finding is not None and 0 <= item.finding < len(shown):
        f = shown[item.finding]
        where = f"'{f.match}': " if f.match else ""
        capped = text("dimension.capped", lang) if f.points == 0 else ""
        return f"{where}{f.message}{capped}"
    return render_message(item.reason, lang)


def render_message(item: object, lang: str | None) -> str:
    from outreach.messages import render

    return render(item, lang)


# --- the segment model ---------------------------------------------------------------------------

def _segment(segment_id: str, letter_lang: str) -> dict:
    return english_data("segments.toml", letter_lang).get("segment", {}).get(segment_id, {})


def trigger_reason(segment_id: str, trigger_id: str, dutch: str, lang: str | None,
                   letter_lang: str = languages.DEFAULT) -> str:
    if lang != ENGLISH:
        return dutch
    return _segment(segment_id, letter_lang).get("trigger", {}).get(trigger_id) or dutch


def reason(segment_id: str, item: Reason, lang: str | None, dutch_model=None,
           letter_lang: str = languages.DEFAULT) -> str:
    """A reason of a segment's score in the interface language: the model's own messages through
    the message catalogue, a trigger's reason (with the letter's words) from en/segments.toml."""
    text = item.text
    if lang != ENGLISH:
        return str(text)
    if isinstance(text, Message):
        values = dict(text.values)
        if text.id == "reception.start_because":
            values["reason"] = segment_text(segment_id, "base_reason", str(values.get("reason", "")), lang, letter_lang)
        elif text.id == "reception.cap":
            values["text"] = _trigger_text(segment_id, str(values.get("text", "")), _model(dutch_model, letter_lang),
                                           lang, letter_lang)
        elif text.id == "reception.dimension":
            values["title"] = _dimension_title(item.dimension, str(values.get("title", "")), lang)
        return Message(str(text), text.id, values).render(lang)
    if item.source.startswith("trigger:"):
        trigger_id = item.source.split(":", 1)[1]
        dutch = _dutch_trigger(_model(dutch_model, letter_lang), segment_id, trigger_id)
        if dutch and text.startswith(dutch):
            return trigger_reason(segment_id, trigger_id, dutch, lang, letter_lang) + text[len(dutch):]
    return str(text)


def _model(model, letter_lang: str):
    """The Dutch segment model the reasons came from (the built-in one unless given)."""
    if model is not None:
        return model
    from outreach.segments.model import SegmentModelError, load_model

    try:
        return load_model(letter_lang)
    except SegmentModelError:
        return None


def dimension_title(dimension: str | None, dutch: str, lang: str | None) -> str:
    """A dimension's title in the interface language (the pack's own title in Dutch)."""
    if lang != ENGLISH:
        return dutch
    return _dimension_title(dimension, dutch, lang)


def _dimension_title(dimension: str | None, dutch: str, lang: str, letter_lang: str = languages.DEFAULT) -> str:
    if not dimension:
        return dutch
    return english_packs(letter_lang).get(dimension, {}).get("title") or dutch


def _dutch_trigger(model, segment_id: str, trigger_id: str) -> str:
    if model is None:
        return ""
    for segment in model.segments:
        if segment.id == segment_id:
            return next((t.reason for t in segment.triggers if t.id == trigger_id), "")
    return ""


def _trigger_text(segment_id: str, dutch: str, model, lang: str, letter_lang: str) -> str:
    if model is None:
        return dutch
    for segment in model.segments:
        if segment.id == segment_id:
            for trigger in segment.triggers:
                if trigger.reason == dutch:
                    return trigger_reason(segment_id, trigger.id, dutch, lang, letter_lang)
    return dutch


def segment_text(segment_id: str, key: str, dutch: str, lang: str | None,
                 letter_lang: str = languages.DEFAULT) -> str:
    """A segment's summary or base_reason in the interface language."""
    if lang != ENGLISH:
        return dutch
    return _segment(segment_id, letter_lang).get(key) or dutch


def trait(segment_id: str, trait_id: str, dutch: str, lang: str | None, letter_lang: str = languages.DEFAULT) -> str:
    if lang != ENGLISH:
        return dutch
    return _segment(segment_id, letter_lang).get("traits", {}).get(trait_id) or dutch


def level(dutch: str, lang: str | None, letter_lang: str = languages.DEFAULT) -> str:
    """A trait's level ("hoog", "laag") in the interface language."""
    if lang != ENGLISH:
        return dutch
    return english_data("segments.toml", letter_lang).get("levels", {}).get(dutch) or dutch


def quotes(segment_id: str, dutch: Sequence, lang: str | None,
           letter_lang: str = languages.DEFAULT) -> list[tuple[str, str, str]]:
    """Per quote (text in the interface language, the Dutch words as said, source in the interface
    language: en/segments.toml [sources], Dutch where it has none)."""
    english = _segment(segment_id, letter_lang).get("quotes", []) if lang == ENGLISH else []
    sources = english_data("segments.toml", letter_lang).get("sources", {}) if lang == ENGLISH else {}
    out = []
    for index, quote in enumerate(dutch):
        translated = english[index] if index < len(english) else ""
        out.append((translated or quote.text, quote.text, sources.get(quote.source) or quote.source))
    return out


def verdict_label(verdict: str, dutch: str, lang: str | None, letter_lang: str = languages.DEFAULT) -> str:
    if lang != ENGLISH:
        return dutch
    return english_data("segments.toml", letter_lang).get("labels", {}).get(verdict) or dutch


def short(dimension: str, dutch: str, lang: str | None, letter_lang: str = languages.DEFAULT) -> str:
    if lang != ENGLISH:
        return dutch
    return english_data("segments.toml", letter_lang).get("short", {}).get(dimension) or dutch


def reaction(reception: Reception, lang: str | None, letter_lang: str = languages.DEFAULT) -> str:
    """The segment's reaction in the interface language, rendered from the English template with
    the same choice the model made (outreach/segments/reception.py keeps it, language-neutral)."""
    if lang != ENGLISH or reception.voice is None:
        return reception.reaction
    from outreach.segments.reactions import render_reaction

    voice = reception.voice
    templates = _segment(reception.segment, letter_lang).get("reactions", {})
    template = templates.get(voice.key)
    if not template:
        return reception.reaction
    top = short(voice.dimension, "", lang, letter_lang) if voice.dimension else text(
        "reception.top_reason_unknown", lang)
    if not top:
        return reception.reaction
    return render_reaction(template, match=voice.match, top_reason_short=top, digital=voice.digital,
                           segment=reception.name, verdict=reception.verdict)


# --- the advisor's fixes ("Eerst doen", check --fixes) ------------------------------------------

@lru_cache(maxsize=4)
def _advice_reasons(letter_lang: str) -> tuple[tuple[str, str], ...]:
    """(Dutch reason as in advice.toml, its English) from en/advice.toml."""
    return tuple((entry.get("nl", ""), entry.get("en", ""))
                 for entry in english_data("advice.toml", letter_lang).get("reason", [])
                 if isinstance(entry, dict))


def fix_reason(reason: str, rules: Sequence[str], lang: str | None, letter_lang: str = languages.DEFAULT) -> str:
    """A fix's reason (outreach/advice: advice.toml's reason with the letter's words filled in, or
    for a substitution rule's own rewrite the rule's message) in the interface language."""
    if lang != ENGLISH:
        return reason
    for dutch, english in _advice_reasons(letter_lang):
        translated = translate(dutch, english, reason)
        if translated is not None:
            return translated
    return message(rules[0], reason, lang, letter_lang) if rules else reason


def fix(item, lang: str | None, letter_lang: str = languages.DEFAULT):
    """An advice Fix (outreach/advice/measure.py) with its reason in the interface language."""
    if lang != ENGLISH:
        return item
    reason = fix_reason(item.reason, item.rules, lang, letter_lang)
    return item if reason == item.reason else dataclasses.replace(item, reason=reason)


NOTES = ("advice.best_already", "advice.too_long")  # the advice's own notes (outreach/messages.toml)


def catalogue_text(dutch: str, ids: Sequence[str], lang: str | None) -> str:
    """A text the engine made from one of the catalogue's `ids`, kept only as its Dutch string (in a
    JSON dict), in the interface language."""
    if lang != ENGLISH or not dutch:
        return dutch
    from outreach.messages import catalogue

    entries = catalogue()
    for message_id in ids:
        entry = entries.get(message_id)
        translated = translate(entry["nl"], entry["en"], dutch) if entry else None
        if translated is not None:
            return translated
    return dutch


# --- the workshop --------------------------------------------------------------------------------

WORKSHOP_KEYS = {"mechanism": ("name", "sprint", "text", "intervention"),
                 "vsdt_step": ("title", "prompt", "example"),
                 "tension": ("values", "text", "research")}


def workshop(data, lang: str | None, letter_lang: str = languages.DEFAULT):
    """The workshop data (outreach/workshop/model.py) with its texts in the interface language,
    from en/workshop.toml by id; what has no English stays Dutch."""
    if lang != ENGLISH:
        return data
    english = english_data("workshop.toml", letter_lang)

    def local(item, table: str):
        entry = english.get(table, {}).get(item.id, {})
        changes = {key: entry[key] for key in WORKSHOP_KEYS[table] if entry.get(key) and getattr(item, key)}
        if "values" in changes:
            changes["values"] = tuple(changes["values"])
        return dataclasses.replace(item, **changes) if changes else item

    return dataclasses.replace(
        data, mechanisms=tuple(local(m, "mechanism") for m in data.mechanisms),
        steps=tuple(local(s, "vsdt_step") for s in data.steps),
        tensions=tuple(local(t, "tension") for t in data.tensions))


# --- checks --------------------------------------------------------------------------------------

def has_english(letter_lang: str = languages.DEFAULT) -> bool:
    """Does the language folder have English texts (an en/ folder)?"""
    try:
        return (_folder(letter_lang) / ENGLISH).is_dir()
    except languages.LanguageError:
        return False


def missing_english(letter_lang: str = languages.DEFAULT) -> list[str]:
    """What the built-in Dutch texts lack in English: one line per gap, naming the rule (or segment)
    and the file, so a new built-in rule without English fails with a clear message."""
    problems = []
    english = english_rules(letter_lang)
    for rule_id, dutch in dutch_rules(letter_lang).items():
        where = f"rules/{dutch['file']}"
        theirs = english.get(rule_id)
        if theirs is None:
            problems.append(f"{rule_id} ({where}): no English in en/rules/{dutch['file']}")
            continue
        for key in ("message", "why", "found_message", "bands"):
            if key not in dutch:
                continue
            ours = dutch[key] if isinstance(dutch[key], list) else [dutch[key]]
            raw = theirs.get(key)
            target = raw if isinstance(raw, list) else ([raw] if raw else [])
            if len(target) != len(ours) or not all(isinstance(t, str) and t.strip() for t in target):
                problems.append(f"{rule_id} ({where}): English '{key}' missing or of another length")
                continue
            for d, e in zip(ours, target):
                if placeholders(d) != placeholders(e):
                    problems.append(f"{rule_id} ({where}): English '{key}' has other {{placeholders}} "
                                    f"({', '.join(sorted(placeholders(e)))} instead of {', '.join(sorted(placeholders(d)))})")
        if "suggestions" in theirs:
            ours = dutch.get("suggestions") or []
            if len(theirs["suggestions"]) != len(ours):
                problems.append(f"{rule_id} ({where}): English 'suggestions' needs {len(ours)} entries")
            else:
                for d, e in zip(ours, theirs["suggestions"]):
                    if placeholders(d) != placeholders(e):
                        problems.append(f"{rule_id} ({where}): English 'suggestions' has other {{placeholders}}")
    for rule_id, entry in english.items():
        if rule_id not in dutch_rules(letter_lang):
            problems.append(f"{rule_id} (en/rules/{entry['file']}): no such built-in rule")
        unknown = set(entry) - set(RULE_KEYS) - {"file"}
        if unknown:
            problems.append(f"{rule_id} (en/rules/{entry['file']}): unknown keys {', '.join(sorted(unknown))}")
    for path in sorted((_folder(letter_lang) / "rules").glob("*.toml")):
        pack = english_packs(letter_lang).get(path.stem, {})
        if _toml(path).get("description") and not pack.get("description"):
            problems.append(f"pack {path.stem} (rules/{path.name}): no English description in en/rules/{path.name} [pack]")
        if path.stem in DIMENSIONS and not pack.get("title"):
            problems.append(f"pack {path.stem} (rules/{path.name}): no English title in en/rules/{path.name} [pack]")
    problems.extend(_missing_segments(letter_lang))
    problems.extend(_missing_advice(letter_lang))
    problems.extend(_missing_workshop(letter_lang))
    return problems


def _missing_advice(letter_lang: str) -> list[str]:
    path = _folder(letter_lang) / "advice.toml"
    if not path.is_file():
        return []
    reasons = [raw["reason"].strip() for kind in ("insert", "remove", "replace_sentence", "replace")
               for raw in _toml(path).get(kind, []) if isinstance(raw, dict) and isinstance(raw.get("reason"), str)]
    english = dict(_advice_reasons(letter_lang))
    problems = []
    for reason in dict.fromkeys(reasons):
        theirs = english.get(reason)
        if not theirs:
            problems.append(f"advice.toml reason '{reason}': no English in en/advice.toml")
        elif placeholders(theirs) != placeholders(reason):
            problems.append(f"advice.toml reason '{reason}': English in en/advice.toml has other {{placeholders}}")
    problems += [f"en/advice.toml reason '{reason}': no such reason in advice.toml"
                 for reason in english if reason not in reasons]
    return problems


def _missing_workshop(letter_lang: str) -> list[str]:
    path = _folder(letter_lang) / "workshop.toml"
    if not path.is_file():
        return []
    dutch = _toml(path)
    english = english_data("workshop.toml", letter_lang)
    problems = []
    for table, keys in WORKSHOP_KEYS.items():
        ids = []
        for raw in dutch.get(table, []):
            ids.append(raw.get("id"))
            theirs = english.get(table, {}).get(raw.get("id"), {})
            for key in keys:
                if raw.get(key) and (not theirs.get(key) or (key == "values" and len(theirs[key]) != len(raw[key]))):
                    problems.append(f"workshop.toml {table} {raw.get('id')}: no English '{key}' in en/workshop.toml")
        problems += [f"en/workshop.toml {table} {item}: no such {table} in workshop.toml"
                     for item in english.get(table, {}) if item not in ids]
    return problems


def _missing_segments(letter_lang: str) -> list[str]:
    path = _folder(letter_lang) / "segments.toml"
    if not path.is_file():
        return []
    dutch = _toml(path)
    english = english_data("segments.toml", letter_lang)
    problems = []
    for key in ("labels", "short"):
        for name in dutch.get(key, {}):
            if not english.get(key, {}).get(name):
                problems.append(f"segments.toml [{key}] {name}: no English in en/segments.toml")
    levels = english.get("levels", {})
    for raw in dutch.get("segment", []):
        sid = raw["id"]
        theirs = english.get("segment", {}).get(sid, {})
        where = f"segment {sid} (segments.toml)"
        for key in ("summary", "base_reason"):
            if raw.get(key) and not theirs.get(key):
                problems.append(f"{where}: no English '{key}' in en/segments.toml")
        if len(theirs.get("quotes", [])) != len(raw.get("quotes", [])):
            problems.append(f"{where}: en/segments.toml needs {len(raw.get('quotes', []))} quotes")
        for quote in raw.get("quotes", []):
            source = quote.get("source") if isinstance(quote, dict) else None
            if source and not english.get("sources", {}).get(source):
                problems.append(f"{where}: no English for the quote source '{source}' in en/segments.toml [sources]")
        for trait_id, value in raw.get("traits", {}).items():
            if not theirs.get("traits", {}).get(trait_id):
                problems.append(f"{where}: no English for trait '{trait_id}'")
            if value.get("level") and value["level"] not in levels:
                problems.append(f"{where}: no English for level '{value['level']}' in en/segments.toml [levels]")
        for trigger in raw.get("trigger", []):
            if not theirs.get("trigger", {}).get(trigger["id"]):
                problems.append(f"{where}: no English reason for trigger '{trigger['id']}'")
        for key, template in raw.get("reactions", {}).items():
            english_template = theirs.get("reactions", {}).get(key)
            if not english_template:
                problems.append(f"{where}: no English reaction '{key}'")
            elif set(re.findall(r"{{\s*(\w+)", template)) != set(re.findall(r"{{\s*(\w+)", english_template)):
                problems.append(f"{where}: English reaction '{key}' uses other variables")
    return problems
