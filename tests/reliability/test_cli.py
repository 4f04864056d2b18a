"""Bad command lines and files: one Dutch line on stderr, exit 2, no traceback; every path is
checked before any letter is analysed; devices and pipes are never read."""
from __future__ import annotations

import os
import time

import pytest

from outreach.__main__ import main
from outreach.letters import MAX_BYTES

from .helpers import assert_dutch_line, paragraphs_docx, run_cli, whitespace_bomb, write

GOOD = "Beste Anna,\n\nWij helpen u graag. Bel ons gerust.\n\nMet vriendelijke groet,\n\nSanne\n"


@pytest.fixture()
def files(tmp_path):
    """Named bad files in a folder of their own."""
    made = {
        "good": write(tmp_path / "goed.txt", GOOD),
        "nul": write(tmp_path / "nul.txt", "Beste\x00Anna"),
        "latin1": write(tmp_path / "latin1.txt", "Müller".encode("latin-1")),
        "long": write(tmp_path / "lang.txt", "x" * 200_001),
        "big": write(tmp_path / "groot.txt", b"x" * (MAX_BYTES + 1)),
        "docx-corrupt": write(tmp_path / "kapot.docx", b"PK\x03\x04kapot"),
        "docx-bomb": write(tmp_path / "bom.docx", whitespace_bomb()),
        "docx-paragraphs": write(tmp_path / "alineas.docx", paragraphs_docx(20_001)),
        "dir": str(tmp_path),
        "missing": str(tmp_path / "weg.txt"),
        "under-file": str(tmp_path / "goed.txt" / "x.txt"),
        "template-bad": write(tmp_path / "slecht.j2", "{{ 'x'.ljust(3000000000) }}"),
        "template-syntax": write(tmp_path / "syntax.j2", "{{ naam }"),
        "template-nested": write(tmp_path / "diep.j2", "{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}"),
        "template-binary": write(tmp_path / "bin.j2", b"\x00\x01"),
    }
    sparse = tmp_path / "sparse.txt"
    with open(sparse, "wb") as handle:
        handle.truncate(6_000_000_000)  # 6 GB on paper, nothing on disk
    made["sparse"] = str(sparse)
    link = tmp_path / "kring.txt"
    os.symlink(link, link)
    made["loop"] = str(link)
    locked = tmp_path / "dicht.txt"
    locked.write_text(GOOD)
    locked.chmod(0)
    made["locked"] = str(locked)
    fifo = tmp_path / "pijp.txt"
    os.mkfifo(fifo)
    made["fifo"] = str(fifo)
    return made


def _argv(args: tuple[str, ...], files: dict[str, str]) -> list[str]:
    return [files[a[1:]] if a.startswith("@") else a for a in args]


