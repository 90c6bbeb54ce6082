"""Regressions found by importing documents the readers were not written against."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdesk.sources.importer import parse_report


def test_a_glued_marker_in_a_hanging_indent_paragraph_is_a_marker():
    # A numbered paragraph continued after a page break: its lines are indented,
    # which once made it a table whose glued markers were never read.
    source = (
        "Flood review\n\n"
        "5.   The scheme cost $3.2 million more than planned.1\n\n"
        "6.   Maintenance spending has not kept pace. The\n"
        "     department spent $4.1 million a year on maintaining\n\n\f\n\n"
        "     assets in 2017-18, against the $6.5 million a year its\n"
        "     own asset plan calls for.2\n\n"
        "Notes\n\n1 Department accounts, 2019, p. 4.\n\n2 Asset plan, 2016, p. 9.\n"
    )
    report = parse_report(source.encode(), "txt")
    assert [len(note.marker_offsets) for note in report.footnotes] == [1, 1]
    offset = report.footnotes[1].marker_offsets[0]
    assert report.text[:offset].endswith("plan calls for.")
    assert "$6.5 million" in report.text and "for.2" not in report.text


def test_a_two_column_district_court_caption_gives_title_judge_and_date():
    source = (
        "                    UNITED STATES DISTRICT COURT\n"
        "                      FOR THE DISTRICT OF OREGON\n\n"
        "RIVERSIDE GROWERS COOPERATIVE,\n"
        "                                            Case No. 3:21-cv-0456\n"
        "               Plaintiff,\n\n"
        "     v.                                     OPINION AND ORDER\n\n"
        "CITY OF DALLOWAY,\n\n"
        "               Defendant.\n\n"
        "     The cooperative challenges a 2019 water rate of $4.20 per unit. [1]\n\n"
        "     IT IS SO ORDERED.\n\n"
        "     DATED this 3rd day of March, 2022.\n\n"
        "                                            /s/ Thomas J. Ferris\n"
        "                                            Thomas J. Ferris\n\n"
        "FOOTNOTES\n\n[1] City Ordinance 19-4 (2019) at 2.\n"
    )
    report = parse_report(source.encode(), "txt")
    assert report.title.casefold() == "riverside growers cooperative v. city of dalloway"
    assert report.authors == ["Thomas J. Ferris"]
    assert report.date == "2022-03-03"
    assert "Case No. 3:21-cv-0456" in report.text  # the caption stays: a fact-checker quotes the docket


SUBSTACK_POST = """<html><head><title>Bus money | The Civic Ledger</title></head><body>
<div class="available-content"><div class="body markup">
<p>The council spent £6.1 million on contracts in 2022-23.<a class="footnote-anchor" data-component-name="FootnoteAnchorToDOM"
 id="footnote-anchor-1" href="#footnote-1" target="_self">1</a> More text here about the buses.</p>
<p>The team cost £0.9 million.<a class="footnote-anchor" id="footnote-anchor-2" href="#footnote-2">2</a></p>
<div class="footnote" data-component-name="FootnoteToDOM"><a id="footnote-1" href="#footnote-anchor-1" class="footnote-number"
 contenteditable="false" target="_self">1</a><div class="footnote-content"><p>Statement of Accounts 2022-23, note 14.</p></div></div>
<div class="footnote" data-component-name="FootnoteToDOM"><a id="footnote-2" href="#footnote-anchor-2" class="footnote-number">2</a>
<div class="footnote-content"><p>Revenue budget book 2023-24, page 88.</p></div></div>
</div></div></body></html>"""


def test_substack_footnotes_and_their_number_links():
    # The note's own number links back to the marker ("footnote-anchor-1"): it is no note id, and no note text.
    report = parse_report(SUBSTACK_POST.encode(), "html")
    assert [(n.number, n.text) for n in report.footnotes] == [
        (1, "Statement of Accounts 2022-23, note 14."), (2, "Revenue budget book 2023-24, page 88.")]
    first, second = (n.marker_offsets[0] for n in report.footnotes)
    assert report.text[:first].endswith("contracts in 2022-23.") and report.text[:second].endswith("cost £0.9 million.")
    assert "Statement of Accounts" not in report.text


def test_readers_comments_and_most_read_lists_are_kept_out_and_recorded():
    page = """<html><body><article><h1>Harbour dues rise</h1>
