"""Every claim that passes the desk's filter, most recently changed first."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from claimdesk.review import claims_for_desk
from claimdesk.review_filter import ReviewFilter
from claimdesk.store.claims import set_claim
from claimdesk.tui.saving import save
from claimdesk.tui.widgets.claim_panel import STATUS_COLOURS
from claimdesk.tui.widgets.desk_list import DeskList


class ClaimList(DeskList, Vertical):
    TABLE_ID = "claims-table"

    BINDINGS = [
        Binding("o", "open", "Open", id="claims.open", tooltip="Open the claim in the reader"),
        Binding("h", "history", "History", id="claims.history", tooltip="The claim's full change history"),
        Binding("v", "status('verified')", "Verified", id="claims.verified", tooltip="Mark the claim verified"),
        Binding("x", "status('disputed')", "Disputed", id="claims.disputed", tooltip="Mark the claim disputed"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[dict] = []
        self.filter = ReviewFilter()

    def compose(self) -> ComposeResult:
        yield Static(Text(""), id="claims-caption", classes="caption", markup=False)
        yield DataTable(id="claims-table", cursor_type="row")

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("#", "Report", "Status", "Conf.", "Reviewer", "Updated", "Claim")

    def reload(self, flt: ReviewFilter) -> None:
        self.filter = flt
        row = self.table.cursor_row
        self.rows, total = claims_for_desk(self.app.store.db, flt)
        table = self.table
        table.clear()
        for claim in self.rows:
            table.add_row(
                Text(str(claim["id"]), justify="right"), Text(claim["report"]),
                Text(claim["status"], style=STATUS_COLOURS.get(claim["status"], "")),
                Text(str(claim["confidence"] or "—"), justify="right"), Text(claim["reviewer"]), Text(claim["updated"][:16]),
                Text(claim["quote"][:90]), key=str(claim["id"]),
            )
        self.restore_cursor(row)
        shown = f"{len(self.rows):,} of {total:,}" if total > len(self.rows) else f"{total:,}"
        caption = Text(f"{shown} claim(s){' matching the filter' if not flt.empty else ''} · ", end="")
        caption.append("o opens in the reader · h history · v verified · x disputed", style="dim")
        self.query_one("#claims-caption", Static).update(caption)

    def action_open(self) -> None:
        claim = self.current()
        if claim is not None:
            self.app.open_report(claim["report"], claim["start"])

    def action_history(self) -> None:
        claim = self.current()
        if claim is not None:
            self.show_history([claim["id"]])

    def action_status(self, status: str) -> None:
        claim = self.current()
        if claim is None:
            return
        version = self.app.store.db.execute("SELECT version FROM claims WHERE id = ?", [claim["id"]]).fetchone()[0]
        if save(self, f"status {status}: #{claim['id']}", lambda action: set_claim(action, claim["id"], status=status, expect_version=version)):
            self.reload(self.filter)
