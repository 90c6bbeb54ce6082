"""Notes marked *, †, ‡ at the foot of each printed page of a digitised book shown as HTML.

A library's page-by-page text of a nineteenth-century journal (Making of America) keeps each
page's notes under its text, before the next page's marker, each opened by the printer's mark:
"<p class="fn">* These figures are taken from …</p>", called in the page's text by the same
mark glued to the word it follows ("…27,500 bushels of oats.*"). The marks start again on every
page. Once the page markers are read (html_content), such a page's notes are told as the plain-
text reader tells them (text_symbol_notes): its last paragraphs open with the marks in the
printers' order, and each mark is called once, in that order, in the page's text above. They
become notes numbered on from page to page. A page where anything is less than certain is left
as it is.
"""

from __future__ import annotations

from claimdesk.sources.blocks import HEADING, NOTE, PARAGRAPH, Block, MarkerTable, PageStart
from claimdesk.sources.readers.html_text_notes import as_note_text
from claimdesk.sources.readers.text_symbol_notes import NOTE_LINE, in_printers_order, symbol_calls
from claimdesk.sources.textclean import PLACEHOLDER_PATTERN, placeholder_index


def page_symbol_notes(blocks: list[Block], markers: MarkerTable, warnings: list[str]) -> None:
    """The symbol-marked notes of every page made notes, their calls markers, in place."""
    if any(block.kind == NOTE for block in blocks):
        return  # the markup's own notes: a "*" is then the text's
    next_label = 1
    for page in _pages(blocks, markers):
        next_label = _take_page_notes(blocks, page, markers, next_label)
    if next_label > 1:
        warnings.append(f"{next_label - 1} note(s) marked *, †, ‡ … at the foot of their pages, numbered 1 to {next_label - 1} in order")


def _pages(blocks: list[Block], markers: MarkerTable) -> list[list[int]]:
    """The indices of the text blocks of each printed page, a page from the block its marker opens."""
    pages: list[list[int]] = []
    for index, block in enumerate(blocks):
        if block.kind not in (PARAGRAPH, HEADING):
            continue
        starts_page = any(isinstance(markers.labels[placeholder_index(p)], PageStart) for p in PLACEHOLDER_PATTERN.findall(block.text))
        if starts_page or not pages:
            pages.append([])
        pages[-1].append(index)
    return pages if len(pages) > 1 else []


def _take_page_notes(blocks: list[Block], page: list[int], markers: MarkerTable, next_label: int) -> int:
    foot: list[tuple[int, str]] = []
    for index in reversed(page):
        match = NOTE_LINE.match(blocks[index].text) if blocks[index].kind == PARAGRAPH else None
        if match is None:
            break
        foot.append((index, match.group("mark")))
    foot.reverse()
    marks = [mark for _, mark in foot]
    body = [index for index in page if index < foot[0][0]] if foot else []
    if not body or not in_printers_order(marks):
        return next_label
    joined = "\n".join(blocks[index].text for index in body)
    calls = symbol_calls(joined, marks)
    if calls is None:
        return next_label
    labels = {mark: next_label + offset for offset, mark in enumerate(marks)}
    starts = []  # where each body block starts in the joined text
    position = 0
    for index in body:
        starts.append(position)
        position += len(blocks[index].text) + 1
    by_block: dict[int, list[tuple[int, int, int]]] = {}
    for call in calls:
        which = max(i for i, start in enumerate(starts) if start <= call.start())
        by_block.setdefault(body[which], []).append(
            (call.start() - starts[which], call.end() - starts[which], labels[call.group(0)]))
    for index, spans in by_block.items():  # in reading order: markers are handed out as they are met
        text, pieces, cursor = blocks[index].text, [], 0
        for start, end, label in spans:
            pieces += [text[cursor:start], markers.add(label)]
            cursor = end
        blocks[index].text = "".join(pieces) + text[cursor:]
    for index, mark in foot:
        blocks[index] = Block(NOTE, as_note_text(NOTE_LINE.sub("", blocks[index].text, count=1).strip()), label=labels[mark])
    return next_label + len(marks)

