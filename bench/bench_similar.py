"""How fast `similar` finds a sentence's neighbours among a million, and how many it misses.

    /work/venv/bin/python bench/bench_similar.py [--sentences 1000000] [--queries 50] [--mode both|fts|memory] [--rebuild]

Builds (once; cached) a store with the real corpus and N distinct synthetic
sentences made from it (bench/variants.py), then for each query:

* `similar(store, query, limit=10)` -- candidates from FTS5, the default --
  and `similar(store, query, limit=10, use_memory=True)` -- candidates from
  the in-memory passage index, loaded once per process (its load time and the
  RSS it adds are reported) -- each warm (the store open, the index loaded,
  one warm-up query run), timed one call per query; the candidate step inside
  each call is timed too;
* the brute force they must beat: `rapidfuzz.process.extract(norm_tokens(query),
  norms, scorer=fuzz.token_set_ratio, limit=10)` over the `norm` of every
  passage (loaded once, untimed) -- the same scorer `similar` ranks by;
* recall@10: many passages tie (score 100), so the two top-10 score lists are
  compared rank by rank: rank i counts when our i-th score is at least brute
  force's i-th. Exact-id overlap is shown for information.

Queries: corpus sentences verbatim, corpus sentences lightly changed by the
generator (numbers, names, a word dropped...), short runs of 5-8 words, and
claim-like clauses with spelling changes normalisation should fold ("per
cent", "US"). Prints Markdown; always exits 0. When a mode fails a bar, its
cProfile follows the tables (for FTS5, also each SQL statement redone and timed).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import math
import os
import pstats
import random
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_import  # noqa: E402  (machine(), table())
import synthetic  # noqa: E402
import variants  # noqa: E402

BAR_MEDIAN_MS = 100.0
BAR_SPEEDUP = 15.0
BAR_RECALL = 0.99
LIMIT = 10
CACHE = Path("/tmp/claimdesk-bench")


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- queries ------------------------------------------------------------------

def make_queries(m: variants.Material, n: int, seed: int = 4242) -> list[tuple[str, str]]:
    """(kind, text): 30% verbatim, 30% paraphrased, 20% short, 20% claim-like."""
    rng = random.Random(seed)
    counts = {"verbatim": round(n * 0.3), "paraphrased": round(n * 0.3), "short": round(n * 0.2)}
    counts["claim"] = n - sum(counts.values())
    long_enough = [s for s in m.sentences if len(s.split()) >= 8]
    queries: list[tuple[str, str]] = []
    for sentence in rng.sample(long_enough, counts["verbatim"]):
        queries.append(("verbatim", sentence))
    for sentence in rng.sample(long_enough, counts["paraphrased"]):
        queries.append(("paraphrased", variants.light_change(rng, sentence, m, changes=rng.choice([1, 2]))))
    for sentence in rng.sample(long_enough, counts["short"]):
        words = sentence.rstrip(".").split()
        size = rng.randint(5, 8)
        start = rng.randrange(0, max(1, len(words) - size))
        queries.append(("short", " ".join(words[start:start + size])))
    with_numbers = [s for s in long_enough if variants.has_number(s) or variants.surface_change(rng, s) != s]
    for sentence in rng.sample(with_numbers, counts["claim"]):
        a, b = variants._clause_span(rng, sentence)
        queries.append(("claim", variants.surface_change(rng, sentence[a:b].strip(" ,;:."))))
    return queries


# --- measuring ----------------------------------------------------------------

def recall_at(ours: list[float], brute: list[float]) -> float:
    """Rank by rank: our i-th best score is at least brute force's i-th best."""
    if not brute:
        return 1.0
    hits = sum(1 for i, b in enumerate(brute) if i < len(ours) and ours[i] >= round(b, 1) - 1e-9)
    return hits / len(brute)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


MODES = {
    "fts": ("FTS5 (the default)", "`similar(store, q, limit=10)`", {}),
    "memory": ("in-memory index", "`similar(store, q, limit=10, use_memory=True)`", {"use_memory": True}),
}


