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

from claimdesk.sources.budget import budget_limits
from claimdesk.sources.errors import SourceError
from claimdesk.sources.importer import SourceFile, find_report_files, named_folder, read_source, report_id_from_name
from claimdesk.isolated_parse import parse_isolated, start_parsing_process, tokenise_meanwhile
from claimdesk.sources.model import ParsedReport
from claimdesk.sources.safe_open import max_file_bytes
from claimdesk.store.db import Store
from claimdesk.store.passages import TokensAhead, index_in_batches
from claimdesk.store.reanchoring import anchors_ahead, summarise
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
    max_mb: int | None = None,
    time_limit: float | None = None,
    memory_limit_mb: int | None = None,
) -> ImportResult:
    """Import files and folders in one action: all of them, or (on error) none.

    Files named on their own must all parse, or nothing is saved. Files found
    inside a folder that cannot be read are skipped and listed, so that one bad
    file does not block a whole folder. Each file is parsed in the parsing
    process within its budget (sources/budget.py: the limits given, else the
    environment's, else derived from the file's size).
    """
    named = {Path(p) for p in paths if not Path(p).is_dir()}
    max_bytes = max_file_bytes(max_mb)
    limits = budget_limits(time_limit, memory_limit_mb)
    start_parsing_process()
    files = find_report_files(paths)
    if report_id is not None and len(files) != 1:
        raise SourceError("--id names one report; give exactly one file with it")
    result = ImportResult()
    parsed_files: list[tuple[SourceFile, ParsedReport, str, dict | None]] = []
    used_ids: set[str] = set()
    for index, path in enumerate(files):
        if progress:
            progress(index, len(files), path)
        try:
            source = read_source(path, within=named_folder(path, paths), max_bytes=max_bytes)
            parsed = parse_isolated(source.data, source.format, limits.for_size(len(source.data)))
        except SourceError as exc:
            message = str(exc) if str(exc).startswith(str(path)) else f"{path}: {exc}"
            if path in named:
                raise SourceError(message) from None
            result.skipped.append(message)
            continue
        chosen = report_id or _unique_id(source.default_id, used_ids)
        used_ids.add(chosen)
        parsed_files.append((source, parsed, chosen, _anchors_ahead(store, chosen, source, parsed)))
    if progress:
        progress(len(files), len(files), Path())
    ahead = {chosen: _tokens_ahead(parsed) for _, parsed, chosen, _ in parsed_files}
    ahead_by_report: dict[str, TokensAhead] = {}
    with store.action("import", reviewer) as action:
        for source, parsed, chosen, anchors in parsed_files:
            outcome = save_import(action, chosen, source, parsed, id_given=report_id is not None, anchors=anchors)
            result.imported.append(ImportedFile(source, parsed, outcome))
            if ahead[chosen] is not None:
                ahead_by_report[outcome.report_id] = ahead[chosen]
    # The passage index in short transactions of its own, after the import, so
    # that nobody waits for the write lock while a big report is indexed; this
    # also finishes any index a crash interrupted.
    index_in_batches(store, ahead=ahead_by_report)
    return result


TOKENISE_AHEAD_MIN = 4000
"""Sentences a report needs before its index is shared with the parsing process:
below it, the index takes a fraction of a second and is not worth the pickling."""
KEPT_SHARE = 0.3
"""The share of a big report's sentences this process tokenises itself, first, after
saving the report; the parsing process does the rest meanwhile. With saving
taking about a third as long as the whole index, both finish together."""


def _tokens_ahead(parsed: ParsedReport) -> TokensAhead | None:
    """The index's tokens of most of a big report's sentences, started now in the
    parsing process (idle once every file is parsed), so that they are ready by the
    time the index gets to them."""
    if len(parsed.sentences) < TOKENISE_AHEAD_MIN:
        return None
    from_ordinal = int(len(parsed.sentences) * KEPT_SHARE)
    texts = [parsed.text[start:end] for start, end in parsed.sentences[from_ordinal:]]
    wait = tokenise_meanwhile(texts)
    return TokensAhead(from_ordinal, texts, wait) if wait is not None else None


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
    if reanchoring.get("still_needs_review"):  # found exactly now, but moved by an earlier revision
        parts[0] += f" ({reanchoring['still_needs_review']} still awaiting re-review)"
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
        verdict = (r.get("reviewed") or {}).get("status", r["previous_status"])  # what a person said, not a pending review
        lines.append(f"#{r['claim']} needs re-review ({r['method']}; was {verdict}){figures}: “{quote}”")
    return lines


def _anchors_ahead(store: Store, report_id: str, source: SourceFile, parsed: ParsedReport) -> dict | None:
    """A revised report's claims found again on its new text before the import's
    action, so that the write lock is held only to write them (None: nothing to find)."""
    row = store.db.execute(
        "SELECT v.sha256 FROM reports r JOIN revisions v ON v.report_id = r.id AND v.number = r.current_revision WHERE r.id = ?", [report_id]
    ).fetchone()
    if row is None or row[0] == source.sha256:
        return None
    return anchors_ahead(store.db, report_id, parsed.text)


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
