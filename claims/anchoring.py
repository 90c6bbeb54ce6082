"""Anchoring a claim in a report's reading text, and finding it again.

A claim is stored as Hypothesis stores an annotation: a position (W3C
TextPositionSelector) and a quote with 32 characters of context on each side
(TextQuoteSelector). When a report's text changes, the claim is looked for in a
cascade — the old position if the quote is still there, the exact quote nearest
the old position, the quote with white space and quote marks forgiven, then a
fuzzy search — and the method that found it is recorded so a person can check.

Finding is not enough: a candidate is only taken when it matches the old quote
within its method's tolerance *and* sits in the old quote's context (see
_context_agrees), so that a short quote that also appears elsewhere, or a
sentence like the deleted one, never receives the claim. What no candidate
passes is an orphan: kept, listed, never dropped, never moved. And every
anchor says whether its words and figures are still those of the old quote
(`exact`); when they are not, the figures that changed are listed, so that a
verdict is never carried silently onto a different figure.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from claimdesk.claims.figures import figure_differences, figures

CONTEXT_CHARS = 32
FUZZY_MIN_SCORE = 85.0
"""How alike (rapidfuzz ratio, 0-100) a fuzzy match must be to the whole old quote."""
FUZZY_IN_PLACE_SCORE = 60.0
"""...when the old context agrees on both sides: the words between are the claim's,
reworded ("would count nearly 100 units by 2030" -> "close to 100" scores 84; a
short quote with a clause inserted into it, 27 characters into 54, scores 67)."""
FUZZY_MIN_QUOTE_CHARS = 30
"""A shorter quote moves by fuzzy match only between its own context, or when
only its spacing changed ("3%" -> "3 %"): two words differ from two other words
by a letter or two ("Ordered aircraft", "ordered aircraft"), so elsewhere a near
match of them is a coincidence, not the claim."""
CONTEXT_MIN_SCORE = 75.0
"""How well one side of the old context must reappear around a candidate.

Each side (32 characters) is looked for in a window twice as wide on the same
side of the candidate (rapidfuzz partial_ratio), so text inserted right next to
the quote does not hide it. Measured on the Ifri report, 3,000 random pairs of
places score a median 42, 99% under 60, 99.9% under 69: 75 is above what
unrelated text reaches, and a side with a word or two changed still scores
80-95."""
MIN_CONTEXT_EVIDENCE = 5
"""A side of context shorter than this (the quote starts the text) says nothing."""
DISTINCTIVE_QUOTE_CHARS = 40
"""A quote this long that matches only once may move to new surroundings."""
UNIQUE_QUOTE_CHARS = 20
"""...and a shorter one too, down to this, if it was also once in the old text."""
VERBATIM_FUZZY_SCORE = 95.0
"""...when it matches verbatim, or fuzzily at least this well (always for review)."""
EXACT_METHODS = ("position", "quote")
"""Methods that find the old quote character for character."""

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
    """How it was found: "position", "quote", "forgiving", "fuzzy 91", or "not found";
    ", new context" is added when only a distinctive quote's own words placed it."""
    figures: list[dict] = field(default_factory=list)
    """Figures that differ from the old quote's: {"where": "quote"|"before"|"after",
    "old": str|None, "new": str|None}; "before"/"after" are the words around it."""
    context: tuple[float, float] | None = None
    """How well the old prefix and suffix reappear around the new place, 0-100
    (None for a side that gave no evidence, and for orphans)."""
    refused: list[str] = field(default_factory=list)
    """Candidates that were found and not taken, and why (for the record)."""

    @property
    def exact(self) -> bool:
        """The old quote's words, in its own context, with the figures around it unchanged."""
        return self.status != "orphaned" and self.method in EXACT_METHODS and not self.figures

    @property
    def needs_review(self) -> bool:
        """Found, but not exactly: a verdict on the old words does not cover these."""
        return self.status != "orphaned" and not self.exact


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


