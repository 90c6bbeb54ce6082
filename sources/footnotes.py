"""Footnotes: definitions joined to their markers, classified, and resolved.

Resolution is CSL's position logic run backwards. "Ibid." is the previous note's
source; "op. cit." is the last earlier note by the same author (and, among
several works by that author, the one whose title the note abbreviates); a bare
"op. cit." can only be a guess at the most recent reference, and says so.
"""

from __future__ import annotations

import re
from dataclasses import replace

from itertools import islice

from rapidfuzz import fuzz, process

from claimdesk.sources.blocks import Block
from claimdesk.sources.inline import EMPHASIS_MARK, render_inline
from claimdesk.sources.model import Footnote, Reference
from claimdesk.sources.references import analyse_note, find_locator, op_cit_key, surname
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
        marked = _repair_broken_urls(re.sub(r"\s+", " ", render_inline(block.text, emphasis=True)).strip())
        footnote = Footnote(number=block.label, text=marked.replace(EMPHASIS_MARK, ""))
        footnote.kind, footnote.reference = _classify(footnote.text, marked.replace(EMPHASIS_MARK, "*"))
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
    kind, reference = analyse_note(emphasised)
    if kind == "reference":
        return ("reference", reference) if reference else ("note", None)
    if kind == "url":
        url = _URL.search(text)
        return "url", Reference(url=url.group(0).rstrip(".,;)>") if url else None)
    return kind, None


class _CitationHistory:
    """The works cited so far, most recent last, and indexed by author surname.

    A long report has thousands of notes; looking an op. cit. up by surname keeps
    resolution linear instead of rescanning every earlier note each time.
    """

    def __init__(self) -> None:
        self.recent: dict[int, Footnote] = {}
        self.by_surname: dict[str, dict[int, Footnote]] = {}

    def cite(self, root: Footnote) -> None:
        key = id(root)
        self.recent.pop(key, None)
        self.recent[key] = root
        for author in root.reference.authors if root.reference else []:
            name = normalise_name(surname(author) or "")
            if name:
                works = self.by_surname.setdefault(name, {})
                works.pop(key, None)
                works[key] = root

    def most_recent(self) -> Footnote | None:
        return next(reversed(self.recent.values()), None)

    def works_by(self, wanted: str) -> list[Footnote]:
        """Works by an author, most recent first; the surname may be spelt differently."""
        name = normalise_name(wanted)
        works = self.by_surname.get(name)
        if works is None and self.by_surname:
            best = process.extractOne(name, list(self.by_surname), scorer=fuzz.ratio, score_cutoff=80)
            works = self.by_surname[best[0]] if best else None
        return list(reversed(works.values())) if works else []

    def latest(self, limit: int) -> list[Footnote]:
        return list(islice(reversed(self.recent.values()), limit))


# An abbreviated title is looked for among this many of the latest works.
_TITLE_SEARCH_DEPTH = 100


def _resolve(footnotes: list[Footnote], warnings: list[str]) -> None:
    """Point every ibid and op. cit. at the root note that holds the full reference."""
    history = _CitationHistory()
    previous_root: Footnote | None = None
    for footnote in footnotes:
        if footnote.kind in _CITING_KINDS:
            history.cite(footnote)
            previous_root = footnote
            continue
        if footnote.kind == "ibid":
            # Ibid. is the previous note's work; with commentary between, a guess.
            root = previous_root or history.most_recent()
            guess = previous_root is None
        elif footnote.kind == "op_cit":
            root, guess = _op_cit_root(footnote.text, history)
        else:
            previous_root = None
            continue
        if root is None:
            warnings.append(f"footnote {footnote.number}: {footnote.kind.replace('_', '. ')} with no earlier reference to point to")
            previous_root = None
            continue
        footnote.resolves_to = root.number
        footnote.resolution_guess = guess
        if root.reference:
            footnote.reference = replace(root.reference, locator=find_locator(footnote.text))
        history.cite(root)
        previous_root = root
        if guess:
            warnings.append(f"footnote {footnote.number}: {footnote.kind.replace('_', '. ')} resolved to footnote {root.number} by position alone (a guess)")


def _op_cit_root(text: str, history: _CitationHistory) -> tuple[Footnote | None, bool]:
    """The last earlier work by the note's author; among several, the one its title abbreviates."""
    wanted_surname, short_title = op_cit_key(text)
    candidates = history.works_by(wanted_surname) if wanted_surname else []
    author_found = bool(candidates)
    if not candidates:
        candidates = history.latest(_TITLE_SEARCH_DEPTH)
    if not candidates:
        return None, False
    if short_title and len(candidates) > 1:
        titled = [c for c in candidates if c.reference and c.reference.title]
        best = process.extractOne(
            short_title.lower(), [c.reference.title.lower() for c in titled], scorer=fuzz.partial_ratio, score_cutoff=70
        )
        if best:
            return titled[best[2]], False
    # Without an author to go by, the most recent reference is only a guess.
    return candidates[0], not author_found
