"""Word-by-word differences between two wordings of a claim.

An editor comparing two claims needs to see at a glance which words one
report changed, added or dropped. Words are compared folded (case, accents,
typographic quotes, trailing punctuation) so that "Peru's" and "Peru’s" or
"units," and "units" do not light up; the spans returned are offsets into the
original texts, so the caller highlights the text the reader actually sees.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance import Indel

_WORD = re.compile(r"\S+")
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")


@dataclass(frozen=True)
class WordSpans:
    """Character spans of the words that differ, in each text."""

    left: list[tuple[int, int]]
    """Spans in the first text with no counterpart in the second."""
    right: list[tuple[int, int]]
    """Spans in the second text with no counterpart in the first."""

    @property
    def identical(self) -> bool:
        return not self.left and not self.right


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return _EDGE_PUNCTUATION.sub("", plain) or plain


def word_differences(left: str, right: str) -> WordSpans:
    """The words of each text that the other does not have, in order.

    An alignment (rapidfuzz's Indel opcodes over folded words), not a bag of
    words: a word moved to another place counts as a difference in both.
    """
    left_words = list(_WORD.finditer(left))
    right_words = list(_WORD.finditer(right))
    opcodes = Indel.opcodes([_fold(m.group()) for m in left_words], [_fold(m.group()) for m in right_words])
    left_spans: list[tuple[int, int]] = []
    right_spans: list[tuple[int, int]] = []
    for op in opcodes:
        if op.tag == "equal":
            continue
        left_spans.extend((m.start(), m.end()) for m in left_words[op.src_start:op.src_end])
        right_spans.extend((m.start(), m.end()) for m in right_words[op.dest_start:op.dest_end])
    return WordSpans(_joined(left_spans, left), _joined(right_spans, right))


def _joined(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Neighbouring words merge into one span (the space between them included)."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not text[merged[-1][1]:start].strip():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
