"""How fast the claim register exports: 100,000 claims to SQLite and to Markdown.

Builds (once, cached) a store holding the real corpus and the bundled examples
with 100,000 claims on their sentences — statuses, confidence, notes, entity
tags, citations and a few thousand links spread over them — then times
`export_register` for each format in a fresh process-free run. Prints a
Markdown table with the bars (< 10 s each); exits 0 (it reports).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # noqa: E402

from claimdesk.exporting import export_register  # noqa: E402
from claimdesk.library import import_paths  # noqa: E402
from claimdesk.store.db import Store, now  # noqa: E402

STATUSES = ("unreviewed", "verified", "disputed", "false", "unverifiable")


def build(path: Path, claims: int, corpus: Path) -> None:
    examples = Path(__file__).resolve().parents[1] / "examples"
    with Store(path) as store:
        import_paths(store, [corpus, examples])
        db = store.db
        passages = db.execute('SELECT report_id, start, "end", text FROM passages').fetchall()
        footnotes = {}
        for report_id, number in db.execute(
            "SELECT v.report_id, f.number FROM footnotes f JOIN revisions v ON v.id = f.revision_id"
        ).fetchall():
            footnotes.setdefault(report_id, []).append(number)
        rng = random.Random(7)
        stamp = now()
        conn = db.conn
        conn.execute("BEGIN IMMEDIATE")
        entity_names = ["Venezuela", "Peru", "Argentina", "Cuba", "Rosneft", "Rosoboronexport", "Andrey Pyatakov", "Aldra Basin Commission"]
        conn.executemany("INSERT INTO entities (name, type, created) VALUES (?, 'other', ?)", [(name, stamp) for name in entity_names])
        rows = []
        for claim_id in range(1, claims + 1):
            report_id, start, end, text = passages[rng.randrange(len(passages))]
            rows.append((claim_id, report_id, 1, start, end, text, "", "", rng.choice([None, 1, 2, 3, 4, 5]), rng.choice(STATUSES),
                         rng.choice(["", "", "checked against the source", "needs a second source | *urgent*"]), "bench", stamp, stamp))
        conn.executemany(
            'INSERT INTO claims (id, report_id, revision, start, "end", quote, prefix, suffix, confidence, status, note, reviewer, created, updated) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.executemany(
            "INSERT OR IGNORE INTO claim_entities (claim_id, entity_id) VALUES (?, ?)",
            [(rng.randrange(1, claims + 1), rng.randrange(1, len(entity_names) + 1)) for _ in range(claims // 2)],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO claim_citations (claim_id, footnote) VALUES (?, ?)",
            [(row[0], rng.choice(footnotes[row[1]])) for row in rows if footnotes.get(row[1]) and rng.random() < 0.4],
        )
        links = set()
        while len(links) < claims // 50:
            a, b = sorted(rng.sample(range(1, claims + 1), 2))
            links.add((a, b))
        conn.executemany(
            "INSERT INTO links (claim_a, claim_b, kind, state, scorer, score, threshold, created_by, created) VALUES (?, ?, ?, ?, 'bench', 90, 87.5, 'bench', ?)",
            [(a, b, rng.choice(["duplicate", "conflict"]), rng.choice(["suggested", "confirmed"]), stamp) for a, b in links],
        )
        conn.execute("COMMIT")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "claimdesk-bench"))
    args = parser.parse_args()
    corpus = synthetic.corpus_dir(args.corpus)
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    store_path = cache / f"export-{args.claims}.db"
    if not store_path.exists():
        build(store_path, args.claims, corpus)
    figures = {}
    with Store(store_path) as store, tempfile.TemporaryDirectory() as out:
        for name, file in (("sqlite", "register.db"), ("markdown", "register.md"), ("html", "register.html"), ("annotations", "register.jsonld")):
            started = time.perf_counter()
            export_register(store, {name: Path(out) / file})
            figures[name] = (time.perf_counter() - started, (Path(out) / file).stat().st_size)
    print(f"## claimdesk export benchmark ({args.claims:,} claims)\n")
    print("| format | time | size | bar | result |")
    print("| --- | --- | --- | --- | --- |")
    for name, (seconds, size) in figures.items():
        bar = "< 10 s" if name in ("sqlite", "markdown") else "—"
        verdict = ("PASS" if seconds < 10 else "FAIL") if bar != "—" else "info"
        print(f"| {name} | {seconds:.2f} s | {size / 1e6:.1f} MB | {bar} | {verdict} |")


if __name__ == "__main__":
    main()
