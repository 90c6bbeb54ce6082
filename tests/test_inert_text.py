"""Untrusted text is inert everywhere: escapes, controls, bidi and invisible
characters are cleaned from notes, entity names and annotations at input, and
never reach the terminal or an export even from a store that holds them.

The hostile pieces are those of the probe: an OSC 52 escape (writes the
terminal's clipboard), an OSC 0 (renames the window), CSI (clears the screen,
colours), 8-bit CSI, a right-to-left override, a zero-width space.
"""

from __future__ import annotations

import json
import re
import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdesk.cli import main
from claimdesk.exporting import export_register
from claimdesk.library import import_paths
from claimdesk.sources.inert import clean_input, inert_cells, inert_for_terminal, inert_in_place, json_for_embedding, json_for_terminal
from claimdesk.store.claims import add_claim, claim_document
from claimdesk.store.db import Store
from claimdesk.store.entities import ensure_entity
from claimdesk.store.links import add_link

OSC52 = "\x1b]52;c;SGVsbG8=\x07"
OSC0 = "\x1b]0;pwned\x1b\\"
CSI = "\x1b[2J\x1b[31m"
C1_CSI = "\x9b31m"
RLO = "\u202egnp.exe\u202c"
ZWSP = "pay\u200bpal"
HOSTILE_NOTE = f"Checked {OSC52}against {OSC0}the {CSI}ledger {RLO} and {ZWSP} {C1_CSI}end"
HOSTILE_NAME = f"Port\u200b Office{OSC0}\u202e"
# Nothing of these may be written to a terminal or into an export.
UNSAFE = ["\x1b", "\x07", "\x9b", "\x9d", "\x9c", "\u202e", "\u202c", "\u200b", "\x00"]
REPORT = (
    "Harbour Fees\n\nMara Lind\n\nMay 2021\n\n"
    "Fees rose by 12% in 2020 </script><!-- here.¹ Café owners protested.\n\n"
    "1. Port Office, “Fee Schedule </script> & more”, 2020.\n"
)
QUOTE = "Fees rose by 12% in 2020 </script><!-- here."


def assert_inert(text: str, where: str) -> None:
    found = [repr(c) for c in UNSAFE if c in text]
    assert not found, f"{where} carries {', '.join(found)}"


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    """The real entry point, in this process: exit code, stdout, stderr."""
    with pytest.raises(SystemExit) as exited:
        main(list(args))
    captured = capsys.readouterr()
    return exited.value.code, captured.out, captured.err


@pytest.fixture
def report_path(tmp_path):
    path = tmp_path / "harbour-fees.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


@pytest.fixture
def dirty_store(tmp_path, report_path):
    """A store that holds hostile text, as one written before input cleaning (or by
    another program) would: written straight into its rows, past every check."""
    path = str(tmp_path / "dirty.db")
    with Store(path) as store:
        import_paths(store, [report_path])
        with store.action("seed", "tester") as action:
            first = add_claim(action, "harbour-fees", QUOTE, status="verified", entities=[("Port Office", "organization")])
            second = add_claim(action, "harbour-fees", "Café owners protested.", status="disputed")
            # Straight through the change log, so `claim history` has hostile text to show.
            action.update("claims", {"id": first}, {"note": HOSTILE_NOTE})
            add_link(action, first, second, "conflict")
        store.db.conn.execute("UPDATE entities SET name = ?", [HOSTILE_NAME])
        store.db.conn.execute("UPDATE revisions SET title = title || ?", [RLO + OSC52])
        store.db.conn.execute("UPDATE footnotes SET text = text || ?", [OSC0])
    return path


# The module ---------------------------------------------------------------------

def test_clean_input_removes_every_unsafe_piece_and_says_where():
    cleaned = clean_input(HOSTILE_NOTE)
    assert_inert(cleaned.text, "cleaned note")
    assert cleaned.text == "Checked against the ledger gnp.exe and paypal end"
    # The offsets name the removed pieces in the text as given.
    assert [HOSTILE_NOTE[start:end] for start, end in cleaned.removed] == [
        OSC52, OSC0, "\x1b[2J", "\x1b[31m", "\u202e", "\u202c", "\u200b", C1_CSI,
    ]
    assert "removed" in cleaned.describe("note") and "at offset 8" in cleaned.describe("note")


