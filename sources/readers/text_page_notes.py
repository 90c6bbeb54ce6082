"""Footnotes printed at the foot of each page, as pdftotext writes a PDF's pages.

Between a page's body and its form feed stand its notes: "3 Department accounts,
2019, p. 4." — a bare number, a space, the note — or a superscript digit, one note
a line or wrapped over several. What tells them from body text is the structure,
not the words: they are the last paragraphs of a page, every one of them opens
with a number, and the numbers go on from the last note in steps of one. A
numbered list at the foot of a page fails that test as soon as one item does
not continue the count, and then everything stays body text.

pdftotext without -layout may write the numbers' column apart from the notes'
("1\n2\n3" then the three notes, a blank row where a note runs over two
lines): the two columns are put back side by side, row by row, when their rows
agree, and only then.
"""

from __future__ import annotations

import re

from claimdesk.sources.readers.common import WORD, superscript_to_int
from claimdesk.sources.references import is_ibid

FORM_FEED = "\f"
# "3 Department accounts…", or the number alone with the note on the next line (UN documents).
# CBO and others set "1. The tax rates…": the number with its full stop, then only when the page's text
# above calls that number, glued to its word ("diesel fuel.1"); else "1. Extend charges…" is a list.
_NOTE_LINE = re.compile(r"^\s*(?:(?P<number>\d{1,3})(?P<dot>\.)?|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))(?:\s+(?=\S)|\s*$)")
NOTES_RULE = re.compile(r"^\s*(?:_{5,}|-{5,}|—{3,}|‐{5,})\s*$")
"""The short rule over a page's or a document's footnotes."""
_LABEL_SKIP_MAX = 3
"""A line opening with a number this far past the next note's is the note's text going on, not a note."""
_NOTE_MIN_CHARS = 12
"""A note says at least a short source ("Smith, p. 4." is 12 characters), or is an ibid. ("Ivi, p. 7.")."""
_ENDS_LIKE_A_NOTE = re.compile(r"(?:[.)\]]|\d|https?://\S+|www\.\S+)\s*$")


def page_foot_notes(paragraphs: list[str], index: int, next_label: int) -> tuple[list[tuple[int, str]], int] | None:
    """The notes at the foot of the page from paragraphs[index] on, and how many paragraphs they fill.

    None unless every paragraph from index to the page break (or the end of the
    document) is made of note lines numbered next_label, next_label + 1, ...
    """
    zone: list[str] = []
    position = index
    while position < len(paragraphs) and paragraphs[position].strip(" \t\n") != FORM_FEED:
        zone.append(paragraphs[position])
        position += 1
    if zone and zone[-1].strip().isdigit():
        zone.pop()  # the page's number under its notes: left for the page splitter's judgement
    if not zone:
        return None
    used = len(zone)
    rule, _, under_rule = zone[0].strip("\n").partition("\n")
    if NOTES_RULE.match(rule):
        # "______________________________" over the notes: the rule a layout draws above them.
        zone = ([under_rule] if under_rule.strip() else []) + zone[1:]
        if not zone:
            return None
    zone = _columns_side_by_side(zone) or zone
    if _LABEL_ROW.match(zone[0]) and _at_page_head(paragraphs, index):
        # A number alone in its paragraph over the page's text is the page's own number, printed at
        # its head ("1" / "Syllabus" / "NOTE: Where it is feasible…" in a slip opinion), no note.
        return None
    notes: list[tuple[int, str]] = []
    expected = next_label
    for paragraph in zone:
        opening = _NOTE_LINE.match(paragraph.strip("\n"))
        if notes and (_ENDS_LIKE_A_NOTE.search(notes[-1][1]) or (notes[-1][1] and _reads_as_heading(notes[-1][1]))) \
                and not (opening and _label(opening) == expected):
            # A paragraph after a finished note that opens no note is text: a box, a heading, the other
            # column (pdftotext). A note runs into a new paragraph only where its sentence goes on; "1
            # Introduction" over its section is a numbered heading, no note.
            return None
        for line in paragraph.split("\n"):
            if not line.strip():
                continue
            start = _NOTE_LINE.match(line)
            label = _label(start) if start else None
            if start and start.group("dot") and not (label == expected and _called_above(paragraphs, index, label)):
                # "2. The second option…" is a list's number unless the page called note 2; "12. 4 Ibidem"
                # goes on a note whose page reference wrapped ("…, p." / "12.")
                start, label = None, None
            if label == expected:
                notes.append((label, line[start.end():].strip()))
                expected += 1
            elif notes and (not start or label > expected + _LABEL_SKIP_MAX):
                # a note wrapped over lines; one of them may open with a figure ("60 percent of the decline")
                notes[-1] = (notes[-1][0], (notes[-1][1] + " " + line.strip()).strip())  # a note wrapped over lines
            else:
                return None
    if not notes or not all((len(text) >= _NOTE_MIN_CHARS or is_ibid(text)) and _ENDS_LIKE_A_NOTE.search(text) for _, text in notes):
        return None
    return notes, used


