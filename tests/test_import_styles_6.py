"""Styles met in the sixth blind held-out set, each on a fixture of our own built as
that origin builds its files: an e-mail newsletter kept with its headers, pdftotext
pages with notes at their feet (Italian "Ivi", UN notes numbered on a line of their
own, a job number on every page), and mammoth.js's Markdown of a Word file."""

from __future__ import annotations

from pathlib import Path

from claimdesk.sources.importer import parse_report

FIXTURES = Path(__file__).parent / "fixtures"


def parse(name: str, fmt: str):
    return parse_report((FIXTURES / name).read_bytes(), fmt)


def notes(report):
    return {n.number: n for n in report.footnotes}


def marker_after(report, number) -> str:
    (offset,) = notes(report)[number].marker_offsets
    return report.text[:offset]


def removed(report, kind):
    return [r.text for r in report.removed if r.kind == kind]


# --- an e-mail newsletter saved as text ----------------------------------------

def test_a_newsletters_headers_are_removed_and_its_subject_and_date_read_by_the_mail_parser():
    report = parse("text/newsletter-email-ferry-levy.txt", "txt")
    assert report.title == "Harbour Bulletin — The ferry levy, one year on"  # RFC 2047 encoded word decoded
    assert report.date == "2024-06-06"
    assert report.authors == ["Ines Varga", "Tomas Hale"]
    headers = removed(report, "header")
    assert any(h.startswith("Received: from out-7") and "for <editor@reader.example>" in h for h in headers)  # unfolded
    assert "Return-Path" not in report.text and "List-Unsubscribe" not in report.text


def test_a_newsletters_sponsor_box_and_mailing_footer_leave_the_text_for_removed():
    report = parse("text/newsletter-email-ferry-levy.txt", "txt")
    assert removed(report, "advertisement") == ["SPONSORED Quayside Bikes: 10% off spring servicing until 30 June."]
    for furniture in ("Quayside", "View this email", "Forwarded this email", "Our mailing address", "update your preferences",
                      "-----", "** "):
        assert furniture not in report.text, furniture
    assert "The levy raised 1.2 million euros in its first year, 14% less than the council forecast." in report.text
    assert "Crossings fell from 412,000 to 398,500." in report.text
    assert marker_after(report, 2).endswith("to 398,500.")
    assert notes(report)[2].resolves_to == 1


def test_text_that_only_looks_like_a_header_is_not_taken_for_one():
    report = parse_report(b"Summary: the levy raised 1.2 million euros.\nFrom: the council's report.\n\nMore text.\n", "txt")
    assert "Summary: the levy raised 1.2 million euros." in report.text
    assert not removed(report, "header")


# --- pdftotext pages, notes at their feet -------------------------------------

def test_italian_page_foot_notes_with_ivi_and_markers_before_the_stop():
    report = parse("text/pdftotext-page-notes-ivi.txt", "txt")
    assert report.title == "The ferry levy: revenue and crossings in the first year"
    assert report.authors == ["Anna Rossi", "Paolo Verdi"]
    assert report.date == "2024-04"
    assert [n.text for n in report.footnotes] == ["Council finance report, May 2024, p. 3.", "Ivi, p. 5.", "Timetable notice 2024/2, art. 4."]
    assert notes(report)[2].kind == "ibid" and notes(report)[2].resolves_to == 1
    assert marker_after(report, 1).endswith("short of the forecast")
    assert "Crossings fell to 398.500, against 412.000 a year before." in report.text
    assert len(removed(report, "header")) == 3  # "… | Series paper n. 7" on pages 2-4: a running head, not a sentence
    assert "hand-held counters" in report.text  # hyphen kept, line break gone


