"""Markdown, including what PDF converters make of footnotes.

Clean Markdown uses pandoc footnotes (`[^1]` and `[^1]: text`). Converted
reports use `<sup>3</sup>` markers and definitions that the converter mangled:
`<sup>&</sup>lt;sup>3</sup> text` (an escaped tag split by a stray `<sup>`),
or LaTeX such as `$<sup>^{16}\\ Cf,\\ \\underline{…}$`. Definitions are lifted out
before markdown-it-py parses the body, and left behind as placeholder paragraphs
so that the layout still knows where each page broke.
"""

from __future__ import annotations

import html
import re

import yaml
from markdown_it import MarkdownIt

from claimdesk.sources.blocks import BREAK, HEADING, NOTE, PARAGRAPH, Block, MarkerTable
from claimdesk.sources.header import parse_date, read_cover
from claimdesk.sources.inline import render_inline, tokens_to_text
from claimdesk.sources.readers.common import NOTES_HEADING, SUPERSCRIPT_DIGITS, ReaderResult, label_of, superscript_to_int
from claimdesk.sources.textclean import collapse_spaces, is_latex_residue, strip_latex

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
_PANDOC_DEF = re.compile(r"^\[\^(?P<label>[^\]\s]+)\]:[ \t]*(?P<rest>.*)$", re.S)
_MANGLED_DEF = re.compile(
    r"^\s*\$?\s*(?:<sup>\s*&\s*</sup>\s*lt;\s*sup>|&lt;sup&gt;|<sup>)\s*(?:\{\})?\s*\^?\s*\{?\s*"
    r"(?P<label>\d{1,5})\s*\}?\s*\\?(?:</sup>|&lt;/sup&gt;)?(?P<rest>.*)$",
    re.S,
)
_SEPARATOR = re.compile(r"^[\s\-_\\*=~·•.]*$")
_SUP_MARKER = re.compile(
    r"<a\b[^>]*>\s*<sup>\s*\[?(\d{1,5})\]?\s*</sup>\s*</a>"
    r"|<sup>\s*(?:<a\b[^>]*>)?\s*\[?(\d{1,5})\]?\s*(?:</a>\s*)?</sup>"
)
_PANDOC_MARKER = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_UNICODE_MARKER = re.compile(rf"(?<=\S)([{SUPERSCRIPT_DIGITS}]+)")
_INLINE_LATEX = re.compile(r"(?<!\\)\$(?!\s)([^$\n]{1,300}?)(?<!\\)\$")
_NOTE_SLOT = "\U000e0001"
_BREAK_SLOT = "\U000e0002"


def read_markdown(text: str) -> ReaderResult:
    warnings: list[str] = []
    metadata, body = _front_matter(text, warnings)
    notes: list[Block] = []
    body = _lift_definitions(body, notes)
    markers = MarkerTable()
    body = _SUP_MARKER.sub(lambda m: markers.add(int(m.group(1) or m.group(2))), body)
    body = _PANDOC_MARKER.sub(lambda m: markers.add(label_of(m.group(1))), body)
    body = _UNICODE_MARKER.sub(lambda m: markers.add(superscript_to_int(m.group(1))), body)
    body = _INLINE_LATEX.sub(lambda m: strip_latex(m.group(1)) if is_latex_residue(m.group(1)) else m.group(0), body)
    blocks = _blocks(body, iter(notes))
    title, authors, date = metadata.get("title"), metadata.get("authors", []), metadata.get("date")
    if not (title and authors and date):
        blocks, cover = _take_cover(blocks)
        title, authors, date = title or cover.title, authors or cover.authors, date or cover.date
    if not title:
        first_heading = next((b for b in blocks if b.kind == HEADING and b.level == 1), None)
        title = first_heading.text if first_heading else None
    return ReaderResult(blocks, markers, title, authors, date, warnings)


