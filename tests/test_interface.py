"""English findings, reasons and reactions at presentation (outreach/interface.py): every built-in
Dutch text has an English counterpart, the letter's words stay Dutch, Dutch stays unchanged."""
from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from outreach import analyze, interface
from outreach.messages import placeholders

THREAT = ("Geachte heer/mevrouw,\n\nU heeft een huurachterstand. Als u niet binnen 14 dagen betaalt, "
          "schakelen wij een deurwaarder in. U moet contact opnemen.\n\nHet college van burgemeester en wethouders\n")


def test_every_built_in_text_has_english_with_the_same_placeholders():
    problems = interface.missing_english()
    assert not problems, "English texts missing (outreach/languages/nl/en/):\n" + "\n".join(problems)


def test_a_new_rule_without_english_is_named_with_its_file(monkeypatch):
    rules = dict(interface.dutch_rules())
    rules["tone.new.example"] = {"file": "tone.toml", "kind": "existence", "message": "Nieuw: '{match}'.",
                                 "why": "Omdat."}
    monkeypatch.setattr(interface, "dutch_rules", lambda lang="nl": rules)
    problems = interface.missing_english()
    assert any("tone.new.example" in p and "tone.toml" in p for p in problems)


def test_other_placeholders_are_named(monkeypatch):
    english = {k: dict(v) for k, v in interface.english_rules().items()}
    english["tone.threat.enforcement"]["message"] = "Threat: '{wrong}'."
    monkeypatch.setattr(interface, "english_rules", lambda lang="nl": english)
    assert any("tone.threat.enforcement" in p and "placeholders" in p for p in interface.missing_english())


def test_english_findings_keep_the_letters_words():
    result = analyze(THREAT)
    shown = interface.findings(result.findings, "en")
    assert len(shown) == len(result.findings)
    for dutch, english in zip(result.findings, shown):
        assert english.message != dutch.message, dutch.rule
        assert english.why != dutch.why, dutch.rule
        assert (english.rule, english.match, english.start, english.points) == (
            dutch.rule, dutch.match, dutch.start, dutch.points)
        if dutch.match and "{match}" in interface.english_rules()[dutch.rule]["message"]:
            assert dutch.match in english.message
    threat = next(f for f in shown if f.rule == "tone.threat.enforcement")
    assert threat.message.startswith("Threatening language: 'deurwaarder'")


def test_dutch_is_the_same_object():
    result = analyze(THREAT)
    assert interface.findings(result.findings, "nl") == tuple(result.findings)
    assert all(a is b for a, b in zip(interface.findings(result.findings, "nl"), result.findings))


def test_metric_bands_carry_their_value():
    long = "Dit is een zin " + " ".join(["met heel veel woorden"] * 10) + ".\n"
    result = analyze(long)
    finding = next(f for f in result.findings if f.rule == "readability.sentence.long")
    english = interface.finding(finding, "en")
    assert english.message.startswith("This sentence has ") and "words" in english.message
    assert any(ch.isdigit() for ch in english.message)


def test_a_je_letter_is_translated_too():
    text = "Hoi,\n\nJe moet betalen, anders komt de deurwaarder.\n\nGroet,\nAnna\n"
    result = analyze(text)
    shown = interface.findings(result.findings, "en")
    assert all(a.message != b.message for a, b in zip(result.findings, shown))


def test_an_organisations_changed_message_stays_dutch():
    result = analyze(THREAT)
    finding = next(f for f in result.findings if f.rule == "tone.threat.enforcement")
    own = dataclasses.replace(finding, message="Eigen tekst van de organisatie: 'deurwaarder'.", why="Eigen.")
    shown = interface.finding(own, "en")
    assert (shown.message, shown.why) == (own.message, own.why)
    foreign = dataclasses.replace(finding, rule="org.own.rule")
    assert interface.finding(foreign, "en") == foreign


def test_reactions_and_reasons_in_english():
    result = analyze(THREAT)
    for segment_id, reception in result.segments.items():
        reaction = interface.reaction(reception, "en")
        assert reaction and reaction != reception.reaction
        assert "deurwaarder" in reaction  # the letter's own word, quoted
        for reason in reception.reasons:
            english = interface.reason(segment_id, reason, "en")
            assert english != str(reason.text), (segment_id, reason.text)
        assert interface.reaction(reception, "nl") == reception.reaction


def test_segment_texts_in_english():
    from outreach.segments.model import load_model

    for segment in load_model().segments:
        assert interface.segment_text(segment.id, "summary", segment.summary, "en") != segment.summary
        for key, trait in segment.traits.items():
            assert interface.trait(segment.id, key, trait.text, "en") != trait.text
        for shown, said, source in interface.quotes(segment.id, segment.quotes, "en"):
            assert shown != said and said and source


