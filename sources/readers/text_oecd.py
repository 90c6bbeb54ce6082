"""An OECD paper as pdftotext gives it: its cover and its copyright page.

OECD papers and reports open with a cover ("OECD publishing", the title in capitals, the
series and number: "OECD ENVIRONMENT POLICY PAPER No. 42") and a page of the
Organisation's standard text: the series' description, the disclaimer ("The opinions
expressed and the arguments employed herein…"), who authorised it, "Please cite this
publication as: OECD (2024), “Pricing water for resilience: …”, OECD Environment Policy
Papers, No. 42, OECD Publishing, Paris, https://doi.org/…", the ISSN, the photo credits,
"© OECD 2024" and the licence. The suggested citation names the work as the OECD cites
it: its author, year and title. Cover and copyright page leave the text, each whole.
"""

from __future__ import annotations

import re

from claimdesk.sources.model import Removed
from claimdesk.sources.readers.text_masthead import Masthead

FORM_FEED = "\f"
_PUBLISHER = re.compile(r"\A\s*OECD\s+publishing\s*\n", re.I)
_CITE_AS = re.compile(r"Please cite this (?:publication|paper|report) as:\s*(?P<author>OECD)\s+\((?P<year>(?:19|20)\d\d)\),\s*"
                      r"[“\"](?P<title>[^”\"]{3,400})[”\"]", re.S)
_COPYRIGHT_PAGES = 3
"""The copyright page is among the first pages (a blank inside cover may come first)."""


def read_oecd_paper(text: str, removed: list[Removed]) -> Masthead | None:
    """The text without the cover and the copyright page, with author, year and title; None unless the OECD's."""
    if not _PUBLISHER.match(text):
        return None
    pages = text.split(FORM_FEED)
    copyright_page = next((index for index, page in enumerate(pages[:_COPYRIGHT_PAGES]) if _CITE_AS.search(page)), None)
    if copyright_page is None:
        return None
    cited = _CITE_AS.search(pages[copyright_page])
    for index in range(copyright_page + 1):
        kind = "licence" if index == copyright_page else "cover"
        if pages[index].strip():
            removed.append(Removed(kind, " ".join(pages[index].split())))
        pages[index] = ""
    title = " ".join(cited.group("title").split()).rstrip(",")
    return Masthead(FORM_FEED.join(pages), cited.group("year"), title, [cited.group("author")])
