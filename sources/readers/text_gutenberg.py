"""Project Gutenberg plain-text ebooks: licence, header fields and footnote blocks.

A Gutenberg file wraps the book in the Project's licence: a header that ends with
a line "*** START OF THE PROJECT GUTENBERG EBOOK <TITLE> ***" (older files: "THIS
PROJECT GUTENBERG EBOOK") and a footer that starts with "*** END OF ...". The
header carries the catalogue fields ("Title:", "Author:", "Release Date: March 3,
2004 [eBook #11468]", "Most recently updated:", "Language:"), continuation lines
indented. Neither header nor footer is the book, but both are reported as removed
("licence"), never dropped silently; nor is the closing sentence older files set before
the END line ("End of the Project Gutenberg EBook of <Title>, by <Author>", over two lines).

The release date is the ebook's, not the work's: the work is dated by its own title page,
the imprint's year ("LONDON: / PRINTED BY … / 1867."), or not at all.

Inside the book, Distributed Proofreaders' conventions apply: footnotes are
"[Footnote 1: text]" blocks (possibly several paragraphs long, labels restarting
per chapter or letters "[A]"), called by "[1]"/"[A]" in the text; page numbers
of the printed book, when kept, are "{12}" or "[Pg 12]".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimdesk.sources.header import parse_author_line, parse_date
from claimdesk.sources.model import Removed
from claimdesk.sources.readers.text_title_page import imprint_year, in_capitals

_START = re.compile(r"^\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b.*$", re.I | re.M)
_END = re.compile(r"^\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b.*$", re.I | re.M)
# Older files close the book with a sentence of their own just before the END line.
_END_SENTENCE = re.compile(r"^\s*End of (?:the |this )?Project Gutenberg'?s? E-?Book\b.*$", re.I | re.M)
# The proofreaders' credit that opens the book ("Produced by ... at https://www.pgdp.net").
_CREDITS = re.compile(r"^\s*(?:E-text |This e-?book was |e-?book )?(?:produced|prepared|transcribed) by\b", re.I)
_FIELD = re.compile(r"^(?P<name>[A-Z][A-Za-z ]{1,30}):\s*(?P<value>.*)$")
# "Most recently updated: ..." sits indented under the release date in current files.
_INDENTED_FIELD = re.compile(r"^\s+(?P<name>Most recently updated|Last updated|Updated):\s*(?P<value>.*)$", re.I)
_EBOOK_NUMBER = re.compile(r"\s*\[e-?book\s*#\s*\d+\]\s*", re.I)
_NOT_A_PERSON = re.compile(r"^(?:various|anonymous|unknown)\b", re.I)

FOOTNOTE_OPEN = re.compile(r"^\s*\[\s*Footnote\s+(?P<label>[0-9]{1,4}|[A-Za-z]{1,3}|[*†‡§]{1,3})\s*[:.]\s*")
"""Opens a proofreaders' footnote block: "[Footnote 1: ", "[Footnote A: "."""
PAGE_MARKER = re.compile(r"\{(?P<curly>\d{1,4}|[ivxlcdm]{1,8})\}|\[\s*(?:Pg|Page|p\.)\s*(?P<square>\d{1,6}|[ivxlcdm]{1,8})\s*\]", re.I)
"""A printed page number kept in the text: "{12}", "[Pg 12]"."""


@dataclass
class GutenbergBook:
    body: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    """The work's year, from its title page's imprint; never the ebook's release date."""
    released: str | None = None
    updated: str | None = None
    original_year: str | None = None
    """The printed book's year, where the header's "Original publication:" field states it."""
    language: str | None = None
    removed: list[Removed] = field(default_factory=list)


_IMPRINT_YEAR = re.compile(r"\b(1[4-9]\d\d|20\d\d)\b")


