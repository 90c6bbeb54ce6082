"""From a reader's blocks to the reading text with offsets.

Every reader (plain text, Markdown, HTML) turns its input into a list of blocks:
paragraphs and headings of the body, with footnote markers held as placeholders,
and footnote definitions. This module lays the body out as the reading text,
records where each heading and marker landed, and joins the sentences that a
page break (and the footnote block printed at it) cut in two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimdesk.sources.model import Section
from claimdesk.sources.textclean import PLACEHOLDER_PATTERN, placeholder, placeholder_index

PARAGRAPH = "paragraph"
HEADING = "heading"
NOTE = "note"
"""A footnote definition; label in Block.label."""
BREAK = "break"
"""A page break with nothing to keep (a separator line, a removed furniture line)."""
PAGE = "page"
"""A printed page starts here; its label ("12") in Block.label. Acts as a break."""


@dataclass(frozen=True)
class PageStart:
    """A marker-table entry that is not a footnote marker: page `label` starts here.

    Readers that meet a page number inside a paragraph ("[Pg 12]", a pagenum span)
    add one with MarkerTable.add_page, so the page boundary keeps its exact offset
    however the paragraph is later parsed or joined.
    """

    label: str


@dataclass
class Block:
    kind: str
    text: str = ""
    level: int = 0
    """Heading depth, 1 for the top level."""
    label: int | str | None = None
    """Footnote label, for NOTE blocks."""
    keep_lines: bool = False
    """Lines of a list or verse stay on their own lines in the reading text."""


@dataclass
class MarkerTable:
    """Placeholders handed out for footnote markers, in the order they were met."""

    labels: list[int | str | PageStart] = field(default_factory=list)

    def add(self, label: int | str) -> str:
        self.labels.append(label)
        return placeholder(len(self.labels) - 1)

    def add_page(self, label: str) -> str:
        """A placeholder for the start of printed page `label`."""
        self.labels.append(PageStart(str(label)))
        return placeholder(len(self.labels) - 1)


@dataclass
class Layout:
    text: str
    sections: list[Section]
    markers: list[tuple[int | str, int]]
    """(label, offset) for every marker, in text order."""
    notes: list[Block]
    moved_out: list[str]
    """Short lines taken out of the body because they interrupted a sentence."""
    page_starts: list[tuple[str, int]] = field(default_factory=list)
    """(label, offset) where each printed page starts, in text order."""


# A paragraph that ends like this has finished its sentence.
_TERMINATED = re.compile(r"[.!?…:;\"”»’)\]]\s*$")
_STARTS_LOWER = re.compile(r"^[\"“‘«(]?[a-zà-öø-ÿ]")
# A prose paragraph cut mid-sentence: it ends on a word, a comma or a number.
_CUT_MID_SENTENCE = re.compile(r"[\w,]$")
_PROSE_MIN_CHARS = 80
_PLACEHOLDER_RUN = re.compile(PLACEHOLDER_PATTERN.pattern + "+")
_FURNITURE_MAX_CHARS = 200


def _visible(text: str) -> str:
    return PLACEHOLDER_PATTERN.sub("", text).strip()


def _ends_sentence(text: str) -> bool:
    return bool(_TERMINATED.search(_visible(text)))


def lay_out(blocks: list[Block], marker_table: MarkerTable) -> Layout:
    """Lay out the body blocks as the reading text."""
    notes = [block for block in blocks if block.kind == NOTE]
    blocks = _inline_page_starts(blocks, marker_table)
    for block in blocks:
        if block.kind in (PARAGRAPH, HEADING):
            block.text = _tidy_spaces_at_placeholders(block.text, marker_table)
    body, moved_out = _join_broken_paragraphs(blocks)
    pieces: list[str] = []
    offset = 0
    headings: list[tuple[str, int, int]] = []
    markers: list[tuple[int | str, int]] = []
    page_starts: list[tuple[str, int]] = []
    for block in body:
        if pieces:
            pieces.append("\n\n")
            offset += 2
        visible_parts: list[str] = []
        cursor = 0
        visible_length = 0
        for match in PLACEHOLDER_PATTERN.finditer(block.text):
            visible_parts.append(block.text[cursor:match.start()])
            visible_length += match.start() - cursor
            label = marker_table.labels[placeholder_index(match.group())]
            if isinstance(label, PageStart):
                page_starts.append((label.label, offset + visible_length))
            else:
                markers.append((label, offset + visible_length))
            cursor = match.end()
        visible_parts.append(block.text[cursor:])
        visible = "".join(visible_parts)
        if block.kind == HEADING:
            headings.append((visible, offset, block.level))
        pieces.append(visible)
        offset += len(visible)
    text = "".join(pieces)
    return Layout(text, _sections(headings, len(text)), markers, notes, moved_out, page_starts)


def _tidy_spaces_at_placeholders(text: str, marker_table: MarkerTable) -> str:
    """"in 2015 [1]." reads "in 2015." once the marker is gone; "mill [Pg 12] and" reads "mill and".

    Each run of placeholders is found first and the blanks around it are looked at by
    hand: a pattern that starts with the blanks is tried at every space of the text.
    """
    if not PLACEHOLDER_PATTERN.search(text):
        return text
    pieces: list[str] = []
    cursor = 0
    for match in _PLACEHOLDER_RUN.finditer(text):
        start, end = match.span()
        before = start
        while before > cursor and text[before - 1] in " \t":
            before -= 1
        after = end
        while after < len(text) and text[after] in " \t":
            after += 1
        run = match.group()
        pieces.append(text[cursor:before])
        if any(isinstance(marker_table.labels[placeholder_index(char)], PageStart) for char in run):
            # A page start is not glued to the word before; one space stays around it.
            pieces.append(text[before:start] + run if before < start else run + text[end:after])
        else:
            pieces.append(run + text[end:after])
        cursor = after
    pieces.append(text[cursor:])
    return "".join(pieces)


def _inline_page_starts(blocks: list[Block], marker_table: MarkerTable) -> list[Block]:
    """A PAGE block becomes a page placeholder at the start of the next body block.

    The block itself stays, as a break, so that a sentence cut by the page break
    is still joined; the placeholder then marks the exact join point.
    """
    pending: list[str] = []
    for block in blocks:
        if block.kind == PAGE:
            pending.append(marker_table.add_page(str(block.label)))
            block.kind = BREAK
        elif pending and block.kind in (PARAGRAPH, HEADING):
            block.text = "".join(pending) + block.text
            pending = []
    if pending:
        last = next((b for b in reversed(blocks) if b.kind in (PARAGRAPH, HEADING)), None)
        if last is not None:
            last.text += "".join(pending)
    return blocks


def _join_broken_paragraphs(blocks: list[Block]) -> tuple[list[Block], list[str]]:
    """Merge a paragraph with the one that finishes its sentence after a page break.

    "...Russia" / footnote 3 / "will seek to consolidate ties..." becomes one
    paragraph. Short lines printed between the two halves (a translator's note at
    the foot of the page) are taken out of the body and returned, so that the
    sentence reads whole.
    """
    body: list[Block] = []
    moved_out: list[str] = []
    # Paragraphs met since the last unfinished one, while a page break is pending.
    pending_interlude: list[Block] = []
    saw_break = False
    # Pieces joined onto a paragraph, kept apart until the end: joining them one by
    # one would copy the growing paragraph each time (40,000 joins took 30 s).
    joined = _JoinedPieces()
    for block in blocks:
        if block.kind in (NOTE, BREAK):
            saw_break = True
            continue
        if block.kind == HEADING or not _visible(block.text):
            body.extend(pending_interlude)
            pending_interlude = []
            saw_break = False
            body.append(block)
            continue
        previous = _last_paragraph(body)
        unfinished = previous is not None and not _ends_sentence(joined.tail(previous))
        continues = _STARTS_LOWER.match(_visible(block.text)) or (
            # After a footnote block, the next page may go on with a capital ("a / Belarusian company").
            saw_break and previous is not None and _CUT_MID_SENTENCE.search(_visible(joined.tail(previous)))
            and joined.visible_length(previous) >= _PROSE_MIN_CHARS
        )
        if unfinished and continues:
            if pending_interlude and saw_break:
                moved_out.extend(_visible(b.text) for b in pending_interlude)
                # A page start or marker inside the furniture stays, at the join.
                kept = "".join("".join(PLACEHOLDER_PATTERN.findall(b.text)) for b in pending_interlude)
                block.text = kept + block.text.lstrip()
                pending_interlude = []
            if not pending_interlude:
                joined.join(previous, block.text.lstrip())
                saw_break = False
                continue
        if unfinished and not saw_break and len(_visible(block.text)) <= _FURNITURE_MAX_CHARS and not pending_interlude:
            # Maybe furniture before a footnote block; decide when we see what follows.
            pending_interlude.append(block)
            continue
        body.extend(pending_interlude)
        pending_interlude = []
        saw_break = False
        body.append(block)
    body.extend(pending_interlude)
    joined.apply(body)
    return body, moved_out


class _JoinedPieces:
    """Text joined onto paragraphs, as lists of pieces, with what the joining rules ask of them."""

    def __init__(self) -> None:
        self.pieces: dict[int, list[str]] = {}
        self.lengths: dict[int, int] = {}

    def tail(self, block: Block) -> str:
        """The paragraph's last piece: enough to tell whether its sentence is finished."""
        pieces = self.pieces.get(id(block))
        return pieces[-1] if pieces else block.text

    def visible_length(self, block: Block) -> int:
        return self.lengths.get(id(block)) or len(_visible(block.text))

    def join(self, block: Block, text: str) -> None:
        pieces = self.pieces.get(id(block))
        if pieces:
            pieces[-1] = pieces[-1].rstrip()
        else:
            block.text = block.text.rstrip()
            pieces = self.pieces[id(block)] = []
            self.lengths[id(block)] = len(_visible(block.text))
        pieces.append(" " + text)
        self.lengths[id(block)] += 1 + len(_visible(text))

    def apply(self, body: list[Block]) -> None:
        for block in body:
            pieces = self.pieces.get(id(block))
            if pieces:
                block.text = block.text + "".join(pieces)


def _last_paragraph(body: list[Block]) -> Block | None:
    if body and body[-1].kind == PARAGRAPH:
        return body[-1]
    return None


def _sections(headings: list[tuple[str, int, int]], text_length: int) -> list[Section]:
    sections = []
    for index, (title, start, level) in enumerate(headings):
        end = text_length
        for _other_title, other_start, other_level in headings[index + 1:]:
            if other_level <= level:
                end = other_start
                break
        sections.append(Section(title=title, start=start, end=end, level=level))
    return sections
