"""What the command line and the terminal UI both do to the library of reports.

Neither shell holds logic of its own: both call these functions, which read files
through `sources` and write them through `store`.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from claimdesk.sources.errors import SourceError
from claimdesk.sources.importer import SourceFile, find_report_files, parse_report, read_source, report_id_from_name
from claimdesk.sources.model import ParsedReport
from claimdesk.store.db import Store
from claimdesk.store.reanchoring import summarise
from claimdesk.store.reports import ImportOutcome, save_import


@dataclass
class ImportedFile:
    source: SourceFile
    parsed: ParsedReport
    outcome: ImportOutcome

    def to_json(self) -> dict:
        return {
            "id": self.outcome.report_id,
            "path": str(self.source.path),
            "status": self.outcome.status,
            "revision": self.outcome.revision,
            "title": self.parsed.title,
            "footnotes": len(self.parsed.footnotes),
            "markers": self.parsed.marker_count,
            "pages": len(self.parsed.pages),
            "removed": dict(Counter(piece.kind for piece in self.parsed.removed)),
            "warnings": self.parsed.warnings,
            "reanchoring": {**summarise(self.outcome.claims), "claims": self.outcome.claims},
        }


@dataclass
class ImportResult:
    imported: list[ImportedFile] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """One line per file inside a folder that could not be read; named files never skip."""


def import_paths(
    store: Store,
    paths: list[str | os.PathLike],
    *,
    report_id: str | None = None,
    reviewer: str | None = None,
    progress: Callable[[int, int, Path], None] | None = None,
) -> ImportResult:
    """Import files and folders in one action: all of them, or (on error) none.

    Files named on their own must all parse, or nothing is saved. Files found
    inside a folder that cannot be read are skipped and listed, so that one bad
    file does not block a whole folder.
    """
    named = {Path(p) for p in paths if not Path(p).is_dir()}
    files = find_report_files(paths)
    if report_id is not None and len(files) != 1:
        raise SourceError("--id names one report; give exactly one file with it")
    result = ImportResult()
    parsed_files: list[tuple[SourceFile, ParsedReport, str]] = []
    used_ids: set[str] = set()
    for index, path in enumerate(files):
        if progress:
            progress(index, len(files), path)
        try:
            source = read_source(path)
            parsed = parse_report(source.data, source.format)
        except SourceError as exc:
            if path in named:
                message = str(exc)
                raise SourceError(message if message.startswith(str(path)) else f"{path}: {message}") from None
            result.skipped.append(f"{path}: {exc}")
            continue
        chosen = report_id or _unique_id(source.default_id, used_ids)
        used_ids.add(chosen)
        parsed_files.append((source, parsed, chosen))
    if progress:
        progress(len(files), len(files), Path())
    with store.action("import", reviewer) as action:
        for source, parsed, chosen in parsed_files:
            outcome = save_import(action, chosen, source, parsed, id_given=report_id is not None)
            result.imported.append(ImportedFile(source, parsed, outcome))
    return result


# What a re-import did to the claims, in words: one function for the CLI and the UI.
_NEEDS_REVIEW_REASONS = (
    ("new context", "found only by their own words in new surroundings"),
    ("fuzzy", "moved by fuzzy match"),
    ("forgiving", "found with white space or quote marks forgiven"),
)


def _review_reason(result: dict) -> str:
    for key, reason in _NEEDS_REVIEW_REASONS:
        if key in result["method"]:
            return reason
    return "with a figure changed around them" if result["figures"] else "changed"


def reanchoring_summary(reanchoring: dict) -> str:
    """"claims: 3 re-anchored exactly, 1 moved by fuzzy match (needs re-review), 1 orphaned"; "" if none."""
    live = [r for r in reanchoring["claims"] if not r["removed"]]
    if not live:
        return ""
    parts = [f"{reanchoring['exact']} re-anchored exactly"]
    reasons = Counter(_review_reason(r) for r in live if r["needs_review"])
    parts += [f"{count} {reason} (needs re-review)" for reason, count in reasons.items()]
    parts.append(f"{reanchoring['orphaned']} orphaned")
    return "claims: " + ", ".join(parts)


def reanchoring_details(reanchoring: dict) -> list[str]:
    """One line per claim that needs re-review or was orphaned: what changed, what it was."""
    lines = []
    for r in reanchoring["claims"]:
        if r["removed"] or not (r["needs_review"] or r["anchor"] == "orphaned"):
            continue
        quote = r["quote"] if len(r["quote"]) <= 80 else r["quote"][:79] + "…"
        if r["anchor"] == "orphaned":
            lines.append(f"#{r['claim']} orphaned (not found; kept as {r['status']}): “{quote}”")
            continue
        figures = "; figures " + ", ".join(f"{d['old'] or '—'} → {d['new'] or '—'}" for d in r["figures"]) if r["figures"] else ""
        lines.append(f"#{r['claim']} needs re-review ({r['method']}; was {r['previous_status']}){figures}: “{quote}”")
    return lines


def _unique_id(wanted: str, used: set[str]) -> str:
    """Two files of one import with the same name get distinct ids."""
    candidate, counter = wanted, 2
    while candidate in used:
        candidate, counter = f"{wanted}-{counter}", counter + 1
    return candidate


def valid_report_id(raw: str) -> str:
    slug = report_id_from_name(raw)
    if slug != raw:
        raise SourceError(f"invalid report id {raw!r}: use lower-case letters, digits, '-', '_' and '.' (for example {slug!r})")
    return slug
