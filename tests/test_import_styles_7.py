"""Styles met in the ninth blind held-out set, each on a fixture of our own built as that
origin builds its pages: a Docusaurus docs page with admonitions in its text."""

from __future__ import annotations

from pathlib import Path

from claimdesk.sources.importer import parse_report

FIXTURES = Path(__file__).parent / "fixtures"


def parse(name: str, fmt: str = "html"):
    return parse_report((FIXTURES / name).read_bytes(), fmt)


def notes(report):
    return {n.number: n for n in report.footnotes}


def marker_after(report, number) -> str:
    (offset,) = notes(report)[number].marker_offsets
    return report.text[:offset]


def removed(report, kind):
    return [r.text for r in report.removed if r.kind == kind]


# --- a Docusaurus page: admonitions are the text, the announcement bar is not ---

def test_an_admonition_inside_the_article_is_text_and_an_alert_outside_it_is_not():
    report = parse("html/docusaurus-admonitions-tide-api.html")
    assert "Predictions are given in local time and ignore surge; observed levels may differ by up to 0.4 metres." in report.text
    assert "Cache the response for 6 hours: predictions change only when a station is recalibrated." in report.text
    assert "The tide endpoint returns predicted high and low waters for 42 stations along the estuary." in report.text
    assert not removed(report, "sidebar") or all("Predictions" not in r for r in removed(report, "sidebar"))
    assert "Version 2 of the API is out!" not in report.text
    assert any("Version 2 of the API is out!" in r.text for r in report.removed)
    assert "Getting started" not in report.text and "Built with Docusaurus" not in report.text
    assert report.footnotes == []


# --- a judgment on The National Archives' Find Case Law ------------------------

def test_a_find_case_law_judgment_reads_its_judges_its_footer_notes_and_loses_the_services_notices():
    report = parse("html/find-case-law-ewca-ferry-licence.html")
    assert report.title == "Harwell Ferries Ltd v Solent Harbour Board"  # without " - Find Case Law - …"
    assert report.authors == ["Lord Justice Marlowe", "Lady Justice Ashdown", "Lord Justice O'Hare"]
    assert report.date == "2022-11-04"  # not the citation's bracketed year
    found = notes(report)
    assert sorted(found) == [1, 2, 3]
    assert found[1].text == "Letter of the board's secretary dated 2 March 2021."
    assert found[3].kind == "ibid" and found[3].resolves_to == 2
    assert marker_after(report, 1).endswith("to run 14 crossings a day.")
    assert marker_after(report, 2).endswith("the board gave no reasons.")
    assert "10³ square metres" in report.text  # a power, not a call
    assert "Letter of the board" not in report.text and "Ibid" not in report.text
    assert "Neutral Citation Number: [2022] EWCA Civ 1410" in report.text
    for furniture in ("This is a new service", "Important information", "Download this judgment", "Cookies on Find Case Law",
                      "About this service", "Crown copyright"):
        assert furniture not in report.text, furniture
    assert any("This is a new service" in r for r in removed(report, "header"))
    assert removed(report, "cookie")


def test_a_footer_in_an_article_that_numbers_nothing_stays_text():
    source = ("<html><body><main><article><h1>Tide mills</h1><p>The mill ran 40 years.<sup>1</sup></p>"
              "<footer><p>Filed under: mills</p><p><sup>1</sup> Parish records.</p></footer></article></main></body></html>")
    report = parse_report(source.encode(), "html")
    assert report.footnotes == []
    assert "Filed under: mills" in report.text and "Parish records." in report.text


# --- a SPIP article: bracketed calls, site furniture, forum -----------------------

def test_a_spip_articles_bracketed_calls_are_whole_markers_and_its_forum_and_files_are_furniture():
    report = parse("html/spip-note-cantines-iso8859-1.html")
    assert report.title == "Le prix des cantines en 2016"
    assert report.authors == ["Odile Ferrand"]
    found = notes(report)
    assert found[1].text == "Enquête de l'Atelier auprès de 48 communes, 2016."  # no "[]" left of its label
    assert found[2].kind == "ibid" and found[2].resolves_to == 1
    assert marker_after(report, 1).endswith("coûte en moyenne 3,10 €")
    assert "[" not in report.text and "]" not in report.text
    assert "Le repas facturé aux familles coûte en moyenne 3,10 €" in report.text
    for furniture in ("Un regard citoyen", "Accueil", "Documents joints", "96.2", "Répondre à cet article", "Message de forum",
                      "2,40", "Plan du site"):
        assert furniture not in report.text, furniture
    assert removed(report, "comments") and removed(report, "footer") and removed(report, "navigation")


