"""The suggestions queue, without a screen: the matcher's stored duplicate
suggestions, passages of other reports that state a claim again (not yet
claims), and the decisions on them.

Every decision takes an Action, so it is one recorded, undoable step.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Callable

from claimdesk.checking import passage_matches
from claimdesk.claims.facts import compare_facts, extract_facts
from claimdesk.claims.similarity import DUPLICATE_THRESHOLD, SCORER, SUGGEST_THRESHOLD
from claimdesk.review_filter import QUEUE_LIMIT, ReviewFilter
from claimdesk.store.claims import add_claim
from claimdesk.store.db import Action, Store, now
from claimdesk.store.links import add_link, cluster_map, decide_link

# Looking for passages (not yet claims) costs a corpus search per claim.
PASSAGE_SEARCH_LIMIT = 300


@dataclass
class Suggestion:
    """One proposal in the queue: a claim and either another claim or a passage
    of another report that is not a claim yet."""

    claim: int
    claim_report: str
    claim_quote: str
    relation: str
    """duplicate or conflict."""
    score: float
    other_report: str
    other_start: int
    other_end: int
    other_text: str
    other_claim: int | None = None
    """None: the other side is a passage; confirming makes it a claim."""
    link: int | None = None
    """The stored suggested link, for claim pairs the matcher proposed."""
    differences: list[dict] = field(default_factory=list)

    @property
    def key(self) -> str:
        if self.other_claim is not None:
            low, high = sorted((self.claim, self.other_claim))
            return f"pair:{low}:{high}"
        return f"passage:{self.claim}:{self.other_report}:{self.other_start}"


_SUGGESTION_ROWS = """SELECT l.id, l.kind, l.score, l.differences, a.id, a.report_id, a.quote, b.id, b.report_id, b.start, b."end", b.quote
                      FROM links l JOIN claims a ON a.id = l.claim_a JOIN claims b ON b.id = l.claim_b"""


def suggested_links(db, flt: ReviewFilter = ReviewFilter(), limit: int = QUEUE_LIMIT) -> tuple[list[Suggestion], int]:
    """Stored duplicate suggestions, best first, and how many there are in all.

    A suggestion between two claims already in one cluster (confirmed through
    a third) decides nothing and is left out. With a filter, a suggestion
    shows when either of its claims passes.
    """
    settled = _settled_suggestions(db)
    removed = [row[0] for row in db.execute("SELECT id FROM claims WHERE removed = 1")]
    passing = flt.passing_claims(db)
    live = db.execute("SELECT count(*) FROM claims WHERE removed = 0").fetchone()[0]
    if passing is None or len(passing) * 2 > live:
        # No filter, or one most claims pass: best first straight from the
        # links_queue index, counted as all less the few that do not count.
        condition_a, params_a = flt.claim_condition("a")
        condition_b, params_b = flt.claim_condition("b")
        total = db.execute("SELECT count(*) FROM links WHERE state = 'suggested' AND kind = 'duplicate'").fetchone()[0]
        excluded = settled | _suggestions_touching(db, removed)
        if passing is not None:
            failing = {row[0] for row in db.execute("SELECT id FROM claims WHERE removed = 0")} - passing
            excluded |= {link_id for link_id, a, b in _link_rows(db, "id, claim_a, claim_b", _suggestions_touching(db, failing)) if a in failing and b in failing}
        total -= len(excluded)
        rows = db.execute(
            f"""{_SUGGESTION_ROWS} WHERE l.state = 'suggested' AND l.kind = 'duplicate' AND a.removed = 0 AND b.removed = 0
                AND (({condition_a}) OR ({condition_b})) ORDER BY l.state, l.kind, l.score DESC, l.id LIMIT ?""",
            params_a + params_b + [limit + len(settled)],
        ).fetchall()
        rows = [row for row in rows if row[0] not in settled][:limit]
    else:
        # A narrow filter: from the claims that pass (an index lookup each), not from every link.
        touching = _suggestions_touching(db, passing) - settled - _suggestions_touching(db, removed)
        total = len(touching)
        best = [link_id for _score, link_id in sorted((-(score or 0.0), link_id) for link_id, score in _link_rows(db, "id, score", touching))][:limit]
        by_id = {row[0]: row for row in db.execute(
            f"{_SUGGESTION_ROWS} WHERE l.id IN (SELECT value FROM json_each(?))", [json.dumps(best)])}
        rows = [by_id[link_id] for link_id in best if link_id in by_id]
    queue = [
        Suggestion(claim=a_id, claim_report=a_report, claim_quote=a_quote, relation=kind, score=score or 0.0,
                   other_report=b_report, other_start=b_start, other_end=b_end, other_text=b_quote, other_claim=b_id,
                   link=link_id, differences=json.loads(differences))
        for link_id, kind, score, differences, a_id, a_report, a_quote, b_id, b_report, b_start, b_end, b_quote in rows
    ]
    return queue, total


def _suggestions_touching(db, claim_ids) -> set[int]:
    """Suggested duplicate links with either claim among claim_ids.

    The unary + keeps the planner on the claim indexes (the (claim_a, claim_b)
    key and links_b): with links_queue it would scan every suggestion once per claim.
    """
    if not claim_ids:
        return set()
    ids = json.dumps(sorted(claim_ids))
    return {row[0] for row in db.execute(
        """SELECT l.id FROM json_each(?1) j CROSS JOIN links l ON l.claim_a = j.value
           WHERE +l.state = 'suggested' AND +l.kind = 'duplicate'
           UNION
           SELECT l.id FROM json_each(?1) j CROSS JOIN links l ON l.claim_b = j.value
           WHERE +l.state = 'suggested' AND +l.kind = 'duplicate'""",
        [ids],
    )}


def _link_rows(db, columns: str, link_ids: set[int]) -> list[tuple]:
    """columns of the links with those ids (in one query, whatever their number)."""
    return db.execute(f"SELECT {columns} FROM links WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(sorted(link_ids))]).fetchall()


def _settled_suggestions(db) -> set[int]:
    """Suggested duplicate links whose two claims one cluster already joins.

    Driven from the clustered claims (few) through the links' (claim_a,
    claim_b) index, never by scanning every suggestion.
    """
    clustered = cluster_map(db)
    if not clustered:
        return set()
    rows = db.execute(
        # The unary + keeps the planner on the (claim_a, claim_b) index (see _suggestions_touching).
        """SELECT l.id, l.claim_a, l.claim_b FROM json_each(?) j CROSS JOIN links l ON l.claim_a = j.value
           WHERE +l.state = 'suggested' AND +l.kind = 'duplicate'""",
        [json.dumps(list(clustered))],
    )
    return {link_id for link_id, a, b in rows if clustered[a] == clustered.get(b)}


def passage_suggestions(
    store: Store, flt: ReviewFilter = ReviewFilter(), progress: Callable[[int, int], None] | None = None,
    limit: int = PASSAGE_SEARCH_LIMIT,
) -> list[Suggestion]:
    """Passages of other reports that state a claim again (or with other
    figures) and that no link accounts for yet, best first."""
    found: dict[str, Suggestion] = {}
    for done, total, suggestions in iter_passage_suggestions(store, flt, limit):
        if progress:
            progress(done, total)
        merge_suggestions(found, suggestions)
    return sorted(found.values(), key=suggestion_order)


def suggestion_order(suggestion: Suggestion) -> tuple:
    return (-suggestion.score, suggestion.claim, suggestion.other_report, suggestion.other_start)


def merge_suggestions(found: dict[str, Suggestion], suggestions: list[Suggestion]) -> None:
    """Into found (key -> suggestion): the same pair proposed twice keeps its best score."""
    for suggestion in suggestions:
        if suggestion.key not in found or found[suggestion.key].score < suggestion.score:
            found[suggestion.key] = suggestion


def iter_passage_suggestions(store: Store, flt: ReviewFilter = ReviewFilter(), limit: int = PASSAGE_SEARCH_LIMIT):
    """For each claim searched (most recently changed first): (claims done,
    claims in all, its suggestions). A search costs a corpus query per claim
    (about a second on a store of 100,000 claims), so callers show what is
    found as it comes.

    A passage inside another claim is proposed as that claim; one an editor
    dismissed, or a pair already linked either way, is not proposed again.
    """
    db = store.db
    condition, params = flt.claim_condition()
    claims = db.execute(
        f"SELECT c.id, c.report_id, c.quote FROM claims c WHERE c.removed = 0 AND {condition} ORDER BY c.updated DESC, c.id LIMIT ?",
        params + [limit],
    ).fetchall()
    dismissed = {tuple(row) for row in db.execute("SELECT claim_id, report_id, start FROM dismissed_passages")}
    linked = {tuple(row) for row in db.execute("SELECT claim_a, claim_b FROM links")}
    for done, (claim_id, report_id, quote) in enumerate(claims, start=1):
        suggestions = []
        for match in passage_matches(store, quote, exclude_report=report_id, limit=5):
            if match["relation"] not in ("duplicate", "conflict") or (claim_id, match["report"], match["start"]) in dismissed:
                continue
            suggestion = Suggestion(
                claim=claim_id, claim_report=report_id, claim_quote=quote, relation=match["relation"], score=match["score"],
                other_report=match["report"], other_start=match["start"], other_end=match["end"], other_text=match["text"],
                differences=match["differences"],
            )
            covering = _claim_covering(db, match["report"], match["start"], match["end"])
            if covering is not None:
                if tuple(sorted((claim_id, covering[0]))) in linked:
                    continue
                suggestion.other_claim, suggestion.other_start, suggestion.other_end, suggestion.other_text = covering
            suggestions.append(suggestion)
        yield done, len(claims), suggestions


def _claim_covering(db, report_id: str, start: int, end: int) -> tuple[int, int, int, str] | None:
    """The claim of that report that overlaps the span most, if any."""
    row = db.execute(
        """SELECT id, start, "end", quote FROM claims WHERE report_id = ? AND removed = 0 AND start < ? AND "end" > ?
           ORDER BY min("end", ?) - max(start, ?) DESC LIMIT 1""",
        [report_id, end, start, end, start],
    ).fetchone()
    return tuple(row) if row else None


def confirm_suggestion(action: Action, suggestion: Suggestion, kind: str | None = None) -> int:
    """Confirm the link, as the matcher's kind or as kind (an editor may see a
    conflict where the matcher saw a duplicate); a passage becomes a claim of
    its own first. Returns the other claim's id."""
    kind = kind or suggestion.relation
    if suggestion.link is not None:
        decide_link(action, suggestion.link, "confirmed", kind=kind)
        return suggestion.other_claim
    other = suggestion.other_claim
    if other is None:
        other = add_claim(action, suggestion.other_report, suggestion.other_text, span=(suggestion.other_start, suggestion.other_end))
    threshold = DUPLICATE_THRESHOLD if suggestion.relation == "duplicate" else SUGGEST_THRESHOLD
    add_link(action, suggestion.claim, other, kind, state="confirmed", scorer=SCORER,
             score=suggestion.score, threshold=threshold, differences=suggestion.differences)
    return other


def reject_suggestion(action: Action, suggestion: Suggestion) -> None:
    """Say the two are not the same claim; it will not be proposed again."""
    if suggestion.link is not None:
        decide_link(action, suggestion.link, "rejected")
    elif suggestion.other_claim is not None:
        threshold = DUPLICATE_THRESHOLD if suggestion.relation == "duplicate" else SUGGEST_THRESHOLD
        add_link(action, suggestion.claim, suggestion.other_claim, suggestion.relation, state="rejected", scorer=SCORER,
                 score=suggestion.score, threshold=threshold, differences=suggestion.differences)
    else:
        action.insert(
            "dismissed_passages",
            {"claim_id": suggestion.claim, "report_id": suggestion.other_report, "start": suggestion.other_start,
             "end": suggestion.other_end, "relation": suggestion.relation, "decided_by": action.reviewer, "decided": now()},
        )


def value_differences(left: str, right: str, stored: list[dict]) -> list[dict]:
    """The figures that differ between two wordings: the matcher's, when it
    judged the pair, else a comparison of the facts each states."""
    if stored:
        return stored
    _alike, differences = compare_facts(extract_facts(left), extract_facts(right))
    return [{"claim": d.claim, "source": d.source} for d in differences]
