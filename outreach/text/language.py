"""Is a letter written in its language? The rule packs only read their own language; a letter
mostly in the language it is most often confused with (language.toml [foreign]) gets a notice
instead of a confident score. Uses wordfreq's shipped word frequencies."""
from __future__ import annotations

from functools import lru_cache

from outreach.text.document import Document
from outreach.text import words as word_data
from outreach.text.words import FOREIGN
from outreach.text.frequency import zipf

MARGIN = 1.5          # a word is foreign when it is this much more common (Zipf) in the other language
FOREIGN_SHARE = 0.35  # above this share of such words, the letter is not in its language
MIN_WORDS = 12        # too few words to tell


def foreign_share(doc: Document) -> float:
    """Share of the letter's words that are far more common in the other language than in its own."""
    words = [t for t in doc.tokens if t.is_word and len(t.lower) >= 2]
    if not words:
        return 0.0
    own, other = doc.language.wordfreq, doc.language.foreign_other
    # A word of the precomputed data (text/words.py) carries its row from the parser, which holds
    # the answer; only the others go through _foreign (and its cache).
    foreign = 0
    for token in words:
        row = token.row
        if row[FOREIGN] if row is not None else _foreign(token.lower, own, other):
            foreign += 1
    return foreign / len(words)


@lru_cache(maxsize=65536)
def _foreign(word: str, lang: str, other: str) -> bool:
    row = word_data.foreign_rows(lang, other).get(word)  # precomputed (outreach/text/words.py)
    if row is not None:
        return row[FOREIGN]
    return zipf(word, other) - zipf(word, lang) >= MARGIN


def looks_foreign(doc: Document) -> bool:
    words = [t.is_word for t in doc.tokens].count(True)
    return words >= MIN_WORDS and foreign_share(doc) > FOREIGN_SHARE
