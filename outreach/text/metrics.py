"""Readability metrics of a letter's body (taalniveau B1 signals).

Metrics are computed on the body so the address block, salutation and signature do not count.
"""
from __future__ import annotations

from dataclasses import dataclass

from outreach.languages import Language
from outreach.text import words as word_data
from outreach.text.document import Document, Sentence, Token
from outreach.text.frequency import UNCOMMON_BELOW, familiarity
from outreach.text.lemmas import lemma
from outreach.text.participles import participle, passive_data
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

# A word's facts: its row of the precomputed word data (outreach/text/words.py), or a tuple of
# the same shape worked out for a word outside it (see _new_facts). Read by position, as the rows.
SYLLABLES, FAMILIARITY, PARTICIPLE = word_data.SYLLABLES, word_data.FAMILIARITY, word_data.PARTICIPLE
Facts = word_data.Row  # (syllables, familiarity or None until asked, lemma or None, foreign, participle)

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
    """A word's Facts: its row of the precomputed word data (outreach/text/words.py), which the
    parser gave the token; else from `known` (facts(language)), worked out and kept there when
    new by the functions that compute them (familiarity only when asked: word_familiarity)."""
    return token.row or known.get(token.lower) or _new_facts(token, language, known, word_data.rows(language))


def _new_facts(token: Token, language: Language, known: dict[str, Facts], table: dict[str, word_data.Row]) -> Facts:
    """word_facts of a word without a row that is not in `known` yet; `table`:
    word_data.rows(language), for a token not made by the parser."""
    lower = token.lower
    found = table.get(lower) if table else None
    if found is None:  # token.lemma: lemma(lower)
        found = (syllables(lower, language), None, None, False, participle(lower, token.lemma, language))
    known[lower] = found
    return found


def word_familiarity(token: Token, language: Language, known: dict[str, Facts]) -> float:
    """familiarity() of a word, through its Facts. For a word outside the word data it is worked
    out only when asked (a compound split, ~100 µs): the metrics ask only for plain words."""
    found = token.row or known.get(token.lower) or word_facts(token, language, known)
    if found[FAMILIARITY] is None:
        known[token.lower] = found = (found[0], familiarity(token.lower, language)) + found[2:]
    return found[FAMILIARITY]


def clear_facts() -> None:
    """Forget every word's Facts (for benchmarks with cold caches)."""
    _facts.clear()


def is_passive(sentence: Sentence, language: Language) -> bool:
    """worden + participle, or zijn + participle of a verb that does not take zijn itself."""
    known = facts(language)
    # Most sentences hold no participle: one pass over the words answers for them. (A token
    # without a letter is no participle either: is_participle takes letters only.)
    if not any([(t.row or known.get(t.lower) or word_facts(t, language, known))[PARTICIPLE] for t in sentence.words]):
        return False
    data = passive_data(language)
    by_clause: dict[int, list[Token]] = {}
    for token in sentence.tokens:
        by_clause.setdefault(token.clause, []).append(token)
    for clause in by_clause.values():
        lowers = [t.lower for t in clause]
        participles = [t.lower for t in clause if t.is_word and word_facts(t, language, known)[PARTICIPLE]]
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


@dataclass(frozen=True, slots=True)
class SentenceStats:
    sentence: Sentence
    words: int
    commas: int


def sentence_stats(doc: Document, sentence: Sentence) -> SentenceStats:
    text, start, end = doc.text, sentence.start, sentence.end  # counted in place: no copy of the sentence
    return SentenceStats(sentence, len(sentence.words), text.count(",", start, end) + text.count(";", start, end))


def word_metric_values(name: str, tokens: list[Token], language: Language) -> list[float]:
    """A word metric of each token ("word_syllables", "word_zipf", "word_letters"), with the
    language's Facts looked up once for all of them."""
    if name == "word_letters":
        return [float(sum(map(str.isalpha, token.text))) for token in tokens]
    known = facts(language)
    if name == "word_syllables":
        return [float((t.row or known.get(t.lower) or word_facts(t, language, known))[SYLLABLES]) for t in tokens]
    if name == "word_zipf":
        values = []
        for t in tokens:  # word_familiarity, called only for a word whose familiarity is not known yet
            familiar = (t.row or known.get(t.lower) or word_facts(t, language, known))[FAMILIARITY]
            values.append(word_familiarity(t, language, known) if familiar is None else familiar)
        return values
    raise KeyError(name)


def _word_counts(sentences: list[Sentence], language: Language) -> tuple[int, int, int]:
    """The syllables of all the sentences' words, and how many of the words are long and how many
    uncommon (a plain word under Zipf 3, compounds by their parts): one pass, each word's Facts
    looked up once."""
    known, table = facts(language), word_data.rows(language)
    syllable_count = long_words = uncommon = 0
    for sentence in sentences:
        sentence_start = True
        for token in sentence.words:
            found = token.row or known.get(token.lower) or _new_facts(token, language, known, table)
            syllable_count += found[SYLLABLES]
            if found[SYLLABLES] >= LONG_WORD_SYLLABLES:
                long_words += 1
            if is_plain_word(token, sentence_start):
                familiar = found[FAMILIARITY]
                if familiar is None:  # a word outside the word data: worked out now (word_familiarity)
                    familiar = word_familiarity(token, language, known)
                if familiar < UNCOMMON_BELOW:
                    uncommon += 1
            sentence_start = False
    return syllable_count, long_words, uncommon


def document_metrics(doc: Document) -> dict[str, float]:
    """All document metrics, on the body of the letter."""
    language = doc.language
    sentences = [s for s in doc.body_sentences if s.words]
    lengths = [len(s.words) for s in sentences]
    n_words, n_sentences = sum(lengths), len(sentences)
    if not n_words:
        return {name: 0.0 for name in DOCUMENT_METRICS}
    syllable_count, long_words, uncommon = _word_counts(sentences, language)
    passive = sum([is_passive(s, language) for s in sentences])
    per_sentence = n_words / n_sentences
    per_word = syllable_count / n_words
    base, sentence_weight, word_weight = language.readability  # Flesch-Douma for Dutch
    return {
        "words": float(n_words),
        "sentences": float(n_sentences),
        "avg_sentence_words": round(per_sentence, 1),
        "max_sentence_words": float(max(lengths)),
        "long_sentence_share": round(sum(n > LONG_SENTENCE_WORDS for n in lengths) / n_sentences, 3),
        "syllables_per_word": round(per_word, 2),
        "flesch_douma": round(base - sentence_weight * per_sentence - word_weight * per_word, 1),
        "long_word_share": round(long_words / n_words, 3),
        "uncommon_word_share": round(uncommon / n_words, 3),
        "passive_sentences": float(passive),
        "passive_share": round(passive / n_sentences, 3),
        "reading_minutes": round(n_words / WORDS_PER_MINUTE, 1),
    }