def test_an_unterminated_escape_loses_only_its_introducer():
    cleaned = clean_input("a \x1b]0;title without end and 12.5% more")
    assert cleaned.text == "a 0;title without end and 12.5% more"


def test_line_ends_are_normalised_not_removed():
    assert clean_input("one\r\ntwo\rthree\x85four\u2028five").text == "one\ntwo\nthree\nfour\nfive"


def test_joiners_stay_where_scripts_need_them():
    persian, devanagari, emoji = "می\u200cخواهم", "क्\u200dष", "👩\u200d⚕️"
    assert clean_input(f"{persian} {devanagari} {emoji}").text == f"{persian} {devanagari} {emoji}"
    assert clean_input("pay\u200dpal and pay\u200cpal").text == "paypal and paypal"


def test_in_place_keeps_every_offset():
    shown = inert_in_place(HOSTILE_NOTE)
    assert len(shown) == len(HOSTILE_NOTE)
    assert_inert(shown, "in place")
    assert shown.index("ledger") == HOSTILE_NOTE.index("ledger")


def test_cells_removes_only_what_takes_no_cell():
    from rich.cells import cell_len

    text = f"a{OSC52}b{RLO}c\u200bd"
    assert cell_len(inert_cells(text)) == cell_len(text)
    assert_inert(inert_cells(text), "cells")


def test_json_for_embedding_cannot_close_a_script():
    document = {"note": "</script><script>alert(1)</script> <!-- & \u2028 " + RLO}
    text = json_for_embedding(document)
    assert "</script" not in text and "<!--" not in text and "<" not in text and "&" not in text
    assert_inert(text, "embedded JSON")
    assert json.loads(text) == document  # the data is exactly the same
    assert json.loads(json_for_terminal(document)) == document


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(["\x1b", "\x07", "\x9b", "\x9d", "\u202e", "\u200b", "\u200d", "[", "]", "\\", "\r"])))
def test_property_nothing_unsafe_survives_and_cleaning_is_idempotent(text):
    cleaned = clean_input(text).text
    assert_inert(cleaned, "cleaned")
    assert clean_input(cleaned).text == cleaned
    assert inert_for_terminal(text) == cleaned
    assert len(inert_in_place(text)) == len(text)
    assert_inert(inert_in_place(text), "in place")


# Input: stored cleaned, and said ----------------------------------------------------

def test_notes_and_entity_names_are_stored_cleaned_with_a_warning(tmp_path, report_path, capsys):
    db = str(tmp_path / "s.db")
    assert run_cli(capsys, "--db", db, "import", str(report_path))[0] == 0
    code, out, err = run_cli(capsys, "--db", db, "claim", "add", "harbour-fees", "--quote", "Café owners protested.",
                             "--note", HOSTILE_NOTE, "--entity", f"{HOSTILE_NAME}:organization")
    assert code == 0
    assert "claimdesk: warning: note of the new claim" in err and "claimdesk: warning: entity name" in err
    code, out, err = run_cli(capsys, "--db", db, "claim", "set", "1", "--note", f"again {OSC52}")
    assert code == 0 and "note of claim 1" in err
    code, out, err = run_cli(capsys, "--db", db, "entity", "add", f"Harbour{CSI} Board")
    assert code == 0 and "entity name" in err
    with Store(db) as store:
        assert claim_document(store.db, 1)["note"] == "again "
        names = [row[0] for row in store.db.execute("SELECT name FROM entities ORDER BY id")]
    assert names == ["Port Office", "Harbour Board"]
    # A hostile spelling of a registered name finds it, never a second entity.
    code, out, err = run_cli(capsys, "--db", db, "claim", "set", "1", "--entity", "Port\u200b Office")
    assert code == 0
    with Store(db) as store:
        assert store.db.execute("SELECT count(*) FROM entities").fetchone()[0] == 2


def test_a_name_that_is_only_control_characters_is_refused(tmp_path, report_path, capsys):
    db = str(tmp_path / "s.db")
    run_cli(capsys, "--db", db, "import", str(report_path))
    code, out, err = run_cli(capsys, "--db", db, "entity", "add", "\u200b\x1b[31m\u202e")
    assert code == 1 and err.startswith("claimdesk: error: invalid entity name") and len(err.splitlines()) == 1
    assert_inert(err, "the error line")


