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


def letters() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted((CORPUS / "letters").glob("*.txt"))}


def judgments() -> list[Judgment]:
    found = []
    for path in sorted(CORPUS.glob("judgments_*.toml")):
        for raw in tomllib.loads(path.read_text(encoding="utf-8"))["judgment"]:
            found.append(Judgment(raw["better"], raw["worse"], raw["on"], raw["reason"], path.name))
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


def report() -> str:
    all_judgments = judgments()
    wrong = [j for j in all_judgments if not agrees(j)]
    lines = [f"{len(all_judgments) - len(wrong)}/{len(all_judgments)} judgments agree "
             f"({(len(all_judgments) - len(wrong)) / len(all_judgments):.1%})"]
    for j in wrong:
        b, w = score(analysis(j.better), j.on), score(analysis(j.worse), j.on)
        lines.append(f"- {j.on}: {j.better} ({b:.1f}) > {j.worse} ({w:.1f})\n    {j.reason}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
