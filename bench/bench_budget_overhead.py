"""What the import budget costs a normal import: parsing in the parsing process
(claimdesk/isolated_parse.py) against parsing in this process.

    /work/venv/bin/python bench/bench_budget_overhead.py [--runs 7] [--mb 10]

(a) per file, warm: parse_report (here) and parse_isolated (the parsing process,
    already started: the request and the pickled report through the pipes
    included), median of --runs, for the corpus's .txt and .md reports and a
    synthetic --mb MB plain-text report (bench/synthetic.py);
(b) cold, whole command: `python -m claimdesk --db NEW import FILES --json`
    for the corpus's .txt and .md reports, and for the synthetic report (with
    --cold-runs, default 3: each run takes about ten seconds), median of fresh
    processes taking turns, as shipped and with parse_isolated replaced by
    parse_report (the same code otherwise).

Prints Markdown; always exits 0.
"""

from __future__ import annotations

import argparse
import os
import pickle
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402

IN_PROCESS = (
    "import sys, claimdesk.library as library, claimdesk.sources.importer as importer\n"
    "library.parse_isolated = lambda data, format, budget: importer.parse_report(data, format)\n"
    "from claimdesk.cli import main\nsys.argv[0] = 'claimdesk'\nmain(sys.argv[1:])\n"
)


def corpus_dir() -> Path:
    return Path(os.environ.get("CLAIMDESK_CORPUS") or HERE.parent.parent / "shared" / "corpus")


def median_seconds(actions, runs: int) -> list[float]:
    """The median time of each action, the actions taking turns so that a machine busy with
    something else for a while slows them alike."""
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(runs):
        for action, kept in zip(actions, times):
            started = time.perf_counter()
            action()
            kept.append(time.perf_counter() - started)
    return [statistics.median(kept) for kept in times]


def warm(inputs: list[tuple[str, bytes, str]], runs: int) -> list[str]:
    from claimdesk.sources.budget import BudgetLimits
    from claimdesk.sources.importer import parse_report
    from claimdesk.isolated_parse import parse_isolated

    limits = BudgetLimits()
    parse_isolated(b"Title\n\nWarm up.\n", "txt", limits.for_size(20))  # the process is started once per command
    rows = ["| input | size | here | in the parsing process | overhead | pickled report |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, data, fmt in inputs:
        here, isolated = median_seconds([lambda: parse_report(data, fmt),
                                         lambda: parse_isolated(data, fmt, limits.for_size(len(data)))], runs)
        pickled = len(pickle.dumps(parse_report(data, fmt), protocol=pickle.HIGHEST_PROTOCOL))
        rows.append(f"| {name} | {len(data) / 1e6:.2f} MB | {here:.3f} s | {isolated:.3f} s | {isolated - here:+.3f} s "
                    f"({(isolated - here) / here:+.0%}) | {pickled / 1e6:.1f} MB |")
    return rows


def cold(files: list[Path], runs: int) -> list[str]:
    rows = ["| command | median of runs |", "| --- | ---: |"]
    commands = (("as shipped (parsing process)", [sys.executable, "-m", "claimdesk"]),
                ("parse in the command's process", [sys.executable, "-c", IN_PROCESS]))
    with tempfile.TemporaryDirectory() as folder:
        stores = iter(Path(folder) / f"{number}.db" for number in range(10 ** 6))

        def run(prefix: list[str]):
            return lambda: subprocess.run([*prefix, "--db", str(next(stores)), "import", *map(str, files), "--json"],
                                          check=True, capture_output=True)

        medians = median_seconds([run(prefix) for _, prefix in commands], runs)
    rows += [f"| {label} | {median:.2f} s |" for (label, _), median in zip(commands, medians)]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--mb", type=float, default=10.0, help="size of the synthetic plain-text report (0: none)")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold imports of the synthetic report (0: none)")
    options = parser.parse_args()
    corpus = corpus_dir()
    files = [corpus / "ifri-pyatakov-2020.txt", corpus / "werra-faure-2021.md"]
    inputs = [(path.name, path.read_bytes(), path.suffix[1:]) for path in files]
    if options.mb:
        big = synthetic.make_large_plaintext(int(options.mb * 1e6), corpus).encode()
        inputs.append((f"synthetic {options.mb:g} MB .txt", big, "txt"))
    print("## (a) One parse, warm\n")
    print("\n".join(warm(inputs, options.runs)))
    print(f"\n## (b) The whole command, cold: import of {', '.join(path.name for path in files)}\n")
    print("\n".join(cold(files, options.runs)))
    if options.mb and options.cold_runs:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "synthetic.txt"
            path.write_bytes(big)
            print(f"\n## (b) The whole command, cold: import of the synthetic {options.mb:g} MB report\n")
            print("\n".join(cold([path], options.cold_runs)))
    print(f"\nMachine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
