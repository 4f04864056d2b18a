"""The scenario catalogue (scenarios/*.toml + templates/*.j2): it loads, renders, and its example
letters rise in reach from poor to strong; malformed files are reported, never fatal."""
from __future__ import annotations

import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

import outreach
from outreach.scenarios import QUALITIES, SCENARIOS_DIR, TEMPLATES_DIR, load_catalogue
from outreach.templating import TemplateProblem

ROOT = Path(__file__).resolve().parents[1]
REQUIRED_SCENARIOS = ("jaarlijkse_aanslag", "huurachterstand_signaal", "zelf_aan_de_slag",
                      "herinnering_zonder_druk", "digitaal_eerst")


@lru_cache(maxsize=1)
def catalogue():
    return load_catalogue()


def _letters():
    return [pytest.param(s, letter, id=f"{s.id}/{letter.template}")
            for s in catalogue().scenarios for letter in s.letters]


@lru_cache(maxsize=None)
def _reach(scenario_id: str, template: str) -> float:
    scenario = catalogue().get(scenario_id)
    letter = next(l for l in scenario.letters if l.template == template)
    return outreach.analyze(letter.render(scenario.variables)).reach.score


# --- the real catalogue ----------------------------------------------------------------------------

def test_catalogue_loads_without_problems():
    cat = catalogue()
    assert cat.problems == (), "\n".join(cat.problems)
    ids = {s.id for s in cat.scenarios}
    assert len(ids) >= 5
    assert set(REQUIRED_SCENARIOS) <= ids, f"ontbrekend: {set(REQUIRED_SCENARIOS) - ids}"


def test_every_template_file_is_used_by_a_scenario():
    used = {letter.template for s in catalogue().scenarios for letter in s.letters}
    on_disk = {p.name for p in TEMPLATES_DIR.glob("*.j2")}
    assert on_disk - used == set(), "sjablonen zonder scenario"


@pytest.mark.parametrize("scenario", catalogue().scenarios, ids=lambda s: s.id)
def test_scenario_declares_letters_from_weak_to_strong(scenario):
    assert 2 <= len(scenario.letters) <= 4
    ranks = [QUALITIES.index(letter.quality) for letter in scenario.letters]
    assert ranks == sorted(ranks), f"{scenario.id}: kwaliteiten niet van zwak naar sterk: {ranks}"
    assert scenario.letters[0].quality == "poor" and scenario.letters[-1].quality == "strong"
    # every variable has a non-empty default, and every variable is used by some letter
    assert all(value.strip() for value in scenario.variables.values())
    used = set().union(*(re.findall(r"{{\s*(\w+)", letter.source) for letter in scenario.letters))
    assert set(scenario.variables) - used == set(), f"{scenario.id}: ongebruikte variabelen"


@pytest.mark.parametrize("scenario, letter", _letters())
def test_every_template_renders_with_its_defaults_as_a_letter(scenario, letter):
    text = letter.render(scenario.variables)
    assert "{{" not in text and "{%" not in text and "}}" not in text
    lines = [line.strip() for line in text.splitlines()]
    assert any(line.startswith("Betreft:") for line in lines)
    assert any(re.match(r"(Beste|Geachte) .+,$", line) for line in lines), "geen aanhef"
    assert "Met vriendelijke groet," in lines
    closing = lines.index("Met vriendelijke groet,")
    assert any(lines[closing + 1:]), "geen ondertekening na de groet"
    words = len(text.split())
    assert 140 <= words <= 360, f"{letter.template}: {words} woorden"


@pytest.mark.parametrize("scenario, letter", _letters())
def test_every_example_letter_is_analysed(scenario, letter):
    analysis = outreach.analyze(letter.render(scenario.variables))
    assert 0 <= analysis.reach.score <= 100
    assert len(analysis.segments) == 3
    assert analysis.findings


@pytest.mark.parametrize("scenario", catalogue().scenarios, ids=lambda s: s.id)
def test_reach_strictly_increases_from_poor_to_strong(scenario):
    scores = [(letter.template, _reach(scenario.id, letter.template)) for letter in scenario.letters]
    for (weaker, low), (stronger, high) in zip(scores, scores[1:]):
        assert low < high, f"{scenario.id}: bereik {weaker}={low} is niet lager dan {stronger}={high}"


@pytest.mark.parametrize("scenario", catalogue().scenarios, ids=lambda s: s.id)
def test_poor_letter_turns_most_readers_away(scenario):
    poor = scenario.letters[0]
    assert _reach(scenario.id, poor.template) < 45


# --- malformed files in a temporary catalogue ----------------------------------------------------

GOOD_TEMPLATE = """Betreft: even meedenken?

Beste {{ naam }},

U krijgt deze brief omdat wij iedereen hulp aanbieden. Het is gratis.

Met vriendelijke groet,

{{ contactpersoon }}
"""


