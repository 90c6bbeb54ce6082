"""Printed pages of a plain-text file: form feeds, page numbers, running heads.

pdftotext and most PDF converters end each page with a form feed (textclean turns
it into a paragraph of its own, "\\f"). The first or last line of a page often
prints the page number ("12", "- 12 -", "Page 12 of 40") or a running head
repeated on every page ("Cite as: 599 U. S. 1 (2023)", the report's short
title). Those lines are furniture: they leave the body for `removed`, and a
printed page number labels its page. A line is only furniture when it sits at
a page's edge and repeats there; a line that also appears as body prose stays.
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from dataclasses import dataclass, field

from claimdesk.sources.model import Removed

FORM_FEED = "\f"
# "12", "- 12 -", "Page 12 of 40", and the OECD's "| 3" (odd pages) and "4 |" (even pages)
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—|]\s*)?(?:page\s+)?(?P<number>\d{1,4}|[ivxlc]{1,7})(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*[-–—|])?\s*$", re.I
)
_DIGITS = re.compile(r"\d+")
EDGE_LINES = 3
"""How many lines at a page's top and at its bottom may be furniture."""
RUNNING_HEAD_MIN_PAGES = 3
"""A running head repeats on at least this many pages (and on a third of them)."""
RUNNING_HEAD_MIN_SHARE = 1 / 3
_MIN_HEAD_LETTERS = 3
LONE_NUMBER_MAX_OFFSET = 40
"""One numbered page alone is believed if its number is near its place (front matter
unnumbered); a larger number alone on a page is more likely a figure or a year."""


@dataclass
class Pages:
    texts: list[str]
    """Each page's text, furniture lines taken out."""
    labels: list[str]
    removed: list[Removed] = field(default_factory=list)


def split_pages(text: str, given_labels: list[str | None] | None = None) -> Pages | None:
    """The pages of a text with form feeds, or None when it has none.

    given_labels: each page's printed label where the file says it apart from the
    text (HathiTrust's page lines); None where it does not.
    """
    if FORM_FEED not in text:
        return None
    pages = [page.split("\n") for page in text.split(FORM_FEED)]
    if len(pages) > 1 and not "".join(pages[-1]).strip():
        pages.pop()  # a form feed that ends the file opens no page
    edges = [_edge_indexes(lines) for lines in pages]
    candidates = [_printed_number(lines, edge) for lines, edge in zip(pages, edges)]
    offset = _page_offset(candidates)
    if offset is not None:
        pages = _second_columns_put_back(pages, candidates, offset)
        edges = [_edge_indexes(lines) for lines in pages]
        candidates = [_printed_number(lines, edge) for lines, edge in zip(pages, edges)]
    blocks = _repeated_edge_blocks(pages)
    heads = _running_heads(pages, edges)
    set_heads = _heads_set_in_cells(pages, offset)
    if offset is None and set_heads:
        (page_index, _), (_, printed_number) = next(iter(set_heads.items()))
        offset = printed_number - page_index
    removed: list[Removed] = []
    texts: list[str] = []
    labels: list[str] = []
    for index, (lines, edge, candidate) in enumerate(zip(pages, edges, candidates)):
        drop: set[int] = set(blocks[index])
        number = None
        for line_index in range(len(lines)):
            if (index, line_index) in set_heads:
                drop.add(line_index)
                number = str(set_heads[(index, line_index)][1])
        for line_index in sorted(drop):
            removed.append(Removed("header" if line_index < len(lines) / 2 else "footer", " ".join(lines[line_index].split())))
        given = given_labels[index] if given_labels and index < len(given_labels) else None
        lone_number = None
        if number is None and candidate and (candidate[1] == given or (given is None and (
                not candidate[1].isdigit() or (offset is not None and int(candidate[1]) == index + offset)))):
            number = candidate[1]
            lone_number = candidate[0]
            drop.add(candidate[0])
        printed = given or number or (str(index + offset) if offset is not None and index + offset >= 1 else None)
        if printed:
            for line_index in _heads_with_the_number(lines, printed, drop):
                drop.add(line_index)
                removed.append(Removed("header" if line_index < len(lines) / 2 else "footer", " ".join(lines[line_index].split())))
        # The middle of what the page prints: blank lines left under its text do not count.
        middle = (edge[0] + edge[-1]) / 2 if edge else 0
        for line_index in edge:
            line = lines[line_index]
            if line_index in blocks[index]:
                continue
            if line_index == lone_number:
                removed.append(Removed("page-number", line.strip()))
            elif line_index in drop:
                continue  # a head already taken with its page's number
            elif (index > 0 or line_index > middle) and head_key(line) in heads:  # the first page's top line is the title
                drop.add(line_index)
                removed.append(Removed("header" if line_index < len(lines) / 2 else "footer", " ".join(line.split())))
        # `pdftotext -layout` keeps the page's left margin on every line: a margin is no indentation.
        texts.append(textwrap.dedent("\n".join(line for line_index, line in enumerate(lines) if line_index not in drop)))
        labels.append(given or _label(index, number, offset))
    return Pages(texts, labels, removed)


