"""Notes marked *, †, ‡ at the foot of each page, their marks used again on the next.

Books (and many reports) before the twentieth century's numbered notes mark a
page's notes with symbols, in the printers' order (*, †, ‡, §, ‖, ¶; or *, **,
***), and start again on every page. Once the pages are known, a page's notes
can be told from its text: the lines at its foot that open with those marks in
that order, each mark called exactly once, glued to the word or stop it follows,
in the page's text above, in the same order.

Such a page's calls and notes are put in the form the plain-text reader reads,
"[n]", n counting on from page to page; the reader then reads them as any
page-foot notes. A page where anything is less than certain (a mark called
twice, a mark standing free in the text, as "§ 12" does, notes out of order)
is left as it is.
"""

from __future__ import annotations

import re

# OCR reads a dagger as "+" (a double dagger as "++"): "…a knight's fee.+" over "+ Testa de Nevill, p. 162.".
_SEQUENCES = (("*", "†", "‡", "§", "‖", "¶"), ("*", "**", "***", "****"), ("*", "+", "++"))
NOTE_LINE = re.compile(r"^[ \t]*(?P<mark>\*{1,4}|\+{1,2}|[†‡§‖¶])[ \t]+(?=\S)")
"""A note's first line, opened by its mark."""
_MARKS = re.compile(r"\*+|\++|[†‡§‖¶]")


def number_symbol_notes(pages: list[str], warnings: list[str]) -> list[str]:
    """The pages with their symbol-marked notes and calls numbered "[n]" where certain; as they were
    when the document numbers notes of its own, whose count the symbols' must not take."""
    if _numbers_its_notes(pages):
        return pages
    next_label = 1
    numbered_pages = []
    renumbered = 0
    for page in pages:
        numbered = _number_page(page, next_label)
        if numbered is None:
            numbered_pages.append(page)
            continue
        text, count = numbered
        numbered_pages.append(text)
        next_label += count
        renumbered += count
    if renumbered:
        warnings.append(f"{renumbered} note(s) marked *, †, ‡ … at the foot of their pages, numbered 1 to {renumbered} in order")
    return numbered_pages


# A paper that marks its authors' affiliations "*" and "**" on its title page and numbers its notes
# ("…sociedades mixtas o concesionarias privadas.1" over "1 Ley 7/1985, de 2 de abril…"): the symbols
# are no part of the notes' count, and numbering them 1 and 2 would take note 1's and note 2's labels.
_FIRST_CALL = re.compile(r"[^\W\d_][.,;:)\"”’]?1(?=\s)")
_FIRST_NOTE = re.compile(r"^[ \t]*1[ \t]+[^\W\d_]", re.M)


def _numbers_its_notes(pages: list[str]) -> bool:
    return any(_FIRST_NOTE.search(page) and _FIRST_CALL.search(page) for page in pages)


def _number_page(page: str, first_label: int) -> tuple[str, int] | None:
    lines = page.split("\n")
    zone = _foot_zone(lines)
    if zone is None:
        return None
    start, marks = zone
    body = "\n".join(lines[:start])
    calls = symbol_calls(body, marks)
    if calls is None:
        return None
    labels = {mark: first_label + index for index, mark in enumerate(marks)}
    pieces, position = [], 0
    for match in calls:
        pieces.append(body[position:match.start()])
        pieces.append(f"[{labels[match.group(0)]}]")
        position = match.end()
    pieces.append(body[position:])
    notes = [NOTE_LINE.sub(lambda m: f"[{labels[m.group('mark')]}] ", line, count=1) for line in lines[start:]]
    return "".join(pieces) + "\n" + "\n".join(notes), len(marks)


def _foot_zone(lines: list[str]) -> tuple[int, list[str]] | None:
    """(index of the first note line, the marks in order) of the notes that end the page."""
    starts = [(index, match.group("mark")) for index, line in enumerate(lines) if (match := NOTE_LINE.match(line))]
    for position, (index, mark) in enumerate(starts):
        if mark != "*" and mark != "†":
            continue
        marks = [m for _, m in starts[position:]]
        if in_printers_order(marks):
            if index > 0 and lines[index - 1].strip():
                return None  # no blank line between the text and its notes: not sure where they start
            return index, marks
    return None


def in_printers_order(marks: list[str]) -> bool:
    """Whether a page's notes are marked as printers mark them, from the first mark on ("*", "†", "‡";
    "*", "**"), or from "†" when the page's "*" note is its author's."""
    if not marks or marks[0] not in ("*", "†"):
        return False
    return any(tuple(marks) == sequence[: len(marks)] for sequence in _SEQUENCES) or \
        (marks[0] == "†" and tuple(marks) == _SEQUENCES[0][1: len(marks) + 1])


def symbol_calls(body: str, marks: list[str]) -> list[re.Match] | None:
    """Each mark's one call in the page's text, in the notes' order; None when not certain."""
    found = [match for match in _MARKS.finditer(body) if match.group(0) in marks or match.group(0)[0] in "*" and "*" in marks
             or match.group(0)[0] == "+" and "+" in marks]
    calls = []
    for match in found:
        if match.group(0) not in marks:
            return None  # a run of marks no note answers ("****" over a page with "*" and "**")
        glued = match.start() > 0 and not body[match.start() - 1].isspace()
        free_after = match.end() == len(body) or not (body[match.end()].isalnum() or body[match.end()] == "*")
        if not (glued and free_after):
            return None  # "§ 12", "*emphasis*", a mark in a word: not a call
        calls.append(match)
    if [match.group(0) for match in calls] != marks:
        return None  # each mark called once, in the order of the notes
    return calls
