"""Workspaces of 2-4 named letter variants, kept in an embedded SQLite file.

API (for the app):

    from outreach.store import Store, Variant, ConflictError, ImportProblem, InvalidWorkspace

    store = Store()                       # <OUTREACH_DATA_DIR or repo/data>/outreach.sqlite3
    store = Store(path)                   # or an explicit database file (tests, other setups)
    store.list_workspaces()               -> [WorkspaceSummary(id, name, version, variant_count,
                                              updated_at)], most recently changed first
    ws = store.create_workspace("Huurachterstand", variants=None, exercise=None)
                                          -> Workspace (two empty variants unless given)
    ws = store.load(ws.id)                -> Workspace(id, name, version, variants, exercise, updated_at)
    ws = dataclasses.replace(ws, variants=(Variant("A", text_a), Variant("B", text_b)))
    new_version = store.save(ws, expected_version=ws.version)
        # raises ConflictError(mine, theirs) when someone else saved in between: `mine` is the
        # workspace you tried to save, `theirs` the stored one (offer both to the user); nothing
        # was written. Raises InvalidWorkspace (Dutch message) for content that breaks the limits.
    store.mark_opened(ws.id); store.last_opened() -> id or None (None once that one is deleted)
    store.delete(ws.id)                   -> True if it existed
    text = store.export_json(ws.id)       -> a self-contained JSON document (str)
    ws = store.import_json(text)          -> a NEW workspace; ImportProblem (Dutch) and no change
                                             for malformed JSON, a wrong schema or a file > 2 MB

Owners: every workspace belongs to one owner (LOCAL_OWNER in local mode; in shared mode a hash of
the visitor's browser key). Methods take `owner=` (default LOCAL_OWNER for list/create/import,
None = no check for load/save/delete); a workspace is visible to its owner and to owners it was
shared with by link (`share_token` / `accept_share`; a link works for OUTREACH_SHARE_DAYS days,
default 7, and `revoke_share` ends it and the access it gave). Names are unique per owner: create and import
pick "Naam (2)" when the name is taken, a save that renames onto a taken name is refused.
`open_for(owner, default_name)` returns the workspace to show a new session, creating the default
one in the same transaction when the owner has none (concurrent first visits get one default).

Degraded storage: when the data folder cannot be written (disk full, read-only) reads fall back to
a read-only connection (`mode=ro`, then `immutable=1`) and writes raise StorageUnavailable (a
StoreError) without touching anything; the next write simply tries again.

`exercise` is None or a dict of free-form strings with the keys in EXERCISE_KEYS (the VSDT steps:
problem, stakeholders, mechanism, design_question, conditions). Every error class derives from StoreError, whose
message is Dutch and can be shown as is.

Durability: WAL mode, a busy timeout, every write in one transaction (`BEGIN IMMEDIATE` inside
`with conn:`), so a crash mid-save leaves the previous version. Each call opens its own
connection, so one Store may be used from several threads and several processes. Messages never
show an absolute path ("de gegevensmap").
The schema is created and migrated by this module (table `schema_version`, ordered MIGRATIONS).
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import secrets
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from outreach.formatting import MAX_NAME_CHARS, MAX_VARIANTS, MIN_VARIANTS, free_name, has_surrogate, name_problem
from outreach.letters import MAX_CHARS
from outreach.messages import msg

log = logging.getLogger(__name__)

REPO_DIR = Path(__file__).resolve().parents[1]
DATA_DIR_ENV = "OUTREACH_DATA_DIR"
DB_NAME = "outreach.sqlite3"
BUSY_TIMEOUT_MS = 10_000

MAX_EXERCISE_CHARS = 20_000
MAX_IMPORT_BYTES = 2_000_000
EXERCISE_KEYS = ("problem", "stakeholders", "mechanism", "design_question", "conditions")
EXPORT_FORMAT = "outreach-workspace"
EXPORT_SCHEMA = 1
LOCAL_OWNER = "local"


class StoreError(Exception):
    """A problem with the workspace store; the message is meant for the user (Dutch)."""


class WorkspaceNotFound(StoreError, KeyError):
    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0]) if self.args else ""


class InvalidWorkspace(StoreError, ValueError):
    """The workspace breaks a limit (count of variants, lengths, names); nothing was written."""


class ImportProblem(StoreError, ValueError):
    """An import that was refused; nothing was written."""


class StorageUnavailable(StoreError):
    """The data folder cannot be written now (disk full, read-only, gone); nothing was written."""


class StorageBusy(StoreError):
    """Another process holds the database longer than the busy timeout; try again in a moment."""


STORAGE_UNAVAILABLE = "store.unavailable"  # message id
_WRITE_FAILURES = ("disk is full", "readonly", "read-only", "unable to open", "disk i/o", "cannot open",
                   "file is not a database", "no such table", "out of memory")


class ConflictError(StoreError):
    """The stored workspace moved on since it was loaded; nothing was written."""

    def __init__(self, mine: Workspace, theirs: Workspace):
        super().__init__(msg("store.conflict", name=theirs.name, theirs=theirs.version, mine=mine.version))
        self.mine = mine
        self.theirs = theirs


@dataclass(frozen=True, slots=True)
class Variant:
    name: str
    text: str

    def to_dict(self) -> dict:
        return {"name": self.name, "text": self.text}


@dataclass(frozen=True, slots=True)
class Workspace:
    id: str
    name: str
    version: int
    variants: tuple[Variant, ...]
    exercise: dict[str, str] | None
    updated_at: str
    owner: str = LOCAL_OWNER


@dataclass(frozen=True, slots=True)
class WorkspaceSummary:
    id: str
    name: str
    version: int
    variant_count: int
    updated_at: str
    shared: bool = False  # shared with this owner by someone else (not their own)


# --- schema and migrations ----------------------------------------------------------------------

# Ordered: MIGRATIONS[i] brings the schema from version i to i + 1. Only ever append.
MIGRATIONS: tuple[tuple[str | Callable[[sqlite3.Connection], None], ...], ...] = (
    (
        """CREATE TABLE workspaces (
               id TEXT PRIMARY KEY,
               name TEXT NOT NULL,
               version INTEGER NOT NULL,
               exercise TEXT,
               created_at TEXT NOT NULL,
               updated_at TEXT NOT NULL)""",
        """CREATE TABLE variants (
               workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
               position INTEGER NOT NULL,
               name TEXT NOT NULL,
               text TEXT NOT NULL,
               PRIMARY KEY (workspace_id, position))""",
    ),
    (
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE INDEX workspaces_updated ON workspaces(updated_at)",
    ),
    (   # owners and sharing; existing workspaces belong to the local owner, names made unique
        f"ALTER TABLE workspaces ADD COLUMN owner TEXT NOT NULL DEFAULT '{LOCAL_OWNER}'",
        "ALTER TABLE workspaces ADD COLUMN share_token TEXT",
        lambda conn: _dedupe_names(conn),
        "CREATE UNIQUE INDEX workspaces_owner_name ON workspaces(owner, name)",
        "CREATE UNIQUE INDEX workspaces_share ON workspaces(share_token)",
        """CREATE TABLE access (
               workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
               owner TEXT NOT NULL,
               PRIMARY KEY (workspace_id, owner))""",
    ),
    (   # share links expire; a link made before this version expires a link-lifetime from now
        "ALTER TABLE workspaces ADD COLUMN share_expires TEXT",
        lambda conn: conn.execute("UPDATE workspaces SET share_expires = ? WHERE share_token IS NOT NULL",
                                  (_share_expiry(),)),
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


def _dedupe_names(conn: sqlite3.Connection) -> None:
    """Migration 3: give later duplicates of a name (per owner) a free 'Naam (2)' name."""
    rows = conn.execute("SELECT id, owner, name FROM workspaces ORDER BY created_at, rowid").fetchall()
    taken: dict[str, set[str]] = {}
    for workspace_id, owner, name in rows:
        names = taken.setdefault(owner, set())
        if name in names:
            new = free_name(name, names)
            conn.execute("UPDATE workspaces SET name = ? WHERE id = ?", (new, workspace_id))
            name = new
        names.add(name)


def schema_version(conn: sqlite3.Connection) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return row[0] or 0


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to SCHEMA_VERSION inside the caller's transaction; idempotent."""
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise StoreError(msg("store.schema_newer", schema=current, known=SCHEMA_VERSION))
    for number in range(current, SCHEMA_VERSION):
        for statement in MIGRATIONS[number]:
            if callable(statement):
                statement(conn)
            else:
                conn.execute(statement)
        conn.execute("DELETE FROM schema_version")
        conn.execute("INSERT INTO schema_version (version) VALUES (?)", (number + 1,))
    return SCHEMA_VERSION