def _second_columns_put_back(pages: list[list[str]], candidates: list[tuple[int, str] | None], offset: int) -> list[list[str]]:
    """Pages whose second column pdftotext read after the page's foot: the first column, its notes,
    the page number and the running foot ("164" / "DIW Wochenbericht Nr. 11/2024"), then the second
    column, which goes on with the first column's last sentence. The second column is put back under
    the first, before the notes; the foot goes last. Only where the page's own number (its place
    says which) sits in the page beside a line that foots other pages beside their numbers."""
    beside_numbers = Counter(key for index, (lines, candidate) in enumerate(zip(pages, candidates))
                             if candidate and candidate[1] == str(index + offset)
                             for key in {head_key(lines[at]) for at in _beside(lines, candidate[0])})
    foot_keys = {key for key, pages_footed in beside_numbers.items() if key and pages_footed >= 2}  # a running foot repeats
    result = []
    for index, lines in enumerate(pages):
        result.append(_second_column_put_back(lines, str(index + offset), foot_keys))
    return result


def _second_column_put_back(lines: list[str], number: str, foot_keys: set[str]) -> list[str]:
    filled = [at for at, line in enumerate(lines) if line.strip()]
    for at in filled[EDGE_LINES:-EDGE_LINES]:  # inside the page: at its edges a number is the page's own place
        if lines[at].strip() != number:
            continue
        foot = [near for near in _beside(lines, at) if head_key(lines[near]) in foot_keys]
        if not foot:
            continue
        end = max([at] + foot) + 1
        start = min([at] + foot)
        tail = [line for line in lines[end:] if line.strip()]
        if len(tail) < 2:
            return lines  # a foot near the end: nothing of a column after it
        notes_start = _notes_start(lines, start)
        body = lines[:notes_start]
        while body and not body[-1].strip():
            body.pop()
        return body + tail + [""] + lines[notes_start:start] + [""] + lines[start:end]
    return lines


def _beside(lines: list[str], at: int) -> list[int]:
    """The filled lines next above and next below a line, blank lines between them skipped."""
    above = next((near for near in range(at - 1, -1, -1) if lines[near].strip()), None)
    below = next((near for near in range(at + 1, len(lines)) if lines[near].strip()), None)
    return [near for near in (above, below) if near is not None]


_NOTE_LABEL_LINE = re.compile(r"^\s*(?P<label>\d{1,3})\s+\S")
_LAST_NOTE_MAX_LINES = 6


