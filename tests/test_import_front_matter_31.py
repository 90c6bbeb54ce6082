"""Classes from blind30's pdftotext documents (a UN commission's project paper, a journal article
served by a repository), each with a fixture of our own.

- The front matter of a published report: a cover page, the publisher's plug page of web addresses,
  an inner title page repeating the cover, and the imprint page (copyright block, suggested citation,
  terms of reproduction, disclaimer). The publisher's paragraphs go to `removed`; the note on who
  prepared the report stays; the copyright year dates it; the cover's authors are no running footer.
- A table laid out with spaces (`pdftotext -layout`): its rows stay lines, so figures in adjacent
  columns never read as one figure grouped by spaces.
- A repository's cover page in front of a paper (EconStor): the catalogue record gives title,
  authors and year; the page goes to `removed`.
- Notes at the foot of a column, mid-page, each number alone on its line; a table's own note
  labelled ¹ among them does not restart the count.
- A soft hyphen where a line breaks: the word is one word.
"""

from __future__ import annotations

from claimdesk.sources.importer import parse_report

_PROJECT_PAPER = (
    "PROJECT DOCUMENTS\n\n\n\n"
    "Drinking water tariffs in small\ntowns of the Andean highlands\nThe cases of Villa Serrano, Altomayo\nand Puerto Quimsa\n\n\n"
    "Rosa Calderón Vega\nMartín Ibarra Sosa\n\n\n\n"
    "UNITED NATIONS\n                                  German Cooperation\n"
    "COMMISSION                                  Programme ECO-BMZ/GIZ\n"
    "\f"
    "Thank you for your interest in\nthis publication of the Commission\n\n"
    "Register to receive news of our books and events.\n\n"
    "     Register here\n\n\n"
    "     www.example-commission.org/publications\n\n"
    "     www.instagram.com/commissionbooks\n\n"
    "     www.facebook.com/commissionbooks\n\n"
    "     www.example-commission.org/apps\n"
    "\f"
    "Project Documents\n\n\n\n"
    "Drinking water tariffs in small\ntowns of the Andean highlands\nThe cases of Villa Serrano, Altomayo and Puerto Quimsa\n\n\n"
    "Rosa Calderón Vega\nMartín Ibarra Sosa\n\n\n\n"
    "UNITED NATIONS\n                                  German Cooperation\n"
    "COMMISSION                                  Programme ECO-BMZ/GIZ\n"
    "\f"
    "This document was prepared by Rosa Calderón Vega, consultant of the Natural Resources Division,\n"
    "and Martín Ibarra Sosa, Economic Affairs Officer of the same Division.\n\n"
    "The views expressed in this document, which has not been formally edited, are the sole\n"
    "responsibility of the authors and may not reflect the views of the Organization.\n\n\n"
    "United Nations publication\nLC/TS.2023/112\nDistribution: L\nCopyright © United Nations, 2023\n"
    "All rights reserved\nPrinted at United Nations, Santiago\nS.23-00877\n\n\n"
    "This publication should be cited as: R. Calderón Vega and M. Ibarra Sosa, \"Drinking water tariffs in small\n"
    "towns of the Andean highlands\", Project Documents (LC/TS.2023/112), Santiago, 2023.\n\n"
    "Applications for authorization to reproduce this work in whole or in part should be sent to the\n"
    "Publications Division. Member States may reproduce this work without prior authorization.\n"
    "\f"
    "COMMISSION                                       Drinking water tariffs in small towns...\n\n\n"
    "Summary\n"
    "This paper reviews the tariffs of three small water utilities between 2018 and 2022. The average\n"
    "bill rose by 23% in real terms, and the share of households in arrears reached 14.6% in Altomayo.\n\n"
    "                                        Table 1\n"
    "                     Utilities in the study, 2022\n\n"
    "Indicator                                   Villa Serrano        Altomayo        Puerto Quimsa\n"
    "Inhabitants (thousands)                               215             148                  61\n"
    "Connected households                               54.800          37.100              15.300\n"
    "Average monthly bill (dollars)                       18,4            21,7                16,2\n\n"
    "Source: own elaboration on utility data.\n\n"
    "                                                                                                 3\n"
    "\f"
    "COMMISSION                                       Drinking water tariffs in small towns...\n\n\n"
    "Conclusions\n"
    "Targeted subsidies reached 41% of the poorest households in Villa Serrano, against 17% in Puerto Quimsa.\n\n"
    "                                                                                                 4\n"
)


