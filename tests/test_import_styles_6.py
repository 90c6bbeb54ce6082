"""Styles met in the sixth, seventh and eighth blind held-out sets, each on a fixture of our own
built as that origin builds its files: an e-mail newsletter kept with its headers,
pdftotext pages with notes at their feet (Italian "Ivi", UN notes numbered on a line of
their own, a job number on every page), mammoth.js's Markdown of a Word file, and a German
parliamentary paper (Drucksache) as pdftotext writes it without -layout: its masthead,
the notes' numbers in a column of their own apart from the notes, a notice on every
page's foot and the printer's imprint; a U.S. government page built with the U.S. Web
Design System, a page of DokuWiki's default template, a French parliamentary report's
cover, and a PDF turned into HTML by poppler's pdftohtml."""

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


# --- a German parliamentary paper, pdftotext without -layout -------------------

LANDTAG = "text/landtag-antwort-pdftotext-columns.txt"


def test_the_masthead_of_a_drucksache_gives_the_date_and_the_title_and_leaves_the_text():
    report = parse(LANDTAG, "txt")
    assert report.title == "Schulbusverkehr im ländlichen Raum"
    assert report.date == "2024-05-22"
    cover = removed(report, "cover")
    for line in ("LANDTAG NORDRHEIN-WESTFALEN", "18. Wahlperiode", "Drucksache 18/9412", "22.05.2024", "Antwort",
                 "der Landesregierung", "der Abgeordneten Hanna Becker und Jonas Reuter SPD", "Drucksache 18/9027"):
        assert line in cover
    assert report.text.startswith("Der Minister für Verkehr hat die Kleine Anfrage 3317 mit Schreiben vom 21. Mai 2024")


def test_note_numbers_printed_in_a_column_of_their_own_are_put_back_beside_their_notes():
    report = parse(LANDTAG, "txt")
    assert {n: f.text for n, f in notes(report).items()} == {
        1: "Landesbetrieb IT.NRW, Schülerbeförderung 2022/23, Tabelle 3.",
        2: "Ebd., Tabelle 7.",
        # the numbers' column kept a blank row where this note ran onto a second line
        3: "Verkehrsverbund Rhein-Sieg, Schulwegezeiten im Verbundgebiet, Köln 2023, S. 12 f.",
        4: "Landesbetrieb IT.NRW, a. a. O., Tabelle 9.",
        5: "Erlass des Ministeriums für Verkehr vom 2. Mai 2024, Az. III B 4-31.05.",
    }
    assert marker_after(report, 1).endswith("mit dem Schulbus befördert.")
    assert marker_after(report, 2).endswith("mit 1,18 Mrd. Euro.")
    assert marker_after(report, 3).endswith("mehr als eine Stunde.")
    assert marker_after(report, 4).endswith("bei 17 Minuten.")
    assert marker_after(report, 5).endswith("für zusätzliche Fahrten bereit.")
    assert notes(report)[2].resolves_to == 1 and notes(report)[4].resolves_to == 1
    assert "412 000 Schülerinnen und Schüler" in report.text and "Tabelle" not in report.text


def test_a_notice_on_every_page_and_the_imprint_leave_the_text_for_removed():
    report = parse(LANDTAG, "txt")
    notice = "Nur zur dienstlichen Verwendung bis zur Veröffentlichung."
    assert removed(report, "footer").count(notice) == 3
    assert "Herausgeber: Landtag Nordrhein-Westfalen, Platz des Landtags 1, 40221 Düsseldorf ISSN 0934-6465" in removed(report, "footer")
    assert notice not in report.text and "ISSN" not in report.text
    assert "Landtag Nordrhein-Westfalen" not in report.text  # the running head of pages 2 and 3
    assert "Drucksache 18/9412" not in report.text


