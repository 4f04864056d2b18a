"""All interface text, Dutch and English, from one catalogue: outreach/ui/strings.toml.

Each entry has an `nl` and an `en` text with the same {placeholders}. The analysis itself (rule
messages, segment reactions, segment profiles) is Dutch, the language of the letters; only the
interface around it switches.
"""
from __future__ import annotations

import re
import string
import tomllib
from functools import lru_cache
from pathlib import Path

from outreach.formatting import number  # noqa: F401  (the page's one number format)

CATALOGUE = Path(__file__).with_name("strings.toml")
LANGS = ("nl", "en")
DEFAULT_LANG = "nl"


class StringsError(ValueError):
    pass


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=&])")


def md_escape(text: object) -> str:
    """User-supplied text (a file name, a template fragment) made literal for Streamlit's markdown.

    Alerts, captions and labels render markdown: without this a file name such as
    `![x](http://example.org/p.png).txt` would make the browser fetch an image, and `$x$` would
    become a formula. Every markdown (and LaTeX/directive) character gets a backslash.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))




def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """The catalogue, checked: every key has every language, with the same placeholders."""
    with CATALOGUE.open("rb") as handle:
        data = tomllib.load(handle)
    for key, entry in data.items():
        if not isinstance(entry, dict) or set(entry) != set(LANGS):
            raise StringsError(f"{CATALOGUE.name}: '{key}' needs exactly: {', '.join(LANGS)}")
        if not all(isinstance(v, str) and v for v in entry.values()):
            raise StringsError(f"{CATALOGUE.name}: '{key}' has an empty or non-text value")
        if len({frozenset(placeholders(v)) for v in entry.values()}) != 1:
            raise StringsError(f"{CATALOGUE.name}: '{key}' has different {{placeholders}} per language")
    return data


class Strings:
    """t = Strings("en"); t("title"); t("share_of", share=39)."""

    def __init__(self, lang: str = DEFAULT_LANG):
        self.lang = lang if lang in LANGS else DEFAULT_LANG
        self._entries = catalogue()

    def __call__(self, key: str, **values: object) -> str:
        return self._entries[key][self.lang].format(**values)  # literal braces are doubled: {{ }}

    def has(self, key: str) -> bool:
        return key in self._entries

    def level(self, level: str) -> str:
        """A trait level of the segment model ("hoog", "laag" ...; Dutch data) in the interface language."""
        key = f"level_{level.strip().lower()}"
        return self(key) if self.has(key) else level