def _kinds(report, kind: str) -> list[str]:
    return [item.text for item in report.removed if item.kind == kind]


def test_the_imprint_page_goes_as_licence_and_the_note_on_who_prepared_the_report_stays():
    report = parse_report(_PROJECT_PAPER.encode(), "txt")
    text = " ".join(report.text.split())
    assert "This document was prepared by Rosa Calderón Vega" in text
    for publishers in ("Copyright © United Nations", "All rights reserved", "should be cited as",
                       "Applications for authorization to reproduce", "The views expressed in this document", "S.23-00877"):
        assert publishers not in text, publishers
        assert any(publishers in piece for piece in _kinds(report, "licence")), publishers
    assert report.date == "2023"  # the copyright's year: nothing else dates the paper


def test_the_plug_page_and_the_inner_title_page_go_and_the_cover_names_the_authors():
    report = parse_report(_PROJECT_PAPER.encode(), "txt")
    text = " ".join(report.text.split())
    assert report.title == ("Drinking water tariffs in small towns of the Andean highlands: "
                            "The cases of Villa Serrano, Altomayo and Puerto Quimsa")
    assert report.authors == ["Rosa Calderón Vega", "Martín Ibarra Sosa"]  # printed on two pages: no running footer
    assert "www.instagram.com/commissionbooks" not in text and "Thank you for your interest" not in text
    assert any("www.instagram.com/commissionbooks" in piece for piece in _kinds(report, "furniture"))
    assert "Project Documents" not in text  # the inner title page, which repeats the cover
    assert "Project Documents" in _kinds(report, "cover")


def test_a_table_laid_out_with_spaces_keeps_its_rows_so_no_two_cells_read_as_one_figure():
    report = parse_report(_PROJECT_PAPER.encode(), "txt")
    assert "215 148 61" not in report.text and "54.800 37.100" not in report.text
    rows = [line.split() for line in report.text.split("\n")]
    assert ["Inhabitants", "(thousands)", "215", "148", "61"] in rows
    assert ["Connected", "households", "54.800", "37.100", "15.300"] in rows
    assert "the share of households in arrears reached 14.6% in Altomayo." in " ".join(report.text.split())


def test_justified_prose_with_wide_gaps_is_no_table():
    paper = ("Water report\n\nAn introduction that runs over a line or two of prose, as a report's first paragraph does.\n\n"
             "The   utility   served   about   215   households   in   2019   and   the   levy   rose\n"
             "by   4%   in   2020,   after   the   council   agreed   a   new   tariff   for   12   months.\n\f"
             "A second page of prose follows here, with no table on it at all.\n")
    report = parse_report(paper.encode(), "txt")
    assert "The utility served about 215 households in 2019 and the levy rose by 4% in 2020," in report.text


_REPOSITORY_COVER = (
    "A Service of\n\neconstor\nMake Your Publications Visible.\n\n"
    "Leibniz-Informationszentrum\nWirtschaft\nLeibniz Information Centre\nfor Economics\n\n"
    "Hartlieb, Johanna; Sommer, Tobias\nWorking Paper\n\n"
    "Gebühren für kommunale Bibliotheken: Eine\nBestandsaufnahme für 2022\n"
    "Diskussionspapier, No. 17\nProvided in Cooperation with:\nInstitut für Kommunalfinanzen, Kassel\n"
    "Suggested Citation: Hartlieb, Johanna; Sommer, Tobias (2023) : Gebühren für kommunale\n"
    "Bibliotheken: Eine Bestandsaufnahme für 2022, Diskussionspapier, No. 17, Kassel\n"
    "This Version is available at:\nhttps://hdl.handle.net/10419/123456\n\n"
    "Terms of use:\nDocuments in EconStor may be saved and copied for\nyour personal and scholarly purposes.\n\n"
    "www.econstor.eu\n"
    "\f"
    "Gebühren für kommunale Bibliotheken\n\nJohanna Hartlieb und Tobias Sommer\n\n"
    "Im Jahr 2022 erhoben 61% der befragten Gemeinden eine Jahresgebühr für Erwachsene; im Mittel\n"
    "betrug sie 18,50 Euro. Das sind 2,30 Euro mehr als 2018.\n"
)


