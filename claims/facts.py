"""The facts a sentence states -- percentages, money, quantities, years, dates -- and
how the facts of two sentences compare.

Fuzzy scores are blind to numbers: "2.1% of GDP" and "1.2% of GDP" score 100 with
token_set_ratio. So the figures are read out of the text, each as the interval of
values the words allow ("nearly 100" is [85, 100), "more than 100" is (100, inf),
"one fifth" is 20% give or take a tenth), and two facts differ only when their
intervals cannot both be true. Everything here is heuristic: no parser, no model,
just the forms reports use.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from claimdesk.claims.normalise import NUMBER_WORD_LIST, NUMBER_WORDS, trie_pattern, words_to_number

INF = math.inf


@dataclass(frozen=True)
class Fact:
    kind: str  # "percent" | "money" | "quantity" | "year" | "date" | "number"
    low: float  # the interval of values the text asserts, in base units
    high: float
    unit: str | None  # currency code for money, a singular noun for a quantity, else None
    text: str  # the span as written: "nearly 100", "$5.8 billion", "one fifth"
    start: int
    end: int
    # The grain of an exact figure ("17.1 billion": 0.1e9), 0 when the text gave an
    # interval: "17.14 billion" rounds to "17.1 billion", so the two are alike.
    step: float = field(default=0.0, compare=False, repr=False)
    ranged: bool = field(default=False, compare=False, repr=False)  # "20-25%", "between 6 and 10"


@dataclass(frozen=True)
class Difference:
    claim: str  # the claim's Fact.text: "19.1 billion", "nearly 100"
    source: str  # the source's: "17.1 billion", "more than 100"
    kind: str


# --- patterns --------------------------------------------------------------------------

_NUM = (r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?"  # 1,200  1,200.5
        r"|[0-9]{1,3}(?:\.[0-9]{3}){2,}"  # 1.200.000
        r"|[0-9]{1,3}(?:[ \u00a0\u202f\u2009][0-9]{3})+(?![0-9])"  # 1 200
        r"|[0-9]{1,3},[0-9]{1,2}(?![0-9,])"  # 2,8: a European decimal comma, never 3 digits
        r"|[0-9]+(?:\.[0-9]+)?)")
_YEAR = r"(?:1[89]|20)[0-9]{2}"
_MONTH = (r"(?-i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?")
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_DATE = (rf"(?<![\w.\-/])(?P<iy>{_YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12][0-9]|3[01])(?![0-9])"
         rf"|(?<![\w.\-/])(?P<dd>[0-3]?[0-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm>{_MONTH}),?\s+(?P<dy>{_YEAR})(?![0-9])"
         rf"|\b(?P<mm>{_MONTH})\s+(?P<md>[0-3]?[0-9])(?:st|nd|rd|th)?,?\s+(?P<my>{_YEAR})(?![0-9])"
         rf"|\b(?P<om>{_MONTH}),?\s+(?:of\s+)?(?P<oy>{_YEAR})(?![0-9])")
_ORDINALS = {"half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10}
_FRACTION = (r"\b(?P<fn>one|a|two|three|four|five|six|seven|eight|nine)[\s-]+"
             r"(?P<fd>half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b"
             r"|\b(?:one|1)\s+(?:in|out\s+of)\s+(?P<fo>two|three|four|five|six|seven|eight|nine|ten|[1-9][0-9]?)\b"
             r"|\b(?P<half>half)\b(?=\s+(?:of|the|its|their|his|her|all|that)\b)")
_VAGUE = (r"\b(?P<vague>tens|dozens|hundreds|thousands|millions|billions)\s+of"
          r"(?:\s+(?P<vscale>thousands|millions|billions)\b)?")
# A digit run is a figure unless it is glued to a word: "Mi-171E", "T-72B1", "G-20",
# "COVID-19", URLs. "mid-2019", "EUR38" and "US$3" are the exceptions that are figures.
_DIGITS = (r"(?:(?<=\bmid-)|(?<=\bpre-)|(?<=\bpost-)|(?<=EUR)|(?<=USD)|(?<=GBP)|(?<=RUB)|(?<![\w.\-/\\]))"
           rf"(?P<n1>{_NUM})(?:(?P<p1>\s?%)?\s?[-–—]\s?(?P<n2>{_NUM}))?")
_ATOM = re.compile(rf"(?P<date>{_DATE})|(?P<frac>{_FRACTION})|{_VAGUE}|{_DIGITS}|(?P<words>{NUMBER_WORDS})", re.I)
# Where an atom can start: a digit run or one of the words that open one. Searching for
# these and trying _ATOM only there is ten times faster than letting _ATOM scan.
_START = re.compile(r"(?<![0-9])[0-9]|\b" + trie_pattern([
    *_MONTHS, "june", "july", "sept", "january", "february", "march", "april", "august", "september", "october",
    "november", "december", "a", "half", "tens", "dozens", "hundreds", "thousands", "millions", "billions",
    *NUMBER_WORD_LIST]) + r"\b", re.I)

_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "mio": 1e6, "m": 1e6,
           "billion": 1e9, "bn": 1e9, "bln": 1e9, "mrd": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
_SCALE = re.compile(r"(?:[ \u00a0]?(?P<w>thousand|million|billion|trillion|mln|mn|bln|bn|tn|mio|mrd)s?|(?P<g>[mkb]))"
                    r"(?![^\W\d_])", re.I)
_PERCENT = re.compile(r"[ \u00a0]?\\?%|[ \u00a0]+(?:per[ \u00a0]?cent|percent|pct)\b|[ \u00a0]+percentage[ \u00a0]+points?\b", re.I)
_CURRENCY_AFTER = re.compile(
    r"[ \u00a0]*(?P<of>of[ \u00a0]+)?(?:US[ \u00a0]+)?(?P<c>dollars?|euros?|roubles?|rubles?|pounds?[ \u00a0]+sterling|yuan|yen"
    r"|(?-i:USD|EUR|GBP|RUB|CNY|JPY|CHF|BRL))\b", re.I)
_CURRENCY_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?P<pre>US|A|C|CA|R|NZ|HK)?\\?\$|(?<![A-Za-z])(?P<code>USD|EUR|GBP|RUB|RUR|CNY|JPY|CHF|BRL)"
    r"|(?P<sym>[€£₽¥]))[ \u00a0]*$")
_CODES = {"": "USD", "US": "USD", "A": "AUD", "C": "CAD", "CA": "CAD", "R": "BRL", "NZ": "NZD", "HK": "HKD",
          "RUR": "RUB", "€": "EUR", "£": "GBP", "₽": "RUB", "¥": "JPY", "dollar": "USD", "euro": "EUR",
          "rouble": "RUB", "ruble": "RUB", "pound": "GBP", "yuan": "CNY", "yen": "JPY"}

# Qualifiers before a figure, and what they make of the value X.
_QUALIFIERS = {
    "gt": "more than|over|above|exceeding|exceeds|exceeded|in excess of|greater than|upwards of|well over|just over",
    "ge": "at least|no fewer than|no less than|not less than|a minimum of",
    "near": "nearly|almost|just under|just short of",
    "lt": "less than|fewer than|under|below",
    "le": "up to|no more than|not more than|at most|a maximum of|did not exceed|does not exceed|not exceeding",
    "approx": "about|around|approximately|approx\\.|roughly|some|circa|c\\.|ca\\.|an estimated|estimated|close to|~|≈",
}
_QUALIFIER = re.compile(
    r"(?<![\w.])(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _QUALIFIERS.items()) + r")[ \u00a0]*$", re.I)
_PREVIOUS_WORD = re.compile(r"([A-Za-z]+)[\s,]*$")
_YEAR_WORDS = {"in", "since", "by", "until", "till", "from", "between", "during", "before", "after", "the", "to",
               "and", "early", "late", "mid", "end", "of", "year", "fiscal", "summer", "winter", "spring", "autumn"}

# The head noun after a figure: "100 civil and military helicopters" -> "helicopter".
_NEXT_WORD = re.compile(r"[\s\"“”'‘’«»()/-]*([^\W\d_][\w'’-]*)")
_STOP_SCAN = frozenset("""the a an of in on at to for from by with which that who whom whose was were is are be been
has have had will would can could should may might must than as per each its their his her our it this these those
but while into onto over under during since until between among against through after before above below if when
where because so not no also only more less some all percent cent according compared""".split())
_NOT_PLURAL = frozenset("""was has is its this thus his hers as us yes does goes always perhaps whereas towards
afterwards besides sometimes overseas plus versus series news species various""".split())
_SINGULAR_UNITS = {"people": "person", "persons": "person", "men": "man", "women": "woman", "children": "child",
                   "aircraft": "aircraft", "personnel": "personnel", "staff": "staff", "km": "km", "kg": "kg",
                   "mw": "megawatt", "gw": "gigawatt", "kw": "kilowatt", "ha": "hectare", "bcm": "bcm",
                   "bpd": "bpd", "twh": "twh", "mwh": "mwh", "gwh": "gwh"}
GENERIC_UNITS = frozenset({"unit", "item", "piece"})


def _lemma(word: str) -> str | None:
    """A plural noun made singular ("countries" -> "country"), or None if not a plural."""
    lower = word.lower().rstrip("'’")
    if lower in _SINGULAR_UNITS:
        return _SINGULAR_UNITS[lower]
    if not word.endswith("s") or len(lower) < 3 or lower in _NOT_PLURAL or lower.endswith(("ss", "us", "is", "'s", "’s")):
        return None
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("ses", "xes", "zes", "ches", "shes")):
        return lower[:-2]
    return lower[:-1]


def _unit_after(text: str, pos: int) -> str | None:
    """The head noun of the phrase after a figure, skipping adjectives; None if none."""
    if text.startswith("-", pos):  # "200-megawatt", "10-year": the compound names the unit
        m = _NEXT_WORD.match(text, pos)
        if m and m.start(1) == pos + 1 and m[1].isalpha():
            return _lemma(m[1]) or m[1].lower()
    for _ in range(6):
        m = _NEXT_WORD.match(text, pos)
        if not m:
            return None
        word, pos = m[1], m.end()
        lower = word.lower()
        if lower in _STOP_SCAN:
            return None
        if lower in ("and", "or", "&"):
            continue
        lemma = _lemma(word)
        if lemma:
            return lemma
    return None


def _number(literal: str) -> float:
    """A digit literal's value: "1,200" 1200, "2,8" 2.8, "1 200" 1200, "1.200.000" 1200000."""
    literal = re.sub(r"[ \u00a0\u202f\u2009]", "", literal)
    if re.fullmatch(r"[0-9]{1,3},[0-9]{1,2}", literal):
        return float(literal.replace(",", "."))
    if literal.count(".") > 1:
        literal = literal.replace(".", "")
    return float(literal.replace(",", ""))


