"""Projekt Runeberg's page view: one scanned page of a Nordic book and the OCR text under it.

runeberg.org shows a book page by page (".../lervik/0053.html"). The page's <title> is the printed
page and the work, "47 (Beskrifning öfver Lerviks socken)"; the header table names the work, its
year "(1893)" and "Author: <a>Carl August Norrby</a>"; a notice says the text is OCR and whether it
was proofread; the page's text stands between the site's own comments <!-- mode=normal --> and
<!-- NEWIMAGE2 -->, a <br> a printed line: the running head first ("NÄRINGAR OCH FOLKMÄNGD. 47"),
then the text with its calls "skörden 1)", then the page's notes in a smaller font, "1) L. Fagerlind,
…", one line or more each; after it the links to the pages before and after and the site's stamp.

read as a web page, all of it is one paragraph: the head and the notes run into the text, the
title is "47 (…)", nobody wrote it. runeberg_page gives the importer the page as the site means
it, in the markup the HTML reader knows: the site's header and footer in <header> and <footer>,
the work's title, writer and year as Dublin Core <meta> (read from the page's own header, nothing
added), the printed page as a page marker, the running head as the page's forme work, and the
notes and their calls classed as a text archive classes its unlinked notes (html_notes pairs a
call and a note of one label in reading order, all or nothing). Not a word of the page's text is
changed: the rewriting only wraps it.
"""

from __future__ import annotations

import html
import re

from claimdesk.sources.readers.text_pages import numbered_head

_START = "<!-- mode=normal -->"
_END = "<!-- NEWIMAGE2 -->"
_SITE = re.compile(r"project runeberg|runeberg\.org", re.I)
_TITLE = re.compile(r"<title>\s*(?P<page>[0-9]{1,4}|[ivxlcdm]{1,7})\s+\((?P<work>[^()<]{2,200})\)\s*</title>", re.I)
_AUTHOR = re.compile(r"\bAuthors?:\s*(?P<names>(?:<a\b[^>]*>[^<]{2,80}</a>(?:\s*(?:,|and|och|og)\s*)?)+)", re.I)
_YEAR = re.compile(r"<p>\s*\((?P<year>1[4-9]\d\d|20\d\d)\)")
_BR = re.compile(r"<br\s*/?>", re.I)
_TAG = re.compile(r"<[^>]+>")
_NOTES_FONT = re.compile(r"<font size=\"?-1\"?>(?P<notes>(?:(?!<font\b).)*?)</font>(?P<after>\s*(?:<br\s*/?>\s*)*)$", re.I | re.S)
_BLANK_LINE = re.compile(r"(?:<br>\s*){2,}")
_NOTE_START = re.compile(r"^\s*(?P<label>\d{1,2})\)\s+\S")


def runeberg_page(source: str) -> str | None:
    """The page rewritten as described above, or None for a page of any other site."""
    if _START not in source or _END not in source or not _SITE.search(source):
        return None
    before, rest = source.split(_START, 1)
    ocr, after = rest.split(_END, 1)
    title = _TITLE.search(before)
    body_at = before.lower().find("<body")
    body_open = before.find(">", body_at) + 1 if body_at >= 0 else 0
    if title is None or not body_open:
        return None
    page = title.group("page")
    header = before[body_open:]
    opener = ""
    if header.rstrip().lower().endswith("<p>"):  # the <p> the text starts in
        header = header.rstrip()[:-3]
        opener = "<p>"
    meta = _meta(title.group("work"), header)
    text = _wrapped_text(ocr, page)
    return (before[:body_open].replace("</head>", meta + "</head>", 1) if "</head>" in before[:body_open] else before[:body_open] + meta) \
        + f"<header class=\"site-header\">{header}</header>\n<main>{opener}{text}</main>\n<footer>{after}"


def _meta(work: str, header: str) -> str:
    tags = [f'<meta name="DC.title" content="{html.escape(html.unescape(work.strip()))}">']
    authors = _AUTHOR.search(header)
    if authors:
        for name in re.findall(r"<a\b[^>]*>([^<]{2,80})</a>", authors.group("names")):
            tags.append(f'<meta name="DC.creator" content="{html.escape(html.unescape(name.strip()))}">')
    year = _YEAR.search(header)
    if year:
        tags.append(f'<meta name="DC.date" content="{year.group("year")}">')
    return "".join(tags)


def _wrapped_text(ocr: str, page: str) -> str:
    """The OCR text with its page marker, its running head as forme work, its notes and calls classed."""
    marker = f'<span class="pagenum" title="{html.escape(page)}"></span>'
    lines = _BR.split(ocr)
    first = next((index for index, line in enumerate(lines) if _TAG.sub("", line).strip()), None)
    if first is not None and numbered_head(html.unescape(_TAG.sub("", lines[first])).strip(), page):
        lines[first] = f'<div class="fw-top">{lines[first].strip()}</div>'
    body = "<br>".join(lines)
    notes = _NOTES_FONT.search(body)
    if notes is not None:
        classed = _classed_notes(body[:notes.start()], notes.group("notes"))
        if classed is not None:
            body = classed + notes.group("after")
    # A blank line parts two printed paragraphs (the running head and the notes sit in their own blocks);
    # inside one, a line's end is the printer's, not the writer's: the lines run on, as a browser shows
    # them, and a word broken at a line's end is whole again with its hyphen ("bon-" / "den": "bon-den"),
    # as the plain-text reader joins it.
    paragraphs = [chunk for chunk in _BLANK_LINE.split(body) if chunk.strip()]
    return marker + "".join(f"<p>{_run_on(chunk)}</p>" if not chunk.lstrip().startswith("<div") else chunk for chunk in paragraphs)


_HYPHENATED_LINE_END = re.compile(r"(?<=[^\W\d_]-)\s*<br>\s*(?=[^\W\d_])")
_LINE_END = re.compile(r"\s*<br>\s*")


def _run_on(paragraph: str) -> str:
    return _LINE_END.sub("\n", _HYPHENATED_LINE_END.sub("", paragraph))


def _classed_notes(text: str, notes: str) -> str | None:
    """The text with its calls classed, and the notes, each a block of its own; None unless every note,
    numbered 1, 2, 3… from 1, has its one call in order in the text."""
    entries: list[tuple[str, list[str]]] = []
    for line in _BR.split(notes):
        match = _NOTE_START.match(_TAG.sub("", line))
        if match:
            entries.append((match.group("label"), [line.strip()]))
        elif entries and line.strip():
            entries[-1][1].append(line.strip())
    if not entries or [label for label, _ in entries] != [str(n) for n in range(1, len(entries) + 1)]:
        return None
    pieces, cursor = [], 0
    for label, _ in entries:
        call = re.compile(rf"(?<=\S) ?{label}\)(?=[\s.,;:!?]|<|$)").search(text, cursor)
        if call is None:
            return None
        pieces += [text[cursor:call.start()], f' <span class="fn-intext">{label})</span>' if call.group().startswith(" ")
                   else f'<span class="fn-intext">{label})</span>']
        cursor = call.end()
    pieces.append(text[cursor:])
    blocks = []
    for label, lines in entries:
        first, *more = lines
        first = re.sub(rf"^(\s*){label}\)", "", first, count=1)
        # the note's lines are one note: a word broken at a line's end keeps its hyphen, as in the text
        blocks.append(f'<div class="footnote"><span class="fn-sign">{label})</span>{" ".join([first, *more])}</div>')
    return "".join(pieces) + "".join(blocks)
