"""Parse a report's bytes: decode them, pick the reader, put the pieces together.

The reader of each format gives blocks and markers; this module lays them out
(blocks.py), builds the footnotes and the sentences, and takes out what must not
reach the store (hidden characters, page furniture), each with a warning. It never
touches the store, so a failed parse changes nothing. Imports run it in the parsing
process (`isolated_parse`), within a time and memory budget.
"""

from __future__ import annotations

import unicodedata

from claimdesk.sources.blocks import lay_out
from claimdesk.sources.decode import decode_bytes
from claimdesk.sources.errors import SourceError
from claimdesk.sources.footnotes import build_footnotes
from claimdesk.sources.inert import strip_hidden
from claimdesk.sources.model import Page, ParsedReport, Removed
from claimdesk.sources.readers.html import read_html
from claimdesk.sources.readers.markdown import read_markdown
from claimdesk.sources.readers.org import looks_like_org, read_org
from claimdesk.sources.readers.plaintext import read_plain_text
from claimdesk.sources.sentences import split_sentences
from claimdesk.sources.textclean import clean_characters, join_soft_hyphen_breaks

_READERS = {"txt": read_plain_text, "md": read_markdown, "html": read_html, "org": read_org}


def parse_report(data: bytes, format: str) -> ParsedReport:
    """Parse raw bytes of the given format ("txt", "md", "html")."""
    text, _encoding, warnings = decode_bytes(data)
    text = clean_characters(text, warnings)
    if format != "html":
        text = join_soft_hyphen_breaks(text)
    hidden: list[Removed] = []
    text = _without_hidden_characters(text, "the source", warnings, hidden)
    if not text.strip():
        raise SourceError("the file has no text")
    # An Org buffer saved as .txt is read as Org: its keywords and footnotes are Org's.
    reader = read_org if format == "txt" and looks_like_org(text) else _READERS[format]
    result = reader(text)
    warnings.extend(result.warnings)
    # Entities decoded by a reader ("&#x202E;") come back here: the blocks and the metadata too.
    for block in result.blocks:
        block.text = _without_hidden_characters(block.text, "a paragraph", warnings, hidden)
    result.title = _without_hidden_characters(result.title, "the title", warnings, hidden) if result.title else result.title
    result.authors = [_without_hidden_characters(name, "an author", warnings, hidden) for name in result.authors]
    layout = lay_out(result.blocks, result.markers)
    removed = hidden + list(result.removed)
    for line in layout.moved_out:
        warnings.append(f"page furniture taken out of the text: {line[:80]!r}")
        removed.append(Removed("furniture", line))
    footnotes, dangling = build_footnotes(layout.notes, layout.markers, warnings)
    if not layout.text.strip():
        warnings.append("no body text found")
    return ParsedReport(
        format=format,
        text=layout.text,
        title=result.title,
        authors=result.authors,
        date=result.date,
        sections=layout.sections,
        footnotes=footnotes,
        sentences=split_sentences(layout.text),
        warnings=warnings,
        dangling_markers=dangling,
        removed=removed,
        pages=page_map(layout.page_starts, len(layout.text)),
    )


HIDDEN_REPORTED_MAX = 50
"""Removed entries listed one by one for bidi and invisible characters; the rest are counted."""


def _without_hidden_characters(text: str, where: str, warnings: list[str], removed: list[Removed]) -> str:
    """Bidi overrides and invisible characters out of a report (issue 11): they can make the
    screen show other words than the store holds. Each is reported with its offset."""
    cleaned = strip_hidden(text)
    if not cleaned.removed:
        return text
    warnings.append(cleaned.describe(where))
    listed = sum(1 for item in removed if item.kind == "hidden" and item.text.startswith("U+"))
    for start, end in cleaned.removed[: max(0, HIDDEN_REPORTED_MAX - listed)]:
        names = ", ".join(f"U+{ord(char):04X} {unicodedata.name(char, 'character')}" for char in text[start:end])
        removed.append(Removed("hidden", f"{names} at offset {start} of {where}"))
    return cleaned.text


def page_map(page_starts: list[tuple[str, int]], text_length: int) -> list[Page]:
    """Pages as spans of the reading text; an empty page (two breaks in a row) is kept."""
    pages = []
    for index, (label, start) in enumerate(page_starts):
        end = page_starts[index + 1][1] if index + 1 < len(page_starts) else text_length
        pages.append(Page(label, start, end))
    return pages
