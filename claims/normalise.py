"""Text for matching: one spelling for things that are written many ways.

Two reports rarely word a claim alike: "80%" and "80 per cent", "€20 million"
and "20 million euros", "USSR" and "U.S.S.R.", "ten" and "10", curly and straight
quotes. normalise() folds all of these so that a fuzzy scorer compares what is
said, not how it is typed; content_tokens() then keeps the words that carry
meaning. Both run on every sentence of every report when the index is built, so
every step is a precompiled regular expression or str.translate over the whole
string: no per-character Python loops.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# --- number words (shared with claims.facts) -------------------------------------------

_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
_BIG = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def trie_pattern(words) -> str:
    """One regular expression for many literal words, shared prefixes factored out
    ("t(?:en|wo|hree...)"): Python's re tries alternatives one by one, so a trie is
    several times faster than "ten|two|three|..." on every position of a long text."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(tree)


NUMBER_WORD_LIST = [*_SMALL, *_TENS, *_BIG, "hundred", "dozen"]
_NW = trie_pattern(NUMBER_WORD_LIST)
# A run of number words: "twenty-five", "two hundred and fifty", "a million". "and" joins
# only after hundred/thousand, so "between two and three" stays two numbers.
NUMBER_WORDS = (
    rf"(?:\ba[ \t]+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?\b{_NW}\b"
    rf"(?:(?:[ \t]+|-){_NW}\b|(?<=hundred)[ \t]+and[ \t]+{_NW}\b|(?<=thousand)[ \t]+and[ \t]+{_NW}\b)*"
    r"(?!-[a-z])"  # "twenty-first" is an ordinal, "twenty-five-year" an adjective: leave both
)


def words_to_number(run: str) -> float:
    """The value of a NUMBER_WORDS match: "two hundred million" -> 2e8."""
    total, current = 0.0, 0.0
    for word in re.findall(r"[a-z]+", run.lower()):
        if word == "a":
            current += 1
        elif word in _SMALL or word in _TENS:
            current += _SMALL.get(word, 0) + _TENS.get(word, 0)
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in _BIG:
            total += (current or 1) * _BIG[word]
            current = 0
    return total + current


# --- character folding ------------------------------------------------------------------

_FOLD = str.maketrans({
    **dict.fromkeys("‘’‚‛′`´", "'"), **dict.fromkeys("“”„‟«»″", '"'),
    **dict.fromkeys("‐‑‒–—―−⁃", "-"), **dict.fromkeys("\u00a0\u202f\u2009\u2007\u2002\u2003\t\r\n", " "),
    **dict.fromkeys("\u200b\u200c\u200d\u00ad\ufeff", ""), "⁄": "/", "…": "...",
    # Superscript digits are footnote calls ("exports¹"), not part of the word.
    **dict.fromkeys("¹²³⁰⁴⁵⁶⁷⁸⁹", ""),
})
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")

# --- currencies (on the original case: "USD" is a code, "usd" in prose is not typed) ----

_CODES = {"$": "usd", "US$": "usd", "A$": "aud", "C$": "cad", "R$": "brl", "€": "eur", "£": "gbp", "₽": "rub",
          "¥": "jpy", "USD": "usd", "EUR": "eur", "GBP": "gbp", "RUB": "rub", "RUR": "rub", "CNY": "cny",
          "JPY": "jpy", "CHF": "chf", "BRL": "brl"}
_SCALE_WORD = {"m": "million", "mn": "million", "mln": "million", "k": "thousand", "b": "billion", "bn": "billion",
               "bln": "billion", "tn": "trillion"}
_CURRENCY_BEFORE = re.compile(
    r"(?<![\w$])(?P<c>US ?\\?\$|[ACR]\\?\$|\\?\$|USD|EUR|GBP|RUB|RUR|CNY|JPY|CHF|BRL|€|£|₽|¥) ?"
    r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
    r"(?:(?i: ?(?P<s>thousand|million|billion|trillion|mln|mn|bln|bn|tn))\b|(?P<g>[mkb])\b)?"
)
_STRAY_SYMBOL = re.compile(r"(?:US ?)?\\?\$|[€£₽¥]")
_US_DOLLARS = re.compile(r"\b(?:US|U\.S\.) (?=(?i:dollars?)\b)")  # keep "US" here from becoming a country
_CURRENCY_AFTER = re.compile(
    r"\b(\d[\d.]*|thousands?|millions?|billions?|trillions?)( of)? (?:us )?"
    r"(dollars?|euros?|roubles?|rubles?|pounds sterling|sterling|yuan|yen)\b")