def _vm_rss_kb() -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def available_modes() -> list[str]:
    """fts always; memory when this claimdesk's similar() takes use_memory."""
    import inspect

    from claimdesk.checking import similar

    return ["fts"] + (["memory"] if "use_memory" in inspect.signature(similar).parameters else [])


def run_mode(store, mode: str, queries: list[tuple[str, str]], warmup: str) -> dict:
    """Time similar() in one mode over the queries (after loading, if any, and one warm-up query)."""
    import claimdesk.checking as checking

    kwargs = MODES[mode][2]
    # Time the candidate step of each call separately: the FTS5 query, or the in-memory search.
    name = "candidates" if mode == "fts" else "_memory_candidates"
    real = getattr(checking, name, None)
    step_s: list[float] = []

    def timed(*args, **kw):
        t = time.perf_counter()
        try:
            return real(*args, **kw)
        finally:
            step_s.append(time.perf_counter() - t)

    figures: dict = {"mode": mode}
    if mode == "memory" and hasattr(checking, "passage_memory"):
        rss = _vm_rss_kb()
        t = time.perf_counter()
        checking.passage_memory(store)
        figures["load_s"] = time.perf_counter() - t
        after = _vm_rss_kb()
        figures["load_rss_kb"] = after - rss if rss is not None and after is not None else None
        _log(f"in-memory passage index loaded in {figures['load_s']:.1f} s")
    if real is not None:
        setattr(checking, name, timed)
    results = []
    try:
        checking.similar(store, warmup, limit=LIMIT, **kwargs)
        for kind, text in queries:
            before = len(step_s)
            t = time.perf_counter()
            found = checking.similar(store, text, limit=LIMIT, **kwargs)
            elapsed = time.perf_counter() - t
            ids = []
            for hit in found:
                row = store.db.execute('SELECT id FROM passages WHERE report_id = ? AND "end" = ? AND start = ?',
                                       [hit["report"], hit["end"], hit["start"]]).fetchone()
                ids.append(row[0] if row else None)
            results.append({"kind": kind, "text": text, "seconds": elapsed, "step_seconds": sum(step_s[before:]),
                            "scores": [hit["score"] for hit in found], "ids": ids})
    finally:
        if real is not None:
            setattr(checking, name, real)
    figures["results"] = results
    return figures


def run(store_path: Path, queries: list[tuple[str, str]], warmup: str, modes: list[str]) -> dict:
    from rapidfuzz import fuzz, process

    from claimdesk.store.db import Store
    from claimdesk.store.passages import norm_tokens

    store = Store(store_path)
    measured = {}
    for mode in modes:
        _log(f"similar(), {MODES[mode][0]}…")
        measured[mode] = run_mode(store, mode, queries, warmup)
    _log("loading every passage's norm for the brute force…")
    t = time.perf_counter()
    ids, norms = [], []
    for passage_id, norm in store.db.execute("SELECT id, norm FROM passages ORDER BY id"):
        ids.append(passage_id)
        norms.append(norm)
    load_s = time.perf_counter() - t
    brute = []
    for index, (_kind, text) in enumerate(queries):
        query = norm_tokens(text)
        t = time.perf_counter()
        best = process.extract(query, norms, scorer=fuzz.token_set_ratio, limit=LIMIT)
        brute.append({"seconds": time.perf_counter() - t, "scores": [score for _, score, _ in best],
                      "ids": [ids[i] for _, _, i in best]})
        if (index + 1) % 10 == 0:
            _log(f"  brute force {index + 1}/{len(queries)} ({brute[-1]['seconds']:.1f} s each)")
    for figures in measured.values():
        for result, truth in zip(figures["results"], brute):
            result["brute_seconds"] = truth["seconds"]
            result["brute_scores"] = truth["scores"]
            result["recall"] = recall_at(result["scores"], truth["scores"])
            result["overlap"] = len(set(result["ids"]) & set(truth["ids"])) / max(1, len(truth["ids"]))
    passages = len(norms)
    del norms, ids
    store.close()
    return {"modes": measured, "brute": brute, "passages": passages, "load_s": load_s}


