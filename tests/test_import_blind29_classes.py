"""Classes of blind29's first reading, on documents of our own built the way the originals are."""

from __future__ import annotations

from claimdesk.sources.importer import parse_report


def _pdftotext_audit_report() -> str:
    """A European audit institution's report as pdftotext gives it: a cover, contents listing the
    paragraphs each part spans ("01-04", "I-IV"), paragraph numbers on lines of their own (roman in
    the summary), notes at the page feet as a label line over the note's text, the page number
    last, and the publisher's copyright page at the end."""
    pages = [
        "Special report 11/2023\n\nInland waterways\nLocks modernised, traffic flat\n\nAUDIT OFFICE",
        "Inland waterways\n\nContents\nParagraph\nSummary ........................................................ I-IV\n"
        "Introduction ................................................... 01-04\n"
        "Locks and corridors ............................................ 01-02\n"
        "EU funding ..................................................... 03-04\n"
        "Observations ................................................... 05-09\n"
        "Conclusions and recommendations ................................ 10-12\nAcronyms\n\n2",
        "Inland waterways\n\nSummary\nI\nBarges carry 6.1 % of inland freight, down from 6.7 % in 2012, according to the\n"
        "waterway agency1.\nII\nThe EU spent €2.3 billion on 41 locks between 2014 and 2021, the agency says2.\n"
        "III\nOf the 41 locks, 17 were completed late3.\n\n"
        "1\n\nAgency, Annual report 2022, p. 12.\n\n2\n\nIbid., p. 14.\n\n3\n\nAudit Office, survey of lock projects, 2023.\n\n3",
        "Inland waterways\n\nIV\nWe recommend that the Commission set targets for each corridor.\n"
        "Introduction\n01\nLocks on the main corridors date from 1958 on average. Traffic fell by 2.4 % a year.\n\n4",
        "COPYRIGHT\n© European Union, 2023\nThe reuse policy of the Audit Office is set out in its decision on open data.\n"
        "Content owned by the EU is licensed under the Creative Commons Attribution 4.0 International (CC BY 4.0) licence.\n"
        "ISBN 978-92-000-0000-0",
    ]
    return "\n\f".join(pages) + "\n\f"


def test_a_note_label_over_its_note_is_no_page_number_and_the_page_number_under_it_is():
    report = parse_report(_pdftotext_audit_report().encode(), "txt")
    assert [page.label for page in report.pages] == ["1", "2", "3", "4", "5"]
    assert [note.text for note in report.footnotes] == ["Agency, Annual report 2022, p. 12.", "Ibid., p. 14.",
                                                        "Audit Office, survey of lock projects, 2023."]
    # the summary's roman paragraph numbers are the text's, not the pages' labels
    assert "I Barges carry 6.1 % of inland freight, down from 6.7 % in 2012" in " ".join(report.text.split())


def test_contents_that_list_paragraph_ranges_go_as_contents():
    report = parse_report(_pdftotext_audit_report().encode(), "txt")
    assert "........" not in report.text and "01-04" not in report.text
    assert any(piece.kind == "contents" and "I-IV" in piece.text for piece in report.removed)


def test_the_copyright_page_goes_as_licence_and_dates_the_report():
    report = parse_report(_pdftotext_audit_report().encode(), "txt")
    assert "reuse policy" not in report.text and "ISBN" not in report.text
    licence = " ".join(piece.text for piece in report.removed if piece.kind == "licence")
    assert "© European Union, 2023" in licence and "ISBN 978-92-000-0000-0" in licence
    assert report.date == "2023"


def test_a_last_page_that_speaks_of_its_subject_stays():
    survey = ("The agency's survey of 2022 counted 41 locks and 17 delays; of the delays, nine were caused by the "
              "late delivery of lock gates and five by flooding in the winter of 2021, when the river stood 2.4 m above normal.")
    text = f"Inland waterways\n\nThe locks were built in 1958.\n\n1\n\f© photographs: the waterway agency, 2022\n\n{survey}\n\f"
    report = parse_report(text.encode(), "txt")
    assert survey in " ".join(report.text.split())


