"""The engine's faster ways to build findings and to test spans give what the plain ways give."""
from __future__ import annotations

import dataclasses
import pickle
import random

from outreach.rules.engine import Context, Finding, _finding, replaced
from outreach.text.document import parse
from tests.rules.helpers import LANGUAGE

VALUES = ("tone.threat", "tone", "warning", 3, 9, "boete", "m 'boete'", ("a", "b"), -5.0, "hurts", "w", False)


def test_finding_built_fast_is_the_dataclass():
    fast, plain = _finding(*VALUES), Finding(*VALUES)
    assert type(fast) is Finding
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert fast.to_dict() == plain.to_dict()
    assert pickle.loads(pickle.dumps(fast)) == plain  # batch workers send findings between processes
    assert _finding(*VALUES[:-1]).confident is True  # the defaults as in the dataclass
    try:
        fast.points = 1.0
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("a finding stays frozen")


def test_replaced_is_dataclasses_replace():
    finding = Finding(*VALUES)
    for changes in ({"points": -2.5}, {"confident": True, "points": 1.0}, {}):
        assert replaced(finding, **changes) == dataclasses.replace(finding, **changes)


def test_inside_spans_is_any_span_around():
    text = "Een brief van de Gemeente Zandhorst over uw boete. " * 20
    rng = random.Random(5)
    for _ in range(50):
        ctx = Context(parse(text), LANGUAGE)
        spans = {kind: [] for kind in ("names", "amount_lines")}
        for kind in spans:
            for _ in range(rng.randint(0, 8)):
                lo = rng.randint(0, len(text) - 1)
                spans[kind].append((lo, lo + rng.randint(0, 60)))
        ctx._spans.update(spans)
        kinds = frozenset(rng.sample(sorted(spans), rng.randint(1, 2)))
        around = [s for kind in kinds for s in spans[kind]]
        for _ in range(40):
            start = rng.randint(0, len(text) - 1)
            end = start + rng.randint(0, 30)
            expected = any(lo <= start and end <= hi for lo, hi in around)
            assert ctx.inside_spans(kinds, start, end) == expected, (around, start, end)
