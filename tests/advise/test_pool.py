"""The app's "Eerst doen" list measured in a worker process: the same fixes as advise() here."""
from __future__ import annotations

import os
import signal
from concurrent.futures import Future
from pathlib import Path

import pytest

from outreach.advice import advise, pool

LETTERS = Path(__file__).resolve().parents[1] / "letters"
SHARES = (("voorzichtige_verbinders", 50.0), ("vertrouwende_volgers", 30.0), ("zorgvuldige_zelfredzamen", 20.0))


def letter(name: str) -> str:
    return (LETTERS / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture()
def workers(monkeypatch):
    monkeypatch.setenv(pool.WORKERS_ENV, "1")
    pool.shutdown()
    yield
    pool.shutdown()


def here(text: str, shares=None, variables=(), limit: int = 5):
    made = advise(text, dict(variables), dict(shares) if shares is not None else None, plans=False, limit=limit)
    return made.fixes, made.notice


def test_a_worker_gives_the_same_ranked_fixes_as_advise_here(workers):
    variables = (("telefoon", "0521 - 123 456"),)
    cases = [(letter("threatening"), None, ()), (letter("bureaucratic"), SHARES, variables),
             (letter("warm"), None, ()), ("", None, ())]
    jobs = [pool.submit(text, shares, variables_, 5) for text, shares, variables_ in cases]
    assert all(getattr(job, "local", None) is None for job in jobs)  # really sent to a worker
    for job, (text, shares, variables_) in zip(jobs, cases):
        assert pool.result(job) == here(text, shares, variables_)
    assert pool.result(jobs[0])[0], "a poor letter has changes that help"


def test_the_same_letter_asked_twice_is_one_job(workers):
    text = letter("paternalistic")
    first = pool.submit(text, None, (), 5)
    assert pool.submit(text, None, (), 5) is first
    assert pool.submit(text, None, (), 1) is not first  # another limit is another question


def test_a_superseded_job_still_wanted_elsewhere_is_measured_again(workers):
    text = letter("digital_only")
    job = pool.submit(text, None, (), 5)
    job.cancel()  # as superseded() does for a job that has not started
    assert pool.result(job) == here(text)


def test_without_workers_it_is_measured_in_this_process(monkeypatch):
    monkeypatch.setenv(pool.WORKERS_ENV, "0")
    pool.shutdown()
    text = letter("water_formal")
    job = pool.submit(text, None, (), 5)
    assert isinstance(job, Future) and job.local is not None
    assert pool.result(job) == here(text)
    assert pool.submit(text, None, (), 5) is job  # kept: a second session gets it at once


def test_a_dead_worker_is_replaced_and_nothing_is_lost(workers):
    text = letter("geldfit_campaign")
    pool.result(pool.submit("Beste mevrouw,\n\nBel ons gerust.\n", None, (), 5))  # a worker is up
    for pid in list(pool._pool._processes):
        os.kill(pid, signal.SIGKILL)
    assert pool.result(pool.submit(text, None, (), 5)) == here(text)
    assert pool.result(pool.submit(text + "\nBel ons gerust.\n", None, (), 5)) == here(text + "\nBel ons gerust.\n")


@pytest.mark.parametrize("raw, count", [("0", 0), ("2", 2), ("zes", 0), ("99", 16)])
def test_the_number_of_workers_is_read_from_the_environment(monkeypatch, raw, count):
    monkeypatch.setenv(pool.WORKERS_ENV, raw)
    assert pool.workers() == count


def _worker_state() -> tuple[bool, bool]:
    """Run in a worker: whether it drew the app's page (loaded the UI or Streamlit) on its start."""
    import sys

    return "outreach.ui.view" in sys.modules, "streamlit" in sys.modules


def test_a_worker_started_from_the_apps_script_does_not_run_the_page(workers, monkeypatch):
    """Under `streamlit run app.py` the script's module is __main__ (Streamlit's script runner puts
    it there), and a forkserver worker imports __main__'s file to set itself up. The app's page must
    not run there: it loaded the whole UI in every worker and tried to start workers of its own, which
    multiprocessing refuses while a process is starting (a RuntimeError in the app's log)."""
    import sys
    import types

    app = Path(__file__).resolve().parents[2] / "app.py"
    script = types.ModuleType("__main__")  # as streamlit's ScriptRunner makes it
    script.__file__ = str(app)
    script.__loader__ = None
    monkeypatch.setitem(sys.modules, "__main__", script)
    job = pool.submit("Beste mevrouw,\n\nBel ons gerust.\n", None, (), 5)
    assert getattr(job, "local", None) is None  # a worker, not this process
    assert pool.result(job) == here("Beste mevrouw,\n\nBel ons gerust.\n")
    assert pool._pool.submit(_worker_state).result(60) == (False, False)
