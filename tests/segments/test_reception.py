"""Metamorphic tests of the segment model: edits a researcher would predict, and what they do."""
import re
import shutil

import pytest

import outreach
from outreach import languages
from outreach.segments import load_model
from outreach.segments.model import SegmentModelError, load_model_from
from outreach.segments.reception import parse_shares, receive

VV, ZZ, VB = "vertrouwende_volgers", "zorgvuldige_zelfredzamen", "voorzichtige_verbinders"

BASE = """Betreft: hulp bij uw geldzaken

Beste mevrouw Jansen,

U krijgt deze brief omdat de huur van oktober nog niet betaald is. Woonstichting De Linde heeft ons dat laten weten.

Wij willen graag met u meedenken over uw geldzaken. Het gesprek is gratis. U hoeft niets te doen als u dat niet wilt.
{extra}
Wilt u eerst zelf kijken? Doe dan de geldcheck in onze app.
{contact}
Met vriendelijke groet,

Sanne Vermeulen
Geldhulp Westerveen
"""
CONTACT = """Of bel mij op 0521 - 123 456, op werkdagen van 9.00 tot 17.00 uur. U kunt ook zonder afspraak langskomen op het inloopspreekuur in het wijkhuis, elke dinsdag van 9.00 tot 12.00 uur.
"""
PRIVACY = """
Wat doen wij met uw gegevens? Wij weten alleen dat de huur van oktober nog open staat. Dat hebben wij gekregen van Woonstichting De Linde, omdat de wet dat toestaat. Wij gebruiken dit alleen om u deze brief te sturen. Niemand anders krijgt het te zien. Na zes maanden verwijderen wij het. U mag altijd vragen welke gegevens wij hebben, en u kunt ze laten verwijderen. Vragen of een klacht? Bel onze privacyfunctionaris.
"""


def letter(extra: str = "", contact: str = CONTACT) -> str:
    return BASE.format(extra=extra, contact=contact)


def scores(text: str) -> dict[str, float]:
    return {sid: r.score for sid, r in outreach.analyze(text).segments.items()}


def delta(before: str, after: str) -> dict[str, float]:
    a, b = scores(before), scores(after)
    return {sid: b[sid] - a[sid] for sid in a}


def test_base_letter_is_not_saturated():
    # The edits below need room to move both ways.
    for score in scores(letter()).values():
        assert 35 < score < 95


def test_privacy_paragraph_helps_zorgvuldige_zelfredzamen_more_than_vertrouwende_volgers():
    d = delta(letter(), letter(extra=PRIVACY))
    assert d[ZZ] > 0 and d[ZZ] > d[VV]


def test_removing_phone_and_walk_in_next_to_an_app_hurts_voorzichtige_verbinders_most():
    d = delta(letter(), letter(contact=""))
    assert d[VB] < 0
    assert d[VB] == min(d.values())


def test_dropping_the_walk_in_but_keeping_the_phone_still_hurts_voorzichtige_verbinders_most():
    phone_only = "Of bel mij op 0521 - 123 456, op werkdagen van 9.00 tot 17.00 uur.\n"
    d = delta(letter(), letter(contact=phone_only))
    assert d[VB] < 0 and d[VB] == min(d.values()), d


def test_a_mild_must_does_not_cap_a_good_letter_like_a_threat():
    must = "U moet wel uw bankafschriften meenemen.\n"
    threat = "Als u niet betaalt, schakelen wij de deurwaarder in.\n"
    mild, hard = scores(letter(extra=PRIVACY + must)), scores(letter(extra=PRIVACY + threat))
    assert all(mild[sid] > hard[sid] for sid in mild), (mild, hard)


THREATS = [
    "U bent verplicht om binnen 14 dagen te reageren.\n",
    "Als u niet betaalt, schakelen wij de deurwaarder in.\n",
    "Indien u niet reageert, volgt een boete.\n",
]


@pytest.mark.parametrize("threat", THREATS)
def test_a_threat_lowers_every_segment_and_none_lands_well(threat):
    good = letter(extra=PRIVACY)
    d = delta(good, letter(extra=PRIVACY + threat))
    assert all(v < 0 for v in d.values()), d
    result = outreach.analyze(letter(extra=PRIVACY + threat))
    assert all(r.verdict != "lands_well" for r in result.segments.values())


