"""Classes from blind36 (digitised books and case-law databases, by blind authors), each with a
fixture of our own written inline:

- a Lotus Domino court database (dgsi.pt) sets the whole judgment in one table cell, lines parted by
  <br>, no <p>, inside the page's <form>: the form is judged part by part, the judgment stays; its
  Word notes are lines of that cell, "<a href="#_ftnref1" name="_ftn1">[1]</a> Cf. …<br>", each
  called by "<a href="#_ftn1" name="_ftnref1">[1]</a>"; "Relator:" names the writer, "Data do
  Acordão: 03/12/2024" is 2024 until the closing "Coimbra, 12 de Março de 2024" says the day;
- an op. cit. after the name of one who discussed the work ("…, por Pais Leitão, ob. cit.") and
  after French initials ("J.-Y. Le Goff, op. cit.") finds the work;
- Making of America's page breaks <div class="pb">[Page 98]</div> and the running head under each
  ("98 THE WESTERN HUSBANDMAN. [March,");
- OpenEdition's <span class="pagination">p. 45</span> pages, <span class="paranumber">8</span>
  paragraph numbers parted from the first word, its "Référence électronique du chapitre" box.
"""

from __future__ import annotations

from claimdesk.sources.importer import parse_report

_DOMINO = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Acórdão do Tribunal da Relação de Évora</title></head><body>
<form action=""><table><tr><td><font size="1"><a href="/jtre.nsf">Acórdãos TRE</a> | <a href="/jtre.nsf/Por+Ano">Por Ano</a></font></td></tr></table>
<table border="1">
<tr><td><b>Processo:</b></td><td><b>88/21.0T8EVR.E1</b></td></tr>
<tr><td><b>Relator:</b></td><td><b>JOÃO PEDRO MOURA</b></td></tr>
<tr><td><b>Data do Acordão:</b></td><td><b>04/09/2023</b></td></tr>
</table>
<table border="1"><tr><td><b>Decisão Texto Integral:</b></td><td><font size="2">Acordam os juízes:<br>
<br>
O autor pediu a quantia de &#8364; 3.400,00, acrescida de juros de 4%, pela água que a ré consumiu entre 2019 e 2021.<a href="#_ftn1" name="_ftnref1"><font size="2">[1]</font></a><br>
<br>
A ré pagou, em 2022, apenas &#8364; 1.150,00, como se vê dos recibos juntos.<a href="#_ftn2" name="_ftnref2"><font size="2">[2]</font></a><br>
<br>
Évora, 9 de Abril de 2023<br>
<br>
João Pedro Moura<br>
<br>
<a href="#_ftnref1" name="_ftn1"><font size="2">[1]</font></a> Cf. Rui Vilar Antunes, <i>Contratos de Fornecimento</i>, Lisboa, 2018, p. 41.<br>
<a href="#_ftnref2" name="_ftn2"><font size="2">[2]</font></a> Comentado por Vilar Antunes, ob. cit., p. 44.<br>
</font></td></tr></table></form></body></html>"""


def test_a_domino_judgment_in_one_cell_keeps_its_text_and_reads_its_line_notes():
    report = parse_report(_DOMINO.encode(), "html")
    text = " ".join(report.text.split())
    assert "O autor pediu a quantia de € 3.400,00, acrescida de juros de 4%, pela água que a ré consumiu entre 2019 e 2021." in text
    assert [(note.text, note.kind, note.resolves_to) for note in report.footnotes] == [
        ("Cf. Rui Vilar Antunes, Contratos de Fornecimento, Lisboa, 2018, p. 41.", "reference", None),
        ("Comentado por Vilar Antunes, ob. cit., p. 44.", "op_cit", 1),
    ]
    assert [report.text[:note.marker_offsets[0]].split()[-1] for note in report.footnotes] == ["2021.", "juntos."]
    assert "Cf. Rui Vilar" not in report.text


def test_a_domino_judgment_s_writer_and_its_day():
    report = parse_report(_DOMINO.encode(), "html")
    assert report.authors == ["João Pedro Moura"]
    assert report.date == "2023-04-09"  # the field's 04/09/2023 could be either way round; the dateline says


def test_a_field_date_either_way_round_stays_a_year_without_a_dateline():
    page = _DOMINO.replace("Évora, 9 de Abril de 2023<br>", "")
    assert parse_report(page.encode(), "html").date == "2023"


def test_a_block_of_labels_in_a_form_is_no_prose_but_sentences_in_cells_are():
    form = """<html><head><title>Search</title></head><body><h1>Water rates 2024</h1>
