"""The crash and concurrency behaviour that holds, kept (issue 11): writers killed with
SIGKILL at random moments leave a whole store in which every printed success is found
again, and writers racing on one claim with --expect-version never lose an update.

A small run of bench/bench_durability.py (which does 150 kills and four writers of 25
updates, and prints what it saw): the probe's own checks decide, its exit code says.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_killed_writers_and_racing_writers_lose_nothing(corpus, tmp_path):
    command = [sys.executable, str(REPO / "bench" / "bench_durability.py"), "--kills", "10", "--actions", "300",
               "--mb", "0.3", "--writers", "3", "--updates", "3", "--only", "cli,loop,import,writers",
               "--corpus", str(corpus), "--keep", str(tmp_path / "probe"), "--seed", "5"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, env=dict(os.environ))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No problem" in done.stdout
    assert "3 writers, --expect-version" in done.stdout and "9 updates accepted" in done.stdout
