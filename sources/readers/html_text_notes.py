"""Notes an HTML page writes as text, and the markers that call them.

CMS pages, think-tank reports and pasted documents often carry no note markup at
all: the body says "[3]" or <sup>3</sup>, and a "Notes" (Endnotes, Sources,
Anmerkungen, Fußnoten...) heading at the end is followed by paragraphs that start
"[1]", "1." or "(1)". Such paragraphs become notes when they run as a sequence
from 1; a bracket or superscript number in the body becomes a marker only when
a note of that number exists and the number continues the document's sequence --
so a "10<sup>6</sup>" or "km<sup>2</sup>" stays text.
"""

from __future__ import annotations

import re

from claimdesk.sources.blocks import BREAK, HEADING, NOTE, PARAGRAPH, Block, MarkerTable, PageStart
from claimdesk.sources.model import Removed
from claimdesk.sources.readers.common import NOTES_HEADING, follows_a_unit
from claimdesk.sources.readers.text_paren_endnotes import paren_call
from claimdesk.sources.textclean import PLACEHOLDER_PATTERN, placeholder_index

# "{1}" is how the Russian e-libraries (lib.ru, az.lib.ru) write a note and its call.
# New York's Law Reporting Bureau writes "Footnote 1: …", called by "[FN1]".
_NOTE_START = re.compile(r"^(?:\[(?P<bracket>\d{1,4})\]|\{(?P<brace>\d{1,4})\}|\((?P<paren>\d{1,4})\)|(?P<dot>\d{1,4})[.)]"
                         r"|footnote\s(?P<word>\d{1,4}):)\s*(?=\S)", re.I)
# "[1][3]" calls two notes: HTML has no Markdown reference links to mistake it for.
_BRACKET_MARKER = re.compile(r"\[(?:FN)?(\d{1,4})\](?![(:])|\{(\d{1,4})\}")
MAX_SEQUENCE_GAP = 3
"""A marker may skip this many numbers (a note the page lost); a bigger jump is
a figure in brackets, not a call."""
# What follows a power and never a note call: a division slash or an operator ("Γ = Aω²/g", "x² + y²").
_OPERATOR_AFTER = re.compile(r"/|\s?[=+−×·<>≤≥≈]")
_YEAR_BEFORE = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d[.,;:)”\"’]?$")
_BREAKS_BEFORE_NOTES = 4
"""Rules (<hr>) a page may draw between the Notes heading and the first note."""
_TO_SUPERSCRIPT = str.maketrans("0123456789[]", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&!~])")


def finish_notes(blocks: list[Block], markers: MarkerTable, tentative: dict[str, str], zone_blocks: set[int],
                 removed: list[Removed]) -> list[str]:
    """Turn text notes and text markers into notes and markers, in place; returns warnings."""
    warnings: list[str] = []
    # Notes the markup declared are called by the markup's own markers: a "[3]" in their
    # text is a citation or a figure, and is left as it is.
    text_markers_read = not any(block.kind == NOTE for block in blocks)
    _split_line_notes(blocks, markers)
    _notes_from_text(blocks, markers, zone_blocks, removed)
    _drop_notes_headings(blocks, removed)
    labels = {block.label for block in blocks if block.kind == NOTE}
    _settle_markers(blocks, markers, tentative, labels, warnings, text_markers_read)
    _paren_calls_above_notes(blocks, markers)
    return warnings