def test_columns_whose_rows_disagree_are_left_as_they_are_and_lose_nothing():
    page = ("Die Zahl der Bäder sank um 3 Prozent.1 Die Kosten stiegen um 9 Prozent.2\n\n"
            "1\n2\n\nErste Zeile ohne Ende\nzweite Zeile ohne Ende\ndritte Zeile ohne Ende\n\n")
    source = page + "\f" + page.replace("3 Prozent", "4 Prozent") + "\f"
    report = parse_report(source.encode(), "txt")
    everything = report.text + " ".join(f.text for f in report.footnotes)
    for words in ("3 Prozent", "4 Prozent", "9 Prozent", "Erste Zeile ohne Ende", "dritte Zeile ohne Ende"):
        assert words in everything


def test_a_sentence_at_one_pages_foot_only_stays_in_the_body():
    pages = [f"Seite {n} beginnt hier mit einem Satz über {n * 7} Bäder.\n\nDer Betrieb kostet jedes Jahr mehr Geld als geplant.\n"
             if n == 2 else f"Seite {n} beginnt hier mit einem Satz über {n * 7} Bäder.\n\nText der Seite {n}.\n" for n in range(1, 5)]
    report = parse_report("\f".join(pages).encode(), "txt")
    assert "Der Betrieb kostet jedes Jahr mehr Geld als geplant." in report.text


def test_an_op_cit_naming_an_organisation_finds_its_note_when_the_full_citation_was_not_read_as_a_reference():
    source = ("Der Umsatz stieg um 12 Prozent.[1] Die Zahl der Betriebe sank.[2] Der Anteil lag bei 40 Prozent.[3]\n\n"
              "Anmerkungen\n\n"
              "[1] Verband kommunaler Unternehmen, Jahresbericht der Bäderbetriebe 2023, S. 12.\n"
              "[2] Statistisches Bundesamt, Fachserie 14, Reihe 3.\n"
              "[3] Verband kommunaler Unternehmen, a. a. O., S. 19.\n")
    report = parse_report(source.encode(), "txt")
    assert notes(report)[3].kind == "op_cit"
    assert notes(report)[3].resolves_to == 1


# --- a U.S. Web Design System page; a DokuWiki page ----------------------------

def test_the_us_government_banner_identifier_and_a_press_releases_end_mark_leave_the_text():
    report = parse("html/uswds-agency-news-release.html", "html")
    for furniture in ("An official website of the United States government", "Here’s how you know", "Official websites use .gov",
                      "Looking for U.S. government information and services?", "Visit USA.gov", "Skip to main content", "###",
                      "Privacy Policy", "News Releases"):
        assert furniture not in report.text, furniture
    assert removed(report, "furniture") == ["###"]
    assert any(r.startswith("An official website of the United States government") for r in removed(report, "header"))
    assert "Barges carried 41.3 million tons of grain through the upper river locks in 2024, up 6% from 2023" in report.text
    # after the end mark the agency's own line stays: only the mark itself is furniture
    assert "The Bureau of River Commerce publishes monthly lock statistics on its data page." in report.text
    assert report.date == "2025-03-04"  # the dateline, not the page's "Last updated"


def test_a_dokuwiki_page_loses_its_tools_and_page_id_and_is_dated_by_its_last_change():
    report = parse("html/dokuwiki-de-ortschronik.html", "html")
    assert report.title == "Die Wassermühle von Lindental"
    assert report.date == "2023-11-07"  # "Zuletzt geändert: 2023/11/07 09:41": the only date the page has
    assert report.text.startswith("Die Wassermühle von Lindental\n")
    for furniture in ("Benutzer-Werkzeuge", "Anmelden", "Webseiten-Werkzeuge", "chronik:wassermuehle_lindental", "Zuletzt geändert"):
        assert furniture not in report.text, furniture
    assert marker_after(report, 1).endswith("Getreide für 14 Dörfer")
    assert "1974 kaufte die Gemeinde das Gebäude für 38 000 Mark." in report.text


# --- a French parliamentary report's cover --------------------------------------

