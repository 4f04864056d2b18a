"""The engine's own texts live in outreach/messages.toml, not in the Python of the engine.

Engine modules are everything under outreach/ except outreach/ui/ (the app has its own catalogue,
outreach/ui/strings.toml) and except data files.
"""
import ast
import pickle
import re
from pathlib import Path

import pytest

from outreach import messages
from outreach.messages import LANGS, Message, catalogue, message_of, msg, placeholders, render, text

ROOT = Path(__file__).resolve().parents[1] / "outreach"
ENGINE = sorted(p for p in ROOT.rglob("*.py") if "ui" not in p.relative_to(ROOT).parts)

# Common Dutch function words; a string constant with a space and one of these reads as Dutch prose.
DUTCH = re.compile(r"(?i)(?:^|[\s(\"'])(?:de|het|een|niet|van|voor|kan|moet|geen|zijn|wordt|bij|naar|heeft|dit|"
                   r"deze|uw|ook|mag|mogen|onbekende?|ontbreekt|tekst|brief|bestand)(?=[\s,.:;)!?'\"]|$)")

# (module, start of the text): Dutch that is data the engine works on, not text for a user.
ALLOWED = {
    ("batch.py", "Betreft: uw rekening"),  # the warm-up letter analysed once before the workers fork
}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _declared_with_english(tree: ast.AST) -> set[int]:
    """The Dutch of a text declared beside its English, `Text(nl="...", en="...")` (an export format's
    labels, outreach/exports/): an entry of a catalogue written in the module that uses it."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            words = {k.arg: k.value for k in node.keywords}
            if {"nl", "en"} <= set(words) and isinstance(words["nl"], ast.Constant):
                found.add(id(words["nl"]))
    return found


def _strings(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree) | _declared_with_english(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            yield node


def dutch_strings(paths: list[Path] = ENGINE, root: Path = ROOT) -> list[str]:
    found = []
    for path in paths:
        module = str(path.relative_to(root))
        for node in _strings(path):
            value = node.value
            if " " in value.strip() and DUTCH.search(value) \
                    and not any(module == m and value.startswith(s) for m, s in ALLOWED):
                found.append(f"{module}:{node.lineno}: {value[:70]!r}")
    return found


def test_no_dutch_user_text_in_engine_modules():
    """A Dutch text for a user belongs in outreach/messages.toml (nl and en), looked up by its id."""
    assert dutch_strings() == []


def test_the_check_finds_dutch_text(tmp_path):
    module = tmp_path / "outreach" / "bad.py"
    module.parent.mkdir()
    module.write_text('"""Docstrings may be Dutch: dit is een brief."""\n'
                      'def f(path):\n    raise ValueError(f"{path}: de regel moet een tabel zijn")\n')
    assert len(dutch_strings([module], module.parent)) == 1


def test_every_entry_has_a_dotted_id_and_both_languages():
    """load_catalogue refuses an entry without nl and en or with other {placeholders} per language
    (test_a_broken_catalogue_is_refused); this one holds the shipped catalogue to it."""
    entries = catalogue()
    assert len(entries) > 300
    assert [key for key in entries if not re.fullmatch(r"[a-z]+(\.[a-z0-9_]+)+", key)] == []
    assert all(placeholders(entry["nl"]) == placeholders(entry["en"]) for entry in entries.values())


def _constants() -> list[tuple[str, str, bool]]:
    """(module:line, value, is the first argument of msg/text/say) of every string constant in outreach/."""
    out = []
    for path in sorted(ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        first_args = {id(node.args[0]) for node in ast.walk(tree)
                      if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
                      and getattr(node.func, "id", getattr(node.func, "attr", "")) in ("msg", "text", "say")}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                out.append((f"{path.relative_to(ROOT)}:{node.lineno}", node.value, id(node) in first_args))
    return out


def test_every_id_used_in_code_is_in_the_catalogue_and_every_entry_is_used():
    entries = catalogue()
    sections = {key.split(".")[0] for key in entries}
    looks_like_id = re.compile(rf"(?:{'|'.join(sections)})(?:\.[a-z0-9_]+)+")
    constants = _constants()
    called = {value for _, value, first in constants if first and looks_like_id.fullmatch(value)}
    named = {value for _, value, _ in constants if looks_like_id.fullmatch(value)}
    assert called, "no msg(...) calls found"
    missing = sorted(f"{where}: {value}" for where, value, _ in constants
                     if looks_like_id.fullmatch(value) and value not in entries and not value.endswith((".py", ".json", ".toml", ".j2")))
    assert missing == []
    unused = sorted(set(entries) - named)
    assert unused == []


def test_a_message_is_dutch_and_renders_in_english():
    message = msg("pack.regex_invalid", pattern="(", error="missing )")
    assert message == "patroon '(' is geen geldige reguliere expressie (missing ))"
    assert message.id == "pack.regex_invalid" and message.values["pattern"] == "("
    assert message.render("en") == "pattern '(' is not a valid regular expression (missing ))"
    assert text("pack.regex_invalid", "xx", pattern="(", error="e") == message.render("nl").replace("missing )", "e")
    nested = msg("pack.rule_error", path="tone.toml", rule="tone.x", problem=msg("rule.match_required"))
    assert render(nested, "en") == "tone.toml: rule 'tone.x': needs 'terms' or 'patterns'"
    again = pickle.loads(pickle.dumps(nested))
    assert again == nested and again.id == nested.id and again.render("en") == nested.render("en")


def test_an_error_for_a_pack_author_carries_its_id(tmp_path):
    from outreach.rules.loader import load_pack
    from outreach.rules.schema import RulePackError

    pack = tmp_path / "tone.toml"
    pack.write_text('dimension = "tone"\nlang = "nl"\ntitle = "Toon"\ndescription = "d"\nbase = 500\n', encoding="utf-8")
    with pytest.raises(RulePackError, match="'base' moet een getal van 0 tot en met 100 zijn") as caught:
        load_pack(pack)
    assert message_of(caught.value).id == "pack.base"
    assert render(caught.value, "en") == f"{pack}: 'base' must be a number from 0 to 100"


def test_the_command_line_speaks_english_when_asked(capsys):
    from outreach.__main__ import main

    assert main(["check", "--ui-lang", "en", "/no/such/letter.txt"]) == 2
    assert capsys.readouterr().err == "error: /no/such/letter.txt: file not found.\n"
    assert main(["check", "/no/such/letter.txt"]) == 2
    assert capsys.readouterr().err == "fout: /no/such/letter.txt: bestand niet gevonden.\n"
    assert main(["check", "--ui-lang=en", "--jobs", "0", "x.txt"]) == 2
    assert "--jobs must be at least 1" in capsys.readouterr().err


def test_a_broken_catalogue_is_refused(tmp_path):
    bad = tmp_path / "messages.toml"
    bad.write_text('[x.y]\nnl = "Hallo {naam}"\nen = "Hello"\n', encoding="utf-8")
    with pytest.raises(messages.CatalogueError, match="placeholders"):
        messages.load_catalogue(bad)
    bad.write_text('[x.y]\nnl = "Hallo"\n', encoding="utf-8")
    with pytest.raises(messages.CatalogueError, match="needs exactly"):
        messages.load_catalogue(bad)
    assert isinstance(msg("data.none"), Message)