<div class="entry-content"><p>Harbour dues rose by 4.5% in 2021, the authority said in its annual statement to the board.</p></div>
</article>
<div id="comments" class="comments-area"><h2 class="comments-title">3 thoughts on "Harbour dues rise"</h2>
<ol class="comment-list"><li class="comment"><p>My dues went up 9% last year.</p></li></ol>
<div id="respond" class="comment-respond"><h3>Leave a Reply</h3></div></div>
<aside class="most-read"><h2>Most read</h2><ol><li><a href="/a">Storm closes the ferry</a></li><li><a href="/b">Quay repairs</a></li></ol></aside>
</body></html>"""
    report = parse_report(page.encode(), "html")
    assert "Harbour dues rose by 4.5% in 2021" in report.text
    for furniture in ("thoughts on", "went up 9%", "Leave a Reply", "Most read", "Storm closes"):
        assert furniture not in report.text
    kinds = {piece.kind for piece in report.removed}
    assert "comments" in kinds and "My dues went up 9% last year." in " ".join(p.text for p in report.removed)


def test_the_visible_headline_is_the_title_when_the_page_title_rewords_it():
    page = """<html><head><title>Quay: harbour dues rise 4.5% this year - The Estuary Post</title>
<meta property="og:site_name" content="The Estuary Post"></head><body>
<div class="logo">The Estuary Post</div><article><h1>Harbour dues rise by 4.5% this year</h1>
<p>Harbour dues rose by 4.5% in 2021, the authority said in its annual statement to the board.</p></article></body></html>"""
    assert parse_report(page.encode(), "html").title == "Harbour dues rise by 4.5% this year"


def test_a_logo_heading_is_not_taken_for_the_title():
    page = """<html><head><title>Harbour dues rise by 4.5% - The Estuary Post</title></head><body>
