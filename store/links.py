"""Links between claims, clusters of duplicates, and conflicts with their resolution.

A link joins two claims as a duplicate, a conflict or related. It records the
scorer, score and threshold that proposed it and who decided. Suggested links
stay suggestions until a person confirms or rejects them. Confirmed duplicate
links form clusters: a claim repeated in five reports is one cluster. A
conflict is resolved by keeping one claim's version, with a note; the other
claim keeps its text and gets a status; the resolution can be reopened.
"""

from __future__ import annotations

import json

from claimdesk.store.claims import check_status, require_claim
from claimdesk.store.db import Action, now
from claimdesk.store.errors import NotFoundError

LINK_KINDS = ("duplicate", "conflict", "related")


class LinkError(ValueError):
    pass


def _ordered(a: int, b: int) -> tuple[int, int]:
    if a == b:
        raise LinkError("a claim cannot be linked to itself")
    return (a, b) if a < b else (b, a)


def existing_link(db, a: int, b: int) -> dict | None:
    low, high = _ordered(a, b)
    cursor = db.execute("SELECT * FROM links WHERE claim_a = ? AND claim_b = ?", [low, high])
    row = cursor.fetchone()
    return dict(zip([c[0] for c in cursor.description], row)) if row else None


def add_link(
    action: Action,
    a: int,
    b: int,
    kind: str,
    *,
    state: str = "confirmed",
    scorer: str = "person",
    score: float | None = None,
    threshold: float | None = None,
    differences: list[dict] | None = None,
) -> dict:
    """Link two claims; a person's link is confirmed, the matcher's a suggestion."""
    if kind not in LINK_KINDS:
        raise LinkError(f"unknown link kind {kind!r} (one of: {', '.join(LINK_KINDS)})")
    db = action.db
    claim_a, claim_b = require_claim(db, a), require_claim(db, b)
    low, high = _ordered(claim_a["id"], claim_b["id"])
    current = existing_link(db, low, high)
    decided = {"decided_by": action.reviewer, "decided": now()} if state != "suggested" else {}
    values = {"kind": kind, "state": state, "scorer": scorer, "score": score, "threshold": threshold,
              "differences": json.dumps(differences or [], ensure_ascii=False), **decided}
    if current is None:
        return action.insert("links", {"claim_a": low, "claim_b": high, "created_by": action.reviewer, "created": now(), **values})
    if state == "suggested" and current["state"] != "suggested":
        return current  # a person's decision is never overwritten by the matcher
    return action.update("links", {"id": current["id"]}, values)


def require_link(db, link_id: int) -> dict:
    cursor = db.execute("SELECT * FROM links WHERE id = ?", [link_id])
    row = cursor.fetchone()
    if row is None:
        raise NotFoundError(f"no link {link_id} (see `claimdesk links`)")
    return dict(zip([c[0] for c in cursor.description], row))


def decide_link(action: Action, link_id: int, state: str, kind: str | None = None) -> dict:
    """Confirm or reject a suggestion (or change a decision)."""
    if state not in ("confirmed", "rejected", "suggested"):
        raise LinkError(f"unknown link state {state!r}")
    require_link(action.db, link_id)  # a clear error for an unknown link
    values = {"state": state, "decided_by": action.reviewer, "decided": now()}
    if kind is not None:
        if kind not in LINK_KINDS:
            raise LinkError(f"unknown link kind {kind!r}")
        values["kind"] = kind
    return action.update("links", {"id": link_id}, values)


def link_document(row: dict) -> dict:
    return {
        "id": row["id"],
        "claims": [row["claim_a"], row["claim_b"]],
        "kind": row["kind"],
        "state": row["state"],
        "scorer": row["scorer"],
        "score": row["score"],
        "threshold": row["threshold"],
        "differences": json.loads(row["differences"]),
        "created_by": row["created_by"],
        "created": row["created"],
        "decided_by": row["decided_by"],
        "decided": row["decided"],
    }


