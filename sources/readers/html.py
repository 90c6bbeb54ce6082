"""HTML pages and exported documents.

Only text leaves this module: scripts, styles, navigation and forms are dropped,
entities decoded, and tags never passed through. Footnote markers are `<sup>`
numbers or links to a note (`<a href="#fn3">`), and notes are elements whose id
names a note (`fn3`, `footnote-3`, `_ftn3`) or the items of a footnotes list.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from claimdesk.sources.blocks import BREAK, HEADING, NOTE, PARAGRAPH, Block, MarkerTable
from claimdesk.sources.header import parse_date, parse_author_line
from claimdesk.sources.readers.common import NOTES_HEADING, ReaderResult, label_of

_SKIPPED = {"script", "style", "noscript", "template", "nav", "svg", "button", "form", "select", "textarea", "iframe", "object", "canvas", "head"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_BLOCKS = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "section", "article", "main", "aside", "table", "tr", "figure", "figcaption", "header", "footer", "body", "address", "details", "summary", "caption"}
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_NOTE_ID = re.compile(r"^(?:fn|footnote|foot|note|endnote|en|ftn|_ftn|edn|_edn)[-_:]?(?!ref)(\w+)$", re.I)
_NOTE_ELEMENTS = {"li", "div", "p", "aside", "section", "dd", "td"}
_NOTES_CONTAINER = re.compile(r"footnotes|endnotes|doc-endnotes|doc-footnotes|footnote-list|notes", re.I)
_NOTE_LINK = re.compile(r"^#(?:fn|footnote|note|endnote|ftn|_ftn|edn|_edn)[-_:]?(\w+)$", re.I)
_BACKLINK = re.compile(r"^#(?:fnref|footnote-ref|ref|_ftnref|_ednref)|back|↩", re.I)
_MARKER_TEXT = re.compile(r"^\s*\[?(\d{1,5}|[a-z]{1,2}|[ivx]{1,5})\]?\s*$")
_INVISIBLE_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&!~])")
_AUTHOR_META = {"author", "citation_author", "dc.creator", "dcterms.creator", "article:author"}
_DATE_META = {"dcterms.date", "date", "citation_date", "citation_publication_date", "dc.date", "dcterms.issued", "article:published_time", "publication_date", "pubdate"}
_TITLE_META = {"citation_title", "dc.title", "dcterms.title", "og:title"}


class _ReportHTMLParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.markers = MarkerTable()
        self.meta: dict[str, list[str]] = {}
        self.title_text = ""
        self._in_title = False
        self._skip_depth = 0
        self._stack: list[str] = []
        self._buffer: list[str] = []
        self._heading = 0
        self._pre = 0
        self._note_depth: int | None = None
        self._note_label: int | str | None = None
        self._notes_container_depth: int | None = None
        self._capture: list[str] | None = None
        self._capture_tag = ""
        self._capture_label: int | str | None = None
        self._backlink_depth: int | None = None
        self._after_notes_heading = False
        """The last heading was "Notes": an <ol> that follows holds the endnotes."""

    # -- tags ---------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "meta":
            self._meta(attributes)
            return
        if tag == "title":
            self._in_title = True
            return
        if tag in _VOID:
            if tag == "br":
                self._buffer.append("\n")
            elif tag == "hr" and not self._skip_depth:
                self._flush()
                self.blocks.append(Block(BREAK))
            return
        self._stack.append(tag)
        depth = len(self._stack)
        if self._skip_depth or tag in _SKIPPED:
            self._skip_depth += 1
            return
        if tag == "a" and _BACKLINK.search(attributes.get("href", "") + " " + attributes.get("class", "")):
            self._backlink_depth = depth
            return
        role = " ".join([attributes.get("class", ""), attributes.get("role", ""), attributes.get("id", ""), attributes.get("epub:type", "")])
        note_id = _NOTE_ID.match(attributes.get("id", "")) if tag in _NOTE_ELEMENTS else None
        if self._note_depth is None and (note_id or (self._notes_container_depth and tag == "li")):
            self._flush()
            self._note_depth = depth
            if note_id:
                self._note_label = label_of(note_id.group(1))
            else:
                previous = [b.label for b in self.blocks if b.kind == NOTE]
                self._note_label = (previous[-1] + 1) if previous and isinstance(previous[-1], int) else len(previous) + 1
            return
        if self._notes_container_depth is None and self._note_depth is None and tag in ("section", "div", "ol", "aside", "footer") and _NOTES_CONTAINER.search(role):
            self._flush()
            self._notes_container_depth = depth
        elif tag == "ol" and self._after_notes_heading and self._notes_container_depth is None:
            self._flush()
            if self.blocks and self.blocks[-1].kind == HEADING:
                self.blocks.pop()
            self._notes_container_depth = depth
        if tag in ("p", "table", "blockquote", "pre", "ul", "dl", "figure"):
            self._after_notes_heading = False
        if tag in _HEADINGS and self._note_depth is None:
            self._flush()
            self._heading = _HEADINGS[tag]
        elif tag in _BLOCKS and self._note_depth is None:
            self._flush()
        if tag == "pre":
            self._pre += 1
        if tag in ("sup", "a") and self._capture is None and self._note_depth is None:
            link = _NOTE_LINK.match(attributes.get("href", "")) if tag == "a" else None
            if tag == "sup" or link:
                self._capture, self._capture_tag = [], tag
                self._capture_label = label_of(link.group(1)) if link else None
                return
        if tag in ("em", "i", "cite") and self._note_depth is not None:
            self._buffer.append("*")
        if tag in ("td", "th") and self._buffer and self._buffer[-1].strip():
            self._buffer.append("; ")

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        if tag == "title":
            self._in_title = False
            return
        if tag not in self._stack:
            return  # a stray end tag
        while self._stack:
            depth = len(self._stack)
            open_tag = self._stack.pop()
            self._close(open_tag, depth)
            if open_tag == tag:
                break

    def _close(self, tag, depth):
        if self._skip_depth:
            self._skip_depth -= 1
            return
        if self._backlink_depth == depth:
            self._backlink_depth = None
            return
        if self._capture is not None and tag == self._capture_tag:
            captured = "".join(self._capture)
            self._capture = None
            marker = _MARKER_TEXT.match(captured)
            if marker and (self._capture_label is not None or marker.group(1).isdigit()):
                label = self._capture_label if self._capture_label is not None else label_of(marker.group(1))
                self._buffer.append(self.markers.add(label))
            else:
                self._buffer.append(captured)
            return
        if tag in ("em", "i", "cite") and self._note_depth is not None:
            self._buffer.append("*")
        if self._note_depth == depth:
            text = re.sub(r"\s+", " ", "".join(self._buffer)).strip()
            self._buffer = []
            if text:
                self.blocks.append(Block(NOTE, text, label=self._note_label))
            self._note_depth = None
            return
        if self._notes_container_depth == depth:
            self._notes_container_depth = None
        if tag == "pre":
            self._pre -= 1
        if tag in _HEADINGS or tag in _BLOCKS:
            self._flush()

    def handle_data(self, data):
        if self._in_title:
            self.title_text += data
            return
        if self._skip_depth or self._backlink_depth is not None:
            return
        if not self._pre:
            data = re.sub(r"[\r\n]+", " ", data)  # source line breaks are only spaces in HTML
        if self._note_depth is not None:
            data = _MARKDOWN_SPECIAL.sub(r"\\\1", data)
        if self._capture is not None:
            self._capture.append(data)
        else:
            self._buffer.append(data)

    def _flush(self):
        if self._note_depth is not None:
            return
        raw = _INVISIBLE_SPACES.sub(" ", "".join(self._buffer))
        self._buffer = []
        text = raw.strip("\n") if self._pre else re.sub(r"[ \t\r\f\v]*\n[ \t\r\f\v]*", "\n", re.sub(r"[ \t\r\f\v]+", " ", raw)).strip()
        if not self._pre:
            text = re.sub(r"\n+", "\n", text)
        if text:
            if self._heading:
                self.blocks.append(Block(HEADING, text.replace("\n", " "), level=self._heading))
                self._after_notes_heading = bool(NOTES_HEADING.match(text))
            else:
                self.blocks.append(Block(PARAGRAPH, text, keep_lines=bool(self._pre)))
        self._heading = 0

    def _meta(self, attributes):
        name = (attributes.get("name") or attributes.get("property") or "").lower()
        if name and attributes.get("content"):
            self.meta.setdefault(name, []).append(attributes["content"].strip())

    def close(self):
        super().close()
        self._flush()


def read_html(text: str) -> ReaderResult:
    parser = _ReportHTMLParser()
    parser.feed(text)
    parser.close()
    meta = parser.meta
    authors: list[str] = []
    for key in _AUTHOR_META:
        for value in meta.get(key, []):
            names = parse_author_line(value) or [part.strip() for part in re.split(r";|\s+and\s+", value) if part.strip()]
            authors.extend(name for name in names if name not in authors)
    dates = (parse_date(value[:10]) or parse_date(value) for key in sorted(_DATE_META) for value in meta.get(key, []))
    date = next((d for d in dates if d), None)
    title = next((value for key in _TITLE_META for value in meta.get(key, [])), None)
    first_heading = next((b for b in parser.blocks if b.kind == HEADING), None)
    page_title = re.sub(r"\s+", " ", parser.title_text).strip()
    # <title> often carries the site's name ("Title | Coastal Review"); the page's
    # own first heading, when the <title> contains it, is the report's title.
    if not title and first_heading and first_heading.text in page_title:
        title = first_heading.text
    title = title or page_title or (first_heading.text if first_heading else None)
    return ReaderResult(parser.blocks, parser.markers, title, authors, date, [])
