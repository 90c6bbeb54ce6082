"""British Cabinet papers, as the text of The National Archives' scans gives them.

The National Archives publishes the Cabinet's memoranda (CAB 24, CAB 66, CAB 129) and
conclusions (CAB 23, CAB 65, CAB 128) as scanned pages whose text layer opens every
page with the archive's stamp: "(c) crown copyright", "Catalogue Reference:CAB/129/75",
"Image Reference:0023". The printed paper under it has a cover of fixed form: the
protective line "THIS DOCUMENT IS THE PROPERTY OF HER BRITANNIC MAJESTY'S GOVERNMENT"
(letter-spaced in the OCR: "T H I S  D O C U M E N T  IS  T H E  P R O P E R T Y …"),
"Printed for the Cabinet. May 1955", the classification with the copy's number
("SECRET   Copy No. 52"), the paper's number ("C. (55) 123", "C.P. (49) 12",
"W.P. (40) 1"), its date, "CABINET", the title in capitals and "MEMORANDUM BY THE
CHANCELLOR OF THE EXCHEQUER" (or "NOTE BY …"). A meeting's conclusions open
"CONCLUSIONS of a Meeting of the Cabinet held at 10 Downing Street, S.W.1, on
Tuesday, 3rd May, 1955, at 11 a.m.".

The stamp is the archive's and the protective, printing and classification lines the
printer's: they go to `removed`. The paper's number, date, title and minister stay as
the paper's head, and are read into its title, date and authors. The pages after the first print their
number alone, centred, under or over the classification repeated as a running head;
a form feed goes in before each number that runs on from 2 (page 1 prints none),
and the page splitter takes the numbers and the heads out as for any paged text,
so that the notes marked *, † at each page's foot are read as the page's notes.
The printer's job number and signature at a page's foot ("47553   B") go too.
"""

from __future__ import annotations

import re

from claimdesk.sources.header import find_date, parse_date
from claimdesk.sources.model import Removed
from claimdesk.sources.readers.text_masthead import Masthead
from claimdesk.sources.readers.text_pages import FORM_FEED

_CROWN_COPYRIGHT = re.compile(r"^[ \t]*(?:\(c\)|©)[ \t]*crown copyright[ \t]*$", re.I)
_STAMP_LINE = re.compile(r"^[ \t]*(?:Catalogue|Image)[ \t]+Reference[ \t]*:[ \t]*\S.*$", re.I)
_CATALOGUE = re.compile(r"^[ \t]*Catalogue[ \t]+Reference[ \t]*:[ \t]*CAB[ \t]*/[ \t]*\d", re.I | re.M)
# "THIS DOCUMENT IS THE PROPERTY OF HER BRITANNIC MAJESTY'S GOVERNMENT", spaced or not.
_PROPERTY = re.compile(r"^[ \t]*T[ \t]*H[ \t]*I[ \t]*S[ \t]+D[ \t]*O[ \t]*C[ \t]*U[ \t]*M[ \t]*E[ \t]*N[ \t]*T[ \t]+I[ \t]*S[ \t]+"
                       r"T[ \t]*H[ \t]*E[ \t]+P[ \t]*R[ \t]*O[ \t]*P[ \t]*E[ \t]*R[ \t]*T[ \t]*Y\b.*$", re.I)
_PRINTED_FOR = re.compile(r"^[ \t]*Printed for the (?:Cabinet|War Cabinet)\b.*$", re.I)
_CLASSIFICATION = re.compile(r"^[ \t]*(?:MOST SECRET|TOP SECRET|SECRET|CONFIDENTIAL|RESTRICTED)\b[ \t.]*(?:Copy No\.?[ \t]*[\d \t]{1,8})?[ \t]*$")
_COPY_NUMBER = re.compile(r"^[ \t]*Copy No\.?[ \t]*[\d \t]{1,8}$", re.I)
_SECRECY_REQUEST = re.compile(r"^[ \t]*It is requested that special care may be taken to ensure the secrecy of this document\.?[ \t]*$", re.I)
_PAPER_NUMBER = re.compile(r"^[ \t]*(?:C\.[ \t]*\([ \t]*\d{2}[ \t]*\)[ \t]*\d{1,4}|C\.[ \t]*P\.[ \t]*\([ \t]*\d{2}[ \t]*\)[ \t]*\d{1,4}|"
                           r"W\.[ \t]*P\.[ \t]*\([ \t]*\d{2}[ \t]*\)[ \t]*\d{1,4}|C\.[ \t]*[CM]\.[ \t]*\([ \t]*\d{2}[ \t]*\)[ \t]*\d{1,4}"
                           r"(?:[ \t]*(?:st|nd|rd|th)[ \t]*Conclusions)?|CP[ \t]+\d{1,4}[ \t]*\([ \t]*\d{2}[ \t]*\))\.?[ \t]*$")
