"""Sentence splitting, tokens and letter parts."""
import pytest

from outreach.text.document import parse


def sentences(text: str) -> list[str]:
    doc = parse(text)
    return [text[s.start:s.end] for s in doc.sentences]


@pytest.mark.parametrize("abbreviation", [
    "o.a.", "bijv.", "d.w.z.", "i.v.m.", "t.a.v.", "dhr.", "mevr.", "art.", "blz.", "nr.",
])
def test_abbreviations_do_not_end_a_sentence(abbreviation):
    text = f"Wij helpen u {abbreviation} Jansen met uw vragen. Bel ons gerust."
    assert sentences(text) == [f"Wij helpen u {abbreviation} Jansen met uw vragen.", "Bel ons gerust."]


@pytest.mark.parametrize("abbreviation", ["enz.", "e.d.", "z.s.m."])
def test_abbreviations_that_may_end_a_sentence(abbreviation):
    text = f"Denk aan huur, energie {abbreviation} Wij helpen u graag."
    assert sentences(text) == [f"Denk aan huur, energie {abbreviation}", "Wij helpen u graag."]
    inside = f"Denk aan huur, energie {abbreviation} of water."
    assert sentences(inside) == [inside]


def test_initials_numbers_and_times_stay_inside_a_sentence():
    text = "Bel J. de Vries tussen 9.00 en 17.00 uur op 1.500 manieren. Dat mag."
    assert sentences(text) == ["Bel J. de Vries tussen 9.00 en 17.00 uur op 1.500 manieren.", "Dat mag."]


@pytest.mark.parametrize("name", ["mw. drs. A.B. Jansen", "dhr. ir. J.P.M. de Vries", "mr. Ö.Ş. Yılmaz"])
def test_titles_and_several_initials_stay_inside_a_sentence(name):
    text = f"Uw contactpersoon is {name}. Zij helpt u graag."
    assert sentences(text) == [f"Uw contactpersoon is {name}.", "Zij helpt u graag."]


def test_a_company_form_may_end_a_sentence():
    text = "De huur is betaald aan Woonstichting De Linde N.V. Wij helpen u graag."
    assert sentences(text) == ["De huur is betaald aan Woonstichting De Linde N.V.", "Wij helpen u graag."]


def test_bullets_and_headings_are_their_own_sentences():
    text = "Wat kunt u doen\nU kunt:\n- bellen met Anna\n- langskomen in het wijkhuis\n\nWij helpen graag."
    assert sentences(text) == [
        "Wat kunt u doen", "U kunt:", "- bellen met Anna", "- langskomen in het wijkhuis", "Wij helpen graag.",
    ]


def test_soft_wrapped_lines_join():
    text = "Wij schrijven u omdat de huur\nnog niet betaald is. Dat kan gebeuren."
    assert sentences(text) == ["Wij schrijven u omdat de huur\nnog niet betaald is.", "Dat kan gebeuren."]


def test_a_lower_case_single_letter_ends_a_sentence():
    assert sentences("Wij bellen u. Dat is fijn.") == ["Wij bellen u.", "Dat is fijn."]


def test_question_and_exclamation_marks():
    assert sentences("Heeft u vragen? Bel ons! Wij helpen.") == ["Heeft u vragen?", "Bel ons!", "Wij helpen."]


LETTER = """Gemeente Utrecht
Postbus 16200

Betreft: hulp bij geldzaken

Beste mevrouw Jansen,

Wij schrijven u omdat uw huur nog niet betaald is.
Dat kan iedereen gebeuren.

Met vriendelijke groet,

Anna de Boer
Team Geldzaken
"""


def test_letter_parts():
    doc = parse(LETTER)
    names = {p.name: LETTER[p.start:p.end] for p in doc.parts}
    assert names["header"] == "Gemeente Utrecht\nPostbus 16200"
    assert names["subject"] == "Betreft: hulp bij geldzaken"
    assert names["salutation"] == "Beste mevrouw Jansen,"
    assert names["body"].startswith("Wij schrijven u") and names["body"].endswith("gebeuren.")
    assert names["closing"] == "Met vriendelijke groet,"
    assert names["signature"] == "Anna de Boer\nTeam Geldzaken"
    assert [s.part for s in doc.body_sentences] == ["body", "body"]


SIGNED = "Beste mevrouw Jansen,\n\nWij helpen u graag.\n\nMet vriendelijke groet,\n\nAnna de Boer\nTeam Geldzaken\n"


@pytest.mark.parametrize("after", [
    "Als u niet betaalt, schakelen wij een deurwaarder in.",     # a sentence right under the name
    "\nP.S. Bel ons gerust",                                      # a postscript, without a full stop
    "\nPS: wij zijn er ook op zaterdag",
    "\nN.B. Uw gegevens blijven bij ons.\nWij delen ze met niemand.",
])
def test_what_speaks_to_the_reader_under_the_signature_is_body(after):
    text = SIGNED + after
    parts = _parts(text)
    assert ("signature", "Anna de Boer\nTeam Geldzaken") in parts
    assert parts[-1] == ("body", after.strip())


@pytest.mark.parametrize("after", ["Postbus 16200, 3500 CE Utrecht", "Tel. 030 - 286 00 00.", "www.utrecht.nl",
                                   "Kenmerk: 2026/123.", "Psycholoog, wijkteam Noord"])
def test_names_roles_and_addresses_under_the_signature_stay_signature(after):
    assert _parts(SIGNED + after)[-1] == ("signature", "Anna de Boer\nTeam Geldzaken\n" + after)


def test_a_threat_under_the_signature_is_found():
    import outreach

    rules = {f.rule for f in outreach.analyze(SIGNED + "Als u niet betaalt, schakelen wij een deurwaarder in.").findings}
    assert {"tone.threat.if_no_reply", "tone.threat.enforcement"} <= rules


