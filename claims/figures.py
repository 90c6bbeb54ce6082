"""The figures of a wording, as written, and how two wordings' figures differ.

Re-anchoring needs a stricter test than the corpus matcher's (claims.facts):
there "nearly 100" and "close to 100" may be the same fact, and "17.14" rounds
to "17.1". Here the question is only "did a figure change under this claim?",
so a figure is what the text writes: every number (digits or number words),
its scale ("million", "bn"), "percent" and the currency. The words around a
figure ("nearly", "close to", "more than") are wording, not figures: changing
them is a change of words, which re-anchoring reports on its own.

Both wordings go through normalise() first, so the same figure written two ways
("1,200" and "1 200", "10%" and "10 per cent", "$5bn" and "US$5 billion",
"ten" and "10") is one figure, and only a real change of value shows.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from claimdesk.claims.normalise import normalise

# The tokens of normalised text that are part of a figure besides the digits.
_SCALE_WORDS = frozenset({"thousand", "million", "billion", "trillion", "dozen", "hundred"})
_CURRENCIES = frozenset({"usd", "eur", "gbp", "rub", "cny", "jpy", "chf", "brl", "aud", "cad", "nzd", "hkd"})
_TOKEN = re.compile(r"\d+(?:\.\d+)*|[a-z]+")
_NO_ALIASES: dict[str, str] = {}  # aliases rename places; they have nothing to do with figures


def figures(text: str) -> list[str]:
    """The figure tokens of text, in order: "$5.8 billion in 2019" -> ["5.8", "billion", "usd", "2019"]."""
    tokens = _TOKEN.findall(normalise(text, _NO_ALIASES))
    return [t for t in tokens if t[0].isdigit() or t in _SCALE_WORDS or t in _CURRENCIES or t == "percent"]


def figure_differences(old: str, new: str) -> list[dict]:
    """The figures that changed from old to new, each {"old": str|None, "new": str|None}.

    Runs of changed tokens are kept together ("5.8 billion" -> "6 million" is one
    difference); a figure only one side has is None on the other.
    """
    before, after = figures(old), figures(new)
    if before == after:
        return []
    differences = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if tag != "equal":
            differences.append({"old": " ".join(before[i1:i2]) or None, "new": " ".join(after[j1:j2]) or None})
    return differences
