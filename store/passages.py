"""The passage index: every sentence of every current revision, ready to match.

Each passage keeps its text and its normalised content tokens ("norm": case,
accents, quotes, percent, thousands, currencies and built-in aliases folded,
stopwords dropped, suffixes stripped). FTS5 indexes the norm column, so a
query starts with BM25 over the rarest of its terms and never scans the corpus;
rapidfuzz then re-scores the few hundred candidates (claims.similarity).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Callable

from claimdesk.claims.normalise import BUILTIN_ALIASES, content_tokens, normalise


def norm_tokens(text: str, aliases: dict[str, str] | None = None) -> str:
    """The content-token string that the index stores and the scorer compares."""
    return " ".join(content_tokens(normalise(text, aliases if aliases is not None else BUILTIN_ALIASES)))


def index_revision(db, revision_id: int, report_id: str) -> None:
    """Make this revision the report's searchable one (its earlier ones leave), in one go.

    For a migration, inside its transaction; an import indexes in batches instead
    (index_in_batches), so that it never holds the write lock for long.
    """
    drop_other_revisions(db, report_id, revision_id)
    if db.conn.execute("SELECT 1 FROM passages WHERE revision_id = ? LIMIT 1", [revision_id]).fetchone():
        return
    text = db.conn.execute("SELECT text FROM revisions WHERE id = ?", [revision_id]).fetchone()[0]
    spans = db.conn.execute('SELECT ordinal, start, "end" FROM sentences WHERE revision_id = ? ORDER BY ordinal', [revision_id]).fetchall()
    _insert(db, revision_id, report_id, _passage_rows(revision_id, report_id, text, spans))


def drop_other_revisions(db, report_id: str, revision_id: int) -> None:
    """The report's passages of earlier revisions leave the index (in the import's
    own transaction: a search never finds words of a revision that is not current)."""
    db.conn.execute("DELETE FROM passages WHERE report_id = ? AND revision_id != ?", [report_id, revision_id])


# The passage index of a new revision is written after the import that made the
# revision current, this many sentences per write transaction: about a tenth of
# a second of FTS work each, so another writer (a colleague's `claim set`) waits
# that long at most, where one transaction for a 10 MB report (60,000
# sentences) held the lock for 8 s. Until the last batch, a search misses some
# of that report's sentences; it never finds wrong ones.
INDEX_BATCH = 2000


def unindexed_revisions(db) -> list[tuple[int, str, int]]:
    """Current revisions whose sentences are not all in the index yet (an import
    still indexing, or one a crash interrupted): (revision id, report id, next ordinal)."""
    rows = db.conn.execute(
        """SELECT v.id, v.report_id,
                  (SELECT max(s.ordinal) FROM sentences s WHERE s.revision_id = v.id),
                  (SELECT max(p.ordinal) FROM passages p WHERE p.report_id = v.report_id AND p.revision_id = v.id)
           FROM reports r JOIN revisions v ON v.report_id = r.id AND v.number = r.current_revision"""
    ).fetchall()
    return [(revision, report, -1 if done is None else done + 1) for revision, report, last, done in rows
            if last is not None and (done is None or done < last)]


@dataclass
class TokensAhead:
    """norm_tokens of a report's sentences from from_ordinal on, being computed
    elsewhere meanwhile (by the parsing process, on the other core).

    texts are the sentences they are computed for: a token string is used only
    for the very same text, so a revision other than the one expected (a crash's
    leftover, a report found unchanged) is never indexed with another's tokens.
    """
    from_ordinal: int
    texts: list[str]
    wait: Callable[[], list[str] | None]
    """Blocks until they are ready; None if they could not be had."""
    _norms: list[str] | None = None
    _waited: bool = False

    def norm_of(self, ordinal: int, text: str) -> str | None:
        index = ordinal - self.from_ordinal
        if index < 0 or index >= len(self.texts) or self.texts[index] != text:
            return None
        if not self._waited:
            self._norms, self._waited = self.wait(), True
        if self._norms is None or len(self._norms) != len(self.texts):
            return None
        return self._norms[index]


def index_in_batches(store, progress: Callable[[int, int], None] | None = None,
                     ahead: dict[str, TokensAhead] | None = None) -> int:
    """Index every current revision's missing sentences, INDEX_BATCH per write
    transaction; returns how many passages were added.

    The norms of a batch are computed outside the transaction (or taken from
    ahead, by report id, where another process computed them meanwhile). Each
    batch checks, under the lock, that its revision is still current and that
    nobody indexed those sentences meanwhile (two processes may catch up at once).
    """
    db, added = store.db, 0
    ahead = ahead or {}
    for revision_id, report_id, next_ordinal in unindexed_revisions(db):
        text = db.conn.execute("SELECT text FROM revisions WHERE id = ?", [revision_id]).fetchone()[0]
        total = db.conn.execute("SELECT count(*) FROM sentences WHERE revision_id = ?", [revision_id]).fetchone()[0]
        while True:
            spans = db.conn.execute(
                'SELECT ordinal, start, "end" FROM sentences WHERE revision_id = ? AND ordinal >= ? ORDER BY ordinal LIMIT ?',
                [revision_id, next_ordinal, INDEX_BATCH],
            ).fetchall()
            if not spans:
                break
            rows = _passage_rows(revision_id, report_id, text, spans, ahead.get(report_id))
            with store.transaction("index the passages"):
                if not _is_current(db, revision_id):
                    break  # a newer revision came in: its import indexes it
                done = db.conn.execute("SELECT max(ordinal) FROM passages WHERE report_id = ? AND revision_id = ?", [report_id, revision_id]).fetchone()[0]
                if done is None or done < spans[0][0]:
                    _insert(db, revision_id, report_id, rows)
                    added += len(rows)
                    next_ordinal = spans[-1][0] + 1
                else:
                    next_ordinal = done + 1  # indexed meanwhile by someone else
            if progress:
                progress(min(next_ordinal, total), total)
    return added


def _is_current(db, revision_id: int) -> bool:
    return db.conn.execute(
        "SELECT 1 FROM revisions v JOIN reports r ON r.id = v.report_id AND r.current_revision = v.number WHERE v.id = ?", [revision_id]
    ).fetchone() is not None


def _passage_rows(revision_id: int, report_id: str, text: str, spans, ahead: TokensAhead | None = None) -> list[tuple]:
    rows = []
    for ordinal, start, end in spans:
        sentence = text[start:end]
        norm = ahead.norm_of(ordinal, sentence) if ahead is not None else None
        rows.append((revision_id, report_id, ordinal, start, end, sentence, norm if norm is not None else norm_tokens(sentence)))
    return rows


_INSERT_COLUMNS = 'INSERT INTO passages (revision_id, report_id, ordinal, start, "end", text, norm)'
_INSERT_FROM_JSON = _INSERT_COLUMNS + """
    SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'),
           json_extract(value, '$[4]'), json_extract(value, '$[5]'), json_extract(value, '$[6]') FROM json_each(?)"""


def _insert(db, revision_id: int, report_id: str, rows) -> None:
    """The rows in one statement: SQLite reads them from one JSON array.

    On the 10 MB benchmark report (57,000 sentences) this takes a third of the
    time executemany takes, row by row through Python. JSON cannot carry NUL
    through SQLite's text functions, so a batch holding one goes row by row, as
    does a SQLite built without JSON.
    """
    if not any("\x00" in row[5] or "\x00" in row[6] for row in rows):
        try:
            db.conn.execute(_INSERT_FROM_JSON, [json.dumps(rows, ensure_ascii=False)])
            return
        except sqlite3.OperationalError as exc:
            if "json" not in str(exc):
                raise
    db.conn.executemany(_INSERT_COLUMNS + " VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


@dataclass
class Passage:
    id: int
    report_id: str
    ordinal: int
    start: int
    end: int
    text: str
    norm: str


_COLUMNS = 'p.id, p.report_id, p.ordinal, p.start, p."end", p.text, p.norm'

# BM25 looks at no more than this many of a query's rarest terms: enough to find
# paraphrases, few enough that common words never drag in the whole corpus.
MAX_QUERY_TERMS = 12


def candidates(db, query_norm: str, *, limit: int = 200, report: str | None = None, exclude_report: str | None = None) -> list[Passage]:
    """Passages sharing the query's rarest terms, best BM25 first."""
    terms = list(dict.fromkeys(query_norm.split()))
    if not terms:
        return []
    placeholders = ",".join("?" for _ in terms)
    frequencies = dict(db.conn.execute(f"SELECT term, doc FROM passages_vocab WHERE term IN ({placeholders})", terms).fetchall())
    known = sorted((t for t in terms if t in frequencies), key=lambda t: frequencies[t])
    if not known:
        return []
    chosen = known[:MAX_QUERY_TERMS]
    match = " OR ".join('"' + term.replace('"', '""') + '"' for term in chosen)
    filters, params = "", [match]
    if report is not None:
        filters += " AND p.report_id = ?"
        params.append(report)
    if exclude_report is not None:
        filters += " AND p.report_id != ?"
        params.append(exclude_report)
    params.append(limit)
    rows = db.conn.execute(
        f"""SELECT {_COLUMNS} FROM passages_fts f JOIN passages p ON p.id = f.rowid
            WHERE passages_fts MATCH ?{filters} ORDER BY bm25(passages_fts) LIMIT ?""",
        params,
    ).fetchall()
    return [Passage(*row) for row in rows]


