"""Back to Word (issue 11): the letter as .docx, and a review copy with the findings as comments."""
from __future__ import annotations

import errno
import io
import subprocess
import sys
import zipfile

import docx
import pytest
from lxml import etree

import outreach
from outreach.letters import decode_docx
from outreach.scenarios import load_catalogue
from outreach.templating import render
from outreach.word import AUTHOR, blocks, letter_docx, review_docx
from tests.conftest import LETTERS, ROOT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def project_letters() -> dict[str, str]:
    """Every letter of the project: tests/letters and each scenario's example letters, filled in."""
    texts = {path.name: path.read_text(encoding="utf-8") for path in sorted(LETTERS.glob("*.txt"))}
    for scenario in load_catalogue().scenarios:
        for i, example in enumerate(scenario.letters):
            texts[f"{scenario.id}-{i + 1}"] = render(example.source, dict(scenario.variables), example.label)
    return texts


LETTER_TEXTS = project_letters()


def read_back(data: bytes) -> str:
    return decode_docx(data, "brief.docx")


def _text(element) -> str:
    return {f"{W}br": "\n", f"{W}tab": "\t"}.get(element.tag, element.text or "")


def comments(data: bytes) -> dict[str, tuple[str, str]]:
    """Per comment id: (the comment's text, the letter text it is anchored to), read from the XML."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
        notes = etree.fromstring(archive.read("word/comments.xml"))
    texts = {}
    for comment in notes.iter(f"{W}comment"):
        assert comment.get(f"{W}author") == AUTHOR
        paragraphs = ["".join(map(_text, p.iter(f"{W}t", f"{W}br", f"{W}tab"))) for p in comment.iter(f"{W}p")]
        texts[comment.get(f"{W}id")] = "\n".join(paragraphs)
    anchored: dict[str, list[str]] = {}
    open_ids: set[str] = set()
    for element in body.iter():
        if element.tag == f"{W}commentRangeStart":
            open_ids.add(element.get(f"{W}id"))
            anchored.setdefault(element.get(f"{W}id"), [])
        elif element.tag == f"{W}commentRangeEnd":
            open_ids.discard(element.get(f"{W}id"))
        elif element.tag in (f"{W}t", f"{W}br", f"{W}tab"):
            for comment_id in open_ids:
                anchored[comment_id].append(_text(element))
        elif element.tag == f"{W}p" and open_ids:  # a comment that runs over a paragraph break
            for comment_id in open_ids:
                if anchored[comment_id]:
                    anchored[comment_id].append("\n")
    return {cid: (text, "".join(anchored.get(cid, []))) for cid, text in texts.items()}


@pytest.mark.parametrize("name", sorted(LETTER_TEXTS))
def test_every_project_letter_reads_back_as_the_same_text(name):
    text = LETTER_TEXTS[name]
    assert read_back(letter_docx(text)).rstrip() == text.rstrip()
    assert read_back(review_docx(outreach.analyze(text))).rstrip() == text.rstrip()


def test_the_project_letters_hold_lists_and_a_subject_line():
    """The round trip above is only worth something when it covers lists, numbers and a subject."""
    kinds = {b.kind for text in LETTER_TEXTS.values() for b in blocks(text)}
    assert kinds == {"text", "bullet", "number"}  # their bullet lists stand right under a line of text
    assert sum("\n- " in text for text in LETTER_TEXTS.values()) >= 4
    assert any(t.startswith("Onderwerp:") for t in LETTER_TEXTS.values())


def paragraphs(data: bytes) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in docx.Document(io.BytesIO(data)).paragraphs]


def test_bullets_and_numbers_are_word_lists_and_an_address_block_is_one_paragraph():
    text = ("Gemeente Westerveen\nPostbus 12\n1234 AB Westerveen\n\nBeste mevrouw Jansen,\n\n"
            "Dit kunt u doen:\n\n- Bel ons.\n* Mail ons.\n• Kom langs.\n\n1. Eerst dit.\n2. Dan dat.\n\n"
            "Met vriendelijke groet,\nAnna de Vries\n")
    shown = paragraphs(letter_docx(text))
    assert shown == [
        ("Normal", "Gemeente Westerveen\nPostbus 12\n1234 AB Westerveen"),
        ("Normal", "Beste mevrouw Jansen,"), ("Normal", "Dit kunt u doen:"),
        ("List Bullet", "Bel ons."), ("List Bullet", "Mail ons."), ("List Bullet", "Kom langs."),
        ("List Number", "Eerst dit."), ("List Number", "Dan dat."),
        ("Normal", "Met vriendelijke groet,\nAnna de Vries"),
    ]
    # Word's lists read back with the reader's marks ("* " and "• " as "- "), and two lists in a row
    # as one (the reader sets list items on consecutive lines).
    assert "- Bel ons.\n- Mail ons.\n- Kom langs.\n1. Eerst dit.\n2. Dan dat." in read_back(letter_docx(text))


def test_a_list_right_under_a_line_of_text_is_a_word_list_and_reads_back_the_same():
    text = "Dit kunt u zelf doen:\n- Bel ons.\n- Mail ons.\n\nOf in deze volgorde:\n1. Eerst dit.\n2. Dan dat.\n"
    assert paragraphs(letter_docx(text)) == [
        ("Normal", "Dit kunt u zelf doen:"), ("List Bullet", "Bel ons."), ("List Bullet", "Mail ons."),
        ("Normal", "Of in deze volgorde:"), ("List Number", "Eerst dit."), ("List Number", "Dan dat.")]
    assert read_back(letter_docx(text)) == text


def test_a_word_paragraph_with_its_usual_spacing_keeps_a_blank_line_before_its_list():
    """Most Word letters: a paragraph with space after, then a list: read with a blank line between."""
    import docx

    document = docx.Document()
    document.add_paragraph("Dit kunt u doen:")
    document.add_paragraph("Bel ons.", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    assert read_back(buffer.getvalue()) == "Dit kunt u doen:\n\n- Bel ons.\n"


def test_numbers_that_do_not_count_from_one_stay_text():
    text = "Beste meneer,\n\n3. Niet het begin.\n4. Van een lijst.\n"
    assert [style for style, _ in paragraphs(letter_docx(text))] == ["Normal", "Normal"]
    assert read_back(letter_docx(text)) == text


def test_the_subject_line_the_engine_finds_is_bold():
    text = LETTER_TEXTS["geldfit_campaign.txt"]
    first = docx.Document(io.BytesIO(letter_docx(text))).paragraphs[0]
    assert first.text == "Onderwerp: Hoe staat het met je geldzaken?"
    assert all(run.bold for run in first.runs)
    second = docx.Document(io.BytesIO(letter_docx(text))).paragraphs[1]
    assert not any(run.bold for run in second.runs)


def test_the_letter_itself_has_no_comments():
    with zipfile.ZipFile(io.BytesIO(letter_docx(LETTER_TEXTS["threatening.txt"]))) as archive:
        assert "word/comments.xml" not in archive.namelist()


def test_a_threatening_letter_gets_each_finding_as_a_comment_on_its_words():
    text = LETTER_TEXTS["threatening.txt"]
    analysis = outreach.analyze(text)
    found = comments(review_docx(analysis))
    placed = [f for f in analysis.findings if f.start is not None]
    assert len(found) == len(analysis.findings) + 1  # and the verdicts on the first paragraph
    anchored = list(found.values())
    for finding in placed:
        assert finding.match == text[finding.start:finding.end]
        hits = [note for note, words in anchored if words == finding.match and note.startswith(
            ("Sterk punt: " if finding.effect == "helps" else "") + finding.message)]
        assert hits, (finding.rule, finding.match)
        if finding.suggestions:
            assert any(f"Suggestie: {finding.suggestions[0]}" in note for note in hits)
    threats = [f for f in placed if "deurwaarder" in f.match.lower() or "beslag" in f.match.lower()]
    assert threats and all(f.effect == "hurts" for f in threats)
    # Overlapping findings each keep their own comment: some words carry more than one.
    words = [w for _, w in anchored]
    assert any(words.count(w) > 1 for w in words)


def test_the_first_paragraph_carries_reach_and_every_segments_verdict():
    text = LETTER_TEXTS["threatening.txt"]
    analysis = outreach.analyze(text)
    found = comments(review_docx(analysis))
    first_line = text.split("\n", 1)[0]
    summary = [note for note, words in found.values() if note.startswith("Zo komt deze brief")]
    assert len(summary) == 1 and found[next(k for k, v in found.items() if v[0] == summary[0])][1] == first_line
    for reception in analysis.segments.values():
        assert f"{reception.name} (" in summary[0] and reception.verdict_label in summary[0]
    assert "Bereik: " in summary[0] and "geen voorspelling over een persoon" in summary[0]


def test_the_review_copy_of_the_english_interface_comments_in_english_on_the_dutch_letter():
    from tests.dutch_texts import dutch_in

    text = LETTER_TEXTS["threatening.txt"]
    analysis = outreach.analyze(text)
    found = comments(review_docx(analysis, "en"))
    notes = "\n".join(note for note, _ in found.values())
    assert len(found) == len(analysis.findings) + 1
    assert "Reach: " in notes and "not a prediction about a person" in notes.lower()
    assert "Sterk punt" not in notes and "Waarom: " not in notes and "Bereik: " not in notes
    assert dutch_in(notes, (text,)) == []  # no Dutch message, reason or reaction of the data files
    assert read_back(review_docx(analysis, "en")) == read_back(review_docx(analysis))  # the letter stays Dutch


def test_findings_about_the_whole_letter_are_comments_on_the_first_paragraph():
    text = LETTER_TEXTS["threatening.txt"]
    analysis = outreach.analyze(text)
    whole = [f for f in analysis.findings if f.start is None]
    assert whole, "the threatening letter should have a finding about the letter as a whole"
    found = comments(review_docx(analysis))
    for finding in whole:
        assert any(note.startswith("Over de hele brief: ") and finding.message in note and
                   words == text.split("\n", 1)[0] for note, words in found.values())


def test_user_text_with_markup_and_control_characters_survives():
    text = ("Beste <b>mevrouw</b> & meneer,\n\nU betaalt €\u00a0683,40 \"nu\" <script>alert(1)</script>"
            " &amp; later.\x0b\x00\x1b Het\tkan.\n\nMet vriendelijke groet,\nA & B\n")
    back = read_back(letter_docx(text))
    assert back == text.replace("\x0b", "").replace("\x00", "").replace("\x1b", "")
    analysis = outreach.analyze(text)
    review = review_docx(analysis)
    assert read_back(review) == back
    docx.Document(io.BytesIO(review))  # opens
    assert all(words for _, words in comments(review).values())


def test_the_word_module_is_engine_side_and_never_imports_the_interface():
    code = ("import sys, outreach.word; "
            "print(sorted(m for m in sys.modules if m.startswith(('outreach.ui', 'streamlit'))))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "[]", result.stderr


def test_an_empty_letter_is_an_empty_document():
    assert read_back(letter_docx("")) == ""
    assert read_back(review_docx(outreach.analyze("  \n"))) == ""


def test_the_document_properties_say_made_now_by_us_with_the_subject_line_as_title():
    from datetime import datetime, timedelta, timezone

    text = (LETTERS / "warm.txt").read_text(encoding="utf-8")
    before = datetime.now(timezone.utc).replace(microsecond=0)
    for data in (letter_docx(text), review_docx(outreach.analyze(text))):
        properties = docx.Document(io.BytesIO(data)).core_properties
        for when in (properties.created, properties.modified):  # not python-docx's template's 2013
            assert before <= when <= datetime.now(timezone.utc) + timedelta(seconds=1), when
        assert properties.author == properties.last_modified_by == AUTHOR
        assert properties.title == "Betreft: even meedenken over uw geldzaken?"
    assert docx.Document(io.BytesIO(letter_docx("Beste mevrouw,\n\nHallo.\n"))).core_properties.title == ""


# --- the command line -----------------------------------------------------------------------------

def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "outreach", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_export_writes_the_letter_and_the_review_copy(tmp_path):
    letter = str(LETTERS / "threatening.txt")
    plain, review = tmp_path / "brief.docx", tmp_path / "review.docx"
    result = cli("export", letter, "--out", str(plain))
    assert result.returncode == 0, result.stderr
    assert read_back(plain.read_bytes()) == (LETTERS / "threatening.txt").read_text(encoding="utf-8")
    result = cli("export", "--review", letter, "--out", str(review))
    assert result.returncode == 0, result.stderr
    assert "reviewkopie" in result.stdout
    text = (LETTERS / "threatening.txt").read_text(encoding="utf-8")
    assert len(comments(review.read_bytes())) == len(outreach.analyze(text).findings) + 1


@pytest.mark.parametrize("out, words", [
    ("missing/brief.docx", "de map bestaat niet"),
    (".", "moet eindigen op .docx"),
    ("brief.txt", "moet eindigen op .docx"),
    ("map.docx", "dit is een map"),
])
def test_export_to_a_bad_path_exits_2_with_a_dutch_line(tmp_path, out, words):
    (tmp_path / "map.docx").mkdir()
    result = cli("export", str(LETTERS / "warm.txt"), "--out", str(tmp_path / out))
    assert result.returncode == 2
    assert result.stderr.startswith("fout: ") and words in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_export_of_a_missing_letter_or_onto_itself_exits_2(tmp_path):
    result = cli("export", str(tmp_path / "geen.txt"), "--out", str(tmp_path / "uit.docx"))
    assert result.returncode == 2 and "bestand niet gevonden" in result.stderr
    own = tmp_path / "brief.docx"
    own.write_bytes(letter_docx("Beste meneer,\n\nTekst.\n"))
    before = own.read_bytes()
    result = cli("export", str(own), "--out", str(own))
    assert result.returncode == 2 and "de brief zelf" in result.stderr and own.read_bytes() == before


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "de schijf is vol"), (errno.EACCES, "geen schrijfrechten"),
                                         (errno.EROFS, "alleen-lezen")])
def test_a_full_disk_or_no_rights_exits_2_and_leaves_an_earlier_file_whole(tmp_path, monkeypatch, capsys,
                                                                           code, words):
    from outreach import __main__ as cli_main

    target = tmp_path / "brief.docx"
    target.write_bytes(b"earlier")
    real_fdopen = cli_main.os.fdopen

    class Failing:
        def __init__(self, handle):
            self.file = real_fdopen(handle, "wb")

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.file.close()

        def write(self, data):
            self.file.write(data[:10])
            raise OSError(code, "simulated")

    def fdopen(handle, mode="r", *args, **kwargs):  # the letter is read with os.fdopen too
        return Failing(handle) if mode == "wb" else real_fdopen(handle, mode, *args, **kwargs)

    monkeypatch.setattr(cli_main.os, "fdopen", fdopen)
    assert cli_main.main(["export", str(LETTERS / "warm.txt"), "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("fout: kon ") and words in err
    assert target.read_bytes() == b"earlier"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.docx"]  # no temporary file left
