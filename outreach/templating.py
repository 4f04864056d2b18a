"""Letters written as templates ({{ naam }}, {{ telefoon }} ...), rendered safely.

Templates are user input, so they render only in Jinja2's immutable sandbox, with:
- undefined placeholders as an error that names the placeholder,
- a whitelist of harmless filters, each checked for the size of what it returns,
- a bounded range(), bounded * and ** operators, no nested loops,
- a bound on the template's length and on the output, which is produced as a stream and cut off.
"""
from __future__ import annotations

import operator
from dataclasses import dataclass
from functools import lru_cache

from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError, meta, nodes
from jinja2.exceptions import SecurityError, TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_TEMPLATE_CHARS = 50_000
MAX_OUTPUT_CHARS = 100_000
MAX_RANGE = 1_000
MAX_POWER = 64
MAX_INT_BITS = 4096
SAFE_FILTERS = ("upper", "lower", "capitalize", "title", "trim", "default", "d", "replace", "join",
                "length", "count", "first", "last", "round", "int", "float", "string", "list",
                "striptags", "e", "escape", "abs", "sort", "unique", "reverse")


class TemplateProblem(ValueError):
    """A template that cannot be rendered; the message is for the user (Dutch)."""


def _bounded(value: object) -> object:
    if isinstance(value, (str, list, tuple)) and len(value) > MAX_OUTPUT_CHARS:
        raise TemplateProblem(f"De sjabloon maakt een te lange tekst (meer dan {MAX_OUTPUT_CHARS} tekens).")
    return value


def _safe_filter(fn):
    def wrapper(*args, **kwargs):
        return _bounded(fn(*args, **kwargs))
    wrapper.__name__ = getattr(fn, "__name__", "filter")
    for attribute in ("jinja_pass_arg",):  # keep Jinja's context/environment passing markers
        if hasattr(fn, attribute):
            setattr(wrapper, attribute, getattr(fn, attribute))
    return wrapper


def _range(*args: int) -> range:
    r = range(*args)
    if len(r) > MAX_RANGE:
        raise TemplateProblem(f"range() is begrensd op {MAX_RANGE} stappen.")
    return r


class LetterEnvironment(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context, operator_name, left, right):
        if operator_name == "**":
            if isinstance(right, (int, float)) and abs(right) > MAX_POWER:
                raise TemplateProblem(f"Machtsverheffen is begrensd tot exponent {MAX_POWER}.")
            if isinstance(left, int) and isinstance(right, int) and left.bit_length() * right > MAX_INT_BITS:
                raise TemplateProblem("De sjabloon rekent met te grote getallen.")
            return operator.pow(left, right)
        for sequence, times in ((left, right), (right, left)):
            if isinstance(sequence, (str, list, tuple)) and isinstance(times, int):
                if times * len(sequence) > MAX_OUTPUT_CHARS:
                    raise TemplateProblem("De sjabloon maakt een te lange tekst.")
        if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise TemplateProblem("De sjabloon rekent met te grote getallen.")
        return operator.mul(left, right)


@lru_cache(maxsize=1)
def environment() -> LetterEnvironment:
    env = LetterEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.filters = {name: _safe_filter(env.filters[name]) for name in SAFE_FILTERS if name in env.filters}
    env.tests = {name: env.tests[name] for name in ("defined", "undefined", "none", "number", "string",
                                                     "even", "odd", "divisibleby", "eq", "ne", "in")
                 if name in env.tests}
    env.globals = {"range": _range}
    return env


def _loop_depth(node: nodes.Node, depth: int = 0) -> int:
    deepest = depth
    for child in node.iter_child_nodes():
        deepest = max(deepest, _loop_depth(child, depth + isinstance(child, nodes.For)))
    return deepest


def _reaches_internals(ast: nodes.Template) -> bool:
    """Attribute or item names with an underscore ("__class__", "_x"): refused before rendering.

    The sandbox would refuse them at render time too; checking the parsed template lets a
    scenario file with such a template be rejected when it loads.
    """
    for node in ast.find_all((nodes.Getattr, nodes.Getitem)):
        name = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
        if isinstance(name, str) and name.startswith("_"):
            return True
    return False


@dataclass(frozen=True, slots=True)
class ParsedTemplate:
    source: str
    placeholders: frozenset[str]


def parse_template(source: str, name: str = "sjabloon") -> ParsedTemplate:
    """Check a template without rendering it: syntax, size, loops; and list its placeholders."""
    if len(source) > MAX_TEMPLATE_CHARS:
        raise TemplateProblem(f"{name}: de sjabloon is te lang (maximaal {MAX_TEMPLATE_CHARS} tekens).")
    try:
        ast = environment().parse(source)
        placeholders = frozenset(meta.find_undeclared_variables(ast)) - {"range"}
    except TemplateSyntaxError as err:  # also unknown filters and tests
        raise TemplateProblem(f"{name}: fout in de sjabloon op regel {err.lineno}: {err.message}") from None
    if _loop_depth(ast) > 1:
        raise TemplateProblem(f"{name}: lussen in lussen zijn niet toegestaan in een briefsjabloon.")
    if any(isinstance(n, (nodes.Macro, nodes.CallBlock, nodes.Import, nodes.FromImport, nodes.Include,
                          nodes.Extends)) for n in ast.find_all(nodes.Node)):
        raise TemplateProblem(f"{name}: macro's, import, include en extends zijn niet toegestaan.")
    if _reaches_internals(ast):
        raise TemplateProblem(f"{name}: deze sjabloon probeert bij de binnenkant van het programma te komen. "
                              "Dat mag niet; gebruik alleen plaatshouders zoals {{ naam }}.")
    return ParsedTemplate(source, placeholders)


def render(source: str, variables: dict[str, object], name: str = "sjabloon") -> str:
    """The letter with its placeholders filled; TemplateProblem with a Dutch message otherwise."""
    parse_template(source, name)
    env = environment()
    try:
        template = env.from_string(source)
        out: list[str] = []
        size = 0
        for chunk in template.generate(**variables):
            size += len(chunk)
            if size > MAX_OUTPUT_CHARS:
                raise TemplateProblem(f"{name}: de ingevulde brief wordt te lang (meer dan {MAX_OUTPUT_CHARS} tekens).")
            out.append(chunk)
        return "".join(out)
    except UndefinedError as err:
        missing = _undefined_name(err)
        raise TemplateProblem(f"{name}: de plaatshouder {missing} heeft geen waarde. "
                              "Vul hem in bij de variabelen of haal hem weg.") from None
    except SecurityError:
        raise TemplateProblem(f"{name}: deze sjabloon probeert bij de binnenkant van het programma te komen. "
                              "Dat mag niet; gebruik alleen plaatshouders zoals {{ naam }}.") from None
    except TemplateProblem:
        raise
    except TemplateError as err:
        raise TemplateProblem(f"{name}: de sjabloon kan niet worden ingevuld: {err.message}") from None
    except (TypeError, ValueError, ArithmeticError, OverflowError, RecursionError, MemoryError) as err:
        raise TemplateProblem(f"{name}: de sjabloon kan niet worden ingevuld ({type(err).__name__}).") from None


def _undefined_name(err: UndefinedError) -> str:
    text = err.message or ""
    if text.startswith("'") and "' is undefined" in text:
        return "'{{ " + text[1:text.index("' is undefined")] + " }}'"
    return f"({text})"
