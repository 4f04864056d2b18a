"""Precomputed word data: syllables, familiarity, lemma and foreign-ness of the words wordfreq knows.

Working these out for a word the process has not seen yet costs tens of microseconds (pyphen's
hyphenation, simplemma's lemmatiser, compound splitting over wordfreq's list): ~4 ms a letter of
new words. The language folder may ship them ready: text/words.tsv.gz, made by

    python -m outreach.text --write [LANGUAGE]

from the WORDS most frequent words of the language's wordfreq list, by calling the very functions
that compute them (outreach/text/syllables.py, frequency.py, lemmas.py, language.py) with this table switched
off. A lookup of a word in it is one dict access; any other word is computed as before, so the
results are the same with or without the table (tests/text/test_words.py).

The file starts with a digest of everything its values were computed from: the versions of
pyphen, wordfreq and simplemma, the code of those four modules, and the language's settings and
data they read (libraries' language codes, compound links, syllable exceptions, separable
particles). When any of them changes, the digest no longer matches and the table is not used
(only speed is lost) until it is made anew; a test says so.

The table is loaded on first use (a tenth of a second; kept as a pickle in the cache folder,
outreach/cache.py), not for a command on one or two letters (cache.on_demand), where loading it
would cost more than it saves.
"""
from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

from outreach import cache
from outreach.languages import Language

FILE = "words.tsv.gz"
WORDS = 200_000
_HEADER = "# outreach word data "
_TEXT = Path(__file__).resolve().parent
_CODE = (_TEXT / "syllables.py", _TEXT / "frequency.py", _TEXT / "lemmas.py", _TEXT / "language.py",
         _TEXT / "participles.py")

# A row: (syllables, familiarity, lemma or None when the lemma is the word itself, foreign,
# participle): see compute. The metrics read a row as the word's facts, by these positions.
Row = tuple[int, float, "str | None", bool, bool]
SYLLABLES, FAMILIARITY, LEMMA, FOREIGN, PARTICIPLE = range(5)

_tables: dict[Language, dict[str, Row]] = {}
_by_lemmas: dict[str, dict[str, Row]] = {}  # simplemma's code -> a table whose lemma column fits it
_by_foreign: dict[tuple[str, str], dict[str, Row]] = {}  # wordfreq's codes (own, other) -> the same
_off = False  # while the table is made: every value computed


def inputs_digest(language: Language) -> str:
    """A digest of everything the table's values depend on (see the module doc)."""
    from importlib.metadata import version

    from outreach.text.lemmas import separable_particles
    from outreach.text.participles import participle_prefixes
    from outreach.text.syllables import _exceptions

    digest = hashlib.sha256()
    for name in ("pyphen", "wordfreq", "simplemma"):
        digest.update(f"{name} {version(name)}\n".encode())
    for field in (language.hyphenation, language.wordfreq, language.lemmas, language.foreign_other,
                  language.compound_links, list(_exceptions(language).items()), separable_particles(language),
                  participle_prefixes(language)):
        digest.update(f"{field!r}\n".encode())
    for path in _CODE:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def rows(language: Language) -> dict[str, Row]:
    """The language's table (loaded on first use), or {} when it has none or it is not used."""
    if _off:
        return {}
    found = _tables.get(language)
    if found is None:
        found = _tables[language] = {} if cache._word_data_on_demand else _load(language)
        if found:
            _by_lemmas.setdefault(language.lemmas, found)
            _by_foreign.setdefault((language.wordfreq, language.foreign_other), found)
    return found


def lemma_rows(lemmas: str) -> dict[str, Row]:
    """A loaded table whose lemma column is simplemma's for this language code ({} if none)."""
    return {} if _off else _by_lemmas.get(lemmas) or {}


def foreign_rows(own: str, other: str) -> dict[str, Row]:
    """A loaded table whose foreign column compares these two wordfreq lists ({} if none)."""
    return {} if _off else _by_foreign.get((own, other)) or {}


def _load(language: Language) -> dict[str, Row]:
    path = language.folder / "text" / FILE
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    digest = inputs_digest(language)
    key = f"{digest} {hashlib.sha256(data).hexdigest()}"
    return cache.cached(f"words-{language.code}", key, lambda: read(data, digest)) or {}


def read(data: bytes, digest: str) -> dict[str, Row] | None:
    """The table in a file's bytes, or None when it was made from other inputs than `digest`."""
    lines = gzip.decompress(data).decode("utf-8").split("\n")
    if lines[0] != _HEADER + digest:
        return None
    numbers: dict[str, float] = {}
    same: dict[tuple[str, str, str, str], Row] = {}  # rows without a lemma of their own are shared
    table: dict[str, Row] = {}
    for line in lines[1:]:
        if not line:
            continue
        word, count, familiar, lemma, foreign, participle = line.split("\t")
        if lemma:
            table[word] = (int(count), numbers.setdefault(familiar, float(familiar)), lemma, foreign == "1",
                           participle == "1")
        else:
            shared = same.get((count, familiar, foreign, participle))
            if shared is None:
                shared = same[(count, familiar, foreign, participle)] = (
                    int(count), numbers.setdefault(familiar, float(familiar)), None, foreign == "1",
                    participle == "1")
            table[word] = shared
    return table


def vocabulary(language: Language, count: int = WORDS) -> list[str]:
    """The `count` most frequent words of the language's wordfreq list (ties by spelling)."""
    import wordfreq

    frequencies = wordfreq.get_frequency_dict(language.wordfreq, wordlist="best")
    words = [w for w in frequencies if w == w.lower() and w.strip() == w and w
             and not any(c in w for c in "\t\n\r")]
    words.sort(key=lambda w: (-frequencies[w], w))
    return words[:count]


def compute(word: str, language: Language) -> Row:
    """A word's row, computed by the libraries (the table must be off: see make)."""
    from outreach.text.frequency import familiarity
    from outreach.text.language import _foreign
    from outreach.text.lemmas import lemma
    from outreach.text.participles import is_participle
    from outreach.text.syllables import syllables

    assert _off, "computed with the table off only"
    own = lemma(word, language.lemmas)
    return (syllables(word, language), familiarity(word, language), None if own == word else own,
            _foreign(word, language.wordfreq, language.foreign_other), is_participle(word, language))


def make(language: Language, count: int = WORDS) -> bytes:
    """The file's bytes: every row computed anew with the table off."""
    global _off
    _off = True
    try:
        lines = [_HEADER + inputs_digest(language)]
        for word in sorted(vocabulary(language, count)):
            count_, familiar, lemma, foreign, participle = compute(word, language)
            lines.append(f"{word}\t{count_}\t{familiar!r}\t{lemma or ''}\t{int(foreign)}\t{int(participle)}")
    finally:
        _off = False
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=9, mtime=0)


def main(argv: list[str]) -> int:
    from outreach import languages

    write = "--write" in argv
    codes = [a for a in argv if not a.startswith("--")] or [languages.DEFAULT]
    for code in codes:
        language = languages.get(code)
        path = language.folder / "text" / FILE
        data = make(language)
        if write:
            path.write_bytes(data)
            print(f"{path}: {len(data):,} bytes")
        else:
            current = path.read_bytes() if path.is_file() else b""
            print(f"{path}: {'up to date' if current == data else 'stale (python -m outreach.text --write)'}")
    return 0

