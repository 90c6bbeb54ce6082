"""Markdown: essays, blog exports, docs pages, and what PDF converters make of reports.

Clean Markdown uses pandoc footnotes (`[^1]` and `[^1]: text`). Essays and blog
exports (Substack, Ghost, Hugo, Jekyll) call notes with `[1]`, `[1](#fn1)`,
`<sup>1</sup>` or `¹` and list them at the end, under a "Notes" heading or a
`---` rule, as "1. text", "[1] text" or "1) text", often with back-links
(`[↩](#fnref1)`). Converted reports use `<sup>3</sup>` markers and definitions
that the converter mangled: `<sup>&</sup>lt;sup>3</sup> text` (an escaped tag
split by a stray `<sup>`), or TeX such as `$<sup>^{16}\\ Cf,\\ \\underline{…}$`.

Definitions and endnote lists are lifted out before markdown-it-py parses the
body, and left behind as placeholder paragraphs so that the layout still knows
where each page broke. A numbered list is a list of notes only where the
document calls its numbers; otherwise it is body text. TeX math is turned into
readable Unicode (claimdesk.sources.tex), never dropped.
"""

from __future__ import annotations

import datetime
import html
import re
import tomllib
from collections import Counter
from functools import lru_cache
from urllib.parse import unquote

import yaml
from markdown_it import MarkdownIt

from claimdesk.sources.blocks import BREAK, HEADING, NOTE, PARAGRAPH, Block, MarkerTable
from claimdesk.sources.readers.md_dialects import (
    has_dialect_markup,
    lift_inline_notes,
    take_dialect_markup,
    take_kramdown_toc,
    template_call_taken,
    take_hidden_chunks,
)
from claimdesk.sources.readers.md_html_boxes import take_furniture_boxes
from claimdesk.sources.readers.md_wiki import has_wiki_markup, take_wiki_markup
from claimdesk.sources.yaml_data import load_toml_data, load_yaml_data
from claimdesk.sources.header import find_date, header_field, parse_author_line, parse_date, read_cover
from claimdesk.sources.inline import raise_glued_superscripts, render_inline, tokens_to_text
from claimdesk.sources.model import Removed
from claimdesk.sources.readers.common import (
    NOTES_HEADING,
    PANDOC_LABEL,
    SUPERSCRIPT_DIGITS,
    ReaderResult,
    follows_a_unit,
    label_of,
    superscript_to_int,
)
from claimdesk.sources.tex import tex_to_text
from claimdesk.sources.textclean import PLACEHOLDER_PATTERN, collapse_spaces, is_latex_residue, strip_latex

_YAML_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_TOML_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\n(.*?)\n\+\+\+[ \t]*(?:\n|\Z)", re.S)
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
_PANDOC_DEF = re.compile(rf"^\[\^(?P<label>{PANDOC_LABEL})\]:[ \t]*(?P<rest>.*)$", re.S)
_MANGLED_DEF = re.compile(
    r"^\s*\$?\s*(?:<sup>\s*&\s*</sup>\s*lt;\s*sup>|&lt;sup&gt;|<sup>)\s*(?:\{\})?\s*\^?\s*\{?\s*"
    r"(?P<label>\d{1,5})\s*\}?\s*\\?(?:</sup>|&lt;/sup&gt;)?(?P<rest>.*)$",
    re.S,
)
_SEPARATOR = re.compile(r"^[\s\-_\\*=~·•.]*$")
_NOTE_SLOT = "\U000e0001"
"""Followed by the note's index in the notes list: where a lifted note stood."""
_BREAK_SLOT = "\U000e0002"
_NOTE_SLOT_TEXT = re.compile("\U000e0001(\\d+)")


def read_markdown(text: str) -> ReaderResult:
    warnings: list[str] = []
    removed: list[Removed] = []
    metadata, body = _front_matter(text, warnings)
    removed.extend(metadata.pop("removed", []))
    body = _front_matter_prose(metadata, removed) + body
    if "{:" in body:
        body = _outside_code(body, lambda piece: take_kramdown_toc(piece, removed))
    if "{{" in body:
        body = _outside_code(body, lambda piece: _take_shortcodes(piece, removed))
    if "{" in body:
        body = _outside_code(body, lambda piece: _take_pandoc_attributes(piece, removed))
    body = _docs_markup(body, removed)
    if "<" in body:
        body = _outside_code(body, lambda piece: take_furniture_boxes(piece, removed))
    if "![" in body:
        body = _outside_code(body, lambda piece: _take_image_credits(piece, removed))
    body = take_hidden_chunks(body, removed)
    if has_dialect_markup(body):
        body = _outside_code(body, lambda piece: take_dialect_markup(piece, removed))
        if "^[" in body:
            body = lift_inline_notes(body)
    if has_wiki_markup(body):
        body = _outside_code(body, lambda piece: take_wiki_markup(piece, removed))
    if "<style" in body or "<script" in body:
        body = _outside_code(body, lambda piece: _take_style_and_script(piece, removed))
    if "\\[" in body:
        body = _outside_code(body, _unescape_note_links)
    notes: list[Block] = []
    body = _lift_definitions(body, notes)
    body = _lift_endnote_lists(body, notes, removed)
    markers = MarkerTable()
    marker_reader = _MarkerReader(markers, notes, warnings)
    body = _outside_code(body, marker_reader.mark)
    if marker_reader.glued_allowed:
        body = _outside_code(body, marker_reader.mark_glued)
    body = _outside_code(body, _convert_math)
    head = _take_head(body, metadata.get("title"), removed)
    body = head.body
    blocks = _blocks(body, notes, removed, warnings)
    title = metadata.get("title") or head.title
    authors = metadata.get("authors") or head.authors
    date = metadata.get("date") or head.date
    if not title and not head.looked:
        blocks, cover = _take_cover(blocks, removed)
        title, authors, date = title or cover.title, authors or cover.authors, date or cover.date
    if not title:
        first_heading = next((b for b in blocks if b.kind == HEADING and b.level == 1), None)
        title = first_heading.text if first_heading else None
    return ReaderResult(blocks, markers, title, authors, date, warnings, removed)


# --- front matter ---------------------------------------------------------------

# The fields that say when a post was published, by the conventions of the generators and
# platforms (Jekyll, Hexo, Zola, Eleventy, Pelican: `date`; Hugo: `publishDate`, `pubdate`,
# `published`; Astro: `pubDate`; dev.to and Ghost: `published_at`), compared without case as Hugo
# does. dev.to's `published: true` is a switch, not a date; Eleventy's `date: Last Modified` names
# the file's own date, which the import does not know. The day a post was last changed (Hugo's
# `lastmod`, Zola's `updated`, Jekyll's `last_modified_at`) is no publication date.
_DATE_KEYS = ("date", "publishdate", "pubdate", "published", "published_at", "publish_date", "published_date",
              "date_published", "datepublished", "created", "created_at")
# Material for MkDocs' blog nests them: `date: {created: 2024-05-21, updated: 2024-06-02}`.
_NESTED_DATE_KEYS = ("created", "published", "date")


def _front_matter(text: str, warnings: list[str]) -> tuple[dict, str]:
    """Metadata from YAML (`---`) or TOML (`+++`, Hugo) front matter, and the body after it."""
    match = _YAML_FRONT_MATTER.match(text)
    load, error = load_yaml_data, yaml.YAMLError
    if not match:
        match = _TOML_FRONT_MATTER.match(text)
        load, error = load_toml_data, tomllib.TOMLDecodeError
    if not match:
        return _multimarkdown_metadata(text, warnings)
    try:
        data = load(match.group(1))
    except (error, ValueError) as exc:
        warnings.append(f"front matter is not valid and was ignored ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})")
        return {}, text[match.end():]
    if not isinstance(data, dict):
        return {}, text[match.end():]
    return _metadata(data, warnings), text[match.end():]


