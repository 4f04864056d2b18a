"""Golden tests: complete letters (tests/letters/) and what an advisor must see for each."""
import pytest

import outreach
from tests.conftest import LETTERS

VV, ZZ, VB = "vertrouwende_volgers", "zorgvuldige_zelfredzamen", "voorzichtige_verbinders"


def analysis(name: str):
    return outreach.analyze((LETTERS / f"{name}.txt").read_text(encoding="utf-8"))


def problems(result) -> set[tuple[str, str]]:
    return {(f.rule.rsplit(".", 1)[0], f.match) for f in result.findings if f.effect == "hurts"}


def helps(result) -> set[str]:
    return {f.rule.rsplit(".", 1)[0] for f in result.findings if f.effect == "helps"}


def test_bureaucratic_letter():
    result = analysis("bureaucratic")
    found = problems(result)
    assert ("tone.officialese", "Middels") in found
    assert ("tone.threat", "ontruiming") in found
    assert ("tone.threat", "Indien u niet reageert") in found
    assert ("tone.cold", "Geachte heer/mevrouw") in found
    assert ("contact.hurt", "Klant Contact Centrum") in found
    assert any(rule == "readability.sentence" for rule, _ in found)
    assert result.metrics["avg_sentence_words"] > 20
    assert result.dimensions["tone"].score < 30 and result.dimensions["readability"].score < 40
    assert all(r.verdict == "turns_away" for r in result.segments.values())


def test_warm_letter():
    result = analysis("warm")
    assert not any(f.severity in ("warning", "error") and f.dimension == "tone" for f in result.findings)
    assert {"tone.warm", "intent.offer", "autonomy.choice", "autonomy.exit", "privacy.retention",
            "contact.route"} <= helps(result)
    assert result.metrics["flesch_douma"] > 70
    assert all(r.verdict == "lands_well" for r in result.segments.values())
    assert result.reach.lands_well_share == 1.0


def test_digital_only_letter():
    result = analysis("digital_only")
    rules = {f.rule for f in result.findings if f.effect == "hurts"}
    assert "contact.route.nondigital" in rules or "contact.hurt.digital_only" in rules
    assert "contact.phone.number" in rules  # no phone number: a document-level finding
    scores = {sid: r.score for sid, r in result.segments.items()}
    assert scores[VV] > scores[ZZ] > scores[VB]
    assert result.segments[VB].verdict == "turns_away"


def test_threatening_letter():
    result = analysis("threatening")
    found = problems(result)
    for match in ("deurwaarder", "incassobureau", "beslag", "laatste waarschuwing"):
        assert any(m == match for _, m in found), match
    assert ("autonomy.decided", "Wij hebben een afspraak voor u ingepland") in found
    assert all(r.verdict == "turns_away" for r in result.segments.values())
    reaction = result.segments[VB].reaction
    assert "fout gedaan" in reaction or "schrik" in reaction


def test_paternalistic_letter():
    result = analysis("paternalistic")
    found = problems(result)
    assert ("tone.paternal", "gaan wij u helpen") in found
    assert ("tone.paternal", "Wij regelen alles") in found
    assert ("tone.label", "Mensen in uw situatie") in found
    assert ("autonomy.decided", "Er is al een afspraak voor u gemaakt") in found
    scores = {sid: r.score for sid, r in result.segments.items()}
    assert scores[ZZ] == min(scores.values())
    assert result.segments[ZZ].verdict == "turns_away"


@pytest.mark.parametrize("name", ["bureaucratic", "warm", "digital_only", "threatening", "paternalistic"])
def test_every_span_is_exact_and_sorted(name):
    result = analysis(name)
    starts = [f.start for f in result.findings if f.start is not None]
    assert starts == sorted(starts)
    for f in result.findings:
        if f.start is not None:
            assert result.text[f.start:f.end] == f.match


def test_ranking_of_the_golden_letters():
    reach = {name: analysis(name).reach.score
             for name in ("bureaucratic", "warm", "digital_only", "threatening", "paternalistic")}
    assert reach["warm"] == max(reach.values())
    assert reach["digital_only"] > reach["threatening"]
    assert reach["digital_only"] > reach["bureaucratic"]
