"""The caption of a court opinion, as CourtListener, Justia or a court's site print it.

An opinion opens with its caption: docket number, court, the parties on either
side of a line "v." (each with its role: "Petitioner,", "Plaintiff - Appellant"),
the procedural history, and the dates ("Argued October 6, 2020", "Filed: March
12, 2021"). The caption stays in the reading text (a fact-checker quotes the
docket); this module only reads the title ("A v. B") and the decision date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimdesk.sources.header import parse_author_line, parse_date
from claimdesk.sources.readers.judges import opinion_writer

CAPTION_MAX_LINES = 60
"""The caption is within the opinion's first lines; "v." further down is prose."""
_VERSUS = re.compile(r"^\s*(?:v|vs|versus)\.?\s*$", re.I)
_COURT_WORDS = re.compile(r"\b(?:court|docket|no\.|case no|petition|appeal|circuit|district)\b", re.I)
_ROLE = re.compile(
    r"^\s*(?:(?:cross-|third-party )?(?:petitioners?|respondents?|plaintiffs?|defendants?|appellants?|appellees?|"
    r"movants?|claimants?|intervenors?)[\s,.\-–and]*)+$",
    re.I,
)
_DECIDED = re.compile(
    r"^\s*(?:opinion\s+)?(?:filed|decided|delivered|opinion delivered|issued|entered|date filed)\s*:?\s*(?P<date>.+?)\s*$",
    re.I,
)


@dataclass
class Caption:
    title: str | None
    date: str | None
    authors: list[str] = field(default_factory=list)
    """The judge who signed, where the opinion ends with a signature block."""


def read_caption(lines: list[str], closing_lines: list[str] = ()) -> Caption | None:
    """Title, date and judge of an opinion, or None if the text opens with no caption.

    closing_lines are the opinion's last lines, where a trial court's order is
    dated and signed ("DATED this 14th day of July, 2020." / "/s/ Rebecca M. Kwan").
    """
    caption = _caption(lines, closing_lines)
    if caption and not caption.authors:
        writer = opinion_writer(lines)
        caption.authors = [writer] if writer else []
    return caption


def _caption(lines: list[str], closing_lines) -> Caption | None:
    head = _left_column(lines[:CAPTION_MAX_LINES])
    cited = _neutral_citation_caption(head) or _case_of_caption(head)
    if cited:
        return cited
    versus = next((index for index, line in enumerate(head) if _VERSUS.match(line)), None)
    if versus is None or not any(_COURT_WORDS.search(line) for line in head[:versus]):
        return None
    before = _party(reversed(head[:versus]), last=True)
    after = _party(head[versus + 1:], last=False)
    title = f"{before} v. {after}" if before and after else None
    date = _decision_date(head) or _signature_date(closing_lines)
    return Caption(title, date, _signing_judge(closing_lines))


# A gap this wide inside a caption line parts the parties (left) from the docket
# number and the document's name (right), as federal district courts print them.
_COLUMN_GAP = re.compile(r"\S( {5,})\S")


_RIGHT_COLUMN_MIN = 30
"""The right column starts this far in at least; a nearer gap is spacing inside the left one."""


def _left_column(lines: list[str]) -> list[str]:
    """The caption's left column: parties, "v." and roles, without the docket column beside them."""
    starts = [match.end(1) for line in lines if (match := _COLUMN_GAP.search(line))]
    right = min(starts, default=0)
    if right < _RIGHT_COLUMN_MIN:
        return lines
    left = []
    for line in lines:
        indent = len(line) - len(line.lstrip())
        left.append("" if line.strip() and indent >= right else line[:right].rstrip() if len(line) > right else line)
    return left


_SIGNED = re.compile(r"^\s*/s/\s*(?P<name>.+?)\s*$")
_DATED_THIS = re.compile(
    r"^\s*(?:dated|signed|entered|so ordered)\b[^\n]*?\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+day\s+of\s+"
    r"(?P<month>[A-Za-z]+),?\s+(?P<year>\d{4})",
    re.I,
)
_DATED = re.compile(r"^\s*(?:dated|signed|entered)\s*:?\s*(?P<date>.+?)\s*$", re.I)


# India's judgments close with the place and the day, on one line or two: "NEW DELHI;" / "NOVEMBER 14, 2023."
_PLACE_THEN_DATE = re.compile(r"^\s*(?:[A-Z][A-Za-z.' -]{1,40}[;,]\s*)?(?P<date>[^;,\s][^;]{5,40}?)\s*\.?\s*$")
_LAST_LINES_WITH_DATE = 3


