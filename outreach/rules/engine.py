"""Apply rules to a parsed letter and turn matches into findings."""
from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from outreach.records import direct_constructor
from outreach.rules.kinds import registry
from outreach.rules.loader import FACT_NAME, Language, RuleBook
from outreach.rules.prefilter import pattern_set
from outreach.rules.schema import Matcher, Rule
from outreach.rules.terms import Hit, dedupe, find_patterns, find_terms, term_set
from outreach.text.address import address_form, to_je
from outreach.text import words as word_data
from outreach.text.document import Document, Sentence, Token
from outreach.text.metrics import document_metrics, is_plain_word, word_metric_values
from outreach.text.spans import find_spans


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    dimension: str
    severity: str
    start: int | None
    end: int | None
    match: str
    message: str
    suggestions: tuple[str, ...]
    points: float
    effect: str  # "hurts" or "helps"
    why: str = ""
    # False when the reading is uncertain: a condition whose consequence the lexicon cannot
    # place, or a problem the letter itself denies elsewhere. Only confident findings may cap a
    # segment's score (see segments/reception.py).
    confident: bool = True

    def to_dict(self) -> dict:
        return {
            "rule": self.rule, "dimension": self.dimension, "severity": self.severity,
            "start": self.start, "end": self.end, "match": self.match, "message": self.message,
            "suggestions": list(self.suggestions), "points": self.points, "effect": self.effect,
            "why": self.why, "confident": self.confident,
        }


_FINDING_FIELDS = tuple(f.name for f in dataclasses.fields(Finding))
_finding = direct_constructor(Finding)  # Finding(...) at about half the cost: a letter makes ~60


def replaced(finding: Finding, **changes: object) -> Finding:
    """dataclasses.replace(finding, **changes) through _finding (replace costs ~3 µs)."""
    values = [getattr(finding, name) for name in _FINDING_FIELDS]
    for name, value in changes.items():
        values[_FINDING_FIELDS.index(name)] = value
    return _finding(*values)


@lru_cache(maxsize=4096)
def matcher_of(terms: tuple[str, ...] = (), patterns: tuple[str, ...] = ()) -> Matcher:
    """Matcher(terms, patterns), kept: a matcher made for one term or fact hashes all its terms
    and patterns when it is built, and the same few are made again in every letter."""
    return Matcher(terms, patterns)


LIST_REACH = 6  # words back from a list item to the negator before the list


