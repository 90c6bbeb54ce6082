"""Emacs Org files (.org, or an Org buffer saved as .txt).

Org is a plain-text format with a markup of its own: "#+TITLE:" keywords,
"* " headlines (with TODO keywords and tags), property drawers, planning lines
("SCHEDULED: <2024-04-29 Mon>"), tables with rule rows and "#+TBLFM:"
formulas, "#+BEGIN_QUOTE" blocks, links "[[target][description]]", emphasis
"/italic/" and "*bold*", and footnotes: "[fn:1]" references with "[fn:1] text"
definitions (under a "* Footnotes" headline or anywhere), and inline notes
"[fn:: text]" or "[fn:name: text]".

The file is rewritten as the Markdown the markdown reader already reads, with
every character of text escaped so that only this module's markup is markup:
headlines become headings, footnotes pandoc notes, links their descriptions,
quotes and tables what Markdown writes for them. What Org shows no reader (the
keywords, drawers, planning lines, table rules and formulas, "# " comments,
"COMMENT" subtrees, the Local Variables block) goes to `removed`; "#+TITLE:", "#+AUTHOR:" and
"#+DATE:" are the metadata. Nothing else is dropped: an Org construct this
module does not know stays as its text.
"""

from __future__ import annotations

import re

from claimdesk.sources.header import parse_author_line, parse_date
from claimdesk.sources.model import Removed
from claimdesk.sources.readers.common import ReaderResult

_KEYWORD = re.compile(r"^[ \t]*#\+(?P<key>[A-Za-z_]+(?:\[[^\]]*\])?):[ \t]*(?P<value>.*)$")
_HEADLINE = re.compile(r"^(?P<stars>\*+)[ \t]+(?P<text>.*?)[ \t]*(?::[\w@#%:]+:)?[ \t]*$")
_DRAWER_START = re.compile(r"^[ \t]*:(?P<name>[A-Za-z_-]+):[ \t]*$")
_DRAWER_END = re.compile(r"^[ \t]*:END:[ \t]*$", re.I)
_PLANNING = re.compile(r"^[ \t]*(?:(?:SCHEDULED|DEADLINE|CLOSED):[ \t]*[<\[][^>\]]*[>\]][ \t]*)+$")
_COMMENT = re.compile(r"^[ \t]*#(?:[ \t].*)?$")
_TABLE_RULE = re.compile(r"^[ \t]*\|[-+ ]*\|?[ \t]*$")
_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
_BLOCK = re.compile(r"^[ \t]*#\+(?P<edge>BEGIN|END)_(?P<kind>\w+)\b.*$", re.I)
_DEFINITION = re.compile(r"^\[fn:(?P<label>[\w-]+)\][ \t]*(?P<text>.*)$")
_TIMESTAMP_DATE = re.compile(r"[<\[](?P<date>\d{4}-\d{2}-\d{2})(?:[ \t][^>\]]*)?[>\]]")
_LOCAL_VARIABLES_START = re.compile(r"^[ \t]*#[ \t]*Local Variables:[ \t]*$", re.I)
_LOCAL_VARIABLES_END = re.compile(r"^[ \t]*#[ \t]*End:[ \t]*$", re.I)
_FOOTNOTES_HEADLINE = re.compile(r"^\*+[ \t]+(?:Footnotes|Notes|Fußnoten|Notes de bas de page|Notas)[ \t]*$", re.I)

_COMMENTED = re.compile(r"^(?:(?:TODO|DONE|NEXT|WAITING)[ \t]+)?COMMENT(?:[ \t]|$)")


def _subtree_end(lines: list[str], after: int, stars: int) -> int:
    """The index of the next headline at the subtree's level or above (lines[after - 1] opens it)."""
    for index in range(after, len(lines)):
        headline = _HEADLINE.match(lines[index]) if lines[index].startswith("*") else None
        if headline and len(headline.group("stars")) <= stars:
            return index
    return len(lines)


ORG_KEYWORDS_MIN = 2
"""An Org buffer opens with keywords ("#+TITLE:", "#+AUTHOR:"...): two of them among the first lines."""
_OPENING_LINES = 20


def looks_like_org(text: str) -> bool:
    """Whether a text file is an Org buffer: keywords at the top and Org's own markup in it."""
    opening = text.lstrip("\ufeff").split("\n", _OPENING_LINES)[:_OPENING_LINES]
    keywords = sum(1 for line in opening if _KEYWORD.match(line))
    return keywords >= ORG_KEYWORDS_MIN and bool(re.search(r"(?m)^\*+ \S|\[fn:", text))


