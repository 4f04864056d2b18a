"""The advice data file: an advisor who edits it gets the file and the entry named, not a traceback."""
import pytest

from outreach.advice.model import AdviceDataError, load_advice


@pytest.fixture()
def advice_file(dutch_copy):
    return dutch_copy / "advice.toml"


@pytest.mark.parametrize("entry,named", [
    ('[[insert]]\nrules = ["intent.offer.gratis"]\nsentence = "De hulp is gratis."\nplace = ["body_end"]\n'
     'paragraph = false\nreason = "Zeg het."\n', "onbekende regel(s): intent.offer.gratis"),
    ('[[insert]]\nrules = ["intent.offer.free"]\nsentence = "De hulp is gratis."\nplace = ["na_de_groet"]\n'
     'paragraph = false\nreason = "Zeg het."\n', "onbekende plaats 'na_de_groet'"),
    ('[[insert]]\nrules = ["intent.offer.free"]\nsentence = "Bel {bron}."\nplace = ["body_end"]\n'
     'paragraph = false\nreason = "Zeg het."\nneeds = ["schoenmaat"]\n', "onbekend feit: schoenmaat"),
    ('[[remove]]\nrules = ["tone.threat.legal"]\n', "ontbreekt: reason"),
    ('[[remove]]\nrules = ["tone.threat.legal"]\nreason = "Weg."\nscope = "woord"\n', "scope"),
    ('keep = ["intent.reason.waarom"]\n', "onbekende regel(s): intent.reason.waarom"),
])
def test_a_mistake_names_file_and_entry(advice_file, entry, named):
    advice_file.write_text(entry, encoding="utf-8")
    with pytest.raises(AdviceDataError) as err:
        load_advice("nl")
    assert "advice.toml" in str(err.value) and named in str(err.value)


def test_the_shipped_file_loads_with_every_kind():
    load_advice.cache_clear()
    kinds = {e.kind for e in load_advice("nl").edits}
    assert kinds == {"insert", "remove", "replace_sentence", "replace"}
    assert "intent.reason.occasion" in load_advice("nl").keep
