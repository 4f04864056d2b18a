"""Letter templates render only in the sandbox, with bounds, and refuse hostile code clearly."""
import pytest

from outreach.templating import MAX_OUTPUT_CHARS, TemplateProblem, parse_template, render

VARS = {"naam": "mevrouw Jansen", "telefoon": "030 - 123 45 67"}


def test_placeholders_are_filled():
    assert render("Beste {{ naam }}, bel {{ telefoon }}.", VARS) == "Beste mevrouw Jansen, bel 030 - 123 45 67."
    assert render("{% if naam %}Beste {{ naam|title }}{% endif %}", VARS) == "Beste Mevrouw Jansen"


def test_undefined_placeholder_names_the_placeholder():
    with pytest.raises(TemplateProblem, match=r"plaatshouder '\{\{ gemeente \}\}' heeft geen waarde"):
        render("Gemeente {{ gemeente }}", VARS)


@pytest.mark.parametrize("hostile", [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ naam.__class__ }}",
    "{{ naam['__class__'] }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ range.__globals__ }}",
])
def test_reaching_python_internals_is_refused(hostile):
    with pytest.raises(TemplateProblem, match="binnenkant van het programma|geen waarde"):
        render(hostile, VARS)


@pytest.mark.parametrize("heavy, message", [
    ("{% for i in range(100000) %}x{% endfor %}", "range"),
    ("{% for i in range(1000) %}{% for j in range(1000) %}x{% endfor %}{% endfor %}", "lussen in lussen"),
    ("{{ 'a' * 1000000000 }}", "te lange tekst"),
    ("{{ ((2**64)**64)**64 }}", "te grote getallen"),
    ("{{ 'aaaa'" + "|replace('a','aaaa')" * 12 + " }}", "te lange tekst"),
    ("{% for i in range(1000) %}{{ naam * 100 }}{% endfor %}", "te lang"),
    ("{{ naam|center(1000000000) }}", "filter .center. bestaat niet"),
    ("{% macro m() %}{% endmacro %}", "macro"),
    ("{% include 'x' %}", "include"),
])
def test_work_and_output_are_bounded(heavy, message):
    with pytest.raises(TemplateProblem, match=message):
        render(heavy, VARS)


def test_syntax_errors_name_the_line():
    with pytest.raises(TemplateProblem, match="regel 2"):
        render("Beste {{ naam }},\n{{ oeps }", VARS, "brief.j2")


def test_output_bound_is_generous_for_real_letters():
    long_letter = "Beste {{ naam }},\n" + "Wij helpen u graag. " * 2000
    assert len(render(long_letter, VARS)) < MAX_OUTPUT_CHARS


def test_parse_lists_placeholders():
    assert parse_template("{{ naam }} {{ telefoon|upper }} {% if x %}{% endif %}").placeholders == {"naam", "telefoon", "x"}
