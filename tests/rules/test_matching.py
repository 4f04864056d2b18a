"""Term matching: word boundaries, word forms, wildcards, gaps, negation, exact offsets."""
from tests.rules.helpers import findings, make_rule, spans


def existence(terms=(), patterns=(), **extra):
    return make_rule(id="tone.test.rule", kind="existence", terms=list(terms), patterns=list(patterns), **extra)


def test_word_boundaries():
    rule = existence(["indien"])
    assert spans(rule, "U kunt een klacht indienen.") == []
    assert spans(rule, "Indien u vragen heeft, bel ons.") == ["Indien"]


def test_word_forms_through_lemmas():
    rule = existence(["reageren", "boete"])
    assert spans(rule, "Als u reageert krijgt u geen boetes. Als u niet reageert, volgen boetes.") == ["reageert", "boetes"]


def test_exact_form_only():
    rule = existence(["=u"])
    assert spans(rule, "Uw brief en u.") == ["u"]


def test_compound_wildcards():
    rule = existence(["deurwaarder*", "*achterstand"])
    assert spans(rule, "De deurwaarderskosten en uw huurachterstand.") == ["deurwaarderskosten", "huurachterstand"]


def test_alternatives_and_gaps():
    rule = existence(["wij|we gaan u ... helpen"])
    assert spans(rule, "We gaan u graag helpen.") == ["We gaan u graag helpen"]
    assert spans(rule, "Wij gaan u helpen.") == ["Wij gaan u helpen"]
    # A gap never crosses a sentence end.
    assert spans(rule, "Wij gaan u. Helpen doen we.") == []


def test_offsets_come_from_the_match_when_text_repeats():
    rule = existence(["boete"])
    text = "Boete? Geen boete. Toch een boete."
    got = findings(rule, text)
    assert [(f.start, f.end) for f in got] == [(0, 5), (28, 33)]
    assert all(text[f.start:f.end] == f.match for f in got)


def test_negation_skips_reassurance():
    rule = existence(["boete", "deurwaarder"])
    assert spans(rule, "Deze brief is geen boete.") == []
    assert spans(rule, "Wij schakelen de deurwaarder niet in.") == []
    assert spans(rule, "Als u niet betaalt, volgt een boete.") == ["boete"]


def test_negation_required():
    rule = existence(["aantekening"], negation="require", points=5)
    assert spans(rule, "Er komt geen aantekening in uw dossier.") == ["aantekening"]
    assert spans(rule, "Er komt een aantekening.") == []


def test_not_alleen_is_not_a_negation():
    rule = existence(["boete"])
    assert spans(rule, "Niet alleen een boete, ook kosten.") == ["boete"]


def test_patterns_are_anchored_on_word_boundaries():
    rule = existence(patterns=[r"binnen \d+ dagen"])
    text = "Betaal binnen 14 dagen. Of binnen 140 dagenlang."
    assert spans(rule, text) == ["binnen 14 dagen"]


def test_patterns_find_every_place_of_their_words_with_exact_offsets():
    # The engine only runs a pattern around its fixed words ("contact"); every place must count.
    rule = existence(patterns=[r"\w*coach\s+neemt\s+contact\s+met\s+u\s+op"])
    filler = " ".join(["Wij schrijven u over uw rekeningen."] * 30)
    text = f"Een coach neemt contact met u op. {filler} De budgetcoach neemt contact met u op."
    got = findings(rule, text)
    assert [f.match for f in got] == ["coach neemt contact met u op", "budgetcoach neemt contact met u op"]
    assert all(text[f.start:f.end] == f.match for f in got)


def test_patterns_reach_into_the_next_sentence_but_not_further():
    rule = existence(patterns=[r"wilt\s+u\s+hulp\?\s+dan"])
    assert spans(rule, "Wilt u hulp? Dan kunt u bellen.") == ["Wilt u hulp? Dan"]
    far = existence(patterns=[r"hulp[^|]{300,}bellen"])
    long_text = "Wij bieden hulp. " + "Dat is gratis en u beslist zelf. " * 12 + "U kunt bellen."
    assert spans(far, long_text) == []