<p>The rate rose by 6.2% in 2024, to £412 a year, the council said.</p>
<form><table><tr><td>Name:</td><td><input name="n"></td></tr><tr><td>Postcode:</td><td><input name="p"></td></tr></table>
<input type="submit" value="Find my rate"></form></body></html>"""
    report = parse_report(form.encode(), "html")
    assert "Postcode" not in report.text and "The rate rose by 6.2% in 2024" in report.text


def test_op_cit_after_french_initials_finds_the_work():
    notes = "".join(f'<li id="fn{n}">{text}</li>' for n, text in enumerate((
        "Jean-Yves Le Goff, <em>Foires et marchés</em>, Brest, 1984, p. 117.",
        "Anne Quéré, « Négociants et blatiers », <em>Annales de l’Armor</em>, 1998, p. 55-78.",
        "J.-Y. Le Goff, <em>op. cit.</em>, p. 203."), start=1))
    calls = "".join(f'<p>Phrase {n} de 1770.<a href="#fn{n}">{n}</a></p>' for n in (1, 2, 3))
    page = f"<html><head><title>Halles</title></head><body><article>{calls}<ol class='footnotes'>{notes}</ol></article></body></html>"
    report = parse_report(page.encode(), "html")
    assert [(note.kind, note.resolves_to) for note in report.footnotes] == [("reference", None), ("reference", None), ("op_cit", 1)]


def test_page_breaks_classed_pb_and_the_running_head_under_each():
    page = """<html><head><title>The Grain Trade</title></head><body><div class="fulltext">
