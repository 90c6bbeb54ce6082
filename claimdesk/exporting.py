"""Export the claim register to the chosen files: one read of the store, one
atomic write per file. The command line and the terminal UI both call this."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from claimdesk.exports import load_formats
from claimdesk.exports.atomic import NotADestination, check_destination
from claimdesk.exports.sqlite import metadata_path
from claimdesk.exports.register import Filters, build_register
from claimdesk.store.db import Store

FORMAT_ORDER = ("sqlite", "markdown", "html", "claimreview", "annotations", "csl")


class ExportError(RuntimeError):
    """A file could not be written; files written before it are complete."""


def export_register(
    store: Store,
    targets: dict[str, str | Path],
    filters: Filters | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict:
    """Write each requested format; returns what was written and how many claims."""
    formats = load_formats()
    unknown = set(targets) - set(formats)
    if unknown:
        raise ExportError(f"unknown export format(s): {', '.join(sorted(unknown))}")
    # Every destination is checked before anything is written: /dev/null or a
    # folder given for one format must not leave the others half exported.
    paths = {name: Path(target).expanduser() for name, target in targets.items()}
    try:
        for name, path in paths.items():
            check_destination(path)
            if name == "sqlite":
                check_destination(metadata_path(path))
    except NotADestination as exc:
        raise ExportError(str(exc)) from None
    if progress:
        progress("reading the store")
    register = build_register(store, filters, with_changes="sqlite" in targets)
    written = {}
    for name in [f for f in FORMAT_ORDER if f in targets]:
        path = paths[name]
        if progress:
            progress(f"writing {name}: {path}")
        try:
            formats[name](register, path)
        except NotADestination as exc:  # became one while the others were written
            raise ExportError(str(exc)) from None
        except OSError as exc:
            raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
        written[name] = str(path)
    return {"written": written, "claims": len(register.claims), "reports": len(register.reports), "filters": register.filters}