_CURRENCY_WORD = {"dollar": "usd", "euro": "eur", "rouble": "rub", "ruble": "rub", "pounds sterling": "gbp",
                  "sterling": "gbp", "yuan": "cny", "yen": "jpy"}


def _currency_before(m: re.Match) -> str:
    code = _CODES[m["c"].replace("\\", "").replace(" ", "")]
    scale = m["s"] or m["g"]
    scale = _SCALE_WORD.get(scale.lower(), scale.lower()) if scale else ""
    return f"{m['n']} {scale} {code}" if scale else f"{m['n']} {code}"


def _currency_after(m: re.Match) -> str:
    word = m[3].rstrip("s") if m[3] not in ("pounds sterling",) else m[3]
    return f"{m[1]}{m[2] or ''} {_CURRENCY_WORD[word]}"


# --- numbers ------------------------------------------------------------------------------
# Patterns start with a digit or a literal where they can: re then skips ahead fast.

_PER_CENT = re.compile(r"\bper cent\b")
_THOUSANDS = re.compile(r"\d(?<![\d.,]\d)\d{0,2}(?:,\d{3})+(?!\d)|\d(?<![\d.,]\d)\d{0,2}(?: \d{3})+(?![\d.,]?\d)")
_DECIMAL_COMMA = re.compile(r"(\d)(?<![\d.,]\d)(\d{0,2}),(\d{1,2})(?![\d,])")  # "2,8" is European 2.8
_SCALE_ABBR = re.compile(r"(\d) ?(mln|mn|bln|bn|tn)\b")
_NUMBER_WORDS = re.compile(NUMBER_WORDS)
_ANY_NUMBER_WORD = re.compile(rf"\b{_NW}\b")
_HAS_DIGIT = re.compile(r"\d")


def _number_words(m: re.Match) -> str:
    run = m[0]
    words = re.findall(r"[a-z]+", run)
    if words == ["one"] or words[0] in _BIG or words[0] in ("hundred", "dozen"):
        # "one of the ..." is a pronoun far more often than a figure; a bare "million"
        # follows digits ("20 million") and stays a word, as reports write it.
        return run
    big = [w for w in words if w in ("million", "billion", "trillion")]
    if len(big) == 1 and words[-1] == big[0]:
        # "two hundred million" -> "200 million", as a report would write it in digits
        value = words_to_number(" ".join(words[:-1])) if len(words) > 1 else 1
        return f"{value:.0f} {big[0]}"
    return f"{words_to_number(run):.0f}"


def _fold(text: str) -> str:
    """Typographic characters to ASCII and diacritics removed; case untouched."""
    if text.isascii():  # the common case: only the backtick needs folding (spaces are joined later)
        return text.replace("`", "'") if "`" in text else text
    text = text.translate(_FOLD)
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).translate(_FOLD)


def _base(text: str, cased: _Aliases | None = None) -> str:
    """Everything normalise() does except the lower-case aliases; cased ones if given."""
    text = _fold(text)
    if "ollar" in text:
        text = _US_DOLLARS.sub("", text)
    if ("$" in text or not text.isascii() or "USD" in text or "EUR" in text or "GBP" in text or "RUB" in text
            or "RUR" in text or "CNY" in text or "JPY" in text or "CHF" in text or "BRL" in text):
        text = _CURRENCY_BEFORE.sub(_currency_before, text)
        text = _STRAY_SYMBOL.sub(lambda m: f" {_CODES[m[0].replace(chr(92), '').replace(' ', '')]} ", text)
    if cased is not None:
        # Still in the original case, and after "US$" has become money.
        text = cased.cased_re.sub(lambda m: cased.cased[m[0]], text)
    text = text.lower()
    if not text.isascii():  # lower() can leave compatibility forms; fold them once more
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text)).translate(_FOLD).lower()
    text = " ".join(text.split())  # one space everywhere, so the patterns below need not allow more
    if "%" in text:
        text = text.replace("\\%", "%").replace("%", " percent")
    if "per cent" in text:
        text = _PER_CENT.sub("percent", text)
    # Number words first, so that "5 one hundred" becomes "5 100" before thousands are joined.
    if _ANY_NUMBER_WORD.search(text):
        text = _NUMBER_WORDS.sub(_number_words, text)
    if _HAS_DIGIT.search(text):
        if "," in text or " " in text:
            text = _THOUSANDS.sub(lambda m: m[0].replace(",", "").replace(" ", ""), text)
        if "," in text:
            text = _DECIMAL_COMMA.sub(r"\1\2.\3", text)
        if "mn" in text or "bn" in text or "mln" in text or "bln" in text or "tn" in text:
            text = _SCALE_ABBR.sub(lambda m: f"{m[1]} {_SCALE_WORD[m[2]]}", text)
    if ("dollar" in text or "euro" in text or "ruble" in text or "rouble" in text or "sterling" in text
            or "yuan" in text or "yen" in text):
        text = _CURRENCY_AFTER.sub(_currency_after, text)
    return " ".join(text.split())


