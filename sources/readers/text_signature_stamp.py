"""The digital-signature stamp a signed PDF prints on its page, as pdftotext gives it.

Courts and registries sign their PDFs (the Supreme Court of India and the Indian High
Courts on every judgment), and the signature's appearance is text on the page, which
pdftotext puts on lines of its own wherever it falls, often in the middle of a sentence:

    Signature Not Verified

    Digitally signed by
    ANITA RAWAT
    Date: 2023.11.14
    17:32:08 IST
    Reason:

It is the signing clerk's stamp, not the document's text: it goes to `removed`
("furniture") and the sentence it cut through reads whole again. Only a block that opens
with "Signature Not Verified" / "Signature Valid" or "Digitally signed by" and holds a
"Digitally signed by" line is taken, and only lines of the stamp's own shapes; anything
else ends the block and stays in the text.
"""

from __future__ import annotations

import re

from claimdesk.sources.model import Removed

_OPENING = re.compile(r"^[ \t]*(?:signature (?:not verified|valid|verified)|digitally signed\b.*)[ \t]*$", re.I)
# "Digitally signed by ANITA RAWAT" (the Supreme Court), "Digitally Signed By:HARIOM" (Delhi), or
# "Digitally Signed" over "By:HARIOM".
_SIGNED_BY = re.compile(r"^[ \t]*digitally signed(?P<by>[ \t]+by)?[ \t]*:?(?P<name>.*)$", re.I)
_BY_NAME = re.compile(r"^[ \t]*by[ \t]*:[ \t]*\S.{0,60}$", re.I)
_STAMP_LINE = re.compile(
    r"^[ \t]*(?:"
    r"(?:signing[ \t]+)?date[ \t]*:[ \t]*\d{1,4}[.\-/]\d{1,2}[.\-/]\d{2,4}(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"(?:[ \t]*(?:[A-Z]{2,5}|[+\-]\d{2}'?\d{2}'?))?"
    r"|\d{1,2}:\d{2}:\d{2}(?:[ \t]*(?:[A-Z]{2,5}|[+\-]\d{2}'?\d{2}'?))?"
    r"|reason:[^\n]{0,80}"
    r"|location:[^\n]{0,80}"
    r")[ \t]*$",
    re.I,
)
# The signer's name on the line after a bare "Digitally signed by": a few capitalised words.
_SIGNER_NAME = re.compile(r"^[ \t]*[A-Z][A-Za-z.'\-]*(?:[ \t]+[A-Z][A-Za-z.'\-]*){0,4}[ \t]*$")
# Blank lines a stamp may hold between its own lines (pdftotext spaces them out).
_BLANKS_WITHIN = 2


def take_signature_stamps(text: str, removed: list[Removed]) -> str:
    """The text without the signature stamps pdftotext put among its lines."""
    lowered = text.lower()
    if "digitally signed" not in lowered:
        return text  # the common case, decided by one substring scan
    lines = text.split("\n")
    kept: list[str] = []
    index = 0
    while index < len(lines):
        end = _stamp_end(lines, index)
        if end is None:
            kept.append(lines[index])
            index += 1
            continue
        removed.append(Removed("furniture", " ".join(" ".join(lines[index:end]).split())))
        index = end
        # The blank lines around the stamp: the sentence it cut through joins up again
        # when the stamp stood inside a paragraph (text on both sides, no blank line
        # of the paragraph's own before it).
        if kept and kept[-1].strip() and index < len(lines):
            while index < len(lines) and not lines[index].strip():
                index += 1
    return "\n".join(kept)


def _stamp_end(lines: list[str], start: int) -> int | None:
    """Where the stamp that opens at lines[start] ends (exclusive), or None if none does."""
    if not _OPENING.match(lines[start]):
        return None
    index, signed_by, last = start, False, start
    name_expected = by_expected = False
    blanks = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            blanks += 1
            if blanks > _BLANKS_WITHIN:
                break
            index += 1
            continue
        blanks = 0
        signed = _SIGNED_BY.match(line)
        if index == start and not signed:
            pass  # "Signature Not Verified"
        elif signed and not signed_by:
            signed_by = True
            name_expected = not signed.group("name").strip()
            by_expected = name_expected and not signed.group("by")
        elif name_expected and (_BY_NAME.match(line) if by_expected else _SIGNER_NAME.match(line)):
            name_expected = False
        elif signed_by and _STAMP_LINE.match(line):
            name_expected = False
        else:
            break
        last = index
        index += 1
    if not signed_by or last == start:
        return None
    return last + 1