def test_a_repository_cover_page_gives_title_authors_and_year_and_goes_to_removed():
    report = parse_report(_REPOSITORY_COVER.encode(), "txt")
    assert report.title == "Gebühren für kommunale Bibliotheken: Eine Bestandsaufnahme für 2022"
    assert report.authors == ["Johanna Hartlieb", "Tobias Sommer"]
    assert report.date == "2023"
    for furniture in ("Make Your Publications Visible", "Suggested Citation", "hdl.handle.net", "Terms of use"):
        assert furniture not in report.text, furniture
    assert "Documents in EconStor may be saved and copied for" in _kinds(report, "licence")
    assert "betrug sie 18,50 Euro. Das sind 2,30 Euro mehr als 2018." in " ".join(report.text.split())


def test_without_the_repository_s_record_a_first_page_is_read_as_before():
    report = parse_report(_REPOSITORY_COVER.replace("This Version is available at:", "Available:").encode(), "txt")
    assert "Suggested Citation: Hartlieb, Johanna" in report.text  # not the repository's cover: its record stays
    assert report.authors != ["Johanna Hartlieb", "Tobias Sommer"] or report.title != "Gebühren für kommunale Bibliotheken: Eine Bestandsaufnahme für 2022"


_TWO_COLUMNS = (
    "FORSCHUNG\n\n"
    "Lena Achterberg\n\n"
    "Kommunale Eisbahnen vor dem Aus?\n\n"
    "Viele Eisbahnen sind alt, und die Energiepreise treiben die Defizite. Wir zeigen auf Basis einer\n"
    "Befragung, wie hoch der Sanierungsbedarf ist und welche Hallen schließen könnten.\n\n"
    "Die Zahl der kommunalen Eisbahnen ist seit 2005 um 14% gesunken.1 Viele\n"
    "Hallen wurden in den 1970er-Jahren gebaut und sind sanierungs\u00ad\nbedürftig, die jährlichen\n"
    "1\n\n"
    "Vgl. Verband Eissport (2023, S. 4). Gezählt sind nur\nüberdachte Anlagen.\n"
    "2\n"
    "Die Befragung lief von März bis Mai 2023 bei 212\nGemeinden.\n\n"
    "Zeitschrift für Kommunales 4 / 2024\n\n"
    "Kosten liegen bei 1,4 Mio. Euro je Halle. Befragt wurden 212 Gemeinden.2\n\n"
    "                                        11\n"
    "\f"
    "FORSCHUNG\n\n"
    "Tab. 1\nAnlagen nach Größe\nAnteil¹\n"
    "¹ Anteil der Hallen mit geplanter Sanierung bis 2028.\n\n"
    "Der Energieanteil stieg von 21,0% auf 30,5%.3 Das belastet vor allem kleine\n"
    "Gemeinden mit weniger als 20 000 Einwohnern, die 62% der Hallen betreiben.\n"
    "3\n\n"
    "Strom und Kältetechnik, ohne Personalkosten. Stand: 31. Dezember 2023.\n\n"
    "Die Betreiber rechnen bis 2028 mit weiteren Schließungen.\n\n"
    "                                        12\n"
)


