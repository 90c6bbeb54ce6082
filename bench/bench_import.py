"""How fast claimdesk imports reports, and how much memory it takes.

    /work/venv/bin/python bench/bench_import.py [--timeout 60] [--mb 10] [--notes 3000] [--keep DIR]

(a) the real Ifri report: import (parse + store) into a fresh temporary store,
    and parse only, median of 7 runs each, in this process; plus one cold run
    of the real command line in a fresh process, for reference.
(b) a 10 MB synthetic plain-text report, (c) a 10 MB synthetic Markdown report,
(d) a plain-text report with 3,000 endnotes: each imported by the command
    line's own code path (`claimdesk --db FILE import PATH --json`) in a fresh
    child process; wall time of the import, and peak RSS of that process
    (os.wait4's ru_maxrss: the honest figure, interpreter included).

Prints Markdown tables: figures, bars, PASS/FAIL, what the parser found in the
synthetic reports against what was generated, and the machine. A child that
runs past --timeout is stopped and counted as FAIL; its size is then probed at
small sizes to show how the time grows. Always exits 0: it reports, it does
not test.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402  (bench/synthetic.py, beside this file)

RUNS = 7
BAR_IFRI_S = 0.5
BAR_BIG_S = 10.0
BAR_BIG_MB = 500
ORPHAN = "(orphan footnote)"
DANGLING = "(dangling marker)"


# --- the child: one import, by the command line's code path -----------------

def child(path: str, db: str, out: str) -> None:
    """Run `claimdesk --db DB import PATH --json` in this process and write figures to OUT."""
    started = time.perf_counter()
    import claimdesk.cli as cli
    import claimdesk.library as library

    baseline_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    parse_seconds = 0.0
    real_parse = library.parse_isolated

    def timed_parse(data, format, budget):
        # The parse in the parsing process, the report's trip back included.
        nonlocal parse_seconds
        t = time.perf_counter()
        try:
            return real_parse(data, format, budget)
        finally:
            parse_seconds += time.perf_counter() - t

    library.parse_isolated = timed_parse
    captured = io.StringIO()
    code = 0
    t = time.perf_counter()
    with contextlib.redirect_stdout(captured):
        try:
            cli.main(["--db", db, "import", path, "--json"])
        except SystemExit as exc:
            code = exc.code or 0
    import_seconds = time.perf_counter() - t
    try:
        imported = json.loads(captured.getvalue())[0]
    except (ValueError, IndexError):
        imported = {}
    warnings = imported.get("warnings", [])
    result = {
        "rc": code,
        "import_s": import_seconds,
        "parse_s": parse_seconds,
        "startup_s": t - started,
        "baseline_kb": baseline_kb,
        "self_peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "vm_hwm_kb": _vm_hwm_kb(),
        "footnotes": imported.get("footnotes"),
        "markers": imported.get("markers"),
        "orphans": sum(ORPHAN in w for w in warnings),
        "dangling": sum(DANGLING in w for w in warnings),
        "warnings": len(warnings),
    }
    Path(out).write_text(json.dumps(result))


# A tiny launcher (python -S, about 10 MB) starts the measured process and
# reports its peak RSS from os.wait4. It exists because on Linux a child's
# ru_maxrss starts from the RSS of the process that forked it: launched straight
# from this script (tens of MB after generating 10 MB of text), every child
# would seem to need at least that much.
_LAUNCHER = r"""
import json, os, signal, sys, time
result_path, timeout, argv = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
started = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execv(argv[0], argv)
    finally:
        os._exit(127)
timed_out = False
while True:
    done, status, usage = os.wait4(pid, os.WNOHANG)
    if done:
        break
    if time.perf_counter() - started > timeout:
        timed_out = True
        os.kill(pid, signal.SIGKILL)
        done, status, usage = os.wait4(pid, 0)
        break
    time.sleep(0.01)
with open(result_path, "w") as out:
    json.dump({"rc": os.waitstatus_to_exitcode(status), "wall_s": time.perf_counter() - started,
               "peak_kb": usage.ru_maxrss, "timed_out": timed_out}, out)