# --- aliases ------------------------------------------------------------------------------

BUILTIN_ALIASES: dict[str, str] = {
    "LAC": "Latin America", "Latin America and the Caribbean": "Latin America",
    "Latin America & the Caribbean": "Latin America",
    "USSR": "Soviet Union", "U.S.S.R.": "Soviet Union", "Union of Soviet Socialist Republics": "Soviet Union",
    "US": "United States", "U.S.": "United States", "USA": "United States", "U.S.A.": "United States",
    "United States of America": "United States",
    "UK": "United Kingdom", "U.K.": "United Kingdom", "Great Britain": "United Kingdom",
    "EU": "European Union", "E.U.": "European Union", "UN": "United Nations", "U.N.": "United Nations",
    "PRC": "China", "People's Republic of China": "China", "Russian Federation": "Russia", "RF": "Russia",
    "DPRK": "North Korea", "Democratic People's Republic of Korea": "North Korea", "ROK": "South Korea",
    "UAE": "United Arab Emirates", "EAEU": "Eurasian Economic Union", "EEU": "Eurasian Economic Union",
    "Eurasian Economic Community": "Eurasian Economic Union", "ALBA": "Bolivarian Alliance",
    "CELAC": "Community of Latin American and Caribbean States", "PDVSA": "Petroleos de Venezuela",
    "Petróleos de Venezuela, S.A.": "Petroleos de Venezuela", "NATO": "North Atlantic Treaty Organization",
}


def _is_cased(alias: str) -> bool:
    """All-caps of at most three letters ("US", "U.S.", "LAC"): only the capitals mean the name."""
    letters = [c for c in alias if c.isalpha()]
    return 0 < len(letters) <= 3 and alias == alias.upper()


def _alternation(keys) -> str:
    # A trie matches the longest key first on its own ("U.S.A." before "U.S."): its
    # optional tails are greedy, and (?!\w) makes it back off to a shorter whole word.
    return r"(?<!\w)" + trie_pattern(keys) + r"(?!\w)"


class _Aliases:
    """An alias mapping compiled into two regular expressions (cased, then folded)."""

    def __init__(self, aliases: dict[str, str]):
        canon = {a: _base(c) for a, c in aliases.items()}
        self.folded = {key: c for a, c in canon.items() if not _is_cased(a) and (key := _base(a)) and key != c}
        self.folded_re = re.compile(_alternation(self.folded)) if self.folded else None
        if self.folded_re is not None:
            # A canonical name holding another alias ("Community of Latin American and
            # Caribbean States") is rewritten now, so normalise(normalise(x)) == normalise(x).
            for _ in range(3):
                self.folded = {k: self.folded_re.sub(lambda m: self.folded[m[0]], c) for k, c in self.folded.items()}
            canon = {a: self.folded_re.sub(lambda m: self.folded[m[0]], c) for a, c in canon.items()}
        self.cased = {a: c for a, c in canon.items() if _is_cased(a)}
        self.cased_re = re.compile(_alternation(self.cased)) if self.cased else None


_COMPILED: dict[int, tuple[dict, int, _Aliases]] = {}


