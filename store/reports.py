"""Reports and their revisions in the store.

A report keeps every revision it ever had: raw bytes, their SHA-256, format,
reading text and structure. Importing the same bytes again changes nothing;
changed bytes under the same id add a revision and make it current. Nothing is
ever deleted by an import.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from claimdesk.sources.importer import SourceFile
from claimdesk.sources.model import ParsedReport, Reference
from claimdesk.sources.report_matching import match_report
from claimdesk.store.db import Action, Store, now
from claimdesk.store.errors import no_such_report
from claimdesk.store.passages import drop_other_revisions
from claimdesk.store.reanchoring import reanchor_claims


@dataclass
class ImportOutcome:
    report_id: str
    status: str
    """"imported" (new report), "revised" (new revision) or "unchanged"."""
    revision: int
    claims: list[dict] = field(default_factory=list)
    """What the re-anchoring did to each of the report's claims (store.reanchoring); empty unless revised."""


def save_import(action: Action, report_id: str, source: SourceFile, parsed: ParsedReport, *, id_given: bool,
                anchors: dict | None = None) -> ImportOutcome:
    """Store a parsed file as a new report or a new revision, inside an action.

    anchors: the report's claims re-anchored on parsed.text before the action
    (store.reanchoring.anchors_ahead), so that the write lock is not held for it.
    """
    db = action.db
    existing = db.execute("SELECT current_revision FROM reports WHERE id = ?", [report_id]).fetchone()
    if existing:
        current = _revision_row(db, report_id, existing[0])
        if current["sha256"] == source.sha256:
            return ImportOutcome(report_id, "unchanged", existing[0])
    elif not id_given:
        same_bytes = db.execute(
            "SELECT r.id, r.current_revision FROM reports r JOIN revisions v ON v.report_id = r.id AND v.number = r.current_revision WHERE v.sha256 = ?",
            [source.sha256],
        ).fetchone()
        if same_bytes:
            return ImportOutcome(same_bytes[0], "unchanged", same_bytes[1])
    number = existing[0] + 1 if existing else 1
    stamp = now()
    if existing:
        db.execute("UPDATE reports SET current_revision = ?, updated = ? WHERE id = ?", [number, stamp, report_id])
    else:
        db["reports"].insert({"id": report_id, "current_revision": number, "created": stamp, "updated": stamp})
    revision_id = db["revisions"].insert(
        {
            "report_id": report_id,
            "number": number,
            "sha256": source.sha256,
            "format": parsed.format,
            "source_path": str(source.path),
            "title": parsed.title,
            "authors": json.dumps(parsed.authors, ensure_ascii=False),
            "date": parsed.date,
            "text": parsed.text,
            "sections": json.dumps([vars(s) for s in parsed.sections], ensure_ascii=False),
            "warnings": json.dumps(parsed.warnings, ensure_ascii=False),
            "dangling_markers": json.dumps(parsed.dangling_markers, ensure_ascii=False),
            "removed": json.dumps([piece.to_json() for piece in parsed.removed], ensure_ascii=False),
            "pages": json.dumps([page.to_json() for page in parsed.pages], ensure_ascii=False),
            "raw": source.data,
            "imported_at": stamp,
            "imported_by": action.reviewer,
        }
    ).last_pk
    # Bulk rows go straight to executemany: sqlite-utils' insert_all inspects
    # every value, which costs seconds on the 200,000 sentences of a 10 MB report.
    db.conn.executemany(
        """INSERT INTO footnotes (revision_id, position, number, text, kind, marker_offsets,
                                  resolves_to, resolution_guess, reference)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            (
                revision_id,
                position,
                json.dumps(note.number),
                note.text,
                note.kind,
                json.dumps(note.marker_offsets),
                json.dumps(note.resolves_to) if note.resolves_to is not None else None,
                int(note.resolution_guess),
                json.dumps(note.reference.to_json(), ensure_ascii=False) if note.reference else None,
            )
            for position, note in enumerate(parsed.footnotes)
        ),
    )
    db.conn.executemany(
        'INSERT INTO sentences (revision_id, ordinal, start, "end") VALUES (?, ?, ?, ?)',
        ((revision_id, ordinal, start, end) for ordinal, (start, end) in enumerate(parsed.sentences)),
    )
    # The new revision's passages are indexed after this action, in batches
    # (store.passages.index_in_batches): here only the old ones leave.
    drop_other_revisions(db, report_id, revision_id)
    reanchored = reanchor_claims(action, report_id, revision_id, number, parsed.text, anchors) if existing else []
    summary = {"revision": number, "sha256": source.sha256, "title": parsed.title, "path": str(source.path)}
    before = {"revision": existing[0], "sha256": current["sha256"]} if existing else None
    action.log("report", report_id, before, summary)
    link_corpus_citations(action, report_id)
    return ImportOutcome(report_id, "revised" if existing else "imported", number, reanchored)


def link_corpus_citations(action: Action, new_report_id: str) -> None:
    """Match references to reports of the store, whichever was imported first.

    The new report's own footnotes are matched against every report; every other
    report's unmatched footnotes are matched against the new report only.
    """
    db = action.db
    catalogue = list_reports(db)
    by_id = {entry["id"]: entry for entry in catalogue}
    for row in _current_footnote_rows(db):
        if row["reference"] is None:
            continue
        citing = row["report_id"]
        if citing == new_report_id:
            candidates = [entry for entry in catalogue if entry["id"] != citing]
        elif row["cites_report"] is None and new_report_id in by_id:
            candidates = [by_id[new_report_id]]
        else:
            continue
        reference = Reference(**json.loads(row["reference"]))
        matched = match_report(reference, candidates) if candidates else None
        if matched != row["cites_report"]:
            db.execute("UPDATE footnotes SET cites_report = ? WHERE id = ?", [matched, row["id"]])


def _current_footnote_rows(db):
    cursor = db.execute(
        """SELECT f.id, f.reference, f.cites_report, v.report_id
           FROM footnotes f JOIN revisions v ON v.id = f.revision_id
           JOIN reports r ON r.id = v.report_id AND r.current_revision = v.number"""
    )
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def _revision_row(db, report_id: str, number: int) -> dict:
    rows = list(db["revisions"].rows_where("report_id = ? AND number = ?", [report_id, number]))
    return rows[0]


def list_reports(db) -> list[dict]:
    """Every report's current revision: id, title, authors, date and counts."""
    cursor = db.execute(
        """SELECT r.id, v.title, v.authors, v.date, v.format, v.warnings,
                  (SELECT count(*) FROM footnotes f WHERE f.revision_id = v.id) AS footnotes,
                  r.current_revision
           FROM reports r JOIN revisions v ON v.report_id = r.id AND v.number = r.current_revision
           ORDER BY r.id"""
    )
    claim_counts = dict(db.execute("SELECT report_id, count(*) FROM claims WHERE removed = 0 GROUP BY report_id").fetchall())
    reports = []
    for row in cursor.fetchall():
        reports.append(
            {
                "id": row[0],
                "title": row[1],
                "authors": json.loads(row[2]),
                "date": row[3],
                "format": row[4],
                "warnings": len(json.loads(row[5])),
                "footnotes": row[6],
                "revision": row[7],
                "claims": claim_counts.get(row[0], 0),
            }
        )
    return reports


def require_report(db, report_id: str) -> tuple[int]:
    """The report's current revision number; a clear NotFoundError if there is no such report."""
    head = db.execute("SELECT current_revision FROM reports WHERE id = ?", [report_id]).fetchone()
    if not head:
        raise no_such_report(report_id)
    return head


def report_warnings(db, report_id: str) -> tuple[str | None, list[str]]:
    """The current revision's title and import warnings, as stored (without reading its text)."""
    head = require_report(db, report_id)
    title, warnings = db.execute("SELECT title, warnings FROM revisions WHERE report_id = ? AND number = ?", [report_id, head[0]]).fetchone()
    return title, json.loads(warnings)


def report_document(store: Store, report_id: str) -> dict:
    """The whole current revision of a report, as `claimdesk show --json` prints it."""
    db = store.db
    head = require_report(db, report_id)
    revision = _revision_row(db, report_id, head[0])
    footnotes = []
    for row in db["footnotes"].rows_where("revision_id = ?", [revision["id"]], order_by="position"):
        footnotes.append(
            {
                "number": json.loads(row["number"]),
                "text": row["text"],
                "marker_offsets": json.loads(row["marker_offsets"]),
                "kind": row["kind"],
                "resolves_to": json.loads(row["resolves_to"]) if row["resolves_to"] is not None else None,
                "resolution_guess": bool(row["resolution_guess"]),
                "reference": json.loads(row["reference"]) if row["reference"] else None,
                "cites_report": row["cites_report"],
            }
        )
    # An ibid or op. cit. cites what its root cites.
    by_number = {note["number"]: note for note in footnotes}
    for note in footnotes:
        root = by_number.get(note["resolves_to"]) if note["resolves_to"] is not None else None
        if root is not None:
            note["cites_report"] = root["cites_report"]
    sentences = db.execute('SELECT start, "end" FROM sentences WHERE revision_id = ? ORDER BY ordinal', [revision["id"]]).fetchall()
    return {
        "id": report_id,
        "title": revision["title"],
        "authors": json.loads(revision["authors"]),
        "date": revision["date"],
        "format": revision["format"],
        "revision": revision["number"],
        "sha256": revision["sha256"],
        "text": revision["text"],
        "sections": [{k: s[k] for k in ("title", "start", "end", "level")} for s in json.loads(revision["sections"])],
        "footnotes": footnotes,
        "orphan_footnotes": [note["number"] for note in footnotes if not note["marker_offsets"]],
        "dangling_markers": [{"number": label, "offset": offset} for label, offset in json.loads(revision["dangling_markers"])],
        "sentences": [{"start": s, "end": e} for s, e in sentences],
        "pages": json.loads(revision["pages"]),
        "removed": json.loads(revision["removed"]),
        "warnings": json.loads(revision["warnings"]),
    }


def page_maps(db, report_ids: list[str] | None = None) -> dict[str, list[dict]]:
    """The current revision's page map of each report (only reports that have one)."""
    rows = db.execute(
        """SELECT r.id, v.pages FROM reports r JOIN revisions v ON v.report_id = r.id AND v.number = r.current_revision
           WHERE v.pages != '[]'"""
    ).fetchall()
    wanted = set(report_ids) if report_ids is not None else None
    return {rid: json.loads(pages) for rid, pages in rows if wanted is None or rid in wanted}
