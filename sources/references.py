"""Classify footnotes and parse the bibliographic references in them.

Notes arrive as clean text (no HTML) that may keep Markdown ``*italic*``
asterisks; an italic span is a useful signal (title or container), so it is
recorded before the asterisks are dropped. The parser is heuristic by design:
it targets the styles seen in think-tank reports (Chicago-like notes, APA
author-date, "available at:" web citations, transliterated titles followed by
a [translation]) and returns partial results rather than failing.
"""

from __future__ import annotations

import re
from functools import lru_cache
import unicodedata
from dataclasses import dataclass

from claimdesk.sources.model import Reference

_YEAR = r"(?:18|19|20)\d\d"
_YEAR_RE = re.compile(rf"(?<![\d/.-]){_YEAR}(?!\d)")
_URL_RE = re.compile(r"<?((?:https?://|www\d*\.)[^\s<>\"]+)>?", re.I)
# "Ibid." in Latin, Bluebook ("Id.", "id."), French, Spanish ("Ibíd.", "Ídem") and German ("Ebd.", "ebenda");
# matched only where the note (after a "See") begins, and never as the start of a longer word
# ("Idaho", "Identity", "Ebdon"). "ID" is not "Id.".
# Russian notes say "Там же" (ibid.; "Тамъ же" in the spelling before 1918) and "Указ. соч." (op. cit.); Ukrainian "Там само" and "Зазнач. праця" / "Цит. праця".
# Ibid. in the languages of our users' sources: Latin, German "Ebd.", Russian "Там же",
# the older German "Ebendaselbst" (abbreviated "Ebendas."), "Daselbst" and "Ebendort", Czech "Tamtéž", Polish "Tamże", Dutch "Aldaar"/"T.a.p." (ter aangehaalde plaatse).
# Italian "Ivi" is the ibid. that gives a page ("Ivi, p. 7."); Ukrainian "Там само".
# Chinese and Japanese "同上" and "同前" (the same as above), which the next words follow without a space.
# Danish and Norwegian "Samme sted." written out, or "Sst." / "Smst." (sammesteds) and Finnish "Emt." (edellä mainittu teos, the work
# just cited) only with their full stop, and never in capitals: "SST" is sea-surface temperature.
# Finnish "Sama." / "Sama teos, s. 12." (the same work) only before its full stop or comma: "Sama koskee…" is a sentence.
# Swedish "Sammast." (sammastädes) with its stop, or written out.
_IBID_RE = re.compile(r"(?:(?:(?i:ib[ií]d(?:em)?|eb(?:d|enda(?:selbst|s)?|endort)|daselbst|тамъ?\s+(?:же|само)|tamtéž|tamże|aldaar|t\.\s?a\.\s?p|ivi|samme\s+sted|sammesteds)"
                      r"|[IiÍí]d(?:em)?)(?![\w'’-])|同[上前](?![书書注註])|[SsEe](?:m?st|mt)\.(?!\w)|[Ss]ama(?:\s+teos)?(?=[.,])"
                      # Swedish "Sammast." / "sammastädes" (in the same place)
                      r"|[Ss]ammast(?:\.|ädes\b))")


def is_ibid(note: str) -> bool:
    """Whether a note opens with an ibid. of one of the languages read ("Ibid.", "Ivi", "Ebd.", "Там же")."""
    return bool(_IBID_RE.match(note.strip()))


# Commentary that ends by citing the work before: "… whose name was not known. Ibid., p. 15."
_CLOSING_IBID_RE = re.compile(rf"[.!?][\"”’)]?\s+{_IBID_RE.pattern}\.?,?\s*"
                              r"(?:(?:pp?\.|S\.|С\.|с\.|at|fol\.|col\.)\s*[\divxlc]+(?:\s*[-–—]\s*\d+)?(?:,\s*\d+)*)?\.?\s*$")


def ends_with_ibid(note: str) -> bool:
    """Whether a note of commentary closes with a sentence that is only an ibid. and its page."""
    return bool(_CLOSING_IBID_RE.search(note.strip()))


# Short forms that name an earlier work: op. cit. and its kin (French art./loc./ouvr. cit., Spanish ob. cit.),
# German a.a.O., Bluebook "supra", and the note pointers below.
_NOTE_WORD = r"(?:notes?|footnotes?|fns?\.?|anm\.|nn?\.?)"
_MORE_NOTES = r"(?:\s*(?:[-–—&]|and|und|et|y)\s*\d+)*"  # "notes 3-5", "notes 3 and 7"; not ", 45" (a pin)
_NOTE_POINTER_RE = re.compile(
    rf"\b(?:supra|above|oben)\b,?\s*{_NOTE_WORD}\s*(?P<n1>\d+)(?P<m1>{_MORE_NOTES})"   # "supra note 3", "above n 3"
    rf"|\(\s*{_NOTE_WORD}\s*(?P<n2>\d+)(?P<m2>{_MORE_NOTES})\s*\)"                     # OSCOLA "(n 3)", German "(Fn. 3)"
    rf"|(?<!\w){_NOTE_WORD}\s*(?P<n3>\d+)(?P<m3>{_MORE_NOTES}),?\s+(?:above|supra|oben)\b"  # "note 3 above"
    rf"|\b(?:op|loc|art)\.?\s*cit\.?,?\s*{_NOTE_WORD}\s*(?P<n4>\d+)(?P<m4>{_MORE_NOTES})"  # "op. cit., note 3"
    # Dutch: "de uitspraak genoemd in voetnoot 1", "aangehaald in noot 3"
    rf"|\b(?:genoemd|vermeld|aangehaald|bedoeld)\s+in\s+(?:voet)?noot\s*(?P<n5>\d+)(?P<m5>{_MORE_NOTES})",
    re.I)
# Czech "cit. d." (citované dílo), Polish "dz. cyt." / "op. cit.", Dutch "o.c.", Chinese "前引" / "前揭"
# and Japanese "前掲" (cited before), which the work's title follows without a space.
# Swedish "a.a." (anfört arbete) and "a.st." (anfört ställe), Danish and Norwegian "anf. arb." / "anf. st."
# and Finnish "mt." / "emt." (mainittu teos) after the author: "Lindqvist, a.a., s. 63", "Virtanen, mt., 45";
# lower case only, and the Finnish forms only after a comma ("Mt. Everest" is no pointer).
_OPCIT_RE = re.compile(r"\b(?:op|loc|art|ouvr|ob)\.?\s*cit\b\.?|(?<!\w)a\.\s?a\.\s?O\b\.?|\bsupra\b|(?<!\w)указ\.\s*соч\b\.?|(?<!\w)(?:зазнач|цит)\.\s*праця\b\.?|前[引揭掲]"
                       r"|\bcit\.\s?d\.|\bdz\.\s?cyt\.|(?<!\w)o\.\s?c\.(?!\w)"
                       # French "précité" (cited above), as Belgian and French courts write it after a case
                       r"|\bpr[ée]cit[ée]e?s?\b"
                       # Dutch "a.w." (aangehaald werk) and "t.a.p." (ter aangehaalder plaatse)
                       r"|(?-i:(?<!\w)a\.\s?(?:a|st|w)\.(?!\w)|(?<!\w)t\.\s?a\.\s?p\.(?!\w)|\banf\.\s?(?:arb|st)\.|(?<=,\s)e?mts?\.(?!\w))"
                       rf"|{_NOTE_POINTER_RE.pattern}", re.I)
