"""What every command module shares: the context object, JSON output, the errors
that are the user's (exit 1) rather than the program's."""

from __future__ import annotations

import json
import os

import click

from claimdesk.claims.anchoring import QuoteNotFound
from claimdesk.sources.errors import SourceError
from claimdesk.store.claims import ClaimError
from claimdesk.store.db import Store, default_reviewer
from claimdesk.store.entities import EntityError
from claimdesk.store.errors import NotFoundError, StoreError
from claimdesk.store.links import LinkError
from claimdesk.store.undo import UndoError

from claimdesk.exporting import ExportError  # noqa: E402

USER_ERRORS = (SourceError, StoreError, NotFoundError, QuoteNotFound, ClaimError, EntityError, LinkError, UndoError, ExportError)


def emit_json(document) -> None:
    click.echo(json.dumps(document, ensure_ascii=False, indent=2))


class Context:
    """The store and the reviewer, as the global options chose them."""

    def __init__(self, db: str | None, reviewer: str | None) -> None:
        self.db_path = db or os.environ.get("CLAIMDESK_DB") or "claimdesk.db"
        self.db_given = db is not None or bool(os.environ.get("CLAIMDESK_DB"))
        self.reviewer = reviewer or default_reviewer()
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.db_path)
        return self._store