def read_org(text: str) -> ReaderResult:
    from claimdesk.sources.readers.markdown import read_markdown  # one reader builds on the other

    removed: list[Removed] = []
    metadata: dict[str, str] = {}
    markdown = _to_markdown(text.lstrip("\ufeff"), metadata, removed)
    result = read_markdown(markdown)
    result.removed[:0] = removed
    title = metadata.get("title") or result.title
    authors = (parse_author_line(f"Author: {metadata['author']}") or []) if metadata.get("author") else result.authors
    date = _date(metadata.get("date")) or result.date
    return ReaderResult(result.blocks, result.markers, title, authors, date, result.warnings, result.removed)


def _date(value: str | None) -> str | None:
    if not value:
        return None
    stamp = _TIMESTAMP_DATE.search(value)
    return parse_date(stamp.group("date") if stamp else value)


class _Notes:
    """The footnote labels called so far, in order: Org numbers an anonymous inline note
    by its place among all the notes called ("[fn:: …]" after [fn:1]…[fn:4] is note 5)."""

    def __init__(self) -> None:
        self.called: list[str] = []
        self.defined: set[str] = set()
        self.inline: list[tuple[str, str]] = []

    def call(self, label: str) -> str:
        if label not in self.called:
            self.called.append(label)
        return label

    def anonymous(self, text: str) -> str:
        label = str(len(self.called) + 1)
        if label in self.called or label in self.defined:
            label = f"inline-{len(self.inline) + 1}"
        self.inline.append((self.call(label), text))
        return label


def _to_markdown(text: str, metadata: dict[str, str], removed: list[Removed]) -> str:
    out: list[str] = []
    notes = _Notes()
    notes.defined = {m.group("label") for m in (_DEFINITION.match(line) for line in text.split("\n")) if m}
    lines = text.split("\n")
    index = 0
    in_block: str | None = None
    in_notes = False
    while index < len(lines):
        line = lines[index]
        index += 1
        if in_block is not None:
            block = _BLOCK.match(line)
            if block and block.group("edge").upper() == "END":
                in_block = None
                out.append("```" if _is_code(block.group("kind")) else "")
                continue
            out.append(line if _is_code(in_block) else "> " + _inline(line, notes))
            continue
        if _LOCAL_VARIABLES_START.match(line):
            end = next((i for i in range(index, len(lines)) if _LOCAL_VARIABLES_END.match(lines[i])), None)
            if end is not None:
                removed.append(Removed("furniture", " ".join(" ".join(lines[index - 1:end + 1]).split())))
                index = end + 1
                continue
        block = _BLOCK.match(line)
        if block and block.group("edge").upper() == "BEGIN":
            in_block = block.group("kind").lower()
            removed.append(Removed("furniture", line.strip()))
            out.append("```" if _is_code(in_block) else "")
            continue
        keyword = _KEYWORD.match(line)
        if keyword:
            key, value = keyword.group("key").lower(), keyword.group("value").strip()
            if key in ("title", "author", "date") and value:
                metadata.setdefault(key, value)
                removed.append(Removed("cover", line.strip()))
            elif key == "caption" and value:
                out.append(_inline(value, notes))  # a table's or figure's caption is the document's text
            else:
                removed.append(Removed("furniture", line.strip()))
            continue
        drawer = _DRAWER_START.match(line)
        if drawer and drawer.group("name").upper() != "END":
            end = next((i for i in range(index, len(lines)) if _DRAWER_END.match(lines[i])), None)
            if end is not None:
                removed.append(Removed("furniture", " ".join(" ".join(lines[index - 1:end + 1]).split())))
                index = end + 1
                continue
        if _PLANNING.match(line) or (_COMMENT.match(line) and not line.strip().startswith("#+")):
            removed.append(Removed("furniture", line.strip()))
            continue
        headline = _HEADLINE.match(line) if line.startswith("*") else None
        if headline and _COMMENTED.match(headline.group("text")):
            # "* COMMENT Internal notes": Org exports no commented subtree; it is the author's, kept out
            end = _subtree_end(lines, index, len(headline.group("stars")))
            removed.append(Removed("hidden", " ".join(" ".join(lines[index - 1:end]).split())))
            index = end
            continue
        if headline:
            if _FOOTNOTES_HEADLINE.match(line.strip()):
                in_notes = True
                removed.append(Removed("notes-heading", headline.group("text")))
                out.append("")
                continue
            in_notes = False
            level = min(len(headline.group("stars")), 6)
            out += ["", "#" * level + " " + _inline(headline.group("text"), notes), ""]
            continue
        if _TABLE_ROW.match(line):
            end = index
            while end < len(lines) and _TABLE_ROW.match(lines[end]):
                end += 1
            out += ["", *_table(lines[index - 1:end], notes, removed), ""]
            index = end
            continue
        definition = _DEFINITION.match(line)
        if definition and (in_notes or not line.startswith(" ")):
            body = [definition.group("text")]
            while index < len(lines) and _continues_definition(lines, index):
                if lines[index].strip():
                    body.append(lines[index].strip())
                index += 1
            # A definition starts a paragraph of its own, or Markdown reads it as a lazy line of the one before.
            out += ["", f"[^{definition.group('label')}]: " + _inline(" ".join(body), notes, in_note=True), ""]
            continue
        out.append(_inline(line, notes))
    out += [f"\n[^{label}]: {note}" for label, note in notes.inline]
    return "\n".join(out)


