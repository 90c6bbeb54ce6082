"""The title page of a digitised book: title, author and imprint set in capitals.

A book printed before the twentieth century opens with a page that a scan's text
gives line for line: the title, broken over short lines ("THE DRAINAGE / OF /
HARROWMERE FEN:"), perhaps a subtitle, then "BY" or "BY THE" with the author's
name and style ("REV. JOSIAH PELLEW, M.A.,"), the author's office, and the
imprint: the place, the publisher and the year ("LONDON: / LONGMANS, GREEN, AND
CO. / 1868."). The general cover reader reads one title line and stops at "OF".

Only a page that is all of that is read so: its own page (a page break after it),
short lines in capitals, a "BY" line and an imprint year. The lines read into
the metadata are the cover; every other line stays text.
"""

from __future__ import annotations

import re

from claimdesk.sources.header import CoverInfo

TITLE_PAGE_LINES_MAX = 30
LINE_CHARS_MAX = 70
_CAPITALS_SHARE = 0.85
_BY = re.compile(r"^BY(?:\s+THE)?(?:\s+(?P<name>.+?))?[\s,.]*$")
_YEAR = re.compile(r"^(?:[A-Z .,:]+[,.]?\s+)?(?P<year>1[4-9]\d\d)\.?$")
_NAME_STYLE_END = re.compile(r"[\s,.;]+$")


# Words that join a title broken over lines: "A TREATISE / ON THE / OYSTER FISHERIES".
_JOINING = frozenset("a an and the of on in for to with from upon concerning into by".split())


def _title_lines(lines: list[str], first_paragraph: int) -> list[str]:
    """The title's lines: the first paragraph's, or on over blank lines while a line ends or
    starts with a joining word; a line that ends with a stop or a colon ends the title."""
    title = [lines[0]]
    for index in range(1, len(lines)):
        previous, line = title[-1], lines[index]
        if previous.endswith((".", ":", ";", ",")):
            break
        joined = previous.split()[-1].lower() in _JOINING or line.split()[0].lower() in _JOINING
        if index < first_paragraph or joined:
            title.append(line)
        else:
            break
    return title


def read_title_page(paragraphs: list[str]) -> tuple[CoverInfo, set[str]] | None:
    """(what the title page says, its lines read into it) from the paragraphs of the first
    page; None unless they are a book's title page."""
    lines = [line.strip() for paragraph in paragraphs for line in paragraph.split("\n") if line.strip()]
    if not lines or len(lines) > TITLE_PAGE_LINES_MAX or any(len(line) > LINE_CHARS_MAX for line in lines):
        return None
    letters = [char for char in "".join(lines) if char.isalpha()]
    if not letters or sum(char.isupper() for char in letters) < _CAPITALS_SHARE * len(letters):
        return None
    by_index = next((index for index, line in enumerate(lines) if _BY.match(line)), None)
    year_index = next((index for index in range(len(lines) - 1, -1, -1) if _YEAR.match(lines[index])), None)
    if by_index is None or year_index is None or by_index == 0 or year_index < by_index:
        return None
    first_paragraph = len([line for line in paragraphs[0].split("\n") if line.strip()])
    title_lines = _title_lines(lines[:by_index], first_paragraph)
    name_line = _BY.match(lines[by_index]).group("name")
    read = {line.strip() for line in title_lines} | {lines[by_index], lines[year_index]}
    if not name_line and by_index + 1 < len(lines):
        name_line = lines[by_index + 1]
        read.add(name_line)
    info = CoverInfo()
    info.title = _NAME_STYLE_END.sub("", " ".join(" ".join(line.split()) for line in title_lines)).rstrip(":")
    info.authors = [_NAME_STYLE_END.sub("", name_line)] if name_line else []
    info.date = _YEAR.match(lines[year_index]).group("year")
    return info, read
