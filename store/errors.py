"""Errors the store raises; the command line shows their message as is."""


class StoreError(RuntimeError):
    """The store cannot be used (unreadable, not a claimdesk store, too new)."""


class NotFoundError(LookupError):
    """An id that names nothing in the store (a report, a claim)."""


def no_such_report(report_id: str) -> NotFoundError:
    return NotFoundError(f"no report {report_id!r} in the store (see `claimdesk reports`)")


class ReadOnlyStore(StoreError):
    """A change asked of a store this process can only read."""


# SQLite's result codes that are the file's or the disk's condition, not a bug
# of ours: shown as one line (what happened, and that nothing was changed).
_CONDITIONS = {
    "SQLITE_FULL": "the disk is full",
    "SQLITE_IOERR": "a disk I/O error",
    "SQLITE_READONLY": "the store is read-only",
    "SQLITE_BUSY": "another program holds the store's write lock",
    "SQLITE_LOCKED": "another program holds the store's write lock",
    "SQLITE_CORRUPT": "the store file is damaged",
    "SQLITE_NOTADB": "the file is not an SQLite database",
    "SQLITE_CANTOPEN": "the store file cannot be opened",
    "SQLITE_PERM": "permission denied",
    "SQLITE_AUTH": "permission denied",
    "SQLITE_NOMEM": "out of memory",
    "SQLITE_PROTOCOL": "the store's lock protocol failed",
}


def store_condition(exc: BaseException, path: str, doing: str) -> StoreError | None:
    """A one-line StoreError for an SQLite error that is the disk's or the file's
    condition ("database or disk is full", "disk I/O error"); None for any other."""
    name = getattr(exc, "sqlite_errorname", None) or ""
    base = next((code for code in _CONDITIONS if name == code or name.startswith(code + "_")), None)
    if base is None:
        return None
    kind = ReadOnlyStore if base == "SQLITE_READONLY" else StoreError
    return kind(f"cannot {doing} {path}: {_CONDITIONS[base]} ({exc}); nothing was changed")
