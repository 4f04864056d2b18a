"""How common a word is, on the Zipf scale, from wordfreq's shipped data (the language's `wordfreq` list).

Zipf is log10 of a word's frequency per billion words: 7 is "de", 3 is about once per million
words. Words under 3 are uncommon for many readers (a B1 signal).
"""
from __future__ import annotations

import math
from functools import lru_cache

from outreach.cache import Table
from outreach.languages import Language
from outreach.text import words
from outreach.text.lemmas import LONGEST_WORD, lemma, separable_particles

UNCOMMON_BELOW = 3.0


@lru_cache(maxsize=4)
def _frequencies(lang: str) -> Table:
    # One dictionary lookup per word is far faster than wordfreq.zipf_frequency, which
    # re-tokenises every word it is asked about. Cached on disk: importing wordfreq and reading
    # its list take about half a second (outreach/cache.py).
    from importlib.metadata import version

    def build() -> dict[str, float]:
        import wordfreq

        return wordfreq.get_frequency_dict(lang, wordlist="best")

    return Table(f"wordfreq-{lang}", f"wordfreq {version('wordfreq')} {lang} best", build)


def zipf(word: str, lang: str) -> float:
    """Zipf frequency of a word in wordfreq's list `lang` (0.0 when wordfreq has never seen it)."""
    freq = _frequencies(lang).get(word.lower().replace("’", "'"))
    if not freq:
        return 0.0
    return round(math.log10(freq) + 9.0, 2)


MIN_PART = 4


def _separable(lower: str, language: Language) -> float:
    """A separable verb in a main clause ("tegenzit", "rondkomt") is as familiar as its parts
    (only in a language with separable particles, text/passive.toml)."""
    lang = language.wordfreq
    for particle in separable_particles(language):
        rest = lower[len(particle):]
        if lower.startswith(particle) and len(rest) >= 2:
            infinitive = lemma(rest, language.lemmas)
            if not infinitive.endswith("en"):  # not a verb form: "ingevolge" is no "in" + verb
                return 0.0
            verb = max(zipf(rest, lang), zipf(infinitive, lang))
            return min(zipf(particle, lang), verb) if verb >= 4.0 else 0.0
    return 0.0


@lru_cache(maxsize=65536)
def familiarity(word: str, language: Language) -> float:
    """Zipf of a word (or its lemma), or of its weakest part when it is a compound of common words.

    Dutch writes compounds as one word, so "huurachterstand" is rare in any corpus while every
    reader knows "huur" and "achterstand". A compound counts as familiar as its least common part;
    the linking sounds between parts are the language's `compound_links` (none: no compounds).
    """
    lower = word.lower()
    row = words.rows(language).get(lower)  # precomputed (outreach/text/words.py)
    if row is not None:
        return row[1]
    lang = language.wordfreq
    if len(lower) > LONGEST_WORD:
        return 0.0  # not a word anyone reads as one (see LONGEST_WORD)
    # An inflected form is as familiar as its lemma: "invult" is rare in corpora, "invullen" is not.
    own = max(zipf(lower, lang), zipf(lemma(lower, language.lemmas), lang))
    if own >= UNCOMMON_BELOW:
        return own
    own = max(own, _separable(lower, language))
    if own >= UNCOMMON_BELOW or len(lower) < 2 * MIN_PART + 1 or not language.compound_links:
        return own
    best = own
    for cut in range(MIN_PART, len(lower) - MIN_PART + 1):
        head, tail = lower[:cut], lower[cut:]
        tail_score = zipf(tail, lang)
        if tail_score < UNCOMMON_BELOW:
            tail_score = familiarity(tail, language) if len(tail) >= 2 * MIN_PART + 1 else tail_score
        if tail_score <= best:
            continue
        for link in language.compound_links:
            if link and not head.endswith(link):
                continue
            stem = head[: len(head) - len(link)] if link else head
            if len(stem) >= MIN_PART:
                best = max(best, min(zipf(stem, lang), tail_score))
    return round(best, 2)
