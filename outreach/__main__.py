"""Command line: python -m outreach check [--format text|json|jsonl] [--jobs N] [--fixes [--segment ID]] FILE...
             python -m outreach fix --apply N FILE
             python -m outreach compare [--format text|json] [--shares 39,22,39] A B [C D]
             python -m outreach export [--format ID] [--review] --out FILE.EXT FILE

Exit status: 0 fine, 1 a --fail-under threshold was not met, 2 bad input or usage.
"""
from __future__ import annotations

import argparse
import errno
import json
import math
import os
import sys

from outreach import languages
from outreach.formatting import free_name, number
from outreach.letters import LetterError, check_path, display_name, read_path
from outreach.messages import DEFAULT_LANG, LANGS, msg, render as render_message, text
from outreach.rules.schema import DIMENSIONS


ON_DEMAND_FILES = 2  # up to this many letters, word tables are not loaded whole (outreach/cache.py)


class UsageError(Exception):
    pass


_ui = {"lang": DEFAULT_LANG}  # --ui-lang: the language of the command line's own messages and labels


def say(message_id: str, **values: object) -> str:
    return text(message_id, _ui["lang"], **values)


def _ui_lang(argv: list[str]) -> str:
    """--ui-lang, read before parsing so that parse errors are in that language too."""
    for i, arg in enumerate(argv):
        if arg == "--ui-lang" and i + 1 < len(argv) and argv[i + 1] in LANGS:
            return argv[i + 1]
        if arg.startswith("--ui-lang=") and arg.partition("=")[2] in LANGS:
            return arg.partition("=")[2]
    return DEFAULT_LANG


