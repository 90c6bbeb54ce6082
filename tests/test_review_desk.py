"""The review desk in the terminal UI, driven with Textual's pilot on claims
of the real corpus (the Peru helicopters: "nearly 100" in Werra, "more than
100" in Ifri); assertions on the store, snapshots of the queues and a cluster."""

from __future__ import annotations

import html

import pytest

from claimdesk.checking import suggest_links
from claimdesk.library import import_paths
from claimdesk.suggestions import confirm_suggestion, suggested_links
from claimdesk.store.claims import add_claim, claim_document
from claimdesk.store.db import Store
from claimdesk.store.links import list_conflicts, list_links
from claimdesk.tui.app import ClaimdeskApp
from claimdesk.tui.screens.history import HistoryScreen
from claimdesk.tui.screens.review import ReviewScreen
from claimdesk.tui.widgets.suggestion_queue import SuggestionQueue

WERRA_PERU = "A major buyer of Russian helicopters, the Peruvian military apparatus would count nearly 100 units"
IFRI_PERU = "the Andean country possesses more than 100 civil and military helicopters"
WERRA_80 = "between 2010 and 2016, Venezuela accounted for 80% of Russian arms"
IFRI_80 = "Between 2010 and 2016, Venezuela accounted for 80% of all the Russian weapons"


@pytest.fixture
def desk_db(tmp_path, corpus):
    """The corpus with four claims, two people's entities, and the matcher's suggestions."""
    path = tmp_path / "desk.db"
    with Store(path) as store:
        import_paths(store, [corpus])
        with store.action("seed", "annotator") as action:
            ids = {
                "werra_peru": add_claim(action, "werra-faure-2021", WERRA_PERU, entities=[("Piatakov", "person")]),
                "ifri_peru": add_claim(action, "ifri-pyatakov-2020", IFRI_PERU, entities=[("Pyatakov", "person")]),
                "werra_80": add_claim(action, "werra-faure-2021", WERRA_80),
                "ifri_80": add_claim(action, "ifri-pyatakov-2020", IFRI_80),
            }
        suggest_links(store, "matcher")
    return str(path), ids


async def open_desk(pilot, app, *keys: str) -> None:
    await pilot.pause()
    await pilot.press("r")
    await settle(pilot, app)
    for key in keys:
        await pilot.press(key)
        await settle(pilot, app)


async def settle(pilot, app) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_confirm_then_reject_suggestions(desk_db):
    db, ids = desk_db
    app = ClaimdeskApp(db, "editor")
    async with app.run_test(size=(140, 40)) as pilot:
        await open_desk(pilot, app)
        assert isinstance(app.screen, ReviewScreen)
        queue = app.screen.query_one(SuggestionQueue)
        first = queue.current()
        assert {first.claim, first.other_claim} == {ids["werra_80"], ids["ifri_80"]}  # the best first
        await pilot.press("c")
        await settle(pilot, app)
        with Store(db) as store:
            (link,) = [x for x in list_links(store.db) if x["kind"] == "duplicate"]
            assert (link["state"], link["decided_by"]) == ("confirmed", "editor")
        assert first.key not in [item.key for item in queue.rows]
        second = queue.current()
        assert second is not None
        await pilot.press("r")
        await settle(pilot, app)
        with Store(db) as store:
            if second.other_claim is None:
                dismissed = store.db.execute("SELECT claim_id, report_id, start, decided_by FROM dismissed_passages").fetchall()
                assert dismissed == [(second.claim, second.other_report, second.other_start, "editor")]
            else:
                assert any(x["state"] == "rejected" for x in list_links(store.db, claim=second.claim))
        assert second.key not in [item.key for item in queue.rows]


async def test_confirming_a_passage_promotes_it_to_a_claim(tmp_path, corpus):
    path = tmp_path / "promote.db"
    with Store(path) as store:
        import_paths(store, [corpus])
        with store.action("seed", "annotator") as action:
            werra = add_claim(action, "werra-faure-2021", WERRA_PERU)
    app = ClaimdeskApp(str(path), "editor")
    async with app.run_test(size=(140, 40)) as pilot:
        await open_desk(pilot, app)
        queue = app.screen.query_one(SuggestionQueue)
        while queue.current() is not None and "more than 100" not in queue.current().other_text:
            await pilot.press("s")
        peru = queue.current()
        assert peru.other_claim is None and peru.claim == werra
        await pilot.press("c")
        await settle(pilot, app)
    with Store(path) as store:
        (link,) = list_links(store.db, claim=werra)
        promoted = claim_document(store.db, next(c for c in link["claims"] if c != werra))
        assert promoted["report"] == "ifri-pyatakov-2020" and "more than 100" in promoted["quote"]
        assert (link["kind"], link["state"]) == ("conflict", "confirmed")