def _page(head: str, body: str, tail: str = "") -> bytes:
    return (f"<html><head><title>Water bills</title>{head}</head><body><main><article><h1>Water bills</h1>{body}"
            f"</article>{tail}</main></body></html>").encode()


_WATER = ("<p>Thames Water owes £18.3 billion, up from £14.1 billion in 2020, and its bills will rise by 35% by 2030.</p>"
          "<p>The regulator, Ofwat, will rule on the company's business plan in December; it has already fined it £104 million "
          "for sewage spills and missed targets on leaks, which cost 630 million litres a day.</p>"
          "<p>Shareholders have refused to put in the £500 million they had promised, saying the rules make the firm uninvestable. "
          "Ministers have drawn up plans for a special administration regime should the company run out of cash next year.</p>")


def test_an_organisation_named_as_author_in_the_structured_data_is_no_author():
    ld = ('<meta property="og:site_name" content="The Weekly Ledger"><script type="application/ld+json">{"@type": "NewsArticle", '
          '"headline": "Water bills", "author": {"@type": "Organization", "name": "The Weekly Ledger"}}</script>')
    report = parse_report(_page(ld, _WATER), "html")
    assert report.authors == []
    # a site's name given as a plain string may stand for its one writer (a one-person blog)
    ld = ('<meta property="og:site_name" content="Harvest Notes"><script type="application/ld+json">{"@type": "BlogPosting", '
          '"headline": "Water bills", "author": "Harvest Notes"}</script>')
    assert parse_report(_page(ld, _WATER), "html").authors == ["Harvest Notes"]


def test_an_old_browser_warning_and_teaser_rows_after_the_story_go():
    warning = ('<div class="disco-outdated-browser"><p>Ihr Browser ist veraltet. Bitte aktualisieren Sie Ihren Browser, '
               'um Sicherheitslücken zu vermeiden und eine bestmögliche Performance zu gewährleisten.</p></div>')
    rows = ('<div class="EndOfArticleSection_root__dltNj"><div><a href="/">Jetzt aktuell</a></div>'
            '<article><a href="/a"><span>Leerwohnungsziffer</span><span>So wenige Wohnungen leer wie seit 30 Jahren nicht</span></a></article></div>')
    page = f"<html><head><title>Water bills</title></head><body>{warning}<main><article><h1>Water bills</h1>{_WATER}</article>{rows}</main></body></html>"
    report = parse_report(page.encode(), "html")
    assert "£18.3 billion" in report.text
    for furniture in ("Ihr Browser ist veraltet", "Jetzt aktuell", "So wenige Wohnungen leer"):
        assert furniture not in report.text, furniture
    assert {"other", "related"} <= {piece.kind for piece in report.removed}


def test_parts_named_in_data_test_id_words_are_read():
    promo = ('<aside data-test-id="Newsletter Promo"><p>The Ledger today</p><p>Handpicked stories, in your inbox</p></aside>'
             '<section data-test-id="Related Articles"><h2>More from Finance</h2><a href="/b"><h3>Banks brace for negative rates</h3></a></section>')
    report = parse_report(_page("", _WATER, promo), "html")
    assert "Handpicked stories" not in report.text and "Banks brace" not in report.text
    assert "Thames Water owes £18.3 billion" in report.text


def test_a_court_databases_description_dates_the_decision():
    head = ('<meta name="description" content="Cour de cassation, civile, Chambre civile 3, 7 novembre 2023, 21-19.870, '
            'Publié au bulletin - Solution : Rejet">')
    body = ("<h1>7 novembre 2023<br>Cour de cassation<br>Pourvoi n° 21-19.870</h1>"
            "<p>1. Selon l'arrêt attaqué (Lyon, 12 mai 2021), la société a donné à bail un local de 240 m² pour un loyer de 18 000 euros.</p>")
    page = f"<html><head><title>Décision - Pourvoi n°21-19.870 | Cour de cassation</title>{head}</head><body><main>{body}</main></body></html>"
    assert parse_report(page.encode(), "html").date == "2023-11-07"