# --- paths and connections ----------------------------------------------------------------------

def data_dir() -> Path:
    """OUTREACH_DATA_DIR, or the repository's data/ folder."""
    configured = os.environ.get(DATA_DIR_ENV, "").strip()
    return Path(configured) if configured else REPO_DIR / "data"


def default_path() -> Path:
    return data_dir() / DB_NAME


SHARE_DAYS_ENV = "OUTREACH_SHARE_DAYS"
SHARE_DAYS = 7  # how long a share link works unless OUTREACH_SHARE_DAYS says otherwise


def share_days() -> float:
    """Days a new share link works: OUTREACH_SHARE_DAYS (a positive number, at most 365) or 7."""
    try:
        days = float(os.environ.get(SHARE_DAYS_ENV, SHARE_DAYS))
    except ValueError:
        return SHARE_DAYS
    return days if 0 < days <= 365 else SHARE_DAYS


def _share_expiry() -> str:
    return (datetime.now(timezone.utc) + timedelta(days=share_days())).isoformat(timespec="microseconds")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _open(path: Path, mode: str = "") -> sqlite3.Connection:
    """A connection; mode "ro" (read-only) or "immutable" (read-only, no locks: a folder that
    cannot be written at all) for reading when the normal open fails."""
    if mode:
        query = "mode=ro" if mode == "ro" else "mode=ro&immutable=1"
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