# argparse's own messages are English; the ones a user meets, from the catalogue (by id).
_ARGPARSE = (
    ("the following arguments are required:", "cli.argparse.required"),
    ("unrecognized arguments:", "cli.argparse.unrecognized"),
    ("invalid choice:", "cli.argparse.invalid_choice"),
    ("(choose from", "cli.argparse.choose_from"),
    ("expected one argument", "cli.argparse.one_value"),
    ("expected at least one argument", "cli.argparse.values"),
    ("ambiguous option:", "cli.argparse.ambiguous"),
    ("could match", "cli.argparse.could_match"),
    ("invalid float value:", "cli.argparse.float"),
    ("invalid int value:", "cli.argparse.int"),
    ("not allowed with argument", "cli.argparse.not_with"),
    ("one of the arguments", "cli.argparse.one_of"),
    ("is required", "cli.argparse.is_required"),
    ("ignored explicit argument", "cli.argparse.no_value"),
    ("argument command:", "cli.argparse.command"),
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one clear line, exit 2, no traceback
        for english, message_id in _ARGPARSE:
            message = message.replace(english, say(message_id))
        message = message.removeprefix("argument ")  # "--jobs: ..." reads the same in Dutch
        raise UsageError(display_name(message, 300))


def _finite(value: str) -> float:
    """--fail-under: a finite number (nan would pass every letter, inf fail every one)."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(say("cli.not_a_number", value=display_name(value, 40))) from None
    if not math.isfinite(number):
        raise argparse.ArgumentTypeError(say("cli.not_finite", value=display_name(value, 40)))
    return number


def _jobs(value: str) -> int:
    """--jobs: a whole number of processes, at least 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(say("cli.not_whole", value=display_name(value, 40))) from None
    if number < 1:
        raise argparse.ArgumentTypeError(say("cli.jobs"))
    return number


def _check_all(paths: list[str]) -> None:
    """Every path checked before any letter is analysed: a bad last file fails at once."""
    for path in paths:
        check_path(path)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m outreach", description=(
        "Rule-based simulation of how a Dutch proactive outreach letter will likely land. "
        "Not a prediction about a person."))
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="analyse letters (.txt, .md, .docx)")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--format", choices=("text", "json", "jsonl"), default="text",
                       help="jsonl: one compact JSON object per letter per line, as each is ready")
    check.add_argument("--jobs", type=_jobs, metavar="N",
                       help="worker processes for many letters (default: every core of this machine)")
    check.add_argument("--lang", default=languages.DEFAULT,
                       help="a language: built in, or a folder named in $OUTREACH_LANGUAGES")
    check.add_argument("--shares", metavar="39,22,39",
                       help="population shares of the segments in percent, in the model's order")
    check.add_argument("--fail-under", type=_finite, metavar="N",
                       help="exit 1 when a letter's reach score is under N")
    check.add_argument("--fixes", action="store_true",
                       help="also list the changes that would help most, each with its measured effect")
    check.add_argument("--segment", metavar="ID", help="with --fixes: rank the changes for this segment")
    check.add_argument("--scenario", metavar="NAME",
                       help="take facts for suggested sentences from scenarios/NAME.toml")
    fix = sub.add_parser("fix", help="write the letter with the N best changes applied to stdout")
    fix.add_argument("file", metavar="FILE")
    fix.add_argument("--apply", type=int, required=True, metavar="N", help="how many changes to apply")
    fix.add_argument("--segment", metavar="ID", help="choose the changes for this segment")
    fix.add_argument("--scenario", metavar="NAME",
                     help="take facts for suggested sentences from scenarios/NAME.toml")
    fix.add_argument("--shares", metavar="39,22,39",
                     help="population shares of the segments in percent, in the model's order")
    comp = sub.add_parser("compare", help="compare 2-4 variants of a letter; the first is A")
    comp.add_argument("files", nargs="+", metavar="FILE")
    comp.add_argument("--format", choices=("text", "json"), default="text")
    comp.add_argument("--shares", metavar="39,22,39",
                      help="population shares of the segments in percent, in the model's order")
    from outreach.exports import registry

    formats = registry()
    export = sub.add_parser("export", help="write the letter as a file to go on with ("
                                           + ", ".join(f".{f.extension}" for f in formats.values())
                                           + "); --review: with its findings")
    export.add_argument("file", metavar="FILE")
    export.add_argument("--out", required=True, metavar="FILE", help="the file to write; its extension chooses "
                                                                      "the format unless --format is given")
    export.add_argument("--format", choices=tuple(formats), default=None,
                        help="; ".join(f"{f.id}: {f.document('en')} (.{f.extension}"
                                       f"{'' if f.letter else ', --review only'})" for f in formats.values()))
    export.add_argument("--review", action="store_true",
                        help="a review copy: the letter with each finding (in Word a comment on its words; "
                             "reach and verdicts on the first paragraph)")
    export.add_argument("--scenario", metavar="NAME",
                        help="with --review: take facts for suggested sentences from scenarios/NAME.toml")
    export.add_argument("--shares", metavar="39,22,39",
                        help="with --review: population shares of the segments in percent, in the model's order")
    render = sub.add_parser("render", help="fill a letter template with a scenario's variables")
    render.add_argument("template", metavar="TEMPLATE", help="a template file, or a name in templates/")
    render.add_argument("--scenario", metavar="NAME", help="take the variables from scenarios/NAME.toml")
    render.add_argument("--var", action="append", default=[], metavar="key=value",
                        help="set or override one variable (repeatable)")
    rules = sub.add_parser("rules", help="list the rules, or --check runs every rule's examples")
    rules.add_argument("--check", action="store_true")
    rules.add_argument("--docs", metavar="DIR", help="write a reference page per rule (Markdown) into DIR")
    rules.add_argument("--lang", default=languages.DEFAULT)
    for command in (check, fix, comp, export, rules):
        command.add_argument("--packs", action="append", metavar="DIR", default=None,
                             help="an organisation's own rule packs, stacked on the built-in ones "
                                  "(repeatable; default: $OUTREACH_PACKS)")
    for command in (check, fix, comp, export, render, rules):
        command.add_argument("--ui-lang", choices=LANGS, default=DEFAULT_LANG,
                             help="the language of this command's own messages and report labels "
                                  "(the analysis itself stays in the letter's language)")
    return parser


def _scenario_variables(name: str | None) -> dict[str, str]:
    if not name:
        return {}
    from outreach.scenarios import load_catalogue

    catalogue = load_catalogue()
    try:
        return dict(catalogue.get(name).variables)
    except KeyError:
        known = ", ".join(s.id for s in catalogue.scenarios)
        raise UsageError(msg("cli.scenario_unknown", name=name, known=known)) from None


def _segment(name: str | None, lang: str) -> str | None:
    from outreach.segments import load_model

    ids = load_model(lang).ids
    if name is not None and name not in ids:
        raise UsageError(msg("cli.segment_unknown", name=name, known=", ".join(ids)))
    return name


