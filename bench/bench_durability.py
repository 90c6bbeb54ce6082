"""Durability: kill -9 at random moments, four writers on one claim (issue 11).

    /work/venv/bin/python bench/bench_durability.py [--kills 150] [--actions 10000] [--mb 10]
        [--writers 4] [--updates 25] [--seed 11] [--keep DIR] [--corpus DIR]

A probe, not a timed test: it prints what it did and what it found, as Markdown,
and exits 1 only if a store was damaged or an update lost (0 otherwise).

The kills are shared out among four kinds of work, each on a store of its own:

* CLI claim writes: `claimdesk claim add` and `claim set --note` (each with a token of
  its own), killed at a random moment of the command's life (start-up included);
* an action loop: one process doing up to --actions `set_claim` actions through the
  store, printing "ok N" after each commit, killed at random and restarted where
  it was, then run to the end uninterrupted (its time is printed);
* a --mb MB import (bench/synthetic.py's plain text), killed at random during it;
* an export (Markdown, HTML, SQLite, ClaimReview, annotations), killed at random.

Each command runs in a session of its own and the kill goes to the whole session
(SIGKILL to the process group), so the parsing process dies with its command as it
would in a crash of the machine. After every kill: `PRAGMA integrity_check` and
`foreign_key_check` on the store; every success the command printed before it died
must be in the store (the claim with that token, the note of the last "ok N" or a
later one, the imported report with its full text); an export file present at its
name must be whole (the same bytes as an uninterrupted export of the same store,
its time stamps aside). Left-over temporary files beside the destination are counted.

Then --writers processes each make --updates changes to one claim through
`claim set --expect-version V` (V read just before), retrying when refused: every
accepted update must be in the claim's version count and in the change log, and no
two accepted updates may have been made against the same version.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402  (bench/synthetic.py, beside this file)

CLI = [sys.executable, "-m", "claimdesk"]
QUOTE = "Russia"  # a word of the Ifri report, found by `claim add`

# The action loop: one Store, one set_claim per action, "ok N" printed after each commit.
LOOP = r"""
import sys
from claimdesk.store.db import Store
from claimdesk.store.claims import set_claim
db, claim, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
with Store(db) as store:
    for number in range(first, last + 1):
        with store.action("set claim", reviewer="loop") as action:
            set_claim(action, claim, note=f"loop {number}")
        print(f"ok {number}", flush=True)
