"""Every export format of outreach/exports/ has its download buttons on the page, with its labels in both
languages, named after the variant; the files are what the format writes."""
from __future__ import annotations

import pytest

from outreach.exports import registry
from tests.test_exports import assert_of_type, contents

from .conftest import letter, slot_key
from .test_app import start, type_letter
from .test_word_downloads import made  # noqa: F401  (the fixture: the buttons' callables by file name)


def buttons():
    for fmt in registry().values():
        for mode, download in fmt.downloads():
            yield fmt, mode, download, fmt.id if mode == "letter" else f"{fmt.id}_review"


def test_every_format_has_its_buttons_and_they_download_what_it_writes(made):  # noqa: F811
    text = letter("threatening")
    at = type_letter(start(), text)
    expected_names = set()
    for fmt, mode, download, key in buttons():
        button = at.download_button(key=slot_key(at, "a", key))
        assert button.label == download.label("nl")
        assert button.help == download.help("nl")
        name = f"Variant-A-reviewkopie.{fmt.extension}" if mode == "review" else f"Variant-A.{fmt.extension}"
        expected_names.add(name)
        data = made[name]()
        assert_of_type(data, fmt.mime)
        if mode == "letter":  # a review copy: the page analyses with the scenario's variables, so other bytes
            assert contents(data, fmt.mime) == contents(fmt.write(text, "nl"), fmt.mime)
    assert expected_names <= set(made)


def test_the_labels_follow_the_interface_language(made):  # noqa: F811
    at = start()
    at.toggle(key="ui.lang_en").set_value(True).run()
    at = type_letter(at, letter("warm"))
    for fmt, mode, download, key in buttons():
        assert at.download_button(key=slot_key(at, "a", key)).label == download.label("en")
        if mode == "review":
            assert f"Variant-A-review-copy.{fmt.extension}" in made


@pytest.mark.parametrize("fmt_id", sorted(registry()))
def test_no_letter_no_buttons(fmt_id):
    at = start()
    assert not [b for b in at.get("download_button") if fmt_id in b.proto.id]
