"""Undo and redo: take back a reviewer's last actions, or put them back, each
itself recorded as an action.

History is never rewritten. An undo is a new action whose changes put back the
rows that the undone action changed, after checking that nobody changed them
since (an undo never overwrites someone else's later work). A redo is the undo
of an undo: it applies the undone action's rows again, with the same check.
Redo follows the undos back in the order they were made, and only until the
reviewer does something new (as in an editor: a new change clears the redo).
"""

from __future__ import annotations

import json

from claimdesk.store.db import PRIMARY_KEYS, Action, Store

UNDO, REDO = "undo", "redo"


class UndoError(RuntimeError):
    pass


def _undoable_changes_sql() -> str:
    """An action counts for undo and redo only if it changed rows a user edits."""
    tables = ",".join(f"'{table}'" for table in PRIMARY_KEYS)
    return f"EXISTS (SELECT 1 FROM changes c WHERE c.action_id = a.id AND c.target IN ({tables}))"


def undo_last(store: Store, reviewer: str) -> dict:
    """Undo the reviewer's latest action that is not itself an undo nor undone
    (a redo is undone like any change: that takes its action back again)."""
    with store.action(UNDO, reviewer) as action:
        row = store.db.execute(
            f"""SELECT a.id, a.name, a.at FROM actions a
                WHERE a.reviewer = ? AND a.name != '{UNDO}' AND a.id < ?
                  AND NOT EXISTS (SELECT 1 FROM actions u WHERE u.undoes = a.id)
                  AND {_undoable_changes_sql()}
                ORDER BY a.id DESC LIMIT 1""",
            [reviewer, action.id],
        ).fetchone()
        if row is None:
            raise UndoError(f"nothing to undo for {reviewer}")
        return _reverse(action, *row)


def redo_last(store: Store, reviewer: str) -> dict:
    """Redo the reviewer's latest undo that is not itself redone, unless the
    reviewer has made a new change since: {"redone", "action", "at", "changes"}
    with the action that is done again (its name and time)."""
    with store.action(REDO, reviewer) as action:
        db = store.db
        row = db.execute(
            f"""SELECT a.id, a.undoes, a.at FROM actions a
                WHERE a.reviewer = ? AND a.name = '{UNDO}' AND a.id < ?
                  AND NOT EXISTS (SELECT 1 FROM actions r WHERE r.undoes = a.id)
                  AND {_undoable_changes_sql()}
                ORDER BY a.id DESC LIMIT 1""",
            [reviewer, action.id],
        ).fetchone()
        newer = row is not None and db.execute(
            f"""SELECT 1 FROM actions a WHERE a.reviewer = ? AND a.id > ? AND a.id < ?
                AND a.name NOT IN ('{UNDO}', '{REDO}') AND {_undoable_changes_sql()} LIMIT 1""",
            [reviewer, row[0], action.id],
        ).fetchone()
        if row is None or newer:
            raise UndoError(f"nothing to redo for {reviewer}")
        undo_id, original_id, undo_at = row
        name, at = _original(db, original_id)
        result = _reverse(action, undo_id, UNDO, undo_at)
    return {"redone": original_id, "action": name, "at": at, "changes": result["changes"]}


def _original(db, action_id: int) -> tuple[str, str]:
    """The change a chain of undos and redos is about: its name and time."""
    while True:
        name, at, undoes = db.execute("SELECT name, at, undoes FROM actions WHERE id = ?", [action_id]).fetchone()
        if undoes is None or name not in (UNDO, REDO):
            return name, at
        action_id = undoes


def _reverse(action: Action, target_id: int, name: str, at: str) -> dict:
    """Put back the rows that action target_id changed, as they were before it,
    if nobody has changed them since; the new action records that it undoes it."""
    db = action.db
    changes = db.execute(
        "SELECT target, target_id, before, after FROM changes WHERE action_id = ? ORDER BY id DESC", [target_id]
    ).fetchall()
    what = f"{name} ({_original(db, target_id)[0]})" if name in (UNDO, REDO) else name
    for table, _key_text, before_json, after_json in changes:
        if table not in PRIMARY_KEYS:
            raise UndoError(f"the last action ({what}) changed {table}, which cannot be undone")
        before = json.loads(before_json) if before_json else None
        after = json.loads(after_json) if after_json else None
        key = {column: (after or before)[column] for column in PRIMARY_KEYS[table]}
        current = action.row(table, key)
        if _content(current) != _content(after):
            raise UndoError(f"{table} {list(key.values())} was changed after {what} at {at}; {action.name} refused")
        if before is None and table == "claims":
            # A claim's id is never given again: undoing its creation removes it
            # (recorded, as `claim rm` does) instead of deleting the row.
            action.update(table, key, {"removed": 1, "version": current["version"] + 1, "updated": action.at})
        elif before is None:
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
    return {"undone": target_id, "action": what, "at": at, "changes": len(changes)}


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
