"""The library: every report, import, and search across the corpus."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, ProgressBar, Static
from textual.worker import Worker

from claimdesk.checking import similar
from claimdesk.library import import_paths, reanchoring_summary
from claimdesk.store.db import Store
from claimdesk.store.reports import list_reports, report_warnings
from claimdesk.tui.messages import ImportFinished, ImportProgress
from claimdesk.tui.screens.dialogs import PromptScreen
from claimdesk.tui.workers import show_worker_failure


class LibraryScreen(Screen):
    BINDINGS = [
        Binding("enter", "open", "Open", id="library.open", tooltip="Open the report under the cursor"),
        Binding("i", "import", "Import", id="library.import", tooltip="Import a file or folder"),
        Binding("slash", "search", "Search", id="library.search", tooltip="Search report text and claims"),
        Binding("r", "review", "Review", id="library.review", tooltip="The review desk: suggestions, conflicts, clusters, entities"),
        Binding("x", "export", "Export", id="library.export", tooltip="Export the claim register in every format to a folder"),
        Binding("w", "warnings", "Warnings", show=False, id="library.warnings", tooltip="The import warnings of the report under the cursor"),
        Binding("escape", "close_search", "Back", show=False, id="library.back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text("Enter opens a report · i imports · / searches the corpus · r opens the review desk · x exports the register · w warnings · ? lists every key", style="dim"), id="library-help", markup=False)
        yield ProgressBar(id="import-progress", show_eta=False)
        yield DataTable(id="library-table", cursor_type="row", zebra_stripes=True)
        yield DataTable(id="search-results", cursor_type="row")
        yield Input(placeholder="Search the corpus (Enter)", id="library-search", classes="hidden")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#library-search", Input).display = False
        table = self.query_one("#library-table", DataTable)
        table.add_columns("Report", "Title", "Authors", "Date", "Claims", "Notes", "Warnings")
        results = self.query_one("#search-results", DataTable)
        results.add_columns("Score", "Report", "Where", "Passage")
        self.refresh_reports(hint_empty=True)
        self._seen_data_version = self._data_version()
        self.set_interval(2.0, self._poll_store)

    def _data_version(self) -> int:
        return self.app.store.db.execute("PRAGMA data_version").fetchone()[0]

    def _poll_store(self) -> None:
        """Another process imported or annotated (SQLite's data_version moved): fresh counts."""
        if self.app.screen is self and self._data_version() != self._seen_data_version:
            self.refresh_reports()

    def on_screen_resume(self) -> None:
        # Back from the reader or the desk: the claim counts may have changed there.
        if self.query_one("#library-table", DataTable).columns:
            self.refresh_reports()

    def refresh_reports(self, hint_empty: bool = False) -> None:
        self._seen_data_version = self._data_version()
        table = self.query_one("#library-table", DataTable)
        row = table.cursor_row
        table.clear()
        for report in list_reports(self.app.store.db):
            table.add_row(
                Text(report["id"]),
                Text(_short(report["title"] or "(untitled)", 46)),
                Text(_short(", ".join(report["authors"]) or "—", 28)),
                Text(report["date"] or "—"),
                Text(str(report["claims"]), justify="right"),
                Text(str(report["footnotes"]), justify="right"),
                Text(str(report["warnings"]), justify="right", style="yellow" if report["warnings"] else ""),
                key=report["id"],
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1), animate=False)
        elif hint_empty:
            self.notify("No reports yet: press i to import a file or a folder.", markup=False)

    def action_open(self) -> None:
        results = self.query_one("#search-results", DataTable)
        if results.has_class("visible") and results.has_focus and results.row_count:
            key = results.coordinate_to_cell_key(results.cursor_coordinate).row_key.value
            self.app.open_report(*_location(key))
            return
        table = self.query_one("#library-table", DataTable)
        if table.row_count:
            self.app.open_report(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    @on(DataTable.RowSelected, "#library-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.open_report(event.row_key.value)

    @on(DataTable.RowSelected, "#search-results")
    def _result_selected(self, event: DataTable.RowSelected) -> None:
        self.app.open_report(*_location(event.row_key.value))

    def action_warnings(self) -> None:
        from claimdesk.tui.screens.warnings import WarningsScreen

        table = self.query_one("#library-table", DataTable)
        if not table.row_count:
            self.notify("No reports yet: press i to import a file or a folder.", markup=False)
            return
        report_id = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        self.app.push_screen(WarningsScreen(report_id, *report_warnings(self.app.store.db, report_id)))

    def action_review(self) -> None:
        self.app.open_review()

    def action_search(self) -> None:
        box = self.query_one("#library-search", Input)
        box.display = True
        box.focus()

    def action_close_search(self) -> None:
        self.query_one("#library-search", Input).display = False
        self.query_one("#search-results", DataTable).remove_class("visible")
        self.query_one("#library-table", DataTable).focus()

    @on(Input.Submitted, "#library-search")
    def _search(self, event: Input.Submitted) -> None:
        query = event.value.strip()
        if not query:
            return
        results = self.query_one("#search-results", DataTable)
        results.clear()
        for hit in similar(self.app.store, query, limit=30, use_memory=True):
            results.add_row(Text(f"{hit['score']:.0f}"), Text(hit["report"]), Text(str(hit["start"])), Text(hit["text"][:200]), key=f"{hit['report']}@{hit['start']}")
        claims = self.app.store.db.execute(
            "SELECT id, report_id, start, quote FROM claims WHERE removed = 0 AND quote LIKE ? ORDER BY id LIMIT 30", [f"%{query}%"]
        ).fetchall()
        for claim_id, report, start, quote in claims:
            results.add_row(Text("claim", style="bold"), Text(report), Text(str(start)), Text(f"#{claim_id} {quote[:190]}"), key=f"{report}@{start}@claim{claim_id}")
        results.add_class("visible")
        results.focus()

    def action_import(self) -> None:
        def chosen(path: str | None) -> None:
            if path:
                self.import_files(path.strip())

        self.app.push_screen(PromptScreen("Import a file or folder (.txt, .md, .html)", placeholder=str(Path.cwd())), chosen)

    def action_export(self) -> None:
        def chosen(folder: str | None) -> None:
            if folder and folder.strip():
                self.export_register(folder.strip())

        self.app.push_screen(
            PromptScreen(
                "Export the claim register to a folder",
                value=str(Path.cwd() / "register"),
                hint="Writes register.db (+ Datasette metadata), register.md, register.html, claimreview.jsonld, annotations.jsonld and references.csl.json.",
            ),
            chosen,
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def export_register(self, folder: str) -> None:
        """Export in a thread with a store of its own; each file is written atomically."""
        from claimdesk.exporting import ExportError, export_register

        target = Path(folder).expanduser()
        files = {"sqlite": "register.db", "markdown": "register.md", "html": "register.html",
                 "claimreview": "claimreview.jsonld", "annotations": "annotations.jsonld", "csl": "references.csl.json"}
        steps = iter(range(1, len(files) + 2))
        try:
            target.mkdir(parents=True, exist_ok=True)
            with Store(self.app.db_path) as store:
                result = export_register(
                    store, {name: target / file for name, file in files.items()},
                    progress=lambda step: self.post_message(ImportProgress(next(steps), len(files) + 1, step)),
                )
        except (ExportError, OSError) as exc:
            self.app.call_from_thread(self.notify, f"Export failed: {exc}", severity="error", markup=False)
            self.post_message(ImportFinished([], []))
            return
        self.app.call_from_thread(self.notify, f"Exported {result['claims']} claim(s) to {target}", markup=False, timeout=8)
        self.post_message(ImportFinished([], []))

    @work(thread=True, exclusive=True, exit_on_error=False, group="import")
    def import_files(self, path: str) -> None:
        """Import in a thread with a store of its own; the UI stays live."""
        with Store(self.app.db_path) as store:
            result = import_paths(
                store, [Path(path).expanduser()], reviewer=self.app.reviewer,
                progress=lambda done, total, current: self.post_message(ImportProgress(done, total, str(current))),
            )
        self.post_message(ImportFinished([_import_label(item.to_json()) for item in result.imported], result.skipped))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if show_worker_failure(event):
            self.query_one("#import-progress", ProgressBar).remove_class("visible")

    def on_import_progress(self, message: ImportProgress) -> None:
        bar = self.query_one("#import-progress", ProgressBar)
        bar.add_class("visible")
        bar.update(total=max(1, message.total), progress=message.done)

    def on_import_finished(self, message: ImportFinished) -> None:
        self.query_one("#import-progress", ProgressBar).remove_class("visible")
        self.refresh_reports()
        if not message.imported and not message.skipped:
            return  # an export, or an import that found nothing: said elsewhere
        summary = f"Imported: {', '.join(message.imported) or 'nothing'}"
        if message.skipped:
            summary += f"; skipped {len(message.skipped)}: {message.skipped[0]}"
        self.notify(summary, markup=False, timeout=8)


def _import_label(item: dict) -> str:
    """"report (revised; claims: 3 re-anchored exactly, 1 moved by fuzzy match (needs re-review), 0 orphaned)"."""
    claims = reanchoring_summary(item["reanchoring"])
    return f"{item['id']} ({item['status']}{'; ' + claims if claims else ''})"


def _location(key: str) -> tuple[str, int]:
    """A search result's row key: "report@start" (claims add "@claimN")."""
    report, start = key.split("@")[:2]
    return report, int(start)


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
