"""What every command module shares: the context object, JSON output, warnings,
the errors that are the user's (exit 1) rather than the program's, and the
filter that keeps every line printed inert."""

from __future__ import annotations

import io
import os
import sys
from contextlib import contextmanager
from typing import Iterator

import click

from claimdesk.claims.anchoring import QuoteNotFound
from claimdesk.sources.inert import inert_for_terminal, json_for_terminal
from claimdesk.sources.errors import SourceError
from claimdesk.store.claims import ClaimError
from claimdesk.store.db import Action, Store, default_reviewer
from claimdesk.store.entities import EntityError
from claimdesk.store.errors import NotFoundError, StoreError
from claimdesk.store.links import LinkError
from claimdesk.store.undo import UndoError

from claimdesk.exporting import ExportError  # noqa: E402

USER_ERRORS = (SourceError, StoreError, NotFoundError, QuoteNotFound, ClaimError, EntityError, LinkError, UndoError, ExportError)


# SQLite's integers: a larger id or version is wrong usage, not an internal error.
STORE_INT = click.IntRange(-(2**63), 2**63 - 1)


def emit_json(document) -> None:
    """One JSON document; unsafe characters in it are \\uXXXX escapes, so the data is exact
    and the terminal safe."""
    click.echo(json_for_terminal(document))


def warn(message: str) -> None:
    click.echo(f"claimdesk: warning: {inert_for_terminal(message)}", err=True)


def error_line(message: str) -> str:
    """The one line a failure prints: its first line, made inert (it may quote user input)."""
    first = str(message).splitlines()[0] if str(message).strip() else "unknown error"
    return f"claimdesk: error: {inert_for_terminal(first)}"


class InertOutput(io.TextIOBase):
    """Standard output through sources.inert: whatever a command prints (a note,
    an entity name, a quote) reaches the terminal without escapes, controls,
    bidi or invisible characters. Text only: click writes str to a stream
    without a binary buffer, so nothing can go round this."""

    def __init__(self, stream) -> None:
        self._stream = stream

    @property
    def encoding(self) -> str:
        return getattr(self._stream, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str:
        return getattr(self._stream, "errors", None) or "strict"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError("InertOutput takes text, not bytes")
        self._stream.write(inert_for_terminal(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()


@contextmanager
def inert_stdout() -> Iterator[None]:
    """Standard output filtered (InertOutput) while a command runs."""
    original = sys.stdout
    sys.stdout = InertOutput(original)
    try:
        yield
    finally:
        sys.stdout = original


class Context:
    """The store and the reviewer, as the global options chose them."""

    def __init__(self, db: str | None, reviewer: str | None) -> None:
        if db is not None and not db.strip():
            raise click.UsageError("--db names no file (an empty path)")
        self.db_path = db or os.environ.get("CLAIMDESK_DB") or "claimdesk.db"
        self.db_given = db is not None or bool(os.environ.get("CLAIMDESK_DB"))
        # Recorded on every change and shown to others: stored inert like any input.
        self.reviewer = inert_for_terminal(reviewer or default_reviewer()).strip() or "unknown"
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.db_path)
        return self._store

    @contextmanager
    def action(self, name: str) -> Iterator[Action]:
        """A store action by this reviewer; what it cleaned from its input is said once it is saved."""
        with self.store.action(name, self.reviewer) as action:
            yield action
        for line in action.warnings:
            warn(line)
