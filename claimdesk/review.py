"""The editor's review desk, without a screen: queues of suggestions and
conflicts, clusters with their citation trees, entity look-alikes, filters.

The terminal UI draws these; the command line and tests call them directly.
Everything that changes the store takes an Action, so each decision is one
recorded, undoable step.
"""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass, field
from typing import Callable

from claimdesk.checking import citing_graph, corpus_names, independent_groups, passage_matches, with_attributions
from claimdesk.claims.facts import compare_facts, extract_facts
from claimdesk.claims.similarity import DUPLICATE_THRESHOLD, SCORER, SUGGEST_THRESHOLD
from claimdesk.store.claims import STATUSES, add_claim, claim_document, parse_confidence
from claimdesk.store.db import Action, Store, now
from claimdesk.store.entities import lookalike_entities, require_entity
from claimdesk.store.links import add_link, cluster_map, clusters, conflict_document, decide_link
from claimdesk.store.reports import require_report

# A queue shows the best items first; past this many an editor filters instead.
QUEUE_LIMIT = 500
# Looking for passages (not yet claims) costs a corpus search per claim.
PASSAGE_SEARCH_LIMIT = 300
FILTER_KEYS = ("report", "entity", "status", "confidence", "reviewer")


class ReviewError(ValueError):
    pass


# filters ---------------------------------------------------------------------
@dataclass(frozen=True)
class ReviewFilter:
    """Which claims the desk shows; a pair shows when either of its claims passes."""

    reports: tuple[str, ...] = ()
    entities: tuple[int, ...] = ()
    """Entity ids (names and aliases are resolved when the filter is parsed)."""
    entity_names: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    min_confidence: int | None = None
    reviewers: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.reports or self.entities or self.statuses or self.min_confidence or self.reviewers)

    def describe(self) -> str:
        parts = [f"report:{r}" for r in self.reports] + [f"entity:{shlex.quote(e)}" for e in self.entity_names]
        parts += [f"status:{s}" for s in self.statuses] + [f"reviewer:{shlex.quote(r)}" for r in self.reviewers]
        if self.min_confidence:
            parts.append(f"confidence:{self.min_confidence}")
        return " ".join(parts)

    def claim_condition(self, alias: str = "c") -> tuple[str, list]:
        """An SQL condition on a claims row named alias."""
        where, params = [], []
        for column, values in (("report_id", self.reports), ("status", self.statuses), ("reviewer", self.reviewers)):
            if values:
                where.append(f"{alias}.{column} IN ({','.join('?' for _ in values)})")
                params += list(values)
        if self.min_confidence:
            where.append(f"{alias}.confidence >= ?")
            params.append(self.min_confidence)
        if self.entities:
            where.append(
                f"EXISTS (SELECT 1 FROM claim_entities ce WHERE ce.claim_id = {alias}.id "
                f"AND ce.entity_id IN ({','.join('?' for _ in self.entities)}))"
            )
            params += list(self.entities)
        return (" AND ".join(where) or "1"), params

    def passing_claims(self, db) -> set[int] | None:
        """The ids of the claims that pass, or None when every claim does."""
        if self.empty:
            return None
        condition, params = self.claim_condition()
        return {row[0] for row in db.execute(f"SELECT c.id FROM claims c WHERE c.removed = 0 AND {condition}", params)}


