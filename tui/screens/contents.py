"""The report's table of contents: its headings, indented by level; Enter jumps to one."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class ContentsScreen(ModalScreen[int | None]):
    """Answers the chosen heading's offset in the text, or None (Escape).

    Headings are the report's own words, so they go in as Content, never markup."""

    BINDINGS = [Binding("escape,t,q", "close", "Close", id="contents.close", tooltip="Close the table of contents")]

    def __init__(self, title: str, sections: list[dict], cursor: int = 0) -> None:
        super().__init__()
        self.title_text = title
        self.sections = sections
        # Highlight the section the cursor is in: the last heading at or before it.
        here = [index for index, section in enumerate(sections) if section["start"] <= cursor]
        self.start_index = here[-1] if here else 0

    def compose(self) -> ComposeResult:
        top = min((section["level"] for section in self.sections), default=1)
        with Vertical(id="dialog", classes="wide"):
            yield Static(Text(f"Contents of {self.title_text}", style="bold"), markup=False)
            yield OptionList(
                *(Option(Content("  " * max(0, section["level"] - top) + " ".join(section["title"].split())), id=str(index))
                  for index, section in enumerate(self.sections)),
                id="contents-list",
            )
            yield Static(Text(f"{len(self.sections)} heading(s) · Enter: go to the heading · Escape: close", style="dim"),
                         markup=False, classes="hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        options.highlighted = self.start_index

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.sections[int(event.option.id)]["start"])

    def action_close(self) -> None:
        self.dismiss(None)
