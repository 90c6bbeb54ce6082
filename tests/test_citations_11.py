"""Citation forms found by blind set 11: Russian GOST references, a case cited inside commentary
and named again with "supra"."""

from __future__ import annotations

from claimdesk.sources.importer import parse_report
from claimdesk.sources.references import op_cit_key, parse_reference


def test_a_gost_reference_reads_author_title_and_year():
    reference = parse_reference("Лаптев В. С. Стекольные заводы Владимирской губернии. — Владимир: Посад, 2004. — С. 112—118.")
    assert (reference.authors, reference.title, reference.year) == (["Лаптев В. С."], "Стекольные заводы Владимирской губернии", "2004")
    article = parse_reference("Гусева Н. А. Ольховка: страницы истории // Судогодский краевед. — 2011. — № 3. — С. 21—29.")
    assert (article.authors, article.title, article.container) == (["Гусева Н. А."], "Ольховка: страницы истории", "Судогодский краевед")


def test_an_op_cit_after_a_surname_with_initials_keys_on_the_surname():
    assert op_cit_key("Лаптев В. С. Указ. соч. — С. 131.")[0] == "лаптев"


def test_russian_wikipedia_notes_with_the_author_in_italics_resolve_op_cit_by_author():
    page = (
        "<html><body><div class='mw-parser-output'><p>Завод выпускал 40 тысяч бутылок в год.<sup class='reference'>"
        "<a href='#cite_note-1'>[1]</a></sup> В 1880 году на нём работали 212 человек.<sup class='reference'>"
        "<a href='#cite_note-2'>[2]</a></sup> Печь перестроили в 1902 году.<sup class='reference'><a href='#cite_note-3'>[3]</a></sup></p>"
        "<h2>Примечания</h2><ol class='references'>"
        "<li id='cite_note-1'><span class='reference-text'><i>Лаптев&nbsp;В.&nbsp;С.</i> Стекольные заводы губернии. — Владимир: "
        "Посад, 2004. — С.&nbsp;112.</span></li>"
        "<li id='cite_note-2'><span class='reference-text'><i>Гусева&nbsp;Н.&nbsp;А.</i> Ольховка // Краевед. — 2011. — № 3.</span></li>"
        "<li id='cite_note-3'><span class='reference-text'><i>Лаптев&nbsp;В.&nbsp;С.</i> Указ. соч. — С.&nbsp;131.</span></li>"
        "</ol></div></body></html>"
    )
    notes = parse_report(page.encode(), "html").footnotes
    assert [note.kind for note in notes] == ["reference", "reference", "op_cit"]
    assert notes[2].resolves_to == 1 and not notes[2].resolution_guess


def test_a_case_cited_in_commentary_is_found_by_its_supra_short_form():
    source = (
        "# Opinion\n\nThe Act applied in 1949.[^1] The court below agreed.[^2] The district is no ditch company.[^3]\n\n"
        "[^1]: 52 Stat. 1060. The exemption is confined to ditch companies. See Carver v. Platte Valley Irrigation Co., "
        "301 U.S. 112, 115 (1937).\n"
        "[^2]: People ex rel. Rogers v. Letford, 102 Colo. 284, 296 (1938).\n"
        "[^3]: Carver v. Platte Valley Irrigation Co., supra, at 118-119.\n"
    )
    notes = parse_report(source.encode(), "md").footnotes
    assert notes[2].kind == "op_cit" and notes[2].resolves_to == 1 and not notes[2].resolution_guess


def test_commentary_closing_with_ibid_repeats_the_work_before():
    source = (
        "# Chapter III\n\nThe gale lasted 3 days.[^1] Two men were lost.[^2] The lamp burned 14 hours.[^3]\n\n"
        "[^1]: Meteorological Register of the Penmorvah Station, 1860, p. 14.\n"
        "[^2]: The names of the two lost were Thomas Ash, seaman, and a boy whose name was not known. Ibid., p. 15.\n"
        "[^3]: The keeper wrote that he saw Ibid. painted on the old chart, and nothing more.\n"
    )
    notes = parse_report(source.encode(), "md").footnotes
    assert notes[1].kind == "ibid" and notes[1].resolves_to == 1
    assert notes[2].kind != "ibid"


def test_a_byline_link_to_the_writers_page_names_the_author():
    page = ("<html><body><div class='header-title'><i><b><a href='/wiki/The_Keepers'>The Keepers</a></b></i> (1887)<br>"
            "by <a href='/wiki/Author:Ellen_Marchbanks'>Ellen Marchbanks</a><br><span>Chapter III</span></div>"
            "<div><p>The light stood 84 feet above high water in 1860, the register says.</p>"
            "<p>See also <a href='/wiki/Author:John_Smeaton'>John Smeaton</a> on the Eddystone.</p></div></body></html>")
    assert parse_report(page.encode(), "html").authors == ["Ellen Marchbanks"]


def test_author_cards_each_in_an_item_of_their_own_make_one_byline():
    card = ("<div class='field__item'><div class='author-card'><div class='author-card__text'><a href='/experts/{slug}'>{name}</a>"
            "<span class='author-card__role'>{role}</span></div></div></div>")
    page = ("<html><body><article><h1>Logistique urbaine</h1><div class='field field--name-field-authors'>"
            "<div class='field__label'>Auteurs</div><div class='field__items'>"
            + card.format(slug="claire-dumoulin", name="Claire Dumoulin", role="Experte associée")
            + card.format(slug="yann-le-goff", name="Yann Le Goff", role="Chargé d'études")
            + "</div></div><p>Un colis sur deux parcourt moins de 5 km en 2023.</p></article></body></html>")
    assert parse_report(page.encode(), "html").authors == ["Claire Dumoulin", "Yann Le Goff"]
