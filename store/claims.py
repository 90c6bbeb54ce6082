"""Claims in the store: created on a quote, tagged, rated, re-anchored, removed.

Every change goes through an Action, so it is one transaction with its change
log (whole rows before and after), which is what undo puts back. Each claim has
a version number; a change made against an old version is refused, so that two
people editing one claim cannot silently overwrite each other.
"""

from __future__ import annotations

import json

from claimdesk.claims.anchoring import context, find_quote
from claimdesk.claims.citations import citations_for_span
from claimdesk.sources.model import page_at
from claimdesk.store.db import Action, now
from claimdesk.store.entities import ensure_entity, mentioned_entities, require_entity, similar_entities
from claimdesk.store.errors import NotFoundError, no_such_report

NEEDS_REVIEW = "needs-review"
"""The status of a claim re-anchored onto words or figures nobody reviewed (store.reanchoring)."""
STATUSES = ("unreviewed", "verified", "disputed", "false", "unverifiable", NEEDS_REVIEW)
CONFIDENCE_LEVELS = {1: "doubtful", 2: "weak", 3: "plausible", 4: "solid", 5: "established"}


class ClaimError(ValueError):
    """A claim change that cannot be made as asked (bad value, stale version)."""


class StaleClaimError(ClaimError):
    """A change made against a version of the claim that is no longer current:
    someone else changed it meanwhile (claim_id says which, had_version the version the change was made on)."""

    def __init__(self, message: str, claim_id: int, had_version: int) -> None:
        super().__init__(message)
        self.claim_id = claim_id
        self.had_version = had_version


class StaleRevisionError(ClaimError):
    """A claim placed by offsets into a revision of the report that is no longer current."""


def parse_confidence(raw: str | int | None) -> int | None:
    """1-5, or a level's name ("solid"); None leaves it unset."""
    if raw is None:
        return None
    text = str(raw).strip().lower()
    for level, name in CONFIDENCE_LEVELS.items():
        if text == name:
            return level
    if not text.isdigit() or not 1 <= int(text) <= 5:
        names = ", ".join(f"{k} {v}" for k, v in CONFIDENCE_LEVELS.items())
        raise ClaimError(f"confidence must be 1-5 ({names}), not {raw!r}")
    return int(text)


def parse_footnote_label(raw: str | int) -> int | str:
    """A footnote label as typed ("3", " 3-2 "): a number where it is one, else the label."""
    text = str(raw).strip()
    return int(text) if text.isdigit() else text


def check_status(status: str) -> str:
    if status not in STATUSES:
        raise ClaimError(f"unknown status {status!r} (one of: {', '.join(STATUSES)})")
    return status


def _current_revision(db, report_id: str) -> tuple[int, int, str]:
    row = db.execute(
        "SELECT v.id, v.number, v.text FROM reports r JOIN revisions v ON v.report_id = r.id AND v.number = r.current_revision WHERE r.id = ?",
        [report_id],
    ).fetchone()
    if row is None:
        raise no_such_report(report_id)
    return row


def _markers_and_sentences(db, revision_id: int) -> tuple[list, list]:
    markers = []
    for number, offsets in db.execute("SELECT number, marker_offsets FROM footnotes WHERE revision_id = ?", [revision_id]).fetchall():
        markers.extend((json.loads(number), offset) for offset in json.loads(offsets))
    sentences = db.execute('SELECT start, "end" FROM sentences WHERE revision_id = ? ORDER BY ordinal', [revision_id]).fetchall()
    return markers, sentences


