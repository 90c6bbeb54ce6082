"""Undo: take back a reviewer's last actions, themselves recorded as actions.

History is never rewritten. An undo is a new action whose changes put back the
rows that the undone action changed, after checking that nobody changed them
since (an undo never overwrites someone else's later work).
"""

from __future__ import annotations

import json

from claimdesk.store.db import PRIMARY_KEYS, Store


class UndoError(RuntimeError):
    pass


def undo_last(store: Store, reviewer: str) -> dict:
    """Undo the reviewer's latest action that is not itself an undo nor undone."""
    db = store.db
    undoable = ",".join(f"'{table}'" for table in PRIMARY_KEYS)
    with store.action("undo", reviewer) as action:
        row = db.execute(
            f"""SELECT a.id, a.name, a.at FROM actions a
                WHERE a.reviewer = ? AND a.name != 'undo' AND a.id < ?
                  AND NOT EXISTS (SELECT 1 FROM actions u WHERE u.undoes = a.id)
                  AND EXISTS (SELECT 1 FROM changes c WHERE c.action_id = a.id AND c.target IN ({undoable}))
                ORDER BY a.id DESC LIMIT 1""",
            [reviewer, action.id],
        ).fetchone()
        if row is None:
            raise UndoError(f"nothing to undo for {reviewer}")
        target_id, name, at = row
        changes = db.execute(
            "SELECT target, target_id, before, after FROM changes WHERE action_id = ? ORDER BY id DESC", [target_id]
        ).fetchall()
        for table, _key_text, before_json, after_json in changes:
            if table not in PRIMARY_KEYS:
                raise UndoError(f"the last action ({name}) changed {table}, which cannot be undone")
            before = json.loads(before_json) if before_json else None
            after = json.loads(after_json) if after_json else None
            key = {column: (after or before)[column] for column in PRIMARY_KEYS[table]}
            current = action.row(table, key)
            if _content(current) != _content(after):
                raise UndoError(f"{table} {list(key.values())} was changed after {name} at {at}; undo refused")
            if before is None:
                action.delete(table, key)
            elif after is None:
                action.insert(table, before)
            else:
                restored = {k: v for k, v in before.items() if k not in key}
                if table == "claims":
                    # Versions only go forward, so a stale editor is still caught.
                    restored.update({"version": current["version"] + 1, "updated": action.at})
                action.update(table, key, restored)
        db.execute("UPDATE actions SET undoes = ? WHERE id = ?", [target_id, action.id])
    return {"undone": target_id, "action": name, "at": at, "changes": len(changes)}


# Bookkeeping that every change (undo included) moves forward; not content.
_BOOKKEEPING = ("version", "updated", "reviewer")


def _content(row: dict | None) -> dict | None:
    return None if row is None else {k: v for k, v in row.items() if k not in _BOOKKEEPING}


def claim_history(db, claim_id: int) -> list[dict]:
    """Every change to a claim, its citations and its entity tags, oldest first."""
    rows = db.execute(
        """SELECT c.id, c.at, c.reviewer, c.action, c.before, c.after, c.target FROM changes c
           WHERE (c.target = 'claims' AND c.target_id = ?)
              OR (c.target IN ('claim_citations', 'claim_entities') AND c.target_id LIKE ?)
           ORDER BY c.id""",
        [json.dumps([claim_id]), f"[{claim_id},%"],
    ).fetchall()
    names = dict(db.execute("SELECT id, name FROM entities").fetchall())
    history = []
    for r in rows:
        change = {"change": r[0], "at": r[1], "reviewer": r[2], "action": r[3], "target": r[6],
                  "before": json.loads(r[4]) if r[4] else None, "after": json.loads(r[5]) if r[5] else None}
        if change["target"] == "claim_entities":  # the tag's name, as it is called now
            for row in (change["before"], change["after"]):
                if row is not None:
                    row["entity"] = names.get(row["entity_id"])
        history.append(change)
    return history