def neighbours(db, passage: Passage) -> tuple[Passage | None, Passage | None]:
    """The sentences before and after a passage in its report."""
    rows = db.conn.execute(
        f"SELECT {_COLUMNS} FROM passages p WHERE p.report_id = ? AND p.ordinal IN (?, ?)",
        [passage.report_id, passage.ordinal - 1, passage.ordinal + 1],
    ).fetchall()
    found = {row[2]: Passage(*row) for row in rows}
    return found.get(passage.ordinal - 1), found.get(passage.ordinal + 1)


def report_passages(db, report_id: str) -> list[Passage]:
    rows = db.conn.execute(f"SELECT {_COLUMNS} FROM passages p WHERE p.report_id = ? ORDER BY p.ordinal", [report_id]).fetchall()
    return [Passage(*row) for row in rows]


def all_passages(db) -> list[Passage]:
    return [Passage(*row) for row in db.conn.execute(f"SELECT {_COLUMNS} FROM passages p ORDER BY p.id").fetchall()]


# A content token in more than this share of passages says little about what a
# figure is of ("Russian", "exports" in a corpus on Russian exports).
COMMON_TOKEN_SHARE = 0.02


def common_tokens(db) -> frozenset[str]:
    total = db.conn.execute("SELECT count(*) FROM passages").fetchone()[0]
    if not total:
        return frozenset()
    threshold = max(5, int(total * COMMON_TOKEN_SHARE))
    return frozenset(row[0] for row in db.conn.execute("SELECT term FROM passages_vocab WHERE doc > ?", [threshold]).fetchall())
