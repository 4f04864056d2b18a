"""Workshop data: mechanisms, VSDT steps and the value tensions a letter shows."""
import pytest

import outreach
from outreach.workshop import load_workshop, tensions
from outreach.workshop.model import WorkshopDataError, load_workshop_from
from tests.conftest import LETTERS


def test_workshop_data_covers_the_research():
    workshop = load_workshop()
    ids = {m.id for m in workshop.mechanisms}
    assert {"pettenverwarring", "controle_verliezen", "hulp_accepteren"} <= ids
    assert [s.id for s in workshop.steps] == ["problem", "stakeholders", "mechanism", "design_question", "conditions"]
    assert all(m.intervention for m in workshop.mechanisms)


def test_a_digital_only_letter_shows_efficiency_against_inclusion():
    result = outreach.analyze((LETTERS / "digital_only.txt").read_text(encoding="utf-8"))
    shown = tensions(load_workshop(), result.dimensions)
    assert shown and shown[0].tension.id == "efficient_inclusief"
    assert shown[0].strength > 0 and shown[0].tension.research


def test_a_balanced_letter_shows_no_tension():
    result = outreach.analyze((LETTERS / "warm.txt").read_text(encoding="utf-8"))
    assert tensions(load_workshop(), result.dimensions) == []


def test_an_offer_without_privacy_shows_proactivity_against_privacy():
    text = ("Beste mevrouw Jansen,\n\nU krijgt deze brief omdat uw huur nog niet betaald is. Uw woningcorporatie "
            "heeft ons dat laten weten. Wij bieden u een gratis gesprek aan. Dat is vrijwillig. Als u niet reageert, "
            "gebeurt er niets. Bel mij gerust.\n\nMet vriendelijke groet,\n\nSanne Vermeulen\n")
    result = outreach.analyze(text)
    assert result.dimensions["intent"].score >= 60 > 45 > result.dimensions["privacy"].score
    ids = [t.tension.id for t in tensions(load_workshop(), result.dimensions)]
    assert "proactief_privacy" in ids and "hulp_autonomie" in ids


def test_a_malformed_workshop_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "nl.toml"
    bad.write_text('lang = "nl"\n[[mechanism]]\nid = "x"\n', encoding="utf-8")
    with pytest.raises(WorkshopDataError, match="nl.toml"):
        load_workshop_from(bad)