def test_a_resolution_note_is_stored_cleaned(dirty_store, capsys):
    code, out, err = run_cli(capsys, "--db", dirty_store, "conflict", "resolve", "1", "--keep", "1", "--note", f"Ifri {OSC0}wins")
    assert code == 0 and "resolution note" in err
    with Store(dirty_store) as store:
        assert store.db.execute("SELECT resolution_note FROM links").fetchone()[0] == "Ifri wins"


def test_imported_annotations_are_stored_cleaned(tmp_path, report_path, capsys):
    source = str(tmp_path / "a.db")
    with Store(source) as store:
        import_paths(store, [report_path])
        with store.action("seed", "tester") as action:
            add_claim(action, "harbour-fees", "Café owners protested.", entities=[("Port Office", None)])
    annotations = tmp_path / "annotations.jsonld"
    with Store(source) as store:
        export_register(store, {"annotations": annotations})
    document = json.loads(annotations.read_text(encoding="utf-8"))
    item = document["first"]["items"][0]
    item["body"].append({"type": "TextualBody", "purpose": "commenting", "value": HOSTILE_NOTE, "format": "text/plain"})
    for body in item["body"]:
        if body["purpose"] == "tagging":
            body["value"] = HOSTILE_NAME
    annotations.write_text(json.dumps(document), encoding="utf-8")
    target = str(tmp_path / "b.db")
    with Store(target) as store:
        import_paths(store, [report_path])
    code, out, err = run_cli(capsys, "--db", target, "import-annotations", str(annotations))
    assert code == 0, err
    assert "annotation 1" in err and "note" in err and "entity name" in err
    with Store(target) as store:
        claim = claim_document(store.db, 1)
    assert claim["note"] == "Checked against the ledger gnp.exe and paypal end"
    assert claim["entities"] == [{"name": "Port Office", "type": "other"}]


# Output: whatever the store holds ----------------------------------------------------

@pytest.mark.parametrize(
    "command",
    [
        ["claims"], ["claim", "show", "1"], ["claim", "history", "1"], ["claim", "check", "1"], ["entities"],
        ["reports"], ["show", "harbour-fees"], ["links"], ["conflicts"], ["tui", "harbour-fees"], ["review"],
        ["claims", "--json"], ["claim", "show", "1", "--json"], ["claim", "history", "1", "--json"], ["entities", "--json"],
        ["show", "harbour-fees", "--json"], ["conflicts", "--json"],
    ],
    ids=lambda command: " ".join(command),
)
def test_the_command_line_never_prints_an_unsafe_character(dirty_store, capsys, command):
    code, out, err = run_cli(capsys, "--db", dirty_store, *command)
    assert code == 0, err
    assert_inert(out, f"`claimdesk {' '.join(command)}`")
    assert_inert(err, "stderr")
    if "--json" in command:
        text = json.dumps(json.loads(out))  # the document is whole: the data is escaped, not lost
        assert "\\u202e" in text or command[0] == "conflicts"
    elif command in (["claim", "history", "1"], ["entities"], ["claims"]):
        # The words are shown; only the escapes went.
        assert ("ledger" if command[0] == "claim" else "Port Office") in out


def test_an_error_line_quoting_hostile_input_is_inert(dirty_store, capsys):
    code, out, err = run_cli(capsys, "--db", dirty_store, "claims", "--report", f"nope{OSC0}")
    assert code == 1 and err.startswith("claimdesk: error: no report")
    assert_inert(err, "the error line")


# Exports ---------------------------------------------------------------------------------

FORMATS = {"sqlite": "register.db", "markdown": "register.md", "html": "register.html",
           "claimreview": "claimreview.jsonld", "annotations": "annotations.jsonld", "csl": "references.csl.json"}
JSON_FORMATS = ("claimreview", "annotations", "csl")


