"""The parsing process: reads a file's bytes, parses them, sends the report back.

Run as `python -m claimdesk.parse_worker` by `isolated_parse`, which
owns it. Requests come on standard input and replies go out on standard output,
each one frame: 8 bytes of length, then a pickle. A request is
`("parse", data, format, memory_bytes, seconds)`; the reply is
`("ok", ParsedReport)`, `("memory", None)` or `("error", exception, traceback text)`.

A request `("tokenise", texts)` asks for the passage index's content tokens of
each text (store.passages.norm_tokens), replied `("ok", [norm, ...])`: while the
importer saves a report, this process, idle by then, prepares most of its index
on the machine's other core.

Each parse runs under RLIMIT_AS (the address space the budget allows, so a
greedy parse ends in MemoryError instead of taking the machine) and RLIMIT_CPU
(so that, should the owner die without stopping it, a hostile parse still ends).
Between requests both limits are lifted again, so one process serves many files.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import traceback
import warnings

_LENGTH_BYTES = 8
_CPU_SLACK_SECONDS = 5
"""The owner stops a parse at its wall-clock deadline; the CPU limit is only the backstop."""


def write_frame(stream, value) -> None:
    write_payload(stream, _dumps(value))


def write_payload(stream, payload: bytes) -> None:
    """A value already pickled, as one frame."""
    _write_all(stream, len(payload).to_bytes(_LENGTH_BYTES, "big"))
    _write_all(stream, payload)


def _write_all(stream, data: bytes) -> None:
    # An unbuffered pipe may take part of a large write (a signal in the middle): write the rest.
    view = memoryview(data)
    while view:
        view = view[stream.write(view):]


def _dumps(value) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def read_frame(stream):
    """The next frame's value; EOFError when the owner has closed the pipe."""
    header = _read_exactly(stream, _LENGTH_BYTES)
    return pickle.loads(_read_exactly(stream, int.from_bytes(header, "big")))


def _read_exactly(stream, size: int) -> bytearray:
    buffer = bytearray(size)
    view = memoryview(buffer)
    done = 0
    while done < size:
        got = stream.readinto(view[done:])
        if not got:
            raise EOFError
        done += got
    return buffer


def serve() -> None:
    # Replies get a descriptor of their own; anything else that writes to standard
    # output (a library's print) goes to standard error and cannot break a frame.
    replies = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    requests = os.fdopen(os.dup(0), "rb", buffering=0)
    warnings.simplefilter("ignore")
    # Ctrl-C reaches the whole process group; the owner decides (it stops this process).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from claimdesk.sources.parsing import parse_report

    write_frame(replies, ("ready", os.getpid()))
    while True:
        try:
            request = read_frame(requests)
        except EOFError:
            break
        if request[0] == "tokenise":
            write_payload(replies, _tokenise(request[1]))
            continue
        _, data, format, memory_bytes, seconds = request
        payload, exhausted = _parse_within(parse_report, data, format, memory_bytes, seconds)
        del data, request
        write_payload(replies, payload)
        if exhausted:
            break  # after a MemoryError nothing in this process is to be trusted
    # Nothing to flush or close: skip the interpreter's teardown, which frees every object
    # of the last parse one by one while the owner waits for this process to end.
    os._exit(0)


def _parse_within(parse_report, data: bytes, format: str, memory_bytes: int, seconds: float) -> tuple[bytes, bool]:
    """(the pickled reply, whether memory ran out). The limits stay on while the report
    is pickled, since that takes memory too."""
    _set_limits(memory_bytes, seconds)
    try:
        return _attempt(parse_report, data, format), False
    except MemoryError:
        pass  # the reply is pickled below, once the failed parse's frames (and memory) are let go
    finally:
        _lift_limits()
    return _dumps(("memory", None)), True


_OUT_OF_ADDRESS_SPACE = "failed to map segment from shared object"
"""What the dynamic loader says when RLIMIT_AS leaves no room for a library."""


def _attempt(parse_report, data: bytes, format: str) -> bytes:
    try:
        return _dumps(("ok", parse_report(data, format)))
    except MemoryError:
        raise
    except ImportError as exc:
        # A module the parse loads only when it needs it (dateparser's compiled regex) cannot be
        # mapped inside the address space the limit leaves: the memory ran out, as a MemoryError says.
        if _OUT_OF_ADDRESS_SPACE in str(exc) or "cannot allocate memory" in str(exc).lower():
            raise MemoryError(str(exc)) from exc
        return _dumps(("error", _picklable(exc), traceback.format_exc()))
    except BaseException as exc:  # every other failure goes back to the owner, which raises it
        return _dumps(("error", _picklable(exc), traceback.format_exc()))


def _tokenise(texts: list[str]) -> bytes:
    try:
        from claimdesk.store.passages import norm_tokens

        return _dumps(("ok", [norm_tokens(text) for text in texts]))
    except BaseException as exc:  # the owner computes them itself
        return _dumps(("error", _picklable(exc), traceback.format_exc()))


def _picklable(exc: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")


_STARTING_LIMITS: dict[int, tuple[int, int]] = {}
"""The limits this process started with (a user's `ulimit`), put back after each parse."""


def _set_limits(memory_bytes: int, seconds: float) -> None:
    import resource  # POSIX only; the owner never starts this process elsewhere

    used = resource.getrusage(resource.RUSAGE_SELF)
    cpu_seconds = int(used.ru_utime + used.ru_stime + seconds + _CPU_SLACK_SECONDS) + 1
    for limit, value in ((resource.RLIMIT_AS, memory_bytes), (resource.RLIMIT_CPU, cpu_seconds)):
        soft, hard = _STARTING_LIMITS.setdefault(limit, resource.getrlimit(limit))
        if soft != resource.RLIM_INFINITY:
            value = min(value, soft)  # never looser than what the user set
        resource.setrlimit(limit, (value, hard))


def _lift_limits() -> None:
    import resource

    for limit, starting in _STARTING_LIMITS.items():
        resource.setrlimit(limit, starting)


if __name__ == "__main__":
    serve()