def _table(rows: list[str], notes: "_Notes", removed: list[Removed]) -> list[str]:
    """An Org table as a Markdown one: its rules out (the first one only parts the header), and
    as many columns in every row as in the widest, so that no cell is ever cut off."""
    cells = []
    for row in rows:
        if _TABLE_RULE.match(row) and "-" in row:
            if cells:
                removed.append(Removed("furniture", row.strip()))
            continue
        cells.append([cell.strip() for cell in row.strip().strip("|").split("|")])
    if not cells:
        return []
    width = max(len(row) for row in cells)
    lines = ["| " + " | ".join(_inline(cell, notes) for cell in row + [""] * (width - len(row))) + " |" for row in cells]
    return lines[:1] + ["|" + "---|" * width] + lines[1:]


def _continues_definition(lines: list[str], index: int) -> bool:
    """Org's rule: a definition ends at the next definition, headline or keyword, or at two
    blank lines in a row; a single blank line parts two paragraphs of the same note."""
    line = lines[index]
    if not line.strip():
        following = lines[index + 1] if index + 1 < len(lines) else ""
        return bool(following.strip()) and not _ends_definition(following)
    return not _ends_definition(line)


def _ends_definition(line: str) -> bool:
    return bool(_DEFINITION.match(line) or line.startswith("*") or _KEYWORD.match(line) or _COMMENT.match(line)
                or _DRAWER_START.match(line) or _BLOCK.match(line))


def _is_code(kind: str) -> bool:
    return kind.lower() in ("src", "example", "export")


# --- inline markup ---------------------------------------------------------------

# Linear on hostile text: a link's target holds no "[" (Org escapes it), so a run of "[[" is
# not rescanned to the end of the line from every "[["; a description and an emphasised span
# are bounded, so a line of a hundred thousand unclosed "*a" is not either.
_INLINE = re.compile(
    r"\[fn:(?P<ref>[\w-]+)\]"
    r"|\[fn:(?P<name>[\w-]*):[ \t]*(?P<inline>[^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*)\]"
    r"|\[\[(?P<target>[^\[\]\n]+)\](?:\[(?P<description>[^\]\n]{1,1000})\])?\]"
    r"|(?:(?<=^)|(?<=[\s\-('\"{]))(?P<mark>[/*=~+_])(?P<emphasised>[^\s/*=~+_](?:[^\n]{0,500}?[^\s])?)(?P=mark)(?=[\s\-.,;:!?')}\"]|$)"
)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&!~^|#])")


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _inline(text: str, notes: _Notes, in_note: bool = False) -> str:
    """Org's inline markup as Markdown, every other character escaped. Inside a note, a
    reference to another note stays as Org wrote it ("[fn:3]"): Markdown notes hold no calls."""
    pieces: list[str] = []
    cursor = 0
    for match in _INLINE.finditer(text):
        pieces.append(_escape(text[cursor:match.start()]))
        cursor = match.end()
        if in_note and (match.group("ref") or match.group("inline") is not None):
            pieces.append(_escape(match.group(0)))
        elif match.group("ref"):
            pieces.append(f"[^{notes.call(match.group('ref'))}]")
        elif match.group("inline") is not None:
            note = _inline(match.group("inline").strip(), notes, in_note=True)
            label = notes.call(match.group("name")) if match.group("name") else notes.anonymous(note)
            if match.group("name"):
                notes.inline.append((label, note))
            pieces.append(f"[^{label}]")
        elif match.group("target"):
            pieces.append(_escape(match.group("description") or match.group("target")))
        else:
            mark, inner = match.group("mark"), match.group("emphasised")
            if mark in "/*":
                wrapper = "*" if mark == "/" else "**"
                pieces.append(wrapper + _escape(inner) + wrapper)
            elif mark in "=~":
                pieces.append(_escape(inner))  # verbatim and code: their text
            else:
                pieces.append(_escape(match.group(0)))  # underline and strike-through stay as written
    pieces.append(_escape(text[cursor:]))
    return "".join(pieces)
