"""Is a word a past participle? A heuristic on its shape and lemma, with the language's
text/passive.toml (the passive-voice check in metrics.py uses it). Its own module because the
precomputed word data (words.py) holds its answer per word and digests this code."""
from __future__ import annotations

from functools import lru_cache

from outreach.languages import Language
from outreach.text.lemmas import lemma, separable_particles

_PASSIVE_KEYS = ("prefixes", "worden", "zijn", "zijn_verbs", "zijn_adjectives")


@lru_cache(maxsize=4)
def passive_data(language: Language) -> dict[str, frozenset[str]]:
    """text/passive.toml of the language (a language without one finds no passive sentences)."""
    data = language.text_data("passive.toml")
    return {key: frozenset(data.get(key, ())) for key in _PASSIVE_KEYS}


@lru_cache(maxsize=65536)  # a word is a participle or not, in every letter
def is_participle(word: str, language: Language) -> bool:
    """Heuristic: does this word look like a (Dutch-shaped) past participle?"""
    lower = word.lower()
    return participle(lower, lemma(lower, language.lemmas), language)


def participle(lower: str, verb: str, language: Language) -> bool:
    """is_participle of a lower-case word whose lemma is `verb`."""
    # the cheap tests first: most words end here, without looking at the language's data
    if len(lower) < 5 or verb == lower or not verb.endswith("en") or not lower.isalpha():
        return False  # (verb == lower: simplemma knows no verb behind it: "gezond", "gebied")
    stem = lower
    any_prefix, prefixes = _particle_prefixes(language)
    if lower.startswith(any_prefix):  # one test for all particles; the loop only after a match
        for prefix, particle_length in prefixes:
            if stem.startswith(prefix) and len(stem) > particle_length + 4:
                stem = stem[particle_length:]
                break
    if stem.startswith("ge") and stem.endswith(("d", "t", "en")):
        return True
    # "betaald", "verwerkt", and the strong ones: "besproken", "ontvangen", "verzonden"
    return lower.startswith(participle_prefixes(language)) and lower.endswith(("d", "t", "en"))


@lru_cache(maxsize=4)
def _particle_prefixes(language: Language) -> tuple[tuple[str, ...], tuple[tuple[str, int], ...]]:
    """Each separable particle followed by "ge" ("opge"), longest particle first, with the
    particle's length; and the same prefixes as one tuple, for a single str.startswith."""
    pairs = tuple((particle + "ge", len(particle)) for particle in separable_particles(language))
    return tuple(prefix for prefix, _ in pairs), pairs


@lru_cache(maxsize=4)
def participle_prefixes(language: Language) -> tuple[str, ...]:
    """The prefixes of participles without "ge" (passive.toml), as one tuple for str.startswith."""
    return tuple(sorted(passive_data(language)["prefixes"]))
