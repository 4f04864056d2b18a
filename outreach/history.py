"""What the workspace store does not keep by itself: every saved version of each letter variant,
with its scores, and the page choices per workspace (scenario, shares, view).

Both live in the store's SQLite file, in tables of their own (created here, IF NOT EXISTS, so the
store's migrations stay untouched), and go through the store's connections: the same locking,
WAL and degraded-storage behaviour (StorageUnavailable when the folder cannot be written).

    history = History(store)
    history.record(ws_id, "Variant A", text, reach=61.5, scores={"zz": 70.0, ...})  -> Version | None
        # None when the text equals the variant's latest version (nothing new to keep)
    history.versions(ws_id, "Variant A")  -> [Version], oldest first (at most KEEP per variant)
    history.version(version_id)           -> Version (KeyError when gone)
    history.remember(ws_id, {"scenario": "huur", ...}); history.choices(ws_id) -> dict

A variant's history follows its name within the workspace: a renamed variant starts a new one.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone

KEEP = 500  # versions per variant; the oldest go first

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS variant_versions (
           id INTEGER PRIMARY KEY AUTOINCREMENT,
           workspace_id TEXT NOT NULL,
           variant TEXT NOT NULL,
           saved_at TEXT NOT NULL,
           text TEXT NOT NULL,
           reach REAL,
           scores TEXT NOT NULL DEFAULT '{}')""",
    "CREATE INDEX IF NOT EXISTS variant_versions_of ON variant_versions(workspace_id, variant, id)",
    """CREATE TABLE IF NOT EXISTS workspace_choices (
           workspace_id TEXT PRIMARY KEY,
           choices TEXT NOT NULL)""",
)


@dataclass(frozen=True, slots=True)
class Version:
    id: int
    workspace_id: str
    variant: str
    saved_at: str       # ISO 8601, UTC
    text: str
    reach: float | None
    scores: dict[str, float]   # segment id -> score


def _version(row) -> Version:
    return Version(row[0], row[1], row[2], row[3], row[4], row[5], json.loads(row[6] or "{}"))


_COLUMNS = "id, workspace_id, variant, saved_at, text, reach, scores"


class History:
    def __init__(self, store):
        self.store = store
        self._ready = False

    def _schema(self, conn) -> None:
        if not self._ready:
            for statement in SCHEMA:
                conn.execute(statement)
            self._ready = True

    def _write(self):
        return self.store._write()

    def _read(self, action):
        def run(conn):
            try:
                return action(conn)
            except Exception as err:  # the tables are made on the first write
                if "no such table" in str(err):
                    return None
                raise
        return self.store._read(run)

    def record(self, workspace_id: str, variant: str, text: str, reach: float | None = None,
               scores: dict[str, float] | None = None) -> Version | None:
        if not workspace_id:
            return None
        with self._write() as conn:
            self._schema(conn)
            last = conn.execute("SELECT text FROM variant_versions WHERE workspace_id = ? AND variant = ? "
                                "ORDER BY id DESC LIMIT 1", (workspace_id, variant)).fetchone()
            if last is not None and last[0] == text:
                return None
            if last is None and not text.strip():
                return None  # an empty new variant is no version worth listing
            saved_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
            cursor = conn.execute(
                "INSERT INTO variant_versions (workspace_id, variant, saved_at, text, reach, scores) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (workspace_id, variant, saved_at, text, reach, json.dumps(scores or {}, sort_keys=True)))
            conn.execute("DELETE FROM variant_versions WHERE workspace_id = ? AND variant = ? AND id <= ("
                         "SELECT id FROM variant_versions WHERE workspace_id = ? AND variant = ? "
                         "ORDER BY id DESC LIMIT 1 OFFSET ?)",
                         (workspace_id, variant, workspace_id, variant, KEEP))
            return Version(cursor.lastrowid, workspace_id, variant, saved_at, text, reach, dict(scores or {}))

    def versions(self, workspace_id: str, variant: str) -> list[Version]:
        rows = self._read(lambda conn: conn.execute(
            f"SELECT {_COLUMNS} FROM variant_versions WHERE workspace_id = ? AND variant = ? ORDER BY id",
            (workspace_id, variant)).fetchall())
        return [_version(r) for r in rows or []]

    def version(self, version_id: int) -> Version:
        row = self._read(lambda conn: conn.execute(
            f"SELECT {_COLUMNS} FROM variant_versions WHERE id = ?", (int(version_id),)).fetchone())
        if row is None:
            raise KeyError(version_id)
        return _version(row)

    def remember(self, workspace_id: str, choices: dict) -> None:
        if not workspace_id:
            return
        with self._write() as conn:
            self._schema(conn)
            conn.execute("INSERT INTO workspace_choices (workspace_id, choices) VALUES (?, ?) "
                         "ON CONFLICT(workspace_id) DO UPDATE SET choices = excluded.choices",
                         (workspace_id, json.dumps(choices, sort_keys=True)))

    def choices(self, workspace_id: str) -> dict:
        row = self._read(lambda conn: conn.execute(
            "SELECT choices FROM workspace_choices WHERE workspace_id = ?", (workspace_id,)).fetchone())
        try:
            value = json.loads(row[0]) if row else {}
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}
