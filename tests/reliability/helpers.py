"""Builders of bad inputs and the checks every refusal must pass: Dutch, one line, no traceback."""
from __future__ import annotations

import io
import os
import re
import resource
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

from tests.conftest import ROOT, docx_bytes

DUTCH = frozenset(("de", "het", "een", "is", "niet", "geen", "te", "van", "dit", "bestand", "sjabloon",
                   "fout", "kan", "worden", "ontbreken", "ongeldige", "onbekende", "verwacht", "bestaat",
                   "map", "gevonden", "toegang", "lang", "groot", "waarde", "getal", "er", "niets",
                   "geïmporteerd", "veranderd", "te", "maximaal", "kies", "uit", "gewoon"))
ENGLISH = re.compile(r"Traceback|Error\b|Exception|\bthe\b|\binvalid\b|\bexpected\b|\bnot\b", re.I)


def assert_dutch_line(message: str) -> None:
    """One line of Dutch: no traceback, no English exception text."""
    text = message.strip()
    assert text, "an empty message"
    assert "\n" not in text, f"more than one line: {text!r}"
    assert not ENGLISH.search(text), f"English or a traceback: {text!r}"
    words = set(re.findall(r"[a-zà-ÿ]+", text.lower()))
    assert words & DUTCH, f"does not read as Dutch: {text!r}"


def limited(memory_mb: int):
    """preexec_fn: an address-space limit for a child process (its memory cannot blow up the run)."""
    def apply() -> None:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return apply


def run_cli(*args: str, timeout: float = 30, memory_mb: int = 1500, stdin=subprocess.DEVNULL):
    """`python -m outreach ARGS` in a child with a time and memory limit: (exit code, stdout, stderr, seconds)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "outreach", *args], capture_output=True, timeout=timeout,
                          preexec_fn=limited(memory_mb), env=env, cwd=ROOT, stdin=stdin)
    return (done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"),
            time.perf_counter() - started)


def run_python(code: str, timeout: float = 60, memory_mb: int = 1500):
    """A snippet in a child with a time and memory limit: (exit code, stdout, stderr)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=timeout,
                          preexec_fn=limited(memory_mb), env=env, cwd=ROOT)
    return done.returncode, done.stdout.decode(), done.stderr.decode()


# --- .docx files ----------------------------------------------------------------------------------

def _members() -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(docx_bytes("Beste Anna,", "Wij helpen graag."))) as archive:
        return [(m.filename, archive.read(m)) for m in archive.infolist()]


def _raw_zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip from (name, raw deflate data, crc, unpacked size) as stated in its directory."""
    out, central = io.BytesIO(), io.BytesIO()
    for name, data, crc, size in entries:
        offset = out.tell()
        encoded = name.encode()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(data), size, len(encoded), 0))
        out.write(encoded + data)
        central.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(data), size,
                                  len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
    start = out.tell()
    out.write(central.getvalue())
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central.getvalue()),
                          start, 0))
    return out.getvalue()


def _deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def whitespace_bomb(unpacked: int = 3_900_000_000) -> bytes:
    """A .docx whose document.xml unpacks to `unpacked` bytes, mostly spaces (~3.8 MB as a file).

    Built from one deflated 16 MB block of spaces repeated (a full flush makes each block stand
    alone), so it takes milliseconds. Its CRC is not computed: a guard must refuse it from the zip
    directory, before reading a byte of it.
    """
    chunk = 1 << 24
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = packer.compress(b'<?xml version="1.0"?><w:document><w:body>') + packer.flush(zlib.Z_FULL_FLUSH)
    packer.compress(b" " * chunk)
    packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(b" " * chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    count = unpacked // chunk
    tail = packer.compress(b"</w:body></w:document>") + packer.flush()
    body = head + block * count + tail
    size = 41 + count * chunk + 22
    entries = [(name, _deflate(data), zlib.crc32(data), len(data)) for name, data in _members()
               if name != "word/document.xml"]
    entries.append(("word/document.xml", body, 0, size))
    return _raw_zip(entries)


def docx_replacing(document_xml: bytes | None = None, extra: dict[str, bytes] | None = None,
                   stored: bool = False) -> bytes:
    """A real .docx with its document.xml replaced and/or extra members added."""
    out = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in _members():
            archive.writestr(name, document_xml if name == "word/document.xml" and document_xml is not None
                             else data)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


NS = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def document_xml(body: bytes) -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ' + NS + b"><w:body>"
            + body + b"</w:body></w:document>")


def paragraphs_docx(count: int, text: bytes = b"") -> bytes:
    paragraph = b"<w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p>" if text else b"<w:p/>"
    return docx_replacing(document_xml(paragraph * count))


def docx_without(member: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in _members():
            if name != member:
                archive.writestr(name, data)
    return out.getvalue()


def write(path: Path, data: bytes | str) -> str:
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return str(path)
