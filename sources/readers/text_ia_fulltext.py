"""The Internet Archive's OCR full text of a scanned book or report ("_djvu.txt").

The "FULL TEXT" download of an archive.org item is the OCR of its pages, line for
line, with blank lines between the paragraphs and nothing where a page ends. The
scanning centre adds a page of its own before the book's: "Digitized by the
Internet Archive / in 2013 with funding from / Boston Public Library" (or only
"in 2016"), then the item's address, "http://www.archive.org/details/…". That
notice is the archive's, not the book's: it goes to `removed`.

The printed pages are found where the printer numbered them. A running head that
carries the page's number at its outer end ("6 U. S. BUREAU OF FISHERIES." over
an even page, "OYSTER BEDS OF TALLAPOOSA SOUND. 7" over an odd one, "vi PREFACE."
in the front matter) opens a page; a number alone in its paragraph (the folio a
chapter's first page prints at its foot) closes one. Only numbers that run on
from one to the next (a page or two may be missing, a plate or a blank) are
believed, PAGES_MIN of them at least, and in a file with no archive notice only
when running heads carry them: a figure or a year alone on a line breaks no page.
A form feed goes in at each page's edge, with the page's printed number as its
label, and the page splitter then takes the numbers and the heads out as it
does for any paged text. (The title page, unnumbered, ends where its imprint
does: "WASHINGTON / GOVERNMENT PRINTING OFFICE / 1916"; the cover reader sees to it.)
"""

from __future__ import annotations

import re

from claimdesk.sources.model import Removed
from claimdesk.sources.readers.text_pages import FORM_FEED, numbered_head

_NOTICE = re.compile(
    r"\A\s*(?P<notice>Digiti[sz]ed by the Internet Archive[ \t]*\n?[ \t]*in (?:19|20)\d\d\b[ \t]*"
    # "with funding from" and the sponsor, on its line or on the next: no other line is the notice's.
    r"(?:\n?[ \t]*with funding(?: from)?(?:[ \t]+\S[^\n]*|[ \t]*\n[ \t]*(?!https?:)\S[^\n]*))?)"
    r"(?:\s*\n[ \t]*(?P<address>https?://(?:www\.)?archive\.org/details/\S+)[ \t]*)?[ \t]*(?=\n|\Z)",
    re.I,
)
_ADDRESS_ONLY = re.compile(r"\A\s*(?P<address>https?://(?:www\.)?archive\.org/details/\S+)[ \t]*(?=\n|\Z)", re.I)
_PARAGRAPHS = re.compile(r"\n(?:[ \t]*\n)+")
_BARE_NUMBER = re.compile(r"^[ \t]*(?P<number>\d{1,4}|[ivxlc]{1,7})[ \t]*$")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
# A chapter opens a page of its own, which prints its folio at the foot and no head.
_CHAPTER = re.compile(r"(?<=\n\n)[ \t]*(?:CHAPTER|CHAP\.|PART|BOOK|LECTURE|SECTION)[ \t]+(?:[IVXLC]{1,7}|\d{1,3})\.?[ \t]*(?=\n)")
PAGES_MIN = 3
"""Three numbers running on are the printer's, not a coincidence of figures."""
STEP_MAX = 3
"""A number may skip two pages (a plate and its blank back) and still run on."""


def take_archive_notice(text: str, removed: list[Removed]) -> tuple[str, bool]:
    """(the text without the Internet Archive's notice, whether it had one)."""
    match = _NOTICE.match(text) or _ADDRESS_ONLY.match(text)
    if not match:
        return text, False
    notice = match.groupdict().get("notice")
    if notice:
        removed.append(Removed("furniture", " ".join(notice.split())))
    if match.group("address"):
        removed.append(Removed("furniture", match.group("address")))
    return text[match.end():].lstrip("\n"), True


