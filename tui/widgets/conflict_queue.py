"""The conflicts queue: claims that state the same fact with different values.

Each conflict shows both versions side by side with their reports, dates and
citations; a worker then follows each version's citations to the cited
reports and counts the independent reports behind it. Resolving keeps one
version with a note (the other becomes disputed); a resolution can be reopened.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static
from textual.worker import Worker

from claimdesk.checking import check_claim
from claimdesk.review import conflict_queue, version_support
from claimdesk.review_filter import ReviewFilter
from claimdesk.suggestions import value_differences
from claimdesk.store.db import Store
from claimdesk.store.links import decide_link, reopen_conflict, resolve_conflict
from claimdesk.tui.saving import save
from claimdesk.tui.screens.dialogs import PromptScreen
from claimdesk.tui.workers import show_worker_failure
from claimdesk.tui.widgets.desk_list import DeskList
from claimdesk.tui.widgets.pair_view import PairView
from claimdesk.tui.widgets.sides import SideBuilder


_MOST_GROUPS = 12


def support_text(support: dict) -> Text:
    """Who stands behind one version: independent sources, and its cited sources."""
    text = Text(end="")
    count = support["independent_reports"]
    text.append(f"Behind this version: {count} independent source{'s' if count != 1 else ''}\n", style="bold")
    groups = support["independent_groups"]
    for group in groups[:_MOST_GROUPS]:
        text.append("  • " + " ← ".join(group) + "\n")
    if len(groups) > _MOST_GROUPS:
        text.append(f"  … and {len(groups) - _MOST_GROUPS} more\n", style="dim")
    if len(support["stating_reports"]) > count:
        text.append("  (reports joined by ← cite one another: one source, repeated)\n", style="dim")
    for item in support["citation_check"]:
        verdict, colour = {True: ("supports it", "green"), False: ("CONTRADICTS it", "red"), None: ("has no matching passage", "yellow")}[item["supported"]]
        text.append(f"Note {item['footnote']} → {item['cited_report']} ", style="bold")
        text.append(verdict + "\n", style=colour)
        if item["passage"]:
            passage = item["passage"]["text"]
            text.append("  “" + (passage if len(passage) <= 240 else passage[:239] + "…") + "”\n", style="italic")
    if not support["citation_check"]:
        text.append("No citation reaches a report of the corpus.\n", style="dim")
    return text


class ConflictQueue(DeskList, Vertical):
    TABLE_ID = "conflicts-table"

    BINDINGS = [
        Binding("a", "keep(0)", "Keep A", id="conflicts.keep_a", tooltip="Resolve: keep the left version, with a note (the other becomes disputed)"),
        Binding("b", "keep(1)", "Keep B", id="conflicts.keep_b", tooltip="Resolve: keep the right version, with a note (the other becomes disputed)"),
        Binding("r", "reject", "Not a conflict", id="conflicts.reject", tooltip="Not the same fact: reject the conflict"),
        Binding("u", "reopen", "Reopen", show=False, id="conflicts.reopen", tooltip="Reopen a resolved conflict"),
        Binding("h", "history", "History", show=False, id="conflicts.history", tooltip="Change history of both claims"),
        Binding("o", "open", "Open", id="conflicts.open", tooltip="Open the left claim in the reader"),
    ]

    class SupportReady(Message):
        def __init__(self, link_id: int, supports: list[dict]) -> None:
            super().__init__()
            self.link_id, self.supports = link_id, supports

    class Decided(Message):
        """A conflict was resolved, rejected or reopened."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[dict] = []
        self.filter = ReviewFilter()
        self.support_cache: dict[int, list[dict]] = {}

    def compose(self) -> ComposeResult:
        yield Static(Text(""), id="conflicts-caption", classes="caption", markup=False)
        yield DataTable(id="conflicts-table", cursor_type="row")
        yield PairView(id="conflicts-pair")

    def on_mount(self) -> None:
        self.sides = SideBuilder(self.app.store)
        self.query_one(DataTable).add_columns("State", "Values", "A", "B")

    def reload(self, flt: ReviewFilter) -> None:
        self.filter = flt
        self.sides.forget()
        self.support_cache.clear()
        row = self.table.cursor_row
        self.rows, total = conflict_queue(self.app.store.db, flt)
        table = self.table
        table.clear()
        for item in self.rows:
            a, b = item["sides"]
            differences = value_differences(a["quote"], b["quote"], item["differences"])
            values = " | ".join(f"{d['claim']} ≠ {d['source']}" for d in differences) or "—"
            state = Text(f"kept #{item['kept']}", style="green") if item["state"] == "resolved" else Text(item["link_state"] == "suggested" and "open (suggested)" or "open", style="bold red")
            table.add_row(state, Text(values, style="yellow"), Text(f"{a['report']}: {a['quote'][:34]}"), Text(f"{b['report']}: {b['quote'][:34]}"), key=str(item["id"]))
        self.restore_cursor(row)
        open_count = sum(1 for item in self.rows if item["state"] == "open")
        more = f" (the first {len(self.rows):,} of {total:,})" if total > len(self.rows) else ""
        caption = Text(f"{open_count} open, {len(self.rows) - open_count} resolved{more} · ", end="")
        caption.append("a/b keeps a version · r: not a conflict · u reopens · o opens · h history", style="dim")
        self.query_one("#conflicts-caption", Static).update(caption)
        self.show_current()

    def show_current(self) -> None:
        pair = self.query_one(PairView)
        item = self.current()
        if item is None:
            pair.clear("No conflicts. Confirmed conflicts from the suggestions queue, and the matcher's (g there), land here.")
            return
        sides = [self.sides.claim(label, side["claim"]) for label, side in zip("AB", item["sides"])]
        supports = self.support_cache.get(item["id"])
        for side, support in zip(sides, supports or [None, None]):
            side.support = support_text(support) if support else Text("Following citations and counting sources…", style="dim italic")
        if item["state"] == "resolved":
            resolution = Text(f"Resolved by {item['resolved_by']} at {item['resolved']}: kept #{item['kept']}. ", style="green")
            resolution.append(item["note"] or "")
            sides[0].support = resolution.append("\n\n").append_text(sides[0].support)
        pair.show(sides[0], sides[1], value_differences(sides[0].quote, sides[1].quote, item["differences"]))
        if supports is None:
            self.find_support(item["id"], [side["claim"] for side in item["sides"]])

    @work(thread=True, exclusive=True, exit_on_error=False, group="support", name="Following citations")
    def find_support(self, link_id: int, claims: list[int]) -> None:
        with Store(self.app.db_path) as store:
            supports = [version_support(store, claim, check_claim(store, claim)) for claim in claims]
        self.post_message(self.SupportReady(link_id, supports))

    def on_conflict_queue_support_ready(self, message: SupportReady) -> None:
        self.support_cache[message.link_id] = message.supports
        item = self.current()
        if item is not None and item["id"] == message.link_id:
            self.show_current()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        show_worker_failure(event)

    # decisions -----------------------------------------------------------------
    def _changed(self) -> None:
        self.reload(self.filter)
        self.post_message(self.Decided())

    def action_keep(self, index: int) -> None:
        item = self.current()
        if item is None:
            return
        if item["state"] == "resolved":
            self.app.notify(f"Already resolved (kept #{item['kept']}); u reopens it.", severity="warning", markup=False)
            return
        kept, other = item["sides"][index], item["sides"][1 - index]

        def answered(note: str | None) -> None:
            if note is None:
                return
            if not note.strip():
                self.app.notify("Nothing saved: a resolution needs a note (why this version?).", severity="warning", markup=False)
                return
            if save(self, f"resolve conflict {item['id']}: keep #{kept['claim']}", lambda action: resolve_conflict(action, item["id"], kept["claim"], note.strip())):
                self._changed()

        self.app.push_screen(
            PromptScreen(
                f"Keep #{kept['claim']} ({kept['report']}) — why?",
                placeholder="e.g. Ifri cites TASS; Werra gives no source",
                hint=f"#{other['claim']} ({other['report']}) becomes disputed. Escape cancels.",
            ),
            answered,
        )

    def action_reject(self) -> None:
        item = self.current()
        if item is not None and save(self, f"not a conflict: link {item['id']}", lambda action: decide_link(action, item["id"], "rejected")):
            self._changed()

    def action_reopen(self) -> None:
        item = self.current()
        if item is None:
            return
        if item["state"] != "resolved":
            self.app.notify("This conflict is open; a and b resolve it.", markup=False)
            return
        if save(self, f"reopen conflict {item['id']}", lambda action: reopen_conflict(action, item["id"])):
            self._changed()

    def action_history(self) -> None:
        item = self.current()
        if item is not None:
            self.show_history([side["claim"] for side in item["sides"]])

    def action_open(self) -> None:
        item = self.current()
        if item is not None:
            self.app.open_claim(item["sides"][0]["claim"])
