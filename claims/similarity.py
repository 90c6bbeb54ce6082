"""Scoring passages against a claim, and judging what the match means.

The score is rapidfuzz's token_set_ratio on normalised content tokens (see
claims.normalise): case, accents, quote marks, currencies and aliases are
already folded, so "80% of Russian arms exports to Latin America" and "80 percent
of all the Russian weapons … sold to LAC" meet. Like Meedan Check, two
thresholds: above SUGGEST a passage is worth a person's look; above DUPLICATE
(and long enough) it says the same thing. Scores cannot see numbers, so the
facts of both sides (claims.facts) decide between duplicate and conflict.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from claimdesk.claims.facts import Difference, compare_facts, extract_facts
from claimdesk.claims.normalise import content_tokens, normalise

SCORER = "token_set_ratio(normalised content tokens)"
SUGGEST_THRESHOLD = 70.0
DUPLICATE_THRESHOLD = 87.5
MIN_DUPLICATE_WORDS = 8
# Below SUGGEST, a passage still counts when it states the same kind of fact
# about the same subject: paraphrases share few words but the figure gives them away.
FACT_MATCH_FLOOR = 45.0


def score(claim_norm: str, passage_norm: str) -> float:
    return float(fuzz.token_set_ratio(claim_norm, passage_norm))


@lru_cache(maxsize=262_144)
def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][\w’'-]{2,})")


@lru_cache(maxsize=262_144)
def proper_nouns(text: str) -> frozenset[str]:
    """Capitalised words that do not start a sentence: the names a claim is about."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return frozenset(word.lower() for word in _CAPITALISED.findall(folded))


def same_subject(claim_text: str, passage_text: str) -> bool:
    """Both name something in common ("Peru" and "Peruvian" count), or one names nothing."""
    ours, theirs = proper_nouns(claim_text), proper_nouns(passage_text)
    if not ours or not theirs or ours & theirs:
        return True
    return any(a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a))) for a in ours for b in theirs)


@dataclass
class Judgement:
    relation: str | None
    """"duplicate", "conflict", "related", or None when the passage is not a match."""
    differences: list[Difference] = field(default_factory=list)


def judge(
    claim_text: str, passage_text: str, similarity: float, claim_facts=None, passage_facts=None, *, subjects=None,
    common: frozenset[str] = frozenset(),
) -> Judgement:
    """What a scored passage is to the claim (facts may be passed in when cached).

    A difference of figures is a conflict only when both figures are said of
    the same thing: the words around them meet, and (below SUGGEST) the
    subjects meet and the figures are of a size. subjects: the texts to read
    each side's subject from (or a function that returns them), when the quote
    alone does not name it ("the Andean country" is Peru in the sentence before).
    common: the corpus' most frequent content tokens, which cannot tie two
    figures to the same thing ("Russian exports" is every other sentence here).
    """
    if similarity < FACT_MATCH_FLOOR:
        return Judgement(None)
    claim_facts = claim_facts if claim_facts is not None else extract_facts(claim_text)
    passage_facts = passage_facts if passage_facts is not None else extract_facts(passage_text)
    alike, differences = compare_facts(claim_facts, passage_facts)
    ours = {fact.text: fact for fact in claim_facts}
    theirs = {fact.text: fact for fact in passage_facts}
    # A weak match needs more evidence that two figures are of the same thing.
    needed = 1 if similarity >= SUGGEST_THRESHOLD else 2
    said_of_same = [
        d for d in differences
        if _same_context(claim_text, ours.get(d.claim), passage_text, theirs.get(d.source), common, needed)
    ]
    if similarity >= SUGGEST_THRESHOLD:
        if said_of_same:
            return Judgement("conflict", said_of_same)
        long_enough = min(word_count(claim_text), word_count(passage_text)) >= MIN_DUPLICATE_WORDS
        if similarity >= DUPLICATE_THRESHOLD and long_enough and not differences:
            return Judgement("duplicate")
        return Judgement("related")
    real_differences = [
        d for d in said_of_same if d.kind not in ("year", "date", "number") and _same_ballpark(ours.get(d.claim), theirs.get(d.source))
    ]
    substantive = [pair for pair in alike if pair[0].kind not in ("year", "date", "number")]
    if not (real_differences or substantive):
        return Judgement(None)
    if callable(subjects):
        subjects = subjects()  # looked up only when a figure makes it matter
    if not same_subject(*(subjects or (claim_text, passage_text))):
        return Judgement(None)
    return Judgement("conflict", real_differences) if real_differences else Judgement("related")


