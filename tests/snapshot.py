"""A snapshot of the full JSON analysis of every letter in the project, to keep engine changes honest.

Engine work (speed, refactoring) must not change a single finding, score or reaction. The snapshot
file holds analyze(...).to_dict() for every letter the project has: tests/letters, corpus/letters,
each scenario's example letters (rendered with the scenario's variables and analysed with them),
and the odd inputs of tests/reliability (cut to a few thousand characters). tests/test_snapshot.py
compares the current engine against it.

When the rules or the segment model change ON PURPOSE (rule data, calibration), make it anew:

    python -m tests.snapshot --write

and commit tests/snapshot.json.gz with the change. Without --write it prints which letters differ.
"""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests" / "snapshot.json.gz"
ODD_CHARS = 4000
REGENERATE = "python -m tests.snapshot --write"


def letters() -> dict[str, tuple[str, dict[str, str]]]:
    """Every letter of the project: name -> (text, scenario variables)."""
    from outreach.scenarios import load_catalogue
    from tests.reliability.test_odd_text import ODD_TEXTS

    found: dict[str, tuple[str, dict[str, str]]] = {}
    for folder in ("tests/letters", "corpus/letters"):
        for path in sorted((ROOT / folder).glob("*.txt")):
            found[f"{folder}/{path.name}"] = (path.read_text(encoding="utf-8"), {})
    for scenario in load_catalogue().scenarios:
        for letter in scenario.letters:
            text = letter.render(scenario.variables)
            found[f"scenarios/{scenario.id}/{letter.template}"] = (text, dict(scenario.variables))
            found[f"scenarios/{scenario.id}/{letter.template}#plain"] = (text, {})
    for name, text in ODD_TEXTS.items():
        found[f"odd/{name}"] = (text[:ODD_CHARS], {})
    return found


def analyses() -> dict[str, dict]:
    from outreach import analyze

    return {name: json.loads(json.dumps(analyze(text, variables=variables or None).to_dict(file=name)))
            for name, (text, variables) in letters().items()}


def load() -> dict[str, dict]:
    with gzip.open(SNAPSHOT, "rt", encoding="utf-8") as stream:
        return json.load(stream)


def write(found: dict[str, dict]) -> None:
    data = json.dumps(found, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    with open(SNAPSHOT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as stream:
        stream.write(data)  # mtime 0: the same analyses give the same bytes


def first_difference(old: object, new: object, path: str = "") -> str | None:
    """The first place where two JSON values differ, as a readable path, or None."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            if key not in old or key not in new:
                return f"{path}/{key}: only in the {'new' if key in new else 'snapshot'}"
            found = first_difference(old[key], new[key], f"{path}/{key}")
            if found:
                return found
        return None
    if isinstance(old, list) and isinstance(new, list):
        for i, (a, b) in enumerate(zip(old, new)):
            found = first_difference(a, b, f"{path}[{i}]")
            if found:
                return found
        return None if len(old) == len(new) else f"{path}: {len(old)} items in the snapshot, {len(new)} now"
    return None if old == new else f"{path}: {old!r} in the snapshot, {new!r} now"


def differences(old: dict[str, dict], new: dict[str, dict]) -> list[str]:
    lines = [f"{name}: missing now" for name in sorted(set(old) - set(new))]
    lines += [f"{name}: not in the snapshot" for name in sorted(set(new) - set(old))]
    for name in sorted(set(old) & set(new)):
        found = first_difference(old[name], new[name])
        if found:
            lines.append(f"{name}: {found}")
    return lines


def main(argv: list[str]) -> int:
    found = analyses()
    if "--write" in argv:
        write(found)
        print(f"wrote {SNAPSHOT.relative_to(ROOT)}: {len(found)} letters")
        return 0
    lines = differences(load(), found)
    print("\n".join(lines) if lines else f"all {len(found)} letters as in the snapshot")
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