async def test_resolve_then_reopen_a_conflict(desk_db):
    db, ids = desk_db
    app = ClaimdeskApp(db, "editor")
    async with app.run_test(size=(140, 40)) as pilot:
        await open_desk(pilot, app, "2")
        await pilot.press("b")
        await pilot.pause()
        await pilot.press(*"Ifri cites a Russian source; Werra none", "enter")
        await settle(pilot, app)
        with Store(db) as store:
            (conflict,) = list_conflicts(store.db)
            assert (conflict["state"], conflict["kept"], conflict["resolved_by"]) == ("resolved", ids["ifri_peru"], "editor")
            assert conflict["note"] == "Ifri cites a Russian source; Werra none"
            assert claim_document(store.db, ids["werra_peru"])["status"] == "disputed"
        await pilot.press("u")
        await settle(pilot, app)
        with Store(db) as store:
            (conflict,) = list_conflicts(store.db)
            assert conflict["state"] == "open" and conflict["kept"] is None


async def test_escape_or_no_note_saves_no_resolution(desk_db):
    db, _ids = desk_db
    app = ClaimdeskApp(db, "editor")
    async with app.run_test(size=(140, 40)) as pilot:
        await open_desk(pilot, app, "2")
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot, app)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")  # no note: refused
        await settle(pilot, app)
    with Store(db) as store:
        assert list_conflicts(store.db)[0]["state"] == "open"


async def test_merge_two_entities(desk_db):
    db, ids = desk_db
    app = ClaimdeskApp(db, "editor")
    async with app.run_test(size=(140, 40)) as pilot:
        await open_desk(pilot, app, "4")
        desk = app.screen.query_one("#entity-desk")
        assert desk.current()["name"] == "Piatakov"
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("ctrl+u", *"Nobody", "enter")  # no such entity: one line, nothing changes
        await settle(pilot, app)
        assert [e["name"] for e in desk.rows] == ["Piatakov", "Pyatakov"]
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("enter")  # the look-alike is offered: Pyatakov
        await settle(pilot, app)
        assert [e["name"] for e in desk.rows] == ["Pyatakov"]
    with Store(db) as store:
        assert claim_document(store.db, ids["werra_peru"])["entities"] == [{"name": "Pyatakov", "type": "person"}]
        merged = store.db.execute("SELECT merged_into FROM entities WHERE name = 'Piatakov'").fetchone()[0]
        assert merged == store.db.execute("SELECT id FROM entities WHERE name = 'Pyatakov'").fetchone()[0]


async def test_filter_every_list_and_open_a_history(desk_db):
    db, ids = desk_db
    app = ClaimdeskApp(db, "editor")
    async with app.run_test(size=(140, 40)) as pilot:
        await open_desk(pilot, app, "5")
        claims = app.screen.query_one("#claim-list")
        assert len(claims.rows) == 4
        await pilot.press("f")
        await pilot.pause()
        await pilot.press(*"report:werra-faure-2021", "enter")
        await settle(pilot, app)
        assert {c["report"] for c in claims.rows} == {"werra-faure-2021"} and len(claims.rows) == 2
        await pilot.press("1")
        await settle(pilot, app)
        queue = app.screen.query_one(SuggestionQueue)
        assert all("werra-faure-2021" in (item.claim_report, item.other_report) for item in queue.rows)
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("ctrl+u", *"status:maybe", "enter")  # refused; the filter stays
        await settle(pilot, app)
        assert app.screen.filter.reports == ("werra-faure-2021",)
        await pilot.press("5", "h")
        await settle(pilot, app)
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.query_one("#history-table").row_count >= 1
        await pilot.press("escape")
        await pilot.press("v")  # mark verified from the claim list
        await settle(pilot, app)
    with Store(db) as store:
        statuses = {claim_document(store.db, i)["status"] for i in (ids["werra_peru"], ids["werra_80"])}
        assert "verified" in statuses


