"""Reasons and dimension contributions built through their slots equal the dataclasses' own."""
from __future__ import annotations

from outreach.dimensions import Contribution, _contribution
from outreach.segments.reception import Reason, _reason


def test_reason_built_fast_is_the_dataclass():
    values = ("Dreiging ('boete')", -4.5, "tone", 3, "trigger:threat", "threat")
    fast, plain = _reason(*values), Reason(*values)
    assert type(fast) is Reason and fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert fast.to_dict() == plain.to_dict()
    assert _reason(*values[:-1]) == Reason(*values[:-1])  # the default reaction


def test_contribution_built_fast_is_the_dataclass():
    values = ("tone.threat", -5.0, "'boete': m", 7)
    fast, plain = _contribution(*values), Contribution(*values)
    assert type(fast) is Contribution and fast == plain and hash(fast) == hash(plain)
    assert fast.to_dict() == plain.to_dict()
    assert _contribution(*values[:-1]) == Contribution(*values[:-1])


def test_a_required_field_left_out_is_refused_not_set_to_a_sentinel():
    import pytest

    with pytest.raises(TypeError, match="Reason"):
        _reason("Dreiging", -4.5, "tone", 3)  # source has no default
