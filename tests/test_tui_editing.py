"""Every annotation is editable from the reader's keys, on the claim under the
cursor, through the store's own functions: each test asserts on the store."""

from __future__ import annotations

from contextlib import asynccontextmanager


from claimdesk.store.claims import STATUSES, add_claim, list_claims
from claimdesk.store.db import Store
from claimdesk.store.entities import ensure_entity, list_entities
from claimdesk.tui.app import ClaimdeskApp
from claimdesk.tui.screens.dialogs import ChoiceScreen, PromptScreen, ToggleScreen
from claimdesk.tui.screens.reader import ReaderScreen
from claimdesk.tui.screens.reader_editing import STATUS_KEYS
from claimdesk.tui.widgets.report_view import ReportView

REPORT = "werra-faure-2021"
PERU_SENTENCE = ("A major buyer of Russian helicopters, the Peruvian military apparatus would count nearly 100 units, "
                 "mobilized in particular in the fight against terrorism.")
VENEZUELA = "Venezuela accounted for 80% of Russian arms"


def seed(db: str, *quotes: str, entities: list[tuple[str, str | None]] = ()) -> list[int]:
    with Store(db) as store:
        with store.action("seed", "tester") as action:
            ids = [add_claim(action, REPORT, quote, entities=list(entities)) for quote in quotes]
    return ids


def claim(db: str, claim_id: int) -> dict:
    with Store(db) as store:
        return {c["id"]: c for c in list_claims(store.db, REPORT, include_removed=True)}[claim_id]


def live_claims(db: str) -> list[dict]:
    with Store(db) as store:
        return list_claims(store.db, REPORT)


def entity_names(db: str) -> list[str]:
    with Store(db) as store:
        return [e["name"] for e in list_entities(store.db)]


def messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@asynccontextmanager
async def reader_on(db: str, claim_id: int):
    """The reader on the Werra report, the cursor on the claim's first character:
    (app, pilot); the corpus checks it starts are waited for at both ends."""
    app = ClaimdeskApp(db, "tester", report=REPORT, start=claim(db, claim_id)["start"])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        yield app, pilot
        await settle(pilot)


def test_every_status_of_the_store_has_a_key():
    assert set(STATUS_KEYS) == set(STATUSES)
    assert len(set(STATUS_KEYS.values())) == len(STATUSES)


async def test_each_status_from_its_key(corpus_db):
    (claim_id,) = seed(corpus_db, PERU_SENTENCE)
    async with reader_on(corpus_db, claim_id) as (app, pilot):
        assert app.screen.current_claim == claim_id
        for status in ("verified", "disputed", "false", "unverifiable", "needs-review", "unreviewed"):
            await pilot.press(STATUS_KEYS[status])
            await pilot.pause()
            assert claim(corpus_db, claim_id)["status"] == status, status
        version = claim(corpus_db, claim_id)["version"]
        await pilot.press("U")  # unreviewed already: said, and nothing written
        await pilot.pause()
        assert claim(corpus_db, claim_id)["version"] == version
        assert any("unreviewed already" in m for m in messages(app))


async def test_clear_confidence_with_0(corpus_db):
    (claim_id,) = seed(corpus_db, PERU_SENTENCE)
    async with reader_on(corpus_db, claim_id) as (app, pilot):
        await pilot.press("4")
        await pilot.pause()
        assert claim(corpus_db, claim_id)["confidence"] == 4
        await pilot.press("0")
        await pilot.pause()
        assert claim(corpus_db, claim_id)["confidence"] is None
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert claim(corpus_db, claim_id)["confidence"] == 4


