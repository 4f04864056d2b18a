"""Reading a letter from a file or an upload: .txt, .md or .docx, with clear Dutch errors.

Everything read here is bounded before it is parsed: a file is read up to MAX_BYTES + 1 bytes
and only when it is a regular file; a .docx is checked member by member (sizes, compression
ratio, count, paragraphs) from its zip directory before python-docx sees it.
"""
from __future__ import annotations

import errno
import io
import os
import re
import stat
import zipfile
from pathlib import Path

from outreach.messages import msg

MAX_CHARS = 200_000          # a letter is a few thousand; this bounds work and memory
MAX_BYTES = 5_000_000        # a .docx with images can be large while its text is small
TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")
DOCX_SUFFIXES = (".docx",)
# A .docx is a zip. Its directory states every member's size; zipfile never returns more than the
# stated size (and fails on a mismatch), so these checks bound what python-docx can unpack.
DOCX_MAX_MEMBERS = 1_000
DOCX_MAX_TOTAL = 60_000_000       # all members unpacked (images included)
DOCX_MAX_XML = 12_000_000         # the XML parts unpacked: what lxml builds a tree of
DOCX_MAX_RATIO = 100              # unpacked/packed of one member: Word's XML packs about 5-20 times
DOCX_RATIO_FROM = 1_000_000       # the ratio counts for members that unpack to more than this
DOCX_MAX_PARAGRAPHS = 20_000      # counted in the XML before it is parsed
MAX_NAME_BYTES = 255              # one path component, as most file systems allow
_PARAGRAPH = re.compile(rb"<w:p[\s/>]")


class LetterError(ValueError):
    """A letter that cannot be read; the message is meant for the user (Dutch)."""


def display_name(name: str, limit: int = 120) -> str:
    """A file name as it can be shown on one line: no control characters, no undecodable bytes."""
    text = str(name).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def decode_text(data: bytes, name: str) -> str:
    if b"\x00" in data:  # anywhere, not only at the start: a text letter holds no NUL
        raise LetterError(msg("letter.binary", name=name))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise LetterError(msg("letter.not_utf8", name=name, byte=err.start)) from None
    return check_length(text, name)


def check_length(text: str, name: str | None = None) -> str:
    if len(text) > MAX_CHARS:
        raise LetterError(msg("letter.too_long", name=name or msg("letter.default_name"),
                              chars=_thousands(len(text)), limit=_thousands(MAX_CHARS)))
    return text


def _docx_unreadable(name: str) -> LetterError:
    return LetterError(msg("letter.docx_broken", name=name))


def _too_big_docx(name: str, what: str) -> LetterError:
    return LetterError(msg("letter.docx_too_big", name=name, what=what))


def check_docx(data: bytes, name: str) -> None:
    """Refuse a .docx whose zip would unpack to too much (a 'zip bomb') before anything parses it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > DOCX_MAX_MEMBERS:
                raise _too_big_docx(name, msg("letter.docx_members", count=len(members), limit=DOCX_MAX_MEMBERS))
            total = sum(m.file_size for m in members)
            xml = sum(m.file_size for m in members if m.filename.endswith((".xml", ".rels")))
            if total > DOCX_MAX_TOTAL or xml > DOCX_MAX_XML:
                raise _too_big_docx(name, msg("letter.docx_unpacked", mb=max(total, xml) // 1_000_000))
            for member in members:
                if member.file_size > DOCX_RATIO_FROM and \
                        member.file_size > DOCX_MAX_RATIO * max(1, member.compress_size):
                    raise _too_big_docx(name, msg("letter.docx_ratio"))
            body = next((m for m in members if m.filename == "word/document.xml"), None)
            if body is not None and _paragraphs(archive, body) > DOCX_MAX_PARAGRAPHS:
                raise _too_big_docx(name, msg("letter.docx_paragraphs", limit=_thousands(DOCX_MAX_PARAGRAPHS)))
    except LetterError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, ValueError,
            KeyError, OSError, EOFError):
        raise _docx_unreadable(name) from None
    except Exception:  # zlib and zip errors of corrupt files come in many kinds
        raise _docx_unreadable(name) from None


def _paragraphs(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> int:
    """Word paragraphs (<w:p>) in the document's XML, counted in a stream of 1 MB chunks."""
    count, tail = 0, b""
    with archive.open(member) as stream:
        while chunk := stream.read(1 << 20):
            window = tail + chunk
            count += len(_PARAGRAPH.findall(window)) - len(_PARAGRAPH.findall(tail))
            tail = window[-5:]
            if count > DOCX_MAX_PARAGRAPHS:
                break
    return count


