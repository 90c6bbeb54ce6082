"""Two columns of prose side by side, as `pdftotext -layout` prints a page set in columns.

Layout mode keeps each printed line where it stood, so a two-column abstract comes
out row by row: "Most water utilities in low- and middle-      The paper simulates
three revenue-neutral". Read so, every line runs two sentences into one. The
columns are told by their gutter: a run of lines (six at least) that all leave the
same few character cells blank, with prose on both sides of it in most of them.
Such a run is read as the page is: its left column first, then its right one; a row
that is blank in one column is a paragraph break in that column. A table has a
gutter too, but its cells are figures and short labels, not prose: it is left as it is.
Nothing is dropped or changed: only the order of the two halves of each line.
"""

from __future__ import annotations

import re

from claimdesk.sources.readers.common import WORD
from claimdesk.sources.readers.text_pages import FORM_FEED

GUTTER_MIN_SPACES = 4
"""The blank between two columns; words in a justified line are set two or three spaces apart at most."""
COLUMN_ROWS_MIN = 6
"""Rows of a run of columns, blank rows aside."""
TWO_SIDED_SHARE_MIN = 0.5
"""Most rows print something in both columns."""
PROSE_WORDS_MIN = 4.0
"""Words per row in each column, on average: a column of prose, not of cells."""
DIGITS_SHARE_MAX = 0.25
_GAP = re.compile(rf"(?<=\S) {{{GUTTER_MIN_SPACES},}}(?=\S)")


def unweave_columns(text: str) -> str:
    """The text with each run of two prose columns read column by column, page by page."""
    if " " * GUTTER_MIN_SPACES not in text:
        return text
    return FORM_FEED.join(_unweave_page(page) for page in text.split(FORM_FEED))


def _unweave_page(page: str) -> str:
    lines = page.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        run = _column_run(lines, index)
        if run is None:
            out.append(lines[index])
            index += 1
            continue
        end, gutter = run
        out.extend(_read_down(lines[index:end], gutter))
        index = end
    return "\n".join(out)


def _column_run(lines: list[str], start: int) -> tuple[int, int] | None:
    """(the line after the run, the gutter's middle column) of a run of two columns starting at lines[start]."""
    gap = _GAP.search(lines[start].rstrip())
    if not gap:
        return None
    gutter = (gap.start() + gap.end()) // 2
    end = start
    while end < len(lines) and _fits(lines[end], gutter):
        end += 1
    end = _end_of_last_row_pair(lines, start, end, gutter)
    rows = [line for line in lines[start:end] if line.strip()]
    two_sided = [line for line in rows if _is_two_sided(line, gutter)]
    if len(rows) < COLUMN_ROWS_MIN or len(two_sided) < TWO_SIDED_SHARE_MIN * len(rows):
        return None
    left = [line[:gutter] for line in rows if line[:gutter].strip()]
    right = [line[gutter:] for line in rows if line[gutter:].strip()]
    if not (_is_prose(left) and _is_prose(right)):
        return None
    return end, gutter


def _end_of_last_row_pair(lines: list[str], start: int, end: int, gutter: int) -> int:
    """Where the run stops: after its last row printed in both columns and the lines that run on from it.

    A column longer than its neighbour runs on below it without a blank row. What
    comes after a blank row with nothing in the right column is no column: the
    notes at the foot of the page ('3 Survey, op. cit.'), a rule, the page number.
    Left in the run, they would be read before the right column.
    """
    last = max((index for index in range(start, end) if _is_two_sided(lines[index], gutter)), default=start)
    stop = last + 1
    while stop < end and lines[stop].strip():
        stop += 1
    return stop


def _is_two_sided(line: str, gutter: int) -> bool:
    return bool(line[:gutter].strip() and line[gutter:].strip())


def _fits(line: str, gutter: int) -> bool:
    """The line leaves the gutter blank: it is blank, ends before it, starts after it, or has a gap across it."""
    if not line.strip():
        return True
    return len(line.rstrip()) < gutter - 1 or line[gutter - 1:gutter + 2].strip() == ""


def _is_prose(segments: list[str]) -> bool:
    text = " ".join(segments)
    words = len(WORD.findall(text))
    digits = sum(char.isdigit() for char in text)
    letters = sum(char.isalpha() for char in text)
    return words >= PROSE_WORDS_MIN * len(segments) and digits <= DIGITS_SHARE_MAX * max(1, letters + digits)


def _read_down(rows: list[str], gutter: int) -> list[str]:
    """The run's left column, a blank line, its right column; a row blank in a column breaks its paragraph."""
    left = [row[:gutter].rstrip() for row in rows]
    right = [row[gutter:].rstrip() for row in rows]
    return _without_blank_runs(left) + [""] + _without_blank_runs(right)


def _without_blank_runs(column: list[str]) -> list[str]:
    kept: list[str] = []
    for line in column:
        if line.strip() or (kept and kept[-1].strip()):
            kept.append(line if line.strip() else "")
    while kept and not kept[-1].strip():
        kept.pop()
    # The right column keeps the page's left margin before it: the common indentation goes.
    margin = min((len(line) - len(line.lstrip()) for line in kept if line.strip()), default=0)
    return [line[margin:] for line in kept]
