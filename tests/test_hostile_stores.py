"""Stores are never harmed: a file that is not a claimdesk store is refused before
anything is written; a read-only store reads and refuses writes with one line;
a full disk, an I/O error and odd arguments end in one clear line, non-zero.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import tempfile

import pytest

from claimdesk.cli import main
from claimdesk.library import import_paths
from claimdesk.store.db import Store
from claimdesk.store.errors import ReadOnlyStore, StoreError
from claimdesk.store.store_file import APPLICATION_ID

BRIEF = "Harbour Fees\n\nMara Lind\n\nMay 2021\n\nFees rose by 12% in 2020. Café owners protested.\n"


def digest(path) -> str:
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(list(args))
    captured = capsys.readouterr()
    return exited.value.code, captured.out, captured.err


def assert_one_error_line(code: int, err: str, *words: str) -> None:
    assert code != 0
    assert err.startswith("claimdesk: error: ") and len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err and "internal error" not in err, err
    for word in words:
        assert word in err, err


@pytest.fixture
def brief(tmp_path):
    path = tmp_path / "harbour-fees.txt"
    path.write_text(BRIEF, encoding="utf-8")
    return path


def _foreign(path, *statements: str) -> str:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return str(path)


FOREIGN = {
    "tables": ("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)", "INSERT INTO invoices (total) VALUES (12.5)"),
    "application_id": ("PRAGMA application_id = 1234", "CREATE TABLE t (x)"),
    "user_version": ("PRAGMA user_version = 7",),
    "wal": ("PRAGMA journal_mode = WAL", "CREATE TABLE notes (body TEXT)", "INSERT INTO notes VALUES ('keep me')"),
    "other_migrations": ("CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT, name TEXT, applied_at TEXT)",
                         "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('budget', '0001', 'x')"),
}


@pytest.mark.parametrize("kind", FOREIGN)
def test_another_applications_database_is_refused_and_left_byte_for_byte(tmp_path, kind, capsys, brief):
    path = _foreign(tmp_path / "other.db", *FOREIGN[kind])
    before = digest(path)
    files_before = sorted(os.listdir(tmp_path))
    for command in (["reports"], ["import", str(brief)], ["claims", "--json"]):
        code, out, err = run_cli(capsys, "--db", path, *command)
        assert_one_error_line(code, err, "not a usable claimdesk store", "left as it is")
        assert out == ""
    assert digest(path) == before
    assert sorted(os.listdir(tmp_path)) == files_before  # no -wal, no -shm, no journal beside it


def test_a_text_file_named_as_the_store_is_left_as_it_is(tmp_path, capsys):
    path = tmp_path / "notes.db"
    path.write_text("my notes, not a database\n" * 50, encoding="utf-8")
    before = digest(path)
    code, out, err = run_cli(capsys, "--db", str(path), "reports")
    assert_one_error_line(code, err, "not an SQLite database")
    assert digest(path) == before


def test_an_empty_file_and_an_empty_database_become_stores(tmp_path, brief):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    blank = _foreign(tmp_path / "blank.db", "CREATE TABLE x (a)", "DROP TABLE x")
    for path in (str(empty), blank):
        with Store(path) as store:
            import_paths(store, [brief])
            assert store.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_a_store_from_before_the_application_id_opens_and_is_marked(tmp_path, brief):
    path = tmp_path / "old.db"
    with Store(path) as store:
        import_paths(store, [brief])
        store.db.conn.execute("PRAGMA application_id = 0")
    with Store(path) as store:
        assert store.db.execute("SELECT count(*) FROM reports").fetchone()[0] == 1
        assert store.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_opening_a_current_store_takes_no_write_lock(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # someone else is writing, for as long as they like
    try:
        with Store(path) as store:  # a reader opens at once; it would wait 30 s for the lock before
            assert store.db.execute("SELECT count(*) FROM reports").fetchone()[0] == 0
    finally:
        writer.execute("ROLLBACK")
        writer.close()


@pytest.mark.parametrize("make", ["folder", "fifo", "device"])
def test_a_store_path_that_is_no_regular_file_is_refused(tmp_path, make, capsys):
    path = tmp_path / "store.db"
    if make == "folder":
        path.mkdir()
        words = ("is a folder",)
    elif make == "fifo":
        os.mkfifo(path)
        words = ("a FIFO",)
    else:
        path.symlink_to(os.devnull)
        words = ("a character device",)
    code, out, err = run_cli(capsys, "--db", str(path), "reports")
    assert_one_error_line(code, err, *words)


def test_an_empty_store_path_is_wrong_usage(capsys):
    code, out, err = run_cli(capsys, "--db", "", "reports")
    assert code == 2 and err.startswith("claimdesk: error: --db names no file")


# Read-only stores ------------------------------------------------------------------

@pytest.fixture
def read_only_store(tmp_path, brief, monkeypatch):
    """A store the process may not write: permissions for an ordinary user; for
    root, whom permissions do not stop, the access check says what they would."""
    folder = tmp_path / "shelf"
    folder.mkdir()
    path = folder / "s.db"
    with Store(path) as store:
        import_paths(store, [brief])
        with store.action("seed", "tester") as action:
            from claimdesk.store.claims import add_claim

            add_claim(action, "harbour-fees", "Fees rose by 12% in 2020.", note="checked", entities=[("Port Office", None)])
    path.chmod(0o444)
    folder.chmod(0o555)
    if os.geteuid() == 0:
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if mode & os.W_OK and str(p).startswith(str(folder)) else real_access(p, mode, **kw))
    yield str(path)
    folder.chmod(0o755)
    path.chmod(0o644)


@pytest.mark.parametrize("command", [["reports"], ["claims", "--json"], ["claim", "show", "1"], ["claim", "history", "1"],
                                     ["show", "harbour-fees"], ["entities"], ["similar", "fees rose"], ["export", "--markdown", "{out}"]])
def test_a_read_only_store_opens_for_reading(read_only_store, command, capsys, tmp_path):
    before = digest(read_only_store)
    command = [part.replace("{out}", str(tmp_path / "register.md")) for part in command]
    code, out, err = run_cli(capsys, "--db", read_only_store, *command)
    assert code == 0, err
    assert out
    assert digest(read_only_store) == before


@pytest.mark.parametrize("command", [["claim", "set", "1", "--note", "changed"], ["claim", "rm", "1"], ["entity", "add", "Harbour Board"],
                                     ["undo"], ["import", "{brief}"], ["suggest"]])
def test_a_read_only_store_refuses_writes_with_one_line(read_only_store, command, capsys, brief):
    before = digest(read_only_store)
    command = [part.replace("{brief}", str(brief)) for part in command]
    code, out, err = run_cli(capsys, "--db", read_only_store, *command)
    assert_one_error_line(code, err, "read-only")
    assert code == 1
    assert digest(read_only_store) == before


def test_a_read_only_connection_cannot_write_even_past_the_actions(read_only_store):
    with Store(read_only_store) as store:
        assert store.read_only
        with pytest.raises(ReadOnlyStore):
            with store.action("anything"):
                pass
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.db.conn.execute("UPDATE claims SET note = 'x'")


def test_a_store_that_cannot_be_created_says_so(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    if os.geteuid() == 0:
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if mode & os.W_OK and str(p).startswith(str(folder)) else real_access(p, mode, **kw))
    try:
        code, out, err = run_cli(capsys, "--db", str(folder / "new.db"), "reports")
    finally:
        folder.chmod(0o755)
    assert_one_error_line(code, err, "cannot create the store")


# A full disk, I/O errors --------------------------------------------------------------

def _filling(opened):
    """Every store opened so may not grow by a single page: SQLite's own SQLITE_FULL, as on a full disk."""

    def open_then_fill(self):
        opened(self)
        pages = self.db.conn.execute("PRAGMA page_count").fetchone()[0]
        self.db.conn.execute(f"PRAGMA max_page_count = {pages}")

    return open_then_fill