# --- validation (shared by save and import) -----------------------------------------------------

_NAME_PROBLEMS = {  # message ids
    "not_text": "store.name.not_text",
    "surrogate": "store.name.surrogate",
    "empty": "store.name.empty",
    "too_long": "store.name.too_long",
    "control": "store.name.control",
    "invisible": "store.name.invisible",
}


def _check_name(value: object, what: str) -> str:
    problem = name_problem(value)
    if problem is None:
        return ""
    length = len(value) if isinstance(value, str) else 0
    return msg(_NAME_PROBLEMS[problem], what=what, length=length, limit=MAX_NAME_CHARS)


def _check_variant(index: int, name: object, text: object) -> list[str]:
    problems = []
    if message := _check_name(name, msg("store.variant_name", index=index + 1)):
        problems.append(message)
    if not isinstance(text, str):
        problems.append(msg("store.variant_not_text", index=index + 1))
    elif len(text) > MAX_CHARS:
        problems.append(msg("store.variant_too_long", index=index + 1, length=len(text), limit=MAX_CHARS))
    elif has_surrogate(text):
        problems.append(msg("store.variant_surrogate", index=index + 1))
    return problems


def _check_exercise(exercise: object) -> list[str]:
    if exercise is None:
        return []
    if not isinstance(exercise, dict):
        return [msg("store.exercise_not_table")]
    problems = []
    unknown = [str(k)[:40] for k in exercise if k not in EXERCISE_KEYS]
    if unknown:
        problems.append(msg("store.exercise_fields", fields=", ".join(unknown[:5]), known=", ".join(EXERCISE_KEYS)))
    for key, value in exercise.items():
        if key in EXERCISE_KEYS and not isinstance(value, str):
            problems.append(msg("store.exercise_not_text", key=key))
        elif key in EXERCISE_KEYS and len(value) > MAX_EXERCISE_CHARS:
            problems.append(msg("store.exercise_too_long", key=key, limit=MAX_EXERCISE_CHARS))
        elif key in EXERCISE_KEYS and has_surrogate(value):
            problems.append(msg("store.exercise_surrogate", key=key))
    return problems


