"""Anchoring a claim in a report's reading text, and finding it again.

A claim is stored as Hypothesis stores an annotation: a position (W3C
TextPositionSelector) and a quote with 32 characters of context on each side
(TextQuoteSelector). When a report's text changes, the claim is looked for in a
cascade — the old position if the quote is still there, the exact quote nearest
the old position, the quote with white space and quote marks forgiven, then a
fuzzy search — and the method that found it is recorded so a person can check.
What cannot be found is an orphan: kept, listed, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

CONTEXT_CHARS = 32
FUZZY_MIN_SCORE = 85.0

# Characters a quote may be typed with, and the forms a report may hold instead.
_EQUIVALENT = {
    '"': "\"“”„‟«»",
    "“": "\"“”„‟«»",
    "”": "\"“”„‟«»",
    "'": "'‘’‚‛`´",
    "‘": "'‘’‚‛`´",
    "’": "'‘’‚‛`´",
    "-": "-‐‑‒–—",
    "–": "-‐‑‒–—",
    "—": "-‐‑‒–—",
}


class QuoteNotFound(LookupError):
    pass


@dataclass
class Anchor:
    start: int
    end: int
    status: str
    """"anchored" (same place), "moved" (found elsewhere) or "orphaned"."""
    method: str
    """How it was found: "position", "quote", "forgiving", "fuzzy 91", or "not found"."""


def quote_pattern(quote: str) -> re.Pattern:
    """A pattern that finds the quote whatever its white space and quote marks."""
    parts = []
    for token in re.split(r"(\s+)", quote.strip()):
        if not token:
            continue
        if token.isspace():
            parts.append(r"\s+")
            continue
        parts.append("".join(f"[{re.escape(_EQUIVALENT[c])}]" if c in _EQUIVALENT else re.escape(c) for c in token))
    return re.compile("".join(parts))


def find_quote(text: str, quote: str, occurrence: int = 1) -> tuple[int, int]:
    """Span of the occurrence-th appearance of quote; QuoteNotFound if there is none."""
    if not quote.strip():
        raise QuoteNotFound("the quote is empty")
    if occurrence < 1:
        raise QuoteNotFound("--occurrence counts from 1")
    found = 0
    for match in quote_pattern(quote).finditer(text):
        found += 1
        if found == occurrence:
            return match.start(), match.end()
    if found:
        raise QuoteNotFound(f"the quote occurs {found} time(s) in the report, not {occurrence}")
    raise QuoteNotFound("the quote is not in the report's reading text")


def context(text: str, start: int, end: int) -> tuple[str, str]:
    """Prefix and suffix: up to 32 characters on each side."""
    return text[max(0, start - CONTEXT_CHARS):start], text[end:end + CONTEXT_CHARS]


def reanchor(text: str, quote: str, prefix: str, suffix: str, old_start: int) -> Anchor:
    """Find a claim again in a revised text."""
    length = len(quote)
    if text[old_start:old_start + length] == quote:
        return Anchor(old_start, old_start + length, "anchored", "position")
    exact = [m.start() for m in re.finditer(re.escape(quote), text)] if quote else []
    if exact:
        best = min(exact, key=lambda s: _placement_cost(text, s, length, prefix, suffix, old_start))
        return Anchor(best, best + length, "moved", "quote")
    forgiving = [(m.start(), m.end()) for m in quote_pattern(quote).finditer(text)] if quote.strip() else []
    if forgiving:
        start, end = min(forgiving, key=lambda span: _placement_cost(text, span[0], span[1] - span[0], prefix, suffix, old_start))
        return Anchor(start, end, "moved", "forgiving")
    return _fuzzy(text, quote, old_start)


def _placement_cost(text: str, start: int, length: int, prefix: str, suffix: str, old_start: int) -> float:
    """Hypothesis' weighting: context agreement first, closeness to the old place second."""
    before, after = context(text, start, start + length)
    agreement = fuzz.ratio(before, prefix) * 20 + fuzz.ratio(after, suffix) * 20
    closeness = 2 * 100 * (1 - min(1.0, abs(start - old_start) / max(1, len(text))))
    return -(agreement + closeness)


def _fuzzy(text: str, quote: str, old_start: int) -> Anchor:
    """Best approximate match, first near the old place, then anywhere."""
    if not quote.strip() or not text:
        return Anchor(old_start, old_start + len(quote), "orphaned", "not found")
    window = max(2000, len(quote) * 20)
    regions = [(max(0, old_start - window), min(len(text), old_start + len(quote) + window)), (0, len(text))]
    for low, high in regions:
        alignment = fuzz.partial_ratio_alignment(quote, text[low:high])
        if alignment and alignment.score >= FUZZY_MIN_SCORE:
            start, end = low + alignment.dest_start, low + alignment.dest_end
            start, end = _widen_to_words(text, start, end)
            return Anchor(start, end, "moved", f"fuzzy {alignment.score:.0f}")
        if (low, high) == (0, len(text)):
            break
    return Anchor(old_start, old_start + len(quote), "orphaned", "not found")


def _widen_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and end > 0 and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end