"""


def _vm_hwm_kb() -> int | None:
    """This process's own peak RSS since exec, from /proc (Linux)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def run_child(argv: list[str], timeout: float) -> dict:
    """Run a command in a fresh process: wall time, peak RSS (KB), and whether it timed out."""
    with tempfile.TemporaryDirectory(prefix="claimdesk-launch-") as folder:
        result_path = Path(folder) / "launch.json"
        done = subprocess.run([sys.executable, "-S", "-c", _LAUNCHER, str(result_path), str(timeout), *argv],
                              capture_output=True, timeout=timeout + 60)
        if not result_path.exists():
            raise RuntimeError(f"the launcher failed: {done.stderr.decode('utf-8', 'replace').strip()[-300:]}")
        run = json.loads(result_path.read_text())
    run["stdout"] = done.stdout.decode("utf-8", "replace")
    run["stderr"] = done.stderr.decode("utf-8", "replace")
    return run


def import_in_child(path: Path, workdir: Path, timeout: float) -> dict:
    db = workdir / f"{path.stem}.db"
    out = workdir / f"{path.stem}.result.json"
    for leftover in (db, out):
        leftover.unlink(missing_ok=True)
    run = run_child([sys.executable, str(Path(__file__).resolve()), "--child", str(path), str(db), str(out)], timeout)
    if not run["timed_out"] and out.exists():
        run.update(json.loads(out.read_text()))
    elif not run["timed_out"]:
        run["error"] = (run["stderr"].strip().splitlines() or ["no result"])[-1]
    return run


# --- (a) the Ifri report, in process ----------------------------------------

def bench_ifri(corpus: Path) -> dict:
    from claimdesk.library import import_paths
    from claimdesk.sources.importer import parse_report
    from claimdesk.store.db import Store

    path = corpus / synthetic.IFRI
    data = path.read_bytes()
    imports, parses = [], []
    found = None
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory(prefix="claimdesk-bench-") as folder:
            store = Store(Path(folder) / "bench.db")
            try:
                t = time.perf_counter()
                result = import_paths(store, [path])
                imports.append(time.perf_counter() - t)
            finally:
                store.close()
        found = result.imported[0].parsed
    for _ in range(RUNS):
        t = time.perf_counter()
        parse_report(data, "txt")
        parses.append(time.perf_counter() - t)
    with tempfile.TemporaryDirectory(prefix="claimdesk-bench-") as folder:
        cli_run = run_child([sys.executable, "-m", "claimdesk", "--db", str(Path(folder) / "cli.db"), "import", str(path), "--json"], 60)
    return {"bytes": len(data), "imports": imports, "parses": parses, "footnotes": len(found.footnotes),
            "markers": found.marker_count, "cli": cli_run}


# --- growth probe for a case that timed out ----------------------------------

def probe_growth(kind: str, corpus: Path, sizes_mb=(0.25, 0.5, 1.0), budget_s: float = 30.0) -> list[tuple[float, int, float]]:
    """Parse-only times at small sizes: (MB, notes, seconds). Stops when the budget is spent."""
    from claimdesk.sources.importer import parse_report

    make = synthetic.make_large_markdown if kind == "md" else synthetic.make_large_plaintext
    points = []
    spent = 0.0
    for size in sizes_mb:
        data = make(int(size * synthetic.MB), corpus).encode("utf-8")
        notes = synthetic.last_stats["notes"]
        t = time.perf_counter()
        parse_report(data, kind)
        seconds = time.perf_counter() - t
        points.append((size, notes, seconds))
        spent += seconds
        if spent * 4 > budget_s:  # the next (doubled) size would likely blow the budget
            break
    return points


def growth_exponent(points) -> float | None:
    if len(points) < 2:
        return None
    import math
    (m1, _, t1), (m2, _, t2) = points[-2], points[-1]
    return math.log(t2 / t1) / math.log(m2 / m1) if t1 > 0 and t2 > 0 else None


# --- report -------------------------------------------------------------------