# What every match of _OPCIT_RE holds, case-folded. re.IGNORECASE stops re from skipping
# ahead to a first character, so the pattern itself tries every position of every note:
# looking for these literals first, case-sensitively on the folded text, is ten times faster.
_OPCIT_HINT = re.compile(r"cit|(?:genoemd|vermeld|aangehaald|bedoeld) in|a\.\s?(?:a|st|w)\.|t\.\s?a\.\s?p\.|anf\.|mts?\.|supra|above|oben|указ|праця|cyt|o\.\s?c\.|\(\s*[nfa]|前[引揭掲]")


def _find_op_cit(plain: str) -> re.Match | None:
    return _OPCIT_RE.search(plain) if _OPCIT_HINT.search(plain.casefold()) else None


# A note that begins by pointing elsewhere in the document ("infra note 9", "supra Part II", "unten Fn. 4")
# is a cross-reference, not a citation; only "supra note N" and its kin name a work.
_CROSS_REFERENCE_RE = re.compile(r"(?:infra|supra|below|above|unten|oben)\b", re.I)
_ONLINE_RE = re.compile(r"\b(?:available (?:at|from|on)|retrieved from|accessed on|consulted on"
                        r"|last accessed|\[online\])", re.I)
# Lead-ins before the citation proper ("See, for instance, A. I. Sizonenko, ...").
_LEAD_IN_RE = re.compile(r"^(?:(?:(?:(?:but\s+)?(?:see|cf)(?:\s+(?:also|generally))?|compare|voir(?:\s+aussi)?"
                         r"|v[ée]ase(?:\s+tambi[ée]n)?|vgl(?:\.?\s+auch)?|siehe(?:\s+auch)?|zie(?:\s+ook)?|cfr|quoted\s+in|cited\s+in|sources?"
                         r"|for\s+(?:example|instance)|notably|in\s+particular)\b|e\.g\.)[.,:]?\s*)+", re.I)
# …or a source quoted in another ("…(1733), transcritas en Lafuente Sancho, op. cit."): the work is the one named after,
# as it is after the name of one who discussed it ("…, by Okafor, op. cit.").
_LATE_LEAD_IN_RE = re.compile(r"(?:[,;:]|(?<=[.!?])[\"”’)]?)\s+(?:voir(?:\s+aussi)?|see(?:\s+also)?|cf\.?|vgl\.?|siehe|v[ée]ase|см\."
                              r"|(?:quoted|cited|reproduced|transcribed|reprinted)\s+in|cit[ée]e?s?\s+(?:dans|par)|reprodu(?:it|ite)s?\s+dans"
                              r"|(?:citad|transcrit|reproducid|recogid)[oa]s?\s+en|zitiert\s+(?:nach|in|bei)|abgedruckt\s+in"
                              r"|цит\.\s+по"
                              # …or one who discussed it: "Referida, e rejeitada, por Pais Leitão, ob. cit."
                              r"|by|por|par|von|door)\s+", re.I)
_URL_PREFIX_RE = re.compile(r"(?:see(?:\s+also)?|cf|compare|voir|véase|ver|sources?|online|url|link|lien"
                            r"|available\s+(?:at|from)|at|from)\W*", re.I)
_SECONDARY_RE = re.compile(r"\b(?:quoted|cited|reported|reproduced)\s+in$", re.I)
_APA_RE = re.compile(rf"^(?P<names>[^()\"“«]{{2,200}}?)\s*\((?P<year>{_YEAR})[a-z]?(?:,[^)]*)?\)\.\s+")
_INITIALS_RE = re.compile(r"(?:[A-ZÀ-Ý][a-z]?\.\s?-?){1,4}")
_NAME_SMALL = {"de", "da", "del", "della", "di", "do", "dos", "das", "du", "la", "le", "van", "von", "der",
               "den", "ter", "bin", "al", "el", "ibn", "of", "for", "the", "on", "and", "des", "y", "e"}
_NAME_SPLIT_RE = re.compile(r"\s*(?:,\s*(?:and|&|et|y)\s+|,|;|\s+(?:and|&|et|y|und)\s+)\s*")
# Editors in English, French, Spanish and German ("(Hrsg.)", "hg. v.", "hrsg. von").
_EDITOR_RE = re.compile(r"\bet\s+al\.?|\((?:eds?|dir|coord|comp|hrsg|hg)\.?\)|(?<!\w)(?:eds?|hrsg|hg)\.(?:\s+v(?:on|\.))?(?!\w)",
                        re.I)
_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
           r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|autumn|fall|winter")
_DATE_SEG_RE = re.compile(rf"^(?:(?:updated|published|posted|dated|accessed|retrieved|consulted|on)\s+)?"
                          rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:(?:{_MONTHS})\.?(?:[–-](?:{_MONTHS}))?\s+)?"
                          rf"(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?({_YEAR})(?:-\d\d(?:-\d\d)?)?$", re.I)
_SERIAL_RE = re.compile(r"^(?:vol(?:ume)?|no|nos|n°|nº|issue|num|number|núm|nr|bd|jg|heft|tome|t|part|pt|ch(?:ap(?:ter)?)?"
                        r"|table|fig(?:ure)?|annex|appendix)\.?\s*\d", re.I)
# "2. Aufl.", "3rd edn", "2e éd.": an edition is neither a title nor a container.
_EDITION_RE = re.compile(r"^\d+(?:\.|st|nd|rd|th|e|ª|a)?\s*(?:aufl(?:age)?|ed(?:n|ition)?|éd(?:ition)?|edición)\b", re.I)
_EDITION_WORDS = {"aufl", "auflage", "ed", "edn", "edition", "éd", "édition", "edición", "bd", "jg"}
# "Berlin 2019", "Paris 2015": continental books put the place and year together.
_PLACE_YEAR_RE = re.compile(rf"^[A-ZÀ-Ý][\w.'’/-]+\s+({_YEAR})$")
# Page and paragraph pointers: English/French "p.", Spanish "pág.", German "S." and "Rn." (margin number),
# "§" and "¶". A "S." right after a dot is part of "U.S.", not a page.
_LOCATOR_RE = re.compile(r"(?<![\w°.])(pp?\.|pages?\b|paras?\.|págs?\.|§§?|¶¶?|(?-i:S\.|Rn\.|С\.|с\.))\s*"
                         r"(\d+(?:\.\d+)*[a-z]?(?:\s*[-–—]\s*\d+(?:\.\d+)*[a-z]?)?(?:\s?ff?\.)?)", re.I)
