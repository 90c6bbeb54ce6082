"""Markup of Markdown dialects that shows no text of its own, and pandoc's inline notes.

- kramdown (Jekyll's default) attaches attributes in braces: a line "{: .notice--info}"
  or "{: #samochod}" after a block, "{:toc}"; and defines abbreviations as
  "*[GUS]: Główny Urząd Statystyczny" (shown only as a tooltip).
- Liquid, Jekyll's templates: "{{ site.baseurl }}" and "{% include figure … %}".
- LaTeX commands on a line of their own in R Markdown and pandoc sources: "\\newpage".
- pandoc's inline footnotes, "^[The text of the note.]", are notes like "[^1]".
- highlights, "==marked words==" (HackMD, Obsidian, Typora, markdown-it-mark): the words stay,
  the marks go; HackMD's "[name=…]", "[time=…]", "[color=…]" tags show no text of their own.
- Hashnode's image alignment, "![alt](https://cdn.hashnode.com/… align="center")", which
  CommonMark does not read as an image: the attribute goes, the image is read.
- MultiMarkdown's table caption, "[Table 1: …]" on the line under a table: the caption's
  words, a paragraph of their own.

Markup goes to `removed` ("hidden", or "other" where it may hold words a reader sees,
like a figure's caption in an include), never silently; an inline note becomes a
footnote definition at the end of the text, so every reader of notes sees it.
"""

from __future__ import annotations

import re

from claimdesk.sources.model import Removed

# An attribute list glued to the link it styles counts too: "[Back to top](#top){: .btn .btn-outline }".
_KRAMDOWN_IAL = re.compile(r"^[ \t]{0,3}\{:[^{}\n]{0,300}\}[ \t]*$|(?:[ \t]|(?<=[)\]]))\{:[ \t]*[.#][^{}\n]{0,200}\}[ \t]*$", re.M)
# kramdown's generated table of contents: a one-item list "1. TOC" (or "* TOC") over "{:toc}",
# which Just the Docs wraps in <details> with a "Table of contents" summary. The page's own
# headings are its contents; the placeholder is none of the text.
_KRAMDOWN_TOC = re.compile(
    r"^[ \t]*<details\b[^>\n]*>[ \t]*\n[ \t]*<summary>[^<]{0,80}</summary>[ \t]*\n(?:[ \t]*\{:[^{}\n]{0,100}\}[ \t]*\n)?"
    r"[ \t]{0,3}(?:[*+-]|1\.)[ \t]+TOC[ \t]*\n[ \t]{0,3}\{:[ \t]*toc[ \t]*\}[ \t]*\n[ \t]*</details>[ \t]*$"
    r"|^[ \t]{0,3}(?:[*+-]|1\.)[ \t]+TOC[ \t]*\n[ \t]{0,3}\{:[ \t]*toc[ \t]*\}[ \t]*$", re.M | re.I)
# A docs page's link back to its own top, alone on its line.
_BACK_TO_TOP = re.compile(r"^[ \t]{0,3}\[(?:back to top|to top|nach oben|zurück nach oben|retour en haut|haut de page|volver arriba)"
                          r"[ \t↑⬆^]*\]\(#[^()\s]*\)[ \t]*$", re.M | re.I)
_ABBREVIATION = re.compile(r"^[ \t]{0,3}\*\[[^\]\n]{1,100}\]:[^\n]{0,300}$", re.M)
_LIQUID = re.compile(r"\{\{(?![<%])[^{}\n]{1,300}\}\}|\{%(?!\s*%\})[^{}\n]{1,500}%\}")
_TEX_COMMAND_LINE = re.compile(r"^[ \t]*\\(?:newpage|clearpage|pagebreak|tableofcontents|listoffigures|listoftables|appendix|noindent)[ \t]*$", re.M)
_HIGHLIGHT = re.compile(r"(?<![=\w])==(?=[^\s=])(?P<text>[^=\n]{1,500}?)(?<=[^\s=])==(?![=\w])")
_HACKMD_TAG = re.compile(r"\[(?:name|time|color)=[^\]\n]{0,100}\]")
_HASHNODE_IMAGE_ALIGN = re.compile(r"(?P<image>!\[[^\]\n]{0,500}\]\([^\s()\n]{1,2000})(?P<align>\s+align=\"(?:left|center|right)\")\)")
_MMD_TABLE_CAPTION = re.compile(r"^(?P<row>[ \t]{0,3}\|[^\n]*\|)[ \t]*\n[ \t]{0,3}\[(?P<caption>[^\]\n]{1,300})\](?:\[[^\]\n]{0,100}\])?[ \t]*$", re.M)
INLINE_NOTE_MAX = 5000
"""Characters an inline note may hold before its "]": an unclosed "^[" stays text."""


