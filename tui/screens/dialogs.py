"""Small modal dialogs: a prompt with suggestions, the help screen."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static


class PromptScreen(ModalScreen[str | None]):
    """Ask for one line of text; Enter answers, Escape cancels (None)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, title: str, *, value: str = "", placeholder: str = "", suggestions: list[str] | None = None, hint: str = "") -> None:
        super().__init__()
        self.title_text, self.value, self.placeholder, self.suggestions, self.hint = title, value, placeholder, suggestions or [], hint

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self.title_text, style="bold"), markup=False)
            suggester = SuggestFromList(self.suggestions, case_sensitive=False) if self.suggestions else None
            yield Input(value=self.value, placeholder=self.placeholder, suggester=suggester, id="prompt-input")
            if self.hint:
                yield Static(Text(self.hint, style="dim"), markup=False, classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class HelpScreen(ModalScreen[None]):
    """Every key of the screen below, from its bindings (so remapped keys show)."""

    BINDINGS = [Binding("escape,question_mark,q", "close", "Close", id="help.close")]

    def __init__(self, bindings: list[tuple[str, str]]) -> None:
        super().__init__()
        self.bindings_list = bindings

    def compose(self) -> ComposeResult:
        text = Text("Keys\n\n", style="bold", end="")
        for key, description in self.bindings_list:
            text.append(f"{key:>12}  ", style="bold cyan")
            text.append(description + "\n")
        text.append("\nEvery key is also in the command palette (ctrl+p). Escape closes.", style="dim")
        with Vertical(id="dialog"):
            yield Static(text, id="help-text", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
