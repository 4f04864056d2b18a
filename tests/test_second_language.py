"""A second language is one folder: a minimal English one, built here, runs through analyze(),
the rule examples and the command line, and leaves Dutch untouched.

FILES is everything the language needs; docs/architecture.md quotes its count.
"""
import json
import subprocess
import sys

import pytest

import outreach
from outreach import languages
from outreach.rules.schema import DIMENSIONS
from tests.conftest import ROOT

CODE = "xx"  # a made-up code: the libraries are told "en" in language.toml


def _rule(rid: str, points: int, terms: list[str], found: str, absent: str, kind: str = "existence",
          extra: str = "") -> str:
    """One rule with two examples: `found` marks the match; a helping rule (points > 0) passes on it."""
    fail, passing = (absent, found) if points > 0 else (found, absent)
    return f'''
[[rule]]
id = "{rid}"
kind = "{kind}"
severity = "{'suggestion' if points > 0 else 'warning'}"
points = {points}
negation = "skip"
message = "'{{match}}' (test rule)."
why = "A test rule."
source = "tests/test_second_language.py"
terms = {json.dumps(terms)}
fail = [{json.dumps(fail)}]
pass = [{json.dumps(passing)}]
{extra}'''


def _pack(dimension: str, rules: str) -> str:
    return f'dimension = "{dimension}"\nlang = "{CODE}"\ntitle = "{dimension.title()}"\nbase = 60\n' \
           f'description = "The {dimension} of a letter."\n{rules}'


SHORT = "\n".join(f'{d} = "the {d} is off"' for d in DIMENSIONS)
WEIGHTS = "\n".join(f"{d} = {w}" for d, w in zip(DIMENSIONS, (0.2, 0.2, 0.2, 0.1, 0.2, 0.1)))
TRAITS = "\n".join(f'{t} = {{ level = "mid", text = "{t}" }}' for t in
                   ("trust", "competence", "privacy_need", "autonomy_need", "help_need", "digital_skills"))

FILES = {
    "language.toml": '''name = "English"
hyphenation = "en_US"
wordfreq = "en"
lemmas = "en"
compound_links = []  # English writes compounds apart: no compound splitting

[readability]  # Flesch Reading Ease
base = 206.835
per_sentence = 1.015
per_word = 84.6

[foreign]
other = "nl"
notice = "Deze brief lijkt in het Nederlands geschreven, niet in het Engels."
''',
    "text/letter_parts.toml": '''subject = ["re:", "subject:"]
salutation = ["dear\\\\b"]
closing = ["kind regards", "yours sincerely", "best wishes"]
inline_salutation = ["dear"]
addressees = ["mr", "mrs", "ms"]
inline_closing = ["kind regards"]
''',
    "text/abbreviations.txt": "mr.\nmrs.\ndr.\ne.g.\n",
    "rules/language.toml": '''negators = ["not", "no", "never", "without"]
not_negating = ["not only"]
window_before = 3
window_after = 2
narrow_negators = ["without"]
narrow_skip = ["a", "the", "your"]
narrow_clause = ["that"]
sentence_negations = ["nothing to do with"]
scope_breaks = ["but", "unless", "if"]
list_words = ["and", "or"]
list_negators = ["no"]
''',
    "rules/tone.toml": _pack("tone", _rule("tone.threat.bailiff", -15, ["bailiff"],
                                          "Otherwise the [[bailiff]] will come.", "We are here to help.")),
    "rules/intent.toml": _pack("intent", _rule("intent.offer.help", 10, ["help"],
                                              "We would like to [[help]] you.", "We write about your rent.")),
    "rules/autonomy.toml": _pack("autonomy", _rule("autonomy.choice", 10, ["you decide"],
                                                  "[[You decide]] what happens.", "We will visit you.")),
    "rules/privacy.toml": _pack("privacy", _rule("privacy.source", 10, ["landlord"],
                                                "Your [[landlord]] told us.", "We heard about your rent.")),
    "rules/readability.toml": _pack("readability", '''
[[rule]]
id = "readability.sentence.long"
kind = "metric"
metric = "sentence_words"
scope = "sentence"
severity = "warning"
max_points = -20
message = "A long sentence."
why = "Short sentences are easier."
source = "tests/test_second_language.py"
fail = ["[[We are writing to you because we have heard from your landlord that there is a delay in the payment of your rent over the last few months.]]"]
pass = ["We write to you. Your rent is late."]
[[rule.band]]
above = 20
points = -5
severity = "warning"
message = "A long sentence."
'''),
    "rules/contact.toml": _pack("contact", _rule(
        "contact.route.digital", 4, ["website"], "Have a look at our [[website]].", "Call us.",
        kind="required", extra='missing_points = -1\nfound_message = "A digital route."\n')),
    "segments.toml": f'''lang = "{CODE}"
base = 50
[verdicts]
lands_well = 65
turns_away = 45
[labels]
lands_well = "Lands well"
doubtful = "Doubtful"
turns_away = "Turns away"
[short]
{SHORT}

[[segment]]
id = "everyone"
name = "Everyone"
share = 100
summary = "Every reader."
quotes = []
[segment.traits]
{TRAITS}
[segment.weights]
{WEIGHTS}
[[segment.trigger]]
id = "threat"
rules = ["tone.threat.*"]
factor = 0.8
reason = "A threat scares readers."
[segment.reactions]
lands_well = "Fine, I will call."
doubtful = "Maybe; {{{{ top_reason_short }}}}."
turns_away = "No: {{{{ top_reason_short }}}}."
''',
}

