"""Title, authors and date from the cover of a report.

A converted PDF starts with its cover page: the title (often on two lines), the
authors, the publisher and the month of publication, each a short line of its
own. Front matter (Markdown) and <meta> tags (HTML) are read by their readers;
this module handles what is left: the lines before the body begins, and the
dates and bylines that the readers find elsewhere.

Dates are read by dateparser (English, French, Spanish, German, Russian), but
only after this module has checked that the string is nothing but a date: the
library is lenient by design ("Tuesday 12 May" becomes a date in the current
year, "2021-13-01" becomes 13 January), and a wrong date is worse than none.
ISO forms, the commonest in <meta> tags and front matter, never reach it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from functools import lru_cache

# --- dates -------------------------------------------------------------------

YEAR_MIN, YEAR_MAX = 1800, 2100
"""Publication years outside this range are page numbers, counts or codes."""

DATE_TEXT_MAX = 80
"""A date, with its prefix and time of day, is never longer than this."""

DATE_LANGUAGES = ["en", "fr", "es", "de", "ru", "it", "pt"]

# A year standing alone as a word: "2020", not "2000s", "12020" or "2020-21".
_YEAR = re.compile(r"(?<![\w.\-/])(1[89]\d\d|20\d\d|2100)(?![\w\-/])")
_ANY_YEAR = re.compile(r"(?<!\d)(?:1[89]|20|21)\d\d(?!\d)")

# Words that say "what follows is a date", in the five languages; a cover or a
# <meta> value often carries one ("Published: 14 February 2023").
_DATE_PREFIX = re.compile(
    r"^(?:"
    r"(?:first\s+|originally\s+)?published(?:\s+on)?|publication\s+date|date\s+of\s+publication|"
    r"release\s+date|posting\s+date|(?:last\s+)?updated(?:\s+on)?|(?:last\s+)?modified(?:\s+on)?|"
    r"revised(?:\s+on)?|posted(?:\s+on)?|issued(?:\s+on)?|released(?:\s+on)?|dated?|as\s+of|on|"
    r"publié(?:e)?(?:\s+le)?|mis\s+à\s+jour(?:\s+le)?|date\s+de\s+publication|paru(?:\s+le)?|le|"
    r"veröffentlicht(?:\s+am)?|aktualisiert(?:\s+am)?|erschienen(?:\s+am)?|stand|datum|vom|am|den|"
    r"publicado(?:\s+el)?|publicada(?:\s+el)?|actualizado(?:\s+el)?|fecha(?:\s+de\s+publicación)?|el|"
    r"опубликовано|обновлено|дата(?:\s+публикации)?|от"
    r")(?:\s*[:：]\s*|\s+|$)",
    re.I,
)
# A time of day after the date ("à 10h", "10:30 UTC", "um 9 Uhr"): said, not kept.
_TRAILING_TIME = re.compile(
    r"(?:[,\s]\s*(?:à|at|um|a\s+las|alle|om|kl\.?|в|-|–))?[,\s]\s*\d{1,2}(?:[:h]\d{2}(?::\d{2})?|\s*h\s*\d{2}|h|\s*uhr)"
    r"(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s*(?:utc|gmt|cet|cest|bst|est|edt|cst|cdt|mst|mdt|pst|pdt|et|ct|pt|aest|aedt|ist|msk|z|[+-]\d{2}:?\d{2}))?"
    r"(?:\s*uhr)?$",
    re.I,
)
# Words that may stand inside a date without making it something else.
_DATE_CONNECTORS = {"de", "del", "of", "the", "den", "г", "г.", "года", "год", "year"}
_YEAR_WORDS = {"г", "г.", "года", "год", "year"}
"""Connectors that say "year" ("2020 г."): with a year alone they still make its date."""
_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|er|e|º|ª|\.|-го|-е)?$", re.I)

_ISO_DAY = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s?(?:Z|[+-]\d{2}(?::?\d{2})?))?)?$"
)
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR_ONLY = re.compile(r"^(\d{4})$")
_YEAR_FIRST = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_DOTTED_DAY_FIRST = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")  # German, Russian, French usage
_SLASHED = re.compile(r"^(\d{1,2})([/-])(\d{1,2})\2(\d{4})$")
# "automne 2021", "Spring 2023", "Herbst 2019": a season dates a bulletin to its year, no more.
_SEASON_YEAR = re.compile(
    r"^(?:spring|summer|autumn|fall|winter|printemps|été|ete|automne|hiver|primavera|verano|otoño|invierno|"
    r"frühling|frühjahr|sommer|herbst|winter|весна|лето|осень|зима)\s+(?:de\s+|of\s+)?(\d{4})(?:\s*г\.?)?$",
    re.I,
)


def parse_date(value: str) -> str | None:
    """ISO date as precise as the source ("July 2020" -> "2020-07"), or None.

    None unless value is a date and nothing else: one year from 1800 to 2100,
    date words, a prefix such as "Published:" and a time of day at most.
    """
    return _parse_date_cached(value.strip())


@lru_cache(maxsize=4096)
def _parse_date_cached(value: str) -> str | None:
    text = _strip_date_prefixes(value.strip("*_ \t").rstrip(" .,;"))
    if not text or len(text) > DATE_TEXT_MAX or not _ANY_YEAR.search(text):
        return None
    text = _MONTH_SLASH_YEAR.sub(r"\1 \2", text)  # "August / 2023", as the ILO's covers set it
    text = _DAY_MONTH_YEAR_HYPHENS.sub(r"\1 \2 \3", text)  # "14-Feb-2025", as PEPs and logs write it
    numeric = _parse_numeric_date(text)
    if numeric is not _NOT_NUMERIC:
        return numeric
    if season := _SEASON_YEAR.match(text):
        return _iso(int(season[1]))
    text = _TRAILING_TIME.sub("", text).rstrip(" ,")
    numeric = _parse_numeric_date(text)
    if numeric is not _NOT_NUMERIC:
        return numeric
    return _parse_worded_date(text)


_MONTH_SLASH_YEAR = re.compile(r"^([^\W\d_]{3,}\.?)\s*/\s*((?:18|19|20)\d\d)$")
_DAY_MONTH_YEAR_HYPHENS = re.compile(r"^(\d{1,2})-([^\W\d_]{3,9})-((?:18|19|20)\d\d)$")


def _strip_date_prefixes(text: str) -> str:
    # "Date: le 15 septembre 2009" has two; three is more than any real one.
    for _ in range(3):
        stripped = _DATE_PREFIX.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    return text.strip()


_NOT_NUMERIC = object()


def _parse_numeric_date(text: str):
    """The forms written only in digits, read without dateparser: they are the
    commonest (ISO in <meta> tags) and the ones it would silently "correct".
    Returns _NOT_NUMERIC when text has another form."""
    if match := _YEAR_ONLY.match(text):
        return _iso(int(match[1]))
    if match := _ISO_MONTH.match(text):
        return _iso(int(match[1]), int(match[2]))
    if match := _ISO_DAY.match(text) or _YEAR_FIRST.match(text):
        return _iso(int(match[1]), int(match[2]), int(match[3]))
    if match := _DOTTED_DAY_FIRST.match(text):
        return _iso(int(match[3]), int(match[2]), int(match[1]))
    if match := _SLASHED.match(text):
        return _day_month_order(int(match[1]), int(match[3]), int(match[4]))
    return _NOT_NUMERIC


def _day_month_order(first: int, second: int, year: int) -> str | None:
    """03/28/2025 is American, 28/03/2025 European; 05/03/2021 could be either,
    and then only the year is certain, so only the year is given."""
    if first > 12:
        return _iso(year, second, first)
    if second > 12 or first == second:
        return _iso(year, first, second)
    if _iso(year, first, second) is None and _iso(year, second, first) is None:
        return None
    return _iso(year)


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """The ISO string, or None for a date that does not exist."""
    if not YEAR_MIN <= year <= YEAR_MAX:
        return None
    if month is None:
        return f"{year}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year}-{month:02d}-{day:02d}"


@dataclass
class _DateWords:
    year: int | None = None
    day: int | None = None
    months: set[int] = field(default_factory=set)
    weekday: bool = False
    connectors: bool = False
    """Words such as "of", "the", "de" were met: they join date parts, and alone join none."""


def _parse_worded_date(text: str) -> str | None:
    words = _read_date_words(text)
    if words is None or words.year is None:
        return None
    if not words.months:
        # A bare year with a prefix ("Published 2020"); a day or a weekday with
        # no month ("Tuesday 2020", "12 2020") is not a date.
        # "The the 1900", "the year 2020": words that join date parts, joining none, make no date.
        return None if (words.day or words.weekday or words.connectors) else _iso(words.year)
    if len(words.months) == 1:
        # Every word is a date word and the month is certain: the calendar decides
        # (an impossible day is None). Running dateparser itself would only agree,
        # at the cost of loading five languages' parsers into every import.
        (month,) = words.months
        return _iso(words.year, month, words.day)
    result = _date_parser().get_date_data(text)
    found = result.date_obj if result else None
    if found is None or found.year != words.year:
        return None
    if len(words.months) == 1 and found.month not in words.months:
        return None
    if words.day is not None:
        if result.period not in ("day", "time") or found.day != words.day:
            return None
        return _iso(found.year, found.month, found.day)
    if result.period != "month":
        return None
    return _iso(found.year, found.month)


def _read_date_words(text: str) -> _DateWords | None:
    """What the words of text are, or None if any of them is no date word."""
    vocabulary = _date_vocabulary()
    words = _DateWords()
    for token in re.findall(r"[^\s,]+", text):
        if _YEAR.fullmatch(token):
            if words.year is not None:
                return None
            words.year = int(token)
            continue
        day = _DAY.match(token)
        if day:
            if words.day is not None:
                return None
            words.day = int(day[1])
            continue
        key = token.lower()
        if key in _DATE_CONNECTORS:
            words.connectors = words.connectors or key not in _YEAR_WORDS
            continue
        key = key.rstrip(".")
        if key in vocabulary.months:
            words.months |= vocabulary.months[key]
        elif key in vocabulary.weekdays:
            words.weekday = True
        else:
            return None
    return words


@dataclass
class _Vocabulary:
    months: dict[str, set[int]]
    weekdays: set[str]


# Weekday abbreviations of two letters ("di", "ma", "tu") are words too often.
_SHORTEST_WEEKDAY = 3
_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@lru_cache(maxsize=1)
def _date_vocabulary() -> _Vocabulary:
    """Month and weekday names of the date languages, from dateparser's own data."""
    from dateparser.languages.loader import default_loader

    months: dict[str, set[int]] = {}
    weekdays: set[str] = set()
    for language in DATE_LANGUAGES:
        info = default_loader.get_locale(language).info
        for number, key in enumerate(_MONTH_KEYS, start=1):
            for name in info.get(key, []):
                months.setdefault(name.lower().rstrip("."), set()).add(number)
        for key in _WEEKDAY_KEYS:
            weekdays.update(name.lower().rstrip(".") for name in info.get(key, []) if len(name) >= _SHORTEST_WEEKDAY)
    for name in ("sept", "févr", "fevrier", "aout", "decembre", "maerz"):  # spellings seen on covers
        months.setdefault(name, set()).add({"sept": 9, "févr": 2, "fevrier": 2, "aout": 8, "decembre": 12, "maerz": 3}[name])
    return _Vocabulary(months, weekdays)


