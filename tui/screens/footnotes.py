"""Footnotes at the cursor, resolved; Enter opens the cited report beside the claim."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.worker import Worker
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from claimdesk.checking import passage_matches
from claimdesk.claims.facts import extract_facts
from claimdesk.store.db import Store
from claimdesk.tui.workers import show_worker_failure
from claimdesk.tui.widgets.claim_panel import resolution_chain


class FootnotesScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "close", "Close", id="footnotes.close")]

    def __init__(self, reader, numbers: list, reports: dict) -> None:
        super().__init__()
        self.reader, self.numbers, self.reports = reader, numbers, reports

    def compose(self) -> ComposeResult:
        options = []
        for number in self.numbers:
            note = self.reader.footnotes.get(number)
            chain = resolution_chain(number, self.reader.footnotes, self.reports)
            if note:
                chain.append("\n   " + note["text"], style="dim")
            options.append(Option(chain, id=str(number)))
        with Vertical(id="dialog"):
            yield Static(Text("Footnotes here — Enter: compare with the cited report · Escape: close", style="bold"), markup=False)
            yield OptionList(*options, id="footnote-list")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        number = next(n for n in self.numbers if str(n) == event.option.id)
        note = self.reader.footnotes.get(number, {})
        root = self.reader.footnotes.get(note.get("resolves_to"), note) if note.get("resolves_to") is not None else note
        cited = note.get("cites_report") or root.get("cites_report")
        if not cited:
            self.notify(f"Note {number} does not cite a report of the corpus.", severity="warning", markup=False)
            return
        claim = self.reader.claims.get(self.reader.current_claim)
        text = claim["quote"] if claim else self.reader.document["text"][slice(*(self.reader.view.selection or self.reader._sentence_at(self.reader.view.cursor) or (0, 0)))]
        self.dismiss(None)
        self.app.push_screen(CompareScreen(text, self.reader.report_id, cited, number))

    def action_close(self) -> None:
        self.dismiss(None)


def highlight_figures(text: str, differing: set[str]) -> Text:
    """The passage as rich Text with its figures marked, differing ones in red."""
    rendered = Text(text, end="")
    for fact in extract_facts(text):
        style = "bold white on red" if fact.text in differing else "bold"
        rendered.stylize(style, fact.start, fact.end)
    return rendered


class CompareScreen(Screen):
    """The claim and the passage of the cited report that best supports it, side by side."""

    BINDINGS = [Binding("escape", "close", "Back", id="compare.back")]

    def __init__(self, claim_text: str, report_id: str, cited_report: str, footnote) -> None:
        super().__init__()
        self.claim_text, self.report_id, self.cited_report, self.footnote = claim_text, report_id, cited_report, footnote

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="compare-body"):
            with VerticalScroll():
                yield Static(Text(f"Claim in {self.report_id} (note {self.footnote})\n", style="bold"), markup=False)
                yield Static(Text(self.claim_text), id="compare-claim", markup=False)
            with VerticalScroll():
                yield Static(Text(f"{self.cited_report}: best supporting passage\n", style="bold"), markup=False)
                yield Static(Text("Searching…", style="dim"), id="compare-source", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.find_passage()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def find_passage(self) -> None:
        with Store(self.app.db_path) as store:
            matches = passage_matches(store, self.claim_text, report=self.cited_report, limit=1)
        self.app.call_from_thread(self.show_passage, matches[0] if matches else None)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        show_worker_failure(event)

    def show_passage(self, match: dict | None) -> None:
        source = self.query_one("#compare-source", Static)
        if match is None:
            source.update(Text("No passage of this report supports or contradicts the claim.", style="yellow"))
            return
        differing_claim = {d["claim"] for d in match["differences"]}
        differing_source = {d["source"] for d in match["differences"]}
        self.query_one("#compare-claim", Static).update(highlight_figures(self.claim_text, differing_claim))
        verdict = {"duplicate": ("supports it (duplicate)", "green"), "related": ("related", "cyan"), "conflict": ("CONTRADICTS: other figures", "red")}[match["relation"]]
        body = highlight_figures(match["text"], differing_source)
        body.append(f"\n\n{verdict[0]} · score {match['score']:.0f} · [{match['start']}-{match['end']}]", style=verdict[1])
        source.update(body)

    def action_close(self) -> None:
        self.app.pop_screen()