def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f", {int(line.split()[1]) // 1024} MB RAM"
    except OSError:
        pass
    import claimdesk

    commit = ""
    if shutil.which("git"):
        try:
            head = subprocess.run(["git", "-C", str(HERE.parent), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=5).stdout.strip()
            dirty = subprocess.run(["git", "-C", str(HERE.parent), "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True, timeout=5).stdout.strip()
            commit = f"; claimdesk {claimdesk.__version__} at {head}{' + uncommitted changes' if dirty else ''}" if head else ""
        except (OSError, subprocess.SubprocessError):
            pass
    return (f"{model}, {usable} usable cores ({os.cpu_count()} online){memory}; Python {platform.python_version()} "
            f"({platform.python_implementation()}), SQLite {sqlite3.sqlite_version}; {platform.system()} {platform.release()}{commit}")


def mb(kb: int | None) -> str:
    return "—" if kb is None else f"{kb / 1024:.0f} MB"


def big_row(label: str, size: str, run: dict, timeout: float) -> tuple[list[str], bool]:
    peak = run.get("peak_kb")
    if run["timed_out"]:
        wall = f"TIMEOUT (stopped after {run['wall_s']:.0f} s)"
        rss = f"≥ {mb(peak)} (when stopped)"
        failures = ["time"] + (["memory"] if peak and peak / 1024 >= BAR_BIG_MB else [])
    elif "import_s" not in run:
        return [label, size, f"ERROR: {run.get('error')}", mb(peak), f"< {BAR_BIG_S:.0f} s, < {BAR_BIG_MB} MB", "FAIL (error)"], False
    else:
        store_s = run["import_s"] - run["parse_s"]
        wall = f"{run['import_s']:.2f} s (parse {run['parse_s']:.2f} + store {store_s:.2f}); process {run['wall_s']:.2f} s"
        rss = f"{mb(peak)} (baseline {mb(run['baseline_kb'])})"
        failures = (["time"] if run["import_s"] >= BAR_BIG_S else []) + (["memory"] if peak / 1024 >= BAR_BIG_MB else [])
        if run["rc"] != 0:
            failures.append(f"exit {run['rc']}")
    verdict = "PASS" if not failures else f"FAIL ({', '.join(failures)})"
    return [label, size, wall, rss, f"< {BAR_BIG_S:.0f} s, < {BAR_BIG_MB} MB", verdict], not failures


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark claimdesk's import (prints a report; always exits 0).")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a child import is stopped (default 60)")
    parser.add_argument("--mb", type=float, default=10.0, help="size of the synthetic txt and md reports, MB of 10^6 bytes (default 10)")
    parser.add_argument("--notes", type=int, default=3000, help="footnotes in the endnotes report (default 3000)")
    parser.add_argument("--corpus", help="corpus folder (default: $CLAIMDESK_CORPUS, else ../shared/corpus)")
    parser.add_argument("--keep", metavar="DIR", help="write the synthetic reports and stores to DIR and keep them")
    parser.add_argument("--child", nargs=3, metavar=("PATH", "DB", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0

    begun = time.perf_counter()
    corpus = synthetic.corpus_dir(args.corpus)
    workdir_cm = contextlib.nullcontext(args.keep) if args.keep else tempfile.TemporaryDirectory(prefix="claimdesk-bench-")
    with workdir_cm as workdir_name:
        workdir = Path(workdir_name)
        workdir.mkdir(parents=True, exist_ok=True)
        print(f"claimdesk import benchmark — corpus {corpus}, work files in {workdir}", file=sys.stderr)

        print("(a) Ifri report, 7 + 7 runs in process, one CLI run…", file=sys.stderr)
        ifri = bench_ifri(corpus)

        cases = []
        for key, kind, label in (("b", "txt", "plain text"), ("c", "md", "Markdown"), ("d", "notes", "endnotes")):
            t = time.perf_counter()
            if kind == "txt":
                text = synthetic.make_large_plaintext(int(args.mb * synthetic.MB), corpus)
            elif kind == "md":
                text = synthetic.make_large_markdown(int(args.mb * synthetic.MB), corpus)
            else:
                text = synthetic.make_many_footnotes(args.notes, corpus)
            stats = dict(synthetic.last_stats)
            path = workdir / f"synthetic-{kind}.{'md' if kind == 'md' else 'txt'}"
            path.write_text(text, encoding="utf-8")
            del text
            generated_s = time.perf_counter() - t
            print(f"({key}) {label}: generated {stats['bytes'] / synthetic.MB:.1f} MB in {generated_s:.1f} s; importing (timeout {args.timeout:.0f} s)…", file=sys.stderr)
            run = import_in_child(path, workdir, args.timeout)
            growth = None
            if run["timed_out"] and kind in ("txt", "md"):
                print(f"({key}) timed out; probing growth at small sizes…", file=sys.stderr)
                growth = probe_growth(kind, corpus, tuple(size for size in (0.25, 0.5, 1.0) if size < args.mb))
            cases.append((key, kind, label, stats, run, growth))

    # --- print ---------------------------------------------------------------
    imports, parses = sorted(ifri["imports"]), sorted(ifri["parses"])
    rows = []
    ifri_import = statistics.median(imports)
    ifri_parse = statistics.median(parses)
    rows.append(["a", f"Ifri report, import (parse + store) into a fresh store, median of {RUNS}", f"{ifri['bytes'] / 1000:.0f} KB txt",
                 f"{ifri_import:.3f} s (min {imports[0]:.3f}, max {imports[-1]:.3f})", "—", f"< {BAR_IFRI_S} s",
                 "PASS" if ifri_import < BAR_IFRI_S else "FAIL"])
    rows.append(["a", f"Ifri report, parse only, median of {RUNS}", f"{ifri['bytes'] / 1000:.0f} KB txt",
                 f"{ifri_parse:.3f} s (min {parses[0]:.3f}, max {parses[-1]:.3f})", "—", f"< {BAR_IFRI_S} s",
                 "PASS" if ifri_parse < BAR_IFRI_S else "FAIL"])
    cli = ifri["cli"]
    rows.append(["a", "Ifri report, `claimdesk --db FILE import PATH --json`, one cold process (for reference)", f"{ifri['bytes'] / 1000:.0f} KB txt",
                 f"{cli['wall_s']:.2f} s (whole process)" + ("" if cli["rc"] == 0 else f", exit {cli['rc']}"), mb(cli["peak_kb"]), "—", "info"])
    sanity = [["Ifri report (real)", 63, 63, ifri["footnotes"], ifri["markers"], "—", "—", "—"]]
    for key, kind, label, stats, run, growth in cases:
        size = f"{stats['bytes'] / synthetic.MB:.1f} MB {'md' if kind == 'md' else 'txt'}, {stats['notes']} notes"
        title = {"txt": f"{args.mb:g} MB synthetic plain text (Ifri pages, ¹ markers, notes at page breaks), import",
                 "md": f"{args.mb:g} MB synthetic Markdown (Werra pages, <sup>N</sup> markers, mangled definitions), import",
                 "notes": f"{stats['notes']}-endnote plain text ([N] markers, final Notes section), import"}[kind]
        row, _ok = big_row(title, size, run, args.timeout)
        rows.append([key] + row)
        sanity.append([f"({key}) {label}", stats["notes"], stats["markers"],
                       run.get("footnotes", "—" if not run["timed_out"] else "timeout"), run.get("markers", "—"),
                       run.get("orphans", "—"), run.get("dangling", "—"), run.get("warnings", "—")])

    print("## claimdesk import benchmark\n")
    print(table(["", "case", "input", "wall time", "peak RSS", "bar", "result"], rows))
    print("\n### What the parser found in the inputs (sanity check)\n")
    print(table(["input", "notes generated", "markers generated", "footnotes found", "markers found", "orphan warnings", "dangling warnings", "warnings"], sanity))
    notes = []
    for key, kind, label, stats, run, growth in cases:
        if kind == "md" and stats["notes"] != stats["markers"]:
            notes.append(f"({key}) The Werra report lost 4 of its 26 markers in conversion; the copies keep that, so "
                         f"{stats['notes'] - stats['markers']} orphan footnotes are expected.")
        if growth:
            points = ", ".join(f"{m:g} MB ({n} notes): {s:.2f} s" for m, n, s in growth)
            exponent = growth_exponent(growth)
            line = f"({key}) Parse-only time at small sizes: {points}."
            if exponent:
                last_mb, _, last_s = growth[-1]
                estimate = last_s * (args.mb / last_mb) ** exponent
                line += (f" Between the last two sizes time grows like size^{exponent:.1f}; at that rate {args.mb:g} MB would take"
                         f" ~{estimate:,.0f} s (a lower bound if the exponent keeps rising with size).")
            notes.append(line)
        if not run["timed_out"] and "import_s" in run:
            notes.append(f"({key}) child process: {run['startup_s']:.2f} s to start and import claimdesk, {run['import_s']:.2f} s in the import command; "
                         f"peak RSS {mb(run['peak_kb'])} by wait4, {mb(run.get('vm_hwm_kb'))} by the child's own /proc VmHWM.")
    if notes:
        print("\n### Notes\n")
        print("\n".join(f"- {line}" for line in notes))
    print(f"\nMachine: {machine()}")
    print(f"Bars: Ifri import < {BAR_IFRI_S} s; each large input < {BAR_BIG_S:.0f} s and < {BAR_BIG_MB} MB peak RSS. "
          f"MB = 10^6 bytes for sizes, 2^20 bytes for RSS. Benchmark took {time.perf_counter() - begun:.0f} s.")
    return 0


if __name__ == "__main__":
    try:
        main()
    except (Exception, SystemExit) as exc:  # it reports; it is not a test
        print(f"bench_import: error: {type(exc).__name__}: {exc}", file=sys.stderr)
    sys.exit(0)
