"""advise(): the changes that would help a letter most, each measured by analysing it again.

No effect is estimated: every candidate edit (candidates.py) is applied and the letter analysed
anew, so a fix reports exactly what the simulator will show once it is made.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from outreach import languages
from outreach.advice.candidates import Candidate, candidates
from outreach.advice.model import load_advice
from outreach.analysis import Analysis, analyze
from outreach.dimensions import score_all
from outreach.formatting import number
from outreach.messages import msg
from outreach.rules.engine import Context, Finding, run
from outreach.rules.loader import load_rulebook
from outreach.scenarios import Scenario, load_catalogue
from outreach.segments import load_model, receive
from outreach.segments.model import VERDICTS
from outreach.text.document import parse

BEST_ALREADY = msg("advice.best_already")
MAX_PLAN_STEPS = 12
SHORTLIST_MARGIN = 3  # advise(limit=N) measures the N + 3 candidates the quick guess rates best
MAX_MEASURED = 80     # at most this many candidates are measured (the best guessed), whatever the limit
MAX_ADVICE_CHARS = 30_000  # about fifteen pages: each candidate costs a full analysis of the letter
TOO_LONG = "advice.too_long"  # message id
_RANK = {v: i for i, v in enumerate(reversed(VERDICTS))}  # turns_away 0, doubtful 1, lands_well 2


def _delta(after: float, before: float) -> float:
    return round(after - before, 2)


def points(value: float) -> str:
    """A score change for the page: "+12", and "+0,4" for a small one (never a bare "+0")."""
    return number(value, digits=0 if abs(value) >= 1 else 1, signed=True)


def describe_effect(effect: dict) -> str:
    """"+12 bereik; Voorzichtige Verbinders van Twijfel naar Komt goed aan" (from Effect.to_dict())."""
    parts = [msg("advice.effect_reach", points=points(effect["reach"]))]
    parts += [msg("advice.effect_verdict", name=c["name"], before=c["from_label"], after=c["to_label"])
              for c in effect["verdict_changes"]]
    return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class VerdictChange:
    segment: str
    name: str
    before: str
    after: str
    before_label: str
    after_label: str

    @property
    def up(self) -> bool:
        return _RANK[self.after] > _RANK[self.before]

    def to_dict(self) -> dict:
        return {"segment": self.segment, "name": self.name, "from": self.before, "to": self.after,
                "from_label": self.before_label, "to_label": self.after_label}


@dataclass(frozen=True, slots=True)
class Effect:
    reach: float
    segments: dict[str, float]
    dimensions: dict[str, float]
    verdict_changes: tuple[VerdictChange, ...]

    @classmethod
    def between(cls, before: Analysis, after: Analysis) -> Effect:
        changes = tuple(
            VerdictChange(sid, r.name, r.verdict, after.segments[sid].verdict, r.verdict_label,
                          after.segments[sid].verdict_label)
            for sid, r in before.segments.items() if after.segments[sid].verdict != r.verdict)
        return cls(
            reach=_delta(after.reach.score, before.reach.score),
            segments={sid: _delta(after.segments[sid].score, r.score) for sid, r in before.segments.items()},
            dimensions={d: _delta(after.dimensions[d].score, s.score) for d, s in before.dimensions.items()},
            verdict_changes=changes)

    def gain(self, segment: str | None = None) -> float:
        return self.segments[segment] if segment else self.reach

    def describe(self) -> str:
        return describe_effect(self.to_dict())

    def to_dict(self) -> dict:
        return {"reach": self.reach, "segments": dict(self.segments), "dimensions": dict(self.dimensions),
                "verdict_changes": [c.to_dict() for c in self.verdict_changes]}


@dataclass(frozen=True, slots=True)
class Fix:
    kind: str
    start: int
    end: int
    replacement: str
    reason: str
    rules: tuple[str, ...]
    effect: Effect
    original: str = ""  # the text the fix replaces or removes

    def apply(self, text: str) -> str:
        return text[:self.start] + self.replacement + text[self.end:]

    def to_dict(self) -> dict:
        return {"kind": self.kind, "start": self.start, "end": self.end, "replacement": self.replacement,
                "original": self.original, "reason": self.reason, "rules": list(self.rules),
                "effect": self.effect.to_dict()}


@dataclass(frozen=True, slots=True)
class Plan:
    """The fewest changes (greedy) that move one segment up one verdict, or (beat) past a rival's score."""
    segment: str
    name: str
    goal: str              # the verdict to reach, or "beat"
    goal_label: str        # that verdict's label, or the rival's score to pass
    fixes: tuple[Fix, ...]  # offsets into the original letter; effects step by step
    reached: bool
    text: str               # the letter with these fixes applied

    def to_dict(self) -> dict:
        return {"segment": self.segment, "name": self.name, "goal": self.goal, "goal_label": self.goal_label,
                "reached": self.reached, "fixes": [f.to_dict() for f in self.fixes]}