def test_notes_at_the_foot_of_a_column_are_read_with_their_numbers_on_their_own_lines():
    report = parse_report(_TWO_COLUMNS.encode(), "txt")
    by_label = {note.number: note.text for note in report.footnotes}
    assert by_label[1] == "Vgl. Verband Eissport (2023, S. 4). Gezählt sind nur überdachte Anlagen."
    assert by_label[2] == "Die Befragung lief von März bis Mai 2023 bei 212 Gemeinden."
    assert by_label[3] == "Strom und Kältetechnik, ohne Personalkosten. Stand: 31. Dezember 2023."
    text = " ".join(report.text.split())
    assert "ist seit 2005 um 14% gesunken. Viele" in text
    assert "Vgl. Verband Eissport" not in text
    assert "Kosten liegen bei 1,4 Mio. Euro je Halle." in text  # the other column's text, after the notes
    assert "Der Energieanteil stieg von 21,0% auf 30,5%." in text


def test_a_soft_hyphen_where_a_line_breaks_leaves_the_word_whole():
    report = parse_report(_TWO_COLUMNS.encode(), "txt")
    assert "sanierungsbedürftig" in report.text and "sanierungs bedürftig" not in report.text


# --- blind31's first reading: a working paper's cover, imprint page and back cover -------------

_WORKING_PAPER = (
    "IWO Working Paper 41\nMarch / 2024\n\n"
    "Night shifts in municipal\nbus depots: evidence from\nfour cities\n\n"
    "Authors / Ana Lindqvist, Pedro Osei\n"
    "\f"
    "Copyright © International Workers Organization 2024\n\n"
    "First published 2024\n\n"
    "Publications of the Organization enjoy copyright. Short excerpts may be reproduced without\n"
    "authorization, on condition that the source is indicated.\n\n"
    "IWO Cataloguing in Publication Data\n\n"
    "Lindqvist, Ana; Osei, Pedro\n\n"
    "ISBN: 9789220000017 (print)\nISSN: 2708-0000\n\n"
    "The designations employed in IWO publications do not imply the expression of any opinion\n"
    "whatsoever on the part of the Organization.\n\n"
    "Suggested citation:\n\n"
    "Lindqvist, A., Osei, P. 2024. Night shifts in municipal bus depots, IWO Working Paper 41.\n\n"
    "The authors thank the four transport operators for their data.\n\n"
    "Printed in Switzerland\n"
    "\f"
    "01\n\nIWO Working Paper 41\n\n"
    "Contents\n\n"
    "Introduction .................................................... 02\n"
    "Results ......................................................... 03\n\n"
    "List of tables\n\n"
    "Table 1. Night shifts by city, 2023 ............................... 03\n"
    "\f"
    "02\n\nIWO Working Paper 41\n\n"
    "Introduction\n\n"
    "Depot staff in the four cities worked 1,812 night shifts in 2023, 14.2 per cent more than in 2019.\n"
    "\f"
    "03\n\nIWO Working Paper 41\n\n"
    "Results\n\n"
    "Night shifts paid a premium of 25 per cent in two cities and of 15 per cent in the others.\n\n"
    "Total                          1,812          941          14.2\n"
    "\f"
    "Decent work for all\n"
    "The Organization brings together governments, employers and workers.\n\n"
    "Contact details\n\nInternational Workers Organization\nRue des Exemples 4\n1211 Geneva 22\n\n"
    "E: depots@example.org\n\n"
    "© International Workers Organization 2024\n"
)


def test_a_working_paper_s_cover_gives_its_date_and_authors_set_with_slashes():
    report = parse_report(_WORKING_PAPER.encode(), "txt")
    assert report.title == "Night shifts in municipal bus depots: evidence from four cities"
    assert report.authors == ["Ana Lindqvist", "Pedro Osei"]
    assert report.date == "2024-03"


