"""A European Parliamentary Research Service publication as pdftotext gives it.

EPRS prints its briefings, "At a glance" notes and in-depth analyses on one template:
the kind ("BRIEFING") over the title and its subtitle; a summary and an "IN THIS
BRIEFING" box of contents; at the foot of the first page the imprint ("EPRS | European
Parliamentary Research Service" / "Author: Elke Marinova" / "Members' Research Service"
/ "PE 757.123 – March 2024" / "EN"); the service's name as the running head of every
page; and, on the last page, the "DISCLAIMER AND COPYRIGHT" block. The imprint names the
authors and the month of publication; it, the running heads, the box and the disclaimer
leave the text as such, and the title with them as the cover.
"""

from __future__ import annotations

import re

from claimdesk.sources.header import parse_author_line, parse_date
from claimdesk.sources.model import Removed
from claimdesk.sources.readers.text_masthead import Masthead

_KIND = re.compile(r"\A\s*(?:BRIEFING|AT A GLANCE|IN-DEPTH ANALYSIS|STUDY|BRIEFING PAPER)[ \t]*\n")
_SERVICE = "EPRS | European Parliamentary Research Service"
_SERVICE_LINE = re.compile(r"^EPRS\s*\|\s*European Parliamentary Research Service$")
_AUTHORS = re.compile(r"^Authors?\s*:\s*(?P<names>.+)$")
_PE_NUMBER = re.compile(r"^PE\s+\d{3}\.\d{3}\s*[–—-]\s*(?P<date>.+)$")
_LANGUAGE = re.compile(r"^[A-Z]{2}$")
_CONTENTS = re.compile(r"^IN THIS (?:BRIEFING|ANALYSIS|STUDY|PAPER)\b")
_DISCLAIMER = re.compile(r"^DISCLAIMER AND COPYRIGHT\b")


def read_eprs_publication(text: str, removed: list[Removed]) -> Masthead | None:
    """The text without the EPRS template's furniture, with title, authors and month; None unless EPRS's."""
    kind = _KIND.match(text)
    if kind is None or _SERVICE not in text:
        return None
    removed.append(Removed("cover", kind.group(0).strip()))
    paragraphs = text[kind.end():].split("\n\n")
    title = None
    first = next((index for index, paragraph in enumerate(paragraphs) if paragraph.strip()), None)
    if first is not None:
        lines = [line.strip() for line in paragraphs[first].strip().split("\n")]
        subtitle = " ".join(lines[1:])
        title = f"{lines[0]}: {subtitle}" if subtitle else lines[0]
        removed.append(Removed("cover", " ".join(lines)))
        paragraphs[first] = ""
    authors: list[str] = []
    date = None
    kept = []
    for paragraph in paragraphs:
        if "\f" in paragraph and paragraph.strip():
            # a page's running head right under its form feed: the page break stays
            before, _, paragraph = paragraph.partition("\f")
            kept.append(f"{before}\f" if before.strip() else "\f")
        lines = [line.strip() for line in paragraph.strip().split("\n") if line.strip()]
        if lines and _SERVICE_LINE.match(lines[0]) and (len(lines) == 1 or any(_PE_NUMBER.match(line) for line in lines)):
            for line in lines:
                names = _AUTHORS.match(line)
                if names:
                    authors = parse_author_line(names.group("names"))
                number = _PE_NUMBER.match(line)
                if number and date is None:
                    date = parse_date(number.group("date"))
            removed.append(Removed("header", " ".join(lines)))
            continue
        if lines and (_CONTENTS.match(lines[0]) or (len(lines) == 1 and _LANGUAGE.match(lines[0]))):
            removed.append(Removed("contents" if _CONTENTS.match(lines[0]) else "header", " ".join(lines)))
            continue
        if lines and _DISCLAIMER.match(lines[0]):
            removed.append(Removed("licence", " ".join(lines)))
            continue
        kept.append(paragraph)
    return Masthead("\n\n".join(kept), date, title, authors)
