"""Command line: python -m outreach check [--format text|json] FILE...

Exit status: 0 fine, 1 a --fail-under threshold was not met, 2 bad input or usage.
"""
from __future__ import annotations

import argparse
import json
import sys

from outreach.cli_text import render_analysis
from outreach.letters import LetterError, read_path
from outreach.rules.schema import DIMENSIONS


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one clear line, exit 2, no traceback
        raise UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m outreach", description=(
        "Rule-based simulation of how a Dutch proactive outreach letter will likely land. "
        "Not a prediction about a person."))
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="analyse letters (.txt, .md, .docx)")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--lang", default="nl")
    rules = sub.add_parser("rules", help="list the rules, or --check runs every rule's examples")
    rules.add_argument("--check", action="store_true")
    rules.add_argument("--lang", default="nl")
    return parser


def _check(args: argparse.Namespace) -> int:
    from outreach import analyze  # imported late: `--help` and usage errors stay instant

    results = []
    for path in args.files:
        text = read_path(path)
        results.append(analyze(text, args.lang).to_dict(file=path))
    if args.format == "json":
        payload = results[0] if len(results) == 1 else results
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(render_analysis(r) for r in results))
    return 0


def _rules(args: argparse.Namespace) -> int:
    from outreach.rules.examples import check_book
    from outreach.rules.loader import load_rulebook

    book = load_rulebook(args.lang)
    if args.check:
        failures = check_book(book)
        for failure in failures:
            print(failure)
        total = sum(len(r.fail) + len(r.passes) for r in book.rules)
        print(f"{len(book.rules)} rules, {total} examples, {len(failures)} failing")
        return 1 if failures else 0
    for dimension in DIMENSIONS:
        pack = book.packs[dimension]
        print(f"{pack.title} ({dimension}, base {pack.base:g})")
        for rule in pack.rules:
            print(f"  {rule.id:45} {rule.kind:12} {rule.severity:10} {rule.message[:60]}")
    return 0


def main(argv: list[str] | None = None) -> int:
    from outreach.rules.schema import RulePackError

    try:
        args = _parser().parse_args(argv)
        return {"check": _check, "rules": _rules}[args.command](args)
    except UsageError as err:
        print(f"fout: {err} (zie python -m outreach --help)", file=sys.stderr)
        return 2
    except (LetterError, RulePackError) as err:
        print(f"fout: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