# MultiMarkdown's metadata (Scrivener, Ulysses, iA Writer compile to it): "Key: value" lines that
# open the file, up to the first blank line; a longer value goes on indented lines.
_MMD_LINE = re.compile(r"^(?P<key>[A-Za-z][\w .-]{0,40}?)[ \t]*:[ \t]+(?P<value>\S.*)$")
_MMD_CONTINUATION = re.compile(r"^[ \t]+\S")
_MMD_KNOWN_KEYS = {"title", "author", "date"}
_MMD_LINES_MAX = 40


# Bear Blog's editor keeps a post's fields the same way and ends them with a line "___".
_BEAR_HEADER_END = re.compile(r"^_{3,}[ \t]*$")


def _multimarkdown_metadata(text: str, warnings: list[str]) -> tuple[dict, str]:
    """Metadata from a MultiMarkdown header and the body after it; ({}, text) when the file
    does not open with one (at least two fields, among them title, author or date)."""
    head, blank, body = text.partition("\n\n")
    lines = head.split("\n")
    end = next((index for index, line in enumerate(lines[:_MMD_LINES_MAX + 1]) if _BEAR_HEADER_END.match(line)), None)
    if end is not None:
        lines, blank, body = lines[:end], "\n", "\n".join(text.split("\n")[end + 1:])
    if not blank or len(lines) < 2 or len(lines) > _MMD_LINES_MAX or not _MMD_LINE.match(lines[0]):
        return {}, text
    fields: dict[str, str] = {}
    key = None
    for line in lines:
        field = _MMD_LINE.match(line)
        if field:
            key = re.sub(r"\s+", "", field.group("key")).lower()  # MultiMarkdown's own folding of keys
            fields[key] = field.group("value").strip()
        elif key and _MMD_CONTINUATION.match(line):
            fields[key] += " " + line.strip()
        else:
            return {}, text
    if not _MMD_KNOWN_KEYS & set(fields):
        return {}, text
    metadata = _metadata(fields, warnings)
    metadata["removed"] = [Removed("header", " ".join(line.split())) for line in lines]
    return metadata, body


# Front-matter fields that hold prose of the document. Pandoc prints the abstract
# under the title, so it is body text; the others are teasers kept in `removed`.
_ABSTRACT_KEYS = ("abstract",)
_TEASER_KEYS = ("subtitle", "description", "summary", "excerpt", "lead", "teaser")


def _front_matter_prose(metadata: dict, removed: list[Removed]) -> str:
    """The abstract as Markdown to open the body with; teasers recorded, never lost."""
    for key in _TEASER_KEYS:
        if metadata.get(key):
            removed.append(Removed("cover", metadata[key]))
    abstract = metadata.get("abstract")
    return f"## Abstract\n\n{abstract}\n\n" if abstract else ""


def _metadata(data: dict, warnings: list[str]) -> dict:
    metadata: dict = {}
    for key in _ABSTRACT_KEYS + _TEASER_KEYS:
        if isinstance(data.get(key), str) and data[key].strip():
            metadata[key] = " ".join(data[key].split()) if key != "abstract" else data[key].strip()
    if data.get("title"):
        metadata["title"] = str(data["title"]).strip()
    # Zola keeps a theme's fields in [extra], Hugo in [params]: an author is often there.
    nested = [table for table in (data.get("extra"), data.get("params")) if isinstance(table, dict)]
    authors = _front_matter_authors(next((source.get(key) for source in [data, *nested] for key in ("author", "authors")
                                          if source.get(key)), None))
    if authors:
        metadata["authors"] = authors
    date = _front_matter_date(data, warnings)
    if date:
        metadata["date"] = date
    return metadata


def _front_matter_date(data: dict, warnings: list[str]) -> str | None:
    """The first of the date fields whose value is a date; a value that is none is said, never taken."""
    fields = {str(key).lower(): value for key, value in data.items()}
    for key in _DATE_KEYS:
        raw = fields.get(key)
        if isinstance(raw, dict):
            nested = {str(name).lower(): value for name, value in raw.items()}
            raw = next((nested[name] for name in _NESTED_DATE_KEYS if nested.get(name)), None)
        if raw is None or isinstance(raw, bool) or raw == "":
            continue
        if isinstance(raw, (datetime.date, datetime.datetime)):
            return raw.isoformat()[:10]
        text = " ".join(str(raw).split()) if isinstance(raw, (str, int)) else ""
        date = (parse_date(text) or find_date(text)) if text else None
        if date:
            return date
        warnings.append(f"front matter {key}: {text[:40] or type(raw).__name__!r} is not a date; it was not taken as one")
    return None


def _front_matter_authors(raw) -> list[str]:
    """`author: A and B`, `authors: [A, B]`, `author: {name: A, title: …}`, or a list of those."""
    if isinstance(raw, dict):
        raw = [raw]
    if isinstance(raw, str):
        raw = re.split(r"\s*;\s*|\s+and\s+|\s*&\s*", raw)
    if not isinstance(raw, list):
        return []
    names = []
    for entry in raw:
        name = str(entry.get("name", "") if isinstance(entry, dict) else entry).strip()
        if name and name not in names:
            names.append(name)
    return names


# --- docs-site markup -----------------------------------------------------------

_FENCE_LINE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# MkDocs (Material) admonitions: `!!! note "Title"`, collapsible `??? tip`, `???+ warning`.
# Material for MkDocs' content tabs, `=== "Linux package"`, their content indented as an admonition's;
# the tab's label shows, as a paragraph of its own.
_MKDOCS_TAB = re.compile(r'^(?P<indent> {0,3})===\+?[ \t]+"(?P<title>[^"\n]{0,200})"[ \t]*$')
# Python-Markdown's attribute list after a heading ("## Retention policies { #retention-policies }")
# and pymdownx.snippets' include line ("--8<-- \"includes/abbreviations.md\""): markup, no text.
_HEADING_ATTRIBUTES = re.compile(r"^(?P<heading> {0,3}#{1,6}[ \t]+\S.*?)[ \t]+(?P<attributes>\{:?[ \t]*(?:[#.][\w-]+|[\w-]+=(?:\"[^\"]*\"|\S+))"
                                 r"(?:[ \t]+(?:[#.][\w-]+|[\w-]+=(?:\"[^\"]*\"|\S+)))*[ \t]*\})[ \t]*$")
_SNIPPET = re.compile(r"^ {0,3}-{1,2}8<-{1,2}(?:[ \t]+(?:\"[^\"\n]+\"|'[^'\n]+'|\S+))?[ \t]*$")
_MKDOCS_ADMONITION = re.compile(r"^(?P<indent> {0,3})(?:!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?:[ \t]+(?P<rest>.*))?$")
# Docusaurus/VitePress `:::note Title`, `:::tip[Title]`, MyST `:::{note}`, Quarto `::: {.callout-note}`.
_COLON_FENCE = re.compile(r"^ {0,3}(?P<colons>:{3,})[ \t]*(?:\{\.?(?:callout-)?(?P<braced>[\w-]+)[^}]*\}|(?P<kind>[\w-]+))?(?P<rest>.*)$")
# MyST directives written as code fences: ```{note} … ```.
_MYST_DIRECTIVE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})\{(?P<kind>[\w-]+)\}[ \t]*(?P<rest>.*)$")
# GitHub's "> [!NOTE]" and Obsidian's callouts, "> [!info]- Status" (a title; "-"/"+" fold it).
_GITHUB_ALERT = re.compile(r"^(?P<quote>\s{0,3}>\s*)\[!(?P<kind>[A-Za-z][\w-]{0,30})\][+-]?[ \t]*(?P<title>\S.{0,200})?$")
_EDIT_LINK = re.compile(r"^\W*(?:\[)?\s*(?:edit this page|edit on github|edit on gitlab|improve this page|suggest an edit|view source|edit source)\b"
                        # a personal site's "Spotted a mistake? This post is [on GitHub](…) — corrections welcome."
                        r"|^\W*spotted an? (?:mistake|typo|error)\b.{0,80}\b(?:github|gitlab|codeberg|pull request|edit)\b", re.I)
