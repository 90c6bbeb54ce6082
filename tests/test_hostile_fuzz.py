"""Fuzz: generated hostile text through parse_report, for every format (issue 11).

The text is built from the pieces attackers and broken converters use: runs and
unclosed forms of each format's syntax ('[^', '<sup>', '<a href="', '[fn:',
'[[', '<!--', fences, front matter), note calls and definitions, digits and
figures, controls, escapes, bidi and invisible characters, form feeds. Whatever
comes, the import either refuses the file with its one user-facing error
(SourceError) or gives a report whose offsets all index its reading text, in
order, and which keeps every figure of the source (in the reading text, a note,
the metadata or what it reports as removed).
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimdesk.sources.errors import SourceError
from claimdesk.sources.importer import parse_report

# The fidelity test's own recovery of a source's figures, so both judge alike.
_spec = importlib.util.spec_from_file_location("_fidelity", Path(__file__).with_name("test_fidelity.py"))
fidelity = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fidelity)

FORMATS = ("txt", "md", "html", "org")

# A figure comes after a space: glued to a word ("the2019", which a stray "</ol>" between them
# gives, as a browser shows it) it is no figure the check can recover from the source.
_COMMON = ["the", "harbour", "exports", "rose", "Ministry", "Ibid.", "op. cit.", "p.", " 2019", " 4.2", " 1,250", " $62.2",
           " 38 400", " 17%", " Article 9(2)", "1.", "2.", "3.", "12.", "¹", "²", "³", "⁴", "[1]", "[2]", "(1)", "(3)",
           "\\1\\", "<1>", "[", "]", "(", ")", "*", "**", "_", "`", "#", "|", ".", ",", "-", "—", "“", "”", '"', "'",
           " ", " ", " ", "\t", "\n", "\n", "\n\n", "\n\n", "\f", "\r", "Notes", "NOTES", "Footnotes", "References",
           "\x1b[31m", "\x1b]0;t\x07", "\x00", "\x0b", "\u202e", "\u2066", "\u200b", "\u00ad", "\ufeff", "e\u0301",
           "&amp;", "&#", "&#x202E;", "&lt;sup&gt;", "é", "Ё", "中", "🙂", "\ufffd"]
_SYNTAX = {
    "txt": ["[^1]", "[^", "[^1]: ", "[Footnote 1: ", "1 ", "____", "-----", "Page 3", "- 4 -", "\\2\\", "[[Page 5]]",
            "Subject:", "From: ", "> ", "Table of contents", "........ 3", "Abstract", "* * *"],
    "md": ["[^1]", "[^", "[^1]: ", "[^a]: ", "<sup>", "</sup>", "<sup>1</sup>", "---\n", "---\ntitle: ", "\n...\n",
           "```", "~~~", "    ", "> ", "- ", "1) ", "## ", "[x](", "](http://a)", "[a]: http://b", "![", "<a href=\"",
           "<!--", "-->", "$", "$$", "\\", "==", "{#id}", "^[", "Title: ", "Author: "],
    "html": ["<p>", "</p>", "<sup>", "</sup>", "<sup>1</sup>", "<a href=\"#fn1\" id=\"r1\">", "<a href=\"", "</a>",
             "<li id=\"fn1\">", "<ol>", "</ol>", "<div class=\"footnotes\">", "</div>", "<section>", "<h2>", "</h2>",
             "<table><tr><td>", "</td><td>", "<br>", "<!--", "-->", "<script>", "</script>", "<style>", "<![CDATA[",
             "<pre>", "</pre>", "<meta charset=\"koi8-r\">", "<title>", "</title>", "<nav>", "<aside class=\"note\">",
             "<span class=\"page-number\">", "<", ">", "=\"", "<html><body>", "<article>"],
    "org": ["[fn:1]", "[fn:", "[fn:1] ", "[fn::", "[fn:a:", "[[", "][", "]]", "* ", "** ", "#+TITLE: ", "#+AUTHOR: ",
            "#+DATE: ", "#+BEGIN_SRC", "#+END_SRC", "#+BEGIN_QUOTE", ":PROPERTIES:", ":END:", "|---", "| ", "# ",
            "SCHEDULED: <2020-01-01>", "=code=", "~x~", "/it/", "+s+"],
}


@st.composite
def hostile_text(draw, format: str) -> str:
    pieces = st.sampled_from(_COMMON + _SYNTAX[format] * 2)
    runs = st.tuples(pieces, st.sampled_from([2, 3, 7, 60]))
    parts = draw(st.lists(st.one_of(pieces, pieces, runs.map(lambda run: run[0] * run[1])), min_size=1, max_size=250))
    return "".join(parts)


def check_offsets_in_order(report) -> None:
    length = len(report.text)
    previous = 0
    for start, end in report.sentences:
        assert previous <= start < end <= length, (start, end, length)
        previous = end
    for note in report.footnotes:
        assert all(0 <= offset <= length for offset in note.marker_offsets), (note.number, note.marker_offsets, length)
        assert note.marker_offsets == sorted(note.marker_offsets), note.marker_offsets
    for _label, offset in report.dangling_markers:
        assert 0 <= offset <= length
    for section in report.sections:
        assert 0 <= section.start < section.end <= length, (section, length)
    previous = 0
    for page in report.pages:
        assert previous <= page.start <= page.end <= length, (page, length)
        previous = page.start
    if report.pages:
        assert report.pages[-1].end == length
        assert all(one.end == two.start for one, two in zip(report.pages, report.pages[1:]))


# What a reader never sees, so no figure of the source: escape sequences and the characters
# the import removes with a warning (controls, bidi, invisible). Taken out before the figures
# are counted, as they would otherwise part one figure ("20\u200b19") or make one ("[31m").
_UNSEEN = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|"
                     r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]")


_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,6})|(\d{1,7}));")


def unseen_removed(source: str) -> str:
    """The source without what no reader sees, references to such characters too ("&#x202E;")."""
    def unseen_reference(match: re.Match) -> str:
        code = int(match[1], 16) if match[1] else int(match[2])
        return "" if code <= 0x10FFFF and _UNSEEN.fullmatch(chr(code)) else match[0]

    return _UNSEEN.sub("", _REFERENCE.sub(unseen_reference, source.replace("\r\n", "\n").replace("\r", "\n")))


def check_report(source: str, format: str) -> None:
    try:
        report = parse_report(source.encode("utf-8"), format)
    except SourceError:
        return  # the documented refusal: empty, binary, too many markers
    check_offsets_in_order(report)
    lost = lost_digits(unseen_removed(source), format, report)
    assert not lost, f"digits of the source missing from the import: {lost}"


_DIGITS = re.compile(r"\d{2,}")


def lost_digits(source: str, format: str, report) -> list[str]:
    """Runs of two digits or more of the source's visible text that the import lost: each must be in
    the reading text, a note, the metadata, what was removed, or be a note's or a page's label.
    Runs, not figures: in text this hostile, what a figure's edges are is anybody's guess
    ("1  4.2", "é12"), but a digit the import drops or glues to another is always a changed run.
    Single digits are left out, as the fidelity test leaves them: mostly note calls and list numbers."""
    found = Counter(_DIGITS.findall(fidelity.visible_source_text(source, format)))
    kept = Counter(_DIGITS.findall(fidelity.imported_text(report)))
    kept.update({str(note.number): len(note.marker_offsets) + 1 for note in report.footnotes})
    kept.update(str(label) for label, _offset in report.dangling_markers)
    kept.update(page.label for page in report.pages)
    return sorted((found - kept).elements())


def _fuzz(format: str):
    @settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(hostile_text(format))
    def run(source):
        check_report(source, format)

    return run


test_hostile_txt = _fuzz("txt")
test_hostile_md = _fuzz("md")
test_hostile_html = _fuzz("html")
test_hostile_org = _fuzz("org")