async def test_desk_from_the_palette_and_undo_of_a_decision(desk_db):
    db, _ids = desk_db
    app = ClaimdeskApp(db, "editor")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Review desk" in titles
        await open_desk(pilot, app)
        await pilot.press("c")
        await settle(pilot, app)
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        with Store(db) as store:
            assert [x["state"] for x in list_links(store.db) if x["kind"] == "duplicate"] == ["suggested"]
        queue = app.screen.query_one(SuggestionQueue)
        assert queue.rows and queue.rows[0].link is not None  # back in the queue


async def test_report_text_in_the_desk_is_never_markup(tmp_path):
    (tmp_path / "a.txt").write_text("Title A\n\nThe [bold]Revenue[/] of [link=http://x]Aldra[/link] rose to 12% in 2020 [0].\n")
    (tmp_path / "b.txt").write_text("Title B\n\nThe [bold]Revenue[/] of [link=http://x]Aldra[/link] rose to 14% in 2020 [0].\n")
    path = tmp_path / "markup.db"
    with Store(path) as store:
        import_paths(store, [tmp_path / "a.txt", tmp_path / "b.txt"])
        with store.action("seed", "annotator") as action:
            add_claim(action, "a", "The [bold]Revenue[/] of [link=http://x]Aldra[/link] rose to 12% in 2020")
    app = ClaimdeskApp(str(path), "editor")
    async with app.run_test(size=(160, 40)) as pilot:
        await open_desk(pilot, app)
        screen = html.unescape(app.export_screenshot()).replace("\xa0", " ")
        assert "[bold]Revenue[/]" in screen and "[link=http://x]Aldra[/link]" in screen


def test_suggestions_queue_snapshot(snap_compare, desk_db):
    async def desk(pilot):
        await open_desk(pilot, pilot.app)

    assert snap_compare(ClaimdeskApp(desk_db[0], "editor"), terminal_size=(140, 40), run_before=desk)


def test_conflicts_queue_snapshot(snap_compare, desk_db):
    async def desk(pilot):
        await open_desk(pilot, pilot.app, "2")

    assert snap_compare(ClaimdeskApp(desk_db[0], "editor"), terminal_size=(140, 40), run_before=desk)


def test_cluster_snapshot(snap_compare, desk_db):
    db, _ids = desk_db
    with Store(db) as store:
        with store.action("confirm", "editor") as action:
            confirm_suggestion(action, suggested_links(store.db)[0][0])

    async def desk(pilot):
        await open_desk(pilot, pilot.app, "3")

    assert snap_compare(ClaimdeskApp(db, "editor"), terminal_size=(140, 40), run_before=desk)


async def test_open_a_claim_in_the_reader_and_come_back_to_a_fresh_desk(desk_db):
    from claimdesk.tui.screens.reader import ReaderScreen

    db, ids = desk_db
    app = ClaimdeskApp(db, "editor")
    async with app.run_test(size=(140, 40)) as pilot:
        await open_desk(pilot, app, "5")
        claims = app.screen.query_one("#claim-list")
        await pilot.press("o")
        await settle(pilot, app)
        assert isinstance(app.screen, ReaderScreen)
        opened = claims.rows[0]
        assert (app.screen.report_id, app.screen.current_claim) == (opened["report"], opened["id"])
        await pilot.press("v")  # verified in the reader...
        await settle(pilot, app)
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, ReviewScreen)
        # ...and the desk, back on screen, shows it: the store changed meanwhile.
        assert next(c for c in claims.rows if c["id"] == opened["id"])["status"] == "verified"


async def test_confirm_as_the_other_kind(desk_db):
    """The editor sees a conflict where the matcher saw a duplicate: k."""
    db, ids = desk_db
    app = ClaimdeskApp(db, "editor")
    async with app.run_test(size=(140, 40)) as pilot:
        await open_desk(pilot, app)
        first = app.screen.query_one(SuggestionQueue).current()
        assert first.relation == "duplicate"
        await pilot.press("k")
        await settle(pilot, app)
    with Store(db) as store:
        (link,) = [x for x in list_links(store.db) if set(x["claims"]) == {first.claim, first.other_claim}]
        assert (link["kind"], link["state"]) == ("conflict", "confirmed")