_LAST_UPDATED = re.compile(r"^\W*(?:last (?:updated|modified|edited|reviewed)|page last updated|updated on)\b", re.I)
# A blog platform's button: a link alone on its line ("[Share](…)", "[Subscribe now](…)").
_SHARE_BUTTON = re.compile(
    r"^ {0,3}\[(?P<label>\s*(?:share|subscribe(?: now)?|leave a comment|give a gift subscription|tweet|share on \w+)\s*)\]"
    r"\([^)\s]{1,1000}\)\s*$",
    re.I,
)
_MDX_STATEMENT = re.compile(r"^(?:import\s+[\w{}*,\s]+\s+from\s+['\"]|export\s+(?:const|default|function)\b)")
_TOC_MARKER = re.compile(r"^\s*(?:\[TOC\]|\[\[_TOC_\]\]|\{:toc\}|\* TOC|\$\{toc\}|<!-- ?toc ?-->)\s*$", re.I)
ADMONITION_INDENT = 4
"""MkDocs admonition bodies are indented by four spaces (Python-Markdown's rule)."""
# MyST markup that shows no text: a directive's options under its opening fence (":class: tip",
# ":name: fig-recession"), a target before a heading ("(recession-constants)="), a comment line
# ("% TODO: …"). Comments and targets are read so only where the page is MyST (a `{directive}`
# fence or a `{role}`), as "% of" may open a line of plain Markdown.
_MYST_CODE_DIRECTIVES = {"code-cell", "code-block", "code", "sourcecode", "literalinclude", "math", "mermaid", "raw"}
_MYST_OPTION = re.compile(r"^ {0,3}:[\w-]{1,40}:(?:[ \t].*)?$")
_MYST_TARGET = re.compile(r"^ {0,3}\([^()\s]{1,200}\)=[ \t]*$")
_MYST_COMMENT = re.compile(r"^ {0,3}%(?!%)")
_MYST_SIGN = re.compile(r"(?m)^ {0,3}(?:`{3,}|~{3,}|:{3,})\{[\w-]+\}|\{(?:math|cite|ref|numref|eq|doc|term|download|abbr)(?::[\w-]+)?\}`")


def _docs_markup(body: str, removed: list[Removed]) -> str:
    """Admonitions become their title and their content; edit links and the like go to `removed`."""
    if not _DOCS_HINT.search(body):
        return body
    out: list[str] = []
    code_fence: str | None = None
    directive_fences: list[str] = []  # open MyST directives: their closing fence is markup
    admonition_indent: int | None = None
    is_myst = _MYST_SIGN.search(body) is not None
    options_may_follow = False  # right under a MyST directive's opening fence
    in_code_directive = False  # inside ```{code-cell}: "%matplotlib inline" is code, not a comment
    for line in body.split("\n"):
        if options_may_follow and _MYST_OPTION.match(line):
            removed.append(Removed("hidden", line.strip()))
            continue
        options_may_follow = False
        if is_myst and code_fence is None and not in_code_directive and (_MYST_TARGET.match(line) or _MYST_COMMENT.match(line)):
            removed.append(Removed("hidden", line.strip()))
            continue
        if admonition_indent is not None:
            if not line.strip() or line.startswith(" " * (admonition_indent + ADMONITION_INDENT)):
                out.append(line[ADMONITION_INDENT:] if line.strip() else line)
                continue
            admonition_indent = None
        if code_fence is not None:
            if _closes_fence(line, code_fence):
                code_fence = None
            out.append(line)
            continue
        if directive_fences and _closes_fence(line, directive_fences[-1]):
            directive_fences.pop()
            in_code_directive = False
            continue
        myst = _MYST_DIRECTIVE.match(line)
        if myst:
            out.extend(_admonition_lines(myst.group("kind"), myst.group("rest"), line, removed))
            directive_fences.append(myst.group("fence"))
            options_may_follow = True
            in_code_directive = myst.group("kind") in _MYST_CODE_DIRECTIVES
            continue
        fence = _FENCE_LINE.match(line)
        if fence:
            code_fence = fence.group(1)
            out.append(line)
            continue
        tab = _MKDOCS_TAB.match(line)
        if tab:
            removed.append(Removed("hidden", line.strip()))
            out.extend(["", tab.group("title"), ""] if tab.group("title").strip() else [""])
            admonition_indent = len(tab.group("indent"))
            continue
        attributes = _HEADING_ATTRIBUTES.match(line)
        if attributes:
            removed.append(Removed("hidden", attributes.group("attributes")))
            out.append(attributes.group("heading"))
            continue
        if _SNIPPET.match(line):
            removed.append(Removed("hidden", line.strip()))
            continue
        mkdocs = _MKDOCS_ADMONITION.match(line)
        if mkdocs:
            out.extend(_admonition_lines(mkdocs.group("kind"), mkdocs.group("rest"), line, removed))
            admonition_indent = len(mkdocs.group("indent"))
            continue
        out.extend(_docs_line(line, removed))
        options_may_follow = is_myst and _COLON_FENCE.match(line) is not None and "{" in line
    return "\n".join(out)


# A cheap test for the lines _docs_line looks at; prose lines skip it.
_DOCS_HINT = re.compile(r"(?im)^[ \t]{0,3}(?:\([^()\s]{1,200}\)=|%|===|-{1,2}8<|#{1,6}[ \t].*\}[ \t]*$|!!!|\?\?\?|:::|`{3,}\{|~{3,}\{|>[ \t]*\[!|[^\w\n]{0,4}(?:edit|improve|suggest|view source|last|page last|updated on|spotted)\b|\[(?:share|subscribe|leave|give|tweet)|[^\w\n]{0,4}(?:à |a )?lire aussi|[^\w\n]{0,4}(?:read also|lesen sie auch|lee también|leer también|читайте также)|import\s|export\s|\[TOC\]|\[\[_TOC_|\{:toc|\* TOC|<!-- ?toc)")
FURNITURE_LINE_MAX = 120
"""An "Edit this page" or "Last updated" line is short; a longer one is prose."""


def _closes_fence(line: str, opener: str) -> bool:
    stripped = line.strip()
    return len(line) - len(line.lstrip(" ")) <= 3 and len(stripped) >= len(opener) and set(stripped) == {opener[0]}


def _admonition_lines(kind: str, rest: str | None, source_line: str, removed: list[Removed]) -> list[str]:
    """The admonition's title as a paragraph of its own: "Warning: Rate limits", or "Note"."""
    rest = (rest or "").strip()
    title = rest[1:-1].strip() if len(rest) >= 2 and rest[0] + rest[-1] in ('""', "''", "[]") else rest
    if rest in ('""', "''"):
        removed.append(Removed("other", source_line.strip()))  # an admonition whose title is hidden
        return [""]
    label = kind.replace("-", " ").replace("_", " ").capitalize()
    return ["", f"{label}: {title}" if title else label, ""]


def _docs_line(line: str, removed: list[Removed]) -> list[str]:
    """The line as it stays in the body: [] when it is docs-site markup or furniture."""
    if not _DOCS_HINT.match(line):
        return [line]
    alert = _GITHUB_ALERT.match(line)
    if alert:
        # The label is a paragraph of its own inside the quote, as GitHub shows it.
        label = (alert.group("title") or "").strip() or alert.group("kind").replace("-", " ").capitalize()
        return [alert.group("quote") + label, alert.group("quote").rstrip()]
    button = _SHARE_BUTTON.match(line)
    if button:
        removed.append(Removed("share", button.group("label").strip()))
        return []
    colons = _COLON_FENCE.match(line)
    if colons:
        kind = colons.group("braced") or colons.group("kind")
        if not kind:
            return [""]  # a closing ":::" fence
        return _admonition_lines(kind, colons.group("rest"), line, removed)
    stripped = line.strip()
    if _is_read_also_line(stripped):
        removed.append(Removed("related", _visible_line(stripped)))
        return []
    short = len(_visible_line(stripped)) <= FURNITURE_LINE_MAX  # what it shows: a link's address is no length
    if short and _EDIT_LINK.match(stripped):
        removed.append(Removed("edit-link", _visible_line(stripped)))
        return []
    if short and _LAST_UPDATED.match(stripped) and find_date(_visible_line(stripped)):
        removed.append(Removed("footer", _visible_line(stripped)))
        return []
    if _MDX_STATEMENT.match(line):
        removed.append(Removed("hidden", stripped))
        return []
    if _TOC_MARKER.match(line):
        removed.append(Removed("contents", stripped))
        return []
    return [line]


