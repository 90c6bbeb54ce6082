"""What every reader returns, and the helpers they share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimdesk.sources.blocks import Block, MarkerTable
from claimdesk.sources.model import Removed

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")


SUPERSCRIPT_NUMBER = rf"(?<![{SUPERSCRIPT_DIGITS}])[{SUPERSCRIPT_DIGITS}]{{1,5}}(?![{SUPERSCRIPT_DIGITS}])"
"""A note number in superscript digits: five at most, and never part of a longer run. A run of
thousands is no marker (and past 4,300 digits int() refuses it), so it stays text; bounded,
the pattern is also linear on such a run."""

PANDOC_LABEL = r"[^\]\s\[]{1,60}"
"""A pandoc note label ("[^3]", "[^fn-chen]"): bounded and without "[", so that a megabyte
of "[^" or of unclosed labels is read in linear time instead of rescanned from every "[^"."""


def superscript_to_int(text: str) -> int:
    """The number superscript digits write; callers match at most five (SUPERSCRIPT_NUMBER)."""
    return int(text.translate(_FROM_SUPERSCRIPT))


@dataclass
class ReaderResult:
    blocks: list[Block]
    markers: MarkerTable
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    warnings: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    """Source text the reader kept out of the body (navigation, licence...), never silently dropped."""


# Headings that open a list of notes at the end of a document; every reader uses this one list.
# In the languages of our users too: French, Spanish, German, Russian.
NOTES_HEADING = re.compile(
    r"^\W*(notes|endnotes|end notes|footnotes|references|sources|notes and references|bibliography"
    r"|notes et références|notes de bas de page|références|renvois|bibliographie|notas|referencias|bibliografía|fuentes"
    r"|anmerkungen|fußnoten|fussnoten|endnoten|quellen|quellenangaben|literatur|einzelnachweise|belege"
    r"|примечания|сноски|источники|литература"
    # Czech, Polish, Dutch, Portuguese, Italian: the languages of the sources our users meet next.
    r"|poznámky|poznámky pod čarou|přípisky|zdroje|przypisy|źródła|bibliografia|voetnoten|noten|eindnoten|bronnen"
    r"|notas de rodapé|notas e referências|referências|note a piè di pagina|riferimenti|fonti)\W*$",
    re.I,
)


# A superscript or glued digit after a unit is its power, not a note marker: "10 km²",
# "m³/s", "9.8 m/s²", "5 s²". Seconds only after a number: "'s" is no unit.
UNIT_BEFORE = re.compile(r"(?:^|[^\w])(?:m|km|cm|mm|dm|ft|mi|in|sq|yd|kg|mol|m/s)$|\d\s?s$")


WORD = re.compile(r"[^\W\d_]{2,}")
"""A word: two letters or more (no digits, no underscore), as the plain-text readers count words."""


def follows_a_unit(text: str, position: int) -> bool:
    """Whether the characters just before `position` of `text` end with a unit."""
    return bool(UNIT_BEFORE.search(text, max(0, position - 8), position))


def label_of(raw: str) -> int | str:
    """Footnote labels are ints when numeric, so "03" and "3" are one note."""
    raw = raw.strip()
    return int(raw) if raw.isdigit() else raw