def parse_filter(db, text: str) -> ReviewFilter:
    """"report:werra-faure-2021 entity:Peru status:unreviewed confidence:3 reviewer:ana"
    (quote values with spaces); every value is checked against the store."""
    try:
        words = shlex.split(text)
    except ValueError as exc:
        raise ReviewError(f"cannot read the filter: {exc}") from None
    values: dict[str, list] = {key: [] for key in FILTER_KEYS}
    for word in words:
        key, sep, value = word.partition(":")
        key = key.strip().lower()
        if not sep or key not in FILTER_KEYS or not value.strip():
            raise ReviewError(f"cannot read {word!r}: write key:value with a key among {', '.join(FILTER_KEYS)}")
        values[key].append(value.strip())
    for report in values["report"]:
        require_report(db, report)
    for status in values["status"]:
        if status not in STATUSES:
            raise ReviewError(f"unknown status {status!r} (one of: {', '.join(STATUSES)})")
    entities = [require_entity(db, name) for name in values["entity"]]
    confidence = None
    if values["confidence"]:
        confidence = parse_confidence(values["confidence"][-1])
    return ReviewFilter(
        reports=tuple(values["report"]),
        entities=tuple(e["id"] for e in entities),
        entity_names=tuple(e["name"] for e in entities),
        statuses=tuple(values["status"]),
        min_confidence=confidence,
        reviewers=tuple(values["reviewer"]),
    )


# suggestions -------------------------------------------------------------------
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
            excluded |= {link_id for link_id, a, b in _pairs(db, _suggestions_touching(db, failing)) if a in failing and b in failing}
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
        best = [link_id for _score, link_id in sorted((-(score or 0.0), link_id) for link_id, score in _scores(db, touching))][:limit]
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


