"""Plain text out of inline Markdown, with footnote placeholders kept in place.

Converters leave Markdown behind even in .txt files (`**bold**`, `\\$5.8 billion`,
`[link](#)`, `<https://…>`). markdown-it-py's inline parser removes all of it the
way a Markdown renderer would, and decodes entities, without ever producing HTML.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

# What can start inline Markdown; a paragraph with none of it is already plain.
# A lone "[" (a translated title in brackets) or "&" is text, not markup.
_MARKDOWN_CHARS = re.compile(r"[*_\\`]|\]\(|\]\[|<[A-Za-z/!?]|&#?\w+;|~~")
EMPHASIS_MARK = "\U000f8000"
"""Stands for an emphasis delimiter in render_inline(emphasis=True); a private-use
character, so a literal "*" in the source is never confused with it."""


@lru_cache(maxsize=2)
def inline_parser(allow_html: bool) -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": allow_html}).enable("strikethrough")


def render_inline(text: str, *, allow_html: bool = False, keep_lines: bool = False, emphasis: bool = False) -> str:
    """Plain text of one paragraph of inline Markdown.

    keep_lines keeps the paragraph's line breaks (lists, verse); otherwise a line
    break inside a paragraph is a space, as a renderer would show it. With
    emphasis, italic and bold spans are wrapped in EMPHASIS_MARK, for the
    reference parser, which reads an italic span as a journal's name.
    """
    if not _MARKDOWN_CHARS.search(text):
        return text if keep_lines else _joined_lines(text)
    tokens = inline_parser(allow_html).parseInline(text)
    children = tokens[0].children or [] if tokens else []
    return tokens_to_text(children, keep_lines=keep_lines, emphasis=emphasis)


# A line that ends in a figure over one that opens with one ("Fax: – 200" / "91. Jahrgang"): joined by a
# space they would read as one figure grouped by a space, 20 091. The break stays.
_SOFT_BREAK = "\x00"
_FIGURE_SOFT_BREAK = re.compile(r"(?<=\d)\x00(?=\d)")


def _joined_lines(text: str) -> str:
    if _SOFT_BREAK in text:
        return text.replace("\n", " ")  # never in a decoded text (textclean); left as it was, should it be
    return _FIGURE_SOFT_BREAK.sub("\n", text.replace("\n", _SOFT_BREAK)).replace(_SOFT_BREAK, " ")


_SUPERSCRIPT_DIGITS = str.maketrans("0123456789-−+", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁻⁺")
_POWER = re.compile(r"[-−+]?\d{1,5}")
_GLUED_SUPERSCRIPT = re.compile(r"(?<=\d)<sup>[ \t]*([-−+]?\d{1,5})[ \t]*</sup>", re.I)


def raise_glued_superscripts(markup: str) -> str:
    """"2019<sup>1</sup>" as "2019¹" before tags are dropped: never the figure "20191"."""
    return _GLUED_SUPERSCRIPT.sub(lambda match: match.group(1).translate(_SUPERSCRIPT_DIGITS), markup)

_EMPHASIS_TOKENS = frozenset({"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"})


def tokens_to_text(children: list[Token], *, keep_lines: bool = False, emphasis: bool = False) -> str:
    parts: list[str] = []
    skip_depth = 0
    marks = ""  # emphasis marks just passed over, kept should they part two digits
    in_superscript = False
    for token in children:
        kind = token.type
        if kind in _EMPHASIS_TOKENS and not emphasis:
            marks += token.markup
            continue
        if marks and kind in ("text", "code_inline") and parts and parts[-1][-1:].isdigit() and token.content[:1].isdigit():
            # "*the 2019*1.": without its mark the year and the call read as one figure, 20191.
            parts.append(marks)
        marks = ""
        if kind == "image":
            continue
        if kind == "html_inline":
            tag = token.content.strip().lower()
            if re.match(r"<sup\s*>", tag):
                in_superscript = True
            elif re.match(r"</sup\s*>", tag):
                in_superscript = False
            if re.match(r"<br\s*/?>", tag):
                parts.append("\n" if keep_lines else " ")
            elif re.match(r"<(script|style)\b", tag):
                skip_depth += 1
            elif re.match(r"</(script|style)\s*>", tag):
                skip_depth = max(0, skip_depth - 1)
            continue
        if skip_depth:
            continue
        if kind == "text" and in_superscript and _POWER.fullmatch(token.content) and parts and parts[-1][-1:].isdigit():
            # "10<sup>-4</sup>", which no marker took: shown raised, as it is, never "10-4" or "104".
            parts.append(token.content.translate(_SUPERSCRIPT_DIGITS))
        elif kind in ("text", "code_inline"):
            parts.append(token.content)
        elif kind == "softbreak":
            parts.append("\n" if keep_lines else _SOFT_BREAK)  # a space, or a break between figures (_joined_lines)
        elif kind == "hardbreak":
            parts.append("\n")
        elif emphasis and kind in ("em_open", "em_close", "strong_open", "strong_close"):
            parts.append(EMPHASIS_MARK)
    text = "".join(parts)
    return _FIGURE_SOFT_BREAK.sub("\n", text).replace(_SOFT_BREAK, " ") if _SOFT_BREAK in text else text