_PG_HEADER = """The Project Gutenberg eBook of Los molinos del río Turia

This ebook is for the use of anyone anywhere in the United States and
most other parts of the world at no cost and with almost no restrictions
whatsoever.

Title: Los molinos del río Turia

Author: Vicente Llorca

Release date: March 3, 2023 [eBook #70211]

Language: Spanish

Original publication: Valencia: Imprenta de Domenech, 1891

*** START OF THE PROJECT GUTENBERG EBOOK LOS MOLINOS DEL RÍO TURIA ***



                         Nota del Transcriptor:

Se ha respetado la ortografía original de la obra.

Se han corregido los errores evidentes de imprenta.




                          LOS MOLINOS DEL RÍO TURIA

                           CAPÍTULO PRIMERO.

En 1850 molían en la vega 46 molinos, que pagaban a la acequia 3.200 reales al año.

*** END OF THE PROJECT GUTENBERG EBOOK LOS MOLINOS DEL RÍO TURIA ***
"""


def test_a_gutenberg_headers_original_publication_dates_the_work_and_the_transcribers_note_goes():
    report = parse_report(_PG_HEADER.encode(), "txt")
    assert report.date == "1891" and report.authors == ["Vicente Llorca"]
    assert "Nota del Transcriptor" not in report.text and "errores evidentes" not in report.text
    assert "En 1850 molían en la vega 46 molinos, que pagaban a la acequia 3.200 reales al año." in report.text
    assert any(piece.kind == "other" and piece.text.startswith("Nota del Transcriptor:") for piece in report.removed)


def test_a_transcribers_note_without_the_gap_after_it_stays():
    text = _PG_HEADER.replace("imprenta.\n\n\n\n\n", "imprenta.\n\n")
    report = parse_report(text.encode(), "txt")
    assert "Nota del Transcriptor" in report.text and "46 molinos" in report.text


def _two_column_weekly() -> str:
    """A two-column weekly report as pdftotext reads it: each page's first column, the notes under it,
    the page number and the running foot, and then the second column, which goes on with the first
    column's last sentence."""
    foot = "Stadtwerk Wochenbericht Nr. 7/2024"
    pages = [
        "Stadtwerk Wochenbericht\n7 / 2024\n\nFernwärme wird teurer\nVon Ida Kern\n\n"
        "Die Fernwärmepreise stiegen 2023 um 18,4 Prozent.\n\n" + foot + "\n\n41",
        "FERNWÄRME\n\nIn 112 Städten versorgen Stadtwerke rund 1,9 Millionen Haushalte mit Wärme. Die Preise sind\n"
        "seit 2021 stärker gestiegen als die für Gas1. Im Mittel zahlte ein Haushalt 2023\n"
        "für 10 000 Kilowattstunden rund 1 460 Euro, das sind\n\n"
        "1 Bundeskartellamt, Sektoruntersuchung Fernwärme, 2024, S. 12.\n2 Ebd., S. 14.\n\n42\n\n" + foot + "\n\n"
        "312 Euro mehr als 2021.2 In zwölf Städten lag der Anstieg über 40 Prozent.\n"
        "Die Preisformeln der Versorger sind selten öffentlich.\nOft fehlt eine Aufsicht.",
        "FERNWÄRME\n\nDie Kommunen sollten die Preisformeln offenlegen.\n\n" + foot + "\n\n43",
    ]
    return "\n\f".join(pages) + "\n\f"


def test_a_second_column_read_after_the_pages_foot_goes_back_under_the_first():
    report = parse_report(_two_column_weekly().encode(), "txt")
    text = " ".join(report.text.split())
    assert "rund 1 460 Euro, das sind 312 Euro mehr als 2021." in text
    assert "In zwölf Städten lag der Anstieg über 40 Prozent." in text
    assert [note.text for note in report.footnotes] == ["Bundeskartellamt, Sektoruntersuchung Fernwärme, 2024, S. 12.", "Ebd., S. 14."]
    assert [page.label for page in report.pages] == ["41", "42", "43"]
    assert "Wochenbericht Nr. 7/2024" not in report.text


