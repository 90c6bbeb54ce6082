"""The reader's rows, wrapped on what is drawn, not on the plain text.

The reader draws decorations between the characters of a report: footnote
markers as superscript numbers and each claim's confidence as a circled digit.
Wrapping the plain text and inserting those afterwards pushed a row's last
characters past the edge, where they were cropped ("would count nearl" /
"100 units"); a hidden digit is a wrong figure. So each row is measured as it
will be drawn (its characters' cells, wide characters counting two, plus the
decorations it carries) and broken earlier when that does not fit.

A decoration belongs to the row of the character it is drawn before; one at a
line's end (after its last character) belongs to the line's last row. The
reader draws them by the same rule (ReportView._row_inserts). A row holds at
least one character, so decorations at one offset wider than the whole row
(ten markers on one word at 20 columns) would still push it out; one marker
and a badge fit any row of ten columns or more.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterable

from rich._unicode_data import load as load_cell_table
from rich.cells import cell_len


class Decorations:
    """Cells drawn before the character at each offset, summed over a range in O(log n)."""

    def __init__(self, items: Iterable[tuple[int, int]] = ()) -> None:
        cells: dict[int, int] = {}
        for offset, width in items:
            cells[offset] = cells.get(offset, 0) + width
        self.cells_at = cells
        self.offsets = sorted(cells)
        self._prefix = [0]
        for offset in self.offsets:
            self._prefix.append(self._prefix[-1] + cells[offset])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Decorations) and self.cells_at == other.cells_at

    def _span(self, low: int, high: int) -> tuple[int, int]:
        """Indexes of the decorations at offsets low..high, both included."""
        return bisect.bisect_left(self.offsets, low), bisect.bisect_right(self.offsets, high)

    def cells(self, low: int, high: int) -> int:
        first, last = self._span(low, high)
        return self._prefix[last] - self._prefix[first]

    def last(self, low: int, high: int) -> int | None:
        first, last = self._span(low, high)
        return self.offsets[last - 1] if last > first else None


NO_DECORATIONS = Decorations()


def _may_be_wide() -> re.Pattern:
    """Characters that can take two cells, from the table rich measures with:
    the wide ones, and the emoji variation selector (which widens a digit, a
    star or a heart before it). Every character beyond the Basic Multilingual
    Plane counts as possibly wide: kept inside it, the class is a bitmap that
    re scans in C at a few nanoseconds a character."""
    table = load_cell_table("auto")
    ranges = [f"{re.escape(chr(low))}-{re.escape(chr(min(high, 0xFFFF)))}" for low, high, cells in table.widths if cells == 2 and low <= 0xFFFF]
    return re.compile(f"[{''.join(ranges)}\ufe0f\U00010000-\U0010ffff]")


MAY_BE_WIDE = _may_be_wide()


def narrow(text: str) -> bool:
    """Every character takes one cell at most (so the length bounds the cells); a scan in C."""
    return text.isascii() or MAY_BE_WIDE.search(text) is None


def text_cells(text: str) -> int:
    """Terminal cells the text takes as the reader draws it (a tab is drawn as one space).

    For narrow text its length: exact but for combining accents, which it
    counts as a cell each, so such a row only breaks a little early."""
    if not text or narrow(text):
        return len(text)
    return cell_len(text) + text.count("\t")


def drawn_width(text: str, start: int, end: int, line_end: int, decorations: Decorations) -> int:
    """Cells from the row's first to its last visible thing (character or decoration)."""
    high = end if end == line_end else end - 1
    visible_end = start + len(text[start:end].rstrip())
    last = decorations.last(start, high)
    if last is not None and last > visible_end:
        visible_end = last
    return text_cells(text[start:visible_end]) + decorations.cells(start, high)


def wrap_rows(text: str, width: int, decorations: Decorations = NO_DECORATIONS, start: int = 0, stop: int | None = None) -> list[tuple[int, int]]:
    """Rows of (start, end) offsets for the lines from `start` (a line's start)
    to `stop` (a line's end, default the text's): greedy word wrap, paragraphs
    kept apart, no row drawn wider than `width`.

    One compiled pattern per width does the greedy fill in C: up to `width`
    characters ending before white space (which the row keeps), else a hard cut
    of a word longer than the row. Each row is then measured as drawn and, if
    its decorations or wide characters make it too wide, broken earlier.
    Blank lines are rows of their own; inside a line, rows follow each other
    with no gap.
    """
    width = max(2, width)
    stop = len(text) if stop is None else stop
    pattern = _row_pattern(width)
    rows: list[tuple[int, int]] = []
    append = rows.append
    line_start = start
    while line_start <= stop:
        line_end = text.find("\n", line_start, stop)
        if line_end < 0:
            line_end = stop
        if line_end == line_start or line_end - line_start <= width and drawn_width(text, line_start, line_end, line_end, decorations) <= width:
            append((line_start, line_end))
        else:
            _wrap_line(text, line_start, line_end, width, pattern, decorations, append)
        line_start = line_end + 1
    return rows


def _wrap_line(text, line_start, line_end, width, pattern, decorations, append) -> None:
    # A line of narrow characters with no decoration takes at most a cell a
    # character: a row no longer than the width fits without being measured
    # (most rows of a report).
    plain = decorations.last(line_start, line_end) is None and narrow(text[line_start:line_end])
    position = line_start
    while position < line_end:
        for match in pattern.finditer(text, position, line_end):
            row_start, row_end = position, match.end()  # from `position`: white space the pattern skipped stays in a row
            if (plain and row_end - row_start <= width) or drawn_width(text, row_start, row_end, line_end, decorations) <= width:
                append((row_start, row_end))
                position = row_end
                continue
            position = _fitting_end(text, row_start, row_end, line_end, width, decorations)
            append((row_start, position))
            break  # the pattern starts again after the shortened row
        else:
            if position < line_end:  # only white space is left after a hard cut
                append((position, line_end))
            return


def _fitting_end(text: str, start: int, end: int, line_end: int, width: int, decorations: Decorations) -> int:
    """Where a row too wide as drawn must end: the last break before a word that
    fits, else the longest cut that fits, else one character."""
    for cut in range(end - 1, start, -1):
        if text[cut - 1].isspace() and not text[cut].isspace() and drawn_width(text, start, cut, line_end, decorations) <= width:
            return cut
    for cut in range(end - 1, start, -1):
        if drawn_width(text, start, cut, line_end, decorations) <= width:
            return cut
    return start + 1


_ROW_PATTERNS: dict[int, re.Pattern] = {}


def _row_pattern(width: int) -> re.Pattern:
    if width not in _ROW_PATTERNS:
        _ROW_PATTERNS[width] = re.compile(rf"\S.{{0,{width - 1}}}(?=\s|$)\s*|\S{{{width}}}|\s+\S.{{0,{max(0, width - 2)}}}(?=\s|$)\s*")
    return _ROW_PATTERNS[width]
