"""Word forms to lemmas, via simplemma's shipped data (the language's `lemmas` code)."""
from __future__ import annotations

from functools import lru_cache

from outreach.cache import Table
from outreach.languages import Language
from outreach.text import words
# The longest Dutch words in real use have about 40 letters; a longer run of letters is not a word
# (a pasted hash, a key held down). It is left as it is: no lemma, no hyphenation, no compound
# split, so odd input costs time linear in its length.
LONGEST_WORD = 60


class _CachedDictionaries:
    """simplemma's own dictionaries (a simplemma DictionaryFactory), kept in the cache folder as
    Tables (outreach/cache.py): decoding the Dutch one takes most of a second on every start."""

    def __init__(self) -> None:
        self._tables: dict[str, Table] = {}

    def get_dictionary(self, lang: str) -> Table:
        if lang not in self._tables:
            def build() -> dict[str, str]:
                from simplemma.strategies.dictionaries import DefaultDictionaryFactory

                return dict(DefaultDictionaryFactory().get_dictionary(lang).items())

            version = _simplemma().__version__
            self._tables[lang] = Table(f"simplemma-{lang}", f"simplemma {version} {lang}", build)
        return self._tables[lang]


def _simplemma():
    import simplemma  # imported on first use: a command that lemmatises nothing does not pay for it

    return simplemma


@lru_cache(maxsize=1)
def _lemmatizer():
    from simplemma.strategies import DefaultStrategy

    # simplemma.lemmatize's own set-up (DefaultStrategy, not greedy), with the cached dictionaries
    return _simplemma().Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=_CachedDictionaries()))


@lru_cache(maxsize=65536)
def lemma(word: str, lang: str) -> str:
    """Lower-case lemma of one word (`lang`: simplemma's language code); the word itself when simplemma knows no better."""
    lower = word.lower()
    row = words.lemma_rows(lang).get(lower)  # precomputed (outreach/text/words.py)
    if row is not None:
        return row[2] or lower
    if len(lower) > LONGEST_WORD:
        return lower
    try:
        result = _lemmatizer().lemmatize(lower, lang=lang)
    except (ValueError, KeyError):
        return lower
    return result.lower() if result else lower


@lru_cache(maxsize=4)
def separable_particles(language: Language) -> tuple[str, ...]:
    """Particles that split off a verb ("op" in "opsturen"), longest first (text/passive.toml)."""
    return tuple(sorted(language.text_data("passive.toml").get("particles", ()), key=len, reverse=True))