# Bluebook pin cites: "Id. at 12", "supra note 3, at 45-46", "347 U.S. at 490", "at 12 n.4"; only where the
# number ends the pointer, so "at 10 Downing Street" and "at 10:30" are no locators.
_AT_LOCATOR_RE = re.compile(r"(?<![\w.])at\s+(§\s*)?(\d+(?:\.\d+)*(?:\s*[-–—]\s*\d+(?:\.\d+)*)?(?:\s*nn?\.\s*\d+)?)(?=\s*(?:$|[.,;)(\]]))")
_PLACE_RE = re.compile(r"^([A-Z][\w.'’ -]{1,30}):\s+([^:,()]+)")
_BARE_INITIALS_RE = re.compile(r"(?:[A-ZÀ-Ý](?:[a-z]?\.)?\s?-?){1,4}")  # "J", "J. R.", "Yu." once dots are gone
_STOP_SEG_RE = re.compile(r"^(?:available|retrieved|accessed|consulted|doi|isbn|url)\b", re.I)
_CITIES = set("moscow london paris washington oxford cambridge berlin madrid brussels geneva boston chicago "
              "princeton santiago mexico caracas havana lima bogota brasilia rome beijing tokyo vienna stockholm "
              "warsaw kyiv kiev lisbon barcelona amsterdam leiden munich abingdon".split()) | {
    "new york", "buenos aires", "rio de janeiro", "sao paulo", "st petersburg", "saint petersburg", "the hague"}
_ABBREVIATIONS = {"vol", "nos", "eds", "trans", "dir", "inc", "cit", "univ", "dept", "cf", "ibid", "al", "etc"}
_PROSE_RE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|be|been|it|they|we"
                       r"|this|that|which|these|there)\b")
# Closing quotes for each opening one, best first: PDF converters mismatch typographic quotes.
_OPENERS = {'"': ('"', "”"), "“": ("”", '“"'), "„": ("“”",), "«": ("»",), "‘": ("’",), "‹": ("›",)}


def fold(text: str) -> str:
    """Lowercase, strip diacritics, keep only letters/digits separated by single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^\w]+|_", " ", text).split())


def surname(name: str) -> str | None:
    """Folded surname of one author name ("Evensen, Marit", "Andrey PYATAKOV", "A. Piatakov")."""
    name = name.strip()
    if "," in name:  # inverted "Surname, Given"
        return fold(name.split(",")[0]) or None
    # An initial is one letter, with its stop or without (the stop of "Лаптев В. С." may have been trimmed).
    tokens = [t for t in name.split() if len(t.strip(".")) > 1]
    caps = [t for t in tokens if t.isupper() and len(t) > 2 and not _INITIALS_RE.fullmatch(t)]  # "Andrey PYATAKOV", not "J.-Y."
    words = [t for t in (caps or tokens) if not _INITIALS_RE.fullmatch(t) and t.lower() not in _NAME_SMALL]
    return (fold(words[-1]) or None) if words else None


@lru_cache(maxsize=1024)
def _strip_markup(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Plain text with Markdown emphasis removed, plus the italic spans in plain offsets.

    Cached: the analysis of one note asks for it several times (its kind, its
    locator, its pieces); the spans come back as a tuple so no caller can change them.
    """
    text = " ".join(text.replace("**", "").replace("__", "").split())
    text = re.sub(r"\\([$*_\[\]])", r"\1", text)
    plain, spans, pos = [], [], 0
    for m in re.finditer(r"\*([^*]+?)\*", text):
        plain.append(text[pos:m.start()])
        start = sum(map(len, plain))
        plain.append(m.group(1))
        spans.append((start, start + len(m.group(1))))
        pos = m.end()
    plain.append(text[pos:])
    return "".join(plain).replace("*", ""), tuple(spans)


def _clean_url(raw: str) -> str:
    """A URL without the sentence punctuation or unbalanced bracket that follows it."""
    url = raw.rstrip(".,;:!?'’")
    while url.endswith((")", "]")) and url.count(url[-1]) > url.count("(" if url[-1] == ")" else "["):
        url = url[:-1].rstrip(".,;:")
    return url


def _first_url(plain: str) -> str | None:
    """The note's first web address, cleaned of the punctuation around it; None without one."""
    found = _URL_RE.search(plain)
    return _clean_url(found.group(1)) if found else None


def _without_urls(text: str) -> str:
    """URLs hold digits that look like years and dots that look like sentence ends."""
    return _URL_RE.sub(" ", text)


def _is_name(piece: str) -> bool:
    """A personal or corporate name: capitalised words, initials and a few particles only."""
    words = piece.split()
    caps = [t for t in words if t.lower() not in _NAME_SMALL]
    return 0 < len(words) <= 8 and len(caps) * 2 >= len(words) and \
        all(_INITIALS_RE.fullmatch(t) or (t[0].isupper() and not any(c.isdigit() for c in t)) for t in caps)


def _split_authors(prefix: str, inverted: bool = False) -> list[str] | None:
    """Names in an author prefix ([] when empty), or None when it is not a list of names."""
    text = _EDITOR_RE.sub(" ", prefix).strip(" ,;:")
    text = re.sub(r"(?<=[a-z]{2})\.$", "", text).strip(" ,;:")
    if not text:
        return []
    pieces = [p for p in _NAME_SPLIT_RE.split(text) if p]
    if not all(_is_name(p) for p in pieces):
        return None
    if inverted and len(pieces) % 2 == 0:  # APA "Evensen, Marit, & Kowalczyk, Tomasz"
        return [f"{pieces[i]}, {pieces[i + 1]}" for i in range(0, len(pieces), 2)]
    names: list[str] = []
    for piece in pieces:  # "Smith, J." keeps its initials with the surname
        if names and _INITIALS_RE.fullmatch(piece) and "," not in names[-1] and " " not in names[-1]:
            names[-1] += ", " + piece
        else:
            names.append(piece)
    return names


# A Russian (GOST 7.1) citation: "Лаптев В. С. Стекольные заводы Владимирской губернии. — Владимир:
# Посад, 2004. — С. 112—118." or "Гусева Н. А. Ольховка: страницы истории // Судогодский краевед. —
# 2011. — № 3." The author comes surname first with initials and no comma; the areas part at " — ".
_GOST_RE = re.compile(
    r"^(?P<authors>[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?\s+(?:[A-ZА-ЯЁ]\.\s?){1,2}"
    r"(?:,\s*[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?\s+(?:[A-ZА-ЯЁ]\.\s?){1,2}){0,3})\s*"
    r"(?P<title>[^/—]{3,300}?)\s*(?:/[^/—][^—]*?)?(?://\s*(?P<container>[^—]{2,200}?))?\s*\.?\s+—\s+(?P<rest>.*)$")


def _gost_reference(head: str) -> Reference | None:
    match = _GOST_RE.match(head.strip())
    if not match:
        return None
    authors = [" ".join(name.split()) for name in match.group("authors").split(",")]
    container = match.group("container")
    return Reference(authors=authors, title=_clean_title(match.group("title")),
                     container=container.strip(" .") if container else None, year=_year_of(match.group("rest")))


