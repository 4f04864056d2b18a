from pathlib import Path

# `outreach` is installed into .venv (editable, by dev.py); no sys.path edits.
ROOT = Path(__file__).resolve().parents[1]

LETTERS = ROOT / "tests" / "letters"


def docx_bytes(*paragraphs: str) -> bytes:
    """A real Word document with these paragraphs, as an upload would bring it."""
    import io

    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
