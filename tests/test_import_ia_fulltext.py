"""The Internet Archive's OCR full text ("_djvu.txt"): the archive's notice, the title page,
pages found by their running heads and folios, and notes marked * and † on each page."""

from __future__ import annotations

from pathlib import Path

from claimdesk.sources.importer import parse_report

FIXTURES = Path(__file__).parent / "fixtures"


def parse(name: str):
    return parse_report((FIXTURES / name).read_bytes(), "txt")


def removed(report, kind):
    return [r.text for r in report.removed if r.kind == kind]


def marker_after(report, number) -> str:
    (note,) = [n for n in report.footnotes if n.number == number]
    (offset,) = note.marker_offsets
    return report.text[:offset]


# --- a government bulletin of 1908 ------------------------------------------------

def test_the_archive_notice_and_address_are_furniture_not_title_or_author():
    report = parse("text/ia-djvu-usda-bulletin-1908.txt")
    assert "Digitized by" not in report.text and "archive.org" not in report.text
    assert "Library of Congress" not in (report.title or "") and report.authors == ["JAMES P. HOLLIS"]
    assert removed(report, "furniture")[:2] == [
        "Digitized by the Internet Archive in 2011 with funding from The Library of Congress",
        "http://www.archive.org/details/cultivationofwin00holl",
    ]


def test_a_reports_title_page_under_its_office_gives_title_author_and_date_of_issue():
    report = parse("text/ia-djvu-usda-bulletin-1908.txt")
    assert report.title == "THE CULTIVATION OF WINTER RYE ON SANDY UPLANDS"
    assert report.date == "1908-06-04"  # "ISSUED JUNE 4, 1908." over the imprint's "1908."
    for kept in ("U. S. DEPARTMENT OF AGRICULTURE.", "B. T. GALLOWAY, Chief of Bureau.",
                 "Agronomist, Office of Grain Investigations.", "GOVERNMENT PRINTING OFFICE."):
        assert kept in report.text  # the office, the style and the printer stay text


def test_running_heads_with_their_numbers_and_a_foot_folio_make_the_page_map():
    report = parse("text/ia-djvu-usda-bulletin-1908.txt")
    assert [page.label for page in report.pages] == ["5", "6", "7", "8"]
    for head in ("6 WINTER RYE ON SANDY UPLANDS.", "CULTIVATION ON SANDY SOILS. 7", "8 WINTER RYE ON SANDY UPLANDS."):
        assert head not in report.text and head in removed(report, "header")
    assert removed(report, "header").count("6 WINTER RYE ON SANDY UPLANDS.") == 1
    assert "5" in removed(report, "page-number")


def test_a_figure_alone_in_a_table_is_no_page_number():
    report = parse("text/ia-djvu-usda-bulletin-1908.txt")
    assert "Plat 1\n\n11\n\nPlat 2\n\n14½" in report.text
    assert "11" not in removed(report, "page-number")


def test_notes_marked_with_symbols_on_each_page_are_read_and_their_marks_leave_the_text():
    report = parse("text/ia-djvu-usda-bulletin-1908.txt")
    assert [note.text[:30] for note in report.footnotes] == [
        "The station at Bellport was le", "The rainfall from April to Jul", "Compare Bulletin No. 98 of thi"]
    assert marker_after(report, 1).endswith("from 1904 to 1907.")
    assert marker_after(report, 2).endswith("was the driest of the four,")
    assert marker_after(report, 3).endswith("8¼ bushels.")
    assert "1907.*" not in report.text and "four,†" not in report.text


# --- a book of 1871, its preface numbered in roman ---------------------------------

def test_a_books_front_matter_in_roman_and_a_chapter_opening_folio_label_their_pages():
    report = parse("text/ia-djvu-victorian-book-roman-front.txt")
    assert [page.label for page in report.pages] == ["v", "vi", "1", "2", "3", "4"]
    assert "vi PREFACE." in removed(report, "header") and "CHAP. I.] THE OLD WALLS. 3" in removed(report, "header")
    assert removed(report, "page-number") == ["v", "1"]
    chapter = next(page for page in report.pages if page.label == "1")
    assert report.text[chapter.start:].startswith("CHAPTER I.")