def workspace_problems(name: object, variants: object, exercise: object) -> list[str]:
    """Every limit the content breaks, as Dutch sentences; empty when it can be stored."""
    problems = []
    if message := _check_name(name, msg("store.workspace_name")):
        problems.append(message)
    if not isinstance(variants, (list, tuple)):
        problems.append(msg("store.variants_not_list"))
    elif not MIN_VARIANTS <= len(variants) <= MAX_VARIANTS:
        problems.append(msg("store.variant_count", low=MIN_VARIANTS, high=MAX_VARIANTS,
                            count=msg("store.count_now", count=len(variants))))
    else:
        for index, variant in enumerate(variants):
            if not isinstance(variant, Variant):
                problems.append(msg("store.not_variant", index=index + 1))
                continue
            problems.extend(_check_variant(index, variant.name, variant.text))
        names = [v.name for v in variants if isinstance(v, Variant)]
        if len(set(names)) != len(names):
            problems.append(msg("store.names_equal"))
    problems.extend(_check_exercise(exercise))
    return problems


def _validated(name: object, variants: object, exercise: object) -> None:
    problems = workspace_problems(name, variants, exercise)
    if problems:
        raise InvalidWorkspace("; ".join(problems[:5]))


# --- import parsing -----------------------------------------------------------------------------

def _refuse(problem: str) -> ImportProblem:
    message = msg("store.import_refused", problem=problem)
    if any(0xD800 <= ord(c) <= 0xDFFF for c in message):  # printable
        message = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in message)
    return ImportProblem(message)


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict:
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("duplicate key")
    return dict(pairs)


def _no_constant(name: str) -> object:
    raise ValueError(f"constant {name}")


