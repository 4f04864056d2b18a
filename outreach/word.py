"""A letter as a Word document (.docx), and a review copy with the findings as Word comments.

API:

    from outreach.word import letter_docx, review_docx

    data = letter_docx(text)          # the letter itself, nothing added
    data = review_docx(analysis)      # the same letter; each finding a comment on the words it is about

The document keeps the letter's structure the way outreach.letters reads a .docx back, so that
`decode_docx(letter_docx(text))` gives the same text for the project's letters:

- paragraphs are separated by blank lines; the lines inside one (an address block, a closing and
  its signature) become line breaks in one Word paragraph;
- a paragraph whose lines are all bullets ("- ", "* ", "• ", "– ") becomes Word's "List Bullet"
  paragraphs, one whose lines are numbered 1, 2, 3 ... ("1. ", "2) ") "List Number" paragraphs.
  A list directly under lines of text (no blank line between) becomes a Word list too; the text
  above it gets no space after, which is how the reader knows to put no blank line before the
  list. "* ", "• " and "1)" come back as "- " and "1. ";
- the subject line the engine finds (outreach.text.document's letter parts) is bold.

XML cannot hold most control characters; they are left out of the document (tab, line breaks and
everything else, < > & included, is kept as it is).
"""
from __future__ import annotations

import bisect
import io
import re
from dataclasses import dataclass
from datetime import datetime, timezone

from outreach import languages
from outreach.analysis import Analysis
from outreach.formatting import number, percent
from outreach import interface
from outreach.messages import DEFAULT_LANG, text as msg_text
from outreach.report import CAVEAT
from outreach.rules.engine import Finding
from outreach.text.document import find_parts

AUTHOR = "Outreach-simulator"
INITIALS = "OS"
DOCUMENT_LANGUAGE = "nl-NL"

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029")
_BULLET = re.compile(r"[ \t]*[-*•–][ \t]+(?=\S)")
_NUMBERED = re.compile(r"[ \t]*(\d{1,2})[.)][ \t]+(?=\S)")
# Not allowed in XML 1.0 (tab, line feed and carriage return are; Word writes those as elements).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """The text without the characters an XML document cannot hold."""
    return _NOT_XML.sub("", text)


@dataclass(frozen=True, slots=True)
class Block:
    """One Word paragraph: the stretch [start, end) of the letter it shows, and its style."""
    start: int
    end: int
    kind: str = "text"  # "text", "bullet" or "number"
    tight: bool = False  # text right above a list (no blank line between): no space after it


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _LINE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def blocks(text: str) -> list[Block]:
    """The letter as Word paragraphs, in order; offsets into `text` (a list item without its mark)."""
    groups: list[list[tuple[int, int]]] = [[]]
    for start, end in _lines(text):
        if text[start:end].strip():
            groups[-1].append((start, end))
        elif groups[-1]:
            groups.append([])
    out: list[Block] = []
    for lines in groups:
        if not lines:
            continue
        numbered_before = bool(out) and out[-1].kind == "number"
        items = _list_items(text, lines, numbered_before)
        if items:
            out.extend(items)
            continue
        # Text with a list right under it: the text, then the list (the longest list that ends the group).
        for cut in range(1, len(lines)):
            items = _list_items(text, lines[cut:], numbered_before=False)
            if items:
                out.append(Block(*_trimmed(text, lines[0][0], lines[cut - 1][1]), tight=True))
                out.extend(items)
                break
        else:
            start, end = _trimmed(text, lines[0][0], lines[-1][1])
            out.append(Block(start, end))
    return out


def _list_items(text: str, lines: list[tuple[int, int]], numbered_before: bool) -> list[Block] | None:
    """A paragraph of only bullet lines, or of lines numbered 1, 2, 3 ...: one Block per line."""
    bullets = [_BULLET.match(text, s, e) for s, e in lines]
    if all(bullets):
        return [Block(*_trimmed(text, m.end(), e), "bullet") for m, (s, e) in zip(bullets, lines)]
    numbers = [_NUMBERED.match(text, s, e) for s, e in lines]
    # Word numbers a list from 1 on, and continues a list that stands right before it.
    if not numbered_before and all(numbers) and [int(m.group(1)) for m in numbers] == list(range(1, len(lines) + 1)):
        return [Block(*_trimmed(text, m.end(), e), "number") for m, (s, e) in zip(numbers, lines)]
    return None


def _subject(text: str, parts) -> tuple[int, int] | None:
    for part in parts:
        if part.name == "subject":
            return part.start, part.end
    return None


def _new_document(title: str = ""):
    """An empty document; its properties say it was made now by us (not python-docx's template's 2013)."""
    import docx  # python-docx; imported here so the CLI starts fast
    from docx.oxml.ns import qn

    document = docx.Document()
    properties = document.core_properties
    properties.author = properties.last_modified_by = AUTHOR
    properties.subject = properties.comments = properties.keywords = ""
    properties.title = xml_safe(" ".join(title.split()))[:255]  # Word's limit for a core property
    properties.created = properties.modified = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
    properties.revision = 1
    # Dutch for Word's spelling and grammar check.
    rpr = document.styles.element.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is not None:
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = rpr.makeelement(qn("w:lang"), {})
            rpr.append(lang)
        lang.set(qn("w:val"), DOCUMENT_LANGUAGE)
    return document


