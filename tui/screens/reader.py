"""The reader: a report's text, its claims, and what the corpus says about them."""

from __future__ import annotations

import re

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.worker import Worker
from textual.screen import Screen
from textual.widgets import Footer, Header, Input

from claimdesk.checking import check_claim
from claimdesk.claims.anchoring import quote_pattern
from claimdesk.sources.model import page_at
from claimdesk.store.claims import claim_document, list_claims
from claimdesk.store.db import Store
from claimdesk.store.reports import list_reports, report_document
from claimdesk.tui.messages import CheckReady
from claimdesk.tui.screens.reader_editing import STATUS_KEYS, ClaimEditing
from claimdesk.tui.screens.reader_fresh import FreshState
from claimdesk.tui.workers import show_worker_failure
from claimdesk.tui.widgets.claim_panel import ClaimPanel
from claimdesk.tui.widgets.report_view import ClaimSpan, ReportView


# The footer shows only the keys used all day, so that it fits 80 columns (the four
# verdicts as one group: "v x F u Verdict"); every key is in the ? help and the palette.
VERDICT = Binding.Group("Verdict")
_STATUS_TIPS = {
    "verified": "Mark the claim verified",
    "disputed": "Mark the claim disputed",
    "false": "Mark the claim false",
    "unverifiable": "Mark the claim unverifiable",
    "unreviewed": "Back to unreviewed (no verdict)",
    "needs-review": "Mark the claim as needing re-review",
}
_STATUS_NAMES = {"verified": "Verified", "disputed": "Disputed", "false": "False", "unverifiable": "Unverifiable",
                 "unreviewed": "Unreviewed", "needs-review": "Re-review"}
_IN_FOOTER = ("verified", "disputed", "false", "unverifiable")


