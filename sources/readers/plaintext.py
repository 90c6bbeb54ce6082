"""Plain text, as PDF converters write it.

Paragraphs are separated by blank lines. Footnotes are either printed where the
page broke ("1. The Monroe Doctrine is…" between two halves of a sentence), or
collected under a "Notes" heading at the end. Markers are Unicode superscripts
(¹ … ⁶³), bracketed numbers ([3]), pandoc labels ([^3]), or digits glued to the
end of a word when the document has a Notes section. Headings are short lines of
their own; when the document has a table of contents, that is what decides.

A number is a marker only when it continues the document's note sequence, and
a numbered paragraph is a note only where the structure says so (a Notes
section, a "[Footnote 1: ...]" block, or a note printed after its marker where
the page broke). Gutenberg licences (text_gutenberg), court captions
(text_court) and printed pages (text_pages: form feeds, page numbers, running
heads; text_ia_fulltext: an OCR text's pages found by their numbers) have modules of their own. Whatever is kept out of the text is reported
in `removed`.
"""

from __future__ import annotations

import re
import textwrap

from claimdesk.sources.blocks import BREAK, HEADING, NOTE, PAGE, PARAGRAPH, Block, MarkerTable, PageStart
from claimdesk.sources.header import (
    AUTHOR_PREFIX,
    SUBJECT_LINES,
    is_cover_line,
    parse_author_line,
    parse_date,
    read_cover,
    story_dateline,
    subject_line,
)
from claimdesk.sources.inline import render_inline
from claimdesk.sources.model import Removed
from claimdesk.sources.readers.common import (
    NOTES_HEADING,
    PANDOC_LABEL,
    SUPERSCRIPT_DIGITS,
    SUPERSCRIPT_NUMBER,
    ReaderResult,
    follows_a_unit,
    label_of,
    superscript_to_int,
)
from claimdesk.sources.readers.text_page_notes import NOTES_RULE as _NOTES_RULE, column_notes, page_foot_notes
from claimdesk.sources.readers.text_email import split_message
from claimdesk.sources.readers.judges import HEAD_LINES as JUDGMENT_HEAD_LINES, opinion_writer
from claimdesk.sources.readers.text_court import CAPTION_MAX_LINES, read_caption
from claimdesk.sources.readers.text_hyphens import LineEndHyphens
from claimdesk.sources.readers.text_gutenberg import (
    PAGE_MARKER,
    chapter_headings,
    fold,
    has_footnote_blocks,
    page_label,
    page_marker_ordinals,
    split_gutenberg,
    take_footnote_blocks,
)
from claimdesk.sources.readers.text_preprint import take_preprint_stamps
from claimdesk.sources.readers.text_signature_stamp import take_signature_stamps
from claimdesk.sources.readers.text_cabinet_paper import read_cabinet_paper
from claimdesk.sources.readers.text_slip_opinion import read_slip_opinion
from claimdesk.sources.readers.text_eprs import read_eprs_publication
from claimdesk.sources.readers.text_oecd import read_oecd_paper
from claimdesk.sources.readers.text_closing import (
    copyright_year,
    is_end_mark,
    take_back_cover,
    take_closing_furniture,
    take_copyright_page,
    take_last_page_disclaimer,
)
from claimdesk.sources.readers.text_pages import FORM_FEED, head_key, split_pages
from claimdesk.sources.readers.text_econstor import take_econstor_cover
from claimdesk.sources.readers.text_front_matter import take_front_matter
from claimdesk.sources.readers.text_jstor import take_jstor_cover
from claimdesk.sources.readers.text_layout_columns import unweave_columns
from claimdesk.sources.readers.text_paren_endnotes import paren_call, paren_endnotes
from claimdesk.sources.readers.text_parliament_masthead import take_french_parliament_cover, take_parliament_masthead
from claimdesk.sources.readers.text_gao import read_gao_accessible_text
from claimdesk.sources.readers.text_gpo import read_gpo_conventions
from claimdesk.sources.readers.text_hathitrust import read_hathitrust_pages
from claimdesk.sources.readers.text_ia_fulltext import find_printed_pages, take_archive_notice
from claimdesk.sources.readers.text_symbol_notes import number_symbol_notes
from claimdesk.sources.readers.text_title_page import imprint_end, read_title_page
from claimdesk.sources.readers.text_ru_legal import read_russian_legal_text
from claimdesk.sources.readers.text_masthead import Masthead
from claimdesk.sources.readers.text_un_masthead import take_un_masthead
from claimdesk.sources.readers.text_uk_paper import take_statutory_front_matter, take_uk_paper_cover
from claimdesk.sources.textclean import PLACEHOLDER_PATTERN, collapse_spaces, placeholder_index

# Blank lines part paragraphs; the indentation of the next paragraph's first line stays (tables, verse).
_PARAGRAPH_BREAK_KEPT = re.compile(r"(\n(?:[ \t]*\n)+)")
# The page, or the paragraphs an entry spans (the European Court of Auditors' "01-07", "I-VII")
_TOC_LINE = re.compile(r"^(?P<title>\S.*?)(?:\s*(?:\.\s?){3,}\s*|\s*…+\s*|\t+\s*| {3,})"
                       r"(?P<page>\d{1,4}|[IVXLC]{1,7}|[ivxlc]{1,7})(?:\s?[-–]\s?(?:\d{1,4}|[IVXLC]{1,7}|[ivxlc]{1,7}))?\s*$")
_CONTENTS_HEADING = re.compile(r"^\W*(table of contents|contents|sommaire|table des matières|índice|indice|inhalt|inhaltsverzeichnis|"
                               r"содержание|оглавление|"
                               # the lists of tables and figures under the contents ("List of tables", "Cuadros")
                               r"list of (?:tables|figures|boxes|charts|graphs|maps|illustrations)|"
                               r"liste des (?:tableaux|figures|graphiques|encadrés)|índice de (?:cuadros|gráficos|figuras|tablas)|"
                               r"tabellenverzeichnis|abbildungsverzeichnis|cuadros?|gráficos?)\W*$", re.I)
_NOTE_START = re.compile(
    rf"^(?:(?P<dot>\d{{1,5}})[.)]\s+|\[(?P<bracket>\d{{1,5}})\]\s*|(?P<sup>{SUPERSCRIPT_NUMBER})\s*|\[\^(?P<pandoc>{PANDOC_LABEL})\]:\s*)(?=\S)"
)
# Inside a Notes section a note may start with its bare number: "1 Statistical Yearbook…".
_BARE_NOTE_START = re.compile(r"^(?P<dot>\d{1,4})\s+(?=[A-ZÀ-Þ\"“«'‘])")
# ...or with its number in parentheses, as French and older English documents print them:
# "(3) Jean Roussel, Les halles rurales…". Only inside a Notes section: in the body "(3)" is a list.
_PAREN_NOTE_START = re.compile(r"^\((?P<paren>\d{1,4})\)\s+(?=\S)")
_SUPERSCRIPT_MARKER = re.compile(rf"(?<=\S)({SUPERSCRIPT_NUMBER})")
_BRACKET_MARKER = re.compile(r"\[(\d{1,5})\](?![(:\[])")
# Every unambiguous marker form, in one pass so that the note sequence is read in text order.
# Bracketed letters ("[A]", Gutenberg) count only where a note defines that letter.
_MARKER = re.compile(
    rf"(?<=\S)(?P<sup>{SUPERSCRIPT_NUMBER})|\[\^(?P<pandoc>{PANDOC_LABEL})\](?!:)|\[(?P<bracket>\d{{1,5}}|[A-Za-z]{{1,2}})\](?![(:\[])"
)
# Every _MARKER starts at "[" or a superscript digit; its look-behind stops re from
# skipping ahead to them, so blocks without either are not searched at all.
_MARKER_START = re.compile(rf"[\[{SUPERSCRIPT_DIGITS}]")


def _replace_markers(marker, text: str) -> str:
    return _MARKER.sub(marker, text) if _MARKER_START.search(text) else text


