"""Audit office and parliamentary reports as plain text (pdftotext, a "text version"):
running heads set in cells, notes under a rule at the pages' feet called "[n]", the cover's
title and date, the statutory front matter and the back page's imprint."""

from __future__ import annotations

from claimdesk.sources.importer import parse_report

FF = "\f"

COVER = (
    "REPORT\n"
    "by the Comptroller and Auditor General\n\n"
    "Department for Transport\n\n"
    "Keeping local road bridges\n"
    "in a safe condition\n\n"
    "HC 418  SESSION 2022–23  9 FEBRUARY 2023\n\n\n"
    "Our vision is to help public money go further.\n\n"
    "Our audit work helps Parliament hold\n"
    "ministers to account for the services they run.\n\n"
)
TITLE_PAGE = (
    "Department for Transport\n\n"
    "Keeping local road bridges\n"
    "in a safe condition\n\n"
    "Ordered by the House of Commons\n"
    "to be printed on 7 February 2023\n\n"
    "This report has been prepared under Section 6 of the\n"
    "National Audit Act 1983 for presentation to the House of\n"
    "Commons in accordance with Section 9 of the Act\n\n"
    "Imogen Tarrant\n"
    "Comptroller and Auditor General\n\n"
    "HC 418 | £10.00\n\n"
)
CONTENTS = (
    "Contents\n\n"
    "Key facts  4\n"
    "Summary  5\n\n"
    "This report can be found on the\n"
    "audit office website at www.example-audit.org.uk\n\n"
    "If you need a version of this\n"
    "report in an alternative format,\n"
    "contact us at access@example-audit.org.uk\n\n"
)
KEY_FACTS = (
    "4  Key facts  Keeping local road bridges in a safe condition\n\n"
    "Key facts\n\n"
    "3,120   road bridges that councils rated substandard in 2022\n"
    "212     bridges closed to heavy vehicles\n\n"
)
SUMMARY = (
    "Summary  Keeping local road bridges in a safe condition  5\n\n"
    "Summary\n\n"
    "1 Councils in England look after around 71,000 road bridges. Their maintenance budgets fell by 14% in real terms between 2015 and 2022.[1]\n\n"
    "2 The Department expects councils to inspect every bridge at least once every six years.[2] This report has been prepared under Section 6 of the National Audit Act 1983, as paragraph 2 explains.\n\n"
    "______________________________\n"
    "1  Department for Transport, Local Highways Maintenance Statistics, 2023, table 3.\n"
    "2  Bridge Inspection Code of Practice, 2017, section 4.\n\n"
)
BACK = (
    "© Example Audit Office 2023\n\n"
    "The material featured in this document is subject to the audit office's copyright. "
    "It may be copied or reproduced for non-commercial purposes only, for research or private study.\n\n"
    "Design and Production by the Office's Publishing Team\n"
    "DP Ref: 004217-001\n\n"
    "£10.00\n"
)


def _report():
    source = FF.join([COVER, TITLE_PAGE, CONTENTS, KEY_FACTS, SUMMARY, BACK])
    return parse_report(source.encode(), "txt")


def _removed(report, kind):
    return [item.text for item in report.removed if item.kind == kind]


def test_an_audit_office_cover_gives_the_title_and_the_date_of_its_session_line():
    report = _report()
    assert report.title == "Keeping local road bridges in a safe condition"
    assert report.date == "2023-02-09"
    assert "HC 418 SESSION 2022–23 9 FEBRUARY 2023" in _removed(report, "cover")
    assert "Department for Transport" in report.text  # the department is no furniture


def test_running_heads_set_in_cells_go_as_headers_and_number_their_pages():
    report = _report()
    headers = _removed(report, "header")
    assert "4 Key facts Keeping local road bridges in a safe condition" in headers
    assert "Summary Keeping local road bridges in a safe condition 5" in headers
    assert "Key facts Keeping local road bridges" not in report.text
    assert [page.label for page in report.pages][3:5] == ["4", "5"]
    # A figure set in cells at the foot of a page is body, and so is the heading under a head.
    assert "212 bridges closed to heavy vehicles" in report.text
    assert "\nSummary\n" in report.text and "Summary" not in headers


def test_bracketed_calls_glued_to_the_text_call_the_notes_under_the_rule_at_the_pages_foot():
    report = _report()
    assert [note.number for note in report.footnotes] == [1, 2]
    assert report.footnotes[0].text == "Department for Transport, Local Highways Maintenance Statistics, 2023, table 3."
    first, second = (note.marker_offsets[0] for note in report.footnotes)
    assert report.text[:first].endswith("between 2015 and 2022.")
    assert report.text[:second].endswith("once every six years.")
    assert "2022.[1]" not in report.text and "table 3." not in report.text