class Context:
    """One letter plus what every rule needs from it, computed once."""

    def __init__(self, doc: Document, language: Language, book: RuleBook | None = None,
                 variables: dict[str, str] | None = None):
        self.doc = doc
        self.language = language
        self.variables = variables or {}  # the active scenario's variables, for suggestions
        self.lowered = doc.plain.lower()
        self._metrics: dict[str, float] | None = None
        # One pass over the tokens finds every term of every rule (or of one rule, for examples).
        self._index = term_set(book.terms, doc.language) if book is not None else None
        # One pass of google-re2 tells which of the book's patterns can match this letter at all.
        self._prefilter = pattern_set(book.patterns) if book is not None else None
        self._ruled_out: frozenset[str] | None = None
        self._term_hits: dict[str, list[Hit]] | None = None
        self._cache: dict[tuple, list[Hit]] = {}
        self._matches: dict[tuple, list[Hit]] = {}
        self._pattern_cache: dict = {}
        self._spans: dict[str, list[tuple[int, int]]] = {}
        self._word_values: dict[tuple[str, frozenset[str]], list[tuple[Token, float]]] = {}
        self._plain_words: dict[frozenset[str], list[Token]] = {}
        self._sentences: dict[frozenset[str], list[Sentence]] = {}
        self._filled: dict[str, str] = {}
        self._facts: dict[str, str] = {}
        self._alternatives: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._outside: dict[frozenset[str], tuple[list[int], list[int]]] = {}
        self._sentence_negations: list[Hit] | None = None
        self._negated: dict[Hit, bool] = {}
        self._form: str | None = None

    def spans(self, kind: str) -> list[tuple[int, int]]:
        """Names or amount lines of the letter (outreach/text/spans.py), found once."""
        if kind not in self._spans:
            self._spans[kind] = find_spans(self.doc, kind)
        return self._spans[kind]

    @property
    def form(self) -> str:
        """The letter's form of address: "u" or "je"."""
        if self._form is None:
            self._form = address_form(self.doc)
        return self._form

    @property
    def metrics(self) -> dict[str, float]:
        if self._metrics is None:
            self._metrics = document_metrics(self.doc)
        return self._metrics

    def sentences(self, parts: frozenset[str]) -> list[Sentence]:
        """Sentences with words in these parts (the body when no parts are given), chosen once
        per letter for all the rules on those parts."""
        if parts not in self._sentences:
            chosen = [s for s in self.doc.sentences if s.part in parts] if parts else self.doc.body_sentences
            self._sentences[parts] = [s for s in chosen if s.words]
        return self._sentences[parts]

    def word_values(self, metric: str, parts: frozenset[str]) -> list[tuple[Token, float]]:
        """(word, value) for every plain word in these parts; shared by rules on one metric."""
        key = (metric, parts)
        if key not in self._word_values:
            if parts not in self._plain_words:  # one pass over the words for all word metrics
                self._plain_words[parts] = [
                    token for sentence in self.sentences(parts)
                    for position, token in enumerate(sentence.words) if is_plain_word(token, position == 0)]
            plain = self._plain_words[parts]
            self._word_values[key] = list(zip(plain, word_metric_values(metric, plain, self.doc.language)))
        return self._word_values[key]

    def ranges(self, parts: frozenset[str]) -> list[tuple[int, int]]:
        if not parts:
            return [(0, len(self.doc.text))]
        return [(p.start, p.end) for p in self.doc.parts if p.name in parts]

    def _terms(self, terms: tuple[str, ...], term_set: frozenset[str] | None = None) -> list[Hit]:
        """Every hit of these terms (`term_set`: the same as a set, when the caller has one)."""
        if self._index is None:
            return find_terms(terms, self.doc.tokens, self.doc.language)
        if self._term_hits is None:
            self._term_hits = self._index.find_all(self.doc.tokens, word_data.rows(self.doc.language))
        found = self._term_hits
        if found.keys().isdisjoint(terms if term_set is None else term_set):
            return []  # most matchers: none of their terms is in the letter
        return [hit for term in terms for hit in found.get(term, ())]

    def occurring(self, terms: tuple[str, ...]) -> set[str] | tuple[str, ...]:
        """Those of these terms of the rule book that match anywhere in the letter (before any
        filter); all of them when there is no index to ask."""
        if self._index is None:
            return terms
        self._terms(())  # finds every term of the book once
        return self._term_hits.keys() & terms

    def negated(self, hit: Hit) -> bool:
        """Does a negator reach the match? Near it in the same clause, in a gap inside it, or a
        sentence-wide negation before it ("niets te maken met ..."). See language.toml."""
        # Rules that share terms but not their exceptions ask again for the same hit (~40%).
        if hit not in self._negated:
            self._negated[hit] = self._negated_now(hit)
        return self._negated[hit]

    def _negated_now(self, hit: Hit) -> bool:
        tokens = self.doc.tokens
        first, last = hit.first, hit.last
        if first < 0 or not tokens:
            return False
        lang = self.language
        negators = lang.negators  # tested first: most words near a match are no negator
        clauses = (tokens[first].clause, tokens[last].clause)
        for token in tokens[max(0, first - lang.window_before):first]:
            if token.lower in negators and self._negates(token, hit, clauses) and self._reaches_forward(token, hit):
                return True
        for token in tokens[last + 1:last + 1 + lang.window_after]:
            if token.lower in lang.scope_breaks or token.lower in lang.list_words:
                break  # "gratis en niet verplicht": the negation belongs to what follows
            if token.lower in negators and self._negates(token, hit, clauses) \
                    and token.lower not in lang.narrow_negators:
                return True
        if any(self._negates(tokens[i], hit, clauses) and self._reaches_forward(tokens[i], hit)
               for i in hit.gaps):
            return True
        return self._sentence_negated(hit) or self._list_negated(hit)

    def _list_negated(self, hit: Hit) -> bool:
        """"geen" before a comma list reaches all its items: "geen incassokosten, boetes of
        deurwaarders". The match must be a list item (next to "en"/"of"); only words and commas
        may stand between, no "maar" or "als", and the "geen" may not stand in a condition."""
        tokens, lang = self.doc.tokens, self.language
        before = tokens[hit.first - 1].lower if hit.first else ""
        after = tokens[hit.last + 1].lower if hit.last + 1 < len(tokens) else ""
        if before not in lang.list_words and after not in lang.list_words:
            return False
        sentence = tokens[hit.first].sentence
        for i in range(hit.first - 1, max(-1, hit.first - LIST_REACH - 1), -1):
            token = tokens[i]
            if token.sentence != sentence or token.lower in lang.scope_breaks:
                return False
            gap = self.doc.text[token.end:tokens[i + 1].start]
            if gap.strip() not in ("", ","):
                return False
            if token.lower in lang.list_negators:
                # Not in a condition: "Als u geen reactie stuurt, volgen boetes of beslag."
                clause = [t for t in tokens[max(0, i - 8):i] if t.clause == token.clause]
                return not any(t.lower in lang.scope_breaks for t in clause)
        return False

    def _negates(self, token: Token, hit: Hit, clauses: tuple[int, int]) -> bool:
        """A negator in the match's clause that is not part of "niet alleen ... maar ook"."""
        lang = self.language
        if token.lower not in lang.negators or token.clause not in clauses:
            return False
        following = tuple(t.lower for t in self.doc.tokens[token.index:token.index + 4])
        phrase = next((p for p in lang.not_negating if following[:len(p)] == p), None)
        # "niet alleen ... maar ook" does not negate, unless it reaches into the match.
        return phrase is None or (token.index <= hit.last and token.index + len(phrase) - 1 >= hit.first)

    def _reaches_forward(self, token: Token, hit: Hit) -> bool:
        """A narrow negator ("zonder") reaches only its own object (after small words such as
        "een"), which must be a word of the match itself, or a whole clause ("zonder dat ...")."""
        lang, tokens = self.language, self.doc.tokens
        if token.lower not in lang.narrow_negators:
            return True
        j = token.index + 1
        while j < len(tokens) and tokens[j].lower in lang.narrow_skip:
            j += 1
        if j < len(tokens) and tokens[j].lower in lang.narrow_clause:
            return True
        return hit.first <= j <= hit.last and j not in hit.gaps

    def _sentence_negated(self, hit: Hit) -> bool:
        if self._sentence_negations is None:
            terms = self.language.sentence_negations
            self._sentence_negations = self._terms(terms) if terms else []
        tokens = self.doc.tokens
        sentence = tokens[hit.first].sentence
        for negation in self._sentence_negations:
            if negation.last < hit.first and tokens[negation.last].sentence == sentence and not any(
                    t.lower in self.language.scope_breaks for t in tokens[negation.last + 1:hit.first]):
                return True
        return False

    def matches(self, matcher: Matcher, parts: frozenset[str]) -> list[Hit]:
        """Hits of a matcher in these parts, deduplicated, before negation and exceptions."""
        key = (matcher.key, parts)
        if key in self._matches:
            return self._matches[key]
        ranges = self.ranges(parts)
        hits = self._terms(matcher.terms, matcher.term_set) if matcher.terms else []
        if parts:
            hits = [h for h in hits if any(lo <= h.start and h.end <= hi for lo, hi in ranges)]
        if matcher.patterns:
            patterns = matcher.patterns
            if self._prefilter is not None:
                if self._ruled_out is None:  # once per letter: the patterns RE2 says cannot match
                    self._ruled_out = self._prefilter.known - self._prefilter.candidates(self.doc.plain)
                patterns = [p for p in patterns if p not in self._ruled_out]
            if patterns:
                hits += find_patterns(patterns, self.doc, ranges, self.lowered, self._pattern_cache)
        hits = self._matches[key] = dedupe(hits) if hits else []
        return hits

    def _keeps(self, hit: Hit, negation: str, exceptions: Matcher) -> bool:
        """Does a hit survive the negation setting and lie outside the exception phrases?"""
        if negation == "skip" and self.negated(hit):
            return False
        if negation == "require" and not self.negated(hit):
            return False
        return not (exceptions and self.excepted(hit.start, hit.end, exceptions))

    def find(self, matcher: Matcher, parts: frozenset[str], negation: str,
             exceptions: Matcher = Matcher()) -> list[Hit]:
        """Hits of a matcher in these parts, after negation, outside the exception phrases."""
        key = (matcher.key, parts, negation, exceptions.key)
        if key not in self._cache:
            self._cache[key] = [h for h in self.matches(matcher, parts) if self._keeps(h, negation, exceptions)]
        return self._cache[key]

    def first(self, matcher: Matcher, parts: frozenset[str], negation: str,
              exceptions: Matcher = Matcher()) -> Hit | None:
        """find(...)[0], or None: negation and exceptions are checked only up to the first hit kept."""
        key = (matcher.key, parts, negation, exceptions.key)
        if key in self._cache:
            found = self._cache[key]
            return found[0] if found else None
        return next((h for h in self.matches(matcher, parts) if self._keeps(h, negation, exceptions)), None)

    def consequence(self, hit: Hit) -> str:
        """"sanction", "harmless" or "unclear": what the rest of the condition's sentence says
        (and the next sentence when it goes on with "Dan ..."). See consequences.toml."""
        lexicon = self.language.consequences
        if lexicon is None or hit.first < 0:
            return "sanction"
        sentences = self.doc.sentences
        index = self.doc.tokens[hit.first].sentence
        lo, hi = sentences[index].start, sentences[index].end
        if index + 1 < len(sentences) and sentences[index + 1].words and \
                sentences[index + 1].words[0].lower in lexicon.follow_words:
            hi = sentences[index + 1].end

        def near(found: list[Hit]) -> bool:
            return any(lo <= h.start and h.end <= hi and (h.end <= hit.start or h.start >= hit.end) for h in found)

        if near(self.find(lexicon.sanction, frozenset(), "skip")):
            return "sanction"
        if near(self.find(lexicon.harmless, frozenset(), "ignore")):
            return "harmless"
        return "unclear"

    def denied(self, hit: Hit, rule: Rule) -> bool:
        """Does the letter deny this problem elsewhere? A negated match of the same rule that
        shares a content word ("Er komt geen deurwaarder" ... "post van de deurwaarder")."""
        if hit.first < 0:
            return False
        negated = self.find(rule.params.match, rule.parts, "require", rule.exceptions)
        if not negated:
            return False
        tokens = self.doc.tokens
        words = {t.lemma for t in tokens[hit.first:hit.last + 1] if t.is_word and len(t.lower) >= 5}
        return any(t.lemma in words for other in negated for t in tokens[other.first:other.last + 1])

    def fact(self, name: str) -> str:
        """A fact for a suggestion: the scenario's variable, else the letter's own, else a
        visible placeholder (facts.toml)."""
        if name not in self._facts:  # several suggestions name the same fact
            self._facts[name] = self._find_fact(name)
        return self._facts[name]

    def _find_fact(self, name: str) -> str:
        fact = self.language.facts.get(name)
        if fact is None:
            return "{" + name + "}"
        for variable in fact.variables:
            value = str(self.variables.get(variable, "")).strip()
            if value:
                return value
        if fact.patterns:
            hits = self.find(matcher_of(patterns=fact.patterns), frozenset(), "ignore")
            if hits:
                return self.doc.text[hits[0].start:hits[0].end]
        return fact.placeholder

    def fill(self, text: str) -> str:
        if "{" not in text:
            return text
        if text not in self._filled:  # many findings share a suggestion: fill it once per letter
            self._filled[text] = FACT_NAME.sub(lambda m: self.fact(m.group(1)), text)
        return self._filled[text]

    def alternatives(self, suggestions: tuple[str, ...]) -> tuple[str, ...]:
        """Suggestions with their facts filled in, in the letter's form of address; once per letter
        for each set of suggestions (a rule's findings all share its own)."""
        if suggestions not in self._alternatives:
            filled = tuple(self.fill(a) for a in suggestions)
            if self.form == "je":  # a "je" letter gets its rewrites in "je", or following them would mix forms
                filled = tuple(to_je(a) for a in filled)
            self._alternatives[suggestions] = filled
        return self._alternatives[suggestions]

    def inside_spans(self, kinds: frozenset[str], start: int, end: int) -> bool:
        """Does [start, end) lie inside one of the spans of these kinds (names, amount lines)?"""
        if kinds not in self._outside:
            # Spans sorted by start, with the furthest end reached by any span up to each: a match
            # lies inside one iff the furthest end among the spans that start at or before it
            # reaches its end. One bisect per finding instead of a scan of every span.
            spans = sorted(span for kind in kinds for span in self.spans(kind))
            reach, furthest = [], -1
            for _, hi in spans:
                furthest = max(furthest, hi)
                reach.append(furthest)
            self._outside[kinds] = ([lo for lo, _ in spans], reach)
        starts, reach = self._outside[kinds]
        k = bisect.bisect_right(starts, start)
        return k > 0 and reach[k - 1] >= end

    def excepted(self, start: int, end: int, exceptions: Matcher) -> bool:
        """Does [start, end) lie inside one of the exception phrases?"""
        return any(e.start <= start and end <= e.end for e in self.find(exceptions, frozenset(), "ignore"))