# "démolition en 1911 (1)." calls note 1 where the notes are numbered "(1)": the space goes with it.
_PAREN_MARKER = re.compile(paren_call(r"\d{1,3}"))
# Digits glued to a word ("tripled.2", "épiceries3", "году1", "de 11 %2"), or to a year and its full stop ("in 2019.3");
# never the digits of a number ("$62.2", "1,234,567": no digit and separator before them).
_GLUED_MARKER = re.compile(
    # nor a part's number after its letter ("annex table A.3", "Figure B.2"; "the U.S.3" is a call)
    r"(?:(?P<number>\d{1,4})(?P<stop>[.,])|(?<!\d[.,])(?<![\s(][A-Z]\.)(?<=[a-zß-öø-ÿа-яё%.,;:)”\"’]))(?P<label>\d{1,3})(?=[\s,;:.)”]|$)"
)
_GLUED_SKIP = 3
"""A glued marker may skip this many labels (markers lost in conversion)."""
_MARKER_SKIP = 3
"""Likewise a bracketed or superscript marker."""
_YEAR_MIN, _YEAR_MAX = 1500, 2100
_SPACED_PAGE_MARKER = re.compile(r"(?P<before>[ \t]*)(?P<marker>" + PAGE_MARKER.pattern + r")(?P<after>[ \t]*)", re.I)
_STARTS_LOWER = re.compile(r"^[\"“‘«(]?[a-zà-öø-ÿ]")
_LONE_NUMBER = re.compile(r"^\d{1,4}$")
# "I. BACKGROUND", "1. Five Challenged Statutes", "B. Remedies": a numbered title, no sentence punctuation.
_NUMBERED_HEADING = re.compile(r"^(?:\d{1,2}|[IVXLC]{1,6}|[A-Z])\.\s+[A-Z][^.!?;:,]{0,78}\??$")  # "3. Who benefits?" asks
_IBID_START = re.compile(r"^\S+\.\s+(?:ibid|idem|id\b|op\.?\s?cit)", re.I)
_BULLET = re.compile(r"^\s*(?:[-*•–▪]|\d{1,3}[.)])\s+")
_UNNUMBERED_BULLET = re.compile(r"^\s*[-*•–▪]\s+")
_SEPARATOR = re.compile(r"^[\s\-_*=~·•.]*$")
_LOOKS_LIKE_REFERENCE = re.compile(r"[\"“”«»*]|\b(?:19|20)\d\d\b|https?://|www\.|available at|ibid|op\.?\s?cit", re.I)
_WELL_KNOWN_SECTIONS = re.compile(r"^(summary|abstract|introduction|conclusions?|foreword|preface|executive summary|acknowledg(e)?ments|about the authors?|recommendations)$", re.I)


def read_plain_text(text: str) -> ReaderResult:
    warnings: list[str] = []
    removed: list[Removed] = []
    book = split_gutenberg(text)
    if book:
        text = book.body
        removed.extend(book.removed)
    message = None if book else split_message(text)
    if message:
        text = message.body
        removed.extend(message.removed)
    from_the_archive = False
    if not (book or message):
        text, from_the_archive = take_archive_notice(text, removed)
    text, stamp_date = take_preprint_stamps(text, removed)
    text = take_signature_stamps(text, removed)
    gpo = None if book or message else read_gpo_conventions(text, removed)
    russian = None if book or message or gpo else read_russian_legal_text(text, removed)
    masthead = Masthead(gpo.text, gpo.date, gpo.title) if gpo else russian
    if masthead is None and not (book or message):
        masthead = read_gao_accessible_text(text, removed)
    if masthead is None and not (book or message):
        masthead = take_jstor_cover(text, removed)
    if masthead is None and not (book or message):
        masthead = take_econstor_cover(text, removed)
    if masthead is None and not (book or message):
        masthead = take_un_masthead(text, removed)
    if masthead is None and not (book or message):
        masthead = read_cabinet_paper(text, removed)
    if masthead is None and not (book or message):
        masthead = read_slip_opinion(text, removed)
    if masthead is None and not (book or message):
        masthead = read_eprs_publication(text, removed)
    if masthead is None and not (book or message):
        masthead = read_oecd_paper(text, removed)
    if masthead:
        text, stamp_date = masthead.text, masthead.date or stamp_date
    hathitrust = None if book or message else read_hathitrust_pages(text, removed)
    if hathitrust:
        text = hathitrust[0]
    scanned = None if book or message or hathitrust or FORM_FEED in text else find_printed_pages(text, from_the_archive)
    if scanned:
        text = scanned[0]
    if not (book or message):
        text = unweave_columns(text)  # `pdftotext -layout`'s two columns side by side, read down
    pages = split_pages(text, (hathitrust or scanned or (None, None))[1])
    page_labels: list[str] = []
    symbol_notes = False
    if pages:
        removed.extend(pages.removed)
        page_labels = pages.labels
        numbered = number_symbol_notes(pages.texts, warnings)
        symbol_notes = numbered != pages.texts
        text = f"\n\n{FORM_FEED}\n\n".join(numbered)
    if not (book or message or masthead):
        # After the pages: the house and the paper's number on the first page count towards
        # the running heads that repeat them on the others.
        masthead = (take_parliament_masthead(text, removed) or take_french_parliament_cover(text, removed)
                    or take_uk_paper_cover(text, removed))
        if masthead:
            text, stamp_date = masthead.text, masthead.date or stamp_date
    if not (book or message):
        text, statement_date = take_statutory_front_matter(text, removed)
        stamp_date = stamp_date or statement_date
    paragraphs, gaps = _paragraphs_and_gaps(text)
    paragraphs = take_copyright_page(take_last_page_disclaimer(take_closing_furniture(
        take_back_cover(paragraphs, removed), removed), removed), removed)
    paragraphs = paragraphs if book else take_front_matter(paragraphs, removed)
    forced_headings = chapter_headings(paragraphs, gaps) if book else {}
    title, authors, date = None, [], None
    caption = None if book else read_caption(text.split("\n", CAPTION_MAX_LINES)[:CAPTION_MAX_LINES], _closing_lines(text))
    if book:
        title, authors, date = book.title, book.authors, book.date
    elif caption:
        title, authors, date = caption.title, caption.authors, caption.date
    elif masthead and masthead.title:
        title, authors = masthead.title, masthead.authors  # its date is the stamp's, below
    else:
        cover, paragraphs, cover_lines = _take_cover(paragraphs, scanned=bool(from_the_archive or scanned))
        removed[:0] = cover_lines
        title, authors, date = cover.title, cover.authors, cover.date
    if not book and not caption:
        # "Betreff: Erweiterung des Bürgerbusangebots": the paper's own name for itself beats
        # a cover's first line (the town, the department) as its title.
        title = subject_line(text.split("\n", SUBJECT_LINES)[:SUBJECT_LINES]) or title
    if message:
        # The sender named the message and dated it: the Subject and Date headers say so.
        title, date = message.subject or title, message.date or date
    if not authors:
        authors = _byline_near_the_top(paragraphs)
    if not authors:
        writer = opinion_writer(text.split("\n", JUDGMENT_HEAD_LINES)[:JUDGMENT_HEAD_LINES])
        authors = [writer] if writer else []
    if date is None and paragraphs:
        date = story_dateline(paragraphs[0].strip())
    date = date or stamp_date or copyright_year(removed)
    toc_levels, paragraphs, kept = _remove_table_of_contents(paragraphs, removed)
    forced_headings = {new: forced_headings[old] for new, old in enumerate(kept) if old in forced_headings}
    classifier = _Classifier(paragraphs, toc_levels, page_labels, warnings, removed, forced_headings,
                             # Notes marked * and † were numbered "[n]": a "1." paragraph is a list, no note.
                             bracketed_notes_only=gpo is not None or russian is not None or symbol_notes
                             or has_footnote_blocks(paragraphs))
    classified = classifier.run()
    if classifier.hyphens.joined:
        warnings.append(f"{classifier.hyphens.joined} word(s) hyphenated at a line's end read whole, as the document spells them elsewhere")
    markers = MarkerTable()
    blocks = _render(classified, markers, warnings, removed, classifier.paren_labels, classifier.page_foot_notes)
    return ReaderResult(blocks, markers, title, authors, date, warnings, removed)


