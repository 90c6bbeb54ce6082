"""JSTOR's cover page, as pdftotext gives the first page of an article downloaded from JSTOR.

JSTOR puts a page of its own before every article: the title, "Author(s): …",
"Source: Journal, Vol. 41, No. 2 (Autumn 2016), pp. 187-190", "Published by: …",
"Stable URL: https://www.jstor.org/stable/…", "Accessed: …", then its boilerplate
("JSTOR is a not-for-profit digital library …", its terms of use). That page is
the archive's, not the article's: it goes to `removed` as `cover` and stays an
empty page (it is the PDF's page 1); its fields give the title, the authors and
the issue's date. The download stamp at every page's foot ("This content
downloaded from … All use subject to …") is left to the page splitter.
"""

from __future__ import annotations

import re

from claimdesk.sources.header import find_date, parse_author_line
from claimdesk.sources.model import Removed
from claimdesk.sources.readers.text_masthead import Masthead

_STABLE_URL = re.compile(r"^\s*Stable URL:\s*https?://(?:www\.)?jstor\.org/stable/", re.M)
_JSTOR_NOTICE = re.compile(r"JSTOR is a not-for-profit digital library")
_FIELD = re.compile(r"^\s*(?P<name>Author\(s\)|Reviewed work\(s\)|Source|Published by|Stable URL|Accessed|Review by)\s*:\s*(?P<value>.*)$")
_ISSUE_DATE = re.compile(r"\((?P<date>[^()]*\b(?:1[6-9]|20)\d\d)\)")


def take_jstor_cover(text: str, removed: list[Removed]) -> Masthead | None:
    """The text with JSTOR's cover page emptied; None unless the first page is that cover."""
    cover, form_feed, rest = text.partition("\f")
    if not form_feed or not (_STABLE_URL.search(cover) and _JSTOR_NOTICE.search(cover)):
        return None
    lines = [line.strip() for line in cover.split("\n")]
    first_field = next((i for i, line in enumerate(lines) if _FIELD.match(line)), None)
    if first_field is None:
        return None
    title = " ".join(" ".join(lines[:first_field]).split()) or None
    fields: dict[str, str] = {}
    name = None
    for line in lines[first_field:]:
        field = _FIELD.match(line)
        if field:
            name = field.group("name")
            fields[name] = field.group("value").strip()
        elif line and name and not fields.get("Accessed"):
            fields[name] += " " + line  # a field wrapped over two lines
        elif not line:
            name = None
    authors = parse_author_line("By " + fields["Author(s)"]) if fields.get("Author(s)") else None
    issue = _ISSUE_DATE.search(fields.get("Source", ""))
    date = find_date(issue.group("date")) if issue else None
    removed.extend(Removed("cover", " ".join(line.split())) for line in lines if line)
    return Masthead(form_feed + rest, date, title, authors or [])
