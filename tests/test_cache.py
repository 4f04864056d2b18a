"""The cache folder (outreach/cache.py) only ever saves time: with it, without it, filled or empty,
damaged, looked up word by word or loaded whole, every analysis is the same."""
import json
import os
import subprocess
import sys

import pytest

from outreach import cache
from tests.conftest import LETTERS, ROOT


def test_cached_builds_once_then_loads(tmp_path, monkeypatch):
    monkeypatch.setenv("OUTREACH_CACHE_DIR", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"huur": 4.5}

    assert cache.cached("demo", "v1", build) == {"huur": 4.5}
    assert cache.cached("demo", "v1", build) == {"huur": 4.5}
    assert len(calls) == 1
    assert cache.cached("demo", "v2", build) == {"huur": 4.5}  # another key: built anew
    assert len(calls) == 2


def test_a_damaged_file_is_built_anew(tmp_path, monkeypatch):
    monkeypatch.setenv("OUTREACH_CACHE_DIR", str(tmp_path))
    cache.cached("demo", "v1", lambda: [1, 2])
    (damaged,) = tmp_path.glob("demo-*.pickle")
    damaged.write_bytes(b"not a pickle")
    assert cache.cached("demo", "v1", lambda: [1, 2]) == [1, 2]


@pytest.mark.parametrize("setting", ["off", ""])
def test_the_cache_can_be_turned_off(tmp_path, monkeypatch, setting):
    monkeypatch.setenv("OUTREACH_CACHE_DIR", setting)
    assert cache.directory() is None
    calls = []
    for _ in range(2):
        cache.cached("demo", "v1", lambda: calls.append(1) or "x")
    assert len(calls) == 2


def test_a_table_gives_the_same_word_by_word_as_whole(tmp_path, monkeypatch):
    monkeypatch.setenv("OUTREACH_CACHE_DIR", str(tmp_path))
    words = {"huurachterstand": "huurachterstand", "betaalde": "betalen", "één": "één", "x" * 80: "y"}
    whole = cache.Table("demo", "v1", lambda: dict(words))
    monkeypatch.setattr(cache, "_on_demand", True)
    one_by_one = cache.Table("demo", "v1", lambda: dict(words))
    for word in [*words, "onbekend", ""]:
        assert one_by_one.get(word) == whole.get(word) == words.get(word)
    assert list(tmp_path.glob("demo-*.sqlite"))


def test_a_forked_worker_opens_its_own_sqlite_handle(tmp_path, monkeypatch):
    """A batch's parent may look a word up before it forks its workers: an SQLite handle must not
    cross a fork, so each worker opens its own and gets the same answers."""
    import multiprocessing

    monkeypatch.setenv("OUTREACH_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(cache, "_on_demand", True)
    table = cache.Table("forked", "v1", lambda: {"betaalde": "betalen"})
    assert table.get("betaalde") == "betalen"
    parent_handle = table._db

    def lookup(queue) -> None:
        queue.put((table.get("betaalde"), table.get("onbekend"), table._db is not parent_handle))

    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=lookup, args=(queue,))
    child.start()
    assert queue.get(timeout=30) == ("betalen", None, True)
    child.join(30)
    assert child.exitcode == 0
    assert table.get("betaalde") == "betalen" and table._db is parent_handle  # the parent's still works


def _check(env_cache: str, *files: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT), OUTREACH_CACHE_DIR=env_cache)
    done = subprocess.run([sys.executable, "-m", "outreach", "check", "--format", "jsonl", *files],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_command_line_gives_the_same_analysis_with_any_cache(tmp_path):
    one = str(LETTERS / "bureaucratic.txt")
    three = [one, str(LETTERS / "warm.txt"), str(LETTERS / "threatening.txt")]
    without = _check("off", *three)
    folder = str(tmp_path / "cache")
    assert _check(folder, *three) == without        # empty folder: built; a batch: word data whole, other tables word by word
    assert _check(folder, one) == without.splitlines(keepends=True)[0]  # one letter: word by word
    assert _check(folder, one) == without.splitlines(keepends=True)[0]
    assert json.loads(without.splitlines()[0])["findings"]