LETTER = """Dear Mr Smith,

We would like to help you with your rent. You decide what happens next. Otherwise the bailiff
will come. Have a look at our website or call us on 020 123 4567.

Kind regards,

Anna Jones
"""


@pytest.fixture()
def english(tmp_path, monkeypatch):
    folder = tmp_path / CODE
    for name, text in FILES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.setenv("OUTREACH_LANGUAGES", str(folder))  # the one line of registration
    yield folder


def test_the_second_language_needs_only_these_files():
    assert len(FILES) == 11  # docs/architecture.md: "a new language: one folder of 11 files"


def test_analyze_runs_the_whole_pipeline_in_the_second_language(english):
    result = outreach.analyze(LETTER, CODE)
    assert result.lang == CODE and not result.foreign
    rules = {f.rule for f in result.findings}
    assert {"tone.threat.bailiff", "intent.offer.help", "autonomy.choice", "contact.route.digital"} <= rules
    assert [p.name for p in result.parts][:2] == ["salutation", "body"] and result.parts[-2].name == "closing"
    assert set(result.dimensions) == set(DIMENSIONS) and set(result.segments) == {"everyone"}
    assert 0 < result.metrics["flesch_douma"] < 100 and result.metrics["words"] > 20
    # the English lemmatiser: "helped" is "help"
    assert "intent.offer.help" in {f.rule for f in outreach.analyze("We helped you.", CODE).findings}
    # a Dutch letter is foreign here, and the notice is the language's own
    dutch = outreach.analyze((ROOT / "tests" / "letters" / "warm.txt").read_text(encoding="utf-8"), CODE)
    assert dutch.foreign and dutch.notice == languages.get(CODE).foreign_notice


def test_the_command_line_checks_letters_and_rule_examples_in_the_second_language(english, tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER, encoding="utf-8")
    env = {**__import__("os").environ, "OUTREACH_LANGUAGES": str(english)}

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "outreach", *args], cwd=ROOT, capture_output=True,
                              text=True, timeout=120, env=env)

    result = cli("check", "--lang", CODE, "--format", "json", str(letter))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["lang"] == CODE and "tone.threat.bailiff" in {f["rule"] for f in data["findings"]}
    assert cli("check", "--lang", CODE, str(letter)).returncode == 0
    examples = cli("rules", "--check", "--lang", CODE)
    assert examples.returncode == 0 and "0 failing" in examples.stdout, examples.stdout + examples.stderr


def test_an_unknown_language_is_a_clear_error():
    with pytest.raises(languages.LanguageError, match="onbekende taal 'zz'"):
        languages.get("zz")
    result = subprocess.run([sys.executable, "-m", "outreach", "check", "--lang", "zz", "x.txt"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "onbekende taal 'zz'" in result.stderr
