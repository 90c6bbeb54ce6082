"""Builds the sides of a PairView from the store, caching what every side of
the same report shares (its summary and its footnotes)."""

from __future__ import annotations

from claimdesk.review import report_summary, section_at
from claimdesk.store.claims import claim_document, span_citations
from claimdesk.store.reports import list_reports, report_document
from claimdesk.tui.widgets.claim_panel import resolution_chain
from claimdesk.tui.widgets.pair_view import Side


class SideBuilder:
    def __init__(self, store) -> None:
        self.store = store
        self.forget()

    def forget(self) -> None:
        """After an import or a change of claims: nothing cached is trusted."""
        self._summaries: dict[str, dict] = {}
        self._footnotes: dict[str, dict] = {}
        self._reports: dict[str, dict] | None = None

    def summary(self, report_id: str) -> dict:
        if report_id not in self._summaries:
            self._summaries[report_id] = report_summary(self.store.db, report_id)
        return self._summaries[report_id]

    def footnotes(self, report_id: str) -> dict:
        if report_id not in self._footnotes:
            notes = report_document(self.store, report_id)["footnotes"]
            self._footnotes[report_id] = {note["number"]: note for note in notes}
        return self._footnotes[report_id]

    def citation_chains(self, report_id: str, labels: list) -> list:
        if self._reports is None:
            self._reports = {r["id"]: r for r in list_reports(self.store.db)}
        notes = self.footnotes(report_id)
        return [resolution_chain(label, notes, self._reports) for label in labels]

    def claim(self, label: str, claim_id: int) -> Side:
        claim = claim_document(self.store.db, claim_id)
        report = self.summary(claim["report"])
        confidence = f" · confidence {claim['confidence']}" if claim["confidence"] else ""
        return Side(
            heading=f"{label} · claim #{claim_id} · {claim['status']}{confidence}",
            report=report,
            start=claim["start"],
            end=claim["end"],
            quote=claim["quote"],
            section=section_at(report["sections"], claim["start"]),
            citations=self.citation_chains(claim["report"], claim["citations"]),
        )

    def passage(self, label: str, report_id: str, start: int, end: int, text: str) -> Side:
        report = self.summary(report_id)
        return Side(
            heading=f"{label} · passage, not a claim yet (confirming makes it one)",
            report=report,
            start=start,
            end=end,
            quote=text,
            section=section_at(report["sections"], start),
            citations=self.citation_chains(report_id, span_citations(self.store.db, report_id, start, end)),
        )
