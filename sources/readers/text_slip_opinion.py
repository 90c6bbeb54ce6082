"""A United States Supreme Court slip opinion as pdftotext gives it.

The Court prints every slip opinion the same way: "(Slip Opinion)" and "OCTOBER TERM,
2023" over the syllabus, whose Reporter's note ("NOTE: Where it is feasible, a syllabus
(headnote) will be released … 200 U. S. 321, 337.") says it is no part of the opinion;
the case in capitals ("IDAHO v. OREGON"), "Argued December 5, 2023—Decided March 4,
2024"; and over the opinion the notice that it is subject to formal revision
("NOTICE: … of any typographical or other formal errors."). Those two notices are the
Court's boilerplate, word for word the same in every opinion, and leave the text as
such; the case and the day it was decided are the title and the date. Everything else,
the syllabus included, stays.
"""

from __future__ import annotations

import re

from claimdesk.sources.header import parse_date
from claimdesk.sources.model import Removed
from claimdesk.sources.readers.text_masthead import Masthead

_SLIP_OPINION = re.compile(r"\A\s*\(Slip Opinion\)[ \t]*\n")
_HEAD_CHARS = 3000
"""The syllabus head (case, argued and decided) is within the first page."""
_REPORTERS_NOTE = re.compile(r"NOTE:\s+Where it is feasible, a syllabus \(headnote\) will be released.*?"
                             r"200\s+U\.\s*S\.\s+321,\s+337\.", re.S)
_REVISION_NOTICE = re.compile(r"NOTICE:\s+This opinion is subject to formal revision before publication.*?"
                              r"of any typographical or other formal errors\.", re.S)
_CASE_LINE = re.compile(r"^[ \t]*(?P<case>[A-Z][A-Z0-9.,'’&() -]{1,120}? v\. [A-Z][A-Z0-9.,'’&() -]{1,120}?)[ \t]*$", re.M)
_DECIDED = re.compile(r"Decided\s+(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})")


def read_slip_opinion(text: str, removed: list[Removed]) -> Masthead | None:
    """The text without the Court's two notices, with the case and the day decided; None unless a slip opinion."""
    label = _SLIP_OPINION.match(text)
    if label is None:
        return None
    removed.append(Removed("header", "(Slip Opinion)"))
    text = text[label.end():]
    head = text[:_HEAD_CHARS]
    case = _CASE_LINE.search(head)
    decided = _DECIDED.search(head)
    for notice in (_REPORTERS_NOTE, _REVISION_NOTICE):
        found = notice.search(text)
        if found:
            removed.append(Removed("boilerplate", " ".join(found.group(0).split())))
            text = text[:found.start()] + text[found.end():]
    title = " ".join(case.group("case").split()) if case else None
    return Masthead(text, parse_date(decided.group("date")) if decided else None, title)
