"""HathiTrust's plain text of a digitised book: a line opens each page.

The text HathiTrust serves for a scanned volume ("Download > Plain text") opens
every page with "## p. 37 (#45) ####…": the page's printed label (none on a
title page: "## p. (#7)"), then its place in the scan. Those lines become the
form feeds the page splitter reads, and their labels the pages' labels; the
lines themselves go to `removed` as page numbers. Nothing else changes.
"""

from __future__ import annotations

import re

from claimdesk.sources.model import Removed
from claimdesk.sources.readers.text_pages import FORM_FEED

_PAGE_LINE = re.compile(r"^## p\. (?P<label>[\w.-]{0,12}) ?\(#(?P<sequence>\d{1,5})\) #{10,}[ \t]*$", re.M)
PAGES_MIN = 2
"""One such line may be a quotation; two make the file's own page lines."""


def read_hathitrust_pages(text: str, removed: list[Removed]) -> tuple[str, list[str | None]] | None:
    """(the text with a form feed for each page line, each page's printed label or None);
    None unless the file opens its pages with HathiTrust's lines."""
    lines = list(_PAGE_LINE.finditer(text))
    if len(lines) < PAGES_MIN:
        return None
    pieces: list[str] = []
    labels: list[str | None] = []
    before = text[: lines[0].start()]
    if before.strip():
        pieces.append(before)  # a page with no line of its own (a header the download added)
        labels.append(None)
    for index, line in enumerate(lines):
        end = lines[index + 1].start() if index + 1 < len(lines) else len(text)
        pieces.append(text[line.end():end])
        labels.append(line.group("label") or None)
        removed.append(Removed("page-number", line.group(0).strip()))
    return FORM_FEED.join(pieces), labels
