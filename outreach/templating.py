"""Letters written as templates ({{ naam }}, {{ telefoon }} ...), rendered safely.

Templates are user input, so they render only in Jinja2's immutable sandbox, with:
- undefined placeholders as an error that names the placeholder,
- a whitelist of harmless filters, each checked for the size of what it returns (and `replace`
  before it runs),
- a bounded range(), bounded * ** + % ~ operators, bounded string methods (ljust, center, zfill,
  format, ...) and int.to_bytes, no nested loops,
- a bound on the template's length and on the output, which is produced as a stream and cut off.

And `render` runs each template in a child process (multiprocessing, forkserver) with an address
space limit (RLIMIT_AS) and a time limit: whatever slipped past the sandbox's bounds (the compiler's
recursion, a blow-up we did not foresee) ends that child, never the app or the CLI. Results, and
problems, are cached per template and variables, so a rerun does not render again (a render
stopped by its time limit only for a minute: on a calmer machine it may finish).
"""
from __future__ import annotations

import multiprocessing
import operator
import os
import re
import string
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError, meta, nodes
from jinja2.compiler import CodeGenerator
from jinja2.exceptions import SecurityError, TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from outreach.messages import message_of, msg

MAX_TEMPLATE_CHARS = 50_000
MAX_OUTPUT_CHARS = 100_000
MAX_RANGE = 1_000
MAX_POWER = 64
MAX_INT_BITS = 4096
RENDER_SECONDS = 5.0              # a letter renders in milliseconds; a child still busy then is ended
RENDER_MEMORY = 256 * 1024 * 1024  # address space a child may add to what it starts with
CACHE_SIZE = 256
SAFE_FILTERS = ("upper", "lower", "capitalize", "title", "trim", "default", "d", "replace", "join",
                "length", "count", "first", "last", "round", "int", "float", "string", "list",
                "striptags", "e", "escape", "abs", "sort", "unique", "reverse")


class TemplateProblem(ValueError):
    """A template that cannot be rendered; the message is for the user (Dutch)."""


def _bounded(value: object) -> object:
    if isinstance(value, (str, list, tuple)) and len(value) > MAX_OUTPUT_CHARS:
        raise _too_long()
    return value


def _safe_filter(fn, name: str):
    def wrapper(*args, **kwargs):
        if name == "replace":
            _check_replace(args, kwargs)
        return _bounded(fn(*args, **kwargs))
    wrapper.__name__ = getattr(fn, "__name__", "filter")
    for attribute in ("jinja_pass_arg",):  # keep Jinja's context/environment passing markers
        if hasattr(fn, attribute):
            setattr(wrapper, attribute, getattr(fn, attribute))
    return wrapper


def _too_long() -> TemplateProblem:
    return TemplateProblem(msg("template.output_too_long", limit=MAX_OUTPUT_CHARS))


def _check_replace(args: tuple, kwargs: dict) -> None:
    """The replace filter's result size, before it is made: (eval_ctx, s, old, new[, count])."""
    values = list(args[1:4])
    for key in ("old", "new")[max(0, len(values) - 1):]:
        if key in kwargs:
            values.append(kwargs[key])
    if len(values) >= 3 and all(isinstance(v, str) for v in values[:3]):
        text, old, new = values[:3]
        hits = len(text) + 1 if old == "" else text.count(old)
        if len(text) + hits * len(new) > MAX_OUTPUT_CHARS:
            raise _too_long()


_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0 +\-]*(\*|\d+)?(?:\.(\*|\d+))?")
_WIDTH_METHODS = {"ljust": 0, "rjust": 0, "center": 0, "zfill": 0}


def _check_width(value: object) -> None:
    if isinstance(value, int) and value > MAX_OUTPUT_CHARS:
        raise _too_long()


def _check_percent(fmt: str) -> None:
    """printf-style formatting ('%10s' % x): no '*' widths, widths and precisions bounded."""
    for match in _PERCENT_SPEC.finditer(fmt):
        for part in match.groups():
            if part == "*":
                raise TemplateProblem(msg("template.format_star"))
            if part and int(part) > MAX_OUTPUT_CHARS:
                raise _too_long()


def _check_format(fmt: str) -> None:
    """str.format templates: no nested fields in a format spec, widths and precisions bounded."""
    try:
        fields = list(string.Formatter().parse(fmt))
    except ValueError as err:
        raise TemplateProblem(msg("template.format_invalid", error=err)) from None
    for _literal, _field, spec, _conversion in fields:
        if not spec:
            continue
        if "{" in spec:
            raise TemplateProblem(msg("template.format_forbidden"))
        for digits in re.findall(r"\d+", spec):
            if int(digits) > MAX_OUTPUT_CHARS:
                raise _too_long()


