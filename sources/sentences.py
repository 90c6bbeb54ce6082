"""Split a report's reading text into sentence spans.

Fact-checkers annotate claims sentence by sentence, so spans must be exact
character offsets (Python ``str`` indices) into the reading text, and every
non-whitespace character must belong to exactly one sentence: nothing that a
claim could be made of may fall between spans.

How it works, and why it is fast: one compiled regex finds every *candidate*
boundary (terminal punctuation, optional closing quotes/brackets and footnote
markers, then whitespace, then a non-lowercase character); a Python loop
judges only those candidates, looking at the word before a period and the
character/word after it.  Blank lines are unconditional cuts.  The text
between accepted cuts is then trimmed of whitespace.  Because spans are "text
between cuts, trimmed", the coverage/ordering guarantees hold by construction,
whatever the heuristics decide.  About 1 s for 10 MB of report text.

Deliberate limits: a sentence that starts with a lowercase letter is merged
into the previous one (that is what keeps "etc. and", "op. cit. p. 30" and
'"Why?" she asked' together), and a single newline never ends a sentence.
When in doubt the splitter merges rather than splits: a merged pair is easy
for a fact-checker to see, a claim cut in half is not.

Standard library only.
"""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

# A blank line: newline, optional horizontal whitespace (incl. "\r"), newline.
# Paragraphs and headings are separated this way in the reading text, so it
# always ends a sentence even without terminal punctuation (headings have none).
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")

# Closing quotes/brackets kept inside the ending sentence; French typography
# puts a (no-break) space before the closing guillemet: « citation. »
# German typography closes with “ and ‘ („so“, ‚so‘), which English uses to
# open; right after a period, before a space, they can only be closing.
_CLOSERS = r"[”“\"’‘'»)\]]|[ \xa0\u202f]»"
# Footnote markers right after the punctuation: Unicode superscripts or "[N]"
# (some texts put a space before it: '“The water came back.” [8]'; a new
# sentence never starts with a note number, so the marker stays behind).
_MARKER = r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[ \xa0]?\[\d{1,5}\]"
_HAS_MARKER = re.compile(_MARKER)

# Candidate boundary: group 1 = the punctuation run, group 2 = closers/markers.
# The match end is the first character of the next sentence; the cut is made
# at end(2), so the whitespace never belongs to a sentence.  The lookahead
# drops ASCII-lowercase followers early (see split_sentences for why) and
# terminal punctuation, so a spaced ellipsis ". . ." is not cut into dots.  A
# period not followed by whitespace ("2.8%", "www.tass.ru", "U.S") is never
# a candidate, which takes care of decimals, versions and domains for free.
# The lookbehind (only the first punctuation mark of a run may start a
# match) and the possessive quantifiers keep matching linear on long runs of
# dots, which would otherwise be retried from every dot (quadratic).  The
# lookbehind sits after the first character so that the regex engine can
# still scan quickly for that character.
_CANDIDATE = re.compile(
    rf"([.!?…](?<![.!?…]{{2}})[.!?…]*+)((?:{_CLOSERS}|{_MARKER})*+)\s++"
    r"(?=[^\sa-z.!?…])"
)

# The word after a boundary, skipping opening quotes/brackets; group 2 tells
# whether it is itself followed by a period (then it is an initial, "A. I.").
_NEXT_WORD = re.compile(r"[“„\"‘‚'«(\[¿¡]*(\w+)(\.?)")

# Leading punctuation stripped from the word before the period: "(ed." -> "ed".
_OPENERS = "“„\"‘‚'«([{¿¡"

# Policies for a word followed by a single period and then a capital, digit,
# quote, ... (a lowercase next word never starts a sentence: see below).
_NEVER = 0  # never a sentence end: titles, "e.g.", "cf." ...
_DIGIT = 1  # not an end before a digit ("No. 119", "p. 30"), an end otherwise
_NAME = 2   # an end only before a common sentence starter ("U.S. The")

