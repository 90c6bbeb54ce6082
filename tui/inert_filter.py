"""The terminal UI's last line of defence: no screen line carries an unsafe character.

Notes and names are cleaned at input and every widget is given text, never
markup; but a store written before input cleaning existed, or by another
program, still holds whatever it holds, and a report title, a footnote or an
entity alias reaches a dozen widgets. This filter is applied by Textual to
every line of every widget just before it is drawn (App.get_line_filters), so
none of them can pass an escape sequence (an OSC 52 writing the clipboard, an
OSC 0 renaming the window), a control, or a bidi override to the terminal,
whichever widget shows it (sources.inert.inert_cells; the characters it
removes are zero cells wide, so nothing moves).
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from claimdesk.sources.inert import inert_cells


class InertText(LineFilter):
    """Removes escapes' introducers, controls, bidi and invisible characters from drawn text."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            segment if segment.control or not segment.text else Segment(inert_cells(segment.text), segment.style, segment.control)
            for segment in segments
        ]