def _check_call(obj: object, args: tuple, kwargs: dict) -> None:
    """Calls that can grow a string or a number beyond the bounds, checked before they run."""
    target = getattr(obj, "__wrapped__", obj)  # the sandbox wraps str.format
    owner = getattr(target, "__self__", None)
    method = getattr(target, "__name__", "")
    if isinstance(owner, str):
        if method in _WIDTH_METHODS:
            for value in list(args[:1]) + [kwargs.get("width")]:
                _check_width(value)
        elif method == "expandtabs":
            size = args[0] if args else kwargs.get("tabsize", 8)
            if isinstance(size, int) and size * max(1, owner.count("\t")) + len(owner) > MAX_OUTPUT_CHARS:
                raise _too_long()
        elif method in ("format", "format_map"):
            _check_format(owner)
        elif method == "replace" and len(args) >= 2 and all(isinstance(a, str) for a in args[:2]):
            _check_replace((None, owner, args[0], args[1]), {})
        elif method == "join":
            pass  # its items come from bounded sequences; the output bound cuts the rest
    elif isinstance(owner, int) and method == "to_bytes":
        length = args[0] if args else kwargs.get("length", 1)
        if isinstance(length, int) and length > MAX_INT_BITS // 8:
            raise TemplateProblem(msg("template.numbers_too_big"))


def _range(*args: int) -> range:
    r = range(*args)
    if len(r) > MAX_RANGE:
        raise TemplateProblem(msg("template.range", limit=MAX_RANGE))
    return r


class _LetterCodeGenerator(CodeGenerator):
    """Jinja's compiler, with `a ~ b ~ c` joined by the environment's bounded concat."""

    def visit_Concat(self, node: nodes.Concat, frame) -> None:
        self.write("environment.bounded_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class LetterEnvironment(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _LetterCodeGenerator

    def bounded_concat(self, values: tuple) -> str:
        parts = [str(v) for v in values]
        if sum(map(len, parts)) > MAX_OUTPUT_CHARS:
            raise _too_long()
        return "".join(parts)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's own signature)
        _check_call(__obj, args, kwargs)
        return _bounded(super().call(__context, __obj, *args, **kwargs))

    def call_binop(self, context, operator_name, left, right):
        if operator_name == "+":
            if isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)) \
                    and len(left) + len(right) > MAX_OUTPUT_CHARS:
                raise _too_long()
            if isinstance(left, int) and isinstance(right, int) and \
                    max(left.bit_length(), right.bit_length()) > MAX_INT_BITS:
                raise TemplateProblem(msg("template.numbers_too_big"))
            return operator.add(left, right)
        if operator_name == "%":
            if isinstance(left, str):
                _check_percent(left)
            if isinstance(left, int) and isinstance(right, int) and left.bit_length() > MAX_INT_BITS:
                raise TemplateProblem(msg("template.numbers_too_big"))
            return _bounded(operator.mod(left, right))
        if operator_name == "**":
            if isinstance(right, (int, float)) and abs(right) > MAX_POWER:
                raise TemplateProblem(msg("template.power", limit=MAX_POWER))
            if isinstance(left, int) and isinstance(right, int) and left.bit_length() * right > MAX_INT_BITS:
                raise TemplateProblem(msg("template.numbers_too_big"))
            return operator.pow(left, right)
        for sequence, times in ((left, right), (right, left)):
            if isinstance(sequence, (str, list, tuple)) and isinstance(times, int):
                if times * len(sequence) > MAX_OUTPUT_CHARS:
                    raise _too_long()
        if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise TemplateProblem(msg("template.numbers_too_big"))
        return operator.mul(left, right)


@lru_cache(maxsize=1)
def environment() -> LetterEnvironment:
    env = LetterEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.filters = {name: _safe_filter(env.filters[name], name) for name in SAFE_FILTERS if name in env.filters}
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


