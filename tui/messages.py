"""Messages that cross screens: results of work done in threads."""

from __future__ import annotations

from textual.message import Message


class CheckReady(Message):
    """The corpus check of a claim is ready (computed in a worker thread)."""

    def __init__(self, claim_id: int, result: dict) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.result = result


class ImportProgress(Message):
    """Import progress; many arrive, only the latest matters."""

    def __init__(self, done: int, total: int, path: str) -> None:
        super().__init__()
        self.done, self.total, self.path = done, total, path

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ImportProgress)


class ImportFinished(Message):
    def __init__(self, imported: list[str], skipped: list[str]) -> None:
        super().__init__()
        self.imported, self.skipped = imported, skipped
