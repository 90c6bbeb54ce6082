"""A newsroom's page parts around a story, each told from the story's own words:

- a call for readers' tips set in the story ("Do You Have a Tip?" over how to reach the reporter) goes;
- the link home under the story ("zur Startseite") is navigation;
- a list of what the site's readers read most ("Beliebt bei „Morgenpost Plus“") is related;
- the tools under a story: report-an-error, more-by-the-writer, show-comments, back-to-top and
  infinite-scroll lines, a "This page in:" language line;
- a byline's part naming the partner newsroom ("<span class="byline__org">Valley Courier</span>") is
  no writer.
"""

from __future__ import annotations

from claimdesk.sources.importer import parse_report

_STORY = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shutoffs rose after the sale</title></head>
<body><main><article>
<h1>Shutoffs rose after the sale</h1>
<p class="byline">by <a class="name" rel="author" href="/people/ana-birch">Ana Birch</a> and
<span class="name">Tomas Reyes</span>, <span class="byline__org">Valley Courier</span></p>
<p>Between 2019 and 2023 the company cut off 3,214 households, about 1 in 9 of its 28,900 accounts.</p>
<div class="bb-callout">
  <h4 class="bb-callout__hed">Do You Have a Tip?</h4>
  <p class="bb-callout__text">Had your water shut off? Reach Ana Birch at ana.birch@example.org. <a href="/tips/">Here's how to send tips securely.</a></p>
</div>
<p>Rates rose 61% in the four years after the sale, from $38.40 to $61.82 a month.</p>
<p>Readers with a tip about the 2021 contract wrote to the council 46 times.</p>
<a class="home" href="/">Back to the home page</a>
<section class="rel"><h2>Popular on Valley Courier</h2>
<ul><li><a href="/a">Ferry fares rise again</a></li><li><a href="/b">The bridge that never opened</a></li>
<li><a href="/c">Four towns, one bus</a></li></ul></section>
</article></main></body></html>"""


def test_a_tip_box_the_home_link_and_the_popular_list_go_and_the_text_stays():
    report = parse_report(_STORY.encode(), "html")
    for gone in ("Do You Have a Tip?", "send tips securely", "Back to the home page", "Popular on Valley Courier",
                 "Ferry fares rise again"):
        assert gone not in report.text
    for kept in ("Between 2019 and 2023 the company cut off 3,214 households, about 1 in 9 of its 28,900 accounts.",
                 "Rates rose 61% in the four years after the sale, from $38.40 to $61.82 a month.",
                 "Readers with a tip about the 2021 contract wrote to the council 46 times."):
        assert kept in report.text
    kinds = {item.kind for item in report.removed}
    assert {"navigation", "related"} <= kinds


def test_the_partner_newsroom_in_the_byline_is_not_a_writer():
    report = parse_report(_STORY.encode(), "html")
    assert report.authors == ["Ana Birch", "Tomas Reyes"]


def test_a_german_home_link_and_popular_list():
    page = (_STORY.replace("Back to the home page", "zur Startseite")
            .replace("Popular on Valley Courier", "Beliebt bei „Morgenpost Plus“"))
    report = parse_report(page.encode(), "html")
    assert "zur Startseite" not in report.text and "Beliebt bei" not in report.text


_TOOLS = """<!doctype html><html lang="es"><head><meta charset="utf-8"><title>El puerto amplía la bocana</title></head>
<body><main><article><h1>El puerto amplía la bocana</h1>
<div class="lang">This page in: <a href="/en/port" hreflang="en">English</a> <a href="/es/puerto" hreflang="es">Español</a></div>
<p>La obra costará 214,5 millones de euros y durará 38 meses, hasta 2027.</p>
<div class="article-signaler"><a href="/signaler/132417">Signaler une erreur</a></div>
<div class="error-message">Нашли опечатку? Выделите текст и нажмите Ctrl+Enter</div>
<p>El tráfico de contenedores creció un 7,2 % en 2023.</p>
<div class="author"><p>Elisenda Vall</p><div class="author-link"><a href="/autores/vall">Ver más artículos</a></div>
<a class="author-more" href="/team/vall">More blogs by Elisenda</a></div>
<div class="open-comments">Mostrar comentarios</div>
<p class="top-link"><a href="#main">Haut de page</a></p>
<div id="infinite-loading" class="infinite-loading">Cargando siguiente contenido... </div>
</article></main></body></html>"""


def test_the_tools_under_a_story_go_by_their_words_in_our_users_languages():
    report = parse_report(_TOOLS.encode(), "html")
    for gone in ("This page in", "Signaler une erreur", "Нашли опечатку", "Ver más artículos", "More blogs by",
                 "Mostrar comentarios", "Haut de page", "Cargando siguiente contenido"):
        assert gone not in report.text, gone
    assert "La obra costará 214,5 millones de euros y durará 38 meses, hasta 2027." in report.text
    assert "El tráfico de contenedores creció un 7,2 % en 2023." in report.text
    assert ("languages", "This page in: English Español") in {(item.kind, " ".join(item.text.split())) for item in report.removed}


def test_a_radio_newsroom_s_broadcast_line_and_more_news_list_go():
    page = """<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Wasserpreise steigen</title></head>
<body><main><article><h1>Wasserpreise steigen</h1>
<p>Die Preise stiegen 2025 um 6,8 Prozent auf 2,31 Euro je Kubikmeter.</p>
<div class="article-details-text">Diese Nachricht wurde am 22.01.2026 im Programm Deutschlandfunk gesendet.</div>
<p>Diese Nachricht wurde 2024 schon einmal gemeldet, damals mit 5,1 Prozent.</p>
</article>
<section class="news-list-box"><h2>Weitere Nachrichten</h2><ul>
<li><a href="/a">Bahn pünktlicher</a></li><li><a href="/b">Mieten steigen</a></li><li><a href="/c">Glätte im Norden</a></li></ul></section>
</main></body></html>"""
    report = parse_report(page.encode(), "html")
    assert "im Programm Deutschlandfunk gesendet" not in report.text
    assert "Weitere Nachrichten" not in report.text and "Bahn pünktlicher" not in report.text
    assert "Die Preise stiegen 2025 um 6,8 Prozent auf 2,31 Euro je Kubikmeter." in report.text
    assert "Diese Nachricht wurde 2024 schon einmal gemeldet, damals mit 5,1 Prozent." in report.text
