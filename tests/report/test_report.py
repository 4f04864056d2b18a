"""The HTML report, and the scores as CSV and JSON."""
import io
import json
import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from outreach.compare import compare
from outreach.report import CAVEAT, render_report, scores_csv, scores_json
from tests.conftest import LETTERS

WARM = (LETTERS / "warm.txt").read_text(encoding="utf-8")
THREAT = (LETTERS / "threatening.txt").read_text(encoding="utf-8")
PATERNAL = (LETTERS / "paternalistic.txt").read_text(encoding="utf-8")
XSS = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


class Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


@pytest.fixture(scope="module")
def result():
    return compare([("warm", WARM), ("dreigend", THREAT), ("betuttelend", PATERNAL)])


@pytest.fixture(scope="module")
def report(result):
    return render_report(result, "Huurachterstand oktober", {"problem": "Weinig reactie op brieven",
                                                             "design_question": "Hoe nodigen we uit?"})


def test_report_is_one_html_document_with_the_results(report, result):
    assert report.lstrip().startswith("<!DOCTYPE html>") and report.rstrip().endswith("</html>")
    assert "<title>Huurachterstand oktober</title>" in report
    for name in ("Vertrouwende Volgers", "Zorgvuldige Zelfredzamen", "Voorzichtige Verbinders", "Bereik"):
        assert name in report
    assert report.count("Beste: warm") == 4  # three segments and reach
    delta = result.segments["vertrouwende_volgers"].deltas[1]
    assert f"({delta:+.1f})".replace(".", ",") in report  # a delta against A, with a Dutch decimal comma
    for seg in result.segments.values():
        for label in seg.verdict_labels:
            assert label in report


def test_report_carries_the_caveat(report):
    text = re.sub(r"\s+", " ", report)
    assert "een regelgebaseerde simulatie van onderzoeksbevindingen, geen voorspelling over een persoon" in text
    assert report.count(CAVEAT) >= 2  # at the top and in the footer


def test_report_shows_reactions_reasons_and_fixed_and_introduced(report, result):
    reaction = result.analyses[1].segments["vertrouwende_volgers"].reaction
    assert reaction.replace("'", "&#39;") in report
    assert "Opgelost ten opzichte van A" in report and "Nieuwe problemen ten opzichte van A" in report
    reason = result.analyses[0].segments["vertrouwende_volgers"].reasons[0].text
    assert reason.replace("'", "&#39;") in report


def test_findings_are_marked_in_the_letter_with_their_dimension(report):
    marks = [attrs for tag, attrs in tags(report) if tag == "mark"]
    assert marks
    assert any(a["class"] == "d-tone hurts" for a in marks)
    assert any(a["class"].endswith(" helps") for a in marks)
    assert re.search(r'<mark class="d-tone hurts"[^>]*>deurwaarder</mark>', report)


def test_exercise_is_shown_when_given_and_left_out_otherwise(report, result):
    assert "De oefening" in report and "Weinig reactie op brieven" in report and "Ontwerpvraag" in report
    assert "De oefening" not in render_report(result, "Zonder oefening")


def test_charts_are_inline_svg_bars(report, result):
    found = tags(report)
    assert sum(1 for tag, _ in found if tag == "svg") == 1
    bars = [a for tag, a in found if tag == "rect" and a.get("height") == "16"]
    assert len(bars) == len(result.names) * (len(result.segments) + 1)


def test_report_has_no_scripts_and_no_external_resources(report):
    assert "http://" not in report and "https://" not in report
    assert "url(" not in report and "@import" not in report
    for tag, attrs in tags(report):
        assert tag not in ("script", "img", "iframe", "link", "object", "embed")
        assert not {"src", "href", "srcset", "action"} & set(attrs), (tag, attrs)
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)


def test_report_is_print_friendly(report):
    assert "@media print" in report


def test_user_text_only_ever_appears_escaped():
    hostile = f"Beste lezer,\n\n{XSS} U kunt bellen. {IMG}\nDe deurwaarder komt.\n"
    result = compare([(f"A {XSS}", WARM), (f"B {IMG}", hostile)])
    html = render_report(result, f"Titel {XSS}", {"problem": IMG, "mechanism": XSS})
    assert XSS not in html and IMG not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    for tag, attrs in tags(html):
        assert tag not in ("script", "img")
        assert not any(name.startswith("on") or name == "src" for name in attrs)


def test_identical_variants_are_reported_as_ties():
    html = render_report(compare([("A", WARM), ("B", WARM)]), "Gelijk")
    assert "Gelijk (binnen 0,5 punt): A, B" in html
    assert "De tekst is gelijk aan A." in html


def test_changed_words_are_shown_as_deletions_and_insertions():
    html = render_report(compare([("A", WARM), ("B", WARM.replace("gratis", "kosteloos"))]), "Diff")
    assert "<del>gratis </del><ins>kosteloos </ins>" in html


def test_an_empty_variant_does_not_break_the_report():
    html = render_report(compare([("A", WARM), ("B", "")]), "Leeg")
    assert "de brief is leeg" in html


def test_csv_has_one_row_per_variant_and_segment(result):
    frame = pd.read_csv(io.StringIO(scores_csv(result)))
    assert len(frame) == len(result.names) * len(result.segments) == 9
    assert {"variant", "segment", "score", "verdict", "delta_vs_a", "winner"} <= set(frame.columns)
    row = frame[(frame.variant == "dreigend") & (frame.segment == "vertrouwende_volgers")].iloc[0]
    seg = result.segments["vertrouwende_volgers"]
    assert row.score == seg.scores[1] and row.delta_vs_a == seg.deltas[1]
    assert frame[frame.winner].variant.unique().tolist() == ["warm"]


