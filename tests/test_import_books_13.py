"""Digitised public-domain books as HTML: Gallica's OCR text view, Faded Page / DP Canada e-books."""

from __future__ import annotations

from claimdesk.sources.importer import parse_report

_GALLICA_HEAD = (
    '<html lang="fr"><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    "<title>Notice sur les moulins de la Seille / par M. Jules Bernardot,... | Gallica</title>"
    '<meta name="DC.creator" content="Bernardot, Jules (1820-1891). Auteur du texte">'
    '<meta name="DC.date" content="1864"></head><body>'
)
_GALLICA_NOTICE = (
    "<p><strong>Titre : </strong>Notice sur les moulins de la Seille / par M. Jules Bernardot,...</p>"
    "<p><strong>Auteur : </strong>Bernardot, Jules (1820-1891). Auteur du texte</p>"
    "<p><strong>Date d'édition : </strong>1864</p>"
    "<p><strong>Format : </strong>Nombre total de vues : 40</p>"
    "<p><strong>Droits : </strong>domaine public</p>"
    "<p><strong>Identifiant : </strong>ark:/12148/bpt6k0000000x</p>"
    "<p><strong>Provenance : </strong>Bibliothèque nationale de France</p>"
    "<p><strong>Date de mise en ligne : </strong>02/05/2016</p>"
    "<p>Le texte affiché peut comporter un certain nombre d'erreurs. En effet, le mode texte de ce document a été "
    "généré de façon automatique par un programme de reconnaissance optique de caractères (OCR). Le taux de "
    "reconnaissance estimé pour ce document est de 93 %.</p>"
)
_GALLICA_PAGES = (
    "<hr><p>- 3 -</p>"
    "<p>La Seille fait tourner dans son cours inférieur dix-sept moulins, dont onze à blé (1). Les retenues "
    "élèvent le niveau des eaux de 1,20 mètre en moyenne (2).</p>"
    "<p>(1) Relevé de 1862, archives de la sous-préfecture.</p>"
    "<p>(2) Ibid., p. 12.</p>"
    "<hr><p>- 4 -</p>"
    "<p>Les riverains se plaignent des crues que ces retenues aggravent chaque printemps (1).</p>"
    "<p>(1) Pétition des habitants de Cuisery, 1858.</p>"
    "</body></html>"
)


def _gallica(pages: str = _GALLICA_PAGES) -> bytes:
    return (_GALLICA_HEAD + _GALLICA_NOTICE + pages).encode("latin-1")


def test_gallica_notes_numbered_again_on_each_page_become_one_sequence():
    report = parse_report(_gallica(), "html")
    assert [note.number for note in report.footnotes] == [1, 2, 3]
    assert [note.text for note in report.footnotes] == [
        "Relevé de 1862, archives de la sous-préfecture.", "Ibid., p. 12.", "Pétition des habitants de Cuisery, 1858."]
    # each call is tied to its own page's note, in reading order
    after = [report.text[:note.marker_offsets[0]] for note in report.footnotes]
    assert after[0].endswith("dont onze à blé") and after[1].endswith("1,20 mètre en moyenne")
    assert after[2].endswith("chaque printemps")
    assert report.footnotes[1].kind == "ibid" and report.footnotes[1].resolves_to == 1
    assert "(1)" not in report.text and "Ibid." not in report.text
    assert [page.label for page in report.pages] == ["3", "4"]


def test_gallica_notes_going_on_from_the_page_before_are_read_too():
    pages = _GALLICA_PAGES.replace("printemps (1).", "printemps (3).").replace("<p>(1) Pétition", "<p>(3) Pétition")
    report = parse_report(_gallica(pages), "html")
    assert [note.number for note in report.footnotes] == [1, 2, 3]
    assert report.text[:report.footnotes[2].marker_offsets[0]].endswith("chaque printemps")


