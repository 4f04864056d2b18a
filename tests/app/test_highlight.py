"""highlight.py: every bit of text is escaped; marks follow the findings; overlaps are handled."""
from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from outreach.rules.engine import Finding
from outreach.formatting import pieces
from outreach.ui.highlight import css_token, highlight_html, legend_html, whole_letter_html
from outreach.ui.strings import Strings

T = Strings("nl")
TITLES = {"tone": "Toon", "readability": "Leesbaarheid", "contact": "Contact"}
ALLOWED_TAGS = {"div", "span", "ul", "li"}
ALLOWED_ATTRS = {"class", "tabindex", "role"}


def finding(start, end, text="", dim="tone", effect="hurts", severity="warning", message="Let op",
            suggestions=("Schrijf het anders",), rule="tone.test.rule"):
    return Finding(rule, dim, severity, start, end, text, message, tuple(suggestions), -3.0, effect)


class Strict(HTMLParser):
    """Collects tags, attributes and text; refuses anything outside a small whitelist."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.in_tip = [], [], 0
        self.stack = []

    def handle_starttag(self, tag, attrs):
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs:
            assert name in ALLOWED_ATTRS, name
            assert not name.startswith("on")
        self.tags.append(tag)
        tip = ("class", "oh-tip") in attrs
        self.stack.append(tip)
        self.in_tip += tip

    def handle_endtag(self, tag):
        self.in_tip -= self.stack.pop()

    def handle_data(self, data):
        if not self.in_tip:
            self.text.append(data)


def parse(html: str) -> Strict:
    parser = Strict()
    parser.feed(html)
    parser.close()
    return parser


def test_script_and_img_in_the_letter_are_text_not_markup():
    text = "Beste <script>alert(1)</script> en <img src=x onerror=alert(1)> groet"
    start = text.index("<script>")
    html = highlight_html(text, [finding(start, start + 25, text[start:start + 25])], TITLES, T)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "".join(parse(html).text) == text


def test_messages_suggestions_titles_and_classes_are_escaped():
    evil = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
    f = finding(0, 5, "Beste", dim='tone" onmouseover="x', message=evil, suggestions=(evil,), severity=evil)
    html = highlight_html("Beste mevrouw", [f], {'tone" onmouseover="x': evil}, T)
    assert "<img" not in html and "<script" not in html and "onmouseover=" not in html
    parse(html)  # only whitelisted tags and attributes
    whole = whole_letter_html([finding(None, None, dim=evil, message=evil, suggestions=(evil,))], {}, T)
    assert "<img" not in whole and "<script" not in whole
    parse(whole)


def test_css_token_keeps_only_safe_characters():
    assert css_token('tone" onclick="x') == "toneonclickx"
    assert css_token("") == "x"


def test_overlapping_findings_cut_the_letter_into_pieces():
    text = "Wij gaan u helpen met uw schulden."
    sentence = finding(0, len(text), text, dim="readability", severity="suggestion")
    word = finding(text.index("schulden"), text.index("schulden") + 8, "schulden", dim="tone")
    result = pieces(text, [sentence, word])
    assert "".join(text[p.start:p.end] for p in result) == text
    assert [p.findings for p in result] == [(0,), (1, 0), (0,)]  # the word first: it is more specific


def test_helps_style_and_hurts_style():
    text = "Het gesprek is gratis."
    helps = finding(15, 21, "gratis", dim="contact", effect="helps", severity="info", message="Goed")
    html = highlight_html(text, [helps], TITLES, T)
    assert "oh-helps" in html and "oh-hurts" not in html and "Dit helpt" in html
    html = highlight_html(text, [finding(0, 3, "Het")], TITLES, T)
    assert "oh-hurts" in html and "Voorstel: Schrijf het anders" in html


def test_whole_letter_findings_listed_separately_problems_first():
    good = finding(None, None, dim="contact", effect="helps", severity="info", message="Goed: telefoon")
    bad = finding(None, None, dim="contact", message="Geen naam")
    html = whole_letter_html([good, bad], TITLES, T)
    assert html.index("Geen naam") < html.index("Goed: telefoon")
    assert whole_letter_html([finding(0, 2)], TITLES, T) == ""
    assert highlight_html("ab", [good], TITLES, T).count("oh-mark") == 0


def test_spans_outside_the_text_are_clipped_or_ignored():
    text = "kort"
    html = highlight_html(text, [finding(2, 99), finding(50, 60), finding(3, 3)], TITLES, T)
    assert "".join(parse(html).text) == text
    assert html.count('class="oh-mark') == 1
    assert highlight_html("", [], TITLES, T) == '<div class="oh-letter" role="document"></div>'


def test_legend_names_every_dimension():
    html = legend_html(TITLES, T)
    for title in TITLES.values():
        assert title in html
    parse(html)


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab <>&\"'/=\n\té")), max_size=60),
       spans=st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70), st.booleans()), max_size=8))
def test_any_letter_and_any_spans_give_safe_html_that_keeps_the_text(text, spans):
    findings = [finding(a, b, effect="helps" if h else "hurts") for a, b, h in spans]
    html = highlight_html(text, findings, TITLES, T)
    parsed = parse(html)
    assert "".join(parsed.text) == text
    covered = "".join(text[p.start:p.end] for p in pieces(text, findings))
    assert covered == text
