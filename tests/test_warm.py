"""outreach.analysis.warm: the one warm-up of the app, its advice workers and `check` on many letters."""
from __future__ import annotations

from outreach import analysis, languages
from outreach.rules.loader import load_rulebook
from outreach.rules.terms import compile_pattern
from outreach.text import words


def test_every_language_has_a_sample_letter():
    for code in languages.LANGUAGES:
        text = languages.get(code).file(analysis.SAMPLE_LETTER).read_text(encoding="utf-8")
        assert len(text.split()) >= 200, "a typical letter, so the warm-up touches what letters need"
        assert analysis.analyze(text, code).findings


def test_warm_compiles_every_pattern_and_loads_the_word_data():
    compile_pattern.cache_clear()
    analysis.warm("nl")
    compiled = compile_pattern.cache_info().currsize
    assert compiled >= len(set(load_rulebook("nl").patterns))
    assert words.rows(languages.get("nl"))


def test_warm_without_a_sample_letter(monkeypatch):
    monkeypatch.setattr(analysis, "SAMPLE_LETTER", "no_such_letter.txt")
    analysis.warm("nl")  # the rule book still loads; the word data comes with the first letter
