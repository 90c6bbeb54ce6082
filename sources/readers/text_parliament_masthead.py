"""Parliamentary papers' mastheads, as pdftotext gives their first page: German and French.

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

A French report of the Sénat or the Assemblée nationale opens with its number
("N° 487"), the house, the session or legislature, "Enregistré à la Présidence du
Sénat le 27 mars 2024", then "RAPPORT D'INFORMATION FAIT au nom de la commission …
sur <the subject>," and "Par Mme … et M. …, Sénateurs". The house's lines and the
rapporteurs' go to `removed`; the report's own sentence ("RAPPORT … sur …") stays in
the text, for its call of the note that lists the commission's members; its subject
is the title.
"""

from __future__ import annotations

import re

from claimdesk.sources.header import find_date, parse_author_line, parse_date
from claimdesk.sources.model import Removed
from claimdesk.sources.readers.text_masthead import Masthead

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


_FRENCH_HOUSE = re.compile(r"^\s*(?:SÉNAT|SENAT|ASSEMBLÉE NATIONALE|ASSEMBLEE NATIONALE)\s*$")
_FRENCH_HOUSE_LINE = re.compile(
    r"^\s*(?:N°\s*\d+|SESSION (?:ORDINAIRE|EXTRAORDINAIRE) DE \d{4}\s*-\s*\d{4}|CONSTITUTION DU 4 OCTOBRE 1958|"
    r"[A-ZÉÈ-]+ LÉGISLATURE|Enregistré à la [Pp]résidence d.*|[_—–-]{2,})\s*$"
)
_REGISTERED = re.compile(r"^\s*Enregistré à la [Pp]résidence d")
_FRENCH_KIND = re.compile(r"^\s*(?:RAPPORT(?: D['’]INFORMATION)?|AVIS|PROPOSITION DE (?:LOI|RÉSOLUTION)|PROJET DE LOI)\s*$")
_SUBJECT = re.compile(r"(?:^|\s)sur\s+(?P<subject>.+?)\s*,?\s*$", re.S)
_MEMBERS_OF = re.compile(r"^\s*(?:Sénat(?:eur|rice)s?|Député(?:e)?s?)\s*$", re.I)
_NOTE_CALL = re.compile(r"\s*\(\d\)\s*")


def take_french_parliament_cover(text: str, removed: list[Removed]) -> Masthead | None:
    """The text without the house's and the rapporteurs' lines; None unless it opens as a
    report of the Sénat or the Assemblée nationale."""
    lines = text.split("\n")
    top = lines[:MASTHEAD_LINES]
    kind_at = next((index for index, line in enumerate(top) if _FRENCH_KIND.match(line)), None)
    if kind_at is None or not any(_FRENCH_HOUSE.match(line) for line in top[:kind_at]) \
            or not any(_REGISTERED.match(line) for line in top[:kind_at]):
        return None
    if not all(_FRENCH_HOUSE.match(line) or _FRENCH_HOUSE_LINE.match(line) for line in top[:kind_at] if line.strip()):
        return None
    house = [line.strip() for line in lines[:kind_at] if line.strip()]
    date = next((found for line in house if _REGISTERED.match(line) and (found := find_date(line))), None)
    end = kind_at
    while end < len(lines) and lines[end].strip():
        end += 1
    sentence = " ".join(" ".join(lines[kind_at:end]).split())
    subject = _SUBJECT.search(_NOTE_CALL.sub(" ", sentence))
    title = subject.group("subject").rstrip(" ,.") if subject else None
    title = title[:1].upper() + title[1:] if title else None
    kept = lines[kind_at:end]
    authors: list[str] = []
    rest = end
    while rest < len(lines) and not lines[rest].strip():
        rest += 1
    byline_end = rest
    while byline_end < len(lines) and lines[byline_end].strip():
        byline_end += 1
    byline = [line.strip() for line in lines[rest:byline_end]]
    names = parse_author_line(" ".join(line for line in byline if not _MEMBERS_OF.match(line)).rstrip(" ,"))
    if names and byline and byline[0].lower().startswith("par "):
        authors = names
        removed.extend(Removed("cover", line) for line in byline)
    else:
        byline_end = rest
    removed[:0] = [Removed("cover", line) for line in house]
    return Masthead("\n".join(kept + lines[end:rest] + lines[byline_end:]), date, title, authors)