def _segments(text: str) -> list[str]:
    """Split at top-level commas/semicolons and sentence ends (not after initials or "Vol.")."""
    out, cur, depth = [], [], 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        if depth == 0 and ch in "?!" and text[i + 1:i + 2] == " ":
            cur.append(ch)  # "Who pays for clean rivers? Coastal Policy Notes": keep the "?"
            ch = ","
        if depth == 0 and (ch in ",;" or (ch == "." and _sentence_end(text, i))):
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return [s.strip(" .") for s in out if s.strip(" .")]


_HYPHENATED_INITIALS = re.compile(r"^(?:[A-ZÀ-Þ]\.-)+[A-ZÀ-Þ]$")


def _sentence_end(text: str, i: int) -> bool:
    """A period at ``i`` ends a sentence unless it closes an initial or an abbreviation."""
    word = text[text.rfind(" ", 0, i) + 1:i].strip("(")
    if word.isdigit() and _next_word(text, i) in _EDITION_WORDS:
        return False  # "2. Aufl.": an ordinal, not the end of a sentence
    if _HYPHENATED_INITIALS.match(word):
        return False  # "J.-Y. Le Goff": a French forename's initials
    return text[i + 1:i + 2] == " " and (len(word) >= 3 or word[-1:].isdigit() or word.endswith(")")) \
        and word.lower() not in _ABBREVIATIONS


def _next_word(text: str, i: int) -> str:
    match = re.match(r"\s*([^\W\d_]+)", text[i + 1:])
    return match.group(1).lower() if match else ""


def _year_of(text: str) -> str | None:
    """Publication year: a "(2020)", else the last date-like segment, else the last year."""
    paren = re.findall(rf"\(({_YEAR})[a-z]?\)", text)
    dated = [m.group(1) for s in _segments(text) if (m := _DATE_SEG_RE.match(s.strip("() ")))]
    years = paren or dated or _YEAR_RE.findall(text)
    return years[-1] if years else None


def find_locator(text: str) -> str | None:
    """Last page/paragraph pointer in a note ("p. 30", "pp. 18-38", "S. 12", "at 45"), normalised."""
    plain = _without_urls(_strip_markup(text)[0])
    hits = list(_LOCATOR_RE.finditer(plain)) + list(_AT_LOCATOR_RE.finditer(plain))
    if not hits:
        return None
    last = max(hits, key=lambda hit: (hit.end(), -hit.start()))  # "at § 23.1" over the "§ 23.1" inside it
    rng = re.sub(r"\s*[-–—]\s*", "-", last.group(2))
    if last.re is _AT_LOCATOR_RE:
        return f"at {'§ ' if last.group(1) else ''}{rng}"
    return f"{_locator_word(last.group(1))} {rng}"


def citation_locator(text: str) -> str | None:
    """The locator of the note's first citation: in "Id. at 790; Greaves, 88 F.4th at 20" the Id. is at 790."""
    return find_locator(_top_level_pieces(_strip_markup(text)[0].strip())[0])


def _locator_word(word: str) -> str:
    """"Page" -> "p.", "PP." -> "pp."; German "S." and "Rn." keep their capital."""
    if word in ("S.", "Rn."):
        return word
    word = word.lower()
    return {"page": "p.", "pages": "pp."}.get(word, word)


def _title_at(plain: str, italics: list[tuple[int, int]], base: int) -> tuple[str, int, int, str] | None:
    """First quoted/italic span from ``base``: (title, span start, span end, text before it)."""
    quote = next((i for i, ch in enumerate(plain) if i >= base and ch in _OPENERS), None)
    italic = next((s for s in italics if s[0] >= base), None)
    if italic is not None and (quote is None or italic[0] <= quote):
        start, end = italic
        title, after = plain[start:end], plain[end:]
    elif quote is not None:
        start = quote
        # A closing quote is not followed by a letter (that would be an apostrophe: "Komsomol’skaia").
        close = next((i for chars in _OPENERS[plain[quote]] for i in
                      range(quote + 1, len(plain)) if plain[i] in chars and not plain[i + 1:i + 2].isalnum()), None)
        if close is None:  # unclosed quote: the title stops at a comma or an ellipsis
            m = re.search(r",\s|\s*(?:\.\.\.|…)", plain[quote + 1:])
            end = quote + 1 + (m.start() if m else len(plain) - quote - 1)
            return plain[quote + 1:end], start, end, plain[base:start]
        title, end, after = plain[quote + 1:close], close + 1, plain[close + 1:]
    else:
        return None
    # A title is followed by punctuation, a bracket or "in"; prose after a quote is a quotation.
    nxt = after.lstrip()
    if nxt and nxt[0] not in ",.;:([)—–-/" and not title.rstrip().endswith((",", ".", "?", "!")) \
            and not re.match(r"(?:in|dans|en|by)\b", nxt, re.I):
        return None
    return title, start, end, plain[base:start]


def _clean_title(title: str) -> str | None:
    """Title or container without the "..." of a short citation or trailing punctuation."""
    title = re.sub(r"\s*(?:\.\.\.|…)\s*$", "", title.strip()).strip(" ,.;:")
    return title or None


def _container(rest: str, italics: list[tuple[int, int]], offset: int) -> str | None:
    """The journal/series/site: an italic span right after the title, else the next plain segment."""
    lead = len(rest) - len(rest.lstrip(" ,.;:"))
    body = rest[lead:]
    m = re.match(r"(?:in:?\s+)", body, re.I)
    skip = offset + lead + (m.end() if m else 0)
    for start, end in italics:
        if start == skip:
            return _clean_title(rest[start - offset:end - offset])
    segs = _segments(_without_urls(body[m.end() if m else 0:]))
    for i, seg in enumerate(segs):
        if _STOP_SEG_RE.match(seg):
            return None
        place = _PLACE_RE.match(seg.strip("()"))  # "London: Penguin", "(Halden Quay: ARWA" -> publisher
        if place and len(place.group(1).split()) <= 3:
            return _clean_title(place.group(2))
        if seg.startswith("(") or _is_junk(seg) or len(seg.split()) > 15:
            continue
        # "Carlisle, Strategic Studies Institute, 2015": a lone word before publisher and date is a city
        if len(seg.split()) == 1 and i + 2 < len(segs) and not _is_junk(segs[i + 1]) \
                and _DATE_SEG_RE.match(segs[i + 2]):
            continue
        return _clean_title(re.sub(r"\s+\d+\b.*$|\s*\(.*$", "", seg) or seg)  # "Quarterly 8" -> "Quarterly"
    return None


def _is_junk(seg: str) -> bool:
    """Dates, volume/issue numbers, page ranges and cities are not containers."""
    return bool(_DATE_SEG_RE.match(seg) or _SERIAL_RE.match(seg) or _LOCATOR_RE.match(seg) or _EDITION_RE.match(seg)
                or _PLACE_YEAR_RE.match(seg)
                or re.fullmatch(r"[\d\s()\-–—:.,]+", seg) or fold(seg) in _CITIES)