def test_quote_sources_in_english_and_a_missing_one_is_named(monkeypatch):
    from outreach.segments.model import load_model

    dutch_sources = {"Segmentatiestudie", "Kwalitatief onderzoek", "Kwalitatief onderzoek, respondent 2"}
    for segment in load_model().segments:
        for _, _, source in interface.quotes(segment.id, segment.quotes, "en"):
            assert source not in dutch_sources and "onderzoek" not in source.lower(), source
        assert [s for _, _, s in interface.quotes(segment.id, segment.quotes, "nl")] == [
            q.source for q in segment.quotes]  # Dutch as it is
    english = dict(interface.english_data("segments.toml"))
    english["sources"] = {k: v for k, v in english["sources"].items() if k != "Segmentatiestudie"}
    real = interface.english_data
    monkeypatch.setattr(interface, "english_data",
                        lambda name, lang="nl": english if name == "segments.toml" else real(name, lang))
    assert any("Segmentatiestudie" in p and "[sources]" in p for p in interface.missing_english())


def test_english_reaction_templates_use_the_same_variables():
    import re
    import tomllib

    from outreach import languages

    dutch = tomllib.loads(languages.get("nl").file("segments.toml").read_text(encoding="utf-8"))
    english = interface.english_data("segments.toml")
    for raw in dutch["segment"]:
        for key, template in raw["reactions"].items():
            theirs = english["segment"][raw["id"]]["reactions"][key]
            assert set(re.findall(r"{{\s*(\w+)", template)) == set(re.findall(r"{{\s*(\w+)", theirs)), (raw["id"], key)
    for entry in interface.english_rules().values():
        for text in [entry.get("message", ""), *entry.get("bands", [])]:
            assert placeholders(text) <= {"match", "value", "suggestions"}


def test_cli_text_report_in_english(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text(THREAT, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "outreach", "check", "--ui-lang", "en", "--format", "text",
                          str(path)], capture_output=True, text=True, check=False).stdout
    assert "Threatening language: 'deurwaarder'" in out
    assert "Turns away" in out and "Haakt af" not in out
    assert "Dreigende taal" not in out
    for f in analyze(THREAT).findings:
        assert f.message not in out
    dutch = subprocess.run([sys.executable, "-m", "outreach", "check", "--format", "text", str(path)],
                           capture_output=True, text=True, check=False).stdout
    assert "Dreigende taal: 'deurwaarder'" in dutch and "Threatening" not in dutch


