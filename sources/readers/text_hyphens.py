"""Words a PDF's typesetter hyphenated at a line's end ("con-" / "nection").

Whether such a hyphen was only the typesetter's ("connection") or the word's own
("well-known") the line alone cannot tell. The document can: a word it spells
whole elsewhere, and never with a hyphen, was cut by the typesetter, and reads
whole; any other keeps its hyphen ("coper-tura"), as the source printed it. The
joins are counted, for a warning: a reader may check them.
"""

from __future__ import annotations

import re

_LINE_END_HYPHEN = re.compile(r"(?P<left>[^\W\d_]+)-[ \t]*\n[ \t]*(?P<right>[a-zß-ÿа-яё][^\W\d_]*)")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


class LineEndHyphens:
    def __init__(self, paragraphs: list[str]):
        self._paragraphs = paragraphs
        self._whole: set[str] | None = None
        self._hyphenated: set[str] | None = None
        self.joined = 0

    def join(self, paragraph: str) -> str:
        """The paragraph with its line-end hyphens joined: dropped where the document says so."""
        if "-" not in paragraph:
            return paragraph
        return _LINE_END_HYPHEN.sub(self._joined, paragraph)

    def _joined(self, match: re.Match) -> str:
        left, right = match.group("left"), match.group("right")
        if self._whole is None:
            self._read_words()
        word = (left + right).casefold()
        if word in self._whole and f"{left}-{right}".casefold() not in self._hyphenated:
            self.joined += 1
            return left + right
        return f"{left}-{right}"

    def _read_words(self) -> None:
        # Only words whole on their lines count: a hyphen at a line's end is what is being judged.
        self._whole, self._hyphenated = set(), set()
        for paragraph in self._paragraphs:
            for word in _WORD.findall(_LINE_END_HYPHEN.sub(" ", paragraph)):
                (self._hyphenated if "-" in word else self._whole).add(word.casefold())
