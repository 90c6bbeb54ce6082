"""The title page of a digitised book: title, author and imprint set in capitals.

A book printed before the twentieth century opens with a page that a scan's text
gives line for line: the title, broken over short lines ("THE DRAINAGE / OF /
HARROWMERE FEN:"), perhaps a subtitle, then "BY" or "BY THE" with the author's
name and style ("REV. JOSIAH PELLEW, M.A.,"), the author's office, and the
imprint: the place, the publisher and the year ("LONDON: / LONGMANS, GREEN, AND
CO. / 1868."). The general cover reader reads one title line and stops at "OF".

A government report's title page puts the issuing office over the title
("DEPARTMENT OF COMMERCE / BUREAU OF FISHERIES / HUGH M. SMITH, Commissioner"),
sets the byline in small capitals ("By H. F. WENDELL") and its series and issue
in upper and lower case ("Bureau of Fisheries Document No. 812 / Issued March 18,
1916") over the printer's imprint ("WASHINGTON / GOVERNMENT PRINTING OFFICE /
1916"): the office's lines are passed over (they stay text), and a full date of
issue in the imprint's year dates the report.

Only a page that is all of that is read so: its own page (a page break after it),
a title in short lines of capitals, a "BY" line and an imprint year. The lines
read into the metadata are the cover; every other line stays text.
"""

from __future__ import annotations

import re

from claimdesk.sources.header import CoverInfo, parse_date

TITLE_PAGE_LINES_MAX = 30
LINE_CHARS_MAX = 70
"""A title's line; the series line under a report's byline may run to OTHER_LINE_CHARS_MAX."""
OTHER_LINE_CHARS_MAX = 90
_CAPITALS_SHARE = 0.85
# "BY", and the French, German and Spanish title pages' "PAR", "VON", "POR"
_BY = re.compile(r"^(?:BY|By|PAR|Par|VON|Von|POR|Por)(?:\s+THE)?(?:\s+(?P<name>[^a-z].*?))?[\s,.]*$")
# The issuing office over a report's title: "U. S. DEPARTMENT OF AGRICULTURE", "BUREAU OF
# FISHERIES", "BUREAU OF PLANT INDUSTRY—BULLETIN NO. 131.", "HUGH M. SMITH, Commissioner",
# "B. T. GALLOWAY, Chief of Bureau.", "BULLETIN No. 112".
_OFFICE = re.compile(
    r"^(?:(?:U\.\s?S\.|UNITED STATES|[A-Z]+)\s+)?(?:DEPARTMENT|BUREAU|OFFICE|DIVISION|MINISTRY|BOARD|COMMISSION|SERVICE)\b"
    r"[A-Z ,.&—–-]*(?:N[Oo]\.\s*\d+\.?)?$"
    r"|^[A-Z][A-Z. ]+,\s*(?:Commissioner|Secretary|Director|Chief|Chairman|Superintendent|Minister)(?: of [A-Z][a-z]+)?\.?$"
    r"|^(?:BULLETIN|CIRCULAR|DOCUMENT|REPORT|Bulletin|Circular|Document)\s+No\.\s*\d+\.?$"
)
# A town's or county's report names the authority over its title ("BOROUGH OF HALESBY." / "REPORT /
# ON THE / SANITARY CONDITION / …"): the authority is its office when a report's title follows.
_AUTHORITY = re.compile(
    r"^(?:(?:COUNTY|METROPOLITAN|MUNICIPAL|ROYAL|PARLIAMENTARY|ROYAL\s+BURGH)\s+)?"
    r"(?:BOROUGH|COUNTY|CITY|TOWN|PARISH|BURGH|(?:URBAN|RURAL|SANITARY)\s+DISTRICT|UNION|PORT)\s+OF\s+[A-Z][A-Z .,'’&-]*$")
_REPORT_TITLE = re.compile(r"^(?:(?:FIRST|SECOND|THIRD|FOURTH|FIFTH|ANNUAL|ANNUAL\s+SANITARY|GENERAL|FINAL|SPECIAL)\s+)?"
                           r"(?:REPORT|REPORTS|ABSTRACT|RETURN|RETURNS|STATEMENT|MINUTES|ACCOUNTS?)\b")
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
    placed = [(number, line.strip()) for number, paragraph in enumerate(paragraphs)
              for line in paragraph.split("\n") if line.strip()]
    lines = [line for _, line in placed]
    if not lines or len(lines) > TITLE_PAGE_LINES_MAX or any(len(line) > OTHER_LINE_CHARS_MAX for line in lines):
        return None
    by_index = next((index for index, line in enumerate(lines) if _BY.match(line)), None)
    year_index = next((index for index in range(len(lines) - 1, -1, -1) if _YEAR.match(lines[index])), None)
    if by_index is None or year_index is None or year_index < by_index:
        return None
    start = 0
    while start < by_index and (_OFFICE.match(lines[start]) or (
            _AUTHORITY.match(lines[start]) and start + 1 < by_index and _REPORT_TITLE.match(lines[start + 1]))):
        start += 1
    if start == by_index or (start and placed[start][0] == placed[start - 1][0]):
        return None  # no title, or the office's lines run into it
    # A book's page is all capitals; a report's title and byline are, under its office.
    judged = lines[start: by_index + 1] if start else lines
    if any(len(line) > LINE_CHARS_MAX for line in judged) or not in_capitals(judged):
        return None
    first_paragraph = sum(1 for number, _ in placed[start:] if number == placed[start][0])
    title_lines = _title_lines(lines[start:by_index], first_paragraph)
    name_line = _BY.match(lines[by_index]).group("name")
    read = {line.strip() for line in title_lines} | {lines[by_index], lines[year_index]}
    if not name_line and by_index + 1 < len(lines):
        name_line = lines[by_index + 1]
        read.add(name_line)
    info = CoverInfo()
    info.title = _NAME_STYLE_END.sub("", " ".join(" ".join(line.split()) for line in title_lines)).rstrip(":")
    info.authors = [_NAME_STYLE_END.sub("", name_line)] if name_line else []
    info.date = _YEAR.match(lines[year_index]).group("year")
    for line in lines[by_index + 1: year_index]:
        issued = parse_date(line)
        if issued and issued.startswith(info.date + "-"):
            info.date = issued  # "Issued March 18, 1916" over the imprint's "1916"
            read.add(line)
            break
    return info, read


def in_capitals(lines: list[str], share: float = _CAPITALS_SHARE) -> bool:
    """Set in capitals: at least `share` of the letters are ("LIBRAIRIE HACHETTE ET Cie", its "ie" in small type)."""
    letters = [char for char in "".join(lines) if char.isalpha()]
    return bool(letters) and sum(char.isupper() for char in letters) >= share * len(letters)


def imprint_end(lines: list[str]) -> int | None:
    """The index of the line that ends a title page at the top of `lines`: the imprint's year
    ("1916", "LONDON, 1868.") under a line in capitals (the printer, the publisher), after a
    "BY" line; None when the opening lines are no such page."""
    filled = 0
    by_seen = False
    previous = ""
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        filled += 1
        if filled > TITLE_PAGE_LINES_MAX:
            return None
        by_seen = by_seen or bool(_BY.match(line.strip()))
        if by_seen and _YEAR.match(line.strip()) and in_capitals([previous]):
            return index
        previous = line.strip()
    return None


def imprint_year(lines: list[str]) -> str | None:
    """The year of the imprint of a title page at the top of `lines` ("LONDON: / … / 1867."),
    or None: the year the work was printed, as its own page says."""
    index = imprint_end(lines)
    return _YEAR.match(lines[index].strip()).group("year") if index is not None else None