def has_dialect_markup(body: str) -> bool:
    return ("{:" in body or "*[" in body or "{{" in body or "{%" in body or "\\" in body or "^[" in body or "==" in body
            or "=" in body and _HACKMD_TAG.search(body) is not None or "|\n[" in body or ' align="' in body)


def take_kramdown_toc(text: str, removed: list[Removed]) -> str:
    """`text` without kramdown's table-of-contents placeholder (before any other markup is read:
    its "{:toc}" and "{: .text-delta }" are the placeholder's, not attributes of their own)."""
    if "{:" not in text:
        return text
    return _KRAMDOWN_TOC.sub(lambda match: removed.append(Removed("contents", " ".join(match.group().split()))) or "", text)


def take_dialect_markup(text: str, removed: list[Removed]) -> str:
    """`text` (outside code) without the markup above; inline notes are left for lift_inline_notes."""
    def hidden(match: re.Match) -> str:
        removed.append(Removed("hidden", match.group().strip()))
        return ""

    def other(match: re.Match) -> str:
        return template_call_taken(match, removed)

    if "{:" in text:
        text = _KRAMDOWN_IAL.sub(hidden, text)
        text = _BACK_TO_TOP.sub(lambda match: removed.append(Removed("navigation", match.group().strip())) or "", text)
    if "*[" in text:
        text = _ABBREVIATION.sub(other, text)
    if "{{" in text or "{%" in text:
        text = _LIQUID.sub(other, text)
    if "\\" in text:
        text = _TEX_COMMAND_LINE.sub(hidden, text)
    if ' align="' in text:
        text = _HASHNODE_IMAGE_ALIGN.sub(lambda m: removed.append(Removed("hidden", m.group("align").strip())) or f"{m.group('image')})", text)
    if "=" in text:
        text = _HACKMD_TAG.sub(hidden, text)
        text = _HIGHLIGHT.sub(lambda m: m.group("text"), text)
    if "|" in text:
        text = _MMD_TABLE_CAPTION.sub(lambda m: f"{m.group('row')}\n\n{m.group('caption')}", text)
    return text


# A figure's caption in a template call: Hugo's {{< figure caption="…" >}}, Zola's
# {{ figure(caption="…") }}, Jekyll's {% include figure.html caption="…" %}.
_CAPTION = re.compile(r"""\bcaption\s*=\s*(?:"(?P<double>(?:[^"\\\n]|\\.){1,500})"|'(?P<single>(?:[^'\\\n]|\\.){1,500})')""")
_ESCAPED = re.compile(r"\\(.)")


def template_call_taken(match: re.Match, removed: list[Removed]) -> str:
    """What stands in the text for a template call: nothing, or its figure's caption, which
    the page shows under the figure, as a paragraph of its own when the call had its line.
    The call itself goes to `removed`."""
    call = match.group()
    removed.append(Removed("other", call.strip()))
    caption = _CAPTION.search(call)
    text = match.string
    alone = (match.start() == 0 or text[match.start() - 1] == "\n") and (match.end() == len(text) or text[match.end()] == "\n")
    if caption is None or not alone:
        return ""
    return _ESCAPED.sub(r"\1", caption.group("double") or caption.group("single") or "").strip()