async def test_remove_an_entity_tag(corpus_db):
    (claim_id,) = seed(corpus_db, PERU_SENTENCE, entities=[("Peru", "place"), ("Russia", "place")])
    async with reader_on(corpus_db, claim_id) as (app, pilot):
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen, ToggleScreen)
        await pilot.press("space")  # the first tag, Peru: removed at once
        await pilot.pause()
        assert [e["name"] for e in claim(corpus_db, claim_id)["entities"]] == ["Russia"]
        await pilot.press("space")  # and put back
        await pilot.pause()
        assert [e["name"] for e in claim(corpus_db, claim_id)["entities"]] == ["Peru", "Russia"]
        await pilot.press("down", "enter", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert [e["name"] for e in claim(corpus_db, claim_id)["entities"]] == ["Peru"]
        assert "Russia" in entity_names(corpus_db)  # the tag went, the registry keeps the entity


async def test_delete_undo_and_redo(corpus_db):
    first, second = seed(corpus_db, VENEZUELA, PERU_SENTENCE)
    async with reader_on(corpus_db, second) as (app, pilot):
        await pilot.press("delete")
        await pilot.pause()
        assert claim(corpus_db, second)["removed"] is True
        assert [c["id"] for c in live_claims(corpus_db)] == [first]
        assert app.screen.current_claim is None  # the panel no longer shows it
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert claim(corpus_db, second)["removed"] is False
        assert app.screen.current_claim == second
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert claim(corpus_db, second)["removed"] is True
        await pilot.press("ctrl+z", "ctrl+shift+z")  # the other redo key, where the terminal sends it
        await pilot.pause()
        assert claim(corpus_db, second)["removed"] is True
        await pilot.press("ctrl+y")  # nothing left to redo: said, nothing changed
        await pilot.pause()
        assert any("nothing to redo" in m for m in messages(app))
    with Store(corpus_db) as store:
        names = [r[0] for r in store.db.execute("SELECT name FROM actions WHERE id > 1 ORDER BY id").fetchall()]
        history = store.db.execute(
            "SELECT count(*) FROM changes WHERE target = 'claims' AND target_id = ?", [f"[{second}]"]).fetchone()[0]
    assert names[-5:] == [f"remove claim #{second}", "undo", "redo", "undo", "redo"]
    assert history == 6  # created, removed, back, removed, back, removed: every step in the history


async def test_attach_and_detach_a_footnote(corpus_db):
    (claim_id,) = seed(corpus_db, PERU_SENTENCE)
    assert claim(corpus_db, claim_id)["citations"] == []
    async with reader_on(corpus_db, claim_id) as (app, pilot):
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ToggleScreen)
        await pilot.press("space")  # the list opens on note 9, the first marked after the claim
        await pilot.pause()
        assert claim(corpus_db, claim_id)["citations"] == [9]
        await pilot.press("up", "space")
        await pilot.pause()
        assert claim(corpus_db, claim_id)["citations"] == [8, 9]
        await pilot.press("down", "space", "escape")
        await pilot.pause()
        assert claim(corpus_db, claim_id)["citations"] == [8]
        citations = str(app.screen.query_one("#panel-citations").render())
        assert "8. Arantxa Tirado" in citations and "9. " not in citations
    with Store(corpus_db) as store:
        origins = store.db.execute("SELECT origin FROM claim_citations WHERE claim_id = ?", [claim_id]).fetchall()
    assert origins == [("manual",)]


async def test_entity_prompt_completes_with_tab(corpus_db):
    (claim_id,) = seed(corpus_db, PERU_SENTENCE)
    with Store(corpus_db) as store:
        with store.action("seed entities", "tester") as action:
            for name in ("Andrey Pyatakov", "Andorra", "Peru"):
                ensure_entity(action, name, "person" if name == "Andrey Pyatakov" else "place")
    async with reader_on(corpus_db, claim_id) as (app, pilot):
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        prompt = app.screen.query_one("#prompt-input")
        await pilot.press(*"and", "tab")
        await pilot.pause()
        assert prompt.value in ("Andorra", "Andrey Pyatakov")
        first = prompt.value
        await pilot.press("tab")  # the next completion
        await pilot.pause()
        assert {first, prompt.value} == {"Andorra", "Andrey Pyatakov"}
        assert "2 of 2" in str(app.screen.query_one("#prompt-completions").render())
        prompt.value = ""
        await pilot.press(*"pyat", "tab")  # a word inside the name
        await pilot.pause()
        assert prompt.value == "Andrey Pyatakov"
        await pilot.press(*":pe", "tab")  # and the type after the colon
        await pilot.pause()
        assert prompt.value == "Andrey Pyatakov:person"
        await pilot.press("enter")
        await pilot.pause()
        assert claim(corpus_db, claim_id)["entities"] == [{"name": "Andrey Pyatakov", "type": "person"}]
        assert sorted(entity_names(corpus_db)) == ["Andorra", "Andrey Pyatakov", "Peru"]  # nothing new