BYLINE_PARAGRAPHS = 6
"""How many paragraphs from the top a byline of its own ("By Jane Doe and Ola Smith") may sit."""


def _byline_near_the_top(paragraphs: list[str]) -> list[str]:
    """The names of a labelled byline in a paragraph of its own near the top, under the
    headline that a newsletter or an article sets after its masthead; the line stays in the text."""
    for paragraph in paragraphs[:BYLINE_PARAGRAPHS]:
        line = paragraph.strip()
        if "\n" not in line and AUTHOR_PREFIX.match(line):
            names = parse_author_line(line)
            if names:
                return names
    return []


# A signature block and its date sit in the last lines of an order.
_CLOSING_LINES = 40


def _closing_lines(text: str) -> list[str]:
    return text[-4000:].split("\n")[-_CLOSING_LINES:]


def _paragraphs_and_gaps(text: str) -> tuple[list[str], list[int]]:
    """Paragraphs, and how many blank lines came before each (Gutenberg marks chapters so)."""
    pieces = _PARAGRAPH_BREAK_KEPT.split(text)
    paragraphs: list[str] = []
    gaps: list[int] = []
    blank_lines = 0
    for position, piece in enumerate(pieces):
        if position % 2:
            blank_lines += piece.count("\n") - 1
        elif piece.strip() or _is_page_break(piece):
            paragraphs.append(piece.strip("\n"))
            gaps.append(blank_lines)
            blank_lines = 0
    return paragraphs, gaps


def _is_page_break(paragraph: str) -> bool:
    """A form feed's own paragraph (str.strip() would take the form feed for white space)."""
    return paragraph.strip(" \t\n") == FORM_FEED


_WRAPPED_LINE_MIN_CHARS = 45
"""A line of wrapped prose fills most of the page's width; a title broken over two
cover lines ("The ferry levy: revenue" / "and crossings…") is shorter."""


def _take_cover(paragraphs: list[str], scanned: bool = False):
    """Read the cover from the opening lines, whether or not blank lines part them.

    The cover ends at the first page break, and before the first wrapped sentence
    (a long line that the next line of its paragraph continues in lower case): that is body.
    A scan's OCR text marks no page break: there a title page ends with its imprint.
    """
    lines: list[tuple[int, str]] = []
    for index, paragraph in enumerate(paragraphs[:12]):
        if _is_page_break(paragraph):
            break
        own = [line for line in paragraph.split("\n") if line.strip()]
        for position, line in enumerate(own):
            if (position + 1 < len(own) and _STARTS_LOWER.match(own[position + 1].strip())
                    and len(line.strip()) >= _WRAPPED_LINE_MIN_CHARS and not _ends_a_title(own, position + 1)):
                break
            lines.append((index, line))
        else:
            continue
        break
    if scanned and lines:
        end = imprint_end([line for _, line in lines])
        if end is not None and (end + 1 == len(lines) or lines[end + 1][0] != lines[end][0]):
            lines = lines[: end + 1]  # the imprint's year ends its paragraph and the page
        else:
            scanned = False
    title_page = read_title_page(paragraphs[: lines[-1][0] + 1]) if lines and (
        scanned or _is_page_break_after(paragraphs, lines[-1][0])) else None
    if title_page:
        return _title_page_read(paragraphs, lines[-1][0], *title_page)
    cover = read_cover([line for _, line in lines[:16]])
    if not cover.lines_used:
        return cover, paragraphs, []
    used = lines[: cover.lines_used]
    last_index = used[-1][0]
    used_in_last = sum(1 for index, _ in used if index == last_index)
    rest_of_last = [line for line in paragraphs[last_index].split("\n") if line.strip()][used_in_last:]
    # A cover line that became neither title, author nor date is text of the source: it stays,
    # in its own paragraph (a publisher's line must not run into the first sentence of the body).
    unread: dict[int, list[str]] = {}
    for index, line in used:
        if not _cover_line_was_read(line.strip(), cover):
            unread.setdefault(index, []).append(line.strip())
    unread.setdefault(last_index, []).extend(line.strip() for line in rest_of_last)
    # The lines read into the metadata are reported as the cover, as the source wrote them.
    cover_lines = [Removed("cover", " ".join(line.split())) for _, line in used if _cover_line_was_read(line.strip(), cover)]
    after = paragraphs[last_index + 1:]
    if not rest_of_last and _is_page_break_after(paragraphs, last_index):
        # A cover that is a page of its own: a title page that repeats it inside is the same page again.
        after = _without_inner_title_page(after, [line for _, line in used], cover_lines)
    remaining = ["\n".join(lines_of) for _, lines_of in sorted(unread.items()) if lines_of] + after
    return cover, remaining, cover_lines


INNER_TITLE_PAGE_LINES_MAX = 20
INNER_TITLE_PAGE_SHARED_MIN = 3
"""The cover's lines the inner title page prints again: the title's and the authors' at least."""


def _without_inner_title_page(paragraphs: list[str], cover_lines: list[str], removed: list[Removed]) -> list[str]:
    """The paragraphs without the title page that follows a cover page and repeats it (the cover's
    title and authors, perhaps its band in other type): reported as "cover". A page of the front matter
    only, of cover lines only."""
    keys = {head_key(line) for line in cover_lines}
    start = 0
    while start < len(paragraphs) and (not paragraphs[start].strip() or _is_page_break(paragraphs[start])):
        start += 1  # the blank verso behind the cover
    end = start
    while end < len(paragraphs) and not _is_page_break(paragraphs[end]):
        end += 1
    lines = [line.strip() for paragraph in paragraphs[start:end] for line in paragraph.split("\n") if line.strip()]
    if (end == len(paragraphs) or not lines or len(lines) > INNER_TITLE_PAGE_LINES_MAX
            or not all(is_cover_line(line) for line in lines)
            or sum(1 for line in lines if head_key(line) in keys) < INNER_TITLE_PAGE_SHARED_MIN):
        return paragraphs
    removed.extend(Removed("cover", " ".join(line.split())) for line in lines)
    return paragraphs[:start] + paragraphs[end:]


def _ends_a_title(lines: list[str], position: int) -> bool:
    """The paragraph's last line, short and unpunctuated ("y Villa Corrales"): the end of a
    title broken over the cover's lines, where wrapped prose would end its sentence."""
    line = lines[position].strip()
    return position == len(lines) - 1 and len(line) <= _TITLE_TAIL_MAX_CHARS and not line.endswith(_PUNCTUATION_ENDS)


_TITLE_TAIL_MAX_CHARS = 40
_PUNCTUATION_ENDS = (".", "!", "?", ":", ";", ",", "»", '"', "”", ")")


def _is_page_break_after(paragraphs: list[str], index: int) -> bool:
    return index + 1 < len(paragraphs) and _is_page_break(paragraphs[index + 1])


def _title_page_read(paragraphs: list[str], last_index: int, cover, read: set[str]):
    """A book's title page read (text_title_page): its lines read into the metadata are the
    cover; the others (the subtitle, the author's office, the publisher) stay text."""
    kept: list[str] = []
    cover_lines: list[Removed] = []
    for paragraph in paragraphs[: last_index + 1]:
        own = [line.strip() for line in paragraph.split("\n") if line.strip()]
        cover_lines.extend(Removed("cover", " ".join(line.split())) for line in own if line in read)
        rest = [line for line in own if line not in read]
        if rest:
            kept.append("\n".join(rest))
    return cover, kept + paragraphs[last_index + 1:], cover_lines


def _cover_line_was_read(line: str, cover) -> bool:
    names = parse_author_line(line)
    # A line that only looks like names ("PRÉFECTURE DE LA RÉGION BRETAGNE" above "RAPPORT") was not read if
    # the cover took none of them: it stays text.
    return bool(parse_date(line) or (names and any(name in cover.authors for name in names))
                or (cover.title and line.rstrip(".") in cover.title) or line.strip("*_ ") in cover.furniture)