def _scenario_toml(template: str = "goed.j2", *, drop: str | None = None) -> str:
    fields = {
        "title": '"Een scenario"',
        "occasion": '"regular"',
        "occasion_text": '"Een gewoon contactmoment."',
        "sender": '"Gemeente Westerveen"',
        "help_offered": '"Meedenken over geld."',
        "mechanism": '"Pettenverwarring."',
        "research": '"Designsprint 1."',
    }
    if drop:
        del fields[drop]
    head = "\n".join(f"{k} = {v}" for k, v in fields.items())
    return (f'{head}\n\n[variables]\nnaam = "mevrouw Jansen"\ncontactpersoon = "Sanne Vermeulen"\n\n'
            f'[[letter]]\ntemplate = "goed.j2"\nlabel = "Zwak"\nquality = "poor"\n\n'
            f'[[letter]]\ntemplate = "{template}"\nlabel = "Sterk"\nquality = "strong"\n')


@pytest.fixture
def tmp_catalogue(tmp_path):
    scenarios, templates = tmp_path / "scenarios", tmp_path / "templates"
    scenarios.mkdir()
    templates.mkdir()
    (templates / "goed.j2").write_text(GOOD_TEMPLATE, encoding="utf-8")
    (scenarios / "goed.toml").write_text(_scenario_toml(), encoding="utf-8")
    return scenarios, templates


def _only_good_loaded(cat) -> None:
    assert [s.id for s in cat.scenarios] == ["goed"]
    good = cat.get("goed")
    assert "Beste mevrouw Jansen," in good.letters[0].render(good.variables)


@pytest.mark.parametrize("case, scenario_text, template, expected", [
    pytest.param("bad_toml", 'title = "Onaf\noccasion = regular\n', None, "geen geldige TOML",
                 id="bad_toml"),
    pytest.param("missing_field", _scenario_toml(drop="mechanism"), None, "mechanism", id="missing_field"),
    pytest.param("syntax_error", _scenario_toml("kapot.j2"), ("kapot.j2", "Beste {{ naam ,\n{% if %}\n"),
                 "regel", id="template_syntax_error"),
    pytest.param("unknown_placeholder", _scenario_toml("onbekend.j2"),
                 ("onbekend.j2", "Beste {{ naam }}, bel {{ telefoonnummer }}.\n"), "telefoonnummer",
                 id="unknown_placeholder"),
    pytest.param("missing_template", _scenario_toml("bestaat_niet.j2"), None, "niet gevonden",
                 id="missing_template_file"),
])
def test_malformed_file_gives_a_clear_message_naming_the_file(tmp_catalogue, case, scenario_text,
                                                              template, expected):
    scenarios, templates = tmp_catalogue
    toml_path = scenarios / f"{case}.toml"
    toml_path.write_text(scenario_text, encoding="utf-8")
    named = toml_path.name
    if template:
        (templates / template[0]).write_text(template[1], encoding="utf-8")
        named = template[0]
    if case == "missing_template":
        named = "bestaat_niet.j2"
    cat = load_catalogue(scenarios, templates)
    _only_good_loaded(cat)
    assert len(cat.problems) == 1, cat.problems
    message = cat.problems[0]
    assert named in message, message
    assert expected in message, message
    assert "Traceback" not in message and "\n" not in message.strip()


def test_unsafe_template_code_is_refused_with_a_message_naming_the_file(tmp_catalogue):
    scenarios, templates = tmp_catalogue
    (templates / "onveilig.j2").write_text("Beste {{ ''.__class__.__mro__ }},\n", encoding="utf-8")
    (scenarios / "onveilig.toml").write_text(_scenario_toml("onveilig.j2"), encoding="utf-8")
    cat = load_catalogue(scenarios, templates)
    assert "goed" in {s.id for s in cat.scenarios}
    assert cat.get("goed").letters[0].render(cat.get("goed").variables).startswith("Betreft:")
    # Refused either when the catalogue loads, or at the latest when the letter is rendered.
    messages = [p for p in cat.problems if "onveilig" in p]
    if not messages:
        unsafe = cat.get("onveilig")
        with pytest.raises(TemplateProblem) as err:
            unsafe.letters[1].render(unsafe.variables)
        messages = [str(err.value)]
    assert "onveilig.j2" in messages[0]
    assert "__mro__" not in messages[0] and "<class" not in messages[0]


# --- the command line ------------------------------------------------------------------------------

def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "outreach", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_cli_render_prints_a_letter_for_a_scenario():
    result = _run("render", "huurachterstand_signaal_3_strong.j2", "--scenario", "huurachterstand_signaal")
    assert result.returncode == 0, result.stderr
    assert "Beste mevrouw Jansen," in result.stdout
    assert "Woonstichting De Linde heeft ons dat laten weten." in result.stdout
    assert "{{" not in result.stdout
    assert result.stderr == ""


def test_cli_render_overrides_a_variable():
    result = _run("render", "jaarlijkse_aanslag_3_strong.j2", "--scenario", "jaarlijkse_aanslag",
                  "--var", "naam=meneer Öztürk")
    assert result.returncode == 0, result.stderr
    assert "Beste meneer Öztürk," in result.stdout


def test_cli_render_refuses_unsafe_template_code_in_one_line(tmp_path):
    unsafe = tmp_path / "onveilig.j2"
    unsafe.write_text("Beste {{ ''.__class__.__mro__ }},\n", encoding="utf-8")
    result = _run("render", str(unsafe), "--scenario", "jaarlijkse_aanslag")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "onveilig.j2" in lines[0]
    assert "<class" not in result.stderr


def test_the_catalogue_directories_are_the_repository_ones():
    assert SCENARIOS_DIR == ROOT / "scenarios" and TEMPLATES_DIR == ROOT / "templates"
