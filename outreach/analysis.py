"""analyze(): one letter in; findings, metrics, dimension scores and reception per segment out."""
from __future__ import annotations

import gc
from dataclasses import dataclass, field

from outreach import languages
from outreach.dimensions import DimensionScore, empty_scores, score_all
from outreach.letters import MAX_CHARS
from outreach.messages import msg
from outreach.rules.engine import Context, Finding, run
from outreach.rules.loader import load_rulebook
from outreach.segments import Reach, Reception, load_model, receive
from outreach.text.document import Part, parse
from outreach.text.language import looks_foreign
from outreach.text.metrics import DOCUMENT_METRICS

EMPTY_NOTICE = msg("analysis.empty")


class TextTooLong(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Analysis:
    text: str
    lang: str
    metrics: dict[str, float]
    dimensions: dict[str, DimensionScore]
    findings: tuple[Finding, ...]
    segments: dict[str, Reception] = field(default_factory=dict)
    reach: Reach | None = None
    parts: tuple[Part, ...] = ()
    notice: str = ""
    foreign: bool = False  # the letter does not look written in its language: scores say little (see notice)

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    def to_dict(self, file: str | None = None) -> dict:
        return {
            "file": file,
            "lang": self.lang,
            "empty": self.empty,
            "notice": self.notice,
            "foreign": self.foreign,
            "metrics": dict(self.metrics),
            "dimensions": {name: d.to_dict() for name, d in self.dimensions.items()},
            "findings": [f.to_dict() for f in self.findings],
            "segments": {sid: r.to_dict() for sid, r in self.segments.items()},
            "reach": self.reach.to_dict() if self.reach else None,
            "parts": [{"name": p.name, "start": p.start, "end": p.end} for p in self.parts],
        }


SAMPLE_LETTER = "sample_letter.txt"  # in the language's folder: a typical letter, for warm()


def clear_word_caches(lang: str = languages.DEFAULT) -> None:
    """Empty every per-word cache of the engine, so the next letter starts with no word seen (the
    benchmarks' cold mode; tests of the precomputed word data). The word data itself stays loaded."""
    from outreach.rules.terms import term_set
    from outreach.text import document, frequency, language, lemmas, metrics, participles, syllables

    for cached in (lemmas.lemma, frequency.familiarity, syllables.syllables, language._foreign,
                   participles.is_participle):
        cached.cache_clear()
    metrics.clear_facts()
    document.clear_word_infos()
    term_set(load_rulebook(lang).terms, lang).clear_word_cache()


def warm(lang: str = languages.DEFAULT, packs: tuple[str, ...] = ()) -> None:
    """Load everything an analysis needs before the first real letter comes in: the rule book (with
    every pattern compiled), the segment model and the word data, by analysing the language's
    sample letter (outreach/languages/<code>/sample_letter.txt; without one, the data loads with
    the first letter). The app, its advice workers and `check` on many letters call this."""
    from outreach.rules.terms import compile_pattern, required_literals

    book = load_rulebook(lang, packs)
    for pattern in book.patterns:  # compiled on first use otherwise: ~1 ms each, in some letter
        compile_pattern(pattern)
        required_literals(pattern)
    path = languages.get(lang).file(SAMPLE_LETTER)
    analyze(path.read_text(encoding="utf-8") if path.is_file() else "", lang, packs=packs)
    _freeze_loaded()


def _freeze_loaded() -> None:
    """What is loaded now lives as long as the process (rule book, segment model, word data): out
    of the cyclic garbage collector's sight, so its full collections never walk it again (they
    took ~4% of an analysis, in bursts) nor touch its pages in a worker forked from here. The
    garbage of loading is collected first, so it is not kept for good."""
    gc.collect()
    gc.freeze()


def analyze(text: str, lang: str = languages.DEFAULT, shares: dict[str, float] | None = None,
            variables: dict[str, str] | None = None, packs: tuple[str, ...] = ()) -> Analysis:
    """Analyse one letter. Pure: the same text (and shares, variables) always give the same result.

    `shares` overrides the segments' population shares (percent per segment id, summing to 100).
    `variables` are the active scenario's variables: suggestions name its facts (facts.toml).
    `packs` are organisation folders stacked on the built-in rule packs (outreach/rules/stack.py);
    their shares are the default when `shares` is not given.
    `lang` is a registered language (outreach/languages/).
    Raises TextTooLong over MAX_CHARS characters, SegmentModelError for invalid shares.
    """
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if len(text) > MAX_CHARS:
        raise TextTooLong(msg("analysis.too_long", length=len(text), limit=MAX_CHARS))
    book = load_rulebook(lang, packs)
    model = load_model(lang)
    if shares is None:
        shares = book.shares
    if not text.strip():
        dimensions = empty_scores(book)
        segments, reach = receive(model, dimensions, (), shares)
        return Analysis(text, lang, {m: 0.0 for m in DOCUMENT_METRICS}, dimensions, (), segments, reach,
                        notice=EMPTY_NOTICE)
    language = languages.get(lang)
    doc = parse(text, language)
    ctx = Context(doc, book.language, book, variables)
    findings = tuple(run(book, ctx))
    dimensions = score_all(book, list(findings))
    segments, reach = receive(model, dimensions, findings, shares)
    foreign = looks_foreign(doc)
    return Analysis(text, lang, ctx.metrics, dimensions, findings, segments, reach, tuple(doc.parts),
                    notice=language.foreign_notice if foreign else "", foreign=foreign)