def _normal_key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def _remove_table_of_contents(paragraphs: list[str], removed: list[Removed]) -> tuple[dict[str, int], list[str], list[int]]:
    """Take the table of contents out (into `removed`): its entries (heading text -> level),
    the paragraphs kept, and their indexes in `paragraphs`."""
    levels: dict[str, int] = {}
    kept: list[str] = []
    kept_indexes: list[int] = []
    for index, paragraph in enumerate(paragraphs):
        lines = [line for line in paragraph.split("\n") if line.strip()]
        # Cheap test first: a contents line is short and ends with a page number.
        toc_lines = [_toc_entry(line) for line in lines]
        if lines and _pages_run_forward(toc_lines) and sum(1 for m in toc_lines if m) >= max(1, len(lines) * 0.6) and (len(lines) > 1 or levels or (kept and _CONTENTS_HEADING.match(kept[-1]))):
            for match in toc_lines:
                if match:
                    title = match.group("title").strip()
                    letters = re.sub(r"[^A-Za-zÀ-ÿ]", "", title)
                    levels[_normal_key(title)] = 1 if letters.isupper() else 2
            if kept and _CONTENTS_HEADING.match(kept[-1].strip()):
                removed.append(Removed("contents", fold(kept.pop())))
                kept_indexes.pop()
            removed.append(Removed("contents", fold(paragraph)))
            continue
        kept.append(paragraph)
        kept_indexes.append(index)
    return levels, kept, kept_indexes


def _toc_entry(line: str) -> re.Match | None:
    """A contents line: a title in words, then its page number ("2019\t7.530\t248" is a table row)."""
    if len(line) >= 250 or not (line.rstrip()[-1:].isdigit() or line.rstrip()[-1:] in "IVXLCivxlc"):
        return None  # the cheap test first: a contents line is short and ends with a page number
    match = _TOC_LINE.match(line.strip())
    if match is None or len(re.findall(r"[^\W\d_]", match.group("title"))) < _TOC_TITLE_LETTERS:
        return None
    return match


_TOC_TITLE_LETTERS = 3


def _pages_run_forward(entries: list[re.Match | None]) -> bool:
    """A table of contents lists its pages in order; a table of figures does not."""
    pages = [int(entry.group("page")) if entry.group("page").isdigit() else 0 for entry in entries if entry]  # front matter in roman
    return all(earlier <= later for earlier, later in zip(pages, pages[1:]))


