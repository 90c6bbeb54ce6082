"""The review desk: where editors cross-link claims and resolve conflicts.

Five tabs share one filter (report, entity, status, confidence, reviewer, free text):
suggestions, conflicts, clusters, entities and claims. A tab reloads from the
store when it is shown after something changed elsewhere.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from claimdesk.review_filter import FILTER_KEYS, ReviewFilter, parse_filter
from claimdesk.store.errors import NotFoundError
from claimdesk.tui.screens.dialogs import PromptScreen
from claimdesk.tui.widgets.claim_list import ClaimList
from claimdesk.tui.widgets.cluster_list import ClusterList
from claimdesk.tui.widgets.conflict_queue import ConflictQueue
from claimdesk.tui.widgets.entity_desk import EntityDesk
from claimdesk.tui.widgets.suggestion_queue import SuggestionQueue

TABS = {"suggestions": "Suggestions", "conflicts": "Conflicts", "clusters": "Clusters", "entities": "Entities", "claims": "Claims"}


class ReviewScreen(Screen):
    BINDINGS = [
        Binding("f", "filter", "Filter", id="review.filter", tooltip="Filter every list by report, entity, status, confidence, reviewer, free text"),
        Binding("1", "tab('suggestions')", "Suggestions", show=False, id="review.suggestions", tooltip="The suggestions queue"),
        Binding("2", "tab('conflicts')", "Conflicts", show=False, id="review.conflicts", tooltip="The conflicts queue"),
        Binding("3", "tab('clusters')", "Clusters", show=False, id="review.clusters", tooltip="Clusters of the same claim"),
        Binding("4", "tab('entities')", "Entities", show=False, id="review.entities", tooltip="Entities, look-alikes, merges"),
        Binding("5", "tab('claims')", "Claims", show=False, id="review.claims", tooltip="Every claim that passes the filter"),
        # The footer holds the tab's decisions, f, ? and ^z in 80 columns: Back and Quit are
        # in the subtitle, the help and the palette (q goes back, ctrl+q quits).
        Binding("escape,q", "back", "Back", show=False, id="review.back", tooltip="Back to the library (ctrl+q quits)"),
        Binding("ctrl+q", "app.quit", "Quit", show=False, id="review.quit", tooltip="Quit (everything is already saved)"),
    ]

    def __init__(self, tab: str = "suggestions") -> None:
        super().__init__()
        self.filter = ReviewFilter()
        self.initial_tab = tab
        self.stale = set(TABS)
        self.seen_change: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(""), id="review-filter", markup=False)
        with TabbedContent(initial=self.initial_tab, id="review-tabs"):
            with TabPane(TABS["suggestions"], id="suggestions"):
                yield SuggestionQueue(id="suggestion-queue")
            with TabPane(TABS["conflicts"], id="conflicts"):
                yield ConflictQueue(id="conflict-queue")
            with TabPane(TABS["clusters"], id="clusters"):
                yield ClusterList(id="cluster-list")
            with TabPane(TABS["entities"], id="entities"):
                yield EntityDesk(id="entity-desk")
            with TabPane(TABS["claims"], id="claims"):
                yield ClaimList(id="claim-list")
        yield Footer(show_command_palette=False)  # ctrl+p still opens it; ? lists every key

    def on_mount(self) -> None:
        self.title = "Review desk"
        self.sub_title = "1–5 tabs · f filter · ? keys · ^p commands · esc back"
        self.show_filter()
        self.refresh_tab(self.active)

    @property
    def active(self) -> str:
        return self.query_one(TabbedContent).active

    def pane_widget(self, tab: str):
        return self.query_one(f"#{tab}", TabPane).children[0]

    def refresh_tab(self, tab: str) -> None:
        self.seen_change = self._last_change()
        self.stale.discard(tab)
        self.pane_widget(tab).reload(self.filter)
        self.count_rows(tab)
        self.query_one(f"#{tab}", TabPane).query_one(DataTable).focus()

    def count_rows(self, tab: str) -> None:
        """The tab's label says how many rows it holds (as of its last reload)."""
        self.query_one(TabbedContent).get_tab(tab).label = f"{TABS[tab]} {len(self.pane_widget(tab).rows)}"

    def mark_stale(self, *tabs: str) -> None:
        """Those tabs reload when next shown; the visible one reloads now."""
        self.stale.update(tabs or TABS)
        if self.active in self.stale:
            self.refresh_tab(self.active)

    @on(TabbedContent.TabActivated)
    def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        tab = event.pane.id
        if tab in self.stale:
            self.refresh_tab(tab)
        else:
            event.pane.query_one(DataTable).focus()

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    # filters -------------------------------------------------------------------
    def show_filter(self) -> None:
        text = Text("Filter: ", style="bold", end="")
        if self.filter.empty:
            text.append("none", style="dim")
        else:
            text.append(self.filter.describe())
        keys = " ".join(k + ":…" for k in FILTER_KEYS if k != "text")
        text.append(f"   (f to change: {keys}, or words of the text)", style="dim")
        self.query_one("#review-filter", Static).update(text)

    def action_filter(self) -> None:
        def answered(raw: str | None) -> None:
            if raw is not None:
                self.set_filter(raw)

        self.app.push_screen(
            PromptScreen(
                "Filter every list",
                value=self.filter.describe(),
                placeholder="report:werra-faure-2021 entity:Peru status:unreviewed confidence:3 reviewer:ana helicopters",
                hint="Keys: report, entity, status, confidence (at least), reviewer; a word alone is free text, found in the quote, "
                     "the note, entity names or the report's title (any case). Quote values with spaces. Empty clears.",
            ),
            answered,
        )

    def set_filter(self, raw: str) -> bool:
        try:
            self.filter = parse_filter(self.app.store.db, raw)
        except (ValueError, NotFoundError) as exc:
            self.app.notify(str(exc), severity="error", markup=False)
            return False
        self.show_filter()
        self.mark_stale()
        return True

    # what other parts of the desk report ----------------------------------------
    def on_suggestion_queue_passages_found(self, _message: SuggestionQueue.PassagesFound) -> None:
        self.count_rows("suggestions")  # the queue has taken them in: messages reach it first

    def on_suggestion_queue_decided(self, _message: SuggestionQueue.Decided) -> None:
        self.seen_change = self._last_change()  # the queue is current; the others are not
        self.stale.update({"conflicts", "clusters", "claims"})
        self.count_rows("suggestions")

    def on_conflict_queue_decided(self, _message: ConflictQueue.Decided) -> None:
        self.seen_change = self._last_change()
        self.stale.update({"claims", "suggestions"})
        self.count_rows("conflicts")

    def on_entity_desk_changed(self, _message: EntityDesk.Changed) -> None:
        if self.filter.entities:
            self.set_filter(self.filter.describe())  # a merged entity's name resolves anew
        self.mark_stale()

    def on_entity_desk_show_claims(self, message: EntityDesk.ShowClaims) -> None:
        if self.set_filter(ReviewFilter(entity_names=(message.entity,)).describe()):
            self.action_tab("claims")

    def undone(self) -> None:
        """After an undo anywhere: anything may have changed."""
        self.mark_stale()

    def _last_change(self) -> int:
        return self.app.store.db.execute("SELECT coalesce(max(id), 0) FROM changes").fetchone()[0]

    def on_screen_resume(self) -> None:
        # Back from the reader (or a dialog): reload only if the store changed meanwhile.
        if self.seen_change is not None and self._last_change() != self.seen_change:
            self.mark_stale()

    def action_back(self) -> None:
        self.app.pop_screen()
