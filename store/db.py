"""Opening the store, and the one way to change it: an action.

The store is one SQLite file in WAL mode, so readers never block the writer and a
crash loses nothing that was committed. Every user action runs in its own
`BEGIN IMMEDIATE` transaction together with its change-log entries: it happens
whole, with its audit trail, or not at all. IMMEDIATE takes the write lock up
front, so two processes queue on the busy timeout instead of failing half-way
with "database is locked".
"""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

import sqlite_utils

from claimdesk.store.errors import StoreError
from claimdesk.store.migrations import MIGRATIONS, check_schema_not_newer

BUSY_TIMEOUT_SECONDS = 30


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def default_reviewer() -> str:
    try:
        return os.environ.get("CLAIMDESK_REVIEWER") or getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


# Tables whose rows a user changes; their changes carry whole rows, so that undo
# can put any of them back exactly.
PRIMARY_KEYS = {
    "claims": ("id",),
    "claim_citations": ("claim_id", "footnote"),
    "entities": ("id",),
    "entity_aliases": ("alias",),
    "claim_entities": ("claim_id", "entity_id"),
    "links": ("id",),
    "dismissed_passages": ("claim_id", "report_id", "start"),
}


@dataclass
class Action:
    """One user action in progress: its changes are logged as it makes them."""

    store: "Store"
    name: str
    reviewer: str
    at: str = field(default_factory=now)
    id: int | None = None
    change_ids: list[int] = field(default_factory=list)

    @property
    def db(self) -> sqlite_utils.Database:
        return self.store.db

    def log(self, target: str, target_id: Any, before: Any, after: Any) -> int:
        """Append a change: what (target, id), and its state before and after."""
        row = {
            "at": self.at,
            "reviewer": self.reviewer,
            "action": self.name,
            "action_id": self.id,
            "target": target,
            "target_id": str(target_id),
            "before": json.dumps(before, ensure_ascii=False, sort_keys=True) if before is not None else None,
            "after": json.dumps(after, ensure_ascii=False, sort_keys=True) if after is not None else None,
        }
        cursor = self.db.conn.execute(
            "INSERT INTO changes (at, reviewer, action, action_id, target, target_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            list(row.values()),
        )
        self.change_ids.append(cursor.lastrowid)
        return cursor.lastrowid

    # Row changes that undo can take back ------------------------------------
    def row(self, table: str, key: dict) -> dict | None:
        where = " AND ".join(f'"{column}" = ?' for column in key)
        cursor = self.db.conn.execute(f'SELECT * FROM "{table}" WHERE {where}', list(key.values()))
        found = cursor.fetchone()
        return dict(zip([c[0] for c in cursor.description], found)) if found else None

    def insert(self, table: str, values: dict) -> dict:
        columns = ", ".join(f'"{c}"' for c in values)
        cursor = self.db.conn.execute(
            f'INSERT INTO "{table}" ({columns}) VALUES ({", ".join("?" for _ in values)})', list(values.values())
        )
        key = self._key(table, values, cursor.lastrowid)
        after = self.row(table, key)
        self.log(table, _key_text(key), None, after)
        return after

    def update(self, table: str, key: dict, values: dict) -> dict:
        before = self.row(table, key)
        if before is None:
            raise LookupError(f"{table} {key} does not exist")
        assignments = ", ".join(f'"{c}" = ?' for c in values)
        where = " AND ".join(f'"{c}" = ?' for c in key)
        self.db.conn.execute(f'UPDATE "{table}" SET {assignments} WHERE {where}', [*values.values(), *key.values()])
        after = self.row(table, key)
        if after != before:
            self.log(table, _key_text(key), before, after)
        return after

    def delete(self, table: str, key: dict) -> dict | None:
        before = self.row(table, key)
        if before is None:
            return None
        where = " AND ".join(f'"{c}" = ?' for c in key)
        self.db.conn.execute(f'DELETE FROM "{table}" WHERE {where}', list(key.values()))
        self.log(table, _key_text(key), before, None)
        return before

    def _key(self, table: str, values: dict, rowid: int) -> dict:
        columns = PRIMARY_KEYS[table]
        if columns == ("id",) and "id" not in values:
            return {"id": rowid}
        return {column: values[column] for column in columns}


def _key_text(key: dict) -> str:
    return json.dumps(list(key.values()), ensure_ascii=False)


class Store:
    """A claimdesk store: one SQLite file (or ":memory:" for tests)."""

    def __init__(self, path: str | os.PathLike = "claimdesk.db") -> None:
        self.path = str(path)
        if self.path != ":memory:":
            parent = Path(self.path).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(f"cannot create the store {self.path}: folder {parent} does not exist")
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
            conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
                # FULL: a committed action survives a power cut, not only a crash.
                conn.execute("PRAGMA synchronous = FULL")
            self.db = sqlite_utils.Database(conn)
            # Under the write lock, so two first runs cannot both create tables.
            conn.execute("BEGIN IMMEDIATE")
            try:
                check_schema_not_newer(self.db)
                MIGRATIONS.apply(self.db)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a usable claimdesk store: {exc}") from None

    @contextmanager
    def action(self, name: str, reviewer: str | None = None) -> Iterator[Action]:
        """Run one user action as one IMMEDIATE transaction, logged."""
        conn = self.db.conn
        conn.execute("BEGIN IMMEDIATE")
        action = Action(self, name, reviewer or default_reviewer())
        action.id = conn.execute(
            "INSERT INTO actions (at, reviewer, name) VALUES (?, ?, ?)", [action.at, action.reviewer, name]
        ).lastrowid
        try:
            yield action
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        else:
            if not action.change_ids:
                conn.execute("DELETE FROM actions WHERE id = ?", [action.id])
            conn.execute("COMMIT")

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
