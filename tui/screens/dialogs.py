"""Small modal dialogs: a prompt (with Tab completion), a note of several
lines, a choice, a list of toggles saved one by one, the help screen."""

from __future__ import annotations

from typing import Callable, Hashable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from claimdesk.tui.widgets.completing_input import Completer, CompletingInput


class PromptScreen(ModalScreen[str | None]):
    """Ask for one line of text; Enter answers, Escape cancels (None)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, title: str, *, value: str = "", placeholder: str = "", suggestions: list[str] | None = None, hint: str = "",
                 completer: Completer | None = None) -> None:
        super().__init__()
        self.title_text, self.value, self.placeholder, self.suggestions, self.hint = title, value, placeholder, suggestions or [], hint
        self.completer = completer

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self.title_text, style="bold"), markup=False)
            if self.completer is not None:
                yield CompletingInput(self.completer, value=self.value, placeholder=self.placeholder, id="prompt-input")
                yield Static(Text(""), id="prompt-completions", markup=False, classes="hint")
            else:
                suggester = SuggestFromList(self.suggestions, case_sensitive=False) if self.suggestions else None
                yield Input(value=self.value, placeholder=self.placeholder, suggester=suggester, id="prompt-input")
            if self.hint:
                yield Static(Text(self.hint, style="dim"), markup=False, classes="hint")

    @on(CompletingInput.Completed)
    def _completed(self, event: CompletingInput.Completed) -> None:
        """Say what Tab found: the candidates, the one shown marked, or that there is none."""
        line = Text(end="")
        if not event.candidates:
            line.append("Tab: nothing to complete", style="dim")
        else:
            line.append(f"Tab ({event.index + 1} of {len(event.candidates)}): ", style="dim")
            for position, candidate in enumerate(event.candidates[:8]):
                line.append(" · " if position else "", style="dim")
                line.append(candidate, style="bold" if position == event.index else "dim")
            if len(event.candidates) > 8:
                line.append(" …", style="dim")
        self.query_one("#prompt-completions", Static).update(line)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteScreen(ModalScreen[str | None]):
    """Edit a text of several lines (a claim's note): Enter starts a new line
    and a pasted paragraph keeps every line; ctrl+s saves, Escape cancels (None).
    A TextArea draws its text as text, never markup."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="note.save", tooltip="Save the note (Enter is a new line)"),
        Binding("escape", "cancel", "Cancel", id="dialog.cancel", tooltip="Close without saving"),
    ]

    def __init__(self, title: str, *, value: str = "") -> None:
        super().__init__()
        self.title_text, self.value = title, value

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self.title_text, style="bold"), markup=False)
            yield TextArea(self.value, id="note-area", soft_wrap=True, tab_behavior="focus")
            yield Static(Text("ctrl+s saves · Enter: new line · Escape: cancel (nothing is saved)", style="dim"), markup=False, classes="hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceScreen(ModalScreen[Hashable | None]):
    """Choose one of a few answers: Enter takes the highlighted one, Escape none.

    Labels are untrusted text (names, notes), so they go in as Content, never markup."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, title: str, choices: list[tuple[str, Hashable]], *, hint: str = "") -> None:
        super().__init__()
        self.title_text, self.choices, self.hint = title, choices, hint

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self.title_text, style="bold"), markup=False)
            yield OptionList(*(Option(Content(label), id=str(index)) for index, (label, _value) in enumerate(self.choices)), id="choice-list")
            if self.hint:
                yield Static(Text(self.hint, style="dim"), markup=False, classes="hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[int(event.option.id)][1])

    def action_cancel(self) -> None:
        self.dismiss(None)


class ToggleScreen(ModalScreen[None]):
    """Items that are on or off (footnotes cited by a claim, its entity tags).

    Each switch is saved at once through toggled(value, on) -> bool, so that
    nothing waits for a confirmation that could be forgotten; a refused switch
    (the store said no) stays as it was. The state is written out, "[x]" or
    "[ ]", not only coloured: under NO_COLOR a coloured check box looks the same
    either way. Escape closes."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="dialog.close"),
        Binding("space", "switch", "Switch", show=False, id="dialog.switch"),
    ]

    def __init__(self, title: str, items: list[tuple[str, Hashable, bool]], toggled: Callable[[Hashable, bool], bool], *,
                 hint: str = "", start: int = 0) -> None:
        super().__init__()
        self.title_text, self.toggled, self.hint, self.start = title, toggled, hint, start
        self.labels = [label for label, _value, _on in items]
        self.values = [value for _label, value, _on in items]
        self.states = [on for _label, _value, on in items]

    def _prompt(self, index: int) -> Content:
        return Content(("[x] " if self.states[index] else "[ ] ") + self.labels[index])

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self.title_text, style="bold"), markup=False)
            yield OptionList(*(Option(self._prompt(index), id=str(index)) for index in range(len(self.values))), id="toggle-list")
            yield Static(Text(self.hint or "Space or Enter: switch (saved at once) · Escape: close", style="dim"), markup=False, classes="hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        options.highlighted = min(self.start, len(self.values) - 1) if self.values else None

    def is_on(self, value: Hashable) -> bool:
        return self.states[self.values.index(value)]

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._switch(int(event.option.id))

    def action_switch(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None:
            self._switch(highlighted)

    def _switch(self, index: int) -> None:
        wanted = not self.states[index]
        if self.toggled(self.values[index], wanted):
            self.states[index] = wanted
            self.query_one(OptionList).replace_option_prompt_at_index(index, self._prompt(index))

    def action_close(self) -> None:
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
            # Scrollable: at 80x24 the keys do not all fit (arrows, pgup/pgdn scroll).
            with VerticalScroll(id="help-scroll"):
                yield Static(text, id="help-text", markup=False)

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)
