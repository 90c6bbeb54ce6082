"""The byline and the dateline over an article, taken out of the reading text once they are read.

The page's authors and date are read from its markup and its first lines (html_meta); the same
words left in the reading text ("By Dana Whitfield and Marco Ibáñez", "Written by", "Display Date
April 18, 2024") are furniture to a fact-checker reading the report. A block goes, as "cover"
(read into the title, authors and date), only when every word of it is accounted for: an author's
name as read, the date as read (in whatever form the block writes it), a time of day, and the
labels and joining words bylines use; a line that names an author's post ("Transport correspondent",
"Корреспондент отдела экономики") goes with it. Anything else in it (a station, a place, a photo
credit) and the block stays as it is.
"""

from __future__ import annotations

import re

from claimdesk.sources.blocks import PARAGRAPH, Block
from claimdesk.sources.header import parse_date
from claimdesk.sources.model import Removed
from claimdesk.sources.textclean import PLACEHOLDER_PATTERN

HEAD_BLOCKS = 12
"""Bylines sit over the article: only its first paragraphs are looked at."""
BYLINE_MAX_CHARS = 200
"""A longer paragraph is text; the article has begun and nothing after it is looked at."""
_DATE_TOKENS_MAX = 7

# The labels and joining words of bylines and datelines, in the languages of our users' sources.
_BYLINE_WORDS = re.compile(
    r"(?:dr\.?|prof\.?|mr\.?|mrs\.?|ms\.?|hon\.?|by|written|fact-checked|reviewed|edited|reporting|author|authors|author\(s\)|autor|autoren|autorin|autorinnen|"
    r"autor:innen|autor\*innen|von|und|and|und|et|y|e|&|par|por|door|di|da|auteur|auteurs|autrice|"
    r"published|posted|on|at|display|date|dated|le|am|publié|publicado|veröffentlicht|gepubliceerd|pubblicato|"
    r"updated|last|mis|à|jour|aktualisiert|actualizado|"
    r"et|édition|ausgabe|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"am|pm|a\.m\.|p\.m\.|et|est|edt|ct|cst|cdt|pt|pst|pdt|gmt|bst|utc|cet|cest|mez|mesz|uhr|h)",
    re.I)
_JUDICIAL = re.compile(r"(?<!\w)(?:justice|judge|lord|lady|sir|richter(?:in)?|juge|giudice|juez|magistrate|[LM]\.?J\.?|J\.?|"
                       r"redattore|redattrice|estensore|relatore|relatrice|ponente|rapporteur)(?!\w)", re.I)
_TIME = re.compile(r"^\d{1,2}(?:[:.h]\d{2})(?:[:.]\d{2})?$|^\d{1,2}h$", re.I)
_SEPARATOR = re.compile(r"^[\W_]*$")
_ESCAPE = re.compile(r"\\(.)")
_HAS_PLACEHOLDER = re.compile(PLACEHOLDER_PATTERN.pattern)


def take_bylines(blocks: list[Block], authors: list[str], date: str | None, removed: list[Removed]) -> list[Block]:
    """`blocks` without the head's byline and dateline paragraphs, which go to `removed`."""
    if not authors and not date:
        return blocks
    kept: list[Block] = []
    looked_at = 0
    label: tuple[int, str] | None = None  # a paragraph of labels only ("Author(s)"), kept unless a byline follows
    for block in blocks:
        if looked_at >= HEAD_BLOCKS or block.kind != PARAGRAPH:
            kept.append(block)
            continue
        looked_at += 1
        text = " ".join(_ESCAPE.sub(r"\1", block.text).split())
        if len(text) > BYLINE_MAX_CHARS:
            looked_at = HEAD_BLOCKS  # the article has begun
            kept.append(block)
            continue
        if _HAS_PLACEHOLDER.search(block.text) or _JUDICIAL.search(text):
            # A judgment's "Lady Justice Ashdown:" and its bench are the judgment's own lines.
            kept.append(block)
            label = None
            continue
        if _accounted_for(text, authors, date):
            if label is not None and label[0] == len(kept) - 1:
                kept.pop()
                removed.append(Removed("cover", label[1]))
            removed.append(Removed("cover", text))
            continue
        if authors and is_role_line(text, authors):
            removed.append(Removed("cover", text))  # the author's post, under or beside the name
            continue
        label = (len(kept), text) if _only_labels(text) else None
        kept.append(block)
    return kept


