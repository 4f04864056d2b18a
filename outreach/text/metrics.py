"""Readability metrics of a letter's body (taalniveau B1 signals).

Metrics are computed on the body so the address block, salutation and signature do not count.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from outreach.languages import Language
from outreach.text import words as word_data
from outreach.text.document import Document, Sentence, Token
from outreach.text.frequency import UNCOMMON_BELOW, familiarity
from outreach.text.lemmas import lemma, separable_particles
from outreach.text.syllables import syllables

LONG_SENTENCE_WORDS = 20
LONG_WORD_SYLLABLES = 4
WORDS_PER_MINUTE = 200  # silent reading of plain Dutch; B1 readers are often slower

DOCUMENT_METRICS = (
    "words", "sentences", "avg_sentence_words", "max_sentence_words", "long_sentence_share",
    "syllables_per_word", "flesch_douma", "long_word_share", "uncommon_word_share",
    "passive_sentences", "passive_share", "reading_minutes",
)
SENTENCE_METRICS = ("sentence_words", "sentence_commas")
WORD_METRICS = ("word_syllables", "word_zipf", "word_letters")

_PASSIVE_KEYS = ("prefixes", "worden", "zijn", "zijn_verbs", "zijn_adjectives")


@lru_cache(maxsize=4)
def _passive_data(language: Language) -> dict[str, frozenset[str]]:
    """text/passive.toml of the language (a language without one finds no passive sentences)."""
    data = language.text_data("passive.toml")
    return {key: frozenset(data.get(key, ())) for key in _PASSIVE_KEYS}


@lru_cache(maxsize=65536)  # a word is a participle or not, in every letter
def is_participle(word: str, language: Language) -> bool:
    """Heuristic: does this word look like a (Dutch-shaped) past participle?"""
    lower = word.lower()
    return _participle(lower, lemma(lower, language.lemmas), language)


def _participle(lower: str, verb: str, language: Language) -> bool:
    """is_participle of a lower-case word whose lemma is `verb`."""
    data = _passive_data(language)
    if len(lower) < 5 or not lower.isalpha():
        return False
    if verb == lower or not verb.endswith("en"):
        return False  # simplemma knows no verb behind it: "gezond", "gebied"
    stem = lower
    for particle in separable_particles(language):
        if stem.startswith(particle + "ge") and len(stem) > len(particle) + 4:
            stem = stem[len(particle):]
            break
    if stem.startswith("ge") and stem.endswith(("d", "t", "en")):
        return True
    # "betaald", "verwerkt", and the strong ones: "besproken", "ontvangen", "verzonden"
    return lower.startswith(tuple(data["prefixes"])) and lower.endswith(("d", "t", "en"))


class Facts(NamedTuple):
    """What the metrics need of one word, the same in every letter (see facts)."""
    syllables: int
    familiarity: float | None  # None until asked for a word outside the word data (see word_familiarity)
    participle: bool


_facts: dict[Language, dict[str, Facts]] = {}
MAX_FACTS = 200_000  # words kept per language; past that the dict starts again (the app runs for days)


def facts(language: Language) -> dict[str, Facts]:
    """The language's words seen so far, by lower-case form, each with its Facts: a letter's
    metrics look each word up once in this one dict, instead of in one LRU cache per function
    (syllables, familiarity, is_participle; each of them a miss, ~1 µs, for a new word)."""
    found = _facts.get(language)
    if found is None or len(found) > MAX_FACTS:
        found = _facts[language] = {}
    return found


def word_facts(token: Token, language: Language, known: dict[str, Facts]) -> Facts:
    """A word's Facts from `known` (facts(language)), worked out and kept there when new: from
    the precomputed word data when the word is in it (outreach/text/words.py), else by the
    functions that compute them (familiarity only when asked: word_familiarity)."""
    found = known.get(token.lower)
    if found is None:
        lower = token.lower
        row = word_data.rows(language).get(lower)
        participle = _participle(lower, token.lemma, language)  # token.lemma: lemma(lower)
        if row is not None:
            found = Facts(row[0], row[1], participle)
        else:
            found = Facts(syllables(lower, language), None, participle)
        known[lower] = found
    return found


def word_familiarity(token: Token, language: Language, known: dict[str, Facts]) -> float:
    """familiarity() of a word, through its Facts. For a word outside the word data it is worked
    out only when asked (a compound split, ~100 µs): the metrics ask only for plain words."""
    found = known.get(token.lower) or word_facts(token, language, known)
    if found.familiarity is None:
        found = known[token.lower] = found._replace(familiarity=familiarity(token.lower, language))
    return found.familiarity


def clear_facts() -> None:
    """Forget every word's Facts (for benchmarks with cold caches)."""
    _facts.clear()


