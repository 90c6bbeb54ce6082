"""Clusters: a claim and all its appearances across reports, in report-date
order, the first appearance marked, and the citation tree between the reports
(report B cites report A, so B is not independent of A)."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from rich.tree import Tree
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Static

from claimdesk.review import cluster_views
from claimdesk.review_filter import ReviewFilter
from claimdesk.tui.widgets.desk_list import DeskList


# A cluster's detail is drawn whole: past these it is a wall, and slow to lay out.
_MOST_APPEARANCES = 40
_MOST_TREE_NODES = 80


def cluster_detail(view: dict, dates: dict[str, str | None]) -> Group:
    """The appearances, then the citation tree, as Rich renderables of plain Text."""
    head = Text(end="")
    head.append(f"Cluster of claim #{view['id']}: ", style="bold")
    count = view["independent_reports"]
    head.append(f"{len(view['appearances'])} appearances in {len(view['reports'])} reports, {count} independent source{'s' if count != 1 else ''}\n\n")
    shown = view["appearances"][:_MOST_APPEARANCES]
    for appearance in shown:
        marker = "★ first " if appearance["first"] else "        "
        head.append(marker, style="bold yellow" if appearance["first"] else "")
        head.append(f"{appearance['date'] or 'undated':<10} ", style="dim")
        head.append(f"{appearance['report']} ", style="bold")
        head.append(f"#{appearance['claim']} {appearance['status']}\n", style="dim")
        head.append(appearance["quote"] + "\n\n")
    if len(view["appearances"]) > len(shown):
        head.append(f"… and {len(view['appearances']) - len(shown)} more appearances\n\n", style="dim")
    head.append("Citation tree (a report under another cites it)\n", style="bold")
    forest = Tree(Text("sources", style="dim"), guide_style="dim")
    drawn = 0
    stack = [(forest, node) for node in reversed(view["tree"])]
    while stack and drawn < _MOST_TREE_NODES:  # no recursion: citation chains can be long
        branch, node = stack.pop()
        label = Text(node["report"], style="bold", end="")
        label.append(f"  {dates.get(node['report']) or 'undated'}", style="dim")
        child = branch.add(label)
        drawn += 1
        stack.extend((child, sub) for sub in reversed(node["children"]))
    if drawn < len(view["reports"]):
        forest.add(Text(f"… and {len(view['reports']) - drawn} more reports", style="dim"))
    independent = Text("\nIndependent sources: " + "  ".join("{" + ", ".join(group) + "}" for group in view["independent_groups"]), style="dim")
    return Group(head, forest, independent)


class ClusterList(DeskList, Horizontal):
    TABLE_ID = "clusters-table"

    BINDINGS = [
        Binding("o", "open", "Open first", id="clusters.open", tooltip="Open the first appearance in the reader"),
        Binding("h", "history", "History", id="clusters.history", tooltip="Change history of every claim in the cluster"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[dict] = []

    def compose(self) -> ComposeResult:
        yield DataTable(id="clusters-table", cursor_type="row")
        with VerticalScroll(id="cluster-detail-scroll"):
            yield Static(Text(""), id="cluster-detail", markup=False)

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Size", "Indep.", "First", "Claim")

    def reload(self, flt: ReviewFilter) -> None:
        row = self.table.cursor_row
        self.rows = cluster_views(self.app.store.db, flt)
        table = self.table
        table.clear()
        for view in self.rows:
            first = view["appearances"][0]
            table.add_row(
                Text(str(len(view["appearances"])), justify="right"),
                Text(str(view["independent_reports"]), justify="right"),
                Text(first["report"]),
                Text(first["quote"][:40]),
                key=str(view["id"]),
            )
        self.restore_cursor(row)
        self.show_current()

    def show_current(self) -> None:
        detail = self.query_one("#cluster-detail", Static)
        view = self.current()
        if view is None:
            detail.update(Text("No clusters yet: confirm duplicates in the suggestions queue.", style="dim"))
            return
        dates = {a["report"]: a["date"] for a in view["appearances"]}
        detail.update(cluster_detail(view, dates))

    def action_open(self) -> None:
        view = self.current()
        if view is not None:
            first = view["appearances"][0]
            self.app.open_report(first["report"], first["start"])

    def action_history(self) -> None:
        view = self.current()
        if view is not None:
            self.show_history(view["claims"])