# What a byline says an author is ("Transport correspondent", "Senior Research Economist", "Redactora de
# Local", "Корреспондент отдела экономики", "К.э.н., доцент кафедры …, эксперт РСМД"): nouns of posts, in
# the languages of our users' sources. Words that also open a headline ("Chief", "Head", "Senior") are not
# among them: a post is told by the noun.
_ROLE_NOUN = re.compile(
    r"(?:correspondent|reporter|editor|writer|journalist|columnist|economist|analyst|researcher|fellow|"
    r"specialist|professor|lecturer|scientist|contributor|strategist|commentator|"
    r"correspondant(?:e)?|journaliste|rédact(?:eur|rice)|chercheu(?:r|se)|économiste|professeure?|analyste|chroniqueu(?:r|se)|"
    r"korrespondent(?:in)?|redakteur(?:in)?|reporterin|ökonom(?:in)?|wissenschaftler(?:in)?|referent(?:in)?|volontär(?:in)?|"
    r"corresponsal|redactora?|periodista|investigadora?|economista|analista|profesora?|especialista|editora?|colaboradora?|"
    r"giornalista|redatt(?:ore|rice)|inviat[oa]|corrispondente|ricerca(?:tore|trice)|professor(?:e|essa)|"
    r"корреспондент|обозреватель|редактор|журналист(?:ка)?|эксперт|доцент|профессор|аналитик|исследователь|экономист|"
    r"сотрудник|jornalista|repórter|correspondente|redator(?:a)?|pesquisador(?:a)?|"
    r"redacteur|verslaggever|onderzoeker|econoom|hoogleraar)", re.I)
_ROLE_MAX_WORDS = 14
# A degree or title before the post ("К.э.н.,", "Ph.D.,", "Dr.")
_DEGREE = re.compile(r"^(?:\w{1,4}\.){1,4},?$")
_NOT_A_ROLE = re.compile(r"[\d:«»“”\"!?]")


def is_role_line(text: str, authors: list[str]) -> bool:
    """A line that names an author's post and nothing else, with or without the author's name before it.
    A sentence is not one: it has figures, quotes or a verb's punctuation, or it ends in a full stop
    without the comma of an affiliation ("Investigadora principal del Programa …, Real Instituto Elcano.")."""
    rest = text
    for name in sorted(authors, key=len, reverse=True):
        rest = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", rest, flags=re.I)
    rest = " ".join(rest.split()).strip(" |·—–-")
    tokens = rest.split()
    if not tokens or len(tokens) > _ROLE_MAX_WORDS or _NOT_A_ROLE.search(rest) or (rest.endswith(".") and "," not in rest):
        return False
    while tokens and _DEGREE.match(tokens[0]):
        tokens = tokens[1:]
    words = [token.strip(",.;") for token in tokens]
    return any(_ROLE_NOUN.fullmatch(word) for word in words[:2] + words[-1:])


def _accounted_for(text: str, authors: list[str], date: str | None) -> bool:
    rest = text
    named = False
    for name in sorted(authors, key=len, reverse=True):
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.I)
        if pattern.search(rest):
            rest, named = pattern.sub(" ", rest), True
    tokens = rest.split()
    dated = False
    if date:
        tokens, dated = _without_date(tokens, date)
    if not named and not dated:
        return False
    return not tokens or _only_labels(" ".join(tokens))


def _only_labels(text: str) -> bool:
    tokens = text.split()
    return bool(tokens) and all(_SEPARATOR.match(token) or _TIME.match(token.strip(",.;"))
                                or _BYLINE_WORDS.fullmatch(token.strip(",.;:·|—–-")) for token in tokens)


def _without_date(tokens: list[str], date: str) -> tuple[list[str], bool]:
    """The tokens without the shortest run of them that reads as the page's date."""
    for length in range(1, _DATE_TOKENS_MAX + 1):
        for start in range(0, len(tokens) - length + 1):
            candidate = " ".join(tokens[start:start + length]).strip(",.;·|")
            # A year alone ("1857" under a book's title) is too little to call a line a dateline.
            if candidate and any(ch.isdigit() for ch in candidate) and len(date) > len("2024") and parse_date(candidate) == date:
                return tokens[:start] + tokens[start + length:], True
    return tokens, False
