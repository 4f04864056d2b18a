"""One pass over a letter tells which of the rule book's regular expressions can match at all.

A rule book has a few hundred patterns; a letter matches a few dozen. Running each with Python's
`re` costs one search (or more) per pattern. Instead, every pattern is translated into a looser
RE2 pattern that matches at least wherever the original does, and all of them go into one
google-re2 `Set`, which scans the letter once (a DFA, linear in the text) and names the patterns
that match somewhere. Only those are then run with `re`, which decides, with every lookaround
and word boundary of the original: RE2 only ever removes work, never finds anything itself.

The translation keeps that guarantee ("looser"): assertions RE2 lacks (lookahead, lookbehind) and
the ones it treats differently (\\b, ^, $) are dropped, which can only let more text match; the
classes that are ASCII in RE2 but Unicode in Python (\\w, \\d, \\s) are spelled out in Unicode. A
pattern that cannot be translated that way (a backreference, a possessive quantifier) is simply
always run with `re`, as is any pattern when RE2 cannot finish its scan.
"""
from __future__ import annotations

import re
from functools import lru_cache

import re2

_LOOKAROUND = ("(?=", "(?!", "(?<=", "(?<!")
# Python's \w, \d and \s are Unicode on str; RE2's are ASCII. Outside a class and in a positive
# class they become these looser sets (their ASCII part plus every non-ASCII character): a superset,
# and far smaller automata than exact Unicode tables. In a negated class ("[^\w]") the set is
# complemented, so there they become their ASCII part alone: again a superset after complementing.
_NON_ASCII = r"\x{80}-\x{10FFFF}"
_ASCII = {"w": "0-9A-Za-z_", "d": "0-9", "s": r"\t-\r\x1c-\x20"}
_SIMPLE_ESCAPES = set("ntrfva")
_REPEAT = re.compile(r"\{(\d+)(?:,\d*)?\}|\{,\d+\}")  # Python's {,n} is {0,n}


class Untranslatable(ValueError):
    pass


