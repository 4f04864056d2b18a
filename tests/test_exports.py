"""Export formats (outreach/exports/): every registered format writes a real letter, and the command line
offers it. The app's buttons: tests/app/test_export_downloads.py."""
from __future__ import annotations

import io
import json
import mimetypes
import re
import subprocess
import sys
import zipfile

import pytest

import outreach
from outreach import exports
from outreach.__main__ import main
from outreach.exports import Download, Format, Text, by_extension, file_name, registry
from outreach.messages import LANGS
from tests.conftest import LETTERS, ROOT

FORMATS = sorted(registry())
SAMPLES = ("threatening", "warm")  # a letter with many findings, and one with few


def sample(name: str) -> str:
    return (LETTERS / f"{name}.txt").read_text(encoding="utf-8")


def assert_of_type(data: bytes, mime: str) -> None:
    """The bytes are a file of the declared type, as far as its family can be told from its bytes."""
    assert data
    if mime.startswith("application/vnd.openxmlformats-officedocument.") or mime in ("application/zip",
                                                                                    "application/epub+zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert "[Content_Types].xml" in archive.namelist() or mime != "application/zip"
            assert archive.testzip() is None
    elif mime == "application/json":
        json.loads(data.decode("utf-8"))
    elif mime == "application/pdf":
        assert data.startswith(b"%PDF-")
    elif mime.startswith("text/"):
        assert data.decode("utf-8").strip()
        assert "\x00" not in data.decode("utf-8")


# the moment of writing, to the second: a comment's w:date and core.xml's dcterms:created/modified
_WRITE_TIME = re.compile(rb' w:date="[^"]*"|(?<=">)\d{4}-\d\d-\d\dT[\d:]+Z?(?=</dcterms:(?:created|modified)>)')


def contents(data: bytes, mime: str) -> object:
    """What a file holds: a zip-based file's members without their dates (a .docx written a second later
    has other bytes: the members' dates, each Word comment's, and the document's created/modified
    properties), other files their bytes."""
    if data.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {name: _WRITE_TIME.sub(b"", archive.read(name)) for name in archive.namelist()}
    return data


def modes(fmt: Format) -> list[str]:
    return [mode for mode, _ in fmt.downloads()]


CASES = [(f, mode) for f in FORMATS for mode in modes(registry()[f])]


def test_the_registry_finds_the_word_format_and_each_module_names_its_own():
    assert "docx" in registry()
    for fmt_id, fmt in registry().items():
        assert fmt.id == fmt_id and fmt.downloads()
        assert by_extension(f"Brief.{fmt.extension.upper()}") is fmt
    assert len({f.extension for f in registry().values()}) == len(registry())  # --out's extension is unambiguous


@pytest.mark.parametrize("fmt_id", FORMATS)
def test_a_format_declares_a_mime_type_that_fits_its_extension_and_texts_in_every_language(fmt_id):
    fmt = registry()[fmt_id]
    guessed = mimetypes.guess_type(f"brief.{fmt.extension}")[0]
    assert guessed in (None, fmt.mime)
    for _, download in fmt.downloads():
        assert download.icon.startswith(":material/") and download.icon.endswith(":")
        for text in (download.label, download.help, fmt.document):
            assert all(text(lang).strip() for lang in LANGS)
        assert download.label("nl") != download.label("en") or download.label("nl").isascii()


@pytest.mark.parametrize("fmt_id, mode", CASES)
@pytest.mark.parametrize("name", SAMPLES)
def test_every_format_writes_a_real_letter_to_bytes_of_its_type(fmt_id, mode, name):
    fmt, text = registry()[fmt_id], sample(name)
    analysis = outreach.analyze(text) if mode == "review" else None
    data = fmt.write(text, "nl", analysis)
    assert_of_type(data, fmt.mime)
    assert contents(fmt.write(text, "nl", analysis), fmt.mime) == contents(data, fmt.mime)  # the same file again


def test_file_names_of_the_letter_and_of_a_review_copy():
    fmt = registry()["docx"]
    assert file_name("Variant-A", fmt, "letter") == "Variant-A.docx"
    assert file_name("Variant-A", fmt, "review", "nl") == "Variant-A-reviewkopie.docx"
    assert file_name("Variant-A", fmt, "review", "en") == "Variant-A-review-copy.docx"


def test_a_module_that_misdeclares_its_format_is_refused():
    broken = Format(id="other", extension=".txt", mime="text/plain", document=Text(nl="x", en="x"),
                    render=lambda text, lang, analysis: b"")
    with pytest.raises(RuntimeError, match="declares format 'other'.*extension.*neither"):
        exports._check("txt", broken)
    ok = Format(id="txt", extension="txt", mime="text/plain", document=Text(nl="tekst", en="text"),
                render=lambda text, lang, analysis: b"", letter=Download(Text("a", "a"), Text("{x}", "b"), ":material/a:"))
    with pytest.raises(RuntimeError, match="placeholders"):
        exports._check("txt", ok)


def test_the_registry_is_engine_side_and_never_imports_the_interface():
    code = ("import sys, outreach.exports as e; e.registry(); "
            "print(sorted(m for m in sys.modules if m.startswith(('outreach.ui', 'streamlit', 'docx'))))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "[]", result.stderr


# --- the command line -----------------------------------------------------------------------------

def test_the_command_line_lists_every_format(capsys):
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    for fmt in registry().values():
        assert fmt.id in shown and f".{fmt.extension}" in shown and fmt.document("en") in shown


@pytest.mark.parametrize("fmt_id, mode", CASES)
def test_the_command_line_writes_every_format_by_its_name_and_by_its_extension(tmp_path, capsys, fmt_id, mode):
    fmt, text = registry()[fmt_id], sample("threatening")
    review = ["--review"] if mode == "review" else []
    expected = fmt.write(text, "nl", outreach.analyze(text) if review else None)
    named, by_ext = tmp_path / f"named.{fmt.extension}", tmp_path / f"ext.{fmt.extension.upper()}"
    assert main(["export", "--format", fmt_id, *review, str(LETTERS / "threatening.txt"), "--out", str(named)]) == 0
    assert main(["export", *review, str(LETTERS / "threatening.txt"), "--out", str(by_ext)]) == 0
    assert contents(named.read_bytes(), fmt.mime) == contents(by_ext.read_bytes(), fmt.mime) \
        == contents(expected, fmt.mime)
    out = capsys.readouterr().out
    assert f"geschreven als {fmt.document('nl')}." in out
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([named.name, by_ext.name])  # no temporary file left


def test_an_out_file_that_does_not_fit_the_format_exits_2_naming_the_extensions(tmp_path, capsys):
    letter = str(LETTERS / "warm.txt")
    assert main(["export", letter, "--out", str(tmp_path / "brief.xyz")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("fout: ") and all(f".{f.extension}" in err for f in registry().values())
    assert main(["export", "--ui-lang", "en", "--format", "docx", letter, "--out", str(tmp_path / "brief.xyz")]) == 2
    assert f"--out: '{tmp_path / 'brief.xyz'}' must end in .docx (" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())