def _scores(db, link_ids: set[int]) -> list[tuple[int, float | None]]:
    return db.execute("SELECT id, score FROM links WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(sorted(link_ids))]).fetchall()


def _pairs(db, link_ids: set[int]) -> list[tuple[int, int, int]]:
    return db.execute("SELECT id, claim_a, claim_b FROM links WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(sorted(link_ids))]).fetchall()


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


def confirm_suggestion(action: Action, suggestion: Suggestion) -> int:
    """Confirm the link; a passage becomes a claim of its own first. Returns the other claim's id."""
    if suggestion.link is not None:
        decide_link(action, suggestion.link, "confirmed")
        return suggestion.other_claim
    other = suggestion.other_claim
    if other is None:
        other = add_claim(action, suggestion.other_report, suggestion.other_text, span=(suggestion.other_start, suggestion.other_end))
    threshold = DUPLICATE_THRESHOLD if suggestion.relation == "duplicate" else SUGGEST_THRESHOLD
    add_link(action, suggestion.claim, other, suggestion.relation, state="confirmed", scorer=SCORER,
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


# conflicts ---------------------------------------------------------------------
def conflict_queue(db, flt: ReviewFilter = ReviewFilter(), limit: int = QUEUE_LIMIT) -> tuple[list[dict], int]:
    """Conflicts, open ones first (best score first), then resolved ones, each
    with its two claims' quotes and reports; and how many there are in all."""
    condition_a, params_a = flt.claim_condition("a")
    condition_b, params_b = flt.claim_condition("b")
    by_decider = ""
    params = params_a + params_b
    if flt.reviewers:
        marks = ",".join("?" for _ in flt.reviewers)
        by_decider = f" OR l.decided_by IN ({marks}) OR l.resolved_by IN ({marks})"
        params += list(flt.reviewers) * 2
    base = f"""FROM links l JOIN claims a ON a.id = l.claim_a JOIN claims b ON b.id = l.claim_b
               WHERE l.kind = 'conflict' AND l.state IN ('suggested', 'confirmed') AND a.removed = 0 AND b.removed = 0
                 AND (({condition_a}) OR ({condition_b}){by_decider})"""
    total = db.execute(f"SELECT count(*) {base}", params).fetchone()[0]
    cursor = db.execute(
        f"""SELECT l.*, a.report_id, a.quote, a.status, b.report_id, b.quote, b.status {base}
            ORDER BY l.kept_claim IS NOT NULL, l.score DESC NULLS LAST, l.id LIMIT ?""",
        params + [limit],
    )
    width = len(cursor.description) - 6
    columns = [c[0] for c in cursor.description][:width]
    queue = []
    for row in cursor.fetchall():
        conflict = conflict_document(db, dict(zip(columns, row[:width])))
        a_report, a_quote, a_status, b_report, b_quote, b_status = row[width:]
        conflict["sides"] = [
            {"claim": conflict["claims"][0], "report": a_report, "quote": a_quote, "status": a_status},
            {"claim": conflict["claims"][1], "report": b_report, "quote": b_quote, "status": b_status},
        ]
        queue.append(conflict)
    return queue, total


def version_support(store: Store, claim_id: int, check: dict) -> dict:
    """Who stands behind one version of a conflict: the claim, its report, the
    reports that repeat it (its cluster and duplicate passages found by the
    check), grouped into independent sources, and what its citations say.

    check: claimdesk.checking.check_claim of the claim (slow: run it in a worker).
    """
    db = store.db
    claim = claim_document(db, claim_id)
    cluster_statements: list[tuple[str, str]] = []
    for group in clusters(db):
        if claim_id in group:
            marks = ",".join("?" for _ in group)
            cluster_statements = db.execute(f"SELECT report_id, quote FROM claims WHERE id IN ({marks}) AND removed = 0", group).fetchall()
            break
    duplicates = [m for m in check["matches"] if m["relation"] == "duplicate"]
    stating = {claim["report"]} | {report for report, _quote in cluster_statements} | {m["report"] for m in duplicates}
    statements = [(claim["report"], claim["quote"]), *cluster_statements, *((m["report"], m["text"]) for m in duplicates)]
    groups = independent_groups(sorted(stating), with_attributions(citing_graph(db), corpus_names(db), statements))
    return {
        "claim": claim,
        "report": report_summary(db, claim["report"]),
        "stating_reports": sorted(stating),
        "independent_groups": groups,
        "independent_reports": len(groups),
        "citation_check": check["citation_check"],
    }


def report_summary(db, report_id: str) -> dict:
    row = db.execute(
        """SELECT r.id, v.title, v.authors, v.date, v.sections FROM reports r
           JOIN revisions v ON v.report_id = r.id AND v.number = r.current_revision WHERE r.id = ?""",
        [report_id],
    ).fetchone()
    if row is None:
        return {"id": report_id, "title": None, "authors": [], "date": None, "sections": []}
    return {"id": row[0], "title": row[1], "authors": json.loads(row[2]), "date": row[3], "sections": json.loads(row[4])}


def section_at(sections: list[dict], offset: int) -> str | None:
    """The title of the innermost section holding offset."""
    holding = [s for s in sections if s["start"] <= offset < s["end"]]
    return max(holding, key=lambda s: s["start"])["title"] if holding else None


# clusters ----------------------------------------------------------------------
def cluster_views(db, flt: ReviewFilter = ReviewFilter(), limit: int = QUEUE_LIMIT) -> list[dict]:
    """Each cluster of confirmed duplicates, largest first: its appearances in
    report-date order (the first appearance marked), the reports grouped into
    independent sources, and the citation tree between its reports."""
    passing = flt.passing_claims(db)
    citations = citing_graph(db)
    names = corpus_names(db)
    summaries: dict[str, dict] = {}
    views = []
    for group in clusters(db):
        if len(views) >= limit:
            break
        if passing is not None and not passing.intersection(group):
            continue
        marks = ",".join("?" for _ in group)
        rows = db.execute(f'SELECT id, report_id, start, quote, status FROM claims WHERE id IN ({marks}) AND removed = 0', group).fetchall()
        if len(rows) < 2:
            continue
        appearances = []
        for claim_id, report_id, start, quote, status in rows:
            if report_id not in summaries:
                summaries[report_id] = report_summary(db, report_id)
            report = summaries[report_id]
            appearances.append({"claim": claim_id, "report": report_id, "date": report["date"], "title": report["title"],
                                "start": start, "quote": quote, "status": status, "first": False})
        # Undated reports go last: they cannot be shown to come first.
        appearances.sort(key=lambda a: (a["date"] is None, a["date"] or "", a["report"], a["start"]))
        if appearances[0]["date"] is not None:
            appearances[0]["first"] = True
        reports = list(dict.fromkeys(a["report"] for a in appearances))
        graph = with_attributions(citations, names, [(a["report"], a["quote"]) for a in appearances])
        groups = independent_groups(reports, graph)
        views.append({
            "id": group[0],
            "claims": [a["claim"] for a in appearances],
            "appearances": appearances,
            "reports": reports,
            "independent_groups": groups,
            "independent_reports": len(groups),
            "tree": citation_tree(reports, graph),
        })
    return views


def citation_tree(reports: list[str], graph: dict[str, set[str]]) -> list[dict]:
    """The reports as a forest: each report's children are the reports that
    cite it (directly, or through reports outside the list). Roots cite none
    of the others: they are where the claim entered the corpus."""
    members = set(reports)

    def reaches(start: str) -> set[str]:
        seen, stack = set(), [start]
        while stack:
            for cited in graph.get(stack.pop(), ()):
                if cited not in seen:
                    seen.add(cited)
                    stack.append(cited)
        return seen

    cites = {report: (reaches(report) & members) - {report} for report in reports}
    order = {report: index for index, report in enumerate(reports)}
    # Each report hangs under one report it cites: the nearest (if B cites A
    # and C cites both, C hangs under B), the first in the list among equals.
    # One parent each keeps it a tree, drawn once per report however many
    # citation paths there are.
    parent: dict[str, str | None] = {}
    for report, cited in cites.items():
        nearest = [p for p in cited if not any(p in cites[q] for q in cited if q != p)]
        parent[report] = min(nearest, key=order.__getitem__) if nearest else None
    children: dict[str, list[str]] = {report: [] for report in reports}
    for report in reports:
        if parent[report] is not None:
            children[parent[report]].append(report)
    placed: set[str] = set()

    def grow(root: str) -> dict:
        """The subtree under root, built without recursion (citation chains can be long)."""
        top = {"report": root, "children": []}
        placed.add(root)
        stack = [top]
        while stack:
            branch = stack.pop()
            for child in children[branch["report"]]:
                if child not in placed:
                    placed.add(child)
                    leaf = {"report": child, "children": []}
                    branch["children"].append(leaf)
                    stack.append(leaf)
        return top

    forest = [grow(report) for report in reports if parent[report] is None]
    for report in reports:  # reports that cite one another in a circle: the first of them is a root
        if report not in placed:
            forest.append(grow(report))
    return forest


# entities ----------------------------------------------------------------------
ENTITY_LOOKALIKE_SCORE = 80.0


def entity_lookalikes(db, limit: int = 100) -> list[dict]:
    """Pairs of entities that are probably one ("Piatakov" and "Pyatakov"), best first."""
    return lookalike_entities(db, ENTITY_LOOKALIKE_SCORE, limit)


def claims_for_desk(db, flt: ReviewFilter = ReviewFilter(), limit: int = QUEUE_LIMIT) -> tuple[list[dict], int]:
    """Claims passing the filter (rows for a list: id, report, start, quote,
    status, confidence, reviewer, updated), most recently changed first."""
    condition, params = flt.claim_condition()
    base = f"FROM claims c WHERE c.removed = 0 AND {condition}"
    total = db.execute(f"SELECT count(*) {base}", params).fetchone()[0]
    cursor = db.execute(
        f"SELECT c.id, c.report_id, c.start, c.quote, c.status, c.confidence, c.reviewer, c.updated {base} ORDER BY c.updated DESC, c.id DESC LIMIT ?",
        params + [limit],
    )
    columns = ["id", "report", "start", "quote", "status", "confidence", "reviewer", "updated"]
    return [dict(zip(columns, row)) for row in cursor.fetchall()], total