def _compiled(aliases: dict[str, str]) -> _Aliases:
    # Callers pass the same dict for a million sentences: look it up by identity (the
    # cache holds the dict, so its id cannot be reused) and size, compile only when new.
    # A dict edited in place without changing its size is not noticed: pass a new one.
    hit = _COMPILED.get(id(aliases))
    if hit is not None and hit[0] is aliases and hit[1] == len(aliases):
        return hit[2]
    if len(_COMPILED) > 32:
        _COMPILED.clear()
    compiled = _Aliases(aliases)
    _COMPILED[id(aliases)] = (aliases, len(aliases), compiled)
    return compiled


def normalise(text: str, aliases: dict[str, str] | None = None) -> str:
    """Text for matching: lower case, no diacritics, typographic quotes/dashes folded to ASCII,
    "%"/"per cent"/"percent" -> " percent", thousands separators removed ("1,200" -> "1200"),
    currency forms unified ("$20 million", "US$20m", "USD 20 million" -> "20 million usd";
    "EUR20 million", "€20 million", "20 million euros" -> "20 million eur"; £ -> gbp;
    roubles/rubles -> rub), number words to digits where safe ("ten" -> "10"), then aliases
    applied as whole-word replacements of each alias by its canonical name, longest first.

    aliases=None means BUILTIN_ALIASES; a dict given is used as it is (merge it with
    BUILTIN_ALIASES yourself to keep them). All-caps aliases of at most three letters
    ("US", "U.S.", "EU") match only in capitals in the original text, so "us" stays a pronoun.
    """
    table = _compiled(BUILTIN_ALIASES if aliases is None else aliases)
    text = _base(text, table if table.cased_re is not None else None)
    if table.folded_re is not None:
        text = table.folded_re.sub(lambda m: table.folded[m[0]], text)
    return text


# --- content tokens -------------------------------------------------------------------------

STOPWORDS = frozenset("""
a about above after again against all also although am among an and any are aren around as at be because
been before being below between both but by can cannot could did didn do does doesn doing don down during each
either else etc ever every few for from further had has have having he her here hers herself him himself his how
however i if in into is isn it its itself just least less let like ll m may me might more most much must my
myself neither no nor not now of off on once one only onto or other others otherwise our ours ourselves out over
own per quite rather re s same several shall she should since so some such t than that the their theirs them
themselves then there these they this those though through thus to too toward towards under until up upon us ve
very via was wasn we were weren what whatever when where whereas whether which while who whom whose why will with
within without would yet you your yours yourself
""".split())

_WORD = re.compile(r"\d+(?:\.\d+)+|\w+")  # "2.8" stays one token: "2.8" and "8.2" must not meet
_SUFFIXES = (("ations", "ate"), ("ation", "ate"), ("ments", ""), ("ment", ""), ("ings", ""), ("ing", ""),
             ("ies", "y"), ("ied", "y"), ("sses", "ss"), ("shes", "sh"), ("ches", "ch"), ("xes", "x"), ("zes", "z"),
             ("ed", ""), ("ly", ""), ("s", ""))
_KEEP = frozenset("united news series species always perhaps whereas various previous status crisis analysis basis "
                  "thus bus gas sometimes overseas".split())


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    """A deliberately light stemmer: enough for "helicopters"/"helicopter" and
    "exports"/"exported"/"exporting" to meet, never touching digits or short words."""
    if len(word) <= 3 or not word.isalpha() or word in _KEEP:
        return word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix):
            root = word[: -len(suffix)]
            short = len(root) < 4 if suffix == "ly" else len(root) < 3 if suffix.startswith("ation") else \
                len(root) + len(replacement) < 3
            if short or (suffix == "s" and word.endswith(("ss", "us", "is"))):
                continue
            word = root + replacement
            break
    # "trade"/"traded"/"trading" all end at "trad"; "stopped"/"stop" at "stop".
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeioulsz":
        word = word[:-1]
    return word


def content_tokens(normalised: str) -> list[str]:
    """Tokens that carry meaning: the normalised text split on non-word characters,
    English stopwords dropped, numbers kept whole ("2.8" is one token), a light suffix
    stripper applied so that "helicopters"/"helicopter", "exports"/"exported" meet."""
    return [_stem(w) for w in _WORD.findall(normalised) if w not in STOPWORDS]