def _packs(args: argparse.Namespace) -> tuple[str, ...]:
    """--packs DIR (repeatable), else OUTREACH_PACKS; every folder checked before any letter."""
    from outreach.rules.loader import packs_from_env

    packs = tuple(args.packs) if args.packs else packs_from_env(os.environ.get("OUTREACH_PACKS"))
    for folder in packs:
        if not os.path.isdir(folder):
            raise UsageError(msg("cli.packs_not_folder", folder=display_name(folder)))
    return packs


def _check(args: argparse.Namespace) -> int:
    from outreach.batch import Job, analyse_all, default_jobs  # imported late: `--help` stays instant
    from outreach.segments import load_model, parse_shares

    if args.segment and not args.fixes:
        raise UsageError(msg("cli.segment_needs_fixes"))
    segment = _segment(args.segment, args.lang)
    variables = _scenario_variables(args.scenario)
    _check_all(args.files)
    jobs = args.jobs or default_jobs()
    packs = _packs(args)
    if len(args.files) <= ON_DEMAND_FILES:
        from outreach.cache import on_demand

        on_demand()  # a few letters: look words up one by one rather than load whole word tables
        jobs = 1  # and in this process: a worker would start no faster (nor share an SQLite handle)
    shares = parse_shares(args.shares, load_model(args.lang)) if args.shares else None
    below: list[str] = []
    collected: list[dict] = []
    job = Job(args.lang, shares, args.format, packs, variables, args.fixes, segment, _ui["lang"])
    results = analyse_all(args.files, job, jobs)
    for i, result in enumerate(results):
        if args.fail_under is not None and result.reach < args.fail_under:
            below.append(result.file)
        if args.format == "json":
            collected.append(result.output)
        elif args.format == "jsonl":
            print(result.output, flush=True)
        else:
            if i:
                print()
            print(result.output, flush=True)
    if args.format == "json":
        payload = collected[0] if len(collected) == 1 else collected
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    for name in below:
        print(say("cli.below", name=name, threshold=number(args.fail_under, digits=None)), file=sys.stderr)
    return 1 if below else 0


def _variant_names(paths: list[str]) -> list[str]:
    """The file paths as variant names; a file given twice gets a number: 'a.txt (2)'."""
    names: list[str] = []
    for path in paths:
        names.append(free_name(path, names, limit=None))
    return names


def _compare(args: argparse.Namespace) -> int:
    from outreach.cli_text import render_comparison
    from outreach.compare import CompareError, compare
    from outreach.formatting import MAX_VARIANTS, MIN_VARIANTS
    from outreach.segments import load_model, parse_shares

    if not MIN_VARIANTS <= len(args.files) <= MAX_VARIANTS:
        print(say("cli.error", error=say("cli.compare_count", low=MIN_VARIANTS, high=MAX_VARIANTS,
                                         count=len(args.files))), file=sys.stderr)
        return 2
    from outreach import analyze

    _check_all(args.files)
    packs = _packs(args)
    shares = parse_shares(args.shares, load_model()) if args.shares else None
    texts = [read_path(path) for path in args.files]
    try:
        result = compare(list(zip(_variant_names([display_name(p, 1000) for p in args.files]), texts)), shares,
                         analyzer=lambda text, chosen: analyze(text, shares=chosen, packs=packs))
    except CompareError as err:
        print(say("cli.error", error=render_message(err, _ui["lang"])), file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_comparison(result, _ui["lang"]))
    return 0


def _render(args: argparse.Namespace) -> int:
    from outreach.scenarios import TEMPLATES_DIR, load_catalogue
    from outreach.templating import TemplateProblem, render

    path = args.template
    try:
        check_path(path)
    except LetterError:
        shipped = str(TEMPLATES_DIR / args.template)
        if "/" in args.template or "\x00" in args.template or args.template.startswith("."):
            raise
        try:
            check_path(shipped)
        except LetterError:
            raise LetterError(msg("cli.template_missing", name=display_name(args.template))) from None
        path = shipped
    source = read_path(path)
    variables: dict[str, str] = {}
    if args.scenario:
        catalogue = load_catalogue()
        try:
            variables.update(catalogue.get(args.scenario).variables)
        except KeyError:
            known = ", ".join(s.id for s in catalogue.scenarios)
            raise UsageError(msg("cli.scenario_unknown", name=args.scenario, known=known)) from None
    for item in args.var:
        key, sep, value = item.partition("=")
        if not sep or not key.strip().isidentifier():
            raise UsageError(msg("cli.var", item=item))
        variables[key.strip()] = value
    try:
        print(render(source, variables, display_name(path)), end="")
    except TemplateProblem as err:
        print(say("cli.error", error=render_message(err, _ui["lang"])), file=sys.stderr)
        return 2
    return 0


