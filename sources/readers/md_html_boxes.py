"""Boxes of a site's furniture written as raw HTML into a Markdown post.

A static site's post file carries the theme's boxes inline: a newsletter form (<div
class="newsletter-inline">), a "Read also" link (<div class="read-also">), a footer with the
tags, share links and related posts (<div class="post-footer"> … </div>, with Markdown between
the tags). The opening tag names the box as a page's class does; the HTML reader's reading of
class words says what kind it is. A box whose tags stand on lines of their own goes to
`removed` whole, with what it wraps; a box the markup does not name stays text.
"""

from __future__ import annotations

import re

from claimdesk.sources.model import Removed
from claimdesk.sources.readers.html_content import kind_of_opening_tag

_BOX_OPENING = re.compile(r"^[ \t]{0,3}(?P<opening><(?P<tag>div|aside|section|nav|footer|header|form)\b[^<>\n]*>)[ \t]*$", re.I)
_BOX_LINES_MAX = 80
"""A box is a few lines; an element that wraps more is a layout's, not a box."""
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_TAG = re.compile(r"<[^<>\n]*>")


def take_furniture_boxes(text: str, removed: list[Removed]) -> str:
    if "<" not in text:
        return text
    lines = text.split("\n")
    kept: list[str] = []
    index = 0
    while index < len(lines):
        opening = _BOX_OPENING.match(lines[index])
        kind = kind_of_opening_tag(opening.group("tag"), opening.group("opening")) if opening else None
        end = _closing_line(lines, index, opening.group("tag")) if kind else None
        if end is None:
            kept.append(lines[index])
            index += 1
            continue
        shown = " ".join(_shown(line) for line in lines[index:end + 1])
        if shown.strip():
            removed.append(Removed(kind, " ".join(shown.split())))
        index = end + 1
    return "\n".join(kept)


_EMPHASIS = re.compile(r"(?<!\w)[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?!\w)")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")


def _shown(line: str) -> str:
    """What a line of the box shows: no tags, link targets, emphasis marks or list bullets."""
    return " ".join(_EMPHASIS.sub("", _LIST_MARK.sub("", _TAG.sub(" ", _LINK.sub(r"\1", line)))).split())


def _closing_line(lines: list[str], start: int, tag: str) -> int | None:
    """The line that closes the element opened on lines[start], counting the same tag's nesting."""
    opens = re.compile(rf"<{tag}\b", re.I)
    closes = re.compile(rf"</{tag}\s*>", re.I)
    depth = 0
    for index in range(start, min(len(lines), start + _BOX_LINES_MAX)):
        depth += len(opens.findall(lines[index])) - len(closes.findall(lines[index]))
        if depth <= 0:
            return index
    return None
