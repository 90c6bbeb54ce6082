"""The U.S. Government Accountability Office's accessible text files.

GAO publishes every report since the late 1990s as a text file too, built the
same way: a preamble ("This is the accessible text file for GAO report number
GAO-09-412 entitled '…' which was released on April 22, 2009."), a paragraph on
accessibility and one on copyright; note calls "[Footnote 1]" in the text and the
notes at the end under "Footnotes:", each opened by "[1]"; "[End of section]"
after each part; and GAO's standing back matter ("GAO's Mission:", "Obtaining
Copies of GAO Reports and Testimony:", "Order by Phone:", …).

Those conventions are put in the forms the plain-text reader reads ("[1]" calls).
The preamble, the section ends, the calls' "[Footnote n]" and the back matter go to `removed`; the title and
the release date are the preamble's, the author GAO. No word or figure changes.
"""

from __future__ import annotations

import re

from claimdesk.sources.header import find_date
from claimdesk.sources.model import Removed
from claimdesk.sources.readers.text_masthead import Masthead

GAO = "U.S. Government Accountability Office"
_PREAMBLE = re.compile(
    r"\A\s*This is the accessible text file for GAO report number (?P<number>GAO-[\w-]+)\s+entitled\s+"
    r"['‘“\"](?P<title>.+?)['’”\"]\s+which\s+was\s+released\s+on\s+(?P<date>[^.]{4,40}?)\.[ \t]*(?:\n|\Z)", re.S)
# The two standing paragraphs after it: how the file was made, and that it is free of copyright.
# (Older files say "prepared by"; the title is quoted in straight or curly quotes.)
_STANDING = re.compile(r"^(?:This text file was (?:formatted|prepared) by the U\.S\. Government Accountability|This is a work of the U\.S\. government)")
_CALL = re.compile(r"\[Footnote (?P<label>\d{1,4})\]")
_END_OF_SECTION = re.compile(r"^[ \t]*\[End of section\][ \t]*$", re.M)
# GAO's back matter, the same at the end of every report: from its first heading to the end.
_BACK_MATTER = re.compile(r"^GAO's Mission:[ \t]*$", re.M)


def read_gao_accessible_text(text: str, removed: list[Removed]) -> Masthead | None:
    """The text in the plain-text reader's forms; None unless it is a GAO accessible text file."""
    preamble = _PREAMBLE.match(text)
    if preamble is None:
        return None
    removed.append(Removed("header", " ".join(preamble.group(0).split())))
    paragraphs = text[preamble.end():].lstrip("\n").split("\n\n")
    while paragraphs and _STANDING.match(paragraphs[0].strip()):
        removed.append(Removed("licence", " ".join(paragraphs.pop(0).split())))
    body = "\n\n".join(paragraphs)
    back = _last_back_matter(body)
    if back is not None:
        removed.append(Removed("footer", " ".join(body[back:].split())))
        body = body[:back]
    removed.extend(Removed("furniture", match.group(0).strip()) for match in _END_OF_SECTION.finditer(body))
    body = _END_OF_SECTION.sub("", body)
    # The calls' own words leave the text with them: reported, as every piece of the source is.
    removed.extend(Removed("furniture", match.group(0)) for match in _CALL.finditer(body))
    body = _CALL.sub(lambda match: f"[{match.group('label')}]", body)
    title = " ".join(preamble.group("title").split())
    return Masthead(body, find_date(preamble.group("date")), title, [GAO])


def _last_back_matter(body: str) -> int | None:
    """Where GAO's back matter starts: its heading, after the last part of the report."""
    found = None
    for match in _BACK_MATTER.finditer(body):
        found = match.start()
    return found