# --- an article built like the Guardian's dotcom-rendering -------------------------

def test_a_dcr_articles_appeal_topics_most_viewed_and_modified_line_are_furniture():
    report = parse("html/dcr-article-harbour-dredging.html")
    assert report.title == "Harbour dredging to resume in September"
    assert report.authors == ["Owen Tregarth"]
    assert report.date == "2024-07-03"
    assert "Dredging of the inner harbour will resume on 2 September after the port authority agreed to pay £310,000" in report.text
    for furniture in ("before you move on", "Support the Chronicle", "Explore more on these topics", "Reuse this content",
                      "Most viewed", "Lifeboat crew", "Last modified on", "We use cookies"):
        assert furniture not in report.text, furniture
    assert removed(report, "cookie") == ["We use cookies to personalise content. Yes, I’m happy"]
    assert any("Most viewed" in r for r in removed(report, "related"))
    assert any("Last modified on Wed 3 Jul 2024 11.40 BST" == r for r in removed(report, "other"))


# --- a French national daily built like Le Monde's pages ---------------------------

_LE_MONDE_STYLE = """<html lang="fr"><head><meta charset="utf-8"><title>Les ponts de la Loire - Le Quotidien</title>
<meta property="og:site_name" content="Le Quotidien">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Les ponts de la Loire",
"author":[{"@type":"Person","name":"Anne Rivals"}],"datePublished":"2024-05-02T06:00:00+02:00"}</script></head><body>
<main><article class="article article--content">
<span class="article__status"><span class="icon__premium"></span>Article réservé aux abonnés</span>
<h1 class="article__title">Les ponts de la Loire</h1>
<section class="article__content-container"><div class="meta meta__publisher meta--header">
<span class="author__detail"><span class="author__name"><a class="article__author-link" href="/signataires/anne-rivals/">Anne Rivals</a></span> et
<span class="author__name">Marc Oudin (Nantes, correspondant)</span></span></div>
<p class="article__paragraph">Sur les 43 ponts du fleuve, 11 doivent être renforcés avant 2030.</p>
<section class="catcher catcher--inline"><span class="catcher__title">Lire aussi |</span> <a class="catcher__desc" href="/a">Article réservé à nos abonnés Le pont de Saint-Nazaire a 50 ans</a></section>
<p class="article__paragraph">Le coût est estimé à 240 millions d’euros.</p></section></article></main></body></html>"""


def test_a_french_dailys_related_catcher_and_subscriber_label_are_furniture_and_both_writers_are_read():
    report = parse_report(_LE_MONDE_STYLE.encode(), "html")
    assert report.authors == ["Anne Rivals", "Marc Oudin"]  # the byline names both; the structured data only one
    assert "Sur les 43 ponts du fleuve, 11 doivent être renforcés avant 2030." in report.text
    assert "Le coût est estimé à 240 millions d’euros." in report.text
    for furniture in ("Lire aussi", "Saint-Nazaire", "réservé aux abonnés"):
        assert furniture not in report.text, furniture
    assert any("Saint-Nazaire" in r for r in removed(report, "related"))


# --- a German weekly's online article, and a think tank's citation_author ----------

_ZEIT_STYLE = """<html lang="de"><head><meta charset="utf-8"><title>Hallenbad: Die Schwimmhalle bleibt zu | HANSEBOTE</title>
<meta name="citation_title" content="Die Schwimmhalle bleibt zu"><meta name="citation_author" content="Albers, Henrike">
<meta name="citation_author" content="van Loon, Pieter Jan"></head><body><main><article class="article">
<h1 class="article-heading">Die Schwimmhalle bleibt zu</h1>
<div class="metadata"><time class="metadata__date" datetime="2024-02-01T10:00:00+01:00">1. Februar 2024, 10:00 Uhr</time>
<span class="metadata__source">Quelle: HANSEBOTE, dpa, lno</span> <a class="metadata__commentcount" href="#comments">58 Kommentare</a></div>
<p class="paragraph article__item">Die Halle schließt für 18 Monate.</p>
<p class="paragraph article__item">Quelle: Bäderbericht 2023, S. 14.</p></article></main></body></html>"""


def test_a_wire_source_line_and_comment_counter_are_furniture_and_citation_authors_are_turned_round():
    report = parse_report(_ZEIT_STYLE.encode(), "html")
    assert report.authors == ["Henrike Albers", "Pieter Jan van Loon"]
    assert "Die Halle schließt für 18 Monate." in report.text
    assert "Quelle: Bäderbericht 2023, S. 14." in report.text  # a figure's source in the text stays
    assert "dpa" not in report.text and "58 Kommentare" not in report.text
    assert "Quelle: HANSEBOTE, dpa, lno" in removed(report, "other")
    assert "58 Kommentare" in removed(report, "comments")


