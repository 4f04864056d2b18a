"""Scenarios (scenarios/*.toml) and their example letters (templates/*.j2), loaded leniently.

One malformed file never stops the rest: it becomes a clear problem message naming the file.
A scenario's texts for the English interface are an optional `[en]` table in its file (the same
text keys, and `labels` for the example letters in order); the letters themselves stay Dutch.
"""
from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from outreach.messages import msg
from outreach.templating import TemplateProblem, parse_template, render

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS_DIR = ROOT / "scenarios"
TEMPLATES_DIR = ROOT / "templates"
OCCASIONS = ("signal", "regular")
QUALITIES = ("poor", "fair", "strong")
_KEYS = {"title", "occasion", "occasion_text", "sender", "help_offered", "mechanism", "research",
         "summary", "variables", "letter", "en"}
_REQUIRED = _KEYS - {"summary", "en"}
ENGLISH_KEYS = ("title", "occasion_text", "sender", "help_offered", "mechanism", "research", "summary")
_LETTER_KEYS = {"template", "label", "quality"}


@dataclass(frozen=True, slots=True)
class ExampleLetter:
    template: str       # file name in templates/
    label: str
    quality: str        # poor | fair | strong
    source: str         # the template text

    def render(self, variables: dict[str, str]) -> str:
        return render(self.source, variables, self.template)


@dataclass(frozen=True, slots=True)
class Scenario:
    id: str
    title: str
    occasion: str
    occasion_text: str
    sender: str
    help_offered: str
    mechanism: str
    research: str
    summary: str
    variables: dict[str, str]
    letters: tuple[ExampleLetter, ...]  # from weakest to strongest, as the file declares
    english: dict[str, object] = field(default_factory=dict, compare=False)  # the file's [en] table

    def in_lang(self, lang: str | None) -> Scenario:
        """The scenario with its texts in the interface language (English where the file has it)."""
        if lang != "en" or not self.english:
            return self
        texts = {key: self.english[key] for key in ENGLISH_KEYS if self.english.get(key) and getattr(self, key)}
        labels = self.english.get("labels") or []
        letters = tuple(dataclasses.replace(letter, label=labels[i]) if i < len(labels) else letter
                        for i, letter in enumerate(self.letters))
        return dataclasses.replace(self, letters=letters, **texts)

    def missing_english(self) -> list[str]:
        """What the scenario lacks in English (one line per gap, naming the file's id)."""
        where = f"scenarios/{self.id}.toml [en]"
        problems = [f"{where}: no English '{key}'" for key in ENGLISH_KEYS
                    if getattr(self, key) and not self.english.get(key)]
        if len(self.english.get("labels") or []) != len(self.letters):
            problems.append(f"{where}: 'labels' needs {len(self.letters)} entries, one per [[letter]]")
        return problems


@dataclass(frozen=True, slots=True)
class Catalogue:
    scenarios: tuple[Scenario, ...]
    problems: tuple[str, ...]

    def get(self, scenario_id: str) -> Scenario:
        for scenario in self.scenarios:
            if scenario.id == scenario_id:
                return scenario
        raise KeyError(scenario_id)


class ScenarioProblem(ValueError):
    pass


