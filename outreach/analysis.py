"""analyze(): one letter in, findings, metrics and dimension scores out."""
from __future__ import annotations

from dataclasses import dataclass, field

from outreach.dimensions import DimensionScore, empty_scores, score_all
from outreach.letters import MAX_CHARS
from outreach.rules.engine import Context, Finding, run
from outreach.rules.loader import load_rulebook
from outreach.text.document import Part, parse
from outreach.text.metrics import DOCUMENT_METRICS

EMPTY_NOTICE = "Niets om te analyseren: de brief is leeg."


class TextTooLong(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Analysis:
    text: str
    lang: str
    metrics: dict[str, float]
    dimensions: dict[str, DimensionScore]
    findings: tuple[Finding, ...]
    parts: tuple[Part, ...] = ()
    notice: str = ""
    extra: dict = field(default_factory=dict)  # later layers (segments, reach) add their part

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    def to_dict(self, file: str | None = None) -> dict:
        result = {
            "file": file,
            "lang": self.lang,
            "empty": self.empty,
            "notice": self.notice,
            "metrics": dict(self.metrics),
            "dimensions": {name: d.to_dict() for name, d in self.dimensions.items()},
            "findings": [f.to_dict() for f in self.findings],
            "parts": [{"name": p.name, "start": p.start, "end": p.end} for p in self.parts],
        }
        result.update(self.extra)
        return result


def analyze_core(text: str, lang: str = "nl") -> Analysis:
    """Findings, metrics and dimension scores of one letter (no segments)."""
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if len(text) > MAX_CHARS:
        raise TextTooLong(f"de tekst is te lang ({len(text)} tekens; maximaal {MAX_CHARS})")
    book = load_rulebook(lang)
    if not text.strip():
        return Analysis(text, lang, {m: 0.0 for m in DOCUMENT_METRICS}, empty_scores(book), (),
                        notice=EMPTY_NOTICE)
    doc = parse(text)
    ctx = Context(doc, book.language)
    findings = run(book, ctx)
    return Analysis(text, lang, ctx.metrics, score_all(book, findings), tuple(findings),
                    tuple(doc.parts))