def _list_formats(document):
    """A function paragraph -> 'bullet', a number format such as 'decimal', or None (not a list item).

    Word marks a list item by its style ("List Bullet", "List Number") or by numbering properties
    on the paragraph, whose format is in the numbering part. Style names and formats are looked up
    once per document: python-docx resolves a paragraph's style by scanning all styles.
    """
    from docx.enum.style import WD_STYLE_TYPE

    by_style: dict[str, str] = {}
    for style in document.styles:
        if style.type == WD_STYLE_TYPE.PARAGRAPH and style.name:
            if style.name.startswith("List Bullet"):
                by_style[style.style_id] = "bullet"
            elif style.name.startswith("List Number"):
                by_style[style.style_id] = "decimal"
    formats: dict[tuple, str] = {}

    def numbered(num_id: int, level: int) -> str:
        if (num_id, level) not in formats:
            try:
                part = document.part.numbering_part.element
                abstract = part.num_having_numId(num_id).abstractNumId.val
                found = part.xpath(f'./w:abstractNum[@w:abstractNumId="{abstract}"]'
                                   f'/w:lvl[@w:ilvl="{level}"]/w:numFmt/@w:val')
            except (KeyError, AttributeError, NotImplementedError):
                found = []
            formats[(num_id, level)] = found[0] if found else "bullet"
        return formats[(num_id, level)]

    def list_format(paragraph) -> str | None:
        properties = paragraph._p.pPr
        if properties is None:
            return None
        numbering = properties.numPr
        if numbering is not None and numbering.numId is not None:
            return numbered(numbering.numId.val, numbering.ilvl.val if numbering.ilvl is not None else 0)
        return by_style.get(properties.style)

    return list_format


def _docx_blocks(document) -> list[tuple[str, bool, bool]]:
    """(text, is a list item, has no space after) for each paragraph and table row, in the order
    of the document. A paragraph with no space after and a list right under it read as one block
    of lines (outreach/word.py writes a list under a line of text that way)."""
    from docx.table import Table

    list_format = _list_formats(document)
    blocks: list[tuple[str, bool, bool]] = []
    counters: dict[object, int] = {}
    size = 0
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            rows = [("\t".join(cell.text.strip() for cell in row.cells), False, False) for row in item.rows]
        else:
            text, kind = item.text.strip(), list_format(item)
            if kind is None or not text:
                counters.clear()  # a paragraph between two lists starts the numbering again
                rows = [(text, False, item.paragraph_format.space_after == 0)]
            elif kind == "bullet":
                rows = [("- " + text, True, False)]
            else:
                numbering = item._p.pPr.numPr
                key = numbering.numId.val if numbering is not None and numbering.numId is not None else kind
                counters[key] = counters.get(key, 0) + 1
                rows = [(f"{counters[key]}. {text}", True, False)]
        for row in rows:
            blocks.append(row)
            size += len(row[0]) + 2
            if size > MAX_CHARS:
                return blocks
    return blocks


def decode_docx(data: bytes, name: str) -> str:
    """The paragraphs, list items and table rows of a Word document as plain text, in order.

    Each Word paragraph is a paragraph of the letter (Word's spacing is not in empty paragraphs);
    list items keep a marker ("- ", "1. ") and stand on consecutive lines; a table row is one line
    with its cells separated by tabs.
    """
    check_docx(data, name)
    import docx  # python-docx; imported here so the CLI starts fast for plain text
    from docx.opc.exceptions import PackageNotFoundError

    try:
        blocks = [block for block in _docx_blocks(docx.Document(io.BytesIO(data))) if block[0]]
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise _docx_unreadable(name) from None
    except MemoryError:
        raise _too_big_docx(name, msg("letter.docx_memory")) from None
    except Exception:  # lxml and zip errors of corrupt files come in many kinds
        raise LetterError(msg("letter.docx_unreadable", name=name)) from None
    out: list[str] = []
    for i, (text, listed, _) in enumerate(blocks):
        if i:
            _, listed_before, tight_before = blocks[i - 1]
            out.append("\n" if listed and (listed_before or tight_before) else "\n\n")
        out.append(text)
    text = "".join(out)
    return check_length(text + "\n" if text else "", name)


