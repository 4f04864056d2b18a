"""Is a letter written in Dutch? The rule packs only read Dutch; a letter in another language
gets a notice instead of a confident score. Uses wordfreq's shipped word frequencies."""
from __future__ import annotations

from functools import lru_cache

from outreach.text.document import Document
from outreach.text.frequency import zipf

OTHER = "en"          # the language Dutch letters are most often confused with (or pasted in)
MARGIN = 1.5          # a word is "English" when it is this much more common (Zipf) in English
FOREIGN_SHARE = 0.35  # above this share of such words, the letter is not Dutch
MIN_WORDS = 12        # too few words to tell


def foreign_share(doc: Document, lang: str = "nl", other: str = OTHER) -> float:
    """Share of the letter's words that are far more common in `other` than in `lang`."""
    words = [t.lower for t in doc.tokens if t.is_word and len(t.lower) >= 2]
    if not words:
        return 0.0
    return sum(_foreign(w, lang, other) for w in words) / len(words)


@lru_cache(maxsize=65536)
def _foreign(word: str, lang: str, other: str) -> bool:
    return zipf(word, other) - zipf(word, lang) >= MARGIN


def looks_foreign(doc: Document, lang: str = "nl") -> bool:
    words = sum(t.is_word for t in doc.tokens)
    return words >= MIN_WORDS and foreign_share(doc, lang) > FOREIGN_SHARE
