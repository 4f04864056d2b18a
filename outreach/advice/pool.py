"""advise() for the app, measured in a worker process: the server's own process stays free.

The "Eerst doen" list measures each candidate change by analysing the changed letter again: most
of the CPU of one edit in the app. Streamlit runs every session's script in one Python process
(one core at a time, the GIL), so with many people editing at once that work queued in front of
everyone's verdicts. Here it runs in a small pool of worker processes (`OUTREACH_ADVICE_WORKERS`,
default: one on a machine with two or more cores, none on one core), while the script thread that
asked only waits (without holding the GIL): the verdicts of other sessions go on being drawn.

- The same result as `advise(..., plans=False, limit=N)` in the app's process: the worker runs that
  very call with the same text, shares, variables and packs (tests/advise/test_pool.py).
- Shared by every session of the process and bounded: results kept per (text, shares, variables,
  limit, packs), the last CACHE_SIZE of them; two sessions asking for the same letter (a workshop
  loading one example) share one job.
- `superseded`: a session that has sent a newer text drops its older job if it has not started.
- Workers start with `forkserver` (never a fork of the threaded server) and load the word data once
  when they start; a worker that dies is replaced, and meanwhile the app measures in its own process.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections import OrderedDict
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from outreach import languages

log = logging.getLogger(__name__)

WORKERS_ENV = "OUTREACH_ADVICE_WORKERS"
CACHE_SIZE = 128

Key = tuple  # (text, shares, variables, limit, packs, lang)

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_jobs: OrderedDict[Key, Future] = OrderedDict()


def workers() -> int:
    """How many worker processes measure advice (0: in the calling process)."""
    raw = os.environ.get(WORKERS_ENV, "").strip()
    if raw:
        try:
            return max(0, min(16, int(raw)))
        except ValueError:
            log.warning("%s=%r is not a number; advice is measured in the app's process", WORKERS_ENV, raw)
            return 0
    return 1 if (os.cpu_count() or 1) >= 2 else 0


def _warm(lang: str, packs: tuple[str, ...]) -> None:
    """Worker start: word data and the rule book loaded before the first letter (outreach.analysis.warm)."""
    from outreach.analysis import warm

    warm(lang, packs)


def _job(text: str, shares, variables, limit: int, packs: tuple[str, ...], lang: str):
    """What the worker runs: the fixes and the notice (the analysis stays in the app's own cache)."""
    from outreach.advice.measure import advise

    advice = advise(text, dict(variables), dict(shares) if shares is not None else None, lang=lang,
                    plans=False, limit=limit, packs=packs)
    return advice.fixes, advice.notice


def _executor(lang: str, packs: tuple[str, ...]) -> ProcessPoolExecutor | None:
    global _pool
    if _pool is None:
        count = workers()
        if count == 0:
            return None
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["outreach.advice.pool"])
        _pool = ProcessPoolExecutor(count, mp_context=context, initializer=_warm, initargs=(lang, packs))
    return _pool


def start(lang: str = languages.DEFAULT, packs: tuple[str, ...] = ()) -> None:
    """Start the workers now (the app calls this when it loads its data), so the first edit does
    not wait for them."""
    with _lock:
        try:
            pool = _executor(lang, tuple(packs))
            if pool is not None:
                pool.submit(int)  # workers start on the first job: start them and load their data now
        except (OSError, ValueError, RuntimeError):
            log.warning("the advice workers could not start; advice is measured in the app's process",
                        exc_info=True)


def _broken(pool: ProcessPoolExecutor) -> None:
    """A worker died (killed, out of memory): a new pool next time, no job of the old one kept."""
    global _pool
    with _lock:
        if _pool is pool:
            _pool = None
            for key in [k for k, f in _jobs.items() if not f.done() or f.cancelled() or f.exception() is not None]:
                del _jobs[key]
    pool.shutdown(wait=False, cancel_futures=True)


def submit(text: str, shares, variables, limit: int, packs: tuple[str, ...] = (),
           lang: str = languages.DEFAULT) -> Future:
    """The job for this letter and these settings: one already made or running, else a new one."""
    key: Key = (text, shares, tuple(variables), limit, tuple(packs), lang)
    with _lock:
        job = _jobs.get(key)
        if job is not None and not job.cancelled():
            _jobs.move_to_end(key)
            return job
        pool = None
        try:
            pool = _executor(lang, tuple(packs))
            job = pool.submit(_job, *key) if pool is not None else None
        except (BrokenProcessPool, RuntimeError, OSError):
            log.warning("the advice workers are gone; measuring in the app's process", exc_info=True)
            job = None
        if job is None:
            job = Future()
            job.set_running_or_notify_cancel()
            job.local = threading.Lock()  # measured by the first caller of result(), outside this lock
        job.args = key
        _jobs[key] = job
        while len(_jobs) > CACHE_SIZE:
            _jobs.popitem(last=False)
        job.pool = pool
        return job


def superseded(job: Future | None) -> None:
    """A session's newer text makes this job unneeded: dropped if it has not started (a running
    job finishes; a job another session also waits for is recomputed by it, see result())."""
    if job is not None and not job.done():
        job.cancel()


def result(job: Future, timeout: float | None = 120):
    """(fixes, notice) of a job; measured here when there is no worker or the worker died."""
    local = getattr(job, "local", None)
    if local is not None:  # no worker: measured by the first caller, the others wait for it
        with local:
            if not job.done():
                try:
                    job.set_result(_job(*job.args))
                except Exception as err:  # noqa: BLE001  (kept on the future: every waiter sees it)
                    job.set_exception(err)
    try:
        return job.result(timeout)
    except CancelledError:  # dropped for a newer text of one session, but still wanted here
        return result(submit(*job.args), timeout)
    except BrokenProcessPool:
        if job.pool is not None:
            _broken(job.pool)
        log.warning("an advice worker died; measuring in the app's process")
        return _job(*job.args)


def shutdown() -> None:
    """Stop the workers (tests; the process's exit does it too)."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
        _jobs.clear()
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)