def _notes_start(lines: list[str], foot: int) -> int:
    """Where the page's notes begin above its foot: the first of the label lines that count up to the
    last one ("5 Vgl. Jonas Reuter …", "6 Als Neubau …", "7 Der Koalitionsvertrag …"), the last a few
    lines over the foot, with or without a blank line over the first; else the foot."""
    labelled = [(at, int(match.group("label"))) for at in range(foot) if (match := _NOTE_LABEL_LINE.match(lines[at]))]
    if not labelled or sum(1 for line in lines[labelled[-1][0]:foot] if line.strip()) > _LAST_NOTE_MAX_LINES:
        return foot
    run = [labelled[-1]]
    for at, label in reversed(labelled[:-1]):
        if label != run[0][1] - 1:
            break
        run.insert(0, (at, label))
    return run[0][0]


_CELL_GAP = re.compile(r"\s{2,}")
_CELL_NUMBER = re.compile(r"^\d{1,4}$")
_CELL_MIN_LETTERS = 8
SET_HEADS_MIN = 2


def _heads_set_in_cells(pages: list[list[str]], offset: int | None) -> dict[tuple[int, int], tuple[int, int]]:
    """(page index, line index) -> (line index, printed number) of running heads set in cells, as a
    layout conversion keeps them apart: "4  Key facts  The condition of the estate" over an even
    page, "Summary  The condition of the estate  5" over an odd one (a report's short title,
    the part's name, the page number at the outer edge). The section changes from part to part,
    so the whole line need not repeat: a page's first or last line is such a head when its cells,
    parted by runs of spaces, are a number at one end and words, the number goes up with the
    pages (one printed number less the page's place, agreed by every such line and by the pages'
    own numbers if any), and one cell of words stands in the same place on another page's head.
    A line of body that opens with a figure ("168   colleges surveyed") repeats no cell."""
    found: dict[tuple[int, int], tuple[int, tuple[str, ...], int]] = {}
    for page_index, lines in enumerate(pages):
        filled = [index for index, line in enumerate(lines) if line.strip()]
        for line_index in {filled[0], filled[-1]} if filled else ():
            cells = _CELL_GAP.split(lines[line_index].strip())
            if len(cells) < 2 or len(lines[line_index].strip()) > HEAD_WITH_NUMBER_MAX_CHARS * 2:
                continue
            for number, words in ((cells[0], cells[1:]), (cells[-1], cells[:-1])):
                if _CELL_NUMBER.match(number) and all(sum(char.isalpha() for char in cell) for cell in words):
                    key = tuple(" ".join(cell.split()).casefold() for cell in words
                                if sum(char.isalpha() for char in cell) >= _CELL_MIN_LETTERS)
                    found[(page_index, line_index)] = (int(number) - page_index, key, int(number))
                    break
    offsets = Counter(place for place, _, _ in found.values())
    if not offsets:
        return {}
    agreed = offset if offset is not None else offsets.most_common(1)[0][0]
    cells_seen: Counter[str] = Counter()
    for place, key, _ in found.values():
        if place == agreed:
            cells_seen.update(set(key))
    heads = {
        where: (where[1], number) for where, (place, key, number) in found.items()
        if place == agreed and any(cells_seen[cell] >= SET_HEADS_MIN for cell in key)
    }
    return dict(sorted(heads.items())) if len(heads) >= SET_HEADS_MIN else {}


HEAD_WITH_NUMBER_MAX_CHARS = 90
_CAPITALS_SHARE = 0.8


def _heads_with_the_number(lines: list[str], printed: str, taken: set[int]) -> list[int]:
    """The page's first and last lines when each is a running head that carries the page's
    own number at one end: "CHAP. III.] THE STEAM ENGINE. 37" over page 37, "38 THE
    DRAINAGE OF HARROWMERE FEN. [CHAP. III." over page 38. A book sets its heads in
    capitals and changes them from chapter to chapter, so they need not repeat; a line of
    prose (lower case) that happens to start with the number stays."""
    filled = [index for index, line in enumerate(lines) if line.strip() and index not in taken]
    return sorted(index for index in ({filled[0], filled[-1]} if filled else ()) if numbered_head(lines[index], printed))