def test_officialese_and_merged_sentences_hurt_voorzichtige_verbinders_most():
    plain = letter()
    official = plain.replace(
        "U krijgt deze brief omdat de huur van oktober nog niet betaald is. Woonstichting De Linde heeft ons dat laten weten.",
        "Middels deze brief delen wij u mede dat ons door Woonstichting De Linde is medegedeeld dat de huur "
        "over de maand oktober teneinde onduidelijke redenen vooralsnog niet is voldaan, hetgeen wij betreuren.",
    ).replace(
        "Wij willen graag met u meedenken over uw geldzaken. Het gesprek is gratis.",
        "Derhalve verzoeken wij u gaarne om in overleg te treden inzake uw financiële situatie, "
        "waarbij wij opmerken dat aan dit gesprek geen kosten verbonden zijn.",
    )
    d = delta(plain, official)
    assert d[VB] < 0 and d[VB] == min(d.values()), d


def test_paternalism_and_an_appointment_made_for_them_hurt_zorgvuldige_zelfredzamen_most():
    pushy = ("Wij gaan u helpen, want u heeft hulp nodig. "
             "Wij hebben alvast een afspraak voor u ingepland op dinsdag 4 november om 10.00 uur.\n")
    d = delta(letter(), letter(extra=pushy))
    assert d[ZZ] < 0 and d[ZZ] == min(d.values()), d


def test_what_goes_well_and_things_to_do_yourself_help_every_segment():
    helpful = ("Wij zien dat u uw andere rekeningen altijd op tijd betaalt. Dat is knap.\n"
               "Dit kunt u zelf doen:\n"
               "- Zet uw vaste kosten op een rij.\n"
               "- Vraag uw verhuurder om een betalingsregeling.\n"
               "- Kijk welke toeslagen u kunt krijgen.\n"
               "Lukt het niet? Dan helpen wij u op de achtergrond.\n")
    d = delta(letter(), letter(extra=helpful))
    assert all(v > 0 for v in d.values()), d


def test_contributions_sum_to_the_score():
    for text in (letter(), letter(extra=THREATS[0]), letter(extra=PRIVACY)):
        for reception in outreach.analyze(text).segments.values():
            assert sum(r.points for r in reception.contributions) == pytest.approx(reception.score, abs=0.05)


def test_reasons_point_at_findings_with_spans():
    result = outreach.analyze(letter(extra=THREATS[1]))
    reasons = result.segments[VB].reasons
    linked = [r for r in reasons if r.finding is not None]
    assert linked
    for reason in linked:
        finding = result.findings[reason.finding]
        assert finding.start is None or result.text[finding.start:finding.end] == finding.match


def test_verdict_thresholds():
    model = load_model()
    assert model.verdict(model.lands_well) == "lands_well"
    assert model.verdict(model.turns_away) == "doubtful"
    assert model.verdict(model.turns_away - 0.1) == "turns_away"


def test_reactions_are_in_the_segments_voice_and_from_the_templates():
    result = outreach.analyze(letter(extra=THREATS[1]))
    reaction = result.segments[VB].reaction
    assert reaction and "{{" not in reaction
    model = load_model()
    warm = outreach.analyze(letter(extra=PRIVACY)).segments[ZZ]
    assert warm.reaction


def test_reach_is_share_weighted_and_shares_can_be_set():
    result = outreach.analyze(letter())
    expected = sum(r.share * r.score for r in result.segments.values())
    assert result.reach.score == pytest.approx(expected, abs=0.1)
    only_zz = outreach.analyze(letter(), shares={VV: 0, ZZ: 100, VB: 0})
    assert only_zz.reach.score == pytest.approx(only_zz.segments[ZZ].score, abs=0.1)
    lands = only_zz.segments[ZZ].verdict == "lands_well"
    assert only_zz.reach.lands_well_share == (1.0 if lands else 0.0)