_CABINET = re.compile(r"^[ \t]*(?:WAR[ \t]+)?CABINET\.?[ \t]*$")
_BY_WHOM = re.compile(r"^[ \t]*(?:MEMORANDUM|NOTE|REPORT)[ \t]+BY[ \t]+(?:THE[ \t]+)?(?P<who>[A-Z][A-Z ,.'&-]+?)[ \t.]*$")
_CONCLUSIONS = re.compile(r"^[ \t]*CONCLUSIONS[ \t]+of[ \t]+a[ \t]+Meeting[ \t]+of[ \t]+the[ \t]+(?:War[ \t]+)?Cabinet\b", re.I)
# A page's number alone and centred: far more space before it than a paragraph's indent.
_CENTRED_NUMBER = re.compile(r"^[ \t]{12,}(?P<number>\d{1,3})[ \t]*$")
_RUNNING_CLASSIFICATION = re.compile(r"^[ \t]*(?:MOST SECRET|TOP SECRET|SECRET|CONFIDENTIAL|RESTRICTED)\.?[ \t]*$")
# The printer's job number and sheet signature at a page's foot: "47553   B", "12345  B 2".
_PRINTERS_MARK = re.compile(r"^[ \t]*\d{4,6}[ \t]{2,}[A-Z]{1,2}(?:[ \t]*\d)?[ \t]*$")
COVER_LINES = 40
"""The cover is on the first page: this many lines at most."""
_SMALL_WORDS = {"of", "and", "the", "for", "in", "on", "to", "by", "a", "an", "at", "with"}


def read_cabinet_paper(text: str, removed: list[Removed]) -> Masthead | None:
    """The paper with its stamp and cover in `removed`, form feeds at its pages; None unless
    the text is a Cabinet paper (the archive's CAB stamp, or the protective line on its cover)."""
    top = text.split("\n", COVER_LINES)[:COVER_LINES]
    stamped = _CATALOGUE.search("\n".join(top)) is not None
    if not stamped and not any(_PROPERTY.match(line) for line in top):
        return None
    lines = [line for line in text.split("\n")
             if not _take(line, _CROWN_COPYRIGHT, "licence", removed) and not _take(line, _STAMP_LINE, "header", removed)]
    consumed, title, authors, date = _read_cover(lines, removed)
    body = [line for index, line in enumerate(lines) if index not in consumed]
    return Masthead("\n".join(_mark_pages(body, removed)), date, title, authors)


def _take(line: str, pattern: re.Pattern, kind: str, removed: list[Removed]) -> bool:
    if not pattern.match(line):
        return False
    removed.append(Removed(kind, " ".join(line.split())))
    return True


def _read_cover(lines: list[str], removed: list[Removed]) -> tuple[set[int], str | None, list[str], str | None]:
    """(the indexes of the cover's furniture, title, authors, date), read in the order papers print them.
    The paper's number, date, title and "MEMORANDUM BY …" stay in the text, as its head: the
    title is the capitals that "MEMORANDUM BY …" closes."""
    consumed: set[int] = set()
    title_lines: list[int] = []
    date = None
    for index, line in enumerate(lines[:COVER_LINES]):
        stripped = line.strip()
        if not stripped:
            continue
        if _PROPERTY.match(line) or _PRINTED_FOR.match(line) or _CLASSIFICATION.match(line) or _COPY_NUMBER.match(line) \
                or _SECRECY_REQUEST.match(line):
            removed.append(Removed("header", " ".join(stripped.split())))
            date = date or (find_date(stripped) if _PRINTED_FOR.match(line) else None)
            consumed.add(index)
        elif _PAPER_NUMBER.match(line) or _CABINET.match(line):
            continue
        elif parse_date(stripped):
            date = parse_date(stripped)  # the paper's own date beats the month it was printed
        elif _CONCLUSIONS.match(line):
            meeting = " ".join(" ".join(lines[index:_after_paragraph(lines, index)]).split())
            return consumed, meeting, [], find_date(meeting) or date
        elif (by_whom := _BY_WHOM.match(line)) and title_lines:
            title = " ".join(" ".join(lines[at].split()) for at in title_lines)
            return consumed, title, [_office(by_whom.group("who"))], date
        elif stripped.upper() == stripped and any(ch.isalpha() for ch in stripped):
            title_lines.append(index)
        else:
            break
    return consumed, None, [], date


def _after_paragraph(lines: list[str], start: int) -> int:
    end = start
    while end < len(lines) and lines[end].strip():
        end += 1
    return end


def _office(who: str) -> str:
    """"CHANCELLOR OF THE EXCHEQUER" -> "Chancellor of the Exchequer"; initials stay."""
    words = who.strip(" ,.").split()
    return " ".join(word.lower() if word.lower() in _SMALL_WORDS and position else word.capitalize()
                    for position, word in enumerate(words))


def _mark_pages(lines: list[str], removed: list[Removed]) -> list[str]:
    """A form feed before each centred page number running on from 2; the printer's marks and the
    running classification out."""
    kept: list[str] = []
    for line in lines:
        if _PRINTERS_MARK.match(line):
            removed.append(Removed("footer", " ".join(line.split())))
        elif _RUNNING_CLASSIFICATION.match(line):
            removed.append(Removed("header", line.strip()))  # the classification repeated over and under each page
        else:
            kept.append(line)
    expected = 2
    marked: list[str] = []
    for line in kept:
        number = _CENTRED_NUMBER.match(line)
        if number and int(number.group("number")) == expected:
            marked.append(FORM_FEED)
            expected += 1
        marked.append(line)
    return marked
