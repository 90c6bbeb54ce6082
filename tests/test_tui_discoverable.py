"""Discoverable: the command palette names every action readably, from the
state of the screen it opens on; each screen's footer fits 80 columns; the ?
help starts with the screen's own keys."""

from __future__ import annotations

import re

import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from claimdesk.store.claims import add_claim, list_claims
from claimdesk.store.db import Store
from claimdesk.tui.app import ClaimdeskApp
from claimdesk.tui.commands import NOT_IN_PALETTE, PALETTE_NAMES
from claimdesk.tui.screens.dialogs import HelpScreen
from claimdesk.tui.screens.history import HistoryScreen
from claimdesk.tui.screens.library import LibraryScreen
from claimdesk.tui.screens.reader import ReaderScreen
from claimdesk.tui.screens.review import ReviewScreen

REPORT = "werra-faure-2021"
PERU = "the Peruvian military apparatus would count nearly 100 units"
RAW_NAME = re.compile(r"\((slash|question_mark|\w+_\w+|ctrl\+\w+|escape|enter|delete|[a-zA-Z0-9])\)")


@pytest.fixture
def corpus_db(corpus_db):
    """The shared corpus store (conftest), with one claim."""
    with Store(corpus_db) as store, store.action("seed", "tester") as action:
        add_claim(action, REPORT, PERU)
    return corpus_db


def claim_start(db: str) -> int:
    with Store(db) as store:
        return list_claims(store.db, REPORT)[0]["start"]


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def palette_hits(pilot, query: str) -> list[str]:
    """Open the palette, type the query, read the names it offers; close it."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*query)
    for _ in range(20):  # the palette searches in a worker, with a short debounce
        await pilot.pause(0.05)
    options = pilot.app.screen.query_one(CommandList)
    hits = [str(options.get_option_at_index(i).prompt).split("\n")[0] for i in range(options.option_count)]
    await pilot.press("escape")
    await pilot.pause()
    return hits


def assert_readable(app) -> list[str]:
    titles = [command.title for command in app.get_system_commands(app.screen)]
    assert titles.count("Quit") == 1
    assert not [t for t in titles if RAW_NAME.search(t)], titles
    assert len(titles) == len(set(titles))
    return titles


async def check_palette(pilot, *, history: str) -> None:
    for query, wanted in (("conflicts", "Conflicts queue"), ("export", "Export the register…"),
                          ("import", "Import…"), ("history", history)):
        hits = await palette_hits(pilot, query)
        assert wanted in hits, (query, hits)
        assert not [h for h in hits if RAW_NAME.search(h)], hits


async def test_palette_from_the_reader_names_every_action_readably(corpus_db):
    app = ClaimdeskApp(corpus_db, "tester", report=REPORT, start=claim_start(corpus_db))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.current_claim is not None
        titles = assert_readable(app)
        assert {"Next claim", "Previous claim", "Mark verified", "Mark false", "Delete this claim",
                "Clear the confidence", "History of this claim", "Review desk"} <= set(titles)
        await check_palette(pilot, history="History of this claim")
        # A command runs the action on the claim under the cursor.
        await pilot.press("ctrl+p", *"history of this")
        for _ in range(20):
            await pilot.pause(0.05)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("escape")
        await pilot.pause()
        # Off a claim, the claim's commands are left out (the keys would say there is none).
        app.screen.view.move_to(0)
        await settle(pilot)
        titles = assert_readable(app)
        assert "Mark verified" not in titles and "Next claim" in titles


async def test_palette_from_the_library_and_the_desk(corpus_db):
    app = ClaimdeskApp(corpus_db, "tester")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert_readable(app)
        await check_palette(pilot, history="History of a claim…")
        await pilot.press("ctrl+p", *"history of a claim")
        for _ in range(20):
            await pilot.pause(0.05)
        await pilot.press("enter")
        await pilot.pause()
        with Store(corpus_db) as store:
            claim_id = list_claims(store.db, REPORT)[0]["id"]
        await pilot.press(*f"#{claim_id}", "enter")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen) and app.screen.claim_ids == [claim_id]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p", *"conflicts queue")
        for _ in range(20):
            await pilot.pause(0.05)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen) and app.screen.active == "conflicts"
        assert_readable(app)
        hits = await palette_hits(pilot, "import")
        assert "Import…" in hits


def test_every_binding_of_the_ui_has_a_palette_name():
    import claimdesk.tui as tui
    from pathlib import Path

    ids = set()
    for source in Path(tui.__file__).parent.rglob("*.py"):
        ids.update(re.findall(r'id="([a-z_]+\.[a-z0-9_]+)"', source.read_text()))
    assert ids, "no binding ids found"
    assert not ids - set(PALETTE_NAMES) - NOT_IN_PALETTE


async def footer_fits(app) -> None:
    footer = app.screen.query_one(Footer)
    keys = list(footer.query(FooterKey))
    assert keys and all(0 < key.region.width and key.region.right <= 80 for key in keys), [(k.key, k.region) for k in keys]
    assert footer.virtual_size.width <= 80


async def test_every_screens_footer_fits_80_columns_and_help_starts_with_its_keys(corpus_db):
    app = ClaimdeskApp(corpus_db, "tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await footer_fits(app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.bindings_list[0][0] == "i"  # the library's own keys before q, ? and ^z
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        for tab, first_key in zip("12345", "f" * 5):
            await pilot.press(tab)
            await settle(pilot)
            await footer_fits(app)
            await pilot.press("question_mark")
            await pilot.pause()
            described = [key for key, _ in app.screen.bindings_list]
            assert described[0] == first_key and described.index("^z") > 8, described  # desk, tab, then app keys
            await pilot.press("escape")
            await pilot.pause()

        await pilot.press("5", "o")  # the claim in the reader
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        await footer_fits(app)
        await pilot.press("question_mark")
        await pilot.pause()
        scroll = app.screen.query_one("#help-scroll")
        assert scroll.max_scroll_y > 0  # at 80x24 the keys do not all fit: it scrolls
        await pilot.press("pagedown")
        await pilot.pause()
        assert scroll.scroll_y > 0
        await pilot.press("escape")
