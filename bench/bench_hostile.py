"""Hostile input: does every case end in time, in memory, and cleanly? (issue 11)

    /work/venv/bin/python bench/bench_hostile.py [--size BYTES] [--timeout S] [--only TEXT] [--keep DIR]
    /work/venv/bin/python bench/bench_hostile.py --in-process [--only TEXT]   # parse only, for quick checks

Generates the cases of `hostile_inputs.py` (about 170, 1 MB each by default) and
runs the real command line on each, `python -m claimdesk --db NEW import FILE
--json`, in a fresh store, under a launcher that reports the wall time, the peak
resident memory of the command and of its parsing process (the larger of the
two; RUSAGE_CHILDREN after both were waited for) and the exit code. A case
passes when it ends before --timeout (default 60 s, above the default import
budget of 30 s + 5 s per MB) and either imports (exit 0, one report in the
store) or fails with one clean line (exit 1, one stderr line starting
"claimdesk: error:", no "internal error", nothing in the store).

Prints a Markdown table per case and a summary; always exits 0 (it reports, it
does not test). Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import hostile_inputs  # noqa: E402  (bench/hostile_inputs.py, beside this file)

# Runs the command in a session of its own (so that a stuck one is killed with its parsing
# process), then prints one JSON line: exit code, seconds, peak RSS of the largest
# descendant, stderr. Started with -S so that its own footprint stays out of the figures.
LAUNCHER = r"""
import json, os, resource, signal, subprocess, sys, time
timeout, command = float(sys.argv[1]), sys.argv[2:]
started = time.perf_counter()
child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
try:
    out, err = child.communicate(timeout=timeout)
    code = child.returncode
except subprocess.TimeoutExpired:
    os.killpg(child.pid, signal.SIGKILL)
    out, err = child.communicate()
    code = None
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": code, "seconds": seconds, "peak_kb": peak, "stderr": err.decode("utf-8", "replace"),
                  "stdout_bytes": len(out)}))
