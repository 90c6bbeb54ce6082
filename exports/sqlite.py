"""The register as a SQLite database that newsrooms query and Datasette serves.

Normalised tables (reports, footnotes, claims, entities, claim_entities,
claim_citations, links, clusters, conflicts, changes) with foreign keys and
indexes, FTS5 over claims and notes, and a `claim_register` view with one
readable row per claim. A `<file>.metadata.json` beside it gives Datasette
titles and descriptions. Rows go in with executemany: sqlite-utils creates the
schema, but its per-value inspection would cost seconds at 100,000 claims.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import sqlite_utils

from claimdesk.exports import register_format
from claimdesk.exports.atomic import atomic_path, write_text_atomic
from claimdesk.exports.register import Register
from claimdesk.sources.inert import json_for_embedding

SCHEMA = {
    "reports": ({"id": str, "title": str, "authors": str, "date": str, "format": str, "revision": int, "sha256": str}, "id", {}),
    "footnotes": (
        {"id": str, "report_id": str, "number": str, "text": str, "kind": str, "resolves_to": str, "authors": str,
         "title": str, "container": str, "year": str, "url": str, "locator": str, "cites_report": str},
        "id",
        {"report_id": "reports", "cites_report": "reports"},
    ),
    "claims": (
        {"id": int, "report_id": str, "section": str, "start": int, "end": int, "quote": str, "prefix": str, "suffix": str,
         "confidence": int, "confidence_label": str, "status": str, "note": str, "reviewer": str, "created": str,
         "updated": str, "version": int, "anchor": str, "cluster_id": int},
        "id",
        {"report_id": "reports"},
    ),
    "entities": ({"id": int, "name": str, "type": str, "aliases": str}, "id", {}),
    "claim_entities": ({"claim_id": int, "entity_id": int}, ("claim_id", "entity_id"), {"claim_id": "claims", "entity_id": "entities"}),
    "claim_citations": ({"claim_id": int, "footnote_id": str, "number": str}, ("claim_id", "footnote_id"), {"claim_id": "claims", "footnote_id": "footnotes"}),
    "clusters": ({"id": int, "size": int, "first_report": str}, "id", {}),
    "links": (
        {"id": int, "claim_a": int, "claim_b": int, "kind": str, "state": str, "scorer": str, "score": float,
         "threshold": float, "differences": str, "created_by": str, "created": str, "decided_by": str, "decided": str},
        "id",
        {"claim_a": "claims", "claim_b": "claims"},
    ),
    "conflicts": (
        {"id": int, "link_id": int, "claim_a": int, "claim_b": int, "differences": str, "state": str, "kept_claim": int,
         "resolution_note": str, "resolved_by": str, "resolved": str},
        "id",
        {"link_id": "links", "claim_a": "claims", "claim_b": "claims", "kept_claim": "claims"},
    ),
    "changes": ({"id": int, "at": str, "reviewer": str, "action": str, "action_id": int, "target": str, "target_id": str, "before": str, "after": str}, "id", {}),
}

CLAIM_REGISTER_VIEW = """
CREATE VIEW claim_register AS
SELECT c.id AS claim, c.status, c.confidence, c.confidence_label, c.quote, r.title AS report, r.date AS report_date,
       c.section, c.note, c.reviewer, c.updated,
       (SELECT group_concat(e.name, '; ') FROM claim_entities ce JOIN entities e ON e.id = ce.entity_id WHERE ce.claim_id = c.id) AS entities,
       (SELECT group_concat(f.number, ', ') FROM claim_citations cc JOIN footnotes f ON f.id = cc.footnote_id WHERE cc.claim_id = c.id) AS notes,
       (SELECT group_concat(DISTINCT f.cites_report) FROM claim_citations cc JOIN footnotes f ON f.id = cc.footnote_id WHERE cc.claim_id = c.id) AS cited_reports,
       c.cluster_id AS cluster
