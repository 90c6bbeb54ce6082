"""Decide which report in the store a parsed reference points to.

Citations of think-tank reports are written by other people, often in another
language: "Andrei Piatakov" for "Andrey Pyatakov", "XXI century" for "21st
Century", a title cut short with "...". So both sides are folded to a
canonical form (ASCII, lowercase, one spelling per transliteration variant)
before fuzzy comparison. A match needs a close title *and* an agreeing author
(or, when one side has no authors, a near-identical title), and a year that
does not contradict the report's date: a good title alone is not enough to
tell two works by the same author apart.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from claimdesk.sources.model import Reference
from claimdesk.sources.references import fold, surname

TITLE_WITH_AUTHOR = 85
"""Title score needed when an author matches."""
TITLE_WITHOUT_AUTHOR = 95
"""Title score needed when the reference or the report has no authors."""
SURNAME_SCORE = 80
"""rapidfuzz ratio between canonical surnames ("kovalchyk" vs "kowalczyk")."""

# Transliteration variants, applied in order to each folded word. Both sides go through
# the same mapping, so it only has to be consistent, not linguistically right.
_WORD_ENDINGS = re.compile(r"(?:ii|iy|yi|ij|yj|y|i)$")  # Goreslavskij/-sky/-skiy/-skii
_TRANSLIT = (("shch", "sch"), ("tch", "ch"), ("zh", "j"), ("kh", "h"), ("tz", "c"), ("ts", "c"),
             ("yu", "u"), ("iu", "u"), ("ju", "u"), ("ya", "a"), ("ia", "a"), ("ja", "a"),
             ("yo", "o"), ("jo", "o"), ("ye", "e"), ("je", "e"), ("ey", "ei"), ("ej", "ei"),
             ("cz", "ch"), ("w", "v"), ("x", "ks"), ("ph", "f"), ("ck", "k"), ("q", "k"),
             ("y", "i"), ("j", "i"), ("z", "s"))
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_CENTURY_WORDS = r"century|centuries|siecle|siecles|siglo|seculo|secolo|vek|veka|veke|jahrhundert"
_ORDINAL_WORDS = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty first": 21,
                  "twenty second": 22}


@lru_cache(maxsize=65536)
def _canon_word(word: str) -> str:
    """One spelling for a folded word across transliteration systems."""
    if word.isdigit() or len(word) < 3:
        return word
    word = _WORD_ENDINGS.sub("i", word)
    for old, new in _TRANSLIT:
        word = word.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", word)  # Rossiia/Rossiya/Russia -> rosia/rusia; double letters


def normalise_name(name: str) -> str:
    """A name or surname in canonical form ("Pyatakov", "Piatakov" -> "patakov"), for fuzzy comparison."""
    return " ".join(_canon_word(w) for w in fold(name).split())


def _roman(numeral: str) -> int | None:
    values = [_ROMAN.get(ch) for ch in numeral]
    if not numeral or None in values:
        return None
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if 0 < total < 40 else None


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _centuries(text: str) -> str:
    """"xxi century", "21 century", "twenty first century", "siglo xxi" -> "21st century"."""
    for words, n in _ORDINAL_WORDS.items():
        text = re.sub(rf"\b{words}\s+(?={_CENTURY_WORDS})", f"{_ordinal(n)} ", text)

    def numeral(token: str) -> str | None:
        token = re.sub(r"(?:st|nd|rd|th|eme|e|er|o)$", "", token) if not _roman(token) else token
        n = int(token) if token.isdigit() else _roman(token)
        return _ordinal(n) if n and n < 40 else None

    def before(m: re.Match) -> str:
        n = numeral(m.group(1))
        return f"{n} century" if n else m.group(0)

    def after(m: re.Match) -> str:
        n = numeral(m.group(2))
        return f"{n} century" if n else m.group(0)

    text = re.sub(rf"\b(\w+)\s+(?:{_CENTURY_WORDS})\b", before, text)
    return re.sub(r"\b(siglo|seculo|secolo|vek|veka)\s+(\w+)\b", after, text)


@lru_cache(maxsize=16384)
def _norm_title(title: str) -> tuple[str, str | None]:
    """(whole title, main title before a subtitle or None when too short to trust), canonical."""
    def norm(text: str) -> str:
        return " ".join(_canon_word(w) for w in _centuries(fold(text)).split())

    title = title.split(" | ")[0]  # "Title | Site name" from HTML <title>
    main = re.split(r"\s*[:.?!]\s+|\s+[–—-]\s+", title.strip(), maxsplit=1)[0]
    whole, head = norm(title), norm(main)
    return whole, (head if head != whole and len(head.split()) >= 3 else None)


@lru_cache(maxsize=16384)
def _norm_name(name: str) -> tuple[str, tuple[str, ...]]:
    """(canonical surname, canonical other name words) of one author."""
    last = surname(name) or ""
    words = tuple(_canon_word(w) for w in fold(name.replace(",", " ")).split() if len(w) > 1)
    return normalise_name(last), words


def _authors_agree(ours: list[str], theirs: list[str]) -> bool:
    """Any author in common, by canonical surname (a double surname may be cited by one half)."""
    for a in ours:
        last_a, words_a = _norm_name(a)
        for b in theirs:
            last_b, words_b = _norm_name(b)
            if not last_a or not last_b:
                continue
            # Short surnames are too close by ratio alone ("Li" and "Lin"): they must be equal.
            if last_a == last_b or (min(len(last_a), len(last_b)) >= 5 and fuzz.ratio(last_a, last_b) >= SURNAME_SCORE):
                return True
            if any(fuzz.ratio(last_a, w) >= 90 for w in words_b[1:]) or \
                    any(fuzz.ratio(last_b, w) >= 90 for w in words_a[1:]):
                return True
    return False


def _is_prefix(short: str, long: str) -> bool:
    """A cited title cut short ("... in the XXI century ...") is a word-prefix of the full one."""
    return len(short) <= len(long) and len(short.split()) >= 2 and len(short) >= 10 and \
        (long == short or long.startswith(short + " ") or
         (len(long) > len(short) and fuzz.ratio(short, long[:len(short)]) >= 95 and long[len(short)] == " "))


def title_score(cited: str, report_title: str) -> float:
    """0-100 similarity of a cited title and a report title after normalisation."""
    ours, our_main = _norm_title(cited)
    theirs, their_main = _norm_title(report_title)
    if not ours or not theirs:
        return 0.0
    score = max(fuzz.ratio(ours, theirs), fuzz.token_sort_ratio(ours, theirs))
    # Citing only the main title, or the store holding only it, is nearly as good; slightly
    # less, so that an exact title wins a tie.
    for a, b in ((ours, their_main), (our_main, theirs)):
        if a and b:
            score = max(score, 0.98 * fuzz.ratio(a, b))
    # Only the cited title as a whole may be a cut-short prefix: "Russia and Latin America:
    # Old Friends" is not cut short, and its main title alone is another work.
    if _is_prefix(ours, theirs) or (their_main and _is_prefix(ours, their_main)):
        score = max(score, 90.0)
    if len(ours.split()) >= 5:  # a long cited title embedded in a longer report title
        score = max(score, 0.95 * fuzz.partial_ratio(ours, theirs))
    # Numbers are what tell "... in the 20th Century" from "... in the 21st Century", or one
    # year's statistics from the next: a number of the cited title missing from the report's
    # title rules it out, however close the letters.
    if not set(re.findall(r"\d+", ours)) <= set(re.findall(r"\d+", theirs)):
        score = min(score, 60.0)
    return float(score)


def _year(date: str | None) -> str | None:
    m = re.search(r"(?:18|19|20)\d\d", date or "")
    return m.group(0) if m else None


def match_report(reference: Reference, reports: list[dict]) -> str | None:
    """Id of the report a reference is to, or None. reports: [{"id", "title", "authors": [str], "date"}].

    The best-scoring acceptable report wins; ties go to the earlier report in the list,
    so the answer is deterministic for a given input.
    """
    if reference is None or not reference.title:
        return None
    ref_year = _year(reference.year)
    best: tuple[float, str] | None = None
    for report in reports:
        title = report.get("title") or ""
        rep_year = _year(report.get("date"))
        if not title or (ref_year and rep_year and ref_year != rep_year):
            continue
        authors = [a for a in report.get("authors") or [] if a and a.strip()]
        if reference.authors and authors:
            if not _authors_agree(reference.authors, authors):
                continue  # a different person's work, however similar the title
            needed = TITLE_WITH_AUTHOR
        else:
            needed = TITLE_WITHOUT_AUTHOR
        score = title_score(reference.title, title)
        if score >= needed and (best is None or score > best[0]):
            best = (score, report["id"])
    return best[1] if best else None
