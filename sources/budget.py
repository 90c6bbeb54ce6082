"""How long, and in how much memory, one file may be parsed.

A report file is text someone else wrote, and text can be built to make a
parser slow or greedy (a "billion laughs" in YAML, a million unclosed labels).
The readers are written to be linear, but a budget is what makes that a
promise: a file that takes longer or more memory than its budget is stopped,
with one line that says so, and nothing is saved (see `isolated_parse`).

The budget grows with the file, since a big report honestly takes longer:
30 s + 5 s per MB of input and 1 GB + 64 MB per MB of address space by
default (a 10 MB report imports in a few seconds and a few hundred MB, so the
defaults are generous for real reports and short for hostile ones).
`--time-limit SECONDS` and `--memory-limit MB`, or `$CLAIMDESK_IMPORT_SECONDS`
and `$CLAIMDESK_IMPORT_MEMORY_MB`, set a flat limit per file instead.
"""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass

from claimdesk.sources.errors import SourceError

SECONDS_VARIABLE = "CLAIMDESK_IMPORT_SECONDS"
MEMORY_VARIABLE = "CLAIMDESK_IMPORT_MEMORY_MB"
BASE_SECONDS = 30.0
SECONDS_PER_MB = 5.0
BASE_MEMORY_MB = 1024
MEMORY_MB_PER_MB = 64
_MB = 1024 * 1024


@dataclass(frozen=True)
class ImportBudget:
    """The limits for parsing one file."""

    seconds: float
    """Wall-clock time from the moment the parser has the file to its parsed report."""
    memory_mb: int
    """Address space of the parsing process (RLIMIT_AS), interpreter included."""
    size_bytes: int = 0
    """The input the limits were derived from."""
    seconds_given: bool = False
    """The time limit was set by option or environment (not derived from the size)."""
    memory_given: bool = False

    @property
    def memory_bytes(self) -> int:
        return self.memory_mb * _MB


@dataclass(frozen=True)
class BudgetLimits:
    """What the user asked for (None: the size-based default), resolved once per import."""

    seconds: float | None = None
    memory_mb: int | None = None

    def for_size(self, size_bytes: int) -> ImportBudget:
        megabytes = size_bytes / _MB
        return ImportBudget(
            seconds=self.seconds if self.seconds is not None else BASE_SECONDS + SECONDS_PER_MB * megabytes,
            memory_mb=self.memory_mb if self.memory_mb is not None else BASE_MEMORY_MB + int(MEMORY_MB_PER_MB * megabytes + 0.5),
            size_bytes=size_bytes,
            seconds_given=self.seconds is not None,
            memory_given=self.memory_mb is not None,
        )


def budget_limits(seconds: float | None = None, memory_mb: int | None = None) -> BudgetLimits:
    """The limits from the options given, else from the environment, else the defaults."""
    if seconds is None:
        seconds = _from_environment(SECONDS_VARIABLE, float, "a number of seconds")
    if memory_mb is None:
        memory_mb = _from_environment(MEMORY_VARIABLE, int, "a whole number of megabytes")
    if seconds is not None and not seconds > 0:
        raise SourceError(f"the import time limit must be more than 0 seconds, not {seconds:g}")
    if memory_mb is not None and memory_mb < 1:
        raise SourceError(f"the import memory limit must be 1 MB or more, not {memory_mb}")
    return BudgetLimits(seconds, memory_mb)


def _from_environment(name: str, kind: type, what: str):
    raw = os.environ.get(name, "").strip()
    if not raw:
        return None
    try:
        value = kind(raw)
    except ValueError:
        raise SourceError(f"${name} must be {what}, not {raw!r}") from None
    if not value > 0 or value != value or value == float("inf"):
        raise SourceError(f"${name} must be {what} above 0, not {raw!r}")
    return value


def time_exceeded(elapsed: float, budget: ImportBudget) -> str:
    """The error for a parse stopped at its time limit (the file's name is put before it)."""
    how = "--time-limit or $" + SECONDS_VARIABLE
    derived = "" if budget.seconds_given else f" for {_size_words(budget.size_bytes)}"
    return (f"import stopped after {_seconds(elapsed)} (limit {budget.seconds:g} s{derived}); the file may be built to slow "
            f"the parser down; nothing was saved ({how} sets the limit)")


def memory_exceeded(elapsed: float, budget: ImportBudget) -> str:
    how = "--memory-limit or $" + MEMORY_VARIABLE
    derived = "" if budget.memory_given else f" for {_size_words(budget.size_bytes)}"
    return (f"import stopped after {_seconds(elapsed)} (limit {budget.memory_mb:,} MB of memory{derived}); the file may be built to "
            f"exhaust the parser; nothing was saved ({how} sets the limit)")


def process_ended(elapsed: float, code: int | None, budget: ImportBudget) -> str:
    """A parsing process that ended without a word. Out of address space, C code that
    cannot grow its stack or check an allocation crashes (SIGSEGV, SIGBUS, SIGABRT)."""
    how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
    if code is not None and -code in _CRASH_SIGNALS:
        return (f"import stopped after {_seconds(elapsed)} (limit {budget.memory_mb:,} MB of memory): the parsing process "
                f"crashed ({how}), most likely out of memory; nothing was saved "
                f"(--memory-limit or ${MEMORY_VARIABLE} sets the limit)")
    return f"import stopped after {_seconds(elapsed)}: the parsing process ended ({how}); nothing was saved"


_CRASH_SIGNALS = {signal.SIGSEGV, signal.SIGBUS, signal.SIGABRT}


def _seconds(elapsed: float) -> str:
    return f"{elapsed:.1f} s" if elapsed < 10 else f"{elapsed:.0f} s"


def _size_words(size_bytes: int) -> str:
    return f"{size_bytes / _MB:.1f} MB" if size_bytes >= _MB // 10 else f"{size_bytes:,} bytes"