def reanchor(text: str, quote: str, prefix: str, suffix: str, old_start: int, old_text: str | None = None) -> Anchor:
    """Find a claim again in a revised text: the first candidate, in the cascade's
    order, that passes its method's tolerance; else an orphan at the old place.

    old_text, the text the claim was made on, if known, lets a quote that was
    once in the old text and is once in the new be placed by its words alone.
    """
    if old_text is not None and old_text[old_start:old_start + len(quote)] != quote:
        old_text = None  # not the text this quote was taken from
    old = _OldPlace(quote, prefix, suffix, old_start, old_text)
    refused: list[str] = []
    tried: set[tuple[int, int]] = set()
    for method, start, end, count in _candidates(text, quote, prefix, suffix, old_start):
        if (start, end) in tried:
            continue
        tried.add((start, end))
        found = _judge(text, old, method, start, end, count, refused)
        if found is not None:
            found.refused = refused
            return found
    return Anchor(old_start, old_start + len(quote), "orphaned", "not found", refused=refused)


_WHITE_SPACE = re.compile(r"\s+")

# How many places of one method are judged at most (best placed first): a quote
# that occurs more often is placed by its context among these, or not at all.
_MAX_CANDIDATES = 50


def _candidates(text: str, quote: str, prefix: str, suffix: str, old_start: int):
    """(method, start, end, how many places this method found), best first."""
    if not quote.strip() or not text:
        return
    length = len(quote)
    exact = [m.start() for m in re.finditer(re.escape(quote), text)]
    if text[old_start:old_start + length] == quote:
        yield "position", old_start, old_start + length, len(exact)
    exact.sort(key=lambda s: _placement_cost(text, s, length, prefix, suffix, old_start))
    for start in exact[:_MAX_CANDIDATES]:
        yield "quote", start, start + length, len(exact)
    forgiving = [(m.start(), m.end()) for m in quote_pattern(quote).finditer(text)]
    forgiving.sort(key=lambda span: _placement_cost(text, span[0], span[1] - span[0], prefix, suffix, old_start))
    for start, end in forgiving[:_MAX_CANDIDATES]:
        yield "forgiving", start, end, len(forgiving)
    for start, end in _bracketed(text, length, prefix, suffix, old_start):
        yield "fuzzy", start, end, None
    window = max(2000, length * 20)
    for low, high in ((max(0, old_start - window), min(len(text), old_start + length + window)), (0, len(text))):
        alignment = fuzz.partial_ratio_alignment(quote, text[low:high], score_cutoff=FUZZY_MIN_SCORE)
        if alignment is not None:
            start, end = _closest_span(text, quote, prefix, suffix, low + alignment.dest_start, low + alignment.dest_end)
            yield "fuzzy", start, end, None
        if (low, high) == (0, len(text)):
            break


def _bracketed(text: str, length: int, prefix: str, suffix: str, old_start: int):
    """Spans that the old prefix and suffix, both found unchanged, enclose: the
    claim's place, whatever its words became (judged like a fuzzy match). The
    start or the end of the text stands in for a side the quote had none on."""
    if _at_text_edge(prefix):
        starts = [len(text) - len(text.lstrip())]
    elif len(prefix.strip()) >= MIN_CONTEXT_EVIDENCE:
        starts, at = [], text.find(prefix)
        while at != -1 and len(starts) < _MAX_CANDIDATES:
            starts.append(at + len(prefix))
            at = text.find(prefix, at + 1)
    else:
        return
    if not _at_text_edge(suffix) and len(suffix.strip()) < MIN_CONTEXT_EVIDENCE:
        return
    for start in sorted(starts, key=lambda s: abs(s - old_start)):
        if _at_text_edge(suffix):
            end = len(text.rstrip())
            if start < end <= start + 2 * length:
                yield start, end
            continue
        end = text.find(suffix, start, start + 2 * length + len(suffix))
        if end > start:
            yield start, end


def _at_text_edge(side: str) -> bool:
    """A prefix (suffix) that is the start (end) of the text, bar white space."""
    return len(side) < CONTEXT_CHARS and not side.strip()


@dataclass(frozen=True)
class _OldPlace:
    """The claim as it was: its quote, context and place, and the text if known."""

    quote: str
    prefix: str
    suffix: str
    start: int
    text: str | None


