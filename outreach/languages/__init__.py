"""Everything language-specific, one folder per language: outreach/languages/<code>/.

A language folder holds
  language.toml    what pyphen, wordfreq and simplemma call the language, the readability formula,
                   compound linking sounds and the foreign-letter check
  text/            abbreviations.txt, letter_parts.toml, passive.toml, syllable_exceptions.toml,
                   address.toml (forms of address; optional: without it every letter is "u"),
                   words.tsv.gz (optional: precomputed word data, made by `python -m outreach.text --write`)
  sample_letter.txt  the letter the engine warms up with (outreach.analysis.warm)
  en/              the interface's English for this language's texts (rules, segments, advice,
                   workshop; outreach/interface.py): optional, checked by `rules --check` when present
  rules/           the rule packs, one per dimension, and their shared data (docs/rules.md)
  classes/         word classes for rule terms (@voornaam -> classes/voornaam.txt)
  segments.toml    the segment model
  advice.toml      what the advice may insert, remove or replace (only `advise` reads it)
  workshop.toml    the workshop texts (only the workshop view reads it)

Code below this module never names a language: it asks the Language for its folder and settings.
A built-in language is registered with one entry in LANGUAGES. A folder elsewhere (a test's, an
organisation's) is registered by naming it in OUTREACH_LANGUAGES (folders separated by the path
separator; worker processes inherit it); its code is the folder's name, and it stands in for a
built-in language of the same name.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from outreach.messages import msg

HERE = Path(__file__).resolve().parent
LANGUAGES = ("nl",)  # the built-in languages: one line per language
DEFAULT = LANGUAGES[0]
_KEYS = {"name", "hyphenation", "wordfreq", "lemmas", "compound_links", "readability", "foreign"}
_READABILITY = {"base", "per_sentence", "per_word"}
_FOREIGN = {"other", "notice"}



class LanguageError(ValueError):
    pass


@dataclass(frozen=True, slots=True, eq=False)  # one object per folder (see get): hashed by identity
class Language:
    code: str
    folder: Path
    name: str
    hyphenation: str             # pyphen's dictionary
    wordfreq: str                # wordfreq's word list
    lemmas: str                  # simplemma's language
    compound_links: tuple[str, ...]  # linking sounds between the parts of a compound ("" for none)
    readability: tuple[float, float, float]  # Flesch: base - a * words/sentence - b * syllables/word
    foreign_other: str           # the language letters are most often confused with (wordfreq's code)
    foreign_notice: str          # shown when a letter looks written in that other language

    @property
    def rules_dir(self) -> Path:
        return self.folder / "rules"

    @property
    def classes_dir(self) -> Path:
        return self.folder / "classes"

    def text_file(self, name: str) -> Path:
        return self.folder / "text" / name

    def text_data(self, name: str) -> dict:
        """A TOML file of text/ ({} when the language has none)."""
        return _toml(self.text_file(name))

    def file(self, name: str) -> Path:
        return self.folder / name

    def __repr__(self) -> str:
        return f"Language({self.code!r}, {str(self.folder)!r})"

    def __reduce__(self):  # pickled (batch workers, caches) as its folder: loaded again on the other side
        return _load, (str(self.folder),)


@lru_cache(maxsize=64)
def _toml(path: Path) -> dict:
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _folders() -> dict[str, Path]:
    found = {code: HERE / code for code in LANGUAGES}
    for entry in os.environ.get("OUTREACH_LANGUAGES", "").split(os.pathsep):
        if entry.strip():
            path = Path(entry).resolve()
            found[path.name] = path
    return found


def codes() -> tuple[str, ...]:
    """Every registered language code, the built-in ones first."""
    return tuple(_folders())


def get(code: str | Language | None = None) -> Language:
    """The language with this code (None: the default one)."""
    if isinstance(code, Language):
        return code
    code = DEFAULT if code is None else code
    folder = _folders().get(code)
    if folder is None:
        raise LanguageError(msg("language.unknown", code=code, known=", ".join(codes())))
    return _load(str(folder))


@lru_cache(maxsize=16)
def _load(folder: str) -> Language:
    path = Path(folder) / "language.toml"
    if not path.is_file():
        raise LanguageError(msg("language.missing", path=path))
    with path.open("rb") as handle:
        try:
            data = tomllib.load(handle)
        except tomllib.TOMLDecodeError as err:
            raise LanguageError(msg("data.toml_invalid", path=path, error=err)) from None
    if set(data) != _KEYS:
        raise LanguageError(msg("data.exact_keys", path=path, keys=", ".join(sorted(_KEYS))))
    for key in ("name", "hyphenation", "wordfreq", "lemmas"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise LanguageError(msg("data.at", where=path, problem=msg("rule.text_required", key=key)))
    links = data["compound_links"]
    if not isinstance(links, list) or not all(isinstance(link, str) for link in links):
        raise LanguageError(msg("language.compound_links", path=path))
    readability, foreign = data["readability"], data["foreign"]
    if not isinstance(readability, dict) or set(readability) != _READABILITY or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in readability.values()):
        raise LanguageError(msg("language.readability", path=path, keys=", ".join(sorted(_READABILITY))))
    if not isinstance(foreign, dict) or set(foreign) != _FOREIGN or not all(
            isinstance(v, str) and v.strip() for v in foreign.values()):
        raise LanguageError(msg("language.foreign", path=path, keys=", ".join(sorted(_FOREIGN))))
    return Language(
        code=Path(folder).name, folder=Path(folder), name=data["name"], hyphenation=data["hyphenation"],
        wordfreq=data["wordfreq"], lemmas=data["lemmas"], compound_links=tuple(links),
        readability=(readability["base"], readability["per_sentence"], readability["per_word"]),
        foreign_other=foreign["other"], foreign_notice=foreign["notice"])