class _Classifier:
    """Sort paragraphs into body, headings, footnote definitions and page breaks.

    A numbered paragraph is a footnote only where the document's structure says
    so: inside a Notes section, as a proofreaders' "[Footnote 1: ...]" block, or
    printed where a page broke, continuing the note sequence after its marker.
    A label that a Notes section defines is never also taken from the body: there
    "1. Five Challenged Statutes" is a heading and "1. the water must..." a list.
    """

    def __init__(self, paragraphs: list[str], toc_levels: dict[str, int], page_labels: list[str],
                 warnings: list[str], removed: list[Removed], forced_headings: dict[int, int] | None = None,
                 bracketed_notes_only: bool = False):
        self.paragraphs = paragraphs
        self.bracketed_notes_only = bracketed_notes_only
        """The document's convention marks every note "[n]" (a GPO text's "\\n\\"): a line "1. Comment:" is body."""
        self.forced_headings = forced_headings or {}
        self.toc_levels = toc_levels
        self.page_labels = list(page_labels)
        self.pages_started = 0
        self.warnings = warnings
        self.removed = removed
        self.blocks: list[Block] = []
        self.seen_markers: set[int | str] = set()
        self.next_expected = 1
        self.in_notes_section = False
        self.section_labels = _notes_section_labels(paragraphs, toc_levels)
        self.paren_labels: set[int | str] = set()
        """Labels of notes numbered "(n)" in the Notes section."""
        self.compact_notes = False
        """The last notes were set one a line in one paragraph: a blank line ends them."""
        self.page_foot_notes = False
        """Notes were found at the feet of pages (a PDF's text): their markers are glued digits."""
        self.lone_numbers: list[tuple[int, int]] = []
        """(block index, number) of lone numbers printed after a footnote block."""
        self.hyphens = LineEndHyphens(paragraphs)
        self.note_continued: dict[int, list[str]] = {}
        """Block index -> the paragraphs that continue that note."""
        self.endnotes = paren_endnotes(paragraphs)
        """Notes after the text, called "(n)" (the Court of Justice's style): paragraph index -> (label, text)."""

    def run(self) -> list[Block]:
        if self.page_labels:
            self.blocks.append(Block(PAGE, label=self.next_page_label()))
        index = 0
        while index < len(self.paragraphs):
            index += self.take(index)
        for block_index, paragraphs in self.note_continued.items():
            self.blocks[block_index].text = "\n".join([self.blocks[block_index].text, *paragraphs])
        self._settle_lone_numbers()
        return self.blocks

    def next_page_label(self) -> str:
        """Labels come from the page splitter, one a page; a stray form feed counts on."""
        count = self.pages_started
        self.pages_started += 1
        return self.page_labels[count] if count < len(self.page_labels) else str(count + 1)

    def following(self, index: int) -> str:
        """The next paragraph that is not a page break."""
        for paragraph in self.paragraphs[index + 1:index + 3]:
            if not _is_page_break(paragraph):
                return paragraph.strip()
        return ""

    def take(self, index: int) -> int:
        """Classify paragraphs[index] (and any that continue it); how many were used."""
        paragraph = self.paragraphs[index]
        stripped = paragraph.strip()
        following = self.following(index)
        if _is_page_break(paragraph):
            self.blocks.append(Block(PAGE, label=self.next_page_label()))
            return 1
        if index in self.endnotes:
            label, text = self.endnotes[index]
            self.blocks.append(Block(NOTE, text, label=label))
            self.paren_labels.add(label)
            return 1
        used = self.take_page_foot_notes(index) or self.take_column_notes(index)
        if used:
            return used
        if index in self.forced_headings:
            self.blocks.append(Block(HEADING, " ".join(stripped.split()), level=self.forced_headings[index]))
            return 1
        footnote = take_footnote_blocks(self.paragraphs, index)
        if footnote:
            label, text, used, rest = footnote
            self.blocks.append(Block(NOTE, text.strip(), label=label_of(label)))
            if rest:
                self.take_body(rest, self.following(index + used - 1))
            return used
        if is_end_mark(stripped):
            self.blocks.append(Block(BREAK))
            self.removed.append(Removed("furniture", stripped))
            return 1
        if self.blocks and self.blocks[-1].kind == NOTE and _LONE_NUMBER.match(stripped):
            self.lone_numbers.append((len(self.blocks), int(stripped)))
            self.blocks.append(Block(PARAGRAPH, stripped))
            return 1
        if NOTES_HEADING.match(stripped) and _section_note_start(following):
            self.in_notes_section = True
            self.blocks.append(Block(BREAK))
            self.removed.append(Removed("notes-heading", stripped))
            return 1
        after_rule = _notes_after_rule(stripped, following)
        if after_rule is not None:
            self.in_notes_section = True
            self.blocks.append(Block(BREAK))
            if after_rule:
                self.take_note(after_rule)
            return 1
        if _SEPARATOR.match(stripped):
            self.blocks.append(Block(BREAK))
            return 1
        if self.take_note(stripped):
            return 1
        if (self.in_notes_section and not self.compact_notes and self.blocks and self.blocks[-1].kind == NOTE
                and not _heading_level(stripped, following, self.toc_levels)):
            # A note that runs over two paragraphs (or thousands): joined once, in run().
            self.note_continued.setdefault(len(self.blocks) - 1, []).append(stripped)
            return 1
        self.in_notes_section = False
        self.take_body(paragraph, following)
        return 1

    def take_page_foot_notes(self, index: int) -> int:
        """Notes at the foot of a page (a document with form feeds); how many paragraphs they fill."""
        if not self.page_labels or self.in_notes_section:
            return 0
        found = page_foot_notes(self.paragraphs, index, self.next_expected)
        if not found or found[0][0][0] in self.section_labels:
            return 0
        notes, used = found
        self.page_foot_notes = True
        self.blocks.extend(Block(NOTE, text, label=label) for label, text in notes)
        self.next_expected = notes[-1][0] + 1
        return used

    def take_column_notes(self, index: int) -> int:
        """Notes at the foot of a column, mid-page (two columns through pdftotext); how many paragraphs they fill."""
        if not self.page_labels or self.in_notes_section or self.next_expected in self.section_labels:
            return 0
        found = column_notes(self.paragraphs, index, self.next_expected)
        if not found:
            return 0
        body, notes, used = found
        if body:
            self.take_body(body, "")
        self.page_foot_notes = True
        self.blocks.extend(Block(NOTE, self.hyphens.join(text), label=label) for label, text in notes)
        self.next_expected = notes[-1][0] + 1
        return used

    def take_note(self, stripped: str) -> bool:
        start = _section_note_start(stripped) if self.in_notes_section else _NOTE_START.match(stripped)
        if not start:
            return False
        if self.bracketed_notes_only and not start.groupdict().get("bracket"):
            return False
        label = _start_label(start)
        if not (start.groupdict().get("pandoc") or self.in_notes_section or self.interleaved_note(label, stripped)):
            return False
        notes = _split_notes(stripped, self.paren_labels)
        # Notes set one a line, with no blank line between them: a blank line ends the list,
        # and the paragraph after it (the author's note, a copyright line) is no note's text.
        self.compact_notes = self.in_notes_section and len(notes) > 1
        for note in notes:
            self.blocks.append(note)
            if isinstance(note.label, int) and (self.in_notes_section or note.label >= self.next_expected):
                # A table's own note ("¹ Share of pools…" under Table 1) amid the page's notes 1-3 is no
                # restart: the next page's notes go on from 4.
                self.next_expected = note.label + 1
        return True

    def interleaved_note(self, label: int | str, stripped: str) -> bool:
        """A note printed where its page broke: it continues the sequence its markers started."""
        if not isinstance(label, int) or not (label == self.next_expected or label in self.seen_markers):
            return False
        if not (label in self.seen_markers or (self.seen_markers and _LOOKS_LIKE_REFERENCE.search(stripped))):
            return False
        if label in self.section_labels:
            return False  # the Notes section defines this label: this is body numbering
        first_line = stripped.split("\n", 1)[0]
        if _is_numbered_heading(first_line) or self.opens_a_list():
            self.warnings.append(f"numbered paragraph {first_line[:60]!r} kept in the body: it reads as a heading or a list item, not note {label}")
            return False
        return True

    def opens_a_list(self) -> bool:
        """The previous body paragraph announces a list ("...matter here:")."""
        previous = next((b for b in reversed(self.blocks) if b.kind in (PARAGRAPH, HEADING, NOTE)), None)
        return previous is not None and previous.kind == PARAGRAPH and previous.text.rstrip().endswith(":")

    def take_body(self, paragraph: str, following: str) -> None:
        stripped = paragraph.strip()
        level = _heading_level(stripped, following, self.toc_levels)
        if level:
            self.blocks.append(Block(HEADING, re.sub(r"^#{1,6}\s+", "", stripped), level=level))
            return
        for match in _SUPERSCRIPT_MARKER.finditer(stripped):
            self.seen_markers.add(superscript_to_int(match.group(1)))
        for match in _BRACKET_MARKER.finditer(stripped):
            self.seen_markers.add(label_of(match.group(1)))
        heading, rest = _numbered_heading_over_prose(paragraph)
        if heading:
            self.blocks.append(Block(HEADING, heading, level=2))
            paragraph = rest
        if _is_indented_block(paragraph) or _is_chart_labels(paragraph):
            self.blocks.append(Block(PARAGRAPH, paragraph.strip("\n"), keep_lines=True))
            return
        layout_table = _layout_table_span(paragraph)
        if layout_table:
            # Columns parted by runs of spaces (`pdftotext -layout`): the rows stay lines as printed, so
            # "412      268      97" never reads as one figure grouped by spaces, 412 268 97.
            lines = paragraph.strip("\n").split("\n")
            start, end = layout_table
            if start:
                self.take_body("\n".join(lines[:start]), "")
            self.blocks.append(Block(PARAGRAPH, textwrap.dedent("\n".join(lines[start:end])).strip("\n"), keep_lines=True))
            if end < len(lines):
                self.take_body("\n".join(lines[end:]), following)
            return
        table_start = _tab_table_start(paragraph)
        if table_start is not None:
            # Columns parted by tabs: one row a line, cells parted by "; " as in HTML tables,
            # so "2019", "7.530", "248" never run together into one figure.
            lines = paragraph.strip("\n").split("\n")
            if table_start:
                self.take_body("\n".join(lines[:table_start]), "")
            rows = [_TAB_RUN.sub("; ", line.strip()) for line in lines[table_start:]]
            self.blocks.append(Block(PARAGRAPH, "\n".join(rows), keep_lines=True))
            return
        for piece in _split_at_paragraph_numbers(self.hyphens.join(paragraph)):
            self.blocks.extend(_split_list(piece))

    def _settle_lone_numbers(self) -> None:
        """Lone numbers after footnote blocks are page numbers when they climb.

        A converted PDF prints each page's number under its footnotes. When those
        numbers increase through the document they are page furniture: removed,
        and the page after each is labelled. Otherwise they stay, with a warning.
        """
        numbers = [number for _, number in self.lone_numbers]
        if not numbers:
            return
        if len(numbers) < 2 or any(a >= b for a, b in zip(numbers, numbers[1:])):
            self.warnings.append(f"number(s) {', '.join(map(str, numbers))} printed after footnotes kept in the text: not a page sequence")
            return
        lone_indexes = {block_index for block_index, _ in self.lone_numbers}
        last_body = max((i for i, b in enumerate(self.blocks) if b.kind in (PARAGRAPH, HEADING) and i not in lone_indexes), default=-1)
        for block_index, number in self.lone_numbers:
            self.removed.append(Removed("page-number", str(number)))
            block = self.blocks[block_index]
            # The number closes its page; the next page starts after it, if any text follows.
            block.kind, block.text, block.label = (PAGE, "", str(number + 1)) if block_index < last_body else (BREAK, "", None)


# A paragraph's number on a line of its own ("3."), after a line that ends a sentence (and
# perhaps a glued note call, "2041.2"): UN reports and judgments number paragraphs so,
# with no blank line between them.
_PARAGRAPH_NUMBER_LINE = re.compile(r"^[ \t]*\d{1,3}\.[ \t]*$")
_ENDS_A_SENTENCE = re.compile(r"[.!?:;)”\"’]\d{0,3}[ \t]*$")


def _split_at_paragraph_numbers(paragraph: str) -> list[str]:
    """The paragraph cut before each numbered-paragraph line; its number opens the next piece."""
    lines = paragraph.split("\n")
    pieces: list[list[str]] = [[]]
    for index, line in enumerate(lines):
        if (index > 0 and _PARAGRAPH_NUMBER_LINE.match(line) and index + 1 < len(lines) and lines[index + 1].strip()
                and _ENDS_A_SENTENCE.search(lines[index - 1])):
            pieces.append([])
        pieces[-1].append(line)
    return ["\n".join(piece) for piece in pieces] if len(pieces) > 1 else [paragraph]


def _notes_after_rule(stripped: str, following: str) -> str | None:
    """The notes under a rule that opens them, "" when they start in the next paragraph, or None.

    "________________" over "[1] Kooperationsvertrag…": the rule a word processor draws above
    its notes opens them, as a Notes heading would. A rule alone in its paragraph opens notes
    only over a bracketed or superscript call ("[1] Act of…", "¹ Ibid."); over "1. …" it may
    as well part the body from a numbered list.
    """
    rule, _, after_rule = stripped.partition("\n")
    if not _NOTES_RULE.match(rule):
        return None
    if after_rule.strip():
        return after_rule.strip() if _NOTE_START.match(after_rule.strip()) else None
    start = _NOTE_START.match(following)
    return "" if start and (start.group("bracket") or start.group("sup")) else None


