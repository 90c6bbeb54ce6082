"""Which footnotes a claim cites: the markers inside it or right after its sentence."""

from __future__ import annotations

import bisect

# A marker may stand a few characters past the sentence's end: after a closing
# quote or bracket that the sentence splitter kept outside.
_SLACK = 3


def citations_for_span(
    start: int, end: int, markers: list[tuple[int | str, int]], sentences: list[tuple[int, int]]
) -> list[int | str]:
    """Footnote labels whose markers fall inside [start, end] or right after the
    end of the sentence that holds the claim's end, in text order, each once."""
    sentence_end = end
    ends = [e for _, e in sentences]
    index = bisect.bisect_left(ends, end)
    if index < len(sentences) and sentences[index][0] < end:
        sentence_end = sentences[index][1]
    next_start = sentences[index + 1][0] if index + 1 < len(sentences) else None
    limit = sentence_end + _SLACK
    if next_start is not None:
        limit = min(limit, next_start)
    # "…in 2015 [1]." puts the marker just before the final period.
    tail_start = max(end, sentence_end - 2)
    found: list[int | str] = []
    for label, offset in sorted(markers, key=lambda item: item[1]):
        inside = start <= offset <= end
        after_sentence = tail_start <= offset <= max(limit, tail_start)
        if (inside or after_sentence) and label not in found:
            found.append(label)
    return found