def split_gutenberg(text: str) -> GutenbergBook | None:
    """The book between the licence header and footer, or None if this is no Gutenberg file."""
    start = _START.search(text)
    if not start:
        return None
    end = _END.search(text, start.end())
    header = text[: start.end()]
    body_end = end.start() if end else len(text)
    closing = _END_SENTENCE.search(text, start.end(), body_end)
    # The sentence may run over two lines ("End of the Project Gutenberg EBook of Report on …\nthe River Arden, by …").
    closing_end = text.find("\n\n", closing.end(), body_end) if closing else -1
    if closing and not text[closing_end if closing_end >= 0 else closing.end():body_end].strip():
        body_end = closing.start()
    book = GutenbergBook(body=text[start.end():body_end])
    _read_fields(header[: start.start()], book)
    book.removed.append(Removed("licence", fold(header)))
    footer = text[body_end:]
    if footer.strip():
        book.removed.append(Removed("licence", fold(footer)))
    book.body = _take_credits(book)
    year = book.original_year or imprint_year(book.body.lstrip("\n").split("\n", TITLE_PAGE_SCAN_LINES)[:TITLE_PAGE_SCAN_LINES])
    if year and not (book.released and year > book.released[:4]):
        book.date = year
    book.body = _without_title_page_imprint(book)
    return book


# The imprint at the foot of the printed title page: the place, the printer or publisher and its address,
# then the year alone ("MONTVÉRAN / IMPRIMERIE BAUDOIN ET FILS / 14, RUE DES CORDELIERS" / "1878";
# "LONDON: / JOHN MURRAY, ALBEMARLE STREET." / "1868."). It names who printed the book, not what it says.
_PRINTER_WORDS = re.compile(r"\b(?:IMPRIMERIE|IMPRIMEUR|LIBRAIRIE|LIBRAIRE|[ÉE]DITEURS?|VERLAG\w*|DRUCKEREI|BUCHHANDLUNG|"
                            r"BUCHDRUCKEREI|PRINTED|PRINTERS?|PUBLISHERS?|(?:&|AND) CO\.?|SONS|IMPRENTA|LIBRER[ÍI]A|EDITORES|"
                            r"TIPOGRAFIA|STAMPERIA)\b")