def test_a_french_parliamentary_reports_cover_gives_its_subject_rapporteurs_and_date():
    report = parse("text/assemblee-rapport-information-cover.txt", "txt")
    assert report.title == "Les lignes de cars express en zone périurbaine"
    assert report.authors == ["Louise Bertin", "Karim Ouali"]  # "Mme" and, in French, "M." are civilities
    assert report.date == "2024-06-12"
    cover = removed(report, "cover")
    for line in ("N° 2417", "ASSEMBLÉE NATIONALE", "SEIZIÈME LÉGISLATURE", "Par Mme Louise BERTIN et M. Karim OUALI,", "Députés"):
        assert line in cover
    # the report's own sentence stays, with its subject; a heading in capitals leaves the prose under it
    assert "PAR LA COMMISSION DU DÉVELOPPEMENT DURABLE ET DE L’AMÉNAGEMENT DU TERRITOIRE sur les lignes de cars express" in report.text
    assert "\n\nINTRODUCTION\n\nEn 2023, 214 lignes de cars express desservaient les couronnes périurbaines, contre 96 en 2015." in report.text


def test_m_is_an_initial_outside_a_french_byline():
    from claimdesk.sources.header import parse_author_line
    assert parse_author_line("By J. M. Smith and M. Night Shyamalan") == ["J. M. Smith", "M. Night Shyamalan"]
    assert parse_author_line("Par Mme Hélène MARCHAND et M. Thierry VAUBAN,") == ["Hélène Marchand", "Thierry Vauban"]


def test_a_line_in_capitals_that_ends_a_clause_is_no_heading():
    source = "Lock closures, a review\n\nThe review covers 2023.\n\nWASHINGTON —\nThe agency said on Monday that 41 locks closed.\n"
    report = parse_report(source.encode(), "txt")
    assert report.text.endswith("\n\nWASHINGTON — The agency said on Monday that 41 locks closed.")


# --- a PDF turned into HTML by pdftohtml ----------------------------------------

PDFTOHTML = "html/poppler-pdftohtml-discussion-paper.html"


def test_a_pdf_in_pdftohtml_dress_is_read_as_pdftotext_text_pages_notes_and_cover():
    report = parse(PDFTOHTML, "html")
    assert report.title == "Ferry Fares and Island Jobs"  # not "Microsoft Word - HE_DP212_final.docx"
    assert report.authors == ["Marta Quist", "Owen Baptiste"]  # not the PDF's Author field, a login
    assert [page.label for page in report.pages] == ["1", "2", "3"]
    assert {n: f.text for n, f in notes(report).items()} == {
        1: "Island Transport Board, Annual Fares Review 2022, p. 8.", 2: "Ibid., p. 11.",
        3: "Island Transport Board, op. cit., p. 14."}
    assert marker_after(report, 1).endswith("mainland bus fares rose by 7 percent.")
    assert marker_after(report, 3).endswith("of their pas-sengers.")
    assert notes(report)[3].resolves_to == 1
    assert removed(report, "header") == ["Ferry Fares and Island Jobs"] * 2
    assert "&#160;" not in report.text and "\u00a0" not in report.text and "Harbour Economics Discussion Paper 212" in report.text


def test_a_word_hyphenated_at_a_lines_end_reads_whole_only_where_the_document_spells_it_whole():
    report = parse(PDFTOHTML, "html")
    assert "the employment effects of fares" in report.text  # "em-" / "ployment": "employment" is in the text
    assert "pas-sengers" in report.text  # "passengers" is nowhere else: the hyphen stays, as printed
    assert any("1 word(s) hyphenated" in w for w in report.warnings)
    kept = parse_report(b"Fares\n\nThe review covers 2023.\n\nThe well-known route and the well-\nknown fare.\n", "txt")
    assert kept.text.endswith("The well-known route and the well-known fare.")  # the document writes it with its hyphen


def test_html_that_only_names_pdftohtml_is_read_as_html():
    source = b'<html><head><meta name="generator" content="pdftohtml 0.36"></head><body><p>One page, 12 ferries.</p></body></html>'
    assert parse_report(source, "html").text == "One page, 12 ferries."


# --- a GPO text (Federal Register), as a .txt and as GovInfo's <pre> page --------

