"""Bad uploads through the app's upload function: each refused with one Dutch line, none crashes,
hangs or blows up memory (a zip bomb is refused from its directory, before it is unpacked)."""
from __future__ import annotations

import time

import pytest

from outreach.letters import DOCX_MAX_MEMBERS, DOCX_MAX_PARAGRAPHS, MAX_BYTES, MAX_CHARS
from outreach.ui.uploads import read_letter_upload

from .helpers import (assert_dutch_line, docx_replacing, docx_without, document_xml, paragraphs_docx,
                      run_python, whitespace_bomb)

TEXT = "Beste Anna,\n\nWij helpen graag.\n".encode()

# (case id, file name, bytes or a builder, a word the message must hold)
BAD_UPLOADS = [
    ("empty-txt", "brief.txt", b"", "geen tekst"),
    ("spaces-only", "brief.txt", b"   \n\t \n", "geen tekst"),
    ("nul-first", "brief.txt", b"\x00" + TEXT, "binaire"),
    ("nul-late", "brief.txt", TEXT * 1000 + b"\x00", "binaire"),
    ("nul-after-8k", "brief.txt", b"a" * 9000 + b"\x00b", "binaire"),
    ("nul-md", "brief.md", b"# Brief\x00", "binaire"),
    ("latin1", "brief.txt", "Geachte heer Müller".encode("latin-1"), "UTF-8"),
    ("cp1252-quotes", "brief.txt", b"\x93Beste\x94", "UTF-8"),
    ("utf16", "brief.txt", "Beste Anna".encode("utf-16"), "binaire"),  # UTF-16 holds NUL bytes
    ("lone-surrogate", "brief.txt", b"\xed\xa0\x80", "UTF-8"),
    ("truncated-utf8", "brief.txt", "Beste Zoë".encode()[:-1], "UTF-8"),
    ("overlong-utf8", "brief.txt", b"\xc0\xaf", "UTF-8"),
    ("too-many-chars", "brief.txt", b"x" * (MAX_CHARS + 1), "te lang"),
    ("too-many-bytes", "brief.txt", b"x" * (MAX_BYTES + 1), "te groot"),
    ("multibyte-too-long", "brief.txt", "é".encode() * (MAX_CHARS + 1), "te lang"),
    ("pdf", "brief.pdf", b"%PDF-1.7\n", "niet ondersteund"),
    ("exe", "brief.exe", b"MZ\x90\x00", "niet ondersteund"),
    ("doc", "brief.doc", b"\xd0\xcf\x11\xe0", "niet ondersteund"),
    ("png-as-txt", "brief.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "binaire"),
    ("docx-not-zip", "brief.docx", b"dit is geen zip", "beschadigd"),
    ("docx-empty", "brief.docx", b"", "beschadigd"),
    ("docx-pk-header-only", "brief.docx", b"PK\x03\x04", "beschadigd"),
    ("docx-truncated", "brief.docx", lambda: docx_replacing()[:-100], "beschadigd"),
    ("docx-half", "brief.docx", lambda: docx_replacing()[: len(docx_replacing()) // 2], "beschadigd"),
    ("docx-no-document", "brief.docx", lambda: docx_without("word/document.xml"), "Word-bestand"),
    ("docx-no-content-types", "brief.docx", lambda: docx_without("[Content_Types].xml"), "Word-bestand"),
    ("docx-bad-xml", "brief.docx", lambda: docx_replacing(b"<w:document><unclosed"), "Word-bestand"),
    ("docx-xml-entities", "brief.docx", lambda: docx_replacing(
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document>&c;</w:document>'), "Word-bestand"),
    ("docx-empty-body", "brief.docx", lambda: docx_replacing(document_xml(b"")), "geen tekst"),
    ("docx-empty-paragraphs", "brief.docx", lambda: paragraphs_docx(500), "geen tekst"),
    ("docx-too-many-paragraphs", "brief.docx", lambda: paragraphs_docx(DOCX_MAX_PARAGRAPHS + 1), "alinea"),
    ("docx-20-million-paragraphs", "brief.docx", lambda: paragraphs_docx(2_000_000), "te groot"),
    ("docx-too-much-text", "brief.docx", lambda: paragraphs_docx(4_000, b"x" * 60), "te lang"),
    ("docx-too-many-members", "brief.docx", lambda: docx_replacing(
        extra={f"word/media/m{i}.bin": b"" for i in range(DOCX_MAX_MEMBERS)}), "onderdelen"),
    ("docx-high-ratio-member", "brief.docx", lambda: docx_replacing(
        extra={"word/media/zeros.bin": b"\x00" * 3_000_000}), "ingepakt"),
    ("docx-whitespace-bomb", "brief.docx", whitespace_bomb, "te groot"),
    ("docx-bomb-as-txt", "brief.txt", whitespace_bomb, "binaire"),
    ("docx-as-txt", "brief.txt", docx_replacing, "binaire"),
    ("txt-as-docx", "brief.docx", TEXT, "beschadigd"),
    ("zip-not-docx", "brief.docx", lambda: docx_without("word/document.xml")[:30] + b"\x00" * 10, "beschadigd"),
]


@pytest.mark.parametrize("name, data, needle", [pytest.param(*c[1:], id=c[0]) for c in BAD_UPLOADS])
def test_a_bad_upload_is_refused_with_one_dutch_line(name, data, needle):
    data = data() if callable(data) else data
    started = time.perf_counter()
    outcome = read_letter_upload(name, data)
    assert time.perf_counter() - started < 5
    assert not outcome.ok and outcome.error
    assert needle.lower() in outcome.error.lower(), outcome.error
    assert_dutch_line(outcome.error)


@pytest.mark.parametrize("name", ["", "\n\n", "a" * 5000, "brief\x00.txt", "../../etc/passwd",
                                  "brief.TXT.exe", "\u202ebrief.txt"])
def test_odd_upload_names_never_break_the_message(name):
    outcome = read_letter_upload(name, b"\x00")
    assert not outcome.ok and outcome.error and len(outcome.error) < 400


def _upload_in_child(body: str) -> str:
    """Run `body` in a child with 1 GB of address space, the upload reader and the test files at
    hand (read_letter_upload, whitespace_bomb, paragraphs_docx, resource, time); its output."""
    code = ("import resource, time\n"
            "from tests.reliability.helpers import paragraphs_docx, whitespace_bomb\n"
            "from outreach.ui.uploads import read_letter_upload\n" + body)
    returncode, out, err = run_python(code, timeout=60, memory_mb=1000)
    assert returncode == 0, err
    return out


def test_the_whitespace_bomb_is_refused_fast_and_without_memory_growth():
    out = _upload_in_child(
        "data = whitespace_bomb()\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "t = time.perf_counter(); outcome = read_letter_upload('bom.docx', data); s = time.perf_counter() - t\n"
        "grow = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before\n"
        "print(len(data), s, grow, outcome.error)\n")
    size, seconds, grow, message = out.split(" ", 3)
    assert 3_000_000 < int(size) < 5_000_000  # a 3.9 MB file holding 3.9 GB of spaces
    assert float(seconds) < 0.5 and int(grow) < 10_000  # KB
    assert "te groot" in message


def test_the_largest_accepted_docx_stays_within_memory():
    """A .docx with just under the paragraph and character caps is read in a child with 1 GB of
    address space (Python, lxml and python-docx included)."""
    out = _upload_in_child(
        "data = paragraphs_docx(3_000, b'Wij helpen u graag met uw geldzaken, bel ons. ')\n"
        "outcome = read_letter_upload('groot.docx', data)\n"
        "print(outcome.ok, len(outcome.text or ''), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    ok, chars, _peak = out.split()
    assert ok == "True" and int(chars) > 140_000


def test_a_good_docx_still_reads():
    outcome = read_letter_upload("brief.docx", docx_replacing())
    assert outcome.ok and outcome.text.startswith("Beste Anna,")

