"""Long writes hold the write lock only briefly: another writer (a colleague's
`claim set`) gets it between the batches of a big import, and while the claims
of a revised report are being found again.

No timing: "another writer gets the lock" is tested as a second connection
that takes it with no busy timeout at all (it fails at once if the lock is held).
"""

from __future__ import annotations

import sqlite3

import pytest

from claimdesk.library import import_paths
from claimdesk.store import passages, reanchoring
from claimdesk.store.claims import add_claim
from claimdesk.store.db import Store

PARAGRAPHS = [f"Paragraph {n}: the harbour fee rose by {n}% in {1990 + n}. Exports of eel fell sharply that year." for n in range(1, 13)]


def write_report(path, paragraphs) -> None:
    path.write_text("# Harbour Fees\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


class Colleague:
    """Another process's writer: takes the lock with no waiting, or fails."""

    def __init__(self, path) -> None:
        self.conn = sqlite3.connect(path, timeout=0, isolation_level=None)
        self.writes = 0

    def write(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")  # "database is locked" at once if anyone holds the lock
        self.conn.execute("UPDATE claims SET note = note || '.' WHERE id = 1")
        self.conn.execute("COMMIT")
        self.writes += 1


@pytest.fixture
def revised(tmp_path):
    """A store with a report and claims on it, and a revised version of the report."""
    path = tmp_path / "harbour.md"
    write_report(path, PARAGRAPHS)
    db = str(tmp_path / "s.db")
    with Store(db) as store:
        import_paths(store, [path])
        with store.action("seed", "tester") as action:
            for n in (2, 5, 9):
                add_claim(action, "harbour", f"the harbour fee rose by {n}% in {1990 + n}.")
    write_report(path, ["An added opening paragraph."] + PARAGRAPHS[:7] + ["Paragraph 8 was rewritten."] + PARAGRAPHS[8:])
    return db, path


def test_another_writer_gets_the_lock_between_the_batches_of_the_index(revised, monkeypatch):
    db, path = revised
    monkeypatch.setattr(passages, "INDEX_BATCH", 4)
    colleague = Colleague(db)
    rows = passages._passage_rows

    def between_batches(*args):
        colleague.write()  # before each batch's transaction: the lock must be free
        return rows(*args)

    monkeypatch.setattr(passages, "_passage_rows", between_batches)
    with Store(db) as store:
        import_paths(store, [path])
        sentences = store.db.execute("SELECT count(*) FROM sentences s JOIN reports r ON r.id = 'harbour' "
                                     "JOIN revisions v ON v.id = s.revision_id AND v.number = r.current_revision").fetchone()[0]
        indexed = store.db.execute("SELECT count(*), count(DISTINCT ordinal) FROM passages").fetchone()
    assert colleague.writes == -(-sentences // 4) > 3  # one write between every two batches
    assert indexed == (sentences, sentences)  # complete, and no sentence twice


def test_a_revised_reports_claims_are_found_again_before_the_lock_is_taken(revised, monkeypatch):
    db, path = revised
    colleague = Colleague(db)
    real = reanchoring.reanchor

    def found_while_unlocked(*args, **kwargs):
        colleague.write()  # the lock must be free while anchors are searched
        return real(*args, **kwargs)

    monkeypatch.setattr(reanchoring, "reanchor", found_while_unlocked)
    with Store(db) as store:
        result = import_paths(store, [path])
    assert colleague.writes == 3
    assert [claim["anchor"] for claim in result.imported[0].outcome.claims] == ["moved", "moved", "moved"]


def test_a_claim_changed_after_its_anchor_was_found_is_found_again_in_the_transaction(revised, monkeypatch):
    db, path = revised
    ahead, real = reanchoring.anchors_ahead, reanchoring.reanchor
    searched = []

    def counted(*args, **kwargs):
        searched.append(args[1])  # the quote
        return real(*args, **kwargs)

    def then_a_colleague_edits_claim_2(store_db, report_id, text):
        found = ahead(store_db, report_id, text)
        with Store(db) as other, other.action("edit", "colleague") as action:
            action.update("claims", {"id": 2}, {"quote": "the harbour fee rose by 6% in 1996.", "start": 0})
        return found

    monkeypatch.setattr(reanchoring, "reanchor", counted)
    monkeypatch.setattr("claimdesk.library.anchors_ahead", then_a_colleague_edits_claim_2)
    with Store(db) as store:
        result = import_paths(store, [path])
    # Three searched before the lock; claim 2, changed since, searched again for its new quote.
    assert searched == [*(f"the harbour fee rose by {n}% in {1990 + n}." for n in (2, 5, 9)), "the harbour fee rose by 6% in 1996."]
    assert {claim["claim"] for claim in result.imported[0].outcome.claims} == {1, 2, 3}


def test_an_index_left_unfinished_by_a_crash_is_finished_by_the_next_import(revised, tmp_path):
    db, path = revised
    with Store(db) as store:
        complete = store.db.execute("SELECT ordinal, start, \"end\", text, norm FROM passages ORDER BY ordinal").fetchall()
        store.db.conn.execute("DELETE FROM passages WHERE ordinal >= 5")  # as if killed after the first batches
        assert passages.unindexed_revisions(store.db)
        other = tmp_path / "other.txt"
        other.write_text("Another Report\n\nNothing to do with harbours.\n", encoding="utf-8")
        import_paths(store, [other])
        again = store.db.execute("SELECT ordinal, start, \"end\", text, norm FROM passages WHERE report_id = 'harbour' ORDER BY ordinal").fetchall()
        assert again == complete
        assert passages.index_in_batches(store) == 0  # nothing left to do, nothing twice
        assert not passages.unindexed_revisions(store.db)


def test_a_search_never_finds_a_replaced_revisions_words(revised, monkeypatch):
    db, path = revised
    seen = []
    rows = passages._passage_rows

    def look(*args):
        with Store(db) as reader:
            seen.append([row[0] for row in reader.db.execute("SELECT text FROM passages WHERE report_id = 'harbour'")])
        return rows(*args)

    monkeypatch.setattr(passages, "INDEX_BATCH", 4)
    monkeypatch.setattr(passages, "_passage_rows", look)
    with Store(db) as store:
        import_paths(store, [path])
    # While the new revision is indexed, the old one's sentences are already gone.
    assert seen and not any("Paragraph 8: the harbour fee" in text for texts in seen for text in texts)


def test_an_index_another_process_finishes_meanwhile_is_neither_doubled_nor_left_short(revised, monkeypatch):
    db, path = revised
    monkeypatch.setattr(passages, "INDEX_BATCH", 4)
    rows, batches = passages._passage_rows, []

    def another_process_catches_up(*args):
        batches.append(args[3][0][0])  # the batch's first ordinal
        if len(batches) == 2:  # this process wrote its first batch; another one indexes the rest now
            with Store(db) as other:
                monkeypatch.setattr(passages, "_passage_rows", rows)
                passages.index_in_batches(other)
                monkeypatch.setattr(passages, "_passage_rows", another_process_catches_up)
        return rows(*args)

    monkeypatch.setattr(passages, "_passage_rows", another_process_catches_up)
    with Store(db) as store:
        import_paths(store, [path])
        counts = store.db.execute("SELECT count(*), count(DISTINCT ordinal) FROM passages WHERE report_id = 'harbour'").fetchone()
        sentences = store.db.execute("SELECT count(*) FROM sentences s JOIN reports r ON r.id = 'harbour' "
                                     "JOIN revisions v ON v.id = s.revision_id AND v.number = r.current_revision").fetchone()[0]
    assert counts == (sentences, sentences)
    assert batches == [0, 4]  # this process's first two batches; the second was done meanwhile, and nothing after it


@pytest.mark.parametrize("text", ["Plain words, 1,200 and 3.5%.", "Quotes \" and back\\slashes \\u0041 stay",
                                  "Astral 𝔘 and emoji 😀, RTL שלום", "A NUL \x00 inside goes row by row", "\u2028 and \u2029"])
def test_the_index_stores_every_passage_exactly_as_the_text_has_it(tmp_path, text):
    path = tmp_path / "harbour.md"
    write_report(path, PARAGRAPHS[:1])
    with Store(str(tmp_path / "s.db")) as store:
        import_paths(store, [path])
        revision = store.db.execute("SELECT id FROM revisions WHERE report_id = 'harbour'").fetchone()[0]
        rows = [(revision, "harbour", 1000, 0, len(text), text, passages.norm_tokens(text)),
                (revision, "harbour", 1001, 0, 5, text[:5], "x")]
        with store.transaction("seed"):
            passages._insert(store.db, revision, "harbour", rows)
        stored = store.db.execute('SELECT revision_id, report_id, ordinal, start, "end", text, norm FROM passages '
                                  "WHERE ordinal >= 1000 ORDER BY ordinal").fetchall()
    assert stored == rows
