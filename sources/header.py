"""Title, authors and date from the cover of a report.

A converted PDF starts with its cover page: the title (often on two lines), the
authors, the publisher and the month of publication, each a short line of its
own. Front matter (Markdown) and <meta> tags (HTML) are read by their readers;
this module handles what is left: the lines before the body begins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan", "janvier", "enero"),
            ("february", "feb", "février", "fevrier", "febrero"),
            ("march", "mar", "mars", "marzo"),
            ("april", "apr", "avril", "abril"),
            ("may", "mai", "mayo"),
            ("june", "jun", "juin", "junio"),
            ("july", "jul", "juillet", "julio"),
            ("august", "aug", "août", "aout", "agosto"),
            ("september", "sep", "sept", "septembre", "septiembre"),
            ("october", "oct", "octobre", "octubre"),
            ("november", "nov", "novembre", "noviembre"),
            ("december", "dec", "décembre", "decembre", "diciembre"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"((?:19|20)\d\d)"
_DATE_FORMS = [
    (re.compile(rf"^{_YEAR}-(\d\d)-(\d\d)(?:[T ][\d:.]+Z?)?$"), ("y", "m", "d")),
    (re.compile(rf"^{_YEAR}-(\d\d)$"), ("y", "m")),
    (re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+{_YEAR}$", re.I), ("d", "M", "y")),
    (re.compile(rf"^{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}$", re.I), ("M", "d", "y")),
    (re.compile(rf"^{_MONTH},?\s+{_YEAR}$", re.I), ("M", "y")),
    (re.compile(rf"^(\d{{1,2}})/(\d{{1,2}})/{_YEAR}$"), ("d", "m", "y")),
    (re.compile(rf"^{_YEAR}/(\d{{1,2}})/(\d{{1,2}})$"), ("y", "m", "d")),
    (re.compile(rf"^{_YEAR}$"), ("y",)),
]
_DATE_PREFIX = re.compile(r"^(?:published|date|dated|updated|first published)\s*:?\s*(?:on\s+)?", re.I)


def parse_date(value: str) -> str | None:
    """ISO date as precise as the source: "July 2020" -> "2020-07"."""
    value = _DATE_PREFIX.sub("", value.strip()).strip(" .")
    for pattern, fields in _DATE_FORMS:
        match = pattern.match(value)
        if not match:
            continue
        parts = dict(zip(fields, match.groups()))
        year = parts["y"]
        month = int(parts["m"]) if "m" in parts else MONTHS[parts["M"].lower()] if "M" in parts else None
        day = int(parts["d"]) if "d" in parts else None
        if month is None:
            return year
        if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
            return None
        return f"{year}-{month:02d}" + (f"-{day:02d}" if day else "")
    return None


_PARTICLES = {"de", "del", "della", "der", "van", "von", "da", "di", "du", "le", "la", "bin", "ibn", "y", "dos", "das"}
_NOT_NAME_WORDS = {
    "institute", "institut", "centre", "center", "university", "foundation", "council", "press",
    "review", "agency", "ministry", "group", "office", "department", "association", "society",
    "bank", "commission", "observatory", "programme", "program", "forum", "network", "trust",
    "fund", "policy", "brief", "report", "paper", "working", "series", "journal", "research",
    "studies", "the", "and", "of", "for", "in", "on", "contents", "summary", "introduction",
    "abstract", "table", "notes", "edition", "draft", "version", "issue", "volume",
}
# A capitalised word of two letters or more, or initials with their periods.
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’\-]+|[A-ZÀ-ÖØ-Þ]\.(?:-?[A-ZÀ-ÖØ-Þ]\.)*)$")
_AUTHOR_PREFIX = re.compile(r"^(?:by|authors?|written by|par)\s*:?\s+", re.I)


def parse_author_line(line: str) -> list[str] | None:
    """Names on a cover line ("By Jane Doe and Ola Smith"), or None if it is not one."""
    line = _AUTHOR_PREFIX.sub("", line.strip()).strip(" .")
    if not line or len(line) > 160 or re.search(r"\d", line):
        return None
    candidates = [part.strip() for part in re.split(r",|;|\s+and\s+|\s+&\s+|\s+et\s+|\s+y\s+", line) if part.strip()]
    names = []
    for candidate in candidates:
        tokens = candidate.split()
        if not 2 <= len(tokens) <= 5:
            return None
        if any(token.lower().strip(".") in _NOT_NAME_WORDS for token in tokens):
            return None
        if not all(_NAME_TOKEN.match(token) or token.lower() in _PARTICLES for token in tokens):
            return None
        names.append(" ".join(_uncapitalise(token) for token in tokens))
    return names or None


def _uncapitalise(token: str) -> str:
    """PYATAKOV -> Pyatakov; initials and mixed case stay as written."""
    letters = token.replace("-", "").replace("'", "").replace("’", "")
    if len(letters) > 2 and letters.isupper():
        return "-".join(part.capitalize() for part in token.split("-"))
    return token


@dataclass
class CoverInfo:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    lines_used: int = 0
    """How many of the given cover lines are cover, not body."""


COVER_LINE_MAX = 150


_SENTENCE_END = re.compile(r"[.!][\"”’)]?[⁰¹²³⁴⁵⁶⁷⁸⁹\d\]\[]*$")
SECTION_NAMES = re.compile(
    r"^\W*(summary|abstract|introduction|conclusions?|foreword|preface|executive summary|contents|table of contents|"
    r"acknowledg(e)?ments|about the authors?|recommendations|notes|endnotes|references)\W*$",
    re.I,
)


def is_cover_line(line: str) -> bool:
    """Short, single-line, not a sentence, not a section: the stuff of a cover page."""
    line = line.strip()
    if not line or "\n" in line or len(line) > COVER_LINE_MAX or SECTION_NAMES.match(line):
        return False
    if re.search(r"[.!?][⁰¹²³⁴⁵⁶⁷⁸⁹]*\s+[A-Z]", line):
        return False
    # A sentence is body text, unless it is only a date or a byline ("July 2020.").
    return not _SENTENCE_END.search(line) or bool(parse_date(line) or parse_author_line(line))


def read_cover(lines: list[str]) -> CoverInfo:
    """Read title, authors and date from the cover lines that open a document."""
    info = CoverInfo()
    used = 0
    for line in lines:
        if not is_cover_line(line):
            break
        used += 1
        stripped = line.strip()
        date = parse_date(stripped)
        if date:
            info.date = info.date or date
            continue
        names = parse_author_line(stripped)
        if info.date and info.title and not names:
            used -= 1  # the date closes the cover; only authors may follow it
            break
        if names and info.title is not None:
            info.authors.extend(name for name in names if name not in info.authors)
            continue
        if info.title is None:
            info.title = stripped.rstrip(".")
        elif used == 2 and len(stripped.split()) >= 2 and not info.authors:
            # A second title line is the subtitle.
            separator = " " if info.title.endswith(":") or stripped[0].islower() else ": "
            info.title = info.title + separator + stripped.rstrip(".")
    info.lines_used = used
    return info
