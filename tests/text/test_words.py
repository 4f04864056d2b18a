"""The precomputed word data (outreach/text/words.py) holds exactly what the libraries compute."""
from __future__ import annotations

import pytest

from outreach import analyze, cache, languages
from outreach.analysis import clear_word_caches
from outreach.text import frequency, lemmas, syllables, words

NL = languages.get("nl")
REMAKE = "the word data is stale: make it anew with `python -m outreach.text --write` and commit it"


def _clear() -> None:
    clear_word_caches("nl")


@pytest.fixture
def table_off():
    """Every value computed by the libraries, as without the table."""
    _clear()
    words._off = True
    try:
        yield
    finally:
        words._off = False
        _clear()


def _shipped() -> dict:
    table = words.read((NL.folder / "text" / words.FILE).read_bytes(), words.inputs_digest(NL))
    assert table is not None, REMAKE
    return table


def test_made_from_the_current_libraries_code_and_data():
    assert len(_shipped()) == words.WORDS
    assert words.rows(NL) == _shipped()  # loaded (through the cache folder) when not on demand


def test_rows_are_what_the_libraries_compute(table_off):
    table = _shipped()
    ordered = sorted(table)
    sample = ordered[::197] + words.vocabulary(NL, 300)  # spread over the alphabet, and the commonest
    for word in sample:
        assert words.compute(word, NL) == table[word], word


def test_a_word_is_looked_up_whatever_its_case():
    row = words.rows(NL)["betaling"]
    _clear()
    assert syllables.syllables("Betaling", NL) == row[0] == 3
    assert frequency.familiarity("BETALING", NL) == row[1]
    assert lemmas.lemma("Betalingen", "nl") == "betaling"


@pytest.mark.parametrize("text", [
    "Beste mevrouw Jansen,\n\nUw betalingsachterstand bij de woningcorporatie is opgelopen. Wij "
    "willen samen met u een betalingsregeling treffen; de schuldhulpverlening kan u helpen.\n\n"
    "Met vriendelijke groet,\n\nAfdeling Incasso\n",
    "Dear customer, your payment is overdue. Please contact us today so we can help you.",
])
def test_analysis_is_the_same_with_and_without_the_table(text):
    words.rows(NL)
    _clear()
    with_table = analyze(text).to_dict()
    _clear()
    words._off = True
    try:
        without = analyze(text).to_dict()
    finally:
        words._off = False
        _clear()
    assert with_table == without


def test_loaded_whole_for_a_batch_whose_other_tables_are_looked_up_word_by_word(monkeypatch):
    monkeypatch.setattr(cache, "_on_demand", True)  # cache.on_demand(word_data=False): a batch
    monkeypatch.setattr(cache, "_word_data_on_demand", False)
    monkeypatch.setattr(words, "_tables", {})
    assert len(words.rows(NL)) > 100_000


def test_stale_data_is_not_used():
    data = (NL.folder / "text" / words.FILE).read_bytes()
    assert words.read(data, "another digest") is None


def test_not_loaded_for_a_command_on_a_few_letters(monkeypatch):
    monkeypatch.setattr(cache, "_on_demand", True)
    monkeypatch.setattr(cache, "_word_data_on_demand", True)
    monkeypatch.setattr(words, "_tables", {})
    monkeypatch.setattr(words, "_by_lemmas", {})
    monkeypatch.setattr(words, "_by_foreign", {})
    assert words.rows(NL) == {}
    assert words.lemma_rows("nl") == {}
    assert words.foreign_rows("nl", "en") == {}