@lru_cache(maxsize=1)
def _date_parser():
    """One parser for the whole process: building it loads five languages."""
    from dateparser.date import DateDataParser

    settings = {
        "PARSERS": ["absolute-time"],  # no "yesterday", no Unix timestamps
        "REQUIRE_PARTS": ["year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
    }
    return DateDataParser(languages=DATE_LANGUAGES, try_previous_locales=False, settings=settings)


# Parts of a cover line that hold one field each: "Institute · Brief No. 7 · March 2022".
_FIELD_SEPARATOR = re.compile(r"\s*[·•|\[\]()]\s*|\s+[—–-]\s+|\s*;\s*")
# Tokens after the year that may still belong to its date: "г.", "à 10h".
_DATE_TAIL_TOKENS = 4
# Tokens before the year: "Release Date: Tuesday, March 3," has five.
_DATE_HEAD_TOKENS = 7


FIND_DATE_TEXT_MAX = 400
"""find_date reads a line (a cover line, a <meta> value), not a paragraph."""


def find_date(text: str) -> str | None:
    """The first date inside a longer line ("Brief No. 7 · March 2022" -> "2022-03")."""
    if len(text) > FIND_DATE_TEXT_MAX or not _ANY_YEAR.search(text):
        return None  # the common case, and a cheap one
    whole = parse_date(text)
    if whole:
        return whole
    for segment in _FIELD_SEPARATOR.split(text):
        if _ANY_YEAR.search(segment):
            date = _date_in_segment(segment.split())
            if date:
                return date
    return None


def _date_in_segment(tokens: list[str]) -> str | None:
    for index, token in enumerate(tokens):
        if not _ANY_YEAR.search(token):
            continue
        for start in range(max(0, index - _DATE_HEAD_TOKENS), index + 1):
            if not _may_start_a_date(tokens, start):
                continue
            for end in range(min(len(tokens), index + 1 + _DATE_TAIL_TOKENS), index, -1):
                candidate = " ".join(tokens[start:end])
                date = parse_date(candidate)
                if date:
                    return date
                if _is_date_shaped(candidate):
                    # "31 February 2021" is written as a date and is none; a
                    # shorter piece of it ("February 2021") would be another date.
                    return None
    return None


def _is_date_shaped(text: str) -> bool:
    """Written only in date words and numbers, with a year: a date, or an impossible one."""
    text = _strip_date_prefixes(text.strip("*_ \t").rstrip(" .,;"))
    if _parse_numeric_date(text) is not _NOT_NUMERIC:
        return True
    words = _read_date_words(_TRAILING_TIME.sub("", text).rstrip(" ,"))
    return words is not None and words.year is not None


def _may_start_a_date(tokens: list[str], start: int) -> bool:
    """A number right after a word is that word's ("No. 7 March 2022"), not a day."""
    if start == 0 or not tokens[start][:1].isdigit():
        return True
    return tokens[start - 1].endswith((",", ":", ";"))


# --- bylines -----------------------------------------------------------------

_PARTICLES = {"de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "le", "la", "bin", "ibn", "y",
              "dos", "das", "zu", "ten", "ter", "al", "el", "e"}
_NOT_NAME_WORDS = {
    # organisations
    "institute", "institut", "instituto", "institución", "centre", "center", "centro", "zentrum", "university",
    "université", "universidad", "universität", "foundation", "fondation", "fundación", "stiftung", "council",
    "conseil", "press", "review", "agency", "agence", "agencia", "ministry", "ministère", "ministerio",
    "ministerium", "group", "groupe", "grupo", "office", "department", "association", "society", "société",
    "sociedad", "gesellschaft", "bank", "banque", "banco", "commission", "observatory", "observatoire",
    "programme", "program", "forum", "network", "trust", "fund", "fonds", "authority", "bureau", "company",
    "corporation", "ltd", "inc", "gmbh", "llc", "plc", "ag", "sa", "school", "college", "academy", "académie",
    "laboratory", "lab", "unit", "division", "service", "services", "partners", "consulting", "news", "times",
    "media", "publishing", "éditions", "verlag", "editorial", "project", "initiative", "coalition", "alliance",
    "union", "federation", "fédération", "parliament", "parlement", "government", "gouvernement", "gobierno",
    "regierung", "europe", "european", "européenne", "international", "internationale", "national", "nationale",
    "ifri", "ngo", "think", "team", "équipe", "equipo", "desk", "newsroom", "redaktion", "rédaction", "redacción",
    "committee", "comité", "ausschuss", "secretariat", "secrétariat", "staff", "команда", "редакция",
    "united", "nations", "unies", "naciones", "unidas", "cooperation", "coopération", "cooperación", "cooperação",
    "zusammenarbeit", "programa", "programm", "economics", "development", "economía", "économie",
    # the kinds of document and their parts
    "policy", "brief", "report", "rapport", "informe", "bericht", "paper", "working", "series", "journal",
    "research", "studies", "study", "étude", "estudio", "studie", "contents", "summary", "introduction",
    "abstract", "table", "notes", "edition", "édition", "edición", "ausgabe", "draft", "version", "issue",
    "volume", "chapter", "chapitre", "capítulo", "kapitel", "part", "partie", "section", "annex", "annexe",
    "anexo", "anhang", "appendix", "findings", "overview", "background", "methodology", "conclusion",
    "conclusions", "recommendations", "acknowledgements", "acknowledgments", "references", "bibliography",
    "sources", "glossary", "preface", "foreword", "résumé", "sommaire", "synthèse", "resumen", "índice",
    "zusammenfassung", "einleitung", "inhalt", "fazit", "key", "case", "analysis", "update", "outlook",
    "briefing", "factsheet", "note", "newsletter", "memo", "statement", "release", "annual", "quarterly",
    "monthly", "weekly", "digest", "bulletin", "dossier", "page", "figure", "copyright", "rights", "reserved",
    "ebook", "gutenberg",
    # function words that a name never has
    "the", "and", "of", "for", "in", "on", "to", "with", "at", "from", "an", "a", "les", "des", "et", "pour",
    "sur", "avec", "und", "für", "mit", "über", "zur", "zum", "im", "los", "las", "en", "con", "para", "por",
    "sobre", "и", "в", "на", "о", "об", "для",
}
# Job titles and degrees after a name ("Jane Doe, Senior Fellow"): left out of it.
_JOB_WORDS = {
    "fellow", "senior", "junior", "director", "directrice", "directeur", "directora", "direktor", "direktorin",
    "researcher", "chercheur", "chercheuse", "investigador", "investigadora", "forscher", "forscherin",
    "wissenschaftler", "wissenschaftlerin", "analyst", "analyste", "analista", "economist", "économiste",
    "economista", "ökonom", "ökonomin", "professor", "professeur", "professeure", "profesor", "profesora",
    "professorin", "lecturer", "editor", "editors", "éditeur", "éditrice", "redakteur", "redakteurin", "head",
    "chair", "chairman", "chairwoman", "president", "président", "présidente", "presidente", "präsident",
    "associate", "assistant", "manager", "coordinator", "coordinatrice", "coordinateur", "coordinador",
    "adviser", "advisor", "conseiller", "conseillère", "asesor", "berater", "beraterin", "consultant",
    "correspondent", "correspondant", "corresponsal", "korrespondent", "reporter", "journalist", "journaliste",
    "periodista", "writer", "contributor", "officer", "specialist", "spécialiste", "especialista", "expert",
    "experte", "experto", "experta", "scientist", "chargé", "chargée", "leiter", "leiterin", "referent",
    "referentin", "staff", "intern", "visiting", "emeritus", "deputy", "chief", "executive", "founder", "lead",
    "principal", "member", "candidate", "student", "phd", "ph.d", "dr", "md", "mba", "msc", "ma", "ba",
    "корреспондент", "эксперт", "директор", "научный", "сотрудник", "аналитик", "профессор", "редактор",
}
# Said before a name and not part of it.
_HONORIFICS = {"dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mme", "mlle", "herr",
               "frau", "sr.", "sra.", "dra.", "dña.", "don", "doña"}

AUTHOR_PREFIX = re.compile(
    r"^(?:by|written\s+by|authors?|auteure?s?|autor(?:es|en|in|a|as|zy)?|autoría|autoria|autori|autore|a\s+cura\s+di|"
    r"par|von|por|door|автор(?:ы)?|автори|"
    r"текст|verfasst\s+von|prepared\s+by|compiled\s+by|report\s+by|préparé\s+par|rédigé\s+par|elaborado\s+por|"
    r"redactado\s+por|erstellt\s+von|bearbeitet\s+von|подготовил[аи]?|rapporteure?s?|rapporteur|ponente)\b"
    # both genders, as the Historisches Lexikon der Schweiz labels its authors: "Autorin/Autor:", "Auteure/Auteur:"
    r"(?:\s*/\s*(?:autor(?:in)?|auteure?|autrice|autore))?\s*[:：/]?\s+",
    re.I,
)
# "and" in the users' languages: English, French, Spanish, German, Russian, Italian and
# Portuguese "e", Dutch "en", Polish and Ukrainian "i"/"і", and no one-letter word that English uses alone.
_AND = r"(?:and|&|et|y|und|и|e|en|i|і)"
_NAME_SEPARATOR = re.compile(rf"\s*[,;]\s*(?:{_AND}\s+)?|\s+{_AND}\s+")
_INITIALS = re.compile(r"^[^\W\d_][^\W\d_]?\.(?:-?[^\W\d_][^\W\d_]?\.)*$")
BYLINE_MAX = 160
"""A cover line naming authors is shorter than this; longer is prose."""
NAME_TOKENS_MIN, NAME_TOKENS_MAX = 2, 5


def parse_author_line(line: str) -> list[str] | None:
    """Names on a cover line ("By Jane Doe and Ola Smith"), or None if it is not one.

    A byline may carry a job title ("Jane Doe, Senior Fellow"), an organisation
    or a date ("Jane Doe | March 2022"): those are left out of the names. A
    line with anything else on it (a heading, a sentence) is not a byline.
    """
    line = line.strip().strip("*_").strip()
    labelled = AUTHOR_PREFIX.match(line)
    if labelled:
        line = line[labelled.end():]
    if not line or len(line) > BYLINE_MAX:
        return None
    # "Par Mme Hélène MARCHAND et M. Thierry VAUBAN": in French "M." is Monsieur, not an initial.
    french = bool(_FRENCH_CIVILITY.search(line) or (labelled and labelled.group(0).strip().lower().startswith("par")))
    names: list[str] = []
    for position, part in enumerate(_FIELD_SEPARATOR.split(line)):
        part = part.strip(" .")
        if not part:
            continue
        if _ANY_YEAR.search(part):
            if position == 0 or not find_date(part):
                return None  # a date comes after the names, never instead of them
            continue
        found = _names_in_field(part, labelled=bool(labelled), after_name=bool(names), french=french)
        if found is None:
            return None
        names.extend(name for name in found if name not in names)
    return names or None


_FRENCH_CIVILITY = re.compile(r"(?<!\w)(?:Mmes?|MM\.|Mlles?)(?!\w)")


def _names_in_field(part: str, labelled: bool, after_name: bool, french: bool = False) -> list[str] | None:
    """The names in one field of a byline, [] for an affiliation, None for no byline."""
    if re.search(r"\d", part):
        return None
    names: list[str] = []
    pieces = _NAME_SEPARATOR.split(part)
    joined_by_and = [False] + [not sep.strip().startswith((",", ";")) for sep in _NAME_SEPARATOR.findall(part)]
    for piece, after_and in zip(pieces, joined_by_and):
        piece = piece.strip(" .")
        if not piece:
            continue
        if labelled and (names or after_name) and piece[:1].islower():
            continue  # "Lucía Beltrán Ortega, ingeniera agrónoma": what she is, after who she is
        tokens = [token for token in piece.split() if token.lower() not in _HONORIFICS]
        if french and len(tokens) >= 3 and tokens[0] in ("M.", "MM.") and not _INITIALS.match(tokens[1]):
            tokens = tokens[1:]
        lowered = [token.lower().strip(".,") for token in tokens if not _INITIALS.match(token)]
        affiliation = (names or after_name) and any(word in _NOT_NAME_WORDS for word in lowered)
        if affiliation or any(word in _JOB_WORDS for word in lowered):
            if after_and and not labelled:
                return None  # "Tariff Reform and Household Connections in …": an affiliation follows a comma, not "and"
            continue  # a job title or an organisation after a name
        name = _name(tokens, labelled)
        if name is None:
            return None
        names.append(name)
    return names


def _name(tokens: list[str], labelled: bool) -> str | None:
    """The person's name these tokens spell, or None."""
    # One word is a name only where the document says so ("Author: Plato").
    fewest = 1 if labelled else NAME_TOKENS_MIN
    if not fewest <= len(tokens) <= NAME_TOKENS_MAX:
        return None
    if any(token.lower().strip(".,") in _NOT_NAME_WORDS for token in tokens if not _INITIALS.match(token)):
        return None
    if not _is_name_token(tokens[0]) or not all(_is_name_token(t) or t.lower() in _PARTICLES for t in tokens):
        return None
    return " ".join(_uncapitalise(token) for token in tokens)


def _is_name_token(token: str) -> bool:
    """A capitalised word ("Doe", "O'Brien", "Jean-Paul", "Пятаков") or initials ("J.", "J.-P.", "Yu.")."""
    if _INITIALS.match(token):
        return token[0].isupper()
    if token[:2].lower() in ("d'", "d’", "l'", "l’") and len(token) > 3:
        token = token[2:]  # d'Alembert
    letters = token.replace("-", "").replace("'", "").replace("’", "")
    return len(letters) >= 2 and letters.isalpha() and token[0].isupper()


def _uncapitalise(token: str) -> str:
    """PYATAKOV -> Pyatakov; initials ("H.J.", "J.-P.") and mixed case stay as written."""
    if "." in token:
        return token  # initials: "H.J." must not become "H.j."
    letters = token.replace("-", "").replace("'", "").replace("’", "")
    if len(letters) > 2 and letters.isupper():
        return "-".join(part.capitalize() for part in token.split("-"))
    return token


# --- "Key: value" header blocks ------------------------------------------------

# Field names of the header blocks that open e-texts and exported reports
# (Project Gutenberg: "Title:", "Author:", "Release Date:", "Language:").
_HEADER_KEYS = {
    "title": ("title", "titre", "titel", "título", "titulo", "название", "заглавие"),
    "subtitle": ("subtitle", "sous-titre", "untertitel", "subtítulo"),
    "author": ("author", "authors", "auteur", "auteurs", "auteure", "autor", "autoren", "autora", "autores",
               "автор", "авторы"),
    "editor": ("editor", "editors", "éditeur", "herausgeber", "редактор"),
    "translator": ("translator", "traducteur", "traductrice", "übersetzer", "übersetzung", "traductor",
                   "traductora", "переводчик", "перевод"),
    "illustrator": ("illustrator", "illustrateur", "illustrations"),
    "date": ("date", "release date", "posting date", "publication date", "published", "date published",
             "first published", "original publication", "last updated", "updated", "most recently updated", "date de publication",
             "date de parution", "publié le", "datum", "erscheinungsdatum", "veröffentlicht",
             "veröffentlicht am", "fecha", "fecha de publicación", "publicado", "дата", "дата публикации",
             "опубликовано"),
    "language": ("language", "langue", "sprache", "idioma", "язык"),
    "credits": ("credits", "produced by", "crédits", "character set encoding", "encoding"),
    "publisher": ("publisher", "éditeur commercial", "verlag", "editorial", "издательство"),
}
_HEADER_KEY_OF = {name: key for key, names in _HEADER_KEYS.items() for name in names}
_HEADER_LINE = re.compile(r"^\s*([^\W\d_][\w .'’-]{0,30}?)\s*[:：]\s*(\S.*)$")
# Gutenberg continues a long value on lines indented under it.
_CONTINUATION = re.compile(r"^\s{2,}\S")


def header_field(line: str) -> tuple[str, str] | None:
    """("author", "Jane Doe") for "Author: Jane Doe"; None for any other line."""
    match = _HEADER_LINE.match(line)
    if not match:
        return None
    key = _HEADER_KEY_OF.get(re.sub(r"\s+", " ", match[1]).lower())
    return (key, match[2].strip()) if key else None


def header_fields(lines) -> dict[str, str]:
    """The known "Key: value" fields among lines, keyed by title, subtitle,
    author, editor, translator, illustrator, date, language, credits,
    publisher; the first of each wins, and indented lines continue a value."""
    fields: dict[str, str] = {}
    current: str | None = None
    for line in lines:
        found = header_field(line)
        if found:
            key, value = found
            current = key if key not in fields else None
            fields.setdefault(key, value)
        elif current and _CONTINUATION.match(line):
            fields[current] = f"{fields[current]} {line.strip()}"
        else:
            current = None
    return fields


# --- the cover -----------------------------------------------------------------

@dataclass
class CoverInfo:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    lines_used: int = 0
    """How many of the given cover lines are cover, not body."""
    first_line: str | None = None
    """The cover's first line, when it was read as the title (it may be the publisher's)."""
    furniture: list[str] = field(default_factory=list)
    """Cover lines that are the sender's, not the document's: a press release's "FOR IMMEDIATE
    RELEASE", its logo and press contact. (A series line or a publisher's name stays in the text.)"""


COVER_LINE_MAX = 150


_SENTENCE_END = re.compile(r"[.!][\"”’)]?[⁰¹²³⁴⁵⁶⁷⁸⁹\d\]\[]*$")
# A period inside a line, followed by a capital: two sentences, unless the word
# before it is an initial or a title ("By Dr. Jane Doe", "J. R. Smith").
_INNER_SENTENCE_END = re.compile(r"(\S*)[.!?][⁰¹²³⁴⁵⁶⁷⁸⁹]*\s+[A-ZÀ-ÖØ-ÞА-ЯЁ]")
_NOT_SENTENCE_ENDING = {"dr", "prof", "mr", "mrs", "ms", "mme", "st", "no", "nr", "vol", "sr", "sra", "jr", "ed",
                        "eds", "trans", "ph.d", "m", "dra"}
SECTION_NAMES = re.compile(
    r"^\W*(summary|abstract|introduction|conclusions?|foreword|preface|executive summary|contents|table of contents|"
    r"acknowledg(e)?ments|about the authors?|recommendations|notes|endnotes|references|"
    r"résumé|sommaire|table des matières|avant-propos|préface|synthèse|"
    r"zusammenfassung|einleitung|inhalt|inhaltsverzeichnis|vorwort|"
    r"resumen|introducción|índice|prólogo|conclusiones|"
    r"аннотация|введение|содержание|оглавление|предисловие)\W*$",
    re.I,
)


def is_cover_line(line: str) -> bool:
    """Short, single-line, not a sentence, not a section: the stuff of a cover page."""
    line = line.strip()
    if not line or "\n" in line or len(line) > COVER_LINE_MAX or SECTION_NAMES.match(line):
        return False
    if line.endswith((",", ";")) and not (line.endswith(",") and _in_title_case(line)):
        return False  # a line that a comma ends goes on: a sentence, not a title ("Block Tariffs, Shared Connections," is one)
    if parse_date(line) or _dateline(line):
        return True  # "15. März 2021", "Brussels, 14.10.2019" have periods, and are no sentences
    if _has_inner_sentence_end(line):
        return False
    # A sentence is body text, unless it is only a date or a byline ("July 2020.").
    return not _SENTENCE_END.search(line) or bool(parse_author_line(line))


# "U.S. Congress", "z.B. Mieten": letters each closed by a period abbreviate; no sentence ends there.
_DOTTED_ABBREVIATION = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]$")