def test_a_letter_without_salutation_or_closing_is_all_body():
    doc = parse("Wij helpen u graag. Bel ons.")
    assert [p.name for p in doc.parts] == ["body"]


def test_tokens_carry_exact_offsets():
    text = "Beste  Jansen, e-mail ons: info@voorbeeld.nl"
    doc = parse(text)
    for token in doc.tokens:
        assert text[token.start:token.end] == token.text
    assert "e-mail" in [t.text for t in doc.tokens]


def test_crlf_line_endings():
    text = "Beste Anna,\r\n\r\nWij helpen u graag.\r\n\r\nMet vriendelijke groet,\r\nPiet"
    doc = parse(text)
    assert [p.name for p in doc.parts] == ["salutation", "body", "closing", "signature"]


def test_weekday_and_month_abbreviations():
    text = "Bel ons van ma. t/m vr. tussen 9 en 17 uur. Of kom op 3 jan. 2027 langs. Bel met Jan. Hij helpt."
    assert sentences(text) == ["Bel ons van ma. t/m vr. tussen 9 en 17 uur.", "Of kom op 3 jan. 2027 langs.",
                               "Bel met Jan.", "Hij helpt."]


def test_numbered_list_markers_are_not_sentences():
    text = "Wat kunt u doen?\n1. Bel ons.\n2. Kom langs.\n3) Mail ons."
    assert sentences(text) == ["Wat kunt u doen?", "1. Bel ons.", "2. Kom langs.", "3) Mail ons."]


def test_a_wrapped_line_does_not_end_a_sentence_before_a_name():
    text = ("Wij schrijven u omdat wij een bericht kregen van uw verhuurder Woningstichting\n"
            "Omnia Wonen over de huur van oktober.")
    assert sentences(text) == [text]


def test_salutation_after_a_long_address_block():
    header = "\n".join(["Waterbedrijf Oost", "Klantenservice", "Postbus 1", "1000 AA Stad", "",
                        "Mevrouw J. de Vries", "Dorpsstraat 1", "1234 AB Dorp", "", "Datum: 1 november 2026",
                        "Klantnummer: 123456", "Factuurnummer: 98765", "Uw kenmerk: -", "Behandeld door: P. Jansen",
                        "Telefoon: 088 - 123 45 67", ""])
    text = header + "\nGeachte heer, mevrouw,\n\nWij helpen u graag.\n\nMet de meeste hoogachting,\n\nP. Jansen\n"
    names = [p.name for p in parse(text).parts]
    assert names == ["header", "salutation", "body", "closing", "signature"]


@pytest.mark.parametrize("greeting, closing", [
    ("Hey Daan,", "Groetjes,"), ("Hi Sam,", "Cheers,"), ("Hé Noor,", "Mvg,"), ("Beste Anna,", "Hartelijke groeten,"),
])
def test_informal_salutations_and_closings(greeting, closing):
    text = f"{greeting}\n\nJe huur staat nog open. Bel me gerust.\n\n{closing}\nJoris de Wit"
    assert [p.name for p in parse(text).parts] == ["salutation", "body", "closing", "signature"]


def _parts(text: str) -> list[tuple[str, str]]:
    return [(p.name, text[p.start:p.end].strip()) for p in parse(text).parts]


def test_a_greeting_inside_a_line_is_still_the_salutation():
    # An SMS: the reader's name belongs to the greeting, not to the body.
    sms = "Hoi Daan, hier Wijkteam Noord. Je huur staat open. Zullen we even bellen?"
    assert _parts(sms)[0] == ("salutation", "Hoi Daan,")
    assert _parts(sms)[1][0] == "body"


def test_a_letter_pasted_without_line_breaks_keeps_its_parts():
    flat = ("Gemeente Lindeburg Postbus 1 1234 AB Lindeburg Betreft hulp bij geldzaken Geachte heer Bakker, "
            "Wij schrijven u omdat uw energieleverancier ons heeft laten weten dat u een achterstand heeft. "
            "Bel ons op 14 0123. Met vriendelijke groet, Karin de Wit, budgetcoach")
    names = [name for name, _ in _parts(flat)]
    assert names == ["header", "salutation", "body", "closing", "signature"]
    assert ("salutation", "Geachte heer Bakker,") in _parts(flat)
    assert ("signature", "Karin de Wit, budgetcoach") in _parts(flat)


def test_day_and_night_is_not_a_greeting():
    text = "U kunt ons dag en nacht bereiken, ook in het weekend. Wij helpen u graag."
    assert [name for name, _ in _parts(text)] == ["body"]


# --- web and mail addresses: searched only in runs of non-space characters with a hint ----------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from outreach.text.document import ADDRESS, find_addresses  # noqa: E402

_ADDRESS_PIECES = ["www.", "WWW.", "http://", "https://", "@", ".", ".nl", ".NL", ".com", ".be", "-", "+",
                   "/", "a", "b1", "info", "Gemeente", " ", "\n", "\u00a0", "(", ")", "[", "é", "_", ":"]


@given(st.lists(st.sampled_from(_ADDRESS_PIECES), max_size=40).map("".join))
@settings(max_examples=400, deadline=None)
def test_find_addresses_is_address_finditer(text):
    assert find_addresses(text) == [m.span() for m in ADDRESS.finditer(text)]


def test_find_addresses_on_letters():
    text = ("Kijk op www.zandhorst.nl/schuldhulp of mail info@woonbronoost.nl (of: https://x.nl/a?b=1).\n"
            "Bel 030-1234567. mijn.aquanoord.nl, e-mail:hulp@gemeente.NL\u00a0nu.")
    assert find_addresses(text) == [m.span() for m in ADDRESS.finditer(text)] != []