def _paren_calls_above_notes(blocks: list[Block], markers: MarkerTable) -> None:
    """A note set under the paragraph that calls it "(1)" (JUPORTAL's summaries, each followed by its
    notes): a numbered note no marker calls takes the last "(n)" call of the text blocks just above it,
    up to the note before; none is looked for further up."""
    called = {markers.labels[placeholder_index(p)] for block in blocks if block.kind in (PARAGRAPH, HEADING)
              for p in PLACEHOLDER_PATTERN.findall(block.text)}
    for index, block in enumerate(blocks):
        if block.kind != NOTE or not isinstance(block.label, int) or block.label in called:
            continue
        pattern = re.compile(paren_call(str(block.label)))
        for above in range(index - 1, -1, -1):
            if blocks[above].kind == NOTE and blocks[above].label != block.label - 1 or blocks[above].kind == HEADING:
                break
            if blocks[above].kind != PARAGRAPH:
                continue
            found = list(pattern.finditer(blocks[above].text))
            if found:
                call = found[-1]
                start = call.start("paren") - 1  # the "(": the space before it stays the text's
                blocks[above].text = blocks[above].text[:start] + markers.add(block.label) + blocks[above].text[call.end():]
                called.add(block.label)
                break


_LINE_NOTES_LEVEL = 6
"""Level given to a "Notes" label found in a paragraph: any real heading ends its zone."""


def _split_line_notes(blocks: list[Block], markers: MarkerTable) -> None:
    """Old pages write their notes as lines of one paragraph: "<b>Notes</b><br>1. …<br>2. …".

    A paragraph that opens with a notes label (on its first line, or alone just
    before) and whose next line opens note 1 becomes that heading and one
    paragraph per note, so the notes zone reads them like any other.
    """
    index = 0
    while index < len(blocks):
        block = blocks[index]
        lines = [line for line in block.text.split("\n") if line.strip()] if block.kind == PARAGRAPH else []
        label_alone = len(lines) == 1 and NOTES_HEADING.match(lines[0]) and index + 1 < len(blocks)
        if label_alone and blocks[index + 1].kind == PARAGRAPH and _opens_note_one(blocks[index + 1].text.split("\n")[0], markers):
            blocks[index] = Block(HEADING, lines[0].strip(), level=_LINE_NOTES_LEVEL)
            index += 1
            continue
        if len(lines) > 1 and NOTES_HEADING.match(lines[0]) and _opens_note_one(lines[1], markers):
            blocks[index:index + 1] = [Block(HEADING, lines[0].strip(), level=_LINE_NOTES_LEVEL)] + _one_block_per_note(lines[1:], markers)
            index += 1
            continue
        if len(lines) > 1 and index > 0 and blocks[index - 1].kind == HEADING and NOTES_HEADING.match(blocks[index - 1].text) \
                and _opens_note_one(lines[0], markers):
            blocks[index:index + 1] = _one_block_per_note(lines, markers)
        index += 1


def _opens_note_one(line: str, markers: MarkerTable) -> bool:
    opened = _note_start(line.strip(), markers)
    return opened is not None and opened[0] == 1


def _one_block_per_note(lines: list[str], markers: MarkerTable) -> list[Block]:
    """A paragraph per numbered line; a line that opens no note continues the one before."""
    notes: list[Block] = []
    for line in lines:
        if _note_start(line.strip(), markers) or not notes:
            notes.append(Block(PARAGRAPH, line.strip()))
        else:
            notes[-1].text += " " + line.strip()
    return notes


def _note_start(text: str, markers: MarkerTable) -> tuple[int, str] | None:
    """(label, rest) when a paragraph opens with a note number: "[1] ...", "1. ...", <sup>1</sup>."""
    lead = PLACEHOLDER_PATTERN.match(text)
    if lead:
        label = markers.labels[placeholder_index(lead.group())]
        if isinstance(label, int):
            return label, text[lead.end():].strip()
        return None
    match = _NOTE_START.match(text)
    if not match:
        return None
    number = match.group("bracket") or match.group("brace") or match.group("paren") or match.group("dot") or match.group("word")
    return int(number), text[match.end():]