def _has_inner_sentence_end(line: str) -> bool:
    for match in _INNER_SENTENCE_END.finditer(line):
        word = match[1].lstrip("(“\"'«").lower()
        if len(word) == 1 or word in _NOT_SENTENCE_ENDING or _DOTTED_ABBREVIATION.match(word):
            continue
        return True
    return False


def read_cover(lines: list[str]) -> CoverInfo:
    """Read title, authors and date from the cover lines that open a document.

    Only the lines given are looked at, and only until the first that is not
    cover, so a large document costs no more than a small one.
    """
    info = CoverInfo()
    used = 0
    title_line = 0
    subtitle_line = -1
    in_contact = False
    dated_before_title = False
    """A series line above the title dated the paper: the date then closes nothing."""
    for line in lines:
        if not is_cover_line(line) or story_dateline(line.strip()):
            break  # "LONDON, 14 May 2024 -- One in three…" starts the story
        used += 1
        stripped = line.strip().strip("*_").strip()
        if _COVER_FURNITURE.match(stripped) or (used == 1 and _EDITION_LANGUAGE.match(stripped)) or (in_contact and (_CONTACT_DETAIL.search(stripped) or parse_author_line(stripped))):
            info.furniture.append(stripped)
            in_contact = in_contact or bool(_CONTACT_HEADING.match(stripped))
            continue
        in_contact = False
        if _take_header_field(info, stripped):
            continue
        date = parse_date(stripped)
        if date:
            info.date = info.date or date
            continue
        if _DOCUMENT_KIND.match(stripped) and info.title is not None and info.title == info.first_line and not info.date:
            # "МИНИСТЕРСТВО … / РОССИЙСКОЙ ФЕДЕРАЦИИ / ДОКЛАД / О СОСТОЯНИИ …": what stood above the
            # kind of paper is who issued it (those lines stay text); the title is the kind and what follows.
            info.title, info.authors, info.first_line = stripped.rstrip("."), [], None
            title_line = used  # "REPORT / ON / RURAL WATER SUPPLIES": the kind opens the title
            continue
        if info.title is None and not info.authors and (_SERIES_BAND.match(stripped) or _in_lower_case(stripped)):
            # "DOCUMENTOS DE PROYECTOS" over the title: the series' band, which stays in the text; so does
            # a band set in lower case, as a logo ("estudios / sobre la economía / española - 2023/14"): no title opens so
            continue
        if info.title is not None and _CHAPTER_LINE.match(stripped):
            continue  # a chapter's heading under the title, on the cover of one chapter: text, no subtitle
        if info.title is not None and used == title_line + 1 and not info.authors and _continues_capitals_title(info.title, stripped):
            # "REPORT / ON / RURAL WATER SUPPLIES / IN THE COUNTY": one title in capitals, not a name under it
            info.title = f"{info.title} {stripped.rstrip('.')}"
            title_line = used
            continue
        if info.title is not None and used in (title_line + 1, subtitle_line + 1) and not info.authors \
                and _title_runs_on(info.title, stripped):
            # "Fuel Subsidy Reform and / Household Welfare: Evidence / from Price Pass-Through in / Sub-Saharan
            # Africa": a title broken where it cannot end, so the next line is its own ("Sub-Saharan Africa" no name)
            info.title = f"{info.title} {stripped.rstrip('.')}"
            title_line = used
            continue
        names = parse_author_line(stripped)
        if names and (info.title is not None or AUTHOR_PREFIX.match(stripped)):
            info.authors.extend(name for name in names if name not in info.authors)
            info.date = info.date or _date_in_fields(stripped)
            continue
        if _SERIES_LINE.search(stripped) and (info.title is None or not info.authors):
            # "Working Paper No. 14", "Рабочий доклад № 14", "Policy Paper No. 14 | March 2023":
            # the series, not the title nor a subtitle; it may date the paper.
            info.date = info.date or find_date(stripped)
            publisher_above = info.title is not None and title_line == used - 1 and _is_publisher_title(info, title_line)
            dated_before_title = dated_before_title or ((info.title is None or publisher_above) and info.date is not None)
            if publisher_above:
                title_line = used  # a publisher's line, then its series, then the title
            continue  # not read into the metadata: the line stays in the text
        fields_date = _date_in_fields(stripped) or _dateline(stripped)
        if fields_date and info.title is not None:
            # "Harbour Institute · Brief No. 7 · March 2022": the publisher's line.
            info.date = info.date or fields_date
            continue
        if fields_date and info.title is None and not info.authors and _is_publisher_band(stripped):
            # The same line above the title: it dates the paper, and stays in the text.
            info.date = info.date or fields_date
            dated_before_title = True
            continue
        if info.date and info.title and not names and not dated_before_title:
            used -= 1  # the date closes the cover; only authors may follow it
            break
        if info.title is None:
            info.title = stripped.rstrip(".")
            title_line = used
            if used == len(info.furniture) + 1:
                info.first_line = info.title
        elif used == title_line + 1 and _is_publisher_title(info, title_line):
            # "DEPARTMENT OF WATER AND COASTAL AFFAIRS" over the title: the publisher, not the title's first half.
            info.title = stripped.rstrip(".")
            title_line = used
        elif used == title_line + 1 and not info.authors and (
                (in_capitals := _in_capitals(info.title) and _in_capitals(stripped)) or len(stripped.split()) >= 2):
            # A second title line is the subtitle; a title set in capitals goes on ("REPORT / ON / …").
            continues = stripped[0].islower() or stripped.split()[0].lower() in _TITLE_CONTINUATIONS
            separator = " " if info.title.endswith(":") or continues or in_capitals else ": "
            info.title = info.title + separator + stripped.rstrip(".")
            subtitle_line = used  # "Los casos de …, Puerto Aldana / y Villa Corrales": a subtitle runs on too
            if in_capitals:
                title_line = used  # a title set in capitals runs on over its lines
    info.lines_used = used
    return info