# --- an old ASP.NET publication page -------------------------------------------------

_WEBFORMS_PAGE = """<html><head><title>
	Fenland Rail Institute - Publications - Who pays for the branch lines: fares, rates or the Treasury?
</title><meta http-equiv="Content-Type" content="text/html; charset=windows-1252" /></head>
<body><form id="aspnetForm"><div id="header"><a href="/">Fenland Rail Institute</a></div>
<div id="content"><h1><span id="ctl00_ContentPlaceHolder1_lblTitle">Who pays for the branch lines: fares, rates or the Treasury?</span></h1>
<p class="byline"><span id="ctl00_ContentPlaceHolder1_lblAuthors">Prof Ada Merrow and Tom Inchbald</span><br />
<span id="ctl00_ContentPlaceHolder1_lblDate">4 June 2009</span></p>
<p>Fares covered 38% of the branch lines' costs in 2008.</p></div></form></body></html>"""


def test_a_sites_path_in_the_title_ends_with_the_headline_that_the_h1_repeats():
    report = parse_report(_WEBFORMS_PAGE.encode("cp1252"), "html")
    assert report.title == "Who pays for the branch lines: fares, rates or the Treasury?"


def test_a_byline_whose_names_and_date_are_on_two_lines_gives_the_names():
    report = parse_report(_WEBFORMS_PAGE.encode("cp1252"), "html")
    assert report.authors == ["Ada Merrow", "Tom Inchbald"] and report.date == "2009-06-04"
    assert "Fares covered 38% of the branch lines' costs in 2008." in report.text


def test_a_logo_h1_at_the_end_of_a_short_title_is_still_the_site():
    page = ("<html><head><title>Harbour dues rise by 4% - Business - The Estuary Post</title></head><body>"
            "<header><h1>The Estuary Post</h1></header><article><h2>Harbour dues rise by 4%</h2>"
            "<p>Dues rose by 4% in 2024.</p></article></body></html>")
    assert parse_report(page.encode(), "html").title != "The Estuary Post"


def test_a_form_that_wraps_the_whole_page_keeps_its_text_and_a_small_form_inside_it_goes():
    page = ("<html><body><form id='aspnetForm'><div><h2>Branch lines in 2009</h2>"
            "<p>Fares covered 38% of the costs in 2008, against 45% in 2001.</p>"
            "<p>The Treasury paid the other 62% through the grant.</p></div>"
            "<div class='signup'><form><label>Your e-mail</label><input name='email'/><button>Subscribe</button></form></div>"
            "</form></body></html>")
    report = parse_report(page.encode(), "html")
    assert "Fares covered 38% of the costs in 2008, against 45% in 2001." in report.text
    assert "The Treasury paid the other 62% through the grant." in report.text
    assert "Your e-mail" not in report.text


def test_a_heading_of_the_article_styled_secondary_is_its_text_and_a_side_column_is_not():
    page = ("<html><body><main><article><h1 class='font_xl font_primary'>Ferries fill up</h1>"
            "<h2 class='font_md font_secondary article-subheadline'>Three ferries carry 4,200 passengers a day; each trip costs 6.40 euros.</h2>"
            "<p>The service started in 2022.</p></article></main>"
            "<div class='secondary'><h3>Most read</h3><p>Another story of 2021.</p></div></body></html>")
    report = parse_report(page.encode(), "html")
    assert "Three ferries carry 4,200 passengers a day; each trip costs 6.40 euros." in report.text
    assert "Most read" not in report.text and "Another story" not in report.text


# --- a law report as the Caselaw Access Project's HTML (CourtListener shows it) -----------

_CAP_OPINION = """<html><head><title>Marsh v. Alder Creek Water Control District</title></head><body>
<div class="btn-group"><a class="btn btn-default" href="#">Copy Citation</a><a class="btn btn-default" href="/alert/">Get Citation Alerts</a></div>
<div id="opinion"><section class="casebody"><h4 class="parties">MARSH v. ALDER CREEK WATER CONTROL DISTRICT</h4>
<p class="decisiondate">reversed May 12, 2003</p>
<p class="author">LINDER, P.J.</p>
<p>The district charged $41.20 per acre in 2001.<a class="footnotemark" href="#fn1" id="ref1">1</a> The charge rose by 12% in 2002.</p>
<p><a class="page-label" data-label="88" href="#p88" id="p88">*88</a>Petitioners own 64 acres, of which 40 are irrigable.</p>
<p><a class="page-label" data-label="89" href="#p89" id="p89">*89</a>We reverse.</p>
<div class="footnotes"><div class="footnote" id="fn1"><a href="#ref1">1</a><p>ORS 545.482 (2001).</p></div></div>
</section></div></body></html>"""