def list_links(db, *, state: str | None = None, kind: str | None = None, claim: int | None = None) -> list[dict]:
    where, params = [], []
    if state:
        where.append("state = ?")
        params.append(state)
    if kind:
        where.append("kind = ?")
        params.append(kind)
    if claim is not None:
        where.append("(claim_a = ? OR claim_b = ?)")
        params += [claim, claim]
    cursor = db.execute("SELECT * FROM links" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY score DESC NULLS LAST, id", params)
    columns = [c[0] for c in cursor.description]
    links = [link_document(dict(zip(columns, row))) for row in cursor.fetchall()]
    clusters = cluster_map(db)
    for link in links:
        link["cluster"] = clusters.get(link["claims"][0]) if link["kind"] == "duplicate" and link["state"] == "confirmed" else None
    return links


def clusters(db) -> list[list[int]]:
    """Claims joined by confirmed duplicate links, each cluster sorted, largest first."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in db.execute("SELECT claim_a, claim_b FROM links WHERE kind = 'duplicate' AND state = 'confirmed'").fetchall():
        parent[find(a)] = find(b)
    groups: dict[int, list[int]] = {}
    for claim in parent:
        groups.setdefault(find(claim), []).append(claim)
    return sorted((sorted(group) for group in groups.values()), key=lambda g: (-len(g), g[0]))


def cluster_map(db) -> dict[int, int]:
    """claim id -> cluster id (the smallest claim id in its cluster)."""
    return {claim: group[0] for group in clusters(db) for claim in group}


def conflict_document(db, row: dict) -> dict:
    document = link_document(row)
    document.update(
        {
            "state": "resolved" if row["kept_claim"] else "open",
            "link_state": row["state"],
            "kept": row["kept_claim"],
            "note": row["resolution_note"],
            "resolved_by": row["resolved_by"],
            "resolved": row["resolved"],
        }
    )
    return document


def list_conflicts(db, *, include_rejected: bool = False) -> list[dict]:
    states = "('suggested', 'confirmed', 'rejected')" if include_rejected else "('suggested', 'confirmed')"
    cursor = db.execute(f"SELECT * FROM links WHERE kind = 'conflict' AND state IN {states} ORDER BY kept_claim IS NOT NULL, score DESC NULLS LAST, id")
    columns = [c[0] for c in cursor.description]
    return [conflict_document(db, dict(zip(columns, row))) for row in cursor.fetchall()]


def resolve_conflict(action: Action, link_id: int, keep: int, note: str, other_status: str = "disputed") -> dict:
    link = require_link(action.db, link_id)
    if link["kind"] != "conflict":
        raise LinkError(f"link {link_id} is a {link['kind']} link, not a conflict")
    if keep not in (link["claim_a"], link["claim_b"]):
        raise LinkError(f"claim {keep} is not part of conflict {link_id} (claims {link['claim_a']} and {link['claim_b']})")
    other = link["claim_b"] if keep == link["claim_a"] else link["claim_a"]
    check_status(other_status)
    action.update(
        "links",
        {"id": link_id},
        {"state": "confirmed", "kept_claim": keep, "resolution_note": action.clean("resolution note", note), "resolved_by": action.reviewer, "resolved": now(),
         "decided_by": link["decided_by"] or action.reviewer, "decided": link["decided"] or now()},
    )
    other_claim = require_claim(action.db, other)
    action.update("claims", {"id": other}, {"status": other_status, "version": other_claim["version"] + 1, "updated": action.at, "reviewer": action.reviewer})
    return conflict_document(action.db, require_link(action.db, link_id))


def reopen_conflict(action: Action, link_id: int) -> dict:
    link = require_link(action.db, link_id)
    if not link["kept_claim"]:
        raise LinkError(f"conflict {link_id} is not resolved")
    action.update("links", {"id": link_id}, {"kept_claim": None, "resolution_note": None, "resolved_by": None, "resolved": None})
    return conflict_document(action.db, require_link(action.db, link_id))
