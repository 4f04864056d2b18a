"""Text layer: words, sentences, letter parts, syllables, word frequency and readability metrics.

Everything here is language data plus small, pure functions; nothing knows about rules or scores.
"""
from outreach.text.document import Document, Sentence, Token, parse

__all__ = ["Document", "Sentence", "Token", "parse"]
