"""Endnotes called "(1)", "(2)"… in the text and numbered by a wide gap at its end.

The Court of Justice's judgments and opinions, and EU acts copied as text, call
their notes with the number in brackets after a space ("…in agriculture. (2)")
and print the notes after the text, one paragraph each, the number set apart
by a run of spaces or a tab ("2      OJ 2021 L 299, p. 14."), with no heading.
A numbered list or paragraph numbers ("1.        This request…") have a full
stop after the number, or no calls in the text: they are never taken.

The notes are taken only when all of it holds: the last paragraphs of the
document (bar a short closing line such as "Top") are such notes numbered 1, 2,
3… without a gap, at least two of them, and the text before them calls the
first and the last of them as "(n)".
"""

from __future__ import annotations

import re

_SPACED_NOTE = re.compile(r"^[ \t]*(?P<label>\d{1,3})(?:[ \t]{3,}|\t)(?P<text>\S.*)$", re.S)
def paren_call(label: str) -> str:
    """The pattern of a "(n)" call whose number matches `label` (a pattern): after a space, or
    after punctuation; glued to a word, "(2)" is part of it ("Article 9(2)", "Rule 5(1)")."""
    return rf"(?P<space>(?<=[\w.,;:!?»”\"’)])[ \u00a0]|(?<=[.,;:!?»”\"’)]))\((?P<paren>{label})\)(?=[\s.,;:!?]|$)"

MIN_NOTES = 2
CLOSING_MAX_CHARS = 20
"""A closing line after the notes ("Top", "Back to top") is this short at most."""


def paren_endnotes(paragraphs: list[str]) -> dict[int, tuple[int, str]]:
    """{paragraph index: (label, note text)} of the endnotes, or {} when there are none."""
    end = len(paragraphs)
    while end and (not paragraphs[end - 1].strip() or len(paragraphs[end - 1].strip()) <= CLOSING_MAX_CHARS
                   and not _SPACED_NOTE.match(paragraphs[end - 1])):
        end -= 1
    found: list[tuple[int, int, str]] = []
    index = end - 1
    while index >= 0:
        match = _SPACED_NOTE.match(paragraphs[index].strip("\n"))
        if not match:
            break
        found.append((index, int(match.group("label")), " ".join(match.group("text").split())))
        index -= 1
    found.reverse()
    labels = [label for _, label, _ in found]
    if len(found) < MIN_NOTES or labels != list(range(1, len(found) + 1)):
        return {}
    body = "\n\n".join(paragraphs[:found[0][0]])
    if not all(re.search(paren_call(str(label)), body) for label in (labels[0], labels[-1])):
        return {}
    return {index: (label, text) for index, label, text in found}
