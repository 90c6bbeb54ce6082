"""Who wrote a judgment, as its head says so, for the HTML and the plain-text readers alike.

A court's opinion names its writer in a line of its own near the top: "MR. JUSTICE
HARTWELL delivered the opinion of the Court." (the U.S. reports), "Reasons for Judgment
of the Honourable Madam Justice Okonkwo-Reid:" and "Written Reasons by:" over the name
(Canadian courts), "Opinion by Judge Ruiz", "Motifs du jugement de l'honorable juge
Tremblay". The writer is the opinion's author; the rest of the panel is not.
"""

from __future__ import annotations

import re

# A judge's style and name: "Mr. Justice Hartwell", "Madam Justice Okonkwo-Reid", "CHIEF JUSTICE
# WARREN", "Judge Ruiz", "juge Tremblay"; "The Honourable" in front is dropped.
_HONOURABLE = r"(?:the\s+(?:right\s+)?hon(?:ou)?rable\s+|l'honorable\s+)?"
_STYLED_JUDGE = (
    r"(?P<judge>(?:(?:mr|mrs|ms|madam|madame|mister)\.?\s+)?(?:chief\s+|associate\s+|lord\s+|lady\s+)?"
    r"(?:justice|judge|juge|juez|jueza|richter(?:in)?)\s+"
    r"[A-ZÀ-Ý][\w'’.-]+(?:\s+[A-ZÀ-Ý][\w'’.-]+){0,2})"
)
_WRITER_LINES = [
    # "MR. JUSTICE HARTWELL delivered the opinion of the Court.", "Judge Ruiz delivered the opinion of the court"
    re.compile(rf"^\W*{_HONOURABLE}{_STYLED_JUDGE},?\s+delivered\s+the\s+opinion\s+of\s+the\s+court\b", re.I),
    # "Hartwell, J., delivered the opinion of the Court."
    re.compile(r"^\W*(?P<judge>[A-Z][\w'’-]+,\s+(?:C\.\s?J\.|P\.\s?J\.|J\.))\s*,?\s+delivered\s+the\s+opinion\s+of\s+the\s+court\b",
               re.I),
    # "Reasons for Judgment of the Honourable Madam Justice Okonkwo-Reid:", "Opinion by Judge Ruiz"
    re.compile(rf"^\W*(?:(?:oral\s+)?reasons\s+for\s+(?:judgment|decision)\s+of|opinion\s+(?:of\s+the\s+court\s+)?by|"
               rf"motifs\s+(?:du\s+jugement|de\s+la\s+décision)\s+(?:de|rendus\s+par)|opinión\s+de\s+la?)\s+"
               rf"{_HONOURABLE}{_STYLED_JUDGE}\s*:?\s*$", re.I),
]
# "Written Reasons by:" (or "Reasons for Judgment by:") on a line of its own, the writer on the next.
_WRITER_LABEL = re.compile(r"^\W*(?:written\s+)?reasons(?:\s+for\s+judgment)?\s+by\s*:\s*$|^\W*motifs\s+écrits\s+par\s*:\s*$", re.I)
_STYLED_JUDGE_LINE = re.compile(rf"^\W*{_HONOURABLE}{_STYLED_JUDGE}\s*[,:]?\s*$", re.I)

HEAD_LINES = 120
"""The writer is named in the judgment's head; a line further down quoting another court is not."""


def opinion_writer(lines: list[str]) -> str | None:
    """The judge the head names as the opinion's writer, styled as written ("Mr. Justice Hartwell")."""
    lines = [" ".join(line.split()) for line in lines[:HEAD_LINES]]
    for index, line in enumerate(lines):
        for pattern in _WRITER_LINES:
            match = pattern.match(line)
            if match:
                return _styled(match.group("judge"))
        if _WRITER_LABEL.match(line):
            following = next((later for later in lines[index + 1:index + 3] if later), "")
            match = _STYLED_JUDGE_LINE.match(following)
            if match:
                return _styled(match.group("judge"))
    return None


def _styled(judge: str) -> str:
    """"MR. JUSTICE HARTWELL" -> "Mr. Justice Hartwell"; a name in mixed case is kept as written."""
    judge = judge.strip(" ,:")
    if not judge.isupper():
        return judge
    return " ".join("-".join(part.capitalize() for part in word.split("-")) for word in judge.split())
