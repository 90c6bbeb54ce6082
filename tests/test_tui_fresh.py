"""Fresh state (issue 12, part 5) and the reader's everyday habits (part 6: find,
n/N, q, ctrl+q): the reader follows what another connection commits, a stale
action is refused in one line, claim ids are never given twice.

The report is tests/fixtures/reanchoring/andes.md; its "moved" revision moves a
paragraph to the top, so every offset after it changes."""

from __future__ import annotations

import re
import shutil
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.widgets import TextArea

from claimdesk.library import import_paths
from claimdesk.store.claims import StaleRevisionError, add_claim, list_claims, set_claim
from claimdesk.store.db import Store
from claimdesk.store.undo import redo_last, undo_last
from claimdesk.tui.app import ClaimdeskApp
from claimdesk.tui.screens.dialogs import NoteScreen
from claimdesk.tui.screens.library import LibraryScreen
from claimdesk.tui.screens.reader import ReaderScreen
from claimdesk.tui.widgets.report_view import ReportView

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "reanchoring"
SLOW = "Deliveries were slow."
UNITS = "would count nearly 100 units by 2030"


def andes_store(tmp_path: Path) -> tuple[str, Path]:
    report = tmp_path / "andes.md"
    shutil.copy(FIXTURES / "andes.md", report)
    db = tmp_path / "store.db"
    with Store(db) as store:
        import_paths(store, [report])
    return str(db), report


def reimport(db: str, report: Path, variant: str) -> None:
    """Another connection (a colleague's shell) imports a revision of the report."""
    shutil.copy(FIXTURES / f"andes-{variant}.md", report)
    with Store(db) as store:
        (item,) = import_paths(store, [report], reviewer="colleague").imported
        assert item.outcome.status == "revised"


def claims(db: str, include_removed: bool = False) -> list[dict]:
    with Store(db) as store:
        return list_claims(store.db, "andes", include_removed=include_removed)


def current_text(db: str) -> str:
    with Store(db) as store:
        return store.db.execute(
            "SELECT v.text FROM revisions v JOIN reports r ON r.id = v.report_id AND v.number = r.current_revision WHERE r.id = 'andes'"
        ).fetchone()[0]


def messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


# a claim made on a view the store has moved past --------------------------------

@asynccontextmanager
async def selected_then_reimported(tmp_path):
    """The reader on andes, "Deliveries were slow." selected; then another
    connection imports the revision that moves a paragraph above it: (db, app, pilot)."""
    db, report = andes_store(tmp_path)
    app = ClaimdeskApp(db, "tester", report="andes")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        start = app.screen.document["text"].index(SLOW)
        app.screen.view.select(start, start + len(SLOW))
        reimport(db, report, "moved")
        yield db, app, pilot


async def test_a_claim_after_a_concurrent_reimport_is_refused_never_put_on_other_words(tmp_path):
    async with selected_then_reimported(tmp_path) as (db, app, pilot):
        reader = app.screen
        await pilot.press("c")  # before the reader's timer has looked
        await settle(pilot)
        assert claims(db) == []  # nothing made on the words now at those offsets
        refusals = [m for m in messages(app) if m.startswith("Not done")]
        assert len(refusals) == 1 and "\n" not in refusals[0] and "re-imported (revision 2)" in refusals[0]
        assert reader.document["revision"] == 2 and reader.view.text == current_text(db)
        # The view shows the new text now: the same words, selected again, make the claim.
        start = reader.view.text.index(SLOW)
        reader.view.select(start, start + len(SLOW))
        await pilot.press("c")
        await settle(pilot)
        (claim,) = claims(db)
        assert claim["quote"] == SLOW and current_text(db)[claim["start"]:claim["end"]] == SLOW


async def test_the_timer_reloads_the_view_and_a_lost_selection_is_not_used(tmp_path):
    async with selected_then_reimported(tmp_path) as (db, app, pilot):
        reader = app.screen
        await pilot.pause(1.5)  # the reader polls PRAGMA data_version every second
        await settle(pilot)
        assert reader.document["revision"] == 2 and reader.view.text == current_text(db)
        assert any("re-imported" in m and "select again" in m for m in messages(app))
        await pilot.press("c")  # the selection was on the old text: not the sentence now at the cursor
        await settle(pilot)
        assert claims(db) == []


