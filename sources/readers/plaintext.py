"""Plain text, as PDF converters write it.

Paragraphs are separated by blank lines. Footnotes are either printed where the
page broke ("1. The Monroe Doctrine is…" between two halves of a sentence), or
collected under a "Notes" heading at the end. Markers are Unicode superscripts
(¹ … ⁶³), bracketed numbers ([3]), pandoc labels ([^3]), or digits glued to the
end of a word when the document has a Notes section. Headings are short lines of
their own; when the document has a table of contents, that is what decides.
"""

from __future__ import annotations

import re

from claimdesk.sources.blocks import BREAK, HEADING, NOTE, PARAGRAPH, Block, MarkerTable
from claimdesk.sources.header import read_cover
from claimdesk.sources.inline import render_inline
from claimdesk.sources.readers.common import NOTES_HEADING, ReaderResult, label_of, superscript_to_int
from claimdesk.sources.textclean import collapse_spaces

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_TOC_LINE = re.compile(r"^(?P<title>\S.*?)(?:\s*(?:\.\s?){3,}\s*|\s*…+\s*|\t+\s*| {3,})(?P<page>\d{1,4})\s*$")
_CONTENTS_HEADING = re.compile(r"^\W*(table of contents|contents|sommaire|índice|indice)\W*$", re.I)
_NOTE_START = re.compile(r"^(?:(?P<dot>\d{1,5})[.)]\s+|\[(?P<bracket>\d{1,5})\]\s*|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*|\[\^(?P<pandoc>[^\]\s]+)\]:\s*)(?=\S)")
# Inside a Notes section a note may start with its bare number: "1 Statistical Yearbook…".
_BARE_NOTE_START = re.compile(r"^(?P<dot>\d{1,4})\s+(?=[A-ZÀ-Þ\"“«'‘])")
_SUPERSCRIPT_MARKER = re.compile(r"(?<=\S)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_UNIT_BEFORE = re.compile(r"(?:^|\W)(?:m|km|cm|mm|ft|mi|in|sq|m/s|kg)$")
_BRACKET_MARKER = re.compile(r"\[(\d{1,5})\](?![(:\[])")
_PANDOC_MARKER = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_GLUED_MARKER = re.compile(r"(?<=[a-z.,;:)”\"’])(\d{1,3})(?=[\s,;:.)”]|$)")
_BULLET = re.compile(r"^\s*(?:[-*•–▪]|\d{1,3}[.)])\s+")
_SEPARATOR = re.compile(r"^[\s\-_*=~·•.]*$")
_LOOKS_LIKE_REFERENCE = re.compile(r"[\"“”«»*]|\b(?:19|20)\d\d\b|https?://|www\.|available at|ibid|op\.?\s?cit", re.I)
_WELL_KNOWN_SECTIONS = re.compile(r"^(summary|abstract|introduction|conclusions?|foreword|preface|executive summary|acknowledg(e)?ments|about the authors?|recommendations)$", re.I)


def read_plain_text(text: str) -> ReaderResult:
    warnings: list[str] = []
    paragraphs = [p.strip("\n") for p in _PARAGRAPH_BREAK.split(text) if p.strip()]
    cover, paragraphs = _take_cover(paragraphs)
    toc_levels, paragraphs = _remove_table_of_contents(paragraphs)
    classified = _classify(paragraphs, toc_levels)
    markers = MarkerTable()
    blocks = _render(classified, markers)
    return ReaderResult(blocks, markers, cover.title, cover.authors, cover.date, warnings)


def _take_cover(paragraphs: list[str]):
    """Read the cover from the opening lines, whether or not blank lines part them."""
    lines: list[tuple[int, str]] = []
    for index, paragraph in enumerate(paragraphs[:12]):
        lines.extend((index, line) for line in paragraph.split("\n") if line.strip())
    cover = read_cover([line for _, line in lines[:16]])
    if not cover.lines_used:
        return cover, paragraphs
    used = lines[: cover.lines_used]
    last_index = used[-1][0]
    rest_of_last = [line for index, line in lines[cover.lines_used:] if index == last_index]
    remaining = (["\n".join(rest_of_last)] if rest_of_last else []) + paragraphs[last_index + 1:]
    return cover, remaining


def _normal_key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def _remove_table_of_contents(paragraphs: list[str]) -> tuple[dict[str, int], list[str]]:
    """Drop the table of contents and return its entries (heading text -> level)."""
    levels: dict[str, int] = {}
    kept: list[str] = []
    for paragraph in paragraphs:
        lines = [line for line in paragraph.split("\n") if line.strip()]
        # Cheap test first: a contents line is short and ends with a page number.
        toc_lines = [_TOC_LINE.match(line.strip()) if len(line) < 250 and line.rstrip()[-1:].isdigit() else None for line in lines]
        if lines and sum(1 for m in toc_lines if m) >= max(1, len(lines) * 0.6) and (len(lines) > 1 or levels or (kept and _CONTENTS_HEADING.match(kept[-1]))):
            for match in toc_lines:
                if match:
                    title = match.group("title").strip()
                    letters = re.sub(r"[^A-Za-zÀ-ÿ]", "", title)
                    levels[_normal_key(title)] = 1 if letters.isupper() else 2
            if kept and _CONTENTS_HEADING.match(kept[-1].strip()):
                kept.pop()
            continue
        kept.append(paragraph)
    return levels, kept


def _classify(paragraphs: list[str], toc_levels: dict[str, int]) -> list[Block]:
    """Sort paragraphs into body, headings and footnote definitions."""
    blocks: list[Block] = []
    seen_markers: set[int | str] = set()
    next_expected = 1
    in_notes_section = False
    for index, paragraph in enumerate(paragraphs):
        stripped = paragraph.strip()
        following = paragraphs[index + 1].strip() if index + 1 < len(paragraphs) else ""
        if _SEPARATOR.match(stripped):
            blocks.append(Block(BREAK))
            continue
        if NOTES_HEADING.match(stripped) and (_NOTE_START.match(following) or _BARE_NOTE_START.match(following)):
            in_notes_section = True
            blocks.append(Block(BREAK))
            continue
        start = _NOTE_START.match(stripped) or (_BARE_NOTE_START.match(stripped) if in_notes_section else None)
        if start:
            label = _start_label(start)
            number_ok = isinstance(label, int) and (label == next_expected or label in seen_markers)
            interleaved_ok = number_ok and (label in seen_markers or (seen_markers and _LOOKS_LIKE_REFERENCE.search(stripped)))
            if start.groupdict().get("pandoc") or in_notes_section or interleaved_ok:
                for note in _split_notes(stripped):
                    blocks.append(note)
                    if isinstance(note.label, int):
                        next_expected = note.label + 1
                continue
        if in_notes_section and blocks and blocks[-1].kind == NOTE and not _heading_level(stripped, following, toc_levels):
            blocks[-1].text += "\n" + stripped  # a note that runs over two paragraphs
            continue
        in_notes_section = False
        level = _heading_level(stripped, following, toc_levels)
        if level:
            blocks.append(Block(HEADING, re.sub(r"^#{1,6}\s+", "", stripped), level=level))
            continue
        for match in _SUPERSCRIPT_MARKER.finditer(stripped):
            seen_markers.add(superscript_to_int(match.group(1)))
        for match in _BRACKET_MARKER.finditer(stripped):
            seen_markers.add(int(match.group(1)))
        blocks.extend(_split_list(paragraph))
    return blocks


def _start_label(match: re.Match) -> int | str:
    if "sup" in match.re.groupindex and match.group("sup"):
        return superscript_to_int(match.group("sup"))
    groups = match.groupdict()
    return label_of(groups.get("dot") or groups.get("bracket") or groups.get("pandoc"))


def _split_notes(paragraph: str) -> list[Block]:
    """One paragraph may hold several notes, one per line, in a Notes section."""
    notes: list[Block] = []
    for line in paragraph.split("\n"):
        start = _NOTE_START.match(line.strip()) or _BARE_NOTE_START.match(line.strip())
        if start or not notes:
            label = _start_label(start) if start else None
            body = line.strip()[start.end():] if start else line.strip()
            notes.append(Block(NOTE, body, label=label))
        else:
            notes[-1].text += " " + line.strip()
    return [note for note in notes if note.label is not None]


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
    if re.search(r"[.,;:!]$", paragraph) or "," in paragraph or not paragraph[0].isupper():
        return 0
    next_is_body = following[:1].isupper() and (len(following) >= 150 or (len(following) >= 50 and re.search(r"[.!?]\S*$", following)))
    if not next_is_body:
        return 0
    letters = re.sub(r"[^A-Za-zÀ-ÿ]", "", paragraph)
    return 1 if letters.isupper() and len(letters) > 3 else 2


def _split_list(paragraph: str) -> list[Block]:
    """A paragraph of bulleted lines becomes one block per item, bullets dropped."""
    lines = [line for line in paragraph.split("\n") if line.strip()]
    if len(lines) > 1 and sum(1 for line in lines if _BULLET.match(line)) >= len(lines) / 2 and _BULLET.match(lines[0]):
        items: list[str] = []
        for line in lines:
            if _BULLET.match(line):
                items.append(_BULLET.sub("", line, count=1))
            else:
                items[-1] += "\n" + line.strip()
        return [Block(PARAGRAPH, item) for item in items]
    if len(lines) == 1 and re.match(r"^\s*[-*•–▪]\s+", lines[0]):
        return [Block(PARAGRAPH, _BULLET.sub("", lines[0], count=1))]
    return [Block(PARAGRAPH, paragraph.strip())]


def _render(blocks: list[Block], markers: MarkerTable) -> list[Block]:
    """Turn markers into placeholders and inline Markdown into plain text."""
    defined = {block.label for block in blocks if block.kind == NOTE}
    glued_allowed = bool(defined) and not any(
        _SUPERSCRIPT_MARKER.search(block.text) or _BRACKET_MARKER.search(block.text)
        for block in blocks if block.kind == PARAGRAPH
    )
    next_glued = 1

    def superscript(match: re.Match) -> str:
        if _UNIT_BEFORE.search(match.string, max(0, match.start() - 8), match.start()):
            return match.group(0)
        return markers.add(superscript_to_int(match.group(1)))

    def bracket(match: re.Match) -> str:
        label = int(match.group(1))
        return markers.add(label) if label in defined else match.group(0)

    def glued(match: re.Match) -> str:
        nonlocal next_glued
        label = int(match.group(1))
        if label in defined and next_glued <= label <= next_glued + 3:
            next_glued = label + 1
            return markers.add(label)
        return match.group(0)

    rendered: list[Block] = []
    for block in blocks:
        if block.kind in (PARAGRAPH, HEADING):
            text = _SUPERSCRIPT_MARKER.sub(superscript, block.text)
            text = _PANDOC_MARKER.sub(lambda m: markers.add(label_of(m.group(1))), text)
            text = _BRACKET_MARKER.sub(bracket, text)
            if glued_allowed:
                text = _GLUED_MARKER.sub(glued, text)
            block.text = collapse_spaces(render_inline(text, keep_lines=block.keep_lines))
        rendered.append(block)
    return rendered
