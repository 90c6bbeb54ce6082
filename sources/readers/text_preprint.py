"""The stamps a preprint server and a journal template put on a paper's pages.

arXiv prints its identifier down the first page's margin, which pdftotext gives as
a line of its own: "arXiv:2405.11872v1 [eess.SY] 20 May 2024" (the date is the
submission's). Elsevier's and the conference templates add "Preprint submitted to
Energy Policy", "Preprint. Under review." or "Under review as a conference paper
at ICLR 2025" at a page's foot. None is the paper's text: they go to `removed`
("furniture"), and the arXiv stamp dates the paper when nothing else does.
"""

from __future__ import annotations

import re

from claimdesk.sources.header import parse_date
from claimdesk.sources.model import Removed

_ARXIV_STAMP = re.compile(
    r"^[ \t]*arXiv:\d{4}\.\d{4,5}(?:v\d+)?[ \t]+\[[\w.\-]+\][ \t]+(?P<date>\d{1,2}[ \t]+[A-Z][a-z]{2,8}[ \t]+\d{4})[ \t]*$", re.M
)
_TEMPLATE_STAMP = re.compile(
    r"^[ \t]*(?:preprint\.?[ \t]+under review\.?|preprint submitted to [^\n]{1,80}|under review as a conference paper at [^\n]{1,60})[ \t]*$",
    re.I | re.M,
)


def take_preprint_stamps(text: str, removed: list[Removed]) -> tuple[str, str | None]:
    """The text without its stamp lines, and the date the arXiv stamp gives (or None)."""
    has_arxiv = "arXiv:" in text
    lowered = text.lower()
    has_template = "preprint" in lowered or "under review as a conference paper" in lowered
    if not (has_arxiv or has_template):
        return text, None  # the common case, decided by two substring scans
    date = None
    stamp = _ARXIV_STAMP.search(text) if has_arxiv else None
    if stamp:
        date = parse_date(stamp.group("date"))

    def take(match: re.Match) -> str:
        removed.append(Removed("furniture", match.group().strip()))
        return ""

    if has_arxiv:
        text = _ARXIV_STAMP.sub(take, text)
    if has_template:
        text = _TEMPLATE_STAMP.sub(take, text)
    return text, date
