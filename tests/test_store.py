"""The store: schema versions, WAL, actions, revisions, the change log."""

from __future__ import annotations

import json
import sqlite3
import threading

import pytest

from claimdesk.library import import_paths
from claimdesk.sources.errors import SourceError
from claimdesk.store.db import Store
from claimdesk.store.errors import NotFoundError, StoreError
from claimdesk.store.migrations import MIGRATIONS, schema_version
from claimdesk.store.reports import list_reports, report_document


def dump(path):
    """Every row of every table, to compare a store before and after."""
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    state = {t: conn.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
    conn.close()
    return state


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_new_store_is_wal_with_foreign_keys(tmp_path):
    with Store(tmp_path / "s.db") as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] > 0
        assert schema_version(store.db) == len(MIGRATIONS._migrations)


def test_store_from_a_newer_claimdesk_is_refused(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('claimdesk', '9999_future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer claimdesk"):
        Store(path)


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    path = write(tmp_path / "notes.db", "just some text, not SQLite at all" * 100)
    with pytest.raises(StoreError, match="not a usable claimdesk store"):
        Store(path)


def test_same_bytes_again_is_a_no_op(store, tmp_path):
    path = write(tmp_path / "brief.txt", "A Brief Title\n\nJane Roe\n\n2020\n\nThe river rose by 3% in 2019. It fell again.\n")
    first = import_paths(store, [path]).imported[0]
    changes_before = store.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    again = import_paths(store, [path]).imported[0]
    assert (first.outcome.status, again.outcome.status) == ("imported", "unchanged")
    assert store.db.execute("SELECT count(*) FROM revisions").fetchone()[0] == 1
    assert store.db.execute("SELECT count(*) FROM changes").fetchone()[0] == changes_before


def test_changed_bytes_make_a_new_revision_and_keep_the_old(store, tmp_path):
    path = write(tmp_path / "brief.txt", "Title\n\nThe river rose by 3% in 2019. It fell again.\n")
    import_paths(store, [path])
    write(path, "Title\n\nThe river rose by 4% in 2019. It fell again.\n")
    outcome = import_paths(store, [path]).imported[0].outcome
    assert (outcome.status, outcome.revision) == ("revised", 2)
    revisions = store.db.execute("SELECT number, text FROM revisions ORDER BY number").fetchall()
    assert [n for n, _ in revisions] == [1, 2]
    assert "3%" in revisions[0][1] and "4%" in revisions[1][1]
    assert "4%" in report_document(store, "brief")["text"]
    log = store.db.execute("SELECT action, target_id, before, after FROM changes ORDER BY id").fetchall()
    assert [row[0] for row in log] == ["import", "import"]
    assert json.loads(log[1][2])["revision"] == 1 and json.loads(log[1][3])["revision"] == 2


def test_raw_bytes_and_their_hash_are_kept(store, tmp_path):
    data = "Title\n\nCafé prices rose.\n".encode("cp1252")
    path = tmp_path / "cafe.txt"
    path.write_bytes(data)
    import_paths(store, [path])
    raw, sha = store.db.execute("SELECT raw, sha256 FROM revisions").fetchone()
    assert raw == data
    import hashlib

    assert sha == hashlib.sha256(data).hexdigest()
    assert "Café" in report_document(store, "cafe")["text"]


def test_the_change_log_is_append_only(store, tmp_path):
    import_paths(store, [write(tmp_path / "a.txt", "A\n\nText here. More text.\n")])
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.db.execute("UPDATE changes SET reviewer = 'mallory'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.db.execute("DELETE FROM changes")


def test_a_failed_import_leaves_the_store_exactly_as_it_was(tmp_path):
    path = tmp_path / "s.db"
    good = write(tmp_path / "good.txt", "Good\n\nSome text. More.\n")
    with Store(path) as store:
        import_paths(store, [good])
    before = dump(path)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02\x03binary\x00\x00\x00" * 200)
    with Store(path) as store:
        with pytest.raises(SourceError):
            import_paths(store, [write(tmp_path / "other.txt", "Other\n\nFine text.\n"), bad])
    assert dump(path) == before


def test_an_error_inside_an_action_rolls_everything_back(store, tmp_path):
    import_paths(store, [write(tmp_path / "a.txt", "A\n\nText here.\n")])
    before = store.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    with pytest.raises(RuntimeError):
        with store.action("test") as action:
            action.log("report", "a", None, {"x": 1})
            raise RuntimeError("boom")
    assert store.db.execute("SELECT count(*) FROM changes").fetchone()[0] == before


def test_two_writers_queue_instead_of_failing(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    errors = []

    def worker(n):
        try:
            with Store(path) as store:
                for i in range(5):
                    import_paths(store, [write(tmp_path / f"w{n}-{i}.txt", f"T{n}\n\nText {n} {i}.\n")])
        except Exception as exc:  # pragma: no cover - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store(path) as store:
        assert len(list_reports(store.db)) == 15


def test_unknown_report_is_a_not_found_error(store):
    with pytest.raises(NotFoundError, match="no report 'nope'"):
        report_document(store, "nope")


def test_folder_import_skips_unreadable_files_but_named_files_must_parse(store, tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    write(folder / "one.md", "# One\n\nText one.\n")
    write(folder / "sub" / "two.html", "<h1>Two</h1><p>Text two.</p>")
    (folder / "empty.txt").write_bytes(b"")
    write(folder / "README.md", "not a report")
    write(folder / "notes.pdf", "ignored")
    result = import_paths(store, [folder])
    assert sorted(i.outcome.report_id for i in result.imported) == ["one", "two"]
    assert len(result.skipped) == 1 and "empty.txt" in result.skipped[0]
    with pytest.raises(SourceError, match="empty"):
        import_paths(store, [folder / "empty.txt"])