<div class="pb" id="pb97"><a href="/img/105">[Page 97]</a></div>
<p class="rh">1857.] THE GRAIN TRADE OF THE LANDING. 97</p>
<p>Last season the shipments of wheat reached 312,000 bushels, besides 188,000 bushels of corn.</p>
<div class="pb" id="pb98"><a href="/img/106">[Page 98]</a></div>
<p class="rh">98 THE WESTERN FARMER. [March,</p>
<p>98 bushels of rye were sold at the mill in 1856.</p>
<div class="pb-3"><p>Padding is no page: 12</p></div>
</div></body></html>"""
    report = parse_report(page.encode(), "html")
    assert [page.label for page in report.pages] == ["97", "98"]
    text = " ".join(report.text.split())
    assert "THE GRAIN TRADE OF THE LANDING" not in text and "WESTERN FARMER" not in text and "[Page" not in text
    assert "98 bushels of rye were sold at the mill in 1856." in text  # prose opening with the number stays
    assert "Padding is no page: 12" in text
    assert {item.kind for item in report.removed if "WESTERN" in item.text} == {"header"}


def test_openedition_pages_paragraph_numbers_and_citation_box():
    page = """<html lang="fr"><head><title>Le marché</title></head><body><div id="text">
<p class="texte"><span class="paranumber">1</span><span class="pagination">p. 45</span>Le marché compte 6 400 boisseaux en 1760.</p>
<h3 class="texte"><span class="pagination">p. 46</span>Un déclin programmé ?</h3>
<p class="texte"><span class="paranumber">2</span>À partir de 1780, le volume diminue de 30 %.</p>
</div>
<div id="quotation"><h2 class="title">Référence électronique du chapitre</h2><p>MORVAN, Claire. Le marché. In : Les halles, 2019.</p>
<p class="export">Compatible avec Zotero RIS BibTeX</p></div>
<ul class="pagination"><li><a href="?p=2">2</a></li></ul></body></html>"""
    report = parse_report(page.encode(), "html")
    assert [page.label for page in report.pages] == ["45", "46"]
    text = report.text
    assert "2 À partir de 1780, le volume diminue de 30 %." in text and "2À" not in text
    assert "p. 46" not in text and "Un déclin programmé ?" in text
    assert "Référence électronique" not in text and "Zotero" not in text


def test_a_rapporteur_field_names_the_writer_without_the_courtesy():
    from claimdesk.sources.readers.judges import WRITER_FIELD_LABEL, panel_names
    assert all(WRITER_FIELD_LABEL.match(label) for label in ("Relator:", "Relatora", "Ponente:", "Magistrado Ponente"))
    assert panel_names("Doña Matilde Corbalán Ruiz") == ["Matilde Corbalán Ruiz"]
    assert panel_names("MARIA HELENA SARMENTO") == ["Maria Helena Sarmento"]


_JOURNAL_PAGES = """<html><head><title>The Grain Trade</title></head><body><div class="fulltext">
<div class="pb"><a href="/img/105">[Page 97]</a></div>
<p>Last season the shipments reached 312,000 bushels of wheat.* There are now six warehouses.</p>
<div class="footnotes-page"><p class="fn">* From the returns of the Board of Trade, 14th January.</p></div>
<div class="pb"><a href="/img/106">[Page 98]</a></div>
<p>A company has a capital of 400,000 dollars.* Of this 2 per cent is paid; the road earned 14 per cent.&dagger;</p>
<div class="footnotes-page"><p class="fn">* Ibid., 21st January.</p><p class="fn">&dagger; We commend this example.</p></div>
</div></body></html>"""


def test_notes_marked_by_symbols_at_each_page_s_foot():
    report = parse_report(_JOURNAL_PAGES.encode(), "html")
    assert [(note.number, note.text, note.kind) for note in report.footnotes] == [
        (1, "From the returns of the Board of Trade, 14th January.", "note"),
        (2, "Ibid., 21st January.", "ibid"),
        (3, "We commend this example.", "note"),
    ]
    assert [report.text[:note.marker_offsets[0]].split()[-1] for note in report.footnotes] == ["wheat.", "dollars.", "cent."]
    assert "*" not in report.text and "†" not in report.text
    assert any("numbered 1 to 3" in warning for warning in report.warnings)


def test_a_page_whose_marks_are_not_all_called_keeps_them():
    page = _JOURNAL_PAGES.replace("reached 312,000 bushels of wheat.*", "reached 312,000 bushels of wheat.")
    report = parse_report(page.encode(), "html")
    assert "* From the returns of the Board of Trade" in report.text  # page 97 stays as it is
    assert [note.text for note in report.footnotes] == ["Ibid., 21st January.", "We commend this example."]


def test_a_wrapper_of_text_and_notes_is_no_notes_list():
    page = """<html><head><title>De turfvaart</title></head><body><div id="tekst_en_noten">
<p class="author-line">door H.J. Brinkman</p>
<p>In 1790 passeerden 1.842 schepen de brug.<a class="note" href="#N1" id="1T" name="1T">1</a></p>
<p>In 1805 waren dat er 2.316.<a class="note" href="#N2" id="2T" name="2T">2</a></p>
<div class="notes-container"><div class="note" id="N1"><a class="note-link" href="#1T">1</a> G. van Dijk, <i>De veenkoloniën</i>, Groningen 1938, 104.</div>
<div class="note" id="N2"><a class="note-link" href="#2T">2</a> Van Dijk, a.w., 131.</div></div></div></body></html>"""
    report = parse_report(page.encode(), "html")
    assert [(note.text, note.kind, note.resolves_to) for note in report.footnotes] == [
        ("G. van Dijk, De veenkoloniën, Groningen 1938, 104.", "reference", None), ("Van Dijk, a.w., 131.", "op_cit", 1)]
    assert "In 1790 passeerden 1.842 schepen de brug." in report.text
    assert report.authors == ["H.J. Brinkman"]  # initials as written, not "H.j."


def test_an_article_header_classed_as_a_widget_keeps_its_headline_and_lead():
    page = """<html><head><title>Vil legge ned to skoler – NRK</title></head><body>
<div class="group widget rich container-widget"><article class="article widget rich container-widget" role="main">
<div data-ec-list="article_lead"><div class="g94 col container-widget"><header class="container-widget-content article-header">
<h1 class="title">Vil legge ned to skoler</h1><div class="article-lead"><p>Kommunen vil spare 14 millioner kroner i 2025.</p></div>
</header></div></div><div class="article-body"><p>Nordbygda skole har i dag 38 elever, og Hølen skole har 33. Foreldrene
varsler kamp mot forslaget, og det blir et fakkeltog torsdag.</p></div>
</article></div><aside class="widget related"><h2>Mer om</h2><a href="/a">Annen sak</a></aside></body></html>"""
    report = parse_report(page.encode(), "html")
    assert "Kommunen vil spare 14 millioner kroner i 2025." in report.text


def test_a_paper_s_names_line_with_its_note_and_a_dated_head_without_h1():
    page = """<html><head><title>The Fed - Credit Line Drawdowns in 2022-23</title></head><body><div id="article">
<h3 class="title"><em>FEDS Notes</em></h3><p class="article__time">July 18, 2024</p>
<h3 class="title">Credit Line Drawdowns in 2022-23</h3>
<p>Rachel Okafor and Dmitri Halvorsen<a href="#fn1" id="f1"><sup>1</sup></a></p>
<p>Small firms drew 4.2 percent less in 2023.</p>
<p class="figure__accessible"><a href="/fig1-accessible.htm">Accessible version</a></p>
<p>1. <a href="#f1" id="fn1">Return to text</a> We thank the staff. The views are the authors' own.</p>
</div><div class="lastUpdate">Last Update: July 18, 2024</div></body></html>"""
    report = parse_report(page.encode(), "html")
    assert report.authors == ["Rachel Okafor", "Dmitri Halvorsen"]
    assert report.date == "2024-07-18"
    assert "Accessible version" not in report.text and "Last Update" not in report.text


def test_an_opinion_signed_with_the_office_under_the_name():
    page = """<html><head><title>Harlan Feed v. Moreno, No. 07-21-00088-CV | Casetext</title></head><body>
<div class="announcement-bar" role="region"><p>Casetext is now part of Thomson Reuters. <a href="/cocounsel">Meet CoCounsel →</a></p></div>
<main><div class="case-actions"><button>Copy Cite</button> <a href="/pdf">Download PDF</a> <a href="/treatment">Check Treatment</a></div>
<div class="opinion"><p>Moreno recovered $46,218.40 in damages in 2021.</p><p>The trial court's judgment is affirmed.</p>
<p class="signature">Judy C. Hartwell<br>Justice</p></div></main></body></html>"""
    report = parse_report(page.encode(), "html")
    assert report.authors == ["Judy C. Hartwell"]
    assert "Thomson Reuters" not in report.text and "Check Treatment" not in report.text


def test_a_hong_kong_judgment_s_head_writer_and_site_header():
    cells = "<table><tr><td>BETWEEN</td><td></td><td></td></tr><tr><td>CHAN TAI MING</td><td>Plaintiff</td></tr></table>"
    page = f"""<html><head><title>CACV142/2023 CHAN TAI MING v. OWNERS</title></head><body>
<div id="lrs-header"><div class="sys-name">Legal Reference System</div><ul><li><a href="/ju">Judgments</a></li></ul>
<div class="fontsize">Text Size: <a href="#">A</a> <a href="#">A</a></div></div>
<div id="judgment"><p>CACV 142/2023</p><p>IN THE HIGH COURT</p><p>CIVIL APPEAL NO 142 OF 2023</p>{cells}
<p>Before: Hon Kwan VP, Ho JA and Lai J in Court</p><p>Date of Hearing: 12 March 2024</p><p>Date of Judgment: 26 April 2024</p>
<p>J U D G M E N T</p><p><b>Hon Ho JA (giving the Judgment of the Court):</b></p>
<p>1. The owners raised $1,460,000 in 2022 for the lifts.</p></div></body></html>"""
    report = parse_report(page.encode(), "html")
    assert report.authors == ["Ho JA"] and report.date == "2024-04-26"
    assert "Legal Reference System" not in report.text and "Text Size" not in report.text
    assert "BETWEEN;" not in report.text and "BETWEEN" in report.text  # an empty cell parts nothing
    assert "CHAN TAI MING; Plaintiff" in report.text


def test_a_dutch_judgment_s_closing_formula_and_its_note_pointing_back():
    page = """<html><head><title>ECLI:NL:RBNNE:2024:1873, Rechtbank Noord-Nederland, 14-05-2024</title>
<meta name="DCTERMS.creator" content="Rechtbank Noord-Nederland"></head><body><div class="uitspraak">
<p>Het college verlaagde de subsidie van € 31.500 tot € 24.750 in 2023.<a href="#fn1" id="r1">1</a></p>
<p>Het college had de subsidie dus niet mogen verlagen.<a href="#fn2" id="r2">2</a></p>
<p>Deze uitspraak is gedaan door mr. E.M. Hoekstra, rechter, in aanwezigheid van mr. T. Wierenga, griffier.</p>
<ol class="voetnoten"><li id="fn1">ABRvS 12 april 2023, ECLI:NL:RVS:2023:1411.</li>
<li id="fn2">Zie de uitspraak genoemd in voetnoot 1, r.o. 6.3.</li></ol></div></body></html>"""
    report = parse_report(page.encode(), "html")
    assert report.authors == ["E.M. Hoekstra"]
    assert (report.footnotes[1].kind, report.footnotes[1].resolves_to) == ("op_cit", 1)


def test_fields_of_a_polish_court_database_and_a_wikisource_header():
    court = """<html><head><title>II SA/Kr 412/23 - Wyrok WSA w Krakowie</title></head><body>
<table><tr><td class="lista-label">Data orzeczenia</td><td><table><tr><td>2023-06-14</td><td>orzeczenie prawomocne</td></tr></table></td></tr></table>
<div class="sentencja"><p>Sąd oddalił skargę na opłatę w wysokości 1 240 zł za 2022 rok.</p></div>
<div id="stopka"><p>Orzeczenia nie stanowią urzędowego publikatora.</p></div></body></html>"""
    report = parse_report(court.encode(), "html")
    assert report.date == "2023-06-14" and "urzędowego publikatora" not in report.text
    book = """<html><head><title>Opis miasta/Rozdział IV – Wikiźródła</title></head><body><table class="header">
<tr><td>Autor</td><td><b>Teofil Zaremba</b></td></tr><tr><td>Data wyd.</td><td>1887</td></tr></table>
<div class="mw-parser-output"><p>W roku 1885 było tu 46 majstrów i około 60 czeladników.</p></div></body></html>"""
    assert parse_report(book.encode(), "html").date == "1887"


def test_a_row_of_links_in_font_tags_and_a_page_feedback_box_go():
    page = """<html><head><title>Acórdão</title></head><body><table><tr><td><font size="1"><a href="/a">Acórdãos TRC</a> |
<a href="/b">Por Ano</a> | <a href="/c">Por Relator</a> | <a href="/d">Pesquisa</a></font></td></tr></table>
<p>O autor pediu € 3.400,00 em 2021, acrescidos de juros de 4%, e a ré pagou apenas € 1.150,00 em 2022.</p>
<div class="cmp-rating" id="rating"><h2>Quanto sono chiare le informazioni su questa pagina?</h2></div></body></html>"""
    report = parse_report(page.encode(), "html")
    assert "Por Relator" not in report.text and "Quanto sono chiare" not in report.text
    assert "O autor pediu € 3.400,00 em 2021" in report.text


_RUNEBERG = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html lang="sv"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>112 (Om Ådalens flottleder)</title></head>
<body bgcolor="#ffffff"><table><tr><td><a href="/"><img src="/rune.gif" alt="- Project Runeberg -"></a></td>
<td><font size="+2"><b><a href="./">Om Ådalens flottleder</a> /</b></font><br><font size="+3"><b>112</b></font>
<p>(1901) <a href="marc.html">[MARC]</a> Author: <a href="/authors/lindah.html">Henrik Lindqvist</a>
<p><tt><a href="index.html">Table of Contents</a> | <a href="0111.html">&lt;&lt; Previous</a></tt></td>
<td><tt><a href="/">Project Runeberg</a> | <a href="/katalog.html">Catalog</a></tt></td></tr></table>
<p><font size="-1">Below is the raw OCR text from the above scanned image.</font>
<p><!-- mode=normal -->
112 FLOTTNINGEN. [KAP. V.<br>
<br>
År 1899 flottades i älven 1,250,000 stockar 1), af hvilka<br>
nära 4 procent sjönko 2). Föreningen hade 212 flottare.<br>
<br>
Kostnaden var 0,84 kronor för hvarje stock.<br>
<br>
<font size="-1">1) Flottningsföreningens berättelse<br>
för år 1899, s. 4.<br>
2) Sammast., s. 9.</font><br>
<!-- NEWIMAGE2 -->
<p><tt><a href="0111.html">&lt;&lt; prev. page</a> <a href="0113.html">next page &gt;&gt;</a></tt>
<!-- #### --><hr noshade><p><tt><a href="/">Project Runeberg</a>, Tue Apr 2 10:11:12 2024 (aronsson)</tt>
</body></html>"""


def test_a_runeberg_page_as_the_site_means_it():
    report = parse_report(_RUNEBERG.encode(), "html")
    assert (report.title, report.authors, report.date) == ("Om Ådalens flottleder", ["Henrik Lindqvist"], "1901")
    assert [page.label for page in report.pages] == ["112"]
    assert [(note.text, note.kind, note.resolves_to) for note in report.footnotes] == [
        ("Flottningsföreningens berättelse för år 1899, s. 4.", "note", None), ("Sammast., s. 9.", "ibid", 1)]
    assert [report.text[:note.marker_offsets[0]].split()[-1] for note in report.footnotes] == ["stockar", "sjönko"]
    text = " ".join(report.text.split())
    assert "År 1899 flottades i älven 1,250,000 stockar , af hvilka" not in text  # no space before a removed call
    for gone in ("FLOTTNINGEN", "raw OCR", "Project Runeberg", "prev. page", "aronsson", "Catalog"):
        assert gone not in text, gone
    assert "Kostnaden var 0,84 kronor för hvarje stock." in text
    # the printed lines run on within a paragraph; a blank line parts two
    assert "stockar, af hvilka\nnära" not in report.text and "af hvilka nära 4 procent" in report.text
    assert "\n\nKostnaden var" in report.text


def test_a_page_of_another_site_with_the_same_comments_is_left_alone():
    from claimdesk.sources.readers.html_runeberg import runeberg_page
    assert runeberg_page("<html><head><title>12 (A book)</title></head><body><p><!-- mode=normal -->x<!-- NEWIMAGE2 --></body></html>") is None
