"""What every list of the review desk shares: a table of rows, the row under
the cursor, a cursor that stays put across reloads, and the history dialog."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.widgets import DataTable


class DeskList:
    """Mixed into a container widget whose table has id TABLE_ID; self.rows
    holds one item per table row, in the same order."""

    TABLE_ID: ClassVar[str]
    rows: list[Any]

    @property
    def table(self) -> DataTable:
        return self.query_one(f"#{self.TABLE_ID}", DataTable)

    def current(self) -> Any | None:
        row = self.table.cursor_row
        return self.rows[row] if self.rows and 0 <= row < len(self.rows) else None

    def restore_cursor(self, row: int) -> None:
        """After a reload: the same position, or the last row if the list got shorter."""
        if self.rows:
            self.table.move_cursor(row=min(max(row, 0), len(self.rows) - 1))

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_current()

    def show_current(self) -> None:
        """Show the current row's details (lists without details do nothing)."""

    def show_history(self, claim_ids: list[int]) -> None:
        from claimdesk.tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen(claim_ids))