<h1>The Estuary Post</h1><article><h2>Harbour dues rise by 4.5%</h2>
<p>Harbour dues rose by 4.5% in 2021, the authority said in its annual statement to the board.</p></article></body></html>"""
    assert parse_report(page.encode(), "html").title == "Harbour dues rise by 4.5%"


def test_a_1990s_page_with_endnotes_as_lines_of_one_paragraph():
    path = Path(__file__).parent / "fixtures" / "html" / "legacy-table-endnotes.html"
    report = parse_report(path.read_bytes(), "html")
    assert [(n.number, n.text) for n in report.footnotes] == [
        (1, "Helmsby estate rentals, 1802-1810."), (2, "Chapel building accounts, 1834, p. 12."), (3, "Ibid., p. 14.")]
    assert report.footnotes[2].resolves_to == 2
    assert report.text[:report.footnotes[0].marker_offsets[0]].endswith("40 men at its height.")
    assert "Helmsby estate rentals" not in report.text and "Notes" not in report.text.split("slate.")[-1]


def test_html_escaped_json_ld_strings_are_read_as_the_characters_they_stand_for():
    page = (b'<html><head><script type="application/ld+json">{"@type":"Article","headline":"Our co-op&#x27;s bills",'
            b'"author":{"@type":"Person","name":"Owen Marlowe"}}</script></head><body><h1>Our co-op\'s bills</h1>'
            b"<p>The bills fell by 12% in 2022, the co-op said in its report to members.</p></body></html>")
    report = parse_report(page, "html")
    assert report.title == "Our co-op's bills" and report.authors == ["Owen Marlowe"]


@pytest.mark.parametrize("control, kind", [
    ('<a href="#main">Saltar al contenido</a>', "navigation"), ('<a href="https://x.example/s">Compartir en Facebook</a>', "share"),
    ('<a href="https://x.example/s">Partager sur X</a>', "share"), ('<span>Publicidad</span>', "advertisement"),
    ('<p>Was this page helpful? Yes No</p>', "other"), ('<a href="https://git.example/e">Edit this page on GitHub</a>', "edit-link"),
    ('<a href="https://agency.example/l">Purchase Licensing Rights</a>', "other"), ('<span>, opens new tab</span>', "other"),
])
def test_site_controls_told_by_their_words_are_kept_out(control, kind):
    page = f"<html><body>{control}<article><h1>Water tariffs</h1><p>The tariff rose by 4.1% in 2020, the council said in its annual report.</p></article></body></html>"
    report = parse_report(page.encode(), "html")
    assert "4.1% in 2020" in report.text
    assert (kind, " ".join(control.split(">")[1].split("<")[0].split())) in [(p.kind, p.text) for p in report.removed]


def test_a_sentence_that_mentions_sharing_stays_text():
    page = "<html><body><article><h1>Fares</h1><p>Share of riders paying full fare: 62% in 2021.</p><p><a href='/x'>Share</a></p></article></body></html>"
    report = parse_report(page.encode(), "html")
    assert "Share of riders paying full fare: 62% in 2021." in report.text


def test_markdown_it_footnotes_with_a_reused_note():
    path = Path(__file__).parent / "fixtures" / "html" / "markdown-it-reused-note.html"
    report = parse_report(path.read_bytes(), "html")
    assert [(n.number, n.text, len(n.marker_offsets)) for n in report.footnotes] == [
        (1, "Meter readings, 2022.", 1), (2, "Installer's report, p. 4.", 2)]
    assert "[2:1]" not in report.text and report.text[:report.footnotes[1].marker_offsets[1]].endswith("2.87 all winter.")


def test_a_word_export_takes_its_title_from_the_title_style_not_the_file_name():
    page = ("<html><head><title>WP_2019-04_commuting_final_rev2</title></head><body>"
            "<p class=MsoTitle>Crossing the border every morning</p><p class=MsoNormal>Brussels, 14.10.2019</p>"
            "<p class=MsoNormal>About 4,500 people cross each day, up 12% since 2015.</p></body></html>")
    report = parse_report(page.encode(), "html")
    assert report.title == "Crossing the border every morning"
    assert "About 4,500 people cross each day, up 12% since 2015." in report.text


@pytest.mark.parametrize("format", ["txt", "md"])
def test_a_units_power_is_no_marker_and_a_possessive_is_no_unit(format):
    heading = "## Notes" if format == "md" else "Notes"
    source = f"Harbour\n\nThe basin is 10 km² deep; the harbour's¹ flow is 9.8 m/s².\n\n{heading}\n\n1. Survey, 2020, p. 3.\n"
    report = parse_report(source.encode(), format)
    assert "10 km² deep" in report.text and "9.8 m/s²." in report.text
    assert report.text[:report.footnotes[0].marker_offsets[0]].endswith("the harbour's")


def test_a_heading_whose_link_has_the_class_header_stays_a_heading():
    # mdBook (and Sphinx) wrap each heading's text in <a class="header">; found on a real mdBook page.
    page = """<html><head><title>Tide tables - The harbour book</title></head><body>
<nav id="sidebar" class="sidebar"><ol class="chapter"><li><a href="intro.html">Introduction</a></li></ol></nav>
<div id="menu-bar"><h1 class="menu-title">The harbour book</h1></div>
<main><h1 id="tide-tables"><a class="header" href="#tide-tables">Tide tables</a></h1>
<p>The spring range at the quay is 4.2 metres, against 1.9 metres at neaps.</p>
<h2 id="sources"><a class="header" href="#sources">Sources</a></h2><p>The tables come from the 2019 survey of the basin.</p></main>
</body></html>"""
    report = parse_report(page.encode(), "html")
    assert report.title == "Tide tables"
    assert [section.title for section in report.sections] == ["Tide tables", "Sources"]
    assert "The spring range at the quay is 4.2 metres" in report.text


def test_an_edit_link_inside_a_heading_is_still_kept_out():
    page = """<html><body><main><div class="mw-parser-output">