def test_rules_check_mentions_missing_english(monkeypatch, capsys):
    proc = subprocess.run([sys.executable, "-m", "outreach", "rules", "--check"], capture_output=True,
                          text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 built-in texts without English" in proc.stdout
    from outreach import __main__ as cli

    monkeypatch.setattr(interface, "missing_english", lambda lang="nl": ["tone.new.example (rules/tone.toml): no English"])
    assert cli._missing_english("nl")
    assert "English missing: tone.new.example (rules/tone.toml)" in capsys.readouterr().out


# --- the advisor's fixes, the workshop, the scenarios, the packs (issue 11, second half) ---------

def test_every_fix_reason_of_the_example_letters_is_english():
    from outreach import advise
    from outreach.scenarios import load_catalogue

    seen = 0
    for scenario in load_catalogue().scenarios:
        letter = scenario.letters[0].render(scenario.variables)
        for fix in advise(letter, scenario).fixes:
            english = interface.fix(fix, "en")
            assert english.reason != fix.reason, (scenario.id, fix.reason)
            assert (english.start, english.end, english.replacement) == (fix.start, fix.end, fix.replacement)
            if fix.original.strip() and "'" in fix.reason:
                quoted = fix.reason.split("'")[1]
                assert quoted in english.reason  # the letter's words, as they are
            seen += 1
        assert interface.fix(fix, "nl") is fix
    assert seen >= 10


def test_a_reason_without_english_stays_dutch_and_is_named(monkeypatch):
    assert interface.fix_reason("Een eigen reden van de organisatie.", (), "en") == "Een eigen reden van de organisatie."
    monkeypatch.setattr(interface, "_advice_reasons", lambda lang="nl": ())
    assert any("advice.toml reason 'Zeg met gewone woorden wat u aanbiedt.'" in p for p in interface.missing_english())


def test_the_advice_notes_in_english():
    from outreach.messages import msg, text

    assert interface.catalogue_text(str(msg("advice.best_already")), interface.NOTES, "en") == text("advice.best_already", "en")
    note = str(msg("advice.too_long", limit=20000))
    assert interface.catalogue_text(note, interface.NOTES, "en") == text("advice.too_long", "en", limit=20000)
    assert interface.catalogue_text(note, interface.NOTES, "nl") == note


def test_the_workshop_in_english_by_id():
    from outreach.workshop.model import load_workshop

    dutch = load_workshop()
    english = interface.workshop(dutch, "en")
    assert interface.workshop(dutch, "nl") is dutch
    for ours, theirs in zip(dutch.mechanisms + dutch.steps + dutch.tensions,
                            english.mechanisms + english.steps + english.tensions):
        assert ours.id == theirs.id
        for key in ("name", "sprint", "text", "intervention", "title", "prompt", "research"):
            if getattr(ours, key, ""):
                assert getattr(theirs, key) != getattr(ours, key), (ours.id, key)
    assert [t.high for t in english.tensions] == [t.high for t in dutch.tensions]  # the data stays the data
    assert all(isinstance(t.values, tuple) and len(t.values) == 2 for t in english.tensions)


def test_a_workshop_text_without_english_is_named(monkeypatch):
    data = {k: dict(v) for k, v in interface.english_data("workshop.toml").items()}
    data["mechanism"] = {k: v for k, v in data["mechanism"].items() if k != "label"}
    monkeypatch.setattr(interface, "english_data", lambda name, lang="nl": data if name == "workshop.toml" else {})
    assert any("workshop.toml mechanism label" in p for p in interface._missing_workshop("nl"))


def test_every_built_in_scenario_has_english():
    from outreach.scenarios import ENGLISH_KEYS, load_catalogue

    catalogue = load_catalogue()
    assert catalogue.scenarios and not catalogue.problems
    for scenario in catalogue.scenarios:
        assert scenario.missing_english() == [], scenario.id
        english = scenario.in_lang("en")
        for key in ENGLISH_KEYS:
            if getattr(scenario, key):
                assert getattr(english, key) != getattr(scenario, key), (scenario.id, key)
        assert [l.label for l in english.letters] != [l.label for l in scenario.letters]
        assert [l.source for l in english.letters] == [l.source for l in scenario.letters]  # letters stay Dutch
        assert scenario.in_lang("nl") is scenario


def test_a_scenario_with_a_wrong_english_table_is_a_clear_problem(tmp_path):
    import shutil

    from outreach.scenarios import ROOT, load_catalogue

    scen = tmp_path / "scenarios"
    scen.mkdir()
    source = (ROOT / "scenarios" / "digitaal_eerst.toml").read_text(encoding="utf-8")
    (scen / "kort.toml").write_text(source.replace('labels = [\n  "Digital only', 'labels = [\n  "Digital only",\n  "x'), encoding="utf-8")
    (scen / "vreemd.toml").write_text(source.replace("\n[en]\n", "\n[en]\nsubtitle = \"x\"\n"), encoding="utf-8")
    (scen / "zonder.toml").write_text(source.split("\n[en]\n")[0], encoding="utf-8")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    catalogue = load_catalogue(scen, tmp_path / "templates")
    assert any("kort.toml [en]" in p and "labels" in p for p in catalogue.problems), catalogue.problems
    assert any("vreemd.toml [en]" in p and "subtitle" in p for p in catalogue.problems), catalogue.problems
    without = catalogue.get("zonder")
    assert without.in_lang("en") is without  # an organisation's own scenario without English: Dutch
    assert any("no English 'title'" in p for p in without.missing_english())


def test_pack_descriptions_in_english():
    from outreach.rules.loader import load_rulebook

    book = load_rulebook()
    for dimension, pack in book.packs.items():
        english = interface.pack_description(dimension, pack.description, "en")
        assert english and english != pack.description, dimension
        assert interface.pack_description(dimension, pack.description, "nl") == pack.description



def test_dimension_titles_in_english_come_from_the_english_packs():
    from outreach.rules.loader import load_rulebook

    book = load_rulebook()
    english = {d: interface.dimension_title(d, pack.title, "en") for d, pack in book.packs.items()}
    assert english["autonomy"] == "Autonomy and choice" and english["tone"] == "Tone"
    for dimension, pack in book.packs.items():
        assert interface.dimension_title(dimension, pack.title, "nl") == pack.title
    assert interface.dimension_title("nieuw", "Nieuw", "en") == "Nieuw"  # no English pack: the Dutch title

# --- the command line in English -----------------------------------------------------------------

WARM = ("Beste mevrouw Jansen,\n\nIk schrijf u omdat uw woningcorporatie ons heeft laten weten dat de huur van maart "
        "nog openstaat. Ik bied u een gratis gesprek aan. U bepaalt zelf of u dat wilt.\n\nBel mij op 0521 - 123 456."
        "\n\nMet vriendelijke groet,\n\nSanne Vermeulen\n")


def _cli(*args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "outreach", *args], capture_output=True, text=True, check=False)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.stdout


