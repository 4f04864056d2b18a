"""compare(): winners, deltas, ties, fixed and introduced problems, and the word diff."""
import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach.compare import CompareError, compare, winner, word_diff
from outreach.letters import MAX_CHARS
from tests.conftest import LETTERS

WARM = (LETTERS / "warm.txt").read_text(encoding="utf-8")
THREAT = (LETTERS / "threatening.txt").read_text(encoding="utf-8")
SEGMENTS = {"vertrouwende_volgers", "zorgvuldige_zelfredzamen", "voorzichtige_verbinders"}


def _rules(changes):
    return [c.rule for c in changes]


def test_warm_letter_wins_every_segment_and_reach_over_threatening():
    result = compare([("warm", WARM), ("dreigend", THREAT)])
    assert set(result.segments) == SEGMENTS
    for seg in result.segments.values():
        assert seg.winner == "warm" and seg.tie == ()
        assert seg.scores[0] > seg.scores[1]
        assert seg.deltas == (0.0, round(seg.scores[1] - seg.scores[0], 1))
        assert seg.verdicts[0] == "lands_well"
    assert result.reach.winner == "warm"
    assert result.reach.deltas[1] < 0


def test_deltas_are_against_the_first_variant_whichever_order():
    result = compare([("dreigend", THREAT), ("warm", WARM)])
    for seg in result.segments.values():
        assert seg.winner == "warm" and seg.deltas[0] == 0.0 and seg.deltas[1] > 0


def test_removing_a_threat_shows_that_threat_as_fixed():
    softer = THREAT.replace(" Dit is uw laatste waarschuwing.", "")
    result = compare([("A", THREAT), ("B", softer)])
    fixed = [(c.rule, c.match) for c in result.fixed["B"]]
    assert ("tone.threat.legal", "laatste waarschuwing") in fixed
    assert "tone.threat.legal" not in _rules(result.introduced["B"])
    assert result.fixed["A"] == () and result.introduced["A"] == ()


def test_adding_a_threat_shows_it_as_introduced_and_costs_points():
    harsher = WARM.replace("U hoeft niets te doen.", "Reageert u niet, dan schakelen wij de deurwaarder in.")
    result = compare([("A", WARM), ("B", harsher)])
    introduced = [(c.rule, c.match) for c in result.introduced["B"]]
    assert ("tone.threat.enforcement", "deurwaarder") in introduced
    assert "tone.threat.enforcement" not in _rules(result.fixed["B"])
    for seg in result.segments.values():
        assert seg.winner == "A" and seg.deltas[1] < 0


def test_a_rule_that_fires_fewer_times_is_fixed_for_the_missing_occurrences():
    fewer = THREAT.replace("aan een incassobureau en kan de deurwaarder beslag leggen op uw loon",
                           "aan een incassobureau")
    result = compare([("A", THREAT), ("B", fewer)])
    fixed = [c.match for c in result.fixed["B"] if c.rule == "tone.threat.enforcement"]
    assert sorted(fixed) == ["beslag", "deurwaarder"]
    assert "tone.threat.enforcement" not in _rules(result.introduced["B"])


def test_swapping_one_threat_word_for_another_is_neither_fixed_nor_introduced():
    swapped = THREAT.replace("een incassobureau", "de deurwaarder")
    result = compare([("A", THREAT), ("B", swapped)])
    assert "tone.threat.enforcement" not in _rules(result.fixed["B"])
    assert "tone.threat.enforcement" not in _rules(result.introduced["B"])


def test_a_missing_element_that_is_added_counts_as_fixed():
    with_phone = THREAT.replace("Hoogachtend,", "Bel gerust: 0521 - 123 456.\n\nHoogachtend,")
    result = compare([("A", THREAT), ("B", with_phone)])
    assert "contact.phone.number" in _rules(result.fixed["B"])


def test_identical_texts_are_ties_everywhere():
    result = compare([("A", WARM), ("B", WARM)])
    for seg in result.segments.values():
        assert seg.winner is None and seg.tie == ("A", "B") and seg.deltas == (0.0, 0.0)
    assert result.reach.winner is None and result.reach.tie == ("A", "B")
    assert result.fixed["B"] == () and result.introduced["B"] == ()
    assert not result.diffs["B"].changed


def test_scores_within_half_a_point_are_a_tie_and_further_apart_a_win():
    assert winner(("A", "B", "C"), (80.0, 80.5, 70.0)) == (None, ("A", "B"))
    assert winner(("A", "B"), (80.0, 80.6)) == ("B", ())
    assert winner(("A", "B", "C"), (70.0, 70.0, 70.0)) == (None, ("A", "B", "C"))