def test_a_books_title_page_in_capitals_is_read_without_a_page_break():
    report = parse("text/ia-djvu-victorian-book-roman-front.txt")
    assert report.title == "A HISTORY OF THE SALT MARSHES OF THE BLACKWATER"
    assert report.authors == ["THOMAS WARDLE ASHBY"] and report.date == "1871"
    assert "WITH AN ACCOUNT OF THEIR INNING." in report.text and "OF MALDON." in report.text


def test_the_books_notes_restart_their_marks_on_each_page():
    report = parse("text/ia-djvu-victorian-book-roman-front.txt")
    assert len(report.footnotes) == 5
    assert marker_after(report, 4).endswith("the sea broke in at eleven places.")
    assert report.footnotes[4].text.startswith("The Commissioners' accounts for 1829 give the sum as £14,212 6s. 8d.")


# --- set aside while writing the reader: a state survey's annual report -------------

def test_a_report_set_aside_keeps_its_notes_heads_and_numbered_list():
    report = parse("text/ia-djvu-state-geologist-1893-heldaside.txt")
    assert [page.label for page in report.pages][1:] == ["12", "13", "14"]
    assert len(report.footnotes) == 3 and marker_after(report, 3).endswith("fire-clay proper.")
    assert "1. Sand and gravel, 10 to 20 feet." in report.text and "3. Fire-clay, 8 to 30 feet" in report.text
    assert "Digitized by" not in report.text and "THE CLAY DEPOSITS. 13" not in report.text


# --- what is not an archive text ------------------------------------------------------

def test_numbers_alone_in_a_text_with_no_archive_notice_and_no_heads_break_no_page():
    text = "Three songs\n\n1\n\nThe tide went out at noon.\n\n2\n\nThe boats lay on the mud.\n\n3\n\nThe gulls came in.\n"
    report = parse_report(text.encode(), "txt")
    assert report.pages == [] and "1\n\nThe tide went out at noon." in report.text


def test_heads_with_numbers_in_an_ocr_text_from_elsewhere_make_pages():
    text = ("THE FERRY ROADS.\n\nThe first road ran to the ferry at Hythe and was\nmade in 1790.\n\n"
            "2 THE FERRY ROADS.\n\nThe second ran inland to the mill.\n\n"
            "THE MILL ROAD. 3\n\nIt was widened in 1812.\n\n"
            "4 THE FERRY ROADS.\n\nThe third was never finished.\n")
    report = parse_report(text.encode(), "txt")
    assert [page.label for page in report.pages][1:] == ["2", "3", "4"]
    assert "THE MILL ROAD. 3" not in report.text and "It was widened in 1812." in report.text


def test_a_notice_quoted_in_the_text_stays():
    text = ("Sources\n\nThe scan opens with the words Digitized by the Internet Archive in 2013 with funding\n"
            "from a library, and gives its address.\n")
    report = parse_report(text.encode(), "txt")
    assert "Digitized by the Internet Archive in 2013" in report.text


def test_a_numbered_list_after_symbol_notes_is_no_note():
    text = ("Digitized by the Internet Archive\nin 2014\n\n"
            "The beds were surveyed in 1915.*\n\n* By the launch Fulmar.\n\n5\n\n"
            "6 OYSTER BEDS.\n\nIt is recommended:\n\n1. That the upper beds be closed.\n\n"
            "2. That the culling law be enforced.\n\n"
            "OYSTER BEDS. 7\n\nThe cost is $4,800.\n\n"
            "8 OYSTER BEDS.\n\nNothing more.\n")
    report = parse_report(text.encode(), "txt")
    assert [note.text for note in report.footnotes] == ["By the launch Fulmar."]
    assert "1. That the upper beds be closed." in report.text and "2. That the culling law be enforced." in report.text


def test_a_notice_with_no_sponsor_takes_no_line_of_the_book():
    text = ("Digitized by the Internet Archive\nin 2016\nTHE FERRY ROADS OF KENT.\n\n"
            "The first road ran to the ferry at Hythe.\n")
    report = parse_report(text.encode(), "txt")
    assert removed(report, "furniture") == ["Digitized by the Internet Archive in 2016"]
    assert "THE FERRY ROADS OF KENT." in report.text + (report.title or "")
