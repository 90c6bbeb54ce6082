"""After a new revision of a report: every claim found again, flagged, or orphaned.

What claims.anchoring finds is applied here, in the import's action, so that the
change log keeps each claim's row before and after. A claim found exactly (its
words, its figures and its context unchanged) keeps its verdict. Any other claim
that was found has lost its verdict's authority: the words now under it are not
the ones a person checked. Its status becomes 'needs-review', and its anchor
record keeps the method, the figures that changed, the quote before, and the
verdict and quote that were reviewed, so nothing is lost and the two can be
shown side by side. An orphan keeps its old quote and place and its status: its
verdict is still about the words it quotes, which are no longer in the report.
"""

from __future__ import annotations

import json

from claimdesk.claims.anchoring import Anchor, context, reanchor
from claimdesk.claims.citations import citations_for_span
from claimdesk.store.claims import NEEDS_REVIEW, _markers_and_sentences, require_claim
from claimdesk.store.db import Action


def anchors_ahead(db, report_id: str, text: str) -> dict[tuple, Anchor]:
    """Every claim's anchor on a new text, found before the import's transaction.

    Finding anchors is the slow part of a re-import (tens of milliseconds a
    claim on a 10 MB report); done here, with no lock held, the transaction only
    writes what was found. Keyed by everything the anchor depends on, so a claim
    changed in between is simply found again inside the transaction.
    """
    found, old_texts = {}, {}
    for (claim_id,) in db.execute("SELECT id FROM claims WHERE report_id = ? ORDER BY id", [report_id]).fetchall():
        claim = require_claim(db, claim_id, include_removed=True)
        if claim["revision"] not in old_texts:
            old_texts[claim["revision"]] = _revision_text(db, report_id, claim["revision"])
        found[_anchor_key(claim)] = reanchor(text, claim["quote"], claim["prefix"], claim["suffix"], claim["start"], old_texts[claim["revision"]])
    return found


def _anchor_key(claim: dict) -> tuple:
    return (claim["id"], claim["revision"], claim["start"], claim["quote"], claim["prefix"], claim["suffix"])


def reanchor_claims(action: Action, report_id: str, revision_id: int, revision_number: int, text: str,
                    ahead: dict[tuple, Anchor] | None = None) -> list[dict]:
    """Re-anchor every claim of the report on the new revision's text; one result per claim.

    ahead: anchors found before the transaction (anchors_ahead) for this text.
    """
    db = action.db
    markers, sentences = _markers_and_sentences(db, revision_id)
    old_texts: dict[int, str | None] = {}
    results = []
    for (claim_id,) in db.execute("SELECT id FROM claims WHERE report_id = ? ORDER BY id", [report_id]).fetchall():
        claim = require_claim(db, claim_id, include_removed=True)
        anchor = (ahead or {}).get(_anchor_key(claim))
        if anchor is None:
            if claim["revision"] not in old_texts:
                old_texts[claim["revision"]] = _revision_text(db, report_id, claim["revision"])
            anchor = reanchor(text, claim["quote"], claim["prefix"], claim["suffix"], claim["start"], old_texts[claim["revision"]])
        record = anchor_record(claim, anchor, revision_number)
        values = {"anchor": anchor.status, "anchor_method": anchor.method, "anchor_record": json.dumps(record, ensure_ascii=False)}
        if anchor.status != "orphaned":
            # An orphan keeps the revision its offsets and quote belong to.
            prefix, suffix = context(text, anchor.start, anchor.end)
            values.update({"revision": revision_number, "start": anchor.start, "end": anchor.end,
                           "quote": text[anchor.start:anchor.end], "prefix": prefix, "suffix": suffix})
        if anchor.needs_review and claim["status"] != NEEDS_REVIEW:
            values["status"] = NEEDS_REVIEW
        if any(values.get(key, claim[key]) != claim[key] for key in ("start", "end", "quote", "status")):
            # Someone editing the claim as it was must reload it: its words or its status changed.
            values.update({"version": claim["version"] + 1, "updated": action.at})
        action.update("claims", {"id": claim_id}, values)
        if anchor.status != "orphaned":
            _recite(action, claim_id, anchor, markers, sentences)
        results.append(
            {
                "claim": claim_id,
                "anchor": anchor.status,
                "method": anchor.method,
                "exact": anchor.exact,
                "needs_review": anchor.needs_review,
                "figures": anchor.figures,
                "status": values.get("status", claim["status"]),
                "previous_status": claim["status"],
                "reviewed": record.get("reviewed"),
                "quote": values.get("quote", claim["quote"]),
                "previous_quote": claim["quote"],
                "removed": bool(claim["removed"]),
            }
        )
    return results


def _revision_text(db, report_id: str, number: int) -> str | None:
    row = db.execute("SELECT text FROM revisions WHERE report_id = ? AND number = ?", [report_id, number]).fetchone()
    return row[0] if row else None


def anchor_record(claim: dict, anchor: Anchor, revision_number: int) -> dict:
    """What this re-anchoring did, and (while review is pending) what had been reviewed."""
    record = {
        "revision": revision_number,
        "from_revision": claim["revision"],
        "anchor": anchor.status,
        "method": anchor.method,
        "exact": anchor.exact,
        "figures": anchor.figures,
        "quote_before": claim["quote"],
        "context": list(anchor.context) if anchor.context else None,
        "refused": anchor.refused,
    }
    earlier = json.loads(claim["anchor_record"]) if claim.get("anchor_record") else {}
    if claim["status"] == NEEDS_REVIEW and earlier.get("reviewed"):
        # Still waiting for review since an earlier revision: what was reviewed stays that.
        record["reviewed"] = earlier["reviewed"]
    elif anchor.needs_review and claim["status"] != NEEDS_REVIEW:
        record["reviewed"] = {"status": claim["status"], "quote": claim["quote"], "confidence": claim["confidence"],
                              "note": claim["note"], "revision": claim["revision"]}
    return record


def _recite(action: Action, claim_id: int, anchor: Anchor, markers: list, sentences: list) -> None:
    """The automatic citations follow the claim to its new place; manual ones stay."""
    db = action.db
    auto = [row[0] for row in db.execute("SELECT footnote FROM claim_citations WHERE claim_id = ? AND origin = 'auto'", [claim_id]).fetchall()]
    for footnote in auto:
        action.delete("claim_citations", {"claim_id": claim_id, "footnote": footnote})
    for label in citations_for_span(anchor.start, anchor.end, markers, sentences):
        if not action.row("claim_citations", {"claim_id": claim_id, "footnote": json.dumps(label)}):
            action.insert("claim_citations", {"claim_id": claim_id, "footnote": json.dumps(label), "origin": "auto"})


def summarise(results: list[dict]) -> dict:
    """Counts of what a re-import did to the claims: the numbers the import prints."""
    live = [r for r in results if not r["removed"]]
    return {
        "exact": sum(1 for r in live if r["exact"]),
        "needs_review": sum(1 for r in live if r["needs_review"]),
        "orphaned": sum(1 for r in live if r["anchor"] == "orphaned"),
        "figures_changed": sum(1 for r in live if r["figures"]),
        "still_needs_review": sum(1 for r in live if r["exact"] and r["status"] == NEEDS_REVIEW),
        "removed_claims": len(results) - len(live),
    }
