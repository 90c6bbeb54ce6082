"""UK parliamentary papers' covers and statutory front matter, as a text version gives them.

A paper laid before the House of Commons prints its number, its session and (on a
National Audit Office report) its date of publication on the cover: "REPORT / by the
Comptroller and Auditor General", the department, the title over two or three lines,
then "HC 612  SESSION 2023–24  15 MARCH 2024". A select committee's report names the
house and the committee, then the title, then "Third Report of Session 2022–23", and
further down "HC 1187 / Published on 14 March 2023 / by authority of the House of
Commons". Either way the title is the paragraph right above the session line.

The pages after the cover carry the statutory lines that every such paper prints
word for word: "Ordered by the House of Commons to be printed on 13 March 2024",
"This report has been prepared under Section 6 of the National Audit Act 1983 for
presentation to the House of Commons …", "Presented to Parliament pursuant to …",
"Laid before the Scottish Parliament …", the paper's number with its price ("HC 612 |
£10.00"), where the report is on the web and whom to ask for an accessible version;
an audit office's cover adds its motto ("Our vision is to help the nation spend
wisely."). They are the publisher's, not the report's: a whole paragraph that is one
of them, on one of the first pages, goes to `removed`. A sentence of the body that
quotes the Act stays: only paragraphs that are nothing but the statement are taken,
and only on the front pages.
"""

from __future__ import annotations

import re

from claimdesk.sources.header import find_date, parse_date
from claimdesk.sources.model import Removed
from claimdesk.sources.readers.text_masthead import Masthead

FORM_FEED = "\f"
COVER_LINES = 40
"""Without form feeds, the cover is looked for in this many opening lines."""
TITLE_LINES_MAX = 4
FRONT_PAGES = 4
"""The cover, the inside cover, the title page and the contents: where the statutory lines stand."""
_DATE = r"\d{1,2}\s+[A-Za-z]+\s+\d{4}"
_SESSION = r"\d{4}\s*[–—-]\s*\d{2,4}"
_PAPER = r"(?:HC|HL(?:\s+Paper)?)\s+\d{1,4}(?:-[IVX]+)?"
_SESSION_AND_DATE = re.compile(rf"^{_PAPER}[\s|]+SESSION\s+{_SESSION}[\s|]+(?P<date>{_DATE})$", re.I)
_REPORT_OF_SESSION = re.compile(rf"^(?:[A-Z][a-z]+(?:-[a-z]+)?\s+){{1,2}}Report of Session\s+{_SESSION}$")
_PUBLISHED = re.compile(rf"^Published on (?P<date>{_DATE})\b")
_ORDERED = re.compile(rf"^Ordered by the House of (?:Commons|Lords) to be printed(?: on)? (?P<date>{_DATE})\.?$")
_HOUSE = re.compile(r"^House of (?:Commons|Lords)$")
_COMMITTEE = re.compile(r"^[A-Z][A-Za-z,'’&() -]{2,80} Committee$")
_KIND = re.compile(r"^(?:REPORT|MEMORANDUM|INVESTIGATION|BRIEFING)$|^by the (?:Comptroller and Auditor General|Auditor General\b.{0,40})$")
_MOTTO = re.compile(r"^Our (?:vision|mission|purpose) is\b.{0,200}[.!]$")
_MOTTO_LINE = re.compile(r"^Our [^.!?]{10,160}[.!]$")
_STATEMENTS = (
    _ORDERED,
    re.compile(r"^This report has been prepared under [Ss]ection \d+\w* of the [^.]{3,120}? Act \d{4}\b[^.]{0,200}\.?$"),
    # The statutory form only ("… pursuant to Section 6 of the … Act", "… by Command of His Majesty"):
    # a bare "Presented to Parliament, 14 June 2023" on a cover is its date line, and stays.
    re.compile(r"^(?:Presented to Parliament|Laid before (?:Parliament|the Scottish Parliament|the Senedd|the Northern Ireland Assembly))"
               r"(?: on {_DATE})? (?:pursuant to|under|in accordance with|by Command of|by the)\b[^.]{0,240}\.?$".replace("{_DATE}", _DATE)),
    re.compile(rf"^(?:{_PAPER}|CP\s+\d{{1,4}}|Cm\s+\d{{1,5}}|SG/\d{{4}}/\d{{1,4}})\s*\|\s*£\d{{1,3}}\.\d\d$"),
    re.compile(r"^This (?:report|document|publication) (?:can be found|is available) on (?:the|our) .{0,80}?websites? at \S+?\.?$"),
    re.compile(r"^If you (?:need|require|would like) (?:a version|a copy|a format|this (?:report|document))\b.{0,300}?\S+@\S+?\.?$"),
    # A committee's cover ends with "HC 1187 / Published on 14 March 2023 / by authority of the House of Commons".
    re.compile(rf"^(?:{_PAPER}\s+)?Published on {_DATE} by authority of the House of (?:Commons|Lords)$"),
)
_PARAGRAPH_BREAK = re.compile(r"(\n[ \t]*\n)")