# The kind of paper alone on its line, between the issuing body and the title.
_DOCUMENT_KIND = re.compile(r"^(?:ДОКЛАД|ОТЧ[ЕЁ]Т|АНАЛИТИЧЕСКИЙ ДОКЛАД|ГОСУДАРСТВЕННЫЙ ДОКЛАД|REPORT|FINAL REPORT|RAPPORT|"
                            r"RAPPORT FINAL|BERICHT|ABSCHLUSSBERICHT|GUTACHTEN|INFORME|INFORME FINAL|RELAZIONE|STUDY|STUDIE|"
                            r"ÉTUDE|ESTUDIO|WHITE PAPER|DISCUSSION PAPER|POLICY BRIEF)\W*$", re.I)
# A series' band in capitals over a cover's title: the kind of paper in the plural, or a series' name
# ("DOCUMENTOS DE PROYECTOS", "WORKING PAPERS", "SERIE MEDIO AMBIENTE Y DESARROLLO", "ESTUDIOS Y PERSPECTIVAS").
_SERIES_BAND = re.compile(r"^(?:DOCUMENTOS DE (?:PROYECTOS|TRABAJO)|(?:PROJECT|WORKING|DISCUSSION|POLICY|RESEARCH|OCCASIONAL|"
                          r"TECHNICAL) (?:DOCUMENTS|PAPERS|BRIEFS|NOTES)|ESTUDIOS Y PERSPECTIVAS|DOCUMENTS DE TRAVAIL|"
                          r"(?:SERIE|SERIES|SÉRIE|SCHRIFTENREIHE)\b.{0,60})$")
