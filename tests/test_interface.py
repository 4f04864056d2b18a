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