def test_the_statutory_front_matter_and_the_back_pages_imprint_are_furniture():
    report = _report()
    for gone in ("Our vision is", "Ordered by the House of Commons", "HC 418 | £10.00", "This report can be found on",
                 "access@example-audit.org.uk", "© Example Audit Office 2023", "may be copied or reproduced",
                 "DP Ref: 004217-001", "Design and Production by"):
        assert gone not in report.text
    assert "Ordered by the House of Commons to be printed on 7 February 2023" in _removed(report, "furniture")
    assert "£10.00" in _removed(report, "footer")
    # The same words as a sentence of the body stay where they are.
    assert "This report has been prepared under Section 6 of the National Audit Act 1983, as paragraph 2 explains." in report.text
    assert report.text.count("This report has been prepared under Section 6") == 1
    assert "Imogen Tarrant" in report.text


def test_a_contents_line_and_the_heading_it_lists_are_no_running_head_on_facing_pages():
    pages = [
        "A review of harbour fees\n\nJune 2024\n",
        "Contents\nSummary  3\nFindings  4\n\nPrepared for the harbour board.\n",
        "Harbour fees rose by a third between 2019 and 2023.\n\nMost of the rise fell on small boats.\n",
        "Fees review  3\n\nSummary\n\nThe board should publish its fees each year.\n\nIt should consult users first.\n",
        "Findings\n\nThe board has no policy on fees.\n",
    ]
    report = parse_report(FF.join(pages).encode(), "txt")
    assert "Summary" not in _removed(report, "header")
    assert "\n\nSummary\n\n" in report.text and "Summary 3" in report.text


def test_a_select_committee_cover_gives_title_committee_and_date():
    cover = (
        "                 House of Commons\n\n"
        "              Rural Affairs Committee\n\n\n"
        "          Village shops and post offices\n\n"
        "          Second Report of Session 2023–24\n\n\n"
        "          Report, together with formal minutes\n\n"
        "          Ordered by the House of Commons\n"
        "          to be printed 4 June 2024\n\n\n"
        "                                       HC 905\n"
        "                          Published on 11 June 2024\n"
        "                     by authority of the House of Commons\n"
    )
    body = "Summary\n\nVillage shops closed at a rate of 400 a year between 2015 and 2023.\n"
    report = parse_report((cover + FF + body).encode(), "txt")
    assert report.title == "Village shops and post offices"
    assert report.date == "2024-06-11"
    assert report.authors == ["Rural Affairs Committee"]
    assert "Ordered by the House of Commons" not in report.text
    assert "Report, together with formal minutes" in report.text


def test_a_crs_reports_last_page_stamp_and_disclaimer_leave_its_notes_at_the_pages_foot():
    head = "Ferry Grants for Rural Islands: Issues for Congress\n\n"
    pages = [
        "Ferry Grants for Rural Islands:\nIssues for Congress\n\nUpdated May 2, 2024\n\n"
        "Congressional Research Service\nhttps://crsreports.example.gov\nR48001\n\n",
        head + "Background\nThe program has paid for 14 new vessels since FY2021.1\n\n"
        "1 Federal Transit Administration, Ferry Grant Awards, 2023.\n\n"
        "Congressional Research Service\n\n1\n",
        head + "Issues for Congress\nSome Members would double the program to $60 million a year.2\n\n"
        "Author Information\n\nAda P. Lindqvist\nAnalyst in Transportation Policy\n\n"
        "Disclaimer\nThis document was prepared by the Congressional Research Service (CRS) for Members of Congress\n"
        "and their staff. It is not an official view of CRS or of Congress.\n\n"
        "2 See H.R. 5120 (118th Congress), section 3.\n\n"
        "Congressional Research Service\n\nR48001 · VERSION 2 · UPDATED\n\n2\n",
    ]
    report = parse_report(FF.join(pages).encode(), "txt")
    assert [note.number for note in report.footnotes] == [1, 2]
    assert report.footnotes[1].text == "See H.R. 5120 (118th Congress), section 3."
    assert report.text[: report.footnotes[1].marker_offsets[0]].endswith("$60 million a year.")
    assert "VERSION 2" not in report.text and "This document was prepared by" not in report.text
    assert "R48001 · VERSION 2 · UPDATED" in _removed(report, "footer")
    assert "Congressional Research Service" not in report.text  # the cover's line is the pages' footer
    assert "Ada P. Lindqvist" in report.text


_GAO_CURLY = """This is the accessible text file for GAO report number GAO-14-501
entitled \u2018Harbor Dredging: Corps Should Track Costs of Small Projects\u2019
which was released on June 3, 2014.

This text file was prepared by the U.S. Government Accountability
Office (GAO) so that users with visual impairments can read it.

This is a work of the U.S. government and is not subject to copyright
protection in the United States.

Letter:

The Corps dredged 412 small harbors in 2013.[Footnote 1] Costs rose 9
percent.

[End of section]

Footnotes:

[1] Corps of Engineers, Navigation Data Center, 2014.
"""


def test_a_gao_file_quoting_its_title_in_curly_quotes_is_read_as_one():
    report = parse_report(_GAO_CURLY.encode("cp1252"), "txt")
    assert report.title == "Harbor Dredging: Corps Should Track Costs of Small Projects"
    assert report.date == "2014-06-03"
    assert "The Corps dredged 412 small harbors in 2013." in report.text and "[Footnote 1]" not in report.text
    assert "prepared by the U.S. Government Accountability" not in report.text
    assert [note.number for note in report.footnotes] == [1] and report.footnotes[0].marker_offsets
