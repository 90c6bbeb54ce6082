"""What the command palette (ctrl+p) offers: every action under a readable name.

One table, keyed by the binding's id, names each key's action as a person
would ask for it ("Next claim", "Conflicts queue", "Export the register…"),
never the binding's footer label with its raw key name ("Next
(right_square_bracket)"). The key itself is in the command's help line, as the
footer shows it. A binding with an id missing here falls back to its footer
label; tests/test_tui_discoverable.py keeps the table complete.
"""

from __future__ import annotations

PALETTE_NAMES: dict[str, str] = {
    # everywhere
    "app.quit": "Quit",
    "app.back": "Back one screen",
    "app.help": "Help: every key of this screen",
    "app.undo": "Undo the last change",
    "app.redo": "Redo what undo took back",
    # the library
    "library.open": "Open the report",
    "library.import": "Import…",
    "library.search": "Search the corpus…",
    "library.review": "Review desk",
    "library.export": "Export the register…",
    "library.back": "Close the search",
    "library.warnings": "Import warnings of the report",
    # the reader
    "reader.find": "Find in the report…",
    "reader.find_next": "Next match",
    "reader.find_prev": "Previous match",
    "reader.sentence": "Select the sentence at the cursor",
    "reader.claim": "Create a claim from the selection",
    "reader.next_claim": "Next claim",
    "reader.prev_claim": "Previous claim",
    "reader.verified": "Mark verified",
    "reader.disputed": "Mark disputed",
    "reader.false": "Mark false",
    "reader.unverifiable": "Mark unverifiable",
    "reader.unreviewed": "Mark unreviewed (no verdict)",
    "reader.needs_review": "Mark needs re-review",
    "reader.entity": "Tag the claim with an entity…",
    "reader.untag": "Remove an entity tag…",
    "reader.confidence1": "Confidence 1: doubtful",
    "reader.confidence2": "Confidence 2: weak",
    "reader.confidence3": "Confidence 3: plausible",
    "reader.confidence4": "Confidence 4: solid",
    "reader.confidence5": "Confidence 5: established",
    "reader.confidence0": "Clear the confidence",
    "reader.note": "Edit the claim's note…",
    "reader.footnotes": "Footnotes here (compare with the cited report)",
    "reader.cite": "Attach or detach footnotes…",
    "reader.delete": "Delete this claim",
    "reader.history": "History of this claim",
    "reader.back": "Back (close the find, clear the matches or the selection, or to the library)",
    "reader.close": "Back to the library",
    "reader.top": "Top of the report",
    "reader.bottom": "End of the report",
    "reader.copy": "Copy the quote or the selection",
    "reader.contents": "Table of contents (go to a heading)…",
    "reader.warnings": "Import warnings of this report",
    # the review desk
    "review.filter": "Filter every list…",
    "review.suggestions": "Suggestions queue",
    "review.conflicts": "Conflicts queue",
    "review.clusters": "Clusters of the same claim",
    "review.entities": "Entities desk",
    "review.claims": "Claims list",
    "review.back": "Back to the library",
    "review.quit": "Quit",
    "suggestions.confirm": "Confirm the suggestion",
    "suggestions.confirm_other_kind": "Confirm as the other kind (conflict / duplicate)",
    "suggestions.reject": "Reject the suggestion",
    "suggestions.skip": "Skip the suggestion (decide later)",
    "suggestions.find": "Find more suggestions",
    "suggestions.history": "History of these claims",
    "suggestions.open": "Open the claim in the reader",
    "conflicts.keep_a": "Keep version A…",
    "conflicts.keep_b": "Keep version B…",
    "conflicts.reject": "Not a conflict",
    "conflicts.reopen": "Reopen the conflict",
    "conflicts.history": "History of both claims",
    "conflicts.open": "Open the claim in the reader",
    "clusters.open": "Open the first appearance",
    "clusters.history": "History of every claim in the cluster",
    "entities.merge": "Merge the entity…",
    "entities.rename": "Rename the entity…",
    "entities.alias": "Add an alias…",
    "entities.type": "Set the entity's type…",
    "entities.claims": "Claims of the entity",
    "claims.open": "Open the claim in the reader",
    "claims.history": "History of this claim",
    "claims.verified": "Mark verified",
    "claims.disputed": "Mark disputed",
    # dialogs
    "dialog.cancel": "Cancel",
    "dialog.close": "Close",
    "dialog.switch": "Switch the highlighted item",
    "help.close": "Close the help",
    "history.close": "Close the history",
    "footnotes.close": "Close the footnotes",
    "compare.back": "Back to the footnotes",
    "prompt.complete": "Complete the name",
    "note.save": "Save the note",
    "contents.close": "Close the table of contents",
    "warnings.close": "Close the warnings",
}
"""Binding id → the command's name in the palette."""

NOT_IN_PALETTE = frozenset({
    "reader.left", "reader.right", "reader.up", "reader.down",
    "reader.select_left", "reader.select_right", "reader.select_up", "reader.select_down",
    "reader.word_left", "reader.word_right", "reader.page_up", "reader.page_down", "reader.home", "reader.end",
    "reader.copy_ctrl_c",
})
"""Moving the cursor is a key, not a command: in the ? help, not in the palette
(nor ctrl+c, a second key for "Copy the quote or the selection", y)."""

ON_A_CLAIM = frozenset({
    "reader.verified", "reader.disputed", "reader.false", "reader.unverifiable", "reader.unreviewed", "reader.needs_review",
    "reader.entity", "reader.untag", "reader.confidence1", "reader.confidence2", "reader.confidence3", "reader.confidence4",
    "reader.confidence5", "reader.confidence0", "reader.note", "reader.cite", "reader.delete", "reader.history",
})
"""The reader's commands that change or show the claim under the cursor: off a
claim the palette leaves them out (the keys say there is no claim)."""


def palette_name(binding_id: str, fallback: str) -> str:
    return PALETTE_NAMES.get(binding_id, fallback)