def test_substitution_reports_alternatives():
    rule = make_rule(id="tone.test.swap", kind="substitution", swap={"middels": ["met", "via"], "ten behoeve van": "voor"},
                     message="'{match}': schrijf {suggestions}")
    got = findings(rule, "Wij sturen middels deze brief informatie ten behoeve van u.")
    assert [(f.match, f.suggestions) for f in got] == [("middels", ("met", "via")), ("ten behoeve van", ("voor",))]
    assert got[0].message == "'middels': schrijf met / via"


def test_required_reports_missing_at_document_level():
    rule = make_rule(id="intent.test.free", kind="required", terms=["gratis"], points=6, missing_points=-8,
                     found_message="U zegt dat het gratis is.")
    missing = findings(rule, "Wij bieden hulp aan.")
    assert [(f.start, f.end, f.points, f.effect) for f in missing] == [(None, None, -8, "hurts")]
    found = findings(rule, "De hulp is gratis.")
    assert [(f.match, f.points, f.effect) for f in found] == [("gratis", 6, "helps")]
    assert findings(rule, "De hulp is niet gratis.")[0].effect == "hurts"


def test_conditional_require_and_forbid():
    rule = make_rule(id="privacy.test.source", kind="conditional", when={"terms": ["uw gegevens"]},
                     require={"terms": ["woningcorporatie"]})
    assert spans(rule, "Wij hebben uw gegevens.") == ["uw gegevens"]
    assert spans(rule, "Wij hebben uw gegevens van de woningcorporatie.") == []
    assert spans(rule, "Wij helpen u.") == []
    mixed = make_rule(id="readability.test.mixed", kind="conditional", when={"terms": ["=u"]},
                      forbid={"terms": ["=je"]}, negation="ignore")
    assert spans(mixed, "U krijgt deze brief omdat je huur open staat.") == ["je"]


def test_occurrence_per_sentence():
    rule = make_rule(id="readability.test.neg", kind="occurrence", scope="sentence", max=1,
                     terms=["=niet", "=geen"], negation="ignore")
    assert spans(rule, "Het is niet zo dat u geen hulp krijgt. Niet doen.") == ["geen"]


def test_max_points_caps_the_rule_total():
    rule = existence(["boete"], points=-10, max_points=-25)
    got = findings(rule, "Boete. Boete. Boete. Boete.")
    assert [f.points for f in got] == [-10, -10, -5, 0]


def test_exceptions_drop_matches_inside_a_phrase():
    rule = make_rule(id="readability.test.jargon", kind="substitution", swap={"schuldhulpverlening": "hulp bij schulden"},
                     exceptions=["wet gemeentelijke schuldhulpverlening"])
    assert spans(rule, "Volgens de Wet gemeentelijke schuldhulpverlening bieden wij schuldhulpverlening.") == \
        ["schuldhulpverlening"]
    got = findings(rule, "Volgens de Wet gemeentelijke schuldhulpverlening bieden wij schuldhulpverlening.")
    assert got[0].start == 60


def test_required_literals_take_alternatives_of_literals():
    """A literal followed by a group of literal alternatives is one requirement: ".nl" or ".com"."""
    from outreach.rules.terms import required_literals

    assert required_literals(r"[a-z0-9]+\.(?:nl|com|info)\b") == (".com", ".info", ".nl")
    assert required_literals(r"(?:uw|je)\s+\w+") is None  # "uw" is too short to filter anything
    assert required_literals(r"(?:ge|ver)stuurd") == ("gestuurd", "verstuurd")


