"""Suggestions in the letter's own form of address."""
import pytest

import outreach
from outreach.text.address import address_form, to_je
from outreach.text.document import parse


@pytest.mark.parametrize("u, je", [
    ("Kunt u ons bellen?", "Kun je ons bellen?"),
    ("U bepaalt zelf of u hulp wilt.", "Je bepaalt zelf of je hulp wilt."),
    ("Heeft u vragen? Bel uw buurtcoach.", "Heb je vragen? Bel je buurtcoach."),
    ("U heeft recht op hulp.", "Je hebt recht op hulp."),
    ("Uw verhuurder heeft laten weten dat u een huurachterstand heeft.",
     "Je verhuurder heeft laten weten dat je een huurachterstand hebt."),
    ("Als u niet reageert, heeft dat geen gevolgen.", "Als je niet reageert, heeft dat geen gevolgen."),
])
def test_to_je(u, je):
    assert to_je(u) == je


def test_the_form_of_a_letter():
    assert address_form(parse("Hoi Sam, je huur staat open. Bel je ons?")) == "je"
    assert address_form(parse("Beste mevrouw, uw huur staat open. Belt u ons? Dat kan je overkomen.")) == "u"


def test_following_a_suggestion_in_a_je_letter_does_not_mix_the_forms():
    letter = "Hoi Sam,\n\nJe huur staat open. Wij willen graag met je meedenken.\n\nGroetjes,\nNadia"
    finding = next(f for f in outreach.analyze(letter).findings if f.rule == "autonomy.choice.reader_decides")
    assert "je" in finding.suggestions[0].lower().split() and " u " not in f" {finding.suggestions[0]} "
    improved = letter.replace("meedenken.", "meedenken. " + finding.suggestions[0])
    assert not any(f.rule == "readability.address.mixed" for f in outreach.analyze(improved).findings)