def find_printed_pages(text: str, from_the_archive: bool) -> tuple[str, list[str | None]] | None:
    """(the text with a form feed at each printed page's edge, each page's printed number or
    None); None unless the page numbers run on through the text."""
    spans = list(_paragraph_spans(text))
    candidates: list[_Number] = []
    for start, end in spans:
        paragraph = text[start:end]
        if "\n" in paragraph.strip():
            continue
        bare = _BARE_NUMBER.match(paragraph)
        number = bare.group("number") if bare else numbered_head(paragraph)
        value = _value(number) if number else None
        if value is not None:
            candidates.append(_Number(start, end, number, value, not bare))
    if any(c.is_head for c in candidates):
        # A folio alone closes a page that the next page's head follows (or the file's end):
        # a figure alone in the body, followed by more body, is none.
        candidates = [c for position, c in enumerate(candidates) if c.is_head or _head_or_end_after(text, c, candidates[position + 1:])]
    body = _longest_run([c for c in candidates if c.value > 0])
    front = _longest_run([c for c in candidates if c.value < 0 and (not body or c.end <= body[0].start)])
    chain = (front if len(front) >= PAGES_MIN - 1 else []) + body
    heads = sum(1 for number in chain if number.is_head)
    if len(body) < PAGES_MIN or not (from_the_archive or heads >= PAGES_MIN - 1):
        return None
    # Each cut: (text offset, label of the page it closes, label of the page it opens).
    cuts: list[list] = []
    for number in chain:
        if number.is_head:
            cut = [number.start, None, number.number]  # a head opens its page
        else:
            cut = [number.end, number.number, None]  # a folio closes its page
            if cuts and cuts[-1][2] not in (None, number.number):
                # The last head opened another page: this one opened at its chapter's heading.
                chapter = _CHAPTER.search(text, cuts[-1][0], number.start)
                if chapter:
                    cuts.append([chapter.start(), None, number.number])
        if cuts and not text[cuts[-1][0]:cut[0]].strip():
            cuts[-1] = [cuts[-1][0], cuts[-1][1] or cut[1], cut[2]]  # a folio, then the next page's head
        else:
            cuts.append(cut)
    labels: list[str | None] = [None]
    pieces, position = [], 0
    for offset, closes, opens in cuts:
        labels[-1] = labels[-1] or closes
        labels.append(opens)
        pieces.extend([text[position:offset], "\n\n" + FORM_FEED + "\n\n"])
        position = offset
    pieces.append(text[position:])
    return "".join(pieces), labels


class _Number:
    """A page number printed alone or in a running head: where its paragraph is, what it says."""

    def __init__(self, start: int, end: int, number: str, value: int, is_head: bool):
        self.start, self.end, self.number, self.value, self.is_head = start, end, number, value, is_head


def _head_or_end_after(text: str, number: _Number, later: list[_Number]) -> bool:
    following = text[number.end:later[0].start] if later else text[number.end:]
    return not following.strip() and (not later or later[0].is_head)


def _paragraph_spans(text: str):
    """(start, end) of each paragraph: the lines between blank lines."""
    position = 0
    for gap in _PARAGRAPHS.finditer(text):
        if gap.start() > position:
            yield position, gap.start()
        position = gap.end()
    if position < len(text):
        yield position, len(text)


def _value(number: str) -> int | None:
    """An arabic number's value; a roman one's, below every arabic one (front matter comes first)."""
    if number.isdigit():
        return int(number)
    total, previous = 0, 0
    for char in reversed(number.lower()):
        value = _ROMAN.get(char)
        if value is None:
            return None
        total += -value if value < previous else value
        previous = max(previous, value)
    return -100000 + total  # the front matter's numbers run on among themselves, before the body's


def _longest_run(candidates):
    """The longest chain of candidates, in text order, whose values go up by 1 to STEP_MAX each."""
    best: list[list] = []
    for position, candidate in enumerate(candidates):
        chain = [candidate]
        for earlier in range(position):
            step = candidate.value - candidates[earlier].value
            if 1 <= step <= STEP_MAX and len(best[earlier]) + 1 > len(chain):
                chain = best[earlier] + [candidate]
        best.append(chain)
    return max(best, key=len, default=[])
