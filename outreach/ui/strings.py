"""All interface text, Dutch and English, from one catalogue: outreach/ui/strings.toml.

Each entry has an `nl` and an `en` text with the same {placeholders}. The analysis itself (rule
messages, segment reactions, segment profiles) is Dutch, the language of the letters; only the
interface around it switches.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from outreach.formatting import number  # noqa: F401  (the page's one number format)
from outreach.messages import CatalogueError as StringsError  # noqa: F401
from outreach.messages import DEFAULT_LANG, LANGS, load_catalogue, placeholders  # noqa: F401

CATALOGUE = Path(__file__).with_name("strings.toml")


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=&])")


def md_escape(text: object) -> str:
    """User-supplied text (a file name, a template fragment) made literal for Streamlit's markdown.

    Alerts, captions and labels render markdown: without this a file name such as
    `![x](http://example.org/p.png).txt` would make the browser fetch an image, and `$x$` would
    become a formula. Every markdown (and LaTeX/directive) character gets a backslash.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))




@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """The catalogue, checked by the engine's loader: every key has every language, with the same placeholders."""
    return load_catalogue(CATALOGUE)


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