def _step(literal: str) -> float:
    """The grain of a digit literal: "17.1" 0.1, "100" 1, "2,8" 0.1."""
    mark = "," if re.fullmatch(r"[0-9]{1,3},[0-9]{1,2}", literal) else "." if literal.count(".") == 1 else None
    return 10.0 ** -(len(literal) - literal.index(mark) - 1) if mark else 1.0


def _above(x: float) -> float:  # an open bound: "more than 100" excludes 100 itself
    return x * (1 + 1e-9) if x else 1e-12


def _below(x: float) -> float:
    return x * (1 - 1e-9) if x else -1e-12


def _qualify(qualifier: str | None, low: float, high: float) -> tuple[float, float]:
    """The interval a qualifier makes of the figure's [low, high]."""
    return {
        "gt": (_above(high), INF), "ge": (low, INF), "near": (0.85 * low, _below(low)),
        "lt": (0.0, _below(low)), "le": (0.0, high), "approx": (0.9 * low, 1.1 * high),
    }.get(qualifier, (low, high))


@dataclass
class _Raw:
    """A fact being read; scale is kept so "between 6 and 10 billion" can share it."""
    kind: str
    low: float
    high: float
    unit: str | None
    start: int
    end: int
    step: float = 0.0
    ranged: bool = False
    approx: bool = False
    scale: float = 1.0
    scaled: bool = False