async def test_a_name_one_typo_from_an_entity_is_asked_about(corpus_db):
    (claim_id,) = seed(corpus_db, PERU_SENTENCE)
    with Store(corpus_db) as store:
        with store.action("seed entities", "tester") as action:
            ensure_entity(action, "Peru", "place")
    async with reader_on(corpus_db, claim_id) as (app, pilot):
        await pilot.press("e", *"Peur", "enter")  # two letters swapped: one edit
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert claim(corpus_db, claim_id)["entities"] == []  # nothing saved while asking
        await pilot.press("enter")  # the first answer: the registered entity
        await pilot.pause()
        assert claim(corpus_db, claim_id)["entities"] == [{"name": "Peru", "type": "place"}]
        assert entity_names(corpus_db) == ["Peru"]
        await pilot.press("e", *"Perv:place", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("down", "enter")  # the last answer: create it after all
        await pilot.pause()
        assert sorted(entity_names(corpus_db)) == ["Peru", "Perv"]
        assert {"name": "Perv", "type": "place"} in claim(corpus_db, claim_id)["entities"]
        await pilot.press("e", *"Peruu", "enter", "escape")  # Escape: neither
        await pilot.pause()
        assert sorted(entity_names(corpus_db)) == ["Peru", "Perv"]


async def test_c_on_an_existing_claim_selects_it(corpus_db):
    (claim_id,) = seed(corpus_db, PERU_SENTENCE)
    async with reader_on(corpus_db, claim_id) as (app, pilot):
        view = app.screen.query_one(ReportView)
        await pilot.press("c")
        await pilot.pause()
        record = claim(corpus_db, claim_id)
        assert len(live_claims(corpus_db)) == 1
        assert view.selection == (record["start"], record["end"])
        assert any(f"Claim #{claim_id} already holds these words" in m for m in messages(app))
        await pilot.press("c")  # the same words selected: still no copy
        await pilot.press("escape", "s", "c")  # the sentence selected: the same span again
        await pilot.pause()
        assert len(live_claims(corpus_db)) == 1
        await pilot.press("v")  # and the keys apply to it
        await pilot.pause()
        assert claim(corpus_db, claim_id)["status"] == "verified"


async def test_no_claim_under_the_cursor_changes_nothing(corpus_db):
    first, second = seed(corpus_db, VENEZUELA, PERU_SENTENCE)
    async with reader_on(corpus_db, second) as (app, pilot):
        assert app.screen.current_claim == second
        await pilot.press("home", "up", "up")  # off the claim, onto plain text
        await pilot.pause()
        assert app.screen.current_claim is None
        before = {c["id"]: c["version"] for c in live_claims(corpus_db)}
        for key in ("v", "x", "F", "3", "0", "m", "e", "E", "a", "delete"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen), key  # no prompt opened for nobody
        assert {c["id"]: c["version"] for c in live_claims(corpus_db)} == before
        warnings = [m for m in messages(app) if m.startswith("No claim under the cursor")]
        assert len(warnings) == 10 and all("\n" not in m for m in warnings)
        panel = str(app.screen.query_one("#panel-claim").render())
        assert "No claim here" in panel


async def test_hostile_entity_names_in_the_dialogs_are_text(corpus_db):
    hostile = "[bold]Peru[/"
    (claim_id,) = seed(corpus_db, PERU_SENTENCE, entities=[(hostile, None)])
    async with reader_on(corpus_db, claim_id) as (app, pilot):
        await pilot.press("E")
        await pilot.pause()
        shown = app.screen.query_one("#toggle-list").get_option_at_index(0).prompt
        assert "[bold]Peru[/" in str(shown)
        await pilot.press("escape", "e", *"[bold]Peru[", "enter")  # one edit from the hostile name
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "[bold]Peru[/" in str(app.screen.query_one("#choice-list").get_option_at_index(0).prompt)
        await pilot.press("escape")


async def test_footer_fits_80_columns_and_help_starts_with_the_readers_keys(corpus_db):
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    from claimdesk.tui.screens.dialogs import HelpScreen

    (claim_id,) = seed(corpus_db, PERU_SENTENCE)
    app = ClaimdeskApp(corpus_db, "tester", report=REPORT, start=claim(corpus_db, claim_id)["start"])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        keys = list(app.screen.query_one(Footer).query(FooterKey))
        shown = [key.key for key in keys]
        assert {"c", "v", "x", "F", "u", "e", "question_mark", "ctrl+z"} <= set(shown)
        assert all(key.region.right <= 80 and key.region.width > 0 for key in keys)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        described = [key for key, _ in app.screen.bindings_list]
        assert described[0] == "/" and described.index("F") < described.index("↑")
        assert {"U", "R", "E", "0", "a", "del", "^y"} <= set(described)
        await pilot.press("escape")
        await settle(pilot)
