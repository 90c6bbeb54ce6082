"""The reading text, drawn line by line (Textual's Line API).

A Markdown widget or a TextArea of a whole report cannot open a 10 MB report
quickly; this view wraps the text into rows of offsets once per width, and
draws only the rows on screen, each from the text, the claims, the selection
and the cursor. Rows are wrapped on what is drawn, markers and confidence
badges included (row_wrap), so no character is ever pushed past the edge; and
every drawn segment carries the widget's style, so the theme's background is
under every cell and NO_COLOR's monochrome filter has a style to work on. Report text is only ever turned into rich Text objects, never
parsed as markup, so "[bold]" in a report shows as "[bold]".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from claimdesk.tui.widgets.row_wrap import Decorations, text_cells, wrap_rows

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
STATUSES = ("unreviewed", "verified", "disputed", "false", "unverifiable", "needs-review")
CONFIDENCE_BADGES = {1: "①", 2: "②", 3: "③", 4: "④", 5: "⑤"}


@dataclass
class ClaimSpan:
    id: int
    start: int
    end: int
    status: str
    confidence: int | None


def marker_mark(label: str) -> str:
    """How a footnote marker is drawn: superscript digits, else its label in brackets."""
    return label.translate(SUPERSCRIPT) if label.isdigit() else f"[{label}]"


class ReportView(ScrollView, can_focus=True):
    """A report's reading text with claims, markers, selection and a cursor.

    Colours come from component classes styled in claimdesk.tcss with theme
    variables, so they follow the light or dark theme.
    """

    COMPONENT_CLASSES = {
        *(f"report-view--{status}" for status in STATUSES),
        "report-view--heading",
        "report-view--marker",
        "report-view--found",
        "report-view--selection",
        "report-view--cursor",
    }

    BINDINGS = [
        Binding("left", "move(-1)", "Left", show=False, id="reader.left"),
        Binding("right", "move(1)", "Right", show=False, id="reader.right"),
        Binding("up", "move_row(-1)", "Up", show=False, id="reader.up"),
        Binding("down", "move_row(1)", "Down", show=False, id="reader.down"),
        Binding("shift+left", "move(-1, True)", "Select left", show=False, id="reader.select_left"),
        Binding("shift+right", "move(1, True)", "Select right", show=False, id="reader.select_right"),
        Binding("shift+up", "move_row(-1, True)", "Select up", show=False, id="reader.select_up"),
        Binding("shift+down", "move_row(1, True)", "Select down", show=False, id="reader.select_down"),
        Binding("ctrl+left", "word(-1)", "Word left", show=False, id="reader.word_left"),
        Binding("ctrl+right", "word(1)", "Word right", show=False, id="reader.word_right"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="reader.page_up"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="reader.page_down"),
        Binding("home", "row_edge(0)", "Line start", show=False, id="reader.home"),
        Binding("end", "row_edge(1)", "Line end", show=False, id="reader.end"),
        Binding("ctrl+home,g", "jump(0)", "Top", show=False, id="reader.top"),
        Binding("ctrl+end,G", "jump(1)", "Bottom", show=False, id="reader.bottom"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    class CursorMoved(Message):
        """The cursor moved; the panel shows the claim under it."""

        def __init__(self, view: "ReportView", offset: int) -> None:
            super().__init__()
            self.view = view
            self.offset = offset

    def __init__(self, text: str, markers: list[tuple[int, str]], headings: list[tuple[int, int]], **kwargs) -> None:
        super().__init__(**kwargs)
        self._cache: dict[int, Strip] = {}
        self._load(text, markers, headings)

    def _load(self, text: str, markers: list[tuple[int, str]], headings: list[tuple[int, int]]) -> None:
        self.text = text
        self.markers = sorted(markers)
        self._marker_offsets = [offset for offset, _ in self.markers]
        self.headings = sorted(headings)
        self.claims: list[ClaimSpan] = []
        self.highlights: list[tuple[int, int]] = []
        self.anchor: int | None = None
        self.rows: list[tuple[int, int]] = []
        self._row_starts: list[int] = []
        self._wrapped_width = 0
        self._decorations = Decorations((offset, cell_len(marker_mark(label))) for offset, label in self.markers)
        self._cache.clear()

    def set_text(self, text: str, markers: list[tuple[int, str]], headings: list[tuple[int, int]]) -> None:
        """Show another revision's text: claims, highlights and the selection are
        cleared (their offsets were of the old text); the cursor stays in range."""
        self._load(text, markers, headings)
        self.set_reactive(ReportView.cursor, min(self.cursor, len(text)))
        if self.is_mounted:
            self._relayout()

    # layout ------------------------------------------------------------
    DEFAULT_CSS = """
    ReportView { overflow-x: hidden; }
    """

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()

    def _relayout(self) -> None:
        region = self.scrollable_content_region
        width = region.width
        if not self.show_vertical_scrollbar and len(self.text) > region.width * region.height:
            # The scrollbar will appear once the rows are known: leave it room now
            # rather than wrap a 10 MB report twice (render_lines would correct a wrong guess).
            width -= self.styles.scrollbar_size_vertical
        # One cell is kept free at the right, for the cursor after a row's last character.
        width = max(2, width - 1)
        if width == self._wrapped_width and self.rows:
            return
        self._wrapped_width = width
        self.rows = wrap_rows(self.text, width, self._decorations)
        self._rows_changed()

    def _rows_changed(self) -> None:
        self._row_starts = [start for start, _ in self.rows]
        self.virtual_size = Size(self._wrapped_width, len(self.rows))
        self._cache.clear()
        self.refresh()

    def _rewrap_lines_at(self, offsets: set[int]) -> None:
        """Wrap again only the lines (paragraphs) holding these offsets: a badge
        came or went there, and a 10 MB report is not wrapped again for it."""
        if not self.rows:
            return
        for offset in sorted(offsets):
            line_start = self.text.rfind("\n", 0, offset) + 1
            line_end = self.text.find("\n", offset)
            line_end = len(self.text) if line_end < 0 else line_end
            first = bisect.bisect_left(self._row_starts, line_start)
            last = bisect.bisect_right(self._row_starts, line_end)
            rewrapped = wrap_rows(self.text, self._wrapped_width, self._decorations, line_start, line_end)
            self.rows[first:last] = rewrapped
            # The new rows, all of them: slicing self.rows again would take only as many as
            # it replaced, and the next offset's line would be found among stale starts.
            self._row_starts[first:last] = [start for start, _ in rewrapped]
        self._rows_changed()

    def row_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._row_starts, offset) - 1)

    # state changes --------------------------------------------------------
    def set_claims(self, claims: list[ClaimSpan]) -> None:
        self.claims = sorted(claims, key=lambda c: c.start)
        decorations = Decorations([
            *((offset, cell_len(marker_mark(label))) for offset, label in self.markers),
            *((claim.start, cell_len(CONFIDENCE_BADGES[claim.confidence])) for claim in self.claims if claim.confidence),
        ])
        changed = {offset for offset in {*decorations.offsets, *self._decorations.offsets}
                   if decorations.cells_at.get(offset) != self._decorations.cells_at.get(offset)}
        self._decorations = decorations
        if changed:
            self._rewrap_lines_at(changed)
        self._cache.clear()
        self.refresh()

    def set_highlights(self, spans: list[tuple[int, int]]) -> None:
        self.highlights = spans
        self._cache.clear()
        self.refresh()

    @property
    def selection(self) -> tuple[int, int] | None:
        if self.anchor is None or self.anchor == self.cursor:
            return None
        return (min(self.anchor, self.cursor), max(self.anchor, self.cursor))

    def select(self, start: int, end: int) -> None:
        self.anchor = start
        self.cursor = end
        self._cache.clear()
        self.refresh()

    def clear_selection(self) -> None:
        if self.anchor is not None:
            self.anchor = None
            self._cache.clear()
            self.refresh()

    def move_to(self, offset: int, *, extend: bool = False, center: bool = False) -> None:
        offset = max(0, min(len(self.text), offset))
        if extend and self.anchor is None:
            self.anchor = self.cursor
        if not extend and self.anchor is not None:
            self.anchor = None
            self._cache.clear()
            self.refresh()
        old_row = self.row_of(self.cursor)
        self.cursor = offset
        if extend:
            self._cache.clear()
            self.refresh()
        else:
            self._cache.pop(old_row, None)
            self._cache.pop(self.row_of(offset), None)
            self.refresh_line(old_row - int(self.scroll_offset.y))
            self.refresh_line(self.row_of(offset) - int(self.scroll_offset.y))
        row = self.row_of(offset)
        if center:
            self.scroll_to(y=max(0, row - self.scrollable_content_region.height // 3), animate=False)
        elif row < self.scroll_offset.y:
            self.scroll_to(y=row, animate=False)
        elif row >= self.scroll_offset.y + self.scrollable_content_region.height:
            self.scroll_to(y=row - self.scrollable_content_region.height + 1, animate=False)

    def watch_cursor(self, offset: int) -> None:
        self.post_message(self.CursorMoved(self, offset))

    # actions --------------------------------------------------------------
    def action_move(self, delta: int, extend: bool = False) -> None:
        self.move_to(self.cursor + delta, extend=extend)

    def action_move_row(self, delta: int, extend: bool = False) -> None:
        if not self.rows:
            return
        row = self.row_of(self.cursor)
        column = self.cursor - self.rows[row][0]
        target = max(0, min(len(self.rows) - 1, row + delta))
        start, end = self.rows[target]
        self.move_to(min(start + column, end), extend=extend)

    def action_word(self, direction: int) -> None:
        if direction > 0:
            match = re.compile(r"\W*\w+").match(self.text, self.cursor)
            self.move_to(match.end() if match else len(self.text))
        else:
            before = self.text[:self.cursor]
            match = re.search(r"\w+\W*$", before)
            self.move_to(match.start() if match else 0)

    def action_page(self, direction: int) -> None:
        self.action_move_row(direction * max(1, self.scrollable_content_region.height - 2))

    def action_row_edge(self, which: int) -> None:
        start, end = self.rows[self.row_of(self.cursor)]
        self.move_to(end if which else start)

    def action_jump(self, which: int) -> None:
        self.move_to(len(self.text) if which else 0, center=True)

    # mouse ----------------------------------------------------------------
    def _offset_at(self, event: events.MouseEvent) -> int:
        """The text offset under the mouse, markers' and wide characters' extra columns accounted for."""
        if not self.rows:
            return 0
        position = event.get_content_offset(self) or event.offset
        row = max(0, min(len(self.rows) - 1, int(position.y + self.scroll_offset.y)))
        start, end = self.rows[row]
        widths: dict[int, int] = {}
        for offset, mark, _component in self._row_inserts(start, end):
            widths[offset] = widths.get(offset, 0) + cell_len(mark)
        column = 0
        for offset in range(start, end):
            column += widths.get(offset, 0)
            cells = text_cells(self.text[offset])  # a wide character takes two columns
            if position.x < column + cells:
                return offset
            column += cells
        return end

    def on_mouse_down(self, event: events.MouseDown) -> None:
        self.focus()
        self.move_to(self._offset_at(event))
        self.anchor = self.cursor
        self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if event.button and self.anchor is not None:
            offset = self._offset_at(event)
            if offset != self.cursor:
                self.cursor = offset
                self._cache.clear()
                self.refresh()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        self.release_mouse()
        if self.anchor == self.cursor:
            self.anchor = None

    # drawing --------------------------------------------------------------
    def render_lines(self, crop):
        # The widget's style is the same for every row of one pass; computing it
        # per row (a DOM walk) costs more than drawing the row.
        self._base_style = self.rich_style
        # A vertical scrollbar that appears once the rows are known narrows the
        # view without a Resize event: wrap again, or the last columns are hidden.
        self._relayout()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        base = getattr(self, "_base_style", None) or self.rich_style
        row = y + int(self.scroll_offset.y)
        if row >= len(self.rows):
            return Strip.blank(self.size.width, base)
        if row not in self._cache:
            if len(self._cache) > 2000:
                self._cache.clear()
            self._cache[row] = self._render_row(row, base)
        return self._cache[row].crop_extend(0, self.size.width, base)

    def _render_row(self, row: int, base: Style) -> Strip:
        start, end = self.rows[row]
        # A tab is drawn as one space (offsets stay one cell a character); sent raw, it would move the terminal's cursor.
        line = Text(self.text[start:end].replace("\t", " "), style=base, end="")
        style = self.get_component_rich_style
        if self._is_heading(start):
            line.stylize(style("report-view--heading"))
        for claim in self._overlapping(start, end):
            line.stylize(style(f"report-view--{claim.status}"), max(claim.start, start) - start, min(claim.end, end) - start)
        for low, high in self.highlights:
            if low < end and high > start:
                line.stylize(style("report-view--found"), max(low, start) - start, min(high, end) - start)
        selection = self.selection
        if selection and selection[0] < end and selection[1] > start:
            line.stylize(style("report-view--selection"), max(selection[0], start) - start, min(selection[1], end) - start)
        if start <= self.cursor <= end:
            column = self.cursor - start
            if column >= len(line.plain):
                line.append(" ")
            line.stylize(style("report-view--cursor"), column, column + 1)
        line = self._with_markers(line, start, end)
        # Text.render gives a row without spans no style at all: the terminal's
        # own background showed through, and NO_COLOR's filter failed on None.
        segments = [segment if segment.style else Segment(segment.text, base) for segment in line.render(self.app.console)]
        return Strip(segments).simplify()

    def _row_inserts(self, start: int, end: int) -> list[tuple[int, str, str]]:
        """What is drawn between the characters of a row: footnote markers as
        superscript numbers, and each claim's confidence as a circled digit at
        its start. (offset, text, component class), in offset order."""
        low = bisect.bisect_left(self._marker_offsets, start)
        high = bisect.bisect_right(self._marker_offsets, end)
        inserts = [
            (offset, marker_mark(label), "report-view--marker")
            for offset, label in self.markers[low:high]
            if offset < end or not row_continues(self.text, end) or start == end
        ]
        for claim in self.claims:
            if claim.start >= end:
                break
            if start <= claim.start < end and claim.confidence:
                inserts.append((claim.start, CONFIDENCE_BADGES[claim.confidence], f"report-view--{claim.status}"))
        return sorted(inserts, key=lambda item: item[0])

    def _with_markers(self, line: Text, start: int, end: int) -> Text:
        inserts = self._row_inserts(start, end)
        if not inserts:
            return line
        result = Text("", style=line.style, end="")
        cursor = 0
        for offset, mark, component in inserts:
            column = offset - start
            result.append_text(line[cursor:column])
            result.append(mark, style=self.get_component_rich_style(component) + Style(bold=True))
            cursor = column
        result.append_text(line[cursor:])
        return result

    def _is_heading(self, start: int) -> bool:
        index = bisect.bisect_right(self.headings, (start, float("inf"))) - 1
        return index >= 0 and self.headings[index][0] <= start < self.headings[index][1]

    def _overlapping(self, start: int, end: int):
        for claim in self.claims:
            if claim.start >= end:
                break
            if claim.end > start:
                yield claim

    def claim_at(self, offset: int) -> ClaimSpan | None:
        inside = [c for c in self.claims if c.start <= offset < c.end]
        return min(inside, key=lambda c: c.end - c.start) if inside else None


def row_continues(text: str, offset: int) -> bool:
    return offset < len(text) and text[offset] not in "\n"
