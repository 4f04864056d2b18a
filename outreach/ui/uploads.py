"""Turning an uploaded file into letter text, or into a message for the page; never an exception."""
from __future__ import annotations

import logging
from dataclasses import dataclass

from outreach.letters import LetterError, read_upload

log = logging.getLogger(__name__)
ACCEPTED_TYPES = ("txt", "md", "docx")
UNREADABLE = "{name}: dit bestand kan niet gelezen worden. Probeer een .txt-, .md- of .docx-bestand."


@dataclass(frozen=True, slots=True)
class UploadOutcome:
    name: str
    text: str | None = None    # the letter, when it could be read
    error: str | None = None   # a Dutch message for the page otherwise

    @property
    def ok(self) -> bool:
        return self.text is not None


def read_letter_upload(name: str, data: bytes) -> UploadOutcome:
    """The text of an uploaded .txt/.md/.docx letter, or a clear message why it cannot be used."""
    name = (name or "bestand").replace("\n", " ")[:200]
    try:
        text = read_upload(name, bytes(data))
    except LetterError as err:
        return UploadOutcome(name, error=str(err))
    except Exception:  # an unexpected parser failure must still reach the reader as a message
        log.exception("unexpected error reading upload %r", name)
        return UploadOutcome(name, error=UNREADABLE.format(name=name))
    if not text.strip():
        return UploadOutcome(name, error=f"{name}: het bestand bevat geen tekst.")
    return UploadOutcome(name, text=text.replace("\r\n", "\n").replace("\r", "\n"))
