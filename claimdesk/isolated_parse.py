"""Parsing a file in a process of its own, within a time and memory budget.

The one place the import budget (`budget.py`) is enforced, below both the
command line and the terminal UI (both import through `library.import_paths`).
A parse that runs past its deadline is killed; one that wants more address
space than its budget gets MemoryError inside its own process; either way the
importer gets one `ImportStopped` line and saves nothing, and this process
(a TUI with its store open, a pipeline) is never the one starved.

The parsing process (`parse_worker`) is started once, on first use, and serves
every file after that: a fresh interpreter costs about a quarter of a second
of imports, paid once per command (once per session in the terminal UI), not
once per file. The parsed report comes back pickled, never parsed twice. A
separate interpreter rather than a fork, because the terminal UI has threads
and a forked child of a threaded process may hang on a lock it inherited held.

Where `resource` and `select` on pipes are missing (Windows), files are parsed
in this process without a budget.
"""

from __future__ import annotations

import atexit
import gc
import os
import pickle
import selectors
import signal
import subprocess
import sys
import threading
import time
from typing import Callable

from claimdesk.sources.budget import ImportBudget, memory_exceeded, process_ended, time_exceeded
from claimdesk.sources.errors import SourceError
from claimdesk.sources.model import ParsedReport
from claimdesk.parse_worker import write_frame

try:
    import resource  # noqa: F401  (only to know that the worker can set its limits)
    ISOLATED = os.name == "posix"
except ImportError:  # pragma: no cover - Windows
    ISOLATED = False

STARTUP_SECONDS = 60.0
"""How long the parsing process may take to start (imports on a loaded machine)."""
TOKENISE_SECONDS = 30.0
"""How long the process may take to tokenise passages, plus a millisecond a passage."""
_WORKER_COMMAND = [sys.executable, "-m", "claimdesk.parse_worker"]


class ImportStopped(SourceError):
    """A parse stopped at its budget: the file may be hostile; nothing was saved."""


class _Ended(Exception):
    """The parsing process ended without a reply (killed, or crashed)."""


