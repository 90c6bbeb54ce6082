"""The shape of a parsed report, shared by every reader and by the store.

Offsets are character offsets (Python ``str`` indices) into ``ParsedReport.text``,
the reading text: body only, no footnote text, no markup residue.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import asdict, dataclass, field

FOOTNOTE_KINDS = ("reference", "ibid", "op_cit", "url", "note")


@dataclass
class Reference:
    """A bibliographic reference parsed out of a footnote's text."""

    authors: list[str] = field(default_factory=list)
    """Author names as written ("A. Piatakov", "Arantxa Tirado")."""
    title: str | None = None
    """Title of the cited work, without quotation marks."""
    container: str | None = None
    """Journal, series, newspaper or website the work appeared in."""
    year: str | None = None
    """Four-digit year of publication, as a string."""
    url: str | None = None
    """First URL or bare web address in the note."""
    locator: str | None = None
    """Page or paragraph pointer ("p. 30", "pp. 18-38")."""

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class Footnote:
    """One footnote or endnote with its definition and where it is called."""

    number: int | str
    """The note's label: an int for numbered notes, a str for pandoc ids."""
    text: str
    """The note's clean text."""
    marker_offsets: list[int] = field(default_factory=list)
    """Where the note is called in the reading text (offset just after the word)."""
    kind: str = "note"
    """One of FOOTNOTE_KINDS."""
    resolves_to: int | str | None = None
    """For ibid and op_cit: the root note holding the full reference."""
    resolution_guess: bool = False
    """True when resolves_to was guessed (a bare "op. cit." takes the latest reference)."""
    reference: Reference | None = None
    """The parsed reference, of this note or (for ibid/op_cit) of its root."""
    cites_report: str | None = None
    """Id of a report in the store that the reference is to."""

    def to_json(self) -> dict:
        data = asdict(self)
        data["reference"] = self.reference.to_json() if self.reference else None
        return data


@dataclass
class Section:
    """A heading of the report and the span of reading text it governs."""

    title: str
    start: int
    end: int
    level: int = 1


REMOVED_KINDS = ("navigation", "header", "footer", "sidebar", "hidden", "edit-link", "contents", "languages",
                 "related", "comments", "share", "cookie", "licence", "furniture", "page-number", "cover", "notes-heading",
                 "advertisement", "other")
"""Why a piece of the source is not in the reading text (``Removed.kind``). "cover" lines were
read into the title, authors and date; a "notes-heading" opened the notes, which are footnotes."""


@dataclass
class Removed:
    """A piece of the source kept out of the reading text, reported rather than dropped."""

    kind: str
    """One of REMOVED_KINDS."""
    text: str
    """The text as the source has it (white space folded)."""

    def to_json(self) -> dict:
        return {"kind": self.kind, "text": self.text}


@dataclass
class Page:
    """A printed page of the source, as a span of the reading text."""

    label: str
    """The page's label as printed ("12", "xiv")."""
    start: int
    end: int

    def to_json(self) -> dict:
        return {"label": self.label, "start": self.start, "end": self.end}


def page_at(pages: list[dict], offset: int) -> str | None:
    """The label of the printed page that holds `offset`, from a page map as stored."""
    if not pages:
        return None
    index = bisect_right([page["start"] for page in pages], offset) - 1
    if index < 0:
        return None
    page = pages[index]
    return page["label"] if offset < page["end"] or index == len(pages) - 1 else None


@dataclass
class ParsedReport:
    """Everything a reader extracted from one file."""

    format: str
    """"txt", "md" or "html"."""
    text: str
    """The reading text."""
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    """ISO-like date as precise as the source says: "2020", "2020-07", "2020-07-14"."""
    sections: list[Section] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dangling_markers: list[tuple[int | str, int]] = field(default_factory=list)
    """Markers (label, offset) whose note has no definition in the document."""
    removed: list[Removed] = field(default_factory=list)
    """Source text kept out of the reading text (navigation, licence, furniture), in source order."""
    pages: list[Page] = field(default_factory=list)
    """The page map, where the source marks its pages; empty otherwise."""

    @property
    def orphan_footnotes(self) -> list[int | str]:
        """Notes defined in the document but never called from the text."""
        return [note.number for note in self.footnotes if not note.marker_offsets]

    @property
    def marker_count(self) -> int:
        return sum(len(note.marker_offsets) for note in self.footnotes)
