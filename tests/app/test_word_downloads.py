"""Back to Word (issue 11) on the page: the letter and a review copy as .docx, named after the variant."""
from __future__ import annotations

import io
import zipfile

import docx
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

import outreach
from outreach.letters import decode_docx

from .conftest import letter, slot_key
from .test_app import start, type_letter


@pytest.fixture()
def made(monkeypatch):
    """The download buttons' callables (their files are made when clicked), by file name."""
    found: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def capture(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        found[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", capture)
    return found


def test_the_letter_and_a_review_copy_download_as_word_documents(made):
    text = letter("threatening")
    at = type_letter(start(), text)
    plain = at.download_button(key=slot_key(at, "a", "docx"))
    review = at.download_button(key=slot_key(at, "a", "docx_review"))
    assert plain.label == "Download als Word (.docx)"
    assert review.label == "Reviewkopie met opmerkingen (.docx)"
    assert {"Variant-A.docx", "Variant-A-reviewkopie.docx"} <= set(made)  # other formats have buttons too
    letter_bytes, review_bytes = made["Variant-A.docx"](), made["Variant-A-reviewkopie.docx"]()
    docx.Document(io.BytesIO(letter_bytes))  # opens as a Word document
    docx.Document(io.BytesIO(review_bytes))
    assert decode_docx(letter_bytes, "a.docx") == text
    assert decode_docx(review_bytes, "a.docx") == text
    with zipfile.ZipFile(io.BytesIO(review_bytes)) as archive:
        notes = archive.read("word/comments.xml").decode("utf-8")
    assert notes.count("<w:comment ") == len(outreach.analyze(text).findings) + 1
    assert "deurwaarder" in notes.lower() or "beslag" in notes.lower()


def test_the_buttons_follow_the_language_and_no_letter_has_none(made):
    at = start()
    assert not [b for b in at.get("download_button") if "docx" in b.proto.id]  # nothing to download yet
    at.toggle(key="ui.lang_en").set_value(True).run()
    at = type_letter(at, letter("warm"))
    assert at.download_button(key=slot_key(at, "a", "docx")).label == "Download as Word (.docx)"
    assert at.download_button(key=slot_key(at, "a", "docx_review")).label == "Review copy with comments (.docx)"
    assert "Variant-A-review-copy.docx" in made