# A newsroom-style pointer to other posts, a line of its own: "**À lire aussi :** [Le tramway…](…) et
# [Stationnement…](…)". Only links follow the label; a sentence that starts so stays.
_READ_ALSO_LABEL = re.compile(r"^[*_]{0,2}\s*(?:(?:à |a )?lire aussi|read also|lesen sie auch|lee también|leer también|читайте также)"
                              r"\s*:?\s*[*_]{0,2}\s*:?\s*", re.I)
_LINKS_ONLY = re.compile(r"^(?:\[[^\]\n]+\]\([^)\n]*\)\s*(?:,|;|·|\||\bet\b|\band\b|\bund\b|\by\b|\bи\b)?\s*)+$", re.I)


def _is_read_also_line(line: str) -> bool:
    label = _READ_ALSO_LABEL.match(line)
    return label is not None and bool(_LINKS_ONLY.match(line[label.end():].strip()))


def _visible_line(line: str) -> str:
    """A line's text as a reader sees it: no link targets, no emphasis marks."""
    return collapse_spaces(render_inline(line, allow_html=True)) or line


# --- footnote definitions ---------------------------------------------------------


def _note_slot(notes: list[Block], note: Block) -> str:
    notes.append(note)
    return f"{_NOTE_SLOT}{len(notes) - 1}"


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
            kept.extend(_note_slot(notes, note) for note in _pandoc_notes(paragraph))
            continue
        mangled = _MANGLED_DEF.match(stripped)
        if mangled and mangled.group("rest").strip(" $"):
            rest = html.unescape(re.sub(r"<[^<>]*>", "", raise_glued_superscripts(mangled.group("rest"))))
            rest = strip_latex(rest.strip().strip("$")) if is_latex_residue(rest) or "$" in rest else rest
            kept.append(_note_slot(notes, Block(NOTE, rest.strip(), label=label_of(mangled.group("label")))))
            continue
        if notes and kept and kept[-1].startswith(_NOTE_SLOT) and paragraph.startswith(("    ", "\t")):
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


# --- endnote lists ------------------------------------------------------------------

# How a note starts in a list of notes: "1. text", "1) text", "[1] text", "[1]: text",
# "[1](#fnref1) text" (html2text's Substack and Hugo exports), "<sup>1</sup> text", "¹ text".
_ITEM_START = re.compile(
    r"^ {0,3}(?:(?P<dot>\d{1,4})[.)]"
    r"|\[(?P<bracket>\d{1,4})\](?:[.:)]|[ \t]*:)?"
    r"|\[\[?(?P<linked>\d{1,4})\]?\]\(#[^)\s]{0,200}\)[.:]?"
    r"|<sup>[ \t]*(?P<sup>\d{1,4})[ \t]*</sup>"
    rf"|(?P<unicode>[{SUPERSCRIPT_DIGITS}]{{1,4}}))(?:[ \t]+|$)"
)
# A "[1]: https://…" line is a Markdown link reference definition when the body links to it.
_LINK_DESTINATION = re.compile(r"^<?[^\s<>]+>?(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*$")
_NOTES_HEADING_LINE = re.compile(r"^(?:#{1,6}[ \t]+(?P<atx>.+?)[ \t#]*|\*\*(?P<bold>[^*\n]+)\*\*|__(?P<under>[^_\n]+)__|(?P<plain>[^\n]{1,40}?)(?:\n[-=]+)?)[ \t]*$")
# Back-links from a note to its marker: "[↩](#fnref1)", "[↩︎](#fnref:1)", "[^](#ref-1)", a bare "↩".
_BACKLINK = re.compile(
    r"\[(?:↩︎?|↩|↑|⤴︎?|\^|back|return|top)\]\(#[^)\s]{0,200}\)"
    r"|<a\b[^<>]{0,300}href=[\"']#[^\"'<>]{0,200}[\"'][^<>]{0,100}>\s*(?:↩︎?|↑|\^|back)?\s*</a>"
    r"|↩︎?",
    re.I,
)
_ZONE_TAIL_PARAGRAPHS = 3
_ZONE_TAIL_CHARS = 300
"""A list of notes opened by a bare rule ends the document: after it come at most
a few short lines (a sign-off, "Share this post"), never more body."""
_CALLED_SHARE = 0.5
"""A list under a rule, not a Notes heading, is notes only if the body calls at least
this share of its numbers: an ordinary numbered list's numbers are never called."""



class _Item:
    def __init__(self, label: int, style: str, text: str) -> None:
        self.label, self.style, self.lines = label, style, [text] if text else []


def _lift_endnote_lists(body: str, notes: list[Block], removed: list[Removed]) -> str:
    """Numbered notes at the end (or closing a chapter) become NOTE slots when the body calls them."""
    if not re.search(r"(?m)^ {0,3}(?:\d{1,4}[.)]|\[\[?\d|<sup>|[" + SUPERSCRIPT_DIGITS + "])", body):
        return body  # no list that could hold notes
    paragraphs = body.split("\n\n")
    reference_links = set(re.findall(r"\]\[(\d{1,4})\]", body))
    calls = _marker_counts(body)
    glued: list[set[int]] = []  # the glued calls, found once if a Notes heading needs them
    out: list[str] = []
    index = 0
    while index < len(paragraphs):
        opener = _zone_opener(paragraphs[index])
        first = index + 1 if opener else index
        if first >= len(paragraphs) or not _item_start(paragraphs[first], reference_links):
            out.append(paragraphs[index])
            index += 1
            continue
        items, end = _parse_items(paragraphs, first, reference_links)
        zone_calls = _marker_counts("\n\n".join(paragraphs[index:end]))
        calls_outside = calls - zone_calls
        if opener == "heading" and not calls_outside and not glued:
            glued.append(set(_glued_calls(body)))
        if not _is_list_of_notes(items, opener, paragraphs, end, calls_outside, glued[0] if glued else set()):
            out.extend(paragraphs[index:end])  # body text: an ordinary list, never looked at again
            index = end
            continue
        calls = calls_outside
        if opener == "heading":
            removed.append(Removed("furniture", _notes_heading_text(paragraphs[index])))
        if opener:
            out.append(_BREAK_SLOT)
        out.extend(_note_slot(notes, _item_note(item, removed)) for item in items)
        index = end
    return "\n\n".join(out)


# mammoth.js (Word to Markdown) escapes the brackets of a note call: "[\\[1\\]](#footnote-1)".
_ESCAPED_NOTE_LINK = re.compile(r"\[\\\[(\d{1,4})\\\]\]\(#")


def _unescape_note_links(text: str) -> str:
    return _ESCAPED_NOTE_LINK.sub(r"[[\1]](#", text)


def _zone_opener(paragraph: str) -> str | None:
    """ "heading" for a Notes heading, "rule" for a thematic break, else None."""
    stripped = paragraph.strip()
    if stripped == _BREAK_SLOT or re.fullmatch(r"<hr\s*/?>", stripped, re.I):
        return "rule"
    if len(stripped) > 80:
        return None
    match = _NOTES_HEADING_LINE.match(stripped)
    if not match:
        return None
    words = next(group for group in match.groups() if group is not None)
    words = words.strip().rstrip(":")
    return "heading" if NOTES_HEADING.match(words) else None


