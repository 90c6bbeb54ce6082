"""Claims that name their source in words: "According to Fiscal Watch, …",
"As Pyatakov notes, …", "the Harbour Institute's 2022 study found …".

A report that repeats another's figure this way depends on it as surely as
one with a footnote, so corroboration must not count it as independent. Only
a name together with a cue of attribution counts: a report merely mentioned
("Fiscal Watch was founded in 2011") is not a source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimdesk.sources.report_matching import normalise_name
from claimdesk.sources.references import fold

_CUE = re.compile(
    r"\baccording to\b"
    r"|\bas\b.{0,60}?\b(?:notes?|noted|writes?|wrote|reports?|reported|argues?|argued|states?|stated|"
    r"estimates?|estimated|shows?|showed|puts? it|observes?|observed|points? out|pointed out)\b"
    r"|\b(?:cit(?:es|ed|ing)|quot(?:es|ed|ing)|reported by|estimated by|found by)\b"
    r"|'s (?:\d{4} )?(?:study|report|brief|review|paper|analysis|estimates?|figures?|data|survey)\b"
    r"|\(\d{4}[a-z]?\)",
    re.IGNORECASE,
)
_TITLE_HEAD = re.compile(r"\s*[:—–|]\s*|\s+-\s+")
_TRAILING_YEAR = re.compile(r"[-_]?\d{4}$")


@dataclass(frozen=True)
class ReportNames:
    """The ways a text can name one report of the corpus."""

    report: str
    phrases: tuple[str, ...]
    """Folded phrases: the title up to its colon, the id without its year ("harbour institute")."""
    surnames: tuple[str, ...]
    """The authors' surnames, normalised across transliterations ("patakov")."""


def report_names(report_id: str, title: str | None, authors: list[str]) -> ReportNames:
    phrases = set()
    if title:
        head = _TITLE_HEAD.split(title.strip(), maxsplit=1)[0]
        if len(head.split()) >= 2 and len(head) >= 8:
            phrases.add(fold(head))
    slug = _TRAILING_YEAR.sub("", report_id).replace("-", " ").replace("_", " ").strip()
    if len(slug.split()) >= 2:
        phrases.add(fold(slug))
    surnames = {normalise_name(author.split()[-1]) for author in authors if author.split() and len(author.split()[-1]) >= 4}
    return ReportNames(report_id, tuple(sorted(phrases)), tuple(sorted(surnames)))


class CorpusNames:
    """Every report's names, indexed so that a text is checked against a
    corpus of thousands of reports by its own words, not report by report."""

    def __init__(self, names: list[ReportNames]) -> None:
        self.by_first_word: dict[str, list[tuple[str, str]]] = {}
        self.by_surname: dict[str, set[str]] = {}
        for report in names:
            for phrase in report.phrases:
                self.by_first_word.setdefault(phrase.split()[0], []).append((f" {phrase} ", report.report))
            for surname in report.surnames:
                self.by_surname.setdefault(surname, set()).add(report.report)

    def named_in(self, text: str, own_report: str | None = None) -> set[str]:
        """The reports text attributes itself to in words (never its own)."""
        if not _CUE.search(text):
            return set()
        folded_words = fold(text).split()
        padded = " " + " ".join(folded_words) + " "
        found = set()
        for word in set(folded_words):
            for phrase, report in self.by_first_word.get(word, ()):
                if phrase in padded:
                    found.add(report)
        for word in re.findall(r"\w{4,}", text):
            found |= self.by_surname.get(normalise_name(word), set())
        found.discard(own_report)
        return found


def named_reports(text: str, names: list[ReportNames], own_report: str | None = None) -> set[str]:
    """The reports text attributes itself to in words (never its own); for one
    text. Many texts: build a CorpusNames once."""
    return CorpusNames(names).named_in(text, own_report)
