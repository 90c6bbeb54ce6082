"""Classes from blind34 (twelve documents of the kinds issue 10 names, by three blind authors), each
with a fixture of our own.

- A book chapter as zeno.org serves it (our fixture tests/fixtures/html/zeno-book-chapter-latin1.html,
  in ISO-8859-1 as the site's pages are): class names in camel case with acronyms ("zenoCOHeader",
  "zenoTXAuthor") read as words; notes listed in a table, a row each, number cell then text cell;
  "Ebendas." is an ibid; the links to the scans ("zenoTXKonk", "[21]") mark the printed pages; the
  "Quelle:" line gives the printed edition's year; a shop's "Buchempfehlung" box is advertising.
"""

from __future__ import annotations



def test_a_zeno_chapter_s_table_of_notes_is_read_and_ebendas_is_an_ibid(parse_fixture):
    report = parse_fixture("html/zeno-book-chapter-latin1.html")
    assert [(note.text, note.kind, note.resolves_to) for note in report.footnotes] == [
        ("Vgl. J. Mone, Geschichte des Murgthals, Karlsruhe 1845, S. 77.", "reference", None),
        ("Ebendas. S. 80.", "ibid", 1),
    ]
    calls = [report.text[note.marker_offsets[0] - 12:note.marker_offsets[0]] for note in report.footnotes]
    assert calls == ["land gingen.", "els besaßen."]


def test_a_zeno_chapter_s_pages_author_and_edition_year_are_read(parse_fixture):
    report = parse_fixture("html/zeno-book-chapter-latin1.html")
    assert [page.label for page in report.pages] == ["21", "22"]
    assert report.authors == ["Karl Anton Vöhringer"]
    assert report.date == "1851"
    assert "Die Schifferschaft zählte damals 28 Mitglieder, die zusammen 3/4 des Handels besaßen." in report.text


def test_a_zeno_chapter_s_furniture_goes(parse_fixture):
    report = parse_fixture("html/zeno-book-chapter-latin1.html")
    for furniture in ("Meine Bibliothek", "Startseite", "Quelle:", "Gemeinfrei", "Buchempfehlung", "Kalendergeschichten", "[21]"):
        assert furniture not in report.text
    kinds = {item.kind for item in report.removed}
    assert {"header", "page-number", "footer", "advertisement"} <= kinds