def test_an_imprint_page_goes_whole_but_for_the_authors_thanks_and_the_back_cover_goes_too():
    report = parse_report(_WORKING_PAPER.encode(), "txt")
    text = " ".join(report.text.split())
    for publishers in ("Cataloguing in Publication Data", "ISBN: 9789220000017", "Suggested citation", "Printed in Switzerland",
                       "The designations employed", "Lindqvist, Ana; Osei, Pedro", "First published 2024"):
        assert publishers not in text, publishers
    assert "The authors thank the four transport operators for their data." in text
    for back_cover in ("Decent work for all", "Rue des Exemples 4", "E: depots@example.org"):
        assert back_cover not in text, back_cover
        assert any(back_cover in piece for piece in _kinds(report, "cover")), back_cover
    assert "Night shifts paid a premium of 25 per cent in two cities and of 15 per cent in the others." in text


def test_a_list_of_tables_goes_with_the_contents_and_a_lone_total_row_keeps_its_cells_apart():
    report = parse_report(_WORKING_PAPER.encode(), "txt")
    assert "List of tables" not in report.text and "List of tables" in _kinds(report, "contents")
    assert "1,812 941 14.2" not in report.text
    assert ["Total", "1,812", "941", "14.2"] in [line.split() for line in report.text.split("\n")]


_AFFILIATIONS_AND_NOTES = (
    "                                                  estudios\n"
    "                                                  sobre vivienda\n"
    "                                                  local - 2024/03\n\n\n"
    "      El parque de vivienda pública en\n      las capitales de provincia\n\n"
    "      Irene Calvo Mata\n      Luis Ferrer Soto\n\n\n"
    "                                                               Marzo 2024\n\n\n"
    "  Las opiniones recogidas en este documento son las de sus autores y no coinciden necesariamente\n"
    "  con las de la Fundación.\n"
    "\f"
    "             El parque de vivienda pública en las capitales de provincia\n\n"
    "                    Irene Calvo Mata* y Luis Ferrer Soto**\n\n"
    "Resumen\n\n"
    "Las 50 capitales de provincia suman 212.400 viviendas públicas en alquiler, el 2,9 % de su parque.\n\n"
    "* Universidad de Ejemplo. Correo electrónico: icalvo@example.es.\n"
    "** Fundación de Ejemplo.\n\n"
    "                                                 2\n"
    "\f"
    "1. Introducción\n\n"
    "La vivienda pública es competencia compartida entre el Estado y las comunidades autónomas.1 Su\n"
    "peso en el parque total sigue muy por debajo de la media europea, que supera el 9 %.2\n\n"
    "1 Constitución Española, artículo 148.1.3.\n"
    "2 Véase Housing Europe (2023), cuadro 4, con datos de 2021.\n\n"
    "                                                 3\n"
)


def test_a_cover_s_logo_band_in_lower_case_and_its_disclaimer_are_no_title_and_no_text():
    report = parse_report(_AFFILIATIONS_AND_NOTES.encode(), "txt")
    assert report.title == "El parque de vivienda pública en las capitales de provincia"
    assert report.authors == ["Irene Calvo Mata", "Luis Ferrer Soto"]
    assert report.date == "2024-03"
    assert "Las opiniones recogidas en este documento" not in report.text
    assert any("Las opiniones recogidas en este documento" in piece for piece in _kinds(report, "licence"))


def test_authors_marked_with_asterisks_leave_the_numbered_notes_their_numbers():
    report = parse_report(_AFFILIATIONS_AND_NOTES.encode(), "txt")
    by_number = {note.number: note.text for note in report.footnotes}
    assert by_number[1] == "Constitución Española, artículo 148.1.3."
    assert by_number[2] == "Véase Housing Europe (2023), cuadro 4, con datos de 2021."
    assert "Universidad de Ejemplo. Correo electrónico: icalvo@example.es." in report.text  # the affiliation stays


# --- blind32's first reading: layout columns, a cover's stamps, notes between text and a figure -----------