@pytest.mark.parametrize("shares, message", [
    ({VV: 50, ZZ: 50, VB: 50}, "150"),
    ({VV: -10, ZZ: 60, VB: 50}, "negatief"),
    ({VV: 100}, "precies deze segmenten"),
])
def test_invalid_shares_are_refused_with_a_clear_message(shares, message):
    with pytest.raises(SegmentModelError, match=message):
        outreach.analyze(letter(), shares=shares)


def test_parse_shares():
    model = load_model()
    assert parse_shares("39, 22, 39", model) == {VV: 39, ZZ: 22, VB: 39}
    with pytest.raises(SegmentModelError, match="100"):
        parse_shares("10,10,10", model)
    with pytest.raises(SegmentModelError, match="getallen"):
        parse_shares("a,b,c", model)


def test_the_model_loads_only_from_its_data_file_and_a_weight_change_changes_the_result(tmp_path):
    source = load_model().path
    copy = tmp_path / "nl.toml"
    shutil.copy(source, copy)
    text = copy.read_text(encoding="utf-8")
    # Zorgvuldige Zelfredzamen: privacy weighs 0.30, contact 0.05; swap them.
    changed = text.replace("privacy = 0.30\nreadability = 0.05\ncontact = 0.05",
                           "privacy = 0.05\nreadability = 0.05\ncontact = 0.30", 1)
    assert changed != text
    copy.write_text(changed, encoding="utf-8")
    original, edited = load_model(), load_model_from(copy)
    analysis = outreach.analyze(letter(extra=PRIVACY))
    before = receive(original, analysis.dimensions, analysis.findings)[0][ZZ].score
    after = receive(edited, analysis.dimensions, analysis.findings)[0][ZZ].score
    dims = analysis.dimensions
    # The score moves by exactly the weight moved times the difference of the two dimensions.
    assert dims["privacy"].score != dims["contact"].score
    assert after - before == pytest.approx(0.25 * (dims["contact"].score - dims["privacy"].score), abs=0.02)


@pytest.mark.parametrize("edit, message", [
    (("share = 22", "share = 30"), "100"),
    (("privacy = 0.30", "privacy = 0.90"), "samen 1 zijn (nu samen 1,6)"),
    (('id = "threat"', 'id = "threat"\ncolour = "red"'), "onbekende sleutel(s): colour"),
    (("[verdicts]", "[verdicts]\n[[broken"), "geen geldige TOML"),
])
def test_a_malformed_model_file_is_a_clear_error(tmp_path, edit, message):
    copy = tmp_path / "nl.toml"
    copy.write_text(open(load_model().path, encoding="utf-8").read().replace(*edit, 1), encoding="utf-8")
    with pytest.raises(SegmentModelError, match=re.escape(message)) as err:
        load_model_from(copy)
    assert "nl.toml" in str(err.value)


def test_docs_list_every_weight_and_trigger_of_the_data_file():
    """docs/model.md traces every weight and trigger; it must not drift from the data."""
    from tests.conftest import ROOT

    doc = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    model = load_model()
    for segment in model.segments:
        for trigger in segment.triggers:
            row = f"| {segment.name} | {trigger.id} |"
            assert row in doc, row
            line = doc[doc.index(row):].splitlines()[0]
            assert f"| {trigger.factor:g} | {trigger.max_points:g} |" in line, line
    weights = doc[doc.index("### Weights per segment"):doc.index("Why:")]
    for dimension in ("tone", "intent", "autonomy", "privacy", "readability", "contact"):
        line = next(l for l in weights.splitlines() if l.startswith(f"| {dimension} |"))
        cells = [c.strip() for c in line.strip("|").split("|")][1:]
        assert [float(c) for c in cells] == [s.weights[dimension] for s in model.segments], line
    assert f"≥ {model.lands_well:g}" in doc and f"< {model.turns_away:g}" in doc


def test_passing_data_on_without_consent_turns_the_careful_away_and_unsettles_the_cautious():
    shared = letter(extra="Wij geven uw achterstand door aan uw verhuurder en aan de afdeling Werk en Inkomen.\n")
    before, after = outreach.analyze(letter()).segments, outreach.analyze(shared).segments
    assert after[ZZ].verdict == "turns_away" and after[ZZ].score < before[ZZ].score
    assert after[VB].verdict != "lands_well" and after[VB].score < before[VB].score
    assert "vlag achter mijn naam" in after[ZZ].reaction