def _judge(text: str, old: _OldPlace, method: str, start: int, end: int, count: int | None, refused: list[str]) -> Anchor | None:
    """The anchor at [start, end) if it is the old quote within the method's tolerance, in its context."""
    quote, prefix, suffix = old.quote, old.prefix, old.suffix
    found = text[start:end]
    score = 100.0
    agreement = _context_agreement(text, start, end, prefix, suffix)
    if method == "fuzzy":
        score = fuzz.ratio(quote, found)
        # The text's start or end, then and now, encloses as well as context does; it
        # is no evidence on its own (deleting a first sentence makes the next one first).
        edges = _edges_kept(text, start, end, prefix, suffix)
        in_place = all(edge or (side is not None and side >= CONTEXT_MIN_SCORE) for side, edge in zip(agreement, edges))
        if score < (FUZZY_IN_PLACE_SCORE if in_place else FUZZY_MIN_SCORE):
            refused.append(f"fuzzy at {start}: only {score:.0f}% like the quote")
            return None
        if not in_place and len(quote.strip()) < FUZZY_MIN_QUOTE_CHARS and _WHITE_SPACE.sub("", quote) != _WHITE_SPACE.sub("", found):
            refused.append(f"fuzzy at {start}: a quote this short moves only between its own context, or re-spaced")
            return None
        method = f"fuzzy {score:.0f}"
    if not _context_agrees(agreement):
        if not _distinctive(text, quote, start, end, count, score, old.text):
            shown = "/".join("-" if side is None else f"{side:.0f}" for side in agreement)
            refused.append(f"{method} at {start}: the context does not agree (before/after {shown})")
            return None
        method += ", new context"
    elif old.text is not None and _another_occurrence_fits(text, old, start, end, agreement):
        refused.append(f"{method} at {start}: another place of the same words in the old text fits it as well")
        return None
    status = "anchored" if method == "position" else "moved"
    return Anchor(start, end, status, method, _figure_changes(text, start, end, quote, prefix, suffix), agreement)


def _another_occurrence_fits(text: str, old: _OldPlace, start: int, end: int, agreement) -> bool:
    """Were the words found already somewhere else in the old text, in a place
    that fits the candidate at least as well as the claim's own does?

    When a sentence holding the quote is deleted, the same words a sentence later
    sit right after the claim's old prefix: one side agrees, by accident. In a
    list of near-identical entries ("No. 114", "No. 115"), deleting one puts its
    neighbour in its place, a fuzzy match in a fitting context. Either way the
    words found were another place's words in the old text, and that place fits
    the candidate's surroundings as well: the candidate is refused. Where both
    sides agree fully, the words and their context are the claim's.
    """
    if None not in agreement and all(side == 100.0 for side in agreement):
        return False
    own = sum(side or 0.0 for side in _with_text_edges(agreement, text, start, end, old.prefix, old.suffix))
    words = text[start:end]
    claim_end = old.start + len(old.quote)
    at, checked = old.text.find(words), 0
    while at != -1 and checked < _MAX_CANDIDATES:
        if at + len(words) <= old.start or at >= claim_end:  # not the claim's own words
            checked += 1
            their_prefix, their_suffix = context(old.text, at, at + len(words))
            theirs = _with_text_edges(_context_agreement(text, start, end, their_prefix, their_suffix),
                                      text, start, end, their_prefix, their_suffix)
            if sum(side or 0.0 for side in theirs) >= own:
                return True
        at = old.text.find(words, at + 1)
    return False


def _with_text_edges(agreement, text: str, start: int, end: int, prefix: str, suffix: str) -> tuple[float | None, float | None]:
    """The agreement, with a side that was the text's start (end) then and is now
    counted as full: a place that ended the old text and ends the new one fits there
    (a context of nothing is no evidence by itself, but the same edge twice is)."""
    kept = _edges_kept(text, start, end, prefix, suffix)
    return tuple(100.0 if edge else side for side, edge in zip(agreement, kept))