def test_un_notes_numbered_on_a_line_of_their_own_and_a_job_number_on_every_page():
    report = parse("text/un-note-lone-number-notes.txt", "txt")
    assert report.title == "Ferry services in island States"  # under the masthead, which is the document system's
    assert report.date == "2025-03-03"
    assert {"United Nations", "A/80/123", "General Assembly", "Distr.: General"} <= set(removed(report, "cover"))
    assert "Distr." not in report.text and not report.text.startswith("United Nations")
    assert [n.text for n in report.footnotes] == ["Island Transport Survey 2024, p. 12.", "Ibid., p. 14."]
    assert marker_after(report, 1).endswith("against 71 per cent in 2019.")
    assert marker_after(report, 2).endswith("has widened since 2020.")
    assert "25-01234" not in report.text and len(removed(report, "footer")) >= 3
    assert "\n\n3. Fares rose by 9 per cent over the period." in report.text  # each numbered paragraph its own


def test_a_decimal_at_a_sentence_end_is_never_read_as_a_year_and_a_marker():
    text = ("Page one.\n\n1 A note, p. 1.\n1\n\fThe index stood at 2041.2\nand rose.\n\n2 Another note, p. 2.\n2\n\f"
            "More text.\n3\n\f")
    report = parse_report(text.encode(), "txt")
    assert "2041.2" in report.text


# --- mammoth.js: Word to Markdown ---------------------------------------------

def test_mammoth_markdown_notes_with_escaped_calls_and_back_links():
    report = parse("markdown/mammoth-word-notes-levy.md", "md")
    assert report.title == "La tasa del ferri: el primer año"
    assert report.authors == ["Ana Ruiz Soto", "Pablo Gil Mora"]
    assert [n.text for n in report.footnotes] == ["Consejo de Puertos del Norte, Informe de cuentas 2023, 2024, p. 3.",
                                                  "Consejo de Puertos del Norte, op. cit., p. 5."]
    assert notes(report)[2].kind == "op_cit" and notes(report)[2].resolves_to == 1  # an organisation names its work
    assert marker_after(report, 1).endswith("un 14 %.")
    assert "Los cruces bajaron de 412.000 a 398.500." in report.text
    assert "[1]" not in report.text and "footnote-ref" not in report.text


# --- Confluence: a page exported as HTML ---------------------------------------

def test_a_confluence_pages_metadata_line_attachments_and_comments_are_read_as_what_they_are():
    report = parse("html/confluence-export-ferry-pilot.html", "html")
    assert report.title == "Ferry ticket pilot, spring 2024"  # the space's name leaves the title
    assert report.authors == ["Maren Holt", "Idris Okafor"]
    assert report.date == "2024-06-03"  # the last change: the version exported
    assert any("last modified by" in text for text in removed(report, "cover"))
    assert any("fares_2024.xlsx" in text for text in removed(report, "furniture"))
    assert any("Figures checked against the ledger" in text for text in removed(report, "comments"))
    for furniture in ("Created by", "Attachments:", "fares_2024", "Posted by", "Document generated by"):
        assert furniture not in report.text, furniture
    assert "The pilot sold 18,400 contactless tickets in 12 weeks, 31% of all single fares." in report.text
    assert marker_after(report, 1).endswith("31% of all single fares.")


def test_a_page_with_a_page_metadata_class_but_no_confluence_body_is_not_read_as_confluence():
    page = ("<html><body><div class='page-metadata'>Posted on Jun 03, 2024</div>"
            "<article><h1>Ferry fares</h1><p>Fares rose by 4% in 2024.</p></article></body></html>")
    report = parse_report(page.encode(), "html")
    assert report.title == "Ferry fares"


def test_a_report_that_only_mentions_the_united_nations_keeps_its_opening_lines():
    text = "United Nations aid in 2024\n\nA/80/123 was adopted on 3 March 2025 by 120 votes.\n\nMore text here.\n"
    report = parse_report(text.encode(), "txt")
    assert "A/80/123 was adopted on 3 March 2025 by 120 votes." in report.text


# --- pdftotext -layout: a working paper ---------------------------------------

