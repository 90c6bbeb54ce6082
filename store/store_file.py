"""Is this file a store we may open? Decided before a single byte is written.

`--db` can name anything: a typo for another application's database, a text
file, a folder, a FIFO, a read-only copy. SQLite would happily turn a foreign
database into WAL mode and add claimdesk's tables to it, so every file is
looked at first, without writing: its header is read as bytes, and only a file
with an SQLite header is opened, read-only, to read its application_id,
user_version and the names of its tables.

A file is opened as a store when it does not exist yet, is empty (0 bytes), is
an SQLite database with no tables (and no other application's marks), or is a
claimdesk store (our application_id, or the migration log of claimdesk's
schema, which stores from before the application_id have). Everything else is
refused with a line that says what the file is.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from claimdesk.sources.safe_open import file_kind
from claimdesk.store.errors import StoreError

APPLICATION_ID = 0x4344736B  # "CDsk": PRAGMA application_id, in the header of every claimdesk store
SQLITE_HEADER = b"SQLite format 3\x00"
_HEADER_APPLICATION_ID = slice(68, 72)  # big-endian, per https://www.sqlite.org/fileformat.html
_HEADER_USER_VERSION = slice(60, 64)


@dataclass(frozen=True)
class StoreFile:
    """What was found at the path."""

    kind: str
    """"new" (no file, or 0 bytes), "empty" (an SQLite database without tables) or "claimdesk"."""
    writable: bool
    """False when this process may not write the file or its folder (the WAL needs the folder)."""


# The stores this process holds open, by file identity (device, inode), with how many
# connections each. POSIX drops every lock a process holds on a file when the process
# closes *any* descriptor of it: reading a store's header with open()/close() while
# SQLite has it open released SQLite's locks, so that the next connection to close
# thought it was the last and deleted the WAL under the open one ("disk I/O error",
# the write-ahead log's committed pages gone). A file this process already holds open
# was checked when it was first opened, and is never opened by Python again.
_OPEN: Counter = Counter()
_OPEN_LOCK = threading.Lock()


def _identity(status: os.stat_result) -> tuple[int, int]:
    return status.st_dev, status.st_ino


def store_opened(path: str) -> None:
    """A connection of this process to the store at path is open (see _OPEN)."""
    _count(path, +1)


def store_closed(path: str) -> None:
    _count(path, -1)


def _count(path: str, change: int) -> None:
    try:
        key = _identity(Path(path).expanduser().stat())
    except OSError:
        return
    with _OPEN_LOCK:
        _OPEN[key] += change
        if _OPEN[key] <= 0:
            del _OPEN[key]


def _open_in_this_process(status: os.stat_result) -> bool:
    with _OPEN_LOCK:
        return _identity(status) in _OPEN  # a count that reaches 0 is deleted


def check_store_file(path: str) -> StoreFile:
    """Look at path without writing to it; StoreError if it must not be opened as a store."""
    if not path.strip():
        raise StoreError("--db names no file (an empty path)")
    target = Path(path).expanduser()
    try:
        status = target.stat()
    except FileNotFoundError:
        folder = target.resolve().parent
        if not folder.is_dir():
            raise StoreError(f"cannot create the store {path}: folder {folder} does not exist") from None
        return StoreFile("new", os.access(folder, os.W_OK))
    except OSError as exc:
        raise StoreError(f"cannot open the store {path}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(status.st_mode):
        raise StoreError(f"{path} is a folder, not a store file (name a file inside it, e.g. {os.path.join(path, 'claimdesk.db')})")
    if not stat.S_ISREG(status.st_mode):
        raise StoreError(f"{path} is not a regular file ({file_kind(status.st_mode)}); a store must be a file")
    writable = os.access(target, os.W_OK) and os.access(target.resolve().parent, os.W_OK)
    if _open_in_this_process(status):
        return StoreFile("claimdesk", writable)  # checked when first opened; never open()ed again (see _OPEN)
    if status.st_size == 0:
        return StoreFile("new", writable)
    try:
        with open(target, "rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise StoreError(f"cannot read the store {path}: {exc.strerror or exc}") from None
    if not header.startswith(SQLITE_HEADER):
        raise StoreError(f"{path} is not a usable claimdesk store: it is not an SQLite database; it was left as it is")
    application_id = int.from_bytes(header[_HEADER_APPLICATION_ID], "big")
    user_version = int.from_bytes(header[_HEADER_USER_VERSION], "big", signed=True)
    if application_id == APPLICATION_ID:
        return StoreFile("claimdesk", writable)
    if application_id:
        raise StoreError(f"{path} is not a usable claimdesk store: it is the database of another application (application_id {application_id:#010x}); it was left as it is")
    tables, migration_sets = _schema(target)
    if "claimdesk" in migration_sets:
        return StoreFile("claimdesk", writable)
    if tables:
        shown = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
        raise StoreError(f"{path} is not a usable claimdesk store: it is an SQLite database of another application (tables: {shown}); it was left as it is")
    if user_version:
        raise StoreError(f"{path} is not a usable claimdesk store: it is an SQLite database marked by another application (user_version {user_version}); it was left as it is")
    return StoreFile("empty", writable)


def _schema(target: Path) -> tuple[set[str], set[str]]:
    """The table names and the sqlite-utils migration sets, read through a read-only connection."""
    uri = f"{target.resolve().as_uri()}?mode=ro"
    if not Path(f"{target}-wal").exists():
        # Nothing outside the main file to read: immutable, so that SQLite
        # creates no -wal and -shm files beside another application's database.
        uri += "&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot read the store {target}: {exc}") from None
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        sets: set[str] = set()
        if "_sqlite_migrations" in tables:
            sets = {row[0] for row in conn.execute("SELECT DISTINCT migration_set FROM _sqlite_migrations")}
        return tables, sets
    except sqlite3.Error as exc:
        raise StoreError(f"{target} is not a usable claimdesk store: it cannot be read as an SQLite database ({exc}); it was left as it is") from None
    finally:
        conn.close()