"""


def run_case(case, size: int, folder: Path, timeout: float, options: tuple[str, ...] = ()) -> dict:
    path = folder / (re.sub(r"[^A-Za-z0-9._-]+", "-", case.name) + case.suffix)
    data = case.make(size)
    path.write_bytes(data)
    db = folder / (path.stem + ".db")
    db.unlink(missing_ok=True)
    command = [sys.executable, "-m", "claimdesk", "--db", str(db), "import", *options, str(path), "--json"]
    launched = subprocess.run([sys.executable, "-S", "-c", LAUNCHER, str(timeout), *command], capture_output=True, text=True)
    figures = json.loads(launched.stdout)
    lines = [line for line in figures["stderr"].splitlines() if line.strip()]
    reports = _reports_in(db)
    code = figures["code"]
    if code is None:
        verdict = "TIMEOUT"
    elif code == 0 and reports == 1:
        verdict = "imported"
    elif code == 1 and len(lines) == 1 and lines[0].startswith("claimdesk: error:") and "internal error" not in lines[0] and not reports:
        verdict = "stopped" if "import stopped after" in lines[0] else "refused"
    else:
        verdict = "UNCLEAN"
    path.unlink()
    return {"case": case.name, "bytes": len(data), "seconds": figures["seconds"],
            "peak_mb": figures["peak_kb"] / 1024, "code": code, "verdict": verdict, "reports": reports,
            "error": lines[-1] if lines and code != 0 else ""}


def budget_stops(cases_by_name: dict, rows: list[dict], size: int, folder: Path, timeout: float) -> list[str]:
    """The slowest and the greediest cases again, under limits they exceed: the budget's own
    stop, end to end (one line, exit 1, nothing saved)."""
    slowest = sorted(rows, key=lambda row: -row["seconds"])[:3]
    greediest = sorted(rows, key=lambda row: -row["peak_mb"])[:3]
    runs = [(row, ("--time-limit", "1")) for row in slowest] + [(row, ("--memory-limit", "150")) for row in greediest]
    lines = ["| case | limit | seconds | peak MB | verdict | error |", "| --- | --- | ---: | ---: | --- | --- |"]
    for row, options in runs:
        print(f"[budget] {row['case']} {' '.join(options)}", file=sys.stderr, flush=True)
        stopped = run_case(cases_by_name[row["case"]], size, folder, timeout, options)
        error = stopped["error"].replace("|", "\\|")[:140]
        lines.append(f"| {row['case']} | {' '.join(options)} | {stopped['seconds']:.2f} | {stopped['peak_mb']:.0f} | "
                     f"{stopped['verdict']} | {error} |")
    return lines


def _reports_in(db: Path) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True) as connection:
        try:
            return connection.execute("SELECT count(*) FROM reports").fetchone()[0]
        except sqlite3.Error:
            return 0


def run_in_process(cases, size: int, timeout: float) -> None:
    """Parse only, in this process: quick, but no budget and no memory figure."""
    from claimdesk.sources.errors import SourceError
    from claimdesk.sources.importer import FORMATS, parse_report

    def stop(*_):
        raise TimeoutError

    signal.signal(signal.SIGALRM, stop)
    print("| case | seconds | result |\n| --- | ---: | --- |")
    for case in cases:
        data = case.make(size)
        started = time.perf_counter()
        signal.alarm(int(timeout))
        try:
            parse_report(data, FORMATS[case.suffix])
            result = "parsed"
        except SourceError as exc:
            result = f"SourceError: {str(exc)[:60]}"
        except TimeoutError:
            result = "TIMEOUT"
        except Exception as exc:  # what the bench is looking for
            result = f"**{type(exc).__name__}**: {str(exc)[:60]}"
        finally:
            signal.alarm(0)
        print(f"| {case.name} | {time.perf_counter() - started:.2f} | {result} |", flush=True)


def summary(rows: list[dict], size: int, timeout: float) -> str:
    verdicts: dict[str, int] = {}
    for row in rows:
        verdicts[row["verdict"]] = verdicts.get(row["verdict"], 0) + 1
    seconds = [row["seconds"] for row in rows]
    peaks = [row["peak_mb"] for row in rows]
    slowest = sorted(rows, key=lambda row: -row["seconds"])[:10]
    lines = [
        "## Summary", "",
        f"{len(rows)} cases of about {size / 1e6:g} MB; timeout {timeout:g} s.", "",
        "| verdict | cases |", "| --- | ---: |",
        *(f"| {verdict} | {count} |" for verdict, count in sorted(verdicts.items())), "",
        f"clean (imported, refused in one line, or stopped at the budget in one line): "
        f"{sum(count for verdict, count in verdicts.items() if verdict in ('imported', 'refused', 'stopped'))} of {len(rows)}", "",
        f"wall time per case: median {statistics.median(seconds):.2f} s, max {max(seconds):.2f} s; "
        f"peak RSS: median {statistics.median(peaks):.0f} MB, max {max(peaks):.0f} MB", "",
        "Slowest cases:", "",
        "| case | seconds | peak MB | verdict |", "| --- | ---: | ---: | --- |",
        *(f"| {row['case']} | {row['seconds']:.2f} | {row['peak_mb']:.0f} | {row['verdict']} |" for row in slowest),
    ]
    return "\n".join(lines)


def machine() -> str:
    return f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=hostile_inputs.MB, help="bytes per case (default 1,000,000)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a case is killed and counted TIMEOUT")
    parser.add_argument("--only", default="", help="only the cases whose name contains this")
    parser.add_argument("--keep", metavar="DIR", help="write the stores here instead of a temporary folder")
    parser.add_argument("--in-process", action="store_true", help="parse only, in this process (no budget, no memory figures)")
    options = parser.parse_args()
    cases = [case for case in hostile_inputs.cases() if options.only in case.name]
    if options.in_process:
        run_in_process(cases, options.size, options.timeout)
        return
    rows = []
    with tempfile.TemporaryDirectory(prefix="claimdesk-hostile-") as temporary:
        folder = Path(options.keep or temporary)
        folder.mkdir(parents=True, exist_ok=True)
        print("| case | MB | seconds | peak MB | exit | verdict | error |\n| --- | ---: | ---: | ---: | ---: | --- | --- |")
        for number, case in enumerate(cases, 1):
            print(f"[{number}/{len(cases)}] {case.name}", file=sys.stderr, flush=True)
            row = run_case(case, options.size, folder, options.timeout)
            rows.append(row)
            error = row["error"].replace("|", "\\|")[:110]
            print(f"| {row['case']} | {row['bytes'] / 1e6:.2f} | {row['seconds']:.2f} | {row['peak_mb']:.0f} | {row['code']} "
                  f"| {row['verdict']} | {error} |", flush=True)
        print("\n## The budget's own stop\n")
        print("\n".join(budget_stops({case.name: case for case in cases}, rows, options.size, folder, options.timeout)))
    print()
    print(summary(rows, options.size, options.timeout))
    print(f"\nMachine: {machine()}")


if __name__ == "__main__":
    main()
