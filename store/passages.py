"""The passage index: every sentence of every current revision, ready to match.

Each passage keeps its text and its normalised content tokens ("norm": case,
accents, quotes, percent, thousands, currencies and built-in aliases folded,
stopwords dropped, suffixes stripped). FTS5 indexes the norm column, so a
query starts with BM25 over the rarest of its terms and never scans the corpus;
rapidfuzz then re-scores the few hundred candidates (claims.similarity).
"""

from __future__ import annotations

from dataclasses import dataclass

from claimdesk.claims.normalise import BUILTIN_ALIASES, content_tokens, normalise


def norm_tokens(text: str, aliases: dict[str, str] | None = None) -> str:
    """The content-token string that the index stores and the scorer compares."""
    return " ".join(content_tokens(normalise(text, aliases if aliases is not None else BUILTIN_ALIASES)))


def index_revision(db, revision_id: int, report_id: str) -> None:
    """Make this revision the report's searchable one (its earlier ones leave)."""
    conn = db.conn
    conn.execute("DELETE FROM passages WHERE report_id = ? AND revision_id != ?", [report_id, revision_id])
    if conn.execute("SELECT 1 FROM passages WHERE revision_id = ? LIMIT 1", [revision_id]).fetchone():
        return
    text = conn.execute("SELECT text FROM revisions WHERE id = ?", [revision_id]).fetchone()[0]
    spans = conn.execute('SELECT ordinal, start, "end" FROM sentences WHERE revision_id = ? ORDER BY ordinal', [revision_id]).fetchall()
    conn.executemany(
        'INSERT INTO passages (revision_id, report_id, ordinal, start, "end", text, norm) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ((revision_id, report_id, ordinal, start, end, text[start:end], norm_tokens(text[start:end])) for ordinal, start, end in spans),
    )


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