FROM claims c JOIN reports r ON r.id = c.report_id
"""


def _footnote_id(report_id: str, number) -> str:
    return f"{report_id}#{number}"


def _rows(register: Register) -> dict[str, list[tuple]]:
    cluster_of = {claim: group[0] for group in register.clusters for claim in group}
    tables: dict[str, list[tuple]] = {name: [] for name in SCHEMA}
    for report in register.reports:
        tables["reports"].append((report["id"], report["title"], "; ".join(report["authors"]), report["date"], report["format"], report["revision"], report["sha256"]))
    for report_id, notes in register.footnotes.items():
        by_number = {note["number"]: note for note in notes}
        for note in notes:
            root = by_number.get(note["resolves_to"], note) if note["resolves_to"] is not None else note
            reference = root.get("reference") or {}
            tables["footnotes"].append((
                _footnote_id(report_id, note["number"]), report_id, str(note["number"]), note["text"], note["kind"],
                str(note["resolves_to"]) if note["resolves_to"] is not None else None, "; ".join(reference.get("authors") or []),
                reference.get("title"), reference.get("container"), reference.get("year"), reference.get("url"),
                (note.get("reference") or {}).get("locator"), note.get("cites_report"),
            ))
    known_notes = {row[0] for row in tables["footnotes"]}
    for claim in register.claims:
        tables["claims"].append((
            claim["id"], claim["report"], claim["section"], claim["start"], claim["end"], claim["quote"], claim["prefix"], claim["suffix"],
            claim["confidence"], claim["confidence_label"], claim["status"], claim["note"], claim["reviewer"], claim["created"],
            claim["updated"], claim["version"], claim["anchor"], cluster_of.get(claim["id"]),
        ))
        for label in claim["citations"]:
            footnote_id = _footnote_id(claim["report"], label)
            if footnote_id in known_notes:
                tables["claim_citations"].append((claim["id"], footnote_id, str(label)))
    entity_ids = {entity["name"]: entity["id"] for entity in register.entities}
    for entity in register.entities:
        tables["entities"].append((entity["id"], entity["name"], entity["type"], "; ".join(entity["aliases"])))
    for claim in register.claims:
        for tag in claim["entities"]:
            if tag["name"] in entity_ids:
                tables["claim_entities"].append((claim["id"], entity_ids[tag["name"]]))
    report_of = {claim["id"]: claim["report"] for claim in register.claims}
    dates = {report["id"]: report["date"] or "" for report in register.reports}
    for group in register.clusters:
        first = min((report_of[c] for c in group), key=lambda r: (dates.get(r, ""), r))
        tables["clusters"].append((group[0], len(group), first))
    for link in register.links:
        tables["links"].append((
            link["id"], link["claim_a"], link["claim_b"], link["kind"], link["state"], link["scorer"], link["score"], link["threshold"],
            json.dumps(link["differences"], ensure_ascii=False), link["created_by"], link["created"], link["decided_by"], link["decided"],
        ))
    for number, conflict in enumerate(register.conflicts, 1):
        tables["conflicts"].append((
            number, conflict["id"], conflict["claim_a"], conflict["claim_b"], json.dumps(conflict["differences"], ensure_ascii=False),
            "resolved" if conflict["kept_claim"] else "open", conflict["kept_claim"], conflict["resolution_note"], conflict["resolved_by"], conflict["resolved"],
        ))
    for change in register.changes:
        tables["changes"].append(tuple(change[column] for column in SCHEMA["changes"][0]))
    return tables


def write_database(register: Register, path: Path) -> None:
    conn = sqlite3.connect(path)
    db = sqlite_utils.Database(conn)
    for name, (columns, pk, foreign) in SCHEMA.items():
        db[name].create(columns, pk=pk, foreign_keys=[(column, table) for column, table in foreign.items()], not_null=set())
    tables = _rows(register)
    with conn:
        for name, rows in tables.items():
            columns = list(SCHEMA[name][0])
            placeholders = ", ".join("?" for _ in columns)
            quoted = ", ".join(f'"{c}"' for c in columns)
            conn.executemany(f'INSERT INTO "{name}" ({quoted}) VALUES ({placeholders})', rows)
    for table, columns in {
        "footnotes": ["report_id"], "claims": ["report_id"], "claim_entities": ["entity_id"], "claim_citations": ["footnote_id"],
        "links": ["claim_a"], "conflicts": ["link_id"],
    }.items():
        for column in columns:
            db[table].create_index([column], if_not_exists=True)
    db["claims"].create_index(["status"], if_not_exists=True)
    db["claims"].enable_fts(["quote", "note"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")
    conn.execute(CLAIM_REGISTER_VIEW)
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


def datasette_metadata(register: Register, database_name: str) -> dict:
    return {
        "title": "Claim register",
        "description": f"Claims annotated with claimdesk, exported {register.generated}." + (f" Filters: {register.filters}." if register.filters else ""),
        "databases": {
            database_name: {
                "tables": {
                    "claims": {"title": "Claims", "description": "One row per claim: the quote as it stands in its report, with status, confidence (1 doubtful … 5 established), note and reviewer.", "sort_desc": "updated"},
                    "reports": {"title": "Reports", "description": "The reports the claims come from (current revision, SHA-256 of the imported bytes)."},
                    "footnotes": {"title": "Footnotes", "description": "Every footnote, with the reference it resolves to (through Ibid. and op. cit.) and the corpus report it cites."},
                    "entities": {"title": "Entities", "description": "People, organisations, places and events tagged on claims, with their aliases."},
                    "claim_entities": {"title": "Claim–entity tags"},
                    "claim_citations": {"title": "Claim citations", "description": "The footnotes each claim cites."},
                    "links": {"title": "Links", "description": "Duplicate, conflict and related links between claims: suggested, confirmed or rejected, with scorer, score and threshold."},
                    "clusters": {"title": "Clusters", "description": "Claims joined by confirmed duplicate links; first_report is the earliest report stating it."},
                    "conflicts": {"title": "Conflicts", "description": "Claims stating the same fact with different values, and how each was resolved."},
                    "changes": {"title": "Change log", "description": "Every change: who, when, what, before and after (JSON)."},
                },
                "queries": {
                    "open_conflicts": {"title": "Open conflicts", "sql": "select * from conflicts where state = 'open'"},
                },
            }
        },
    }


@register_format("sqlite")
def write_sqlite(register: Register, path) -> None:
    path = Path(path)
    with atomic_path(path) as temporary:
        temporary.unlink()  # sqlite3 creates it
        write_database(register, temporary)
    write_text_atomic(metadata_path(path), json_for_embedding(datasette_metadata(register, path.stem)))


def metadata_path(path: Path) -> Path:
    """Datasette's metadata, beside the database: FILE.metadata.json."""
    return path.with_name(path.name + ".metadata.json")