# (case id, arguments; "@name" is a file from the fixture, a word the message must hold)
BAD_COMMANDS = [
    ("no-arguments", (), "ontbreken"),
    ("unknown-command", ("frob",), "ongeldige keuze"),
    ("check-no-files", ("check",), "ontbreken"),
    ("check-bad-format", ("check", "--format", "xml", "@good"), "ongeldige keuze"),
    ("check-unknown-option", ("check", "@good", "--bogus"), "onbekende argumenten"),
    ("jobs-text", ("check", "--jobs", "veel", "@good"), "geheel getal"),
    ("jobs-zero", ("check", "--jobs", "0", "@good"), "minstens 1"),
    ("ambiguous-option", ("check", "--f", "1", "@good"), "dubbelzinnige optie"),
    ("value-for-a-switch", ("check", "--fixes=ja", "@good"), "geen waarde"),
    ("fail-under-nan", ("check", "--fail-under", "nan", "@good"), "eindig"),
    ("fail-under-inf", ("check", "--fail-under", "inf", "@good"), "eindig"),
    ("fail-under-minus-inf", ("check", "--fail-under=-inf", "@good"), "eindig"),
    ("fail-under-text", ("check", "--fail-under", "hoog", "@good"), "geen getal"),
    ("fail-under-missing", ("check", "@good", "--fail-under"), "verwacht"),
    ("shares-text", ("check", "--shares", "a,b,c", "@good"), ""),
    ("shares-two", ("check", "--shares", "50,50", "@good"), ""),
    ("shares-not-100", ("check", "--shares", "10,10,10", "@good"), ""),
    ("shares-nan", ("check", "--shares", "nan,nan,nan", "@good"), ""),
    ("shares-negative", ("check", "--shares", "-10,60,50", "@good"), ""),
    ("missing-file", ("check", "@missing"), "niet gevonden"),
    ("directory", ("check", "@dir"), "map"),
    ("dev-zero", ("check", "/dev/zero"), "apparaat"),
    ("dev-urandom", ("check", "/dev/urandom"), "apparaat"),
    ("dev-null", ("check", "/dev/null"), "apparaat"),
    ("fifo", ("check", "@fifo"), "pipe"),
    ("symlink-loop", ("check", "@loop"), "kring"),
    ("under-a-file", ("check", "@under-file"), "niet gevonden"),
    ("name-too-long", ("check", "a" * 256 + ".txt"), "te lang"),
    ("name-nul", ("check", "brief\x00.txt"), "nul-teken"),
    ("name-empty", ("check", ""), "leeg"),
    ("name-newline-missing", ("check", "brief\nregel.txt"), "niet gevonden"),
    ("sparse-6gb", ("check", "@sparse"), "te groot"),
    ("too-big", ("check", "@big"), "te groot"),
    ("too-long", ("check", "@long"), "te lang"),
    ("nul-in-file", ("check", "@nul"), "binaire"),
    ("latin1", ("check", "@latin1"), "UTF-8"),
    ("docx-corrupt", ("check", "@docx-corrupt"), "beschadigd"),
    ("docx-bomb", ("check", "@docx-bomb"), "te groot"),
    ("docx-paragraphs", ("check", "@docx-paragraphs"), "alinea"),
    ("last-of-many-missing", ("check", "@good", "@good", "@missing"), "niet gevonden"),
    ("first-bad-of-many", ("check", "@dir", "@good"), "map"),
    ("compare-one-file", ("compare", "@good"), "2 tot 4"),
    ("compare-five-files", ("compare", "@good", "@good", "@good", "@good", "@good"), "2 tot 4"),
    ("compare-missing", ("compare", "@good", "@missing"), "niet gevonden"),
    ("compare-device", ("compare", "@good", "/dev/zero"), "apparaat"),
    ("compare-fifo", ("compare", "@fifo", "@good"), "pipe"),
    ("compare-shares", ("compare", "--shares", "x", "@good", "@good"), ""),
    ("render-missing", ("render", "bestaat-niet.j2"), "niet gevonden"),
    ("render-dir", ("render", "@dir"), "map"),
    ("render-device", ("render", "/dev/zero"), "apparaat"),
    ("render-fifo", ("render", "@fifo"), "pipe"),
    ("render-ljust", ("render", "@template-bad"), "te lange"),
    ("render-syntax", ("render", "@template-syntax"), "regel 1"),
    ("render-nested", ("render", "@template-nested"), "genest"),
    ("render-binary", ("render", "@template-binary"), "binaire"),
    ("render-unknown-scenario", ("render", "@template-syntax", "--scenario", "bestaat_niet"), "onbekend scenario"),
    ("render-bad-var", ("render", "@template-syntax", "--var", "geen-is"), "key=value"),
    ("render-bad-var-name", ("render", "@template-syntax", "--var", "1x=2"), "key=value"),
    ("render-traversal", ("render", "../../../etc/bestaat-niet"), "niet gevonden"),
    ("rules-unknown-lang", ("rules", "--lang", "xx"), ""),
]


@pytest.mark.parametrize("args, needle", [pytest.param(*c[1:], id=c[0]) for c in BAD_COMMANDS])
def test_a_bad_command_line_exits_2_with_one_dutch_line(args, needle, files, capsys):
    started = time.perf_counter()
    code = main(_argv(args, files))
    err = capsys.readouterr().err
    assert code == 2, err
    assert time.perf_counter() - started < 10
    assert err.startswith("fout: ") and needle.lower() in err.lower(), err
    assert_dutch_line(err)


def test_2000_files_with_the_last_missing_fail_before_any_analysis(files, capsys, monkeypatch):
    import outreach

    monkeypatch.setattr(outreach, "analyze", lambda *a, **k: pytest.fail("analysed before checking"))
    started = time.perf_counter()
    code = main(["check"] + [files["good"]] * 1999 + [files["missing"]])
    assert code == 2 and "niet gevonden" in capsys.readouterr().err
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize("args", [("check", "/dev/zero"), ("check", "/dev/urandom"), ("check", "@fifo"),
                                  ("check", "@docx-bomb"), ("render", "@template-nested")],
                         ids=["zero", "urandom", "fifo", "bomb", "nested"])
def test_risky_inputs_in_a_limited_child_process(args, files):
    code, out, err, seconds = run_cli(*_argv(args, files), timeout=30, memory_mb=1500)
    assert code == 2 and not out and seconds < 15, err
    assert_dutch_line(err)


def test_an_odd_file_name_is_shown_on_one_line(tmp_path, capsys):
    name = tmp_path / "brief\nmet\tregels.txt"
    name.write_text(GOOD)
    assert main(["check", "--format", "json", str(name)]) == 0
    assert "brief?met?regels.txt" in capsys.readouterr().out