def _fix(args: argparse.Namespace) -> int:
    from outreach.advice import apply_fixes
    from outreach.formatting import number
    from outreach.segments import load_model, parse_shares

    if args.apply < 0:
        raise UsageError(msg("cli.apply"))
    segment = _segment(args.segment, languages.DEFAULT)
    variables = _scenario_variables(args.scenario)
    packs = _packs(args)
    check_path(args.file)
    shares = parse_shares(args.shares, load_model()) if args.shares else None
    text = read_path(args.file)
    letter, applied, stopped = apply_fixes(text, args.apply, variables, shares, segment, packs=packs)
    print(letter, end="" if letter.endswith("\n") else "\n")
    gained = sum(f.effect.gain(segment) for f in applied)
    what = say("cli.fix_reach" if segment is None else "cli.fix_segment")
    print(say("cli.fix_applied", count=len(applied), what=what, gained=number(gained, signed=True)), file=sys.stderr)
    if stopped:
        print(render_message(stopped, _ui["lang"]), file=sys.stderr)
    return 0


_WRITE_ERRORS = {  # message ids
    errno.ENOSPC: "cli.write.full",
    getattr(errno, "EDQUOT", errno.ENOSPC): "cli.write.quota",
    errno.EACCES: "cli.write.no_rights",
    errno.EPERM: "cli.write.no_rights",
    errno.EROFS: "cli.write.read_only",
    errno.ENOENT: "cli.write.no_folder",
    errno.ENOTDIR: "cli.write.not_folder",
    errno.EISDIR: "cli.write.is_folder",
    errno.ENAMETOOLONG: "cli.write.name_too_long",
}


def _write_file(path: str, data: bytes, extension: str) -> None:
    """Write `data` to `path` whole or not at all: into a temporary file beside it, then renamed,
    so a full disk leaves an earlier file of that name as it was. UsageError (Dutch) on failure."""
    import tempfile

    shown = display_name(path)
    if not path or "\x00" in path:
        raise UsageError(msg("cli.out_invalid", name=shown))
    if os.path.isdir(path):
        raise LetterError(msg("cli.write_failed", name=shown, reason=msg("cli.write.is_folder")))
    folder = os.path.dirname(os.path.abspath(path))
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=".outreach-", suffix=f".{extension}.tmp", dir=folder)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
        temporary = None
    except OSError as err:
        reason = msg(_WRITE_ERRORS[err.errno]) if err.errno in _WRITE_ERRORS else (err.strerror or msg("cli.write.unknown"))
        raise LetterError(msg("cli.write_failed", name=shown, reason=reason)) from None
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _export_format(args: argparse.Namespace):
    """--format, else the format --out's extension names; --out must end in that format's extension."""
    from outreach.exports import by_extension, registry

    chosen = registry()[args.format] if args.format else by_extension(args.out)
    if chosen is None or not args.out.lower().endswith(f".{chosen.extension}"):
        extensions = (chosen,) if chosen else registry().values()
        raise UsageError(msg("cli.out_extension", name=display_name(args.out),
                             extensions=", ".join(f".{f.extension}" for f in extensions)))
    if (args.review and chosen.review is None) or (not args.review and chosen.letter is None):
        raise UsageError(msg("cli.export_review_only" if chosen.letter is None else "cli.export_no_review",
                             format=chosen.id))
    return chosen


