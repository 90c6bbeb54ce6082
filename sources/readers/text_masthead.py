"""What a publisher's masthead or cover tells about a plain-text document.

Readers of one publisher's conventions (the UN, GPO, GAO, JSTOR, parliaments,
Russian legal databases) take their masthead out of the text and say what it
named: the plain-text reader then believes it over its own guesses from the top.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Masthead:
    text: str
    """The document's text without the masthead (it went to `removed`)."""
    date: str | None
    title: str | None = None
    """Where the masthead says where the title stands (a Drucksache: the paragraph after it)."""
    authors: list[str] = field(default_factory=list)