def _text(data: dict, key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ScenarioProblem(msg("data.at", where=where, problem=msg("rule.text_required", key=key)))
    return value.strip()


def _letter(raw: object, where: str, templates: Path, variables: dict[str, str]) -> ExampleLetter:
    if not isinstance(raw, dict):
        raise ScenarioProblem(msg("scenario.letter_table", path=where))
    unknown = set(raw) - _LETTER_KEYS
    if unknown:
        raise ScenarioProblem(msg("scenario.letter_keys", path=where, keys=", ".join(sorted(unknown))))
    name = _text(raw, "template", where)
    if "/" in name or "\\" in name or name.startswith("."):
        raise ScenarioProblem(msg("scenario.template_name", path=where, name=name))
    quality = raw.get("quality")
    if quality not in QUALITIES:
        raise ScenarioProblem(msg("scenario.quality", path=where, name=name, options=", ".join(QUALITIES)))
    path = templates / name
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ScenarioProblem(msg("scenario.template_missing", path=path, where=where)) from None
    except (OSError, UnicodeDecodeError) as err:
        raise ScenarioProblem(msg("scenario.template_unreadable", path=path, error=type(err).__name__)) from None
    try:
        parsed = parse_template(source, str(path))
    except TemplateProblem as err:
        raise ScenarioProblem(*err.args) from None
    unknown_placeholders = sorted(parsed.placeholders - set(variables))
    if unknown_placeholders:
        raise ScenarioProblem(msg("scenario.placeholders_unknown", path=path,
                                  placeholders=", ".join(unknown_placeholders), where=where))
    return ExampleLetter(name, _text(raw, "label", where), quality, source)


def load_scenario(path: Path, templates: Path) -> Scenario:
    where = str(path)
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as err:
        raise ScenarioProblem(msg("data.toml_invalid", path=where, error=err)) from None
    except (OSError, UnicodeDecodeError) as err:
        raise ScenarioProblem(msg("data.unreadable", path=where, error=type(err).__name__)) from None
    unknown = set(data) - _KEYS
    if unknown:
        raise ScenarioProblem(msg("data.at", where=where, problem=msg("segments.keys_unknown", keys=", ".join(sorted(unknown)))))
    missing = _REQUIRED - set(data)
    if missing:
        raise ScenarioProblem(msg("data.at", where=where, problem=msg("rule.missing_keys", keys=", ".join(sorted(missing)))))
    if data["occasion"] not in OCCASIONS:
        raise ScenarioProblem(msg("scenario.occasion", path=where, options=", ".join(OCCASIONS)))
    variables = data["variables"]
    if not isinstance(variables, dict) or not all(
            isinstance(k, str) and k.isidentifier() and isinstance(v, str) for k, v in variables.items()):
        raise ScenarioProblem(msg("scenario.variables", path=where))
    raw_letters = data["letter"]
    if not isinstance(raw_letters, list) or not 2 <= len(raw_letters) <= 4:
        raise ScenarioProblem(msg("scenario.letter_count", path=where))
    letters = tuple(_letter(raw, where, templates, variables) for raw in raw_letters)
    english = _english(data.get("en", {}), f"{where} [en]", len(letters))
    return Scenario(
        id=path.stem, title=_text(data, "title", where), occasion=data["occasion"],
        occasion_text=_text(data, "occasion_text", where), sender=_text(data, "sender", where),
        help_offered=_text(data, "help_offered", where), mechanism=_text(data, "mechanism", where),
        research=_text(data, "research", where), summary=str(data.get("summary", "")).strip(),
        variables=dict(variables), letters=letters, english=english,
    )


def _english(raw: object, where: str, letters: int) -> dict[str, object]:
    """The [en] table: texts under the known keys, `labels` one per example letter."""
    if not isinstance(raw, dict):
        raise ScenarioProblem(msg("data.at", where=where, problem=msg("segments.table")))
    unknown = set(raw) - set(ENGLISH_KEYS) - {"labels"}
    if unknown:
        raise ScenarioProblem(msg("data.at", where=where, problem=msg("segments.keys_unknown", keys=", ".join(sorted(unknown)))))
    english: dict[str, object] = {key: _text(raw, key, where) for key in ENGLISH_KEYS if key in raw}
    if "labels" in raw:
        labels = raw["labels"]
        if (not isinstance(labels, list) or len(labels) != letters
                or not all(isinstance(v, str) and v.strip() for v in labels)):
            raise ScenarioProblem(msg("scenario.labels", path=where, count=letters))
        english["labels"] = tuple(v.strip() for v in labels)
    return english


def load_catalogue(scenarios: Path | None = None, templates: Path | None = None) -> Catalogue:
    """Every scenario that loads, plus a problem message for each one that does not."""
    scenarios = SCENARIOS_DIR if scenarios is None else scenarios  # read at call time: tests redirect
    templates = TEMPLATES_DIR if templates is None else templates
    loaded, problems = [], []
    for path in sorted(scenarios.glob("*.toml")) if scenarios.is_dir() else []:
        try:
            loaded.append(load_scenario(path, templates))
        except ScenarioProblem as err:
            problems.append(str(err))
    return Catalogue(tuple(loaded), tuple(problems))