class ParseWorker:
    """The owner's side of one parsing process, restarted whenever it had to be stopped."""

    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None
        self._owner_pid = 0
        self._served = 0
        self._ready = False
        """The process has said that it is ready (its imports are done)."""
        self._retry_fresh = False
        """The last parse was stopped for memory in a process that had served before."""
        self._lock = threading.Lock()

    def parse(self, data: bytes, format: str, budget: ImportBudget) -> ParsedReport:
        with self._lock:
            try:
                return self._parse(data, format, budget)
            except ImportStopped:
                if not self._retry_fresh:
                    raise
                # A process that parsed a big file before may hold address space it has
                # not given back: the limit is judged again in a fresh one.
                return self._parse(data, format, budget)

    def tokenise(self, texts: list[str], seconds: float) -> list[str] | None:
        """store.passages.norm_tokens of each text, computed in the process; None when
        it cannot say in time (the caller then computes them itself)."""
        with self._lock:
            try:
                process = self._running()
                write_frame(process.stdin, ("tokenise", texts))
                reply = self._reply(time.monotonic() + seconds)
            except (TimeoutError, _Ended, OSError, RuntimeError):
                self._stop(kill=True)
                return None
            except BaseException:
                self._stop(kill=True)  # interrupted: its reply must not answer the next request
                raise
            return reply[1] if reply[0] == "ok" else None

    def close(self) -> None:
        """End the process: gently when idle; at once if a parse still holds it (at exit)."""
        idle = self._lock.acquire(timeout=1)
        try:
            self._stop(kill=not idle)
        finally:
            if idle:
                self._lock.release()

    # -- one request ----------------------------------------------------------
    def _parse(self, data: bytes, format: str, budget: ImportBudget) -> ParsedReport:
        process = self._running()
        self._retry_fresh = False
        served_before = self._served
        started = time.monotonic()
        try:
            write_frame(process.stdin, ("parse", data, format, budget.memory_bytes, budget.seconds))
            reply = self._reply(started + budget.seconds)
        except TimeoutError:
            self._stop(kill=True)
            raise ImportStopped(time_exceeded(time.monotonic() - started, budget)) from None
        except BaseException as exc:
            if not isinstance(exc, (_Ended, BrokenPipeError)):
                self._stop(kill=True)  # interrupted: a reply may still come, and must not answer the next request
                raise
            code = self._stop(kill=False)  # it is ending: its own exit code says why
            elapsed = time.monotonic() - started
            # No reply: RLIMIT_CPU's SIGXCPU, the kernel's OOM killer, or a crash.
            if code == -signal.SIGXCPU:
                raise ImportStopped(time_exceeded(elapsed, budget)) from None
            self._retry_fresh = served_before > 0  # the memory it had kept from earlier files may be the cause
            if code == -signal.SIGKILL:
                raise ImportStopped(memory_exceeded(elapsed, budget)) from None
            raise ImportStopped(process_ended(elapsed, code, budget)) from None
        self._served += 1
        status = reply[0]
        if status == "ok":
            return reply[1]
        if status == "memory":
            self._stop(kill=True)
            self._retry_fresh = served_before > 0
            raise ImportStopped(memory_exceeded(time.monotonic() - started, budget))
        exc, child_traceback = reply[1], reply[2]
        if not isinstance(exc, SourceError):
            exc.add_note(f"in the parsing process:\n{child_traceback}")
        raise exc

    def _reply(self, deadline: float):
        """The next frame from the process, or TimeoutError at the deadline."""
        stream = self._process.stdout
        header = self._read_exactly(stream, 8, deadline)
        payload = self._read_exactly(stream, int.from_bytes(header, "big"), deadline)
        # A report is a few hundred thousand small objects, none of them garbage: the
        # collector's passes over them while they are built would double the time.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return pickle.loads(payload)
        finally:
            if collecting:
                gc.enable()

    def _read_exactly(self, stream, size: int, deadline: float) -> bytearray:
        buffer = bytearray(size)
        view = memoryview(buffer)
        done = 0
        with selectors.DefaultSelector() as selector:
            selector.register(stream, selectors.EVENT_READ)
            while done < size:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not selector.select(remaining):
                    raise TimeoutError
                got = stream.readinto(view[done:])
                if not got:
                    raise _Ended
                done += got
        return buffer

    # -- the process ------------------------------------------------------------
    def start(self) -> None:
        """Start the process now, so that its imports overlap the owner's own work."""
        with self._lock:
            self._start()

    def _start(self) -> None:
        if self._owner_pid != os.getpid():
            self._process = None  # a forked copy of the owner: the process is the parent's, not ours
        if self._process is not None and self._process.poll() is None:
            return
        self._stop(kill=True)
        self._process = subprocess.Popen(_WORKER_COMMAND, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL, bufsize=0, close_fds=True)
        for stream in (self._process.stdin, self._process.stdout):
            _widen(stream)
        self._owner_pid, self._served, self._ready = os.getpid(), 0, False

    def _running(self) -> subprocess.Popen:
        self._start()
        if not self._ready:
            try:
                status, _ = self._reply(time.monotonic() + STARTUP_SECONDS)
            except (TimeoutError, _Ended):
                self._stop(kill=True)
                raise RuntimeError(f"the parsing process ({' '.join(_WORKER_COMMAND)}) did not start") from None
            if status != "ready":
                self._stop(kill=True)
                raise RuntimeError(f"the parsing process said {status!r} instead of 'ready'")
            self._ready = True
        return self._process

    def _stop(self, *, kill: bool) -> int | None:
        """End the process (closing its input ends it gently); its exit code."""
        process, self._process = self._process, None
        if process is None or self._owner_pid != os.getpid():
            return None
        if kill:
            process.kill()
        for stream in (process.stdin, process.stdout):
            try:
                stream.close()
            except OSError:
                pass
        try:
            return process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            return process.wait()


_PIPE_BYTES = 1024 * 1024
"""Linux pipes hold 64 KB; a report of ten megabytes goes through in fewer, larger reads at 1 MB
(the most an unprivileged process may ask for by default)."""


def _widen(stream) -> None:
    try:
        import fcntl

        fcntl.fcntl(stream.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass  # not Linux, or a lower limit: the default size works, a little slower


_WORKER = ParseWorker()
atexit.register(_WORKER.close)


def start_parsing_process() -> None:
    """Start the parsing process ahead of the first parse (a no-op where there is none)."""
    if ISOLATED:
        _WORKER.start()


def tokenise_meanwhile(texts: list[str]) -> Callable[[], list[str] | None] | None:
    """Start computing the passage tokens of texts in the parsing process, on the other
    core, while this one goes on (saving the report, indexing its first sentences).

    Returns the function that waits for them (None if they could not be had), or None
    where there is no parsing process.
    """
    if not ISOLATED:
        return None
    result: list[list[str] | None] = [None]
    # Linear work: a generous deadline only guards against a process that hangs.
    seconds = TOKENISE_SECONDS + len(texts) / 1000

    def run() -> None:
        result[0] = _WORKER.tokenise(texts, seconds)

    thread = threading.Thread(target=run, name="claimdesk-tokenise", daemon=True)
    thread.start()

    def wait() -> list[str] | None:
        thread.join()
        return result[0]

    return wait


def parse_isolated(data: bytes, format: str, budget: ImportBudget) -> ParsedReport:
    """parse_report(data, format) in the parsing process, within the budget (ImportStopped beyond it)."""
    if not ISOLATED:
        from claimdesk.sources.parsing import parse_report

        return parse_report(data, format)
    return _WORKER.parse(data, format, budget)