def _notes_section_labels(paragraphs: list[str], toc_levels: dict[str, int]) -> set[int | str]:
    """Labels defined in Notes sections: those paragraphs are the notes, not body numbering."""
    labels: set[int | str] = set()
    in_section = False
    for index, paragraph in enumerate(paragraphs):
        stripped = paragraph.strip()
        following = paragraphs[index + 1].strip() if index + 1 < len(paragraphs) else ""
        if NOTES_HEADING.match(stripped) and _section_note_start(following):
            in_section = True
            continue
        after_rule = _notes_after_rule(stripped, following)
        if after_rule is not None:
            # "1.  Declares…" in a judgment's operative part above the rule is body numbering, not note 1.
            in_section = True
            stripped = after_rule
            if not stripped:
                continue
        if not in_section:
            continue
        starts = [_section_note_start(line.strip()) for line in stripped.split("\n")]
        if not starts[0] and _heading_level(stripped, following, toc_levels):
            in_section = False
            continue
        labels.update(_start_label(start) for start in starts if start)
    return labels


INDENT_MIN = 2
"""Lines indented this far, every one of them, are a table or verse: their lines stay lines."""


_TAB_RUN = re.compile(r"[ ]*\t[\t ]*")
TAB_TABLE_ROWS = 2


def _tab_table_start(paragraph: str) -> int | None:
    """Index of the first line of a tab-separated table ending the paragraph (its caption may
    stand above it), or None: the table's rows, two at least, all hold a tab."""
    lines = paragraph.strip("\n").split("\n")
    start = len(lines)
    while start > 0 and "\t" in lines[start - 1].strip():
        start -= 1
    return start if len(lines) - start >= TAB_TABLE_ROWS else None


# A row of a table laid out with spaces: its last cells are figures, two at least, parted by runs of spaces
# ("Hogares conectados a la red      118.200      79.400      27.100"). Justified prose parts its words by
# a space or two, never figure from figure by three.
_LAYOUT_ROW = re.compile(r"\S(?:[ ]{2,}\(?[−–-]?[$€£]?\d[\d.,]*\s?%?\)?){2,}\s*$")
_COLUMN_GAP = re.compile(r"\S[ ]{3,}\S")
_FIGURE_GAP = re.compile(r"\d[ ]{3,}\(?[−–-]?[$€£]?\d")
LAYOUT_TABLE_ROWS = 2
LONE_ROW_GAPS_MIN = 2
"""Three figures or more in a row, parted by wide gaps: a table's row even alone in its paragraph."""


def _layout_table_span(paragraph: str) -> tuple[int, int] | None:
    """(first line, line after the last) of a table laid out with spaces in the paragraph, or None:
    two rows at least that end in figure cells with a wide gap between figures; the column heads above
    the first row (lines of cells parted by wide gaps) and every line between the rows are the table's."""
    lines = paragraph.strip("\n").split("\n")
    rows = [index for index, line in enumerate(lines) if _LAYOUT_ROW.search(line) and _FIGURE_GAP.search(line)]
    if len(rows) < LAYOUT_TABLE_ROWS and not (rows and len(_FIGURE_GAP.findall(lines[rows[0]])) >= LONE_ROW_GAPS_MIN):
        return None  # a lone row set apart ("Total    62    318    2,65    85,1") is one when its figures leave no doubt
    start = rows[0]
    while start > 0 and _COLUMN_GAP.search(lines[start - 1].strip()):
        start -= 1
    return start, rows[-1] + 1


# A chart's axis and legend as pdftotext gives them: "Billions of Dollars" / "100" / "80" / "Outlays" / "60".
# Its lines stay lines: joined, "20" and "0" and "2024" would read "20 0 2024", figures run together.
_BARE_FIGURE_LINE = re.compile(r"^\s*[−–-]?[$€£]?\d[\d.,]{0,6}%?\s*$")
CHART_LINES_MIN = 3


def _is_chart_labels(paragraph: str) -> bool:
    lines = [line for line in paragraph.split("\n") if line.strip()]
    figures = sum(1 for line in lines if _BARE_FIGURE_LINE.match(line))
    return (len(lines) >= CHART_LINES_MIN and figures * 2 >= len(lines)) or (len(lines) >= 2 and figures == len(lines))


def _is_indented_block(paragraph: str) -> bool:
    lines = [line for line in paragraph.split("\n") if line.strip()]
    return len(lines) >= 2 and all(len(line) - len(line.lstrip(" \t")) >= INDENT_MIN for line in lines)


CAPITALS_HEADING_MIN_LETTERS = 4
CAPITALS_HEADING_MAX_CHARS = 80


def _is_capitals_heading(line: str) -> bool:
    """"L’ESSENTIEL", "INTRODUCTION", "ZUSAMMENFASSUNG": a short line in capitals, no figure,
    no sentence's or clause's end ("WASHINGTON —" opens a dateline; "IT IS SO ORDERED." is a sentence)."""
    return (len(line) <= CAPITALS_HEADING_MAX_CHARS and line == line.upper() and not any(c.isdigit() for c in line)
            and sum(c.isalpha() for c in line) >= CAPITALS_HEADING_MIN_LETTERS and not line.endswith((".", ",", ";", ":", "—", "–", "-"))
            and not _LOOKS_LIKE_REFERENCE.search(line))


_SUBSECTION_OF = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+[A-Z][^.!?;:,]{0,78}$")


def _is_numbered_heading(line: str) -> bool:
    """"I. BACKGROUND", "2. The Standard of Review": a short numbered title, no sentence."""
    return bool(_NUMBERED_HEADING.match(line)) and not _LOOKS_LIKE_REFERENCE.search(line) and not _IBID_START.match(line)


def _numbered_heading_over_prose(paragraph: str) -> tuple[str | None, str]:
    """"1. Five Challenged Statutes" or "INTRODUCTION" on the first line of a paragraph of prose,
    as pdftotext writes a heading with no blank line under it: (heading, prose)."""
    lines = paragraph.strip().split("\n")
    if len(lines) < 2 or not (_is_numbered_heading(lines[0].strip()) or (
            # a title set on two lines in capitals is no heading over prose
            _is_capitals_heading(lines[0].strip()) and lines[1] != lines[1].upper())):
        return None, paragraph
    rest = "\n".join(lines[1:])
    if not rest.strip()[:1].isupper() or _NOTE_START.match(rest.strip()):
        return None, paragraph
    if _wraps_like_prose(lines[0].strip(), lines[1:]):
        return None, paragraph
    return lines[0].strip(), rest


WRAPPED_LINE_SHARE = 0.8
"""A first line this long against the lines under it ran to the margin: it wrapped."""


def _wraps_like_prose(first: str, following: list[str]) -> bool:
    """A numbered paragraph's first line that runs to the margin in lower-case words ("11. I
    recognise that these proposals will be unwelcome to the spending" over "Departments. But
    …"), where a heading stops short or capitalises its words ("2. The Standard of Review")."""
    width = max((len(line.strip()) for line in following), default=0)
    words = [word for word in re.findall(r"[^\W\d_][\w'’-]*", first)]
    capitalised = sum(1 for word in words if word[:1].isupper() or word.lower() in _HEADING_SMALL_WORDS)
    return bool(width) and len(first) >= WRAPPED_LINE_SHARE * width and capitalised * 2 < len(words)


_HEADING_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "by", "at", "with", "de", "la", "le", "des",
                        "du", "et", "der", "die", "das", "und", "von", "el", "los", "las", "y", "del"}


def _start_label(match: re.Match) -> int | str:
    if "sup" in match.re.groupindex and match.group("sup"):
        return superscript_to_int(match.group("sup"))
    groups = match.groupdict()
    return label_of(groups.get("dot") or groups.get("bracket") or groups.get("pandoc") or groups.get("paren"))


def _section_note_start(line: str) -> re.Match | None:
    """How a note starts inside a Notes section, where bare and parenthesised numbers count too."""
    return _NOTE_START.match(line) or _BARE_NOTE_START.match(line) or _PAREN_NOTE_START.match(line)


def _start_style(start: re.Match) -> tuple[re.Pattern, str | None]:
    """How a note's number is written: "1.", "[1]", "¹", "(1)", "1 " -- one list keeps one style."""
    return start.re, next((name for name, value in start.groupdict().items() if value), None)


