"""EconStor's cover page, as pdftotext gives the first page of a paper downloaded from EconStor.

EconStor, the ZBW's open-access repository of economics, puts a page of its own
before every paper it serves: "A Service of / econstor / Make Your Publications
Visible.", the ZBW's name in German and English, the authors as the catalogue
has them ("Obermaier, Katrin; Brenninger, Lukas"), the kind of item ("Article",
"Working Paper"), the title, the series or journal, "Provided in Cooperation
with: …", "Suggested Citation: …", "This Version is available at:
https://hdl.handle.net/10419/…", then its terms of use in German and English.

That page is the repository's, not the paper's: it goes to `removed` as `cover`
(the terms of use as `licence`) and stays an empty page, the PDF's page 1. Its
catalogue record gives the title, the authors and the year; the paper's own
pages follow untouched.
"""

from __future__ import annotations

import re

from claimdesk.sources.model import Removed
from claimdesk.sources.readers.text_masthead import Masthead

_SERVICE = re.compile(r"\beconstor\b", re.I)
_SLOGAN = re.compile(r"^\s*Make Your Publications Visible\.?\s*$", re.M)
_HANDLE = re.compile(r"^\s*This Version is available at:", re.M)
_ITEM_KIND = re.compile(r"^(?:Article|Working Paper|Research Report|Book|Book Part|Conference Paper|Periodical Part|"
                        r"Doctoral Thesis|Preprint|Report)$")
_CITATION = re.compile(r"^Suggested Citation:\s*(?P<authors>.*?)\s*\((?P<year>(?:19|20)\d\d)\)\s*:", re.S)
_CATALOGUE_NAME = re.compile(r"^(?P<last>[^\W\d][\w'’ -]*?),\s*(?P<first>[^\W\d][\w.'’ -]*)$")
_TERMS = re.compile(r"^(?:Standard-Nutzungsbedingungen|Terms of use)\s*:", re.I)
_FIELD_AFTER_TITLE = re.compile(r"^(?:Provided in Cooperation with|Suggested Citation|This Version is available at)\s*:")


def take_econstor_cover(text: str, removed: list[Removed]) -> Masthead | None:
    """The text with EconStor's cover page emptied; None unless the first page is that cover."""
    cover, form_feed, rest = text.partition("\f")
    if not form_feed or not (_SERVICE.search(cover) and _SLOGAN.search(cover) and _HANDLE.search(cover)):
        return None
    lines = [" ".join(line.split()) for line in cover.split("\n")]
    kind_at = next((index for index, line in enumerate(lines) if _ITEM_KIND.match(line)), None)
    authors = _catalogue_authors(lines[kind_at - 1]) if kind_at else []
    title = _title(lines, kind_at) if kind_at is not None else None
    citation = _CITATION.match(_field(lines, "Suggested Citation"))
    in_terms = False
    for line in lines:
        if not line:
            continue
        in_terms = in_terms or bool(_TERMS.match(line))
        removed.append(Removed("licence" if in_terms else "cover", line))
    return Masthead(form_feed + rest, citation.group("year") if citation else None, title, authors)


def _catalogue_authors(line: str) -> list[str]:
    """"Obermaier, Katrin; Brenninger, Lukas" as ["Katrin Obermaier", "Lukas Brenninger"]; [] if the line is none."""
    names = []
    for entry in line.split(";"):
        match = _CATALOGUE_NAME.match(entry.strip())
        if not match:
            return []
        names.append(f"{match.group('first').strip()} {match.group('last').strip()}")
    return names


def _title(lines: list[str], kind_at: int) -> str | None:
    """The title: the lines after the kind of item, up to the series line over "Provided in Cooperation with:"
    (or the first of the record's fields)."""
    end = next((index for index in range(kind_at + 1, len(lines)) if _FIELD_AFTER_TITLE.match(lines[index])), None)
    if end is None:
        return None
    block = [line for line in lines[kind_at + 1:end] if line]
    if len(block) > 1 and lines[end].startswith("Provided in Cooperation with"):
        block = block[:-1]  # the series or journal ("ifo Schnelldienst") stands over the partner's line
    return " ".join(block) or None


def _field(lines: list[str], name: str) -> str:
    """A field of the record and the lines it wraps over, up to the next field or a blank line."""
    for index, line in enumerate(lines):
        if line.startswith(name + ":"):
            taken = [line]
            for following in lines[index + 1:]:
                if not following or _FIELD_AFTER_TITLE.match(following):
                    break
                taken.append(following)
            return " ".join(taken)
    return ""