def test_star_pagination_the_decision_date_and_the_judge_of_a_law_report():
    report = parse_report(_CAP_OPINION.encode(), "html")
    assert [page.label for page in report.pages][-2:] == ["88", "89"]
    assert "*88" not in report.text and "*89" not in report.text
    assert "Petitioners own 64 acres, of which 40 are irrigable." in report.text
    assert report.date == "2003-05-12" and report.authors == ["LINDER, P.J."]
    assert "Copy Citation" not in report.text and "Get Citation Alerts" not in report.text
    assert [n.text for n in report.footnotes] == ["ORS 545.482 (2001)."]


# --- BAILII: the site's chrome between its search engine's noindex comments ---------------

_BAILII_PAGE = """<HTML><HEAD><TITLE>Fenmoor Eels Ltd v Harbour Board [2007] EWCA Civ 101 (2 March 2007)</TITLE></HEAD><BODY>
<!--sino noindex-->
<TABLE><TR><TD>[<A HREF="/">Home</A>] [<A HREF="/databases.html">Databases</A>] [<A HREF="/help/">Help</A>]</TD></TR></TABLE>
<H1>England and Wales Court of Appeal (Civil Division) Decisions</H1>
<P>You are here: <A HREF="/">BAILII</A> &gt;&gt; Fenmoor Eels Ltd v Harbour Board</P>
<HR>
<!--/sino noindex-->
<P ALIGN="center">B e f o r e :</P>
<P ALIGN="center">LORD JUSTICE MARLOW<BR>and<BR>SIR PETER OAKES</P>
<OL><LI>The Board charged &pound;4,120 for 2006, 18% more than in 2005.</LI></OL>
<!--sino noindex-->
<P><A HREF="/copyright.html">Copyright Policy</A> | <A HREF="/privacy.html">Privacy Policy</A></P>
<!--/sino noindex-->
</BODY></HTML>"""


def test_the_sites_chrome_between_noindex_comments_is_furniture_and_the_judges_are_read():
    report = parse_report(_BAILII_PAGE.encode("cp1252"), "html")
    for chrome in ("Databases", "You are here", "Court of Appeal (Civil Division) Decisions", "Copyright Policy"):
        assert chrome not in report.text
    assert "The Board charged £4,120 for 2006, 18% more than in 2005." in report.text
    assert report.authors == ["Lord Justice Marlow", "Sir Peter Oakes"]
    assert any("Privacy Policy" in piece for piece in removed(report, "navigation"))


def test_a_noindex_comment_that_is_never_closed_inside_an_element_only_marks_what_begins_inside():
    page = "<html><body><p>Fares rose by 12% in 2023.</p><!-- googleoff: index --><p>Share this</p><!-- googleon: index --><p>They fell in 2024.</p></body></html>"
    report = parse_report(page.encode(), "html")
    assert report.text == "Fares rose by 12% in 2023.\n\nThey fell in 2024."


# --- a text on lib.ru (Классика): the work between its comments, "{n}" notes --------------

_LIB_RU_PAGE = """<html><head><title>Орлов Петр Ильич. Мельница на Унже</title>
<META http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>
<center>Lib.ru/Классика: [<a href=/cgi-bin/login>Регистрация</a>] [<a href=/cgi-bin/seek>Найти</a>]</center>
<table><tr><td><li>Год: 1894<li>Обновлено: 03/05/2011. 12k.</td></tr></table>
<!----------- Собственно произведение --------------->
<dd>&nbsp;&nbsp;Мельница молола до 300 пудов в сутки{1}. Мельник брал за помол по 2 копейки с пуда{2}.
<dd>&nbsp;&nbsp;Весною 1893 года плотину снесло.
<div align="center"><b>ПРИМЕЧАНИЯ</b></div>
<dd>&nbsp;&nbsp;Впервые -- газета "Костромской листок", 1894, No 12.
<dd>&nbsp;&nbsp;{1} Смирнов В. Промыслы Унжи. Кострома, 1890. С. 14.
<dd>&nbsp;&nbsp;{2} Там же. С. 15.
<!--------------------------------------------------->
<p><a href=/comment/x>Оставить комментарий</a></p>
<center>Copyright &copy; 2004-2011 Классика. Lib.ru</center>
</body></html>"""


