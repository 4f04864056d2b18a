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

`exercise` is None or a dict of free-form strings with the keys in EXERCISE_KEYS (the VSDT steps:
problem, stakeholders, mechanism, design_question, conditions). Every error class derives from StoreError, whose
message is Dutch and can be shown as is.

Durability: WAL mode, a busy timeout, every write in one transaction (`BEGIN IMMEDIATE` inside
`with conn:`), so a crash mid-save leaves the previous version. Each call opens its own
connection, so one Store may be used from several threads and several processes.
The schema is created and migrated by this module (table `schema_version`, ordered MIGRATIONS).
"""
from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from outreach.letters import MAX_CHARS

REPO_DIR = Path(__file__).resolve().parents[1]
DATA_DIR_ENV = "OUTREACH_DATA_DIR"
DB_NAME = "outreach.sqlite3"
BUSY_TIMEOUT_MS = 10_000

MIN_VARIANTS = 2
MAX_VARIANTS = 4
MAX_NAME_CHARS = 80
MAX_EXERCISE_CHARS = 20_000
MAX_IMPORT_BYTES = 2_000_000
EXERCISE_KEYS = ("problem", "stakeholders", "mechanism", "design_question", "conditions")
EXPORT_FORMAT = "outreach-workspace"
EXPORT_SCHEMA = 1


class StoreError(Exception):
    """A problem with the workspace store; the message is meant for the user (Dutch)."""


class WorkspaceNotFound(StoreError, KeyError):
    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0]) if self.args else ""


class InvalidWorkspace(StoreError, ValueError):
    """The workspace breaks a limit (count of variants, lengths, names); nothing was written."""


class ImportProblem(StoreError, ValueError):
    """An import that was refused; nothing was written."""


class ConflictError(StoreError):
    """The stored workspace moved on since it was loaded; nothing was written."""

    def __init__(self, mine: Workspace, theirs: Workspace):
        super().__init__(
            f"'{theirs.name}' is intussen door iemand anders opgeslagen (versie {theirs.version}; "
            f"u werkte verder op versie {mine.version}). Kies welke versie u wilt houden.")
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


@dataclass(frozen=True, slots=True)
class WorkspaceSummary:
    id: str
    name: str
    version: int
    variant_count: int
    updated_at: str


# --- schema and migrations ----------------------------------------------------------------------

# Ordered: MIGRATIONS[i] brings the schema from version i to i + 1. Only ever append.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
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
)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return row[0] or 0


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to SCHEMA_VERSION inside the caller's transaction; idempotent."""
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise StoreError(f"Dit databasebestand is gemaakt door een nieuwere versie van het programma "
                         f"(schema {current}; deze versie kent tot {SCHEMA_VERSION}).")
    for number in range(current, SCHEMA_VERSION):
        for statement in MIGRATIONS[number]:
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


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _open(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


# --- validation (shared by save and import) -----------------------------------------------------

def _check_name(value: object, what: str) -> str:
    if not isinstance(value, str):
        return f"{what} moet tekst zijn"
    if not value.strip():
        return f"{what} mag niet leeg zijn"
    if len(value) > MAX_NAME_CHARS:
        return f"{what} is te lang ({len(value)} tekens; maximaal {MAX_NAME_CHARS})"
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        return f"{what} bevat onzichtbare stuurtekens"
    return ""


def _check_variant(index: int, name: object, text: object) -> list[str]:
    problems = []
    if message := _check_name(name, f"de naam van variant {index + 1}"):
        problems.append(message)
    if not isinstance(text, str):
        problems.append(f"de tekst van variant {index + 1} moet tekst zijn")
    elif len(text) > MAX_CHARS:
        problems.append(f"de tekst van variant {index + 1} is te lang ({len(text)} tekens; "
                        f"maximaal {MAX_CHARS})")
    return problems


def _check_exercise(exercise: object) -> list[str]:
    if exercise is None:
        return []
    if not isinstance(exercise, dict):
        return ["de oefening moet een lijst van velden zijn"]
    problems = []
    unknown = [str(k)[:40] for k in exercise if k not in EXERCISE_KEYS]
    if unknown:
        problems.append(f"onbekende velden in de oefening: {', '.join(unknown[:5])} "
                        f"(toegestaan: {', '.join(EXERCISE_KEYS)})")
    for key, value in exercise.items():
        if key in EXERCISE_KEYS and not isinstance(value, str):
            problems.append(f"oefening '{key}' moet tekst zijn")
        elif key in EXERCISE_KEYS and len(value) > MAX_EXERCISE_CHARS:
            problems.append(f"oefening '{key}' is te lang (maximaal {MAX_EXERCISE_CHARS} tekens)")
    return problems


def workspace_problems(name: object, variants: object, exercise: object) -> list[str]:
    """Every limit the content breaks, as Dutch sentences; empty when it can be stored."""
    problems = []
    if message := _check_name(name, "de naam van de werkruimte"):
        problems.append(message)
    if not isinstance(variants, (list, tuple)):
        problems.append("de varianten moeten een lijst zijn")
    elif not MIN_VARIANTS <= len(variants) <= MAX_VARIANTS:
        problems.append(f"een werkruimte heeft {MIN_VARIANTS} tot {MAX_VARIANTS} varianten "
                        f"(nu {len(variants)})")
    else:
        for index, variant in enumerate(variants):
            if not isinstance(variant, Variant):
                problems.append(f"variant {index + 1} is geen Variant(name, text)")
                continue
            problems.extend(_check_variant(index, variant.name, variant.text))
        names = [v.name for v in variants if isinstance(v, Variant)]
        if len(set(names)) != len(names):
            problems.append("twee varianten hebben dezelfde naam; geef elke variant een eigen naam")
    problems.extend(_check_exercise(exercise))
    return problems


def _validated(name: object, variants: object, exercise: object) -> None:
    problems = workspace_problems(name, variants, exercise)
    if problems:
        raise InvalidWorkspace("; ".join(problems[:5]))


# --- import parsing -----------------------------------------------------------------------------

def _refuse(message: str) -> ImportProblem:
    return ImportProblem(f"Dit bestand kan niet worden geïmporteerd: {message}. Er is niets veranderd.")


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
        raise _refuse("dit is geen tekst")
    if len(raw) > MAX_IMPORT_BYTES:
        raise _refuse(f"het bestand is te groot ({len(raw) // 1000} kB; maximaal "
                      f"{MAX_IMPORT_BYTES // 1000} kB)")
    try:
        text = raw.decode("utf-8-sig")
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise _refuse("de tekst is geen UTF-8") from None
    except RecursionError:
        raise _refuse("de JSON is te diep genest") from None
    except ValueError:  # JSONDecodeError, duplicate keys, NaN/Infinity
        raise _refuse("dit is geen geldige JSON") from None


_EXPORT_KEYS = {"format", "schema", "name", "variants", "exercise"}
_VARIANT_KEYS = {"name", "text"}


def _exact_keys(value: object, keys: set[str], what: str) -> dict:
    if not isinstance(value, dict):
        raise _refuse(f"{what} moet een JSON-object zijn")
    unknown = sorted(str(k)[:40] for k in set(value) - keys)
    if unknown:
        raise _refuse(f"onbekende velden in {what}: {', '.join(unknown[:5])}")
    missing = sorted(keys - set(value))
    if missing:
        raise _refuse(f"velden ontbreken in {what}: {', '.join(missing)}")
    return value


def workspace_from_export(document: object) -> tuple[str, tuple[Variant, ...], dict[str, str] | None]:
    """(name, variants, exercise) of an export document; ImportProblem unless it is exactly right."""
    doc = _exact_keys(document, _EXPORT_KEYS, "het bestand")
    if doc["format"] != EXPORT_FORMAT:
        raise _refuse("dit is geen export van een werkruimte")
    if doc["schema"] != EXPORT_SCHEMA or isinstance(doc["schema"], bool):
        raise _refuse(f"onbekende schemaversie (verwacht {EXPORT_SCHEMA})")
    raw = doc["variants"]
    if not isinstance(raw, list) or not MIN_VARIANTS <= len(raw) <= MAX_VARIANTS:
        count = len(raw) if isinstance(raw, list) else "geen lijst"
        raise _refuse(f"een werkruimte heeft {MIN_VARIANTS} tot {MAX_VARIANTS} varianten ({count})")
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

def _read(conn: sqlite3.Connection, workspace_id: str) -> Workspace:
    row = conn.execute("SELECT id, name, version, exercise, updated_at FROM workspaces WHERE id = ?",
                       (workspace_id,)).fetchone()
    if row is None:
        raise WorkspaceNotFound("Deze werkruimte bestaat niet (meer).")
    variants = conn.execute("SELECT name, text FROM variants WHERE workspace_id = ? ORDER BY position",
                            (workspace_id,)).fetchall()
    exercise = json.loads(row[3]) if row[3] is not None else None
    return Workspace(row[0], row[1], row[2], tuple(Variant(n, t) for n, t in variants), exercise, row[4])


def _replace_variants(conn: sqlite3.Connection, workspace_id: str, variants: tuple[Variant, ...]) -> None:
    conn.execute("DELETE FROM variants WHERE workspace_id = ?", (workspace_id,))
    conn.executemany("INSERT INTO variants (workspace_id, position, name, text) VALUES (?, ?, ?, ?)",
                     [(workspace_id, i, v.name, v.text) for i, v in enumerate(variants)])


def _exercise_json(exercise: dict[str, str] | None) -> str | None:
    return None if exercise is None else json.dumps(exercise, ensure_ascii=False, sort_keys=True)


def _insert(conn: sqlite3.Connection, name: str, variants: tuple[Variant, ...],
            exercise: dict[str, str] | None) -> str:
    workspace_id, now = uuid.uuid4().hex, _now()
    conn.execute("INSERT INTO workspaces (id, name, version, exercise, created_at, updated_at) "
                 "VALUES (?, ?, 1, ?, ?, ?)", (workspace_id, name, _exercise_json(exercise), now, now))
    _replace_variants(conn, workspace_id, variants)
    return workspace_id


# --- the store ----------------------------------------------------------------------------------

DEFAULT_VARIANTS = (Variant("Variant A", ""), Variant("Variant B", ""))


def workspace_json(ws: Workspace) -> str:
    """A workspace as a self-contained JSON export (what import_json reads back)."""
    return json.dumps({"format": EXPORT_FORMAT, "schema": EXPORT_SCHEMA, "name": ws.name,
                       "variants": [v.to_dict() for v in ws.variants], "exercise": ws.exercise},
                      ensure_ascii=False, indent=2)


class Store:
    """Workspaces in one SQLite file; see the module docstring for the API."""

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else default_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"De map voor gegevens kan niet worden gemaakt: {self.path.parent} "
                             f"({err.strerror}).") from None
        with self._connect() as conn:
            conn.execute("PRAGMA journal_mode = WAL")  # persistent: stored in the file
        with self._write() as conn:
            migrate(conn)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            with closing(_open(self.path)) as conn:
                yield conn
        except sqlite3.DatabaseError as err:  # includes OperationalError (locked, unreadable)
            raise StoreError(f"De opslag is niet bruikbaar ({self.path.name}): {err}.") from None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed at the end, rolled back on any exception."""
        with self._connect() as conn:
            with conn:
                conn.execute("BEGIN IMMEDIATE")
                yield conn

    def list_workspaces(self) -> list[WorkspaceSummary]:
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT w.id, w.name, w.version, count(v.position), w.updated_at FROM workspaces w "
                "LEFT JOIN variants v ON v.workspace_id = w.id GROUP BY w.id "
                "ORDER BY w.updated_at DESC, w.rowid DESC").fetchall()
        return [WorkspaceSummary(*row) for row in rows]

    def create_workspace(self, name: str, variants: tuple[Variant, ...] | list[Variant] | None = None,
                         exercise: dict[str, str] | None = None) -> Workspace:
        variants = tuple(variants) if variants is not None else DEFAULT_VARIANTS
        _validated(name, variants, exercise)
        with self._write() as conn:
            workspace_id = _insert(conn, name, variants, exercise)
        return self.load(workspace_id)

    def load(self, workspace_id: str) -> Workspace:
        with self._connect() as conn:
            return _read(conn, workspace_id)

    def save(self, workspace: Workspace, expected_version: int) -> int:
        """Store the workspace if the stored version is still `expected_version`; the new version."""
        variants = tuple(workspace.variants) if isinstance(workspace.variants, list) else workspace.variants
        _validated(workspace.name, variants, workspace.exercise)
        with self._write() as conn:
            stored = conn.execute("SELECT version FROM workspaces WHERE id = ?", (workspace.id,)).fetchone()
            if stored is None:
                raise WorkspaceNotFound("Deze werkruimte bestaat niet (meer); sla haar op als nieuwe.")
            if stored[0] != expected_version:
                mine = dataclasses.replace(workspace, variants=variants, version=expected_version)
                raise ConflictError(mine, _read(conn, workspace.id))
            conn.execute("UPDATE workspaces SET name = ?, version = version + 1, exercise = ?, "
                         "updated_at = ? WHERE id = ?",
                         (workspace.name, _exercise_json(workspace.exercise), _now(), workspace.id))
            _replace_variants(conn, workspace.id, variants)
            return expected_version + 1

    def delete(self, workspace_id: str) -> bool:
        with self._write() as conn:
            gone = conn.execute("DELETE FROM workspaces WHERE id = ?", (workspace_id,)).rowcount > 0
            conn.execute("DELETE FROM settings WHERE key = 'last_opened' AND value = ?", (workspace_id,))
        return gone

    def mark_opened(self, workspace_id: str) -> None:
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM workspaces WHERE id = ?", (workspace_id,)).fetchone() is None:
                raise WorkspaceNotFound("Deze werkruimte bestaat niet (meer).")
            conn.execute("INSERT INTO settings (key, value) VALUES ('last_opened', ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (workspace_id,))

    def last_opened(self) -> str | None:
        """The id of the workspace opened last, if it still exists."""
        with self._connect() as conn:
            row = conn.execute("SELECT s.value FROM settings s JOIN workspaces w ON w.id = s.value "
                               "WHERE s.key = 'last_opened'").fetchone()
        return row[0] if row else None

    def export_json(self, workspace_id: str) -> str:
        return workspace_json(self.load(workspace_id))

    def import_json(self, data: str | bytes) -> Workspace:
        """A new workspace from an export; ImportProblem (and no change) when it is not exactly right."""
        name, variants, exercise = workspace_from_export(_parse_import(data))
        with self._write() as conn:
            workspace_id = _insert(conn, name, variants, exercise)
        return self.load(workspace_id)
