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


@MIGRATIONS(name="0002_claims_entities_links")
def _claims_entities_links(db: sqlite_utils.Database) -> None:
    # Actions group the changes of one user action, so that undo takes back a
    # whole action; earlier changes become one action each.
    db.execute(
        """
        CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            name TEXT NOT NULL,
            undoes INTEGER REFERENCES actions(id)
        )"""
    )
    db.execute("ALTER TABLE changes ADD COLUMN action_id INTEGER REFERENCES actions(id)")
    db.execute("DROP TRIGGER changes_no_update")
    for change_id, at, reviewer, action in db.execute("SELECT id, at, reviewer, action FROM changes ORDER BY id").fetchall():
        action_id = db.execute("INSERT INTO actions (at, reviewer, name) VALUES (?, ?, ?)", [at, reviewer, action]).lastrowid
        db.execute("UPDATE changes SET action_id = ? WHERE id = ?", [action_id, change_id])
    db.execute("CREATE TRIGGER changes_no_update BEFORE UPDATE ON changes BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END")
    db.execute("CREATE INDEX changes_target ON changes(target, target_id)")
    db.execute(
        """
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            report_id TEXT NOT NULL REFERENCES reports(id),
            revision INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            anchor TEXT NOT NULL DEFAULT 'anchored' CHECK (anchor IN ('anchored', 'moved', 'orphaned')),
            anchor_method TEXT NOT NULL DEFAULT 'created',
            confidence INTEGER CHECK (confidence BETWEEN 1 AND 5),
            status TEXT NOT NULL DEFAULT 'unreviewed'
                CHECK (status IN ('unreviewed', 'verified', 'disputed', 'false', 'unverifiable')),
            note TEXT NOT NULL DEFAULT '',
            reviewer TEXT NOT NULL,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            removed INTEGER NOT NULL DEFAULT 0
        )"""
    )
    db.execute("CREATE INDEX claims_report ON claims(report_id, start)")
    db.execute(
        """
        CREATE TABLE claim_citations (
            claim_id INTEGER NOT NULL REFERENCES claims(id),
            footnote TEXT NOT NULL,
            origin TEXT NOT NULL DEFAULT 'auto' CHECK (origin IN ('auto', 'manual')),
            PRIMARY KEY (claim_id, footnote)
        )"""
    )
    db.execute(
        """
        CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL DEFAULT 'other' CHECK (type IN ('person', 'organization', 'place', 'event', 'other')),
            merged_into INTEGER REFERENCES entities(id),
            created TEXT NOT NULL
        )"""
    )
    db.execute("CREATE UNIQUE INDEX entities_live_name ON entities(name COLLATE NOCASE) WHERE merged_into IS NULL")
    db.execute(
        """
        CREATE TABLE entity_aliases (
            alias TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
            entity_id INTEGER NOT NULL REFERENCES entities(id)
        )"""
    )
    db.execute(
        """
        CREATE TABLE claim_entities (
            claim_id INTEGER NOT NULL REFERENCES claims(id),
            entity_id INTEGER NOT NULL REFERENCES entities(id),
            PRIMARY KEY (claim_id, entity_id)
        )"""
    )
    db.execute(
        """
        CREATE TABLE links (
            id INTEGER PRIMARY KEY,
            claim_a INTEGER NOT NULL REFERENCES claims(id),
            claim_b INTEGER NOT NULL REFERENCES claims(id),
            kind TEXT NOT NULL CHECK (kind IN ('duplicate', 'conflict', 'related')),
            state TEXT NOT NULL CHECK (state IN ('suggested', 'confirmed', 'rejected')),
            scorer TEXT NOT NULL,
            score REAL,
            threshold REAL,
            differences TEXT NOT NULL DEFAULT '[]',
            created_by TEXT NOT NULL,
            created TEXT NOT NULL,
            decided_by TEXT,
            decided TEXT,
            kept_claim INTEGER REFERENCES claims(id),
            resolution_note TEXT,
            resolved_by TEXT,
            resolved TEXT,
            CHECK (claim_a < claim_b),
            UNIQUE (claim_a, claim_b)
        )"""
    )
    db.execute("CREATE INDEX links_b ON links(claim_b)")
    # The passage index: every sentence of every current revision, normalised
    # for matching, searched with FTS5's BM25 before rapidfuzz re-scores. The
    # norm column is already stemmed (claims.normalise): no porter here, so the
    # vocabulary holds exactly the tokens that queries look up.
    db.execute(
        """
        CREATE TABLE passages (
            id INTEGER PRIMARY KEY,
            revision_id INTEGER NOT NULL REFERENCES revisions(id),
            report_id TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            norm TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX passages_report ON passages(report_id, ordinal)")
    db.execute("CREATE INDEX passages_revision ON passages(revision_id)")
    db.execute('CREATE INDEX passages_report_end ON passages(report_id, "end")')
    db.execute(
        "CREATE VIRTUAL TABLE passages_fts USING fts5(norm, content='passages', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    db.execute(
        "CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN "
        "INSERT INTO passages_fts(rowid, norm) VALUES (new.id, new.norm); END"
    )
    db.execute(
        "CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN "
        "INSERT INTO passages_fts(passages_fts, rowid, norm) VALUES ('delete', old.id, old.norm); END"
    )
    db.execute("CREATE VIRTUAL TABLE passages_vocab USING fts5vocab(passages_fts, 'row')")
    from claimdesk.store.passages import index_revision

    for revision_id, report_id in db.execute(
        "SELECT v.id, v.report_id FROM revisions v JOIN reports r ON r.id = v.report_id AND r.current_revision = v.number"
    ).fetchall():
        index_revision(db, revision_id, report_id)


@MIGRATIONS(name="0003_dismissed_passages")
def _dismissed_passages(db: sqlite_utils.Database) -> None:
    # A passage of another report that the matcher proposed as the same claim
    # (or a conflicting one) and an editor said is not: it is not proposed again.
    # Passages are not claims, so these decisions cannot live in links.
    db.execute(
        """
        CREATE TABLE dismissed_passages (
            claim_id INTEGER NOT NULL REFERENCES claims(id),
            report_id TEXT NOT NULL REFERENCES reports(id),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            relation TEXT NOT NULL,
            decided_by TEXT NOT NULL,
            decided TEXT NOT NULL,
            PRIMARY KEY (claim_id, report_id, start)
        )"""
    )


@MIGRATIONS(name="0004_links_queue_index")
def _links_queue_index(db: sqlite_utils.Database) -> None:
    # The review desk pages through suggestions and conflicts best score first;
    # on hundreds of thousands of suggested links a sort of them all took a second.
    db.execute("CREATE INDEX links_queue ON links(state, kind, score DESC, id)")


@MIGRATIONS(name="0005_removed_text_and_pages")
def _removed_text_and_pages(db: sqlite_utils.Database) -> None:
    # What an import kept out of the reading text (navigation, licence, page
    # furniture) is reported, never silently dropped; and where the source marks
    # its printed pages, the page map lets a claim say "p. 12".
    db.execute("ALTER TABLE revisions ADD COLUMN removed TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE revisions ADD COLUMN pages TEXT NOT NULL DEFAULT '[]'")


@MIGRATIONS(name="0006_needs_review_and_anchor_record")
def _needs_review_and_anchor_record(db: sqlite_utils.Database) -> None:
    # A claim re-anchored onto words or figures nobody reviewed loses its
    # verdict's authority: its status becomes 'needs-review' (the verdict it had
    # is kept in anchor_record and in the change log). SQLite cannot change a
    # CHECK constraint in place, so the claims table is rebuilt from its own
    # schema text, with every column, index and trigger it has, inside this
    # migration's transaction; foreign keys pointing at claims are checked at
    # commit (defer_foreign_keys), when the rows are all back.
    old_check = "CHECK (status IN ('unreviewed', 'verified', 'disputed', 'false', 'unverifiable'))"
    new_check = "CHECK (status IN ('unreviewed', 'verified', 'disputed', 'false', 'unverifiable', 'needs-review'))"
    _rebuild_claims(db, old_check, new_check, "status check")
    # The latest re-anchoring of the claim, as JSON: revision, method, exact or
    # not, the figures that changed, the quote before; and, while the claim needs
    # review, the verdict and the quote that were reviewed.
    db.execute("ALTER TABLE claims ADD COLUMN anchor_record TEXT")


def _rebuild_claims(db: sqlite_utils.Database, old: str, new: str, what: str) -> None:
    """Rebuild the claims table from its own schema text with old replaced by new
    (SQLite cannot change a constraint in place), with every column, index and
    trigger it has, inside the migration's transaction; foreign keys pointing at
    claims are checked at commit (defer_foreign_keys), when the rows are all back."""
    (schema,) = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'claims'").fetchone()
    if old not in schema:
        raise StoreError(f"the claims table's {what} is not the one this migration knows; the store was changed by hand")
    companions = db.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'claims' AND type IN ('index', 'trigger') AND sql IS NOT NULL"
    ).fetchall()
    columns = ", ".join(f'"{row[1]}"' for row in db.execute("PRAGMA table_info(claims)").fetchall())
    db.execute("PRAGMA defer_foreign_keys = ON")
    db.execute("CREATE TEMP TABLE claims_rebuild AS SELECT * FROM claims")
    db.execute("DROP TABLE claims")
    db.execute(schema.replace(old, new, 1))
    db.execute(f"INSERT INTO claims ({columns}) SELECT {columns} FROM claims_rebuild")
    db.execute("DROP TABLE claims_rebuild")
    for (sql,) in companions:
        db.execute(sql)


@MIGRATIONS(name="0007_claim_ids_never_reused")
def _claim_ids_never_reused(db: sqlite_utils.Database) -> None:
    # A claim id names one claim for ever (its history, links, exported ids):
    # AUTOINCREMENT never gives an id again, even the highest one once its row
    # is gone. Stores written before this step may already have freed ids (an
    # undo of a creation used to delete the row): the sequence starts past every
    # claim id the change log, citations, tags and links have ever named.
    _rebuild_claims(db, "id INTEGER PRIMARY KEY,", "id INTEGER PRIMARY KEY AUTOINCREMENT,", "primary key")
    (highest,) = db.execute(
        """SELECT max(id) FROM (
               SELECT max(id) AS id FROM claims
               UNION ALL SELECT max(CAST(json_extract(target_id, '$[0]') AS INTEGER)) FROM changes
                         WHERE target IN ('claims', 'claim_citations', 'claim_entities', 'dismissed_passages')
                           AND json_valid(target_id)
               UNION ALL SELECT max(max(claim_a, claim_b)) FROM links)"""
    ).fetchone()
    if highest is not None:
        db.execute("DELETE FROM sqlite_sequence WHERE name = 'claims'")
        db.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('claims', ?)", [highest])