def _notes_heading_text(paragraph: str) -> str:
    match = _NOTES_HEADING_LINE.match(paragraph.strip())
    return _visible_line(next(group for group in match.groups() if group is not None).strip())


def _item_start(paragraph: str, reference_links: set[str]) -> re.Match | None:
    """The note start opening this paragraph, unless the line is a link reference definition."""
    match = _ITEM_START.match(paragraph)
    if match and match.group("bracket") and match.group("bracket") in reference_links:
        rest = paragraph[match.end():].split("\n", 1)[0]
        if _LINK_DESTINATION.match(rest):
            return None
    return match


def _parse_items(paragraphs: list[str], first: int, reference_links: set[str]) -> tuple[list[_Item], int]:
    """The notes from paragraph `first` on, and the index of the first paragraph after them."""
    items: list[_Item] = []
    index = first
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        if _item_start(paragraph, reference_links):
            for line in paragraph.split("\n"):
                start = _item_start(line, reference_links)
                if start:
                    style = next(name for name, value in start.groupdict().items() if value)
                    number = superscript_to_int(start.group(style)) if style == "unicode" else int(start.group(style))
                    items.append(_Item(number, style, line[start.end():].strip()))
                elif line.strip():
                    items[-1].lines.append(line.strip())  # a lazy continuation line
        elif items and (paragraph.startswith(("  ", "\t")) or not items[-1].lines) and not paragraph.startswith(_NOTE_SLOT):
            # An indented paragraph continues the note; a label alone ("[1](#fn-anchor-1)") takes the next.
            if _zone_opener(paragraph) or paragraph.strip() == _BREAK_SLOT:
                break
            items[-1].lines.append(paragraph.strip())
        else:
            break
        index += 1
    _number_lazy_lists(items)
    return items, index


def _number_lazy_lists(items: list[_Item]) -> None:
    """"1. a / 1. b / 1. c" renders as 1, 2, 3 in Markdown: the numbers a reader sees."""
    if len(items) > 1 and all(item.style == "dot" for item in items) and len({item.label for item in items}) == 1:
        for offset, item in enumerate(items):
            item.label = items[0].label + offset


def _is_list_of_notes(items: list[_Item], opener: str | None, paragraphs: list[str], end: int,
                      calls_outside: Counter, glued_calls: set[int]) -> bool:
    """Whether these numbered items (up to paragraph `end`) are the document's notes."""
    if not items or any(not item.lines for item in items):
        return False
    labels = [item.label for item in items]
    if labels != sorted(set(labels)):
        return False  # notes are numbered in order, each once
    called = {label for label in labels if calls_outside[label] > 0}
    if opener == "heading":
        return bool(called) or (not calls_outside and bool(glued_calls & set(labels)))
    if all(_BACKLINK.search("\n".join(item.lines)) for item in items):
        # Every item links back to its call ("[↑](#footnote-ref-1)", as mammoth.js writes
        # Word's notes): notes wherever they stand, if the body calls them.
        return len(called) >= _CALLED_SHARE * len(labels)
    if opener is None and all(item.style == "dot" for item in items):
        return False  # an ordinary numbered list, with nothing to say it holds notes
    if len(paragraphs) - end > _ZONE_TAIL_PARAGRAPHS:
        return False
    ends_document = all(len(p) <= _ZONE_TAIL_CHARS for p in paragraphs[end:])
    return ends_document and len(called) >= _CALLED_SHARE * len(labels)


def _marker_counts(text: str) -> Counter:
    """How often each number is called by an explicit marker of any style."""
    counts: Counter = Counter()
    for match in _MARKER.finditer(text):
        kind = match.lastgroup
        raw = match.group(kind)
        if kind == "pandoc" and not raw.isdigit():
            continue
        if kind == "unicode" and _after_unit(match):
            continue
        counts[superscript_to_int(raw) if kind == "unicode" else int(raw)] += 1
    return counts


# An anchor with no text ("<a id="footnote-1"></a>") is a link target, nothing a reader sees.
_EMPTY_ANCHOR = re.compile(r"<a\s+(?:id|name)=[\"'][^\"'<>]{0,200}[\"']\s*>\s*</a>\s*", re.I)


def _item_note(item: _Item, removed: list[Removed]) -> Block:
    text = _EMPTY_ANCHOR.sub("", "\n".join(item.lines))
    for backlink in _BACKLINK.finditer(text):
        removed.append(Removed("navigation", _visible_line(backlink.group()) or backlink.group()))
    text = _BACKLINK.sub("", text)
    return Block(NOTE, collapse_spaces(text), label=item.label)


# --- markers ------------------------------------------------------------------------

_MARKER = re.compile(
    r"<a\b[^<>]{0,300}>\s*<sup>\s*\[?(?P<sup_link>\d{1,5})\]?\s*</sup>\s*</a>"
    r"|<sup>\s*(?:<a\b[^<>]{0,300}>)?\s*\[?(?P<sup>\d{1,5})\]?\s*(?:</a>\s*)?</sup>"
    r"|<sup>\s*\[\[?(?P<sup_md>\d{1,5})\]?\]\(#[^)\s]{0,200}\)\s*</sup>"
    rf"|\[\^(?P<pandoc>{PANDOC_LABEL})\](?!:)"
    r"|\[\[?(?P<linked>\d{1,4})\]?\]\(#[^)\s]{0,200}\)"
    r"|\[(?P<bracket>\d{1,4})\](?![(\[:])"
    rf"|(?<=\S)(?P<unicode>[{SUPERSCRIPT_DIGITS}]{{1,4}})"
)
# Markup that says "footnote" by itself: a superscript tag or a pandoc reference.
_EXPLICIT_KINDS = ("sup_link", "sup", "sup_md", "pandoc")
# "10 km²", "3 m³": a superscript after a unit is its power.
MARKER_GAP = 3
"""A marker may skip this many numbers past the highest so far: converters lose the odd marker."""
# A digit glued to the end of a word or after its punctuation ("billion.2", "reform,3").
# Never after a digit and its point: "$62.2" is a number, not "$62." and marker 2.
_GLUED = re.compile(r"(?:(?<=[a-zà-ÿ%)”\"’])|(?<=[a-zà-ÿ][.,;:]))(?P<glued>\d{1,3})(?![\d]|[.,]\d|\w)")
MARKER_CAPACITY = 0x10FFFD - 0xF0000
"""Placeholders available for markers (textclean's private-use range)."""


def _after_unit(match: re.Match) -> bool:
    return follows_a_unit(match.string, match.start())


class _MarkerReader:
    """Turns markers into placeholders, in document order.

    Superscript tags and pandoc references are markers by their markup. A bare
    "[3]", a "[3](#fn3)" link, a "³" or a digit glued to a word is a marker only
    when a note 3 exists and 3 continues the sequence of markers met so far.
    """

    def __init__(self, markers: MarkerTable, notes: list[Block], warnings: list[str]) -> None:
        self.markers = markers
        self.warnings = warnings
        self.defined = {note.label for note in notes}
        self.highest = 0
        self.found = 0
        self.glued_allowed = bool(self.defined)

    def mark(self, text: str) -> str:
        return _MARKER.sub(self._replace, text)

    def mark_glued(self, text: str) -> str:
        return _GLUED.sub(self._replace_glued, text)

    def _replace(self, match: re.Match) -> str:
        kind = match.lastgroup
        raw = match.group(kind)
        if kind in _EXPLICIT_KINDS:
            label = label_of(raw)
        else:
            label = superscript_to_int(raw) if kind == "unicode" else int(raw)
            if kind == "unicode" and _after_unit(match):
                return match.group(0)
            if not self._continues(label):
                return match.group(0)
        self.glued_allowed = False  # a document with marked-up markers has no glued ones
        return self._add(label, match.group(0))

    def _replace_glued(self, match: re.Match) -> str:
        label = int(match.group("glued"))
        if _after_unit(match) or not self._continues(label):
            return match.group(0)
        return self._add(label, match.group(0))

    def _continues(self, label: int) -> bool:
        return label in self.defined and label <= self.highest + MARKER_GAP

    def _add(self, label: int | str, source: str) -> str:
        if len(self.markers.labels) >= MARKER_CAPACITY:
            if self.found == MARKER_CAPACITY:
                self.warnings.append(f"more than {MARKER_CAPACITY} footnote markers: the rest are left as text")
            self.found += 1
            return source
        self.found += 1
        if isinstance(label, int):
            self.highest = max(self.highest, label)
        return self.markers.add(label)


