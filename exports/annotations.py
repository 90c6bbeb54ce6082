"""W3C Web Annotation (JSON-LD), out and back in.

Each claim is an Annotation with motivation "assessing" whose target is the
quoted passage of a report, selected twice, as the Web Annotation model and
Hypothesis do: a TextQuoteSelector (exact, prefix, suffix) and a
TextPositionSelector (start, end, in Unicode code points, which are Python str
indices). The verdict, note, entities and cited footnotes are bodies, told
apart by their ``purpose`` (assessing, commenting, tagging, linking). What the
standard vocabulary has no term for (confidence, entity type, footnote label,
the report's revision and sha256) sits under the ``claimdesk:`` prefix that the
document's @context maps to ``urn:claimdesk:vocab#``, so the file stays valid
JSON-LD and other tools can ignore it.

``import_annotations`` reads such a file back into a store that holds the same
reports, in ONE action, so a bad file changes nothing and the import can be
undone as a whole. An annotation whose claim already exists (same report,
start, end and quote) is left alone, so importing twice is a no-op.
"""

from __future__ import annotations

import json
from pathlib import Path

from claimdesk.claims.anchoring import reanchor
from claimdesk.exports import register_format
from claimdesk.exports.atomic import write_text_atomic
from claimdesk.exports.register import Register
from claimdesk.sources.errors import SourceError
from claimdesk.sources.inert import clean_input, json_for_embedding
from claimdesk.sources.safe_open import read_regular_file
from claimdesk.store.claims import STATUSES, add_claim, parse_confidence, set_claim
from claimdesk.store.db import Store
from claimdesk.store.entities import ENTITY_TYPES

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT = [ANNO_CONTEXT, {"claimdesk": "urn:claimdesk:vocab#"}]
REPORT_URN = "urn:claimdesk:report:"
# Anchoring methods trusted on import: the same text, maybe moved, maybe with
# other quote marks or white space. A fuzzy match would put a different quote
# in the store under the reviewer's verdict, so it is refused.
TRUSTED_METHODS = ("position", "quote", "forgiving")


# Export ------------------------------------------------------------------------

def _citation_body(register: Register, report_id: str, label) -> dict:
    """A cited footnote: its label and, through Ibid. and op. cit., the full reference."""
    note = register.footnote(report_id, label)
    root = register.root_footnote(report_id, label)
    text = f"note {label}"
    if note and root and root is not note:
        text += f" ({note['text']}, see note {root['number']}): {root['text']}"
    elif note:
        text += f": {note['text']}"
    body = {"type": "TextualBody", "purpose": "linking", "value": text, "format": "text/plain", "claimdesk:footnote": label}
    if root and root.get("cites_report"):
        body["claimdesk:citedReport"] = f"{REPORT_URN}{root['cites_report']}"
    return body


def annotation(register: Register, claim: dict) -> dict:
    report = register.report(claim["report"]) or {}
    assessment = {"type": "TextualBody", "purpose": "assessing", "value": claim["status"], "format": "text/plain"}
    if claim["confidence"] is not None:
        assessment["claimdesk:confidence"] = claim["confidence"]
        assessment["claimdesk:confidenceLabel"] = claim["confidence_label"]
    bodies = [assessment]
    if claim["note"]:
        bodies.append({"type": "TextualBody", "purpose": "commenting", "value": claim["note"], "format": "text/plain"})
    for entity in claim["entities"]:
        bodies.append({"type": "TextualBody", "purpose": "tagging", "value": entity["name"], "claimdesk:entityType": entity["type"]})
    bodies += [_citation_body(register, claim["report"], label) for label in claim["citations"]]
    source = {"source": f"{REPORT_URN}{claim['report']}"}
    if report:
        # So that an import can tell whether it anchors on the very same text.
        source.update({"claimdesk:revision": report.get("revision"), "claimdesk:sha256": report.get("sha256")})
    return {
        "id": f"urn:claimdesk:claim:{claim['id']}",
        "type": "Annotation",
        "motivation": "assessing",
        "created": claim["created"],
        "modified": claim["updated"],
        "creator": {"type": "Person", "name": claim["reviewer"]},
        "body": bodies,
        "target": {
            **source,
            "selector": [
                {"type": "TextQuoteSelector", "exact": claim["quote"], "prefix": claim["prefix"], "suffix": claim["suffix"]},
                {"type": "TextPositionSelector", "start": claim["start"], "end": claim["end"]},
            ],
        },
    }


