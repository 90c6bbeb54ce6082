"""Classes from blind34 (twelve documents of the kinds issue 10 names, by three blind authors), each
with a fixture of our own.

- A book chapter as zeno.org serves it (our fixture tests/fixtures/html/zeno-book-chapter-latin1.html,
  in ISO-8859-1 as the site's pages are): class names in camel case with acronyms ("zenoCOHeader",
  "zenoTXAuthor") read as words; notes listed in a table, a row each, number cell then text cell;
  "Ebendas." is an ibid; the links to the scans ("zenoTXKonk", "[21]") mark the printed pages; the
  "Quelle:" line gives the printed edition's year; a shop's "Buchempfehlung" box is advertising.
- A static site's Markdown post with the theme's boxes written in as raw HTML (our fixture
  tests/fixtures/markdown/static-site-post-html-boxes.md): a box whose opening tag names it as furniture
  (read-also, newsletter-inline, post-footer, with Markdown between its tags) goes whole to `removed`;
  a box it does not name (a pull quote) stays; "*Photo: …*" under an image is its credit.
- A newsroom's and a case-law site's boxes (our fixture tests/fixtures/html/newsroom-appeal-tools-welcome.html):
  a row of reading tools ("story-tools", "caselaw-tools": font size, print) is navigation; an appeal
  for money ("Unterstützen Sie taz.de!" with its button) and a site's greeting ("Welcome to …") go; a
  fact box whose title starts with "Support" but asks for nothing stays; a "teaser-row" is related.
- A reference work's "Cite This Article" table dates the entry by its "Year of publication"; a picture's
  "image-source" line is its credit; a sentence under the title that names a month ("available since
  August 2023.") does not date the page.
"""

from __future__ import annotations

from claimdesk.sources.importer import parse_report



def test_a_zeno_chapter_s_table_of_notes_is_read_and_ebendas_is_an_ibid(parse_fixture):
    report = parse_fixture("html/zeno-book-chapter-latin1.html")
    assert [(note.text, note.kind, note.resolves_to) for note in report.footnotes] == [
        ("Vgl. J. Mone, Geschichte des Murgthals, Karlsruhe 1845, S. 77.", "reference", None),
        ("Ebendas. S. 80.", "ibid", 1),
    ]
    calls = [report.text[note.marker_offsets[0] - 12:note.marker_offsets[0]] for note in report.footnotes]
    assert calls == ["land gingen.", "els besaßen."]


def test_a_zeno_chapter_s_pages_author_and_edition_year_are_read(parse_fixture):
    report = parse_fixture("html/zeno-book-chapter-latin1.html")
    assert [page.label for page in report.pages] == ["21", "22"]
    assert report.authors == ["Karl Anton Vöhringer"]
    assert report.date == "1851"
    assert "Die Schifferschaft zählte damals 28 Mitglieder, die zusammen 3/4 des Handels besaßen." in report.text


def test_a_zeno_chapter_s_furniture_goes(parse_fixture):
    report = parse_fixture("html/zeno-book-chapter-latin1.html")
    for furniture in ("Meine Bibliothek", "Startseite", "Quelle:", "Gemeinfrei", "Buchempfehlung", "Kalendergeschichten", "[21]"):
        assert furniture not in report.text
    kinds = {item.kind for item in report.removed}
    assert {"header", "page-number", "footer", "advertisement"} <= kinds


def test_a_markdown_post_s_html_furniture_boxes_go_and_its_pull_quote_stays(parse_fixture):
    report = parse_fixture("markdown/static-site-post-html-boxes.md")
    text = report.text
    assert "Staff costs are £71,500 of the total; the other £14,500 is heating and cleaning." in text
    assert "Visits fell by 9% between 2019 and 2024." in text
    assert '"We open when people are free to come," the librarian said.' in text
    for furniture in ("Read also", "Library visits, 2015 to 2024", "Get Eastgate Notes", "Subscribe", "Share this post",
                      "Related posts", "Mondays", "Photo:"):
        assert furniture not in text
    removed = {(item.kind, item.text) for item in report.removed}
    assert ("related", "Read also: Library visits, 2015 to 2024") in removed
    assert ("footer", "Share this post: Twitter · Email Related posts Why the library closed on Mondays") in removed
    assert ("other", "Photo: Priya Lindahl / Eastgate Notes") in removed


def test_a_newsroom_s_appeal_tools_teasers_and_greeting_go_and_its_fact_box_stays(parse_fixture):
    report = parse_fixture("html/newsroom-appeal-tools-welcome.html")
    text = report.text
    assert "Das Hallenbad kostet die Stadt 1,3 Millionen Euro im Jahr, bei 41.000 Besuchen." in text
    assert "Support für Vereine" in text and "Der Landkreis zahlt 12 Euro je Mitglied und Jahr." in text
    for furniture in ("Schriftgröße", "Drucken", "Unterstützen Sie", "Paywall", "Mehr aus Niedersachsen", "Wolf im Emsland",
                      "Welcome to", "council papers"):
        assert furniture not in text
    kinds = {item.kind: item.text for item in report.removed}
    assert kinds["navigation"] == "Schriftgröße: A Drucken"
    assert kinds["related"].startswith("Mehr aus Niedersachsen")


def test_a_reference_work_s_citation_table_dates_it_and_a_sentence_under_the_title_does_not():
    entry = ("<html><body><main><div id='bio'><h1>McQUARRIE, ANGUS</h1>"
             "<div class='bio-image'><img src='m.jpg' alt=''><p class='bio-image-source'>Source: <a href='/x'>Archives of Albury</a></p></div>"
             "<p>McQUARRIE, ANGUS, millowner, built a mill with 4 pairs of stones in 1831.</p></div>"
             "<table><tr><th>Author of Article:</th><td>Margaret Lindsay</td></tr>"
             "<tr><th>Year of publication:</th><td>1976</td></tr><tr><th>Access Date:</th><td>December 7, 2025</td></tr></table>"
             "</main></body></html>")
    report = parse_report(entry.encode(), "html")
    assert report.date == "1976"
    assert ("other", "Source: Archives of Albury") in {(item.kind, item.text) for item in report.removed}
    assert "built a mill with 4 pairs of stones in 1831." in report.text
    page = ("<html><body><main><article><header><h1>formatRange()</h1>"
            "<p>This feature is well established and works across many devices. It has been available since August 2023.</p>"
            "</header><p>The method formats a range of 3 to 5 numbers.</p></article></main></body></html>")
    assert parse_report(page.encode(), "html").date is None


def test_a_report_s_creative_commons_licence_line_goes_as_licence():
    page = ("<html><body><main><article><h1>Troubled waters</h1><p>Bills rose by 21% in 2025, to £603 a year.</p>"
            "<div class='permission-box'><p>This work is licensed under the Creative Commons Attribution-NonCommercial-NoDerivs"
            " 2.0 UK: England &amp; Wales License. For commercial use, please contact info@example.org</p></div>"
            "</article></main></body></html>")
    report = parse_report(page.encode(), "html")
    assert "Bills rose by 21% in 2025, to £603 a year." in report.text
    assert "Creative Commons" not in report.text
    assert any(item.kind == "licence" and "Creative Commons" in item.text for item in report.removed)