def _signature_date(lines) -> str | None:
    """"DATED this 14th day of July, 2020." or "Dated: July 14, 2020", at the foot of an order;
    "NEW DELHI; NOVEMBER 14, 2023." as an Indian judgment's last line."""
    last = [line for line in lines if line.strip()][-_LAST_LINES_WITH_DATE:]
    for line in last:
        place_date = _PLACE_THEN_DATE.match(line)
        date = parse_date(place_date.group("date")) if place_date else None
        if date and len(date) == len("2023-11-14"):
            return date
    for line in lines:
        this = _DATED_THIS.match(line)
        if this:
            date = parse_date(f"{this.group('day')} {this.group('month')} {this.group('year')}")
            if date:
                return date
        dated = _DATED.match(line)
        if dated and parse_date(dated.group("date").rstrip(".")):
            return parse_date(dated.group("date").rstrip("."))
    return None


# Canadian courts (and others that use neutral citations) open with labelled fields:
# "Citation:" / "Kettle Bench Orchards Ltd. v. Regional District…," / "2023 BCCA 214",
# then "Date: 20230519". The style of cause before the citation is the title.
_CITATION_LABEL = re.compile(r"^\s*(?:citation|référence|style of cause|intitulé)\s*:\s*(?P<rest>.*)$", re.I)
_NEUTRAL_CITATION = re.compile(r",?\s*\b(?:19|20)\d\d\s+[A-Z][A-Za-z]{1,8}\s+\d{1,5}\s*$")
_DATE_FIELD = re.compile(r"^\s*(?:date(?: of (?:judgment|decision))?|date du jugement|date de la décision)\s*:\s*(?P<date>.+?)\s*$", re.I)
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_CITATION_LINES_MAX = 4


def _neutral_citation_caption(head: list[str]) -> Caption | None:
    start = next((index for index, line in enumerate(head) if _CITATION_LABEL.match(line)), None)
    if start is None:
        return None
    pieces = [_CITATION_LABEL.match(head[start]).group("rest").strip()]
    for line in head[start + 1:start + 1 + _CITATION_LINES_MAX]:
        if not line.strip():
            break
        pieces.append(line.strip())
    citation = " ".join(piece for piece in pieces if piece)
    if not _NEUTRAL_CITATION.search(citation) or " v. " not in citation:
        return None
    title = _NEUTRAL_CITATION.sub("", citation).strip(" ,")
    date = None
    for line in head:
        field = _DATE_FIELD.match(line)
        if field:
            compact = _COMPACT_DATE.match(field.group("date"))
            date = parse_date("-".join(compact.groups()) if compact else field.group("date"))
            if date:
                break
    return Caption(title, date)


# The European Court of Human Rights heads a judgment "FIRST SECTION" / "CASE OF TVEITEN v. NORWAY"
# / "(Application no. 12345/19)" / "JUDGMENT" / (keywords, "Prepared by the Registry…") / "STRASBOURG"
# / "14 March 2024"; in French "AFFAIRE X c. FRANCE" / "ARRÊT" / "STRASBOURG" / "14 mars 2024". The
# case's name is the title; the first line under the kind that is a date and nothing else, the date
# (a later "FINAL" / "14/06/2024" is the day it became final).
_CASE_OF = re.compile(r"^\s*(?:CASE OF|AFFAIRE)\s+\S.{0,150}?\s(?:v\.|c\.)\s+\S.*$")
_JUDGMENT_KIND = re.compile(r"^\s*(?:JUDGMENT|DECISION|ARRÊT|DÉCISION|ARRET)\s*$")
_CASE_OF_DATE_LINES = 20
_DATE_LINE_MAX_CHARS = 30


def _case_of_caption(head: list[str]) -> Caption | None:
    lines = [line.strip() for line in head if line.strip()]
    name = next((index for index, line in enumerate(lines) if _CASE_OF.match(line)), None)
    if name is None:
        return None
    kind = next((index for index, line in enumerate(lines[name + 1:name + 4], start=name + 1) if _JUDGMENT_KIND.match(line)), None)
    if kind is None:
        return None
    date = next((parse_date(line) for line in lines[kind + 1:kind + 1 + _CASE_OF_DATE_LINES]
                 if len(line) <= _DATE_LINE_MAX_CHARS and parse_date(line)), None)
    return Caption(" ".join(lines[name].split()), date)


def _signing_judge(lines) -> list[str]:
    """The name after "/s/" in the signature block; the judge is the opinion's author."""
    for line in lines:
        signed = _SIGNED.match(line)
        if signed and parse_author_line(signed.group("name")):
            return parse_author_line(signed.group("name"))
    return []


def _party(lines, *, last: bool) -> str | None:
    """The party's name next to "v.": its lines down to the role, up to the first comma."""
    collected: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if collected:
                break
            continue
        if _ROLE.match(stripped):
            if collected and not last:
                break
            continue
        collected.append(stripped)
    if last:
        collected.reverse()
    name = " ".join(collected).split(",")[0].strip()
    return name or None


def _decision_date(head: list[str]) -> str | None:
    for line in head:
        match = _DECIDED.match(line)
        if match:
            date = parse_date(match.group("date"))
            if date:
                return date
    return None
