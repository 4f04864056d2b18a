"""Reading letters from uploads and files: .txt, .md, .docx, with clear Dutch errors."""
import pytest

from outreach.letters import MAX_CHARS, LetterError, read_upload
from outreach.text.document import parse
from tests.conftest import docx_bytes


def test_word_paragraphs_become_letter_paragraphs():
    text = read_upload("brief.docx", docx_bytes("Beste mevrouw Jansen,", "Wij helpen u graag", "Met vriendelijke groet,", "Anna"))
    assert text == "Beste mevrouw Jansen,\n\nWij helpen u graag\n\nMet vriendelijke groet,\n\nAnna\n"
    assert [p.name for p in parse(text).parts] == ["salutation", "body", "closing", "signature"]


@pytest.mark.parametrize("name, data, message", [
    ("kapot.docx", b"PK\x03\x04 niet echt", "beschadigd"),
    ("brief.pdf", b"%PDF-1.7", "wordt niet ondersteund"),
    ("latin1.txt", "Müller".encode("latin-1"), "geen UTF-8"),
    ("bin.txt", b"\x00\x01\x02", "geen tekstbestand"),
    ("groot.txt", ("x" * (MAX_CHARS + 1)).encode(), "te lang"),
])
def test_bad_uploads_get_a_clear_message(name, data, message):
    with pytest.raises(LetterError, match=message) as err:
        read_upload(name, data)
    assert name in str(err.value) and "Error" not in str(err.value)


def test_utf8_with_bom_and_markdown():
    assert read_upload("brief.md", "\ufeff# Brief\n\nBeste Anna,".encode()) == "# Brief\n\nBeste Anna,"
