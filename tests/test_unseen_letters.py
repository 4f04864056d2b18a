"""Letters the rule packs were not written for (review with unseen letters), and what an advisor must see.

- water_formal: a water company's formal reminder with a long letterhead, an IBAN, a reference code,
  officialese threats and a notice that the data go to the municipality.
- geldfit_campaign: a municipality's campaign letter to every household: no signal, no data about the
  reader, an anonymous self-test with a free phone line next to it.
- wijkteam_questions: a good letter in question-and-answer form, to a reader whose name starts with Ö.
"""
import pytest

import outreach
from tests.conftest import LETTERS

VV, ZZ, VB = "vertrouwende_volgers", "zorgvuldige_zelfredzamen", "voorzichtige_verbinders"


def analysis(name: str):
    return outreach.analyze((LETTERS / f"{name}.txt").read_text(encoding="utf-8"))


def problems(result) -> set[tuple[str, str]]:
    return {(f.rule, f.match) for f in result.findings if f.effect == "hurts"}


def helps(result) -> set[tuple[str, str]]:
    return {(f.rule, f.match) for f in result.findings if f.effect == "helps"}


def rules_hurting(result) -> set[str]:
    return {f.rule for f in result.findings if f.effect == "hurts"}


def test_water_formal_letter():
    result = analysis("water_formal")
    found = problems(result)
    assert ("tone.threat.enforcement", "ter incasso uit handen te geven") in found
    assert ("tone.officialese.words", "vordering") in found  # creditor language, not a threat by itself
    assert ("tone.threat.penalty", "voor uw rekening") in found
    passed_on = "uw gegevens ter kennisname aan de gemeente Utrecht verstrekken"
    assert ("privacy.sharing.without_consent", passed_on) in found
    assert ("autonomy.decided.data_passed_on", passed_on) in found
    assert ("tone.pressure.deadline", "binnen veertien dagen") in found
    # An IBAN and a reference code are not shouting, and the IBAN's digits are not a phone number.
    assert not any(f.rule == "tone.shout.capitals" for f in result.findings)
    assert not any(f.rule == "intent.step.next_step" and "0417" in f.match for f in result.findings)
    assert {"intent.offer.free", "intent.offer.voluntary", "intent.nothing.no_consequence"} <= rules_hurting(result)
    assert all(r.verdict == "turns_away" for r in result.segments.values())
    scores = {sid: r.score for sid, r in result.segments.items()}
    # Passing data on without consent hurts the privacy-minded segment most.
    assert scores[ZZ] <= scores[VV]


def test_geldfit_campaign_letter():
    result = analysis("geldfit_campaign")
    good = helps(result)
    assert ("intent.reason.signal_source", "naar alle huishoudens") in good
    assert ("privacy.data.knowledge_limits", "We weten dus niets over") in good
    assert ("intent.offer.voluntary", "als je wilt") in good
    assert ("contact.phone.number", "0800 - 8115") in good
    assert ("tone.warm.normalise", "Veel mensen") in good
    # The self-test has a person behind it: "iemand in de buurt die je kan helpen", a free phone line.
    assert "autonomy.self.diy_without_backup" not in rules_hurting(result)
    assert ("tone.cold.impersonal_salutation", "Beste inwoner") in problems(result)
    scores = {sid: r.score for sid, r in result.segments.items()}
    verdicts = {sid: r.verdict for sid, r in result.segments.items()}
    # Digitally skilled and trusting readers are served best by an online self-test; an anonymous
    # letter that knows nothing about the reader does not turn away the privacy-minded segment.
    assert scores[VV] == max(scores.values())
    assert scores[VV] > scores[VB]
    assert verdicts[VV] == "lands_well"
    assert verdicts[ZZ] != "turns_away"
    assert verdicts[VB] != "lands_well"  # no named person, no walk-in: slow service is missing


def test_wijkteam_questions_letter():
    result = analysis("wijkteam_questions")
    good = helps(result)
    assert ("tone.warm.personal_salutation", "Beste heer Öztürk") in good
    assert not any(f.rule == "tone.cold.impersonal_salutation" for f in result.findings)
    assert ("intent.reason.why_we_write", "Ik schrijf u omdat") in good
    assert ("intent.reason.signal_source", "ons heeft laten weten") in good
    assert ("tone.warm.reassure", "geen aanmaning") in good
    assert ("tone.warm.reassure", "geen boete") in good
    assert ("intent.nothing.no_consequence", "geen gevolgen") in good
    assert ("autonomy.exit.stop_anytime", "u kunt altijd stoppen") in good
    assert ("contact.route.bring_someone", "iemand meenemen") in good
    # "Moet ik iets doen?" as a heading is a question, not pressure; a negated threat is reassurance.
    assert not {"tone.pressure.must", "tone.threat.enforcement", "autonomy.obligation.must"} & rules_hurting(result)
    # The recommended reassurances are not double negations.
    assert "readability.sentence.negations" not in rules_hurting(result)
    assert all(r.verdict == "lands_well" for r in result.segments.values())
    scores = {sid: r.score for sid, r in result.segments.items()}
    # A person, a phone number with times, a walk-in and "bring someone": slow service.
    assert scores[VB] == max(scores.values())


@pytest.mark.parametrize("name", ["water_formal", "geldfit_campaign", "wijkteam_questions"])
def test_every_span_is_exact(name):
    text = (LETTERS / f"{name}.txt").read_text(encoding="utf-8")
    for f in outreach.analyze(text).findings:
        if f.start is not None:
            assert text[f.start:f.end] == f.match