# "Глава 3. Финансовая поддержка …", "Chapter 4: Housing": one chapter's heading on its cover.
_CHAPTER_LINE = re.compile(r"^(?:глава|раздел|часть|chapter|chapitre|kapitel|capítulo|capitolo|hoofdstuk|rozdział)\s+(?:\d{1,3}|[IVXLC]{1,6})\b", re.I)


_CONNECTIVES = frozenset("of on in the and for to at by with from de du des la le les sur et en au aux der die das und im zur zum "
                         "über für von del el los las y sobre para о об и в во на по для с к из от при".split())


def _continues_capitals_title(title: str, line: str) -> bool:
    """A title in capitals broken at a connective word: the break falls before or after it."""
    if not (_in_capitals(title) and _in_capitals(line)):
        return False
    return title.split()[-1].lower() in _CONNECTIVES or line.split()[0].lower() in _CONNECTIVES


def _title_runs_on(title: str, line: str) -> bool:
    """The title's line breaks where no title ends: on a colon or a connective word ("… and", "… of"),
    or the next line opens in lower case ("from Price …"), and that line is no byline."""
    if AUTHOR_PREFIX.match(line) or _in_capitals(title) != _in_capitals(line):
        return False
    last = title.split()[-1].lower()
    return title.endswith(":") or last in _CONNECTIVES or last in _TITLE_CONTINUATIONS or line[0].islower()


