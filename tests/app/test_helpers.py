"""Pure helpers behind the page: findings table and CSV, charts, readability signals, uploads."""
from __future__ import annotations

import io

import pandas as pd
import pytest

import outreach
from outreach.rules.engine import Finding
from outreach.rules.loader import load_rulebook
from outreach.ui import uploads
from outreach.ui.charts import (DIMENSIONS_DATA, SEGMENTS_DATA, dimension_chart, dimension_frame, dimension_spec,
                                segment_frame, segment_spec, with_data)
from outreach.ui.readability import figures, format_value
from outreach.ui.strings import Strings
from outreach.ui.tables import COLUMNS, filter_frame, findings_frame, labelled, to_csv
from outreach.ui.uploads import read_letter_upload
from tests.conftest import docx_bytes

from .conftest import letter

T = Strings("nl")


@pytest.fixture(scope="module")
def threatening():
    return outreach.analyze(letter("threatening"))


def titles():
    book = load_rulebook("nl")
    return {d: p.title for d, p in book.packs.items()}


# -- findings table -------------------------------------------------------------------------------

def test_findings_frame_has_one_row_per_finding(threatening):
    frame = findings_frame(threatening.findings)
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == len(threatening.findings)
    assert list(frame["nr"]) == list(range(1, len(frame) + 1))
    assert set(frame["dimension"]) <= set(titles())
    helps = frame[frame["effect"] == "helps"]
    assert len(helps) and (helps["suggestion"] == "").all()  # a rewrite is offered only where it hurts


def test_filter_by_dimension_and_severity(threatening):
    frame = findings_frame(threatening.findings)
    tone = filter_frame(frame, ["tone"], None)
    assert len(tone) == sum(f.dimension == "tone" for f in threatening.findings) > 0
    assert set(tone["dimension"]) == {"tone"}
    both = filter_frame(frame, ["tone"], ["warning"])
    assert set(both["severity"]) <= {"warning"}
    assert len(filter_frame(frame, [], [])) == len(frame)
    assert len(filter_frame(frame, ["tone"], ["no-such-severity"])) == 0


def test_labelled_frame_uses_the_interface_language(threatening):
    frame = findings_frame(threatening.findings)
    nl = labelled(frame, titles(), Strings("nl"))
    en = labelled(frame, {"tone": "Tone"}, Strings("en"))
    assert "Melding" in nl.columns and "Message" in en.columns
    assert "waarschuwing" in set(nl["Ernst"]) and "warning" in set(en["Severity"])
    assert "schaadt" in set(nl["Effect"])


def test_csv_round_trip_and_formula_injection_is_neutralised():
    f = Finding("tone.x", "tone", "warning", 0, 4, "=cmd|' /C calc'!A0", "+SUM(1)", ("@foo",), -3.0, "hurts")
    shown = labelled(findings_frame([f]), titles(), T)
    data = to_csv(shown)
    assert data.startswith("\ufeff".encode())
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", sep=";", decimal=",")
    assert back.loc[0, "Tekst"] == "'=cmd|' /C calc'!A0"
    assert back.loc[0, "Melding"] == "'+SUM(1)"
    assert back.loc[0, "Voorstel"] == "'@foo"
    assert back.loc[0, "Punten"] == -3.0  # numbers stay numbers


def test_empty_findings_give_an_empty_table_with_headers():
    data = to_csv(labelled(findings_frame([]), {}, T))
    assert pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", sep=";", decimal=",").columns[0] == "Nr"


# -- charts ---------------------------------------------------------------------------------------

def test_segment_chart_has_one_bar_per_segment_coloured_by_verdict(threatening):
    import altair as alt

    labels = {"lands_well": "Komt goed aan", "doubtful": "Twijfel", "turns_away": "Haakt af"}
    order = [r.name for r in threatening.segments.values()]
    spec = segment_spec("nl", labels, (45, 65), order)
    filled = with_data(spec, SEGMENTS_DATA, segment_frame(threatening, labels))
    alt.LayerChart.from_dict(filled, validate=True)  # a valid Vega-Lite chart with its data
    rows = filled["datasets"][SEGMENTS_DATA]
    assert {r["segment"] for r in rows} == set(order)
    assert {r["verdict"] for r in rows} <= set(labels.values())
    assert filled["layer"][0]["encoding"]["color"]["scale"]["range"] == ["#1a7f37", "#9a6700", "#cf222e"]
    assert SEGMENTS_DATA not in spec.get("datasets", {})  # the cached design is left untouched
    assert segment_spec("nl", labels, (45, 65), order) is spec