def read_upload(name: str, data: bytes) -> str:
    """Text of an uploaded letter; LetterError with a Dutch message when it cannot be used."""
    if len(data) > MAX_BYTES:
        raise LetterError(msg("letter.upload_too_big", name=name, mb=len(data) // 1_000_000,
                              limit=MAX_BYTES // 1_000_000))
    suffix = Path(name).suffix.lower()
    if suffix in DOCX_SUFFIXES:
        return decode_docx(data, name)
    if suffix in TEXT_SUFFIXES or not suffix:
        return decode_text(data, name)
    raise LetterError(msg("letter.type_unsupported", name=name, suffix=suffix))


_OS_ERRORS = {  # message ids
    errno.ENOENT: "letter.not_found",
    errno.ENOTDIR: "letter.not_found_dir",
    errno.EACCES: "letter.no_access",
    errno.EPERM: "letter.no_access",
    errno.ENAMETOOLONG: "letter.name_too_long",
    errno.ELOOP: "letter.loop",
    errno.EISDIR: "letter.is_dir",
    errno.ENXIO: "letter.not_regular",
    errno.EAGAIN: "letter.not_regular",
}


def _thousands(count: int) -> str:
    return f"{count:,}".replace(",", ".")


def _os_problem(path: str, err: OSError) -> LetterError:
    reason = msg(_OS_ERRORS.get(err.errno or 0, "letter.unreadable"))
    return LetterError(msg("data.at", where=display_name(path), problem=reason))


def _kind(mode: int) -> str | None:
    """Why a file of this mode is not a letter to read, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return msg("letter.is_dir")
    if stat.S_ISFIFO(mode):
        return msg("letter.is_fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return msg("letter.is_device")
    if stat.S_ISSOCK(mode):
        return msg("letter.is_socket")
    return msg("letter.not_regular")


def check_path(path: str) -> None:
    """Refuse a path that is not a readable letter, without reading it: a missing file, a map, a
    device, a pipe, a name that is too long, a file over MAX_BYTES. LetterError (Dutch) otherwise."""
    shown = display_name(path)
    if not path:
        raise LetterError(msg("letter.name_empty"))
    if "\x00" in path:
        raise LetterError(msg("letter.name_nul", name=shown))
    try:
        encoded = os.fsencode(path)
    except (UnicodeError, ValueError):
        raise LetterError(msg("letter.name_unreadable", name=shown)) from None
    if any(len(part) > MAX_NAME_BYTES for part in encoded.split(b"/")):
        raise LetterError(msg("letter.name_too_long_max", name=shown, limit=MAX_NAME_BYTES))
    try:
        info = os.stat(encoded)
    except OSError as err:
        raise _os_problem(path, err) from None
    reason = _kind(info.st_mode)
    if reason:
        raise LetterError(msg("data.at", where=shown, problem=reason))
    if info.st_size > MAX_BYTES:
        raise LetterError(msg("letter.file_too_big", name=shown, size=_thousands(info.st_size),
                              limit=_thousands(MAX_BYTES)))


def read_bounded(path: str) -> bytes:
    """The bytes of a regular file, at most MAX_BYTES; never blocks on a pipe or reads a device."""
    check_path(path)
    shown = display_name(path)
    try:
        fd = os.open(os.fsencode(path), os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as err:
        raise _os_problem(path, err) from None
    try:
        reason = _kind(os.fstat(fd).st_mode)  # the file may have been swapped since check_path
        if reason:
            raise LetterError(msg("data.at", where=shown, problem=reason))
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            data = handle.read(MAX_BYTES + 1)
    except OSError as err:
        raise _os_problem(path, err) from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > MAX_BYTES:
        raise LetterError(msg("letter.file_over", name=shown, limit=_thousands(MAX_BYTES)))
    return data


def read_path(path: str) -> str:
    """Text of a letter on disk, for the command line."""
    data = read_bounded(path)
    shown = display_name(path)
    if Path(path).suffix.lower() in DOCX_SUFFIXES:
        return decode_docx(data, shown)
    return decode_text(data, shown)  # any other name: text if it decodes as UTF-8