GPO = "text/govinfo-federal-register-notice.txt"


def _assert_read_as_a_gpo_text(report):
    assert report.title == "Small Shipyard Grants; Report on Awards for Fiscal Year 2023"  # the paragraph over AGENCY:
    assert report.date == "2023-10-19"  # the issue's
    assert [page.label for page in report.pages] == ["72031", "72032"]  # "[Pages 72031-72032]" names the first
    assert {n: f.text for n, f in notes(report).items()} == {
        1: "46 U.S.C. 54101.", 2: "MARAD, Small Shipyard Grant Program, Application Summary FY 2023 (June 2023), p. 3.",
        3: "88 FR 10544 (February 21, 2023).", 4: "Id. at 10546."}
    assert notes(report)[4].resolves_to == 3
    assert marker_after(report, 1).endswith("to 22 small shipyards in 14 States.")
    assert marker_after(report, 4).endswith("Shipyards in rural areas received 9 of the 22 awards.")  # across the page break
    # "1. Selection." is the body's numbering: GPO notes are called "\1\" only
    assert "were given priority.\n\n2. Awards. The largest award was $1.8 million;" in report.text
    for furniture in ("BILLING CODE", "[FR Doc", "[Notices]", "---", "\\1\\", "[Page"):
        assert furniture not in report.text, furniture
    assert "BILLING CODE 4910-81-P" in removed(report, "header")


def test_a_gpo_text_file_is_read_by_its_conventions():
    _assert_read_as_a_gpo_text(parse(GPO, "txt"))


def test_govinfos_pre_page_is_read_as_the_text_it_wraps():
    text = (FIXTURES / GPO).read_text()
    page = ("<html>\n<head>\n<title>Federal Register, Volume 88 Issue 201 (Thursday, October 19, 2023)</title>\n</head>\n"
            f"<body><pre>\n{text.replace('&', '&amp;').replace('<', '&lt;')}</pre></body>\n</html>\n")
    _assert_read_as_a_gpo_text(parse_report(page.encode(), "html"))


def test_a_page_with_a_code_sample_in_pre_is_read_as_html():
    page = (b"<html><body><h1>Tuning the pumps</h1><p>Each of the 14 pumps reports its flow every 5 minutes, "
            b"and the controller averages the last 12 readings before it acts on them.</p><pre>flow = mean(readings[-12:])</pre>"
            b"<p>The average smooths out the 30-second surges that follow a valve change.</p></body></html>")
    report = parse_report(page, "html")
    assert report.title == "Tuning the pumps" and "flow = mean(readings[-12:])" in report.text


# --- a Russian act from ConsultantPlus, through pdftotext --------------------------

def test_a_consultantplus_act_loses_the_services_cover_and_stamps_and_keeps_its_notes():
    report = parse("text/consultantplus-prikaz-pdftotext.txt", "txt")
    assert report.title == "Об утверждении порядка расчета субсидий на перевозки пассажиров речным транспортом"
    assert report.date == "2023-09-21"
    assert [page.label for page in report.pages] == ["1", "2", "3"]  # the service's cover is its page 1
    assert report.text.startswith("МИНИСТЕРСТВО ТРАНСПОРТА РОССИЙСКОЙ ФЕДЕРАЦИИ")
    for furniture in ("КонсультантПлюс", "Дата сохранения", "Страница", "www.consultant.ru", "<1>", "-----"):
        assert furniture not in report.text, furniture
    assert removed(report, "header").count("Дата сохранения: 02.11.2023") == 2  # the block over pages 2 and 3
    assert {n: f.text for n, f in notes(report).items()} == {
        1: "Пункт 4 Правил, утвержденных постановлением Правительства Российской Федерации от 15 мая 2019 г. N 601.",
        2: "Там же, пункт 7.", 3: "Данные Федерального агентства морского и речного транспорта за 2022 год."}
    assert notes(report)[2].resolves_to == 1
    assert marker_after(report, 1).endswith("не менее 120 рейсов за навигацию")
    assert marker_after(report, 3).endswith("на общую сумму 412,6 млн рублей")