def test_the_store_refuses_a_span_of_an_old_revision(tmp_path):
    db, report = andes_store(tmp_path)
    with Store(db) as store:
        old = store.db.execute("SELECT text FROM revisions WHERE report_id = 'andes'").fetchone()[0]
    reimport(db, report, "moved")
    start = old.index(SLOW)
    with Store(db) as store:
        with pytest.raises(StaleRevisionError, match="re-imported"):
            with store.action("add", "tester") as action:
                add_claim(action, "andes", SLOW, span=(start, start + len(SLOW)), expect_revision=1)
        with pytest.raises(StaleRevisionError, match="not the ones selected"):
            with store.action("add", "tester") as action:
                add_claim(action, "andes", SLOW, span=(start, start + len(SLOW)), expect_revision=2)
    assert claims(db) == []


# a colleague's change ---------------------------------------------------------------

def seed_units(db: str) -> int:
    with Store(db) as store:
        with store.action("seed", "tester") as action:
            return add_claim(action, "andes", UNITS)


def colleague_sets(db: str, claim_id: int, **change) -> None:
    with Store(db) as store:
        with store.action("set", "bob") as action:
            set_claim(action, claim_id, **change)


async def test_a_refused_stale_write_reloads_the_claim_and_says_what_changed(tmp_path):
    db, _report = andes_store(tmp_path)
    claim_id = seed_units(db)
    start = claims(db)[0]["start"]
    app = ClaimdeskApp(db, "tester", report="andes", start=start)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        reader = app.screen
        assert reader.current_claim == claim_id
        await pilot.press("m")  # the note editor holds the version it was opened on
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        colleague_sets(db, claim_id, status="disputed", note="Ifri says 120", add_entities=[("Peru", "place")])
        await pilot.pause(1.5)  # the reader's timer reloads the claim beneath the prompt
        await pilot.press(*"mine", "ctrl+s")
        await settle(pilot)
        (claim,) = claims(db)
        assert (claim["note"], claim["status"]) == ("Ifri says 120", "disputed")  # bob's change stands
        assert reader.claims[claim_id]["note"] == "Ifri says 120"  # the reader reloaded it
        (line,) = [m for m in messages(app) if m.startswith("Not saved")]
        assert "bob" in line and "status unreviewed → disputed" in line and "“Ifri says 120”" in line and "entities +Peru" in line
        # The panel shows bob's version; the key again applies mine on top of it.
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one(TextArea).clear()
        await pilot.press(*"mine", "ctrl+s")
        await settle(pilot)
        assert claims(db)[0]["note"] == "mine"


async def test_a_key_pressed_on_a_claim_a_colleague_just_changed_is_refused_once(tmp_path):
    db, _report = andes_store(tmp_path)
    claim_id = seed_units(db)
    app = ClaimdeskApp(db, "tester", report="andes", start=claims(db)[0]["start"])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        colleague_sets(db, claim_id, status="disputed")
        await pilot.press("v")
        await settle(pilot)
        assert claims(db)[0]["status"] == "disputed"
        assert any(m.startswith("Not saved") and "disputed" in m and "bob" in m for m in messages(app))
        await pilot.press("v")
        await settle(pilot)
        assert claims(db)[0]["status"] == "verified"


# claim ids ----------------------------------------------------------------------------

def test_undo_of_a_creation_removes_the_claim_and_its_id_is_never_given_again(tmp_path):
    db, _report = andes_store(tmp_path)
    first = seed_units(db)
    with Store(db) as store:
        undo_last(store, "tester")
        assert [c["id"] for c in list_claims(store.db, "andes")] == []
        (removed,) = list_claims(store.db, "andes", include_removed=True)
        assert removed["id"] == first and removed["removed"]
        redo_last(store, "tester")
        assert [c["id"] for c in list_claims(store.db, "andes")] == [first]
        undo_last(store, "tester")  # the redo
        with store.action("add", "tester") as action:
            second = add_claim(action, "andes", SLOW)
    assert second > first
    assert [c["id"] for c in claims(db)] == [second]