def test_a_lib_ru_page_keeps_the_work_between_its_comments_and_reads_its_brace_notes():
    report = parse_report(_LIB_RU_PAGE.encode("cp1251"), "html")
    assert [(n.number, n.text) for n in report.footnotes] == [
        (1, "Смирнов В. Промыслы Унжи. Кострома, 1890. С. 14."), (2, "Там же. С. 15.")]
    assert notes(report)[2].kind == "ibid" and notes(report)[2].resolves_to == 1
    assert marker_after(report, 1).endswith("Мельница молола до 300 пудов в сутки")
    assert "{1}" not in report.text and "Весною 1893 года плотину снесло." in report.text
    assert 'Впервые -- газета "Костромской листок", 1894, No 12.' in report.text  # the editor's line stays
    for chrome in ("Lib.ru/Классика", "Регистрация", "Обновлено", "Оставить комментарий", "Copyright"):
        assert chrome not in report.text
    assert any("Обновлено: 03/05/2011" in piece for piece in removed(report, "navigation"))


def test_read_next_lists_topic_tags_and_a_licensing_link_are_furniture():
    page = ("<html><body><main><article><h1>Dredging costs rise</h1><p>Spending rose to 148 mln euros in 2023.</p>"
            "<div class='tags-with-label__container__x1'><span>Suggested Topics:</span><ul><li><a href='/t'>Transportation</a></li></ul></div>"
            "<div class='article-footer__licensing'><a href='/l'>Purchase Licensing Rights</a>, opens new tab</div></article>"
            "<section aria-label='Read Next' class='read-next__container__9'><h2>Read Next</h2><ul><li><a href='/x'>Rail strike off</a></li></ul></section>"
            "</main></body></html>")
    report = parse_report(page.encode(), "html")
    assert report.text == "Dredging costs rise\n\nSpending rose to 148 mln euros in 2023."
    assert any("Rail strike off" in piece for piece in removed(report, "related"))


def test_a_notes_second_call_linked_to_its_repeat_id_is_the_same_note():
    refs = ('<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup>',
            '<sup class="footnote-ref"><a href="#fn1:1" id="fnref1:1">[1:1]</a></sup>')
    page = (f"<html><body><main><p>Retries doubled in 2023.{refs[0]} They fell in 2024.{refs[1]}</p>"
            '<hr class="footnotes-sep"><section class="footnotes"><ol class="footnotes-list"><li id="fn1" class="footnote-item">'
            '<p>Internal dashboard, 2024. <a href="#fnref1" class="footnote-backref">↩︎</a> <a href="#fnref1:1" class="footnote-backref">↩︎</a></p>'
            "</li></ol></section></main></body></html>")
    report = parse_report(page.encode(), "html")
    assert [(n.number, n.text, len(n.marker_offsets)) for n in report.footnotes] == [(1, "Internal dashboard, 2024.", 2)]
    assert "[1:1]" not in report.text


def test_a_publications_own_download_and_data_links_are_furniture():
    page = ("<html><body><main><article><h1>Lead pipes</h1>"
            "<div class='publication-links'><a class='file-pdf' href='/a.pdf'>Download PDF</a> <a href='#data'>Data and Supplemental Information</a></div>"
            "<div class='publication-actions'><a class='download-link' href='/b.pdf'>PDF herunterladen</a></div>"
            "<p>About 9.2 million homes are served by lead lines.</p></article></main></body></html>")
    report = parse_report(page.encode(), "html")
    assert report.text == "Lead pipes\n\nAbout 9.2 million homes are served by lead lines."


def test_a_noindex_comment_never_closed_takes_nothing_out_of_the_text():
    page = ("<html><body><!--sino noindex--><div>[<a href='/'>Home</a>]</div>"
            "<p>Costs rose to 148 mln euros in 2023, up 12%.</p><p>The port paid 2,340 in 1851.</p></body></html>")
    report = parse_report(page.encode(), "html")
    assert "Costs rose to 148 mln euros in 2023, up 12%." in report.text and "The port paid 2,340 in 1851." in report.text


def test_a_heading_styled_secondary_outside_any_article_is_still_text():
    page = "<html><body><h2 class='font_secondary'>Costs rose to 148 mln euros in 2023.</h2><p>Up 12%.</p></body></html>"
    assert parse_report(page.encode(), "html").text == "Costs rose to 148 mln euros in 2023.\n\nUp 12%."
