"""Who sends the letter is no threat; what the letter threatens is."""
from outreach import analyze

LETTER = """Meijer Gerechtsdeurwaarders
Stationsplein 14
7511 JD Enschede

Betreft: uw rekening van Waterbedrijf Oost

Beste mevrouw Yildiz,

Waterbedrijf Oost heeft ons gevraagd een rekening bij u te innen.

  Waterrekening 2024      € 318,40
  Incassokosten           €  47,76

Wij zijn een deurwaarderskantoor. Dat klinkt misschien spannend, maar wij leggen géén beslag.
Bel ons gerust om samen een regeling te maken: 053 - 480 22 60.

Met vriendelijke groet,

Marloes Brink
Medewerker klantcontact
Meijer Gerechtsdeurwaarders
"""


def threats(text: str) -> list[str]:
    return [f.match for f in analyze(text).findings if f.rule.startswith("tone.threat.") and f.points < 0]


def test_sender_account_lines_and_denials_are_no_threat():
    assert threats(LETTER) == []


def test_the_same_words_said_to_the_reader_still_are():
    threatening = LETTER.replace(
        "Bel ons gerust", "Betaalt u niet binnen 14 dagen, dan leggen wij beslag op uw loon. Bel ons gerust")
    assert any("beslag" in m for m in threats(threatening))


def test_vertrouwende_volgers_are_not_turned_away_by_a_sober_creditor_letter():
    assert analyze(LETTER).segments["vertrouwende_volgers"].verdict != "turns_away"


SHARING = ("Beste meneer De Vries,\n\nDe rekening van maart staat nog open. Als een rekening open blijft staan, "
           "geven wij dat na enige tijd door aan uw gemeente.{why} De gemeente kan u dan hulp aanbieden.\n")


def sharing_finding(text: str):
    return next(f for f in analyze(text).findings if f.rule == "privacy.sharing.without_consent")


def test_sharing_the_law_requires_and_the_letter_explains_counts_half_and_caps_nothing():
    bare = sharing_finding(SHARING.format(why=""))
    explained = sharing_finding(SHARING.format(why=" Zo is het in de wet geregeld."))
    assert bare.confident and not explained.confident
    assert explained.points == bare.points / 2