def _glued_calls(text: str) -> list[int]:
    """Digits glued to words that follow on from one another as note calls do (1, 2, 3...)."""
    expected, calls = 1, []
    for match in _GLUED.finditer(text):
        label = int(match.group("glued"))
        if expected <= label <= expected + MARKER_GAP and not _after_unit(match):
            calls.append(label)
            expected = label + 1
    return calls


# --- code spans and fences stay as written ------------------------------------------

_INLINE_CODE = re.compile(r"`[^`\n]*`")


# Hugo's shortcodes: {{< figure src="…" caption="…" >}}, {{% notice warning %}} … {{% /notice %}}.
# Template calls, not text: the call goes to `removed` whole, a figure's caption stays
# text (md_dialects.template_call_taken), the text between a pair stays.
_SHORTCODE_BODY = r"\s*/?\s*[\w./-]+(?:[^{}\n]|\{[^{}\n]*\}){0,500}?\s*"
_SHORTCODE = re.compile(r"\{\{<" + _SHORTCODE_BODY + r">\}\}|\{\{%" + _SHORTCODE_BODY + r"%\}\}")


# Pandoc's attributes after a heading or a caption: "# References {-}", "{#refs}",
# "Table: Absence {#tbl:absence}". Markup like an HTML attribute, not text.
_PANDOC_ATTRIBUTES = re.compile(
    r"(?m)^(?P<line>(?:#{1,6}[ \t]|Table:|:[ \t]).*?)(?P<attrs>(?:[ \t]*\{(?:[#.][\w:.-]+|-)(?:[ \t]+(?:[#.][\w:.-]+|[\w-]+=\S+|-))*\})+)[ \t]*$"
)


def _take_pandoc_attributes(text: str, removed: list[Removed]) -> str:
    def take(match: re.Match) -> str:
        removed.append(Removed("other", match.group("attrs").strip()))
        return match.group("line")
    return _PANDOC_ATTRIBUTES.sub(take, text)


# A pair of shortcodes whose name says it is the site's box, not the post's text: {{< newsletter >}} …
# {{< /newsletter >}}, {{< series-box >}} (the series' other posts), {{< donate >}}. What it wraps is
# the box's wording, and goes with it.
_FURNITURE_SHORTCODE_KINDS = {"newsletter": "other", "subscribe": "other", "signup": "other", "cta": "other",
                              "donate": "other", "support": "other", "series": "related", "related": "related",
                              "share": "share", "ad": "advertisement", "ads": "advertisement"}
_SHORTCODE_PAIR = re.compile(r"\{\{(?P<open>[<%])\s*(?P<name>[\w-]{1,40})(?:\s[^{}\n]{0,300})?\s*[>%]\}\}"
                             r"(?P<body>(?:(?!\{\{[<%]\s*/?\s*(?P=name)\b).){0,3000}?)"
                             r"\{\{[<%]\s*/\s*(?P=name)\s*[>%]\}\}", re.S)


def _take_shortcodes(text: str, removed: list[Removed]) -> str:
    if "{{" in text:
        text = _SHORTCODE_PAIR.sub(lambda match: _furniture_pair_taken(match, removed), text)
    return _SHORTCODE.sub(lambda match: template_call_taken(match, removed), text)


def _furniture_pair_taken(match: re.Match, removed: list[Removed]) -> str:
    kind = next((_FURNITURE_SHORTCODE_KINDS[word] for word in match.group("name").lower().split("-")
                 if word in _FURNITURE_SHORTCODE_KINDS), None)
    if kind is None:
        return match.group()  # a box of the post's own ({{< notice >}} … ): its calls go, its text stays
    removed.append(Removed(kind, " ".join(_visible_line(line) for line in match.group().split("\n") if line.strip())))
    return ""


def _outside_code(body: str, change) -> str:
    """Apply `change` to the text outside fenced code blocks and inline code spans, in order."""
    if "```" not in body and "~~~" not in body:
        return _outside_inline_code(body, change)
    pieces: list[str] = []
    fence: str | None = None
    cursor = offset = 0
    for line in body.split("\n"):
        line_end = offset + len(line)
        if fence is None:
            opening = _FENCE_LINE.match(line)
            if opening:
                pieces.append(_outside_inline_code(body[cursor:offset], change))
                cursor, fence = offset, opening.group(1)
        elif _closes_fence(line, fence):
            pieces.append(body[cursor:line_end])
            cursor, fence = line_end, None
        offset = line_end + 1
    rest = body[cursor:]
    pieces.append(rest if fence is not None else _outside_inline_code(rest, change))
    return "".join(pieces)


def _outside_inline_code(text: str, change) -> str:
    if "`" not in text:
        return change(text)
    pieces, cursor = [], 0
    for span in _INLINE_CODE.finditer(text):
        pieces.append(change(text[cursor:span.start()]))
        pieces.append(span.group())
        cursor = span.end()
    pieces.append(change(text[cursor:]))
    return "".join(pieces)


# --- TeX math -------------------------------------------------------------------------

# "$$ … $$" display math; "[^$]" keeps a run of unmatched "$$" linear.
_DISPLAY_MATH = re.compile(r"(?<!\\)\$\$([^$]{1,5000})\$\$")
# Inline "$…$" (pandoc's rule): no space inside either dollar, no digit right after the
# closing one, so "$5 and $6" stays money.
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?![\s$])([^$\n]{1,300}?)(?<![\s\\])\$(?![\d$])")
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]<>&#|~!])")


def _convert_math(text: str) -> str:
    """TeX spans as readable text, escaped so that Markdown leaves them as they are."""
    if "$" not in text:
        return text
    text = _DISPLAY_MATH.sub(_math_or_source, text)
    return _INLINE_MATH.sub(_math_or_source, text)


def _math_or_source(match: re.Match) -> str:
    fragment = match.group(1)
    if not is_latex_residue(fragment.strip()):
        return match.group(0)
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", tex_to_text(fragment))


# --- blocks ---------------------------------------------------------------------------

# A paragraph of plain prose: no block syntax on any line (headings, lists,
# quotes, tables, HTML blocks, indented code, setext underlines, fences).
_BLOCK_SYNTAX = re.compile(r"(?m)^(?: {4}|\t| {0,3}(?:[#>|<]|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|```|~~~|=+\s*$|-+\s*$|\[[^\]\n]{1,999}\]:))|\|")


def _note_at(text: str, notes: list[Block]) -> Block | None:
    slot = _NOTE_SLOT_TEXT.fullmatch(text)
    return notes[int(slot.group(1))] if slot else None


def _blocks(body: str, notes: list[Block], removed: list[Removed], warnings: list[str]) -> list[Block]:
    """Plain prose paragraphs straight to blocks; everything else through markdown-it.

    Most of a converted report is plain prose, and markdown-it's block parser
    costs about half a second a megabyte; prose needs only the inline parser.
    """
    blocks: list[Block] = []
    complex_run: list[str] = []
    in_fence = False
    references = {label.casefold() for label in _REFERENCE_DEFINITION.findall(body)}
    for paragraph in body.split("\n\n"):
        fences = len(re.findall(r"(?m)^ {0,3}(?:```|~~~)", paragraph))
        plain = not in_fence and not fences and not _BLOCK_SYNTAX.search(paragraph)
        if fences % 2:
            in_fence = not in_fence
        if not plain:
            complex_run.append(paragraph)
            continue
        if complex_run:
            blocks.extend(_blocks_from_tokens("\n\n".join(complex_run), notes, removed, warnings))
            complex_run = []
        text = paragraph.strip()
        note = _note_at(text, notes)
        if note is not None:
            blocks.append(note)
        elif text == _BREAK_SLOT:
            blocks.append(Block(BREAK))
        else:
            if references and "][" in text:
                text = _resolve_reference_links(text, references)
            rendered = collapse_spaces(render_inline(text, allow_html=True))
            if rendered:
                blocks.append(Block(PARAGRAPH, rendered))
            if "![" in text:
                _record_images(text, removed)  # an image shows no text, in prose or alone: its alt is reported
    if complex_run:
        blocks.extend(_blocks_from_tokens("\n\n".join(complex_run), notes, removed, warnings))
    return blocks