def test_gallica_notice_and_ocr_warning_are_furniture_and_the_catalogue_heading_is_a_name():
    report = parse_report(_gallica(), "html")
    for furniture in ("Date de mise en ligne", "Identifiant :", "Provenance :", "reconnaissance optique", "taux de reconnaissance"):
        assert furniture not in report.text
    assert any("Date de mise en ligne" in item.text for item in report.removed)
    assert report.authors == ["Jules Bernardot"]
    assert "dix-sept moulins" in report.text
    # the same field lines with no OCR warning beside them are a page's own text
    source = ("<html><body><h1>Fiche</h1><p>Titre : Les moulins</p><p>Auteur : J. Bernardot</p>"
              "<p>Droits : domaine public</p><p>Identifiant : 1234</p><p>Le texte suit.</p></body></html>")
    report = parse_report(source.encode(), "html")
    assert "Identifiant : 1234" in report.text and "Droits : domaine public" in report.text


def test_a_numbered_list_at_a_page_foot_without_its_calls_stays_text():
    pages = _GALLICA_PAGES.replace(" (1). Les retenues", ". Les retenues")
    report = parse_report(_gallica(pages), "html")
    assert "(1) Relevé de 1862" in report.text  # page 3's notes are not all called: left as they are
    assert [note.text for note in report.footnotes] == ["Pétition des habitants de Cuisery, 1858."]


_DP_BOX = (
    '<div class="box"><p class="center">* A Distributed Proofreaders Canada eBook *</p>'
    "<p>This eBook costs nothing and carries only light conditions; please get in touch with a "
    "fadedpage.com administrator before using it commercially.</p>"
    "<p><i>Title:</i> Winter Roads of the Upper Ottawa<br /><i>Date of first publication:</i> 1908<br />"
    "<i>Author:</i> Hector M. Lavallée (1855-1921)<br /><i>Date first posted:</i> Mar. 3, 2021<br />"
    "<i>Date last updated:</i> Mar. 3, 2021<br /><i>Faded Page eBook</i> #20210311</p>"
    "<p>This eBook was produced by: the online Distributed Proofreaders Canada team at https://www.pgdpcanada.net</p></div>"
)
_DP_BOOK = (
    "<h1>WINTER ROADS OF THE UPPER OTTAWA</h1>"
    "<h2>CHAPTER I.</h2>"
    '<p>The first shanty road was cut in 1847 along the river flats.<a name="FNanchor_1_1" id="FNanchor_1_1"></a>'
    '<a href="#Footnote_1_1" class="fnanchor">[1]</a> Teams of six horses drew the sleighs.</p>'
    '<div class="footnotes"><p class="center">FOOTNOTES:</p>'
    '<div class="footnote"><p><a name="Footnote_1_1" id="Footnote_1_1"></a><a href="#FNanchor_1_1">'
    '<span class="label">[1]</span></a> By the Gillies firm, according to its ledgers.</p></div></div>'
)


def _faded_page(box: str = _DP_BOX) -> bytes:
    return ('<html><head><meta http-equiv="Content-Type" content="text/html;charset=iso-8859-1" />'
            "<title>Winter Roads of the Upper Ottawa, by Hector M. Lavallée</title></head><body>"
            + box + _DP_BOOK + "</body></html>").encode("latin-1")


def test_dp_canada_header_box_is_licence_and_gives_the_author():
    report = parse_report(_faded_page(), "html")
    for furniture in ("Distributed Proofreaders Canada eBook", "This eBook costs nothing", "Date first posted",
                      "Faded Page eBook", "#20210311", "pgdpcanada"):
        assert furniture not in report.text
    assert any(item.kind == "licence" and "Date first posted" in item.text for item in report.removed)
    assert report.authors == ["Hector M. Lavallée"]
    assert "The first shanty road was cut in 1847" in report.text


def test_dp_canada_header_without_its_box_ends_at_the_producers_credit():
    box = _DP_BOX.replace('<div class="box">', "").replace("</div>", "")
    report = parse_report(_faded_page(box), "html")
    assert "Date first posted" not in report.text and "This eBook was produced by" not in report.text
    assert "WINTER ROADS OF THE UPPER OTTAWA" in report.text


def test_a_footnotes_label_paragraph_goes_with_the_notes_it_labels():
    report = parse_report(_faded_page(), "html")
    assert [note.text for note in report.footnotes] == ["By the Gillies firm, according to its ledgers."]
    assert "FOOTNOTES" not in report.text
    assert any(item.text == "FOOTNOTES:" for item in report.removed)
