"""The claimdesk terminal UI: the library and the reader."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Sequence

from textual.app import App, SystemCommand
from textual.filter import LineFilter
from textual.markup import escape
from textual.binding import Binding
from textual.screen import Screen

from claimdesk.store.db import Store
from claimdesk.store.errors import NotFoundError, StoreError
from claimdesk.store.undo import UndoError, redo_last, undo_last
from claimdesk.tui.commands import NOT_IN_PALETTE, ON_A_CLAIM, PALETTE_NAMES, palette_name
from claimdesk.tui.inert_filter import InertText
from claimdesk.tui.screens.dialogs import HelpScreen, PromptScreen
from claimdesk.tui.screens.library import LibraryScreen


INERT_TEXT = InertText()  # holds no state: one for every app


class ClaimdeskApp(App):
    CSS_PATH = "claimdesk.tcss"
    TITLE = "claimdesk"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", tooltip="Quit (everything is already saved)"),
        Binding("q", "back", "Back", show=False, id="app.back", tooltip="Back one screen (on the library: quit)"),
        Binding("question_mark", "help", "Help", id="app.help", tooltip="Every key of this screen"),
        Binding("ctrl+z", "undo", "Undo", id="app.undo", tooltip="Take back your last change"),
        # Most terminals send ctrl+shift+z as ctrl+z; those with the kitty keyboard protocol tell them apart.
        Binding("ctrl+y,ctrl+shift+z", "redo", "Redo", show=False, id="app.redo", tooltip="Do again what undo took back"),
    ]

    def __init__(self, db_path: str, reviewer: str, report: str | None = None, start: int | None = None, review: bool = False) -> None:
        super().__init__()
        self.db_path = str(db_path)
        self.reviewer = reviewer
        self.initial_report = report
        self.initial_start = start
        self.initial_review = review
        # The UI thread's own connection; workers open theirs (sqlite3 connections are per thread).
        self.store = Store(self.db_path)

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then InertText: every drawn line is inert, whatever widget drew it."""
        return [*super().get_line_filters(), INERT_TEXT]

    def on_mount(self) -> None:
        theme = _terminal_theme()
        if theme in self.available_themes:
            self.theme = theme
        else:
            self.notify(f"Unknown theme {theme!r}; themes: {', '.join(sorted(self.available_themes))}", severity="warning", markup=False)
        self.push_screen(LibraryScreen())
        if self.initial_review:
            self.open_review()
        if self.initial_report:
            self.open_report(self.initial_report, self.initial_start)

    def open_report(self, report_id: str, start: int | None = None) -> None:
        from claimdesk.tui.screens.reader import ReaderScreen

        try:
            screen = ReaderScreen(report_id, start)
        except NotFoundError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.push_screen(screen)

    def open_claim(self, claim_id: int) -> None:
        """The claim's report in the reader, at the claim."""
        row = self.store.db.execute("SELECT report_id, start FROM claims WHERE id = ?", [claim_id]).fetchone()
        if row is None:
            self.notify(f"no claim {claim_id}", severity="error", markup=False)
            return
        self.open_report(row[0], row[1])

    def open_review(self, tab: str = "suggestions") -> None:
        from claimdesk.tui.screens.review import ReviewScreen

        self.push_screen(ReviewScreen(tab))

    def action_back(self) -> None:
        """q: back one screen, as escape closes a dialog; on the library, at the
        bottom of the stack, q quits (as in less): everything is already saved."""
        if isinstance(self.screen, LibraryScreen) or len(self.screen_stack) <= 1:
            self.exit()
        else:
            self.screen.dismiss()

    def action_help(self) -> None:
        self.push_screen(HelpScreen(_describe_bindings(self.screen, self)))

    def action_undo(self) -> None:
        self._take_back(undo_last, "Undone")

    def action_redo(self) -> None:
        self._take_back(redo_last, "Redone")

    def _take_back(self, step, done: str) -> None:
        """Undo or redo one action (the store's own functions, as `claimdesk undo`/`redo`); screens reload."""
        try:
            result = step(self.store, self.reviewer)
        except (UndoError, StoreError) as exc:  # nothing to undo or redo; a read-only store, a full disk
            self.notify(str(exc), severity="warning", markup=False)
            return
        self.notify(f"{done}: {result['action']} ({result['changes']} change(s))", markup=False)
        for screen in self.screen_stack:
            if hasattr(screen, "undone"):
                screen.undone()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette, from the state of the screen it was opened on: every key
        in force there under a readable name (claimdesk.tui.commands), the
        desk's queues, import and export from any screen, Textual's own
        commands; Quit once."""
        seen = set()
        for command in self._all_commands(screen):
            if command.title not in seen:  # one name, one command ("Review desk" is also the library's r)
                seen.add(command.title)
                yield command

    def _all_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title != "Quit":  # ours (the q key's) says everything is already saved
                yield command
        yield from _state_commands(self, screen)
        on_claim = getattr(screen, "current_claim", True) is not None
        for binding, owner in _our_bindings(screen):
            if binding.id in NOT_IN_PALETTE or (binding.id in ON_A_CLAIM and not on_claim):
                continue
            tip = binding.tooltip or binding.description
            yield SystemCommand(
                palette_name(binding.id, binding.description),
                escape(f"{tip} · key {self.get_key_display(binding)}"),
                lambda target=owner, action=binding.action: self.call_later(target.run_action, action),
            )

    def ask_claim_history(self) -> None:
        from claimdesk.tui.screens.history import HistoryScreen

        def answered(raw: str | None) -> None:
            number = (raw or "").strip().lstrip("#")
            if not number:
                return
            exists = number.isdigit() and self.store.db.execute("SELECT 1 FROM claims WHERE id = ?", [int(number)]).fetchone()
            if not exists:
                self.notify(f"No claim #{number}", severity="warning", markup=False)
                return
            self.push_screen(HistoryScreen([int(number)]))

        self.push_screen(PromptScreen("History of claim #", placeholder="a claim's number, as the panel and the desk show it"), answered)

    def library(self) -> LibraryScreen | None:
        return next((screen for screen in self.screen_stack if isinstance(screen, LibraryScreen)), None)

    def back_to_library(self) -> None:
        while len(self.screen_stack) > 1 and not isinstance(self.screen, LibraryScreen):
            self.pop_screen()

    def on_unmount(self) -> None:
        self.store.close()


def _state_commands(app: ClaimdeskApp, screen: Screen) -> Iterable[SystemCommand]:
    """Commands that are not keys of this screen: the desk's queues from
    anywhere else, and import and export (the library's, which runs them in
    its workers) from every screen but the library, where they are keys."""
    from claimdesk.tui.screens.review import ReviewScreen

    if not isinstance(screen, ReviewScreen):
        yield SystemCommand("Review desk", "Suggestions, conflicts, clusters, entities and claims, for editors", app.open_review)
        for tab, help_text in DESK_TABS.items():  # named as the desk's own 1–5 keys are
            yield SystemCommand(PALETTE_NAMES[f"review.{tab}"], f"{help_text} (the review desk)", lambda tab=tab: app.open_review(tab))
    if getattr(screen, "current_claim", None) is None:  # the reader on a claim has "History of this claim"
        yield SystemCommand("History of a claim…", "Every change of a claim, by its number (#12)", app.ask_claim_history)
    library = app.library()
    if library is not None and screen is not library:
        yield SystemCommand("Import…", "Import a file or folder (.txt, .md, .html), in the background", library.action_import)
        yield SystemCommand("Export the register…", "Export the claim register in every format to a folder", library.action_export)
        yield SystemCommand("Library", "Back to the library of reports", app.back_to_library)


DESK_TABS = {
    "suggestions": "Suggested duplicates and passages that state a claim again",
    "conflicts": "Claims that state the same fact with other values",
    "clusters": "Each claim's appearances in date order, with the citation tree",
    "entities": "Entities, look-alikes, merges",
    "claims": "Every claim, most recently changed first",
}


def _terminal_theme() -> str:
    """CLAIMDESK_THEME if set; else light when the terminal says its background
    is light (COLORFGBG, set by xterm, rxvt, Konsole and others); else dark."""
    chosen = os.environ.get("CLAIMDESK_THEME")
    if chosen:
        return chosen
    colours = os.environ.get("COLORFGBG", "")
    background = colours.split(";")[-1] if colours else ""
    if background.isdigit() and int(background) in (7, 15):
        return "textual-light"
    return "textual-dark"


def _our_bindings(screen: Screen) -> list[tuple[Binding, object]]:
    """The bindings in force where the focus is (the widget, its containers,
    the screen, the app), each once: what the footer, the help and the palette
    offer. Only claimdesk's own (they carry an id); Textual's cursor keys are
    not repeated."""
    found, seen = [], set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if isinstance(binding, Binding) and binding.id and binding.description and binding.id not in seen:
            seen.add(binding.id)
            found.append((binding, active.node))
    return found


def _describe_bindings(screen: Screen, app: App) -> list[tuple[str, str]]:
    """The help's lines: the screen's own keys first, then the focused widget's
    that decide something (the desk's queue: confirm, keep, merge…), then the
    app's, then the keys that only move the cursor (the reader's), so that what
    claimdesk does is on the first page."""

    def rank(item: tuple[Binding, object]) -> int:
        binding, owner = item
        if owner is screen:
            return 0
        if owner is app:
            return 2
        return 3 if binding.id.startswith("reader.") else 1  # the report view's: cursor keys

    found = sorted(_our_bindings(screen), key=rank)
    return [(app.get_key_display(binding), binding.tooltip or binding.description) for binding, _owner in found]


def run(db_path: str | Path, reviewer: str, report: str | None = None, review: bool = False) -> None:
    """Run the UI; if it ended on an error (Textual has shown it), the exit code says so too."""
    app = ClaimdeskApp(str(db_path), reviewer, report, review=review)
    app.run()
    if app.return_code:
        raise SystemExit(app.return_code)