@dataclass(frozen=True, slots=True)
class Advice:
    analysis: Analysis
    fixes: tuple[Fix, ...]           # helping ones, best first
    segment: str | None = None       # the segment the ranking is for; None: reach
    plans: dict[str, Plan] = field(default_factory=dict)
    notice: str = ""                 # why no changes were tried (a text too long), else ""

    @property
    def best_already(self) -> bool:
        return not self.fixes and not self.notice

    @property
    def message(self) -> str:
        return self.notice or (BEST_ALREADY if self.best_already else "")

    def to_dict(self) -> dict:
        return {"segment": self.segment, "best_already": self.best_already, "message": self.message,
                "fixes": [f.to_dict() for f in self.fixes],
                "plans": {sid: p.to_dict() for sid, p in self.plans.items()}}


def scenario_variables(scenario: str | Scenario | dict | None) -> dict[str, str]:
    if scenario is None:
        return {}
    if isinstance(scenario, dict):
        return {str(k): str(v) for k, v in scenario.items()}
    if isinstance(scenario, str):
        scenario = load_catalogue().get(scenario)
    return dict(scenario.variables)


@lru_cache(maxsize=512)
def _own_findings(replacement: str, lang: str, packs: tuple[str, ...] = ()) -> tuple[Finding, ...]:
    """What the rules find in an inserted or replacing text on its own (spans only)."""
    book = load_rulebook(lang, packs)
    found = run(book, Context(parse(replacement.strip(), lang), book.language, book))
    return tuple(f for f in found if f.start is not None)


def _estimate(candidate: Candidate, before: Analysis, book, model, shares, segment: str | None,
              packs: tuple[str, ...] = ()) -> float:
    """A quick guess of what a candidate does, only to choose which candidates to measure: the
    findings inside the edited span go, what the rules find in the new text alone comes in."""
    lo, hi = candidate.start, candidate.end
    findings = [f for f in before.findings
                if not (f.start is not None and lo <= f.start and f.end <= hi and lo < hi)]
    if candidate.replacement.strip():
        added = _own_findings(candidate.replacement, before.lang, packs)
        supplied = {f.rule for f in added if f.effect == "helps"}
        findings = [f for f in findings if not (f.start is None and f.rule in supplied)] + list(added)
    dimensions = score_all(book, findings)
    segments, reach = receive(model, dimensions, tuple(findings), shares)
    return segments[segment].score if segment else reach.score


def _measurer(before: Analysis, lang: str, shares, variables, packs: tuple[str, ...] = ()) -> Callable[[str], Analysis]:
    """analyze with these settings, each distinct letter once (a plan meets the same text again)."""
    cache: dict[str, Analysis] = {before.text: before}

    def measure(letter: str) -> Analysis:
        if letter not in cache:
            cache[letter] = analyze(letter, lang, shares, variables, packs)
        return cache[letter]
    return measure


def _scored(candidate: Candidate, text: str, before: Analysis, measure) -> Fix:
    return Fix(candidate.kind, candidate.start, candidate.end, candidate.replacement, candidate.reason,
               candidate.rules, Effect.between(before, measure(candidate.apply(text))),
               text[candidate.start:candidate.end])


def _shift(fix: Fix, applied: list[Fix]) -> Fix | None:
    """The fix moved to the text after `applied` (edits of the original letter); None if it overlaps."""
    start, end = fix.start, fix.end
    for done in applied:
        if done.start < fix.end and fix.start < done.end:
            return None
        if done.end <= fix.start:
            moved = len(done.replacement) - (done.end - done.start)
            start, end = start + moved, end + moved
    return Fix(fix.kind, start, end, fix.replacement, fix.reason, fix.rules, fix.effect, fix.original)


def _greedy(segment: str, text: str, before: Analysis, ranked: list[Fix], measure,
            done: Callable[[Analysis], bool]) -> tuple[tuple[Fix, ...], Analysis, str]:
    """Take the fixes in order of what they do for this segment, keep each that raises its score
    (measured on the letter as it is by then), stop when `done`. Steps keep the original offsets."""
    applied: list[Fix] = []
    steps: list[Fix] = []
    now, letter = before, text
    for fix in sorted(ranked, key=lambda f: -f.effect.segments[segment]):
        if len(steps) >= MAX_PLAN_STEPS or done(now) or fix.effect.segments[segment] <= 0:
            break
        moved = _shift(fix, applied)
        if moved is None:
            continue
        candidate = moved.apply(letter)
        after = measure(candidate)
        effect = Effect.between(now, after)
        if effect.segments[segment] <= 0:
            continue
        applied.append(fix)
        steps.append(Fix(fix.kind, fix.start, fix.end, fix.replacement, fix.reason, fix.rules, effect,
                         fix.original))
        now, letter = after, candidate
    return tuple(steps), now, letter


def _plan(segment: str, text: str, before: Analysis, ranked: list[Fix], measure) -> Plan | None:
    """The fewest changes (greedy) that move this segment up one verdict; None when it lands well."""
    current = before.segments[segment]
    if current.verdict == "lands_well":
        return None
    goal = VERDICTS[VERDICTS.index(current.verdict) - 1]
    steps, now, letter = _greedy(segment, text, before, ranked, measure,
                                 lambda a: _RANK[a.segments[segment].verdict] >= _RANK[goal])
    reached = _RANK[now.segments[segment].verdict] >= _RANK[goal]
    return Plan(segment, current.name, goal, load_model(before.lang).labels[goal], steps, reached, letter)


