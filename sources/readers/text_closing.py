"""The sender's lines at the end of a plain-text document: press releases, newsletters, bulletins.

A press release sent as e-mail ends its story with an end mark ("###", "-30-",
"ENDS") and closes with lines that are the sender's, not the document's: "Follow
us: @…", "To unsubscribe…", "© 2024 … All rights reserved", "Reproduction
interdite … tous droits réservés". They are reported in `removed` (kind "footer",
or "furniture" for an end mark), never dropped silently, and only whole short
paragraphs at the very end are taken: a sentence of the body that mentions
copyright stays where it is.
"""

from __future__ import annotations

import re

from claimdesk.sources.model import Removed
from claimdesk.sources.readers.text_imprint import (COPYRIGHT_NOTICE, COPYRIGHT_YEAR, LICENCE_WORDS, PRINTER, grants_reprint,
                                                   states_licence_terms)

END_MARK = re.compile(r"^\s*(?:#{3}|-\s?30\s?-|[-–—]?\s*ends?\s*[-–—]?|\*\*\*\s*ends?\s*\*\*\*|fin|- fin -|ende)\s*$", re.I)
"""A press release's end of story: what follows is notes to editors and the sender's boilerplate."""

_SENDER_LINE = re.compile(
    r"^(?:[-=_*]{3,}\s*)?(?:follow us\b|suivez-nous\b|folgen sie uns\b|síguenos\b|подписывайтесь\b|"
    r"you (?:are )?receiv(?:e|ed|ing) this\b|our mailing address is\b|want to change how you receive\b|"
    r"forwarded this (?:e-?mail|newsletter)\b|"
    r".{0,200}\b(?:unsubscribe|se désabonner|se désinscrire|désabonnement|abbestellen|abmelden|darse de baja|"
    r"отписаться)\b|"
    r"(?:©|\(c\)|copyright\b).{0,160}$|.{0,160}\b(?:all rights reserved|tous droits réservés|alle rechte vorbehalten|"
    r"todos los derechos reservados|все права защищены)\W*$)",
    re.I | re.S,
)
_IMPRINT_LINE = re.compile(
    r"^(?:(?:gesamtherstellung|herstellung|herausgeber(?:in)?|druck|satz|vertrieb|impression|imprimeur|dépôt légal|"
    r"depósito legal|publisher|éditeur)\s*:"
    rf"|{PRINTER}"
    r"|e?-?(?:issn|isbn)\b[\s:]*(?:\d[\dXx -]{6,})"
    # A report's back page: who designed it, the production reference, the cover price.
    r"|design(?:ed)? and produc(?:tion|ed) by\b.{2,80}$|dp ref\s*:?\s*[\w/-]{3,20}$|(?:price\s*:?\s*)?£\s?\d{1,3}\.\d\d$"
    # The Congressional Research Service's product stamp under its last page: "R47612 · VERSION 3 · UPDATED".
    r"|[A-Z]{1,3}\d{4,6}\s*·\s*version\s+\d{1,3}\s*·\s*(?:new|updated)$)",
    re.I,
)
"""A publication's printer's imprint on its last page: who printed it, who sells it, its ISSN."""
SENDER_PARAGRAPH_MAX = 300
"""A sender's closing paragraph is a line or two; a longer one is the document's own text."""
CLOSING_PARAGRAPHS_MAX = 8
"""How many paragraphs at the end are looked at."""


def take_closing_furniture(paragraphs: list[str], removed: list[Removed]) -> list[str]:
    """The paragraphs without the sender's closing lines, which go to `removed` as "footer"."""
    kept = list(paragraphs)
    taken: list[str] = []
    looked_at = 0
    while kept and looked_at < CLOSING_PARAGRAPHS_MAX:
        text = kept[-1].strip()
        if not text:
            kept.pop()
            continue
        looked_at += 1
        if _is_imprint(text) or (taken and _is_licence(text)):
            taken.insert(0, " ".join(text.split()))
            kept.pop()
            continue
        head, tail = _split_sender_lines(text)
        if tail is None:
            break
        taken.insert(0, tail)
        if head:
            kept[-1] = head  # "Jane Doe is the society's chair.\n© 2019 …": the sentence stays
            continue
        kept.pop()
    removed.extend(Removed("footer", text) for text in taken)
    return kept


def _is_licence(paragraph: str) -> bool:
    """The terms on which the publisher lets its text be copied ("The material featured in this
    document is subject to … copyright. The material may be copied or reproduced for
    non-commercial purposes only…", the Open Government Licence): it names the copyright and
    says what may be reproduced. Taken only among the last page's imprint lines."""
    return len(paragraph) <= 3 * SENDER_PARAGRAPH_MAX and states_licence_terms(paragraph)


