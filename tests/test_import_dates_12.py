"""Dates and bylines of held-out set 12: a court's decision date over its page's, a judgment's
title that dates it, a think tank's author box and head date, a committee report's date line,
and an ebook whose production date is not the work's."""

from __future__ import annotations

from claimdesk.sources.importer import parse_report


def _html(page: str):
    return parse_report(page.encode(), "html")


# -- a court's decision page (Government Site Builder, as the BVerfG's) -------------------------

def _decision_page(meta_line: str, head: str = "", body_extra: str = "") -> str:
    return f"""<!DOCTYPE html><html lang="de"><head><title>Gericht - Entscheidungen - Umlage für Deichpflege zulässig</title>
<meta name="generator" content="Government Site Builder"><meta name="DC.date" content="2024-02-07"></head><body>
<nav id="navSkip"><ul><li><a href="#main">Direkt zum Inhalt springen</a></li></ul></nav>
<main id="main"><div class="decision">
<div class="decision-meta"><p class="zitierung">{meta_line}</p></div>
<h1>Umlage für Deichpflege zulässig</h1>
{head}
<div class="entscheidungstext"><h2>Entscheidung</h2>
<p>In dem Verfahren über die Verfassungsbeschwerde des Deichverbands Nordmarsch</p>
<p>gegen das Urteil des Oberverwaltungsgerichts vom 3. Mai 2022 - 9 A 118/21 -,</p>
{body_extra}
<p>Die Umlage deckt die Kosten der Deichpflege von 2,4 Millionen Euro im Jahr und belastet jedes Mitglied nach der geschützten Fläche.</p>
</div></div></main></body></html>"""


def test_a_decision_citation_in_the_head_dates_the_decision_not_its_page():
    report = _html(_decision_page(
        "<strong>Zitierung:</strong> BVerfG, Beschluss des Zweiten Senats vom 16. Januar 2024 - 2 BvL 4/21 -, Rn. 1-40,",
        head="<h2>Leitsätze</h2><p>zum Beschluss des Zweiten Senats vom 16. Januar 2024</p>"))
    assert report.date == "2024-01-16"  # not the DC.date 2024-02-07 of the page (the press release's day)
    assert "Beschluss des Zweiten Senats vom 16. Januar 2024" in report.text
    # "gegen das Urteil … vom 3. Mai 2022" names the decision attacked: no date of this one.
    report = _html(_decision_page("gegen das Urteil des Verwaltungsgerichts vom 3. Mai 2022 - 9 A 118/21 -,"))
    assert report.date == "2024-02-07"


def test_another_courts_judgment_and_the_decree_formula_date_it():
    report = _html(_decision_page("Oberverwaltungsgericht, Urteil vom 21.11.2023 - 4 B 17/23"))
    assert report.date == "2023-11-21"
    report = _html(_decision_page("", body_extra="<p>am 9. Oktober 2023 einstimmig beschlossen:</p>"))
    assert report.date == "2023-10-09"
    # A story about a ruling is dated by its own <time>, and its description's "Urteil vom …: …" is prose.
    story = """<html><head><title>Mieter dürfen mehr</title><meta name="description" content="Urteil vom 12. März 2024: Mieter dürfen mehr">
<meta property="article:published_time" content="2024-03-20"></head><body><article><h1>Mieter dürfen mehr</h1>
<p class="byline">Von Jana Roth, <time datetime="2024-03-19">19. März 2024</time></p><p>Urteil vom 12. März 2024 - 8 AZR 14/23</p>
<p>Das Gericht gab 312 Mietern recht, die eine Nachzahlung von 1.200 Euro verlangt hatten.</p></article></body></html>"""
    assert _html(story).date == "2024-03-19"
    assert _html(story.replace('<p class="byline">Von Jana Roth, <time datetime="2024-03-19">19. März 2024</time></p>', "")
                 .replace("<p>Urteil vom 12. März 2024 - 8 AZR 14/23</p>", "")).date == "2024-03-20"


def test_an_english_judgment_of_the_court_is_dated_by_its_head():
    page = """<html><head><title>Judgment in Case C-411/22</title>
<meta property="article:published_time" content="2023-04-02"></head><body><main>
<p>Judgment of the Court (Third Chamber) of 14 March 2023.</p>
<h1>Harbour Authority v Commission</h1>
<p>The Court holds that the levy of EUR 3.5 million was state aid.</p></main></body></html>"""
    assert _html(page).date == "2023-03-14"


# -- a judgment whose title carries its date (Indian Kanoon) ------------------------------------

def test_a_judgment_title_with_the_parties_and_the_day_dates_it():
    page = """<html><head><title>Narmada Canal Growers Union vs The State Of Gujarat on 3 August, 2021</title></head><body>
<div class="judgments"><div class="doc_title">Narmada Canal Growers Union vs The State Of Gujarat on 3 August, 2021</div>
<pre>IN THE HIGH COURT OF GUJARAT AT AHMEDABAD</pre>
<p>1. The petitioners seek payment of arrears of Rs. 14.2 crore.</p></div></body></html>"""
    report = _html(page)
    assert report.date == "2021-08-03"
    assert report.title == "Narmada Canal Growers Union vs The State Of Gujarat on 3 August, 2021"
    # A title that ends in a date but names no parties is no judgment's.
    page = """<html><head><title>What the council decided on 3 August, 2021</title></head><body>
<p>The council spent 14.2 million on canals.</p></body></html>"""
    assert _html(page).date is None


# -- a think tank's page on TYPO3 (IW Köln) ------------------------------------------------------

