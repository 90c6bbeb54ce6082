"""Untrusted text made inert: nothing in it may drive a terminal, reorder what is
shown, or hide in plain sight.

Notes, entity names, imported annotations, report titles and quotes come from
people and files we do not control. A note holding an OSC 52 escape writes the
clipboard of whoever opens it in the terminal UI; an OSC 0 escape renames the
window; a right-to-left override makes "gnp.exe" read "exe.png"; a zero-width
space makes two names that look alike compare different. This module is the one
definition of those characters, applied twice:

- at input (`clean_input`): notes, entity names and annotations are stored
  without them, and the caller warns with the offsets that were removed;
- at every output (`inert_for_terminal` for the CLI and the terminal UI,
  `inert_data` for the exports, `inert_in_place` where a view maps offsets),
  so that a store written before this existed, or by another program, cannot
  get one through either.

What is removed:

- escape sequences whole when they are complete (CSI such as colours and cursor
  moves, OSC such as titles, hyperlinks and the clipboard, DCS/SOS/PM/APC
  strings, two- and three-character ESC sequences), in their 7-bit and 8-bit
  forms; an unterminated one loses only its introducer, so no word after it is
  swallowed;
- every other C0 control but tab and newline, DEL, and every C1 control;
- bidirectional embeddings, overrides, isolates and marks (U+202A-202E,
  U+2066-2069, U+200E, U+200F, U+061C);
- invisible characters: zero-width space, word joiner, invisible operators,
  zero-width no-break space (BOM), soft hyphen, Mongolian vowel separator,
  interlinear annotation controls, tag characters.

Line ends are normalised rather than removed: CR LF and a lone CR, VT, FF, NEL
and the Unicode line and paragraph separators become a newline, so that two
lines never run into one word.

Zero-width joiner and non-joiner are real letters' business in Persian, Arabic,
the Indic scripts and emoji sequences ("می‌خواهم", "क्‍ष", "👩‍⚕️"): they are kept
between two characters of such scripts (or two symbols) and removed elsewhere,
where they only serve to make "pay\u200dpal" differ from "paypal".

Every pattern here runs in time linear in its input: the body of a string
sequence cannot contain another introducer, so no scan starts twice over the
same characters.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any, NamedTuple

REPLACEMENT = "\ufffd"

# Introducers and terminators that end a sequence's body; excluding all of them
# from the body keeps every scan from running into the next sequence.
_BODY = r"[^\x07\x18\x1a\x1b\x80-\x9f]"
_SEQUENCE = (
    r"(?:\x1b\[|\x9b)[0-?]{0,64}[ -/]{0,2}[@-~]"  # CSI: colours, cursor moves, erasing
    rf"|(?:\x1b\]|\x9d){_BODY}*(?:\x07|\x1b\\|\x9c)"  # OSC: window title, hyperlink, clipboard
    rf"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f]){_BODY}*(?:\x1b\\|\x9c)"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]{0,2}[0-Z\\-~]"  # ESC c (reset), ESC 7, ESC ( B ...
)
_LINE_BREAK = r"\r\n?|[\x0b\x0c\x85\u2028\u2029]"
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_INVISIBLE = "\u00ad\u180e\u200b\u2060-\u2064\ufeff\ufff9-\ufffb\U000e0000-\U000e007f"
_CONTROL = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"  # tab, newline and the line breaks above are handled apart
_JOINERS = "\u200c\u200d"

_UNSAFE = re.compile(
    f"(?P<sequence>{_SEQUENCE})|(?P<line>{_LINE_BREAK})|(?P<char>[{_CONTROL}{_BIDI}{_INVISIBLE}])|(?P<joiner>[{_JOINERS}])"
)
_ANY = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}{_INVISIBLE}{_JOINERS}\u2028\u2029]")
_SINGLE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}{_INVISIBLE}\u2028\u2029]|(?P<joiner>[{_JOINERS}])")


class Cleaned(NamedTuple):
    """Text with the unsafe characters taken out, and where they were."""

    text: str
    removed: list[tuple[int, int]]
    """(start, end) of each removed piece, as offsets into the text given."""

    def describe(self, what: str) -> str:
        """One warning line: "note: 2 control or invisible character(s) removed (at 4, 17)"."""
        where = ", ".join(str(start) for start, _end in self.removed[:10])
        more = f" and {len(self.removed) - 10} more" if len(self.removed) > 10 else ""
        count = sum(end - start for start, end in self.removed)
        return f"{what}: {count} control, escape, bidi or invisible character(s) removed (at offset {where}{more})"


def _joins(char: str) -> bool:
    """A character next to which a zero-width (non-)joiner is a real letter's business."""
    category = unicodedata.category(char)
    code = ord(char)
    if category[0] in "LM":
        # Scripts from Hebrew on (Arabic, Syriac, the Indic and South-East Asian
        # scripts, CJK), but not the Latin and Greek extensions in between.
        return code >= 0x0590 and not 0x1E00 <= code <= 0x1FFF
    return category in ("So", "Sk") and code >= 0x2000  # emoji and their modifiers


def _joiner_kept(text: str, index: int) -> bool:
    return 0 < index < len(text) - 1 and _joins(text[index - 1]) and _joins(text[index + 1])


def clean_input(text: str) -> Cleaned:
    """The text as it may be stored, and the spans removed from it (see the module)."""
    if not _ANY.search(text):
        return Cleaned(text, [])
    return _cleaned(_UNSAFE, text)