# Keys are lowercase and without the final period.  Case-insensitive on
# purpose: "Cf."/"cf.", "Ibid."/"ibid." behave the same; and the words that
# could be real sentence-final words ("no", "art", "fig") are _DIGIT, so
# "The answer was no. The ..." still splits.
_ABBREVIATIONS: dict[str, int] = {}
for _words, _policy in (
    # Titles and ranks precede a name, so they never end a sentence.
    ("dr mr mrs ms prof messrs mme mlle gen col lt sen rep gov capt maj sgt "
     "adm rev hon "
     "m mm me pr "  # French: M. Dupont, MM. Dupont et Durand, Me (maître), Pr
     "sra srta dra dña "  # Spanish: Sra. García
     "hr fr", _NEVER),  # German: Hr. Müller, Fr. Weber
    # Latin/connective abbreviations always introduce something.
    ("e.g i.e cf vs v viz "
     "ex av env coll "  # French: p. ex., av. J.-C., env. 300, coll. Folio
     "ej ee "  # Spanish: p. ej., EE. UU.
     "bzw vgl ggf inkl evtl sog usf", _NEVER),  # German: bzw., vgl., sog.
    # Reference and quantity words: usually followed by a number.
    ("no nos vol vols p pp ch chap para paras art fig figs approx c ca "
     "ibid cit op.cit etc "
     "jan feb mar apr jun jul aug sep sept oct nov dec "
     "núm nº pág págs cap aprox "  # Spanish
     "nr abs bd anm tab hrsg usw "  # German
     "t chap éd", _DIGIT),  # French: t. 2, chap. 4
    # Words that may well end a sentence but are often followed by a name:
    # "U.S. Congress", "Gazprom Co. Ltd.", "Smith et al. Moscow".
    ("u.s u.k e.u u.n u.s.a u.s.s.r inc ltd co corp jr sr st al ed eds "
     "uu ud uds "  # Spanish: EE. UU. (may end a sentence), Ud.
     "mio mrd jh gmbh", _NAME),  # German: 3 Mio. Euro, im 19. Jh.
):
    for _word in _words.split():
        _ABBREVIATIONS[_word] = _policy

# German writes ordinals with a period: "am 3. März", "im 19. Jahrhundert",
# "der 2. Weltkrieg". A short number is an ordinal, not a sentence end, when
# a month follows it or an article or preposition precedes it.
_ORDINAL_DIGITS_MAX = 3
_MONTHS_AFTER_ORDINALS = frozenset("""
    Januar Jänner Februar März April Mai Juni Juli August September Oktober
    November Dezember January February March June July October December
""".split())
_WORDS_BEFORE_ORDINALS = frozenset("""
    am im vom zum zur beim der die das den dem des ab bis seit ihr ihre ihrem
    ihren sein seine seinem seinen jeder jede jedes jeden zu
""".split())

# Capitalised words that commonly start an English sentence.  After a _NAME
# word ("U.S.", an initial, "Inc.") only these trigger a split: "U.S. It was"
# splits, "U.S. National Security Strategy" does not.  Kept conservative:
# a missed split merges two sentences, a wrong split cuts a claim in half.
_STARTERS = frozenset("""
    A About According After Again Against All Also Although Among An And Another
    Any Are As At Because Before Being Both But By Can Consequently Despite
    Do Does During Each Even Every Finally First For From
    Further Furthermore Given Had Has Have He Hence Her Here His How However I
    If In Indeed Instead Is It Its Last Later Like Many Meanwhile Moreover
    Most Much My Neither Never Nevertheless No None Nor Not Now Of On Once One
    Only Or Other Our Over Overall Perhaps Rather Recently Second See Several
    She Similarly Since So Some Still Such That The Their Then There
    Therefore These They This Those Though Thus To Today Together Under Unlike
    Until We What When Where Whether Which While Who Why With Within Without
    Yet You
""".split()) | frozenset("""
    Il Elle Ils Elles Ce Cette Ces Cela Ceci Mais Dans Pour Par Selon Depuis
    Cependant Ainsi Enfin Une Nous On Puis Alors Au Aux Toutefois Pourtant
    Ella Ellos Ellas Esto Este Esta Estos Estas Pero Sin Según Desde Además
    Así También Una Con Para Por Sus Ahora
    Der Das Ein Eine Es Er Sie Wir Ich Im Am Auf Aber Und Doch Dann Denn Auch
    Nach Seit Bei Mit Für Als Wenn Diese Dieser Dieses Zudem Jedoch Damit
""".split())
# Articles that also begin names ("J. Le Carré", "U.S. Los Angeles", "El
# Salvador"): a starter only before a lowercase word ("EE. UU. El viaje").
_ARTICLE_STARTERS = frozenset("Le La Les El Los Las Lo Die".split())
_LOWERCASE_WORD_NEXT = re.compile(r"[ \xa0]+[^\W\d_]")


def _word_before(text: str, pos: int) -> str:
    """The run of non-whitespace ending at pos, minus leading openers.

    Only a short window is looked at: abbreviations are short, and a long
    token (a URL) is judged by its shape, which its tail shows well enough.
    """
    window = text[max(0, pos - 40):pos]
    parts = window.rsplit(None, 1)
    return parts[-1].lstrip(_OPENERS) if parts else ""