_TITLE_CASE_SHARE = 0.75
_TITLE_CASE_WORDS_MIN = 2


def _in_title_case(text: str) -> bool:
    """Most words capitalised, small words aside: a headline's or a title's case, not a sentence's."""
    words = [word for word in re.findall(r"[^\W\d_][\w'’-]*", text) if word.lower() not in _CONNECTIVES]
    capitalised = sum(1 for word in words if word[0].isupper())
    return len(words) >= _TITLE_CASE_WORDS_MIN and capitalised >= _TITLE_CASE_SHARE * len(words)


def _in_lower_case(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and not any(ch.isupper() for ch in letters)


def _in_capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


# A title broken over two cover lines: the second goes on with a conjunction ("ASILI NIDO:
# DOVE MANCANO I POSTI / E QUANTO COSTA…") or "of", where a subtitle never starts; an
# article or another preposition may start a subtitle ("…: The Economics of…").
_TITLE_CONTINUATIONS = frozenset("and or of e et y und oder ou o i и или".split())


# What a sender puts above a press release or a newsletter, before its headline.
_CONTACT_HEADING = re.compile(r"^(?:media|press|news)\s+(?:contacts?|enquiries|inquiries)\s*:?.*$|^(?:contact(?:s)?(?:\s+presse)?|kontakt|pressekontakt|contacto(?:\s+de\s+prensa)?)\s*:.*$", re.I)
_COVER_FURNITURE = re.compile(
    r"^(?:for immediate release|immediate release|embargoed(?:\s+(?:until|till)\b.*)?|under embargo.*|"
    r"press release|news release|media release|communiqué de presse|pour diffusion immédiate|"
    r"pressemitteilung|presseinformation|nota de prensa|comunicado de prensa|пресс-релиз)\W*$"
    r"|^view (?:this (?:e-?mail|newsletter) )?(?:in your browser|online|as a web ?page)\b.*$"
    r"|^\[(?:logo|image|photo|graphic|banner)\b[^\]]*\]$"
    r"|" + _CONTACT_HEADING.pattern,
    re.I,
)
# A line of a press contact: a telephone number, an e-mail address, a web address.
_CONTACT_DETAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|(?:\+|\b00)\d[\d ()-]{6,}\d|\b(?:tel|phone|mobile|fax)\b|https?://|www\.", re.I)


def _is_publisher_title(info: CoverInfo, title_line: int) -> bool:
    """The title read so far is the cover's first line, naming an organisation: its publisher."""
    return (info.title is not None and info.title == info.first_line and len(info.title.split()) <= PUBLISHER_WORDS_MAX
            and _PUBLISHER_LINE.search(info.title) is not None and not info.authors)


PUBLISHER_WORDS_MAX = 9
"""An organisation's name is short; a longer line naming one ("…, Trust finds") is a headline."""


# A cover's first line naming an organisation is its publisher when a title follows.
_PUBLISHER_LINE = re.compile(
    r"(?<!\w)(?:department|ministry|institute|institut|centre|center|council|agency|office|commission|foundation|"
    r"fondation|stiftung|syndicat|association|society|société|sociedad|gesellschaft|verein|university|université|universität|universidad|trust|bureau|"
    r"authority|agence|ministère|ministerio|ministerium|bundesamt|landesamt|observatory|observatoire|"
    r"fondazione|fundación|fundação|fundacja|stichting|istituto|instituto|instytut|instituut|associazione|"
    r"asociación|associação|stowarzyszenie|vereniging|osservatorio|observatorio|ministero|ministério|agenzia|"
    r"consejo|conseil|consiglio|conselho|raad|rada|совет|рада|"
    r"министерство|центр|институт|фонд|служба|управление|общество)(?!\w)",
    re.I,
)
# "Working Paper No. 14", "n. 42", "№ 3", or a series code alone ("WP/24/37", "DP/2023/11").
_SERIES_LINE = re.compile(
    r"(?:\b(?:no|nr|núm|vol|issue)\.?|\bn\.|n°|nº|№|#)\s*\d|^[A-Z]{1,6}/\d{2,4}/\d{1,5}$"
    # "Development Research Working Paper 487": a series' paper and its number, not a year ("Working Paper 2024" is unsure)
    r"|\b(?:working|discussion|policy|research|occasional|staff|background|technical) (?:papers?|briefs?|notes?|reports?)"
    r"\s+(?!(?:19|20)\d\d\b)\d{1,5}\s*$"
    # the European Court of Auditors' "Special report 05/2024", a weekly's issue "11 / 2024"
    r"|\b(?:special|annual|audit|review) (?:report|review)s?\s+\d{1,3}\s*/\s*\d{2,4}\s*$|^\d{1,3}\s*/\s*(?:19|20)\d\d$",
    re.I,
)
# The language of the edition alone on the cover's first line ("EN", as the EU institutions print it)
_EDITION_LANGUAGE = re.compile(r"^(?:EN|FR|DE|ES|IT|NL|PT|PL|BG|CS|DA|EL|ET|FI|GA|HR|HU|LT|LV|MT|RO|SK|SL|SV)$")


# A place and a date, as letters and reports sign: "Lyon, le 2 juin 2017",
# "Brussels, 14.10.2019", "Berlin, den 3. März 2021", "Москва, 15 сентября 2009 г.".
# The time of day a timestamp closes with ("15.30 GMT", ", 17.02 Uhr", " à 06h00", " at 9:41 a.m. EDT"):
# no part of the date it stamps, and what tells a page's stamp from a date its text names.
TIME_OF_DAY = re.compile(r"[\s,–—-]+(?:um\s+|à\s+|at\s+|a las\s+|alle\s+|в\s+)?\d{1,2}[:.h]\d{2}(?:\s*(?:uhr|h|a\.m\.|p\.m\.|am|pm))?"
                         r"(?:\s*(?:GMT|BST|CET|CEST|UTC|MSK|ET|EST|EDT|PT|[+-]\d{2}:?\d{2}))?\s*$", re.I)


_DATELINE = re.compile(r"^(?P<place>[A-ZÀ-ÞА-ЯЁ][\w'’.-]*(?:[ -][A-ZÀ-ÞА-ЯЁa-zà-ÿ][\w'’.-]*){0,3}),\s*(?:den\s+|am\s+)?(?P<date>.+)$")


def _dateline(line: str) -> str | None:
    match = _DATELINE.match(line)
    return parse_date(match.group("date")) if match else None


# Letters, memos and council papers name their subject in a field: "Betreff:", "Subject:",
# "Objet :", "Asunto:", "Oggetto:", "Onderwerp:", "Тема:" -- the value on the line or under it.
_SUBJECT_FIELD = re.compile(r"^\s*(?:betreff|subject|re|objet|asunto|oggetto|onderwerp|тема)\s*[:：]\s*(?P<value>.*?)\s*$", re.I)
SUBJECT_LINES = 40
"""A subject field sits in a paper's head, before its text."""


def subject_line(lines: list[str]) -> str | None:
    """The subject a letter, memo or council paper gives itself, or None."""
    for index, line in enumerate(lines[:SUBJECT_LINES]):
        match = _SUBJECT_FIELD.match(line)
        if not match:
            continue
        value = match.group("value") or next((l.strip() for l in lines[index + 1:index + 3] if l.strip()), "")
        value = value.strip().rstrip(".")
        if value and len(value) <= COVER_LINE_MAX and not _SENTENCE_END.search(value):
            return value
    return None


# A news story's first words: "LONDON, 14 May 2024 -- One in three…", "PARIS (AFP), 3 mars 2021 – Le…".
_STORY_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-ÞА-ЯЁ][A-ZÀ-ÞА-ЯЁa-zà-ÿа-яё'’. -]{1,40}?)(?:\s*\([^()\n]{1,30}\))?,\s*"
    r"(?P<date>[^\n,–—]{4,40}?(?:,\s*\d{4})?)\s*(?:--|—|–|-|:)\s+\S"
)


