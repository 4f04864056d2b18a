"""Names and amount lines: where a threat word names the sender or lists a cost, not a threat."""
from outreach.text import parse
from outreach.text.spans import amount_lines, name_spans


def names(text: str) -> list[str]:
    return [text[s:e] for s, e in name_spans(parse(text))]


def test_organisation_names_inside_a_sentence_are_names():
    text = "CIB (Centraal Inningsbureau Boetes): uw boete is nog niet betaald. Wij geven het aan Incassobureau Gerritsen & Partners."
    found = names(text)
    assert "Centraal Inningsbureau Boetes" in found
    assert "Incassobureau Gerritsen & Partners" in found


def test_acronym_compounds():
    assert names("Sms van: CIB-Boetes") == ["CIB-Boetes"]
    # a common noun with an acronym in front is no name
    assert names("Onderwerp: Terugvordering WW-uitkering") == []


def test_shouting_and_sentence_starts_are_not_names():
    assert names("Betreft: LAATSTE SOMMATIE VOOR GERECHTELIJKE STAPPEN") == []
    assert names("Deurwaarders komen niet langs. Boetes krijgt u niet.") == []


def test_amount_lines_are_lines_of_an_account():
    text = ("Hoofdsom            € 238,50\nIncassokosten       €  40,00\n"
            "Betreft: LAATSTE AANMANING - vordering € 683,40\n"
            "Dan komen er incassokosten bij van € 40,00.\n")
    lines = [text[s:e].split()[0] for s, e in amount_lines(text)]
    assert lines == ["Hoofdsom", "Incassokosten"]
