"""Markdown dialects: R Markdown (knitr chunks, pandoc inline notes, LaTeX commands) and Jekyll's kramdown.

Fixtures written for these tests as such files are written: an R Markdown report whose
setup chunk turns echo off for the document, with one chunk that turns it back on; a
Jekyll post with kramdown attribute lists, a {:toc}, Liquid tags and an abbreviation.
"""

from __future__ import annotations

from pathlib import Path

from claimdesk.sources.importer import parse_report

FIXTURES = Path(__file__).parent / "fixtures" / "markdown"


def _import(name: str):
    return parse_report((FIXTURES / name).read_bytes(), "md")


def test_r_markdown_inline_notes_and_hidden_chunks():
    report = _import("rmarkdown-report.md")
    assert [note.number for note in report.footnotes] == [1, 2]
    assert report.footnotes[0].text.startswith("The counter was moved 40 m east in May 2020")
    assert report.text[: report.footnotes[1].marker_offsets[0]].endswith("Weekend use rose fastest.")
    for hidden in ("opts_chunk", "library(dplyr)", "group_by(month)", "^[", "\\newpage"):
        assert hidden not in report.text, hidden
    assert "ggplot(counts, aes(month, walkers))" in report.text  # echo=TRUE: the reader sees this code
    assert "96,400 walkers in 2022, up from 71,200 in 2019" in report.text
    assert any(item.kind == "hidden" and "group_by(month)" in item.text for item in report.removed)


def test_kramdown_attribute_lists_liquid_and_abbreviations_show_no_text():
    report = _import("jekyll-kramdown-post.md")
    for markup in ("{:", "{{", "{%", "*[GUS]", "Główny Urząd Statystyczny", "notice--info", "table-striped"):
        assert markup not in report.text, markup
    assert "Bilet miesięczny kosztuje 298 zł." in report.text and "1361 zł" in report.text
    removed = " ".join(item.text for item in report.removed)
    assert 'caption="Bilet na 2024 rok"' in removed and "Główny Urząd Statystyczny" in removed
    assert report.footnotes[1].kind == "ibid" and report.footnotes[1].resolves_to == 1  # Polish "Tamże"


def test_an_unclosed_inline_note_stays_text():
    report = parse_report(b"# T\n\nThe rate rose by 4%.^[A note that never closes\n\nNext paragraph.\n", "md")
    assert report.footnotes == []
    assert "^[A note that never closes" in report.text.replace("\\", "")
