"""Classes from blind33 (twelve documents of the kinds issue 10 names, by three blind authors), each
with a fixture of our own.

- A New York slip opinion as the Law Reporting Bureau publishes it (our fixture
  tests/fixtures/html/ny-slip-opinion-appellate-division.html): notes called "[FN1]" and listed as
  "Footnote 1: …" in one div, star paging "[*2]" inside the text, the reporter's notices and the
  slip's citation in the header box, "Decided on …" as the date, "Return to Decision List".
- A PEP page (our fixture tests/fixtures/html/pep-page.html): the site's header beside the article in
  one section, the header fields (Author, Status, Created, Post-History) as a <dl>, a table of
  contents in <details> that names itself, the "Source:" link to the repository; authors from the
  Author field without their addresses, the date from Created ("09-Sep-2025").
- A Hugo post whose boxes are paired shortcodes named for what they are ({{< series-box >}},
  {{< newsletter-signup >}}): the box and its wording go; a {{% notice %}} box of the post's own
  keeps its text; "Spotted a typo? This post is on GitHub…" is an edit link, however long its address.
- An encyclopedia entry in the Historisches Lexikon der Schweiz's way (our fixture
  tests/fixtures/html/encyclopedia-entry-accordion-sources.html, in French): "Auteure/Auteur:" names
  the author, "Version du: 12.03.2019" dates it; its sources and bibliography, an accordion
  (role=tablist with tabpanels) in a block named "references" that no note call links to, stay text.
- A newsroom story in Ippen Digital's markup (our fixture tests/fixtures/html/ippen-story-teasers.html):
  the interaction bar under the byline (Kommentare, Drucken, Teilen) is a share bar; a teaser set into
  the story (headline, picture, one link away: "Fotostrecke ansehen") is related, a fact box is text;
  "Auch interessant" over an emptied recommendation widget goes; a caption's closing "© Anna Gruber"
  is its photograph's credit, the caption stays.
- A French Project Gutenberg text (our fixture tests/fixtures/text/gutenberg-french-title-page-imprint.txt):
  "Note du transcripteur: …" with its text on the label's line is the transcriber's note; "PAR" is the
  title page's byline, so its imprint's year dates the book; the imprint (place, publisher and address
  in capitals over the year) goes as cover, the title and author lines stay.
"""

from __future__ import annotations

from claimdesk.sources.importer import parse_report


def test_a_ny_slip_opinion_s_fn_notes_are_read_and_called_where_the_text_calls_them(parse_fixture):
    report = parse_fixture("html/ny-slip-opinion-appellate-division.html")
    assert [note.text for note in report.footnotes] == [
        "Town Law § 198(3)(d) requires 10 days' notice of a hearing on a sewer rent.",
        "The report assumed an interest rate of 4.25% and 3 percent annual growth in connections.",
    ]
    calls = [report.text[note.marker_offsets[0] - 20:note.marker_offsets[0]] for note in report.footnotes]
    assert calls == [" on 11 days' notice.", "epaid over 20 years."]
    assert "[FN" not in report.text and "Footnote" not in report.text
    assert {"Footnote 1:", "Footnote 2:"} <= {item.text for item in report.removed}  # the labels' words are kept


def test_star_paging_makes_the_page_map_and_leaves_the_words_whole(parse_fixture):
    report = parse_fixture("html/ny-slip-opinion-appellate-division.html")
    assert [page.label for page in report.pages] == ["1", "2", "3"]
    assert "[*" not in report.text
    assert "at $4.1 million, to be repaid over 20 years." in report.text
    second = report.pages[1]
    assert report.text[second.start:second.start + 20] == "repaid over 20 years"


def test_the_reporter_s_notices_and_the_return_link_go_and_the_decision_dates_the_opinion(parse_fixture):
    report = parse_fixture("html/ny-slip-opinion-appellate-division.html")
    assert report.date == "2023-08-30"
    removed = {(item.kind, item.text) for item in report.removed}
    assert ("header", "2023 NY Slip Op 04417") in removed
    assert ("header", "This opinion is uncorrected and subject to revision before publication in the Official Reports.") in removed
    assert ("navigation", "Return to Decision List") in removed
    for furniture in ("Law Reporting Bureau", "uncorrected", "Return to Decision List", "Slip Op"):
        assert furniture not in report.text
    assert "The petitioner's remaining contentions are without merit." in report.text