def test_an_existing_store_keeps_its_claims_and_never_reuses_a_freed_id(tmp_path, older_store):
    """A store written before AUTOINCREMENT (schema 0006), where an undo had deleted claim 3."""
    path = tmp_path / "old.db"
    db = older_store(path, 6)
    db.execute("INSERT INTO reports VALUES ('r', 1, 'now', 'now')")
    for claim_id in (1, 2, 3):
        db.execute("INSERT INTO claims (id, report_id, revision, start, \"end\", quote, reviewer, created, updated, status, note) "
                   "VALUES (?, 'r', 1, 0, 4, 'text', 'ana', 'now', 'now', 'verified', ?)", [claim_id, f"note {claim_id}"])
        db.execute("INSERT INTO changes (at, reviewer, action, target, target_id, after) VALUES ('now', 'ana', 'add', 'claims', ?, '{}')",
                   [f"[{claim_id}]"])
    db.execute("INSERT INTO claim_citations VALUES (1, '3', 'auto')")
    db.execute("INSERT INTO links (claim_a, claim_b, kind, state, scorer, created_by, created) VALUES (1, 2, 'conflict', 'suggested', 's', 'ana', 'now')")
    db.execute("DELETE FROM claims WHERE id = 3")  # what undo of a creation did before
    db.conn.commit()
    db.conn.close()
    with Store(path) as store:
        assert store.db.execute("SELECT id, status, note FROM claims ORDER BY id").fetchall() == [(1, "verified", "note 1"), (2, "verified", "note 2")]
        assert store.db.execute("SELECT count(*) FROM claim_citations").fetchone()[0] == 1
        assert store.db.execute("SELECT count(*) FROM links").fetchone()[0] == 1
        assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert "AUTOINCREMENT" in store.db.execute("SELECT sql FROM sqlite_master WHERE name = 'claims'").fetchone()[0]
        new_id = store.db.execute("INSERT INTO claims (report_id, revision, start, \"end\", quote, reviewer, created, updated) "
                                  "VALUES ('r', 1, 0, 4, 'text', 'ana', 'now', 'now')").lastrowid
        assert new_id == 4


# habits: find, n/N, q, ctrl+q -----------------------------------------------------------

async def test_find_returns_to_the_text_and_n_N_move_between_matches(tmp_path):
    db, _report = andes_store(tmp_path)
    app = ClaimdeskApp(db, "tester", report="andes")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        reader = app.screen
        text = reader.document["text"]
        matches = [m.start() for m in re.finditer("20", text)]  # 2019, 2030, 2001, 2013
        assert len(matches) >= 3
        await pilot.press("slash", *"20", "enter")
        await pilot.pause()
        view = reader.query_one(ReportView)
        assert view.has_focus and view.cursor == matches[0]
        await pilot.press("n")
        await pilot.pause()
        assert view.cursor == matches[1]
        await pilot.press("n")
        await pilot.pause()
        assert view.cursor == matches[2]
        await pilot.press("N", "N")
        await pilot.pause()
        assert view.cursor == matches[0]
        await pilot.press("N")  # wraps to the last
        await pilot.pause()
        assert view.cursor == matches[-1]
        assert isinstance(app.screen, ReaderScreen)  # n and N opened no note prompt


async def test_q_goes_back_from_the_reader_and_ctrl_q_quits(tmp_path):
    db, _report = andes_store(tmp_path)
    app = ClaimdeskApp(db, "tester")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen) and app.return_code is None
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("q")  # the desk too
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen) and app.return_code is None
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code == 0


async def test_the_library_counts_claims_made_in_the_reader_on_return(tmp_path):
    db, _report = andes_store(tmp_path)
    app = ClaimdeskApp(db, "tester")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#library-table")
        assert str(table.get_cell("andes", table.ordered_columns[4].key)) == "0"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("s", "c")
        await settle(pilot)
        assert len(claims(db)) == 1
        await pilot.press("q")
        await settle(pilot)
        assert str(table.get_cell("andes", table.ordered_columns[4].key)) == "1"


async def test_keys_typed_right_after_slash_never_act_on_the_claim(tmp_path):
    """A burst as a terminal delivers it ("/10" typed or pasted fast): the 1 and
    the 0 are the query's, or lost, never confidence 1 then cleared on the claim."""
    from textual import events

    db, _report = andes_store(tmp_path)
    claim_id = seed_units(db)
    colleague_sets(db, claim_id, confidence=4)
    app = ClaimdeskApp(db, "tester", report="andes", start=claims(db)[0]["start"])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        for key, character in (("slash", "/"), ("1", "1"), ("0", "0")):
            app.post_message(events.Key(key, character))
        await settle(pilot)
        assert claims(db)[0]["confidence"] == 4 and claims(db)[0]["version"] == 2