def test_a_block_of_lines_over_every_page_is_furniture_and_one_over_two_pages_is_not_unless_long():
    stamp = "Filed 03/04/24 in the Harbour County Court\nCase 2:24-cv-00412\n\n"
    pages = [stamp + f"Page {n} opens with its own sentence about {n * 4} ferries.\n\nMore text on page {n}.\n" for n in range(1, 5)]
    report = parse_report("\f".join(pages).encode(), "txt")
    assert "Filed" not in report.text and "Case 2:24-cv-00412" not in report.text
    assert [r.text for r in report.removed].count("Case 2:24-cv-00412") == 4  # the first page's as the cover
    short = [f"Summary of the findings\nThe ferries\n\nPage {n} says {n * 4} ferries sailed.\n" for n in range(1, 3)]
    kept = parse_report(("Title\n\n\f" + "\f".join(short)).encode(), "txt")
    assert kept.text.count("Summary of the findings") == 2  # two lines on two pages may be the text's own


def test_angle_numbers_without_their_notes_stay_as_written():
    report = parse_report("Ferry report\n\nThe vote was <1> in favour and <2> against.\n\nIt passed.\n".encode(), "txt")
    assert "The vote was <1> in favour and <2> against." in report.text and not report.footnotes


# --- a Dutch parliamentary paper on officielebekendmakingen.nl ---------------------

def test_pop_up_notes_of_a_kamerstuk_are_notes_without_their_close_button_or_printed_number():
    report = parse("html/officielebekendmakingen-kamerstuk-noten.html", "html")
    assert report.title == "Voortgang overwegenaanpak 2023"
    assert report.date == "2024-02-12"  # DCTERMS.available
    assert {n: f.text for n, f in notes(report).items()} == {
        1: "ProRail, Jaarverslag 2023, p. 61.", 2: "Ibidem, p. 64.", 3: "Kamerstuk 29 984, nr. 1057."}
    assert notes(report)[2].resolves_to == 1
    assert marker_after(report, 2).endswith("naar 24 in 2023.")
    for furniture in ("Direct naar content", "Permanente link", "Download PDF", "X Noot", "Noot"):
        assert furniture not in report.text, furniture
    assert "Voor de periode tot 2027 is € 212 miljoen beschikbaar." in report.text


# --- an EPUB chapter exported from InDesign -------------------------------------

def test_an_epub_chapters_notes_linked_by_file_name_are_its_notes():
    report = parse("html/epub3-indesign-chapter-notes.html", "html")
    assert {n: f.text for n, f in notes(report).items()} == {
        1: "Harbour Board, Annual Report 1951, p. 17.", 2: "Ibid., p. 9 of the 1964 report.",
        3: "Borough Council, minutes, 12 October 1967."}
    assert notes(report)[2].resolves_to == 1
    assert marker_after(report, 1).endswith("41,000 tons of coal in 1951")  # "chapter05.xhtml#footnote-031"
    assert marker_after(report, 3).endswith("for £18,500 in 1967")
    assert [page.label for page in report.pages] == ["112", "113"]
    # a link to another chapter's element stays a link of the text
    assert "see also the map in chapter 2." in report.text


def test_op_cit_after_commentary_names_the_work_after_the_last_see():
    from claimdesk.sources.references import op_cit_key
    assert op_cit_key("Sur les projets comparables en Europe, voir J. Aubrac-Lenoir, op. cit., p. 201-205.")[0] == "aubrac lenoir"
    assert op_cit_key("For the later figures, see Harrow, op. cit., p. 9.")[0] == "harrow"


# --- MultiMarkdown (Scrivener's compile), HackMD's marks ------------------------

