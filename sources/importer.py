"""Read report files: find them, check them and read their bytes.

This is the one entry point the store and the command line use for files. The
parse itself is `parsing.parse_report`, which imports every reader; it runs
in the parsing process (`isolated_parse`), so a command only loads the readers
when it parses in its own process (`parse_report` below, for tests and tools).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from claimdesk.sources.errors import SourceError
from claimdesk.sources.model import ParsedReport
from claimdesk.sources.safe_open import read_regular_file

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".xhtml": "html",
           ".org": "org"}


@dataclass
class SourceFile:
    path: Path
    data: bytes
    format: str
    sha256: str

    @property
    def default_id(self) -> str:
        return report_id_from_name(self.path.stem)


def report_id_from_name(name: str) -> str:
    """A short slug for a report: the file name's stem, lower case."""
    slug = re.sub(r"[^a-z0-9._-]+", "-", name.lower()).strip("-.")
    return slug or "report"


def find_report_files(paths: list[str | os.PathLike]) -> list[Path]:
    """Every supported file named, or found inside the named folders (recursively)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise SourceError(f"{raw}: no such file or directory")
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if _is_report_file(p, path))
            if not inside:
                raise SourceError(f"{raw}: no .txt, .md, .html or .org files in this folder")
            found.extend(inside)
        else:
            if path.suffix.lower() not in FORMATS:
                raise SourceError(f"{raw}: unsupported file type {path.suffix or '(none)'!r} (supported: .txt, .md, .html, .htm, .org)")
            found.append(path)
    return found


_NOT_REPORTS = re.compile(r"^(readme|license|licence|changelog|contributing|copying)\b", re.I)


def _is_report_file(path: Path, folder: Path) -> bool:
    """In a folder, a report is a supported file that is not hidden and not a README.

    FIFOs, devices and symlinks are candidates too, so that read_source refuses
    them with a reason (a skipped file is listed, never silently left out).
    """
    return (
        not path.is_dir()
        and path.suffix.lower() in FORMATS
        and not _NOT_REPORTS.match(path.name)
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )


def read_source(path: Path, *, within: Path | None = None, max_bytes: int | None = None) -> SourceFile:
    """The file's bytes, read only if it is a regular file within the size cap
    (and, for a file found inside the folder `within`, inside that folder)."""
    data = read_regular_file(path, within=within, max_bytes=max_bytes)
    return SourceFile(path, data, FORMATS[path.suffix.lower()], hashlib.sha256(data).hexdigest())


def named_folder(path: Path, paths: list[str | os.PathLike]) -> Path | None:
    """The folder named on the command line that path was found in (None for a file named itself)."""
    return next((Path(p) for p in paths if Path(p).is_dir() and path.is_relative_to(Path(p))), None)


def parse_report(data: bytes, format: str) -> ParsedReport:
    """Parse raw bytes of the given format ("txt", "md", "html", "org") in this process,
    without a budget; imports go through `isolated_parse` instead."""
    from claimdesk.sources.parsing import parse_report as parse  # the readers, loaded on first use

    return parse(data, format)
