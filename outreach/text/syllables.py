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

from outreach.cache import cached
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
    # Reading the hyphenation dictionary takes 60 ms a start; its pickle, 5 (outreach/cache.py).
    return cached("pyphen-nl_NL", f"pyphen {pyphen.__version__} nl_NL", lambda: pyphen.Pyphen(lang="nl_NL"))


@lru_cache(maxsize=1)
def _exceptions() -> dict[str, int]:
    with _DATA.open("rb") as handle:
        return {k.lower(): int(v) for k, v in tomllib.load(handle)["syllables"].items()}


@lru_cache(maxsize=1)
def _order() -> dict[str, int]:
    return {key: i for i, key in enumerate(_exceptions())}


@lru_cache(maxsize=1)
def _affix_sizes() -> tuple[int, ...]:
    """Lengths of the exceptions that may start or end a longer word (4 letters or more), shortest first."""
    return tuple(sorted({len(key) for key in _exceptions() if len(key) >= 4}))


# A vowel nucleus: the ij digraph, a known multi-letter vowel (longest first, as alternation tries
# them in order) or one vowel. Every multi-letter vowel is plain ASCII, so a diaeresis ("ë")
# always starts a nucleus of its own.
_NUCLEUS = re.compile("ĳ|" + "|".join(_NUCLEI) + "|[" + _VOWELS + "]")


def _nuclei(chunk: str) -> int:
    """Count vowel nuclei in a chunk: runs of vowels split into known Dutch vowel spellings."""
    return len(_NUCLEUS.findall(chunk.replace("ij", "ĳ")))  # the ij digraph: one character


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
    # The first exception (in file order) of 4+ letters that starts or ends the word, leaving 3+
    # letters: looked up by length instead of tried one by one.
    found = None
    for size in _affix_sizes():
        if len(lower) - size < 3:
            break
        for at_start, affix in ((True, lower[:size]), (False, lower[-size:])):
            if affix in exceptions:
                order = _order()[affix]
                if found is None or (order, not at_start) < found[:2]:
                    found = (order, not at_start, affix)
    if found is not None:
        _, at_end, key = found
        count = exceptions[key]
        return syllables(lower[: -len(key)]) + count if at_end else count + syllables(lower[len(key):])
    total = 0
    for part in re.split(r"[-'’]+", lower):
        for chunk in _hyphenator().inserted(part).split("-"):
            if chunk:
                total += max(1, _nuclei(chunk)) if any(c in _VOWELS or c == "j" for c in chunk) else 0
    return max(1, total)
