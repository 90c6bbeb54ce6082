"""HTML pages and exported documents.

The page is first read into a small tree (html_tree), so that each element can
be judged whole: which are notes and which links call them (html_notes), which
are the site around the article (html_content), and what the page says about
itself (html_meta). This module then writes the blocks: the article's text,
its notes, page starts, and a record of everything kept out of the text.

Only text leaves this module: tags are never passed through, entities are
decoded, and script, style and template contents (code, not text) are the only
things left out without a record in `removed`.
"""

from __future__ import annotations

import re

from claimdesk.sources.blocks import BREAK, HEADING, NOTE, PARAGRAPH, Block, MarkerTable, PageStart
from claimdesk.sources.model import Removed
from claimdesk.sources.textclean import PLACEHOLDER_PATTERN, placeholder_index
from claimdesk.sources.readers.common import NOTES_HEADING, ReaderResult
from claimdesk.sources.readers.html_byline import take_bylines
from claimdesk.sources.readers.html_confluence import read_confluence_page
from claimdesk.sources.readers.html_content import CODE_TAGS, ContentPlan, plan_content
from claimdesk.sources.readers.html_library import mark_library_furniture
from claimdesk.sources.readers.html_meta import read_page_meta
from claimdesk.sources.readers.html_office import is_title_paragraph
from claimdesk.sources.readers.html_wrapped_text import pdftohtml_text, pre_page_text
from claimdesk.sources.readers.html_notes import NotePlan, plan_notes
from claimdesk.sources.readers.html_page_notes import book_pages_and_notes
from claimdesk.sources.readers.html_runeberg import runeberg_page
from claimdesk.sources.readers.html_symbol_notes import page_symbol_notes
from claimdesk.sources.readers.html_text_notes import finish_notes
from claimdesk.sources.readers.html_tree import BLOCK_TAGS, Node, build_tree, is_small, text_of
from claimdesk.sources.readers.plaintext import read_plain_text
from claimdesk.sources.readers.text_closing import is_end_mark

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_STAR_CALL = re.compile(r"^\s*\(\s*\*\s*\)\s*$")
_PRINTED_CALL_NUMBER = re.compile(r"(?<=\S)\s+(?P<number>\d{1,3})\s*$")
# Table cells are read along their row ("Built; 1641"), so only rows end a block.
_FLUSHING = BLOCK_TAGS - {"html", "noscript", "td", "th", "thead", "tbody", "tfoot"}
_INVISIBLE_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&!~])")
_EMPHASIS = {"em", "i", "cite"}
_SUP_NUMBER = re.compile(r"^\s*\[?(\d{1,4})\]?\s*$")
_LIST_OPENERS_AFTER_NOTES_HEADING = {"ol"}
_SUP_MAX_CHARS = 8
# A linked call set in parentheses, as EUR-Lex and CURIA write it: "(‘the BGB’) (<a href="#Footnote1">1</a>), provides".
# The parentheses are the call's: the note is called after "(‘the BGB’)". Only for linked calls: a "(<sup>2</sup>)"
# that proves no call keeps its parentheses with its figure.
_CALL_IN_PARENTHESES = re.compile(r"[ \t]?\(\s*(" + PLACEHOLDER_PATTERN.pattern + r")\s*\)")
_ONLY_SEPARATORS = re.compile(r"^[\s|¦·•]+$")
_COLON_CELL_PIECES = 6
"""Pieces of the buffer a cell holding only ":" can have written (its white space around)."""


