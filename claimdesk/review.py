"""The editor's review desk, without a screen: the conflicts queue with the
support behind each version, clusters with their citation trees, entity
look-alikes and the claims list. (The suggestions queue is in
claimdesk.suggestions, the filter in claimdesk.review_filter.)

The terminal UI draws these; the command line and tests call them directly.
"""

from __future__ import annotations

import json

from claimdesk.checking import citing_graph, corpus_names, independent_groups, with_attributions
from claimdesk.review_filter import QUEUE_LIMIT, ReviewFilter
from claimdesk.store.claims import claim_document
from claimdesk.store.db import Store
from claimdesk.store.entities import lookalike_entities
from claimdesk.store.links import clusters, conflict_document


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
