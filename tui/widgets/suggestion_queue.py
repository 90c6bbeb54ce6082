"""The suggestions queue: proposed duplicates, best first, decided one by one.

Stored suggestions (the matcher's claim pairs) show at once; passages of other
reports that state a claim again are searched for in a worker and join the
queue when found. Confirming a passage makes it a claim of its own.
"""

from __future__ import annotations

import time

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, ProgressBar, Static
from textual.worker import Worker, get_current_worker

from claimdesk.checking import suggest_links
from claimdesk.review_filter import ReviewFilter
from claimdesk.suggestions import (
    Suggestion,
    confirm_suggestion,
    iter_passage_suggestions,
    merge_suggestions,
    reject_suggestion,
    suggested_links,
    suggestion_order,
    value_differences,
)
from claimdesk.store.db import Store
from claimdesk.tui.saving import save
from claimdesk.tui.workers import show_worker_failure
from claimdesk.tui.widgets.desk_list import DeskList
from claimdesk.tui.widgets.pair_view import PairView
from claimdesk.tui.widgets.sides import SideBuilder

_RELATION_STYLES = {"duplicate": "green", "conflict": "red"}


def _cells(item: Suggestion) -> tuple[Text, ...]:
    other = _snippet(item.other_report, item.other_text)
    if item.other_claim is None:
        other.append(" (passage)", style="italic")
    return (
        Text(f"{item.score:.0f}", justify="right"),
        Text(item.relation, style=_RELATION_STYLES.get(item.relation, "")),
        _snippet(item.claim_report, item.claim_quote),
        other,
    )


# Up to this many sentences in the store (a few hundred reports), passages are
# searched as soon as the queue opens; past it, when the editor presses g.
AUTO_SEARCH_PASSAGES = 50_000


class WorkerCancelled(Exception):
    """Raised inside a worker's progress callback to stop long work early."""


def _snippet(report: str, text: str, width: int = 48) -> Text:
    cell = Text(f"{report}: ", style="bold", end="")
    cell.append(text if len(text) <= width else text[: width - 1] + "…")
    return cell