_LAYOUT_PAPER = (
    "Public Disclosure Authorized\n\n"
    "                          Policy Research Working Paper                          8841\n\n"
    "Public Disclosure Authorized\n\n"
    "                          Water Kiosks, Yard Taps,\n"
    "                          and the Price of a Bucket\n\n"
    "                          Amara Okonkwo\n"
    "                          Pablo Ruiz-Vidal\n\n"
    "Public Disclosure Authorized\n\n"
    "                          Development Research Group\n"
    "                          May 2022\n"
    "\f"
    "Policy Research Working Paper 8841\n\n"
    " Abstract\n\n"
    " Kiosk water in the six towns studied costs        The paper compares three ways to lower\n"
    " households far more per litre than piped          the price of kiosk water. Licensing more\n"
    " water does. Among the poorest fifth of            kiosks cuts the average price by 18 percent\n"
    " households, 61 percent buy from kiosks and       within two years, while a direct subsidy\n"
    " pay on average 4.20 dollars a cubic metre,        to kiosk operators reaches only half of\n"
    " against 0.90 dollars for a private tap.           the poorest buyers.\n"
    "\n"
    "                                                   This paper is a product of the Development\n"
    "                                                   Research Group. Policy Research Working\n"
    "                                                   Papers are also posted on the Web at\n"
    "                                                   http://www.example.org/prwp.\n"
    "\f"
    "          The Policy Research Working Paper Series disseminates the findings of work in progress.\n"
    "          The findings, interpretations, and conclusions expressed in this paper are entirely those\n"
    "          of the authors.\n\n"
    "                              Produced by the Research Support Team\n"
    "\f"
    "1. Introduction\n\n"
    "                        Town          Kiosks        Taps        Price\n"
    "                        Amba              41         212         4.10\n"
    "                        Bero              28         190         4.35\n"
    "                        Cafu              17         305         3.95\n"
    "                        Dori              33         148         4.40\n"
    "                        Ekwe              22         260         4.05\n"
    "                        Fola              19         231         4.25\n\n"
    "The six towns had 160 kiosks in 2021.\n"
)


def test_two_columns_of_layout_prose_are_read_down_and_a_table_keeps_its_rows():
    report = parse_report(_LAYOUT_PAPER.encode(), "txt")
    text = " ".join(report.text.split())
    assert ("Kiosk water in the six towns studied costs households far more per litre than piped water does. "
            "Among the poorest fifth of households, 61 percent buy from kiosks and pay on average 4.20 dollars a cubic metre, "
            "against 0.90 dollars for a private tap.") in text
    assert "The paper compares three ways to lower the price of kiosk water." in text
    assert ["Amba", "41", "212", "4.10"] in [line.split() for line in report.text.split("\n")]


def test_a_cover_s_stamps_and_a_series_notes_and_disclaimer_go_and_a_title_broken_at_a_comma_is_whole():
    report = parse_report(_LAYOUT_PAPER.encode(), "txt")
    text = " ".join(report.text.split())
    assert report.title == "Water Kiosks, Yard Taps, and the Price of a Bucket"
    assert report.authors == ["Amara Okonkwo", "Pablo Ruiz-Vidal"]
    assert report.date == "2022-05"
    for furniture in ("Public Disclosure Authorized", "This paper is a product of", "disseminates the findings",
                      "Produced by the Research Support Team"):
        assert furniture not in text, furniture
        assert any(furniture in item.text for item in report.removed), furniture


_NOTES_OVER_A_FIGURE = (
    "Missing the ferry\n\nJo Marsh\n\nMarch 2024\n"
    "\f"
    "1 Introduction\n\n"
    "1.1 Who uses the ferry\n\n"
    "About 41,000 people live on the four islands served by the ferry.1 Most of them have no\n"
    "other way to reach the mainland hospital, which 62 per cent visited in 2023.2\n\n"
    "1. Island Council (2023). Census of residents, table A.3.\n"
    "2. The survey was run in October 2023 at both terminals.\n\n"
    "Figure 1.1: Crossings per day\n12\n\n8\n\n4\n\n0\n2019\n2023\n"
    "Source: Island Council (2023).\n\n"
    "Box 1: Why the timetable matters\n"
    "A ferry every two hours leaves a patient waiting longer than the appointment lasts.\n\n"
    "1.2 The fleet is old\n\n"
    "The two vessels are 34 and 37 years old, and one was out of service for 61 days in 2023.3\n\n"
    "3. Operator's annual report 2023, p. 12.\n\n"
    "Box 2: Spare vessels\n"
    "No spare vessel is available within 200 miles, so a breakdown stops every crossing.\n"
    "\f"
)


