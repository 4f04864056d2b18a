"""Dutch word forms to lemmas, via simplemma's shipped data."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

import simplemma

_PASSIVE = Path(__file__).parent / "data" / "passive.toml"  # also holds the separable particles
# The longest Dutch words in real use have about 40 letters; a longer run of letters is not a word
# (a pasted hash, a key held down). It is left as it is: no lemma, no hyphenation, no compound
# split, so odd input costs time linear in its length.
LONGEST_WORD = 60


@lru_cache(maxsize=65536)
def lemma(word: str, lang: str = "nl") -> str:
    """Lower-case lemma of one word; the word itself when simplemma knows no better."""
    lower = word.lower()
    if len(lower) > LONGEST_WORD:
        return lower
    try:
        result = simplemma.lemmatize(lower, lang=lang)
    except (ValueError, KeyError):
        return lower
    return result.lower() if result else lower


@lru_cache(maxsize=1)
def separable_particles() -> tuple[str, ...]:
    """Particles that split off a Dutch verb ("op" in "opsturen"), longest first."""
    with _PASSIVE.open("rb") as handle:
        return tuple(sorted(tomllib.load(handle)["particles"], key=len, reverse=True))