def _is_url_only(plain: str) -> bool:
    """Only a URL, perhaps after one lead word ("Cf, https://...") or with its own broken tail."""
    urls = list(_URL_RE.finditer(plain))
    if not urls:
        return False
    before = plain[:urls[0].start()].strip()
    if before and not _URL_PREFIX_RE.fullmatch(before):
        return False
    after = _without_urls(plain[urls[0].end():])
    after = re.sub(r"\(?(?:accessed|consulted|retrieved)[^)]*\)?", " ", after, flags=re.I)
    # Converters split long URLs with spaces ("...larussie% C2% A0-870457.html"): URL-ish scraps are fine.
    return all(re.search(r"[\d%/=?&_.]", tok) and not re.fullmatch(r"[A-Za-z]+[.,;:]?", tok)
               for tok in after.split() if tok.strip(".,;:"))


def _analyse(text: str) -> tuple[str, Reference | None]:
    """Classify a note and, for reference-like kinds, parse it."""
    plain, italics = _strip_markup(text)
    plain = plain.strip()
    if not plain:
        return "note", None
    base = _lead_in_end(plain)
    if _IBID_RE.match(plain, base):
        return "ibid", None
    legal = _legal_reference(plain, base)
    if legal:
        return "reference", legal
    short = _find_op_cit(plain)
    if short and _cites_first(text, plain, short.start()):
        short = None  # "Doe, *Title* (2005); see also Smith, supra note 3": the note cites Doe
    if short and _NOTE_POINTER_RE.match(plain, short.start()):
        return "op_cit", _parse(plain[:short.start()], italics, plain)
    if _CROSS_REFERENCE_RE.match(plain, base):
        return "note", None  # "infra note 9", "supra Part II": a pointer inside this document
    case = _case_short_at(plain, base)
    if case:
        return "op_cit", Reference(title=case.name, container=case.reporter, locator=f"at {case.pin}")
    if short:
        return "op_cit", _parse(plain[:short.start()], italics, plain)
    if _is_url_only(plain):
        return "url", Reference(url=_clean_url(list(_URL_RE.finditer(plain))[0].group(1)))
    ref = _parse(plain, italics, plain)
    if ref is None or not (ref.title or ref.url or ref.year):
        fallback = _plain_citation(plain)
        return ("reference", fallback) if fallback else ("note", None)
    pieces = _top_level_pieces(text)
    if len(pieces) > 1:  # "*Handbuch*, Kiel 2017, S. 5; ferner Wolters, a.a.O., S. 103": the first work's page
        first_kind, first = _analyse(pieces[0])
        if first_kind == "reference":
            ref.container, ref.locator = first.container, first.locator
    return "reference", ref


def _lead_in_end(plain: str) -> int:
    lead = _LEAD_IN_RE.match(plain)
    return lead.end() if lead else 0


def _cites_first(text: str, plain: str, position: int) -> bool:
    """Whether a full citation comes before the ";" that precedes a short form at ``position`` of ``plain``;
    the first piece is cut from the marked ``text``, whose italics show its title."""
    if position <= len(_top_level_pieces(plain)[0]):
        return False
    first = _top_level_pieces(text)[0]
    if first == text.strip():
        return False  # the marked text does not part where the plain text does: no first piece to read
    return _analyse(first)[0] == "reference"


def _top_level_pieces(plain: str) -> list[str]:
    """The note cut at semicolons outside brackets, quotation marks and *italics*: one piece per cited work."""
    if ";" not in plain:
        return [plain.strip()]  # most notes cite one work: no need to walk them character by character
    pieces, start, depth, quoted, italic = [], 0, 0, False, False
    for i, ch in enumerate(plain):
        if ch in "([“«„":
            depth += 1
        elif ch in ")]”»" and depth:
            depth -= 1
        elif ch == '"':
            quoted = not quoted
        elif ch == "*":
            italic = not italic
        elif ch == ";" and not depth and not quoted and not italic:
            pieces.append(plain[start:i])
            start = i + 1
    pieces.append(plain[start:])
    return [piece.strip() for piece in pieces]


# A sentence of commentary's note that opens with a citation signal cites a work: "… when they
# wished to. See generally D. Lindqvist, Compacts of the Arid West 112–115 (1991)."
_SIGNAL_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=(?:But\s+)?(?:See|Cf\.|Compare|Accord|Voir|Vgl\.|Véase|Siehe)\s)")


def works_cited(text: str) -> list[Reference]:
    """The works a note cites, one per top-level piece that is a full or short citation (an "Id." or a URL
    after a semicolon repeats or links the work before it, so it is not counted), and one per sentence
    of commentary that opens with a signal and cites one."""
    works = []
    for piece in _top_level_pieces(text.strip()):
        kind, reference = _analyse(piece) if piece else ("note", None)
        if kind in ("reference", "op_cit"):
            works.append(reference or Reference())
            continue
        for sentence in _SIGNAL_SENTENCE.split(piece)[1:]:
            kind, reference = _analyse(sentence)
            if kind in ("reference", "op_cit"):
                works.append(reference or Reference())
    return works


# --- Legal citations (Bluebook and the English neutral form) ------------------------------------

# A reporter or journal abbreviation: "U.S.", "S. Ct.", "F.3d", "F. Supp. 2d", "VILL. L. REV.", "UKHL".
# Its words are separated by single spaces, which keeps the pattern linear.
_REPORTER = r"[A-Z][\w.'’&]*(?: (?:[A-Z&][\w.'’&]*|\d[a-z]{1,2}\b))*"
_PIN = r"\d+(?:\s*[-–—]\s*\d+)?"
# ", 410 U.S. 113, 120 (1973)" with optional parallel citations and a court in the parenthesis.
_CASE_TAIL_RE = re.compile(
    rf",\s+(?P<volume>\d{{1,4}})\s+(?P<reporter>{_REPORTER})\s+(?P<page>\d{{1,7}}|_{{3,}})(?:,\s*(?P<pin>{_PIN}))?"
    rf"(?:,\s*\d{{1,4}}\s+{_REPORTER}\s+\d{{1,7}}(?:,\s*{_PIN})?)*\s*\((?P<court>[^()]*?)\s*(?P<year>{_YEAR})\)")
# ...and a state report's citation without the year, as its own court cites it: "Kearney v. City of Salina,
# 170 Kan. 291, 225 P.2d 113." (the volume, reporter and page, parallel citations, the note's end).
_UNDATED_CASE_TAIL_RE = re.compile(
    rf",\s+(?P<volume>\d{{1,4}})\s+(?P<reporter>{_REPORTER})\s+(?P<page>\d{{1,7}})(?:,\s*(?P<pin>{_PIN}))?"
    rf"(?:,\s*\d{{1,4}}\s+{_REPORTER}\s+\d{{1,7}}(?:,\s*{_PIN})?)*\s*\.?\s*$(?P<year>)")
# English neutral and law-report citations: "R v Dunmore [2004] EWCA Crim 12", "X v Y [1932] AC 562".
_UK_CASE_TAIL_RE = re.compile(rf",?\s+[\[(](?P<year>{_YEAR})[\])]\s+(?:(?P<volume>\d{{1,4}})\s+)?"
                              rf"(?P<reporter>[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*)\s+(?P<page>\d{{1,6}})")