def _format(template: str, match: str = "", suggestions: tuple[str, ...] = (), value: str = "") -> str:
    if "{" not in template:  # most messages name nothing of the match
        return template
    # Plain replacement, not str.format: pack files must not reach Python attributes.
    return (template.replace("{match}", match)
            .replace("{suggestions}", " / ".join(suggestions)).replace("{value}", value))


_QUOTED = re.compile(r"'([^']*)'")  # quote pairs in order, so text between two quotes stays as is


def _in_form(template: str, form: str) -> str:
    """The example sentences quoted in a message, in the letter's form of address."""
    if form != "je":
        return template
    return _QUOTED.sub(lambda m: m.group(0) if "{" in m.group(1) else "'" + to_je(m.group(1)) + "'", template)


def make_finding(rule: Rule, ctx: Context, hit: Hit | None, points: float, *, message: str | None = None,
             severity: str | None = None, suggestions: tuple[str, ...] | None = None,
             value: str = "", confident: bool = True) -> Finding:
    text = ctx.doc.text[hit.start:hit.end] if hit else ""
    alternatives = ctx.alternatives(rule.suggestions if suggestions is None else suggestions)
    message = _format(_in_form(message if message is not None else rule.message, ctx.form), text, alternatives, value)
    return _finding(
        rule.id, rule.dimension, severity or (rule.severity if points <= 0 else "info"),
        hit.start if hit else None, hit.end if hit else None, text, message,
        alternatives, points, "helps" if points > 0 else "hurts", rule.why, confident,
    )


