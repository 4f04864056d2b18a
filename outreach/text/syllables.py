"""Syllable counts for Dutch words.

pyphen's nl_NL hyphenation dictionary gives the breaks, but a hyphenation point is not always a
syllable boundary: hyphenation never leaves a single letter alone ("over-al" is o-ver-al, "olie"
is o-lie) and keeps vowel pairs with a diaeresis together ("idee-ën"). So each hyphenated chunk is
counted again by its vowel nuclei, using the Dutch multi-letter vowels, and a small data file fixes
loanwords with a silent e.
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

import pyphen

from outreach.text.lemmas import LONGEST_WORD

_DATA = Path(__file__).parent / "data" / "syllable_exceptions.toml"
_VOWELS = "aeiouyàáâäèéêëìíîïòóôöùúûü"
_DIAERESIS = "äëïöü"
# Longest first: each of these spells one vowel sound, so it is one syllable nucleus.
_NUCLEI = sorted(
    ["eau", "aai", "ooi", "oei", "eeu", "ieu", "uw", "aa", "ee", "oo", "uu", "ie", "oe", "eu",
     "ui", "ij", "ei", "ou", "au", "ai", "oi", "ey", "ay", "oy"],
    key=len,
    reverse=True,
)
_NUCLEI = [n for n in _NUCLEI if n != "uw"]  # w is a consonant; kept out explicitly


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


@lru_cache(maxsize=1)
def _exceptions() -> dict[str, int]:
    with _DATA.open("rb") as handle:
        return {k.lower(): int(v) for k, v in tomllib.load(handle)["syllables"].items()}


def _nuclei(chunk: str) -> int:
    """Count vowel nuclei in a chunk: runs of vowels split into known Dutch vowel spellings."""
    count = 0
    i = 0
    text = chunk.replace("ij", "ĳ")  # the ij digraph is a vowel; give it one character
    while i < len(text):
        ch = text[i]
        if ch == "ĳ":
            count += 1
            i += 1
            continue
        if ch not in _VOWELS:
            i += 1
            continue
        # A vowel run: consume nuclei greedily; a diaeresis always starts a new one.
        for nucleus in _NUCLEI:
            if text.startswith(nucleus, i) and not any(c in _DIAERESIS for c in nucleus[1:]):
                i += len(nucleus)
                break
        else:
            i += 1
        count += 1
    return count


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Number of syllables of one word (at least 1 for anything with a letter)."""
    lower = word.lower().strip("'’-")
    if not lower or not any(c.isalpha() for c in lower):
        return 0
    if len(lower) > LONGEST_WORD:  # not a word (see LONGEST_WORD): vowel nuclei only, in linear time
        return max(1, _nuclei(lower))
    exceptions = _exceptions()
    if lower in exceptions:
        return exceptions[lower]
    for key, count in exceptions.items():
        if len(key) >= 4 and len(lower) - len(key) >= 3:
            if lower.startswith(key):
                return count + syllables(lower[len(key):])
            if lower.endswith(key):
                return syllables(lower[: -len(key)]) + count
    total = 0
    for part in re.split(r"[-'’]+", lower):
        for chunk in _hyphenator().inserted(part).split("-"):
            if chunk:
                total += max(1, _nuclei(chunk)) if any(c in _VOWELS or c == "j" for c in chunk) else 0
    return max(1, total)
