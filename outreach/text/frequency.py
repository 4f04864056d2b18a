"""How common a Dutch word is, on the Zipf scale, from wordfreq's shipped Dutch data.

Zipf is log10 of a word's frequency per billion words: 7 is "de", 3 is about once per million
words. Words under 3 are uncommon for many readers (a B1 signal).
"""
from __future__ import annotations

import math
from functools import lru_cache

import wordfreq

UNCOMMON_BELOW = 3.0


@lru_cache(maxsize=4)
def _frequencies(lang: str) -> dict[str, float]:
    # One dictionary lookup per word is far faster than wordfreq.zipf_frequency, which
    # re-tokenises every word it is asked about.
    return wordfreq.get_frequency_dict(lang, wordlist="best")


def zipf(word: str, lang: str = "nl") -> float:
    """Zipf frequency of a word (0.0 when wordfreq has never seen it)."""
    freq = _frequencies(lang).get(word.lower().replace("’", "'"))
    if not freq:
        return 0.0
    return round(math.log10(freq) + 9.0, 2)
