"""The letter's form of address (u or je), and a suggestion rewritten into that form.

Suggestions in the rule packs are written with "u"; in a "je" letter the advisor should get a
rewrite in "je", or following the advice would mix the two forms.
"""
from __future__ import annotations

import re
from functools import lru_cache

from outreach import languages
from outreach.languages import Language
from outreach.text.document import Document

_WORD = re.compile(r"\w+")
_KEYS = ("u_words", "je_words", "subordinators", "inverted", "declarative")


@lru_cache(maxsize=4)
def _data(language: Language) -> dict:
    """text/address.toml of the language; without it every letter is "u" and nothing is rewritten."""
    data = language.text_data("address.toml")
    # word lists as sets: every token of a letter is looked up in them
    return {key: data.get(key, {}) if key in ("inverted", "declarative") else frozenset(data.get(key, ()))
            for key in _KEYS}


def address_form(doc: Document) -> str:
    """ "je" when the letter addresses the reader mostly with je/jij/jouw, else "u"."""
    data = _data(doc.language)
    u_words, je_words = data["u_words"], data["je_words"]
    u = je = 0
    for token in doc.tokens:
        lower = token.lower
        u += lower in u_words
        je += lower in je_words
    return "je" if je > u else "u"


def cased(word: str, like: str) -> str:
    """`word` with a capital first letter when `like` has one (a rewrite keeps its place's case)."""
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _clause_end_after_u(text: str, words: list[tuple[int, int, str]], i: int, data: dict) -> bool:
    """The verb of a subordinate clause whose subject is "u": "dat u de huur niet heeft betaald"."""
    for j in range(i - 1, max(-1, i - 13), -1):
        if any(c in text[words[j][1]:words[j + 1][0]] for c in ".,;:!?"):
            return False
        if words[j][2].lower() == "u":
            return j > 0 and words[j - 1][2].lower() in data["subordinators"]
    return False


@lru_cache(maxsize=4096)  # rule messages and suggestions: a fixed set of texts
def to_je(text: str, language: Language | None = None) -> str:
    """Rewrite a "u" sentence into "je": "Kunt u ..." -> "Kun je ...", "uw" -> "je".

    Only called for a letter whose form is "je", which only a language with je_words has."""
    data = _data(languages.get(language))
    inverted, declarative = data["inverted"], data["declarative"]
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    out, cursor = [], 0
    for i, (start, end, word) in enumerate(words):
        lower = word.lower()
        previous = words[i - 1][2].lower() if i else ""
        following = words[i + 1][2].lower() if i + 1 < len(words) else ""
        if lower in data["u_words"]:
            new = cased("je", word)
        elif following == "u" and lower in inverted and text[end:words[i + 1][0]].isspace():
            new = cased(inverted[lower], word)
        elif lower in declarative and (previous == "u" or _clause_end_after_u(text, words, i, data)):
            new = cased(declarative[lower], word)
        else:
            continue
        out.append(text[cursor:start] + new)
        cursor = end
    out.append(text[cursor:])
    return "".join(out)