class _Written:
    """The runs of the document with the stretch of the letter each one shows, in order."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.runs: list = []
        self.first_paragraph_runs: list = []

    def add(self, start: int, end: int, run) -> None:
        self.starts.append(start)
        self.ends.append(end)
        self.runs.append(run)

    def covering(self, start: int, end: int) -> list:
        """The runs that show part of [start, end)."""
        first = bisect.bisect_right(self.ends, start)
        last = bisect.bisect_left(self.starts, end)
        return self.runs[first:last]


def _build(text: str, parts, cuts: set[int]):
    """The document of a letter; its runs are split at every offset in `cuts`."""
    subject = _subject(text, parts)
    document = _new_document(text[subject[0]:subject[1]] if subject is not None else "")  # the subject line: its title
    styles = {"bullet": document.styles["List Bullet"], "number": document.styles["List Number"],
              "text": None}
    written = _Written()
    ordered = sorted(cuts)
    for i, block in enumerate(blocks(text)):
        paragraph = document.add_paragraph(style=styles[block.kind])
        if block.tight:
            paragraph.paragraph_format.space_after = 0
        bounds = [block.start, *ordered[bisect.bisect_right(ordered, block.start):
                                        bisect.bisect_left(ordered, block.end)], block.end]
        for start, end in zip(bounds, bounds[1:]):
            if start >= end:
                continue
            run = paragraph.add_run(xml_safe(text[start:end]))
            if subject is not None and subject[0] <= start and end <= subject[1]:
                run.bold = True
            written.add(start, end, run)
            if i == 0:
                written.first_paragraph_runs.append(run)
    return document, written


def _bytes(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def letter_docx(text: str, lang: str = languages.DEFAULT) -> bytes:
    """The letter as a Word document: paragraphs, line breaks, lists and a bold subject line."""
    parts = find_parts(text, languages.get(lang)) if text.strip() else []
    document, _ = _build(text, parts, _subject_cuts(text, parts))
    return _bytes(document)


def _subject_cuts(text: str, parts) -> set[int]:
    subject = _subject(text, parts)
    return set(subject) if subject else set()


def finding_comment(finding: Finding, lang: str = DEFAULT_LANG) -> list[str]:
    """The paragraphs of a finding's comment: its message, why it matters, the first suggestion
    (in the interface language; the letter's own words stay as they are)."""
    finding = interface.finding(finding, lang)
    message = finding.message.strip()
    if finding.effect == "helps":
        message = msg_text("word.strength", lang, message=message)
    lines = [message]
    if finding.why.strip():
        lines.append(msg_text("word.why", lang, why=finding.why.strip()))
    if finding.suggestions and finding.suggestions[0].strip():
        lines.append(msg_text("word.suggestion", lang, suggestion=finding.suggestions[0].strip()))
    return lines


def summary_comment(analysis: Analysis, lang: str = DEFAULT_LANG) -> list[str]:
    """The paragraphs of the comment on the first paragraph: reach and each segment's verdict."""
    lines = [msg_text("word.summary", lang)]
    if analysis.reach is not None:
        lines.append(msg_text("word.reach", lang, score=number(analysis.reach.score, lang),
                              share=percent(analysis.reach.lands_well_share)))
    for reception in analysis.segments.values():
        label = interface.verdict_label(reception.verdict, reception.verdict_label, lang)
        lines.append(f"{reception.name} ({percent(reception.share)}): {label}, "
                     f"{number(reception.score, lang)}/100. “{interface.reaction(reception, lang)}”")
    if analysis.notice:
        lines.append(interface.render_message(analysis.notice, lang))
    lines.append(CAVEAT.render(lang))
    return lines


def _comment(document, runs: list, paragraphs: list[str]) -> None:
    comment = document.add_comment(runs, text=xml_safe(paragraphs[0]), author=AUTHOR, initials=INITIALS)
    for line in paragraphs[1:]:
        comment.add_paragraph(xml_safe(line))


def review_docx(analysis: Analysis, lang: str = DEFAULT_LANG) -> bytes:
    """The letter of an analysis as Word document with a comment per finding.

    A finding about words of the letter is a comment on those words (overlapping findings each
    their own comment); a finding about the letter as a whole, and the reach and verdicts per
    segment, are comments on the first paragraph. The letter's text itself is what letter_docx
    writes: nothing is added to it.
    """
    text = analysis.text
    cuts = _subject_cuts(text, analysis.parts)
    placed = [f for f in analysis.findings
              if f.start is not None and f.end is not None and 0 <= f.start < f.end <= len(text)]
    for finding in placed:
        cuts.update((finding.start, finding.end))
    document, written = _build(text, analysis.parts, cuts)
    first = written.first_paragraph_runs
    if not first:
        return _bytes(document)  # an empty letter: nothing to comment on
    _comment(document, first, summary_comment(analysis, lang))
    anchored = set()
    for finding in placed:
        runs = written.covering(finding.start, finding.end)
        if runs:
            _comment(document, runs, finding_comment(finding, lang))
            anchored.add(id(finding))
    for finding in analysis.findings:
        if id(finding) in anchored:
            continue
        lines = finding_comment(finding, lang)
        if finding.start is None or finding.end is None or not finding.match.strip():
            lines[0] = msg_text("word.whole_letter", lang, message=lines[0])
        else:  # about a list mark or spaces only, which the document shows as Word's own
            lines.insert(1, msg_text("word.about", lang, match=finding.match.strip()))
        _comment(document, first, lines)
    return _bytes(document)