def annotation_collection(register: Register) -> dict:
    items = [annotation(register, claim) for claim in register.claims]
    return {
        "@context": CONTEXT,
        "id": "urn:claimdesk:annotations",
        "type": "AnnotationCollection",
        "label": "claimdesk claim register",
        "generated": register.generated,
        "total": len(items),
        # One embedded page: readers need not fetch anything, and import reads one file.
        "first": {"id": "urn:claimdesk:annotations:page-1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


@register_format("annotations")
def write_annotations(register: Register, path) -> None:
    write_text_atomic(path, json_for_embedding(annotation_collection(register)) + "\n")


# Import ------------------------------------------------------------------------

def _types(node: dict) -> list:
    kind = node.get("type", node.get("@type"))
    return kind if isinstance(kind, list) else [kind]


def _annotations_of(document, where: str) -> list:
    """The Annotations of a collection (embedded pages), a page, a list, or one Annotation."""
    if isinstance(document, list):
        items = document
    elif isinstance(document, dict) and "AnnotationCollection" in _types(document):
        page, items = document.get("first"), []
        while page is not None:
            if not isinstance(page, dict):
                raise ValueError(f"{where}: the collection's pages must be embedded, not links ({page!r})")
            items += page.get("items") or []
            page = page.get("next") if isinstance(page.get("next"), dict) else None
    elif isinstance(document, dict) and "AnnotationPage" in _types(document):
        items = document.get("items") or []
    elif isinstance(document, dict) and "Annotation" in _types(document):
        items = [document]
    else:
        raise ValueError(f"{where}: not a Web Annotation file (expected an AnnotationCollection or a list of Annotations)")
    for index, item in enumerate(items, 1):
        if not isinstance(item, dict) or "Annotation" not in _types(item):
            raise ValueError(f"{where}: item {index} is not an Annotation")
    return items


def _selector(target: dict, kind: str) -> dict | None:
    selectors = target.get("selector") or []
    selectors = selectors if isinstance(selectors, list) else [selectors]
    return next((s for s in selectors if isinstance(s, dict) and s.get("type") == kind), None)


def _read(item: dict, label: str) -> dict:
    """What the store needs from one Annotation, checked; ValueError names the item."""
    target = item.get("target")
    target = target[0] if isinstance(target, list) and target else target
    if not isinstance(target, dict) or not isinstance(target.get("source"), str):
        raise ValueError(f"{label}: no target source")
    if not target["source"].startswith(REPORT_URN):
        raise ValueError(f"{label}: target {target['source']!r} is not a claimdesk report ({REPORT_URN}…)")
    quote = _selector(target, "TextQuoteSelector")
    if not quote or not isinstance(quote.get("exact"), str) or not quote["exact"].strip():
        raise ValueError(f"{label}: no TextQuoteSelector with an exact quote")
    position = _selector(target, "TextPositionSelector") or {}
    bodies = item.get("body") or []
    bodies = [b for b in (bodies if isinstance(bodies, list) else [bodies]) if isinstance(b, dict)]
    status, confidence, note, entities, citations = "unreviewed", None, "", [], []
    for body in bodies:
        purpose = body.get("purpose")
        if purpose == "assessing":
            status = body.get("value") or "unreviewed"
            confidence = body.get("claimdesk:confidence")
        elif purpose == "commenting":
            note = body.get("value") or ""
        elif purpose == "tagging" and body.get("value"):
            kind = body.get("claimdesk:entityType")
            if kind is not None and kind not in ENTITY_TYPES:
                raise ValueError(f"{label}: unknown entity type {kind!r} (one of: {', '.join(ENTITY_TYPES)})")
            entities.append((body["value"], kind))
        elif "claimdesk:footnote" in body:
            citations.append(body["claimdesk:footnote"])
    if status not in STATUSES:
        raise ValueError(f"{label}: unknown status {status!r} (one of: {', '.join(STATUSES)})")
    try:
        confidence = parse_confidence(confidence)
    except ValueError as exc:
        raise ValueError(f"{label}: {exc}") from None
    start = position.get("start")
    return {
        "report": target["source"][len(REPORT_URN):],
        "exact": quote["exact"],
        "prefix": quote.get("prefix") or "",
        "suffix": quote.get("suffix") or "",
        "start": start if isinstance(start, int) and start >= 0 else None,
        "status": status,
        "confidence": confidence,
        "note": note,
        "entities": entities,
        "citations": citations,
    }


def _report_text(db, report_id: str) -> str | None:
    row = db.execute(
        "SELECT v.text FROM reports r JOIN revisions v ON v.report_id = r.id AND v.number = r.current_revision WHERE r.id = ?",
        [report_id],
    ).fetchone()
    return row[0] if row else None


def _anchor(text: str, wanted: dict, label: str) -> tuple[int, int]:
    """The position if the text there is the quote, else the quote found near it."""
    start = wanted["start"] if wanted["start"] is not None else 0
    found = reanchor(text, wanted["exact"], wanted["prefix"], wanted["suffix"], start)
    if found.status == "orphaned" or found.method not in TRUSTED_METHODS:
        raise ValueError(f"{label}: quote not found in report {wanted['report']!r}: {wanted['exact'][:60]!r}")
    return found.start, found.end


def _clean_bodies(claim: dict, label: str, warnings: list[str]) -> None:
    """The note and entity names of an annotation as they may be stored (sources.inert), said."""
    cleaned = clean_input(claim["note"])
    if cleaned.removed:
        warnings.append(cleaned.describe(f"{label}: note"))
    claim["note"] = cleaned.text
    entities = []
    for name, kind in claim["entities"]:
        cleaned = clean_input(name)
        if cleaned.removed:
            warnings.append(cleaned.describe(f"{label}: entity name"))
        entities.append((cleaned.text, kind))
    claim["entities"] = entities


def import_annotations(store: Store, path, reviewer: str | None, *, max_bytes: int | None = None) -> dict:
    """Create the claims of a Web Annotation file; {"created": n, "unchanged": m}, with
    "warnings": [...] when something of the file was cleaned.

    The file is read only if it is a regular file within the size cap
    (sources.safe_open); notes and entity names are stored without control,
    escape, bidi or invisible characters, each removal listed in "warnings".
    """
    path = Path(path)
    try:
        document = json.loads(read_regular_file(path, max_bytes=max_bytes).decode("utf-8"))
    except SourceError as exc:
        raise ValueError(str(exc)) from None
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: cannot read the file ({exc})") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    items = _annotations_of(document, str(path))
    # Read and check everything before the action, so a bad file opens no transaction.
    wanted = [_read(item, f"{path}: annotation {n} ({item.get('id', 'no id')})") for n, item in enumerate(items, 1)]
    warnings: list[str] = []
    for n, (item, claim) in enumerate(zip(items, wanted), 1):
        _clean_bodies(claim, f"annotation {n} ({item.get('id', 'no id')})", warnings)
    counts = {"created": 0, "unchanged": 0}
    with store.action("import annotations", reviewer) as action:
        texts: dict[str, str | None] = {}
        for n, (item, claim) in enumerate(zip(items, wanted), 1):
            label = f"{path}: annotation {n} ({item.get('id', 'no id')})"
            if claim["report"] not in texts:
                texts[claim["report"]] = _report_text(action.db, claim["report"])
            text = texts[claim["report"]]
            if text is None:
                raise ValueError(f"{label}: report {claim['report']!r} is not in the store (import the report first)")
            start, end = _anchor(text, claim, label)
            existing = action.db.execute(
                'SELECT 1 FROM claims WHERE report_id = ? AND start = ? AND "end" = ? AND quote = ? AND removed = 0',
                [claim["report"], start, end, text[start:end]],
            ).fetchone()
            if existing:
                counts["unchanged"] += 1
                continue
            claim_id = add_claim(
                action, claim["report"], text[start:end], span=(start, end), entities=claim["entities"],
                confidence=claim["confidence"], status=claim["status"], note=claim["note"],
            )
            # The file's citations win over the ones found automatically from the markers.
            rows = action.db.execute("SELECT footnote FROM claim_citations WHERE claim_id = ?", [claim_id]).fetchall()
            if sorted(row[0] for row in rows) != sorted(json.dumps(cited) for cited in claim["citations"]):
                set_claim(action, claim_id, citations=claim["citations"])
            counts["created"] += 1
    return {**counts, "warnings": warnings} if warnings else counts
