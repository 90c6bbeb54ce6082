"""Title, authors and date of court pages, Gutenberg ebooks and a borough's scanned report:
classes of failure found by the held-out sets blind15 and blind16 (fixtures written for these tests)."""

from __future__ import annotations

from claimdesk.sources.importer import parse_report

# -- a court's metadata table of label/value rows (courts.ie's old Domino pages) -----------------

_DOMINO_JUDGMENT = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Judgment Title: Kinsella -v- Galway County Council</title></head>
<body><form action="">
<table border="0" cellspacing="0" cellpadding="0">
<tr valign="top"><td width="216"><b><font size="2" face="Arial">Judgment Title:</font></b></td>
<td width="528"><font size="2" face="Arial">Kinsella -v- Galway County Council</font></td></tr>
<tr valign="top"><td><b><font size="2" face="Arial">Neutral Citation:</font></b></td><td><font size="2" face="Arial">[2017] IEHC 388</font></td></tr>
<tr valign="top"><td><b><font size="2" face="Arial">Date of Delivery:</font></b></td><td><font size="2" face="Arial">14/06/2017</font></td></tr>
<tr valign="top"><td><b><font size="2" face="Arial">Court:</font></b></td><td><font size="2" face="Arial">High Court</font></td></tr>
<tr valign="top"><td><b><font size="2" face="Arial">Judgment by:</font></b></td><td><font size="2" face="Arial">Brennan J.</font></td></tr>
</table><hr>
<div class="WordSection1">
<p class="MsoNormal" align="center"><b>THE HIGH COURT</b></p>
<p class="MsoNormal">1. The applicant challenges the council's refusal of a licence for a pier at Rossaveel.</p>
<p class="MsoNormal">2. The council refused the licence on 3 March 2016 on the ground that the pier would obstruct navigation.</p>
</div></form></body></html>"""


def test_a_court_metadata_tables_fields_give_title_writer_and_date_without_their_labels():
    report = parse_report(_DOMINO_JUDGMENT.encode("cp1252"), "html")
    assert report.title == "Kinsella -v- Galway County Council"  # not "Judgment Title: Kinsella …"
    assert report.authors == ["Brennan J"]  # the "Judgment by:" field
    assert report.date == "2017-06-14"  # the "Date of Delivery:" field, day first


def test_an_irish_judgments_own_line_names_its_writer():
    source = (
        "<html><head><title>Doyle v Minister for Agriculture</title></head><body>"
        "<p align=\"center\"><b>THE HIGH COURT</b></p>"
        "<p align=\"center\"><b>JUDGMENT of Mr. Justice Halloran delivered on the 2nd day of May, 2018</b></p>"
        "<p>1. The applicant farms 40 hectares near Ballina and applied for a grant in 2015.</p>"
        "</body></html>"
    )
    report = parse_report(source.encode(), "html")
    assert report.authors == ["Mr. Justice Halloran"]


# -- the Supreme Court of Canada's head: the writer, not the court -----------------------------

_SCC_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<title>Municipalité de Val-Rocher v. Gagnon - SCC Cases</title>
<meta name="dcterms.title" content="Municipalité de Val-Rocher v. Gagnon">
<meta name="dcterms.issued" content="2022-11-18">
<meta name="dcterms.creator" content="Supreme Court of Canada">
</head><body><main>
<h1>Municipalité de Val-Rocher v. Gagnon</h1>
<p><b>Coram:</b> Lemire C.J. and Osei, Tanaka and Fournier JJ.</p>
<table class="MsoNormalTable"><tr><td><p class="MsoNormal"><b>Reasons for Judgment:</b><br>(paras. 1 to 31)</p></td>
<td><p class="MsoNormal">Tanaka J. (Lemire C.J. and Osei and Fournier JJ. concurring)</p></td></tr></table>
<p>Present: Lemire C.J. and Osei, Tanaka and Fournier JJ.</p>
<p>The judgment of the Court was delivered by</p>
<p><b>Tanaka J.</b> &mdash;</p>
<p>[1] The municipality closed the road to the quarry in 2019 after three trucks overturned on it.</p>
</main></body></html>"""


def test_the_supreme_court_of_canadas_reasons_for_judgment_name_the_writer():
    report = parse_report(_SCC_PAGE.encode(), "html")
    assert report.authors == ["Tanaka J."]  # not dcterms.creator's "Supreme Court of Canada"


def test_the_judgment_of_the_court_was_delivered_by_the_judge_on_the_next_line():
    page = _SCC_PAGE.replace("<p class=\"MsoNormal\"><b>Reasons for Judgment:</b><br>(paras. 1 to 31)</p>",
                             "<p class=\"MsoNormal\"><b>Joint Reasons:</b></p>")
    report = parse_report(page.encode(), "html")
    assert report.authors == ["Tanaka J."]


# -- a law site's structured data names the court; the opinion names its judge ------------------