def _cleaned(pattern: re.Pattern, text: str) -> Cleaned:
    """Remove what `pattern` finds (line breaks become newlines; joiners stay where a script needs them)."""
    removed: list[tuple[int, int]] = []

    def replace(match: re.Match) -> str:
        if match.lastgroup == "line":
            return "\n"
        if match.lastgroup == "joiner" and _joiner_kept(text, match.start()):
            return match.group()
        removed.append(match.span())
        return ""

    return Cleaned(pattern.sub(replace, text), removed)


_HIDDEN_ONLY = re.compile(f"(?P<char>[{_BIDI}{_INVISIBLE}])|(?P<joiner>[{_JOINERS}])")
_ANY_HIDDEN = re.compile(f"[{_BIDI}{_INVISIBLE}{_JOINERS}]")
"""One character class: scanning 10 MB with it takes a seventh of the time the alternation does."""


def strip_hidden(text: str) -> Cleaned:
    """Only the bidi and invisible characters out (and joiners where no script needs them):
    for a report's text, whose controls and line ends the importer treats itself (a form
    feed there is a printed page break, not a line end)."""
    if not _ANY_HIDDEN.search(text):
        return Cleaned(text, [])
    return _cleaned(_HIDDEN_ONLY, text)


def inert_for_terminal(text: Any) -> str:
    """Text that can be printed to a terminal as it is: the same rule as clean_input."""
    if text is None:
        return ""
    text = str(text)
    return clean_input(text).text if _ANY.search(text) else text


def inert_in_place(text: str) -> str:
    """The same length, each unsafe character shown as U+FFFD (a CR as a space).

    For views that map offsets into the text (the reader's cursor, selections,
    claims' spans): removing characters there would move every offset after them.
    An escape sequence is harmless once its introducer is gone, so its other
    characters stay visible as the text they are.
    """
    if not _ANY.search(text):
        return text

    def replace(match: re.Match) -> str:
        if match.lastgroup == "joiner" and _joiner_kept(text, match.start()):
            return match.group()
        return " " if match.group() == "\r" else REPLACEMENT

    return _SINGLE.sub(replace, text)


# Every unsafe character but the soft hyphen (which terminals draw one cell wide)
# takes no cell in a terminal: removing them from text already laid out in cells
# moves nothing on the screen.
_NO_CELL_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}{_INVISIBLE.replace(chr(0xAD), '')}\u2028\u2029]")


def inert_cells(text: str) -> str:
    """Text laid out in terminal cells with its unsafe characters removed, one by one.

    For the last step before a screen is drawn (the terminal UI's line filter):
    an escape sequence whose introducer is gone is only text, and since every
    character removed here is zero cells wide, the layout is exactly the same.
    """
    return _NO_CELL_UNSAFE.sub("", text) if _NO_CELL_UNSAFE.search(text) else text


def inert_data(value: Any) -> Any:
    """Every string inside a JSON-like value made inert (inert_for_terminal), IN
    PLACE: dicts and lists are changed, not copied; a tuple inside one is
    replaced. Returns the value (a string, cleaned, if it was one).

    An export walks every string of 100,000 claims with this, so it is written
    for speed: no recursion, and a printable ASCII string (most of them) is
    passed by two C-level checks without a regular expression.
    """
    if isinstance(value, str):
        return _inert_string(value)
    stack = [value] if isinstance(value, (dict, list)) else []
    while stack:
        node = stack.pop()
        for key, item in node.items() if type(node) is dict else enumerate(node):  # values only are replaced
            kind = type(item)
            if kind is str:
                if not (item.isascii() and item.isprintable()) and _ANY.search(item):
                    node[key] = inert_for_terminal(item)
            elif kind is dict or kind is list:
                stack.append(item)
            elif kind is tuple:
                node[key] = tuple(_inert_string(part) if type(part) is str else part for part in item)
    return value


def _inert_string(text: str) -> str:
    return text if text.isascii() and text.isprintable() else inert_for_terminal(text)


# In JSON, these characters can only stand inside strings, where a \uXXXX
# escape means the same: the data decoded is exactly the data given, and no
# unsafe character stands in the file itself (json.dumps already escapes C0).
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_BIDI}{_INVISIBLE}{_JOINERS}\u2028\u2029]")
# Escaped as well for embedding: the document can then sit in an HTML
# <script type="application/ld+json"> element (no "</script" or "<!--" in it).
_JSON_EMBEDDING_UNSAFE = re.compile(f"[<>&\x7f-\x9f{_BIDI}{_INVISIBLE}{_JOINERS}\u2028\u2029]")


def _json_escape(match: re.Match) -> str:
    encoded = match.group().encode("utf-16-be")  # a surrogate pair for the tag characters
    return "".join(f"\\u{int.from_bytes(encoded[i:i + 2], 'big'):04x}" for i in range(0, len(encoded), 2))


def json_for_terminal(document: Any, *, indent: int | None = 2) -> str:
    """JSON text with every unsafe character written as a \\uXXXX escape: printable as it is."""
    return _JSON_UNSAFE.sub(_json_escape, json.dumps(document, ensure_ascii=False, indent=indent))


def json_for_embedding(document: Any, *, indent: int | None = 2) -> str:
    """JSON that is safe inside an HTML <script> element: <, >, & written \\u003c, \\u003e,
    \\u0026 (so "</script" never appears), and every unsafe character escaped too."""
    return _JSON_EMBEDDING_UNSAFE.sub(_json_escape, json.dumps(document, ensure_ascii=False, indent=indent))
