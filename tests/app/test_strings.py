import pytest

from outreach.ui.strings import LANGS, Strings, StringsError, catalogue, placeholders


def test_every_entry_has_both_languages_with_the_same_placeholders():
    entries = catalogue()
    assert len(entries) > 100
    for key, entry in entries.items():
        assert set(entry) == set(LANGS), key
        assert len({frozenset(placeholders(v)) for v in entry.values()}) == 1, key


def test_every_key_used_in_the_ui_code_exists():
    import re
    from pathlib import Path

    source = "\n".join(p.read_text() for p in (Path(__file__).resolve().parents[2] / "outreach" / "ui").glob("*.py"))
    used = set(re.findall(r'\bt\("([a-z_]+)"', source))
    assert used, "no t(...) calls found"
    missing = sorted(k for k in used if k not in catalogue())
    assert not missing


def test_format_and_fallback_language():
    assert Strings("en")("share_of", share="39") == "39% of the target group"
    assert Strings("nl")("share_of", share="39") == "39% van de doelgroep"
    assert Strings("xx").lang == "nl"
    assert "{{ naam }}" in Strings("nl")("template_help")  # doubled braces show as literal braces


def test_a_broken_catalogue_is_refused(tmp_path, monkeypatch):
    from outreach.ui import strings

    bad = tmp_path / "strings.toml"
    bad.write_text('[x]\nnl = "Hallo {naam}"\nen = "Hello"\n', encoding="utf-8")
    monkeypatch.setattr(strings, "CATALOGUE", bad)
    strings.catalogue.cache_clear()
    try:
        with pytest.raises(StringsError, match="placeholders"):
            strings.catalogue()
    finally:
        strings.catalogue.cache_clear()


def test_md_escape_makes_user_text_literal():
    from outreach.ui.strings import md_escape

    evil = "![x](http://example.org/p.png) [link](javascript:alert(1)) $x$ **b** <img src=x> :red[a]"
    escaped = md_escape(evil)
    import re

    assert re.search(r"(?<!\\)[\[\]()$*<>:!]", escaped) is None  # every special character escaped
    assert re.sub(r"\\(.)", r"\1", escaped) == evil  # nothing lost, only escaped
    assert md_escape("gewone tekst") == "gewone tekst"