def is_passive(sentence: Sentence, language: Language) -> bool:
    """worden + participle, or zijn + participle of a verb that does not take zijn itself."""
    data = _passive_data(language)
    by_clause: dict[int, list[Token]] = {}
    for token in sentence.tokens:
        by_clause.setdefault(token.clause, []).append(token)
    known = facts(language)
    for clause in by_clause.values():
        lowers = [t.lower for t in clause]
        # a token without a letter is no participle (is_participle: letters only)
        participles = [t.lower for t in clause if t.is_word and word_facts(t, language, known).participle]
        if not participles:
            continue
        if any(w in data["worden"] for w in lowers):
            return True
        if any(w in data["zijn"] for w in lowers) and any(
            lemma(p, language.lemmas) not in data["zijn_verbs"] and p not in data["zijn_adjectives"] for p in participles
        ):
            return True
    return False


def is_plain_word(token: Token, sentence_start: bool) -> bool:
    """A word that can be hard to read: not a name (a capital inside a sentence), not a number,
    not a short word."""
    text = token.text
    return text.isalpha() and len(text) >= 3 and (sentence_start or not text[0].isupper())


def is_uncommon(token: Token, sentence_start: bool, language: Language) -> bool:
    """A plain word under Zipf 3 (compounds by their parts)."""
    return (is_plain_word(token, sentence_start)
            and word_familiarity(token, language, facts(language)) < UNCOMMON_BELOW)


@dataclass(frozen=True, slots=True)
class SentenceStats:
    sentence: Sentence
    words: int
    commas: int


def sentence_stats(doc: Document, sentence: Sentence) -> SentenceStats:
    segment = doc.text[sentence.start:sentence.end]
    return SentenceStats(sentence, len(sentence.words), segment.count(",") + segment.count(";"))


def word_metric(name: str, token: Token, language: Language) -> float:
    if name == "word_syllables":
        return float(word_facts(token, language, facts(language)).syllables)
    if name == "word_zipf":
        return word_familiarity(token, language, facts(language))
    if name == "word_letters":
        return float(sum(c.isalpha() for c in token.text))
    raise KeyError(name)


def word_metric_values(name: str, tokens: list[Token], language: Language) -> list[float]:
    """word_metric of each token, with the language's Facts looked up once for all of them."""
    if name == "word_letters":
        return [float(sum(c.isalpha() for c in token.text)) for token in tokens]
    known = facts(language)
    if name == "word_syllables":
        return [float((known.get(t.lower) or word_facts(t, language, known)).syllables) for t in tokens]
    if name == "word_zipf":
        return [word_familiarity(t, language, known) for t in tokens]
    raise KeyError(name)


def document_metrics(doc: Document) -> dict[str, float]:
    """All document metrics, on the body of the letter."""
    language = doc.language
    sentences = [s for s in doc.body_sentences if s.words]
    words = [t for s in sentences for t in s.words]
    n_words, n_sentences = len(words), len(sentences)
    if not n_words:
        return {name: 0.0 for name in DOCUMENT_METRICS}
    lengths = [len(s.words) for s in sentences]
    known = facts(language)
    counts = [word_facts(t, language, known).syllables for t in words]
    uncommon = sum(
        is_plain_word(t, i == 0) and word_familiarity(t, language, known) < UNCOMMON_BELOW  # (is_uncommon)
        for s in sentences for i, t in enumerate(s.words)
    )
    passive = sum(is_passive(s, language) for s in sentences)
    per_sentence = n_words / n_sentences
    per_word = sum(counts) / n_words
    base, sentence_weight, word_weight = language.readability  # Flesch-Douma for Dutch
    return {
        "words": float(n_words),
        "sentences": float(n_sentences),
        "avg_sentence_words": round(per_sentence, 1),
        "max_sentence_words": float(max(lengths)),
        "long_sentence_share": round(sum(n > LONG_SENTENCE_WORDS for n in lengths) / n_sentences, 3),
        "syllables_per_word": round(per_word, 2),
        "flesch_douma": round(base - sentence_weight * per_sentence - word_weight * per_word, 1),
        "long_word_share": round(sum(c >= LONG_WORD_SYLLABLES for c in counts) / n_words, 3),
        "uncommon_word_share": round(uncommon / n_words, 3),
        "passive_sentences": float(passive),
        "passive_share": round(passive / n_sentences, 3),
        "reading_minutes": round(n_words / WORDS_PER_MINUTE, 1),
    }