# Scots law reports, dated by their year and paged, no volume: "Drummore Estates Ltd v Kinloch Properties Ltd
# 2019 SLT (Sh Ct) 211", "2020 SC 123", "1999 SCLR 55", "2019 SC (UKSC) 1".
_SCOTS_CASE_TAIL_RE = re.compile(rf",?\s+(?P<year>{_YEAR})\s+(?P<reporter>(?:SLT|SC|SCLR|SCCR|JC|SLCR|Hous LR|Rep LR)"
                                 rf"(?:\s\([A-Z][A-Za-z]{{0,4}}(?: [A-Z][a-z]{{0,3}})?\))?)\s+(?P<page>\d{{1,6}})\b")
_CASE_SHORT_RE = re.compile(rf"(?P<party>[^,;]{{1,120}}?),\s+(?P<volume>\d{{1,4}})\s+(?P<reporter>{_REPORTER})"
                            rf"\s+at\s+(?P<pin>{_PIN})")
_CASE_NAME_RE = re.compile(r"\s(?:v|vs)\.?\s|^(?:In\s+re|Ex\s+parte|(?:In\s+the\s+)?Matter\s+of)\s")
_CASE_SMALL = _NAME_SMALL | {"v", "v.", "vs", "vs.", "ex", "rel.", "re", "in", "to", "a", "an", "at", "by", "parte",
                             "et", "al.", "with"}
# "42 U.S.C. § 1983 (2018)", "Cal. Civ. Code § 1714(a)": a code's abbreviation, then the section.
_STATUTE_RE = re.compile(r"(?:\d{1,3}\s+)?(?P<code>[A-Z][\w.'’&]*(?:\s+[A-Z&][\w.'’&]*){0,5})\s+§§?\s*"
                         r"\d[\w.:-]*(?:\(\w{1,4}\))*")
_CODE_WORD_RE = re.compile(r"\.|\b(?:Code|Stat|Act|Law|Rev)\b")
# The volume-journal-page tail of a law-review article: ", 64 Vill. L. Rev. 223, 231 (2019)".
_PERIODICAL_TAIL_RE = re.compile(rf",\s*(?P<volume>\d{{1,4}})\s+(?P<journal>{_REPORTER})\s+(?P<page>\d{{1,6}})"
                                 rf"(?:,\s*(?P<pin>{_PIN}))?\s*\((?:[^()]*?\s)?(?P<year>{_YEAR})\)")


@dataclass(frozen=True)
class CaseCitation:
    """A court decision as cited in full ("Roe v. Wade, 410 U.S. 113, 120 (1973)") or in short ("Roe, 410 U.S. at
    120"); the short form's name is the party it goes by."""

    name: str
    volume: str | None = None
    reporter: str | None = None
    year: str | None = None
    pin: str | None = None

    @property
    def parties(self) -> list[str]:
        """The folded party names, first party first ("roe", "wade")."""
        return [fold(party) for party in re.split(r"\s+vs?\.?\s+", self.name, maxsplit=1) if fold(party)]


def _is_case_name(name: str) -> bool:
    """"Brown v. Board of Education", "In re Gault": parties in capitals joined by "v."; no prose."""
    words = name.split()
    return bool(_CASE_NAME_RE.search(name)) and 2 <= len(words) <= 25 and \
        all(w.lower() in _CASE_SMALL or not w[0].isalpha() or w[0].isupper() for w in words)


def _case_at(plain: str, base: int) -> CaseCitation | None:
    """A full case citation that opens the note (after any "See")."""
    for tail in (_CASE_TAIL_RE, _UK_CASE_TAIL_RE, _SCOTS_CASE_TAIL_RE, _UNDATED_CASE_TAIL_RE):
        for match in tail.finditer(plain, base):
            name = plain[base:match.start()].strip(" ,")
            if _is_case_name(name):
                pin = match.groupdict().get("pin")
                return CaseCitation(name, match.groupdict().get("volume"), match.group("reporter"), match.group("year") or None,
                                    re.sub(r"\s*[-–—]\s*", "-", pin) if pin else None)
    return None


def _case_short_at(plain: str, base: int) -> CaseCitation | None:
    """A short case form that opens the note: "Brown, 347 U.S. at 490"."""
    match = _CASE_SHORT_RE.match(plain, base)
    if not match:
        return None
    party = match.group("party").strip()
    if not (_is_name(party) or _is_case_name(party)):
        return None
    return CaseCitation(party, match.group("volume"), match.group("reporter"),
                        pin=re.sub(r"\s*[-–—]\s*", "-", match.group("pin")))


def _statute_at(plain: str, base: int) -> Reference | None:
    """A statute that is the whole citation: "42 U.S.C. § 1983 (2018)." (its section is its title, not a locator)."""
    match = _STATUTE_RE.match(plain, base)
    if not match or not _CODE_WORD_RE.search(match.group("code")):
        return None
    paren = re.match(r"\s*\(([^()]*)\)", plain[match.end():])
    after = plain[match.end() + (paren.end() if paren else 0):]
    if not re.match(r"\s*(?:[.;,]|$)", after):
        return None
    year = _YEAR_RE.search(paren.group(1)) if paren else None
    return Reference(title=match.group(0).strip(), year=year.group(0) if year else None)


def _legal_reference(plain: str, base: int) -> Reference | None:
    """A case or statute citation that opens the note, as a Reference (title = case name)."""
    case = _case_at(plain, base)
    if case:
        return Reference(title=case.name, container=case.reporter, year=case.year,
                         locator=f"at {case.pin}" if case.pin else None,
                         url=_first_url(plain))
    return _statute_at(plain, base)


def _law_review(head: str, base: int) -> Reference | None:
    """A Bluebook article in plain type: "Jane Doe, The Title, 64 Vill. L. Rev. 223, 231 (2019)"."""
    tail = _PERIODICAL_TAIL_RE.search(head, base)
    if not tail:
        return None
    before = head[base:tail.start()].strip()
    if _CASE_NAME_RE.search(before) or _PROSE_RE.search(before):
        return None  # a case in a sentence ("The court in Brown v. Board, 347 U.S. 483 (1954), held")
    names, _, title = before.partition(", ")
    authors = _split_authors(names) if title else None
    if authors is None:
        authors, title = [], before
    if not _clean_title(title):
        return None
    return Reference(authors=authors, title=_clean_title(title), container=tail.group("journal"),
                     year=tail.group("year"), locator=f"at {tail.group('pin')}" if tail.group("pin") else None)


def case_citation(text: str) -> CaseCitation | None:
    """The case a note opens with, cited in full ("Roe v. Wade, 410 U.S. 113 (1973)"); None otherwise."""
    plain = _strip_markup(text)[0].strip()
    return _case_at(plain, _lead_in_end(plain))


