"""Dutch word forms to lemmas, via simplemma's shipped data."""
from __future__ import annotations

from functools import lru_cache

import simplemma


@lru_cache(maxsize=65536)
def lemma(word: str, lang: str = "nl") -> str:
    """Lower-case lemma of one word; the word itself when simplemma knows no better."""
    lower = word.lower()
    try:
        result = simplemma.lemmatize(lower, lang=lang)
    except (ValueError, KeyError):
        return lower
    return result.lower() if result else lower
