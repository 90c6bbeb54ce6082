"""Classes from blind35 (digitised books, a case-law page, by blind authors), each with a fixture of
our own written inline:

- a digital library's text view (the Deutsches Textarchiv's): calls as <span class="fn-intext">1)</span>,
  notes as <div class="footnote"><span class="fn-sign">1)</span> …</div> at each page's foot, no link
  between them: they pair by label in reading order; page breaks "|#f0032 : 24|" (span.dta-pb) give the
  printed page; the forme work (running head "fw-top fw-header", catchword "fw-bottom-catch") goes;
  the "Zitationshilfe" and "Informationen zur Digitalisierung" boxes and "Fehler gefunden?" go;
- a Dublin Core creator "Surname, Forename" is one name turned round, and the library named as
  DC.publisher ("Alicante : Biblioteca …") is no author though meta author names it;
- the Biblioteca Virtual Miguel de Cervantes marks pages <span class="numPag">[p. 14]</span>;
- a case-law page that links calls "[<a href="#[2]">2</a>]" to notes "<a name="[2]">[2]</a> …", draws
  every page start twice ("448" and "*448" side by side), and names the writer "HALLOWAY, Judge."
"""

from __future__ import annotations

from claimdesk.sources.importer import parse_report

_DTA = """<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Brandt: Die Brücken der Stadt Ellerau. 1871</title>
<meta name="DC.creator" content="Brandt, Carl Friedrich"></head>
<body><div class="container"><div class="tei text">
<span class="dta-pb">|#f0011 : 9|</span><br/>
<p>Die alte Brücke trägt ſeit 1788 den ganzen Verkehr,<span class="fn-intext">1)</span> täglich
etwa 2.300 Fuhrwerke.</p>
<div class="footnote"><span class="fn-sign">1)</span> Nach der Zählung vom 3. Mai 1870, S. 4.</div>
<div class="fw-bottom-catch">Die</div>
<span class="dta-pb">|#f0012 : 10|</span><br/>
<div class="fw-top fw-header">Die Brücken.</div>
<p>Die neue Brücke koſtet 184.000 Thaler<span class="fn-intext">1)</span> und hat drei Bögen.</p>
<div class="footnote"><span class="fn-sign">1)</span> Ebendaſelbſt, S. 6.</div>
</div>
<div class="dta-info-box card"><div class="card-header">Zitationshilfe</div>
<div class="card-body"><p>Brandt, Carl Friedrich: Die Brücken der Stadt Ellerau. 1871, S. 9–10. In: Deutsches Textarchiv.</p></div></div>
<div class="dta-info-box card"><div class="card-header">Informationen zur Digitalisierung</div>
<div class="card-body"><p>Bereitstellung der Bilddigitalisate: Stadtbibliothek Ellerau.</p></div></div>
<p class="dta-dtaq-link">Fehler gefunden? <a href="/dtaq">Melden Sie ihn in der Qualitätssicherungsumgebung.</a></p>
</div></body></html>"""


def test_a_text_archive_s_unlinked_notes_pair_by_label_page_by_page():
    report = parse_report(_DTA.encode(), "html")
    assert [(note.text, note.kind, note.resolves_to) for note in report.footnotes] == [
        ("Nach der Zählung vom 3. Mai 1870, S. 4.", "note", None),
        ("Ebendaſelbſt, S. 6.", "ibid", 1),
    ]
    words_before_calls = [report.text[:note.marker_offsets[0]].split()[-1] for note in report.footnotes]
    assert words_before_calls == ["Verkehr,", "Thaler"]
    assert "täglich etwa 2.300 Fuhrwerke." in " ".join(report.text.split())


def test_a_text_archive_s_pages_forme_work_and_boxes():
    report = parse_report(_DTA.encode(), "html")
    assert [page.label for page in report.pages] == ["9", "10"]
    text = " ".join(report.text.split())
    for gone in ("|#f0012", "Die Brücken.", "Zitationshilfe", "Bilddigitalisate", "Fehler gefunden"):
        assert gone not in text, gone
    assert "Die neue Brücke koſtet 184.000 Thaler und hat drei Bögen." in text
    assert report.authors == ["Carl Friedrich Brandt"]


def test_the_library_named_as_publisher_is_no_author_and_its_pages_are_read():
    page = """<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Memoria sobre el puente</title>
<meta name="author" content="Biblioteca Digital del Duero"><meta name="DC.creator" content="Ortega y Salas, Julián">
<meta name="DC.publisher" content="Zamora : Biblioteca Digital del Duero"></head><body><main>
<h1>Memoria sobre el puente</h1><p class="numPag"><a id="P7"></a>[p. 7]</p>
<p>El puente mide 212 varas y costó 1.400.000 reales en 1856. <span class="numPag"><a id="P8"></a>[p. 8]</span> Se abrió en 1858.</p>
</main></body></html>"""
    report = parse_report(page.encode(), "html")
    assert report.authors == ["Julián Ortega y Salas"]
    assert [page.label for page in report.pages] == ["7", "8"]
    assert "[p. 8]" not in report.text and "Se abrió en 1858." in report.text


_CASE = """<!doctype html><html><head><title>Doe v. City of Elm Bend - Google Scholar</title></head><body>
<div id="gs_opinion"><center><b>98 N.E.3d 310 (2022)</b></center>
<p>ARNDT, Judge.</p>
<p>[1] The City raised its sewer rate by 18.5 percent in 2020.<sup>[<a href="#[1]" name="r[1]" class="gsl_hash">1</a>]</sup></p>
<p><a class="gsl_pagenum" href="#p311" name="p311">311</a><a class="gsl_pagenum2" href="#p311">*311</a> [2] Doe sued in 2021.<sup>[<a href="#[2]" name="r[2]" class="gsl_hash">2</a>]</sup></p>
<p><a href="#r[1]" name="[1]" class="gsl_hash">[1]</a> The increase took effect on March 1, 2020.</p>
<p><a href="#r[2]" name="[2]" class="gsl_hash">[2]</a> Id. at 4.</p>
</div></body></html>"""


def test_a_case_law_page_s_bracketed_calls_double_page_starts_and_writer():
    report = parse_report(_CASE.encode(), "html")
    assert [note.text for note in report.footnotes] == ["The increase took effect on March 1, 2020.", "Id. at 4."]
    assert [page.label for page in report.pages] == ["311"]
    assert report.authors == ["Arndt"]
    assert "[2] Doe sued in 2021." in report.text


def test_a_markdown_read_also_line_of_links_goes_and_a_sentence_so_begun_stays():
    post = """---
title: "Le coût des pistes"
author: Lise Amar
date: 2024-03-18
---

Le budget 2024 consacre 4,2 millions d'euros aux pistes cyclables.

**À lire aussi :** [Le tramway en cinq graphiques]({% post_url 2023-11-05-tramway %}) et [Stationnement : la fin de la gratuité ?](/2024/01/stationnement/)
{: .notice}

À lire aussi, le rapport de 2023 chiffre le kilomètre à 310 000 euros.
"""
    report = parse_report(post.encode(), "md")
    assert "Le tramway en cinq graphiques" not in report.text
    assert "Le budget 2024 consacre 4,2 millions d'euros aux pistes cyclables." in report.text
    assert "À lire aussi, le rapport de 2023 chiffre le kilomètre à 310 000 euros." in report.text
    assert "related" in {item.kind for item in report.removed}