_LABEL_ROW = re.compile(r"^\s*\d{1,3}\s*$")
_HEAD_LINE_MAX_CHARS = 60
"""Above a page's number at its head stand running heads at most ("(Slip Opinion)", "OCTOBER TERM, 2023")."""


def _at_page_head(paragraphs: list[str], index: int) -> bool:
    """Whether nothing but short lines stands on the page above paragraphs[index]."""
    for paragraph in reversed(paragraphs[:index]):
        if paragraph.strip(" \t\n") == FORM_FEED:
            return True
        if any(len(line.strip()) > _HEAD_LINE_MAX_CHARS for line in paragraph.split("\n")):
            return False
    return True


def _columns_side_by_side(zone: list[str]) -> list[str] | None:
    """The zone as "N note" lines when it opens with a column of bare note numbers
    followed by the column of their texts; None when it does not, or the rows disagree.

    The numbers' column keeps a blank row where a note wraps onto a second line; with
    no blank row, a note ends at a line that ends as a note ends (a full stop, a
    bracket, a page, a link), and the two columns must then give as many notes."""
    labels_end = 0
    while labels_end < len(zone) and all(_LABEL_ROW.match(line) for line in zone[labels_end].strip("\n").split("\n")):
        labels_end += 1
    if not labels_end or labels_end == len(zone):
        return None
    label_rows: list[str] = []
    for paragraph in zone[:labels_end]:
        if label_rows:
            label_rows.append("")  # the blank line between two paragraphs of numbers
        label_rows.extend(line.strip() for line in paragraph.strip("\n").split("\n"))
    text_rows = [line.strip() for paragraph in zone[labels_end:] for line in paragraph.split("\n") if line.strip()]
    if len(text_rows) == len(label_rows):
        rows = list(zip(label_rows, text_rows))
    elif "" not in label_rows:
        groups = _notes_by_their_ends(text_rows)
        if len(groups) != len(label_rows):
            return None
        rows = [(label, text) for label, group in zip(label_rows, groups) for label, text in
                [(label, group[0])] + [("", line) for line in group[1:]]]
    else:
        return None
    return ["\n".join(f"{label} {text}" if label else text for label, text in rows)]


def _notes_by_their_ends(lines: list[str]) -> list[list[str]]:
    groups: list[list[str]] = [[]]
    for line in lines:
        groups[-1].append(line)
        if _ENDS_LIKE_A_NOTE.search(line):
            groups.append([])
    return [group for group in groups if group]


def _called_above(paragraphs: list[str], index: int, label: int) -> bool:
    """Whether the page's text above paragraphs[index] calls note `label` with a digit glued to a word
    or its punctuation ("diesel fuel.1", "in 2021,2"), as pdftotext writes a superscript."""
    call = re.compile(rf"(?<=[^\s\d])(?<![$€£¥]){label}(?=[\s)]|$)")
    for paragraph in reversed(paragraphs[:index]):
        if paragraph.strip(" \t\n") == FORM_FEED:
            return False
        if call.search(paragraph):
            return True
    return False


def _label(start: re.Match) -> int:
    return int(start.group("number")) if start.group("number") else superscript_to_int(start.group("sup"))


# --- notes at the foot of a column -------------------------------------------------

COLUMN_NOTES_PARAGRAPHS_MAX = 8
"""A column's notes fill a few paragraphs; further on, a run of numbered lines is no note block."""
_WORDS_MIN = 2