def lift_inline_notes(text: str) -> str:
    """"…period.^[The note.]" becomes "…period.[^inline-1]", and "[^inline-1]: The note." is
    appended. Brackets are paired by one pass over the text, so a run of "^[" costs linear time."""
    if "^[" not in text:
        return text
    closing = _bracket_pairs(text)
    pieces: list[str] = []
    notes: list[str] = []
    cursor = 0
    # pandoc numbers every note in the order it is called; where all of them are inline,
    # so do we ("1", "2"…). Beside "[^label]" notes, inline ones are named "inline-1"…
    numbered = "[^" not in text
    start = text.find("^[", cursor)
    while start >= 0:
        end = closing.get(start + 1)
        if end is None or end - start > INLINE_NOTE_MAX:
            start = text.find("^[", start + 2)
            continue
        label = str(len(notes) + 1) if numbered else f"inline-{len(notes) + 1}"
        pieces.append(text[cursor:start] + f"[^{label}]")
        notes.append(f"[^{label}]: " + " ".join(text[start + 2:end].split()))
        cursor = end + 1
        start = text.find("^[", cursor)
    pieces.append(text[cursor:])
    if not notes:
        return text
    return "".join(pieces).rstrip("\n") + "\n\n" + "\n\n".join(notes) + "\n"


def _bracket_pairs(text: str) -> dict[int, int]:
    """Position of each "[" -> its "]", within a paragraph (a blank line closes every bracket)."""
    pairs: dict[int, int] = {}
    open_at: list[int] = []
    position, length = 0, len(text)
    while position < length:
        char = text[position]
        if char == "\\":
            position += 2
            continue
        if char == "[":
            open_at.append(position)
        elif char == "]" and open_at:
            pairs[open_at.pop()] = position
        elif char == "\n" and text.startswith("\n", position + 1):
            open_at.clear()
        position += 1
    return pairs


# R Markdown and Quarto code chunks: "```{r setup, include=FALSE}". knitr shows a chunk's
# code unless its options (or the document's opts_chunk$set) say echo=FALSE / include=FALSE.
_CHUNK_OPEN = re.compile(r"^[ \t]{0,3}(`{3,})[ \t]*\{(?P<engine>[a-zA-Z]\w*)(?P<options>[^}\n]{0,300})\}[ \t]*$")
_ECHO_OFF = re.compile(r"\b(?:echo|include)\s*=\s*(?:FALSE|F|false)\b")
_ECHO_ON = re.compile(r"\becho\s*=\s*(?:TRUE|T|true)\b")
_GLOBAL_ECHO_OFF = re.compile(r"opts_chunk\$set\([^)]{0,500}?\becho\s*=\s*(?:FALSE|F)\b")
_QUARTO_ECHO_OFF = re.compile(r"^#\|\s*(?:echo|include)\s*:\s*false\s*$", re.M)


def take_hidden_chunks(body: str, removed: list[Removed]) -> str:
    """Code chunks the rendered document does not show, out to `removed` ("hidden")."""
    if "```{" not in body:
        return body
    global_off = bool(_GLOBAL_ECHO_OFF.search(body))
    lines = body.split("\n")
    kept: list[str] = []
    index = 0
    while index < len(lines):
        opening = _CHUNK_OPEN.match(lines[index])
        if not opening:
            kept.append(lines[index])
            index += 1
            continue
        fence = opening.group(1)
        end = next((i for i in range(index + 1, len(lines)) if lines[i].strip().startswith(fence) and not lines[i].strip().strip("`")), None)
        if end is None:
            kept.append(lines[index])
            index += 1
            continue
        chunk = lines[index:end + 1]
        options = opening.group("options")
        code = "\n".join(chunk[1:-1])
        hidden = bool(_ECHO_OFF.search(options) or _QUARTO_ECHO_OFF.search(code)
                      or (global_off and not _ECHO_ON.search(options)) or "opts_chunk$set" in code)
        if hidden:
            removed.append(Removed("hidden", " ".join(" ".join(chunk).split())))
        else:
            kept.extend(chunk)
        index = end + 1
    return "\n".join(kept)
