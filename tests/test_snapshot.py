"""The engine gives exactly the analyses of the snapshot (tests/snapshot.py): every finding, score,
metric and reaction of every letter in the project, as full JSON."""
from tests.snapshot import REGENERATE, SNAPSHOT, analyses, differences, load


def test_every_letter_is_analysed_as_in_the_snapshot():
    assert SNAPSHOT.is_file(), f"no snapshot yet: run `{REGENERATE}`"
    lines = differences(load(), analyses())
    assert not lines, (
        f"{len(lines)} letter(s) analysed differently from tests/snapshot.json.gz:\n  "
        + "\n  ".join(lines[:30])
        + f"\nAn engine change must not change any analysis. If the rules or the segment model changed on "
          f"purpose, make the snapshot anew with `{REGENERATE}` and commit it with that change.")