def _split_notes(paragraph: str, paren_labels: set[int | str]) -> list[Block]:
    """One paragraph may hold several notes, one per line, in a Notes section.

    Labels of notes numbered "(n)" are added to `paren_labels`: only their markers are read as "(n)".
    """
    notes: list[tuple[int | str | None, list[str]]] = []
    """(label, lines): a note's lines are joined once at the end; a note of many thousand
    lines must not be copied again at each one."""
    style = None
    for line in paragraph.split("\n"):
        start = _section_note_start(line.strip())
        if start and notes and _start_style(start) != style:
            start = None  # notes numbered "(1)" go on with "(2)": a line "2 O 412…" continues one
        if start or not notes:
            style = style or (_start_style(start) if start else None)
            label = _start_label(start) if start else None
            if start and start.re is _PAREN_NOTE_START:
                paren_labels.add(label)
            body = line.strip()[start.end():] if start else line.strip()
            notes.append((label, [body]))
        else:
            notes[-1][1].append(line.strip())
    return [Block(NOTE, " ".join(lines), label=label) for label, lines in notes if label is not None]


def _heading_level(paragraph: str, following: str, toc_levels: dict[str, int]) -> int:
    if "\n" in paragraph or len(paragraph) > 200:
        return 0
    hashes = re.match(r"^(#{1,6})\s+\S", paragraph)
    if hashes:
        return len(hashes.group(1))
    key = _normal_key(paragraph)
    if key and key in toc_levels:
        return toc_levels[key]
    if _WELL_KNOWN_SECTIONS.match(key):
        return 1
    words = paragraph.split()
    if not (1 <= len(words) <= 12 and len(paragraph) <= 90):
        return 0
    subsection = bool(_SUBSECTION_OF.match(paragraph)) and not _LOOKS_LIKE_REFERENCE.search(paragraph)
    if re.search(r"[.,;:!]$", paragraph) or "," in paragraph or not (paragraph[0].isupper() or _is_numbered_heading(paragraph)
                                                                     or subsection):
        return 0
    next_is_body = following[:1].isupper() and (len(following) >= 150 or (len(following) >= 50 and re.search(r"[.!?]\S*$", following)))
    # "2. Context and data" over "2.1 Tariff structures": a numbered section over its first numbered part
    over_its_part = _is_numbered_heading(paragraph) and bool(_SUBSECTION_OF.match(following)) \
        and following.split(".", 1)[0] == paragraph.split(".", 1)[0]
    if not (next_is_body or over_its_part):
        return 0
    letters = re.sub(r"[^A-Za-zÀ-ÿ]", "", paragraph)
    if subsection:
        return 3  # "2.1 Tariff structures" under "2. Context and data"
    return 1 if letters.isupper() and len(letters) > 3 else 2


def _split_list(paragraph: str) -> list[Block]:
    """A paragraph of bulleted lines becomes one block per item, bullets dropped."""
    lines = [line for line in paragraph.split("\n") if line.strip()]
    if len(lines) > 1 and sum(1 for line in lines if _BULLET.match(line)) >= len(lines) / 2 and _BULLET.match(lines[0]):
        items: list[str] = []
        for line in lines:
            if _BULLET.match(line):
                # A bullet sign is markup; an item's number is text ("1. the water must...").
                items.append(_UNNUMBERED_BULLET.sub("", line, count=1).strip())
            else:
                items[-1] += "\n" + line.strip()
        return [Block(PARAGRAPH, item) for item in items]
    if len(lines) == 1 and re.match(r"^\s*[-*•–▪]\s+", lines[0]):
        return [Block(PARAGRAPH, _BULLET.sub("", lines[0], count=1))]
    return [Block(PARAGRAPH, paragraph.strip())]


def _render(blocks: list[Block], markers: MarkerTable, warnings: list[str], removed: list[Removed],
            paren_labels: set[int | str], page_foot_notes: bool = False) -> list[Block]:
    """Turn markers and printed page numbers into placeholders, inline Markdown into plain text.

    "(n)" is a marker only where the notes are numbered "(n)", and only in sequence (strictly):
    elsewhere "(2)" is a list item or an equation number.
    """
    defined = {block.label for block in blocks if block.kind == NOTE}
    body_texts = [block.text for block in blocks if block.kind in (PARAGRAPH, HEADING)]
    pages_accepted = page_marker_ordinals(body_texts)
    page_ordinal = -1
    sequence = _NoteSequence(defined, warnings)
    # pdftotext gives a superscript as a digit glued to its word ("1980s.1") and never as
    # "[4]": where the notes sit at the pages' feet, bracketed numbers are citations.
    glued_allowed = bool(defined) and (page_foot_notes or not any(
        _SUPERSCRIPT_MARKER.search(block.text) or _BRACKET_MARKER.search(block.text)
        for block in blocks if block.kind == PARAGRAPH
    ))

    def page(match: re.Match) -> str:
        nonlocal page_ordinal
        page_ordinal += 1
        if page_ordinal not in pages_accepted:
            return match.group(0)
        removed.append(Removed("page-number", match.group("marker")))
        # "end of one {13} page" reads "end of one page"; the page starts at "page".
        between_words = (match.group("before") or match.group("after")) and match.start() > 0 and match.end() < len(match.string)
        return (" " if between_words else "") + markers.add_page(page_label(match))

    def marker(match: re.Match) -> str:
        if match.group("sup"):
            if follows_a_unit(match.string, match.start()):
                return match.group(0)
            label = superscript_to_int(match.group("sup"))
        elif match.group("pandoc"):
            return markers.add(label_of(match.group("pandoc")))
        else:
            if _opens_its_line(match):
                return match.group(0)  # "[12]   In 2020 the District…": the paragraph's number (judgments)
            if _AUTHOR_DATE_BEFORE.search(match.string, max(0, match.start() - _AUTHOR_DATE_LOOKBACK), match.start()):
                return match.group(0)  # "(OECD, 2023[1])": the OECD's pointer into its reference list, no call
            label = label_of(match.group("bracket"))
            if page_foot_notes:
                # In a PDF's text with notes at the pages' feet, "results [4]" cites the bibliography;
                # a text version that prints its calls "[1]" glues them to the word, "buildings.[1]",
                # and numbers them as the notes at the pages' feet go on.
                glued_call = match.start() > 0 and not match.string[match.start() - 1].isspace()
                return markers.add(copies.marker_label(label)) if glued_call and sequence.accepts(label, strict=True) else match.group(0)
        return markers.add(copies.marker_label(label)) if sequence.accepts(label, strict=False) else match.group(0)

    def glued(match: re.Match) -> str:
        label = int(match.group("label"))
        after_number = match.group("number") is not None
        if not after_number and follows_a_unit(match.string, match.start()):
            return match.group(0)  # "10 km2" is a unit
        if after_number and not _year_then_marker(match):
            if not (page_foot_notes and label == sequence.next and label in sequence.defined and _figure_then_marker(match)):
                return match.group(0)
            warnings.append(f"marker {label} read after {match.group('number')}. "
                            f"(\"{match.string[max(0, match.start() - 30):match.end() + 12]}\"): the figure is {match.group('number')}")
        if sequence.accepts(label, strict=after_number, window=_GLUED_SKIP):
            return (match.group("number") or "") + (match.group("stop") or "") + markers.add(copies.marker_label(label))
        return match.group(0)

    def parenthesised(match: re.Match) -> str:
        label = int(match.group("paren"))
        if label in paren_labels and sequence.accepts(label, strict=True):
            return markers.add(copies.marker_label(label))
        return match.group(0)

    copies = _DefinitionCopies(blocks, warnings)
    rendered: list[Block] = []
    for block in blocks:
        if block.kind == NOTE:
            copies.passed(block)
        if block.kind == PARAGRAPH and block.keep_lines:
            # A table or verse keeps its columns: only the common indentation goes.
            text = _replace_markers(marker, block.text)
            if glued_allowed:
                text = _GLUED_MARKER.sub(glued, text)
            block.text = textwrap.dedent(text).strip("\n")
            rendered.append(block)
            continue
        if block.kind in (PARAGRAPH, HEADING):
            text = _SPACED_PAGE_MARKER.sub(page, block.text) if pages_accepted else block.text
            if pages_accepted and _only_placeholders(text):
                rendered.extend(_page_blocks(text, markers))
                continue
            text = _replace_markers(marker, text)
            if paren_labels:
                text = _PAREN_MARKER.sub(parenthesised, text)
            if glued_allowed:
                text = _GLUED_MARKER.sub(glued, text)
            block.text = _render_inline_text(text, block.keep_lines)
        rendered.append(block)
    return rendered