def _parse_import(data: str | bytes) -> object:
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if not isinstance(raw, bytes):
        raise _refuse(msg("store.import_not_text"))
    if len(raw) > MAX_IMPORT_BYTES:
        raise _refuse(msg("store.import_too_big", kb=len(raw) // 1000, limit=MAX_IMPORT_BYTES // 1000))
    try:
        text = raw.decode("utf-8-sig")
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise _refuse(msg("store.import_not_utf8")) from None
    except RecursionError:
        raise _refuse(msg("store.import_too_deep")) from None
    except ValueError:  # JSONDecodeError, duplicate keys, NaN/Infinity
        raise _refuse(msg("store.import_not_json")) from None


_EXPORT_KEYS = {"format", "schema", "name", "variants", "exercise"}
_VARIANT_KEYS = {"name", "text"}


def _exact_keys(value: object, keys: set[str], what: str) -> dict:
    if not isinstance(value, dict):
        raise _refuse(msg("store.import_not_object", what=what))
    unknown = sorted(str(k)[:40] for k in set(value) - keys)
    if unknown:
        raise _refuse(msg("store.import_fields_unknown", what=what, fields=", ".join(unknown[:5])))
    missing = sorted(keys - set(value))
    if missing:
        raise _refuse(msg("store.import_fields_missing", what=what, fields=", ".join(missing)))
    return value


def workspace_from_export(document: object) -> tuple[str, tuple[Variant, ...], dict[str, str] | None]:
    """(name, variants, exercise) of an export document; ImportProblem unless it is exactly right."""
    doc = _exact_keys(document, _EXPORT_KEYS, msg("store.import_the_file"))
    if doc["format"] != EXPORT_FORMAT:
        raise _refuse(msg("store.import_not_export"))
    if doc["schema"] != EXPORT_SCHEMA or isinstance(doc["schema"], bool):
        raise _refuse(msg("store.import_schema", schema=EXPORT_SCHEMA))
    raw = doc["variants"]
    if not isinstance(raw, list) or not MIN_VARIANTS <= len(raw) <= MAX_VARIANTS:
        count = len(raw) if isinstance(raw, list) else msg("store.not_a_list")
        raise _refuse(msg("store.variant_count", low=MIN_VARIANTS, high=MAX_VARIANTS, count=count))
    variants = []
    for index, item in enumerate(raw):
        item = _exact_keys(item, _VARIANT_KEYS, f"variant {index + 1}")
        if problems := _check_variant(index, item["name"], item["text"]):
            raise _refuse(problems[0])
        variants.append(Variant(item["name"], item["text"]))
    if problems := workspace_problems(doc["name"], variants, doc["exercise"]):
        raise _refuse(problems[0])
    return doc["name"], tuple(variants), doc["exercise"]


# --- rows ---------------------------------------------------------------------------------------

_COLUMNS = "id, name, version, exercise, updated_at, owner"


def _exercise_from(raw: object, workspace_id: str) -> dict[str, str] | None:
    """The stored exercise, or None when the stored JSON is damaged (logged; the letters still open)."""
    if raw is None:
        return None
    try:
        value = json.loads(raw)
    except (TypeError, ValueError, RecursionError):
        log.warning("workspace %s: the stored exercise is not valid JSON; shown empty", workspace_id)
        return None
    if not isinstance(value, dict):
        log.warning("workspace %s: the stored exercise is not an object; shown empty", workspace_id)
        return None
    kept = {k: v for k, v in value.items() if k in EXERCISE_KEYS and isinstance(v, str)}
    return kept or None


def _read(conn: sqlite3.Connection, workspace_id: str) -> Workspace:
    row = conn.execute(f"SELECT {_COLUMNS} FROM workspaces WHERE id = ?", (workspace_id,)).fetchone()
    if row is None:
        raise WorkspaceNotFound(msg("store.workspace_gone"))
    variants = conn.execute("SELECT name, text FROM variants WHERE workspace_id = ? ORDER BY position",
                            (workspace_id,)).fetchall()
    return Workspace(row[0], row[1], row[2], tuple(Variant(n, t) for n, t in variants),
                     _exercise_from(row[3], row[0]), row[4], row[5])


def _may_see(conn: sqlite3.Connection, workspace_id: str, owner: str | None) -> bool:
    if owner is None:
        return True
    return conn.execute("SELECT 1 FROM workspaces WHERE id = ? AND owner = ? UNION ALL "
                        "SELECT 1 FROM access WHERE workspace_id = ? AND owner = ?",
                        (workspace_id, owner, workspace_id, owner)).fetchone() is not None


def _replace_variants(conn: sqlite3.Connection, workspace_id: str, variants: tuple[Variant, ...]) -> None:
    conn.execute("DELETE FROM variants WHERE workspace_id = ?", (workspace_id,))
    conn.executemany("INSERT INTO variants (workspace_id, position, name, text) VALUES (?, ?, ?, ?)",
                     [(workspace_id, i, v.name, v.text) for i, v in enumerate(variants)])


def _exercise_json(exercise: dict[str, str] | None) -> str | None:
    return None if exercise is None else json.dumps(exercise, ensure_ascii=False, sort_keys=True)


def _names_of(conn: sqlite3.Connection, owner: str, but: str = "") -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM workspaces WHERE owner = ? AND id != ?", (owner, but))}


def _insert(conn: sqlite3.Connection, name: str, variants: tuple[Variant, ...],
            exercise: dict[str, str] | None, owner: str = LOCAL_OWNER) -> str:
    """A new workspace under a name that is free for this owner ('Naam (2)' when taken)."""
    workspace_id, now = uuid.uuid4().hex, _now()
    name = free_name(name, _names_of(conn, owner))
    conn.execute("INSERT INTO workspaces (id, name, version, exercise, created_at, updated_at, owner) "
                 "VALUES (?, ?, 1, ?, ?, ?, ?)",
                 (workspace_id, name, _exercise_json(exercise), now, now, owner))
    _replace_variants(conn, workspace_id, variants)
    return workspace_id


def _opened_key(owner: str) -> str:
    return "last_opened" if owner == LOCAL_OWNER else f"last_opened:{owner}"


def owner_of_key(browser_key: str) -> str:
    """The owner id stored for a browser key: a hash, so the database never holds the key itself."""
    return "o:" + hashlib.sha256(browser_key.encode("utf-8")).hexdigest()[:32]


# --- the store ----------------------------------------------------------------------------------

DEFAULT_VARIANTS = (Variant("Variant A", ""), Variant("Variant B", ""))


def workspace_json(ws: Workspace) -> str:
    """A workspace as a self-contained JSON export (what import_json reads back)."""
    return json.dumps({"format": EXPORT_FORMAT, "schema": EXPORT_SCHEMA, "name": ws.name,
                       "variants": [v.to_dict() for v in ws.variants], "exercise": ws.exercise},
                      ensure_ascii=False, indent=2)


def _is_write_failure(err: sqlite3.Error) -> bool:
    text = str(err).lower()
    return isinstance(err, sqlite3.OperationalError) and any(word in text for word in _WRITE_FAILURES)


class Store:
    """Workspaces in one SQLite file; see the module docstring for the API."""

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else default_path()
        self.read_only = False  # True while the last write attempt failed for lack of room or rights
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(msg("store.folder_failed", error=err.strerror)) from None
        try:
            with self._connect() as conn:
                conn.execute("PRAGMA journal_mode = WAL")  # persistent: stored in the file
            with self._write() as conn:
                migrate(conn)
        except StorageUnavailable:
            # Cannot write: usable for reading if the file exists and has the current schema.
            if self._read(schema_version) != SCHEMA_VERSION:
                raise StoreError(msg("store.open_failed")) from None
            self.read_only = True

    # --- connections

    @contextmanager
    def _connect(self, mode: str = "") -> Iterator[sqlite3.Connection]:
        try:
            with closing(_open(self.path, mode)) as conn:
                yield conn
        except StorageUnavailable:
            raise
        except sqlite3.DatabaseError as err:  # includes OperationalError (locked, unreadable)
            if _is_write_failure(err):
                self.read_only = True
                raise StorageUnavailable(msg(STORAGE_UNAVAILABLE)) from None
            problem = msg("store.unusable_because", reason=_reason(err))
            raise (StorageBusy if _busy(err) else StoreError)(problem) from None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed at the end, rolled back on any exception."""
        with self._connect() as conn:
            with conn:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
        self.read_only = False

    def _read(self, action: Callable[[sqlite3.Connection], object]):
        """action(conn) on a normal connection; on a folder that cannot be written (no room for the
        WAL index, read-only) on a read-only one, then on an immutable one."""
        last: StoreError | None = None
        for mode in ("", "ro", "immutable"):
            try:
                with self._connect(mode) as conn:
                    return action(conn)
            except StorageUnavailable as err:
                last = err
            except StorageBusy:  # a writer holds it: a read-only connection would not see its work
                raise
            except StoreError as err:
                if mode:  # the fallbacks are only for folders that cannot be written
                    raise
                last = err
        raise last if last is not None else StoreError(msg("store.unusable"))

    # --- reading

    def list_workspaces(self, owner: str = LOCAL_OWNER) -> list[WorkspaceSummary]:
        def rows(conn):
            return conn.execute(
                "SELECT w.id, w.name, w.version, count(v.position), w.updated_at, w.owner != ? "
                "FROM workspaces w LEFT JOIN variants v ON v.workspace_id = w.id "
                "WHERE w.owner = ? OR w.id IN (SELECT workspace_id FROM access WHERE owner = ?) "
                "GROUP BY w.id ORDER BY w.updated_at DESC, w.rowid DESC", (owner, owner, owner)).fetchall()
        return [WorkspaceSummary(*row[:5], shared=bool(row[5])) for row in self._read(rows)]

    def load(self, workspace_id: str, owner: str | None = None) -> Workspace:
        """The workspace; WorkspaceNotFound when it does not exist or `owner` may not see it."""
        def read(conn):
            if not _may_see(conn, workspace_id, owner):
                raise WorkspaceNotFound(msg("store.workspace_gone"))
            return _read(conn, workspace_id)
        return self._read(read)

    def last_opened(self, owner: str = LOCAL_OWNER) -> str | None:
        """The id of the workspace this owner opened last, if it still exists and they may see it."""
        def read(conn):
            row = conn.execute("SELECT s.value FROM settings s JOIN workspaces w ON w.id = s.value "
                               "WHERE s.key = ?", (_opened_key(owner),)).fetchone()
            return row[0] if row and _may_see(conn, row[0], owner) else None
        return self._read(read)

    def export_json(self, workspace_id: str, owner: str | None = None) -> str:
        return workspace_json(self.load(workspace_id, owner))

    # --- writing

    def create_workspace(self, name: str, variants: tuple[Variant, ...] | list[Variant] | None = None,
                         exercise: dict[str, str] | None = None, owner: str = LOCAL_OWNER) -> Workspace:
        """A new workspace; its name is made free for the owner ('Naam (2)') when taken."""
        variants = tuple(variants) if variants is not None else DEFAULT_VARIANTS
        _validated(name, variants, exercise)
        with self._write() as conn:
            workspace_id = _insert(conn, name, variants, exercise, owner)
            return _read(conn, workspace_id)

    def open_for(self, owner: str, default_name: str, wanted: str | None = None) -> Workspace:
        """The workspace a session of this owner opens: `wanted` (if they may see it), else the last
        opened, else their newest, else a new default one; marked as opened. One transaction, so any
        number of first visits at once make exactly one default workspace. Read-only storage: the
        same choice without writing (StorageUnavailable only when a new one would be needed)."""
        def choose(conn) -> str | None:
            for candidate in (wanted, conn.execute(
                    "SELECT value FROM settings WHERE key = ?", (_opened_key(owner),)).fetchone()):
                candidate = candidate[0] if isinstance(candidate, tuple) else candidate
                if candidate and conn.execute("SELECT 1 FROM workspaces WHERE id = ?", (candidate,)).fetchone() \
                        and _may_see(conn, candidate, owner):
                    return candidate
            row = conn.execute("SELECT id FROM workspaces WHERE owner = ? OR id IN (SELECT workspace_id "
                               "FROM access WHERE owner = ?) ORDER BY updated_at DESC, rowid DESC LIMIT 1",
                               (owner, owner)).fetchone()
            return row[0] if row else None

        try:
            with self._write() as conn:
                workspace_id = choose(conn) or _insert(conn, default_name, DEFAULT_VARIANTS, None, owner)
                conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
                             "SET value = excluded.value", (_opened_key(owner), workspace_id))
                return _read(conn, workspace_id)
        except StorageUnavailable:
            workspace_id = self._read(choose)
            if workspace_id is None:
                raise
            return self.load(workspace_id)

    def save(self, workspace: Workspace, expected_version: int, owner: str | None = None) -> int:
        """Store the workspace if the stored version is still `expected_version`; the new version."""
        variants = tuple(workspace.variants) if isinstance(workspace.variants, list) else workspace.variants
        _validated(workspace.name, variants, workspace.exercise)
        with self._write() as conn:
            stored = conn.execute("SELECT version, owner FROM workspaces WHERE id = ?",
                                  (workspace.id,)).fetchone()
            if stored is None or not _may_see(conn, workspace.id, owner):
                raise WorkspaceNotFound(msg("store.workspace_gone_save"))
            if stored[0] != expected_version:
                mine = dataclasses.replace(workspace, variants=variants, version=expected_version)
                raise ConflictError(mine, _read(conn, workspace.id))
            if workspace.name in _names_of(conn, stored[1], but=workspace.id):
                raise InvalidWorkspace(msg("store.name_taken", name=workspace.name))
            conn.execute("UPDATE workspaces SET name = ?, version = version + 1, exercise = ?, "
                         "updated_at = ? WHERE id = ?",
                         (workspace.name, _exercise_json(workspace.exercise), _now(), workspace.id))
            _replace_variants(conn, workspace.id, variants)
            return expected_version + 1

    def name_taken(self, name: str, owner: str = LOCAL_OWNER, but: str = "") -> bool:
        return self._read(lambda conn: name in _names_of(conn, owner, but))

    def delete(self, workspace_id: str, owner: str | None = None) -> bool:
        """Delete the workspace (its owner, or no owner given); for someone it was shared with, only
        take it off their list. True if it existed for them."""
        with self._write() as conn:
            row = conn.execute("SELECT owner FROM workspaces WHERE id = ?", (workspace_id,)).fetchone()
            if row is None or not _may_see(conn, workspace_id, owner):
                return False
            if owner is not None and row[0] != owner:
                conn.execute("DELETE FROM access WHERE workspace_id = ? AND owner = ?", (workspace_id, owner))
                conn.execute("DELETE FROM settings WHERE key = ? AND value = ?", (_opened_key(owner), workspace_id))
                return True
            conn.execute("DELETE FROM workspaces WHERE id = ?", (workspace_id,))
            conn.execute("DELETE FROM settings WHERE key LIKE 'last_opened%' AND value = ?", (workspace_id,))
        return True

    def mark_opened(self, workspace_id: str, owner: str = LOCAL_OWNER) -> None:
        with self._write() as conn:
            if not conn.execute("SELECT 1 FROM workspaces WHERE id = ?", (workspace_id,)).fetchone() \
                    or not _may_see(conn, workspace_id, owner):
                raise WorkspaceNotFound(msg("store.workspace_gone"))
            conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (_opened_key(owner), workspace_id))

    def import_json(self, data: str | bytes, owner: str = LOCAL_OWNER) -> Workspace:
        """A new workspace from an export; ImportProblem (and no change) when it is not exactly right.
        The name is made free for the owner ('Naam (2)') when taken."""
        name, variants, exercise = workspace_from_export(_parse_import(data))
        with self._write() as conn:
            workspace_id = _insert(conn, name, variants, exercise, owner)
            return _read(conn, workspace_id)

    # --- sharing by link

    def share_token(self, workspace_id: str, owner: str | None = None) -> str:
        """The secret of this workspace's share link; only its owner may ask. A link works for
        share_days() days; asking again while it works gives the same link, after that a new one."""
        with self._write() as conn:
            row = conn.execute("SELECT owner, share_token, share_expires FROM workspaces WHERE id = ?",
                               (workspace_id,)).fetchone()
            if row is None or (owner is not None and row[0] != owner):
                raise WorkspaceNotFound(msg("store.share_owner_only"))
            if row[1] and row[2] and row[2] > _now():
                return row[1]
            token = secrets.token_urlsafe(18)
            conn.execute("UPDATE workspaces SET share_token = ?, share_expires = ? WHERE id = ?",
                         (token, _share_expiry(), workspace_id))
            return token

    def share_expires(self, workspace_id: str) -> datetime | None:
        """Until when the workspace's share link works (UTC), or None when it has none that works."""
        def read(conn):
            return conn.execute("SELECT share_token, share_expires FROM workspaces WHERE id = ?",
                                (workspace_id,)).fetchone()
        row = self._read(read)
        if not row or not row[0] or not row[1] or row[1] <= _now():
            return None
        return datetime.fromisoformat(row[1])

    def revoke_share(self, workspace_id: str, owner: str | None = None) -> None:
        """Stop sharing: the link no longer works and whoever opened it no longer sees the workspace."""
        with self._write() as conn:
            row = conn.execute("SELECT owner FROM workspaces WHERE id = ?", (workspace_id,)).fetchone()
            if row is None or (owner is not None and row[0] != owner):
                raise WorkspaceNotFound(msg("store.unshare_owner_only"))
            conn.execute("UPDATE workspaces SET share_token = NULL, share_expires = NULL WHERE id = ?",
                         (workspace_id,))
            conn.execute("DELETE FROM access WHERE workspace_id = ?", (workspace_id,))
            conn.execute("DELETE FROM settings WHERE key LIKE 'last_opened%' AND value = ? AND key != ?",
                         (workspace_id, _opened_key(row[0])))

    def accept_share(self, token: str, owner: str) -> Workspace:
        """Add the workspace behind a share link to this owner's list; WorkspaceNotFound (in Dutch) if
        the link is unknown, revoked or expired."""
        with self._write() as conn:
            row = conn.execute("SELECT id, owner, share_expires FROM workspaces WHERE share_token = ?",
                               (token,)).fetchone()
            if row is None or not token:
                raise WorkspaceNotFound(msg("store.share_link_revoked"))
            if not row[2] or row[2] <= _now():
                raise WorkspaceNotFound(msg("store.share_link_expired"))
            if row[1] != owner:
                conn.execute("INSERT OR IGNORE INTO access (workspace_id, owner) VALUES (?, ?)", (row[0], owner))
            return _read(conn, row[0])


def _busy(err: sqlite3.Error) -> bool:
    text = str(err)
    return "locked" in text or "busy" in text


def _reason(err: sqlite3.Error) -> str:
    """An SQLite error in words without paths."""
    return msg("store.busy") if _busy(err) else str(err)