def _export(args: argparse.Namespace) -> int:
    from outreach.segments import load_model, parse_shares

    chosen = _export_format(args)
    if (args.scenario or args.shares) and not args.review:
        raise UsageError(msg("cli.review_options"))
    check_path(args.file)
    try:
        same = os.path.exists(args.out) and os.path.samefile(args.file, args.out)
    except OSError:
        same = False
    if same:
        raise UsageError(msg("cli.out_is_input"))
    variables = _scenario_variables(args.scenario)
    packs = _packs(args)
    text = read_path(args.file)
    if args.review:
        from outreach import analyze

        shares = parse_shares(args.shares, load_model()) if args.shares else None
        result = analyze(text, shares=shares, variables=variables, packs=packs)
        data = chosen.write(text, result.lang, result, _ui["lang"])
        what = say("cli.export_review", count=len(result.findings))
    else:
        data = chosen.write(text, languages.DEFAULT)
        what = say("cli.export_letter")
    _write_file(args.out, data, chosen.extension)
    print(say("cli.exported", name=display_name(args.out), what=what, document=chosen.document(_ui["lang"])))
    return 0


def _missing_english(lang: str) -> list[str]:
    """The built-in texts of the language without English (its en/ folder, outreach/interface.py; for
    Dutch also the built-in scenarios' [en] tables)."""
    from outreach import interface

    if not interface.has_english(lang):
        return []
    missing = interface.missing_english(lang)
    if lang == languages.DEFAULT:  # the built-in scenarios (scenarios/*.toml) are Dutch
        from outreach.scenarios import load_catalogue

        missing += [line for scenario in load_catalogue().scenarios for line in scenario.missing_english()]
    for line in missing:
        print(f"English missing: {line}")
    print(f"{len(missing)} built-in texts without English (outreach/languages/{lang}/en/)")
    return missing


def _rules(args: argparse.Namespace) -> int:
    from outreach.rules.examples import check_book, unexampled_exceptions
    from outreach.rules.loader import load_rulebook

    book = load_rulebook(args.lang, _packs(args))
    if args.docs:
        return _write_reference(book, args.docs)
    if args.check:
        failures = check_book(book)
        for failure in failures:
            print(failure)
        untested = {r.id: unexampled_exceptions(r, book) for r in book.rules if r.exceptions}
        for rule_id, phrases in untested.items():
            for phrase in phrases:
                print(f"{rule_id}: exception without an 'excepted' example: {phrase}")
        total = sum(len(r.fail) + len(r.passes) + len(r.excepted) for r in book.rules)
        print(f"{len(book.rules)} rules, {total} examples, {len(failures)} failing, "
              f"{sum(map(len, untested.values()))} exception phrases without their own example")
        missing = _missing_english(args.lang)
        return 1 if failures or missing else 0
    for dimension in DIMENSIONS:
        pack = book.packs[dimension]
        print(f"{pack.title} ({dimension}, base {pack.base:g})")
        for rule in pack.rules:
            print(f"  {rule.id:45} {rule.kind:12} {rule.severity:10} {rule.message[:60]}")
    return 0


def _write_reference(book, folder: str) -> int:
    from pathlib import Path

    from outreach.rules.reference import reference_pages

    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise UsageError(msg("cli.docs_not_folder", folder=display_name(folder)))
    try:
        target.mkdir(parents=True, exist_ok=True)
        pages = reference_pages(book, _ui["lang"])
        for name, text in pages.items():
            (target / name).write_text(text, encoding="utf-8")
    except OSError as err:
        print(say("cli.error", error=say("cli.docs_failed", folder=display_name(folder), reason=err.strerror)),
              file=sys.stderr)
        return 2
    print(say("cli.docs_written", count=len(pages) - 1, folder=display_name(folder)))
    return 0


def main(argv: list[str] | None = None) -> int:
    from outreach.rules.schema import RulePackError
    from outreach.segments.model import SegmentModelError

    _ui["lang"] = _ui_lang(sys.argv[1:] if argv is None else argv)
    try:
        args = _parser().parse_args(argv)
        return {"check": _check, "compare": _compare, "render": _render, "fix": _fix,
                "export": _export, "rules": _rules}[args.command](args)
    except UsageError as err:
        print(say("cli.usage_error", error=render_message(err, _ui["lang"])), file=sys.stderr)
        return 2
    except (LetterError, RulePackError, SegmentModelError) as err:
        print(say("cli.error", error=render_message(err, _ui["lang"])), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except MemoryError:
        print(say("cli.error", error=say("cli.memory")), file=sys.stderr)
        return 2
    except Exception as err:  # noqa: BLE001 (never a traceback in front of a user)
        print(say("cli.error", error=say("cli.internal", error=type(err).__name__)), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
