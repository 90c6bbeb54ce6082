"""Write a file whole or not at all: a temporary file beside it, then a rename.

The rename replaces whatever has the target's name, so the target must be a new
path or a regular file: renamed over a device such as /dev/null (as root), a
FIFO or a socket, it would replace the node itself, and over a folder it fails
half-way. Those destinations are refused before anything is written.
"""

from __future__ import annotations

import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from claimdesk.sources.safe_open import file_kind


class NotADestination(ValueError):
    """A path an export must not write: it names a device, a FIFO, a socket or a folder."""


def check_destination(target: str | os.PathLike) -> None:
    """NotADestination unless target is a new path or a regular file (a symlink counts as what it points to)."""
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return  # a new file (or a dangling symlink, which the rename replaces)
    except OSError as exc:
        raise NotADestination(f"cannot write {target}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(mode):
        raise NotADestination(f"cannot write {target}: it is {file_kind(mode)}, not a regular file; an export writes a new file or replaces a regular one")


@contextmanager
def atomic_path(target: str | os.PathLike) -> Iterator[Path]:
    """A temporary path in the target's folder; renamed over the target on success,
    removed on failure, so a failed export leaves no half-written file."""
    check_destination(target)
    # A symlink stays a symlink: the file it points to is what is written. A
    # rename over the link would replace the link itself (as root, /dev/stdout
    # redirected to a file would become a regular file).
    target = Path(os.path.realpath(target))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: no such folder")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    os.close(handle)
    temporary_path = Path(temporary)
    try:
        yield temporary_path
        # mkstemp makes the file private (0600); an export gets the usual mode.
        umask = os.umask(0)
        os.umask(umask)
        if temporary_path.exists():
            os.chmod(temporary_path, 0o666 & ~umask)
        os.replace(temporary_path, target)
    except BaseException:
        temporary_path.unlink(missing_ok=True)
        raise


def write_text_atomic(target: str | os.PathLike, text: str) -> None:
    with atomic_path(target) as temporary:
        temporary.write_text(text, encoding="utf-8")
