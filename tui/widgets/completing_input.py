"""An Input that completes with Tab, as a shell does.

Textual's Input accepts its suggestion with the right arrow only, and Tab moves
the focus; in a prompt for a name people expect Tab to complete. The first Tab
takes the best completion, the next ones go through the others in turn (the
hint line under the prompt says which of how many); any other key starts over.
The ghost text after the cursor is the same best completion, when it begins
with what was typed.
"""

from __future__ import annotations

from typing import Callable

from textual.binding import Binding
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input

Completer = Callable[[str], list[str]]
"""What was typed -> the values it may complete to, best first."""


class _CompleterSuggester(Suggester):
    """The ghost text: the best completion, if it extends what was typed."""

    def __init__(self, completer: Completer) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.completer = completer

    async def get_suggestion(self, value: str) -> str | None:
        for candidate in self.completer(value)[:1]:
            if candidate.casefold().startswith(value.casefold()):
                # The typed part keeps the user's own letters; the rest is the name's.
                return value + candidate[len(value):]
        return None


class CompletingInput(Input):
    BINDINGS = [Binding("tab", "complete", "Complete", show=False, id="prompt.complete", tooltip="Complete the name; again for the next one")]

    class Completed(Message):
        """Tab completed the value: which candidate of how many (for the hint line)."""

        def __init__(self, value: str, index: int, candidates: list[str]) -> None:
            super().__init__()
            self.value, self.index, self.candidates = value, index, candidates

    def __init__(self, completer: Completer, **kwargs) -> None:
        super().__init__(suggester=_CompleterSuggester(completer), **kwargs)
        self.completer = completer
        self._cycle: tuple[str, list[str], int] | None = None  # (what was typed, candidates, index shown)

    def action_complete(self) -> None:
        if self._cycle is not None and self.value == self._cycle[1][self._cycle[2]]:
            typed, candidates, index = self._cycle
            index = (index + 1) % len(candidates)
        else:
            typed, candidates, index = self.value, self.completer(self.value), 0
        if not candidates:
            self._cycle = None
            self.app.bell()
            self.post_message(self.Completed(self.value, -1, []))
            return
        self._cycle = (typed, candidates, index)
        self.value = candidates[index]
        self.cursor_position = len(self.value)
        self.post_message(self.Completed(self.value, index, candidates))
