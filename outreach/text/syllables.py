"""Syllable counts for words (written for Dutch).

pyphen's hyphenation dictionary of the language (nl_NL for Dutch) gives the breaks, but a
hyphenation point is not always a syllable boundary: hyphenation never leaves a single letter
alone ("over-al" is o-ver-al, "olie" is o-lie) and keeps vowel pairs with a diaeresis together ("idee-ën"). So each hyphenated chunk is
counted again by its vowel nuclei, using the Dutch multi-letter vowels, and a small data file
(text/syllable_exceptions.toml of the language) fixes loanwords with a silent e.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pyphen

from outreach.cache import cached
from outreach.languages import Language
from outreach.text import words
from outreach.text.lemmas import LONGEST_WORD

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


@lru_cache(maxsize=4)
def _hyphenator(name: str) -> pyphen.Pyphen:
    # Reading the hyphenation dictionary takes 60 ms a start; its pickle, 5 (outreach/cache.py).
    return cached(f"pyphen-{name}", f"pyphen {pyphen.__version__} {name}", lambda: pyphen.Pyphen(lang=name))


@lru_cache(maxsize=4)
def _exceptions(language: Language) -> dict[str, int]:
    data = language.text_data("syllable_exceptions.toml").get("syllables", {})
    return {k.lower(): int(v) for k, v in data.items()}


@lru_cache(maxsize=4)
def _order(language: Language) -> dict[str, int]:
    return {key: i for i, key in enumerate(_exceptions(language))}


@lru_cache(maxsize=4)
def _affix_sizes(language: Language) -> tuple[int, ...]:
    """Lengths of the exceptions that may start or end a longer word (4 letters or more), shortest first."""
    return tuple(sorted({len(key) for key in _exceptions(language) if len(key) >= 4}))


# A vowel nucleus: the ij digraph, a known multi-letter vowel (longest first, as alternation tries
# them in order) or one vowel. Every multi-letter vowel is plain ASCII, so a diaeresis ("ë")
# always starts a nucleus of its own.
_NUCLEUS = re.compile("ĳ|" + "|".join(_NUCLEI) + "|[" + _VOWELS + "]")


def _nuclei(chunk: str) -> int:
    """Count vowel nuclei in a chunk: runs of vowels split into known Dutch vowel spellings."""
    return len(_NUCLEUS.findall(chunk.replace("ij", "ĳ")))  # the ij digraph: one character


@lru_cache(maxsize=65536)
def syllables(word: str, language: Language) -> int:
    """Number of syllables of one word (at least 1 for anything with a letter)."""
    row = words.rows(language).get(word.lower())  # precomputed (outreach/text/words.py)
    if row is not None:
        return row[0]
    lower = word.lower().strip("'’-")
    if not lower or not any(c.isalpha() for c in lower):
        return 0
    if len(lower) > LONGEST_WORD:  # not a word (see LONGEST_WORD): vowel nuclei only, in linear time
        return max(1, _nuclei(lower))
    exceptions = _exceptions(language)
    if lower in exceptions:
        return exceptions[lower]
    # The first exception (in file order) of 4+ letters that starts or ends the word, leaving 3+
    # letters: looked up by length instead of tried one by one.
    found = None
    for size in _affix_sizes(language):
        if len(lower) - size < 3:
            break
        for at_start, affix in ((True, lower[:size]), (False, lower[-size:])):
            if affix in exceptions:
                order = _order(language)[affix]
                if found is None or (order, not at_start) < found[:2]:
                    found = (order, not at_start, affix)
    if found is not None:
        _, at_end, key = found
        count = exceptions[key]
        return (syllables(lower[: -len(key)], language) + count if at_end
                else count + syllables(lower[len(key):], language))
    total = 0
    for part in re.split(r"[-'’]+", lower):
        for chunk in _hyphenator(language.hyphenation).inserted(part).split("-"):
            if chunk:
                total += max(1, _nuclei(chunk)) if any(c in _VOWELS or c == "j" for c in chunk) else 0
    return max(1, total)
