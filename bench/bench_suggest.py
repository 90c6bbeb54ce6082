"""How fast claimdesk suggests duplicate and conflict links across many claims, and its memory.

    /work/venv/bin/python bench/bench_suggest.py [--claims 100000] [--reports N] [--timeout 600] [--rebuild]

Builds (once; cached) a store with the real corpus, synthetic reports and
N claims on them (bench/variants.py: claims come in families stated in
several reports, with small changes, some with a number changed), copies it
to a scratch file, and runs `suggest_links(store, reviewer="bench")` on the
copy in a fresh child process started by a tiny launcher (the same one as
bench_import.py), so that the peak RSS measured is the child's own. Reports
wall time (split into set-up, comparing, writing links), peak RSS, the
suggestions by kind, and how many of the planted pairs (same family, other
report) were found. A child still running after --timeout is stopped and
counted as FAIL, with the rate it had reached. Prints Markdown; always exits 0.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import resource
import shutil
import signal
import sqlite3
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_import  # noqa: E402  (run_child(), machine(), table(), mb())
import synthetic  # noqa: E402
import variants  # noqa: E402

BAR_S = 120.0
BAR_MB = 2048
CACHE = Path("/tmp/claimdesk-bench")


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- the child: one suggest_links run ------------------------------------------

class _OutOfTime(Exception):
    pass


def child(db: str, out: str, profile_budget: float | None = None) -> None:
    """suggest_links on DB in this process; figures (and a profile, if asked) to OUT."""
    started = time.perf_counter()
    import claimdesk.checking as checking
    from claimdesk.store.db import Store

    baseline_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    store = Store(db)
    marks: list[tuple[int, float]] = []
    # The writing phase: the first call of the writer that suggest_links uses
    # (_store_suggestions, where it exists; else add_link once per link) starts
    # it, and every call's time adds to it.
    writing = {"started": None, "seconds": 0.0}
    originals = {}

    def timed_writer(real):
        def wrapper(*args, **kwargs):
            t0 = time.perf_counter()
            if writing["started"] is None:
                writing["started"] = t0 - t
            try:
                return real(*args, **kwargs)
            finally:
                writing["seconds"] += time.perf_counter() - t0
        return wrapper

    writer = "_store_suggestions" if hasattr(checking, "_store_suggestions") else "add_link"
    originals[writer] = getattr(checking, writer)
    setattr(checking, writer, timed_writer(originals[writer]))
    t = time.perf_counter()

    def progress(done: int, total: int) -> None:
        elapsed = time.perf_counter() - t
        marks.append((done, elapsed))
        print(f"progress {done} {total} {elapsed:.2f}", file=sys.stderr, flush=True)

    profiler = cProfile.Profile() if profile_budget is not None else None
    result, stopped = None, False
    if profiler:
        def out_of_time(signum, frame):
            raise _OutOfTime

        signal.signal(signal.SIGALRM, out_of_time)  # stops it wherever it is, writing links included
        signal.alarm(max(1, int(profile_budget)))
        profiler.enable()
    try:
        result = checking.suggest_links(store, reviewer="bench", progress=progress)
    except _OutOfTime:
        stopped = True
    finally:
        if profiler:
            profiler.disable()
            signal.alarm(0)
    elapsed = time.perf_counter() - t
    figures = {
        "suggest_s": elapsed,
        "startup_s": t - started,
        "baseline_kb": baseline_kb,
        "self_peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "vm_hwm_kb": bench_import._vm_hwm_kb(),
        "marks": marks,
        "writer": writer,
        "write_started_s": writing["started"],
        "write_s": writing["seconds"],
        "result": result,
        "stopped": stopped,
    }
    if profiler:
        text = io.StringIO()
        stats = pstats.Stats(profiler, stream=text)
        stats.sort_stats("tottime").print_stats(20)
        figures["profile_tottime"] = text.getvalue()
        text = io.StringIO()
        stats = pstats.Stats(profiler, stream=text)
        stats.sort_stats("cumulative").print_stats(25)
        figures["profile_cumulative"] = text.getvalue()
    store.close()
    Path(out).write_text(json.dumps(figures))


def run_in_child(source: Path, timeout: float, profile_budget: float | None = None) -> dict:
    """Copy the cached store, run the child on the copy; the launcher's figures plus the child's."""
    # One scratch copy per run (the pid in its name): two runs at once never share one.
    work = source.with_name(f"{source.stem}-{'profile' if profile_budget else 'run'}-{os.getpid()}.db")
    out = work.with_suffix(".result.json")
    remove_scratch(work)
    with variants.build_lock(source):
        shutil.copyfile(source, work)
    argv = [sys.executable, str(Path(__file__).resolve()), "--child", str(work), str(out)]
    if profile_budget:
        argv += ["--child-profile", str(profile_budget)]
    run = bench_import.run_child(argv, timeout)
    run["db"] = work
    if out.exists():
        run.update(json.loads(out.read_text()))
    elif not run["timed_out"]:
        run["error"] = (run["stderr"].strip().splitlines() or ["no result"])[-1]
    progress = [line.split() for line in run["stderr"].splitlines() if line.startswith("progress ")]
    if progress:
        _, done, total, elapsed = progress[-1]
        run["last_progress"] = (int(done), int(total), float(elapsed))
    return run


def _last_loop_mark(total: int) -> int:
    """suggest_links calls progress every 1,000 claims while comparing; the last such call."""
    return max(0, (total - 1) // 1000 * 1000)


def remove_scratch(work: Path) -> None:
    for leftover in (work, Path(f"{work}-wal"), Path(f"{work}-shm"), work.with_suffix(".result.json")):
        leftover.unlink(missing_ok=True)


# --- what was found ------------------------------------------------------------

def planted_pairs(families: dict[int, list]) -> dict[tuple[int, int], str]:
    """Pairs of claims of one family (always in different reports): the kind expected.

    A pair where either side had a number changed should be a conflict; any
    other pair a duplicate (when long enough: a short clause may only be related).
    """
    members: dict[int, list[tuple[int, str]]] = {}
    for claim_id, (family, change) in families.items():
        members.setdefault(family, []).append((claim_id, change))
    pairs = {}
    for group in members.values():
        for i, (a, change_a) in enumerate(group):
            for b, change_b in group[i + 1:]:
                pairs[(min(a, b), max(a, b))] = "conflict" if "number" in (change_a, change_b) else "duplicate"
    return pairs


def judge_missed(db: Path, pairs: list[tuple[int, int]]) -> Counter:
    """For planted pairs suggest_links did not suggest: what its own scorer and
    judge say when the two claims are compared (as suggest_links would, with the
    sentence before each claim as its subject). "duplicate"/"conflict" means the
    pair was never compared: blocking left it out."""
    import inspect

    import claimdesk.checking as checking
    from claimdesk.store.db import Store

    store = Store(db)
    conn = store.db.conn
    quotes = {}
    needed = sorted({c for pair in pairs for c in pair})
    for start in range(0, len(needed), 900):
        chunk = needed[start:start + 900]
        quotes.update({row[0]: row[1:] for row in conn.execute(
            f"SELECT id, report_id, quote, start FROM claims WHERE id IN ({','.join('?' for _ in chunk)})", chunk)})
    norms, facts, subjects = {}, {}, {}

    def subject(claim_id):
        if claim_id not in subjects:
            report_id, quote, start = quotes[claim_id]
            before = conn.execute('SELECT text FROM passages WHERE report_id = ? AND "end" <= ? ORDER BY "end" DESC LIMIT 1',
                                  [report_id, start]).fetchone()
            subjects[claim_id] = (before[0] + " " if before else "") + quote
        return subjects[claim_id]

    extra = {}
    if "common" in inspect.signature(checking.judge).parameters and hasattr(checking, "common_tokens"):
        extra["common"] = checking.common_tokens(store.db)
    verdicts: Counter = Counter()
    for a, b in pairs:
        for c in (a, b):
            if c not in norms:
                norms[c] = checking.norm_tokens(quotes[c][1])
                facts[c] = checking.extract_facts(quotes[c][1])
        similarity = checking.score(norms[a], norms[b])
        if similarity < checking.FACT_MATCH_FLOOR:
            verdicts["below the floor"] += 1
            continue
        verdict = checking.judge(quotes[a][1], quotes[b][1], similarity, facts[a], facts[b],
                                 subjects=lambda a=a, b=b: (subject(a), subject(b)), **extra)
        verdicts[verdict.relation or "no relation"] += 1
    store.close()
    return verdicts


def found_links(db: Path) -> list[tuple[int, int, str, str]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT claim_a, claim_b, kind, state FROM links").fetchall()
    finally:
        conn.close()


# --- report -------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark suggest_links over many claims (prints a report; always exits 0).")
    parser.add_argument("--claims", type=int, default=100_000, help="claims in the store (default 100,000)")
    parser.add_argument("--reports", type=int, help="synthetic reports they are spread over (default claims / 100)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds before the child is stopped (default 600)")
    parser.add_argument("--store", help=f"the store to build or reuse (default {CACHE}/suggest-N.db)")
    parser.add_argument("--rebuild", action="store_true", help="build the store even if a cached one exists")
    parser.add_argument("--profile", action="store_true", help="also run a cProfile'd child (done anyway when a bar fails)")
    parser.add_argument("--corpus", help="corpus folder (default: $CLAIMDESK_CORPUS, else ../shared/corpus)")
    parser.add_argument("--child", nargs=2, metavar=("DB", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--child-profile", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child, profile_budget=args.child_profile)
        return 0

    begun = time.perf_counter()
    load_at_start = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    corpus = synthetic.corpus_dir(args.corpus)
    n_reports = args.reports or max(10, args.claims // 100)
    store_path = Path(args.store) if args.store else CACHE / f"suggest-{args.claims}.db"
    fingerprint = variants.norm_fingerprint(variants.load_material(corpus))
    families_path = Path(f"{store_path}.claims.json")
    with variants.build_lock(store_path):
        info = None if args.rebuild else variants.cached_info(store_path, claims_wanted=args.claims, reports=n_reports, norm=fingerprint)
        cached = info is not None and families_path.exists()
        if not cached:
            _log(f"building {store_path} ({args.claims:,} claims over {n_reports:,} reports)…")
            info = variants.build_claim_store(store_path, args.claims, corpus, n_reports=n_reports)
        else:
            _log(f"reusing {store_path} (built in {info['build_s']:.0f} s; --rebuild to build again)")
    families = {int(k): v for k, v in json.loads(families_path.read_text()).items()}

    _log(f"suggest_links on a copy, in a child process (timeout {args.timeout:.0f} s)…")
    run = run_in_child(store_path, args.timeout)
    peak = run.get("peak_kb")
    ok_time = not run["timed_out"] and "suggest_s" in run and run["suggest_s"] < BAR_S
    ok_memory = peak is not None and peak / 1024 < BAR_MB
    verdict = lambda ok: "PASS" if ok else "FAIL"  # noqa: E731
    size = f"{info['claims']:,} claims, {n_reports:,} reports"

    rows = []
    if run["timed_out"]:
        done, total, elapsed = run.get("last_progress", (0, info["claims"], 0.0))
        if done and done >= _last_loop_mark(total):
            rate = f"; comparing was done after {elapsed:.0f} s, it was writing links"
        else:
            rate = f"; had compared {done:,} of {total:,} claims after {elapsed:.0f} s" if done else ""
        rows.append(["`suggest_links(store, reviewer=\"bench\")`: wall time", size,
                     f"TIMEOUT (stopped after {run['wall_s']:.0f} s{rate})", f"< {BAR_S:.0f} s", "FAIL"])
    elif "suggest_s" in run:
        marks = run["marks"]
        setup = marks[0][1] if marks else 0.0
        write_start = run["write_started_s"] if run["write_started_s"] is not None else run["suggest_s"]
        rows.append(["`suggest_links(store, reviewer=\"bench\")`: wall time", size, f"{run['suggest_s']:.1f} s",
                     f"< {BAR_S:.0f} s", verdict(ok_time)])
        rows.append(["  set-up (read claims, normalise, index rare tokens: until the first progress call)", size, f"{setup:.1f} s", "—", "info"])
        rows.append(["  comparing (blocking, scoring, judging: until the links are written)", size, f"{write_start - setup:.1f} s", "—", "info"])
        rows.append([f"  writing links (time inside `{run['writer']}`)", size, f"{run['write_s']:.1f} s", "—", "info"])
        rows.append(["  whole child process (interpreter start and imports included)", size, f"{run['wall_s']:.1f} s", "—", "info"])
    else:
        rows.append(["`suggest_links(store, reviewer=\"bench\")`", size, f"ERROR: {run.get('error')}", f"< {BAR_S:.0f} s", "FAIL"])
    rows.append(["peak RSS of the child (ru_maxrss via the launcher)", size,
                 (f"≥ {bench_import.mb(peak)} (when stopped)" if run["timed_out"] else
                  f"{bench_import.mb(peak)} (baseline {bench_import.mb(run.get('baseline_kb'))}, VmHWM {bench_import.mb(run.get('vm_hwm_kb'))})"),
                 f"< {BAR_MB:,} MB", verdict(ok_memory) if not run["timed_out"] else ("FAIL" if not ok_memory else "— (stopped)")])

    found_rows, notes = [], []
    result = run.get("result")
    if result:
        rows.append(["suggestions made (pairs judged duplicate or conflict)", size, f"{result['suggestions']:,}", "—", "info"])
        links = found_links(run["db"])
        kinds = Counter(kind for _, _, kind, _ in links)
        planted = planted_pairs(families)
        found = {(a, b): kind for a, b, kind, _ in links}
        by_expected: dict[str, Counter] = {"duplicate": Counter(), "conflict": Counter()}
        missed: dict[str, list] = {"duplicate": [], "conflict": []}
        for pair, expected in planted.items():
            by_expected[expected][found.get(pair, "not suggested")] += 1
            if pair not in found:
                missed[expected].append(pair)
        _log(f"judging the {sum(len(m) for m in missed.values()):,} planted pairs not suggested…")
        for expected in ("duplicate", "conflict"):
            counts = by_expected[expected]
            total = sum(counts.values())
            judged = judge_missed(run["db"], missed[expected]) if missed[expected] else Counter()
            why = ", ".join(f"{v:,} {k}" for k, v in judged.most_common())
            found_rows.append([f"planted {expected} pairs (same family, other report)", f"{total:,}",
                               f"{counts['duplicate']:,}", f"{counts['conflict']:,}", f"{counts['not suggested']:,}",
                               f"{judged['duplicate'] + judged['conflict']:,} ({why})" if judged else "—"])
        unplanted = Counter(kind for pair, kind in found.items() if pair not in planted)
        found_rows.append(["pairs across families (not planted)", "—", f"{unplanted['duplicate']:,}", f"{unplanted['conflict']:,}", "—", "—"])
        found_rows.append(["all links stored (`links` table)", f"{len(links):,}", f"{kinds['duplicate']:,}", f"{kinds['conflict']:,}", "—", "—"])
        notes.append(f"suggest_links returned links = {json.dumps(result['links'])}.")
    remove_scratch(run["db"])
    changes = ", ".join(f"{v:,} {k}" for k, v in sorted(info["changes"].items()))
    notes.insert(0, f"Store: {store_path} ({info['bytes'] / 2**20:,.0f} MB): the 2 corpus reports + {n_reports:,} synthetic reports, "
                    f"{info['passages']:,} passages, {info['claims']:,} claims in {info['families']:,} families "
                    f"(how each differs from its family's first claim: {changes}); "
                    + (f"reused from cache (built in {info['build_s']:.0f} s)." if cached else f"built in {info['build_s']:.0f} s.")
                    + " Each run works on a fresh copy, so no links exist before it.")
    if "suggest_s" in run:
        notes.append(f"child process: {run['startup_s']:.2f} s to start and import claimdesk; peak RSS {bench_import.mb(peak)} by wait4, "
                     f"{bench_import.mb(run.get('vm_hwm_kb'))} by the child's own /proc VmHWM.")

    print("## claimdesk link-suggestion benchmark\n")
    print(bench_import.table(["measure", "over", "figure", "bar", "result"], rows))
    if found_rows:
        print("\n### What was suggested (sanity check)\n")
        print(bench_import.table(["pairs", "count", "suggested duplicate", "suggested conflict", "not suggested",
                                  "of those, judged duplicate or conflict when compared directly (= left out by blocking); all verdicts"],
                                 found_rows))
    print("\n### Notes\n")
    print("\n".join(f"- {line}" for line in notes))
    print(f"\nMachine: {bench_import.machine()}; load average {load_at_start} at the start, "
          f"{' / '.join(f'{x:.2f}' for x in os.getloadavg())} at the end (1, 5, 15 min; this benchmark alone makes about 1: more means other processes shared the 2 cores)")
    print(f"Bars: suggest_links over {args.claims:,} claims < {BAR_S:.0f} s on this machine and < {BAR_MB:,} MB peak RSS. "
          f"RSS in MB of 2^20 bytes. Benchmark took {time.perf_counter() - begun:.0f} s.")
    if args.profile or not (ok_time and ok_memory):
        _log("profiling a second child (cProfile, same store, stopped at the timeout)…")
        budget = min(args.timeout, BAR_S * 2)
        profiled = run_in_child(store_path, args.timeout + 120, profile_budget=budget)
        remove_scratch(profiled["db"])
        if "profile_tottime" in profiled:
            marks = profiled.get("marks") or [(0, 0.0)]
            if not profiled.get("stopped"):
                where = f"whole run, {profiled['suggest_s']:.0f} s under the profiler"
            elif marks[-1][0] >= _last_loop_mark(info["claims"]):
                where = (f"stopped after {profiled['suggest_s']:.0f} s under the profiler, while writing links; "
                         f"comparing had taken {marks[-1][1]:.0f} s")
            else:
                where = f"stopped after {profiled['suggest_s']:.0f} s under the profiler, while comparing (claim {marks[-1][0]:,})"
            print(f"\n### cProfile of `suggest_links` ({where})\n")
            print("```\n" + profiled["profile_tottime"].strip() + "\n```\n")
            print("```\n" + profiled["profile_cumulative"].strip() + "\n```")
        else:
            print(f"\n(profiling failed: {profiled.get('error') or 'timed out'})")
    return 0


if __name__ == "__main__":
    try:
        main()
    except (Exception, SystemExit) as exc:  # it reports; it is not a test
        if isinstance(exc, SystemExit) and exc.code in (0, None):
            sys.exit(0)
        print(f"bench_suggest: error: {type(exc).__name__}: {exc}", file=sys.stderr)
    sys.exit(0)