class ReaderScreen(FreshState, ClaimEditing, Screen):
    BINDINGS = [
        Binding("slash", "find", "Find", id="reader.find", tooltip="Find in the report; Enter goes to the match, n/N to the next/previous"),
        Binding("n", "find_step(1)", "Next match", show=False, id="reader.find_next", tooltip="Next match of the last find"),
        Binding("N", "find_step(-1)", "Prev match", show=False, id="reader.find_prev", tooltip="Previous match of the last find"),
        Binding("s", "select_sentence", "Sentence", show=False, id="reader.sentence", tooltip="Select the sentence at the cursor"),
        Binding("c", "create_claim", "Claim", id="reader.claim", tooltip="Create a claim from the selection or the sentence (on a claim: select it)"),
        Binding("right_square_bracket", "next_claim(1)", "Next", show=False, id="reader.next_claim", tooltip="Next claim"),
        Binding("left_square_bracket", "next_claim(-1)", "Prev", show=False, id="reader.prev_claim", tooltip="Previous claim"),
        *(
            Binding(STATUS_KEYS[status], f"status('{status}')", _STATUS_NAMES[status], show=status in _IN_FOOTER,
                    group=VERDICT if status in _IN_FOOTER else None, id=f"reader.{status.replace('-', '_')}", tooltip=_STATUS_TIPS[status])
            for status in STATUS_KEYS
        ),
        Binding("e", "entity", "Entity", id="reader.entity", tooltip="Tag the claim with an entity (Name or Name:type; Tab completes)"),
        Binding("E", "untag", "Untag", show=False, id="reader.untag", tooltip="Remove an entity tag from the claim"),
        Binding("1", "confidence(1)", "Conf 1", show=False, id="reader.confidence1", tooltip="Confidence 1: doubtful"),
        Binding("2", "confidence(2)", "Conf 2", show=False, id="reader.confidence2", tooltip="Confidence 2: weak"),
        Binding("3", "confidence(3)", "Conf 3", show=False, id="reader.confidence3", tooltip="Confidence 3: plausible"),
        Binding("4", "confidence(4)", "Conf 4", show=False, id="reader.confidence4", tooltip="Confidence 4: solid"),
        Binding("5", "confidence(5)", "Conf 5", show=False, id="reader.confidence5", tooltip="Confidence 5: established"),
        Binding("0", "clear_confidence", "No conf", show=False, id="reader.confidence0", tooltip="Clear the confidence (unrated)"),
        Binding("m", "note", "Note", show=False, id="reader.note", tooltip="Edit the claim's note (m for memo; n is the next match)"),
        Binding("f", "footnotes", "Notes", id="reader.footnotes", tooltip="Footnotes at the cursor; Enter compares with the cited report"),
        Binding("a", "cite", "Cite", show=False, id="reader.cite", tooltip="Attach or detach footnotes of the claim"),
        Binding("h", "history", "History", show=False, id="reader.history", tooltip="The claim's full change history"),
        Binding("delete,D", "delete_claim", "Delete", show=False, id="reader.delete", tooltip="Remove the claim (recorded; ctrl+z brings it back)"),
        Binding("escape", "back", "Back", show=False, id="reader.back", tooltip="Close the find, clear the matches or the selection, or go back"),
        Binding("q", "close", "Back", show=False, id="reader.close", tooltip="Back one screen (to the library); ctrl+q quits"),
        Binding("y", "copy", "Copy", show=False, id="reader.copy", tooltip="Copy the selection, or the claim's quote, to the clipboard (also ctrl+c)"),
        # ctrl+c copies too (Textual's own would only say how to quit); without a
        # description, so that the help and the palette name the copy once, under y.
        Binding("ctrl+c", "copy", show=False, id="reader.copy_ctrl_c"),
        Binding("t", "contents", "Contents", show=False, id="reader.contents", tooltip="Table of contents: jump to a heading"),
        Binding("w", "warnings", "Warnings", show=False, id="reader.warnings", tooltip="The report's import warnings, one a line"),
    ]

    def __init__(self, report_id: str, start: int | None = None) -> None:
        super().__init__()
        self.report_id = report_id
        self.start = start
        self.document = report_document(self.app.store, report_id)
        self.footnotes = {note["number"]: note for note in self.document["footnotes"]}
        self.sentences = [(s["start"], s["end"]) for s in self.document["sentences"]]
        self.current_claim: int | None = None
        self.find_matches: list[tuple[int, int]] = []
        self.find_query = ""

    def markers_and_headings(self) -> tuple[list[tuple[int, str]], list[tuple[int, int]]]:
        markers = [(offset, str(note["number"])) for note in self.document["footnotes"] for offset in note["marker_offsets"]]
        headings = [(s["start"], s["start"] + len(s["title"])) for s in self.document["sections"]]
        return markers, headings

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="reader-body"):
            yield ReportView(self.document["text"], *self.markers_and_headings(), id="report-view")
            yield ClaimPanel(id="claim-panel")
        yield Input(placeholder="Find (Enter: go to the match; then n/N: next/previous; Escape: close)", id="find-bar")
        yield Footer(show_command_palette=False)  # ctrl+p still opens it; ? lists every key

    def on_mount(self) -> None:
        self.title = self.document["title"] or self.report_id
        self._sub_title = f"{self.report_id} · {', '.join(self.document['authors']) or 'unknown authors'} · {self.document['date'] or 'undated'}"
        self.sub_title = self._sub_title
        self._show_page(self.start or 0)
        self.reload_claims()
        view = self.query_one(ReportView)
        view.focus()
        self.start_watching()
        if self.start is not None:
            self.call_after_refresh(view.move_to, self.start, center=True)

    # claims ------------------------------------------------------------------
    @property
    def view(self) -> ReportView:
        return self.query_one(ReportView)

    def reload_claims(self) -> None:
        self._signature = self._store_signature()
        claims = list_claims(self.app.store.db, self.report_id)
        self.claims = {c["id"]: c for c in claims}
        self.view.set_claims([ClaimSpan(c["id"], c["start"], c["end"], c["status"], c["confidence"]) for c in claims if c["anchor"] != "orphaned"])
        self.current_claim = self._claim_under_cursor()
        self.show_current()

    def show_current(self, check: bool = True) -> None:
        claim = claim_document(self.app.store.db, self.current_claim) if self.current_claim in self.claims else None
        reports = {r["id"]: r for r in list_reports(self.app.store.db)}
        self.query_one(ClaimPanel).show_claim(claim, self.footnotes, reports)
        if claim is not None and check:
            self.run_check(claim["id"])

    def _show_page(self, offset: int) -> None:
        """Where the source marks its pages, the header says which page the cursor is on."""
        label = page_at(self.document.get("pages", []), offset)
        self.sub_title = f"{self._sub_title} · p. {label}" if label else self._sub_title

    @on(ReportView.CursorMoved)
    def _cursor_moved(self, event: ReportView.CursorMoved) -> None:
        self._show_page(event.offset)
        # The panel shows the claim under the cursor, and nothing off a claim: what the
        # keys would change is always what the panel shows.
        claim_id = self._claim_under_cursor()
        if claim_id != self.current_claim:
            self.current_claim = claim_id
            self.show_current()

    @work(thread=True, exclusive=True, exit_on_error=False, group="check")
    def run_check(self, claim_id: int) -> None:
        """The corpus check runs in a thread with its own store connection."""
        with Store(self.app.db_path) as store:
            result = check_claim(store, claim_id)
        self.post_message(CheckReady(claim_id, result))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        show_worker_failure(event)

    def on_check_ready(self, message: CheckReady) -> None:
        if message.claim_id == self.current_claim:
            self.query_one(ClaimPanel).show_check(message.result)

    # actions -----------------------------------------------------------------
    def action_select_sentence(self) -> None:
        self.check_fresh(acting=False)
        span = self._sentence_at(self.view.cursor)
        if span:
            self.view.select(*span)

    def _sentence_at(self, offset: int) -> tuple[int, int] | None:
        for start, end in self.sentences:
            if start <= offset < end or (offset == end and start < end):
                return start, end
        following = [s for s in self.sentences if s[0] >= offset]
        return following[0] if following else None

    def action_next_claim(self, direction: int) -> None:
        spans = self.view.claims
        if not spans:
            self.notify("No claims in this report yet.", markup=False)
            return
        cursor = self.view.cursor
        if direction > 0:
            following = [c for c in spans if c.start > cursor]
            target = following[0] if following else spans[0]
        else:
            preceding = [c for c in spans if c.start < cursor]
            target = preceding[-1] if preceding else spans[-1]
        self.view.move_to(target.start, center=True)

    def action_footnotes(self) -> None:
        from claimdesk.tui.screens.footnotes import FootnotesScreen

        self.check_fresh(acting=False)
        cursor = self.view.cursor
        span = self.view.selection or self._sentence_at(cursor) or (cursor, cursor)
        claim = self.claims.get(self.current_claim) if self.current_claim else None
        if claim and claim["start"] <= cursor <= claim["end"]:
            numbers = list(claim["citations"])
        else:
            low, high = span[0], span[1] + 3
            numbers = [n["number"] for n in self.document["footnotes"] if any(low <= o <= high for o in n["marker_offsets"])]
        if not numbers:
            nearest = sorted(
                ((min(abs(o - cursor) for o in n["marker_offsets"]), n["number"]) for n in self.document["footnotes"] if n["marker_offsets"]),
            )[:3]
            numbers = [number for _, number in nearest]
        if not numbers:
            self.notify("This report has no footnote markers.", markup=False)
            return
        reports = {r["id"]: r for r in list_reports(self.app.store.db)}
        self.app.push_screen(FootnotesScreen(self, numbers, reports))

    def action_history(self) -> None:
        from claimdesk.tui.screens.history import HistoryScreen

        claim_id = self._require_claim()
        if claim_id is not None:
            self.app.push_screen(HistoryScreen([claim_id]))

    def action_copy(self) -> None:
        """The selection's text, else the claim under the cursor's quote, exactly."""
        selection = self.view.selection
        claim_id = self._claim_under_cursor()
        if selection is not None:
            text, what = self.document["text"][selection[0]:selection[1]], "the selection"
        elif claim_id is not None:
            text, what = self.claims[claim_id]["quote"], f"the quote of claim #{claim_id}"
        else:
            self.notify("Nothing to copy: select text (s, shift+arrows) or go to a claim (]).", severity="warning", markup=False)
            return
        self.app.copy_to_clipboard(text)
        self.notify(f"Copied {what} ({len(text):,} characters).", markup=False, timeout=3)

    def action_contents(self) -> None:
        from claimdesk.tui.screens.contents import ContentsScreen

        sections = self.document["sections"]
        if not sections:
            self.notify("This report has no headings.", markup=False)
            return

        def chosen(offset: int | None) -> None:
            if offset is not None:
                self.view.move_to(offset, center=True)

        self.app.push_screen(ContentsScreen(self.title or self.report_id, sections, self.view.cursor), chosen)

    def action_warnings(self) -> None:
        from claimdesk.tui.screens.warnings import WarningsScreen

        self.app.push_screen(WarningsScreen(self.report_id, self.document["title"], self.document["warnings"]))

    def action_find(self) -> None:
        bar = self.query_one("#find-bar", Input)
        bar.add_class("visible")
        # At once, not after a refresh as focus() would: keys typed right after / are
        # the query's, never the reader's (a "1" there would rate the claim).
        self.set_focus(bar)

    @on(Input.Submitted, "#find-bar")
    def _find_submitted(self, event: Input.Submitted) -> None:
        """Enter: highlight every match, go to the first after the cursor, and give the
        keys back to the text (n and N go on from there)."""
        query = event.value.strip()
        if not query:
            return
        self.check_fresh(acting=False)
        self.find_all(query)
        self.query_one("#find-bar", Input).remove_class("visible")
        self.view.focus()
        if not self.find_matches:
            self.notify(f"Not found: {query}", severity="warning", markup=False)
            return
        self.action_find_step(1)

    def find_all(self, query: str) -> None:
        self.find_query = query
        pattern = re.compile(quote_pattern(query).pattern, re.IGNORECASE)
        self.find_matches = [(m.start(), m.end()) for m in pattern.finditer(self.document["text"])]
        self.view.set_highlights(self.find_matches)

    def action_find_step(self, direction: int) -> None:
        """n / N: the next / previous match of the last find, wrapping around."""
        if not self.find_query:
            self.notify("No find yet: / finds in the report.", markup=False)
            return
        self.check_fresh(acting=False)
        if not self.find_matches:
            self.notify(f"Not found: {self.find_query}", severity="warning", markup=False)
            return
        if not self.view.highlights:  # escape took them away; n brings them back
            self.view.set_highlights(self.find_matches)
        cursor = self.view.cursor
        if direction > 0:
            following = [m for m in self.find_matches if m[0] > cursor]
            target = following[0] if following else self.find_matches[0]
        else:
            preceding = [m for m in self.find_matches if m[0] < cursor]
            target = preceding[-1] if preceding else self.find_matches[-1]
        self.view.move_to(target[0], center=True)
        number = self.find_matches.index(target) + 1
        self.notify(f"Match {number} of {len(self.find_matches)}: {self.find_query}", markup=False, timeout=2)

    def action_back(self) -> None:
        bar = self.query_one("#find-bar", Input)
        if bar.has_class("visible"):
            bar.remove_class("visible")
            self.view.focus()
            return
        if self.view.highlights:
            self.view.set_highlights([])
            return
        if self.view.selection:
            self.view.clear_selection()
            return
        self.app.pop_screen()

    def action_close(self) -> None:
        self.app.pop_screen()

    def undone(self) -> None:
        """After an undo anywhere: claims may have changed."""
        self.reload_claims()