def _edges_kept(text: str, start: int, end: int, prefix: str, suffix: str) -> tuple[bool, bool]:
    """For each side: it was the text's start (end) then, and [start, end) is at it now."""
    return _at_text_edge(prefix) and not text[:start].strip(), _at_text_edge(suffix) and not text[end:].strip()


def _context_agreement(text: str, start: int, end: int, prefix: str, suffix: str) -> tuple[float | None, float | None]:
    """How well the old prefix and suffix reappear on each side (None: no evidence)."""
    before = after = None
    if len(prefix.strip()) >= MIN_CONTEXT_EVIDENCE:
        if text.endswith(prefix, 0, start):
            before = 100.0
        else:
            before = _side_score(prefix, text[max(0, start - 2 * CONTEXT_CHARS):start])
    if len(suffix.strip()) >= MIN_CONTEXT_EVIDENCE:
        if text.startswith(suffix, end):
            after = 100.0
        else:
            after = _side_score(suffix, text[end:end + 2 * CONTEXT_CHARS])
    return before, after


def _side_score(old: str, window: str) -> float:
    # A window shorter than the old context cannot hold all of it: compare whole
    # strings, so that a few letters never match inside a long old context.
    if len(window) < len(old):
        return fuzz.ratio(old, window)
    return fuzz.partial_ratio(old, window)


def _context_agrees(agreement: tuple[float | None, float | None]) -> bool:
    sides = [side for side in agreement if side is not None]
    return not sides or max(sides) >= CONTEXT_MIN_SCORE


def _distinctive(text: str, quote: str, start: int, end: int, count: int | None, score: float, old_text: str | None) -> bool:
    """A quote whose own words place it: found verbatim in one place only, and
    either long or once in the old text too; or a long one matched at least
    VERBATIM_FUZZY_SCORE that nothing else in the text resembles."""
    length = len(quote.strip())
    if count is not None:
        if count != 1:
            return False
        if length >= DISTINCTIVE_QUOTE_CHARS:
            return True
        return old_text is not None and length >= UNIQUE_QUOTE_CHARS and _occurrences(old_text, quote) == 1
    if length < DISTINCTIVE_QUOTE_CHARS or score < VERBATIM_FUZZY_SCORE:
        return False
    return not any(
        fuzz.partial_ratio_alignment(quote, part, score_cutoff=FUZZY_MIN_SCORE) for part in (text[:start], text[end:]) if part
    )


def _occurrences(text: str, quote: str, most: int = 2) -> int:
    """How many times quote is in text (counting stops at most)."""
    found, at = 0, text.find(quote)
    while at != -1 and found < most:
        found, at = found + 1, text.find(quote, at + 1)
    return found


def _placement_cost(text: str, start: int, length: int, prefix: str, suffix: str, old_start: int) -> float:
    """Hypothesis' weighting: context agreement first, closeness to the old place second."""
    before, after = context(text, start, start + length)
    agreement = fuzz.ratio(before, prefix) * 20 + fuzz.ratio(after, suffix) * 20
    closeness = 2 * 100 * (1 - min(1.0, abs(start - old_start) / max(1, len(text))))
    return -(agreement + closeness)


# --- the span a fuzzy match covers -------------------------------------------------

# How far (characters) each end of a fuzzy match may move to fit the whole quote,
# and how many word edges are tried on each side.
_REACH_CHARS = 200
_MAX_EDGES = 120