def advise(text: str, scenario: str | Scenario | dict | None = None, shares: dict[str, float] | None = None,
           segment: str | None = None, lang: str = languages.DEFAULT, plans: bool = True, limit: int | None = None,
           analysis: Analysis | None = None, packs: tuple[str, ...] = ()) -> Advice:
    """The candidate changes for a letter, each with its measured effect, best first.

    `scenario`: a scenario id (or Scenario, or its variables): inserted sentences name its facts.
    `segment`: rank by that segment's score instead of the reach. `plans`: also work out, per
    segment that does not yet land well, the fewest changes that move it up one verdict.
    `limit`: measure only the `limit + SHORTLIST_MARGIN` candidates a quick guess (_estimate)
    rates best, and return at most `limit` fixes: fast enough for the app. Every effect reported
    is still measured; only which candidates get measured is guessed. None measures them all (up
    to MAX_MEASURED). Over MAX_ADVICE_CHARS nothing is tried and `notice` says why.
    `analysis`: the letter's analysis with these shares, variables and packs, when the caller has it.
    `packs`: organisation folders stacked on the built-in rules (as in `analyze`): every change is
    measured with the same rules the letter was analysed with.
    """
    packs = tuple(packs)
    variables = scenario_variables(scenario)
    model = load_model(lang)
    if segment is not None and segment not in model.ids:
        raise ValueError(msg("cli.segment_unknown", name=segment, known=", ".join(model.ids)))
    before = analysis if analysis is not None and analysis.text == text else analyze(text, lang, shares, variables, packs)
    if before.empty:
        return Advice(before, (), segment)
    if len(text) > MAX_ADVICE_CHARS:
        return Advice(before, (), segment, notice=msg(TOO_LONG, limit=f"{MAX_ADVICE_CHARS:,}".replace(",", ".")))
    measure = _measurer(before, lang, shares, variables, packs)
    book = load_rulebook(lang, packs)
    ctx = Context(parse(text, lang), book.language, book, variables)
    found = candidates(load_advice(lang), ctx, before.findings,
                       frozenset(r.id for r in book.rules if r.kind == "substitution"))
    measured = MAX_MEASURED if limit is None else min(MAX_MEASURED, limit + SHORTLIST_MARGIN)
    if len(found) > measured:
        guess = {c: _estimate(c, before, book, model, shares, segment, packs) for c in found}
        found = sorted(found, key=lambda c: -guess[c])[:measured]
    scored = [_scored(c, text, before, measure) for c in found]
    ranked = sorted(scored, key=lambda f: (-f.effect.gain(segment), -f.effect.reach, f.start, f.end, f.kind))
    helping = tuple(f for f in ranked if f.effect.gain(segment) > 0)[:limit]
    made = {}
    if plans:
        for sid in model.ids:
            plan = _plan(sid, text, before, scored, measure)
            if plan is not None:
                made[sid] = plan
    return Advice(before, helping, segment, made)


def apply_fixes(text: str, count: int, scenario: str | Scenario | dict | None = None,
                shares: dict[str, float] | None = None, segment: str | None = None,
                lang: str = languages.DEFAULT, packs: tuple[str, ...] = ()) -> tuple[str, list[Fix], str]:
    """The letter with the best fix applied `count` times, ranking again after each; the fixes
    made; and why it stopped early ("" when it made all `count`)."""
    applied: list[Fix] = []
    for _ in range(count):
        advice = advise(text, scenario, shares, segment, lang, plans=False, packs=packs)
        if not advice.fixes:
            return text, applied, advice.message
        applied.append(advice.fixes[0])
        text = advice.fixes[0].apply(text)
    return text, applied, ""


def beat(text: str, rival: str, segment: str, scenario: str | Scenario | dict | None = None,
         shares: dict[str, float] | None = None, lang: str = languages.DEFAULT, packs: tuple[str, ...] = ()) -> Plan:
    """What would make `text` (variant B) beat `rival` (A) for one segment: the fewest changes
    (greedy, each measured) until B's score for that segment is above A's. `goal_label` names
    the score to pass; `reached` is False when the changes this tool knows do not get there."""
    variables = scenario_variables(scenario)
    target = analyze(rival, lang, shares, variables, packs).segments[segment].score
    advice = advise(text, variables, shares, segment, lang, plans=False, packs=packs)
    before = advice.analysis
    if before.empty or advice.notice:
        return Plan(segment, before.segments[segment].name, "beat", number(target), (), False, text)
    measure = _measurer(before, lang, shares, variables, packs)
    steps, now, letter = _greedy(segment, text, before, list(advice.fixes), measure,
                                 lambda a: a.segments[segment].score > target)
    return Plan(segment, before.segments[segment].name, "beat", number(target), steps,
                now.segments[segment].score > target, letter)
