"""The real-world corpus: letters in the style of real senders and blind pairwise judgments.

The letters (corpus/letters/*.txt) and the judgments (corpus/judgments_*.toml) were written by
reviewers who had read only ../shared/research.md, not the rules, before the tool ever ran on
them. A judgment says letter `better` beats letter `worse` on one aspect: "overall" (the reach
score), a segment id (its score) or a dimension (its score). A judgment may only change when the
reason written next to it is shown wrong.

    python -m tests.corpus.judged      prints the agreement and every disagreement with its reason
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from outreach import analyze
from outreach.analysis import Analysis

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@dataclass(frozen=True)
class Judgment:
    better: str
    worse: str
    on: str
    reason: str
    source: str  # the judgments file


@dataclass(frozen=True)
class Verdict:
    """An absolute judgment: letter `letter` gets (`is`) or does not get (`not`) a verdict."""
    letter: str
    segment: str
    verdict: str
    negated: bool
    reason: str


def letters() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted((CORPUS / "letters").glob("*.txt"))}


def judgments() -> list[Judgment]:
    found = []
    for path in sorted(CORPUS.glob("judgments_*.toml")):
        for raw in tomllib.loads(path.read_text(encoding="utf-8"))["judgment"]:
            found.append(Judgment(raw["better"], raw["worse"], raw["on"], raw["reason"], path.name))
    return found


def verdicts() -> list[Verdict]:
    found = []
    for path in sorted(CORPUS.glob("verdicts_*.toml")):
        for raw in tomllib.loads(path.read_text(encoding="utf-8"))["verdict"]:
            negated = "not" in raw
            found.append(Verdict(raw["letter"], raw["segment"], raw["not" if negated else "is"],
                                 negated, raw["reason"]))
    return found


@lru_cache(maxsize=None)
def analysis(name: str) -> Analysis:
    return analyze(letters()[name])


def score(result: Analysis, on: str) -> float:
    if on == "overall":
        return result.reach.score
    if on in result.segments:
        return result.segments[on].score
    return result.dimensions[on].score


def agrees(judgment: Judgment) -> bool:
    return score(analysis(judgment.better), judgment.on) > score(analysis(judgment.worse), judgment.on)


def verdict_holds(verdict: Verdict) -> bool:
    got = analysis(verdict.letter).segments[verdict.segment].verdict
    return (got != verdict.verdict) if verdict.negated else (got == verdict.verdict)


def report() -> str:
    all_judgments = judgments()
    wrong = [j for j in all_judgments if not agrees(j)]
    lines = [f"{len(all_judgments) - len(wrong)}/{len(all_judgments)} judgments agree "
             f"({(len(all_judgments) - len(wrong)) / len(all_judgments):.1%})"]
    for j in wrong:
        b, w = score(analysis(j.better), j.on), score(analysis(j.worse), j.on)
        lines.append(f"- {j.on}: {j.better} ({b:.1f}) > {j.worse} ({w:.1f})\n    {j.reason}")
    all_verdicts = verdicts()
    wrong_verdicts = [v for v in all_verdicts if not verdict_holds(v)]
    lines.append(f"{len(all_verdicts) - len(wrong_verdicts)}/{len(all_verdicts)} verdicts hold")
    for v in wrong_verdicts:
        got = analysis(v.letter).segments[v.segment]
        lines.append(f"- {v.letter} / {v.segment}: {'not ' if v.negated else ''}{v.verdict}, "
                     f"got {got.verdict} ({got.score:.0f})\n    {v.reason}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
