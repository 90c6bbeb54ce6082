"""Every marker and definition style, one small fixture each."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdesk.sources.importer import FORMATS, parse_report

FIXTURES = Path(__file__).parent / "fixtures"


def parse(name):
    path = FIXTURES / name
    return parse_report(path.read_bytes(), FORMATS[path.suffix])


def by_number(report):
    return {n.number: n for n in report.footnotes}


def marker_follows(report, number, words):
    (offset,) = by_number(report)[number].marker_offsets
    return report.text[:offset].endswith(words)


def test_pandoc_footnotes_with_front_matter():
    report = parse("pandoc-notes.md")
    assert report.title == "Tidal Mills of the Lower Vessen"
    assert report.authors == ["Petra Lindqvist", "Jonas Brehm"]
    assert report.date == "2019-11-04"
    notes = by_number(report)
    assert list(notes) == [1, "abbey", 2]
    assert notes["abbey"].kind == "ibid" and notes["abbey"].resolves_to == 1
    assert notes[2].kind == "op_cit" and notes[2].resolves_to == 1
    assert notes[2].reference.locator == "p. 47"
    assert "second paragraph of the same note" in notes[2].text
    assert marker_follows(report, 1, "recorded in 1324.")
    assert "steam era: only three survived" in report.text  # **bold** and *italic* gone


def test_html_sup_links_and_footnote_section():
    report = parse("sup-links.html")
    assert report.title == "Ferry Fares and Island Depopulation"
    assert report.authors == ["Moira Fenwick", "Tor Aasen"]
    assert report.date == "2021-05-02"
    assert marker_follows(report, 1, "between 2010 and 2020")
    assert marker_follows(report, 2, "fell by one fifth.")
    assert "injected" not in report.text and "color: red" not in report.text
    assert "Home" not in report.text  # navigation is not the body
    assert "Fishing & tourism" in report.text
    assert "<b>table</b>" in report.text  # escaped tags in the source stay text
    assert "↩" not in by_number(report)[1].text
    assert by_number(report)[1].reference.url == "https://islands.example/report"
    assert by_number(report)[2].resolves_to == 1


def test_word_export_html_notes():
    report = parse("word-export.html")
    assert report.authors == ["Elin Strand", "Bo Kettil"]
    assert report.date == "2018-03"
    assert marker_follows(report, 1, "Dues doubled in 2016.")
    assert marker_follows(report, 2, "Traffic fell by 8%.")
    assert by_number(report)[1].text.startswith("Port Authority")
    assert by_number(report)[2].kind == "ibid"
    assert "[1]" not in report.text


def test_bracketed_markers_and_notes_section():
    report = parse("bracket-notes.txt")
    assert report.title == "Night Trains in Europe: A Revival?"
    assert report.authors == ["Clara Mendel"] and report.date == "2022-10"
    assert "in 2015. Operators" in report.text  # no space left where [1] was
    assert marker_follows(report, 4, "EUR 3.5 million each")
    assert by_number(report)[4].kind == "op_cit" and by_number(report)[4].resolves_to == 1
    assert [s.title for s in report.sections] == ["Introduction", "Costs"]
    assert "Notes" not in report.text and "Rail Statistics Office" not in report.text


def test_glued_digit_markers_with_a_notes_section():
    report = parse("glued-digits.txt")
    assert report.text.startswith("Bread prices tripled within a year. Wages")
    assert marker_follows(report, 1, "within a year.")
    assert marker_follows(report, 3, "until 1922.")
    assert "1922" in report.text  # a year is not a marker
    assert by_number(report)[3].resolves_to == 2


def test_unicode_superscripts_with_endnotes_and_units():
    report = parse("superscript-endnotes.txt")
    assert report.title == "WIND LEASES IN THE NORTH SEA"
    assert report.authors == ["Ida Varga", "Ole Brandt"]
    assert report.date == "2023-02-14"
    assert "8,000 km² of seabed" in report.text  # a unit, not a marker
    assert [n.number for n in report.footnotes] == [1, 2]
    assert marker_follows(report, 2, "than in 2019.")


def test_sup_markers_with_markdown_endnote_list_and_a_dangling_marker():
    report = parse("sup-markers-endnotes.md")
    assert [n.number for n in report.footnotes] == [1, 2]
    assert marker_follows(report, 1, "71% in 2020")
    assert report.dangling_markers and report.dangling_markers[0][0] == 9
    assert any("marker 9" in w for w in report.warnings)
    assert by_number(report)[1].reference.container == "Recycling Rates 2020" or by_number(report)[1].reference.title
    assert "Notes" not in [s.title for s in report.sections]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir() if p.is_file()))
def test_every_marker_offset_is_inside_the_text(name):
    report = parse(name)
    for footnote in report.footnotes:
        for offset in footnote.marker_offsets:
            assert 0 < offset <= len(report.text)
    for start, end in report.sentences:
        assert report.text[start:end].strip() == report.text[start:end]
