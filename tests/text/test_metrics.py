"""Readability metrics on the body of a letter."""
import pytest

from outreach import languages
from outreach.text.document import parse
from outreach.text.frequency import familiarity, zipf
from outreach.text.metrics import document_metrics, is_passive
from outreach.text.participles import is_participle

NL = languages.get("nl")


def test_flesch_douma_follows_the_formula():
    text = "Wij helpen u graag. Bel ons als u vragen heeft."
    m = document_metrics(parse(text))
    assert m["words"] == 10 and m["sentences"] == 2
    expected = 206.835 - 0.93 * (10 / 2) - 77 * m["syllables_per_word"]
    assert m["flesch_douma"] == pytest.approx(expected, abs=0.1)


def test_metrics_ignore_salutation_and_signature():
    text = "Geachte heer, mevrouw,\n\nWij helpen u graag.\n\nMet vriendelijke groet,\nDe afdeling Belastingen en Heffingen"
    m = document_metrics(parse(text))
    assert m["words"] == 4 and m["sentences"] == 1


def test_long_sentences_are_counted():
    long = " ".join(["woord"] * 25) + "."
    m = document_metrics(parse(long + " Kort zinnetje."))
    assert m["max_sentence_words"] == 25
    assert m["long_sentence_share"] == 0.5


@pytest.mark.parametrize("sentence", [
    "Uw gegevens worden door ons verwerkt.",
    "Uw aanvraag werd gisteren afgewezen.",
    "De brief is verstuurd.",
    "Wij weten dat uw huur nog niet is betaald.",
    "Dit formulier moet worden opgestuurd.",
])
def test_passive_sentences(sentence):
    assert is_passive(parse(sentence).sentences[0], NL)


@pytest.mark.parametrize("sentence", [
    "Wij verwerken uw gegevens.",
    "Wij zijn gestart met een nieuw spreekuur.",
    "U bent welkom op het spreekuur.",
    "Het is gelukt.",
    "Dat is gezond.",
])
def test_active_sentences(sentence):
    assert not is_passive(parse(sentence).sentences[0], NL)


def test_participles():
    assert is_participle("opgestuurd", NL) and is_participle("betaald", NL) and is_participle("gemaakt", NL)
    assert not is_participle("gezond", NL) and not is_participle("gebied", NL) and not is_participle("gemeente", NL)


def test_word_frequency_from_wordfreq():
    assert zipf("gemeente", "nl") > 5
    assert zipf("onverwijld", "nl") < 3
    assert zipf("xqzvwk", "nl") == 0.0


def test_compounds_count_as_familiar_as_their_parts():
    assert zipf("huurachterstand", "nl") < 3 <= familiarity("huurachterstand", NL)
    assert familiarity("onverwijld", NL) < 3


def test_empty_body_gives_zero_metrics():
    assert document_metrics(parse("   "))["words"] == 0


def test_passive_with_strong_participles_and_not_with_states():
    from outreach.text.document import parse
    from outreach.text.metrics import is_passive

    def passive(text: str) -> bool:
        return is_passive(parse(text).sentences[0], NL)

    assert passive("Uw aanvraag wordt besproken.")
    assert passive("De brief werd verzonden.")
    assert not passive("Alles is duurder geworden.")
    assert not passive("U bent niet verplicht om te reageren.")
    assert not passive("U bent misschien geschrokken van deze brief.")


def test_separable_verbs_are_as_familiar_as_their_parts():
    from outreach.text.frequency import UNCOMMON_BELOW, familiarity

    for word in ("tegenzit", "rondkomt", "terugbelt"):
        assert familiarity(word, NL) >= UNCOMMON_BELOW, word
    for word in ("ingevolge", "aanmaning", "retourneren"):  # no particle + common verb
        assert familiarity(word, NL) < UNCOMMON_BELOW, word
