"""Classes from blind37 (books, case law, newsrooms, reports, reference works, by blind authors), each
with a fixture of our own written inline:

- an encyclopedia that classes each paragraph of its entry "paywall" (Treccani) keeps them: a paywall's
  own box asks the reader to subscribe or log in, the text it hides is sentences;
- a court database that sets each summary's notes under it as paragraphs classed as notes, "(1) Voir …",
  called "(1)" in the summary (JUPORTAL): the notes are read and their calls are markers; "précité"
  is the French supra;
- Drupal's EU Cookie Compliance banner (#sliding-popup), a digital library's digitisation note, a
  network's footer named "globalfooter"/"bottommenu" go to removed with their kinds.
"""

from __future__ import annotations

from claimdesk.sources.importer import parse_report


def test_paragraphs_classed_paywall_are_the_entry():
    page = """<html lang="it"><head><title>ROSSI, Carlo - Enciclopedia</title></head><body><main><h1>ROSSI, Carlo</h1>
<div class="paywall term-paragraph0"><p>ROSSI, Carlo. – Nacque a Lugo il 3 marzo 1811.</p></div>
<div class="paywall term-paragraph1"><p>Il ponte, costato 84.000 scudi, fu aperto nel 1846, con due archi di 31 metri.</p></div>
<div class="paywall term-paragraph2"><p>Morì a Lugo nel 1890.</p></div>
<div class="paywall-box"><p>Per continuare a leggere abbonati a Treccani.</p></div></main></body></html>"""
    report = parse_report(page.encode(), "html")
    text = " ".join(report.text.split())
    for sentence in ("ROSSI, Carlo. – Nacque a Lugo il 3 marzo 1811.", "fu aperto nel 1846", "Morì a Lugo nel 1890."):
        assert sentence in text, sentence
    assert "abbonati" not in text


def test_notes_set_under_the_summary_that_calls_them():
    page = """<html lang="fr"><head><title>Juportal : ECLI:BE:CASS:2024:ARR.20240215.1F.3</title></head><body><main>
<p class="description-notice">Le juge ne peut réduire la pénalité de 250 euros par jour en deçà du dommage (1).</p>
<p class="note-notice">(1) Voir Cass. 7 mai 2018, RG C.17.0512.F, <em>Pas.</em> 2018, n° 289.</p>
<p class="description-notice">La réduction s’apprécie à la date du contrat, soit le 3 mars 2019 (2).</p>
<p class="note-notice">(2) Voir Cass. 7 mai 2018, précité.</p>
<p>Thésaurus : CONVENTION - Clause pénale.</p></main></body></html>"""
    report = parse_report(page.encode(), "html")
    assert [(note.text, note.kind) for note in report.footnotes] == [
        ("Voir Cass. 7 mai 2018, RG C.17.0512.F, Pas. 2018, n° 289.", "note"), ("Voir Cass. 7 mai 2018, précité.", "op_cit")]
    assert [report.text[:note.marker_offsets[0]].split()[-1] for note in report.footnotes] == ["dommage", "2019"]
    assert "(1)" not in report.text and "Thésaurus : CONVENTION - Clause pénale." in report.text


def test_a_cookie_banner_a_digitisation_note_and_a_global_footer():
    page = """<html><head><title>Oakhurst: Economic history</title></head><body><main><h1>Oakhurst</h1>
<p class="digitisation-note">This free content was digitised by double rekeying. All rights reserved.</p>
<p>In 1086 Oakhurst was assessed at 4 hides, and in 1377 it had 112 taxpayers.</p></main>
<div class="nrk-bottommenu lp_globalfooter"><ul><li>Telefon: 61 12 34 00</li></ul></div>
<div id="sliding-popup" class="sliding-popup-bottom" role="alert"><div id="popup-text"><h2>We use cookies on this site</h2></div></div>
</body></html>"""
    report = parse_report(page.encode(), "html")
    kinds = {item.text[:20]: item.kind for item in report.removed}
    assert kinds["This free content wa"] == "licence" and kinds["Telefon: 61 12 34 00"] == "footer"
    assert kinds["We use cookies on th"] == "cookie"
    assert "In 1086 Oakhurst was assessed at 4 hides" in report.text


