"""Records an analysis makes by the hundred (findings, contributions, reasons), built fast.

They are frozen, slotted dataclasses. Their generated __init__ sets each field through
object.__setattr__, which costs about twice as much as setting the slot itself; a letter makes a
few hundred of them.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def direct_constructor(cls: type[T]) -> Callable[..., T]:
    """cls(*values) without its __init__: the values (in field order; trailing fields with a
    default may be left out) set straight into the slots. The object is the same as cls(...)
    makes: same class and fields, so equality, hashing, pickling and to_dict are unchanged."""
    fields = dataclasses.fields(cls)
    setters = tuple(getattr(cls, field.name).__set__ for field in fields)
    defaults = tuple(field.default for field in fields)
    new = object.__new__

    def construct(*values: object) -> T:
        if len(values) < len(setters):
            values += defaults[len(values):]
            if dataclasses.MISSING in values:
                raise TypeError(f"{cls.__name__}: a field without a default is missing")
        made = new(cls)
        for setter, value in zip(setters, values):
            setter(made, value)
        return made

    return construct
