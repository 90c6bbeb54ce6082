"""The terminal UI, driven with Textual's pilot; assertions on the store, not only the screen."""

from __future__ import annotations

import pytest

from claimdesk.library import import_paths
from claimdesk.store.claims import list_claims
from claimdesk.store.db import Store
from claimdesk.tui.app import ClaimdeskApp
from claimdesk.tui.screens.reader import ReaderScreen
from claimdesk.tui.widgets.report_view import ReportView

PERU_SENTENCE = "A major buyer of Russian helicopters, the Peruvian military apparatus would count nearly 100 units, mobilized in particular in the fight against terrorism."


def claims_in(db: str, report: str) -> list[dict]:
    with Store(db) as store:
        return list_claims(store.db, report)


def screen_text(app) -> str:
    view = app.screen.query_one(ReportView)
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


async def test_annotate_flow_from_library_to_undo(corpus_db):
    app = ClaimdeskApp(corpus_db, "tester")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")  # ifri is first, werra second
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.report_id == "werra-faure-2021"
        await pilot.press("slash")
        await pilot.press(*"nearly 100", "enter")
        await pilot.pause()
        view = app.screen.query_one(ReportView)
        assert app.screen.document["text"][view.cursor:].startswith("nearly 100")
        await pilot.press("escape", "s", "c")
        await pilot.pause()
        (claim,) = claims_in(corpus_db, "werra-faure-2021")
        assert claim["quote"] == PERU_SENTENCE and claim["reviewer"] == "tester"
        await pilot.press("e")
        await pilot.press(*"Peru:place", "enter")
        await pilot.press("3", "v")
        await pilot.pause()
        (claim,) = claims_in(corpus_db, "werra-faure-2021")
        assert claim["entities"] == [{"name": "Peru", "type": "place"}]
        assert (claim["confidence"], claim["status"]) == (3, "verified")
        await pilot.press("ctrl+z")
        await pilot.pause()
        (claim,) = claims_in(corpus_db, "werra-faure-2021")
        assert (claim["confidence"], claim["status"]) == (3, "unreviewed")
        await app.workers.wait_for_complete()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ReaderScreen)


async def test_next_and_previous_claim_and_note(corpus_db):
    with Store(corpus_db) as store:
        from claimdesk.store.claims import add_claim

        with store.action("seed", "tester") as action:
            first = add_claim(action, "werra-faure-2021", "Venezuela accounted for 80% of Russian arms")
            second = add_claim(action, "werra-faure-2021", PERU_SENTENCE)
    app = ClaimdeskApp(corpus_db, "tester", report="werra-faure-2021")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.screen.current_claim == first
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.screen.current_claim == second
        await pilot.press("m")
        await pilot.press(*"Ifri: more than 100", "ctrl+s")  # the note editor: Enter is a new line
        await pilot.pause()
        await app.workers.wait_for_complete()
    notes = {c["id"]: c["note"] for c in claims_in(corpus_db, "werra-faure-2021")}
    assert notes[second] == "Ifri: more than 100" and notes[first] == ""


HOSTILE = "[bold]not bold[/] and [link=http://evil.example]x[/link] and [0] and [/ unclosed and \x1b[31mred\x1b[0m end."


async def test_report_text_is_never_markup(tmp_path):
    report = tmp_path / "hostile.md"
    report.write_text(f"# Hostile\n\n{HOSTILE}\n", encoding="utf-8")
    db = str(tmp_path / "h.db")
    with Store(db) as store:
        import_paths(store, [report])
    app = ClaimdeskApp(db, "tester", report="hostile")
    async with app.run_test(size=(160, 20)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[bold]not bold[/]" in text
        assert "[link=http://evil.example]x[/link]" in text
        assert "[0]" in text and "[/ unclosed" in text
        assert "\x1b" not in text and "red end." in text
        await pilot.press("down", "down", "s", "c")
        await pilot.pause()
        await app.workers.wait_for_complete()
        panel_text = str(app.screen.query_one("#panel-claim").render())
        assert "[bold]not bold[/]" in panel_text


async def test_citation_panel_resolves_ibid_in_werra(corpus_db):
    app = ClaimdeskApp(corpus_db, "tester", report="werra-faure-2021")
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.press(*"compensate for its break", "enter", "escape", "s", "c")
        await pilot.pause()
        await app.workers.wait_for_complete()
        citations = str(app.screen.query_one("#panel-citations").render())
        assert "3. Ibid" in citations
        assert "→ note 1" in citations
        assert "Russia and Latin America in the 21st century" in citations
        assert "in corpus: ifri-pyatakov-2020" in citations
    (claim,) = claims_in(corpus_db, "werra-faure-2021")
    assert claim["citations"] == [3] and claim["cited_reports"] == ["ifri-pyatakov-2020"]


async def test_import_from_the_library_in_a_worker(tmp_path, corpus):
    db = str(tmp_path / "empty.db")
    Store(db).close()
    app = ClaimdeskApp(db, "tester")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.press(*str(corpus), "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#library-table")
        assert table.row_count == 2
    with Store(db) as store:
        assert store.db.execute("SELECT count(*) FROM reports").fetchone()[0] == 2


def test_library_snapshot(snap_compare, corpus_db):
    assert snap_compare(ClaimdeskApp(corpus_db, "tester"), terminal_size=(120, 30))


def test_reader_snapshot(snap_compare, corpus_db):
    assert snap_compare(ClaimdeskApp(corpus_db, "tester", report="ifri-pyatakov-2020"), terminal_size=(120, 36))


# The sizes the issue checks at: the smallest terminal people work in and a large one.
@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=["80x24", "200x60"])
def test_reader_and_its_footer_snapshot_at_the_checked_sizes(snap_compare, corpus_db, size):
    assert snap_compare(ClaimdeskApp(corpus_db, "tester", report="werra-faure-2021"), terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=["80x24", "200x60"])
def test_help_screen_snapshot_at_the_checked_sizes(snap_compare, corpus_db, size):
    assert snap_compare(ClaimdeskApp(corpus_db, "tester", report="werra-faure-2021"), terminal_size=size,
                        press=["question_mark"])


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from claimdesk.tui.widgets.report_view import wrap_rows  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab cd\n\n  xyzé"), max_size=400), st.integers(10, 60))
def test_wrapped_rows_cover_the_text_in_order_within_the_width(text, width):
    rows = wrap_rows(text, width)
    previous_end = 0
    covered = set()
    for start, end in rows:
        assert previous_end <= start <= end <= len(text)
        assert len(text[start:end].rstrip()) <= width
        covered.update(range(start, end))
        previous_end = end
    assert all(i in covered for i, char in enumerate(text) if not char.isspace())


async def test_import_of_a_missing_path_says_so(tmp_path):
    db = str(tmp_path / "empty.db")
    Store(db).close()
    app = ClaimdeskApp(db, "tester")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.press(*"/no/such/folder", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("no such file or directory" in m for m in messages), messages


async def test_export_dialog_writes_every_format(corpus_db, tmp_path):
    app = ClaimdeskApp(corpus_db, "tester")
    target = tmp_path / "out"
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        prompt = app.screen.query_one("#prompt-input")
        prompt.value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert sorted(p.name for p in target.iterdir()) == sorted(
        ["register.db", "register.db.metadata.json", "register.md", "register.html", "claimreview.jsonld", "annotations.jsonld", "references.csl.json"]
    )
