"""Compare 2-4 named variants of a letter: per segment and on reach, what changed and why.

API (for the app and the report):

    from outreach.compare import compare, CompareError
    result = compare([("Variant A", text_a), ("Variant B", text_b)], shares=None)

    result.names                      -> ("Variant A", "Variant B")
    result.analyses                   -> one outreach.Analysis per variant, in order
    result.segments[segment_id]       -> SegmentComparison(scores, verdicts, verdict_labels,
                                         deltas, winner, tie)  (lists in variant order)
    result.reach                      -> ReachComparison(scores, lands_well_shares, deltas, winner, tie)
    result.fixed[name] / .introduced[name]
                                      -> tuple[Change, ...]: problems (findings that hurt) the
                                         variant removed / added relative to the first variant (A)
    result.diffs[name]                -> WordDiff of A's text to that variant's text, for every
                                         variant but A (.ops: DiffOp(op, a_words, b_words, a_text,
                                         b_text); .changed; .html(): <del>/<ins>, all text escaped)
    result.analysis(name)             -> the Analysis of one variant
    result.to_dict()                  -> the JSON contract of `python -m outreach compare --format json`:
        {"variants": [Analysis.to_dict(file=name), ...],
         "segments": {id: {"name", "share", "scores", "verdicts", "verdict_labels", "deltas",
                           "winner", "tie"}},
         "reach": {"scores", "lands_well_shares", "deltas", "winner", "tie"},
         "fixed": {name: [Change.to_dict()]}, "introduced": {name: [...]},   (A: empty lists)
         "diff": {name: {"ops": [{"op", "a", "b"}], "html": str}}}          (every variant but A)
    (the terminal table of `--format text` is outreach.cli_text.render_comparison)

Fixed and introduced are matched by rule: per rule, occurrences with the same words pair first and
the rest pair in order, so a rule that fires fewer times in the variant is fixed for the missing
occurrences (a rule that fires more often is introduced), while swapping one threat word for
another is neither. A "required" rule whose element was missing in A and is present in the
variant counts as fixed (its "missing" finding is gone). Only findings that hurt count.

Deltas are always "this variant minus A" (A's own delta is 0). A winner is the variant with the
highest score; when another variant is within TIE_MARGIN points, nobody wins: winner is None and
`tie` lists every variant within the margin of the best. Invalid input raises CompareError with a
Dutch message that can be shown to the user as is.

This is a rule-based simulation of research findings, never a prediction about a person.
"""
from __future__ import annotations

from collections.abc import Callable

import difflib
import html
import re
from dataclasses import dataclass
from itertools import accumulate

from outreach.analysis import Analysis, TextTooLong, analyze
from outreach.formatting import MAX_VARIANTS, MIN_VARIANTS
from outreach.messages import msg
from outreach.rules.engine import Finding

TIE_MARGIN = 0.5
# Work bound of the word diff (steps of difflib's inner loop, well under a second); a diff that
# would take longer shows the changed middle as one replacement.
DIFF_BUDGET = 3_000_000


class CompareError(ValueError):
    """Input that cannot be compared; the message is meant for the user (Dutch)."""


@dataclass(frozen=True, slots=True)
class SegmentComparison:
    segment: str
    name: str
    share: float  # 0..1, as in Reception.share
    scores: tuple[float, ...]
    verdicts: tuple[str, ...]
    verdict_labels: tuple[str, ...]
    deltas: tuple[float, ...]
    winner: str | None
    tie: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"name": self.name, "share": self.share, "scores": list(self.scores),
                "verdicts": list(self.verdicts), "verdict_labels": list(self.verdict_labels),
                "deltas": list(self.deltas), "winner": self.winner, "tie": list(self.tie)}


@dataclass(frozen=True, slots=True)
class ReachComparison:
    scores: tuple[float, ...]
    lands_well_shares: tuple[float, ...]
    deltas: tuple[float, ...]
    winner: str | None
    tie: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"scores": list(self.scores), "lands_well_shares": list(self.lands_well_shares),
                "deltas": list(self.deltas), "winner": self.winner, "tie": list(self.tie)}