_HEAD_NUMBER = re.compile(r"^(?:\d{1,4}|[ivxlc]{1,7})$")


def numbered_head(line: str, printed: str | None = None) -> str | None:
    """The page number a running head carries at one end ("6 U. S. BUREAU OF FISHERIES.",
    "CHAP. III.] THE STEAM ENGINE. 37", "vi PREFACE."); None for any other line. The rest
    of the head is set in capitals: a line of prose that starts with a number is no head.
    printed: the page's own number, the only one looked for when it is known."""
    words = line.split()
    if len(words) < 2 or len(line.strip()) > HEAD_WITH_NUMBER_MAX_CHARS:
        return None
    for number, title in ((words[0], words[1:]), (words[-1].rstrip("."), words[:-1])):
        if number != printed if printed else not _HEAD_NUMBER.match(number):
            continue
        cased = [char for char in " ".join(title) if char.isalpha()]
        if len(cased) >= _MIN_HEAD_LETTERS and sum(char.isupper() for char in cased) >= _CAPITALS_SHARE * len(cased):
            return number
    return None


BLOCK_LINES_MAX = 12
"""A legal database stamps each page with a block of several lines: its name, the act's title, the date saved."""
BLOCK_LINES_MIN = 2
LONG_BLOCK_LINES = 4
STAMPED_PAGE_LINES_PER_BLOCK_LINE = 2
"""A page stamped with a block carries text below it: more than two lines for each of the block's,
and prose among them (a line that ends a sentence), where a cover holds titles and names only."""
_PROSE_LINE = re.compile(r"(?:\S+\s+){2,}\S*[.!?][\"”’»)]?\s*$")


def _repeated_edge_blocks(pages: list[list[str]]) -> list[set[int]]:
    """Per page, the indexes of the lines of a block that opens (or closes) most pages line for
    line, figures aside: "Постановление … / от 14.02.2024 N 58-п / … / Дата сохранения: 15.07.2024"
    over every page, "КонсультантПлюс / … / Страница 2 из 5" under it. A block of lines repeated
    whole at the same edge of page after page is the publisher's, not the text's."""
    found: list[set[int]] = [set() for _ in pages]
    needed = max(RUNNING_HEAD_MIN_PAGES, round(len(pages) * RUNNING_HEAD_MIN_SHARE))
    filled = [_filled_edges(lines) for lines in pages]
    for from_top in (True, False):
        edge_rows = [(top if from_top else bottom) for top, bottom in filled]
        keys = [[head_key(pages[page][i]) for i in rows] for page, rows in enumerate(edge_rows)]
        best = 0
        for size in range(BLOCK_LINES_MIN, BLOCK_LINES_MAX + 1):
            shared = Counter(tuple(k[:size]) for k in keys if len(k) >= size)
            # Four lines or more, the same at the same edge, are no coincidence even on two pages,
            # pages of text under a stamp; a cover and its inner title page print the same authors
            # and publisher over little else, and those are the document's lines, read from the cover.
            over_text = Counter(tuple(k[:size]) for page, k in enumerate(keys)
                                if len(k) >= size and _more_than(pages[page], STAMPED_PAGE_LINES_PER_BLOCK_LINE * size)
                                and any(_PROSE_LINE.search(line) for line in pages[page]))
            if shared and (shared.most_common(1)[0][1] >= needed
                           or (size >= LONG_BLOCK_LINES and over_text and over_text.most_common(1)[0][1] >= 2)):
                best = size
            elif size >= LONG_BLOCK_LINES or not shared:
                break  # a longer block repeats no more often than its own first lines
        if not best:
            continue
        block = Counter(tuple(k[:best]) for k in keys if len(k) >= best).most_common(1)[0][0]
        for page, (rows, k) in enumerate(zip(edge_rows, keys)):
            if tuple(k[:best]) == block and _more_than(pages[page], best):  # a page that is only the block keeps it
                found[page].update(rows[:best])
    return found