def test_a_multimarkdown_header_gives_the_metadata_and_leaves_the_text_for_removed():
    report = parse("markdown/multimarkdown-scrivener-compile.md", "md")
    assert (report.title, report.authors, report.date) == ("The Ferry Timetable Review", ["Ida Marsh"], "2023-06-12")
    assert "Title:" not in report.text and "Base Header Level" not in report.text and "Keywords" not in report.text
    assert removed(report, "header")[:3] == ["Title: The Ferry Timetable Review", "Author: Ida Marsh", "Date: 12 June 2023"]
    assert "islands" in removed(report, "header")  # a value's second line
    assert "\n\nTable 1: Daily sailings by season\n\n" in report.text  # the caption, not a row of the table
    assert "[Table 1" not in report.text and "Winter; 9\n\n" in report.text
    assert "The review found two routes losing money." in report.text  # "==two routes==": the words, not the marks


def test_text_that_only_looks_like_a_multimarkdown_header_stays():
    source = "Note: the figures below are provisional.\nSummary: 14 sailings a day.\n\nMore text.\n"
    report = parse_report(source.encode(), "md")
    assert "Note: the figures below are provisional." in report.text and "Summary: 14 sailings a day." in report.text


def test_hackmd_author_tags_leave_the_text_and_equal_signs_of_prose_stay():
    source = ("# Vote\n\nTurnout rose to 1.672 people. [name=Okan Y] [time=Sat, Feb 10, 2024 6:41 PM] [color=#2f7fbf]\n\n"
              "In the code, a == b and x==y stay as written.\n")
    report = parse_report(source.encode(), "md")
    assert "Turnout rose to 1.672 people." in report.text and "[name=" not in report.text and "[time=" not in report.text
    assert "a == b and x==y stay as written." in report.text


# --- a page captured by the Wayback Machine, wagtail-footnotes ---------------------

def test_the_wayback_toolbar_leaves_the_text_and_a_notes_printed_label_leaves_the_note():
    report = parse("html/wayback-capture-wagtail-footnotes.html", "html")
    assert report.title == "Bus franchising, one year in" and report.authors == ["Ada Okafor"]
    assert "Wayback Machine" not in report.text and "web.archive.org" not in report.text
    assert any(r.startswith("The Wayback Machine - https://web.archive.org/") for r in removed(report, "header"))
    assert {n: f.text for n, f in notes(report).items()} == {
        1: "Transport Authority, Franchising Annual Report 2023, p. 6.", 2: "Ibid. The cap ended in March 2024."}
    assert notes(report)[2].kind == "ibid" and notes(report)[2].resolves_to == 1
    assert marker_after(report, 2).endswith("Fares were capped at £2 for 14 months.")


def test_a_bracketed_number_opening_a_note_stays_unless_it_is_the_notes_own_label():
    source = "Ferries\n\nThe fare rose by 9%.[^a]\n\n[^a]: [2] is the second table of the report, p. 4.\n"
    report = parse_report(source.encode(), "md")
    assert report.footnotes[0].text == "[2] is the second table of the report, p. 4."


# --- a journal article downloaded from JSTOR, through pdftotext --------------------

JSTOR = "text/jstor-article-pdftotext.txt"


def test_jstors_cover_page_gives_the_metadata_and_leaves_the_text():
    report = parse(JSTOR, "txt")
    assert report.title == "Tram Fares and Working-Class Commuting in Edwardian Leeds"
    assert report.authors == ["Harriet J. Mallory", "Tomas Lind"]
    assert report.date == "2019"  # "(Spring 2019)"
    assert len(report.pages) == 5  # the cover stays the PDF's first page, emptied
    for furniture in ("JSTOR", "Stable URL", "Accessed:", "This content downloaded", "about.jstor.org"):
        assert furniture not in report.text, furniture
    assert "Journal of Urban Transport History" not in report.text  # the left pages' running head, twice
    assert report.text.startswith("TRAM FARES AND WORKING-CLASS COMMUTING IN EDWARDIAN LEEDS")


def test_a_call_glued_to_a_whole_number_that_ends_a_sentence_is_read_and_warned_of():
    report = parse(JSTOR, "txt")
    assert marker_after(report, 3).endswith("counted an average load of 58.")  # "58.3 In section": note 3, next due
    assert any("marker 3 read after 58." in w for w in report.warnings)
    assert "In section 4.2 The committee's own figures" in report.text  # a part's number stays whole
    assert "a fare revenue of 3.1 per cent" in report.text