_IMPRINT_YEAR_LINE = re.compile(r"^\s*(?:[A-ZÀ-Ý .,:]+[,.]?\s+)?1[4-9]\d\d\.?\s*$")
_IMPRINT_LINES_MAX = 4
_PLACE_LINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý'’-]+(?:\s[A-ZÀ-Ý][A-ZÀ-Ý'’-]+)?[:,]$|^[A-ZÀ-Ý][A-ZÀ-Ý'’-]+$")
_IMPRINT_CAPITALS_SHARE = 0.8


def _without_title_page_imprint(book: GutenbergBook) -> str:
    """The body without its title page's imprint, which goes to `removed` as "cover". Only among the
    opening lines, only a block of lines in capitals naming a printer or publisher right over the year."""
    lines = book.body.split("\n")
    for index, line in enumerate(lines[:TITLE_PAGE_SCAN_LINES]):
        if not _IMPRINT_YEAR_LINE.match(line):
            continue
        above = index - 1
        while above >= 0 and not lines[above].strip():
            above -= 1
        start = above
        while start > 0 and lines[start - 1].strip():
            start -= 1
        block = [text.strip() for text in lines[start:above + 1]]
        if not block or len(block) > _IMPRINT_LINES_MAX or not any(_PRINTER_WORDS.search(text) for text in block) \
                or not all(in_capitals([text], _IMPRINT_CAPITALS_SHARE) for text in block):
            return book.body
        place = start - 1
        while place >= 0 and not lines[place].strip():
            place -= 1
        if place >= 0 and (place == 0 or not lines[place - 1].strip()) and _PLACE_LINE.match(lines[place].strip()):
            block.insert(0, lines[place].strip())  # "PARIS" or "LONDON:" set apart over the publisher
            start = place
        book.removed.append(Removed("cover", fold("\n".join(block + [line]))))
        return "\n".join(lines[:start] + lines[index + 1:])
    return book.body


TITLE_PAGE_SCAN_LINES = 80
"""The printed title page opens the book: its lines (blank ones included) are among the first so many."""


def fold(text: str) -> str:
    """White space folded, as Removed texts are reported."""
    return " ".join(text.split())


def _take_credits(book: GutenbergBook) -> str:
    """The proofreaders' credit paragraph at the top of the book is not the book, nor is the
    transcriber's note that opens it."""
    body = book.body.lstrip("\n")
    first, separator, rest = body.partition("\n\n")
    if _CREDITS.match(first):
        book.removed.append(Removed("other", fold(first)))
        body = rest.lstrip("\n")
    return _take_transcribers_note(book, body)


# "Transcriber's Note:", "Nota del Transcriptor:", "Note du transcripteur", "Anmerkungen zur Transkription"
_TRANSCRIBERS_NOTE = re.compile(r"^\s*(?:transcriber'?s?’?s? notes?|notas? del transcriptor|notes? du transcripteur|notes? de transcription|"
                                r"anmerkungen? zur transkription|anmerkungen? des bearbeiters)\s*(?:[:.]?\s*(?:\n|$)|:\s+\S)", re.I)
_SECTION_GAP = re.compile(r"\n[ \t]*\n[ \t]*\n[ \t]*\n")
_TRANSCRIBERS_NOTE_MAX_CHARS = 2500


def _take_transcribers_note(book: GutenbergBook, body: str) -> str:
    """A transcriber's note over the title page goes to `removed` as "other": its label, and what follows up to
    the blank lines that set the title page apart. Without that gap, the note's end is unsure and it all stays."""
    if not _TRANSCRIBERS_NOTE.match(body):
        return body
    gap = _SECTION_GAP.search(body, 0, _TRANSCRIBERS_NOTE_MAX_CHARS)
    if gap is None:
        return body
    book.removed.append(Removed("other", fold(body[:gap.start()])))
    return body[gap.end():]


def _read_fields(header: str, book: GutenbergBook) -> None:
    """Catalogue fields of the header; a field's indented lines continue it."""
    fields: list[list[str]] = []
    for line in header.split("\n"):
        indented = _INDENTED_FIELD.match(line)
        if indented:
            fields.append([indented.group("name").title(), indented.group("value").strip()])
            continue
        match = _FIELD.match(line)
        if match:
            fields.append([match.group("name").strip().title(), match.group("value").strip()])
        elif fields and line[:1].isspace() and line.strip():
            # A title's indented second line is its subtitle, as on a cover.
            joiner = ": " if fields[-1][0] == "Title" and not re.search(r"[:;,.]$", fields[-1][1]) else " "
            fields[-1][1] += joiner + line.strip()
        elif not line.strip() and fields:
            fields.append(["", ""])  # a blank line ends the field before it
    for name, value in fields:
        _apply_field(name, value, book)


def _apply_field(name: str, value: str, book: GutenbergBook) -> None:
    if not value:
        return
    if name == "Title" and book.title is None:
        book.title = value
    elif name == "Author":
        names = parse_author_line(value) or ([] if _NOT_A_PERSON.match(value) else [value])
        book.authors.extend(n for n in names if n not in book.authors)
    elif name in ("Release Date", "Release date") and book.released is None:
        book.released = parse_date(_EBOOK_NUMBER.sub(" ", value).strip())
    elif name in ("Most Recently Updated", "Last Updated", "Updated"):
        book.updated = parse_date(value)
    elif name == "Language":
        book.language = value
    elif name == "Original Publication":
        # Current headers state the printed book's imprint: "Original publication: Valencia: Imprenta de José Ortega, 1879"
        years = _IMPRINT_YEAR.findall(value)
        book.original_year = years[-1] if years else None


def page_label(match: re.Match) -> str:
    return match.group("curly") or match.group("square")


PAGE_GAP_MAX = 4
"""Consecutive printed page numbers differ by one, or a little more where plates were skipped."""


def page_marker_ordinals(texts: list[str]) -> set[int]:
    """Which "{12}"/"[Pg 12]" matches (counted in text order) are page numbers.

    A brace or bracket around a number means many things; a book's page numbers
    climb. A number is a page when the one before or after it is a page or two
    away in the right direction ("{12}" given as an example in a transcriber's
    note, followed by "{1}", is not); roman front-matter pages count when arabic
    pages do.
    """
    labels = [page_label(match) for text in texts for match in PAGE_MARKER.finditer(text)]
    numeric = [(ordinal, int(label)) for ordinal, label in enumerate(labels) if label.isdigit()]
    accepted = set()
    for position, (ordinal, number) in enumerate(numeric):
        before = numeric[position - 1][1] if position else None
        after = numeric[position + 1][1] if position + 1 < len(numeric) else None
        if (before is not None and 0 < number - before <= PAGE_GAP_MAX) or (after is not None and 0 < after - number <= PAGE_GAP_MAX):
            accepted.add(ordinal)
    if accepted:
        accepted.update(ordinal for ordinal, label in enumerate(labels) if not label.isdigit())
    return accepted


CHAPTER_GAP = 3
"""Gutenberg files put four blank lines before a chapter heading, one or two elsewhere."""
_HEADING_LINE_MAX = 70


def chapter_headings(paragraphs: list[str], gaps: list[int]) -> dict[int, int]:
    """Paragraph index -> heading level, from the blank lines Gutenberg sets before chapters.

    A short paragraph (one or two lines) after CHAPTER_GAP blank lines or more is a
    chapter heading; a short line right after it is its subtitle ("OF WET GROUND.").
    """
    levels: dict[int, int] = {}
    for index, (paragraph, gap) in enumerate(zip(paragraphs, gaps)):
        if gap < CHAPTER_GAP or not _short_title(paragraph) or index + 1 >= len(paragraphs):
            continue
        levels[index] = 1
        following = paragraphs[index + 1]
        if gaps[index + 1] < CHAPTER_GAP and "\n" not in following.strip() and _short_title(following) and index + 2 < len(paragraphs):
            levels[index + 1] = 2
    return levels


def _short_title(paragraph: str) -> bool:
    lines = [line.strip() for line in paragraph.strip().split("\n")]
    return (
        len(lines) <= 2
        and all(0 < len(line) <= _HEADING_LINE_MAX for line in lines)
        and not lines[0].startswith(("[", "{", "_"))
        and not re.search(r"[,;]$", lines[-1])
        and bool(re.match(r"[A-Z0-9]", lines[0]))
        and sum(1 for c in paragraph if c.isupper()) >= sum(1 for c in paragraph if c.islower())
    )


def has_footnote_blocks(paragraphs: list[str]) -> bool:
    """Whether the text sets its notes as proofreaders' "[Footnote 1: …]" blocks. Then those blocks are its
    notes, and a paragraph "1. That passes be required …" is a numbered list, though "[1]" was called."""
    return any(FOOTNOTE_OPEN.match(paragraph) for paragraph in paragraphs)


def take_footnote_blocks(paragraphs: list[str], start: int) -> tuple[str, str, int, str] | None:
    """The footnote block opening at paragraphs[start]: (label, text, paragraphs used, rest).

    `rest` is what follows the closing bracket in its paragraph: body text again.
    The block runs to the bracket that closes "[Footnote", over as many paragraphs
    as it takes (a long note has several). If no bracket closes it within
    MAX_FOOTNOTE_PARAGRAPHS, only its first paragraph is the note.
    """
    opening = FOOTNOTE_OPEN.match(paragraphs[start])
    if not opening:
        return None
    depth = 0
    pieces: list[str] = []
    for used, paragraph in enumerate(paragraphs[start:start + MAX_FOOTNOTE_PARAGRAPHS], start=1):
        for position, char in enumerate(paragraph):
            if char == "[":
                depth += 1
            elif char == "]":
                depth -= 1
                if depth == 0:
                    pieces.append(paragraph[:position])
                    rest = paragraph[position + 1:].strip()
                    return opening.group("label"), "\n\n".join(pieces)[opening.end():], used, rest
        pieces.append(paragraph)
    first = paragraphs[start]
    return opening.group("label"), first[opening.end():], 1, ""


MAX_FOOTNOTE_PARAGRAPHS = 12
"""A footnote block longer than this many paragraphs has lost its closing bracket."""
