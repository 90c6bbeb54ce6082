"""The Markdown of note-taking apps (Obsidian, Foam, Logseq, Dendron): wiki links, embeds, comments.

These apps show `[[Harl Moss]]` as a link reading "Harl Moss", `[[Harl Moss|the moss]]`
as "the moss" and `[[Harl Moss#Drainage]]` as "Harl Moss > Drainage"; `![[map.png|400]]`
embeds a file (no text of the note's own), `%% … %%` is a comment the reading view
hides and a `^block-id` closing a paragraph an anchor. A note's text is what the app shows,
so links become their words; embeds, comments and block ids are reported in `removed`, never dropped. `[[1]](#fn1)` (a link whose text
is "[1]") and `[[3]]` (a bracketed marker) are no wiki links.
"""

from __future__ import annotations

import re

from claimdesk.sources.model import Removed

_WIKI_LINK = re.compile(r"(?<![!\\])\[\[(?!\d{1,4}\]\])(?P<target>[^\[\]\n|]{1,300}?)(?:\|(?P<alias>[^\[\]\n]{1,300}?))?\]\](?!\()")
_EMBED = re.compile(r"!\[\[[^\[\]\n]{1,400}\]\]")
_COMMENT_MARK = "%%"
COMMENT_MAX = 20_000
"""A comment longer than this is no comment: an unclosed "%%" leaves the text as it is."""
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


def has_wiki_markup(body: str) -> bool:
    return "[[" in body or _COMMENT_MARK in body


# Obsidian's block id closing a paragraph or a list item ("… a pile of letters. ^conclusion"),
# which the app never shows: another note links to the block by it.
_BLOCK_ID = re.compile(r"(?<=\S)[ \t]+\^(?P<id>[A-Za-z0-9][A-Za-z0-9-]{0,60})[ \t]*$", re.M)


def take_wiki_markup(text: str, removed: list[Removed]) -> str:
    """`text` (outside code) as the app shows it."""
    if _COMMENT_MARK in text:
        text = _take_comments(text, removed)
    if "[[" not in text:
        return text
    text = _BLOCK_ID.sub(lambda match: _record(removed, "hidden", match.group().strip()), text)
    text = _EMBED.sub(lambda match: _record(removed, "other", match.group()), text)
    return _WIKI_LINK.sub(_link_words, text)


def _link_words(match: re.Match) -> str:
    alias = match.group("alias")
    if alias:
        words = alias.strip()
    else:
        target, _, heading = match.group("target").partition("#")
        words = f"{target.strip()} > {heading.strip().lstrip('^')}" if heading.strip() else target.strip()
    return _MARKDOWN_SPECIAL.sub(r"\\\1", words)


def _take_comments(text: str, removed: list[Removed]) -> str:
    """Drop "%% … %%" spans into removed; found with str.find, so a run of "%%" costs linear time."""
    pieces, cursor = [], 0
    while True:
        start = text.find(_COMMENT_MARK, cursor)
        if start < 0:
            break
        end = text.find(_COMMENT_MARK, start + 2, start + 2 + COMMENT_MAX)
        if end < 0:
            break
        pieces.append(text[cursor:start])
        comment = " ".join(text[start + 2:end].split())
        if comment:
            removed.append(Removed("hidden", comment))
        cursor = end + 2
    pieces.append(text[cursor:])
    return "".join(pieces)


def _record(removed: list[Removed], kind: str, text: str) -> str:
    removed.append(Removed(kind, text))
    return ""