def add_claim(
    action: Action,
    report_id: str,
    quote: str,
    *,
    occurrence: int = 1,
    entities: list[tuple[str, str | None]] = (),
    confidence: int | None = None,
    status: str = "unreviewed",
    note: str = "",
    span: tuple[int, int] | None = None,
    expect_revision: int | None = None,
) -> int:
    """Create a claim on the occurrence-th appearance of quote (or on an exact span).

    With expect_revision (a reader's span), the span must be one of that
    revision, still the current one, and hold exactly quote: a view left stale
    by a re-import is refused, never applied to other text.
    """
    db = action.db
    revision_id, revision_number, text = _current_revision(db, report_id)
    if expect_revision is not None and revision_number != expect_revision:
        raise StaleRevisionError(
            f"{report_id} was re-imported (revision {revision_number}) after this view of revision {expect_revision}; nothing saved"
        )
    if expect_revision is not None and span is not None and text[span[0]:span[1]] != quote:
        raise StaleRevisionError(f"the words at {span[0]}-{span[1]} of {report_id} are not the ones selected; nothing saved")
    if span is not None:
        start, end = span
        if not (0 <= start < end <= len(text)):
            raise ClaimError(f"span {start}-{end} is outside the report's text (0-{len(text)})")
    else:
        start, end = find_quote(text, quote, occurrence)
    prefix, suffix = context(text, start, end)
    stamp = now()
    claim = action.insert(
        "claims",
        {
            "report_id": report_id,
            "revision": revision_number,
            "start": start,
            "end": end,
            "quote": text[start:end],
            "prefix": prefix,
            "suffix": suffix,
            "confidence": confidence,
            "status": check_status(status),
            "note": action.clean("note of the new claim", note),
            "reviewer": action.reviewer,
            "created": stamp,
            "updated": stamp,
        },
    )
    markers, sentences = _markers_and_sentences(db, revision_id)
    for label in citations_for_span(start, end, markers, sentences):
        action.insert("claim_citations", {"claim_id": claim["id"], "footnote": json.dumps(label), "origin": "auto"})
    for name, kind in entities:
        entity, _created = ensure_entity(action, name, kind)
        if not action.row("claim_entities", {"claim_id": claim["id"], "entity_id": entity["id"]}):
            action.insert("claim_entities", {"claim_id": claim["id"], "entity_id": entity["id"]})
    return claim["id"]


def claim_on_span(db, report_id: str, start: int, end: int) -> int | None:
    """The live claim of the report that holds exactly [start, end], if there is one
    (so that claiming the same words twice selects the claim instead of copying it)."""
    row = db.execute(
        'SELECT id FROM claims WHERE report_id = ? AND start = ? AND "end" = ? AND removed = 0 AND anchor != \'orphaned\' ORDER BY id LIMIT 1',
        [report_id, start, end],
    ).fetchone()
    return row[0] if row else None


def span_citations(db, report_id: str, start: int, end: int) -> list[int | str]:
    """The footnotes a claim on [start, end] would cite (the same rule as add_claim)."""
    revision_id, _number, _text = _current_revision(db, report_id)
    markers, sentences = _markers_and_sentences(db, revision_id)
    return citations_for_span(start, end, markers, sentences)


def require_claim(db, claim_id: int, *, include_removed: bool = False) -> dict:
    cursor = db.execute("SELECT * FROM claims WHERE id = ?", [claim_id])
    row = cursor.fetchone()
    if row is None or (row[[c[0] for c in cursor.description].index("removed")] and not include_removed):
        raise NotFoundError(f"no claim {claim_id} in the store (see `claimdesk claims`)")
    return dict(zip([c[0] for c in cursor.description], row))


