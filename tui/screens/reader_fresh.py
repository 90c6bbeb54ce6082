"""The reader keeps to what the store holds now (issue 12, fresh state).

A part of ReaderScreen (reader.py). Another process may import a new revision
of the report, or a colleague change a claim, while the reader is open. The
reader asks SQLite whether anyone else committed (`PRAGMA data_version` on its
connection: one cheap call) on a timer and before every action; when someone
did, and the report's revision or the change log moved, it reloads. An action
taken on a view that was stale is refused in one line, never applied to other
text; a change refused because the claim changed meanwhile (its version)
reloads the claim and says what the colleague changed.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from claimdesk.sources.inert import inert_for_terminal
from claimdesk.store.claims import StaleClaimError, StaleRevisionError, claim_document
from claimdesk.store.errors import NotFoundError
from claimdesk.store.reports import report_document
from claimdesk.store.undo import claim_history

if TYPE_CHECKING:
    from claimdesk.tui.screens.reader import ReaderScreen

POLL_SECONDS = 1.0
"""How often the reader asks whether another connection committed (one PRAGMA)."""

_FIELDS = ("status", "confidence", "note", "quote")


def changes_since(db, claim_id: int, version: int) -> str:
    """What was done to a claim after the given version of it, read from its
    change log: "status unreviewed → disputed; note “” → “…”; entities +Peru"."""
    history = claim_history(db, claim_id)
    at = [i for i, c in enumerate(history) if c["target"] == "claims" and c["after"] and c["after"].get("version") == version]
    if not at:
        return "its version moved"
    old = history[at[-1]]["after"]
    later = history[at[-1] + 1:]
    rows = [c["after"] for c in later if c["target"] == "claims" and c["after"]]
    new = rows[-1] if rows else old
    if new.get("removed") and not old.get("removed"):
        return "removed it"
    said = []
    for field in _FIELDS:
        before, after = old.get(field), new.get(field)
        if before != after:
            if field in ("note", "quote"):
                said.append(f"{field} “{_short(before or '')}” → “{_short(after or '')}”")
            else:
                said.append(f"{field} {'none' if before is None else before} → {'none' if after is None else after}")
    for target, field, name in (("claim_entities", "entity", "entities"), ("claim_citations", "footnote", "citations")):
        net: dict = {}
        for change in later:
            if change["target"] == target:
                row = change["after"] or change["before"]
                label = row[field] if target == "claim_entities" else json.loads(row[field])
                net[label] = net.get(label, 0) + (1 if change["after"] else -1)
        parts = [f"{'+' if n > 0 else '−'}{label}" for label, n in net.items() if n]
        if parts:
            said.append(f"{name} {' '.join(parts)}")
    return "; ".join(said) or "nothing you can see (its version moved)"


def _short(text: str, width: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


class FreshState:
    """Mixed into ReaderScreen: self is the reader."""

    def start_watching(self: "ReaderScreen") -> None:
        self._seen_data_version = self._data_version()
        self._signature = self._store_signature()
        self._lost_selection_at: int | None = None
        self.set_interval(POLL_SECONDS, self.poll_store)

    def _data_version(self: "ReaderScreen") -> int:
        return self.app.store.db.execute("PRAGMA data_version").fetchone()[0]

    def _store_signature(self: "ReaderScreen") -> tuple:
        """The report's current revision and the change log's last entry: what a reload would show differently."""
        db = self.app.store.db
        revision = db.execute("SELECT current_revision FROM reports WHERE id = ?", [self.report_id]).fetchone()
        (last_change,) = db.execute("SELECT max(id) FROM changes").fetchone()
        return (revision[0] if revision else None, last_change)

    def poll_store(self: "ReaderScreen") -> None:
        self.check_fresh(acting=False)

    def on_screen_resume(self: "ReaderScreen") -> None:
        if hasattr(self, "_signature"):
            self.check_fresh(acting=False)

    def check_fresh(self: "ReaderScreen", *, acting: bool) -> bool:
        """Reload what another connection changed. True if the action about to be
        taken (acting) may go on; False, with one line said, if it was aimed at
        what has just changed: another revision of the text, or a claim under
        the cursor that someone else changed."""
        version = self._data_version()
        if version == self._seen_data_version:
            return True
        self._seen_data_version = version
        signature = self._store_signature()
        if signature == self._signature and signature[0] == self.document["revision"]:
            return True  # someone wrote derived data (the passage index, a cache): nothing shown changed
        if signature[0] != self.document["revision"]:
            self.reload_document(say=not acting)
            if acting:
                self.notify(f"Not done: {self.report_id} was re-imported (revision {self.document['revision']}) while open; "
                            "the view now shows it, nothing was saved: look again, then repeat.", severity="warning", markup=False)
            return not acting
        claim_id = self._claim_under_cursor()
        before = self.claims.get(claim_id) if claim_id is not None else None
        self.reload_claims()
        after = self.claims.get(claim_id) if claim_id is not None else None
        if before is None or (after is not None and after["version"] == before["version"]):
            return True
        self._say_changed(claim_id, before["version"], acting)
        return not acting

    def _say_changed(self: "ReaderScreen", claim_id: int, version: int, refused: bool) -> None:
        try:
            after = claim_document(self.app.store.db, claim_id, include_removed=True)
        except NotFoundError:
            return
        what = changes_since(self.app.store.db, claim_id, version)
        line = f"Claim #{claim_id} was changed by {after['reviewer']} at {after['updated']}: {what}."
        if refused:
            line = f"Not saved: {line} Reloaded; press the key again to apply yours."
        self.notify(inert_for_terminal(line), severity="warning" if refused else "information", markup=False, timeout=12)

    def refused_stale(self: "ReaderScreen", exc: Exception) -> bool:
        """A change the store refused because the view was stale: reload, say what changed."""
        if isinstance(exc, StaleRevisionError):
            self.reload_document(say=False)
            self.notify(f"Not saved: {exc}; the view now shows the current revision: select again.", severity="warning", markup=False)
            return True
        if isinstance(exc, StaleClaimError):
            self._seen_data_version = self._data_version()
            if self._store_signature()[0] != self.document["revision"]:
                self.reload_document()
            else:
                self.reload_claims()
            self._say_changed(exc.claim_id, exc.had_version, refused=True)
            return True
        return False

    def reload_document(self: "ReaderScreen", say: bool = True) -> None:
        """Show the report's current revision: text, notes, sentences, claims; the
        cursor stays on the claim it was on (at its new place), else at its offset."""
        view = self.view
        claim_id = self._claim_under_cursor()
        had_selection = view.selection is not None
        self.document = report_document(self.app.store, self.report_id)
        self.footnotes = {note["number"]: note for note in self.document["footnotes"]}
        self.sentences = [(s["start"], s["end"]) for s in self.document["sentences"]]
        view.set_text(self.document["text"], *self.markers_and_headings())
        self.reload_claims()
        claim = self.claims.get(claim_id) if claim_id is not None else None
        target = claim["start"] if claim is not None and claim["anchor"] != "orphaned" else view.cursor
        view.move_to(target, center=True)
        if self.find_query:
            self.find_all(self.find_query)
        self._lost_selection_at = view.cursor if had_selection else None
        if not say:
            return
        if not had_selection:
            self.notify(f"{self.report_id} was re-imported: now showing revision {self.document['revision']}.", markup=False, timeout=6)
        else:
            self.notify(f"{self.report_id} was re-imported (revision {self.document['revision']}): the view is reloaded and "
                        "your selection, made on the old text, is gone: select again.", severity="warning", markup=False, timeout=10)

    def selection_lost(self: "ReaderScreen") -> bool:
        """True (and said) if the reload took away the selection the user was about to use."""
        if self._lost_selection_at is not None and self.view.selection is None and self.view.cursor == self._lost_selection_at:
            self.notify("Not done: the selection was on the old revision and is gone; select again.", severity="warning", markup=False)
            return True
        self._lost_selection_at = None
        return False