def parse_template(source: str, name: str | None = None) -> ParsedTemplate:
    """Check a template without rendering it: syntax, size, loops; and list its placeholders."""
    name = name or msg("template.default_name")
    if len(source) > MAX_TEMPLATE_CHARS:
        raise TemplateProblem(msg("template.too_long", name=name, limit=MAX_TEMPLATE_CHARS))
    try:
        ast = environment().parse(source)
        placeholders = frozenset(meta.find_undeclared_variables(ast)) - {"range"}
        too_deep = _loop_depth(ast) > 1
    except TemplateSyntaxError as err:  # also unknown filters and tests
        raise TemplateProblem(_syntax_message(name, err)) from None
    except RecursionError:  # thousands of nested brackets
        raise TemplateProblem(msg("template.too_deep", name=name)) from None
    except MemoryError:
        raise TemplateProblem(msg("template.memory", name=name)) from None
    if too_deep:
        raise TemplateProblem(msg("template.nested_loops", name=name))
    if any(isinstance(n, (nodes.Macro, nodes.CallBlock, nodes.Import, nodes.FromImport, nodes.Include,
                          nodes.Extends)) for n in ast.find_all(nodes.Node)):
        raise TemplateProblem(msg("template.macros", name=name))
    if _reaches_internals(ast):
        raise TemplateProblem(msg("template.internals", name=name))
    return ParsedTemplate(source, placeholders)


def render_here(source: str, variables: dict[str, object], name: str | None = None) -> str:
    """The letter with its placeholders filled, in this process (what the render child runs).

    TemplateProblem with a Dutch message for every way a template can fail.
    """
    name = name or msg("template.default_name")
    parse_template(source, name)
    env = environment()
    try:
        template = env.from_string(source)
        out: list[str] = []
        size = 0
        for chunk in template.generate(**variables):
            size += len(chunk)
            if size > MAX_OUTPUT_CHARS:
                raise TemplateProblem(msg("template.letter_too_long", name=name, limit=MAX_OUTPUT_CHARS))
            out.append(chunk)
        return "".join(out)
    except UndefinedError as err:
        missing = _undefined_name(err)
        if missing is None:
            raise TemplateProblem(msg("template.item_missing", name=name)) from None
        raise TemplateProblem(msg("template.placeholder_missing", name=name, placeholder=missing)) from None
    except SecurityError:
        raise TemplateProblem(msg("template.internals", name=name)) from None
    except TemplateProblem as err:
        message = message_of(err) or str(err)
        if not message.startswith(f"{name}:"):
            message = msg("data.at", where=name, problem=message)
        raise TemplateProblem(message) from None
    except TemplateSyntaxError as err:  # unknown filters and tests are found when compiling
        raise TemplateProblem(_syntax_message(name, err)) from None
    except TemplateError as err:  # "No test named 'foo'" is found at run time
        dutch = _dutch(err.message or "")
        raise TemplateProblem(msg("template.failed_because", name=name, problem=dutch) if dutch
                              else msg("template.failed", name=name)) from None
    except BaseException as err:  # noqa: BLE001 (every failure of user code becomes a message)
        if isinstance(err, (KeyboardInterrupt, SystemExit, GeneratorExit)):
            raise
        raise TemplateProblem(_failure_message(name, err)) from None


def _failure_message(name: str, err: BaseException) -> str:
    if isinstance(err, (RecursionError, MemoryError)):
        return msg("template.too_big", name=name)
    if isinstance(err, ZeroDivisionError):
        return msg("template.zero_division", name=name)
    if isinstance(err, LookupError):  # '%(a)s' % {}, '{}'.format(), a missing key or index
        return msg("template.values_missing", name=name)
    if isinstance(err, (TypeError, ValueError, ArithmeticError)):
        return msg("template.operation", name=name)
    return msg("template.failed", name=name)


def _undefined_name(err: UndefinedError) -> str | None:
    """The placeholder that has no value, or None for an item or attribute that is not there ("[1, 2][5]")."""
    text = err.message or ""
    if text.startswith("'") and "' is undefined" in text:
        return "'{{ " + text[1:text.index("' is undefined")] + " }}'"
    return None


# Jinja's syntax messages are English; the common ones in the catalogue (by id), the rest as a general message.
_SYNTAX = (
    (re.compile(r"No filter named '([^']*)'"), "template.syntax.filter"),
    (re.compile(r"No test named '([^']*)'"), "template.syntax.test"),
    (re.compile(r"unexpected '([^']*)'"), "template.syntax.unexpected"),
    (re.compile(r"unexpected end of template"), "template.syntax.end"),
    (re.compile(r"Encountered unknown tag '([^']*)'"), "template.syntax.tag"),
    (re.compile(r"unexpected char '?(.)'?"), "template.syntax.unexpected"),
    (re.compile(r"Expected an expression"), "template.syntax.expression"),
    (re.compile(r"expected token '([^']*)'"), "template.syntax.token"),
    (re.compile(r"missing end of comment tag"), "template.syntax.comment"),
    (re.compile(r"unclosed|unterminated", re.I), "template.syntax.unclosed"),
)