def cases_cited(text: str) -> list[tuple[CaseCitation, Reference]]:
    """Every case a note cites in full, one per top-level piece ("Roe v. Wade, ...; Plessy v. Ferguson, ...")."""
    cases = []
    for piece in _top_level_pieces(text.strip()):
        piece = _strip_markup(piece)[0].strip()
        # A case may open the piece or a later sentence of commentary ("… which respondent is not.
        # See Carver v. Platte Valley Irrigation Co., 301 U.S. 112, 115 (1937).").
        for start in [0, *(m.end() for m in _SENTENCE_START.finditer(piece))]:
            base = start + _lead_in_end(piece[start:])
            case = _case_at(piece, base)
            if case:
                cases.append((case, _legal_reference(piece, base)))
    return cases


_SENTENCE_START = re.compile(r"(?<=[a-z)\]\d\"”'’])[.!?][\"”'’]?\s+(?=[A-Z])")


def case_short_form(text: str) -> CaseCitation | None:
    """The short case form a note opens with ("Roe, 410 U.S. at 120": name "Roe"); None otherwise."""
    plain = _strip_markup(text)[0].strip()
    base = _lead_in_end(plain)
    named = _CASE_SUPRA_RE.match(plain, base)
    if named and _is_case_name(named.group("name")):
        return CaseCitation(named.group("name"))  # "Carver v. Platte Valley Irrigation Co., supra, at 118"
    return _case_short_at(plain, base)


_CASE_SUPRA_RE = re.compile(r"(?P<name>[^,;]{3,160}?),?\s+supra\b(?!,?\s*(?:notes?|n\.|nn\.|fn))", re.I)


def cited_note(text: str) -> tuple[str, bool] | None:
    """The earlier note a short form names, and whether it names more than one:
    "Smith, supra note 3, at 45" -> ("3", False); "supra notes 3-5" -> ("3", True); "Müller (Fn. 3)" -> ("3", False)."""
    match = _NOTE_POINTER_RE.search(_strip_markup(text)[0])
    if not match:
        return None
    for index in range(1, 6):
        if match.group(f"n{index}"):
            return match.group(f"n{index}"), bool(match.group(f"m{index}"))
    return None


def _parse(head: str, italics: list[tuple[int, int]], plain: str) -> Reference | None:
    """Parse a citation from ``head`` (``plain`` is the whole note, for URL and locator)."""
    lead = _LEAD_IN_RE.match(head)
    base = lead.end() if lead else 0
    gost = _gost_reference(head[base:])
    if gost:
        # Before titles in italics: Russian Wikipedia's citation templates italicise the author ("*Лаптев В. С.*").
        gost.locator, gost.url = find_locator(plain), _first_url(plain)
        return gost
    first = _title_at(head, italics, base)
    if first:  # several citations in one note ("...; A. O'Brien, "..."): keep the first one
        for m in re.finditer(r";\s+", head):
            nxt = _title_at(head, italics, m.end()) if m.start() > first[2] else None
            if nxt and _split_authors(nxt[3]) is not None:
                head = plain = head[:m.start()]
                break
    ref = Reference(locator=find_locator(plain), url=_first_url(plain))
    apa = _APA_RE.match(head[base:])
    apa_names = _split_authors(apa.group("names"), inverted=True) if apa else None
    if apa_names is None:
        apa = None
    found = _title_at(head, italics, base + apa.end()) if apa else first
    if apa and found and found[3].strip():
        found = None  # APA: a title in quotes/italics must come right after "(2021)."; later ones are journals
    if found and _clean_title(found[0]):
        title, start, end, before = found
        authors = apa_names if apa else _split_authors(before)
        if authors is None and _SECONDARY_RE.search(before.strip(" ,")):
            authors = []  # "X, quoted in "Newspaper headline", ...": cite the secondary source
        if authors is not None:
            bracket = re.match(r"\s*\[[^\]]*\]", head[end:])  # "[English translation]" is no container
            rest_at = end + (bracket.end() if bracket else 0)
            ref.authors, ref.title = authors, _clean_title(title)
            ref.container = _container(head[rest_at:], italics, rest_at)
            ref.year = apa.group("year") if apa else _year_of(_without_urls(head[:start] + " , " + head[rest_at:]))
            periodical = _PERIODICAL_TAIL_RE.match(head, rest_at)
            if periodical:  # Bluebook: "*Title*, 64 Vill. L. Rev. 223, 231 (2019)"
                ref.container, ref.year = periodical.group("journal"), periodical.group("year")
                ref.locator = f"at {periodical.group('pin')}" if periodical.group("pin") else ref.locator
            return ref
    law_review = None if apa else _law_review(head, base)
    if law_review:
        law_review.url = ref.url
        return law_review
    # No title in quotes or italics: comma-separated "Authors, Title, Container, Year".
    segs = _segments(_without_urls(head[base + (apa.end() if apa else 0):]))
    online = bool(_ONLINE_RE.search(plain)) or bool(ref.url is not None and not _PROSE_RE.search(_without_urls(plain)))
    paren_year = re.search(rf"\((?:[^()]*[:,]\s*)?{_YEAR}\)", head)  # "(2020)", "(London: Penguin, 2005)"
    dated = paren_year or any(_DATE_SEG_RE.match(s) or _PLACE_YEAR_RE.match(s) for s in segs[1:])
    if apa:
        ref.authors = apa_names
    elif len(segs) > 1 and dated and (_is_personal(names := _without_editors(segs[0])) or (_is_name(names) and (
            paren_year or _BARE_INITIALS_RE.fullmatch(segs[1])))):
        ref.authors = _split_authors(segs.pop(0)) or []
        while len(segs) > 1 and _BARE_INITIALS_RE.fullmatch(segs[0]):  # "Smith, J."
            ref.authors[-1] += ", " + segs.pop(0)
        while len(segs) > 1 and _is_personal(segs[0]) and re.search(r"\b[A-Z]\.", segs[0]):
            ref.authors.append(segs.pop(0))  # "J. Smith, K. Jones, Title, ..."
    elif not online:
        return None  # commentary: no title, no "available at", no author + date shape
    segs = [s for s in segs if not _STOP_SEG_RE.match(s)]
    if not segs or _DATE_SEG_RE.match(segs[0]):  # "Smith (2005)", "Smith, 2005": no title to go by
        ref.year = apa.group("year") if apa else _year_of(", ".join(segs))
        return ref if ref.authors or online else None
    # "Title [Translation] (Place: Publisher, 2021)": the brackets belong elsewhere.
    title = re.sub(r"\s*\[[^\]]*\]", "", segs[0])
    pub = re.search(rf"\s*(\((?:[^()]*[:,]\s*)?{_YEAR}\))$", title)
    if pub:
        title, segs = title[:pub.start()], [title, pub.group(1)] + segs[1:]
    ref.title = _clean_title(title)
    rest = ", ".join(segs[1:])
    ref.container = _container(rest, [], 0) if rest else None
    ref.year = apa.group("year") if apa else _year_of(rest)
    return ref


def _without_editors(segment: str) -> str:
    """"Karl Ebdon (Hrsg.)" -> "Karl Ebdon": an editor's mark is not part of the name."""
    return " ".join(_EDITOR_RE.sub(" ", segment).split()) or segment