def test_a_court_named_as_author_in_json_ld_gives_way_to_the_judge_the_opinion_names():
    source = (
        "<html><head><title>Harlan Ranch Co. v. County of Teton - CourtListener.com</title>"
        "<meta property=\"og:site_name\" content=\"CourtListener\">"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"CreativeWork\","
        "\"name\":\"Harlan Ranch Co. v. County of Teton\",\"dateCreated\":\"2016-08-22\","
        "\"author\":{\"@type\":\"Organization\",\"name\":\"District Court, D. Wyoming\"}}</script></head><body>"
        "<h2>Harlan Ranch Co. v. County of Teton</h2>"
        "<div id=\"opinion\"><p>HARLAN RANCH CO., Plaintiff, v. COUNTY OF TETON, Defendant.</p>"
        "<p>No. 15-CV-211-SWS.</p><p>United States District Court, D. Wyoming.</p><p>August 22, 2016.</p>"
        "<p>MEMORANDUM OPINION</p><p>SAMUEL W. SKAGGS, District Judge.</p>"
        "<p>The ranch claims that the county's 2014 road ordinance took an easement of 1.2 miles without pay.</p>"
        "</div></body></html>"
    )
    report = parse_report(source.encode(), "html")
    assert report.authors == ["Samuel W. Skaggs"]


# -- a Gutenberg ebook: the work's own date, never the ebook's release date --------------------

_PG_BOOK = """The Project Gutenberg EBook of On the Tides of the Wash, by Silas Merriden

This eBook is for the use of anyone anywhere at no cost and with
almost no restrictions whatsoever.

Title: On the Tides of the Wash

Author: Silas Merriden

Release Date: June 2, 2012 [EBook #39871]

Language: English

*** START OF THIS PROJECT GUTENBERG EBOOK ON THE TIDES OF THE WASH ***




Produced by the Online Distributed Proofreading Team at
http://www.pgdp.net




                              ON THE TIDES

                               OF THE WASH.


                                   BY

                            SILAS MERRIDEN,

                        ENGINEER TO THE NENE COMMISSIONERS.


                                LONDON:
                    PRINTED BY W. CLOWES AND SONS.
                                  1859.




THE TIDES.

The spring tides at the mouth of the Nene rise some 22 feet, and the neaps
about 14, as I measured them in the autumn of 1857.




End of the Project Gutenberg EBook of On the Tides of the Wash, by
Silas Merriden

*** END OF THIS PROJECT GUTENBERG EBOOK ON THE TIDES OF THE WASH ***

***** This file should be named 39871-8.txt or 39871-8.zip *****
"""


def test_a_gutenberg_ebook_is_dated_by_its_title_pages_imprint_not_its_release():
    report = parse_report(_PG_BOOK.encode(), "txt")
    assert report.date == "1859"


def test_a_gutenberg_ebook_without_an_imprint_year_has_no_date():
    report = parse_report(_PG_BOOK.replace("                                  1859.\n", "").encode(), "txt")
    assert report.date is None  # "June 2, 2012" is the day the ebook went up


def test_an_old_gutenberg_closing_sentence_over_two_lines_is_licence():
    report = parse_report(_PG_BOOK.encode(), "txt")
    assert "End of the Project Gutenberg" not in report.text and "Silas Merriden\n" not in report.text[-40:]
    assert report.text.rstrip().endswith("in the autumn of 1857.")
    assert any(item.kind == "licence" and item.text.startswith("End of the Project Gutenberg EBook of On the Tides")
               for item in report.removed)


def test_a_gutenberg_html_ebook_is_dated_by_its_title_page():
    source = (
        "<html><head><title>The Project Gutenberg eBook of Fen Skating, by Ezra Budd</title></head><body>"
        "<section class=\"pg-boilerplate\"><p>Title: Fen Skating</p><p>Author: Ezra Budd</p>"
        "<p>Release date: January 9, 2020 [eBook #61120]</p><p>Language: English</p>"
        "<p>*** START OF THE PROJECT GUTENBERG EBOOK FEN SKATING ***</p></section>"
        "<h1>FEN SKATING</h1><p class=\"center\">BY<br>EZRA BUDD</p>"
        "<p class=\"center\">CAMBRIDGE:<br>DEIGHTON, BELL AND CO.<br>1882.</p>"
        "<h2>CHAPTER I.</h2><p>The great match on Bury Fen in 1879 drew some 6,000 people to the ice.</p>"
        "<section class=\"pg-boilerplate\"><p>*** END OF THE PROJECT GUTENBERG EBOOK FEN SKATING ***</p></section>"
        "</body></html>"
    )
    report = parse_report(source.encode(), "html")
    assert report.date == "1882"


# -- a borough's report: the authority over the title is not the title --------------------------

def test_a_boroughs_name_over_its_reports_title_page_is_not_the_title():
    source = (
        "Digitized by the Internet Archive \nin 2015 with funding from \nWellcome Library \n\n\n\n"
        "https://archive.org/details/b29871234 \n\n\n\n"
        "BOROUGH OF STAVERLEY. \n\n\n\n"
        "REPORT \n\nON THE \n\nHEALTH \n\nOF THE \n\nBOROUGH OF STAVERLEY, \n\nFOR THE YEAR 1881. \n\n\n\n"
        "BY \n\nJOHN PELHAM ORRELL, M.D., \n\nMEDICAL OFFICER OF HEALTH. \n\n\n\n"
        "STAVERLEY : \nPRINTED BY T. HOLT, BRIDGE STREET. \n1882. \n\n\n\n\n"
        "TO THE MAYOR AND COUNCIL OF THE BOROUGH OF STAVERLEY. \n\n"
        "Gentlemen, \n\nThe deaths registered in the borough during 1881 were 611, giving a rate of 24-3 per 1,000. \n"
    )
    report = parse_report(source.encode(), "txt")
    assert report.title == "REPORT ON THE HEALTH OF THE BOROUGH OF STAVERLEY"
    assert report.date == "1882"
    assert "BOROUGH OF STAVERLEY." in report.text  # the authority's line stays text