def set_claim(
    action: Action,
    claim_id: int,
    *,
    confidence: int | None = None,
    clear_confidence: bool = False,
    status: str | None = None,
    note: str | None = None,
    add_entities: list[tuple[str, str | None]] = (),
    remove_entities: list[str] = (),
    citations: list[int | str] | None = None,
    attach: list[int | str] = (),
    detach: list[int | str] = (),
    expect_version: int | None = None,
) -> None:
    """Change what a person says about a claim; refuse if it changed meanwhile.

    confidence sets a level and clear_confidence takes it away (unrated);
    citations replaces the cited footnotes, attach and detach change one note
    at a time: an attached note must be a footnote of the report, a detached one
    must be cited by the claim. Removing an entity tag the claim does not carry
    is refused too, so that a typo is not reported as saved.
    """
    db = action.db
    claim = require_claim(db, claim_id)
    _check_version(claim, expect_version)
    if clear_confidence and confidence is not None:
        raise ClaimError("give a confidence or clear it, not both")
    values: dict = {}
    if confidence is not None:
        values["confidence"] = confidence
    if clear_confidence:
        values["confidence"] = None
    if status is not None:
        values["status"] = check_status(status)
    if note is not None:
        values["note"] = action.clean(f"note of claim {claim_id}", note)
    for name, kind in add_entities:
        entity, _created = ensure_entity(action, name, kind)
        if not action.row("claim_entities", {"claim_id": claim_id, "entity_id": entity["id"]}):
            action.insert("claim_entities", {"claim_id": claim_id, "entity_id": entity["id"]})
    for name in remove_entities:
        entity = require_entity(db, name)
        if action.delete("claim_entities", {"claim_id": claim_id, "entity_id": entity["id"]}) is None:
            raise ClaimError(f"claim {claim_id} is not tagged with {entity['name']!r}")
    if citations is not None:
        _set_citations(action, claim_id, citations)
    if attach or detach:
        _attach_and_detach(action, claim, attach, detach)
    if values or action.change_ids:
        values.update({"version": claim["version"] + 1, "updated": action.at, "reviewer": action.reviewer})
        action.update("claims", {"id": claim_id}, values)


def _check_version(claim: dict, expect_version: int | None) -> None:
    """Refuse a change made against a version of the claim that is no longer current."""
    if expect_version is not None and claim["version"] != expect_version:
        raise StaleClaimError(
            f"claim {claim['id']} was changed by {claim['reviewer']} at {claim['updated']} (version {claim['version']}, "
            f"you had {expect_version}); reload it and try again",
            claim["id"],
            expect_version,
        )


def _set_citations(action: Action, claim_id: int, labels: list[int | str]) -> None:
    wanted = [json.dumps(label) for label in labels]
    current = [row[0] for row in action.db.execute("SELECT footnote FROM claim_citations WHERE claim_id = ?", [claim_id]).fetchall()]
    for footnote in current:
        if footnote not in wanted:
            action.delete("claim_citations", {"claim_id": claim_id, "footnote": footnote})
    for footnote in wanted:
        if footnote not in current:
            action.insert("claim_citations", {"claim_id": claim_id, "footnote": footnote, "origin": "manual"})


def _attach_and_detach(action: Action, claim: dict, attach: list[int | str], detach: list[int | str]) -> None:
    revision_id, _number, _text = _current_revision(action.db, claim["report_id"])
    notes = {json.loads(row[0]) for row in action.db.execute("SELECT number FROM footnotes WHERE revision_id = ?", [revision_id]).fetchall()}
    for label in attach:
        if label not in notes:
            raise ClaimError(f"{claim['report_id']} has no footnote {label}")
        if not action.row("claim_citations", {"claim_id": claim["id"], "footnote": json.dumps(label)}):
            action.insert("claim_citations", {"claim_id": claim["id"], "footnote": json.dumps(label), "origin": "manual"})
    for label in detach:
        if action.delete("claim_citations", {"claim_id": claim["id"], "footnote": json.dumps(label)}) is None:
            raise ClaimError(f"claim {claim['id']} does not cite footnote {label}")


def remove_claim(action: Action, claim_id: int, *, expect_version: int | None = None) -> None:
    """A recorded, undoable removal: the claim is hidden, never deleted."""
    claim = require_claim(action.db, claim_id)
    _check_version(claim, expect_version)
    action.update("claims", {"id": claim_id}, {"removed": 1, "version": claim["version"] + 1, "updated": action.at, "reviewer": action.reviewer})