def _is_personal(segment: str) -> bool:
    """A personal name: has initials or an all-caps surname, or is 2-3 capitalised words."""
    if not _is_name(segment) or segment.split()[0].lower() in {"the", "a", "an"}:
        return False
    tokens = segment.split()
    return any(_INITIALS_RE.fullmatch(t) or (t.isupper() and len(t) > 2) for t in tokens) or \
        (2 <= len(tokens) <= 3 and all(t[0].isupper() for t in tokens))


def analyse_note(text: str) -> tuple[str, Reference | None]:
    """classify_note and parse_reference in one pass over the text."""
    return _analyse(text)


def looks_like_unparsed_citation(text: str) -> bool:
    """A note the parser could not read as a reference that still reads like one: no prose,
    and a year or a page locator ("Waterways Agency, Annual Report 2019-20, p. 14.",
    "Росстат. Жилищное хозяйство в России. 2019. С. 41."). An Ibid. after it repeats it."""
    plain = _strip_markup(text)[0]
    return not _PROSE_RE.search(plain) and bool(_YEAR_RE.search(plain) or find_locator(plain))


# French "NOM (Prénom)": "Dupré (Jean), Les rivières…" is Jean Dupré.
_SURNAME_GIVEN_RE = re.compile(r"^(?P<surname>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)\s*\((?P<given>[^()\d]{1,40})\)$")


def _plain_citation(plain: str) -> Reference | None:
    """A citation with no quotes or italics to show its title: "Author, Title, Place, Publisher, 2011, p. 23".

    Only for a note that reads like a citation (no prose, a year or a locator) and opens
    with a name; the title is then the segment after it. Good enough to file the work
    under its author for op. cit. and to show what the note cites.
    """
    if not looks_like_unparsed_citation(plain):
        return None
    segments = [s.strip() for s in _segments(_without_urls(plain)) if s.strip()]
    if len(segments) < 3:  # "Russia, Cuba and Venezuela signed an agreement in 2008." is a sentence
        return None
    if any(len(segment.split()) > _PLAIN_PART_MAX_WORDS for segment in segments[:1] + segments[2:]):
        return None  # a sentence after the name ("Thanks to the editors of …") is commentary
    first, title = segments[0], segments[1]
    inverted = _SURNAME_GIVEN_RE.match(first)
    if inverted:
        author = f"{inverted.group('given').strip()} {inverted.group('surname')}"
    elif _is_name(first):
        author = first
    else:
        return None
    if _DATE_SEG_RE.match(title) or _LOCATOR_RE.match(title) or not _is_title_like(title):
        return None
    return Reference(authors=[author], title=_clean_title(title), year=_year_of(", ".join(segments[1:])),
                     locator=find_locator(plain))


_PLAIN_PART_MAX_WORDS = 5
"""Authors, places, publishers, dates and pages are short; only the title runs long."""


def _is_title_like(segment: str) -> bool:
    return len(segment.split()) >= 2 and segment[:1].isupper()


def reads_as_prose(text: str) -> bool:
    """Commentary rather than a citation: a verb of running prose, or longer than a citation runs."""
    plain = _strip_markup(text)[0]
    return len(plain) > _CITATION_MAX_CHARS or bool(_PROSE_RE.search(plain))


# A note longer than this is commentary even when no verb of _PROSE_RE shows it.
_CITATION_MAX_CHARS = 300


def classify_note(text: str) -> str:
    """One of "reference", "ibid", "op_cit", "url", "note" for a footnote's clean text."""
    return _analyse(text)[0]


def parse_reference(text: str) -> Reference | None:
    """Authors, title, container, year, url, locator of a reference note; None when the note is not
    a reference (commentary, or a bare "Ibid."). URL-only notes give a Reference with just ``url``;
    op. cit. notes give the short authors/title they repeat."""
    return _analyse(text)[1]


# Two surnames joined, or one and "et al.": the authors an op. cit. names ("Hallworth and Teague").
_JOINT_AUTHORS_RE = re.compile(r"([A-ZÀ-Þ][\w'’-]+)(?:\s+(?:and|&|und|et|og|och|y|e|i|en)\s+[A-ZÀ-Þ][\w'’-]+|\s+et\s+al\.?)")
_AUTHOR_DATE_RE = re.compile(rf"(.+?)\s*\(\s*{_YEAR}[a-z]?\s*\)")


def op_cit_names(text: str) -> list[str]:
    """The capitalised words an op. cit. names its work by, after the sentence's first word:
    "Compare the Corporation returns, op. cit., …" -> ["Corporation"]; [] without an op. cit."""
    plain, _ = _strip_markup(text)
    m = _find_op_cit(plain)
    if m is None:
        return []
    return re.findall(r"(?<=\s)[A-ZÀ-Þ][a-zß-ÿ]{3,}", plain[:m.start()])


def op_cit_key(text: str) -> tuple[str | None, str | None]:
    """For an op. cit. note: (author surname or None, short-title words or None), e.g.
    'Andrei Piatakov, "Russia and Latin America in the XXI century ..., op.cit' ->
    ("piatakov", "russia and latin america in the xxi century"). A bare "Op.cit," gives (None, None)."""
    plain, italics = _strip_markup(text)
    m = _find_op_cit(plain)
    head = plain[:m.start()] if m else plain
    lead = _LEAD_IN_RE.match(head)
    base = lead.end() if lead else 0
    # "Sur les projets comparables en Europe, voir J. Aubrac-Lenoir, op. cit.": commentary first,
    # then the pointer; the work is the one named after the last "voir" / "see".
    late = [m for m in _LATE_LEAD_IN_RE.finditer(head) if m.start() > base]
    if late:
        base = late[-1].end()
    if not head[base:].strip(" ,.;:…"):
        return None, None
    found = _title_at(head, italics, base)
    authors = _split_authors(found[3]) if found else None
    if found and authors is not None:
        title = _clean_title(found[0])
    else:  # "Evensen, Salmon, Silt and Subsidies, op. cit." or just "Smith, op. cit."
        named = head[base:].strip(" ,.;:…")
        # Author-date style names the work by its authors and year: "Mensah and Farrow (2021), op. cit."
        dated = _AUTHOR_DATE_RE.fullmatch(named)
        if dated and _is_name(dated.group(1)):
            authors = _split_authors(dated.group(1)) or []
            return (surname(authors[0]) if authors else None), None
        segs = _segments(named)
        authors = [segs.pop(0)] if segs and _is_name(segs[0]) and len(segs[0].split()) <= 4 and \
            (len(segs) > 1 or _is_personal(segs[0]) or len(segs[0].split()) == 1) else []
        if authors and segs and _BARE_INITIALS_RE.fullmatch(segs[0]):
            segs.pop(0)  # "Smith, J., op. cit."
        title = _clean_title(", ".join(segs)) if segs else None
        joint = _JOINT_AUTHORS_RE.fullmatch(named) if not authors else None
        if joint:
            # "Hallworth and Teague, op. cit.", "Ishida et al., op. cit.": the first author's surname; the
            # words stay the title too, for "Ports and Harbours, op. cit." may name a work by its title.
            return fold(joint.group(1)), fold(title) if title else None
    name = surname(authors[0]) if authors else None
    return name, (fold(title) or None) if title else None
