"""Everyday habits in the terminal UI (issue 12, part 6): notes of several
lines, copying a quote, a table of contents, the import warnings on a screen
of their own, free text in the desk's filter. Each test asserts on the store,
the clipboard the app recorded, or what the screen holds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

from textual import events
from textual.widgets import DataTable, OptionList, TextArea

from claimdesk.library import import_paths
from claimdesk.review_filter import parse_filter
from claimdesk.review import claims_for_desk
from claimdesk.store.claims import add_claim, list_claims
from claimdesk.store.db import Store
from claimdesk.store.reports import report_document
from claimdesk.tui.app import ClaimdeskApp
from claimdesk.tui.screens.contents import ContentsScreen
from claimdesk.tui.screens.dialogs import NoteScreen
from claimdesk.tui.screens.reader import ReaderScreen
from claimdesk.tui.screens.warnings import WarningsScreen

REPORT = "werra-faure-2021"
PERU = "A major buyer of Russian helicopters, the Peruvian military apparatus would count nearly 100 units"
VENEZUELA = "Venezuela accounted for 80% of Russian arms"
PASTED = "Ifri (2020) says more than 100.\nThat counts civil helicopters too.\n\nAsk the author which year."


def seed(db: str, *claims: tuple[str, str]) -> list[int]:
    with Store(db) as store:
        with store.action("seed", "tester") as action:
            return [add_claim(action, REPORT, quote, note=note) for quote, note in claims]


def claims_json(db: str) -> list[dict]:
    """What `claimdesk claims --json` prints: the store read back by the command line."""
    process = subprocess.run([sys.executable, "-m", "claimdesk", "--db", db, "claims", "--report", REPORT, "--json"],
                             capture_output=True, text=True, timeout=120, cwd=tempfile.gettempdir(), env=dict(os.environ))
    assert process.returncode == 0, process.stderr
    return json.loads(process.stdout)


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def opened_by(pilot, key: str, kind: type):
    """Press the key once the screen is settled; the screen it opened, of that kind."""
    await settle(pilot)
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, kind), pilot.app.screen
    return pilot.app.screen


def start_of(db: str, claim_id: int) -> int:
    with Store(db) as store:
        return {c["id"]: c for c in list_claims(store.db, REPORT)}[claim_id]["start"]


async def test_a_pasted_paragraph_keeps_every_line_of_the_note(corpus_db):
    (claim_id,) = seed(corpus_db, (PERU, ""))
    app = ClaimdeskApp(corpus_db, "tester", report=REPORT, start=start_of(corpus_db, claim_id))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await app.screen.run_action("note")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        assert app.focused is app.screen.query_one(TextArea)
        app.post_message(events.Paste(PASTED))  # as the terminal's bracketed paste arrives
        await pilot.pause()
        await pilot.press("enter", *"Typed after.")  # Enter is a new line, not "save"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
    (stored,) = [c for c in claims_json(corpus_db) if c["id"] == claim_id]
    assert stored["note"] == PASTED + "\nTyped after."


async def test_copy_puts_exactly_the_quote_or_the_selection_in_the_clipboard(corpus_db):
    (claim_id,) = seed(corpus_db, (VENEZUELA, ""))
    app = ClaimdeskApp(corpus_db, "tester", report=REPORT, start=start_of(corpus_db, claim_id))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.screen.current_claim == claim_id
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == VENEZUELA
        app.copy_to_clipboard("")
        await pilot.press("ctrl+c")  # copies in the reader; never "Do you want to quit?"
        await pilot.pause()
        assert app.clipboard == VENEZUELA
        assert not any("quit" in str(n.message).lower() for n in app._notifications)
        await pilot.press("s")  # the whole sentence selected: the selection wins over the claim
        await pilot.pause()
        start, end = app.screen.view.selection
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.clipboard == app.screen.document["text"][start:end] != VENEZUELA
        assert VENEZUELA in app.clipboard


async def test_t_lists_the_headings_and_jumps_to_the_chosen_one(corpus_db):
    with Store(corpus_db) as store:
        sections = report_document(store, REPORT)["sections"]
    assert len(sections) >= 3
    app = ClaimdeskApp(corpus_db, "tester", report=REPORT)
    async with app.run_test(size=(100, 30)) as pilot:
        options = (await opened_by(pilot, "t", ContentsScreen)).query_one(OptionList)
        listed = [str(options.get_option_at_index(i).prompt).strip() for i in range(options.option_count)]
        assert listed == [" ".join(s["title"].split()) for s in sections]
        await pilot.press("end", "enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        view = reader.view
        last = sections[-1]
        assert view.cursor == last["start"]
        top = int(view.scroll_offset.y)
        assert top <= view.row_of(last["start"]) < top + view.scrollable_content_region.height
        assert top > 0  # the last heading is far below the first screen


async def test_the_warnings_screen_shows_each_warning_as_text(tmp_path):
    page = tmp_path / "quay.html"
    page.write_text(
        "<!doctype html><html><head><title>Quay report</title></head><body>"
        "<article><h1>Quay report</h1><p>The port handled 12 million tonnes in 2021, up from 10 million.</p></article>"
        "<div><p>[bold]x[/] and [link=http://evil.example]y[/link] outside the article, worth keeping.</p></div>"
        "</body></html>",
        encoding="utf-8",
    )
    db = str(tmp_path / "w.db")
    with Store(db) as store:
        import_paths(store, [page])
        stored = report_document(store, "quay")["warnings"]
    assert any("[bold]x[/]" in w for w in stored)
    for start_in_reader in (False, True):
        app = ClaimdeskApp(db, "tester", report="quay" if start_in_reader else None)
        async with app.run_test(size=(120, 30)) as pilot:
            table = (await opened_by(pilot, "w", WarningsScreen)).query_one(DataTable)
            shown = [str(table.get_row_at(row)[1]) for row in range(table.row_count)]
            assert shown == stored
            drawn = "\n".join(table.render_line(y).text for y in range(table.size.height))
            assert "[bold]x[/] and [link=http://evil.example]y[/link]" in drawn  # literally: never markup
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, WarningsScreen)


def test_free_text_in_the_filter_matches_quote_note_entity_and_title(corpus_store):
    db = corpus_store.db
    with corpus_store.action("seed", "tester") as action:
        noted = add_claim(action, REPORT, PERU, note="Compare with the SIPRI register.\nÉTAT des lieux.")
        plain = add_claim(action, REPORT, VENEZUELA, entities=[("Rosoboronexport", "organization")])
    ids = lambda text: {c["id"] for c in claims_for_desk(db, parse_filter(db, text))[0]}  # noqa: E731
    assert ids("") == {noted, plain}
    assert ids("sipri") == {noted}  # a word of a note, any case
    assert ids("état") == {noted}  # casefolded beyond ASCII
    assert ids("rosoboron") == {plain}  # an entity's name
    assert ids("helicopters") == {noted}  # the quote
    assert ids("sipri venezuela") == set()  # every word must be found
    title = report_document(corpus_store, REPORT)["title"].split()[0]
    assert ids(title.upper()) == {noted, plain}  # the report's title
    flt = parse_filter(db, 'report:werra-faure-2021 sipri "the SIPRI" text:"with: colon"')
    assert flt.texts == ("sipri", "the SIPRI", "with: colon")
    assert parse_filter(db, flt.describe()) == flt


async def test_the_desk_filter_narrows_by_a_word_of_a_note(corpus_db):
    noted, _plain = seed(corpus_db, (PERU, "Ask SIPRI for the\nregister's figure."), (VENEZUELA, ""))
    app = ClaimdeskApp(corpus_db, "editor")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        claims = app.screen.query_one("#claim-list")
        assert len(claims.rows) == 2
        await pilot.press("f")
        await pilot.pause()
        await pilot.press(*"sipri", "enter")
        await settle(pilot)
        assert [c["id"] for c in claims.rows] == [noted]


async def test_the_new_keys_are_in_the_help_and_the_palette_by_name(corpus_db):
    from claimdesk.tui.screens.dialogs import HelpScreen

    (claim_id,) = seed(corpus_db, (VENEZUELA, ""))
    app = ClaimdeskApp(corpus_db, "tester")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        library = {command.title for command in app.get_system_commands(app.screen)}
        assert "Import warnings of the report" in library
        keys = dict((await opened_by(pilot, "question_mark", HelpScreen)).bindings_list)
        assert "w" in keys
        await pilot.press("escape")
        app.open_claim(claim_id)
        reader = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Copy the quote or the selection", "Table of contents (go to a heading)…", "Import warnings of this report"} <= reader
        keys = dict((await opened_by(pilot, "question_mark", HelpScreen)).bindings_list)
        assert {"y", "t", "w"} <= set(keys) and "^c" not in keys  # ctrl+c is named under y, once
        assert "ctrl+c" in keys["y"]