def test_notes_between_the_text_and_a_figure_are_read_and_the_box_after_a_note_stays_text():
    report = parse_report(_NOTES_OVER_A_FIGURE.encode(), "txt")
    by_number = {note.number: note.text for note in report.footnotes}
    assert by_number[1] == "Island Council (2023). Census of residents, table A.3."
    assert by_number[2] == "The survey was run in October 2023 at both terminals."
    assert by_number[3] == "Operator's annual report 2023, p. 12."
    text = " ".join(report.text.split())
    assert "1.1 Who uses the ferry" in text  # a numbered heading keeps its number whole
    assert "No spare vessel is available within 200 miles, so a breakdown stops every crossing." in text
    assert "Box 2: Spare vessels" in text


def test_a_heading_numbered_like_a_note_and_a_numbered_paragraph_are_no_notes():
    paper = ("Fish landings\n\nA. Writer\n\n2021\n\f"
             "Summary\n\nInshore fleets employ most crews.1 They land a fifth of the catch.\n\n"
             "1 Introduction\n\nThis paper looks at 46 harbours. It draws on landing records.\n\f"
             "6.    Cancellations doubled between 2010 and 2015.2 The fleet is old.\n\n"
             "7.    When a vessel is withdrawn, islands can be without a service for days, as in 2022.3 Residents\n"
             "described missed appointments.\n\n"
             "1 Marine Office, Landings 2020, table 4.\n"
             "2 Ibid., table 9.\n"
             "3 Island Survey 2022, p. 3.\n")
    report = parse_report(paper.encode(), "txt")
    text = " ".join(report.text.split())
    assert "1 Introduction" in text and "This paper looks at 46 harbours." in text
    assert "When a vessel is withdrawn, islands can be without a service for days" in text


def test_a_last_page_with_references_keeps_them_and_only_its_closing_imprint_goes():
    paper = ("Grundsteuer 2025\n\nA. Autorin\n\nMärz 2024\n\f"
             "Die Reform betrifft 5,6 Millionen Grundstücke.\n\f"
             "Literatur\n\nMüller, A. (2022), Bodenwerte, Mannheim.\n\nSchmidt, B. (2023), Grundsteuer, Berlin.\n\n"
             "Herausgeber: Institut für Beispielforschung\nL 7, 1 · 68161 Mannheim · www.example.de\n\n"
             "Nachdruck und sonstige Verbreitung (auch auszugsweise) mit Quellenangabe gestattet.\n\n"
             "© Institut 2024\n")
    report = parse_report(paper.encode(), "txt")
    text = " ".join(report.text.split())
    assert "Müller, A. (2022), Bodenwerte, Mannheim." in text and "Literatur" in text
    for imprint in ("Herausgeber: Institut", "Nachdruck und sonstige Verbreitung", "© Institut 2024"):
        assert imprint not in text, imprint
        assert any(imprint in item.text for item in report.removed), imprint
    assert len(report.pages) == 3


def test_a_numbered_section_over_its_first_part_and_a_numbered_question_are_headings():
    paper = ("Water tariffs\n\nA. Writer\n\nJune 2023\n\f"
             "1. Introduction\n\nThis paper studies twelve utilities in 2022, which served 4.1 million people in all.\n\n"
             "2. Context and data\n\n2.1 Tariff structures\n\n"
             "All twelve apply an increasing block structure with three or four blocks, approved every three years.\n\n"
             "3. Who benefits from the lifeline block?\n\n"
             "For each connection, the subsidy is the difference between the average cost and the lifeline price.\n")
    report = parse_report(paper.encode(), "txt")
    titles = [section.title for section in report.sections]
    assert "2. Context and data" in titles and "2.1 Tariff structures" in titles
    assert "3. Who benefits from the lifeline block?" in titles