def test_a_decimal_before_a_capital_stays_whole_when_no_note_is_due():
    page = "The load factor was 58.3 In the evening it fell.\n\nMore text.\n\n1 A note that no marker calls, p. 4.\n"
    report = parse_report(("Title\n\n\f" + page + "\f" + page.replace("1 A note", "2 A note")).encode(), "txt")
    assert report.text.count("The load factor was 58.3 In the evening it fell.") == 2


# --- a Hansard debate page ----------------------------------------------------------

def test_a_debate_keeps_who_spoke_and_loses_its_column_numbers_and_controls():
    report = parse("html/hansard-debate-speakers.html", "html")
    assert report.title == "Rural Bus Services" and report.date == "2024-05-15"  # the subtitle under the title dates it
    assert ("Ruth Calloway\n\n(Fenmoor) (LD)\n\nSince 2010 my county has lost 41 of its 96 bus routes." in report.text)
    assert "Owen Tregarth\n\nThe Minister for Roads and Local Transport\n\nThe Government have provided £160 million" in report.text
    assert removed(report, "page-number") == ["Column 412"]
    for furniture in ("Column 412", "Previous debate", "Download text", "Next debate", "© UK Parliament"):
        assert furniture not in report.text, furniture


# --- a GAO accessible text file -------------------------------------------------

def test_a_gao_accessible_text_file_is_read_by_its_conventions():
    report = parse("text/gao-accessible-text-airport-noise.txt", "txt")
    assert report.title == "Airport Noise Grants: FAA's Program Reaches Fewer Homes Each Year as Costs per Home Rise"
    assert report.date == "2011-03-03" and report.authors == ["U.S. Government Accountability Office"]
    assert [n.number for n in report.footnotes] == [1, 2, 3]
    assert notes(report)[1].text == "Noise grants are one category of the Airport Improvement Program; see 49 U.S.C. § 47504."
    assert marker_after(report, 1).endswith("awarded $2.9 billion in noise grants to airports.")
    assert marker_after(report, 3).endswith("or by 73.5 percent.")
    assert "about 51,000 homes, 1,200 fewer than FAA's own estimate." in report.text
    assert "Officials at 9 of the 12 airports we visited said that older homes need more work." in report.text
    for furniture in ("[Footnote", "accessible text file", "not subject to copyright", "[End of section]", "GAO's Mission",
                      "Order by Phone", "dawnr@gao.gov"):
        assert furniture not in report.text
    assert removed(report, "header")[0].startswith("This is the accessible text file for GAO report number GAO-11-287")
    assert len(removed(report, "licence")) == 2 and removed(report, "furniture").count("[End of section]") == 2
    assert "Ralph Dawn, Managing Director, dawnr@gao.gov, (202) 512-4400." in removed(report, "footer")[0]


def test_a_text_that_only_quotes_a_gao_preamble_later_is_not_read_as_one():
    text = ("Audit notes\n\nWe read the file. It said: This is the accessible text file for GAO report number "
            "GAO-11-287 entitled 'X' which was released on March 3, 2011.\n\nThe total was $2.9 billion.[Footnote 1]\n")
    report = parse_report(text.encode(), "txt")
    assert "This is the accessible text file" in report.text and "[Footnote 1]" in report.text


# --- a digitised book as HathiTrust's plain text ----------------------------------

def test_hathitrust_page_lines_label_the_pages_and_go_with_the_running_heads_and_watermark():
    report = parse("text/hathitrust-oyster-fisheries.txt", "txt")
    assert [page.label for page in report.pages] == ["1", "iv", "11", "12"] or [page.label for page in report.pages][1:] == ["iv", "11", "12"]
    for furniture in ("## p.", "(#19)", "####", "Digitized by Google", "CHAP. I.] THE BEDS IN 1850", "12 THE OYSTER FISHERIES", "iv PREFACE"):
        assert furniture not in report.text
    assert any(line.startswith("## p. 11 (#19)") for line in removed(report, "page-number"))
    assert "CHAP. I.] THE BEDS IN 1850. 11" in removed(report, "header")
    assert "In the season of 1850 the Board's smacks took 2,340 wash of oysters from the public beds," in report.text


