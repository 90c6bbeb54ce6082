"""A claim's full change history: who changed what, and when."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from claimdesk.store.claims import claim_document
from claimdesk.store.undo import claim_history
from claimdesk.textviews import describe_change


class HistoryScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,h,q", "close", "Close", id="history.close", tooltip="Close the history")]

    def __init__(self, claim_ids: list[int]) -> None:
        super().__init__()
        self.claim_ids = claim_ids

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="wide"):
            yield Static(Text("History", style="bold"), id="history-title", markup=False)
            yield DataTable(id="history-table", cursor_type="row")

    def on_mount(self) -> None:
        db = self.app.store.db
        table = self.query_one(DataTable)
        table.add_columns("Claim", "When", "Who", "Action", "What changed")
        title = Text(end="")
        for claim_id in self.claim_ids:
            claim = claim_document(db, claim_id, include_removed=True)
            title.append(f"Claim #{claim_id} ", style="bold")
            title.append(f"({claim['report']}): {claim['quote'][:90]}\n", style="dim")
            for change in claim_history(db, claim_id):
                table.add_row(
                    Text(f"#{claim_id}"), Text(change["at"]), Text(change["reviewer"]),
                    Text(f"{change['action']} ({change['target']})"), Text(describe_change(change)),
                )
        title.append("Escape closes.", style="dim")
        self.query_one("#history-title", Static).update(title)
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