def _closest_span(text: str, quote: str, prefix: str, suffix: str, start: int, end: int) -> tuple[int, int]:
    """The span near an alignment that is most like the whole quote.

    partial_ratio aligns a window of the quote's length, so a match with words
    inserted is clipped. Each end moves over the nearby word edges to where the
    whole span is most like the quote (a few rounds of one end, then the other);
    then the span is widened to whole words, unless the old quote itself cut one.
    """
    reach = min(_REACH_CHARS, max(8, len(quote) // 2))
    starts = _edges(text, max(0, start - reach), min(len(text), start + reach), start)
    ends = _edges(text, max(0, end - reach), min(len(text), end + reach), end)
    best = (fuzz.ratio(quote, text[start:end]), start, end)
    for _round in range(3):
        previous = best
        for s in starts:
            if s < best[2]:
                best = max(best, (fuzz.ratio(quote, text[s:best[2]]), s, best[2]), key=lambda b: b[0])
        for e in ends:
            if e > best[1]:
                best = max(best, (fuzz.ratio(quote, text[best[1]:e]), best[1], e), key=lambda b: b[0])
        if best == previous:
            break
    _score, start, end = best
    while start < end - 1 and text[start].isspace() and not quote[:1].isspace():
        start += 1
    while end > start + 1 and text[end - 1].isspace() and not quote[-1:].isspace():
        end -= 1
    if not (prefix[-1:].isalnum() and quote[:1].isalnum()):
        while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
            start -= 1
    if not (quote[-1:].isalnum() and suffix[:1].isalnum()):
        while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
            end += 1
    return start, end


def _edges(text: str, low: int, high: int, around: int) -> list[int]:
    """Offsets in [low, high] where a word or a run of spaces begins or ends, nearest first."""
    edges = {around}
    for i in range(max(1, low), min(len(text), high) + 1):
        if i == len(text) or text[i - 1].isalnum() != text[i].isalnum() or text[i - 1].isspace() != text[i].isspace():
            edges.add(i)
    return sorted(edges, key=lambda i: abs(i - around))[:_MAX_EDGES]


# --- figures under and around the quote -----------------------------------------------

def _figure_changes(text: str, start: int, end: int, quote: str, prefix: str, suffix: str) -> list[dict]:
    """Figures of the old quote, and of the rest of its sentence within the context,
    that are not those of the new place."""
    new_prefix, new_suffix = context(text, start, end)
    found = text[start:end]
    if (found, new_prefix, new_suffix) == (quote, prefix, suffix):
        return []
    old_before, old_core, old_after = _figure_view(prefix, quote, suffix)
    new_before, new_core, new_after = _figure_view(new_prefix, found, new_suffix)
    changes = [{"where": "quote", **d} for d in figure_differences(old_core, new_core)]
    # Around the quote the windows shift when text is inserted next to it, so an
    # old figure counts as gone only if it is not in a window twice as wide.
    wide_before, _core, wide_after = _figure_view(text[max(0, start - 2 * CONTEXT_CHARS):start], found, text[end:end + 2 * CONTEXT_CHARS])
    for where, old, new, wide in (("before", old_before, new_before, wide_before), ("after", old_after, new_after, wide_after)):
        gone = Counter(figures(old)) - Counter(figures(wide))
        came = Counter(figures(new)) - Counter(figures(old))
        if gone or came:
            changes.append({"where": where, "old": " ".join(gone.elements()) or None, "new": " ".join(came.elements()) or None})
    return changes


# Where a sentence ends, for the words around a quote that still belong to it.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?=\s)|\n")


def _figure_view(before: str, quote: str, after: str) -> tuple[str, str, str]:
    """(the rest of the quote's sentence before it, the quote with any number or
    word it cuts made whole, the rest of its sentence after it), within the windows.

    A quote "sold 1" whose text goes on "0 helicopters" states 10, not 1; and a
    window's outer edge, which may cut a number, is cut back to white space.
    """
    lead = trail = ""
    if quote[:1].isalnum() and (before[-1:].isalnum() or (before[-1:] in ".," and before[-2:-1].isdigit() and quote[0].isdigit())):
        lead = re.search(r"[\w.,]*$", before)[0].lstrip(".,")
    if quote[-1:].isalnum() and (after[:1].isalnum() or (after[:1] in ".," and after[1:2].isdigit() and quote[-1].isdigit())):
        trail = re.match(r"[\w.,]*", after)[0].rstrip(".,")
    full_before, full_after = len(before) >= CONTEXT_CHARS, len(after) >= CONTEXT_CHARS
    before, after = before[:len(before) - len(lead)], after[len(trail):]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end():]
    elif full_before:
        before = re.sub(r"^\S*", "", before)
    first_end = _SENTENCE_END.search(after)
    if first_end:
        after = after[:first_end.start()]
    elif full_after:
        after = re.sub(r"\S*$", "", after)
    return before, lead + quote + trail, after