def _filled_edges(lines: list[str]) -> tuple[list[int], list[int]]:
    """Indexes of the first and of the last BLOCK_LINES_MAX non-blank lines (the last from the bottom up)."""
    top: list[int] = []
    for index, line in enumerate(lines):
        if line.strip():
            top.append(index)
            if len(top) == BLOCK_LINES_MAX:
                break
    bottom: list[int] = []
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].strip():
            bottom.append(index)
            if len(bottom) == BLOCK_LINES_MAX:
                break
    return top, bottom


def _more_than(lines: list[str], count: int) -> bool:
    filled = 0
    for line in lines:
        if line.strip():
            filled += 1
            if filled > count:
                return True
    return False


def _edge_indexes(lines: list[str]) -> list[int]:
    """Indexes of the first and last EDGE_LINES non-blank lines of a page."""
    filled = [index for index, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:EDGE_LINES] + filled[-EDGE_LINES:]))


def head_key(line: str) -> str:
    """A running head changes only in its page number: compare it without digits.

    The number sits at the outer edge, so odd and even pages put it at either end
    ("2 Ferry services" / "Ferry services 3"): a number at an end is dropped, one
    inside ("Review 2019") only masked.
    """
    return " ".join(_DIGITS.sub("#", _EDGE_NUMBER.sub("", line)).split()).casefold()


_EDGE_NUMBER = re.compile(r"^\s*\d{1,4}\s+|\s+\d{1,4}\s*$")


def _running_heads(pages: list[list[str]], edges: list[list[int]]) -> set[str]:
    at_edges: Counter[str] = Counter()
    elsewhere: set[str] = set()
    spellings: dict[str, set[str]] = {}
    pages_of: dict[str, list[int]] = {}
    outermost_on: dict[str, list[int]] = {}
    for page_index, (lines, edge) in enumerate(zip(pages, edges)):
        edge_set = set(edge)
        keys_here = set()
        worded = [index for index in edge if not _PAGE_NUMBER.match(lines[index])]
        for index in {worded[0], worded[-1]} if worded else ():
            outermost_on.setdefault(head_key(lines[index]), []).append(page_index)
        for index, line in enumerate(lines):
            if not line.strip():
                continue
            key = head_key(line)
            if index in edge_set:
                keys_here.add(key)
                spellings.setdefault(key, set()).add(line.strip())
            elif page_index > 0:
                # The cover may print the publisher that every later page names in its
                # footer ("Congressional Research Service"): that is no body prose.
                elsewhere.add(key)
        at_edges.update(keys_here)
        for key in keys_here:
            pages_of.setdefault(key, []).append(page_index)
    needed = max(RUNNING_HEAD_MIN_PAGES, round(len(pages) * RUNNING_HEAD_MIN_SHARE))
    return {
        key for key, count in at_edges.items()
        if (count >= needed or (count == 2 and _same_title_twice(spellings[key])) or _on_facing_pages(sorted(set(outermost_on.get(key, ()))), len(pages)))
        and key not in elsewhere and (not _reads_as_sentence(key) or _same_line_on_every_page(spellings[key], count, len(pages)))
        and (len(re.sub(r"[^a-z]", "", key)) >= _MIN_HEAD_LETTERS or _same_code_everywhere(spellings[key]))
    }


_TWICE_MIN_WORDS = 4


def _on_facing_pages(page_indexes: list[int], pages: int) -> bool:
    """A journal heads its left pages with its name and its right pages with the article's:
    a line at the edge of every other page, none missed from its first to the last page it
    could head, is a running head even on a short article that prints it twice. It heads (or
    foots) those pages: the page's first or last line (a page number aside), not a heading under a page's own head
    ("Summary" over page 5, the contents' "Summary  5" under "Contents" on page 3)."""
    if len(page_indexes) < 2 or any(b - a != 2 for a, b in zip(page_indexes, page_indexes[1:])):
        return False
    return page_indexes[-1] + 2 >= pages  # it goes on to the end: no later page of its side lacks it


