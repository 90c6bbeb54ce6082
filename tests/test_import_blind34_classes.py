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
"""

from __future__ import annotations



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