_GENERIC_UNITS = {None, "unit", "item", "piece"}
_NEAR_TOKENS = 4
_NEAR_CHARS = 80
_UNIT_CONTEXT_CHARS = 60


@lru_cache(maxsize=262_144)
def _near_stems(text: str, fact) -> frozenset[str]:
    """The few content words right before and right after a figure: what it is of."""
    before = content_tokens(normalise(text[max(0, fact.start - _NEAR_CHARS):fact.start]))[-_NEAR_TOKENS:]
    after = content_tokens(normalise(text[fact.end:fact.end + _NEAR_CHARS]))[:_NEAR_TOKENS]
    return frozenset(before) | frozenset(after)


def _role(text: str, fact) -> str | None:
    """Whether a figure is a change ("fell by 23%") or a share ("80% of …")."""
    if re.search(r"\bby\s*$", text[max(0, fact.start - 12):fact.start], re.IGNORECASE):
        return "change"
    if re.match(r"\s*of\b", text[fact.end:fact.end + 6], re.IGNORECASE):
        return "share"
    return None


def _same_context(claim_text: str, ours, passage_text: str, theirs, common: frozenset[str], needed: int = 1) -> bool:
    """Two figures speak of the same thing: for counts, the same thing counted
    ("helicopters", even when one side says "units" near the word); otherwise a
    word near both figures that is not among the corpus' commonest."""
    if ours is None or theirs is None:
        return False
    roles = {_role(claim_text, ours), _role(passage_text, theirs)} - {None}
    if len(roles) > 1:
        return False  # "cut by 90%" is a change, "accounted for 80% of" a share
    if ours.kind != "quantity":
        return len((_near_stems(claim_text, ours) & _near_stems(passage_text, theirs)) - common) >= needed
    if ours.unit not in _GENERIC_UNITS and ours.unit == theirs.unit:
        return True
    for generic, generic_text, specific in ((ours, claim_text, theirs), (theirs, passage_text, ours)):
        if generic.unit in _GENERIC_UNITS and specific.unit not in _GENERIC_UNITS:
            around = generic_text[max(0, generic.start - _UNIT_CONTEXT_CHARS):generic.end + _UNIT_CONTEXT_CHARS]
            if specific.unit in content_tokens(normalise(around)):
                return True
    return len((_near_stems(claim_text, ours) & _near_stems(passage_text, theirs)) - common) >= needed


# Below SUGGEST, two different figures are one fact stated twice only if they
# are of a size: "nearly 100" against "more than 100" is a conflict, "four
# helicopters" against "nearly 100 units" is another statement altogether, and
# so is "47 weirs" (all of them) against "the 20 priority weirs" (2.35 apart:
# 2.5 let that through as a conflict).
_BALLPARK_RATIO = 2.0


def _same_ballpark(ours, theirs) -> bool:
    if ours is None or theirs is None:
        return False

    def middle(fact) -> float:
        low, high = fact.low, fact.high
        if high == float("inf"):
            return low
        if low == float("-inf") or low <= 0:
            return high
        return (low + high) / 2

    a, b = abs(middle(ours)), abs(middle(theirs))
    if a == 0 or b == 0:
        return a == b
    return max(a, b) / min(a, b) <= _BALLPARK_RATIO