def test_a_full_disk_during_an_import_is_one_line_and_nothing_changes(tmp_path, brief, corpus, capsys, monkeypatch):
    path = str(tmp_path / "s.db")
    with Store(path) as store:
        import_paths(store, [brief])
    monkeypatch.setattr(Store, "_open_for_writing", _filling(Store._open_for_writing))
    code, out, err = run_cli(capsys, "--db", path, "import", str(corpus / "ifri-pyatakov-2020.txt"))
    assert_one_error_line(code, err, "disk is full", "nothing was changed")
    assert code == 1
    monkeypatch.undo()
    with Store(path) as store:
        assert [row[0] for row in store.db.execute("SELECT id FROM reports")] == ["harbour-fees"]


class _DiskFull(sqlite3.Connection):
    """A connection on a disk with no room left: any write fails as SQLite says then
    (a small write can fit in a page already there, so max_page_count alone cannot show it)."""

    def execute(self, sql, *args):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")) and self.in_transaction:
            error = sqlite3.OperationalError("database or disk is full")
            error.sqlite_errorname = "SQLITE_FULL"
            raise error
        return super().execute(sql, *args)


@pytest.mark.parametrize("command", [["claim", "add", "harbour-fees", "--quote", "Café owners protested."],
                                     ["entity", "add", "Port Office"], ["undo"]])
def test_a_full_disk_during_a_change_is_one_line_and_nothing_changes(tmp_path, brief, capsys, monkeypatch, command):
    path = str(tmp_path / "s.db")
    with Store(path) as store:
        import_paths(store, [brief], reviewer=os.environ.get("CLAIMDESK_REVIEWER") or None)
        changes = store.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *args, **kwargs: connect(*args, factory=_DiskFull, **kwargs))
    code, out, err = run_cli(capsys, "--db", path, "--reviewer", "tester", *command)
    assert code == 1
    if command != ["undo"]:
        assert_one_error_line(code, err, "disk is full", "nothing was changed")
    monkeypatch.undo()
    with Store(path) as store:
        assert store.db.execute("SELECT count(*) FROM changes").fetchone()[0] == changes
        assert store.db.execute("SELECT count(*) FROM claims").fetchone()[0] == 0