@lru_cache(maxsize=1)
def _block_parser() -> MarkdownIt:
    """One parser for the whole import: building one costs more than parsing a short run."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


# Quote and list markers at a line's start; an item's number is kept, as text.
_CONTAINER_MARKERS = re.compile(r"(?m)^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*)+")


def _flattened(match: re.Match) -> str:
    numbers = re.findall(r"\d{1,9}[.)]", match.group())
    return "".join(number[:-1] + "\\" + number[-1] + " " for number in numbers)


def _blocks_from_tokens(body: str, notes: list[Block], removed: list[Removed], warnings: list[str]) -> list[Block]:
    parser = _block_parser()
    blocks: list[Block] = []
    heading_level = 0
    row: list[str] | None = None
    env: dict = {}
    tokens = parser.parse(body, env)
    if tokens and max(token.level for token in tokens) >= parser.options["maxNesting"] - 1:
        # markdown-it stops reading a block nested past its limit (20 quotes or lists deep) and
        # drops its text: such a run is read again with its quote and list markers taken off.
        flat = _CONTAINER_MARKERS.sub(_flattened, body)
        if flat != body:
            warnings.append("quotes or lists nested too deep to read as such: read as plain paragraphs")
            return _blocks_from_tokens(flat, notes, removed, warnings)
    # A link reference definition shows no text in a renderer; its label and target are
    # still the source's characters, so they are reported, never dropped ("[^1]: 12").
    for label, reference in (env.get("references") or {}).items():
        shown = f"[{label}]: {unquote(reference.get('href', ''))}" + (f" {reference['title']}" if reference.get("title") else "")
        removed.append(Removed("other", shown))
    numbered: list[bool] = []  # per open list: are its items' numbers kept?
    number = ""  # the number of the list item whose first text is still to come
    for token in tokens:
        if token.type in ("ordered_list_open", "bullet_list_open"):
            numbered.append(token.type == "ordered_list_open" and token.attrs.get("start", 1) != 1)
        elif token.type in ("ordered_list_close", "bullet_list_close"):
            numbered.pop() if numbered else None
        elif token.type == "list_item_open" and numbered and numbered[-1]:
            # A list that starts at 1 numbers itself; one that starts elsewhere ("2019. The port
            # closed.", a chronology) has numbers a reader sees as the source's own: they stay.
            number = f"{token.info}{token.markup}"
        elif token.type == "list_item_close" and number:
            blocks.append(Block(PARAGRAPH, number))  # an item without text: its number alone
            number = ""
        elif token.type == "heading_open":
            heading_level = int(token.tag[1])
        elif token.type == "heading_close":
            heading_level = 0
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            blocks.append(Block(PARAGRAPH, "; ".join(cell for cell in row if cell)))
            row = None
        elif token.type == "inline":
            text = collapse_spaces(tokens_to_text(token.children or []))
            removed.extend(Removed("other", child.content.strip()) for child in token.children or []
                           if child.type == "image" and child.content.strip())
            note = _note_at(text, notes)
            if number:
                if note is not None or text == _BREAK_SLOT:
                    blocks.append(Block(PARAGRAPH, number))
                else:
                    text = f"{number} {text}".rstrip()
                number = ""
            if row is not None:
                row.append(text)
            elif note is not None:
                blocks.append(note)
            elif text == _BREAK_SLOT:
                blocks.append(Block(BREAK))
            elif heading_level and text:
                blocks.append(Block(HEADING, text, level=heading_level))
            elif text:
                blocks.append(Block(PARAGRAPH, text))
        elif token.type in ("fence", "code_block"):
            if token.info.strip():
                removed.append(Removed("other", token.info.strip()))  # the language tag of a code block
            blocks.append(Block(PARAGRAPH, token.content.strip("\n"), keep_lines=True))
        elif token.type == "html_block":
            blocks.extend(Block(PARAGRAPH, row) for row in _text_of_html_block(token.content, removed))
        elif token.type == "hr":
            blocks.append(Block(BREAK))
    return blocks


# "[1]: https://…": a link reference definition, which markdown-it reads as no text.
_REFERENCE_DEFINITION = re.compile(r"(?m)^ {0,3}\[([^\]\n]{1,999})\]:[ \t]*\S")
_REFERENCE_LINK = re.compile(r"\[([^\[\]\n]{1,999})\]\[([^\[\]\n]{0,999})\]")


def _resolve_reference_links(text: str, references: set[str]) -> str:
    """`[the report][1]` reads "the report" when the document defines [1]: the inline
    parser of a prose paragraph does not see the definitions elsewhere."""
    def link_text(match: re.Match) -> str:
        label = (match.group(2) or match.group(1)).casefold()
        return match.group(1) if label in references else match.group(0)

    return _REFERENCE_LINK.sub(link_text, text)


_IMAGE_ALT = re.compile(r"!\[([^\]\n]{1,500})\]")


def _take_style_and_script(text: str, removed: list[Removed]) -> str:
    """Style sheets and scripts in raw HTML blocks show no text, even where a blank line has
    ended CommonMark's HTML block early (a notebook's "<div>\n<style scoped>…")."""
    pieces, cursor = [], 0
    lowered = text.lower()
    for opening in _STYLE_OR_SCRIPT_OPEN.finditer(text):
        if opening.start() < cursor:
            continue
        close = lowered.find(f"</{opening.group(1).lower()}", opening.end())
        if close < 0:
            break
        end = text.find(">", close)
        end = len(text) if end < 0 else end + 1
        pieces.append(text[cursor:opening.start()])
        removed.append(Removed("hidden", " ".join(text[opening.start():end].split())))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


# Only on a line of its own, as raw HTML blocks are written: "<script>" inside a sentence
# is text the report shows (and the exports escape), not a script the page runs.
_STYLE_OR_SCRIPT_OPEN = re.compile(r"(?im)^[ \t]{0,3}<(style|script)\b[^<>\n]{0,500}>")


# A photograph's credit on the line under it, as a post's caption: "*Photo: Ines Calloway / Fenwick Notes*".
_IMAGE_CREDIT = re.compile(r"^[ \t]{0,3}(?P<mark>[*_]{0,2})(?P<credit>(?:photo|photograph|foto|image|picture|credit|photo credit|"
                           r"crédit photo|bild|fotografía)\s*:\s*[^.:;\n]{2,80}?)(?P=mark)[ \t]*$", re.I)


def _take_image_credits(text: str, removed: list[Removed]) -> str:
    """The text without the credit lines under its images (kept in `removed`); only right under an image."""
    lines = text.split("\n")
    kept: list[str] = []
    for line in lines:
        credit = _IMAGE_CREDIT.match(line)
        previous = next((earlier for earlier in reversed(kept) if earlier.strip()), "") if credit else ""
        if credit and _IMAGE_ONLY.match(previous.strip()):
            removed.append(Removed("other", credit.group("credit").strip()))
            continue
        kept.append(line)
    return "\n".join(kept)


def _record_images(paragraph: str, removed: list[Removed]) -> None:
    """A paragraph of images alone shows no text: their alt texts are reported as removed."""
    removed.extend(Removed("other", alt.strip()) for alt in _IMAGE_ALT.findall(paragraph) if alt.strip())


def _text_of_html_block(content: str, removed: list[Removed]) -> list[str]:
    """The text of raw HTML in Markdown: one paragraph per block element, table cells
    parted by "; " as the HTML reader parts them (cells "18" and "000" must not read "18 000")."""
    # A comment left open runs to the end of the block, as CommonMark reads it: reported too.
    for hidden in re.finditer(r"(?is)<(script|style|template|noscript)\b.*?</\1\s*>|<!--.*?(?:-->|\Z)", content):
        folded = " ".join(hidden.group().split())
        if folded not in ("<!-- -->", "<!---->"):
            removed.append(Removed("hidden", folded))
    content = re.sub(r"(?is)<(script|style|template|noscript)\b.*?</\1\s*>", "", content)
    content = re.sub(r"(?s)<!--.*?(?:-->|\Z)", "", content)
    content = re.sub(r"(?i)</t[dh]\s*>", "\x00", content)  # a cell ends: "; " once the blanks are folded
    content = re.sub(r"(?i)</?(?:tr|p|div|li|h[1-6]|table|thead|tbody|br|blockquote|section|ul|ol)\b[^<>]*>", "\n", content)
    content = re.sub(r"<[^<>]*>", " ", content)
    rows = []
    for line in html.unescape(content).split("\n"):
        cells = [" ".join(cell.split()) for cell in line.split("\x00")]
        row = "; ".join(cell for cell in cells if cell)
        if row:
            rows.append(row)
    return rows


# --- title, byline and date at the head of the body ------------------------------------

_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$")
_SETEXT_HEADING = re.compile(r"^([^\n]+)\n {0,3}(=+|-+)[ \t]*$")
# An image alone on its line, maybe linked: "[![avatar](a.png)](https://…/@author)".
_IMAGE_ONLY = re.compile(r"^(?:\[?!\[[^\]\n]{0,500}\]\([^)\n]{0,1000}\)(?:\]\([^)\n]{0,1000}\))?|<img\b[^<>]{0,1000}>)\s*$")
_READING_TIME = re.compile(r"\s*[·•|]\s*\d{1,3}\s*min(?:ute)?s?\s+read\b", re.I)
_FIELD_LINE = re.compile(r"\s[·•|—–]\s")
_POSTED = re.compile(r"^(?:posted|published|updated|publié|publiée|paru|veröffentlicht|publicado|publicada)\b", re.I)
HEAD_PARAGRAPHS = 8
"""The title, subtitle, byline and dateline of a post sit in its first few paragraphs."""
SUBTITLE_SKIPS = 1
"""Paragraphs (a subtitle, a dek) the head may step over on its way to the byline."""
SUBTITLE_MAX = 200
BYLINE_MAX = 160


class _Head:
    def __init__(self, body: str) -> None:
        self.body = body
        self.title: str | None = None
        self.authors: list[str] = []
        self.date: str | None = None
        self.looked = False
        """Whether the document has a title (front matter or first heading) for a byline to follow."""


def _take_head(body: str, known_title: str | None, removed: list[Removed]) -> _Head:
    """Byline and dateline paragraphs under the title go to the metadata (and `removed`)."""
    head = _Head(body)
    parts = body.split("\n\n", HEAD_PARAGRAPHS)
    leading, rest = parts[:HEAD_PARAGRAPHS], parts[HEAD_PARAGRAPHS:]
    head.looked = known_title is not None
    kept: list[str] = []
    skipped = 0
    for index, paragraph in enumerate(leading):
        stripped = paragraph.strip()
        heading = _heading_of(stripped)
        if heading and not head.looked and heading[0] == 1:
            head.title, head.looked = heading[1], True
            kept.append(paragraph)
            continue
        if not head.looked:
            kept.extend(leading[index:])
            break
        if not stripped or stripped == _BREAK_SLOT or _IMAGE_ONLY.match(stripped):
            kept.append(paragraph)
            continue
        found = None if heading else _head_paragraph(stripped)
        if found is not None:
            names, date = found
            head.authors.extend(name for name in names if name not in head.authors)
            head.date = head.date or date
            removed.append(Removed("cover", " ".join(_visible_line(line) for line in stripped.split("\n"))))
            continue
        if "\n" not in stripped and len(stripped) <= SUBTITLE_MAX and skipped < SUBTITLE_SKIPS:
            skipped += 1
            kept.append(paragraph)
            continue
        kept.extend(leading[index:])
        break
    if len(kept) != len(leading):
        head.body = "\n\n".join(kept + rest)
    return head


def _heading_of(paragraph: str) -> tuple[int, str] | None:
    atx = _ATX_HEADING.match(paragraph)
    if atx:
        return len(atx.group(1)), _visible_line(atx.group(2))
    setext = _SETEXT_HEADING.match(paragraph)
    if setext:
        return (1 if setext.group(2)[0] == "=" else 2), _visible_line(setext.group(1))
    return None


def _head_paragraph(paragraph: str) -> tuple[list[str], str | None] | None:
    """(names, date) when every line of the paragraph is a byline or a dateline."""
    names: list[str] = []
    date = None
    for line in paragraph.split("\n"):
        found = _head_line(line)
        if found is None:
            return None
        names.extend(name for name in found[0] if name not in names)
        date = date or found[1]
    return (names, date) if names or date else None


def _head_line(line: str) -> tuple[list[str], str | None] | None:
    """"By Jane Doe", "*Jane Doe, Senior Fellow*", "Date: March 28, 2025", "Par X, le 15 septembre 2009"."""
    plain = _visible_line(line.strip().rstrip("\\")).strip("*_ ")
    plain = _READING_TIME.sub("", plain).strip()
    if not plain or len(plain) > BYLINE_MAX:
        return None
    field = header_field(plain)
    if field:
        key, value = field
        if key == "author":
            names = parse_author_line(f"Author: {value}")
            return (names, None) if names else None
        if key == "date":
            date = find_date(value)
            return ([], date) if date else None
        return ([], None) if key in ("editor", "translator", "illustrator", "publisher") else None
    date = parse_date(plain)
    if date:
        return [], date
    names = parse_author_line(plain)
    if names:
        return names, find_date(plain)
    split = _names_then_date(plain)
    if split:
        return split
    if _FIELD_LINE.search(plain) or _POSTED.match(plain):
        date = find_date(plain)
        if date:
            return [], date
    return None


def _names_then_date(line: str) -> tuple[list[str], str] | None:
    """"Par Jean Dupont, le 15 septembre 2009": the names before a comma, the date after it."""
    pieces = line.split(",")
    for cut in range(len(pieces) - 1, 0, -1):
        date = parse_date(",".join(pieces[cut:]).strip())
        if date:
            names = parse_author_line(",".join(pieces[:cut]))
            return (names, date) if names else None
    return None


_COVER_BLOCKS = 12


def _take_cover(blocks: list[Block], removed: list[Removed]):
    """A converted report's cover: its first short paragraphs (title, authors, publisher, date)."""
    leading = []
    for block in blocks[:_COVER_BLOCKS]:
        if block.kind != PARAGRAPH:
            break
        # A marker's placeholder would hide the full stop that makes a line a sentence.
        leading.append(PLACEHOLDER_PATTERN.sub("", block.text))
    cover = read_cover(leading)
    removed.extend(Removed("cover", text) for text in leading[:cover.lines_used])
    rest = blocks[cover.lines_used:]
    # A call on the cover (the title's "[^1]": "the views expressed are the author's") stays,
    # at the start of the text, as a marker in furniture does: else its note is an orphan.
    calls = "".join(PLACEHOLDER_PATTERN.findall("".join(block.text for block in blocks[:cover.lines_used])))
    if calls:
        first = next((block for block in rest if block.kind in (PARAGRAPH, HEADING)), None)
        if first is None:
            rest = [Block(PARAGRAPH, calls), *rest]
        else:
            first.text = calls + first.text
    return rest, cover
