"""The caption of a court opinion, as CourtListener, Justia or a court's site print it.

An opinion opens with its caption: docket number, court, the parties on either
side of a line "v." (each with its role: "Petitioner,", "Plaintiff - Appellant"),
the procedural history, and the dates ("Argued October 6, 2020", "Filed: March
12, 2021"). The caption stays in the reading text (a fact-checker quotes the
docket); this module only reads the title ("A v. B") and the decision date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimdesk.sources.header import parse_date

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


def read_caption(lines: list[str]) -> Caption | None:
    """Title and date of an opinion's caption, or None if the text opens with none."""
    head = lines[:CAPTION_MAX_LINES]
    versus = next((index for index, line in enumerate(head) if _VERSUS.match(line)), None)
    if versus is None or not any(_COURT_WORDS.search(line) for line in head[:versus]):
        return None
    before = _party(reversed(head[:versus]), last=True)
    after = _party(head[versus + 1:], last=False)
    title = f"{before} v. {after}" if before and after else None
    return Caption(title, _decision_date(head))


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
