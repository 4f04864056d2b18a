"""Pure helpers for the variants of a workspace: slots, names, merging two versions, file names.

No Streamlit here (unit-tested). A *slot* is the page's stable id of a variant ("a".."d"): every
widget key of a variant starts with it, so removing variant B does not shift C's editor state.
The store keeps only the order, the names and the texts.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from outreach.formatting import MAX_NAME_CHARS, MAX_VARIANTS, VARIANT_LABELS, free_name
from outreach.formatting import name_problem as _name_problem
from outreach.store import Variant

SLOTS = ("a", "b", "c", "d")


def free_slot(used: Iterable[str]) -> str | None:
    taken = set(used)
    return next((s for s in SLOTS if s not in taken), None)


def _fit(base: str, suffix: str = "") -> str:
    """base + suffix within the name limit (the base is shortened, the suffix kept)."""
    room = MAX_NAME_CHARS - len(suffix)
    return base[:room].rstrip() + suffix


def unique_name(wanted: str, taken: Iterable[str]) -> str:
    """`wanted`, or `wanted 2`, `wanted 3` ... when that name is already in use (within the limit)."""
    return free_name(wanted, taken, numbered=" {n}")


def next_variant_name(taken: Iterable[str], position: int | None = None) -> str:
    """The name of a new variant: 'Variant C' when it becomes the third, else the first free letter.

    The position comes first so a renamed workspace ("Voor", "Na") does not get a second
    "Variant A" in third place.
    """
    taken = set(taken)
    if position is not None and position < len(VARIANT_LABELS) and f"Variant {VARIANT_LABELS[position]}" not in taken:
        return f"Variant {VARIANT_LABELS[position]}"
    for letter in VARIANT_LABELS:
        if f"Variant {letter}" not in taken:
            return f"Variant {letter}"
    return unique_name("Variant", taken)


def copy_name(name: str, taken: Iterable[str], suffix: str = " (kopie)") -> str:
    return unique_name(_fit(name, suffix), taken)


def name_problem(name: str, others: Iterable[str]) -> str | None:
    """Why this cannot be a variant's or workspace's name (a catalogue key), or None."""
    problem = _name_problem(name)
    if problem is not None:
        return {"empty": "name_empty", "too_long": "name_too_long"}.get(problem, "name_control")
    if name in set(others):
        return "name_taken"
    return None


def merge_both(base: Sequence[Variant], theirs: Sequence[Variant], mine: Sequence[Variant],
               suffix: str = " (mijn versie)") -> tuple[Variant, ...] | None:
    """Both versions in one list of variants, nothing lost (a three-way merge by variant name).

    `base` is the version both sides started from. Per variant of theirs: if only I changed it,
    my text replaces theirs; otherwise theirs stays. Each text of mine that is then still missing
    (we both changed the variant, or I added it, or they removed it) is added after theirs: under
    its own name when that is free, else under name + `suffix`. None when the result would not fit
    in the store's limit of variants: the caller keeps mine another way (a new workspace).
    """
    before = {v.name: v.text for v in base}
    ours = {v.name: v.text for v in mine}
    merged = []
    for variant in theirs:
        old, text = before.get(variant.name), ours.get(variant.name)
        only_mine_changed = old is not None and text is not None and variant.text == old and text != old
        merged.append(Variant(variant.name, text) if only_mine_changed else variant)
    texts = {v.text for v in merged}
    for variant in mine:
        if variant.text in texts or before.get(variant.name) == variant.text:
            continue  # already there, or unchanged by me (their version of it counts)
        taken = [v.name for v in merged]
        name = variant.name if variant.name not in taken else copy_name(variant.name, taken, suffix)
        merged.append(Variant(name, variant.text))
        texts.add(variant.text)
    if len(merged) > MAX_VARIANTS:
        return None
    return tuple(merged)


def merge_exercise(base: dict | None, theirs: dict | None, mine: dict | None, keys: Sequence[str],
                   mine_label: str = "Mijn versie") -> dict[str, str] | None:
    """The VSDT answers of both versions, per step: the changed one; both (theirs first) if both changed."""
    base, theirs, mine = base or {}, theirs or {}, mine or {}
    merged = {}
    for key in keys:
        old, their, my = base.get(key, ""), theirs.get(key, ""), mine.get(key, "")
        if their == old or not their:
            merged[key] = my or their
        elif my == old or my == their or not my:
            merged[key] = their
        else:
            merged[key] = f"{their}\n\n{mine_label}: {my}"
    return normal_exercise(merged, keys)


def safe_filename(name: str, extension: str, fallback: str = "werkruimte") -> str:
    """A file name from a workspace name: ASCII letters, digits, '-' and '_' only."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", ascii_name).strip("-_")[:60] or fallback
    return f"{stem}.{extension}"


def normal_exercise(exercise: dict | None, keys: Sequence[str]) -> dict[str, str] | None:
    """The exercise as the store keeps it: only known keys with text; None when nothing is filled in."""
    if not exercise:
        return None
    kept = {k: exercise[k] for k in keys if isinstance(exercise.get(k), str) and exercise[k].strip()}
    return kept or None
