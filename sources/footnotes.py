"""Footnotes: definitions joined to their markers, classified, and resolved.

Resolution is CSL's position logic run backwards. "Ibid." is the previous note's
source; "op. cit." is the last earlier note by the same author (and, among
several works by that author, the one whose title the note abbreviates); a bare
"op. cit." can only be a guess at the most recent reference, and says so.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz import fuzz

from claimdesk.sources.blocks import Block
from claimdesk.sources.inline import render_inline
from claimdesk.sources.model import Footnote, Reference
from claimdesk.sources.references import classify_note, find_locator, op_cit_key, parse_reference, surname
from claimdesk.sources.report_matching import normalise_name

_URL = re.compile(r"https?://[^\s<>\"”]+|www\.[^\s<>\"”]+")
_CITING_KINDS = ("reference", "url")


def build_footnotes(notes: list[Block], markers: list[tuple[int | str, int]], warnings: list[str]) -> tuple[list[Footnote], list[tuple[int | str, int]]]:
    """Footnotes in document order, and the dangling markers (no definition)."""
    footnotes: list[Footnote] = []
    by_label: dict[int | str, Footnote] = {}
    for block in notes:
        if block.label in by_label:
            warnings.append(f"footnote {block.label} is defined twice; the first definition is kept")
            continue
        text = _repair_broken_urls(re.sub(r"\s+", " ", render_inline(block.text)).strip())
        footnote = Footnote(number=block.label, text=text)
        footnote.kind, footnote.reference = _classify(text, render_inline(block.text, emphasis=True))
        by_label[block.label] = footnote
        footnotes.append(footnote)
    dangling = []
    for label, offset in markers:
        if label in by_label:
            by_label[label].marker_offsets.append(offset)
        else:
            dangling.append((label, offset))
            warnings.append(f"marker {label} at offset {offset} has no footnote text (dangling marker)")
    for footnote in footnotes:
        if not footnote.marker_offsets:
            warnings.append(f"footnote {footnote.number} has no marker in the text (orphan footnote)")
    _resolve(footnotes, warnings)
    return footnotes, dangling


def _repair_broken_urls(text: str) -> str:
    """PDF converters break URLs at percent escapes: "larussie% C2% A0-8.html"."""
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"(https?://\S*%)\s+([0-9A-Fa-f]{2})", r"\1\2", text)
    return text


def _classify(text: str, emphasised: str) -> tuple[str, Reference | None]:
    kind = classify_note(text)
    if kind == "reference":
        reference = parse_reference(emphasised)
        return ("reference", reference) if reference else ("note", None)
    if kind == "url":
        url = _URL.search(text)
        return "url", Reference(url=url.group(0).rstrip(".,;)>") if url else None)
    return kind, None


def _resolve(footnotes: list[Footnote], warnings: list[str]) -> None:
    """Point every ibid and op. cit. at the root note that holds the full reference."""
    roots: dict[int | str, Footnote] = {}
    for index, footnote in enumerate(footnotes):
        if footnote.kind in _CITING_KINDS:
            roots[footnote.number] = footnote
            continue
        if footnote.kind == "ibid":
            root, guess = _ibid_root(footnotes[:index], roots)
        elif footnote.kind == "op_cit":
            root, guess = _op_cit_root(footnote.text, footnotes[:index], roots)
        else:
            continue
        if root is None:
            warnings.append(f"footnote {footnote.number}: {footnote.kind.replace('_', '. ')} with no earlier reference to point to")
            continue
        footnote.resolves_to = root.number
        footnote.resolution_guess = guess
        if root.reference:
            footnote.reference = replace(root.reference, locator=find_locator(footnote.text))
        roots[footnote.number] = root
        if guess:
            warnings.append(f"footnote {footnote.number}: {footnote.kind.replace('_', '. ')} resolved to footnote {root.number} by position alone (a guess)")


def _ibid_root(earlier: list[Footnote], roots: dict) -> tuple[Footnote | None, bool]:
    """The previous note's source; a guess if commentary notes stand between."""
    for distance, previous in enumerate(reversed(earlier)):
        if previous.number in roots:
            return roots[previous.number], distance > 0
    return None, False


def _op_cit_root(text: str, earlier: list[Footnote], roots: dict) -> tuple[Footnote | None, bool]:
    surname, short_title = op_cit_key(text)
    candidates: list[Footnote] = []
    for previous in reversed(earlier):
        root = roots.get(previous.number)
        if root is not None and root.reference and root not in candidates:
            candidates.append(root)
    if not candidates:
        return None, False
    author_found = False
    if surname:
        by_author = [c for c in candidates if any(_same_surname(surname, a) for a in c.reference.authors)]
        if by_author:
            candidates, author_found = by_author, True
    if short_title and len(candidates) > 1:
        scored = [(fuzz.partial_ratio(short_title.lower(), (c.reference.title or "").lower()), c) for c in candidates]
        best_score = max(score for score, _ in scored)
        if best_score >= 70:
            return next(c for score, c in scored if score == best_score), False
    # Without an author to go by, the most recent reference is only a guess.
    return candidates[0], not author_found


def _same_surname(wanted: str, author: str) -> bool:
    theirs = surname(author)
    return bool(theirs) and fuzz.ratio(normalise_name(wanted), normalise_name(theirs)) >= 80
