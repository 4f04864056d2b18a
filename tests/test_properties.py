"""Property tests: analyze never raises on arbitrary Unicode, and every span is valid."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import outreach
from outreach.rules.schema import DIMENSIONS

DUTCH_BITS = st.sampled_from([
    "Beste mevrouw Jansen,\n\n", "Geachte heer/mevrouw,\n", "Met vriendelijke groet,\n", "boete", "geen boete",
    "U bent verplicht", "o.a.", "z.s.m. ", "bel 030 - 123 45 67", "www.gemeente.nl", "u", "je", "...", "\n\n",
    "- ", "1. ", ". ", "? ", "!", "ë", "ij", "İ", "ß", "\u2028", "\r\n", "[[", "]]", "{{ naam }}", "<script>",
])
TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(DUTCH_BITS, st.text(max_size=12)), max_size=40).map("".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_analyze_never_raises_and_spans_are_exact(text):
    result = outreach.analyze(text)
    data = result.to_dict()
    assert set(data["dimensions"]) == set(DIMENSIONS)
    positions = []
    for finding in data["findings"]:
        start, end = finding["start"], finding["end"]
        if start is None:
            assert end is None
            continue
        assert 0 <= start < end <= len(text)
        assert text[start:end] == finding["match"]
        positions.append(start)
    assert positions == sorted(positions)
    for dimension in data["dimensions"].values():
        assert 0 <= dimension["score"] <= 100
        assert abs(sum(c["points"] for c in dimension["contributions"]) - dimension["score"]) < 1e-6
    for segment in data["segments"].values():
        assert 0 <= segment["score"] <= 100


@settings(max_examples=30, deadline=None)
@given(TEXT)
def test_analyze_is_deterministic(text):
    assert outreach.analyze(text).to_dict() == outreach.analyze(text).to_dict()