def test_every_match_holds_a_required_literal():
    """The windows a pattern is searched in lie around its literals: no match without one."""
    from pathlib import Path

    from outreach.rules.loader import load_rulebook
    from outreach.rules.terms import compile_pattern, required_literals

    root = Path(__file__).resolve().parents[2]
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "tests" / "letters").rglob("*.txt"))]
    assert texts
    for pattern in load_rulebook("nl").patterns:
        literals = required_literals(pattern)
        if not literals:
            continue
        regex = compile_pattern(pattern)
        for text in texts:
            lowered = text.lower()
            for m in regex.finditer(text):
                assert any(lit in lowered[m.start():m.end()] for lit in literals), (pattern, m.group())


def test_a_start_guard_makes_lookaround_patterns_skip_ahead_without_changing_a_match():
    """compile_pattern puts a lookahead for the possible first characters before a pattern that
    starts with lookarounds (re cannot skip ahead to those); every rule pattern still finds the
    same matches in every rule example and project letter as without it."""
    import re

    from outreach.rules.examples import unmark
    from outreach.rules.loader import load_rulebook
    from outreach.rules.terms import _start_guard, compile_pattern
    from tests.snapshot import letters

    assert _start_guard(r"(?<!\bstuur\s)(?-i:(?!UWV\b)[A-Z]{3,})") == "(?=(?-i:[A-Z]))"  # capitals stay capitals
    assert _start_guard(r"(?<!\bin\s)\w*beslag") == r"(?=[\wb])"  # \w* may be empty: "b" can start it too
    assert _start_guard(r"beslag(?!vrij)") == ""  # re already skips ahead to a literal
    assert _start_guard(r"(?<!x)(?:a|.)b") == ""  # any character: nothing to guard
    book = load_rulebook("nl")
    texts = [unmark(e)[0] for rule in book.rules for e in (*rule.fail, *rule.passes)]
    texts += [text for text, _ in letters().values()]
    guarded = [p for p in book.patterns if _start_guard(p)]
    assert len(guarded) >= 20
    for pattern in guarded:
        plain = re.compile(rf"(?:{pattern})(?:(?<=\w)(?!\w)|(?<=\W))", re.IGNORECASE)
        for text in texts:
            assert [m.span() for m in compile_pattern(pattern).finditer(text)] == \
                [m.span() for m in plain.finditer(text)], (pattern[:60], text[:60])


_PIECES = [r"(?<!\bx\s)", r"(?<=\s)", r"(?!ab)", r"(?=[a-z])", r"\b", "^", "a", "B", "é", r"\d", r"\w", r"\s",
           r"[a-c]", r"[^a]", r"[\]\-^]", r"[-a]", ".", r"\.", r"\(", "(?:ab|c)", "(?:x|)", "(?-i:[A-Z])",
           "(?-i:Q)", "(?i:z)", "a*", "b+", "c?", "(?:de)*", "[0-9]{2,3}", r"\\", r"\n", "(q)", "[é-ü]"]


def test_a_start_guard_never_changes_what_any_pattern_matches():
    """An organisation's pack may hold any pattern: for random ones (lookarounds, classes with
    special characters, case switches, optional starts) the guarded pattern is valid and finds
    exactly what the plain one finds."""
    import re

    from hypothesis import given, settings, strategies as st

    from outreach.rules.terms import _start_guard

    texts = st.text(alphabet=st.sampled_from(list("abcdeBQqzé xX\n.-[]()0123ü\\")), max_size=40)

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=5).map("".join), st.lists(texts, max_size=4))
    def check(pattern, samples):
        try:
            plain = re.compile(rf"(?:{pattern})(?:(?<=\w)(?!\w)|(?<=\W))", re.IGNORECASE)
        except re.error:
            return
        guarded = re.compile(rf"{_start_guard(pattern)}(?:{pattern})(?:(?<=\w)(?!\w)|(?<=\W))", re.IGNORECASE)
        for text in ["stuur STOP naar 12", "xa ab B Q q z é", *samples]:
            assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)]

    check()