def cap(findings: list[Finding], rule: Rule) -> list[Finding]:
    """Apply a rule's max_points: findings past the cap keep their place but count 0 points."""
    if rule.max_points is None or not findings:
        return findings
    capped, total = [], 0.0
    for f in sorted(findings, key=lambda f: (f.start is None, f.start or 0)):
        room = rule.max_points - total
        points = max(f.points, room) if rule.max_points < 0 else min(f.points, room)
        if (f.points < 0) != (rule.max_points < 0):
            points = f.points
        total += points
        capped.append(f if points == f.points else replaced(f, points=round(points, 2)))
    return capped


def _outside_spans(findings: list[Finding], rule: Rule, ctx: Context) -> list[Finding]:
    """Drop findings inside the stretches the rule ignores (names, amount lines)."""
    if not rule.ignore_in or not findings:
        return findings
    return [f for f in findings if f.start is None or not ctx.inside_spans(rule.ignore_in, f.start, f.end)]


def run_rule(rule: Rule, ctx: Context) -> list[Finding]:
    return cap(_outside_spans(registry()[rule.kind].run(rule, ctx), rule, ctx), rule)


def consistent(findings: list[Finding], book: RuleBook) -> list[Finding]:
    """Drop "the letter lacks X" where another rule found X (elements.toml): a letter that names
    its source never also hears that it does not say where the information came from. A problem
    the element eases (legally required sharing, explained) stays at half its points, like an
    unclear consequence, and no longer caps a segment."""
    present = {f.rule for f in findings if f.effect == "helps"}
    lacking = {rule for e in book.elements if e.has & present for rule in e.lacks}
    eased = {rule for e in book.elements if e.has & present for rule in e.eases}
    return [replaced(f, confident=False, points=round(f.points / 2, 2))
            if f.rule in eased and f.effect == "hurts" else f
            for f in findings if f.effect == "helps" or f.rule not in lacking]


def run(book: RuleBook, ctx: Context) -> list[Finding]:
    """All findings of all rules, sorted by position (document-level findings last)."""
    findings = consistent([f for rule in book.rules for f in run_rule(rule, ctx)], book)
    return sorted(findings, key=lambda f: (f.start is None, f.start or 0, f.end or 0, f.rule))