def story_dateline(paragraph: str) -> str | None:
    """The date of the dateline that opens a news story or press release, or None.

    Only read, never taken out: the dateline is the first sentence's own text."""
    match = _STORY_DATELINE.match(paragraph[:DATE_TEXT_MAX + 50])
    return parse_date(match.group("date")) if match else None


def _is_publisher_band(line: str) -> bool:
    """'NORTHMERE OBSERVATORY · BRIEFING 14 · OCTOBER 2025': three fields or more, no sentence; a title has fewer."""
    fields = [field for field in _FIELD_SEPARATOR.split(line) if field.strip()]
    return len(fields) >= 3 and not line.rstrip().endswith(".")


def _date_in_fields(line: str) -> str | None:
    """A date in one of the fields of a line with several ("Jane Doe | March 2022")."""
    if len(_FIELD_SEPARATOR.split(line)) < 2:
        return None
    return find_date(line)


def _take_header_field(info: CoverInfo, line: str) -> bool:
    """Fill info from a "Title: …", "Author: …", "Release Date: …" line."""
    found = header_field(line)
    if not found:
        return False
    key, value = found
    if key == "title":
        info.title = value.rstrip(".")
    elif key == "subtitle" and info.title:
        info.title = f"{info.title}: {value.rstrip('.')}"
    elif key == "author":
        names = parse_author_line(f"Author: {value}") or []
        info.authors.extend(name for name in names if name not in info.authors)
    elif key == "date":
        info.date = info.date or find_date(value)
    return True