def test_a_pep_page_keeps_its_text_and_reads_its_header_fields(parse_fixture):
    report = parse_fixture("html/pep-page.html")
    assert report.title == "PEP 9021 – Retiring the Legacy Wheel Mirror"
    assert report.authors == ["Ines Okafor", "Pavel Lindqvist"]
    assert report.date == "2025-09-09"
    assert "It served 4.2 million downloads in 2024, 0.3% of all wheel downloads." in report.text
    assert "The mirror costs about $18,500 a year to run, and 71% of its traffic comes from 12 networks." in report.text
    kinds = {item.kind for item in report.removed}
    assert {"header", "contents", "edit-link"} <= kinds
    for furniture in ("Python Enhancement Proposals", "Post-History", "Discourse thread", "Table of Contents",
                      "github.com", "PEP Index"):
        assert furniture not in report.text


def test_a_hugo_post_s_furniture_boxes_go_and_its_own_notice_stays(parse_fixture):
    report = parse_fixture("markdown/hugo-post-furniture-shortcodes.md")
    assert report.text.startswith("The harbour car park took £612,400 in 2024, up 14% on 2023, from 1,850 spaces.")
    assert "The council's figures exclude the 220 permit spaces, which earned £38,000." in report.text
    for furniture in ("Counting Kelmouth", "£41,000", "One email a month", "Sign up", "Spotted a typo", "GitHub"):
        assert furniture not in report.text
    kinds = {item.kind for item in report.removed}
    assert {"related", "other", "edit-link"} <= kinds
    assert any("£41,000" in item.text for item in report.removed if item.kind == "related")


def test_an_encyclopedia_entry_keeps_its_sources_and_reads_its_author_and_version_date(parse_fixture):
    report = parse_fixture("html/encyclopedia-entry-accordion-sources.html")
    assert report.authors == ["Claudine Perrottet"]
    assert report.date == "2019-03-12"
    assert report.footnotes == []
    for source in ("Archives cantonales vaudoises, fonds du bailliage de Morges", "J. Chappuis, Les moulins de la Venoge, 1961",
                   "M. Rochat, Meuniers et meules du Gros-de-Vaud, 1988", "Bibliographie"):
        assert source in report.text
    assert "Racheté par la commune en 1974 pour 185 000 francs, il accueille environ 2500 visiteurs par an." in report.text


def test_an_ippen_story_loses_its_teasers_tools_and_credit_and_keeps_its_fact_box(parse_fixture):
    report = parse_fixture("html/ippen-story-teasers.html")
    text = report.text
    assert "Der Kelbacher Wasserturm wird 2026 saniert." in text
    assert "Zur Sache" in text and "zahlt damit künftig 468 Euro statt 396 Euro." in text
    for furniture in ("Kommentare", "Drucken", "Fotostrecke ansehen", "Wasserpreise in Bayern", "Auch interessant", "Anna Gruber"):
        assert furniture not in text
    removed = {(item.kind, item.text) for item in report.removed}
    assert ("other", "© Anna Gruber") in removed and ("share", "Kommentare Drucken Teilen") in removed


def test_a_report_s_cover_credit_and_its_next_chapter_link_go():
    page = ("<html><body><main><article><h1>Eau potable : le mur de l'investissement</h1>"
            "<figure><img src='c.jpg' alt=''><figcaption>Couverture&nbsp;: © Fondapol / Adobe Stock</figcaption></figure>"
            "<p>Les réseaux perdent 20 % de l'eau produite, soit 937 millions de mètres cubes par an.</p>"
            "<p class='reader__next'><a href='/reader/x/next/'>Next chapter: Policy recommendations &rarr;</a></p>"
            "</article></main></body></html>")
    report = parse_report(page.encode(), "html")
    assert "937 millions de mètres cubes" in report.text
    assert "Fondapol" not in report.text and "Next chapter" not in report.text
    removed = {(item.kind, item.text) for item in report.removed}
    assert ("other", "Couverture : © Fondapol / Adobe Stock") in removed
    assert ("navigation", "Next chapter: Policy recommendations →") in removed


def test_a_french_gutenberg_title_page_s_imprint_goes_and_dates_the_book(parse_fixture):
    report = parse_fixture("text/gutenberg-french-title-page-imprint.txt")
    assert report.date == "1881"
    assert ("cover", "PARIS LIBRAIRIE HACHETTE ET Cie 79, BOULEVARD SAINT-GERMAIN 1881") in {
        (item.kind, item.text) for item in report.removed}
    assert "Note du transcripteur" not in report.text and "HACHETTE" not in report.text
    assert report.text.startswith("LE CANAL")  # the title page's own lines stay
    assert "Le devis de 1874 montait à 4 200 000 francs." in report.text