def test_a_number_inside_a_page_beside_no_running_foot_stays_where_it_is():
    text = _two_column_weekly().replace("\n\n42\n\nStadtwerk Wochenbericht Nr. 7/2024\n\n", "\n\n42\n\nHaushalte zahlten mehr\n\n")
    report = parse_report(text.encode(), "txt")
    assert "das sind 312 Euro" not in " ".join(report.text.split())  # nothing moved
    kept = " ".join([report.text] + [note.text for note in report.footnotes] + [piece.text for piece in report.removed])
    assert "Haushalte zahlten mehr" in kept and "312 Euro mehr als 2021" in " ".join(kept.split())


def test_a_bibliography_named_references_beside_linked_notes_stays_text():
    page = """<html><head><title>How we pay</title></head><body><main><article><h1>How we pay</h1>
<p>Cash was used for 9.6 billion payments in 2019.<sup><a href="#footnote-1" id="footnote-1-ref">[1]</a></sup></p>
<p>Notes in circulation reached £81.6 billion.<sup><a href="#footnote-2" id="footnote-2-ref">[2]</a></sup></p>
<div id="footnotes"><h2>Footnotes</h2><ul class="list-footnotes">
<li id="footnote-1"><a href="#footnote-1-ref">1.</a> See Caswell and Nwosu (2022).</li>
<li id="footnote-2"><a href="#footnote-2-ref">2.</a> Bank of England (2024), Banknote statistics.</li></ul></div>
<div id="references"><h2>References</h2><ul class="list-references">
<li>Caswell, E and Nwosu, B (2022), ‘Cash in the age of contactless’, Quarterly Bulletin 2022 Q3.</li>
<li>Hollander, M (2021), ‘Who still uses cash?’, Bank Overground.</li></ul></div>
</article></main></body></html>"""
    report = parse_report(page.encode(), "html")
    assert [note.text for note in report.footnotes] == ["See Caswell and Nwosu (2022).", "Bank of England (2024), Banknote statistics."]
    assert "Hollander, M (2021), ‘Who still uses cash?’, Bank Overground." in report.text


def test_a_line_ending_in_a_figure_over_one_opening_with_one_keeps_its_break():
    imprint = ("Mietpreisbremse wirkt\n\nDie Angebotsmieten in regulierten Gemeinden stiegen von 2015 bis 2023 um 3,1 Prozent\n"
               "im Jahr, in den Vergleichsgemeinden um 4,4 Prozent. Der Abstand blieb über acht Jahre stabil.\n\n"
               "Telefon: +49 30 897 89 – 0 Fax: – 200\n91. Jahrgang 13. März 2024\nISSN 0012-1304\n")
    report = parse_report(imprint.encode(), "txt")
    assert "Fax: – 200\n91. Jahrgang" in report.text  # never "200 91", a figure grouped by a space
    assert "13. März 2024 ISSN" in report.text  # any other break is a space, as before


def test_the_same_in_markdown():
    from claimdesk.sources.inline import render_inline
    assert render_inline("costs *rose* to 1\n200 euros") == "costs rose to 1\n200 euros"
    assert render_inline("costs *rose* by\n12 euros") == "costs rose by 12 euros"


def test_an_editions_language_code_and_a_special_reports_number_are_not_its_title():
    cover = ("EN\n\nSpecial report 11/2023\n\nInland waterways\n\nEUROPEAN\nCOURT\nOF AUDITORS\n\n"
             "Barges carry 6.1 % of inland freight in the EU, down from 6.7 % in 2012, and the 41 locks the EU "
             "funded between 2014 and 2021 have not changed that.\n")
    report = parse_report(cover.encode(), "txt")
    assert report.title == "Inland waterways"
    assert "Barges carry 6.1 % of inland freight" in report.text