def _same_line_on_every_page(spellings: set[str], count: int, pages: int) -> bool:
    """A sentence at the edge of every page, letter for letter, is the publisher's notice
    ("Vorabfassung - wird durch die lektorierte Fassung ersetzt."), not the body's: prose
    repeats no sentence page after page, figures and all."""
    return len(spellings) == 1 and count >= RUNNING_HEAD_MIN_PAGES and count >= pages - 1


def _same_title_twice(spellings: set[str]) -> bool:
    """A short paper prints its running head on two pages only: the same words, letter for
    letter, with no figure in them, in the two parts a layout conversion sets apart
    ("RMFI WORKING PAPERS        FUEL SUBSIDY REFORM AND…"). A heading repeated at the top
    of the next page ("Part One: The backlog") has no such gap, and stays."""
    if len(spellings) != 1:
        return False
    line = next(iter(spellings))
    return len(line.split()) >= _TWICE_MIN_WORDS and not re.search(r"\d", line) and bool(_TWO_PARTS.search(line))


_TWO_PARTS = re.compile(r"\S[ \t]{4,}\S")


_CODE_MIN_CHARS = 5


def _same_code_everywhere(spellings: set[str]) -> bool:
    """A line with no words, the same on every page's edge: a job or document number
    ("24-14327"), where a page number would change from page to page."""
    return len(spellings) == 1 and len(next(iter(spellings))) >= _CODE_MIN_CHARS


# A running head is a title, not a sentence: a line of prose at the foot of several
# pages that differs only in its figures ("dues rose by 2%" / "by 3%") is body text.
# A head's separators ("Institute | Brief n. 42", "Report · 2024") are never prose, nor is
# a last word that abbreviates the number the head lost ("Brief n.", "Paper No.").
_SENTENCE_END = re.compile(r"\w[.!?][\"”’)]?$")
_SENTENCE_MIN_WORDS = 6
_HEAD_SEPARATORS = re.compile(r"\s[|·•]\s")
_NUMBER_ABBREVIATIONS = frozenset({"n.", "no.", "nr.", "nº.", "num.", "núm.", "vol.", "p.", "pp.", "s."})


def _reads_as_sentence(key: str) -> bool:
    words = key.split()
    return (len(words) >= _SENTENCE_MIN_WORDS and bool(_SENTENCE_END.search(key))
            and not _HEAD_SEPARATORS.search(key) and words[-1] not in _NUMBER_ABBREVIATIONS)


def _printed_number(lines: list[str], edge: list[int]) -> tuple[int, str] | None:
    """(line index, number) of the edge line that is only a page number, the outermost first: the
    page's last line, then its first. A note's label alone on a line over the note's text ("5" /
    "Ibid., p. 23." / "5") or a paragraph's number under a heading ("Executive summary" / "I") is
    no page number, though it sits near the edge."""
    for index in sorted(edge, key=lambda index: (index not in (edge[-1], edge[0]), -index if index == edge[-1] else index)):
        match = _PAGE_NUMBER.match(lines[index])
        if match:
            return index, match.group("number")
    return None


def _page_offset(candidates: list[tuple[int, str] | None]) -> int | None:
    """printed number - page index, agreed by most numbered pages (two at least, or all).

    A year or a figure alone on a page's last line would disagree with the others
    and stays in the body.
    """
    offsets = Counter(int(c[1]) - index for index, c in enumerate(candidates) if c and c[1].isdigit())
    if not offsets:
        return None
    offset, count = offsets.most_common(1)[0]
    if count >= 2:
        return offset
    lone = sum(offsets.values()) == 1
    return offset if lone and 0 <= offset <= LONE_NUMBER_MAX_OFFSET else None


def _label(index: int, number: str | None, offset: int | None) -> str:
    """The printed number; else the one the page's place implies; else the page count."""
    if number:
        return number
    if offset is not None and index + offset >= 1:
        return str(index + offset)
    return str(index + 1)
