"""Classes from blind30's and blind31's web pages, each with a fixture of our own.

- An older court site that names its parts in Italian ("testata", "briciole", "colonnaSinistra",
  "boxCorrelati", "tornaSu", "piede"): furniture, as the English names are.
- The site's name from its logo (the image's alt, the link's "… - Home page"): a <title>
  "Site - Headline" over an h1 "Headline" is headed by the h1.
- An Italian decision's date ("Deposito del 27/05/2025", "Depositata in Cancelleria il 27 maggio 2025")
  and its drafter, signed "Name SURNAME, Redattore"; Italian and Portuguese dates.
- A warning to readers of old browsers, a caption's credit part, an estimated reading time, a
  newsroom's own name given as article:author: furniture, or no author.
"""

from __future__ import annotations

from claimdesk.sources.header import parse_date
from claimdesk.sources.importer import parse_report

_ITALIAN_COURT = """<!DOCTYPE html><html lang="it"><head><meta charset="utf-8">
<title>Tribunale amministrativo di Esempio - Sentenza 77/2024</title></head>
<body><div id="contenitore">
<a href="#contenuto" class="salta-contenuto">Salta al contenuto principale</a>
<div id="testata"><div id="logo"><a href="/" title="Tribunale amministrativo di Esempio - Home page">
<img src="/logo.png" alt="Tribunale amministrativo di Esempio"></a></div>
<div id="menuServizio"><ul><li><a href="/mappa">mappa</a></li><li><a href="/cerca">cerca</a></li></ul></div></div>
<div id="corpo"><div id="colonnaSinistra"><ul><li><a href="/p">Pronunce</a></li><li><a href="/m">Massime recenti</a></li></ul></div>
<div id="colonnaCentrale"><div id="briciole"><a href="/">Home</a> - <a href="/g">Giurisprudenza</a> - <span>Archivio</span></div>
<table class="intestazione"><tr><td colspan="2"><h1>Sentenza 77/2024</h1></td></tr>
<tr><td>Presidente VERDI - Redattore BIANCHI</td></tr>
<tr><td>Udienza del 05/02/2024</td><td>Deposito del 19/03/2024</td></tr></table>
<div class="testo">
<p>1.– Il ricorso riguarda la tariffa idrica deliberata nel 2023, aumentata del 12,5 per cento.</p>
<p>2.– Il ricorso è fondato per 3 dei 4 motivi proposti.</p>
<p>Così deciso in Esempio, il 5 febbraio 2024.</p>
<p>Carla VERDI, Presidente</p>
<p>Giulia BIANCHI, Redattore</p>
<p>Depositata in Cancelleria il 19 marzo 2024</p>
</div>
<div class="boxCorrelati"><h3>Pronunce correlate</h3><ul><li><a href="/s/12">Sentenza 12/2022 – Tariffe idriche</a></li></ul></div>
<div class="tornaSu"><a href="#contenitore">Torna su</a></div>
</div></div>
<div id="piede"><p>Tribunale amministrativo di Esempio - Via dei Giudici 4 - 00100 Esempio</p></div>
</div></body></html>"""


def test_an_older_court_site_s_parts_named_in_italian_are_furniture():
    report = parse_report(_ITALIAN_COURT.encode(), "html")
    text = " ".join(report.text.split())
    for furniture in ("Salta al contenuto", "Massime recenti", "Home - Giurisprudenza", "Pronunce correlate",
                      "Torna su", "Via dei Giudici 4", "mappa"):
        assert furniture not in text, furniture
    assert "Il ricorso riguarda la tariffa idrica deliberata nel 2023, aumentata del 12,5 per cento." in text
    assert "Giulia BIANCHI, Redattore" in text  # the signatures are the decision's


def test_the_logo_names_the_site_so_the_h1_heads_the_page_and_the_decision_names_its_date_and_drafter():
    report = parse_report(_ITALIAN_COURT.encode(), "html")
    assert report.title == "Sentenza 77/2024"
    assert report.date == "2024-03-19"
    assert report.authors == ["Giulia BIANCHI"]


def test_italian_and_portuguese_dates_are_read():
    assert parse_date("19 marzo 2024") == "2024-03-19"
    assert parse_date("14 de março de 2024") == "2024-03-14"
    assert parse_date("31 febbraio 2024") is None  # an impossible date is no date


_NEWS_PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Fernwärme wird teurer - Stadtbote</title>
<meta property="og:site_name" content="Stadtbote"><meta property="article:author" content="Stadtbote"></head>
<body><div id="ns4_info" class="warning_msg">Wichtiger Hinweis: Diese Website wird in älteren Versionen von Netscape
ohne graphische Elemente dargestellt. Die Funktionalität der Website ist aber trotzdem gewährleistet.</div>
<article><h1>Fernwärme wird teurer</h1>
<ul class="meta"><li class="meta-item">Estimated read time: 4 minutes</li></ul>
<figure><img src="a.jpg" alt=""><figcaption><span class="mediaCaption__text">Das Heizwerk am Hafen.</span>
<span class="mediaCaption__author">(dpa/Jana Vogt)</span></figcaption></figure>
<p>Der Arbeitspreis steigt zum 1. Januar um 9,4 Prozent auf 12,8 Cent je Kilowattstunde.</p>
<p>Betroffen sind rund 41.000 Haushalte.</p></article></body></html>"""


def test_a_browser_warning_a_caption_credit_and_a_reading_time_are_furniture_and_the_site_is_no_author():
    report = parse_report(_NEWS_PAGE.encode(), "html")
    text = " ".join(report.text.split())
    for furniture in ("Netscape", "Estimated read time", "(dpa/Jana Vogt)"):
        assert furniture not in text, furniture
        assert any(furniture in item.text for item in report.removed), furniture
    assert "Das Heizwerk am Hafen." in text
    assert "Der Arbeitspreis steigt zum 1. Januar um 9,4 Prozent auf 12,8 Cent je Kilowattstunde." in text
    assert report.authors == []