def profile(store_path: Path, queries: list[tuple[str, str]], mode: str, top: int = 18) -> str:
    """cProfile of similar() in one mode over the queries: the top functions by own time."""
    from claimdesk.checking import similar
    from claimdesk.store.db import Store

    kwargs = MODES[mode][2]
    store = Store(store_path)
    similar(store, queries[0][1], limit=LIMIT, **kwargs)
    profiler = cProfile.Profile()
    profiler.enable()
    for _, text in queries:
        similar(store, text, limit=LIMIT, **kwargs)
    profiler.disable()
    store.close()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def fts_anatomy(store_path: Path, queries: list[tuple[str, str]]) -> list[list[str]]:
    """What the FTS5 step of `candidates` does for each query, redone step by step:
    terms, terms the vocabulary lookup misses although MATCH finds them (the
    index stores FTS5's porter stems of the norm tokens, the lookup asks for the
    norm tokens themselves), rows the OR query matches (every one is BM25-scored
    before LIMIT), and the time of each statement."""
    from claimdesk.store.db import Store
    from claimdesk.store.passages import MAX_QUERY_TERMS, norm_tokens

    store = Store(store_path)
    conn = store.db.conn
    rows = []
    for kind, text in queries:
        terms = list(dict.fromkeys(norm_tokens(text).split()))
        if not terms:
            continue
        marks = ",".join("?" for _ in terms)
        t = time.perf_counter()
        frequencies = dict(conn.execute(f"SELECT term, doc FROM passages_vocab WHERE term IN ({marks})", terms).fetchall())
        vocab_s = time.perf_counter() - t
        missed = [term for term in terms if term not in frequencies
                  and conn.execute("SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT 1", ['"' + term + '"']).fetchone()]
        chosen = sorted(frequencies, key=frequencies.get)[:MAX_QUERY_TERMS]
        if not chosen:
            continue
        match = " OR ".join('"' + term + '"' for term in chosen)
        matched = conn.execute("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?", [match]).fetchone()[0]
        t = time.perf_counter()
        conn.execute("SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY bm25(passages_fts) LIMIT 200", [match]).fetchall()
        bm25_s = time.perf_counter() - t
        rows.append((kind, len(terms), missed, chosen, [frequencies[c] for c in chosen], matched, vocab_s, bm25_s))
    store.close()
    table = []
    for kind in ("verbatim", "paraphrased", "short", "claim", "all"):
        group = [r for r in rows if kind in ("all", r[0])]
        if not group:
            continue
        missed_examples = sorted({term for r in group for term in r[2]})[:6]
        table.append([
            kind, len(group), f"{statistics.median(r[1] for r in group):.0f}",
            f"{statistics.mean(len(r[2]) for r in group):.1f} ({', '.join(missed_examples)}…)" if missed_examples else "0",
            f"{statistics.median(len(r[3]) for r in group):.0f}", f"{statistics.median(min(r[4]) for r in group):,.0f}",
            f"{statistics.median(r[5] for r in group):,.0f} (max {max(r[5] for r in group):,})",
            ms(statistics.median(r[6] for r in group)), ms(statistics.median(r[7] for r in group)),
        ])
    return table


# --- report -------------------------------------------------------------------