def test_a_layout_conversion_loses_its_margins_and_running_head_but_no_word():
    report = parse("text/pdftotext-layout-working-paper.txt", "txt")
    assert report.title == "Harbour Dues and Shipping Routes: Evidence from 9 Small Ports"  # "DP/24/9" is the series
    assert report.authors == ["Lena Maris", "Omar Haddad"]
    assert "Most of the increase fell on small vessels, whose share of calls went from 41 to 33 percent." in report.text
    assert "traf-fic" in report.text  # the hyphen kept, the line break gone
    assert marker_after(report, 1).endswith("in 2015–19.")  # a span of years, its stop, then marker 1
    assert marker_after(report, 2).endswith("2.4 million tonnes in 2023.")
    assert "DISCUSSION PAPERS" not in report.text  # the head printed on both inner pages
    assert len(removed(report, "header")) == 2
    assert "   " not in report.text  # no margin left in the text


# --- The Court of Justice (InfoCuria) as text: "(n)" calls, notes after the text ------

def test_court_of_justice_endnotes_called_in_brackets():
    report = parse("text/curia-judgment-paren-endnotes.txt", "txt")
    assert [n.text for n in report.footnotes] == ["Directive 2019/88 of 2 May 2019 on harbour dues (OJ 2019 L 120, p. 5).",
                                                  "Harbour office accounts, 2024, p. 3.",
                                                  "Judgment of 8 June 2017, Verdant (C-214/16, EU:C:2017:431, paragraph 27)."]
    assert marker_after(report, 1).endswith("interpretation of Article 4(2) of Directive 2019/88.")
    assert marker_after(report, 2).endswith("14 % less than forecast.")
    assert marker_after(report, 3).endswith("exemptions are interpreted strictly,")


def test_a_bracketed_number_glued_to_a_word_is_never_a_call():
    report = parse("text/curia-judgment-paren-endnotes.txt", "txt")
    assert report.text.count("Article 4(2)") == 3  # a provision's paragraph, never note 2
    assert "12 March 2025 (*)" in report.text or "(*)" in "".join(r.text for r in report.removed)


def test_numbered_paragraphs_at_the_end_without_calls_stay_text():
    text = "A report.\n\nWe found 3 things.\n\n1      The first thing was 12 boats.\n\n2      The second was 14 boats.\n"
    report = parse_report(text.encode(), "txt")
    assert not report.footnotes
    assert "The first thing was 12 boats." in report.text and "The second was 14 boats." in report.text


# --- EUR-Lex: calls and notes that link to each other ------------------------------

def test_a_call_and_a_note_that_link_to_each_other_are_a_note_whatever_their_ids():
    report = parse("html/eurlex-mutual-note-links.html", "html")
    assert [n.text for n in report.footnotes] == ["OJ L 214, 17.6.2021, p. 1.", "Commission report on noise bonuses, 2024, p. 7."]
    assert marker_after(report, 1).endswith("Regulation (EU) 2021/1127")
    assert marker_after(report, 2).endswith("41 % of wagons in 2024")
    assert "Article 4(2) thereof" in report.text and "(1)\n\nThe bonus" in report.text  # the recital's number stays
    assert "2 Scope" in report.text  # a heading linked back to its cross-reference is no note
    assert "See also point 2 below." in report.text  # a class word ("see-toc") never cuts a sentence


def test_a_marker_glued_to_an_accented_or_cyrillic_word_or_a_percent_sign():
    text = ("Rapport\n\nIl y avait 40 cafés1. Le nombre a baissé de 11 %2. В 2019 году3 было 12 школ.\n\n"
            "1 Insee, 2022, p. 2.\n2 Insee, 2023, p. 4.\n3 Росстат, 2020, с. 5.\n1\n\fSuite.\n2\n\fFin.\n3\n\f")
    report = parse_report(text.encode(), "txt")
    assert [len(n.marker_offsets) for n in report.footnotes] == [1, 1, 1]
    assert "Il y avait 40 cafés. Le nombre a baissé de 11 %. В 2019 году было 12 школ." in report.text
    assert "40 cafés" in report.text and "12 школ" in report.text  # figures untouched