def _think_tank_page(box_heading: str) -> str:
    return f"""<html lang="de"><head><title>Pflegeheime: Jeder fünfte Platz fehlt - Institut</title></head><body>
<main><div class="row"><div class="col-md-8"><article class="article">
<div class="article__head"><span class="article__type">Kurzbericht Nr. 12</span>
<span class="article__date">7. März 2024</span>
<h1 class="article__title">Pflegeheime: Jeder fünfte Platz fehlt</h1></div>
<div class="frame frame-type-text"><p>Bis 2030 fehlen bundesweit rund 140.000 Plätze in Pflegeheimen, schätzt das Institut.</p>
<p>Am stärksten wächst die Lücke in ländlichen Kreisen, wo 2023 nur 61 Plätze auf 1.000 Hochbetagte kamen.</p></div>
</article></div>
<aside class="col-md-4 sidebar"><div class="box box--authors"><h3 class="box__title">{box_heading}</h3>
<div class="author"><img src="a.jpg" alt="Dr. Miriam Oberstein"><p class="author__name"><a href="experten/oberstein.html">Dr. Miriam Oberstein</a></p>
<p class="author__role">Senior Economist für Gesundheitsökonomik</p><p class="author__contact">Tel. 0221 4981-111</p></div>
<div class="author"><p class="author__name"><a href="experten/lenz.html">Jakob Lenz</a></p><p class="author__role">Economist für Sozialpolitik</p></div>
</div></aside></div>
<section class="related"><h2>Mehr zum Thema</h2><div class="teaser"><span class="teaser__date">2. Februar 2024</span>
<h3><a href="other.html">Pflegekräfte: Wo sie fehlen</a></h3></div></section></main></body></html>"""


def test_a_sidebar_box_titled_authors_names_them_and_the_head_date_dates_the_page():
    report = _html(_think_tank_page("Autor:innen"))
    assert report.authors == ["Miriam Oberstein", "Jakob Lenz"] or report.authors == ["Dr. Miriam Oberstein", "Jakob Lenz"]
    assert report.date == "2024-03-07"  # the head's date, not the related teaser's 2 February
    assert "140.000" in report.text
    # A box of contacts is no byline; a teaser's date away from the title dates nothing.
    report = _html(_think_tank_page("Ihre Ansprechpartner").replace('<span class="article__date">7. März 2024</span>', ""))
    assert report.authors == [] and report.date is None


# -- a GovInfo committee report --------------------------------------------------------------------

_SENATE_REPORT = """[Senate Report 118-77]
[From the U.S. Government Publishing Office]


                                                       Calendar No. 142
118th Congress                                                   Report
                                 SENATE
 1st Session                                                     118-77

======================================================================

                 COASTAL FERRY TERMINALS MODERNIZATION ACT

                                _______


                 June 22, 2023.--Ordered to be printed

                                _______


   Ms. Harlan, from the Committee on Commerce, Science, and
             Transportation, submitted the following

                              R E P O R T

                         [To accompany S. 1190]

    The Committee on Commerce, Science, and Transportation, to
which was referred the bill (S. 1190), having considered the
same, reports favorably thereon and recommends that the bill do
pass.

[[Page 2]]

                          PURPOSE OF THE BILL

    S. 1190 would authorize $45,000,000 for each of fiscal years
2024 through 2028 for grants to modernize ferry terminals.

[[Page 3]]

                          COMMITTEE ACTION

    On May 10, 2023, the Committee met and ordered the bill
reported favorably by voice vote.

                                 <all>
"""


def test_a_committee_reports_date_line_dates_it():
    for source, kind in ((_SENATE_REPORT.encode(), "txt"),
                         (f"<html><head><title>COASTAL FERRY TERMINALS</title></head><body><pre>{_SENATE_REPORT}</pre></body></html>".encode(), "html")):
        report = parse_report(source, kind)
        assert report.date == "2023-06-22", kind  # not the committee's meeting of May 10
        assert "June 22, 2023.--Ordered to be printed" in report.text
        assert "$45,000,000" in report.text


# -- an ebook's colophon --------------------------------------------------------------------------

def _ebook(colophon: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="en-GB"><head>
<title>The Salt Marsh Diaries, by Agnes Whitlow</title><meta name="dc.creator" content="Agnes Whitlow"/>
<meta name="dc.date" content="2022-05-30T09:12:00Z"/></head><body>
<section id="chapter-1" epub:type="chapter"><h2>I. The Sluice</h2>
<p>The sluice at Wendham was opened twice a day, and the keeper was paid fourteen shillings a week for it.</p></section>
{colophon}</body></html>"""


def test_an_ebooks_colophon_gives_the_works_year_not_the_ebooks_date():
    report = _html(_ebook("""<section id="colophon" epub:type="backmatter z3998:colophon"><h2 epub:type="title">Colophon</h2>
<p><i>The Salt Marsh Diaries</i><br/>was published in 1894 by<br/>Agnes Whitlow.</p>
<p>The first edition of this ebook was released on<br/><b>May 30, 2022, 9:12 a.m.</b></p></section>"""))
    assert report.date == "1894"


def test_another_producers_copyright_page_gives_the_first_publication():
    report = _html(_ebook("""<div epub:type="copyright-page"><p>First published in London in 1902.</p>
<p>This edition produced 2022.</p></div>"""))
    assert report.date == "1902"


def test_an_ebook_that_states_no_year_of_the_work_has_no_date():
    report = _html(_ebook("""<section id="colophon" epub:type="z3998:colophon"><p>This ebook was released on
<b>May 30, 2022</b>.</p></section>"""))
    assert report.date is None  # the dc.date is the ebook file's, not the work's
