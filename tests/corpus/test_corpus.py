"""The blind real-world corpus: every judgment written before the tool ran must hold."""
import pytest

from tests.corpus.judged import agrees, analysis, judgments, score

JUDGMENTS = judgments()


def test_corpus_is_large_enough():
    assert len({j.better for j in JUDGMENTS} | {j.worse for j in JUDGMENTS}) >= 40
    assert len(JUDGMENTS) >= 150


@pytest.mark.parametrize("judgment", JUDGMENTS, ids=[f"{j.on}:{j.better}>{j.worse}" for j in JUDGMENTS])
def test_blind_judgment_holds(judgment):
    better, worse = score(analysis(judgment.better), judgment.on), score(analysis(judgment.worse), judgment.on)
    assert agrees(judgment), f"{judgment.better} {better} <= {judgment.worse} {worse}: {judgment.reason}"