<h2><span class="mw-headline" id="Geographie">Géographie</span><span class="mw-editsection"><span class="mw-editsection-bracket">[</span>
<a href="/w/index.php?action=edit&amp;section=1">modifier le code</a><span class="mw-editsection-bracket">]</span></span></h2>
<p>Le canal franchit une dénivellation totale de 58 mètres sur 31 kilomètres.</p></div></main></body></html>"""
    report = parse_report(page.encode(), "html")
    assert [section.title for section in report.sections] == ["Géographie"]
    assert "modifier le code" not in report.text
    assert any(piece.kind == "edit-link" for piece in report.removed)


def test_a_notes_back_links_are_reported_not_dropped():
    # A real mdBook page numbers its back-links ("↩2" … "↩19"): the figures must be found somewhere.
    path = Path(__file__).parent / "fixtures" / "html" / "markdown-it-reused-note.html"
    report = parse_report(path.read_bytes(), "html")
    assert [p.text for p in report.removed if p.kind == "navigation"] == ["↩︎", "↩︎", "↩︎"]


def test_op_cit_by_an_author_prefers_her_own_work_to_one_she_co_wrote_later():
    source = (
        "# Tide mills\n\nThe mill ground 40 tonnes.[^1] Later logs agree.[^2] The wheel was 6 m wide.[^3]\n\n"
        "[^1]: Holloway, M. E. (2004). The tide mills of the Tolley estuary. Journal of Coastal History 12: 33-58.\n"
        "[^2]: Varga, T. and Holloway, M. E. (2008). Grinding logs of three tide mills. Mill Studies 21: 101-119.\n"
        "[^3]: Holloway, op. cit., p. 51.\n"
    )
    notes = parse_report(source.encode(), "md").footnotes
    assert [note.kind for note in notes] == ["reference", "reference", "op_cit"]
    assert notes[2].resolves_to == 1


def test_ibid_after_commentary_naming_its_source_repeats_that_note_as_a_guess():
    source = (
        "# Drivers\n\nShortages rose by 23 percent.[^1] Most drivers are over 60.[^2]\n\n"
        "[^1]: Authors' calculations from state payroll files for Iowa, Maine and Oregon. Districts are classified "
        "by locale codes 41-43.\n"
        "[^2]: Ibid. Age is recorded as of October 1 of each school year.\n"
    )
    report = parse_report(source.encode(), "md")
    ibid = report.footnotes[1]
    assert ibid.kind == "ibid" and ibid.resolves_to == 1 and ibid.resolution_guess
    assert any("footnote 2: ibid after footnote 1" in warning for warning in report.warnings)


def test_a_courts_id_after_commentary_is_left_unresolved_for_it_may_repeat_a_cited_authority():
    source = (
        "# Opinion\n\nSee Kinross v. District, 121 Or App 88 (1993).[^1] Irrigability is a fact.[^2]\n\n"
        "[^1]: The statute has since been renumbered, but its text is unchanged in any respect material here.\n"
        "[^2]: Id. (explaining that irrigability is a question of fact for the trial court).\n"
    )
    assert parse_report(source.encode(), "md").footnotes[1].resolves_to is None


@pytest.mark.parametrize("title, date", [
    ("Wenlow Trout Farm Ltd v Environment Agency [2006] EWCA Civ 812 (22 June 2006)", "2006-06-22"),
    ("Harlow Quarries Pty Ltd v Shire of Tarrengower [2019] VSC 214 (3 April 2019)", "2019-04-03"),
    ("Annual flood review (June 2006)", None),
])
def test_a_law_reports_page_title_dates_the_judgment(title, date):
    page = (f"<html><head><title>{title}</title></head><body><p>1. The abstraction licence allowed 4.5 megalitres "
            "a day.</p><p>2. The appeal is dismissed.</p></body></html>")
    assert parse_report(page.encode(), "html").date == date


def test_an_e_librarys_two_line_heading_and_card_give_author_title_and_year():
    page = (
        "<html><head><title>Панов Сергей Ильич. Сплав леса по Унже</title></head><body>"
        "<center><h2><small><a href=/p/panov_s_i/>Панов Сергей Ильич</a></small><br>\nСплав леса по Унже</h2></center>"
        "<table><tr><td><li>&copy; Copyright Панов Сергей Ильич<li>Год: 1894<li>Обновлено: 14/11/2012. 31k.</td></tr></table>"
        "<dd>&nbsp;&nbsp;Весною по Унже гонят до 400 плотов, и каждый проходит 250 верст за две недели.</body></html>"
    )
    report = parse_report(page.encode(), "html")
    assert (report.title, report.authors, report.date) == ("Сплав леса по Унже", ["Панов Сергей Ильич"], "1894")
    assert "до 400 плотов" in report.text


def test_a_two_line_heading_is_not_split_into_author_and_title_without_the_page_title_saying_so():
    page = ("<html><head><title>Annual report 2023</title></head><body><h1>Harbour Board<br>Annual report 2023</h1>"
            "<p>The board handled 4.2 million tonnes in 2023.</p></body></html>")
    report = parse_report(page.encode(), "html")
    assert report.authors == [] and "Harbour Board" in report.title


@pytest.mark.parametrize("label, value, date", [("Основание", "1843", None), ("Founded", "12 March 1843", None),
                                                ("Published", "12 March 2024", "2024-03-12")])
def test_an_infobox_row_under_the_title_dates_the_subject_not_the_page(label, value, date):
    page = (f"<html><body><h1>Olkhovka glassworks</h1><table class='infobox'><tr><th>{label}</th><td>{value}</td></tr></table>"
            "<p>The works made 40,000 bottles a year in 1880.</p></body></html>")
    assert parse_report(page.encode(), "html").date == date


def test_a_related_list_in_a_custom_element_headed_by_a_div_is_kept_out():
    page = ("<html><body><article><h1>Elevator fire</h1><p>The blaze destroyed 1.2 million bushels of corn in 2024.</p>"
            "<div class='Enhancement'><bsp-list-loadmore class='PageListStandardE'><div class='PageList-header'>"
            "<div class='PageList-header-title'>RELATED COVERAGE</div></div><div class='PageList-items'>"
            "<div><a href='https://news.example/a'>Grain dust explosions are rare but deadly</a></div>"
            "<div><a href='https://news.example/b'>Farm income expected to drop</a></div></div></bsp-list-loadmore></div>"
            "<p>Residents within half a mile were told to leave.</p></article></body></html>")
    report = parse_report(page.encode(), "html")
    assert "Grain dust" not in report.text and "half a mile" in report.text and "1.2 million bushels" in report.text
    assert any(removed.kind == "related" and "RELATED COVERAGE" in removed.text for removed in report.removed)


def test_an_ebooks_colophon_and_copyright_page_are_the_editions_not_the_works():
    page = ("<html><body><section epub:type='chapter'><h2>Chapter V</h2><p>The dyke held for 12 days in 1861.</p></section>"
            "<section id='colophon' epub:type='backmatter z3998:colophon'><h2>Colophon</h2><p>This ebook was produced in 2023.</p></section>"
            "<section id='uncopyright' epub:type='backmatter z3998:copyright-page'><h2>Uncopyright</h2>"
            "<p>May you do good and not evil.</p></section></body></html>")
    report = parse_report(page.encode(), "html")
    assert "12 days in 1861" in report.text and "Colophon" not in report.text and "do good and not evil" not in report.text
    assert "licence" in [removed.kind for removed in report.removed]  # the colophon may be recorded as a footer by its id


def test_comment_blocks_named_in_french_and_a_was_this_useful_prompt_are_kept_out():
    page = ("<html><body><article><h1>La passerelle rouvre</h1><a class='btn-commentaires' href='#commentaires'>Commenter</a>"
            "<p>Les travaux ont coûté 480 000 € en 2024.</p><div class='bloc-utile'><p class='bloc-utile-question'>"
            "Cet article vous a été utile&nbsp;?</p></div></article><section class='bloc-commentaires' id='commentaires'>"
            "<h2>Commentaires</h2><p>Les commentaires sont réservés aux abonnés.</p></section></body></html>")
    report = parse_report(page.encode(), "html")
    assert "480 000 € en 2024" in report.text
    assert "Commenter" not in report.text and "utile" not in report.text and "réservés aux abonnés" not in report.text


def test_a_docs_pages_last_modified_line_is_kept_out_and_recorded():
    page = ("<html><body><main><h1>Retry budgets</h1><p>Clients stop retrying once 5% of calls fail in 10 minutes.</p>"
            "<p>A budget refills at one token a second, so a client that has spent it waits before it retries again.</p>"
            "<p>The cap keeps a slow dependency from receiving four times its normal traffic while it recovers.</p>"
            "<div class=td-page-meta__lastmod>Last modified November 3, 2023: <a href='https://git.example/c/7d3e9a1'>"
            "Clarify token cap (7d3e9a1)</a></div></main></body></html>")
    report = parse_report(page.encode(), "html")
    assert "Clarify token cap" not in report.text and "5% of calls" in report.text
    assert [removed.kind for removed in report.removed] == ["other"]