"""


class Probe:
    def __init__(self, args: argparse.Namespace, folder: Path) -> None:
        self.args = args
        self.folder = folder
        self.random = random.Random(args.seed)
        self.problems: list[str] = []
        self.rows: list[tuple[str, str]] = []
        self.env = dict(os.environ, CLAIMDESK_REVIEWER="probe")

    # --- running and killing ---------------------------------------------------------------

    def run(self, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
        return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout, env=self.env)

    def killed(self, command: list[str], delay: float) -> tuple[str, str, int | None]:
        """Start command, SIGKILL its session after delay seconds: (stdout, stderr, exit code or None)."""
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 start_new_session=True, env=self.env)
        try:
            out, err = child.communicate(timeout=delay)
            return out, err, child.returncode
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            out, err = child.communicate()
            return out, err, None

    def check_store(self, db: Path, what: str) -> sqlite3.Connection:
        connection = sqlite3.connect(f"file:{db}?mode=rw", uri=True, timeout=30)
        integrity = connection.execute("PRAGMA integrity_check").fetchall()
        foreign = connection.execute("PRAGMA foreign_key_check").fetchall()
        if integrity != [("ok",)] or foreign:
            self.problems.append(f"{what}: integrity {integrity[:3]}, foreign keys {foreign[:3]}")
        return connection

    # --- set-up ------------------------------------------------------------------------------

    def store_with_claim(self, name: str) -> tuple[Path, int]:
        db = self.folder / name
        for path in (self.args.corpus / "ifri-pyatakov-2020.txt", self.args.corpus / "werra-faure-2021.md"):
            done = self.run("--db", str(db), "import", str(path), "--json")
            assert done.returncode == 0, done.stderr
        added = self.run("--db", str(db), "claim", "add", "ifri-pyatakov-2020", "--quote", QUOTE, "--json")
        assert added.returncode == 0, added.stderr
        return db, json.loads(added.stdout)["id"]

    # --- the four kinds of kill ----------------------------------------------------------------

    def cli_writes(self, kills: int) -> None:
        db, claim = self.store_with_claim("cli.db")
        confirmed_notes: list[int] = []
        confirmed_claims: list[tuple[int, str]] = []
        started = time.perf_counter()
        for number in range(kills):
            token = f"cli {number}"
            if number % 3 == 2:
                command = [*CLI, "--db", str(db), "claim", "add", "werra-faure-2021", "--quote", "the",
                           "--occurrence", str(number + 1), "--note", token, "--json"]
            else:
                command = [*CLI, "--db", str(db), "claim", "set", str(claim), "--note", token, "--json"]
            out, err, code = self.killed(command, self.random.uniform(0.05, 1.2))
            if code == 0 and out.strip():
                printed = json.loads(out)
                (confirmed_claims.append((printed["id"], token)) if "add" in command
                 else confirmed_notes.append(number))
            elif code not in (None, 0):
                self.problems.append(f"cli write {number}: exit {code}: {err.strip()[:200]}")
            connection = self.check_store(db, f"cli write {number}")
            for claim_id, note in confirmed_claims:
                row = connection.execute("SELECT note FROM claims WHERE id = ?", (claim_id,)).fetchone()
                if row is None or row[0] != note:
                    self.problems.append(f"cli write {number}: printed claim {claim_id} ({note}) missing: {row}")
            note = connection.execute("SELECT note FROM claims WHERE id = ?", (claim,)).fetchone()[0]
            stored = int(note.split()[-1]) if note.startswith("cli ") else -1
            if confirmed_notes and stored < confirmed_notes[-1]:
                self.problems.append(f"cli write {number}: note {note!r} older than the printed cli {confirmed_notes[-1]}")
            connection.close()
        self.rows.append(("CLI claim writes", f"{kills} kills in {time.perf_counter() - started:.0f} s; "
                          f"{len(confirmed_notes) + len(confirmed_claims)} printed a success before the kill, "
                          f"all found again"))

    def action_loop(self, kills: int) -> None:
        db, claim = self.store_with_claim("loop.db")
        last_printed = 0
        rounds = 1
        started = time.perf_counter()
        for number in range(kills):
            if last_printed >= self.args.actions:  # a loop finished between kills: the next on a new claim
                added = self.run("--db", str(db), "claim", "add", "werra-faure-2021", "--quote", "the",
                                 "--occurrence", str(rounds), "--json")
                claim, last_printed, rounds = json.loads(added.stdout)["id"], 0, rounds + 1
            out, err, code = self.killed([sys.executable, "-c", LOOP, str(db), str(claim), str(last_printed + 1),
                                          str(self.args.actions)], self.random.uniform(0.3, 4.0))
            printed = [int(line.split()[1]) for line in out.splitlines() if re.fullmatch(r"ok \d+", line)]
            if code not in (None, 0):
                self.problems.append(f"action loop kill {number}: exit {code}: {err.strip()[-300:]}")
            connection = self.check_store(db, f"action loop kill {number}")
            note = connection.execute("SELECT note FROM claims WHERE id = ?", (claim,)).fetchone()[0]
            stored = int(note.split()[-1]) if note.startswith("loop ") else 0
            if printed and stored < printed[-1]:
                self.problems.append(f"action loop kill {number}: printed ok {printed[-1]}, store has {note!r}")
            connection.close()
            last_printed = max(stored, last_printed)
        killed_part = time.perf_counter() - started
        # The rest of the loop, then a whole uninterrupted loop on a fresh claim of its own, timed.
        rest = self.run("--db", str(db), "claim", "add", "ifri-pyatakov-2020", "--quote", QUOTE, "--occurrence", "2", "--json")
        whole_claim = json.loads(rest.stdout)["id"]
        timed = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", LOOP, str(db), str(whole_claim), "1", str(self.args.actions)],
                              capture_output=True, text=True, env=self.env)
        seconds = time.perf_counter() - timed
        if done.returncode != 0 or f"ok {self.args.actions}" not in done.stdout:
            self.problems.append(f"uninterrupted action loop: exit {done.returncode}: {done.stderr[-300:]}")
        connection = self.check_store(db, "action loop, at the end")
        changes = connection.execute("SELECT COUNT(*) FROM changes WHERE target = 'claims' AND target_id = ?",
                                     (f"[{whole_claim}]",)).fetchone()[0]
        connection.close()
        self.rows.append(("action loop", f"{kills} kills in {killed_part:.0f} s ({rounds} loop(s) of up to "
                          f"{self.args.actions:,} actions), the note of the last printed "
                          f"'ok N' (or a later one) always stored; then {self.args.actions:,} actions uninterrupted "
                          f"in {seconds:.1f} s ({1000 * seconds / self.args.actions:.1f} ms per committed action), "
                          f"{changes:,} change-log entries for that claim"))

    def big_import(self, kills: int) -> None:
        big = self.folder / "big.txt"
        big.write_text(synthetic.make_large_plaintext(int(self.args.mb * 1_000_000), self.args.corpus), encoding="utf-8")
        reference = self.folder / "reference.db"
        timed = time.perf_counter()
        done = self.run("--db", str(reference), "import", str(big), "--json")
        import_seconds = time.perf_counter() - timed
        assert done.returncode == 0, done.stderr
        connection = sqlite3.connect(reference)
        expected = connection.execute("SELECT length(text) FROM revisions").fetchone()[0]
        connection.close()
        db = self.folder / "import.db"
        imported = 0
        started = time.perf_counter()
        for number in range(kills):
            out, err, code = self.killed([*CLI, "--db", str(db), "import", str(big), "--json"],
                                         self.random.uniform(0.1, import_seconds * 1.1))
            if code not in (None, 0):
                self.problems.append(f"import kill {number}: exit {code}: {err.strip()[:200]}")
            if not db.exists():
                continue
            connection = self.check_store(db, f"import kill {number}")
            # Killed while the store was being created: no tables yet, which the next import takes as new.
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            rows = connection.execute("SELECT length(text) FROM revisions").fetchall() if "revisions" in tables else []
            if code == 0:
                imported += 1
            if (code == 0 and rows != [(expected,)]) or (rows and rows != [(expected,)]):
                self.problems.append(f"import kill {number}: revisions {rows}, expected one of {expected} characters")
            connection.close()
            if rows:  # imported whole: start again from an empty store, so that every kill hits an import
                for path in self.folder.glob("import.db*"):
                    path.unlink()
        self.rows.append((f"{self.args.mb:g} MB import", f"{kills} kills in {time.perf_counter() - started:.0f} s "
                          f"(an uninterrupted import: {import_seconds:.1f} s); each store afterwards held the "
                          f"report whole or not at all"))

    def export(self, kills: int) -> None:
        db, _claim = self.store_with_claim("export.db")
        for occurrence in range(2, 40):
            self.run("--db", str(db), "claim", "add", "werra-faure-2021", "--quote", "the", "--occurrence",
                     str(occurrence), "--status", "verified", "--note", f"n {occurrence}")
        out = self.folder / "out"
        out.mkdir()
        names = {"--markdown": "register.md", "--html": "register.html", "--sqlite": "register.sqlite",
                 "--claimreview": "claimreview.json", "--annotations": "annotations.json"}
        command = [*CLI, "--db", str(db), "export"] + [part for option, name in names.items()
                                                       for part in (option, str(out / name))]
        timed = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=self.env)
        export_seconds = time.perf_counter() - timed
        assert done.returncode == 0, done.stderr
        reference = {name: _comparable(out / name) for name in names.values()}
        started = time.perf_counter()
        whole = broken = 0
        for number in range(kills):
            for path in out.iterdir():
                path.unlink()
            _out, err, code = self.killed(command, self.random.uniform(0.05, export_seconds * 1.1))
            if code not in (None, 0):
                self.problems.append(f"export kill {number}: exit {code}: {err.strip()[:200]}")
            for name in names.values():
                path = out / name
                if path.exists():
                    if _comparable(path) == reference[name]:
                        whole += 1
                    else:
                        broken += 1
                        self.problems.append(f"export kill {number}: {name} is not a whole export")
            self.check_store(db, f"export kill {number}").close()
        left = [path.name for path in out.iterdir() if path.name not in names.values()]
        self.rows.append(("export", f"{kills} kills in {time.perf_counter() - started:.0f} s (an uninterrupted export "
                          f"of five files: {export_seconds:.1f} s); {whole + broken} files found at their names afterwards, "
                          f"{whole} whole, {broken} not; {len(left)} temporary file(s) left beside them after the "
                          f"last kill (a '.part' of the file being written)"))

    # --- four writers -----------------------------------------------------------------------------

    def writers(self) -> None:
        db, claim = self.store_with_claim("writers.db")

        def version() -> int:
            connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
            try:
                return connection.execute("SELECT version FROM claims WHERE id = ?", (claim,)).fetchone()[0]
            finally:
                connection.close()

        first = version()
        accepted: list[tuple[int, int, int]] = []  # (writer, update, version it was made against)
        refused = [0]
        lock = threading.Lock()

        def writer(index: int) -> None:
            for update in range(self.args.updates):
                while True:
                    seen = version()
                    done = self.run("--db", str(db), "claim", "set", str(claim), "--note", f"w{index} u{update}",
                                    "--expect-version", str(seen), "--json")
                    if done.returncode == 0:
                        with lock:
                            accepted.append((index, update, seen))
                        break
                    with lock:
                        refused[0] += 1
                    if "version" not in done.stderr:
                        with lock:
                            self.problems.append(f"writer {index}: {done.stderr.strip()[:200]}")
                        return

        started = time.perf_counter()
        threads = [threading.Thread(target=writer, args=(index,)) for index in range(self.args.writers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - started
        last = version()
        against = [seen for _w, _u, seen in accepted]
        connection = self.check_store(db, "four writers")
        logged = connection.execute("SELECT COUNT(*) FROM changes WHERE target = 'claims' AND target_id = ? AND action = 'set claim'",
                                    (f"[{claim}]",)).fetchone()[0]
        connection.close()
        if len(set(against)) != len(against):
            self.problems.append("four writers: two updates were accepted against the same version (one is lost)")
        if last - first != len(accepted) or sorted(against) != list(range(first, last)):
            self.problems.append(f"four writers: {len(accepted)} accepted, version went {first} -> {last}")
        if logged != len(accepted):
            self.problems.append(f"four writers: {len(accepted)} accepted, {logged} in the change log")
        self.rows.append((f"{self.args.writers} writers, --expect-version",
                          f"{len(accepted)} updates accepted ({self.args.writers} x {self.args.updates}), {refused[0]} "
                          f"refused as stale and retried, in {seconds:.0f} s; version {first} -> {last}, "
                          f"{logged} change-log entries; no two accepted against the same version"))


# A time stamp, also as the Markdown export escapes it ("2026\-12\-02T19\:02\:33\+00\:00").
_STAMP = re.compile(rb"\d{4}\\?-\d\d\\?-\d\d(?:T| )\d\d\\?:\d\d(?:\\?:\d\d)?(?:\.\d+)?(?:Z|\\?[+-]\d\d\\?:\d\d)?")


def _comparable(path: Path) -> bytes | tuple:
    """An export's bytes without its time stamps; an SQLite export by its tables' contents."""
    if path.suffix == ".sqlite":
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if connection.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                return ("damaged",)
            tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
            return tuple((table, connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]) for table in tables)
        except sqlite3.DatabaseError as error:
            return ("unreadable", str(error))
        finally:
            connection.close()
    return _STAMP.sub(b"<time>", path.read_bytes())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=150)
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--mb", type=float, default=10)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--updates", type=int, default=25, help="updates per writer")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--keep", type=Path, help="keep the stores and files here")
    parser.add_argument("--only", default="cli,loop,import,export,writers",
                        help="the parts to run, comma-separated (default: all)")
    parser.add_argument("--corpus", type=Path,
                        default=Path(os.environ.get("CLAIMDESK_CORPUS") or HERE.parent.parent / "shared" / "corpus"))
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    folder = Path(args.keep or tempfile.mkdtemp(prefix="cd-durability-"))
    probe = Probe(args, folder)
    # 150 kills: 40% CLI claim writes, 20% the action loop, 20% the import, 20% the export.
    shares = {"cli": args.kills * 2 // 5, "loop": args.kills // 5, "import": args.kills // 5}
    shares["export"] = args.kills - sum(shares.values())
    started = time.perf_counter()
    parts = args.only.split(",")
    for name, run in (("cli", probe.cli_writes), ("loop", probe.action_loop), ("import", probe.big_import),
                      ("export", probe.export)):
        if name in parts:
            print(f"{name}: {shares[name]} kills ...", file=sys.stderr, flush=True)
            run(shares[name])
    if "writers" in parts:
        print("writers ...", file=sys.stderr, flush=True)
        probe.writers()
    print(f"# Durability probe ({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, {platform.python_version()}, "
          f"{time.perf_counter() - started:.0f} s)\n")
    print("| work | what happened |\n| --- | --- |")
    for work, result in probe.rows:
        print(f"| {work} | {result} |")
    print()
    if probe.problems:
        print(f"**{len(probe.problems)} problem(s):**\n")
        for problem in probe.problems:
            print(f"- {problem}")
    else:
        print(f"No problem: every store passed `PRAGMA integrity_check` and `foreign_key_check` after each of the "
              f"kills, every printed success was found again, no export was half-written, no update was lost.")
    print(f"\nFiles: {folder}" if args.keep else "")
    return 1 if probe.problems else 0


if __name__ == "__main__":
    sys.exit(main())