def _dutch(text: str) -> str | None:
    for pattern, message_id in _SYNTAX:
        match = pattern.search(text)
        if match:
            return msg(message_id, **({"value": match.group(1)} if match.groups() else {}))
    return None


def _syntax_message(name: str, err: TemplateSyntaxError) -> str:
    dutch = _dutch(err.message or "")
    if dutch:
        return msg("template.syntax_error_because", name=name, line=err.lineno, problem=dutch)
    return msg("template.syntax_error", name=name, line=err.lineno)


# --- rendering in a child process ---------------------------------------------------------------

# key -> (ok, text or problem, until): `until` is None for a lasting outcome; a render stopped by its
# time limit (or one that found no helper process) may well succeed on a calmer machine, so that
# problem is kept only for RETRY_SECONDS: long enough that reruns do not render it again and again.
_cache: OrderedDict[tuple, tuple[bool, str, float | None]] = OrderedDict()
RETRY_SECONDS = 60.0
_cache_lock = threading.Lock()


def render(source: str, variables: dict[str, object], name: str | None = None) -> str:
    """The letter with its placeholders filled; TemplateProblem with a Dutch message otherwise.

    Rendered in a child process with a memory and a time limit; the outcome (text or problem) is
    cached per template, variables and name.
    """
    name = name or msg("template.default_name")
    if not isinstance(source, str):
        raise TemplateProblem(msg("template.not_text", name=name))
    if len(source) > MAX_TEMPLATE_CHARS:
        raise TemplateProblem(msg("template.too_long", name=name, limit=MAX_TEMPLATE_CHARS))
    key = (source, name, tuple(sorted((str(k), v if isinstance(v, str) else repr(v))
                                      for k, v in variables.items())))
    with _cache_lock:
        outcome = _cache.get(key)
        if outcome is not None and outcome[2] is not None and outcome[2] <= time.monotonic():
            outcome = None  # a time-out, long enough ago: try again
        if outcome is not None:
            _cache.move_to_end(key)
    if outcome is None:
        ok, text, *transient = _render_isolated(source, dict(variables), name)
        outcome = (ok, text, time.monotonic() + RETRY_SECONDS if transient else None)
        with _cache_lock:
            _cache[key] = outcome
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
    ok, text, _until = outcome
    if not ok:
        raise TemplateProblem(text)
    return text


@lru_cache(maxsize=1)
def _context():
    """fork where there is one (Linux, macOS): the child starts in about a millisecond with this
    module and Jinja loaded already, and runs nothing but the render. (forkserver and spawn re-import
    the parent's __main__ in every child; under Streamlit that is the whole app.) spawn elsewhere.

    Forking a process with threads is safe enough here: the child takes no lock of the app's, only
    renders, sends one message and exits; were it ever stuck, the time limit ends it.
    """
    if "fork" in multiprocessing.get_all_start_methods():
        environment().from_string("{{ x ~ 1 }}").render(x=0)  # compiler and runtime imported before forking
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _limit_memory() -> None:
    """RLIMIT_AS of this (child) process: what it uses now plus RENDER_MEMORY."""
    try:
        import resource

        with open("/proc/self/statm") as handle:
            used = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = used + RENDER_MEMORY
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError):  # no /proc or no setrlimit: the time limit still holds
        pass


def _child(conn, source: str, variables: dict[str, object], name: str) -> None:
    _limit_memory()
    try:
        outcome = (True, render_here(source, variables, name))
    except TemplateProblem as err:
        outcome = (False, message_of(err) or str(err))  # a Message keeps its id across the pipe
    except MemoryError:
        outcome = (False, msg("template.too_big", name=name))
    try:
        conn.send(outcome)
    except (MemoryError, OSError, ValueError):
        conn.send((False, msg("template.too_big", name=name)))
    finally:
        conn.close()


def _render_isolated(source: str, variables: dict[str, object], name: str) -> tuple:
    """(ok, text or problem), or (False, problem, "transient") when the outcome may differ next time."""
    ctx = _context()
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(sender, source, variables, name), daemon=True)
    try:
        try:
            process.start()
        except Exception:  # noqa: BLE001 (no process could be started: a message, not a crash)
            return (False, msg("template.no_process", name=name), "transient")
        finally:
            sender.close()
        try:
            if receiver.poll(RENDER_SECONDS):
                return receiver.recv()
            return False, msg("template.timeout", name=name, seconds=RENDER_SECONDS), "transient"
        except (EOFError, OSError):  # the child died: its memory limit, or a crash in compiling
            return False, msg("template.child_died", name=name)
    finally:
        if process.is_alive():
            process.kill()
        if process.pid is not None:
            process.join(2)
        receiver.close()
