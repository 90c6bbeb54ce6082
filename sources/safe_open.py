"""Reading a file a user named: only a regular file, and only up to a size cap.

A name on the command line can be a FIFO (reading it waits for ever), a device
(`/dev/zero` never ends), a socket, or a symlink to any of them; a folder can
hold a symlink to a file far outside it (`notes.txt -> /etc/shadow`). So a file
is read only when it is a regular file, when its size is within the cap (checked
before reading, and again while reading, in case it grows), and, inside a named
folder, when a symlink leads to a file inside that folder.

The file is opened without blocking and its type checked on the open descriptor
(fstat), so it cannot be swapped for a FIFO between the check and the read.

The cap is 200 MB unless `$CLAIMDESK_MAX_FILE_MB` (or the `--max-size` option
of the commands that read files) says otherwise.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from claimdesk.sources.errors import SourceError

DEFAULT_MAX_MB = 200
MAX_SIZE_VARIABLE = "CLAIMDESK_MAX_FILE_MB"
_MB = 1024 * 1024
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def max_file_bytes(megabytes: int | None = None) -> int:
    """The cap in bytes: the given megabytes, else $CLAIMDESK_MAX_FILE_MB, else 200 MB."""
    if megabytes is None:
        raw = os.environ.get(MAX_SIZE_VARIABLE, "").strip()
        if not raw:
            return DEFAULT_MAX_MB * _MB
        if not raw.isdigit() or int(raw) < 1:
            raise SourceError(f"${MAX_SIZE_VARIABLE} must be a whole number of megabytes (1 or more), not {raw!r}")
        megabytes = int(raw)
    if megabytes < 1:
        raise SourceError(f"the size limit must be 1 MB or more, not {megabytes}")
    return megabytes * _MB


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words ("a FIFO", "a character device")."""
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def _size(size: int) -> str:
    return f"{size / _MB:.1f} MB" if size >= _MB else f"{size:,} bytes"


def check_regular_file(path: str | os.PathLike, *, within: str | os.PathLike | None = None) -> os.stat_result:
    """The file's status if it may be read; SourceError naming what it is otherwise."""
    path = Path(path)
    try:
        status = path.stat()  # follows symlinks: what matters is what would be read
    except FileNotFoundError:
        if path.is_symlink():
            raise SourceError(f"{path}: a symlink to nothing (its target does not exist)") from None
        raise SourceError(f"{path}: no such file or directory") from None
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(status.st_mode):
        target = f" (through a symlink to {os.path.realpath(path)})" if path.is_symlink() else ""
        raise SourceError(f"{path}: {file_kind(status.st_mode)}{target}, not a regular file; only regular files are read")
    if within is not None:
        folder = Path(within).resolve()
        if not path.resolve().is_relative_to(folder):
            raise SourceError(f"{path}: a symlink to {path.resolve()}, outside the folder {within}; not followed")
    return status


def read_regular_file(path: str | os.PathLike, *, within: str | os.PathLike | None = None, max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file within the size cap (see the module); SourceError otherwise."""
    path = Path(path)
    limit = max_file_bytes() if max_bytes is None else max_bytes
    status = check_regular_file(path, within=within)
    if status.st_size > limit:
        raise SourceError(f"{path}: the file is {_size(status.st_size)}; the limit is {_size(limit)} (--max-size or ${MAX_SIZE_VARIABLE})")
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with os.fdopen(descriptor, "rb") as handle:
        opened = os.fstat(handle.fileno())
        if not stat.S_ISREG(opened.st_mode):  # swapped between the check and the open
            raise SourceError(f"{path}: {file_kind(opened.st_mode)}, not a regular file; only regular files are read")
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise SourceError(f"{path}: the file grew past the limit of {_size(limit)} while it was read (--max-size or ${MAX_SIZE_VARIABLE})")
    return data
