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

from claimdesk.sources.inert import clean_input
from claimdesk.store.errors import ReadOnlyStore, StoreError, store_condition
from claimdesk.store.migrations import MIGRATIONS, check_schema_not_newer
from claimdesk.store.store_file import APPLICATION_ID, StoreFile, check_store_file, store_closed, store_opened

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
    warnings: list[str] = field(default_factory=list)
    """What the action changed in what it was given (text cleaned at input); shown once it is saved."""

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

    def clean(self, what: str, text: str) -> str:
        """Text from a person or a file as it may be stored: escapes, controls,
        bidi and invisible characters removed (sources.inert), with a warning."""
        cleaned = clean_input(text)
        if cleaned.removed:
            self.warnings.append(cleaned.describe(what))
        return cleaned.text

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


FOLD_FUNCTION = "claimdesk_fold"
"""An SQL function on every store connection: the text casefolded (NULL stays NULL)."""


def _fold(text):
    return text.casefold() if isinstance(text, str) else text


def _key_text(key: dict) -> str:
    return json.dumps(list(key.values()), ensure_ascii=False)


class Store:
    """A claimdesk store: one SQLite file (or ":memory:" for tests).

    The file is looked at before anything is written (store.store_file): a
    foreign database, a text file or a device is refused as it is. A store this
    process cannot write opens read-only: reading commands work, and an action
    is refused with one line before it starts.
    """

    def __init__(self, path: str | os.PathLike = "claimdesk.db") -> None:
        self.path = str(path)
        found = StoreFile("new", True) if self.path == ":memory:" else check_store_file(self.path)
        self.read_only = not found.writable
        if self.read_only and found.kind == "new":
            raise ReadOnlyStore(f"cannot create the store {self.path}: no permission to write there")
        try:
            if not self.read_only:
                try:
                    self._open_for_writing()
                except ReadOnlyStore:
                    # The file looked writable, but SQLite may not write it (a
                    # read-only mount, a WAL it cannot create): read it instead.
                    self.read_only = True
            if self.read_only:
                self._open_for_reading()
        except sqlite3.Error as exc:
            self._close_quietly()
            raise store_condition(exc, self.path, "open the store") or StoreError(
                f"{self.path} is not a usable claimdesk store: {exc}"
            ) from None
        except BaseException:
            self._close_quietly()
            raise
        # Case-insensitive search beyond ASCII (SQLite's lower() and LIKE fold A-Z only).
        self.db.conn.create_function(FOLD_FUNCTION, 1, _fold, deterministic=True)
        self._registered = self.path != ":memory:"
        if self._registered:
            store_opened(self.path)

    def _open_for_writing(self) -> None:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        self.db = sqlite_utils.Database(conn)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
        conn.execute("PRAGMA foreign_keys = ON")
        try:
            if self.path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
                # FULL: a committed action survives a power cut, not only a crash.
                conn.execute("PRAGMA synchronous = FULL")
            check_schema_not_newer(self.db)
            if MIGRATIONS.pending(self.db) or not self._marked():
                self._migrate()
        except sqlite3.Error as exc:
            condition = store_condition(exc, self.path, "open the store")
            if isinstance(condition, ReadOnlyStore) or getattr(exc, "sqlite_errorname", "").startswith("SQLITE_CANTOPEN"):
                self._close_quietly()
                raise ReadOnlyStore(str(condition or exc)) from None
            raise

    def _migrate(self) -> None:
        conn = self.db.conn
        # Under the write lock, so two first runs cannot both create tables.
        conn.execute("BEGIN IMMEDIATE")
        try:
            check_schema_not_newer(self.db)
            MIGRATIONS.apply(self.db)
            if not self._marked():
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def _marked(self) -> bool:
        return self.db.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID

    def _open_for_reading(self) -> None:
        uri = f"{Path(self.path).expanduser().resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        self.db = sqlite_utils.Database(conn)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            # A WAL store in a folder we cannot write has no -shm to share; with
            # nobody able to write it either, it can be read as an immutable file.
            conn.close()
            conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None)
            self.db = sqlite_utils.Database(conn)
        check_schema_not_newer(self.db)
        if MIGRATIONS.pending(self.db):
            raise ReadOnlyStore(
                f"the store {self.path} is read-only and was written by an older claimdesk; "
                "open it once with write permission so that it can be upgraded"
            )

    def _close_quietly(self) -> None:
        db = getattr(self, "db", None)
        if db is not None:
            try:
                db.conn.close()
            except sqlite3.Error:
                pass

    @contextmanager
    def action(self, name: str, reviewer: str | None = None) -> Iterator[Action]:
        """Run one user action as one IMMEDIATE transaction, logged.

        A read-only store refuses before anything starts; a full disk, an I/O
        error or a lock held too long rolls the whole action back and says so in
        one line (StoreError), never as an internal error.
        """
        with self.transaction(name):
            conn = self.db.conn
            action = Action(self, name, reviewer or default_reviewer())
            action.id = conn.execute(
                "INSERT INTO actions (at, reviewer, name) VALUES (?, ?, ?)", [action.at, action.reviewer, name]
            ).lastrowid
            yield action
            if not action.change_ids:
                conn.execute("DELETE FROM actions WHERE id = ?", [action.id])

    @contextmanager
    def transaction(self, doing: str) -> Iterator[None]:
        """One IMMEDIATE write transaction, not logged: for an action, or for
        derived data such as the passage index. Refused on a read-only store;
        SQLite's disk and file conditions become one StoreError line."""
        if self.read_only:
            raise ReadOnlyStore(f"the store {self.path} is read-only: cannot {doing} (nothing was changed)")
        conn = self.db.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise store_condition(exc, self.path, "save to") or exc from None
        try:
            yield
            conn.execute("COMMIT")
        except BaseException as exc:
            self._roll_back()
            condition = store_condition(exc, self.path, "save to") if isinstance(exc, sqlite3.Error) else None
            if condition is not None:
                raise condition from None
            raise

    def _roll_back(self) -> None:
        """Roll back what is open; SQLite may have done it already (a full disk does)."""
        conn = self.db.conn
        if conn.in_transaction:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def close(self) -> None:
        self.db.conn.close()
        if getattr(self, "_registered", False):
            self._registered = False
            store_closed(self.path)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
