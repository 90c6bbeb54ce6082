"""A report's front matter in pdftotext output: the imprint page behind the title page, the publisher's plug.

Behind its title page a published report prints its imprint: who published it,
its symbol or ISBN, "Copyright © United Nations, 2024", "All rights reserved",
where it was printed, how it should be cited, who may reproduce it, and the
disclaimer that the views are the authors' ("The views expressed in this
document…", "Las opiniones expresadas en este documento…"). Those paragraphs
are the publisher's, not the report's: they go to `removed` as "licence", and
the year of the copyright dates the report where nothing else does. Only on a
page of the front matter that carries a copyright line, and only those kinds of
paragraph: a note on who prepared the report, or its acknowledgements, stays.

Some publishers put a page of their own in front ("Thank you for your interest
in this publication… / www.instagram.com/…"): a page of the front matter that is
mostly web addresses is the publisher's plug, and goes to `removed` as "furniture".
"""

from __future__ import annotations

import re

from claimdesk.sources.model import Removed
from claimdesk.sources.readers.common import WORD
from claimdesk.sources.readers.text_imprint import (COPYRIGHT_WITH_YEAR, LICENSED, PRINTER_LINE, STANDARD_NUMBER,
                                                   speaks_of_reproduction)

FRONT_PAGES_MAX = 6
"""The front matter is among the first pages; later a copyright line is the text's or the back cover's."""
IMPRINT_LINE_MAX_CHARS = 80
"""An imprint's lines are short fields: a symbol, a number, a notice."""

_CITATION_PROMPT = re.compile(
    r"^(?:(?:this|the) (?:publication|report|paper|document|study) (?:should|may|can) be cited as|please cite (?:this|as)|"
    r"suggested citation|recommended citation|cite (?:this (?:publication|report|paper) )?as|citation\s*:|"
    r"(?:esta|la presente) (?:publicación|obra|documento) (?:debe|deberá) citarse como|este documento debe citarse como|"
    r"cómo citar|referencia sugerida|citación sugerida|"
    r"(?:cette|la présente) (?:publication|étude) (?:doit|peut) être citée|pour citer|citation suggérée|"
    r"zitiervorschlag|zitierweise|bitte zitieren)", re.I)
_DISCLAIMER = re.compile(
    r"^(?:the (?:views|opinions|findings)(?:, interpretations,? and conclusions)? expressed|"
    r"the (?:views|opinions) (?:in|of) this (?:report|paper|publication|document|brief) are (?:those|the responsibility) of|"
    r"the designations employed|the responsibility for opinions|"
    r"(?:las )?opiniones (?:expresadas|recogidas|vertidas|contenidas) en (?:este|el presente) (?:documento|trabajo|informe|estudio)|"
    r"las denominaciones empleadas|los límites y los nombres|"
    r"les opinions exprimées|les appellations employées|"
    r"die (?:in dieser|in diesem) (?:publikation|veröffentlichung|bericht|papier)\b.{0,40}(?:meinungen|ansichten)|"
    r"(?:this|the) (?:paper|document|publication|report) (?:does not necessarily|should not be reported as))", re.I)
_WEB_ADDRESS = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.I)
IMPRINT_SIGNALS_MIN = 3
"""Kinds of imprint paragraph on one page (copyright, ISBN, citation, reproduction, disclaimer, printer)."""
_AUTHORS_OWN = re.compile(
    r"^(?:(?:this|the present) (?:document|paper|report|study|working paper) (?:was|has been) (?:prepared|written|drafted) by|"
    r"(?:este|el presente) (?:documento|trabajo|informe|estudio) (?:fue|ha sido) (?:preparado|elaborado|redactado) por|"
    r"(?:ce|le présent) (?:document|rapport|texte) a été (?:préparé|rédigé|élaboré) par|"
    r"(?:die|diese) (?:studie|publikation|arbeit) wurde von|"
    r"the authors? (?:thanks?|wish to thank|are grateful|would like to thank)|los autores agradecen|el autor agradece|"
    r"les auteur(?:e)?s remercient|l'auteur(?:e)? remercie|die autor(?:inn)?en danken|"
    r"acknowledge?ments?\b|agradecimientos\b|remerciements\b|danksagung\b|"
    r"abstract\b|summary\b|resumen\b|résumé\b|zusammenfassung\b|about the authors?\b)", re.I)
"""What an imprint page may hold of the report's own: who prepared it and whom they thank, an abstract."""
DISCLAIMER_MAX_CHARS = 900
"""A disclaimer is a few sentences; a longer paragraph opening so is the text's own."""
PLUG_ADDRESSES_MIN = 3
PLUG_OTHER_WORDS_MAX = 80
"""A plug page names a few addresses and says little else; a page of references says much more."""