def read_html(text: str) -> ReaderResult:
    converted = pdftohtml_text(text) or pre_page_text(text)
    if converted is not None:
        return read_plain_text(converted)  # a plain text in HTML dress: read as the text it is
    text = runeberg_page(text) or text  # Projekt Runeberg's page view, in the markup its parts mean
    root = build_tree(text)
    notes = plan_notes(root)
    content = plan_content(root, notes.protected, set(notes.notes))
    mark_library_furniture(root, content, notes.protected)
    writer = _BlockWriter(notes, content)
    writer.write(root)
    book_pages_and_notes(writer.blocks, writer.markers, writer.removed)
    symbol_warnings: list[str] = []
    page_symbol_notes(writer.blocks, writer.markers, symbol_warnings)
    tentative = finish_notes(writer.blocks, writer.markers, writer.tentative, writer.zone_blocks, writer.removed)
    licence = [item.text for item in writer.removed if item.kind == "licence"]
    excluded = (set(content.removed) - content.datelines) | set(notes.notes)
    datelines = [text_of(root.document[index]) for index in sorted(content.datelines)]
    meta = read_page_meta(root, writer.blocks, excluded, licence, datelines)
    warnings = content.warnings + meta.warnings + tentative + symbol_warnings
    title, authors, date = meta.title, meta.authors, meta.date
    confluence = read_confluence_page(root)
    if confluence:  # the export's own fields say it better than <title> ("Space : Page") does
        title, authors, date = confluence.title or title, confluence.authors or authors, confluence.date or date
    blocks = take_bylines(writer.blocks, authors, date, writer.removed)
    return ReaderResult(blocks, writer.markers, title, authors, date, warnings, writer.removed)


_NOTE_PARAGRAPH_CLASS = re.compile(r"(?<![a-z])(?:note|notes|nota|noot|footnote)(?![a-z])", re.I)
# A paragraph's number set in the margin by the page's style, glued to the paragraph's first word in
# the markup: OpenEdition's span.paranumber, a court's span.paranum "[1]". It stays, a space after it.
_PARAGRAPH_NUMBER_CLASS = re.compile(r"(?<![\w-])(?:paranumber|paranum|para-number|paragraph-number|numpara)(?![\w-])", re.I)


