"""Entities: claim counts and aliases, look-alikes that are probably the same
entity, and the merge, rename, alias and type changes that tidy them up."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from claimdesk.review import entity_lookalikes
from claimdesk.review_filter import ReviewFilter
from claimdesk.store.entities import ENTITY_TYPES, add_alias, list_entities, merge_entities, rename_entity, set_entity_type
from claimdesk.tui.saving import save
from claimdesk.tui.screens.dialogs import PromptScreen
from claimdesk.tui.widgets.desk_list import DeskList


class EntityDesk(DeskList, Vertical):
    TABLE_ID = "entities-table"

    BINDINGS = [
        Binding("m", "merge", "Merge", id="entities.merge", tooltip="Merge the entity into another (its claims and aliases move)"),
        Binding("r", "rename", "Rename", id="entities.rename", tooltip="Rename the entity (the old name stays as an alias)"),
        Binding("a", "alias", "Alias", id="entities.alias", tooltip="Add another name for the entity"),
        Binding("t", "type", "Type", id="entities.type", tooltip="Set the entity's type"),
        Binding("o", "claims", "Claims", id="entities.claims", tooltip="List the entity's claims (filters the desk by it)"),
    ]

    class ShowClaims(Message):
        def __init__(self, entity: str) -> None:
            super().__init__()
            self.entity = entity

    class Changed(Message):
        """Entities were merged or renamed: filters and other views are stale."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[dict] = []
        self.lookalikes: dict[str, list[tuple[str, float]]] = {}

    def compose(self) -> ComposeResult:
        yield Static(Text(""), id="entities-caption", classes="caption", markup=False)
        yield DataTable(id="entities-table", cursor_type="row")

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Entity", "Type", "Claims", "Aliases", "Probably the same as")

    def reload(self, flt: ReviewFilter) -> None:
        db = self.app.store.db
        row = self.table.cursor_row
        self.rows = list_entities(db)
        if flt.entities:
            self.rows = [e for e in self.rows if e["id"] in flt.entities]
        self.lookalikes = {}
        for pair in entity_lookalikes(db):
            self.lookalikes.setdefault(pair["a"], []).append((pair["b"], pair["score"]))
            self.lookalikes.setdefault(pair["b"], []).append((pair["a"], pair["score"]))
        table = self.table
        table.clear()
        for entity in self.rows:
            alike = Text(", ".join(f"{name} ({score:.0f})" for name, score in self.lookalikes.get(entity["name"], [])), style="yellow")
            table.add_row(
                Text(entity["name"], style="bold"), Text(entity["type"]), Text(str(entity["claims"]), justify="right"),
                Text(", ".join(entity["aliases"])), alike, key=str(entity["id"]),
            )
        self.restore_cursor(row)
        pairs = sum(len(v) for v in self.lookalikes.values()) // 2
        caption = Text(f"{len(self.rows)} entities, {pairs} probable duplicate pair(s) · ", end="")
        caption.append("m merges · r renames · a adds an alias · t sets the type · o lists its claims", style="dim")
        self.query_one("#entities-caption", Static).update(caption)

    def _names(self) -> list[str]:
        return [e["name"] for e in self.rows]

    def _ask(self, title: str, then, *, value: str = "", hint: str = "", suggestions: list[str] | None = None) -> None:
        def answered(answer: str | None) -> None:
            if answer and answer.strip():
                then(answer.strip())

        self.app.push_screen(PromptScreen(title, value=value, hint=hint, suggestions=suggestions), answered)

    def _apply(self, description: str, change) -> None:
        if save(self, description, change):
            self.post_message(self.Changed())

    def action_merge(self) -> None:
        entity = self.current()
        if entity is None:
            return
        alike = self.lookalikes.get(entity["name"], [])
        self._ask(
            f"Merge {entity['name']} ({entity['claims']} claims) into:",
            lambda target: self._apply(f"merge entity {entity['name']} into {target}", lambda action: merge_entities(action, entity["name"], target)),
            value=alike[0][0] if alike else "",
            hint=f"{entity['name']} becomes an alias of the entity you name; its claims move. Tab completes.",
            suggestions=[n for n in self._names() if n != entity["name"]],
        )

    def action_rename(self) -> None:
        entity = self.current()
        if entity is not None:
            self._ask(
                f"Rename {entity['name']} to:",
                lambda new: self._apply(f"rename entity {entity['name']} to {new}", lambda action: rename_entity(action, entity["name"], new)),
                value=entity["name"], hint="The old name stays as an alias.",
            )

    def action_alias(self) -> None:
        entity = self.current()
        if entity is not None:
            self._ask(
                f"Another name for {entity['name']}:",
                lambda alias: self._apply(f"alias {alias} for {entity['name']}", lambda action: add_alias(action, entity["name"], alias)),
                hint="Matching then treats the alias as the entity's name.",
            )

    def action_type(self) -> None:
        entity = self.current()
        if entity is not None:
            self._ask(
                f"Type of {entity['name']}:",
                lambda kind: self._apply(f"type of {entity['name']}: {kind}", lambda action: set_entity_type(action, entity["name"], kind.lower())),
                value=entity["type"], hint=f"One of: {', '.join(ENTITY_TYPES)}.", suggestions=list(ENTITY_TYPES),
            )

    def action_claims(self) -> None:
        entity = self.current()
        if entity is not None:
            self.post_message(self.ShowClaims(entity["name"]))
