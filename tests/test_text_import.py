"""Plain-text styles: Gutenberg ebooks, court opinions, think-tank briefs, paginated reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdesk.sources.blocks import NOTE
from claimdesk.sources.importer import parse_report
from claimdesk.sources.readers.plaintext import read_plain_text
from claimdesk.sources.readers.text_pages import split_pages
from claimdesk.sources.textclean import clean_characters

FIXTURES = Path(__file__).parent / "fixtures" / "text"


def parse(name):
    return parse_report((FIXTURES / name).read_bytes(), "txt")


def parse_text(text):
    return parse_report(text.encode("utf-8"), "txt")


def notes(report):
    return {n.number: n for n in report.footnotes}


def marker_follows(report, number, words):
    (offset,) = notes(report)[number].marker_offsets
    return report.text[:offset].endswith(words)


def removed(report, kind):
    return [r.text for r in report.removed if r.kind == kind]


# --- Project Gutenberg -------------------------------------------------------

@pytest.fixture(scope="module")
def book():
    return parse("gutenberg-upland-meadows.txt")


def test_gutenberg_metadata_comes_from_the_header_fields(book):
    assert book.title == "Notes on the Drainage of Upland Meadows: With an Account of the Trials at Hollin Beck"
    assert book.authors == ["Josiah Ambler Pennock"]
    assert book.date == "1887"  # the title page's imprint; "Release date: March 3, 2004" is the ebook's


def test_gutenberg_licence_is_removed_and_reported_not_dropped(book):
    header, footer = removed(book, "licence")
    assert header.startswith("The Project Gutenberg eBook of Notes on the Drainage")
    assert "Language: English" in header and header.endswith("UPLAND MEADOWS ***")
    assert footer.startswith("*** END OF THE PROJECT GUTENBERG EBOOK")
    assert "1.E.8." in footer and "20%" in footer  # the licence's numbered clauses are not notes
    assert removed(book, "other") == ["Produced by Ellen Marsh, Tomas Reyes and the Online Distributed Proofreading Team."]
    assert "Project Gutenberg" not in book.text and "START OF" not in book.text
    assert "Produced by" not in book.text


def test_gutenberg_footnote_blocks_restart_per_chapter_and_keep_their_own_markers(book):
    assert [n.number for n in book.footnotes] == [1, 2, "1-2", "2-2", "A"]
    by = notes(book)
    assert by[1].text.startswith("The old tile drains of the abbey lands at Kettlewick")
    # A note of two paragraphs, up to the bracket that closes it.
    assert by[2].text.endswith("pipes have become dearer by nearly one tenth.")
    assert "£4 10s." in by[2].text
    assert marker_follows(book, 1, "to give it somewhere to go.")
    assert marker_follows(book, 2, "the distance between them.")
    # Chapter II's notes 1 and 2 are other notes, called by chapter II's markers.
    assert by["1-2"].text.startswith("The fields are numbered 214 to 217")
    assert marker_follows(book, "1-2", "two to be left as they were.")
    assert marker_follows(book, "2-2", "at a depth of 3 feet 6 inches.")
    assert marker_follows(book, "A", "they speak for themselves.")
    assert "[Footnote" not in book.text and "[1]" not in book.text and "[A]" not in book.text
    assert "Kettlewick" not in book.text


def test_gutenberg_page_markers_make_the_page_map(book):
    assert [p.label for p in book.pages] == ["1", "2", "3"]
    assert book.text[book.pages[0].start:].startswith("There is hardly a parish")
    assert book.text[book.pages[1].start:].startswith("Of the fall.--A drain")  # _italics_ gone with the page start
    assert book.text[book.pages[2].start:].startswith("The results are set out below")
    assert removed(book, "page-number") == ["{1}", "{2}", "{3}"]
    # "{12}" given as an example in the transcriber's note is not a page: it stays.
    assert "shown in curly braces, thus {12}." in book.text


def test_gutenberg_transcribers_notes_tables_and_chapters_are_kept(book):
    assert book.text.startswith("[Transcriber's Note: Page numbers of the printed edition")
    assert "TRANSCRIBER'S NOTES" in book.text and '"paralel" changed to "parallel"' in book.text
    assert "[Illustration: SECTION OF A FIELD DRAIN AT HOLLIN BECK.]" in book.text
    assert "Year    Drained    Undrained\n1882     1.4        1.4\n" in book.text  # the table keeps its columns
    assert "rose from 1.4 to 2.5 tons the acre" in book.text  # a wrapped line reads as one paragraph
    assert [s.title for s in book.sections][:3] == ["CHAPTER I.", "OF WET GROUND IN GENERAL.", "CHAPTER II."]


# --- Court opinions ----------------------------------------------------------

@pytest.fixture(scope="module")
def opinion():
    return parse("court-opinion-notes.txt")


def test_court_caption_gives_title_and_date_and_stays_in_the_text(opinion):
    assert opinion.title == "HOLLOWAY VALLEY IRRIGATION DISTRICT v. MARGARET L. ESTEVEZ"
    assert opinion.date == "2021-03-12"
    assert opinion.text.startswith("No. 19-0457")
    assert "Argued October 6, 2020" in opinion.text


def test_numbered_heading_is_not_footnote_1_and_the_real_note_1_is_kept(opinion):
    """Regression: "1. Five Challenged Statutes" became note 1, its body lines vanished and the real note 1 was lost."""
    assert [n.number for n in opinion.footnotes] == [1, 2, 3, 4, 5, 6, 7]
    by = notes(opinion)
    assert by[1].text == "Holloway Valley Irrigation Dist. v. Estevez, 611 W.3d 409, 415 (Wm. App. 2019)."
    assert "1. Five Challenged Statutes" in [s.title for s in opinion.sections]
    assert "I. BACKGROUND" in [s.title for s in opinion.sections]
    assert "The District's petition names five provisions" in opinion.text
    assert "sections 11.021, 11.034, 11.121, 11.302 and 11.45 of the Water Code" in opinion.text
    assert "We review a summary judgment de novo. Westmarch Dairy Co-op v. Pell, 501 W.3d 220, 224 (Wm. 2017)." in opinion.text
    assert not any("defined twice" in w for w in opinion.warnings)


def test_numbered_list_in_an_opinion_stays_in_the_body_with_its_numbers(opinion):
    assert "1. the water must move from a point of diversion;" in opinion.text
    assert "3. it must pass through works licensed by the State." in opinion.text
    assert "it must pass through" not in notes(opinion)[3].text


def test_opinion_markers_and_short_form_citations(opinion):
    assert marker_follows(opinion, 1, "The court of appeals held that it may.")
    assert marker_follows(opinion, 3, "Section 2 of the Water Works Act. Id. at 417.")
    assert marker_follows(opinion, 7, "a fee rather than a tax.")
    by = notes(opinion)
    assert by[3].kind == "ibid" and by[3].resolves_to == 2
    assert "supra note 3" in by[6].text
    assert "Notes:" not in opinion.text and "[1]" not in opinion.text
    assert "Section 2 of the Water Works Act" in opinion.text  # "Section 2" is no marker


# --- Think-tank brief with glued markers ---------------------------------------

@pytest.fixture(scope="module")
def brief():
    return parse("thinktank-glued-notes.txt")


def test_brief_metadata(brief):
    assert brief.title.startswith("Harbour Dues and the Coastal Freight Market")
    # The series line is the subtitle or stays in the text; never lost.
    assert "Policy Brief No. 14" in brief.title or brief.text.startswith("Policy Brief No. 14\n\nSummary")
    assert brief.authors == ["Ruth Adebayo", "Lena Kowalczyk"]
    assert brief.date == "2022-09"


def test_a_decimal_is_never_split_by_a_marker(brief):
    """Regression: "$62.2 billion.2" read as "$62. billion" with marker 2."""
    assert "a combined value of $62.2 billion. The 10 km2" in brief.text
    assert marker_follows(brief, 2, "a combined value of $62.2 billion.")
    assert "4.5%" in brief.text and "1.85 per tonne" in brief.text and "7.5 per cent." in brief.text


def test_a_year_then_its_marker_when_the_marker_continues_the_sequence(brief):
    assert marker_follows(brief, 1, "have not been revised since 2011.")
    assert marker_follows(brief, 3, "between 2015 and 2019.")
    assert marker_follows(brief, 4, "to 1.85 per tonne in 2021.")
    assert "In 2021 coastal shipping" in brief.text  # "2021" before a space is a year
    assert "10 km2 of quayside" in brief.text and "Section 2 below" in brief.text
    assert "tables 4.1 and 4.2." in brief.text
    assert [n.number for n in brief.footnotes] == [1, 2, 3, 4, 5, 6]
    assert all(len(n.marker_offsets) == 1 for n in brief.footnotes)


def test_numbered_section_headings_of_a_brief(brief):
    assert [s.title for s in brief.sections] == ["Summary", "1. Dues and volumes", "2. Who pays"]


def test_a_year_glued_to_a_label_out_of_sequence_stays_a_number():
    report = parse_text(
        "Rates rose sharply in 2019.7 Nobody expected it.1\n\nNotes\n\n1 Rates Office, Bulletin 4, 2020.\n"
    )
    assert "sharply in 2019.7 Nobody" in report.text
    assert marker_follows(report, 1, "Nobody expected it.")


# --- Paginated government report ---------------------------------------------

@pytest.fixture(scope="module")
def govreport():
    return parse("govreport-pages.txt")


def test_form_feeds_make_pages_labelled_by_their_printed_numbers(govreport):
    assert [(p.label) for p in govreport.pages] == ["1", "2", "3"]
    assert govreport.text[govreport.pages[1].start:].startswith("Part One: The backlog")
    assert removed(govreport, "page-number") == ["- 2 -", "- 3 -"]
    assert "- 2 -" not in govreport.text


def test_running_head_is_removed_at_page_edges_but_the_cover_title_stays(govreport):
    assert removed(govreport, "header") == ["Review of Inland Waterway Maintenance"] * 2
    assert govreport.title == "REVIEW OF INLAND WATERWAY MAINTENANCE: Report by the Comptroller of Public Works"
    assert govreport.text.count("Review of Inland Waterway Maintenance") == 0
    assert "Presented to Parliament, 14 June 2023" in govreport.text  # a cover line that is no metadata stays


def test_numbered_paragraphs_are_body_and_endnotes_are_notes(govreport):
    assert govreport.text.startswith("Presented to Parliament, 14 June 2023\n\n1. This report examines how the Waterways Agency")
    for start in ("2. The Agency now spends £78 million", "3. The backlog has not fallen.", "5. Dredging was cut by 15%"):
        assert start in govreport.text
    assert [n.number for n in govreport.footnotes] == [1, 2, 3, 4]
    assert notes(govreport)[1].text.startswith("Comptroller of Public Works, Waterways Agency: Maintenance Backlog")
    assert marker_follows(govreport, 1, "stood at £31.6 million.")
    assert marker_follows(govreport, 4, "to 1.2 metres or less.")


def test_a_line_that_is_also_body_prose_is_never_a_running_head():
    words = ["dues", "ships", "quays", "silt", "tolls", "rail", "cranes", "locks"]
    pages = split_pages("\f".join(
        f"Annual Review\nOn {w} first.\nOn {w} again.\nAnnual Review\nsays more of {w}.\nLast of {w}.\nEnd of {w}.\n"
        for w in words[:4]
    ))
    assert pages is not None and not [r for r in pages.removed if r.kind in ("header", "footer")]
    assert all(text.startswith("Annual Review\n") for text in pages.texts)


def test_a_year_alone_at_a_page_foot_is_not_a_page_number():
    pages = split_pages("First page.\n1\n\fSecond page.\n2\n\fThird page ends in\n2019\n\fFourth page.\n4\n")
    assert pages.labels == ["1", "2", "3", "4"]
    assert "2019" in pages.texts[2]
    assert [r.text for r in pages.removed] == ["1", "2", "4"]


# --- Converted PDF: page numbers printed under the footnotes ---------------------

def test_lone_numbers_after_footnotes_are_page_numbers_when_they_climb():
    report = parse("pdf-lone-page-numbers.txt")
    assert report.title == "Ferry Subsidies on the Western Isles" and report.authors == ["Iona Macleod"]
    assert removed(report, "page-number") == ["7", "8", "9"]
    assert [p.label for p in report.pages] == ["8", "9"]
    assert report.text[report.pages[0].start:].startswith("The one exception is the route to Sanday")
    assert [n.number for n in report.footnotes] == [1, 2, 3]
    assert marker_follows(report, 3, "from £41 to £29 between 2015 and 2019.")
    assert "\n\n7\n\n" not in report.text


def test_lone_numbers_that_do_not_climb_stay_in_the_text_with_a_warning():
    report = parse_text(
        "Alpha rose sharply over the decade.¹ It then fell back.\n\n1. Office of Statistics, Series A, 2020.\n\n"
        "12\n\nBeta fell.² Gamma held.\n\n2. Office of Statistics, Series B, 2020.\n\n5\n\nThe end of the story, with more words.\n"
    )
    assert "12" in report.text and "5" in report.text.split()
    assert any("not a page sequence" in w for w in report.warnings)


# --- Unsure, duplicated, never lost ----------------------------------------------

def test_two_definitions_of_one_label_are_both_kept():
    result = read_plain_text(clean_characters(
        "Tolls doubled in 2016.[1] Traffic fell.[2]\n\nNotes\n\n[1] Port Authority, Annual Report 2016.\n\n"
        "[1] Port Authority, Annual Report 2017.\n\n[2] Ibid.\n"
    ))
    defined = [(b.label, b.text) for b in result.blocks if b.kind == NOTE]
    assert defined == [(1, "Port Authority, Annual Report 2016."), ("1-2", "Port Authority, Annual Report 2017."), (2, "Ibid.")]
    assert any("defined 2 times" in w for w in result.warnings)


def test_a_numbered_heading_after_a_marker_is_kept_in_the_body_with_a_warning():
    report = parse_text(
        "The scheme began in 2012.¹ It grew quickly and by the end of the decade covered most of the county.\n\n"
        "2. Results So Far\n\nThe results were mixed, as the following paragraphs explain at some length and in detail.²\n\n"
        "1. County Council, Scheme Review, 2019.\n\n2. Ibid., p. 4.\n"
    )
    assert "2. Results So Far" in [s.title for s in report.sections]
    assert [n.number for n in report.footnotes] == [1, 2]
    assert notes(report)[2].text == "Ibid., p. 4."


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_every_fixture_keeps_markers_and_pages_inside_the_text(name):
    report = parse(name)
    for footnote in report.footnotes:
        for offset in footnote.marker_offsets:
            assert 0 < offset <= len(report.text)
    for page in report.pages:
        assert 0 <= page.start <= page.end <= len(report.text)
    assert "\f" not in report.text


# -- notes at the foot of each page, as pdftotext writes them -------------------

def test_page_foot_notes_of_a_converted_pdf():
    report = parse_report((FIXTURES / "ngo-pagefoot-notes.txt").read_bytes(), "txt")
    notes = {note.number: note for note in report.footnotes}
    assert list(notes) == list(range(1, 9))
    assert notes[1].text == "Marine Statistics Office, Landings by Port 2020 (2021), table 4."
    assert notes[2].kind == "ibid" and notes[2].resolves_to == 1
    assert notes[8].kind == "ibid" and notes[8].resolves_to == 7
    for label, before in [(1, "half of the crews."), (2, "between 2015 and 2020."), (5, "rose by 4.5 per cent."),
                          (6, "doubled since 2016."), (7, "before 2030."), (8, "next five years.")]:
        assert report.text[:notes[label].marker_offsets[0]].endswith(before), label
    assert "Marine Statistics Office" not in report.text
    assert "4.5 per cent." in report.text and "cent.5" not in report.text
    # The numbered list at the foot of page 2 does not continue the notes: it stays body text.
    assert "1 engine repairs were the most common unplanned cost;" in report.text
    assert [page.label for page in report.pages] == ["1", "2", "3", "4"]
    assert "Small Harbours, Thin Margins\n" not in report.text.split("Summary", 1)[1]
    assert [p.text for p in report.removed if p.kind == "header"] == ["Small Harbours, Thin Margins"] * 3


def test_running_heads_that_alternate_their_page_number_between_ends_are_furniture():
    pages = ["Harbour Review\n\nThe first page opens the review of the harbour and its dues in 2021.\n"]
    for number in range(2, 6):
        head = f"{number} Harbour Review" if number % 2 == 0 else f"Harbour Review {number}"
        pages.append(f"{head}\n\nPage {number} of the review says the dues rose by {number}% in the year.\n")
    report = parse_report("\f".join(pages).encode(), "txt")
    assert "Harbour Review 3" not in report.text and "4 Harbour Review" not in report.text
    assert sorted(p.text for p in report.removed if p.kind == "header") == [
        "2 Harbour Review", "4 Harbour Review", "Harbour Review 3", "Harbour Review 5"]
    assert "the dues rose by 5% in the year." in report.text


def test_a_sentence_at_the_foot_of_every_page_is_never_taken_for_a_running_footer():
    pages = [f"Page {n} of the review says the dues rose by {n}% in the year.\n" for n in range(1, 6)]
    report = parse_report(("Harbour Review\n\n" + "\f".join(pages)).encode(), "txt")
    for n in range(1, 6):
        assert f"the dues rose by {n}% in the year." in report.text
