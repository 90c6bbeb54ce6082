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
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from claimdesk.claims.facts import Difference, compare_facts, extract_facts

SCORER = "token_set_ratio(normalised content tokens)"
SUGGEST_THRESHOLD = 70.0
DUPLICATE_THRESHOLD = 87.5
MIN_DUPLICATE_WORDS = 8
# Below SUGGEST, a passage still counts when it states the same kind of fact
# about the same subject: paraphrases share few words but the figure gives them away.
FACT_MATCH_FLOOR = 45.0


def score(claim_norm: str, passage_norm: str) -> float:
    return float(fuzz.token_set_ratio(claim_norm, passage_norm))


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][\w’'-]{2,})")


def proper_nouns(text: str) -> set[str]:
    """Capitalised words that do not start a sentence: the names a claim is about."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return {word.lower() for word in _CAPITALISED.findall(folded)}


def same_subject(claim_text: str, passage_text: str) -> bool:
    """Both name something in common ("Peru" and "Peruvian" count), or one names nothing."""
    ours, theirs = proper_nouns(claim_text), proper_nouns(passage_text)
    if not ours or not theirs:
        return True
    return any(a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a))) for a in ours for b in theirs)


@dataclass
class Judgement:
    relation: str | None
    """"duplicate", "conflict", "related", or None when the passage is not a match."""
    differences: list[Difference] = field(default_factory=list)


def judge(
    claim_text: str, passage_text: str, similarity: float, claim_facts=None, passage_facts=None, *, subjects=None
) -> Judgement:
    """What a scored passage is to the claim (facts may be passed in when cached).

    subjects: the texts to read each side's subject from (or a function that
    returns them), when the quote alone does not name it ("the Andean country"
    is Peru in the sentence before).
    """
    if similarity < FACT_MATCH_FLOOR:
        return Judgement(None)
    alike, differences = compare_facts(
        claim_facts if claim_facts is not None else extract_facts(claim_text),
        passage_facts if passage_facts is not None else extract_facts(passage_text),
    )
    if similarity >= SUGGEST_THRESHOLD:
        if differences:
            return Judgement("conflict", differences)
        long_enough = min(word_count(claim_text), word_count(passage_text)) >= MIN_DUPLICATE_WORDS
        if similarity >= DUPLICATE_THRESHOLD and long_enough:
            return Judgement("duplicate")
        return Judgement("related")
    if callable(subjects):
        subjects = subjects()  # looked up only when a figure makes it matter
    if same_subject(*(subjects or (claim_text, passage_text))):
        by_text = {fact.text: fact for fact in [*claim_facts_or(claim_facts, claim_text), *claim_facts_or(passage_facts, passage_text)]}
        real_differences = [
            d for d in differences
            if d.kind not in ("year", "date", "number") and _same_ballpark(by_text.get(d.claim), by_text.get(d.source))
        ]
        substantive = [pair for pair in alike if pair[0].kind not in ("year", "date", "number")]
        if real_differences:
            return Judgement("conflict", real_differences)
        if substantive:
            return Judgement("related")
    return Judgement(None)


def claim_facts_or(facts, text: str) -> list:
    return facts if facts is not None else extract_facts(text)


# Below SUGGEST, two different figures are one fact stated twice only if they
# are of a size: "nearly 100" against "more than 100" is a conflict, "four
# helicopters" against "nearly 100 units" is another statement altogether.
_BALLPARK_RATIO = 2.5


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