_SACRED = """<HTML><HEAD><TITLE>Fen Lore: Chapter VII. Harvest</TITLE>
<META name="description" content="Fen Lore, by Amos Wetherby [1889], full text etext at sacred-texts.com"></HEAD><BODY>
<P ALIGN="CENTER"><FONT SIZE="-1" COLOR="GREEN">Fen Lore, by Amos Wetherby, [1889], at sacred-texts.com</FONT></P>
<HR><P><A NAME="page_112"><FONT SIZE="1" COLOR="GREEN">p. 112</FONT></A></P>
<H3 ALIGN="CENTER">CHAPTER VII. HARVEST</H3>
<P>The mowers had 26 shillings for the harvest. <A NAME="fr_0"></A><A HREF="#fn_0"><FONT SIZE="1">1</FONT></A></P>
<P><A NAME="page_113"><FONT SIZE="1" COLOR="GREEN">p. 113</FONT></A></P>
<P>The last load came home on 24th September. <A NAME="fr_1"></A><A HREF="#fn_1"><FONT SIZE="1">1</FONT></A></P>
<HR><H3 ALIGN="CENTER">Footnotes</H3>
<P><A NAME="fn_0"></A><A HREF="fl07.htm#fr_0">112:1</A> T. Ashcombe, <I>Annals of the Hundred</I> (Wisbech, 1851), p. 88.</P>
<P><A NAME="fn_1"></A><A HREF="fl07.htm#fr_1">113:1</A> Ibid., p. 90.</P>
<HR><P ALIGN="CENTER"><FONT SIZE="-1">Next: <A HREF="fl08.htm">Chapter VIII. The Fen Ague</A></FONT></P></BODY></HTML>"""


def test_an_internet_sacred_text_archive_chapter():
    report = parse_report(_SACRED.encode(), "html")
    assert (report.authors, report.date) == (["Amos Wetherby"], "1889")
    assert [page.label for page in report.pages] == ["112", "113"]
    assert [(note.text, note.kind) for note in report.footnotes] == [
        ("T. Ashcombe, Annals of the Hundred (Wisbech, 1851), p. 88.", "reference"), ("Ibid., p. 90.", "ibid")]
    text = " ".join(report.text.split())
    for gone in ("sacred-texts.com", "p. 112", "Next: Chapter", "112:1"):
        assert gone not in text, gone


def test_a_state_report_citation_without_its_year_is_a_case():
    from claimdesk.sources.references import classify_note, parse_reference
    assert classify_note("Kearney v. City of Salina, 170 Kan. 291, 225 P.2d 113.") == "reference"
    assert parse_reference("Kearney v. City of Salina, 170 Kan. 291, 225 P.2d 113.").title == "Kearney v. City of Salina"
    assert classify_note("The court in Smith v. Jones, 12 Kan. 3 said so and more.") == "note"


def test_a_drupal_authors_field_in_the_site_s_language_and_a_lone_pdf_link():
    page = """<html lang="pl"><head><title>Estonia: ciepłownictwo | OSW</title></head><body><article class="publikacje full">
<h1 class="page-header"><span>Estonia: ciepłownictwo w cieniu cen gazu</span></h1>
<div class="publikacja-meta"><time datetime="2024-10-08T10:00:00Z">2024-10-08</time>
<div class="field field--name-field-autorzy field--items"><div class="field--item"><a href="/pl/eksperci/anna-nowak">Anna Nowak</a></div></div></div>
<div class="field field--name-field-pdf"><span class="file"><a href="/files/Komentarze_618.pdf" type="application/pdf">Pobierz PDF</a></span></div>
<p>W 2024 roku rząd przyjął program wart 120 mln euro, a ceny ciepła wzrosły o 38%.</p></article></body></html>"""
    report = parse_report(page.encode(), "html")
    assert report.authors == ["Anna Nowak"] and "Pobierz PDF" not in report.text


def test_a_czech_decision_signed_by_the_presiding_judge():
    page = """<html lang="cs"><head><title>25 Cdo 2871/2023</title></head><body><div class="text">
<p>Nejvyšší soud odmítl dovolání; žalobkyně požadovala 184 000 Kč za rok 2021.</p>
<p>V Brně dne 23. 4. 2024</p><p>JUDr. Marek Doležal<br>předseda senátu</p></div></body></html>"""
    assert parse_report(page.encode(), "html").authors == ["Marek Doležal"]