def test_a_title_page_in_capitals_gives_the_title_the_author_and_the_year():
    report = parse("text/hathitrust-oyster-fisheries.txt", "txt")
    assert report.title == "A TREATISE ON THE OYSTER FISHERIES OF THE COLNE"
    assert report.authors == ["HENRY ASHDOWN FELL"] and report.date == "1859"
    assert "WITH TABLES OF THE DREDGING RETURNS." in report.text  # a subtitle is text, not lost
    assert "SURVEYOR TO THE COLNE FISHERY BOARD." in report.text


def test_notes_marked_with_symbols_restarting_on_each_page_are_numbered_in_order():
    report = parse("text/hathitrust-oyster-fisheries.txt", "txt")
    texts = [note.text for note in report.footnotes]
    assert texts[:4] == [
        "The book of 1852 is lost; its figures are taken from the Board's minutes.",
        "A wash is 21 quarts and one pint, by the Act of 1701.",
        "Returns, p. 4.",
        "Ibid. p. 6; the frost is described at length in the Essex Standard of that month.",
    ]
    assert marker_after(report, 1).endswith("but the totals.")
    assert marker_after(report, 2).endswith("from the public beds,")
    assert marker_after(report, 3).endswith("The fall was laid at the door of the winter of 1848,")
    assert marker_after(report, 4).endswith("when the ice lay on the Geedon flats for five weeks.")
    assert notes(report)[4].kind == "ibid" and notes(report)[4].resolves_to == 3
    assert any("marked *, †, ‡" in warning for warning in report.warnings)


def test_symbol_notes_called_out_of_their_order_are_left_as_they_are():
    page = ("## p. 3 (#9) " + "#" * 50 + "\n\nThe mill ground 40 quarters,† and the other 25.*\n\n* The lower mill.\n"
            "† Its own book.\n\n## p. 4 (#10) " + "#" * 50 + "\n\nNothing more.\n")
    report = parse_report(page.encode(), "txt")
    assert "The mill ground 40 quarters,† and the other 25.*" in report.text and report.footnotes == []
    assert "The lower mill." in report.text and "† Its own book." in report.text


def test_a_page_whose_symbol_is_also_used_in_its_text_keeps_its_marks_and_notes_as_they_are():
    report = parse("text/hathitrust-oyster-fisheries.txt", "txt")
    assert "The dredgermen themselves blamed the spat-fall.* By the rule of § 12 of the Board's byelaws" in report.text
    assert "§ The byelaws of 1838, printed at the end of this volume." in report.text
    assert len(report.footnotes) == 4


# --- op. cit. after "quoted in", and compound surnames ------------------------------

def test_an_op_cit_of_a_source_quoted_in_another_work_resolves_to_that_work():
    text = ("Harbour notes\n\nThe port handled 40 ships in 1851.[1] The board met twice.[2] The rule dates from 1733.[3] "
            "The mayor wrote in 1852.[4]\n\nNotes\n\n"
            "[1] María Lafuente Sancho, Agua y concejo en el Bajo Aragón (Teruel: IET, 2009), p. 45.\n"
            "[2] Harbour Board, Patrimonio del Puerto Mayor (Valdecarro, 2001), p. 3.\n"
            "[3] Ordenanzas del Puerto Mayor (1733), cap. 12, transcritas en Lafuente, op. cit., p. 201.\n"
            "[4] Letter of 3 May 1852, quoted in Lafuente Sancho, op. cit., p. 9.\n")
    report = parse_report(text.encode(), "txt")
    assert [(n.kind, n.resolves_to) for n in report.footnotes][2:] == [("op_cit", 1), ("op_cit", 1)]