def _notes_from_text(blocks: list[Block], markers: MarkerTable, zone_blocks: set[int], removed: list[Removed]) -> None:
    """Paragraphs under a notes heading, or inside a notes list, that number themselves 1, 2, 3..."""
    index = 0
    while index < len(blocks):
        block = blocks[index]
        opens_zone = (block.kind == HEADING and NOTES_HEADING.match(block.text)) or _notes_label(block) or (
            block.kind == PARAGRAPH and id(block) in zone_blocks and (index == 0 or id(blocks[index - 1]) not in zone_blocks))
        if not opens_zone:
            index += 1
            continue
        start = index + 1 if block.kind == HEADING or _notes_label(block) else index
        if block.kind == HEADING and _BIBLIOGRAPHY_HEADING.match(block.text) and any(b.kind == NOTE for b in blocks):
            # A paper with footnotes of its own lists its sources as "[1] Albrecht (2019)…" under
            # "References": the numbered citations point there, the footnotes are elsewhere.
            index += 1
            continue
        listed = block.kind == PARAGRAPH and id(block) in zone_blocks  # a notes list, not a heading, opened it
        index = _convert_zone(blocks, start, block.level if block.kind == HEADING else 0, markers, zone_blocks, removed, listed)


_LABEL_MAX_CHARS = 40


def _notes_label(block: Block) -> bool:
    """A paragraph that is only "Notes" ("<div align=center><b>ПРИМЕЧАНИЯ</b></div>", "<p><strong>Notes</strong></p>"):
    the heading of a page that draws its headings with bold type."""
    return block.kind == PARAGRAPH and len(block.text) <= _LABEL_MAX_CHARS and bool(NOTES_HEADING.match(block.text.strip()))


_BIBLIOGRAPHY_HEADING = re.compile(
    r"^\W*(?:references|bibliography|works cited|literature cited|références|bibliographie|referencias|bibliografía|"
    r"literatur|literaturverzeichnis|quellenverzeichnis|литература|список литературы)\W*$", re.I)


def _convert_zone(blocks: list[Block], start: int, level: int, markers: MarkerTable, zone_blocks: set[int],
                  removed: list[Removed], listed: bool = False) -> int:
    """The zone's paragraphs that number themselves made notes; the index after the zone. A zone a notes
    list opened ends with the list: the paragraph after it is the text's again."""
    previous = 0
    existing = [b.label for b in blocks if b.kind == NOTE and isinstance(b.label, int)]
    position = start
    while position < len(blocks):
        block = blocks[position]
        if block.kind == HEADING and (not level or block.level <= level):
            break
        if listed and id(block) not in zone_blocks:
            break
        if block.kind != PARAGRAPH:
            position += 1
            continue
        opened = _note_start(block.text, markers)
        first_ok = opened and (opened[0] == 1 or (existing and opened[0] == max(existing) + 1))
        if opened and ((previous and previous < opened[0] <= previous + MAX_SEQUENCE_GAP) or (not previous and first_ok)):
            previous = opened[0]
            label = block.text[:len(block.text) - len(opened[1])].strip()
            if any(char.isalpha() for char in label):
                removed.append(Removed("notes-heading", label))  # "Footnote 1:": the note's label, in words
            blocks[position] = Block(NOTE, as_note_text(opened[1]), label=opened[0])
        elif previous and blocks[position - 1].kind == NOTE:
            # A note's second paragraph.
            note = blocks[position - 1]
            note.text += " " + as_note_text(block.text)
            del blocks[position]
            continue
        elif not previous and position == start and position + 1 < len(blocks) and _note_start(blocks[position + 1].text, markers):
            pass  # an editor's line over the numbered notes ("Впервые -- журнал …, 1889"): it stays text
        elif not previous:
            break
        position += 1
    return max(position, start + 1)


def as_note_text(text: str) -> str:
    """Body text made note text: placeholders out, Markdown specials escaped (notes are read as inline Markdown)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", PLACEHOLDER_PATTERN.sub("", text)).strip()


def _drop_notes_headings(blocks: list[Block], removed: list[Removed]) -> None:
    """A "Notes" heading over the notes is the notes' label, not a section of the text."""
    index = 0
    while index < len(blocks):
        block = blocks[index]
        # Also a label in a paragraph of its own (Distributed Proofreaders' <p class="center">FOOTNOTES:</p>
        # over each chapter's notes): once its notes are taken out it labels nothing in the text.
        if (block.kind == HEADING and NOTES_HEADING.match(block.text) or _notes_label(block)) and _next_is_note(blocks, index):
            removed.append(Removed("furniture", block.text))
            del blocks[index]
            continue
        index += 1


