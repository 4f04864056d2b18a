"""The blind real-world corpus: every judgment written before the tool ran must hold."""
import pytest

from tests.corpus.judged import agrees, analysis, judgments, score, verdict_holds, verdicts

JUDGMENTS = judgments()


def test_corpus_is_large_enough():
    assert len({j.better for j in JUDGMENTS} | {j.worse for j in JUDGMENTS}) >= 40
    assert len(JUDGMENTS) >= 150


@pytest.mark.parametrize("judgment", JUDGMENTS, ids=[f"{j.on}:{j.better}>{j.worse}" for j in JUDGMENTS])
def test_blind_judgment_holds(judgment):
    better, worse = score(analysis(judgment.better), judgment.on), score(analysis(judgment.worse), judgment.on)
    assert agrees(judgment), f"{judgment.better} {better} <= {judgment.worse} {worse}: {judgment.reason}"


# Absolute verdicts (corpus/verdicts_c.toml), written blind like the judgments. The model does not
# meet all of them yet: these are the known disagreements, all in the same direction (the tool is
# harsher than the blind reader on sober creditor letters; see docs/model.md, "Limits"). The list
# may only shrink: a verdict on it that starts to hold fails the test until it is taken off.
KNOWN_DISAGREEMENTS = {
    ("a_corporatie_huurachterstand_regeling", "vertrouwende_volgers"),
    ("a_corporatie_huurachterstand_regeling", "zorgvuldige_zelfredzamen"),
    ("a_corporatie_huurachterstand_regeling", "voorzichtige_verbinders"),
    ("a_energie_achterstand", "vertrouwende_volgers"),
    ("a_gemeente_signaal_wgs", "vertrouwende_volgers"),
    ("a_waterbedrijf_herinnering", "zorgvuldige_zelfredzamen"),
    ("a_waterbedrijf_herinnering_dreiging", "vertrouwende_volgers"),
    ("b_belasting_aanmaning_b1", "vertrouwende_volgers"),
    ("b_cib_sms_herinnering", "vertrouwende_volgers"),
    ("b_cib_sms_herinnering", "zorgvuldige_zelfredzamen"),
    ("b_deurwaarder_samen_oplossen", "vertrouwende_volgers"),
    ("b_deurwaarder_samen_oplossen", "zorgvuldige_zelfredzamen"),
    ("b_incasso_veertiendagenbrief", "vertrouwende_volgers"),
    ("b_toeslagen_terugvordering_contactpersoon", "zorgvuldige_zelfredzamen"),
    ("b_toeslagen_terugvordering_digid", "zorgvuldige_zelfredzamen"),
    ("b_uitkering_terugvordering_regeling", "vertrouwende_volgers"),
    ("b_uitkering_terugvordering_regeling", "zorgvuldige_zelfredzamen"),
}
VERDICTS = verdicts()


def test_most_blind_verdicts_hold():
    assert len(VERDICTS) >= 120
    assert len(KNOWN_DISAGREEMENTS) / len(VERDICTS) <= 0.15


@pytest.mark.parametrize("verdict", VERDICTS, ids=[f"{v.letter}:{v.segment}" for v in VERDICTS])
def test_blind_verdict_holds(verdict):
    got = analysis(verdict.letter).segments[verdict.segment]
    known = (verdict.letter, verdict.segment) in KNOWN_DISAGREEMENTS
    if known:
        assert not verdict_holds(verdict), (
            f"{verdict.letter} / {verdict.segment} now holds ({got.verdict}, {got.score:.0f}): "
            "take it off KNOWN_DISAGREEMENTS")
        pytest.xfail(f"known disagreement: {verdict.reason}")
    expected = f"{'not ' if verdict.negated else ''}{verdict.verdict}"
    assert verdict_holds(verdict), f"expected {expected}, got {got.verdict} ({got.score:.0f}): {verdict.reason}"