def test_one_phrase_is_one_reason_per_segment():
    text = letter(extra="U moet het formulier invullen.\n")
    reception = outreach.analyze(text).segments[ZZ]
    must = [r for r in reception.contributions if r.source.startswith("trigger:") and "'U moet'" in r.text]
    assert len([r for r in must if r.points]) == 1, [(r.source, r.points) for r in must]


def test_trusting_readers_start_higher_and_say_why():
    result = outreach.analyze(letter())
    base = {s: result.segments[s].contributions[0] for s in (VV, ZZ, VB)}
    assert base[VV].points > base[ZZ].points == base[VB].points
    assert "basisvertrouwen" in base[VV].text


PHONE_ONLY = """Beste mevrouw Jansen,

Wij willen u helpen met uw geldzaken. Bel ons op 0521 - 123 456.

Met vriendelijke groet,

Sanne Vermeulen
Geldhulp Westerveen
"""


def test_a_letter_with_an_app_that_lands_well_lets_vertrouwende_volgers_arrange_it_online():
    reception = outreach.analyze(letter()).segments[VV]  # the base letter offers the app
    assert reception.verdict == "lands_well"
    assert "online" in reception.reaction and "bel ze" not in reception.reaction


def test_a_letter_without_a_digital_route_never_gets_the_reaction_that_it_can_be_done_online():
    result = outreach.analyze(PHONE_ONLY)
    assert not any(f.rule == "contact.route.digital" and f.effect == "helps" for f in result.findings)
    for reception in result.segments.values():
        assert "online kan regelen" not in reception.reaction, (reception.name, reception.reaction)
        assert "regel het meteen online" not in reception.reaction, (reception.name, reception.reaction)


@pytest.mark.parametrize("edit, named", [
    (('rules = ["contact.route.digital"]', 'rules = ["contact.digital"]'), "contact.digital"),
    (('rules = ["tone.pressure.*"]', 'rules = ["tone.presure.*"]'), "tone.presure.*"),
])
def test_a_trigger_naming_a_rule_that_does_not_exist_is_refused_on_load(tmp_path, edit, named):
    copy = tmp_path / "nl.toml"
    text = open(load_model().path, encoding="utf-8").read()
    assert edit[0] in text
    copy.write_text(text.replace(*edit, 1), encoding="utf-8")
    with pytest.raises(SegmentModelError, match=re.escape(f"onbekende regel '{named}'")) as err:
        load_model_from(copy)
    assert "nl.toml" in str(err.value)


def test_reasons_show_a_dimension_score_as_the_card_does():
    """A score of 88.5 is '89' on the card (halves away from zero); the reason must not say '88'."""
    import dataclasses

    analysis = outreach.analyze(letter())
    dimensions = {d: dataclasses.replace(s, score=88.5) for d, s in analysis.dimensions.items()}
    reasons = receive(load_model(), dimensions, analysis.findings)[0][VV].contributions
    texts = [r.text for r in reasons if r.source.startswith("dimension:")]
    assert texts and all("scoort 89/100" in t for t in texts), texts


def test_a_rule_id_named_in_the_segment_code_that_does_not_exist_is_refused_on_load(monkeypatch):
    from outreach.segments import model as segment_model

    monkeypatch.setattr(segment_model, "CODE_RULE_REFERENCES", {"contact.digital": "outreach/segments/reception.py"})
    with pytest.raises(SegmentModelError, match=re.escape("reception.py: onbekende regel 'contact.digital'")):
        load_model_from(languages.get("nl").file("segments.toml"))


def test_share_errors_write_numbers_as_the_page_does():
    with pytest.raises(SegmentModelError, match=re.escape("tellen op tot 30,5%")):
        parse_shares("10.5, 10, 10", load_model())
    with pytest.raises(SegmentModelError, match=re.escape("negatief (-2,5%)")):
        parse_shares("-2.5, 52.5, 50", load_model())