class _FailingCommit(sqlite3.Connection):
    """A connection whose COMMIT meets a disk I/O error, as a failing disk does."""

    def execute(self, sql, *args):
        if sql.strip().upper() == "COMMIT":
            error = sqlite3.OperationalError("disk I/O error")
            error.sqlite_errorname = "SQLITE_IOERR"
            raise error
        return super().execute(sql, *args)


def test_an_io_error_is_one_line_and_the_action_is_rolled_back(tmp_path, brief, capsys, monkeypatch):
    path = str(tmp_path / "s.db")
    with Store(path) as store:
        import_paths(store, [brief])
    connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *args, **kwargs: connect(*args, factory=_FailingCommit, **kwargs))
    code, out, err = run_cli(capsys, "--db", path, "claim", "add", "harbour-fees", "--quote", "Café owners protested.")
    assert_one_error_line(code, err, "disk I/O error", "nothing was changed")
    monkeypatch.undo()
    with Store(path) as store:
        assert store.db.execute("SELECT count(*) FROM claims").fetchone()[0] == 0


def test_a_damaged_store_is_one_line(tmp_path, brief, capsys):
    path = tmp_path / "s.db"
    with Store(path) as store:
        import_paths(store, [brief])
        store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[4096:len(data)] = b"\xff" * (len(data) - 4096)  # every page after the first
    path.write_bytes(bytes(data))
    code, out, err = run_cli(capsys, "--db", str(path), "claims")
    assert_one_error_line(code, err)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_standard_output_is_one_line_and_exit_1(tmp_path):
    with open("/dev/full", "w") as full:
        process = subprocess.run([sys.executable, "-m", "claimdesk", "--db", str(tmp_path / "s.db"), "reports"],
                                 stdout=full, stderr=subprocess.PIPE, text=True, cwd=tempfile.gettempdir(), timeout=120)
    assert process.returncode == 1
    assert process.stderr.startswith("claimdesk: error: ") and "No space left" in process.stderr
    assert len(process.stderr.strip().splitlines()) == 1


# Odd arguments --------------------------------------------------------------------------

@pytest.mark.parametrize(
    "command",
    [
        ["claim", "show", "99999999999999999999999"],
        ["claim", "set", "1", "--expect-version", "-99999999999999999999999"],
        ["link", "add", "1", "99999999999999999999", "--kind", "duplicate"],
        ["claim", "show", "one"],
        ["similar", "x", "--limit", "0"],
        ["export"],
    ],
)
def test_odd_arguments_are_wrong_usage_in_one_line(tmp_path, command, capsys):
    code, out, err = run_cli(capsys, "--db", str(tmp_path / "s.db"), *command)
    assert code == 2
    assert_one_error_line(code, err)


@pytest.mark.parametrize("command", [["claim", "show", "0"], ["claim", "rm", "--", "-5"], ["show", "../etc"], ["conflict", "resolve", "5", "--keep", "1", "--note", "x"]])
def test_odd_but_valid_arguments_are_a_clear_error(tmp_path, command, capsys):
    code, out, err = run_cli(capsys, "--db", str(tmp_path / "s.db"), *command)
    assert code == 1
    assert_one_error_line(code, err)


def test_a_second_connection_of_the_same_process_never_costs_the_first_its_write_ahead_log(tmp_path, brief):
    """Found in the reader (2026-12-02): a worker thread opened its own Store while the app's
    was open; reading the file's header with open()/close() dropped the process's POSIX
    locks, and the worker's close deleted the WAL under the app ("disk I/O error")."""
    path = str(tmp_path / "s.db")
    with Store(path) as app:
        with app.action("seed", "tester") as action:
            action.insert("entities", {"name": "Peru", "type": "place", "created": "2026-12-02T00:00:00Z"})
        for _ in range(3):
            with Store(path) as worker:  # as the reader's check worker does
                worker.db.execute("SELECT count(*) FROM entities").fetchone()
        # A colleague's command in another process: it may delete the WAL only if nobody holds the file.
        subprocess.run([sys.executable, "-m", "claimdesk", "--db", path, "entities"], check=True, capture_output=True)
        assert (tmp_path / "s.db-wal").exists()
        with app.action("more", "tester") as action:
            action.insert("entities", {"name": "Chile", "type": "place", "created": "2026-12-02T00:00:00Z"})
        assert [row[0] for row in app.db.execute("SELECT name FROM entities ORDER BY id")] == ["Peru", "Chile"]
    with Store(path) as again:
        assert again.db.execute("SELECT count(*) FROM entities").fetchone()[0] == 2
