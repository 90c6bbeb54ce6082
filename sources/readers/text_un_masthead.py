"""A United Nations document's masthead, as pdftotext gives a page from the Official Document System.

Every UN parliamentary document opens the same way: "United Nations", the
document symbol ("A/79/286", "S/2024/512", "E/CN.6/2025/3"), the organ
("General Assembly", "Security Council"), the distribution ("Distr.: General"),
the date, "Original: English", then the session and the agenda item ("Item 18 (d)
of the provisional agenda*") with the item's name; only then the document's
title ("Rural water supply in …", "Report of the Secretary-General"). The first
page's foot carries the job number ("24-14327 (E)"), a date code and a barcode.

Those lines are the document system's, not the report's: they go to `removed`
(the masthead as `cover`, the job lines as `footer`), the masthead's date is the
document's date, and the title lines stay, for the cover reader to read. Nothing
is taken unless the masthead is there: "United Nations", a symbol and "Distr.:"
among the first lines.
"""

from __future__ import annotations

import re

from claimdesk.sources.header import parse_date
from claimdesk.sources.model import Removed
from claimdesk.sources.readers.text_masthead import Masthead

MASTHEAD_LINES = 30
"""The masthead is within the first page's first lines."""
_UNITED_NATIONS = re.compile(r"^\s*(?:United Nations|Nations Unies|Naciones Unidas|Организация Объединенных Наций)\b")
_SYMBOL = re.compile(r"(?:^|\s)(?P<symbol>(?:A|S|E|C|T|ST|UNEP|HRC|DP|ICEF|TD|CEDAW|CRC|CCPR)(?:/[A-Z0-9.()-]+){1,6})\s*$")
_DISTRIBUTION = re.compile(r"^\s*(?:Distr\.|Distribution)\s*:?\s*(?:General|Limited|Restricted|Générale|Limitée)\b", re.I)
_ORGANS = re.compile(r"^\s*(?:General Assembly|Security Council|Economic and Social Council|Human Rights Council|"
                     r"Assemblée générale|Conseil de sécurité|Asamblea General|Consejo de Seguridad|"
                     r"Генеральная Ассамблея|Совет Безопасности)\s*$", re.I)
_AGENDA_ITEM = re.compile(r"^\s*(?:Items?|Point|Tema|Пункт)\s+\d", re.I)
_FIELD_LINE = re.compile(r"^\s*(?:Original|Distr\.|Distribution)\s*:", re.I)
_SESSION = re.compile(r"\bsession\b|\bsesión\b|\bsessione?\b|\bсессия\b", re.I)
# The first page's foot: the job number with its language ("24-14327 (E)"), the date code, the barcode,
# "Please recycle"; the bare job number of the later pages is a running footer (text_pages).
_JOB_LINE = re.compile(r"^\s*(?:\d{2}-\d{5}\s*\([A-Z]\)|\d{6}|\*\d{7}\*|please recycle\s*♲?|♲)\s*$", re.I)


def take_un_masthead(text: str, removed: list[Removed]) -> Masthead | None:
    """The text without the masthead and the first page's job lines; None unless it is a UN document."""
    first_page, form_feed, rest = text.partition("\f")
    lines = first_page.split("\n")
    top = lines[:MASTHEAD_LINES]
    if not (any(_UNITED_NATIONS.match(line) for line in top) and any(_SYMBOL.search(line) for line in top)
            and any(_DISTRIBUTION.match(line) for line in top)):
        return None
    end = _masthead_end(top)
    masthead = [line.strip() for line in lines[:end] if line.strip()]
    date = next((found for line in masthead if (found := parse_date(line))), None)
    removed.extend(Removed("cover", line) for line in masthead)
    foot: list[str] = []
    kept = lines[end:]
    while kept and (not kept[-1].strip() or _JOB_LINE.match(kept[-1])):
        line = kept.pop()
        if line.strip():
            foot.insert(0, line.strip())
    removed.extend(Removed("footer", line) for line in foot)
    return Masthead("\n".join(kept) + form_feed + rest, date)


def _masthead_end(top: list[str]) -> int:
    """The index of the first line after the masthead: after the agenda item and its name,
    else after the last field or session line."""
    last = 0
    for index, line in enumerate(top):
        if _UNITED_NATIONS.match(line) or _SYMBOL.search(line) or _FIELD_LINE.match(line) or _DISTRIBUTION.match(line) \
                or _SESSION.search(line) or (parse_date(line.strip()) if line.strip() else None) or _ORGANS.match(line):
            last = index + 1
        if _AGENDA_ITEM.match(line):
            name_end = index + 1
            while name_end < len(top) and top[name_end].strip():
                name_end += 1  # the item's name, up to the blank line before the title
            return name_end
    return last
