"""Many letters at once for `python -m outreach check`: analysed by worker processes, in input order.

The parent loads everything an analysis needs (rule book, segment model, word data) before it
starts the workers; they are forked from it, so each starts with that data in place instead of
loading it again. Results come back in the order of the files, as soon as each is ready, so
`--format jsonl` streams. Where processes cannot be forked (Windows, macOS's default), or for
one file or one job, the letters are analysed in this process.
"""
from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Iterator
from dataclasses import dataclass

FORMATS = ("text", "json", "jsonl")


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Job:
    lang: str
    shares: dict[str, float] | None
    format: str
    packs: tuple[str, ...] = ()  # an organisation's own packs (outreach/rules/stack.py)
    variables: dict[str, str] | None = None  # the scenario's, for suggestions and advice
    fixes: bool = False  # also the measured changes that help most (outreach.advise)
    segment: str | None = None  # rank the changes for this segment
    ui_lang: str = "nl"  # the labels of the text report (outreach/messages.toml)


@dataclass(frozen=True)
class Result:
    file: str
    reach: float
    output: object  # text: the report; jsonl: one compact JSON line; json: the analysis dict


_job: Job | None = None  # set in the parent before the workers are forked


def _analyse(path: str) -> Result:
    from outreach.analysis import analyze
    from outreach.letters import display_name, read_path

    job = _job
    text = read_path(path)
    if job.fixes:
        from outreach.advice import advise

        advice = advise(text, job.variables or {}, job.shares, job.segment, job.lang, packs=tuple(job.packs or ()))
        result = advice.analysis.to_dict(file=display_name(path, 1000))
        result.update(fixes=[f.to_dict() for f in advice.fixes], fixes_note=advice.message,
                      fixes_segment=job.segment, plans={sid: p.to_dict() for sid, p in advice.plans.items()})
    else:
        result = analyze(text, job.lang, job.shares, job.variables, job.packs).to_dict(file=display_name(path, 1000))
    if job.format == "jsonl":
        output: object = json_line(result)
    elif job.format == "text":
        from outreach.cli_text import render_analysis, render_fixes

        output = render_analysis(result, job.ui_lang) + (render_fixes(result, job.ui_lang) if job.fixes else "")
    else:
        output = result
    return Result(result["file"], result["reach"]["score"], output)


_orjson = None  # the module, once json_line has looked for it (False: not installed)


def json_line(result: dict) -> str:
    """One compact JSON line, as json.dumps(result, ensure_ascii=False, separators=(",", ":")) gives
    it, written by orjson where it is installed (~0.09 ms a letter instead of ~0.45 ms). Its JSON is
    the same apart from the spelling of very small or large floats (1e-05 as 0.00001); what it does
    not take (a lone surrogate, a key that is not a string, an integer over 64 bits) goes to json."""
    global _orjson
    if _orjson is None:
        try:
            import orjson as _orjson  # imported here: a command that writes no JSON lines does not pay for it
        except ImportError:
            _orjson = False
    if _orjson:
        try:
            return _orjson.dumps(result).decode()
        except TypeError:  # orjson.JSONEncodeError
            pass
    return json.dumps(result, ensure_ascii=False, separators=(",", ":"))


def analyse_all(paths: list[str], job: Job, jobs: int) -> Iterator[Result]:
    """Results of every file, in the order given."""
    global _job
    _job = job
    jobs = min(jobs, len(paths))
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(_analyse, paths)
        return
    from outreach.analysis import warm
    from outreach.cache import on_demand

    # The words outside the precomputed word data are few: looked up one by one, not loaded whole
    on_demand(word_data=False)
    warm(job.lang, job.packs)  # loaded once here, before the workers are forked (and frozen out of gc's sight)
    if job.format == "jsonl":
        json_line({})  # orjson imported once here too
    context = multiprocessing.get_context("fork")
    chunk = max(1, min(8, len(paths) // (jobs * 16)))  # small chunks: output keeps flowing
    with context.Pool(jobs) as pool:
        yield from pool.imap(_analyse, paths, chunksize=chunk)
