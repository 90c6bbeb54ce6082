"""The printed pages of a digitised book shown as HTML text, and the notes at their feet.

Gallica's "mode texte", the Internet Archive's and Google Books' text views show a
scanned book as its OCR text, a paragraph a block, the pages parted by rules (<hr>),
each page opened (or closed) by its printed number: "- 7 -", "[7]", "— 7 —", "7".
A page's notes are its last paragraphs, "(1) …", "(2) …", each called "(1)", "(2)"
in the page's text above; the book numbered them again from 1 on every page, or went
on from the page before.

When the page structure is there (at least PAGES_MIN rules followed by a printed number),
the number lines become page starts, and on each page whose last paragraphs are notes
numbered in order, every one called in order in that page's text, the notes become
footnotes in one sequence for the document, 1..n in reading order, each call tied to
its own page's note (two notes "(1)" on two pages are notes 1 and 2). A page where
any of that fails is left as it is: its "(1)" lines stay text.
"""

from __future__ import annotations

import re

from claimdesk.sources.blocks import BREAK, HEADING, NOTE, PARAGRAPH, Block, MarkerTable
from claimdesk.sources.model import Removed
from claimdesk.sources.readers.html_text_notes import as_note_text
from claimdesk.sources.readers.text_paren_endnotes import paren_call
from claimdesk.sources.textclean import PLACEHOLDER_PATTERN

_PAGE_LINE = re.compile(r"^(?:[-–—]\s*(?P<dashed>\d{1,4}|[ivxlcdm]{1,7})\s*[-–—]|\[(?P<bracket>\d{1,4}|[ivxlcdm]{1,7})\]|(?P<bare>\d{1,4}))$", re.I)
_PAREN_NOTE = re.compile(r"^\((?P<label>\d{1,2})\)\s*(?P<text>\S.*)$", re.S)
PAGES_MIN = 2
"""Pages opened by their printed number: one rule and a number could be anything."""


def book_pages_and_notes(blocks: list[Block], markers: MarkerTable, removed: list[Removed]) -> None:
    """Page starts and per-page notes of an OCR book page, in place."""
    if any(block.kind == NOTE for block in blocks):
        return  # the markup's own notes: a "(1)" line is then the text's
    pages = _pages(blocks)
    found = [(page, _page_number(blocks, page)) for page in pages]
    numbered = [(page, number[0], number[1]) for index, (page, number) in enumerate(found)
                if number is not None and (not number[2] or _in_sequence(found, index))]
    if len(numbered) < PAGES_MIN:
        return
    next_label = 1
    replacements: dict[int, Block | None] = {}
    for page, position, label in numbered:
        placeholder = markers.add_page(label)
        removed.append(Removed("page-number", blocks[position].text))
        replacements[position] = None
        rest = [index for index in page if index != position]
        first_text = next((index for index in rest if blocks[index].kind in (PARAGRAPH, HEADING)), None)
        if first_text is not None:
            blocks[first_text].text = placeholder + blocks[first_text].text
        next_label = _take_notes(blocks, rest, markers, next_label, replacements)
    blocks[:] = [replacements.get(index, block) for index, block in enumerate(blocks) if replacements.get(index, block) is not None]


def _pages(blocks: list[Block]) -> list[list[int]]:
    """The indices of the blocks between two rules (BREAK), for each stretch after a rule."""
    pages: list[list[int]] = []
    current: list[int] | None = None
    for index, block in enumerate(blocks):
        if block.kind == BREAK:
            if current:
                pages.append(current)
            current = []
        elif current is not None:
            current.append(index)
    if current:
        pages.append(current)
    return pages


def _page_number(blocks: list[Block], page: list[int]) -> tuple[int, str, bool] | None:
    """(block index, label, whether it is a bare number) of the printed number opening or closing the page."""
    texts = [index for index in page if blocks[index].kind in (PARAGRAPH, HEADING)]
    for index in (texts[:1] + texts[-1:]) if len(texts) > 1 else ():
        match = _PAGE_LINE.match(blocks[index].text.strip())
        if match and blocks[index].kind == PARAGRAPH:
            return index, match.group("dashed") or match.group("bracket") or match.group("bare"), bool(match.group("bare"))
    return None


def _in_sequence(found: list[tuple[list[int], tuple[int, str, bool] | None]], index: int) -> bool:
    """A bare number is a page's only when the page before or after has the number before or after it:
    a "1857" closing a title page is the year of the imprint."""
    label = int(found[index][1][1])
    for other, step in ((index - 1, -1), (index + 1, 1)):
        number = found[other][1] if 0 <= other < len(found) else None
        if number is not None and number[1].isdigit() and int(number[1]) == label + step:
            return True
    return False


def _take_notes(blocks: list[Block], page: list[int], markers: MarkerTable, next_label: int,
                replacements: dict[int, Block | None]) -> int:
    """The page's foot notes made notes (numbered from next_label on); the next free label."""
    texts = [index for index in page if blocks[index].kind == PARAGRAPH]
    foot: list[tuple[int, int, str]] = []
    for index in reversed(texts):
        match = _PAREN_NOTE.match(blocks[index].text.strip())
        if not match:
            break
        foot.append((index, int(match.group("label")), match.group("text")))
    foot.reverse()
    if not foot:
        return next_label
    labels = [label for _, label, _ in foot]
    first = labels[0]
    if labels != list(range(first, first + len(foot))) or first not in (1, next_label):
        return next_label  # not numbered as one page's notes are
    body = [index for index in page if index < foot[0][0] and blocks[index].kind in (PARAGRAPH, HEADING)]
    calls = _calls(blocks, body, labels)
    if calls is None:
        return next_label
    by_block: dict[int, list[tuple[int, int, int]]] = {}
    for offset, (index, start, end) in enumerate(calls):
        by_block.setdefault(index, []).append((start, end, next_label + offset))
    for index, spans in by_block.items():  # in reading order: markers are handed out as they are met
        text, pieces, cursor = blocks[index].text, [], 0
        for start, end, label in spans:
            pieces += [text[cursor:start], markers.add(label)]
            cursor = end
        blocks[index].text = "".join(pieces) + text[cursor:]
    for offset, (index, _, text) in enumerate(foot):
        replacements[index] = Block(NOTE, as_note_text(" ".join(text.split())), label=next_label + offset)
    return next_label + len(foot)


def _calls(blocks: list[Block], body: list[int], labels: list[int]) -> list[tuple[int, int, int]] | None:
    """(block index, start, end) of each label's "(n)" call, in order in the page's text; None if one is missing."""
    found: list[tuple[int, int, int]] = []
    where, offset = 0, 0
    for label in labels:
        pattern = re.compile(paren_call(str(label)))
        while where < len(body):
            text = blocks[body[where]].text
            match = pattern.search(text, offset)
            if match and not PLACEHOLDER_PATTERN.search(match.group()):
                found.append((body[where], match.start(), match.end()))
                offset = match.end()
                break
            where, offset = where + 1, 0
        else:
            return None
    return found