def _front_matter(text: str, warnings: list[str]) -> tuple[dict, str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        warnings.append(f"front matter is not valid YAML and was ignored ({str(exc).splitlines()[0]})")
        return {}, text[match.end():]
    if not isinstance(data, dict):
        return {}, text[match.end():]
    metadata: dict = {}
    if data.get("title"):
        metadata["title"] = str(data["title"]).strip()
    raw_authors = data.get("author", data.get("authors"))
    if isinstance(raw_authors, str):
        raw_authors = re.split(r"\s*;\s*|\s+and\s+", raw_authors)
    if isinstance(raw_authors, list):
        metadata["authors"] = [str(a.get("name", "") if isinstance(a, dict) else a).strip() for a in raw_authors if a]
    if data.get("date"):
        metadata["date"] = parse_date(str(data["date"])) or str(data["date"])
    return metadata, text[match.end():]


def _lift_definitions(body: str, notes: list[Block]) -> str:
    """Replace each footnote definition paragraph by a slot, collecting the notes."""
    kept: list[str] = []
    for paragraph in _PARAGRAPHS.split(body):
        paragraph = paragraph.strip("\n")
        stripped = paragraph.strip()
        if not stripped:
            continue
        if _SEPARATOR.match(stripped):
            kept.append(_BREAK_SLOT)
            continue
        if _PANDOC_DEF.match(stripped):
            lifted = _pandoc_notes(paragraph)
            notes.extend(lifted)
            kept.extend([_NOTE_SLOT] * len(lifted))
            continue
        mangled = _MANGLED_DEF.match(stripped)
        match = mangled
        if match and match.group("rest").strip(" $"):
            rest = match.group("rest")
            if mangled:
                rest = html.unescape(re.sub(r"<[^>]+>", "", rest))
                rest = strip_latex(rest.strip().strip("$")) if is_latex_residue(rest) or "$" in rest else rest
            notes.append(Block(NOTE, rest.strip(), label=label_of(match.group("label"))))
            kept.append(_NOTE_SLOT)
            continue
        if notes and kept and kept[-1] == _NOTE_SLOT and paragraph.startswith(("    ", "\t")):
            notes[-1].text += "\n" + stripped  # a pandoc note's indented continuation
            continue
        kept.append(paragraph)
    return "\n\n".join(kept)


def _pandoc_notes(paragraph: str) -> list[Block]:
    """Pandoc notes may follow one another line by line: one note per `[^id]:`."""
    notes: list[Block] = []
    for line in paragraph.split("\n"):
        start = _PANDOC_DEF.match(line.strip())
        if start:
            notes.append(Block(NOTE, start.group("rest").strip(), label=label_of(start.group("label"))))
        elif notes and line.strip():
            notes[-1].text += "\n" + line.strip()
    return notes


# A paragraph of plain prose: no block syntax on any line (headings, lists,
# quotes, tables, HTML blocks, indented code, setext underlines, fences).
_BLOCK_SYNTAX = re.compile(r"(?m)^(?: {4}|\t| {0,3}(?:[#>|<]|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|```|~~~|=+\s*$|-+\s*$|\[[^\]]+\]:))|\|")


def _blocks(body: str, notes) -> list[Block]:
    """Plain prose paragraphs straight to blocks; everything else through markdown-it.

    Most of a converted report is plain prose, and markdown-it's block parser
    costs about half a second a megabyte; prose needs only the inline parser.
    """
    blocks: list[Block] = []
    complex_run: list[str] = []
    in_fence = False
    for paragraph in body.split("\n\n"):
        fences = len(re.findall(r"(?m)^ {0,3}(?:```|~~~)", paragraph))
        plain = not in_fence and not fences and not _BLOCK_SYNTAX.search(paragraph)
        if fences % 2:
            in_fence = not in_fence
        if not plain:
            complex_run.append(paragraph)
            continue
        if complex_run:
            blocks.extend(_blocks_from_tokens("\n\n".join(complex_run), notes))
            complex_run = []
        text = paragraph.strip()
        if text == _NOTE_SLOT:
            blocks.append(next(notes))
        elif text == _BREAK_SLOT:
            blocks.append(Block(BREAK))
        else:
            rendered = collapse_spaces(render_inline(text, allow_html=True))
            if rendered:
                blocks.append(Block(PARAGRAPH, rendered))
    if complex_run:
        blocks.extend(_blocks_from_tokens("\n\n".join(complex_run), notes))
    return blocks


def _blocks_from_tokens(body: str, notes) -> list[Block]:
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    tokens = parser.parse(body)
    blocks: list[Block] = []
    heading_level = 0
    row: list[str] | None = None
    # An ordered list right under a "Notes" heading is the document's endnotes.
    notes_heading: Block | None = None
    endnote_number: int | None = None
    list_depth = 0
    for token in tokens:
        if token.type == "heading_open":
            heading_level = int(token.tag[1])
            endnote_number = None
        elif token.type == "heading_close":
            heading_level = 0
        elif token.type == "ordered_list_open":
            list_depth += 1
            if notes_heading is not None and list_depth == 1:
                endnote_number = int(token.attrGet("start") or 1)
                notes_heading = None
        elif token.type in ("bullet_list_open",):
            list_depth += 1
        elif token.type in ("ordered_list_close", "bullet_list_close"):
            list_depth -= 1
            if list_depth == 0:
                endnote_number = None
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            blocks.append(Block(PARAGRAPH, "; ".join(cell for cell in row if cell)))
            row = None
        elif token.type == "inline":
            text = collapse_spaces(tokens_to_text(token.children or []))
            if notes_heading is not None:
                blocks.append(notes_heading)  # a Notes heading over prose stays a heading
                notes_heading = None
            if row is not None:
                row.append(text)
            elif text == _NOTE_SLOT:
                blocks.append(next(notes))
            elif text == _BREAK_SLOT:
                blocks.append(Block(BREAK))
            elif heading_level and not text:
                continue  # an empty heading ("#") heads nothing
            elif heading_level and NOTES_HEADING.match(text):
                notes_heading = Block(HEADING, text, level=heading_level)
            elif heading_level:
                blocks.append(Block(HEADING, text, level=heading_level))
            elif endnote_number is not None and list_depth == 1:
                blocks.append(Block(NOTE, token.content, label=endnote_number))
                endnote_number += 1
            elif endnote_number is not None and blocks and blocks[-1].kind == NOTE:
                blocks[-1].text += "\n" + token.content
            elif text:
                blocks.append(Block(PARAGRAPH, text))
        elif token.type in ("fence", "code_block"):
            blocks.append(Block(PARAGRAPH, token.content.strip("\n"), keep_lines=True))
        elif token.type == "html_block":
            text = _text_of_html_block(token.content)
            if text:
                blocks.append(Block(PARAGRAPH, text))
        elif token.type == "hr":
            blocks.append(Block(BREAK))
    if notes_heading is not None:
        blocks.append(notes_heading)
    return blocks


def _text_of_html_block(content: str) -> str:
    content = re.sub(r"(?is)<(script|style|template|noscript)\b.*?</\1\s*>", "", content)
    content = re.sub(r"(?s)<!--.*?-->", "", content)
    content = re.sub(r"<[^>]*>", " ", content)
    return re.sub(r"\s+", " ", html.unescape(content)).strip()


def _take_cover(blocks: list[Block]):
    leading = []
    for block in blocks:
        if block.kind != PARAGRAPH:
            break
        leading.append(block.text)
    cover = read_cover(leading[:12])
    return blocks[cover.lines_used:], cover