_REFERENCE = re.compile(r"(?:\b(?:no|nos|p|pp|vol|art|fig|n)\.|\b(?:article|chapter|section|pages?|table|figure|"
                        r"footnote|note|paragraph|resolution)|№|#)[ \u00a0]*$", re.I)
_OF = re.compile(r"\s+of\b")
_A_FRACTION_ENDS = re.compile(r"\s*(?:of\b|\(|[.,;:)]|$)")  # "a third of", not "a third country"


def _date(m: re.Match) -> _Raw | None:
    """YYYYMMDD as a number; a month without a day is the whole month, YYYYMM00 to YYYYMM31."""
    if m["iy"]:
        year, month, day = int(m["iy"]), int(m["im"]), int(m["id"])
    else:
        name = m["dm"] or m["mm"] or m["om"]
        year, month = int(m["dy"] or m["my"] or m["oy"]), _MONTHS[name[:3].lower()]
        day = int(m["dd"] or m["md"] or 0)
    if not 0 <= day <= 31:
        return None
    value = year * 10000 + month * 100 + day
    return _Raw("date", value, value + (31 if day == 0 else 0), None, m.start(), m.end())


def _figure(text: str, m: re.Match) -> list[_Raw]:
    """The fact(s) of one figure: its value, then what surrounds it (scale, %, currency,
    qualifier, the noun it counts). Two facts for a year range, none for a model name."""
    start = end = m.end()
    step, ranged, approx, year_like, words_scaled, lone_one = 0.0, False, False, False, False, False
    if m["frac"]:
        if m["fn"]:
            if m["fn"].lower() == "a" and not _A_FRACTION_ENDS.match(text, m.end()):
                return []
            if re.search(r"\band\s+$", text[max(0, m.start() - 6):m.start()], re.I):
                return []  # "one and a half"
            denominator = m["fd"].lower()
            denominator = _ORDINALS.get(denominator) or _ORDINALS[denominator[:-1]]
            value = 100 * words_to_number(m["fn"]) / denominator
        elif m["fo"]:
            value = 100 / (float(m["fo"]) if m["fo"].isdigit() else words_to_number(m["fo"]))
        else:
            previous = _PREVIOUS_WORD.search(text, max(0, m.start() - 20), m.start())
            if previous and previous[1].lower() in ("first", "second", "latter", "last", "other", "a"):
                return []
            value = 50.0
        low, high, approx = 0.9 * value, 1.1 * value, True  # a bare fraction is approximate
        kind, start = "percent", m.start()
    else:
        if m["vague"]:
            base = {"tens": 10, "dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
            value = base[m["vague"].lower()] * (base[m["vscale"].lower()] if m["vscale"] else 1)
            low, high, approx, start = value, _below(10 * value), True, m.start()
        elif m["n1"]:
            if text[end:end + 1].isalpha() and not _SCALE.match(text, end):
                return []  # "1990s", "5th", "35D"
            if (re.match(r"[.,][0-9]|[-–][0-9]", text[end:end + 2])
                    or _REFERENCE.search(text, max(0, m.start() - 12), m.start())):
                return []  # "3.5.2", "979-10-373" (an ISBN), "No. 119", "p. 12"
            low, high = _number(m["n1"]), _number(m["n2"]) if m["n2"] else _number(m["n1"])
            if m["n2"] and re.search(r"[, \u00a0]000$", m["n2"]) and low < 1000 <= high and re.fullmatch("[0-9]+", m["n1"]):
                low *= 1000  # "25-30,000 people" is 25,000 to 30,000
            start, ranged = m.start(), bool(m["n2"])
            step = 0.0 if ranged else _step(m["n1"])
            year_like = bool(re.fullmatch(_YEAR, m["n1"]) and (not m["n2"] or re.fullmatch(r"[0-9]{2}|" + _YEAR, m["n2"])))
        else:
            words = re.findall(r"[a-z]+", m["words"].lower())
            if words[0] in ("hundred", "dozen", "thousand", "million", "billion", "trillion"):
                return []  # "20 million": the scale of a figure already read
            low = high = words_to_number(m["words"])
            start, words_scaled, lone_one = m.start(), words[-1] in _SCALES, words == ["one"]
            step = _SCALES.get(words[-1], 1.0)
        kind = "number"
    if not (math.isfinite(low) and math.isfinite(high)):
        return []

    currency = _CURRENCY_BEFORE.search(text, max(0, start - 6), start)
    head = currency.start() if currency else start
    scale = 1.0
    s = None if m["frac"] or words_scaled else _SCALE.match(text, end)
    if s and (s["w"] or (s["g"].lower() == "k" or currency)):
        scale, end = _SCALES[(s["w"] or s["g"]).lower()], s.end()
    elif s and s["g"]:
        return []  # "100m" is a hundred metres, not money
    percent = _PERCENT.match(text, end)
    if kind == "number" and (percent or m["p1"]):
        kind, end = "percent", percent.end() if percent else end
    after = None if percent or m["frac"] else _CURRENCY_AFTER.match(text, end)
    if after and after["of"] and not m["vague"]:
        after = None
    unit = None
    if kind == "number" and (currency or after):
        kind = "money"
        if currency:
            key = currency["code"] or currency["sym"] or currency["pre"] or ""
            unit = _CODES.get(key, key)
        else:
            word = after["c"].lower().split()[0].rstrip("s")
            unit = _CODES.get(word, after["c"].upper())
        end = after.end() if after else end

    qualifier = _QUALIFIER.search(text, max(0, head - 30), head)
    q = qualifier.lastgroup if qualifier else None
    lead = qualifier.start() if qualifier else head
    if year_like and scale == 1 and kind == "number" and q in (None, "approx"):
        unit_noun = _unit_after(text, end)
        previous = _PREVIOUS_WORD.search(text, max(0, lead - 25), lead)
        if not unit_noun or (previous and previous[1].lower() in _YEAR_WORDS):
            # A year, or two: "2018-2019", "1990-91"; a qualifier on a year is dropped.
            first = int(m["n1"])
            years = [_Raw("year", first, first, None, m.start("n1"), m.end("n1"))]
            if m["n2"]:
                second = int(m["n2"]) if len(m["n2"]) == 4 else int(m["n1"][:2] + m["n2"])
                if second <= first:
                    return years[:1]
                years.append(_Raw("year", second, second, None, m.start("n2"), m.end("n2")))
            return years
    if kind == "number":  # "tens of thousands of people": the noun is after "of"
        of = _OF.match(text, end) if m["vscale"] else None
        unit = _unit_after(text, of.end() if of else end)
        if unit:
            kind = "quantity"
    if lone_one and kind in ("number", "quantity"):
        return []  # "one of the ...": a pronoun far more often than a figure
    if kind == "number" and not text[:lead].strip() and re.match(r"[.)]\s", text[end:end + 2]):
        return []  # "13. Ibid.": the number of a note or a list item
    low, high, step = low * scale, high * scale, step * scale
    if q:
        low, high = _qualify(q, low, high)
        step, approx = 0.0, approx or q == "approx"
    if not (low <= high):
        low, high = high, low
    return [_Raw(kind, low, high, unit, lead, end, step, ranged, approx, scale, scale != 1 or words_scaled)]


def _compatible(a, b) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "money":
        return a.unit == b.unit
    if a.kind == "quantity":
        return a.unit == b.unit or a.unit in GENERIC_UNITS or b.unit in GENERIC_UNITS
    return True


def _tidy(text: str, raws: list[_Raw]) -> list[_Raw]:
    """Join "between X and Y" into one range; let "a third (32%)" keep only the exact 32%."""
    out: list[_Raw] = []
    for raw in raws:
        prev = out[-1] if out else None
        if (prev and raw.scaled and not prev.scaled and prev.kind in ("number", raw.kind) and raw.kind != "year"
                and prev.unit in (None, raw.unit) and re.fullmatch(r"\s*(?:-|–|to|and)\s*", text[prev.end:raw.start])):
            # "from $5 to $8.5 billion": the first figure shares the second's scale.
            prev.low, prev.high, prev.step = prev.low * raw.scale, prev.high * raw.scale, prev.step * raw.scale
            prev.kind, prev.unit, prev.scale, prev.scaled = raw.kind, raw.unit, raw.scale, True
        if prev and prev.approx and _compatible(prev, raw) and re.fullmatch(r"\s*\(\s*", text[prev.end:raw.start]):
            out[-1] = raw
            continue
        if (prev and prev.kind not in ("year", "date") and raw.kind not in ("year", "date")
                and (prev.kind == raw.kind or prev.kind == "number") and (prev.unit == raw.unit or prev.unit is None)
                and re.fullmatch(r"\s+and\s+", text[prev.end:raw.start])
                and re.search(r"\bbetween\s+$", text[max(0, prev.start - 12):prev.start], re.I)):
            factor = raw.scale if not prev.scaled else 1.0
            out[-1] = _Raw(raw.kind, min(prev.low * factor, raw.low), max(prev.high * factor, raw.high),
                           raw.unit or prev.unit, prev.start, raw.end, 0.0, True, prev.approx or raw.approx,
                           raw.scale, raw.scaled)
            continue
        out.append(raw)
    return out


# Telephone numbers are not figures: report covers carry them ("Tel.: +33 (0)1
# 40 61 60 60"), and two covers' numbers must not make a conflict.
_PHONE = re.compile(r"(?:\+\d{1,3}|\(0\)|\b(?:tel|tél|phone|fax)\.?:?\s*)[\d\s().\-/]{6,}\d", re.IGNORECASE)


def extract_facts(text: str) -> list[Fact]:
    """Every figure in text, in order, as a Fact whose text is text[start:end]."""
    raws: list[_Raw] = []
    phones = [m.span() for m in _PHONE.finditer(text)]
    reached = pos = 0
    while (hit := _START.search(text, pos)) is not None:
        m = _ATOM.match(text, hit.start())
        pos = m.end() if m else hit.end()
        if m is None or m.start() < reached:
            continue  # no figure here, or inside the scale or currency word of the one before
        if any(start <= m.start() < end for start, end in phones):
            continue
        found = [r for r in ([_date(m)] if m["date"] else _figure(text, m)) if r is not None]
        raws.extend(found)
        if found:
            reached = found[-1].end
    return [Fact(r.kind, float(r.low), float(r.high), r.unit, text[r.start:r.end], r.start, r.end, r.step, r.ranged)
            for r in _tidy(text, raws)]


# --- comparing ------------------------------------------------------------------------------

def _bounds(f: Fact) -> tuple[float, float]:
    """An exact figure stands for anything that rounds to it: "17.1" for [17.05, 17.15)."""
    half = 0.499 * f.step if f.step and f.low == f.high else 0.0
    return f.low - half, f.high + half


def _alike(a: Fact, b: Fact) -> bool:
    if a.ranged and b.ranged:  # "20-25%" against "20-30%": both ends must agree
        return all(abs(x - y) <= 1e-9 * max(abs(x), abs(y), 1) for x, y in ((a.low, b.low), (a.high, b.high)))
    (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
    return alo <= bhi and blo <= ahi


def _gap(a: Fact, b: Fact) -> float:
    """How far apart two facts are, relative to their size (0 when they overlap)."""
    (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
    finite = [abs(x) for x in (alo, ahi, blo, bhi) if math.isfinite(x)]
    return max(blo - ahi, alo - bhi, 0.0) / (max(finite) or 1.0)


def _greedy(claim: list[Fact], source: list[Fact], pairs_of) -> list[tuple[Fact, Fact]]:
    """Closest pairs first, each fact in one pair at most. Overlapping pairs go before any
    disjoint one, and ties to facts in the same order on both sides, so "41% to 58%"
    against "41% in 2012 to 58% in 2021" pairs 41 with 41 and 58 with 58."""
    candidates = sorted((not _alike(c, s), _gap(c, s), abs(i - j), i, j)
                        for i, c in enumerate(claim) for j, s in enumerate(source) if pairs_of(c, s))
    used_c, used_s, pairs = set(), set(), []
    for *_, i, j in candidates:
        if i not in used_c and j not in used_s:
            used_c.add(i)
            used_s.add(j)
            pairs.append((claim[i], source[j]))
    return pairs


def compare_facts(claim: list[Fact], source: list[Fact]) -> tuple[list[tuple[Fact, Fact]], list[Difference]]:
    """(facts stated alike in both, differences): the same fact stated with a different value.

    Facts pair by kind (money by currency, quantities by noun, "units"/"items" going
    with any noun), closest first. A pair is alike when its intervals overlap, a
    difference when they cannot both be true. A fact with no partner is neither: the
    passage may simply not mention it. Years are a set: a difference only when both
    sides give years and share none ("in 2016" against "in 2017"). Both lists come back
    in the claim's order.
    """
    claim_years = [f for f in claim if f.kind == "year"]
    source_years = [f for f in source if f.kind == "year"]
    if {f.low for f in claim_years} & {f.low for f in source_years}:
        # Shared years pair up; the others are years one side mentions and the other does not.
        pairs = _greedy(claim_years, source_years, lambda a, b: a.low == b.low)
    else:
        pairs = _greedy(claim_years, source_years, lambda a, b: True)
    pairs += _greedy([f for f in claim if f.kind != "year"], [f for f in source if f.kind != "year"], _compatible)
    pairs.sort(key=lambda pair: pair[0].start)
    judged = [(c, s, c.low == s.low if c.kind == "year" else _alike(c, s)) for c, s in pairs]
    return ([(c, s) for c, s, same in judged if same],
            [Difference(c.text, s.text, c.kind) for c, s, same in judged if not same])
