"""The engine's own texts, Dutch and English, from one catalogue: outreach/messages.toml.

Errors for pack authors, reading and storage errors, the command line's messages and the labels of
the text and Word reports. Each id (short dotted English, `pack.regex_invalid`) has an `nl` and an
`en` text with the same {placeholders}; the catalogue is checked on load. The app's interface texts
live in outreach/ui/strings.toml and are read with the same checked loader (`load_catalogue`).

    msg("pack.toml_invalid", path=path, error=err)   # a Message: the Dutch text, a str
    raise RulePackError(msg(...))                     # the error carries the id and the values
    render(err, "en")                                 # the same message in English

A Message is the text in the default language (Dutch) and remembers its id and values, so errors
keep their Dutch text while a caller can still render them in another language. Values that are
Messages themselves render in that language too.
"""
from __future__ import annotations

import string
import tomllib
from functools import lru_cache
from pathlib import Path

CATALOGUE = Path(__file__).with_name("messages.toml")
LANGS = ("nl", "en")
DEFAULT_LANG = "nl"


class CatalogueError(ValueError):
    pass


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def load_catalogue(path: Path) -> dict[str, dict[str, str]]:
    """A catalogue file, checked: every entry has every language, with the same placeholders.

    An entry is a table with exactly the languages as keys; a table of entries may nest, so
    `[pack.regex_invalid]` is the id "pack.regex_invalid".
    """
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    entries: dict[str, dict[str, str]] = {}

    def walk(table: dict, prefix: str) -> None:
        for key, entry in table.items():
            name = prefix + key
            if isinstance(entry, dict) and entry and not set(entry) & set(LANGS):
                walk(entry, name + ".")
                continue
            if not isinstance(entry, dict) or set(entry) != set(LANGS):
                raise CatalogueError(f"{path.name}: '{name}' needs exactly: {', '.join(LANGS)}")
            if not all(isinstance(v, str) and v for v in entry.values()):
                raise CatalogueError(f"{path.name}: '{name}' has an empty or non-text value")
            if len({frozenset(placeholders(v)) for v in entry.values()}) != 1:
                raise CatalogueError(f"{path.name}: '{name}' has different {{placeholders}} per language")
            entries[name] = entry

    walk(data, "")
    return entries


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    return load_catalogue(CATALOGUE)


def language(lang: str | None) -> str:
    return lang if lang in LANGS else DEFAULT_LANG


def text(message_id: str, lang: str | None = DEFAULT_LANG, **values: object) -> str:
    """The text of one id in a language, filled in (Messages among the values in that language too)."""
    lang = language(lang)
    filled = {k: v.render(lang) if isinstance(v, Message) else v for k, v in values.items()}
    return catalogue()[message_id][lang].format(**filled)  # literal braces are doubled: {{ }}


class Message(str):
    """The text of a message in the default language that remembers its id and values."""

    id: str
    values: dict[str, object]

    def __new__(cls, value: str, message_id: str, values: dict[str, object]):
        self = super().__new__(cls, value)
        self.id = message_id
        self.values = values
        return self

    def render(self, lang: str | None) -> str:
        return text(self.id, lang, **self.values)

    def __reduce__(self):  # errors cross process boundaries (batch workers)
        return Message, (str(self), self.id, self.values)


def msg(message_id: str, **values: object) -> Message:
    """The message in the default language; values other than texts and numbers are kept as text
    (a path, an error), so the message pickles and renders the same later."""
    values = {k: v if isinstance(v, (str, int, float)) else str(v) for k, v in values.items()}
    return Message(text(message_id, DEFAULT_LANG, **values), message_id, values)


def render(item: object, lang: str | None) -> str:
    """A Message, or an error raised with one, in a language; anything else as it is."""
    if isinstance(item, BaseException):
        args = item.args
        if len(args) == 1 and isinstance(args[0], Message):
            return args[0].render(lang)
        return str(item)
    if isinstance(item, Message):
        return item.render(lang)
    return str(item)


def message_of(err: BaseException) -> Message | None:
    """The Message an error was raised with (its id and values), if any."""
    return err.args[0] if len(err.args) == 1 and isinstance(err.args[0], Message) else None