def _policy(word: str) -> int | None:
    """How a single period after word should be judged; None = ordinary word."""
    if len(word) == 1 and word.isupper():
        return _NAME  # an initial ("A. I. Sizonenko", "S. Chemezov")
    policy = _ABBREVIATIONS.get(word.lower())
    if policy is not None:
        return policy
    if len(word) == 1 and word.isalpha():
        # A lone lowercase letter abbreviates a word: German "z. B.", "d. h.",
        # "u. a.", French "t. 2", Spanish "a. C.".
        return _NEVER
    # Dotted letter sequences not listed above: acronyms ("D.C", "a.m"),
    # domains ("ifri.org"), series names ("Russie.Nei").  Decimals and
    # version numbers ("3.14", "1.2.3") end in a digit and stay ordinary.
    if "." in word and not word[-1].isdigit() and any(c.isalpha() for c in word):
        return _NAME
    return None


# Two-letter abbreviations whose second letter never ends a sentence either.
_NEVER_PAIRS = frozenset({"z.b", "d.h", "z.t", "u.u", "o.ä", "u.ä", "s.o", "s.u"})


def _token_before(text: str, pos: int) -> str:
    """The whitespace-separated token before the word that ends at pos."""
    parts = text[max(0, pos - 40):pos].rsplit(None, 2)
    return parts[-2].lstrip(_OPENERS) if len(parts) >= 2 else ""


def _is_german_ordinal(text: str, word: str, period: int, nxt: int) -> bool:
    """ "am 3. März", "im 19. Jahrhundert": a number with an ordinal's period."""
    if not (word.isdigit() and len(word) <= _ORDINAL_DIGITS_MAX):
        return False
    following = _NEXT_WORD.match(text, nxt)
    if following and following.group(1) in _MONTHS_AFTER_ORDINALS:
        return True
    return _token_before(text, period).lower() in _WORDS_BEFORE_ORDINALS


def _second_of_pair(text: str, letter: str, period: int) -> int | None:
    """The policy for "B" in "z. B." (after a lone lowercase letter), else None."""
    if not letter.isalpha():
        return None
    previous = _token_before(text, period)
    if len(previous) != 2 or previous[1] != "." or not previous[0].islower():
        return None
    return _NEVER if f"{previous[0]}.{letter}".lower() in _NEVER_PAIRS else _NAME


def _ends_after_period(text: str, period: int, tail: str, nxt: int) -> bool:
    """Judge a single "." at index period, followed by tail, whitespace, and
    the next sentence's would-be first character at index nxt."""
    word = _word_before(text, period)
    policy = _second_of_pair(text, word, period) if len(word) == 1 else None
    if policy is None:
        policy = _policy(word)
    if policy is None:
        return not _is_german_ordinal(text, word, period, nxt)
    if policy == _NEVER:
        return False
    # A footnote marker after the period ("U.S.[3] Russia") shows the
    # author ended the sentence there, whatever the word before it.
    if tail and _HAS_MARKER.search(tail):
        return True
    if policy == _DIGIT:
        return not text[nxt].isdigit()
    following = _NEXT_WORD.match(text, nxt)
    # "A. A. Gromyko": a following word with its own period is an initial,
    # not the starter "A".
    if not following or following.group(2):
        return False
    if following.group(1) in _ARTICLE_STARTERS:
        after = _LOWERCASE_WORD_NEXT.match(text, following.end())
        return bool(after) and after.group()[-1].islower()
    return following.group(1) in _STARTERS


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) as Python str offsets into text, in order."""
    cuts = [m.start() for m in _BLANK_LINE.finditer(text)]
    # One loop over candidates, inlined: this is the hot path on 10 MB texts.
    for m in _CANDIDATE.finditer(text):
        nxt = m.end()
        # A lowercase word never starts a sentence here: "etc. and", "op. cit.
        # p. 30", '"Why?" she asked', "and so on… then".  (ASCII lowercase is
        # already excluded by the regex; this catches the rest of Unicode.)
        if text[nxt].islower():
            continue
        punct, tail = m.groups()
        # "!", "?", "…", "..." are never abbreviation periods.
        if punct == "." and not _ends_after_period(text, m.start(), tail, nxt):
            continue
        cuts.append(m.start() + len(punct) + len(tail))
    cuts.sort()
    cuts.append(len(text))

    spans: list[tuple[int, int]] = []
    start = 0
    for cut in cuts:
        if cut <= start:
            continue  # duplicate cut (a blank line right after a period)
        piece = text[start:cut]
        stripped = piece.strip()
        if stripped:
            # str.strip() and the regex \s agree on what whitespace is, so
            # the trimmed span has no leading or trailing whitespace.
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + lead + len(stripped)))
        start = cut
    return spans