def _next_is_note(blocks: list[Block], index: int) -> bool:
    following = next((b for b in blocks[index + 1:index + 1 + _BREAKS_BEFORE_NOTES] if b.kind != BREAK), None)
    return following is not None and following.kind == NOTE


def _settle_markers(blocks: list[Block], markers: MarkerTable, tentative: dict[str, str], labels: set, warnings: list[str],
                    text_markers_read: bool = True) -> None:
    """Keep a tentative marker only where it continues the sequence; read "[n]" markers the same way."""
    numbered = {label for label in labels if isinstance(label, int)}
    highest = 0
    for block in blocks:
        if block.kind not in (PARAGRAPH, HEADING):
            continue
        pieces: list[str] = []
        before = _TextBefore()
        cursor = 0
        candidates = sorted(
            [(m.start(), m.end(), m.group()) for m in PLACEHOLDER_PATTERN.finditer(block.text)]
            + ([(m.start(), m.end(), m.group()) for m in _BRACKET_MARKER.finditer(block.text)] if numbered and text_markers_read else [])
        )
        for start, end, found in candidates:
            before.add(block.text[cursor:start])
            pieces.append(block.text[cursor:start])
            cursor = end
            if PLACEHOLDER_PATTERN.fullmatch(found) and found not in tentative:
                label = markers.labels[placeholder_index(found)]
                if isinstance(label, int):
                    highest = max(highest, label)
                piece = found
            else:
                label = int(found.strip("[]{}FN")) if found.startswith(("[", "{")) else markers.labels[placeholder_index(found)]
                if isinstance(label, PageStart):
                    piece = found
                elif _continues(label, highest, numbered, before) and not (found in tentative and _OPERATOR_AFTER.match(block.text, end)):
                    highest = max(highest, label)
                    piece = markers.add(label) if found.startswith(("[", "{")) else found
                else:
                    piece = _superscript(tentative[found]) if found in tentative else found
                    if found in tentative and numbered:
                        warnings.append(f"superscript {piece!r} kept as text: it is not the next note")
            before.add(piece)
            pieces.append(piece)
        pieces.append(block.text[cursor:])
        block.text = "".join(pieces)


class _TextBefore:
    """The paragraph's text up to a candidate marker, as `_continues` reads it: its last
    character, and the end of it without placeholders. Kept up to date piece by piece:
    joining the whole paragraph again at each of its markers was quadratic."""

    KEEP = 32
    """Visible characters kept: the unit and year patterns look back a few characters only."""

    def __init__(self) -> None:
        self.last = ""
        self.visible = ""

    def add(self, piece: str) -> None:
        if piece:
            self.last = piece[-1]
            self.visible = (self.visible + PLACEHOLDER_PATTERN.sub("", piece))[-self.KEEP:]


def _superscript(shown: str) -> str:
    """A superscript that is no marker stays a superscript ("10⁶", "km²"): as plain
    digits it would run into the number before it and make another figure."""
    return shown.strip().translate(_TO_SUPERSCRIPT)


def _continues(label: int, highest: int, numbered: set[int], before: _TextBefore) -> bool:
    if label not in numbered or label > highest + MAX_SEQUENCE_GAP:
        return False
    visible = before.visible
    if before.last and not before.last.isspace() and (follows_a_unit(visible, len(visible)) or visible[-1:].isdigit()):
        # Right after a number or a unit a superscript is a power ("10⁶", "km²"),
        # unless it is the next note after a year ("in 2015³").
        return label == highest + 1 and bool(_YEAR_BEFORE.search(visible))
    return True
