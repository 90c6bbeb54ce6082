"""Two claims (or a claim and a passage) side by side, their differences marked.

Words that one wording has and the other lacks are marked in both; figures
that differ (numbers, dates, amounts) get the warning colour. Every string
goes in as rich Text: report text is untrusted and never markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from claimdesk.claims.facts import extract_facts
from claimdesk.claims.worddiff import word_differences


@dataclass
class Side:
    """What one side of the pair shows."""

    heading: str
    """"A · claim #12 · unreviewed", or "B · passage (not a claim yet)"."""
    report: dict
    """report_summary: id, title, date, sections."""
    start: int
    end: int
    quote: str
    section: str | None = None
    citations: list[Text] = field(default_factory=list)
    """Each citation's resolution chain, already drawn."""
    support: Text | None = None
    """Anything found later (the conflict queue's independent sources)."""


class PairView(Horizontal):
    COMPONENT_CLASSES = {"pair-view--changed", "pair-view--value", "pair-view--heading", "pair-view--muted"}

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="pair-left"):
            yield Static(Text(""), id="pair-left-text", markup=False)
        with VerticalScroll(id="pair-right"):
            yield Static(Text(""), id="pair-right-text", markup=False)

    def clear(self, message: str = "") -> None:
        self.query_one("#pair-left-text", Static).update(Text(message, style="dim"))
        self.query_one("#pair-right-text", Static).update(Text(""))

    def show(self, left: Side, right: Side, differences: list[dict]) -> None:
        changed = word_differences(left.quote, right.quote)
        self.query_one("#pair-left-text", Static).update(self._side(left, changed.left, {d["claim"] for d in differences}))
        self.query_one("#pair-right-text", Static).update(self._side(right, changed.right, {d["source"] for d in differences}))

    def _side(self, side: Side, changed: list[tuple[int, int]], differing: set[str]) -> Text:
        heading = self.get_component_rich_style("pair-view--heading", partial=True)
        muted = self.get_component_rich_style("pair-view--muted", partial=True)
        text = Text(end="")
        # The quote first: on a small terminal it is what must be in view.
        text.append(side.heading + "\n", style=heading)
        text.append_text(self.marked(side.quote, changed, differing))
        report = side.report
        text.append("\n\n")
        text.append(report["id"], style="bold")
        text.append(f" · {report.get('date') or 'undated'}\n", style=muted)
        if report.get("title"):
            text.append(report["title"] + "\n", style=muted)
        where = f"§ {side.section} · " if side.section else ""
        text.append(f"{where}characters {side.start}–{side.end}\n", style=muted)
        text.append("\nCitations\n", style=heading)
        if not side.citations:
            text.append("none\n", style=muted)
        for chain in side.citations:
            text.append_text(chain)
            text.append("\n")
        if side.support is not None:
            text.append("\n")
            text.append_text(side.support)
        return text

    def marked(self, quote: str, changed: list[tuple[int, int]], differing: set[str]) -> Text:
        rendered = Text(quote, end="")
        changed_style = self.get_component_rich_style("pair-view--changed", partial=True)
        value_style = self.get_component_rich_style("pair-view--value", partial=True)
        for start, end in changed:
            rendered.stylize(changed_style, start, end)
        for fact in extract_facts(quote):
            if fact.text in differing:
                rendered.stylize(value_style, fact.start, fact.end)
        return rendered