_LEADING_PLACEHOLDERS = re.compile(r"^\s*(" + PLACEHOLDER_PATTERN.pattern + r"+)\s*")


# An author-date citation's year right before a bracketed number, as the OECD cites: "(OECD, 2023[1])",
# "(Grafton and Wheeler, 2018[4])". The number is the entry's in the reference list.
_AUTHOR_DATE_BEFORE = re.compile(r"[A-Za-z.)],\s+(?:1[89]|20)\d\d[a-z]?$")
_AUTHOR_DATE_LOOKBACK = 12


def _opens_its_line(match: re.Match) -> bool:
    """A bracketed number first on its line, before the text: numbering, never a call."""
    line_start = match.string.rfind("\n", 0, match.start()) + 1
    return not match.string[line_start:match.start()].strip() and match.string[match.end():match.end() + 1] in (" ", "\t")


def _render_inline_text(text: str, keep_lines: bool) -> str:
    """Plain text of a paragraph; a page start that opens it is set aside meanwhile,
    so that "_Of the fall._" after "{2}" still reads as emphasis, not as underscores."""
    leading = _LEADING_PLACEHOLDERS.match(text)
    prefix = leading.group(1) if leading else ""
    rest = text[leading.end():] if leading else text
    return prefix + collapse_spaces(render_inline(rest, keep_lines=keep_lines))


def _only_placeholders(text: str) -> bool:
    return bool(text.strip()) and not PLACEHOLDER_PATTERN.sub("", text).strip()


def _page_blocks(text: str, markers: MarkerTable) -> list[Block]:
    """A paragraph that was only "{12}" becomes a page break labelled 12."""
    blocks = []
    for char in PLACEHOLDER_PATTERN.findall(text):
        entry = markers.labels[placeholder_index(char)]
        blocks.append(Block(PAGE, label=entry.label if isinstance(entry, PageStart) else str(entry)))
    return blocks


def _year_then_marker(match: re.Match) -> bool:
    """"in 2019.3 The" is a year, its full stop and marker 3; "$62.2 billion" is a number.

    Digits glued after "<number>." are a marker only when the number is a plain
    year (no currency, no decimal or thousands part before it) and the sentence
    ends there: white space and a capital, or the end of the paragraph.
    """
    number = match.group("number")
    before = match.string[max(0, match.start() - 1):match.start()]
    after = match.string[match.end():match.end() + 6]
    # "in 2010–14.1": the end of a span of years, its full stop and marker 1.
    span_end = len(number) == 2 and _YEAR_SPAN_START.search(match.string, max(0, match.start() - 5), match.start())
    return (
        match.group("stop") == "."
        and ((len(number) == 4 and _YEAR_MIN <= int(number) <= _YEAR_MAX and not re.match(r"[\d$€£¥.,]", before))
             or bool(span_end))
        and (not after.strip() or bool(_SENTENCE_STARTS.match(after)))
    )


def _figure_then_marker(match: re.Match) -> bool:
    """"the borough's rate of 176.9 But the comparison": a whole number, its full stop and the next
    note's call, where a sentence starts straight after. A decimal ends no sentence without its own
    full stop ("176.9."), and "$62.2 billion" goes on in lower case; "section 4.2 The" and "Table 3.1
    Results" name a part, and a figure in money or with separators never loses its digits."""
    before = match.string[max(0, match.start() - 1):match.start()]
    after = match.string[match.end():match.end() + 3]
    word_before = match.string[max(0, match.start() - 16):match.start()].split()[-1:] or [""]
    line_start = match.string.rfind("\n", 0, match.start()) + 1
    # "1.1 Who relies on regional buses": a number that opens its line numbers a heading or a paragraph;
    # a note's call follows the words it annotates.
    opens_its_line = not re.search(r"[^\W\d_]", match.string[line_start:match.start()])
    return (match.group("stop") == "." and not re.match(r"[\d$€£¥.,§]", before) and bool(re.match(r"\s[A-Z]", after))
            and word_before[0].lower().rstrip(".") not in _PART_WORDS and not opens_its_line)


_PART_WORDS = frozenset("section sections figure fig table tab chapter chap version art article para paragraph no nr "
                        "p pp page part annex appendix item rule clause step".split())
_YEAR_SPAN_START = re.compile(r"(?<![\d.,])(?:1[89]|20)\d{2}[–-]$")


# What starts the sentence after a year, its full stop and a marker: a capital, or
# the number of the next paragraph on a line of its own ("2041.2" / "3." in UN reports).
_SENTENCE_STARTS = re.compile(r"\s[A-Z\"“(]|\n\d{1,3}\.(?:\s|$)")


class _DefinitionCopies:
    """Labels defined more than once, as when a book's notes restart with each chapter.

    Every definition is kept: the second definition of 1 becomes note "1-2" (the
    third "1-3"), named as the footnotes module names copies. A marker belongs to
    the first definition of its label that follows it (Gutenberg sets each note
    after the paragraph or chapter that calls it); a marker after the last
    definition belongs to that one.
    """

    def __init__(self, blocks: list[Block], warnings: list[str]):
        self.total: dict[int | str, int] = {}
        self.original: dict[int, int | str] = {}
        """id(block) -> the label a copy's definition has in the source."""
        taken = {block.label for block in blocks if block.kind == NOTE}
        for block in blocks:
            if block.kind != NOTE:
                continue
            count = self.total.get(block.label, 0) + 1
            self.total[block.label] = count
            if count > 1:
                copy = _copy_label(block.label, count, taken)
                warnings.append(f"footnote {block.label} is defined {count} times; all kept, this one as note {copy!r}")
                self.original[id(block)], block.label = block.label, copy
        self.passed_count: dict[int | str, int] = {}

    def passed(self, block: Block) -> None:
        original = self.original.get(id(block), block.label)
        self.passed_count[original] = self.passed_count.get(original, 0) + 1

    def marker_label(self, label: int | str) -> int | str:
        total = self.total.get(label, 0)
        which = min(self.passed_count.get(label, 0) + 1, total)
        return label if which <= 1 else _copy_label(label, which, set())


def _copy_label(label: int | str, count: int, taken: set[int | str]) -> str:
    copy = f"{label}-{count}"
    while copy in taken:
        copy += "'"
    return copy


class _NoteSequence:
    """Which numbers in the text are footnote markers: those that continue the notes.

    A marker is the next label expected, or one already called (a note cited
    twice); a bracketed or superscript marker may also skip a few labels (a
    marker lost in conversion), which is reported. Anything else ("Section 2",
    "10 km2", a label no note defines) stays text.
    """

    def __init__(self, defined: set[int | str], warnings: list[str]):
        self.defined = defined
        self.called: set[int | str] = set()
        numbers = [label for label in defined if isinstance(label, int)]
        self.next = min(numbers) if numbers else 1
        self.warnings = warnings

    def accepts(self, label: int | str, *, strict: bool, window: int = 0) -> bool:
        if label not in self.defined:
            return False
        skip = window if window else _MARKER_SKIP
        if not isinstance(label, int):
            self.called.add(label)  # letter labels ("[A]") restart too often to be sequenced; defined is enough
            return True
        ok = label in self.called or label == self.next or (
            not strict and isinstance(label, int) and self.next < label <= self.next + skip
        )
        if not ok:
            return False
        if isinstance(label, int) and label > self.next and label not in self.called:
            self.warnings.append(f"marker {label} follows marker {self.next - 1}: marker(s) {self.next}-{label - 1} not found in the text")
        self.called.add(label)
        if isinstance(label, int):
            self.next = max(self.next, label + 1)
        return True
