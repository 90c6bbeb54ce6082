"""The claim register: everything an export needs, read from the store in bulk.

Every format is written from this one structure, so all formats agree, and the
store is read with a handful of queries whatever the number of claims (100,000
claims must export in seconds; per-claim lookups would take minutes).
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone

from claimdesk.sources.inert import inert_data
from claimdesk.store.claims import claim_fields, sort_labels
from claimdesk.store.db import Store
from claimdesk.store.reports import page_maps
from claimdesk.store.links import clusters as confirmed_clusters


@dataclass
class Filters:
    """Which claims go into the register."""

    statuses: tuple[str, ...] = ()
    reports: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    min_confidence: int | None = None

    def describe(self) -> dict:
        return {k: v for k, v in vars(self).items() if v not in ((), None)}


@dataclass
class Register:
    generated: str
    filters: dict
    reports: list[dict] = field(default_factory=list)
    """id, title, authors, date, format, revision, sha256, sections."""
    footnotes: dict[str, list[dict]] = field(default_factory=dict)
    """report id -> its footnotes: number, text, kind, resolves_to, resolution_guess, reference, cites_report."""
    claims: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    clusters: list[list[int]] = field(default_factory=list)
    """Claim ids joined by confirmed duplicate links (only claims in the register)."""
    conflicts: list[dict] = field(default_factory=list)
    changes: list[dict] = field(default_factory=list)
    _reports_by_id: dict = field(default_factory=dict, repr=False)
    _notes_by_label: dict = field(default_factory=dict, repr=False)

    def report(self, report_id: str) -> dict | None:
        if len(self._reports_by_id) != len(self.reports):
            self._reports_by_id = {r["id"]: r for r in self.reports}
        return self._reports_by_id.get(report_id)

    def footnote(self, report_id: str, number) -> dict | None:
        notes = self._notes_by_label.get(report_id)
        if notes is None or len(notes) != len(self.footnotes.get(report_id, [])):
            notes = self._notes_by_label[report_id] = {n["number"]: n for n in self.footnotes.get(report_id, [])}
        return notes.get(number)

    def root_footnote(self, report_id: str, number) -> dict | None:
        """The note holding the full reference (through Ibid. and op. cit.)."""
        note = self.footnote(report_id, number)
        if note and note["resolves_to"] is not None:
            return self.footnote(report_id, note["resolves_to"]) or note
        return note


def _rows(db, sql: str, params=()) -> list[dict]:
    cursor = db.execute(sql, params)
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def build_register(store: Store, filters: Filters | None = None, *, with_changes: bool = False) -> Register:
    filters = filters or Filters()
    db = store.db
    register = Register(generated=datetime.now(timezone.utc).isoformat(timespec="seconds"), filters=filters.describe())
    for row in _rows(
        db,
        """SELECT r.id, v.id AS revision_id, v.number AS revision, v.title, v.authors, v.date, v.format, v.sha256, v.sections, v.source_path
           FROM reports r JOIN revisions v ON v.report_id = r.id AND v.number = r.current_revision ORDER BY v.date, r.id""",
    ):
        row["authors"] = json.loads(row["authors"])
        row["sections"] = json.loads(row["sections"])
        register.reports.append(row)
    revision_of = {r["id"]: r["revision_id"] for r in register.reports}
    section_starts = {r["id"]: [section["start"] for section in r["sections"]] for r in register.reports}
    report_of_revision = {v: k for k, v in revision_of.items()}
    for row in _rows(db, "SELECT revision_id, number, text, kind, resolves_to, resolution_guess, reference, cites_report, marker_offsets FROM footnotes ORDER BY revision_id, position"):
        report_id = report_of_revision.get(row.pop("revision_id"))
        if report_id is None:
            continue
        row["number"] = json.loads(row["number"])
        row["resolves_to"] = json.loads(row["resolves_to"]) if row["resolves_to"] is not None else None
        row["reference"] = json.loads(row["reference"]) if row["reference"] else None
        row["resolution_guess"] = bool(row["resolution_guess"])
        row["marker_offsets"] = json.loads(row["marker_offsets"])
        register.footnotes.setdefault(report_id, []).append(row)
    _resolve_citing(register)

    citations: dict[int, list] = {}
    for claim_id, footnote in db.execute("SELECT claim_id, footnote FROM claim_citations ORDER BY claim_id").fetchall():
        citations.setdefault(claim_id, []).append(json.loads(footnote))
    tags: dict[int, list[dict]] = {}
    for claim_id, name, kind in db.execute(
        "SELECT ce.claim_id, e.name, e.type FROM claim_entities ce JOIN entities e ON e.id = ce.entity_id ORDER BY ce.claim_id, e.name"
    ).fetchall():
        tags.setdefault(claim_id, []).append({"name": name, "type": kind})
    where, params = ["removed = 0"], []
    if filters.statuses:
        where.append(f"status IN ({','.join('?' for _ in filters.statuses)})")
        params += list(filters.statuses)
    if filters.reports:
        where.append(f"report_id IN ({','.join('?' for _ in filters.reports)})")
        params += list(filters.reports)
    if filters.min_confidence is not None:
        where.append("confidence >= ?")
        params.append(filters.min_confidence)
    wanted_entities = {name.lower() for name in filters.entities}
    pages = page_maps(db)
    for claim in _rows(db, f"SELECT * FROM claims WHERE {' AND '.join(where)} ORDER BY report_id, start, id", params):
        entities = tags.get(claim["id"], [])
        if wanted_entities and not any(e["name"].lower() in wanted_entities for e in entities):
            continue
        labels = sort_labels(citations.get(claim["id"], []))
        cited = []
        for label in labels:
            root = register.root_footnote(claim["report_id"], label)
            if root and root.get("cites_report") and root["cites_report"] not in cited:
                cited.append(root["cites_report"])
        register.claims.append(
            {
                **claim_fields(claim, labels, cited, entities, pages.get(claim["report_id"])),
                "prefix": claim["prefix"],
                "suffix": claim["suffix"],
                "section": _section_of(register.report(claim["report_id"]), claim["start"], section_starts.get(claim["report_id"], [])),
            }
        )
    kept = {claim["id"] for claim in register.claims}
    claims_of: dict[str, list[int]] = {}
    for claim in register.claims:
        for tag in claim["entities"]:
            claims_of.setdefault(tag["name"], []).append(claim["id"])
    aliases: dict[int, list[str]] = {}
    for entity_id, alias in db.execute("SELECT entity_id, alias FROM entity_aliases ORDER BY alias").fetchall():
        aliases.setdefault(entity_id, []).append(alias)
    for entity in _rows(db, "SELECT id, name, type FROM entities WHERE merged_into IS NULL ORDER BY name COLLATE NOCASE"):
        entity["aliases"] = aliases.get(entity["id"], [])
        entity["claims"] = sorted(claims_of.get(entity["name"], []))
        if entity["claims"] or not wanted_entities:
            register.entities.append(entity)
    for link in _rows(db, "SELECT * FROM links ORDER BY id"):
        if link["claim_a"] in kept and link["claim_b"] in kept:
            link["differences"] = json.loads(link["differences"])
            register.links.append(link)
    register.clusters = [[c for c in group if c in kept] for group in confirmed_clusters(db)]
    register.clusters = [group for group in register.clusters if len(group) > 1]
    if with_changes:
        register.changes = _rows(db, "SELECT id, at, reviewer, action, action_id, target, target_id, before, after FROM changes ORDER BY id")
    register.conflicts = [link for link in register.links if link["kind"] == "conflict" and link["state"] != "rejected"]
    _make_inert(register)
    return register


def _make_inert(register: Register) -> None:
    """Every string of the register without escapes, controls, bidi or invisible
    characters (sources.inert), once for every format: notes and names are
    cleaned at input, but a store from before that, or written by another
    program, must not get one into an export either."""
    for part in (register.filters, register.reports, register.footnotes, register.claims, register.entities, register.links, register.changes):
        inert_data(part)  # in place: the lookups built on these dicts stay valid


def _resolve_citing(register: Register) -> None:
    """An Ibid. or op. cit. cites what its root cites."""
    for notes in register.footnotes.values():
        by_number = {note["number"]: note for note in notes}
        for note in notes:
            root = by_number.get(note["resolves_to"]) if note["resolves_to"] is not None else None
            if root is not None:
                note["cites_report"] = root["cites_report"]


def _section_of(report: dict | None, offset: int, starts: list[int]) -> str | None:
    if not report or not report["sections"]:
        return None
    index = bisect.bisect_right(starts, offset) - 1
    # The innermost section that contains the offset.
    for section in reversed(report["sections"][: index + 1]):
        if section["start"] <= offset < section["end"]:
            return section["title"]
    return None
