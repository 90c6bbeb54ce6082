"""The U.S. Government Publishing Office's text files: the Federal Register, the CFR, hearings.

GovInfo's text of a document follows the GPO's own conventions, the same since the
1990s: a note call is the number between backslashes ("the public.\\1\\"), the notes
stand after the paragraph that calls them between two rules of dashes, each
indented and opened by its number ("    \\1\\ Public Law 91-512 …"), and the printed
page breaks are "[[Page 48812]]" on a line of their own. A Federal Register
document opens with its citation in brackets ("[Federal Register Volume 89, Number
112 (Monday, June 10, 2024)]", "[Rules and Regulations]", "[Pages 48812-48815]",
"[FR Doc No: …]"), then the agency, the CFR part and docket lines, the title, and
"AGENCY:", "ACTION:".

Those conventions are put in the forms the plain-text reader reads: "[1]" calls,
"[1] …" notes, "[Page 48812]" page markers. No word or figure changes; the
bracketed citation lines go to `removed` as `header`, the date is the issue's,
and the title is the paragraph over "AGENCY:".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimdesk.sources.header import find_date
from claimdesk.sources.model import Removed

_CALL = re.compile(r"\\(?P<label>\d{1,4})\\")
_NOTE_LINE = re.compile(r"^(?P<indent>[ \t]*)\\(?P<label>\d{1,4})\\[ \t]+(?=\S)", re.M)
_PAGE = re.compile(r"^[ \t]*\[\[Page (?P<page>[\w-]{1,12})\]\][ \t]*$", re.M)
_CITATION_LINE = re.compile(r"^\s*\[(?:Federal Register Volume|Rules and Regulations|Proposed Rules|Notices|Presidential Documents|"
                            r"Pages? \d|FR Doc|Docket|Congressional Record|Code of Federal Regulations)[^\]\n]*\]\s*$"
                            r"|^\s*From the Federal Register Online via the Government Publishing Office\b.*$"
                            # GovInfo's text of a committee report or hearing: "[House Report 118-312]",
                            # "[From the U.S. Government Publishing Office]", "[Senate Hearing 118-12]"
                            r"|^\s*\[(?:From the U\.S\. Government (?:Publishing|Printing) Office"
                            r"|(?:House|Senate) (?:Report|Document|Hearing|Print) \d+-\d+)\]\s*$"
                            r"|^\s*BILLING CODE [\dA-Z-]+\s*$", re.M)
_RULE = re.compile(r"^-{40,}[ \t]*$")
_ISSUE_DATE = re.compile(r"^\s*\[Federal Register Volume \d+, Number \d+ \((?P<date>[^)]+)\)\]", re.M)
# A committee report's date line, under its title: "December 12, 2023.--Committed to the Committee
# of the Whole House on the State of the Union and ordered to be printed" (House), "June 22,
# 2023.--Ordered to be printed" (Senate), "July 11, 2023.--Referred to the House Calendar and
# ordered to be printed": the day the report was filed, the GPO's ".--" for its dash.
_REPORT_DATE = re.compile(r"^[ \t]*(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})\.--[ \t]*(?:Committed|Ordered|Referred|Filed|Reported|Submitted|Presented)\b", re.M)
REPORT_DATE_CHARS = 3000
"""The date line stands in the report's head, over "R E P O R T"."""
_AGENCY_FIELD = re.compile(r"^AGENCY:", re.M)
_PAGES = re.compile(r"^\s*\[Pages? (?P<first>\d{1,6})(?:-\d{1,6})?\]\s*$", re.M)
_PARAGRAPH_INDENT = re.compile(r"^ {4}(?=\S)")
NOTES_MIN = 2
"""At least this many backslash calls with their notes: one "\\1\\" may be anything."""
TITLE_LINES_MAX = 6


@dataclass
class GpoText:
    text: str
    date: str | None
    title: str | None


def read_gpo_conventions(text: str, removed: list[Removed]) -> GpoText | None:
    """The text in the plain-text reader's forms; None unless it follows the GPO's conventions."""
    if "\\" not in text and "[[Page " not in text:
        return None
    defined = {match.group("label") for match in _NOTE_LINE.finditer(text)}
    called = {match.group("label") for match in _CALL.finditer(text)}
    pages = _PAGE.findall(text)
    issue = _ISSUE_DATE.search(text) or _REPORT_DATE.search(text[:REPORT_DATE_CHARS])
    if len(defined & called) < NOTES_MIN and not (len(pages) >= 2 and issue):
        return None
    date = find_date(issue.group("date")) if issue else None
    first_page = _PAGES.search(text)
    removed.extend(Removed("header", " ".join(line.split())) for line in (m.group(0) for m in _CITATION_LINE.finditer(text)))
    text = _CITATION_LINE.sub("", text)
    if first_page and pages:
        # "[Pages 72031-72032]" names the first page, which no "[[Page …]]" opens.
        text = f"[[Page {first_page.group('first')}]]\n\n" + text.lstrip("\n")
    title = _title_over_agency(text)
    text = _indented_paragraphs_parted(_rules_around_notes_blank(text))
    text = _NOTE_LINE.sub(lambda m: f"{m.group('indent')}[{m.group('label')}] ", text)
    text = _CALL.sub(lambda m: f"[{m.group('label')}]", text)
    text = _PAGE.sub(lambda m: f"[Page {m.group('page')}]", text)
    return GpoText(text, date, title)


def _rules_around_notes_blank(text: str) -> str:
    """The rules of dashes over and under a block of notes become blank lines: they part the
    notes from the prose, as a blank line does, and hold no text (a table's rules stay)."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if not _RULE.match(line):
            continue
        after = next((other for other in lines[index + 1:] if other.strip()), "")
        if _NOTE_LINE.match(after) or _in_notes(lines, index):
            lines[index] = ""
    return "\n".join(lines)


def _indented_paragraphs_parted(text: str) -> str:
    """A GPO text opens each paragraph with a four-space indent and no blank line: a blank line
    is put before each, so that "…given priority." and "    2. Awards. …" are two paragraphs.
    A table (from its first rule of dashes to the next blank line) keeps its rows together."""
    lines = text.split("\n")
    out: list[str] = []
    in_table = False
    for line in lines:
        if _RULE.match(line.strip()):
            in_table = True
        elif not line.strip():
            in_table = False
        elif not in_table and _PARAGRAPH_INDENT.match(line) and out and out[-1].strip():
            out.append("")
        out.append(line)
    return "\n".join(out)


def _in_notes(lines: list[str], rule_index: int) -> bool:
    """The rule closes a block of notes: the lines over it, up to the block's first, are notes."""
    index = rule_index - 1
    while index >= 0 and lines[index].strip() and not _RULE.match(lines[index]):
        if _NOTE_LINE.match(lines[index]):
            return True
        index -= 1
    return False


def _title_over_agency(text: str) -> str | None:
    """The paragraph right over "AGENCY:" in a Federal Register document."""
    field = _AGENCY_FIELD.search(text)
    if field is None:
        return None
    above = text[: field.start()].rstrip().split("\n\n")
    paragraph = above[-1].strip() if above else ""
    lines = paragraph.split("\n")
    if not paragraph or len(lines) > TITLE_LINES_MAX:
        return None
    return " ".join(paragraph.split())
