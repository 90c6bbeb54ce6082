"""A German parliamentary paper's masthead (Drucksache), as pdftotext gives its first page.

Every printed paper of the Bundestag, the Bundesrat and the Landtage opens the
same way: the house ("Deutscher Bundestag", "Landtag Nordrhein-Westfalen"), the
electoral term ("20. Wahlperiode"), "Drucksache 20/10873" and its date
("11.04.2024"), then what kind of paper it is ("Unterrichtung", "Antrag",
"Kleine Anfrage", "Beschlussempfehlung und Bericht") and by whom ("durch die
Bundesregierung", "der Abgeordneten … und der Fraktion …"); only then its title.

Those lines are the house's, not the paper's: they go to `removed` as `cover`, the
masthead's date is the paper's date, and the title stays for the cover reader.
Nothing is taken unless the house, "Drucksache" with its number and the kind of
paper are all among the first lines.
"""

from __future__ import annotations

import re

from claimdesk.sources.header import parse_date
from claimdesk.sources.model import Removed
from claimdesk.sources.readers.text_un_masthead import Masthead

MASTHEAD_LINES = 16
TITLE_LINES_MAX = 4
"""The title paragraph under the masthead is a few lines; a longer one is not taken for it."""
_HOUSE = re.compile(
    r"^\s*(?:Deutscher Bundestag|Bundesrat|(?:Bayerischer |Hessischer |Sächsischer |Thüringer |Niedersächsischer )?Landtag\b.*"
    r"|Abgeordnetenhaus (?:von )?Berlin|(?:Hamburgische|Bremische) Bürgerschaft|Bürgerschaft der Freien .*)\s*$",
    re.I,  # the house is often set in capitals ("LANDTAG NORDRHEIN-WESTFALEN")
)
_TERM = re.compile(r"^\s*\d{1,2}\.\s*Wahlperiode\s*$")
_PAPER_NUMBER = re.compile(r"^\s*Drucksache\s+\d{1,3}\s*/\s*\d{1,6}\s*$")
_KIND = re.compile(
    r"^\s*(?:Unterrichtung|Antrag|Gesetzentwurf|Beschlussempfehlung(?: und Bericht)?|Bericht|Kleine Anfrage|"
    r"Große Anfrage|Antwort|Entschließungsantrag|Änderungsantrag|Verordnung|Stellungnahme|Beschluss)\s*$"
)
_BY_WHOM = re.compile(r"^\s*(?:durch|der|des|von)\s")


def take_parliament_masthead(text: str, removed: list[Removed]) -> Masthead | None:
    """The text without the masthead; None unless it opens as a German parliamentary paper."""
    lines = text.split("\n")
    top = lines[:MASTHEAD_LINES]
    kind_at = next((index for index, line in enumerate(top) if _KIND.match(line)), None)
    if kind_at is None or not any(_HOUSE.match(line) for line in top[:kind_at]) \
            or not any(_PAPER_NUMBER.match(line) for line in top[:kind_at]):
        return None
    end = kind_at + 1
    while end < len(lines) and lines[end].strip() and _BY_WHOM.match(lines[end]):
        end += 1
        while end < len(lines) and lines[end].strip():
            end += 1  # "der Abgeordneten A, B, C und der Fraktion D" wraps over lines
    if not all(_is_house_line(line) for line in top[:kind_at] if line.strip()):
        return None  # something else stands among the house's lines: not the masthead we know
    masthead = [line.strip() for line in lines[:end] if line.strip()]
    date = next((found for line in masthead if (found := parse_date(line))), None)
    removed.extend(Removed("cover", line) for line in masthead)
    while end < len(lines) and not lines[end].strip():
        end += 1
    title_end = end
    while title_end < len(lines) and lines[title_end].strip() and title_end - end < TITLE_LINES_MAX:
        title_end += 1
    title = " ".join(" ".join(lines[end:title_end]).split()) or None
    if title is None or (title_end < len(lines) and lines[title_end].strip()):
        return Masthead("\n".join(lines[end:]), date)  # no title paragraph of the usual size: the cover reader's call
    removed.append(Removed("cover", title))
    return Masthead("\n".join(lines[title_end:]), date, title)


def _is_house_line(line: str) -> bool:
    return bool(_HOUSE.match(line) or _TERM.match(line) or _PAPER_NUMBER.match(line) or parse_date(line.strip()))
