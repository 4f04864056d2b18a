"""Export formats, one module per format (in the style of outreach/rules/kinds/).

A format module in this folder defines ``FORMAT = Format(...)``: its id, file extension and MIME
type, what it is called in both interface languages, and how it writes a letter to bytes. It offers
the letter itself (``letter``), a review copy with the findings (``review``), or both; each is one
download button in the app (under the reach, named after the variant) and one ``export`` of the
command line (``--format ID``, or the extension of ``--out``; ``--review`` for the review copy).
The registry finds the modules by themselves, so a new format is its module plus its tests.

A module's texts are declared next to their English (``Text(nl=..., en=...)``), the way the
catalogues hold them; keep its imports light (the command line builds its choices from the
registry) and import what writing needs inside ``render``.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass, fields
from functools import cache
from typing import TYPE_CHECKING, Callable

from outreach.messages import DEFAULT_LANG, LANGS, placeholders

if TYPE_CHECKING:
    from outreach.analysis import Analysis


@dataclass(frozen=True)
class Text:
    """A text shown to users, in every interface language (as an entry of the catalogues)."""
    nl: str
    en: str

    def __call__(self, lang: str | None = DEFAULT_LANG) -> str:
        return getattr(self, lang if lang in LANGS else DEFAULT_LANG)


@dataclass(frozen=True)
class Download:
    """One thing a format writes: its button's label and help, and a Material icon (":material/x:")."""
    label: Text
    help: Text
    icon: str


@dataclass(frozen=True)
class Format:
    id: str  # the module's name: the CLI's --format value and the widget keys of the app's buttons
    extension: str  # without the dot
    mime: str
    document: Text  # what the file is, for the CLI's "... written as a Word document"
    # (text, letter language, analysis, interface language) -> bytes; the analysis is given for a
    # review copy, None for the letter itself; the interface language is that of the review's notes
    render: Callable[[str, str, "Analysis | None", str], bytes]
    letter: Download | None = None  # the letter itself
    review: Download | None = None  # a review copy: the letter with its findings

    def downloads(self) -> list[tuple[str, Download]]:
        """("letter" | "review", its download), in that order, for what this format offers."""
        return [(mode, d) for mode, d in (("letter", self.letter), ("review", self.review)) if d is not None]

    def write(self, text: str, lang: str, analysis: "Analysis | None" = None, ui_lang: str = DEFAULT_LANG) -> bytes:
        """The letter itself, or with an analysis of it the review copy (its notes in ui_lang)."""
        return self.render(text, lang, analysis, ui_lang)


REVIEW_SUFFIX = Text(nl="reviewkopie", en="review-copy")  # file name of a review copy: <name>-<suffix>.<ext>


def file_name(stem: str, fmt: Format, mode: str, lang: str | None = DEFAULT_LANG) -> str:
    """The file name of a download: "Variant-A.docx", "Variant-A-reviewkopie.docx"."""
    return f"{stem}-{REVIEW_SUFFIX(lang)}.{fmt.extension}" if mode == "review" else f"{stem}.{fmt.extension}"


def _check(module: str, fmt: Format) -> None:
    problems = []
    if fmt.id != module:
        problems.append(f"declares format {fmt.id!r}")
    if not re.fullmatch(r"[a-z0-9]+", fmt.extension):
        problems.append(f"extension {fmt.extension!r} is not lower-case letters and digits without a dot")
    if not fmt.downloads():
        problems.append("offers neither the letter nor a review copy")
    texts = [fmt.document] + [t for _, d in fmt.downloads() for t in (d.label, d.help)]
    names = {f.name for f in fields(Text)}
    if set(LANGS) - names:
        problems.append(f"Text has no field for {sorted(set(LANGS) - names)}")
    for item in texts:
        values = [getattr(item, lang) for lang in LANGS]
        if not all(isinstance(v, str) and v.strip() for v in values) or any(placeholders(v) for v in values):
            problems.append(f"a text without every language, or with {{placeholders}}: {item!r}")
    if problems:
        raise RuntimeError(f"{__name__}.{module}: " + "; ".join(problems))


@cache
def registry() -> dict[str, Format]:
    """Every format in this folder, by id, in the order of their module names."""
    formats = {}
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        fmt = importlib.import_module(f"{__name__}.{module}").FORMAT
        _check(module, fmt)
        formats[fmt.id] = fmt
    return formats


def by_extension(name: str) -> Format | None:
    """The format a file name's extension asks for (case-insensitive), or None."""
    suffix = name.rpartition(".")[2].lower() if "." in name else ""
    return next((f for f in registry().values() if f.extension == suffix), None)