def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark `similar` over many sentences (prints a report; always exits 0).")
    parser.add_argument("--sentences", type=int, default=1_000_000, help="synthetic sentences in the store (default 1,000,000)")
    parser.add_argument("--per-report", type=int, default=10_000, help="sentences per synthetic report (default 10,000)")
    parser.add_argument("--queries", type=int, default=50, help="number of queries (default 50)")
    parser.add_argument("--store", help=f"the store to build or reuse (default {CACHE}/similar-N.db)")
    parser.add_argument("--rebuild", action="store_true", help="build the store even if a cached one exists")
    parser.add_argument("--mode", choices=("both", "fts", "memory"), default="both",
                        help="which candidate search to measure: FTS5 (the default of similar), the in-memory index (use_memory=True), or both (default)")
    parser.add_argument("--profile", action="store_true", help="always print a cProfile of similar() (it is printed anyway when a bar fails)")
    parser.add_argument("--corpus", help="corpus folder (default: $CLAIMDESK_CORPUS, else ../shared/corpus)")
    args = parser.parse_args(argv)

    begun = time.perf_counter()
    load_at_start = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    corpus = synthetic.corpus_dir(args.corpus)
    store_path = Path(args.store) if args.store else CACHE / f"similar-{args.sentences}.db"
    material = variants.load_material(corpus)
    with variants.build_lock(store_path):
        info = None if args.rebuild else variants.cached_info(store_path, sentences=args.sentences, per_report=args.per_report,
                                                              norm=variants.norm_fingerprint(material))
        cached = info is not None
        if info is None:
            _log(f"building {store_path} ({args.sentences:,} synthetic sentences; minutes at 1M)…")
            info = variants.build_sentence_store(store_path, args.sentences, corpus, per_report=args.per_report)
        else:
            _log(f"reusing {store_path} (built in {info['build_s']:.0f} s; --rebuild to build again)")
    queries = make_queries(material, args.queries)
    warmup = variants.light_change(random.Random("warm-up"), material.sentences[0], material)
    modes = [m for m in available_modes() if args.mode in ("both", m)]
    _log(f"{len(queries)} queries: similar() ({', '.join(modes)}), then brute force (about {info['passages'] / 250_000:.0f} s each)…")
    measured = run(store_path, queries, warmup, modes)
    brute_median = statistics.median(b["seconds"] for b in measured["brute"])
    size = f"{measured['passages']:,} passages"
    verdict = lambda ok: "PASS" if ok else "FAIL"  # noqa: E731
    rows, by_kind, notes, failing = [], [], [], []
    rows.append(["brute force `process.extract(…, token_set_ratio, limit=10)`: median", size, ms(brute_median), "—", "info"])
    for mode in modes:
        title, call, _ = MODES[mode]
        figures = measured["modes"][mode]
        results = figures["results"]
        latency = [r["seconds"] for r in results]
        median, p90, worst = statistics.median(latency), percentile(latency, 0.9), max(latency)
        speedup = brute_median / median if median else float("inf")
        recall = statistics.mean(r["recall"] for r in results)
        overlap = statistics.mean(r["overlap"] for r in results)
        ok = {"latency": median < BAR_MEDIAN_MS / 1000, "speed-up": speedup >= BAR_SPEEDUP, "recall": recall >= BAR_RECALL}
        if not all(ok.values()):
            failing.append(mode)
        step = "FTS5 candidate search (`candidates`)" if mode == "fts" else "in-memory candidate search (`_memory_candidates`)"
        rows += [
            [f"**{title}**: {call}, warm: median latency", size, ms(median), f"< {BAR_MEDIAN_MS:.0f} ms", verdict(ok["latency"])],
            ["  p90 / max latency", size, f"{ms(p90)} / {ms(worst)}", "—", "info"],
            [f"  of which {step}, median", size, ms(statistics.median(r["step_seconds"] for r in results)), "—", "info"],
            ["  speed-up (brute-force median / this median)", size, f"{speedup:.1f}×", f"≥ {BAR_SPEEDUP:.0f}×", verdict(ok["speed-up"])],
            ["  recall@10 by score (rank by rank, ties allowed), mean", f"{len(results)} queries", f"{recall:.3f}", f"≥ {BAR_RECALL}", verdict(ok["recall"])],
            ["  exact-id overlap with brute force's top 10, mean", f"{len(results)} queries", f"{overlap:.3f}", "—", "info"],
        ]
        if "load_s" in figures:
            rss = figures.get("load_rss_kb")
            rows.append(["  loading the index (`passage_memory(store)`, once per process), and RSS it added", size,
                         f"{figures['load_s']:.1f} s, +{rss / 1024:,.0f} MB" if rss is not None else f"{figures['load_s']:.1f} s", "—", "info"])
        for kind in ("verbatim", "paraphrased", "short", "claim"):
            group = [r for r in results if r["kind"] == kind]
            if not group:
                continue
            by_kind.append([
                title, kind, len(group), ms(statistics.median(r["seconds"] for r in group)), ms(max(r["seconds"] for r in group)),
                ms(statistics.median(r["brute_seconds"] for r in group)),
                f"{statistics.mean(r['recall'] for r in group):.3f}", f"{statistics.mean(r['overlap'] for r in group):.2f}",
                f"{statistics.mean(r['brute_scores'][0] for r in group):.1f} / {statistics.mean(r['brute_scores'][-1] for r in group):.1f}",
                f"{statistics.mean((r['scores'] or [0])[-1] for r in group):.1f}",
            ])
        for r in sorted((r for r in results if r["recall"] < 1), key=lambda r: r["recall"])[:5]:
            notes.append(f"{title}: recall {r['recall']:.1f} on a {r['kind']} query ({len(r['text'].split())} words): ours "
                         f"{r['scores']} vs brute force {[round(s, 1) for s in r['brute_scores']]}")

    print("## claimdesk `similar` benchmark\n")
    print(bench_import.table(["measure", "over", "figure", "bar", "result"], rows))
    print("\n### By kind of query\n")
    print(bench_import.table(["mode", "queries", "n", "median", "max", "brute-force median", "recall@10", "id overlap",
                              "brute force: mean 1st / 10th score", "ours: mean 10th score"], by_kind))
    notes[:0] = [
        f"Store: {store_path} ({info['bytes'] / 2**20:,.0f} MB), {measured['passages']:,} passages = the 2 corpus reports + "
        f"{info.get('synthetic', args.sentences):,} synthetic sentences in {math.ceil(args.sentences / args.per_report)} reports "
        f"({', '.join(f'{v:,} {k}' for k, v in sorted(info['kinds'].items()))}); "
        + (f"reused from cache (built in {info['build_s']:.0f} s)." if cached else f"built in {info['build_s']:.0f} s."),
        f"Brute force: every passage's norm loaded once in {measured['load_s']:.1f} s (not timed), then one "
        f"`process.extract` per query (single thread); the same brute-force results serve every mode.",
    ]
    if "memory" not in modes and args.mode != "fts":
        notes.append("This claimdesk's `similar` has no `use_memory` parameter: only the FTS5 path was measured.")
    print("\n### Notes\n")
    print("\n".join(f"- {line}" for line in notes))
    print(f"\nMachine: {bench_import.machine()}; load average {load_at_start} at the start, "
          f"{' / '.join(f'{x:.2f}' for x in os.getloadavg())} at the end (1, 5, 15 min; this benchmark alone makes about 1: more means other processes shared the 2 cores)")
    print(f"Bars (each mode): median < {BAR_MEDIAN_MS:.0f} ms once loaded; ≥ {BAR_SPEEDUP:.0f}× the brute force; recall@10 ≥ {BAR_RECALL}. "
          f"Benchmark took {time.perf_counter() - begun:.0f} s.")
    for mode in modes:
        if not (args.profile or mode in failing):
            continue
        if mode == "fts":
            print("\n### The FTS5 step, redone statement by statement\n")
            print(bench_import.table(
                ["queries", "n", "distinct norm tokens (median)", "tokens missed by the `passages_vocab` lookup though MATCH finds them (mean; examples)",
                 "terms OR'ed (median)", "doc frequency of the rarest term (median)", "rows the OR matches (median)",
                 "`passages_vocab` lookup (median)", "`MATCH … ORDER BY bm25 LIMIT 200` (median)"], fts_anatomy(store_path, queries)))
        print(f"\n### cProfile of `similar`, {MODES[mode][0]}, over the same queries (top functions by own time)\n")
        print("```\n" + profile(store_path, queries, mode).strip() + "\n```")
    return 0


if __name__ == "__main__":
    try:
        main()
    except (Exception, SystemExit) as exc:  # it reports; it is not a test
        if isinstance(exc, SystemExit) and exc.code in (0, None):
            sys.exit(0)
        print(f"bench_similar: error: {type(exc).__name__}: {exc}", file=sys.stderr)
    sys.exit(0)
