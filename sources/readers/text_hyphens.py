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


class LineEndHyphens:
    def __init__(self, paragraphs: list[str]):
        self._paragraphs = paragraphs
        self._text: str | None = None
        self._seen: dict[str, bool] = {}
        self.joined = 0

    def join(self, paragraph: str) -> str:
        """The paragraph with its line-end hyphens joined: dropped where the document says so."""
        if "-" not in paragraph or "\n" not in paragraph:
            return paragraph
        return _LINE_END_HYPHEN.sub(self._joined, paragraph)

    def _joined(self, match: re.Match) -> str:
        left, right = match.group("left"), match.group("right")
        if self._spelt(left + right) and not self._spelt(f"{left}-{right}"):
            self.joined += 1
            return left + right
        return f"{left}-{right}"

    def _spelt(self, word: str) -> bool:
        """Does the document spell this word so, as a whole word, anywhere?

        A hyphen cut at a line's end never spells it ("em-" / "ployment" holds no
        "employment" and no "em-ployment"). One search a distinct word, in C: a large
        document costs a scan per word in question, not a list of all its words."""
        word = word.casefold()
        if word not in self._seen:
            if self._text is None:
                self._text = "\n".join(self._paragraphs).casefold()
            self._seen[word] = _whole_word_in(self._text, word)
        return self._seen[word]


def _whole_word_in(text: str, word: str) -> bool:
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        if (start == 0 or not text[start - 1].isalpha()) and (end == len(text) or not text[end].isalpha()):
            return True
        start = text.find(word, start + 1)
    return False
