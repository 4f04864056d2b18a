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
    ("latin1.txt", "Müller".encode("latin-1"), "niet als UTF-8 opgeslagen"),
    ("bin.txt", b"\x00\x01\x02", "geen tekstbestand"),
    ("groot.txt", ("x" * (MAX_CHARS + 1)).encode(), "te lang"),
])
def test_bad_uploads_get_a_clear_message(name, data, message):
    with pytest.raises(LetterError, match=message) as err:
        read_upload(name, data)
    assert name in str(err.value) and "Error" not in str(err.value)


def test_utf8_with_bom_and_markdown():
    assert read_upload("brief.md", "\ufeff# Brief\n\nBeste Anna,".encode()) == "# Brief\n\nBeste Anna,"


def _docx(build) -> bytes:
    import io

    import docx

    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_word_table_stays_where_it_is_in_the_letter():
    def build(document):
        document.add_paragraph("Beste mevrouw Jansen,")
        document.add_paragraph("Wij helpen u graag. Hier kunt u ons bereiken:")
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "Telefoon", "0521 - 123 456"
        table.cell(1, 0).text, table.cell(1, 1).text = "Spreekuur", "dinsdag 9.00 tot 12.00 uur"
        document.add_paragraph("Met vriendelijke groet,")
        document.add_paragraph("Sanne Vermeulen")

    text = read_upload("brief.docx", _docx(build))
    assert text.index("0521 - 123 456") < text.index("Met vriendelijke groet,")
    signature = next(p for p in parse(text).parts if p.name == "signature")
    assert "0521" not in text[signature.start:signature.end]


def test_word_bullets_and_numbered_items_keep_their_markers():
    def build(document):
        document.add_paragraph("Wat kunt u doen?")
        document.add_paragraph("Bel ons", style="List Bullet")
        document.add_paragraph("Kom langs", style="List Bullet")
        document.add_paragraph("Eerste stap", style="List Number")
        document.add_paragraph("Tweede stap", style="List Number")

    text = read_upload("brief.docx", _docx(build))
    assert "- Bel ons\n" in text and "- Kom langs\n" in text
    assert "1. Eerste stap\n" in text and "2. Tweede stap\n" in text


def test_word_list_paragraphs_numbered_on_the_paragraph_keep_their_markers():
    """Word itself writes numbering on the paragraph (style 'List Paragraph'), not in the style."""
    def build(document):
        numbered = document.styles["List Number"].element.pPr.numPr.numId.val
        bullets = document.styles["List Bullet"].element.pPr.numPr.numId.val
        for text, num_id in (("Bel ons", numbered), ("Kom langs", numbered), ("Neem uw post mee", bullets)):
            numbering = document.add_paragraph(text, style="List Paragraph")._p.get_or_add_pPr().get_or_add_numPr()
            numbering.get_or_add_numId().val = num_id
            numbering.get_or_add_ilvl().val = 0

    assert read_upload("brief.docx", _docx(build)) == "1. Bel ons\n2. Kom langs\n- Neem uw post mee\n"
