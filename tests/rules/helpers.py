"""Build small rules and rule books in tests without touching the shipped packs."""
from __future__ import annotations

from pathlib import Path

from outreach.rules.engine import Context, run_rule
from outreach import languages
from outreach.rules.loader import METRICS, load_language
from outreach.rules.schema import parse_rule
from outreach.text.document import parse

LANGUAGE = load_language(languages.get("nl").rules_dir / "language.toml")


def make_rule(**fields):
    raw = {"severity": "warning", "message": "m '{match}'", "why": "w", "source": "s",
           "fail": ["x"], "pass": ["y"], "points": -5}
    raw.update(fields)
    dimension = raw["id"].split(".")[0]
    return parse_rule(raw, dimension, "test.toml", METRICS)


def findings(rule, text: str):
    return run_rule(rule, Context(parse(text), LANGUAGE))


def spans(rule, text: str) -> list[str]:
    return [text[f.start:f.end] for f in findings(rule, text) if f.start is not None]


def write_pack(directory: Path, dimension: str, body: str, base: int = 50) -> Path:
    path = directory / f"{dimension}.toml"
    path.write_text(
        f'dimension = "{dimension}"\nlang = "nl"\ntitle = "{dimension}"\nbase = {base}\n'
        f'description = "test"\n{body}', encoding="utf-8")
    return path
