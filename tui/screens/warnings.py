"""A report's import warnings, as stored: one line each, scrollable.

A warning quotes the source ("kept the furniture '[bold]x[/]'"), so every one
is a Text, never markup; a line break inside a warning is shown as ⏎, so that
each warning keeps to its row. A row too long for the screen scrolls sideways,
and the highlighted warning is also written out whole, wrapped, under the list."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static


def one_line(warning: str) -> str:
    return " ⏎ ".join(warning.splitlines()) if "\n" in warning or "\r" in warning else warning


class WarningsScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,w,q", "close", "Close", id="warnings.close", tooltip="Close the warnings")]

    def __init__(self, report_id: str, title: str | None, warnings: list[str]) -> None:
        super().__init__()
        self.report_id, self.report_title, self.warnings = report_id, title, warnings

    def compose(self) -> ComposeResult:
        heading = Text(f"Import warnings of {self.report_id}", style="bold", end="")
        if self.report_title:
            heading.append(f" ({self.report_title})", style="dim")
        with Vertical(id="dialog", classes="wide"):
            yield Static(heading, markup=False)
            yield DataTable(id="warnings-table", cursor_type="row", show_header=False)
            yield Static(Text(""), id="warning-full", markup=False)
            said = f"{len(self.warnings)} warning(s) · arrows scroll (left/right: long rows); the highlighted one is written out above · Escape: close"
            yield Static(Text(said if self.warnings else "No warnings: the import found nothing to report.", style="dim"),
                         markup=False, classes="hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("#", "Warning")
        for number, warning in enumerate(self.warnings, 1):
            table.add_row(Text(str(number), justify="right"), Text(one_line(str(warning))))
        table.focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        row = event.cursor_row
        if 0 <= row < len(self.warnings):
            self.query_one("#warning-full", Static).update(Text(f"{row + 1}. {one_line(str(self.warnings[row]))}"))

    def action_close(self) -> None:
        self.dismiss(None)
