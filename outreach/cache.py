"""Data that is slow to build and never changes between runs, kept on disk so a command starts fast.

Three things take most of a cold start: simplemma's Dutch dictionary (decoded from its compressed
form on every start), wordfreq's frequency list (and wordfreq's own imports) and the rule book
(every term lemmatised, every pattern compiled to check it). Each is built once and pickled
into the cache folder; later runs load the pickle. A file's name holds a digest of everything it
was built from (library versions; for the rule book every file of the outreach package), so a
change in any of them simply leads to a new file: nothing is ever used stale.

The folder: $OUTREACH_CACHE_DIR, else $XDG_CACHE_HOME/outreach, else ~/.cache/outreach.
OUTREACH_CACHE_DIR=off turns the cache off. A folder that cannot be written only costs speed.
The files are pickles, so the folder is the user's own (created 0700), like the rest of $HOME.

Word tables (simplemma's lemmas, wordfreq's frequencies) are Tables: by default the whole table
is loaded on first use (a tenth of a second each; the app and batches use thousands of lookups).
A command on one or two letters calls on_demand() first: then each word is looked up in an
SQLite copy of the table in the same folder, a few hundred lookups instead of loading it whole.
A batch of many letters calls on_demand(word_data=False): the language's precomputed word data
(text/words.py) answers nearly every word, so the whole tables would only serve the few words
outside it, and loading them (~0.5 s before the workers can start) cost more than those lookups.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
PACKAGE = Path(__file__).resolve().parent
_KEEP = 4  # files of one name kept (other versions of the data), the oldest removed first


def directory() -> Path | None:
    """The cache folder, or None when the cache is off."""
    chosen = os.environ.get("OUTREACH_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "no") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "outreach"


def files_digest(folder: Path) -> str:
    """A digest of the code and data files below a folder (names and contents), read now."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix in (".py", ".toml", ".txt", ".j2"):
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def package_digest() -> str:
    """A digest of every file of the outreach package (code and data) and of Python's version, as
    they were when this process first asked (code does not change under a running process; data
    that may, such as the rule packs, is digested again where it is loaded)."""
    return hashlib.sha256((sys.version + files_digest(PACKAGE)).encode()).hexdigest()


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """build(), or what it returned before for the same name and key."""
    folder = directory()
    if folder is None:
        return build()
    path = folder / f"{name}-{hashlib.sha256(key.encode()).hexdigest()[:24]}.pickle"
    try:
        with path.open("rb") as handle:
            return _load(handle)
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 (a damaged or foreign file: built anew, then replaced)
        pass
    value = build()
    _store(folder, path, value)
    return value


def _load(handle) -> object:
    """pickle.load with the cyclic garbage collector paused: a table of 200,000 rows is that many
    new tuples, and the collections they set off while it loads (each walking the growing heap)
    took a third of the load time. Nothing loaded here is garbage."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(handle)
    finally:
        if enabled:
            gc.enable()


def _store(folder: Path, path: Path, value: object) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)  # atomic: a reader sees the old file or the whole new one
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        stem = path.name.rsplit("-", 1)[0]
        older = sorted(folder.glob(f"{stem}-*{path.suffix}"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in older[_KEEP:]:
            stale.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        pass  # no cache this time; the value itself is fine


_on_demand = False  # Tables look words up one by one (SQLite) instead of loading whole
_word_data_on_demand = False  # and the precomputed word data (text/words.py) is not loaded either


def on_demand(word_data: bool = True) -> None:
    """From now on, Tables look words up one by one instead of loading whole (see the module doc);
    with word_data=False the language's precomputed word data is still loaded whole."""
    global _on_demand, _word_data_on_demand
    _on_demand = True
    _word_data_on_demand = word_data


_inherited: list[sqlite3.Connection] = []  # handles a forked worker got from its parent (see Table.get)


class Table:
    """A read-only word -> value table (only .get), built by `build` and kept in the cache folder."""

    def __init__(self, name: str, key: str, build: Callable[[], dict]):
        self.name, self.key, self._build = name, key, build
        self._whole: dict | None = None
        self._db: sqlite3.Connection | None = None
        self._db_pid = 0  # the process that opened _db

    def get(self, word: str, default=None):
        if self._whole is None:
            if self._db is not None and self._db_pid != os.getpid():
                # A worker forked from the process that opened it: an SQLite handle must not cross
                # a fork. Set aside, never used or closed here; this process opens its own.
                _inherited.append(self._db)
                self._db = None
            if _on_demand and self._db is None:
                self._db, self._db_pid = self._open(), os.getpid()
            if self._db is not None:
                row = self._db.execute("SELECT v FROM words WHERE k = ?", (word,)).fetchone()
                return default if row is None else row[0]
            self._whole = cached(self.name, self.key, self._build)
        return self._whole.get(word, default)

    def _open(self) -> sqlite3.Connection | None:
        """The table's SQLite copy (made on first use), or None: then it is loaded whole."""
        folder = directory()
        if folder is None:
            return None
        path = folder / f"{self.name}-{hashlib.sha256(self.key.encode()).hexdigest()[:24]}.sqlite"
        try:
            if not path.is_file():
                self._write(folder, path, cached(self.name, self.key, self._build))
            return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
        except (OSError, sqlite3.Error):
            return None

    @staticmethod
    def _write(folder: Path, path: Path, table: dict) -> None:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".sqlite")
        os.close(handle)
        try:
            with sqlite3.connect(temporary) as db:
                db.execute("CREATE TABLE words (k TEXT PRIMARY KEY, v) WITHOUT ROWID")
                db.executemany("INSERT INTO words VALUES (?, ?)", table.items())
            db.close()
            os.replace(temporary, path)
        finally:
            Path(temporary).unlink(missing_ok=True)
