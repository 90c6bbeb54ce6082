"""What the reader's keys change about the claim under the cursor.

A part of ReaderScreen (reader.py), apart so that the reader's file keeps to
showing the report: every action here takes the claim under the cursor, or
says in one line that there is none, and goes through the store's own
functions (store.claims, store.entities), the ones the command line calls, as
one recorded, undoable action committed before the screen says "Saved".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimdesk.store.claims import CONFIDENCE_LEVELS, NEEDS_REVIEW, STATUSES, add_claim, claim_on_span, remove_claim, set_claim
from claimdesk.store.entities import complete_entity, entities_one_edit_away, find_entity, list_entities, parse_entity_argument, similar_entities
from claimdesk.tui.saving import save
from claimdesk.tui.screens.dialogs import ChoiceScreen, NoteScreen, PromptScreen, ToggleScreen

if TYPE_CHECKING:
    from claimdesk.tui.screens.reader import ReaderScreen

STATUS_KEYS = {"verified": "v", "disputed": "x", "false": "F", "unverifiable": "u", "unreviewed": "U", NEEDS_REVIEW: "R"}
"""One key per status of the store; lower case for the verdicts used all day."""
assert set(STATUS_KEYS) == set(STATUSES), "every status of the store needs a key in the reader"

NO_CLAIM = "No claim under the cursor; ] goes to the next."


class ClaimEditing:
    """Mixed into ReaderScreen: self is the reader."""

    # the claim under the cursor ----------------------------------------------
    def _claim_under_cursor(self: "ReaderScreen") -> int | None:
        span = self.view.claim_at(self.view.cursor)
        return span.id if span is not None and span.id in self.claims else None

    def _require_claim(self: "ReaderScreen") -> int | None:
        """The claim the cursor is on; never the last one the panel showed; None
        (said) if the view was stale and has just been reloaded (reader_fresh)."""
        if not self.check_fresh(acting=True):
            return None
        claim_id = self._claim_under_cursor()
        if claim_id is None:
            self.notify(NO_CLAIM, severity="warning", markup=False)
        return claim_id

    def _version(self: "ReaderScreen", claim_id: int) -> int:
        return self.claims[claim_id]["version"]

    def _save(self: "ReaderScreen", description: str, change, done=None) -> bool:
        if not save(self, description, change, done, refused=self.refused_stale):
            return False
        self.reload_claims()
        return True

    # creating ------------------------------------------------------------------
    def _select_existing(self: "ReaderScreen", claim_id: int) -> None:
        claim = self.claims[claim_id]
        # Selected from its end back to its start, so the cursor stays on the claim.
        self.view.select(claim["end"], claim["start"])
        self.notify(f"Claim #{claim_id} already holds these words: selected it, no copy made.", markup=False)

    def action_create_claim(self: "ReaderScreen") -> None:
        if not self.check_fresh(acting=True) or self.selection_lost():
            return
        selection = self.view.selection
        if selection is None and self._claim_under_cursor() is not None:
            self._select_existing(self._claim_under_cursor())
            return
        span = selection or self._sentence_at(self.view.cursor)
        if span is None:
            self.notify("Nothing to make a claim of here.", severity="warning", markup=False)
            return
        text = self.document["text"]
        start, end = span
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return
        existing = claim_on_span(self.app.store.db, self.report_id, start, end)
        if existing is not None and existing in self.claims:
            self._select_existing(existing)
            return
        created: list[int] = []
        revision = self.document["revision"]  # the store refuses the span if the report was re-imported meanwhile
        if self._save("add claim", lambda action: created.append(add_claim(action, self.report_id, text[start:end], span=(start, end),
                                                                           expect_revision=revision)),
                      done=lambda: f"Saved: claim #{created[0]} created"):
            self.view.move_to(start)  # on the new claim, selection cleared: the next key applies to it

    # verdict and confidence ------------------------------------------------------
    def action_status(self: "ReaderScreen", status: str) -> None:
        claim_id = self._require_claim()
        if claim_id is None:
            return
        if self.claims[claim_id]["status"] == status:
            self.notify(f"Claim #{claim_id} is {status} already.", markup=False, timeout=3)
            return
        version = self._version(claim_id)
        self._save(f"claim #{claim_id}: status {status}", lambda action: set_claim(action, claim_id, status=status, expect_version=version))

    def action_confidence(self: "ReaderScreen", level: int) -> None:
        claim_id = self._require_claim()
        if claim_id is not None:
            version = self._version(claim_id)
            self._save(f"claim #{claim_id}: confidence {level} {CONFIDENCE_LEVELS[level]}",
                       lambda action: set_claim(action, claim_id, confidence=level, expect_version=version))

    def action_clear_confidence(self: "ReaderScreen") -> None:
        claim_id = self._require_claim()
        if claim_id is None:
            return
        if self.claims[claim_id]["confidence"] is None:
            self.notify(f"Claim #{claim_id} has no confidence to clear.", markup=False, timeout=3)
            return
        version = self._version(claim_id)
        self._save(f"claim #{claim_id}: confidence cleared", lambda action: set_claim(action, claim_id, clear_confidence=True, expect_version=version))

    def action_note(self: "ReaderScreen") -> None:
        claim_id = self._require_claim()
        if claim_id is None:
            return
        version = self._version(claim_id)

        def answered(note: str | None) -> None:
            if note is not None:
                self._save(f"claim #{claim_id}: note", lambda action: set_claim(action, claim_id, note=note, expect_version=version))

        self.app.push_screen(NoteScreen(f"Note on claim #{claim_id}", value=self.claims[claim_id]["note"]), answered)

    # entities --------------------------------------------------------------------
    def action_entity(self: "ReaderScreen") -> None:
        claim_id = self._require_claim()
        if claim_id is None:
            return
        names = []
        for entity in list_entities(self.app.store.db):
            names.append(entity["name"])
            names.extend(entity["aliases"])
        mentioned = [e["name"] for e in self.claims[claim_id].get("suggested_entities", [])]
        hint = "Name, or Name:type (person, organization, place, event, other). Tab completes; Tab again, the next name."
        if mentioned:
            hint += f" Mentioned here: {', '.join(mentioned)}."

        def answered(raw: str | None) -> None:
            if raw and raw.strip():
                try:
                    entity = parse_entity_argument(raw)
                except ValueError as exc:
                    self.notify(str(exc), severity="error", markup=False)
                    return
                self._tag_or_ask(claim_id, entity)

        prompt = PromptScreen(f"Entity for claim #{claim_id}", hint=hint, completer=lambda typed: complete_entity(typed, names))
        self.app.push_screen(prompt, answered)

    def _tag_or_ask(self: "ReaderScreen", claim_id: int, entity: tuple[str, str | None]) -> None:
        """Tag with the entity; a name new to the registry but one typo away from
        a registered one is asked about first (a typo would make an entity of its own)."""
        name, kind = entity
        db = self.app.store.db
        near = entities_one_edit_away(db, name) if find_entity(db, name) is None else []
        if not near:
            self._tag(claim_id, entity, hint_similar=True)
            return
        choices: list[tuple[str, object]] = []
        for other in near:
            also = f", as “{other['matched']}”" if other["matched"] != other["name"] else ""
            choices.append((f"Tag with {other['name']} ({other['type']}{also})", (other["name"], None)))
        choices.append((f"Create the new entity “{name}”" + (f" ({kind})" if kind else ""), entity))
        spelled = " or ".join(f"“{other['matched']}”" for other in near)

        def chosen(choice) -> None:
            if choice is not None:
                self._tag(claim_id, choice, hint_similar=False)

        self.app.push_screen(ChoiceScreen(f"“{name}” is not in the registry; it is one letter away from {spelled}.", choices,
                                          hint="Enter: choose · Escape: cancel (nothing is saved)"), chosen)

    def _tag(self: "ReaderScreen", claim_id: int, entity: tuple[str, str | None], *, hint_similar: bool) -> None:
        if claim_id not in self.claims:
            self.notify(NO_CLAIM, severity="warning", markup=False)
            return
        version = self._version(claim_id)
        new = find_entity(self.app.store.db, entity[0]) is None
        saved = self._save(f"claim #{claim_id}: entity {entity[0]}",
                           lambda action: set_claim(action, claim_id, add_entities=[entity], expect_version=version))
        if saved and new and hint_similar:
            similar = [e["name"] for e in similar_entities(self.app.store.db, entity[0])]
            if similar:
                self.notify(f"{entity[0]} resembles {', '.join(similar)}: merge them in the review desk if they are one.", markup=False)

    def action_untag(self: "ReaderScreen") -> None:
        claim_id = self._require_claim()
        if claim_id is None:
            return
        entities = self.claims[claim_id]["entities"]
        if not entities:
            self.notify(f"Claim #{claim_id} has no entity tags (e adds one).", markup=False)
            return

        def toggled(name, on: bool) -> bool:
            if claim_id not in self.claims:
                self.notify(NO_CLAIM, severity="warning", markup=False)
                return False
            version = self._version(claim_id)
            if on:
                return self._save(f"claim #{claim_id}: entity {name}", lambda a: set_claim(a, claim_id, add_entities=[(name, None)], expect_version=version))
            return self._save(f"claim #{claim_id}: entity {name} removed", lambda a: set_claim(a, claim_id, remove_entities=[name], expect_version=version))

        items = [(f"{e['name']} ({e['type']})", e["name"], True) for e in entities]
        self.app.push_screen(ToggleScreen(f"Entity tags of claim #{claim_id}", items, toggled,
                                          hint="Space or Enter: remove the tag (or put it back), saved at once · Escape: close"))

    # citations -------------------------------------------------------------------
    def action_cite(self: "ReaderScreen") -> None:
        claim_id = self._require_claim()
        if claim_id is None:
            return
        notes = self.document["footnotes"]
        if not notes:
            self.notify("This report has no footnotes.", markup=False)
            return
        claim = self.claims[claim_id]
        cited = set(claim["citations"])
        items = []
        for note in notes:
            text = " ".join(note["text"].split())
            items.append((f"{note['number']}. {text[:90]}{'…' if len(text) > 90 else ''}", note["number"], note["number"] in cited))

        def toggled(number, on: bool) -> bool:
            if claim_id not in self.claims:
                self.notify(NO_CLAIM, severity="warning", markup=False)
                return False
            version = self._version(claim_id)
            change = {"attach": [number]} if on else {"detach": [number]}
            verb = "attached to" if on else "detached from"
            return self._save(f"claim #{claim_id}: note {number} {'attached' if on else 'detached'}",
                              lambda a: set_claim(a, claim_id, **change, expect_version=version),
                              done=f"Saved: note {number} {verb} claim #{claim_id}")

        # Start at the claim's first citation, or at the first note marked after its start.
        near = [i for i, note in enumerate(notes) if note["number"] in cited]
        near = near or [i for i, note in enumerate(notes) if any(o >= claim["start"] for o in note["marker_offsets"])]
        self.app.push_screen(ToggleScreen(f"Footnotes cited by claim #{claim_id}", items, toggled, start=near[0] if near else 0,
                                          hint="Space or Enter: attach or detach the note, saved at once · Escape: close"))

    # removing --------------------------------------------------------------------
    def action_delete_claim(self: "ReaderScreen") -> None:
        claim_id = self._require_claim()
        if claim_id is None:
            return
        version = self._version(claim_id)
        self._save(f"remove claim #{claim_id}", lambda action: remove_claim(action, claim_id, expect_version=version),
                   done=f"Claim #{claim_id} removed (recorded; ctrl+z brings it back).")