def test_csv_never_starts_a_cell_with_a_formula():
    result = compare([("=HYPERLINK(\"x\")", WARM), ("+1", THREAT)])
    frame = pd.read_csv(io.StringIO(scores_csv(result)))
    assert not any(str(v).startswith(("=", "+", "-", "@")) for v in frame.variant)


def test_json_scores_have_rows_and_reach(result):
    data = json.loads(scores_json(result))
    assert data["variants"] == ["warm", "dreigend", "betuttelend"]
    assert len(data["rows"]) == 9
    assert [r["variant"] for r in data["reach"]] == data["variants"]
    assert data["reach"][0]["winner"] is True
    assert "geen voorspelling over een persoon" in data["caveat"]


class _Marks(HTMLParser):
    """(text, classes) of every marked stretch of a letter, in order: the report's <mark> and the
    page's oh-mark spans (without their tooltips)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.marks: list[list] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        kind = "tip" if "oh-tip" in classes else "mark" if tag == "mark" or "oh-mark" in classes else ""
        if kind == "mark":
            self.marks.append(["", classes])
        self.stack.append(kind)

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "mark":
            self.marks[-1][0] += data


def _marks(html: str) -> list[tuple[str, str, str]]:
    """(text, dimension, hurts/helps) per mark."""
    parser = _Marks()
    parser.feed(html)
    out = []
    for text, classes in parser.marks:
        dimension = re.search(r"\b(?:oh-)?d-([a-z]+)", classes).group(1)
        effect = "hurts" if re.search(r"\b(?:oh-)?hurts\b", classes) else "helps"
        out.append((text, dimension, effect))
    return out


def test_the_report_and_the_page_colour_overlapping_findings_alike(result, report):
    from outreach.ui.highlight import highlight_html
    from outreach.ui.strings import Strings

    analysis = result.analyses[1]  # the threatening letter: long sentences holding threat words
    page = _marks(highlight_html(result.texts[1], analysis.findings, {}, Strings("nl")))
    letters = re.findall(r'<div class="letter">.*?</div>', report, re.S)
    assert page and _marks(letters[1]) == page


# --- the report in English (issue 11) ------------------------------------------------------------

def _visible(html_text: str) -> str:
    """The report's text as a reader sees it, tooltips (title attributes) included."""
    import html as html_module

    body = re.sub(r"<style.*?</style>", "", html_text, flags=re.S)
    titles = " ".join(re.findall(r'title="([^"]*)"', body))
    return html_module.unescape(re.sub(r"<[^>]+>", " ", body) + " " + titles)


@pytest.fixture(scope="module")
def english(result):
    return render_report(result, "Rent arrears October", {"problem": "Little response", "design_question": "How?"},
                         lang="en")


def test_the_report_in_english_has_no_dutch_of_its_own(english, result):
    from outreach.report import words

    from ..dutch_texts import dutch_in

    assert '<html lang="en">' in english
    seen = _visible(english)
    for key, entry in words().items():
        if entry["nl"] != entry["en"] and "{" not in entry["nl"]:
            assert entry["nl"] not in seen, key
    for dutch in ("van de bevolking", "komt goed aan bij", "Opgelost ten opzichte", "Beste:", "Bereik",
                  "De oefening", "Probleem", "Ontwerpvraag", "Haakt af", "Twijfel", "Komt goed aan"):
        assert dutch not in seen, dutch
    assert "Best: warm" in english and "of the population" in english and "Reach (weighted)" in english
    assert dutch_in(seen, tuple(result.texts)) == []
    for analysis in result.analyses:  # the analysis' own Dutch texts are English
        for f in analysis.findings:
            assert f.message not in seen, f.rule
        for reception in analysis.segments.values():
            assert reception.reaction not in seen
    assert "Threatening language: 'deurwaarder'" in english or "Threatening language" in seen


def test_the_report_in_english_keeps_the_letters_and_uses_decimal_points(english, result):
    letter_text = "".join(re.findall(r'<div class="letter">(.*?)</div>', english, flags=re.S))
    import html as html_module

    plain = html_module.unescape(re.sub(r"<[^>]+>", "", letter_text))
    for text in result.texts:
        assert " ".join(text.split())[:200] in " ".join(plain.split())  # the letters as they are, in Dutch
    delta = result.segments["vertrouwende_volgers"].deltas[1]
    assert f"({delta:+.1f})" in english  # a decimal point in English
    assert not re.search(r'class="num[^"]*">\d+,\d', english)


def test_the_template_uses_exactly_its_catalogue():
    from outreach.report import TEMPLATE_DIR, TEMPLATE, words

    template = (TEMPLATE_DIR / TEMPLATE).read_text(encoding="utf-8")
    used = set(re.findall(r'\bt\("([a-z_]+)"', template))
    assert used == set(words()), (used ^ set(words()))
    assert "|nl(" not in template  # numbers go through `num`, in the report's language


def test_the_dutch_report_is_the_default(result, report):
    assert render_report(result, "Huurachterstand oktober", {"problem": "Weinig reactie op brieven",
                                                               "design_question": "Hoe nodigen we uit?"},
                         lang="nl") == report
    assert '<html lang="nl">' in report and "Beste: warm" in report and "Best: warm" not in report