def test_four_variants_each_compared_with_the_first():
    paternal = (LETTERS / "paternalistic.txt").read_text(encoding="utf-8")
    digital = (LETTERS / "digital_only.txt").read_text(encoding="utf-8")
    result = compare([("warm", WARM), ("dreigend", THREAT), ("betuttelend", paternal), ("digitaal", digital)])
    assert result.names == ("warm", "dreigend", "betuttelend", "digitaal")
    for seg in result.segments.values():
        assert len(seg.scores) == len(seg.deltas) == len(seg.verdicts) == 4
    assert set(result.diffs) == {"dreigend", "betuttelend", "digitaal"}
    assert set(result.fixed) == set(result.introduced) == set(result.names)


def test_shares_change_the_reach_weighting():
    result = compare([("warm", WARM), ("dreigend", THREAT)],
                     shares={"vertrouwende_volgers": 100, "zorgvuldige_zelfredzamen": 0,
                             "voorzichtige_verbinders": 0})
    assert result.reach.scores[0] == result.segments["vertrouwende_volgers"].scores[0]


@pytest.mark.parametrize("variants", [
    [("A", WARM)],
    [("A", WARM), ("B", WARM), ("C", WARM), ("D", WARM), ("E", WARM)],
    [("A", WARM), ("A", THREAT)],
    [("", WARM), ("B", WARM)],
    [("A", WARM), ("B", None)],
    [("A", WARM), ("B", "x" * (MAX_CHARS + 1))],
])
def test_invalid_input_is_refused_with_a_dutch_message(variants):
    with pytest.raises(CompareError) as err:
        compare(variants)
    assert str(err.value) and "Traceback" not in str(err.value)


def test_to_dict_follows_the_contract_and_is_json():
    result = compare([("warm", WARM), ("dreigend", THREAT)])
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert set(data) == {"variants", "segments", "reach", "fixed", "introduced", "diff"}
    assert [v["file"] for v in data["variants"]] == ["warm", "dreigend"]
    assert set(data["variants"][0]["segments"]) == SEGMENTS
    for seg in data["segments"].values():
        assert {"scores", "verdicts", "deltas", "winner", "tie"} <= set(seg)
        assert seg["winner"] == "warm" and seg["tie"] == []
    assert {"scores", "deltas", "winner", "tie"} <= set(data["reach"])
    assert set(data["fixed"]) == {"warm", "dreigend"}
    assert {"rule", "match", "message", "points"} <= set(data["introduced"]["dreigend"][0])
    assert {"ops", "html"} <= set(data["diff"]["dreigend"])


def test_word_diff_reports_replaced_inserted_and_deleted_words():
    diff = word_diff("U dient te betalen.", "U kunt betalen. Bel ons.")
    changed = [(op.op, op.a_words, op.b_words) for op in diff.ops if op.op != "equal"]
    assert ("replace", ("dient", "te"), ("kunt",)) in changed
    assert any(op == "insert" and {"Bel", "ons"} <= set(b) for op, _, b in changed)
    assert "".join(op.b_text for op in diff.ops) == "U kunt betalen. Bel ons."
    assert "".join(op.a_text for op in diff.ops) == "U dient te betalen."


def test_whitespace_only_changes_are_no_changes():
    assert not word_diff("Beste meneer,\nhallo", "Beste  meneer, hallo").changed


def test_diff_html_escapes_every_piece_of_text():
    diff = word_diff("Hallo <b>daar</b>.", "Hallo. <script>alert(1)</script> & <img src=x onerror=alert(1)>")
    rendered = diff.html()
    assert "<script" not in rendered and "<img" not in rendered and "<b>" not in rendered
    assert "alert(1)&lt;/script&gt;" in rendered and "&amp; &lt;img src=x" in rendered
    assert "<del>" in rendered and "<ins>" in rendered


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab <>&\n.,é", max_size=80), st.text(alphabet="ab <>&\n.,é", max_size=80))
def test_the_diff_always_rebuilds_both_texts(a, b):
    ops = word_diff(a, b).ops
    assert "".join(op.a_text for op in ops) == a
    assert "".join(op.b_text for op in ops) == b


def test_a_pathological_diff_stays_fast_and_complete():
    a, b = " ".join(["de"] * 5000), " ".join(["de", "u"] * 2500)
    started = time.monotonic()
    diff = word_diff(a, b)
    assert time.monotonic() - started < 5
    assert "".join(op.b_text for op in diff.ops) == b and diff.changed


def test_a_deleted_phrase_keeps_its_space_in_the_diff():
    from outreach.compare import word_diff

    shown = word_diff("Wij willen dit in 2026 te behouden. Bel ons.", "Wij willen dit in 2026. Bel ons.").html()
    assert "2026 <del>te behouden</del>." in shown