class _BlockWriter:
    """Walks the tree once, in document order, writing blocks."""

    def __init__(self, notes: NotePlan, content: ContentPlan) -> None:
        self.notes = notes
        self.content = content
        self.blocks: list[Block] = []
        self._note_labels: list[int | str] = []
        """The labels of the NOTE blocks so far, in order: listing them again from the blocks at
        each list item was quadratic (60,000 items of a notes list: 46 s)."""
        self.markers = MarkerTable()
        self._linked_calls: set[str] = set()
        """Placeholders of calls that link to their note: their parentheses are the call's."""
        self.removed: list[Removed] = []
        self.tentative: dict[str, str] = {}
        """Placeholder -> source text of an unlinked <sup>3</sup>: a marker only if a note 3 turns up."""
        self.zone_blocks: set[int] = set()
        """Ids of paragraph blocks written inside a notes list: they may be notes ("1. ...")."""
        self._buffer: list[str] = []
        self._heading = 0
        self._pre = 0
        self._note: Node | None = None
        self._note_label: int | str | None = None
        self._line_note = False
        """The note being written is a line note (NotePlan.line_notes): it ends at the next <br>."""
        self._container_depth = 0
        self._ordinal_containers: set[int] = set()
        self._after_notes_heading = False
        self._pending_pages: list[str] = []
        self._names_its_notes: dict[int, bool] = {}
        self._element_boundary = False
        self._headings_seen = False
        """A heading was written: a large first line after it is no title (kept as a flag, not a
        scan of the blocks at every <p>, which made a page without headings quadratic)."""
        self._row_start = 0
        """Where the current table row's text starts in the buffer."""
        self._cell_separators: list[tuple[list[str], int] | None] = []
        """For each open cell, where its "; " stands in the buffer (None: it opened the row's text)."""
        self._row_scan: tuple[list[str], int, bool] = (self._buffer, 0, False)
        """(the buffer, how far into it, whether text was found) as the row was last looked at."""
        self._stashed: list[str] = []
        """The sentence an inline note interrupted, while the note is written."""

    def write(self, root: Node) -> None:
        stack: list[tuple[Node, int]] = []
        if self._enter(root):
            stack.append((root, 0))
        while stack:
            node, position = stack[-1]
            if position == len(node.children):
                stack.pop()
                self._leave(node)
                continue
            stack[-1] = (node, position + 1)
            child = node.children[position]
            if isinstance(child, str):
                self._text(self._without_caption_credit(child, node, position) if node.tag == "figcaption" else child)
            elif self._enter(child):
                stack.append((child, 0))
        self._flush()
        if self._pending_pages:
            last = next((b for b in reversed(self.blocks) if b.kind in (PARAGRAPH, HEADING)), None)
            if last is not None:
                last.text += "".join(self._pending_pages)

    # -- elements -------------------------------------------------------------
    def _enter(self, node: Node) -> bool:
        """Write what opens an element; False when the element is fully handled."""
        self._element_boundary = True
        tag, index = node.tag, node.index
        if tag in CODE_TAGS:
            return False
        kind = self.content.removed.get(index)
        if kind:
            self._record(kind, text_of(node))
            return False
        if (index in self.notes.line_notes and self._note is None) or self._line_note:
            if self._opens_or_ends_line_note(node):
                return False
        if index in self.content.pages:
            self._buffer.append(self.markers.add_page(self.content.pages[index]))
            self._record("page-number", text_of(node))
            return False
        if index in self.notes.apparatus:
            # A note's back-links ("↩", "^ a b", "↩10") are navigation, reported like the rest.
            self._record("navigation", text_of(node))
            return False
        if index in self.notes.markers and self._note is None:
            self._take_printed_call_number(node, self.notes.markers[index])
            placeholder = self.markers.add(self.notes.markers[index])
            self._linked_calls.add(placeholder)
            self._buffer.append(placeholder)
            return False
        if tag == "br":
            self._buffer.append("\n")
            return False
        if tag == "hr":
            self._flush()
            self.blocks.append(Block(BREAK))
            return False
        if tag == "sup" and self._note is None and is_small(node, _SUP_MAX_CHARS) and _SUP_NUMBER.match(text_of(node)):
            shown = text_of(node)
            placeholder = self.markers.add(int(_SUP_NUMBER.match(shown).group(1)))
            self.tentative[placeholder] = shown
            self._buffer.append(placeholder)
            return False
        if self._note is None and self._starts_note(node):
            return True
        if index in self.notes.containers or (tag in _LIST_OPENERS_AFTER_NOTES_HEADING and self._after_notes_heading and not self._container_depth):
            self._flush()
            if index not in self.notes.containers:
                self._ordinal_containers.add(index)
            self._container_depth += 1
        if tag in ("p", "table", "blockquote", "pre", "ul", "dl", "figure"):
            self._after_notes_heading = False
        if self._note is not None and (tag in _FLUSHING or tag in _HEADINGS):
            self._part_note_blocks()
        if self._note is None:
            if tag in _HEADINGS:
                self._flush()
                self._heading = _HEADINGS[tag]
            elif tag == "p" and is_title_paragraph(node, headings_seen=self._headings_seen):
                # Word's and Google Docs' "Title" style, LibreOffice's large first line: the title.
                self._flush()
                self._heading = 1
            elif tag in _FLUSHING:
                self._flush()
        if tag == "pre":
            self._pre += 1
        if tag in _EMPHASIS and self._note is not None:
            self._buffer.append("*")
        if tag == "tr":
            self._row_start = len(self._buffer)
            self._row_scan = (self._buffer, self._row_start, False)
        if tag in ("td", "th"):
            separator = None
            if self._row_has_text():
                # Cells part with "; " however the HTML is laid out: cells "64", "212", "301"
                # must never read "64 212 301", which is one figure in French notation.
                if not self._buffer[-1].strip():
                    self._buffer.pop()  # the layout's white space between two cells
                self._buffer.append(" " if self._after_colon_cell() or self._after_label_cell() else "; ")
                separator = (self._buffer, len(self._buffer) - 1)
            self._cell_separators.append(separator)
        return True

    def _drop_separator_of_empty_cell(self, separator: tuple[list[str], int] | None) -> None:
        """An empty cell parts nothing: its "; " goes ("BETWEEN" | "" | "" read "BETWEEN; ;", a
        semicolon the source never printed)."""
        if separator is None:
            return
        buffer, position = separator
        if buffer is self._buffer and position < len(buffer) and buffer[position] == "; " \
                and not "".join(buffer[position + 1:]).strip():
            buffer[position] = " "

    def _after_colon_cell(self) -> bool:
        """Whether the cell just ended held only a colon, as in a court's case-details table
        ("Case Number | : | Suit No 123"): the row reads "Case Number : Suit No 123", not
        "Case Number; :; Suit No 123". The "; " before the colon becomes a space."""
        buffer = self._buffer
        for index in range(len(buffer) - 1, max(self._row_start, len(buffer) - _COLON_CELL_PIECES) - 1, -1):
            if buffer[index] == "; ":
                if "".join(buffer[index + 1:]).strip() != ":":
                    return False
                buffer[index] = " "
                return True
        return False

    def _after_label_cell(self) -> bool:
        """Whether the cell just ended is a label, its text closing with a colon ("Fecha:" | "14/03/2023",
        a court database's header table): the row reads "Fecha: 14/03/2023", the colon parting them."""
        last = next((piece for piece in reversed(self._buffer[self._row_start:]) if piece.strip()), "")
        return last.rstrip().endswith((":", "："))

    def _row_has_text(self) -> bool:
        """Whether the row's cells so far wrote text (the buffer from the row's start), each
        piece looked at once: a row of 100,000 cells joined its whole text again at each cell."""
        buffer, scanned, found = self._row_scan
        if buffer is not self._buffer:  # flushed, or a note's buffer: read from the row's start again
            buffer, scanned, found = self._buffer, self._row_start, False
        if not found:
            found = any(piece.strip() for piece in buffer[scanned:])
        self._row_scan = (buffer, len(buffer), found)
        return found

    def _starts_note(self, node: Node) -> bool:
        label = self.notes.notes.get(node.index)
        if label is None and node.tag == "li" and self._container_depth:
            if not self._in_ordinal_container(node):
                return False
            previous = self._note_labels
            label = (previous[-1] + 1) if previous and isinstance(previous[-1], int) else len(previous) + 1
        if label is None:
            return False
        if node.index in self.notes.inline:
            self._stashed, self._buffer = self._buffer, []  # the sentence goes on after the note
            if node.index in self.notes.self_marked:
                self._stashed.append(self.markers.add(label))  # called where it stands
        else:
            self._flush()
        self._note, self._note_label = node, label
        return True

    def _opens_or_ends_line_note(self, node: Node) -> bool:
        """A line note's anchor opens it (its text is the label, which the note keeps as its number);
        a <br>, a block or the next note's anchor ends it. True when the element is fully handled."""
        if self._line_note and (node.tag == "br" or node.tag in _FLUSHING or node.index in self.notes.line_notes):
            self._close_note()
            if node.tag == "br":
                return True
        if node.index in self.notes.line_notes and self._note is None:
            self._flush()
            self._note, self._note_label, self._line_note = node, self.notes.notes[node.index], True
            return True
        return False

    def _close_note(self) -> None:
        """The note being written becomes a NOTE block; the sentence it interrupted, if any, goes on."""
        text = re.sub(r"\s+", " ", "".join(self._buffer)).strip()
        self._buffer, self._stashed = self._stashed, []
        if text:
            self.blocks.append(Block(NOTE, text, label=self._note_label))
            self._note_labels.append(self._note_label)
        self._note, self._line_note = None, False

    def _in_ordinal_container(self, item: Node) -> bool:
        """List items of a notes list are notes in order, unless the list names its notes by id."""
        container = next((a for a in item.ancestors() if a.index in self._ordinal_containers or a.index in self.notes.containers), None)
        if container is None:
            return False
        if container.index in self._ordinal_containers:
            return True
        if container.index not in self._names_its_notes:
            self._names_its_notes[container.index] = any(a.index in self.notes.notes for a in _descendants(container))
        return not self._names_its_notes[container.index]

    def _leave(self, node: Node) -> None:
        self._element_boundary = True
        tag = node.tag
        if self._line_note and self._note is not None and node is self._note.parent:
            self._close_note()  # the line's element ends: so does its note
        if node is self._note:
            self._close_note()
            return
        if tag in _EMPHASIS and self._note is not None:
            self._buffer.append("*")
        if tag in ("td", "th") and self._cell_separators:
            self._drop_separator_of_empty_cell(self._cell_separators.pop())
        if _PARAGRAPH_NUMBER_CLASS.search(node.get("class")) and self._buffer and not self._buffer[-1][-1:].isspace():
            self._buffer.append(" ")  # OpenEdition's "<span class="paranumber">8</span>À partir…", set apart by its style
        if node.index in self.notes.containers or node.index in self._ordinal_containers:
            self._flush(in_zone=True)
            self._container_depth -= 1
        if tag == "pre":
            self._pre -= 1
        if tag in _FLUSHING or tag in _HEADINGS:
            if self._note is not None:
                self._part_note_blocks()
            # a paragraph classed as a note ("<p class="note-notice">(1) Voir Cass. …</p>" under the summary
            # that calls it, as JUPORTAL sets a decision's notes): a notes zone of its own, read if numbered
            self._flush(in_zone=self._container_depth > 0 or (tag == "p" and bool(_NOTE_PARAGRAPH_CLASS.search(node.get("class")))))
        if node is self.content.main:
            # The article ends here: nothing after it continues one of its notes.
            self._flush()
            self.blocks.append(Block(BREAK))

    def _take_printed_call_number(self, link: Node, label: int | str) -> None:
        """The Sénat prints a call as the note's number, then a link "( * )": "en voiture 2 <a>( * )</a>".
        The number is the call's, not the sentence's: it goes with the link (reported, not lost)."""
        if not _STAR_CALL.match(text_of(link)) or not self._buffer:
            return
        while len(self._buffer) > 1 and not self._buffer[-1].strip():
            self._buffer.pop()  # the layout's space between the number and the link
        number = _PRINTED_CALL_NUMBER.search(self._buffer[-1])
        # The calls all show "( * )": the n-th is labelled "*", "*-2", "*-3"…, and its number says n.
        ordinal = str(label).rpartition("-")[2] if "-" in str(label) else "1"
        if number and number.group("number") in (str(label), ordinal):
            self._buffer[-1] = self._buffer[-1][:number.start()]
            self._record("navigation", number.group("number"))

    def _part_note_blocks(self) -> None:
        """Two blocks inside a note ("<p>Obras</p><h3>Línea H…</h3>") are two words apart, however
        the HTML is laid out: a note's text is one line, and "ObrasLínea" is no word of the source."""
        if self._buffer and self._buffer[-1][-1:] and not self._buffer[-1][-1:].isspace():
            self._buffer.append(" ")

    def _text(self, data: str) -> None:
        if not self._pre:
            data = re.sub(r"[\r\n]+", " ", data)  # source line breaks are only spaces in HTML
        if self._element_boundary and self._buffer and self._buffer[-1][-1:].isdigit() and data[:1].isdigit():
            # Two elements' numbers side by side ("2022" + "17 January") must not make one figure.
            # (Words are not parted here: "<b>Mc</b>Donald" is one name in a body.)
            data = " " + data
        self._element_boundary = False
        if self._note is not None:
            data = MARKDOWN_SPECIAL.sub(r"\\\1", data)
        if "[*" in data:
            data = _STAR_PAGE.sub(self._star_page, data)
        self._buffer.append(data)

    def _without_caption_credit(self, data: str, caption: Node, position: int) -> str:
        """A caption's last words that credit the photograph ("… ein Millionendefizit aus.  © Maik Reuß"):
        the credit goes to `removed`, the caption stays."""
        if any(isinstance(child, str) and child.strip() for child in caption.children[position + 1:]):
            return data  # not the caption's last words
        credit = _CAPTION_CREDIT.search(data.replace("\u00a0", " "))
        if credit is None:
            return data
        self._record("other", credit.group("credit").strip())
        return data[:credit.start()]

    def _star_page(self, match: re.Match) -> str:
        """'[*2]' in a New York slip opinion: page 2 of the slip starts here."""
        self._record("page-number", match.group())
        return self.markers.add_page(match.group("page"))

    def _record(self, kind: str, text: str) -> None:
        if text:
            self.removed.append(Removed(kind, text))

    def _only_page_starts(self, text: str) -> bool:
        placeholders = PLACEHOLDER_PATTERN.findall(text)
        return bool(placeholders) and not PLACEHOLDER_PATTERN.sub("", text).strip() and all(
            isinstance(self.markers.labels[placeholder_index(p)], PageStart) for p in placeholders)

    def _flush(self, in_zone: bool = False) -> None:
        if self._note is not None:
            return
        raw = _INVISIBLE_SPACES.sub(" ", "".join(self._buffer))
        self._buffer = []
        if self._pre:
            text = raw.strip("\n")
        else:
            text = re.sub(r"\n+", "\n", re.sub(r"[ \t\r\f\v]*\n[ \t\r\f\v]*", "\n", re.sub(r"[ \t\r\f\v]+", " ", raw)).strip())
        if self._linked_calls and "(" in text:
            text = _CALL_IN_PARENTHESES.sub(lambda m: m.group(1) if m.group(1) in self._linked_calls else m.group(0), text)
        if text and self._only_page_starts(text):
            # Only page starts: they belong at the start of the next block of text.
            self._pending_pages.append("".join(ch for ch in text if not ch.isspace()))
            text = ""
        if text:
            text = "".join(self._pending_pages) + text
            self._pending_pages = []
            if self._heading:
                self.blocks.append(Block(HEADING, text.replace("\n", " "), level=self._heading))
                self._headings_seen = True
                self._after_notes_heading = bool(NOTES_HEADING.match(text))
            elif _ONLY_SEPARATORS.match(text):
                # "|" left between two links that went as navigation ("<< zurück | weiter >>"): theirs, kept with them
                self._record("navigation", text.strip())
            elif is_end_mark(text) and text.strip().lower() not in ("fin", "ende"):
                # A press release's "###" or "-30-" in a paragraph of its own: the end of the story.
                self.blocks.append(Block(BREAK))
                self._record("furniture", text.strip())
            else:
                self.blocks.append(Block(PARAGRAPH, text, keep_lines=bool(self._pre)))
                if in_zone or self._container_depth:
                    self.zone_blocks.add(id(self.blocks[-1]))
        self._heading = 0




# A photograph's credit closing its caption, after the caption's last word: "© Maik Reuß", "©dpa".
_CAPTION_CREDIT = re.compile(r"(?<=\S)\s+(?P<credit>©\s?[^\s©][^©\n]{1,60}?)\s*$")
# Star paging: the bracketed page of the printed slip or reporter ("[*2]", "[*1043]").
_STAR_PAGE = re.compile(r"\[\*(?P<page>\d{1,5})\]")


def _descendants(node: Node):
    pending = list(node.children)
    while pending:
        item = pending.pop()
        if isinstance(item, Node):
            yield item
            pending.extend(item.children)