def _every_text_of(path, name) -> str:
    if name != "sqlite":
        return path.read_text(encoding="utf-8")
    conn = sqlite3.connect(path)
    texts = []
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        for row in conn.execute(f'SELECT * FROM "{table}"').fetchall():
            texts += [value for value in row if isinstance(value, str)]
    conn.close()
    return "\n".join(texts)


@pytest.mark.parametrize("name", FORMATS)
def test_no_export_carries_an_unsafe_character(dirty_store, tmp_path, name):
    path = tmp_path / FORMATS[name]
    with Store(dirty_store) as store:
        export_register(store, {name: path})
    text = _every_text_of(path, name)
    assert_inert(text, f"the {name} export")
    if name != "csl":  # CSL holds references, not notes
        assert "ledger gnp" in text
    if name == "sqlite":
        assert_inert((tmp_path / (FORMATS[name] + ".metadata.json")).read_text(encoding="utf-8"), "Datasette metadata")


@pytest.mark.parametrize("name", JSON_FORMATS)
def test_json_exports_can_be_embedded_in_a_script_element(dirty_store, tmp_path, name):
    path = tmp_path / FORMATS[name]
    with Store(dirty_store) as store:
        export_register(store, {name: path})
    text = path.read_text(encoding="utf-8")
    assert "</script" not in text.lower() and "<!--" not in text
    assert "<" not in text and ">" not in text and "&" not in text
    decoded = json.dumps(json.loads(text), ensure_ascii=False)
    assert "</script>" in decoded  # the source's characters are all there, escaped


def test_sqlite_metadata_can_be_embedded_too(dirty_store, tmp_path):
    path = tmp_path / "register.db"
    with Store(dirty_store) as store:
        store.db.conn.execute("UPDATE revisions SET title = '</script><!--'")
        export_register(store, {"sqlite": path})
    assert "</script" not in (tmp_path / "register.db.metadata.json").read_text(encoding="utf-8")


# The terminal UI -------------------------------------------------------------------------

_OWN_SEQUENCES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")  # Textual's own: colours and cursor moves


def drawn(app) -> str:
    """Exactly what Textual would write to the terminal for the whole screen now."""
    return app.screen._compositor.render_full_update().render_segments(app.console)


def assert_screen_inert(app, where: str) -> str:
    raw = drawn(app)
    assert "\x1b]" not in raw and "\x1bP" not in raw, f"{where}: an OSC or DCS string reaches the terminal"
    text = _OWN_SEQUENCES.sub("", raw)
    assert_inert(text, where)
    return text


async def test_the_terminal_ui_draws_hostile_text_inert(dirty_store):
    from claimdesk.tui.app import ClaimdeskApp

    app = ClaimdeskApp(dirty_store, "tester", report="harbour-fees", start=0)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = assert_screen_inert(app, "the reader with the claim panel")
        assert "ledger" in shown and "gnp.exe" in shown and "Port" in shown  # the note and the entity are drawn
        app.open_review("entities")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Office" in assert_screen_inert(app, "the entity desk")
        await pilot.press("5")
        await pilot.pause()
        assert_screen_inert(app, "the claims list")
        await pilot.press("2")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert_screen_inert(app, "the conflicts queue")


async def test_a_note_typed_in_the_terminal_ui_is_stored_cleaned(dirty_store):
    from claimdesk.tui.app import ClaimdeskApp

    app = ClaimdeskApp(dirty_store, "tester", report="harbour-fees", start=0)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("m")  # the note (n is the next match)
        await pilot.pause()
        # The note prompt shows the stored (hostile) note inert, and what is typed is stored cleaned.
        assert_screen_inert(app, "the note prompt")
        app.screen.query_one("TextArea").load_text(f"Fine{OSC52} note\u202e")
        await pilot.press("ctrl+s")  # the note editor saves on ctrl+s (Enter is a new line)
        await pilot.pause()
        await app.workers.wait_for_complete()
    with Store(dirty_store) as store:
        assert claim_document(store.db, 1)["note"] == "Fine note"


def test_a_usage_error_quoting_hostile_input_is_inert(capsys, tmp_path):
    code, out, err = run_cli(capsys, "--db", str(tmp_path / "s.db"), f"claimz{OSC52}")
    assert code == 2 and err.startswith("claimdesk: error: No such command")
    assert_inert(err, "the usage error line")
