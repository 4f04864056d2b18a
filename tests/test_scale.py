"""The 0-100 scale: a worse letter keeps scoring lower, even far below the floor."""
import pytest

import outreach
from outreach.scale import SOFT_FLOOR, adjustment, to_score
from tests.test_golden import analysis


def test_a_point_is_a_point_between_the_floor_and_100():
    assert to_score(SOFT_FLOOR) == SOFT_FLOOR
    assert to_score(55.25) == 55.25
    assert to_score(130) == 100
    assert adjustment(55.25, 55.25) is None


@pytest.mark.parametrize("worse, better", [(-400, -200), (-50, -40), (-1, 0), (0, 10), (29.9, 30)])
def test_below_the_floor_lower_sums_still_give_lower_scores(worse, better):
    assert 0 < to_score(worse) < to_score(better) <= SOFT_FLOOR


def test_the_curve_meets_the_line_without_a_jump():
    assert abs(to_score(SOFT_FLOOR - 0.01) - (SOFT_FLOOR - 0.01)) < 0.01


def test_two_poor_letters_still_rank_and_the_contributions_add_up():
    # Both letters turn every segment away; a hard clamp at 0 would make them look the same.
    one = analysis("bureaucratic")
    more = outreach.analyze(one.text.replace(
        "\n\nHoogachtend", "\n\nIndien u niet reageert, schakelen wij de deurwaarder in en volgt beslag.\n\nHoogachtend", 1))
    assert more.text != one.text
    for sid, reception in one.segments.items():
        assert reception.verdict == "turns_away"
        assert 0 < more.segments[sid].score < reception.score
        assert abs(sum(r.points for r in reception.contributions) - reception.score) < 1e-6
        assert any(r.source == "floor" for r in reception.contributions)
    assert more.dimensions["tone"].score < one.dimensions["tone"].score