def column_notes(paragraphs: list[str], index: int, next_label: int) -> tuple[str | None, list[tuple[int, str]], int] | None:
    """Notes at the foot of a column, mid-page, as pdftotext writes a page set in two columns: each note's
    number alone on its line over its text ("1" / "Vgl. BVÖB (2023, S. 8). …" / "2" / "Vgl. …"), the first
    number perhaps closing the column's last paragraph ("…die jährlichen" / "1"); or each note opening with
    its number ("1. ABS (2022). Urban centres…" / "2. The survey…") in a paragraph of notes between the text
    and a figure. The other column's text, or the figure, follows the notes, so they need not end the page.

    (the paragraph's body above the first number or None, the notes, how many paragraphs they fill);
    None unless the numbers run on from next_label in steps of one, the page above calls the first one
    with a digit glued to a word ("im Jahr 2000.1"), and each note is one: words, ending as a note ends.
    Numbers that open their notes' lines must each be called so, or they are a numbered list."""
    lines = paragraphs[index].strip("\n").split("\n")
    body: str | None = None
    inline = False
    if _LABEL_ROW.match(lines[-1]) and int(lines[-1]) == next_label and len(lines) > 1:
        body, lines = "\n".join(lines[:-1]), lines[-1:]
    elif not (_LABEL_ROW.match(lines[0]) and int(lines[0]) == next_label):
        opening = _INLINE_LABEL.match(lines[0])
        if not (opening and int(opening.group("number")) == next_label) or _reads_as_heading(lines[0][opening.end():]):
            return None
        inline = True
    # The call stands in the text above: in the paragraph a bare number closes, or above one a note opens.
    if not _called_above(paragraphs, index if inline else index + 1, next_label):
        return None
    notes: list[tuple[int, str]] = []
    expected = next_label
    position = index
    while True:
        for line in lines:
            if not line.strip():
                continue
            opening = _INLINE_LABEL.match(line) if inline else None
            if _LABEL_ROW.match(line) and int(line) == expected and not inline:
                notes.append((expected, ""))
                expected += 1
            elif opening and int(opening.group("number")) == expected and _called_above(paragraphs, index, expected):
                notes.append((expected, line[opening.end():].strip()))
                expected += 1
            elif notes:
                notes[-1] = (notes[-1][0], f"{notes[-1][1]}\n{line.strip()}".strip())  # lines kept: hyphens join later
        position += 1
        following = paragraphs[position].strip("\n").split("\n") if position < len(paragraphs) else []
        opens_a_note = bool(following) and _opens_note(following[0], expected, inline)
        if notes and notes[-1][1] and not opens_a_note and _ENDS_LIKE_A_NOTE.search(notes[-1][1]):
            break
        if inline and not opens_a_note:
            return None  # "1 Introduction" over its section's text: a numbered heading, whose text runs on, no note
        if (not notes or not following or paragraphs[position].strip(" \t\n") == FORM_FEED
                or position - index >= COLUMN_NOTES_PARAGRAPHS_MAX):
            return None
        lines = following
    if not all(len(text) >= _NOTE_MIN_CHARS and len(WORD.findall(text)) >= _WORDS_MIN
               and _ENDS_LIKE_A_NOTE.search(text) for _, text in notes):
        return None
    if inline and (_numbers_its_paragraphs(paragraphs, index, next_label)
                   or any(_calls_a_later_note(text, label) for label, text in notes)):
        return None  # "7.    When a vessel is withdrawn…": a numbered paragraph, calling notes of its own
    return body, notes, position - index


_INLINE_LABEL = re.compile(r"^\s*(?P<number>\d{1,3})\.?\s+(?=\S)")
_WRAPPED_NOTE_LINE_MIN = 45
_GLUED_CALL = re.compile(r"(?<=[^\W\d_][.,;:)])(\d{1,3})(?=\s|$)")


def _numbers_its_paragraphs(paragraphs: list[str], index: int, label: int) -> bool:
    """The paragraph before opens with the number before ("6.    Cancellations…" over "7.    When…")."""
    for paragraph in reversed(paragraphs[max(0, index - 3):index]):
        if paragraph.strip():
            opening = _INLINE_LABEL.match(paragraph.strip("\n"))
            return bool(opening) and int(opening.group("number")) == label - 1
    return False


def _calls_a_later_note(text: str, label: int) -> bool:
    """"…no sailing for 9 consecutive days.9 Residents…": text that calls a later note is the body's."""
    return any(int(call) > label for call in _GLUED_CALL.findall(text))


def _reads_as_heading(first_line: str) -> bool:
    """"1 Introduction" over its section: short, no sentence ends on it; a note's first line is wrapped
    prose or a whole short note ("3. Department of Transport and Planning (2023).")."""
    line = first_line.strip()
    return len(line) < _WRAPPED_NOTE_LINE_MIN and not _ENDS_LIKE_A_NOTE.search(line)


def _opens_note(line: str, expected: int, inline: bool) -> bool:
    if inline:
        opening = _INLINE_LABEL.match(line)
        return bool(opening) and int(opening.group("number")) == expected
    return _LABEL_ROW.match(line) is not None and int(line) == expected