def test_dimension_chart_profile_has_six_dimensions(threatening):
    import altair as alt

    spec = dimension_spec("nl", titles())
    filled = with_data(spec, DIMENSIONS_DATA, dimension_frame(threatening, titles()))
    alt.LayerChart.from_dict(filled, validate=True)
    assert len(filled["datasets"][DIMENSIONS_DATA]) == 6
    en = dimension_chart({"tone": "Tone"}, Strings("en")).to_dict()
    assert en["title"] == "Profile over the six dimensions"


# -- readability ----------------------------------------------------------------------------------

def test_readability_signals_follow_the_rule_pack():
    book = load_rulebook("nl")
    easy = {f.metric: f for f in figures({"flesch_douma": 80.0, "avg_sentence_words": 9.0}, book)}
    hard = {f.metric: f for f in figures({"flesch_douma": 25.0, "avg_sentence_words": 17.0}, book)}
    assert easy["flesch_douma"].status == "ok" and easy["flesch_douma"].limit_op == ">="
    assert hard["flesch_douma"].status == "bad"
    assert hard["avg_sentence_words"].status == "bad" and hard["avg_sentence_words"].limit == 15
    assert figures({"reading_minutes": 1.0}, book)[0].status == "none"


def test_every_readability_figure_with_a_b1_limit_has_a_rule_that_checks_it():
    """A renamed rule metric must not silently drop a figure's B1 signal on the page."""
    from outreach.ui.readability import FIGURES

    checked = {rule.params.metric for rule in load_rulebook("nl").packs["readability"].rules if rule.kind == "metric"}
    assert {rule_metric for _, rule_metric, _ in FIGURES if rule_metric} <= checked


def test_format_value_uses_a_decimal_comma_in_dutch():
    assert format_value(10.84, "number", "nl") == "10,8"
    assert format_value(10.84, "number", "en") == "10.8"
    assert format_value(0.123, "percent", "nl") == "12%"


# -- uploads --------------------------------------------------------------------------------------

def test_upload_txt_md_and_docx():
    assert read_letter_upload("brief.txt", "Beste mevrouw,\r\nGroet\r\n".encode()).text == "Beste mevrouw,\nGroet\n"
    assert read_letter_upload("brief.md", "# Kop\n".encode()).ok
    outcome = read_letter_upload("brief.docx", docx_bytes("Beste mevrouw Jansen,", "Wij helpen graag."))
    assert outcome.ok and "Wij helpen graag." in outcome.text


@pytest.mark.parametrize("name,data,expected", [
    ("brief.docx", b"PK\x03\x04 dit is geen echt word-bestand", "beschadigd"),
    ("brief.txt", "Geachte heer".encode("utf-16"), "binair"),
    ("brief.txt", b"caf\xe9 latin-1", "UTF-8"),
    ("brief.pdf", b"%PDF-1.4", "niet ondersteund"),
    ("brief.txt", b"   \n ", "geen tekst"),
])
def test_bad_uploads_give_a_dutch_message_not_an_exception(name, data, expected):
    outcome = read_letter_upload(name, data)
    assert not outcome.ok and expected in outcome.error and name in outcome.error


def test_an_unexpected_reader_failure_is_still_a_message(monkeypatch):
    def boom(name, data):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(uploads, "read_upload", boom)
    outcome = read_letter_upload("brief.docx", b"x")
    assert not outcome.ok and "kan niet gelezen worden" in outcome.error
    assert "exploded" not in outcome.error


def test_a_comparison_delta_matches_the_rounded_scores_beside_it():
    from outreach.ui.comparison import _delta, _shown

    # 22.62 shows as 23 and 85.49 as 85: the delta beside them reads +62, not +62,9.
    assert _delta(_shown(85.49) - _shown(22.62), "nl") == "+62"
    assert _delta(_shown(50.0) - _shown(50.2), "nl") == "±0"