def claim_document(db, claim_id: int, *, include_removed: bool = False) -> dict:
    """The claim object of the command-line contract, plus a few helpful fields."""
    claim = require_claim(db, claim_id, include_removed=include_removed)
    citations = [json.loads(r[0]) for r in db.execute("SELECT footnote FROM claim_citations WHERE claim_id = ?", [claim_id]).fetchall()]
    citations = sort_labels(citations)
    entities = [
        {"name": r[0], "type": r[1]}
        for r in db.execute(
            "SELECT e.name, e.type FROM claim_entities ce JOIN entities e ON e.id = ce.entity_id WHERE ce.claim_id = ? ORDER BY e.name",
            [claim_id],
        ).fetchall()
    ]
    linked = {e["name"].lower() for e in entities}
    return {
        **claim_fields(claim, citations, cited_reports(db, claim["report_id"], citations), entities, report_pages(db, claim["report_id"])),
        "anchor_method": claim["anchor_method"],
        "anchor_record": json.loads(claim["anchor_record"]) if claim.get("anchor_record") else None,
        "revision": claim["revision"],
        "removed": bool(claim["removed"]),
        "suggested_entities": [e for e in mentioned_entities(db, claim["quote"]) if e["name"].lower() not in linked],
    }


def claim_fields(row: dict, citations: list, cited: list[str], entities: list[dict], pages: list[dict] | None = None) -> dict:
    """The claim object of the contract from a claims row; shared with the exports.

    pages is the report's page map: the claim's "page" is where it starts, or
    None when the source marks no pages.
    """
    return {
        "id": row["id"],
        "report": row["report_id"],
        "start": row["start"],
        "end": row["end"],
        "page": page_at(pages or [], row["start"]),
        "quote": row["quote"],
        "citations": citations,
        "cited_reports": cited,
        "entities": entities,
        "confidence": row["confidence"],
        "confidence_label": CONFIDENCE_LEVELS.get(row["confidence"]),
        "status": row["status"],
        "note": row["note"],
        "reviewer": row["reviewer"],
        "created": row["created"],
        "updated": row["updated"],
        "version": row["version"],
        "anchor": row["anchor"],
    }


def report_pages(db, report_id: str) -> list[dict]:
    """The page map of the report's current revision ([] when it marks no pages)."""
    row = db.execute(
        "SELECT v.pages FROM revisions v JOIN reports r ON r.id = v.report_id AND v.number = r.current_revision WHERE r.id = ?",
        [report_id],
    ).fetchone()
    return json.loads(row[0]) if row else []


def sort_labels(labels: list) -> list:
    """Footnote labels in document order: numbers first, by value, then named ones."""
    return sorted(labels, key=lambda label: (isinstance(label, str), label if isinstance(label, int) else 0, str(label)))


def cited_reports(db, report_id: str, citations: list) -> list[str]:
    """Corpus reports the cited footnotes point to, through Ibid. and op. cit."""
    if not citations:
        return []
    rows = db.execute(
        """SELECT f.number, f.resolves_to, f.cites_report FROM footnotes f
           JOIN revisions v ON v.id = f.revision_id JOIN reports r ON r.id = v.report_id AND r.current_revision = v.number
           WHERE r.id = ?""",
        [report_id],
    ).fetchall()
    by_number = {json.loads(n): (json.loads(res) if res else None, cites) for n, res, cites in rows}
    found: list[str] = []
    for label in citations:
        resolves_to, cites = by_number.get(label, (None, None))
        if resolves_to is not None and resolves_to in by_number:
            cites = by_number[resolves_to][1]
        if cites and cites not in found:
            found.append(cites)
    return found


def list_claims(db, report_id: str | None = None, *, include_removed: bool = False) -> list[dict]:
    where, params = [], []
    if report_id is not None:
        where.append("report_id = ?")
        params.append(report_id)
    if not include_removed:
        where.append("removed = 0")
    sql = "SELECT id FROM claims" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY report_id, start, id"
    return [claim_document(db, row[0], include_removed=include_removed) for row in db.execute(sql, params).fetchall()]


def entity_suggestions_for(db, names: list[tuple[str, str | None]]) -> list[dict]:
    """For names that were new to the registry: the existing entities they resemble,
    by one typo ("Perv" for "Peru", which the fuzzy score misses) or fuzzily."""
    return [
        {"name": name, "suggestion": entity["name"], "score": entity["score"]}
        for name, _kind in names
        for entity in similar_entities(db, name, limit=3)
    ]
