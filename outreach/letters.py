"""Reading a letter from a file or an upload: .txt, .md or .docx, with clear Dutch errors."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

MAX_CHARS = 200_000          # a letter is a few thousand; this bounds work and memory
MAX_BYTES = 5_000_000        # a .docx with images can be large while its text is small
TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")
DOCX_SUFFIXES = (".docx",)


class LetterError(ValueError):
    """A letter that cannot be read; the message is meant for the user (Dutch)."""


def decode_text(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise LetterError(f"{name}: dit is geen tekstbestand (het bevat binaire gegevens).")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise LetterError(
            f"{name}: de tekst is geen UTF-8 (fout bij byte {err.start}). "
            "Sla het bestand op als UTF-8 of plak de tekst in het tekstvak."
        ) from None
    return check_length(text, name)


def check_length(text: str, name: str = "tekst") -> str:
    if len(text) > MAX_CHARS:
        raise LetterError(
            f"{name}: de tekst is te lang ({len(text):,} tekens; maximaal {MAX_CHARS:,}).".replace(",", ".")
        )
    return text


def decode_docx(data: bytes, name: str) -> str:
    """The paragraphs (and table cells) of a Word document as plain text."""
    import docx  # python-docx; imported here so the CLI starts fast for plain text
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise LetterError(f"{name}: dit Word-bestand is beschadigd of geen .docx. "
                          "Sla het opnieuw op als .docx, of plak de tekst in het tekstvak.") from None
    except Exception:  # lxml and zip errors of corrupt files come in many kinds
        raise LetterError(f"{name}: dit Word-bestand kan niet gelezen worden. "
                          "Sla het opnieuw op als .docx, of plak de tekst in het tekstvak.") from None
    # Each Word paragraph is a paragraph of the letter; Word's spacing is not in empty paragraphs.
    blocks = [p.text.strip() for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            blocks.append("\t".join(cell.text for cell in row.cells))
    text = "\n\n".join(block for block in blocks if block)
    return check_length(text + "\n" if text else "", name)


def read_upload(name: str, data: bytes) -> str:
    """Text of an uploaded letter; LetterError with a Dutch message when it cannot be used."""
    if len(data) > MAX_BYTES:
        raise LetterError(f"{name}: het bestand is te groot ({len(data) // 1_000_000} MB; maximaal "
                          f"{MAX_BYTES // 1_000_000} MB).")
    suffix = Path(name).suffix.lower()
    if suffix in DOCX_SUFFIXES:
        return decode_docx(data, name)
    if suffix in TEXT_SUFFIXES or not suffix:
        return decode_text(data, name)
    raise LetterError(f"{name}: bestandstype '{suffix}' wordt niet ondersteund. Gebruik .txt, .md of .docx.")


def read_path(path: str) -> str:
    """Text of a letter on disk, for the command line."""
    file = Path(path)
    if not file.exists():
        raise LetterError(f"{path}: bestand niet gevonden.")
    if file.is_dir():
        raise LetterError(f"{path}: dit is een map, geen bestand.")
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise LetterError(f"{path}: het bestand is te groot ({size:,} bytes).".replace(",", "."))
        data = file.read_bytes()
    except OSError as err:
        raise LetterError(f"{path}: kan niet gelezen worden ({err.strerror}).") from None
    if file.suffix.lower() in DOCX_SUFFIXES:
        return decode_docx(data, path)
    return decode_text(data, path)  # any other name: text if it decodes as UTF-8