def test_cli_dimension_bars_line_up_in_english(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text(THREAT, encoding="utf-8")
    out = _cli("check", "--ui-lang", "en", str(path))
    lines = out.split("Dimensions:\n")[1].split("\n\n")[0].splitlines()
    assert len(lines) == 6 and any("Autonomy and choice" in line for line in lines)
    score_ends = {len(line.rstrip("█ ")) for line in lines}
    assert len(score_ends) == 1, lines  # every score ends in the same column, so the bars start together
    segment_lines = out.split("Segments:\n")[1].split("\n\n")[0].splitlines()[:3]
    assert len({line.index("%") for line in segment_lines}) == 1


def test_cli_numbers_in_english_have_a_decimal_point(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text(THREAT, encoding="utf-8")
    english, dutch = _cli("check", "--ui-lang", "en", str(path)), _cli("check", str(path))
    import re

    assert re.search(r"Flesch-Douma \d+\.\d", english) and not re.search(r"\d,\d", english.split("Findings")[0])
    assert re.search(r"Flesch-Douma \d+,\d", dutch)
    assert re.search(r": \d+\.\d words on average", english)  # a measured figure inside a finding


def test_cli_fixes_in_english(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text(THREAT, encoding="utf-8")
    english = _cli("check", "--fixes", "--ui-lang", "en", str(path))
    fixes = english.split("Do first")[1]
    assert "reach]" in fixes and "bereik" not in fixes
    for reason in ("Schrap de", "Zeg dat", "Noem ", "Vervang "):
        assert reason not in fixes, fixes
    assert "Delete the sentence with 'deurwaarder'" in fixes or "Delete the paragraph with" in fixes
    dutch = _cli("check", "--fixes", str(path))
    assert "Schrap de" in dutch.split("Eerst doen")[1] and "Delete the" not in dutch


def test_cli_fixes_note_in_english(tmp_path):
    from outreach.cli_text import render_fixes
    from outreach.messages import msg, text

    result = {"fixes": [], "fixes_note": str(msg("advice.best_already")), "plans": {}}
    assert text("advice.best_already", "en") in render_fixes(result, "en")
    assert str(msg("advice.best_already")) in render_fixes(result, "nl")


def test_cli_compare_in_english(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(THREAT, encoding="utf-8")
    b.write_text(WARM, encoding="utf-8")
    english = _cli("compare", "--ui-lang", "en", str(a), str(b))
    assert "Threatening language: 'deurwaarder'" in english
    assert "Turns away" in english and "Haakt af" not in english
    assert "Dreigende taal" not in english
    import re

    assert re.search(r"\d+\.\d", english) and not re.search(r"\d,\d", english)
    for f in analyze(THREAT).findings:
        assert f.message not in english, f.rule
    dutch = _cli("compare", str(a), str(b))
    assert "Dreigende taal: 'deurwaarder'" in dutch and "Threatening" not in dutch and re.search(r"\d+,\d", dutch)


def test_every_finding_of_every_project_letter_is_english():
    """The Dutch text of a finding is matched against its rule's Dutch templates (interface.py); on
    every letter of the project (golden, corpus, the scenarios' examples) each finding gets English,
    and a metric's figure its decimal point."""
    import re
    from pathlib import Path

    from outreach.letters import read_path
    from outreach.scenarios import load_catalogue

    root = Path(__file__).resolve().parents[1]
    letters = [read_path(str(p)) for folder in ("tests/letters", "corpus/letters")
               for p in sorted((root / folder).glob("*")) if p.suffix in (".txt", ".md", ".docx")]
    letters += [letter.render(s.variables) for s in load_catalogue().scenarios for letter in s.letters]
    assert len(letters) >= 40
    untranslated, seen = [], 0
    for text in letters:
        for f in analyze(text).findings:
            english = interface.finding(f, "en")
            seen += 1
            if english.message == f.message or english.why == f.why:
                untranslated.append(f"{f.rule}: {f.message}")
            assert not re.search(r"\d,\d", english.message.replace(f.match, "")), english.message
    assert seen > 1000 and untranslated == [], untranslated[:10]
