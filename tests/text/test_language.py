"""A letter in another language gets a notice instead of a confident score."""
import outreach
from outreach.text.document import parse
from outreach.text.language import looks_foreign
from tests.test_golden import LETTERS

ENGLISH = """Dear Mr Smith,

We are writing to you because your rent for March has not been paid yet. We would like to help
you with your finances. The conversation is free and you decide whether you want help. Please
call us on 020 123 4567 if you have any questions.

Kind regards,

Anna de Vries"""


def test_an_english_letter_is_flagged_and_the_notice_says_so():
    result = outreach.analyze(ENGLISH)
    assert result.foreign and "niet in het Nederlands" in result.notice
    assert result.to_dict()["foreign"] is True


def test_dutch_letters_with_some_english_words_are_not_flagged():
    for path in sorted(LETTERS.glob("*.txt")):
        assert not looks_foreign(parse(path.read_text(encoding="utf-8"))), path.name
    mixed = "Beste mevrouw,\n\nKijk op onze website of download de app. U kunt ook chatten met onze helpdesk. Dat is gratis."
    assert not outreach.analyze(mixed).foreign


def test_a_short_text_is_too_short_to_tell():
    assert not outreach.analyze("Please call us.").foreign