def take_uk_paper_cover(text: str, removed: list[Removed]) -> Masthead | None:
    """The text without the cover's title, session line and kind of paper; None unless the cover
    prints a session line ("HC 612  SESSION 2023–24  15 MARCH 2024", "Third Report of Session 2022–23")
    under a title paragraph of the usual size."""
    first_page, form_feed, rest = text.partition(FORM_FEED)
    lines = first_page.split("\n")
    if not form_feed:
        lines, rest = lines[:COVER_LINES], "\n".join(lines[COVER_LINES:])
    blocks = _blocks(lines)
    session_at = next((number for number, block in enumerate(blocks)
                       if any(_SESSION_AND_DATE.match(_fold(lines[i])) or _REPORT_OF_SESSION.match(_fold(lines[i])) for i in block)), None)
    if not session_at:
        return None
    title_block = blocks[session_at - 1]
    title_lines = [_fold(lines[i]) for i in title_block]
    if len(title_block) > TITLE_LINES_MAX or any(_KIND.match(line) or _HOUSE.match(line) for line in title_lines):
        return None
    title = " ".join(title_lines)
    folded = [_fold(line) for line in lines]
    date = None
    for pattern in (_SESSION_AND_DATE, _PUBLISHED, _ORDERED):
        date = next((parse_date(match.group("date")) for line in folded if (match := pattern.match(line))), None)
        if date:
            break
    taken: set[int] = set(title_block)
    taken.update(i for i in blocks[session_at] if _SESSION_AND_DATE.match(folded[i]) or _REPORT_OF_SESSION.match(folded[i]))
    authors: list[str] = []
    for block in blocks[: session_at - 1]:
        for i in block:
            if _KIND.match(folded[i]) or _HOUSE.match(folded[i]):
                taken.add(i)
            elif _COMMITTEE.match(folded[i]) and not authors:
                authors.append(folded[i])
                taken.add(i)
    for number in range(session_at + 1, len(blocks)):
        block = blocks[number]
        paragraph = " ".join(folded[i] for i in block)
        if _MOTTO.match(paragraph) or (taken.issuperset(blocks[number - 1]) and number - 1 > session_at
                                       and _MOTTO_LINE.match(paragraph)):
            taken.update(block)  # "Our vision is … / Our public audit perspective helps …": the office's motto
    motto = [i for i in sorted(taken) if i > max(blocks[session_at])]
    removed.extend(Removed("cover", folded[i]) for i in sorted(taken) if i not in motto)
    if motto:
        removed.extend(Removed("furniture", " ".join(folded[i] for i in block))
                       for block in blocks if block[0] in motto)
    kept = "\n".join(line for index, line in enumerate(lines) if index not in taken)
    return Masthead(kept + (form_feed if form_feed else "\n") + rest, date, title, authors)


def take_statutory_front_matter(text: str, removed: list[Removed]) -> tuple[str, str | None]:
    """The text without the statutory paragraphs of its first pages (a text with form feeds), and
    the date the first of them gives ("Presented to Parliament, 14 June 2023"): the paper's date
    where nothing else dates it."""
    if FORM_FEED not in text:
        return text, None
    date = None
    pages = text.split(FORM_FEED)
    for number, page in enumerate(pages[:FRONT_PAGES]):
        pieces = _PARAGRAPH_BREAK.split(page)
        changed = False
        for position in range(0, len(pieces), 2):
            paragraph = _fold(pieces[position])
            if paragraph and any(pattern.match(paragraph) for pattern in _STATEMENTS):
                removed.append(Removed("furniture", paragraph))
                date = date or find_date(paragraph)
                pieces[position] = ""
                changed = True
        if changed:
            pages[number] = "".join(pieces)
    return FORM_FEED.join(pages), date


def _blocks(lines: list[str]) -> list[list[int]]:
    """Runs of non-blank lines, as lists of line indexes."""
    blocks: list[list[int]] = []
    for index, line in enumerate(lines):
        if not line.strip():
            if blocks and blocks[-1]:
                blocks.append([])
            continue
        if not blocks:
            blocks.append([])
        blocks[-1].append(index)
    return [block for block in blocks if block]


def _fold(text: str) -> str:
    return " ".join(text.split())
