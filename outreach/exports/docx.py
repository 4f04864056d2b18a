"""Word (.docx): the letter itself to go on writing in Word, and a review copy with every finding as
a Word comment (the writing is outreach/word.py)."""
from __future__ import annotations

from outreach.exports import Download, Format, Text


def render(text: str, lang: str, analysis, ui_lang: str) -> bytes:
    from outreach import word  # python-docx loads only when a document is written

    return word.letter_docx(text, lang) if analysis is None else word.review_docx(analysis, ui_lang)


FORMAT = Format(
    id="docx",
    extension="docx",
    mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    document=Text(nl="Word-document", en="Word document"),
    render=render,
    letter=Download(
        label=Text(nl="Download als Word (.docx)", en="Download as Word (.docx)"),
        help=Text(nl="De brief zelf als Word-document, om verder te schrijven in Word. Een .docx kunt u hier ook "
                     "weer uploaden.",
                  en="The letter itself as a Word document, to go on writing in Word. You can upload a .docx here "
                     "again too."),
        icon=":material/description:"),
    review=Download(
        label=Text(nl="Reviewkopie met opmerkingen (.docx)", en="Review copy with comments (.docx)"),
        help=Text(nl="Dezelfde brief met elke bevinding als opmerking in de kantlijn; de oordelen per segment en "
                     "het bereik staan bij de eerste alinea.",
                  en="The same letter with each finding as a comment in the margin; the verdict per segment and "
                     "the reach are on the first paragraph."),
        icon=":material/rate_review:"),
)