class SuggestionQueue(DeskList, Vertical):
    TABLE_ID = "suggestions-table"

    BINDINGS = [
        Binding("c", "confirm", "Confirm", id="suggestions.confirm", tooltip="Same claim: confirm the link (a passage becomes a claim of its own)"),
        Binding("k", "confirm(True)", "Other kind", id="suggestions.confirm_other_kind",
                tooltip="Confirm as the other kind: a conflict where the matcher saw a duplicate, or the reverse"),
        Binding("r", "reject", "Reject", id="suggestions.reject", tooltip="Not the same claim: reject it; it is not proposed again"),
        Binding("s", "skip", "Skip", id="suggestions.skip", tooltip="Decide later: move it to the end of the queue"),
        Binding("g", "find_more", "Find more", show=False, id="suggestions.find", tooltip="Compare all claims again, then search other reports' passages (in the background)"),
        Binding("h", "history", "History", show=False, id="suggestions.history", tooltip="Change history of both claims"),
        Binding("o", "open", "Open", id="suggestions.open", tooltip="Open the left claim in the reader"),
    ]

    class Progress(Message):
        def __init__(self, done: int, total: int, what: str) -> None:
            super().__init__()
            self.done, self.total, self.what = done, total, what

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, SuggestionQueue.Progress)

    class PassagesFound(Message):
        def __init__(self, found: list[Suggestion], generation: int, finished: bool) -> None:
            super().__init__()
            self.found, self.generation, self.finished = found, generation, finished

    class Decided(Message):
        """A link was confirmed or rejected: other views (conflicts, clusters) are stale."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[Suggestion] = []
        self.filter = ReviewFilter()
        self.generation = 0
        self.total_stored = 0
        self.passages_searched = False

    def compose(self) -> ComposeResult:
        yield Static(Text(""), id="suggestions-caption", classes="caption", markup=False)
        yield ProgressBar(id="suggestions-progress", show_eta=False, classes="desk-progress")
        yield DataTable(id="suggestions-table", cursor_type="row")
        yield PairView(id="suggestions-pair")

    def on_mount(self) -> None:
        self.sides = SideBuilder(self.app.store)
        self.query_one(DataTable).add_columns("Score", "Kind", "A", "B")

    # loading -------------------------------------------------------------------
    def reload(self, flt: ReviewFilter, search: bool | None = None) -> None:
        """Stored suggestions now; passages when the background search has them.

        search: look for passages (None: only on a store small enough for the
        search to be quick; on a big one it costs about half a second a claim
        and slows the screen while it runs, so it waits for g).
        """
        self.filter = flt
        self.sides.forget()
        self.rows, self.total_stored = suggested_links(self.app.store.db, flt)
        self.generation += 1
        if search is None:
            search = self.app.store.db.execute("SELECT count(*) FROM passages").fetchone()[0] <= AUTO_SEARCH_PASSAGES
        self.passages_searched = search
        self.redraw()
        if search:
            self.search_passages(flt, self.generation)

    def redraw(self, keep: int | None = None) -> None:
        table = self.table
        row = table.cursor_row if keep is None else keep
        table.clear()
        for item in self.rows:
            table.add_row(*_cells(item), key=item.key)
        self.restore_cursor(row)
        self.show_current()
        self.caption()

    def caption(self) -> None:
        passages = sum(1 for item in self.rows if item.link is None)
        shown = len(self.rows) - passages
        more = f" (best {shown:,} of {self.total_stored:,})" if self.total_stored > shown else ""
        found = f"{passages} passage(s) from other reports" if self.passages_searched else "passages of other reports not searched yet (g)"
        text = Text(f"{shown} suggested link(s){more} and {found} · ", end="")
        text.append("c confirms · k as the other kind · r rejects · s skips · g finds more · o opens · h history", style="dim")
        self.query_one("#suggestions-caption", Static).update(text)

    @work(thread=True, exclusive=True, exit_on_error=False, group="passages", name="Passage search")
    def search_passages(self, flt: ReviewFilter, generation: int) -> None:
        """Passages as they are found, a batch every second or so: on a big
        store each claim costs a corpus query, and the editor need not wait."""
        worker = get_current_worker()
        batch: list[Suggestion] = []
        sent = time.monotonic()
        with Store(self.app.db_path) as store:
            for done, total, suggestions in iter_passage_suggestions(store, flt):
                if worker.is_cancelled:
                    return  # a newer search, or the desk or the app closed: stop between claims
                batch += suggestions
                self.post_message(self.Progress(done, total, "passages"))
                if batch and (time.monotonic() - sent > 1.0 or done == total):
                    self.post_message(self.PassagesFound(batch, generation, finished=False))
                    batch, sent = [], time.monotonic()
        self.post_message(self.PassagesFound(batch, generation, finished=True))

    def on_suggestion_queue_passages_found(self, message: PassagesFound) -> None:
        if message.finished:
            self.query_one("#suggestions-progress").remove_class("visible")
        if message.generation != self.generation or not message.found:
            return  # the filter changed or a newer search started; or nothing new
        current = self.current()
        stored = [item for item in self.rows if item.link is not None]
        passages = {item.key: item for item in self.rows if item.link is None}
        merge_suggestions(passages, [item for item in message.found if item.key not in {s.key for s in stored}])
        self.rows = stored + sorted(passages.values(), key=suggestion_order)
        # The editor keeps the row they are reading, wherever the new ones land.
        keep = self.rows.index(current) if current in self.rows else self.table.cursor_row
        self.redraw(keep=keep)

    def on_suggestion_queue_progress(self, message: Progress) -> None:
        bar = self.query_one("#suggestions-progress", ProgressBar)
        bar.add_class("visible")
        bar.update(total=max(1, message.total), progress=message.done)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if show_worker_failure(event):
            self.query_one("#suggestions-progress").remove_class("visible")

    # the pair ------------------------------------------------------------------
    def show_current(self) -> None:
        pair = self.query_one(PairView)
        item = self.current()
        if item is None:
            pair.clear("Nothing to review. g compares all claims again; the reader (from the library) makes new claims.")
            return
        left = self.sides.claim("A", item.claim)
        if item.other_claim is not None:
            right = self.sides.claim("B", item.other_claim)
        else:
            right = self.sides.passage("B", item.other_report, item.other_start, item.other_end, item.other_text)
        differences = value_differences(item.claim_quote, item.other_text, item.differences)
        left.support = Text(f"score {item.score:.1f} ({item.relation})", style="dim")
        pair.show(left, right, differences)

    # decisions -----------------------------------------------------------------
    def _decided(self, item: Suggestion) -> None:
        """Take the row out where it is (a redraw of hundreds of rows is slow)."""
        index = self.rows.index(item)
        self.rows.remove(item)
        self.table.remove_row(item.key)
        self.restore_cursor(index)
        self.show_current()
        self.caption()
        self.post_message(self.Decided())

    def action_confirm(self, other_kind: bool = False) -> None:
        item = self.current()
        if item is None:
            return
        kind = ("conflict" if item.relation == "duplicate" else "duplicate") if other_kind else item.relation
        other = "a new claim" if item.other_claim is None else f"#{item.other_claim}"
        if save(self, f"confirm {kind}: #{item.claim} and {other}", lambda action: confirm_suggestion(action, item, kind)):
            self._decided(item)

    def action_reject(self) -> None:
        item = self.current()
        if item is not None and save(self, f"reject suggestion: #{item.claim} and {item.other_report}", lambda action: reject_suggestion(action, item)):
            self._decided(item)

    def action_skip(self) -> None:
        item = self.current()
        if item is None or len(self.rows) < 2:
            return
        index = self.rows.index(item)
        self.rows.append(self.rows.pop(index))
        self.table.remove_row(item.key)
        self.table.add_row(*_cells(item), key=item.key)
        self.restore_cursor(index)
        self.show_current()

    def action_history(self) -> None:
        item = self.current()
        if item is not None:
            self.show_history([item.claim] + ([item.other_claim] if item.other_claim else []))

    def action_open(self) -> None:
        item = self.current()
        if item is not None:
            self.app.open_claim(item.claim)

    def action_find_more(self) -> None:
        self.compare_all()

    @work(thread=True, exclusive=True, exit_on_error=False, group="suggest", name="Comparing claims")
    def compare_all(self) -> None:
        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            if worker.is_cancelled:
                raise WorkerCancelled()  # before anything is written: suggestions are saved in one action at the end
            self.post_message(self.Progress(done, total, "claims"))

        with Store(self.app.db_path) as store:
            try:
                result = suggest_links(store, self.app.reviewer, progress=progress)
            except WorkerCancelled:
                return
        self.app.call_from_thread(self.app.notify, f"Compared {result['claims']} claims: {result['suggestions']} suggestion(s)", markup=False)
        self.app.call_from_thread(self.reload, self.filter, True)