def _split_sender_lines(paragraph: str) -> tuple[str, str | None]:
    """(the paragraph's own lines, the sender's lines that close it) -- (paragraph, None) if none do.

    The sender's lines may be wrapped ("…reply with 'unsubscribe' in the / subject line."),
    so the closing lines are tried as one text, from the last line that follows a sentence's end
    up to the whole paragraph: the shortest closing that is the sender's is taken."""
    lines = paragraph.split("\n")
    folded: list[str] = []
    """The lines from the last one up, white space folded, each folded once (a paragraph of
    100,000 lines was joined again at every line: quadratic)."""
    tail_length = -1
    for cut in range(len(lines) - 1, -1, -1):
        line = " ".join(lines[cut].split())
        if line:
            folded.append(line)
            tail_length += len(line) + 1
        if tail_length > SENDER_PARAGRAPH_MAX:
            break  # the document's own text; every earlier cut only makes the closing longer
        if cut and not lines[cut - 1].rstrip().endswith((".", "!", "?", "»", '"', "”", ")")):
            continue
        tail = " ".join(reversed(folded))
        if _SENDER_LINE.match(tail):
            return "\n".join(lines[:cut]).strip(), tail
    return paragraph, None


def _is_imprint(paragraph: str) -> bool:
    """Every line of the paragraph opens with an imprint's label ("Gesamtherstellung:", "ISSN 0722-8333")."""
    lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
    return bool(lines) and len(paragraph) <= 3 * SENDER_PARAGRAPH_MAX and all(_IMPRINT_LINE.match(line) for line in lines)


_PUBLISHERS_DISCLAIMER = re.compile(
    r"^(?:Disclaimer\s+)?This (?:document|report) was prepared by the Congressional Research Service \(CRS\)"
    r" for Members of Congress\b.{0,700}$", re.S)
"""The Congressional Research Service's notice on its reports' last page, over the last notes."""


def take_last_page_disclaimer(paragraphs: list[str], removed: list[Removed]) -> list[str]:
    """The paragraphs without the publisher's disclaimer of the last page ("Disclaimer / This
    document was prepared by the Congressional Research Service (CRS) for Members of Congress…"),
    which goes to `removed` as "footer". Only after the last page break, and only that notice."""
    last_break = max((index for index, paragraph in enumerate(paragraphs) if paragraph.strip(" \t\n") == "\f"), default=-1)
    kept = list(paragraphs)
    for index in range(len(kept) - 1, last_break, -1):
        if _PUBLISHERS_DISCLAIMER.match(kept[index].strip()):
            removed.append(Removed("footer", " ".join(kept.pop(index).split())))
    return kept


# A publisher's copyright page, the last of a report ("COPYRIGHT" / "© European Union, 2024" / "The
# reuse policy of the European Court of Auditors…"): it opens with the notice and speaks of reuse
# and licences, never of the report's subject.
_COPYRIGHT_PAGE_OPENING = re.compile(r"^\s*(?:copyright\b|©|\(c\)\s*\d{4}|urheberrecht\b|droits d'auteur\b)", re.I)
_COPYRIGHT_PAGE_MAX_CHARS = 4000


def take_copyright_page(paragraphs: list[str], removed: list[Removed]) -> list[str]:
    """The paragraphs without a last page that is the publisher's copyright notice, which goes to
    `removed` as "licence", paragraph by paragraph. Only a whole page after the last page break."""
    last_break = max((index for index, paragraph in enumerate(paragraphs) if paragraph.strip(" \t\n") == "\f"), default=-1)
    page = [paragraph for paragraph in paragraphs[last_break + 1:] if paragraph.strip()]
    if last_break < 0 or not page or not _COPYRIGHT_PAGE_OPENING.match(page[0]):
        return paragraphs
    text = "\n".join(page)
    if len(text) > _COPYRIGHT_PAGE_MAX_CHARS or len(LICENCE_WORDS.findall(text)) < 2:
        return paragraphs
    removed.extend(Removed("licence", " ".join(paragraph.split())) for paragraph in page)
    return paragraphs[:last_break + 1]


def copyright_year(removed: list[Removed]) -> str | None:
    """The year of the copyright page's notice ("© European Union, 2024"): the year the report came out,
    where nothing else dates it."""
    for piece in removed:
        if piece.kind == "licence":
            match = COPYRIGHT_YEAR.search(piece.text)
            if match:
                return match.group("year")
    return None