def _skip_group(pattern: str, i: int) -> int:
    """Index just past the group that opens at pattern[i] ("("), skipping classes and escapes."""
    depth, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(pattern, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise Untranslatable("unbalanced group")


def _class_end(pattern: str, i: int) -> int:
    """Index just past the character class that opens at pattern[i] ("[")."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":  # a "]" first in a class is a literal
        j += 1
    while j < len(pattern):
        if pattern[j] == "\\":
            j += 2
            continue
        if pattern[j] == "]":
            return j + 1
        j += 1
    raise Untranslatable("unterminated class")


def _hex(pattern: str, i: int, digits: int) -> tuple[str, int]:
    """\\uXXXX or \\UXXXXXXXX at pattern[i] as RE2's \\x{...}, and the index after it."""
    code = pattern[i + 2:i + 2 + digits]
    if len(code) != digits or any(c not in "0123456789abcdefABCDEF" for c in code):
        raise Untranslatable("bad unicode escape")
    return "\\x{" + code + "}", i + 2 + digits


def _escape(pattern: str, i: int, where: str) -> tuple[str, int]:
    """One escape at pattern[i] ("\\") in RE2 syntax, looser where it must be, and the index after it.

    `where` is "" (outside a class), "class" or "negated" (inside a [^...] class).
    """
    if i + 1 >= len(pattern):
        raise Untranslatable("trailing backslash")
    e = pattern[i + 1]
    if e == "u":
        return _hex(pattern, i, 4)
    if e == "U":
        return _hex(pattern, i, 8)
    if e == "x":
        return pattern[i:i + 4], i + 4
    if e in _ASCII:
        inner = _ASCII[e] if where == "negated" else _ASCII[e] + _NON_ASCII
        return (inner if where else f"[{inner}]"), i + 2
    if e in "WDS":
        if where:
            raise Untranslatable("negated class inside a class")
        return f"[^{_ASCII[e.lower()]}]", i + 2  # everything but the ASCII part: a superset
    if e == "b" and where:
        return r"\x08", i + 2  # backspace inside a class
    if e in "bBAZ":
        return "", i + 2  # an assertion: dropped, which only loosens the pattern
    if e in _SIMPLE_ESCAPES:
        return pattern[i:i + 2], i + 2
    if e.isalnum() or e == "_":
        raise Untranslatable(f"escape \\{e}")  # backreferences, octal, unknown letters
    return pattern[i:i + 2], i + 2  # an escaped symbol


def _class(pattern: str, i: int) -> tuple[str, int]:
    end = _class_end(pattern, i)
    out, j, where = ["["], i + 1, "class"
    if pattern[j] == "^":
        out.append("^")
        j, where = j + 1, "negated"
    if pattern[j] == "]":
        out.append(r"\]")
        j += 1
    while j < end - 1:
        c = pattern[j]
        if c == "\\":
            text, j = _escape(pattern, j, where)
            out.append(text)
            continue
        out.append(r"\[" if c == "[" else c)
        j += 1
    out.append("]")
    return "".join(out), end


def to_re2(pattern: str) -> str:
    """A pattern in RE2 syntax that matches wherever `pattern` (Python re) can; Untranslatable if none."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            text, i = _escape(pattern, i, "")
            out.append(text)
        elif c == "[":
            text, i = _class(pattern, i)
            out.append(text)
        elif c == "(":
            if pattern.startswith(_LOOKAROUND, i):
                i = _skip_group(pattern, i)  # dropped: only loosens the pattern
                continue
            if pattern.startswith(("(?P=", "(?>", "(?(", "(?#"), i):
                raise Untranslatable("construct RE2 lacks")
            out.append(c)
            i += 1
        elif c in "^$":
            i += 1  # anchors: dropped (Python's $ also matches before a final newline)
        elif c == "{" and (bounds := _REPEAT.match(pattern, i)):
            # X{m,n} becomes X{m,}: looser, and a smaller automaton (RE2 makes a copy of X per
            # count up to n; "[^\n]{0,100}" would be a hundred)
            out.append("{" + str(int(bounds.group(1) or 0)) + ",}")
            i = bounds.end()
        elif c in "*+?}" and i + 1 < n and pattern[i + 1] == "+":
            raise Untranslatable("possessive quantifier")
        else:
            out.append(c)
            i += 1
    return "".join(out)


class PatternSet:
    """The patterns of a rule book, translated, in one google-re2 filter: which may match a text.

    RE2's FilteredRE2 finds in one pass which literal pieces ("atoms") of the patterns occur, and
    runs only the patterns whose atoms are all there, each once, in linear time. (One RE2 `Set`
    of all the patterns was tried first: its combined automaton grows with every new letter, and
    scanning took 20-50 ms per letter.)
    """

    def __init__(self, patterns: tuple[str, ...]):
        options = re2.Options()
        options.case_sensitive = False  # the engine's patterns are all case-insensitive
        options.log_errors = False
        self._filter = re2.Filter()
        self._by_index: list[str] = []
        for pattern in dict.fromkeys(patterns):
            try:
                self._filter.Add(to_re2(pattern), options)
            except (Untranslatable, re2.error):
                continue  # left out: always run with re
            self._by_index.append(pattern)
        self.known = frozenset(self._by_index)
        if self._by_index:
            self._filter.Compile()

    def candidates(self, text: str) -> frozenset[str]:
        """The known patterns that may match somewhere in text."""
        if not self._by_index:
            return frozenset()
        return frozenset(self._by_index[i] for i in self._filter.Match(text) or ())

    def may_match(self, pattern: str, candidates: frozenset[str]) -> bool:
        return pattern not in self.known or pattern in candidates


@lru_cache(maxsize=16)
def pattern_set(patterns: tuple[str, ...]) -> PatternSet:
    return PatternSet(patterns)
