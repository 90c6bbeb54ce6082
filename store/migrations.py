"""The store's schema, as an ordered list of migrations (sqlite-utils Migrations).

Never edit a migration that has shipped: add a new one. A store written by a
newer claimdesk has migrations this one does not know; it is refused with a
clear error instead of being half-understood.
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

from claimdesk.store.errors import StoreError

MIGRATIONS = Migrations("claimdesk")


def check_schema_not_newer(db: sqlite_utils.Database) -> None:
    known = {migration.name for migration in MIGRATIONS._migrations}
    unknown = [m.name for m in MIGRATIONS.applied(db) if m.name not in known]
    if unknown:
        raise StoreError(
            f"this store was written by a newer claimdesk (schema step {unknown[-1]!r}); upgrade claimdesk to open it"
        )


def schema_version(db: sqlite_utils.Database) -> int:
    return len(MIGRATIONS.applied(db))


@MIGRATIONS(name="0001_reports_and_changes")
def _reports_and_changes(db: sqlite_utils.Database) -> None:
    db.execute(
        """
        CREATE TABLE reports (
            id TEXT PRIMARY KEY,
            current_revision INTEGER NOT NULL,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE revisions (
            id INTEGER PRIMARY KEY,
            report_id TEXT NOT NULL REFERENCES reports(id),
            number INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            format TEXT NOT NULL,
            source_path TEXT,
            title TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            date TEXT,
            text TEXT NOT NULL,
            sections TEXT NOT NULL DEFAULT '[]',
            warnings TEXT NOT NULL DEFAULT '[]',
            dangling_markers TEXT NOT NULL DEFAULT '[]',
            raw BLOB NOT NULL,
            imported_at TEXT NOT NULL,
            imported_by TEXT NOT NULL,
            UNIQUE (report_id, number)
        )"""
    )
    db.execute("CREATE INDEX revisions_sha256 ON revisions(sha256)")
    db.execute(
        """
        CREATE TABLE footnotes (
            id INTEGER PRIMARY KEY,
            revision_id INTEGER NOT NULL REFERENCES revisions(id),
            position INTEGER NOT NULL,
            number TEXT NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('reference', 'ibid', 'op_cit', 'url', 'note')),
            marker_offsets TEXT NOT NULL DEFAULT '[]',
            resolves_to TEXT,
            resolution_guess INTEGER NOT NULL DEFAULT 0,
            reference TEXT,
            cites_report TEXT REFERENCES reports(id),
            UNIQUE (revision_id, position)
        )"""
    )
    db.execute("CREATE INDEX footnotes_cites_report ON footnotes(cites_report)")
    db.execute(
        """
        CREATE TABLE sentences (
            revision_id INTEGER NOT NULL REFERENCES revisions(id),
            ordinal INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            PRIMARY KEY (revision_id, ordinal)
        ) WITHOUT ROWID"""
    )
    db.execute(
        """
        CREATE TABLE changes (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            target_id TEXT NOT NULL,
            before TEXT,
            after TEXT
        )"""
    )
    # The change log is append-only: history is never rewritten, undo appends.
    db.execute("CREATE TRIGGER changes_no_update BEFORE UPDATE ON changes BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END")
    db.execute("CREATE TRIGGER changes_no_delete BEFORE DELETE ON changes BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END")