@dataclass(frozen=True, slots=True)
class Change:
    """One problem (a finding that hurts) that a variant fixed or introduced.

    start/end point into A's text for a fixed problem, into the variant's text for an introduced
    one; both are None for a finding about the whole letter (such as "no phone number").
    """
    rule: str
    dimension: str
    severity: str
    match: str
    message: str
    points: float
    start: int | None
    end: int | None

    def to_dict(self) -> dict:
        return {"rule": self.rule, "dimension": self.dimension, "severity": self.severity,
                "match": self.match, "message": self.message, "points": self.points,
                "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One difflib opcode on word tokens: equal, insert, delete or replace.

    `a_text`/`b_text` are the exact pieces of the two texts (words plus their whitespace);
    `a_words`/`b_words` the words alone.
    """
    op: str
    a_words: tuple[str, ...]
    b_words: tuple[str, ...]
    a_text: str
    b_text: str

    def to_dict(self) -> dict:
        return {"op": self.op, "a": list(self.a_words), "b": list(self.b_words)}


@dataclass(frozen=True, slots=True)
class WordDiff:
    ops: tuple[DiffOp, ...]

    @property
    def changed(self) -> bool:
        return any(op.op != "equal" for op in self.ops)

    def html(self) -> str:
        """The new text with deletions as <del> and insertions as <ins>; all text escaped."""
        out, last = [], " "
        for op in self.ops:
            if op.op == "equal":
                out.append(html.escape(op.b_text))
                last = op.b_text[-1:] or last
                continue
            if op.a_text:
                # Deleted words lose the space they had in the old text ("2026 te behouden" -> "2026.")
                space = " " if not last.isspace() and op.a_text[:1].isalnum() else ""
                out.append(f"{space}<del>{html.escape(op.a_text)}</del>")
            if op.b_text:
                out.append(f"<ins>{html.escape(op.b_text)}</ins>")
                last = op.b_text[-1:]
        return "".join(out)

    def to_dict(self) -> dict:
        return {"ops": [op.to_dict() for op in self.ops], "html": self.html()}


@dataclass(frozen=True, slots=True)
class Comparison:
    names: tuple[str, ...]
    texts: tuple[str, ...]
    analyses: tuple[Analysis, ...]
    segments: dict[str, SegmentComparison]
    reach: ReachComparison
    fixed: dict[str, tuple[Change, ...]]
    introduced: dict[str, tuple[Change, ...]]
    diffs: dict[str, WordDiff]  # every variant but A, against A

    def analysis(self, name: str) -> Analysis:
        return self.analyses[self.names.index(name)]

    def to_dict(self) -> dict:
        return {
            "variants": [a.to_dict(file=name) for name, a in zip(self.names, self.analyses)],
            "segments": {sid: s.to_dict() for sid, s in self.segments.items()},
            "reach": self.reach.to_dict(),
            "fixed": {name: [c.to_dict() for c in changes] for name, changes in self.fixed.items()},
            "introduced": {name: [c.to_dict() for c in changes]
                           for name, changes in self.introduced.items()},
            "diff": {name: diff.to_dict() for name, diff in self.diffs.items()},
        }


# --- validation ---------------------------------------------------------------------------------

def check_variants(variants: list[tuple[str, str]]) -> None:
    """CompareError (Dutch) unless there are 2-4 variants with distinct names and text strings."""
    if not isinstance(variants, (list, tuple)):
        raise CompareError(msg("compare.not_list"))
    if not MIN_VARIANTS <= len(variants) <= MAX_VARIANTS:
        raise CompareError(msg("compare.count", low=MIN_VARIANTS, high=MAX_VARIANTS, count=len(variants)))
    seen: set[str] = set()
    for item in variants:
        if not (isinstance(item, (list, tuple)) and len(item) == 2):
            raise CompareError(msg("compare.not_pair"))
        name, text = item
        if not isinstance(name, str) or not name.strip():
            raise CompareError(msg("compare.name_required"))
        if not isinstance(text, str):
            raise CompareError(msg("compare.not_text", name=name))
        if name in seen:
            raise CompareError(msg("compare.names_equal", name=name))
        seen.add(name)


# --- winners and deltas -------------------------------------------------------------------------

def deltas(scores: tuple[float, ...]) -> tuple[float, ...]:
    """Each score minus the first (A), rounded to one decimal."""
    return tuple(round(s - scores[0], 1) for s in scores)


def winner(names: tuple[str, ...], scores: tuple[float, ...],
           margin: float = TIE_MARGIN) -> tuple[str | None, tuple[str, ...]]:
    """(winner, tie): the best variant, or None plus every variant within `margin` of the best."""
    best = max(scores)
    close = tuple(n for n, s in zip(names, scores) if best - s <= margin + 1e-9)
    if len(close) > 1:
        return None, close
    return close[0], ()


def compare_segments(names: tuple[str, ...], analyses: tuple[Analysis, ...]) -> dict[str, SegmentComparison]:
    result = {}
    for sid, first in analyses[0].segments.items():
        receptions = [a.segments[sid] for a in analyses]
        scores = tuple(r.score for r in receptions)
        win, tie = winner(names, scores)
        result[sid] = SegmentComparison(
            segment=sid, name=first.name, share=first.share, scores=scores,
            verdicts=tuple(r.verdict for r in receptions),
            verdict_labels=tuple(r.verdict_label for r in receptions),
            deltas=deltas(scores), winner=win, tie=tie)
    return result


def compare_reach(names: tuple[str, ...], analyses: tuple[Analysis, ...]) -> ReachComparison:
    scores = tuple(a.reach.score if a.reach else 0.0 for a in analyses)
    win, tie = winner(names, scores)
    return ReachComparison(scores, tuple(a.reach.lands_well_share if a.reach else 0.0 for a in analyses),
                           deltas(scores), win, tie)


# --- fixed and introduced problems --------------------------------------------------------------

def _change(f: Finding) -> Change:
    return Change(f.rule, f.dimension, f.severity, f.match, f.message, f.points, f.start, f.end)


def _problems_by_rule(findings: tuple[Finding, ...]) -> dict[str, list[Finding]]:
    grouped: dict[str, list[Finding]] = {}
    for f in findings:
        if f.effect == "hurts":
            grouped.setdefault(f.rule, []).append(f)
    return grouped


def _key(f: Finding) -> str:
    return " ".join(f.match.lower().split())


def _unpaired(mine: list[Finding], theirs: list[Finding]) -> list[Finding]:
    """Occurrences of one rule in `mine` left over after pairing with `theirs`.

    Occurrences with the same match text pair first; the rest pair in order, so only a rule that
    fires more often in `mine` leaves occurrences over (preferring those whose words are gone).
    """
    others = [_key(f) for f in theirs]
    leftover = []
    for f in mine:
        if _key(f) in others:
            others.remove(_key(f))
        else:
            leftover.append(f)
    spare = len(others)  # occurrences in `theirs` with other words absorb as many of the leftover
    return leftover[spare:] if spare < len(leftover) else []


def changes(base: tuple[Finding, ...], variant: tuple[Finding, ...]) -> tuple[tuple[Change, ...], tuple[Change, ...]]:
    """(fixed, introduced): problems of `base` gone from `variant`, and new problems in `variant`."""
    a, b = _problems_by_rule(base), _problems_by_rule(variant)
    fixed = [f for rule, found in a.items() for f in _unpaired(found, b.get(rule, []))]
    introduced = [f for rule, found in b.items() for f in _unpaired(found, a.get(rule, []))]
    order = lambda f: (f.start is None, f.start or 0, f.rule)  # noqa: E731
    return (tuple(_change(f) for f in sorted(fixed, key=order)),
            tuple(_change(f) for f in sorted(introduced, key=order)))


# --- word diff ----------------------------------------------------------------------------------

_TOKEN = re.compile(r"\s+|[\w'’-]+\s*|[^\w\s]+\s*")


def word_tokens(text: str) -> list[str]:
    """Words and punctuation, each with the whitespace after it (leading whitespace on its own)."""
    return _TOKEN.findall(text)


def _common_ends(ka: list[str], kb: list[str]) -> tuple[int, int]:
    """Lengths of the common prefix and of the common suffix (not overlapping the prefix)."""
    limit = min(len(ka), len(kb))
    prefix = 0
    while prefix < limit and ka[prefix] == kb[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and ka[-1 - suffix] == kb[-1 - suffix]:
        suffix += 1
    return prefix, suffix


class _OverBudget(Exception):
    pass


class _BoundedMatcher(difflib.SequenceMatcher):
    """difflib's matcher that gives up (_OverBudget) after about `budget` steps of its inner loop.

    find_longest_match walks, for every word of a in the range, all positions of that word in b;
    prefix sums of those counts give the cost of each call before it is made.
    """

    def __init__(self, a: list[str], b: list[str], budget: int):
        super().__init__(None, a, b, autojunk=False)
        self._cost = list(accumulate((len(self.b2j.get(word, ())) for word in a), initial=0))
        self._left = budget

    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None):
        ahi = len(self.a) if ahi is None else ahi
        self._left -= self._cost[ahi] - self._cost[alo] + 1
        if self._left < 0:
            raise _OverBudget
        return super().find_longest_match(alo, ahi, blo, bhi)


def diff_opcodes(ka: list[str], kb: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib opcodes, bounded in time: the common start and end are cut off first; a middle
    that would take more than DIFF_BUDGET steps is reported as one replacement."""
    prefix, suffix = _common_ends(ka, kb)
    a_end, b_end = len(ka) - suffix, len(kb) - suffix
    codes = [("equal", 0, prefix, 0, prefix)] if prefix else []
    try:
        matcher = _BoundedMatcher(ka[prefix:a_end], kb[prefix:b_end], DIFF_BUDGET)
        codes += [(tag, i1 + prefix, i2 + prefix, j1 + prefix, j2 + prefix)
                  for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
    except _OverBudget:
        codes.append(("replace", prefix, a_end, prefix, b_end))
    if suffix:
        codes.append(("equal", a_end, len(ka), b_end, len(kb)))
    return codes


def word_diff(a: str, b: str) -> WordDiff:
    """A word-level diff from text a to text b; whitespace-only differences count as equal."""
    ta, tb = word_tokens(a), word_tokens(b)
    ka, kb = [t.strip() for t in ta], [t.strip() for t in tb]
    ops = []
    for tag, i1, i2, j1, j2 in diff_opcodes(ka, kb):
        ops.append(DiffOp(tag, tuple(w for w in ka[i1:i2] if w), tuple(w for w in kb[j1:j2] if w),
                          "".join(ta[i1:i2]), "".join(tb[j1:j2])))
    return WordDiff(tuple(ops))


# --- the comparison -----------------------------------------------------------------------------

Analyzer = Callable[[str, dict[str, float] | None], Analysis]


def _default_analyzer(text: str, shares: dict[str, float] | None) -> Analysis:
    return analyze(text, shares=shares)


def _analyze(name: str, text: str, shares: dict[str, float] | None, analyzer: Analyzer) -> Analysis:
    try:
        return analyzer(text, shares)
    except TextTooLong as err:
        raise CompareError(f"{name}: {err}") from None


def compare(variants: list[tuple[str, str]], shares: dict[str, float] | None = None,
            analyzer: Analyzer | None = None) -> Comparison:
    """Analyse 2-4 named letter texts and compare each with the first (A).

    `shares` overrides the segments' population shares (as in outreach.analyze); invalid shares
    raise outreach.segments.SegmentModelError, other invalid input CompareError (both Dutch).
    `analyzer(text, shares)` replaces outreach.analyze, e.g. by a cached one in the app, so an
    unchanged variant is not analysed again.
    """
    check_variants(variants)
    names = tuple(name for name, _ in variants)
    texts = tuple(text for _, text in variants)
    run = analyzer or _default_analyzer
    analyses = tuple(_analyze(name, text, shares, run) for name, text in variants)
    fixed, introduced, diffs = {names[0]: ()}, {names[0]: ()}, {}
    for name, text, analysis in zip(names[1:], texts[1:], analyses[1:]):
        fixed[name], introduced[name] = changes(analyses[0].findings, analysis.findings)
        diffs[name] = word_diff(texts[0], text)
    return Comparison(names, texts, analyses, compare_segments(names, analyses),
                      compare_reach(names, analyses), fixed, introduced, diffs)