def take_front_matter(paragraphs: list[str], removed: list[Removed]) -> list[str]:
    """The paragraphs without the imprint page's publisher paragraphs and without a publisher's
    plug page in the front matter; what is taken goes to `removed`."""
    pages = _front_pages(paragraphs)
    taken: set[int] = set()
    for number, page in enumerate(pages):
        lines = [line for index in page for line in paragraphs[index].split("\n") if line.strip()]
        if _is_plug(lines):
            for index in page:
                removed.append(Removed("furniture", " ".join(paragraphs[index].split())))
                taken.add(index)
        elif (whole := number > 0 and _imprint_signals("\n".join(lines)) >= IMPRINT_SIGNALS_MIN) or any(
                COPYRIGHT_WITH_YEAR.search(line) and len(line.strip()) <= IMPRINT_LINE_MAX_CHARS for line in lines):
            # The imprint page behind the title page, told by its kinds of paragraph: every paragraph of it
            # is the publisher's (its supporters, its mission, its notices), but a note on who wrote the
            # report, whom they thank, and its abstract. The first page may be the title page itself, with a
            # copyright line over the title: there, and on a page with fewer signs, only the publisher's paragraphs go.
            for index in page:
                if (whole and not _AUTHORS_OWN.match(paragraphs[index].strip())) or _is_publishers(paragraphs[index]):
                    removed.append(Removed("licence", " ".join(paragraphs[index].split())))
                    taken.add(index)
        else:
            # The disclaimer alone, at the foot of a cover ("Las opiniones recogidas en este documento son las de
            # sus autores…"): the publisher's, wherever in the front matter it stands.
            # A series' note on what its papers are ("The Policy Research Working Paper Series disseminates…
            # The findings, interpretations, and conclusions expressed in this paper are entirely those of the
            # authors…") holds the disclaimer inside it; the line under it names who produced the series.
            disclaimers = [index for index in page if len(paragraphs[index]) <= DISCLAIMER_MAX_CHARS and (
                _DISCLAIMER.match(folded := " ".join(paragraphs[index].split()))
                or _SERIES_NOTE.match(folded) or _INNER_DISCLAIMER.search(folded))]
            producers = [index for index in page if disclaimers and _PRODUCER.match(" ".join(paragraphs[index].split()))]
            for index in disclaimers + producers:
                removed.append(Removed("licence", " ".join(paragraphs[index].split())))
                taken.add(index)
        if number == 0:
            paragraphs, emptied = _without_stamps(paragraphs, page, removed)
            taken.update(emptied)
    return [paragraph for index, paragraph in enumerate(paragraphs) if index not in taken] if taken else paragraphs


# The series' own notes in a paper's front matter: the World Bank's "This paper is a product of the Development
# Research Group… Policy Research Working Papers are also posted on the Web at…", "The … Series disseminates…".
_SERIES_NOTE = re.compile(r"^(?:this (?:paper|report|brief|note) is a product of the\b|"
                          r"the [\w ]{3,60} series (?:disseminates|publishes|presents)\b)", re.I)
_INNER_DISCLAIMER = re.compile(r"\bthe (?:views|findings)(?:, interpretations,? and conclusions)? expressed in this "
                               r"(?:paper|report|publication|document) are (?:entirely |solely )?(?:those|the responsibility) of the authors?\b",
                               re.I)
_PRODUCER = re.compile(r"^(?:produced|published|designed|typeset) by\b.{0,80}$", re.I)
STAMP_REPEATS_MIN = 3
"""A line the PDF stamps in the cover's margins ("Public Disclosure Authorized") stands there three times or more."""


def _without_stamps(paragraphs: list[str], page: list[int], removed: list[Removed]) -> tuple[list[str], set[int]]:
    """The first page without the lines of words a PDF stamps on it again and again, which go to `removed`;
    and the paragraphs that held nothing else."""
    counts: dict[str, int] = {}
    for index in page:
        for line in paragraphs[index].split("\n"):
            key = " ".join(line.split())
            if len(WORD.findall(key)) >= 2:
                counts[key] = counts.get(key, 0) + 1
    stamps = {key for key, count in counts.items() if count >= STAMP_REPEATS_MIN}
    if not stamps:
        return paragraphs, set()
    paragraphs = list(paragraphs)
    emptied: set[int] = set()
    for index in page:
        lines = paragraphs[index].split("\n")
        kept = [line for line in lines if " ".join(line.split()) not in stamps]
        removed.extend(Removed("furniture", " ".join(line.split())) for line in lines if " ".join(line.split()) in stamps)
        paragraphs[index] = "\n".join(kept)
        if not paragraphs[index].strip():
            emptied.add(index)
    return paragraphs, emptied



def _front_pages(paragraphs: list[str]) -> list[list[int]]:
    """The indexes of the filled paragraphs of each of the first FRONT_PAGES_MAX pages."""
    pages: list[list[int]] = [[]]
    for index, paragraph in enumerate(paragraphs):
        if paragraph.strip(" \t\n") == "\f":
            if len(pages) == FRONT_PAGES_MAX:
                break
            pages.append([])
        elif paragraph.strip():
            pages[-1].append(index)
    return pages if len(pages) > 1 else []  # no page break: no page is known to be front matter


def _is_plug(lines: list[str]) -> bool:
    addresses = sum(1 for line in lines if _WEB_ADDRESS.match(line))
    other_words = sum(len(line.split()) for line in lines if not _WEB_ADDRESS.match(line))
    return addresses >= PLUG_ADDRESSES_MIN and other_words <= PLUG_OTHER_WORDS_MAX


def _imprint_signals(page: str) -> int:
    """How many kinds of imprint paragraph the page holds."""
    folded = " ".join(page.split())
    paragraphs = [" ".join(piece.split()) for piece in page.split("\n")]
    return sum((
        bool(COPYRIGHT_WITH_YEAR.search(folded)),
        bool(STANDARD_NUMBER.search(page)),
        any(_CITATION_PROMPT.match(line) for line in paragraphs),
        speaks_of_reproduction(folded) or bool(LICENSED.search(folded)),
        bool(re.search(_DISCLAIMER.pattern[1:], folded, re.I)),
        bool(PRINTER_LINE.search(page)),
    ))


def _is_publishers(paragraph: str) -> bool:
    """An imprint block (short lines, one of them the copyright), the suggested citation, the terms of
    reproduction, or the disclaimer."""
    lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
    if not lines:
        return False
    folded = " ".join(lines)
    if any(COPYRIGHT_WITH_YEAR.search(line) for line in lines) and all(len(line) <= IMPRINT_LINE_MAX_CHARS for line in lines):
        return True
    if _CITATION_PROMPT.match(folded) or _DISCLAIMER.match(folded):
        return True
    return speaks_of_reproduction(folded)