def is_end_mark(paragraph: str) -> bool:
    return bool(END_MARK.match(paragraph))


# A report's back cover: the publisher's mission in a sentence or two, its address and e-mail, the
# copyright line at the foot ("Advancing social justice…" / "Contact details" / "E: sector@ilo.org" /
# "© International Labour Organization 2023"). Nothing of the report is printed there.
_BACK_COVER_MAX_CHARS = 1500
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|\bcontact(?:s| details| us)?\b|\bkontakt\b|\bcontacto\b|"
                      r"(?:\+|\b00)\d[\d ()-]{6,}\d|\b(?:tel|phone|fax)\b\s*[.:]", re.I)
_REPORT_SECTION = re.compile(r"^\s*(?:references|bibliography|literatur|literaturverzeichnis|bibliografía|bibliographie|références|"
                             r"notes|endnotes|anmerkungen|sources|quellen|annex|appendix|anhang|"
                             r"(?:about the )?authors?|autorinnen und autoren|autoren|les auteurs|autores)\s*$", re.I | re.M)
_CITED_YEAR = re.compile(r"\((?:19|20)\d\d[a-z]?\)")
_CITED_YEARS_MAX = 2
"""References cite their years in parentheses ("Remmert (2022),"); a back cover does not."""


def take_back_cover(paragraphs: list[str], removed: list[Removed]) -> list[str]:
    """The paragraphs without a last page that is the publisher's back cover (short, closed by a copyright
    line, with the publisher's contact details), which goes to `removed` as "cover". Only a whole page."""
    breaks = [index for index, paragraph in enumerate(paragraphs) if paragraph.strip(" \t\n") == "\f"]
    while breaks and not any(paragraph.strip() for paragraph in paragraphs[breaks[-1] + 1:]):
        breaks.pop()  # a form feed that ends the file opens no page
    last_break = breaks[-1] if breaks else -1
    page = [paragraph for paragraph in paragraphs[last_break + 1:] if paragraph.strip()]
    if last_break < 0 or not page or len("\n".join(page)) > _BACK_COVER_MAX_CHARS:
        return paragraphs
    last_line = page[-1].strip().split("\n")[-1]
    text = "\n".join(page)
    if not COPYRIGHT_NOTICE.match(last_line):
        return paragraphs
    if not _CONTACT.search(text) or _REPORT_SECTION.search(text) or len(_CITED_YEAR.findall(text)) >= _CITED_YEARS_MAX:
        return _without_closing_imprint(paragraphs, removed)  # the report's own page, the imprint at its foot

    removed.extend(Removed("cover", " ".join(paragraph.split())) for paragraph in page)
    # The page stays, empty (it is the PDF's last page), and so does a form feed after it.
    return paragraphs[:last_break + 1] + [p for p in paragraphs[last_break + 1:] if p.strip(" \t\n") == "\f"]


# The imprint at the foot of a report's last page, under its references: the publisher and its officers
# ("Herausgeber: ZEW – … / L 7, 1 · 68161 Mannheim"), the editor, the press contact, the terms of reprint
# ("Nachdruck … mit Quellenangabe … gestattet."), the copyright line.
_IMPRINT_OPENING = re.compile(r"^\s*(?:herausgeber(?:in)?|publisher|published by|redaktion|editor|editorial|impressum|imprint|"
                              r"éditeur|directeur de la publication|editorial|edita|kontakt|pressekontakt|contact|contacts|contacto)\b\s*:?",
                              re.I)
CLOSING_IMPRINT_PARAGRAPHS_MAX = 6


def _without_closing_imprint(paragraphs: list[str], removed: list[Removed]) -> list[str]:
    """The paragraphs without the imprint paragraphs that close the last page, back to the first that is none."""
    kept = list(paragraphs)
    taken: list[str] = []
    while kept and len(taken) < CLOSING_IMPRINT_PARAGRAPHS_MAX:
        paragraph = kept[-1].strip()
        if not paragraph:
            kept.pop()
            continue
        if paragraph == "\f":
            break
        lines = paragraph.split("\n")
        if not (COPYRIGHT_NOTICE.match(paragraph) and len(lines) == 1) and not _IMPRINT_OPENING.match(lines[0]) \
                and not grants_reprint(paragraph):
            break
        taken.insert(0, " ".join(kept.pop().split()))
    if not taken or not any(COPYRIGHT_NOTICE.match(piece) or grants_reprint(piece) for piece in taken):
        return paragraphs  # no notice among them: not the publisher's imprint
    removed.extend(Removed("footer", piece) for piece in taken)
    return kept
