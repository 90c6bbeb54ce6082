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
        return text if keep_lines else text.replace("\n", " ")
    tokens = inline_parser(allow_html).parseInline(text)
    children = tokens[0].children or [] if tokens else []
    return tokens_to_text(children, keep_lines=keep_lines, emphasis=emphasis)


def tokens_to_text(children: list[Token], *, keep_lines: bool = False, emphasis: bool = False) -> str:
    parts: list[str] = []
    skip_depth = 0
    for token in children:
        kind = token.type
        if kind == "image":
            continue
        if kind == "html_inline":
            tag = token.content.strip().lower()
            if re.match(r"<br\s*/?>", tag):
                parts.append("\n" if keep_lines else " ")
            elif re.match(r"<(script|style)\b", tag):
                skip_depth += 1
            elif re.match(r"</(script|style)\s*>", tag):
                skip_depth = max(0, skip_depth - 1)
            continue
        if skip_depth:
            continue
        if kind in ("text", "code_inline"):
            parts.append(token.content)
        elif kind == "softbreak":
            parts.append("\n" if keep_lines else " ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif emphasis and kind in ("em_open", "em_close", "strong_open", "strong_close"):
            parts.append(EMPHASIS_MARK)
    return "".join(parts)
