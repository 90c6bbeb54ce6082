"""Character-level clean-up shared by every reader.

What comes out of a PDF converter carries control characters, ANSI colour codes,
soft hyphens, decomposed accents and LaTeX fragments. None of that belongs in the
reading text, and none of it may reach a terminal or a web page as markup.
"""

from __future__ import annotations

import re
import unicodedata

from claimdesk.sources.errors import SourceError
from claimdesk.sources.tex import tex_to_text

_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: titles, hyperlinks
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[@-Z\\-_]"  # two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
# Everything in Cc except tab and newline, plus private-use code points: the
# readers use the private-use planes and tag characters for their own placeholders.
# Soft hyphens, zero-width spaces and tag characters are taken out later, with the bidi
# controls, by the importer, which reports each (claimdesk.sources.inert.strip_hidden).
# The private-use planes go here: claimdesk's own placeholders live there.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\U000f0000-\U0010ffff]")
_INVISIBLE_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def clean_characters(text: str, warnings: list[str] | None = None) -> str:
    """Normalise line ends, drop control characters and ANSI escapes, apply NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # A form feed is a printed page break: it stays, on a line of its own, for the
    # plain-text reader's page map; the other readers treat it as white space.
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\f", "\n\n\f\n\n")
    nul_count = text.count("\x00")
    stripped = _ANSI.sub("", text)
    if warnings is not None and stripped != text:
        warnings.append("ANSI escape sequences removed")
    if warnings is not None and nul_count:
        warnings.append(f"{nul_count} NUL character(s) removed")
    text = _CONTROL.sub("", stripped)
    # Tabs stay: a table of contents is told apart by its tab before the page number.
    text = _INVISIBLE_SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text)


# A soft hyphen where the line breaks, inside a word ("Bun\u00ad" / "desverbands"): the typesetter's
# hyphenation, as a tagged PDF marks it. The word is one word; the line break is no space in it.
_SOFT_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])\u00ad[ \t]*\n[ \t]*(?=[^\W\d_])")


def join_soft_hyphen_breaks(text: str) -> str:
    """The text with each word that a soft hyphen breaks over two lines whole again (the soft hyphen
    itself stays, for the importer to take out and report)."""
    return _SOFT_HYPHEN_BREAK.sub("\u00ad", text) if "\u00ad" in text else text


# A tab, or a run of two or more spaces and tabs; written to start with a character
# class, so that re skips ahead to the next blank instead of trying every position.
_BLANK_RUN = re.compile(r"[ \t](?:[ \t]+|(?<=\t))")


def collapse_spaces(text: str) -> str:
    """One space between words; newlines are kept for the caller to decide."""
    text = _BLANK_RUN.sub(" ", text)
    if "\n" in text:  # no space either side of a newline
        text = "\n".join(line.strip(" ") for line in text.split("\n"))
    return text.strip()


def strip_latex(fragment: str) -> str:
    """Readable text of a TeX fragment: `Cf,\\ \\underline{x}` -> `Cf, x`, `\\sqrt2` -> `√2`.

    Nothing of the source's text is dropped: see claimdesk.sources.tex.
    """
    return tex_to_text(fragment)


# TeX syntax: a command ("\\alpha", "\\ "), a braced script, an empty group.
_LATEX_SYNTAX = re.compile(r"\\[a-zA-Z ,;!|{}]|[\^_]\s*\{|\{\}")  # "\\|b\\|" is a norm: \\| is TeX, not a Markdown escape
# A formula without commands: "x^2", "a_i", "n", "n = 4", "x_1+y_1". Never money,
# which starts with a digit; "$HOME and $" ends in a space, which closes no formula.
_BARE_FORMULA = re.compile(r"[A-Za-z](?:[\w+\-*/<>().,']*[\^_]\w[\w+\-*/=<>().,'^_]*|\s*[=<>]\s*[\w.+\-*/^_]{1,20})?")


def is_latex_residue(fragment: str) -> bool:
    """A `$...$` span is TeX only if it reads as TeX; `$5 and $6` is money.

    TeX has commands, braced scripts or empty groups; without them, only a lone
    letter or a compact script formula ("x^2", "a_i") is math, since amounts start
    with a digit and a span ending in a space closes no formula.
    """
    if _LATEX_SYNTAX.search(fragment):
        return True
    return bool(_BARE_FORMULA.fullmatch(fragment))


# Markers become placeholders from the Unicode private-use plane while a reader
# works, so that inline parsing cannot move or eat them; assembly turns each
# placeholder back into an offset. clean_characters() strips that plane from
# input, so a report cannot forge one.
_PLACEHOLDER_BASE = 0xF0000
PLACEHOLDER_PATTERN = re.compile("[\U000f0000-\U0010fffd]")


PLACEHOLDER_COUNT = 0x10FFFD - _PLACEHOLDER_BASE + 1
"""How many markers and page starts one report can hold (131,070; real reports have thousands)."""


def placeholder(index: int) -> str:
    if index >= PLACEHOLDER_COUNT:
        raise SourceError(f"the file has more than {PLACEHOLDER_COUNT:,} note markers and page starts; "
                          "it is not a report claimdesk can read")
    return chr(_PLACEHOLDER_BASE + index)


def placeholder_index(char: str) -> int:
    return ord(char) - _PLACEHOLDER_BASE
