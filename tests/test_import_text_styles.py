"""Plain-text documents of two more kinds: a local-history bulletin with "(n)" notes, a press release by e-mail.

Both fixtures are written for these tests in the way such documents are built:
the bulletin's notes are numbered "(1)" one a line under "NOTES", its cover has
the society's name and the issue above the title; the press release opens with
a logo, "FOR IMMEDIATE RELEASE" and a press contact, dates its story in the
dateline, ends it with "###" and closes with the sender's lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdesk.sources.header import parse_date, read_cover, story_dateline
from claimdesk.sources.importer import parse_report

FIXTURES = Path(__file__).parent / "fixtures" / "text"


def _import(name: str):
    return parse_report((FIXTURES / name).read_bytes(), "txt")


def test_parenthesised_notes_and_their_markers():
    report = _import("bulletin-paren-notes.txt")
    assert [note.number for note in report.footnotes] == [1, 2, 3, 4, 5]
    first, second = report.footnotes[0], report.footnotes[1]
    # A note's second line that starts with a number ("1650.") continues it.
    assert first.text.endswith("aveu du 2 mai 1650.")
    assert second.text == "AD Sarthe, 1 Q 817, vente du 19 mars 1791."
    assert [len(note.marker_offsets) for note in report.footnotes] == [1, 1, 1, 1, 1]
    assert report.text[: first.marker_offsets[0]].endswith("« moulin à blé à deux roues »")
    assert report.text[: report.footnotes[1].marker_offsets[0]].endswith("pour 14 200 livres")
    assert "(1)" not in report.text and "(5)" not in report.text
    assert "14 200 livres" in report.text and "1,8 mètre" in report.text


def test_the_paragraph_after_a_compact_notes_list_is_not_the_last_note():
    report = _import("bulletin-paren-notes.txt")
    assert report.footnotes[-1].text == "Cordonnier, op. cit., p. 215."
    assert "Bernard Quéré est président de l'Association depuis 2011." in report.text
    assert any(item.kind == "footer" and "tous droits réservés" in item.text for item in report.removed)


def test_a_bulletin_cover_gives_the_title_under_the_society_and_the_issue():
    report = _import("bulletin-paren-notes.txt")
    assert report.title == "LE MOULIN DE LA FOSSE ET SES MEUNIERS (1650-1902)"
    assert report.authors == ["Bernard Quéré"]
    assert report.date == "2019"


def test_a_press_release_by_email():
    report = _import("press-release-email.txt")
    assert report.title.startswith("FERRY FARES ON ISLAND ROUTES ROSE TWICE AS FAST AS WAGES")
    assert report.date == "2024-06-03"
    assert "DUBLIN, 3 June 2024 -- Return fares" in report.text  # the dateline is the story's own text
    for furniture in ("FOR IMMEDIATE RELEASE", "+353 1 555 0142", "media@harbourtrust.example.net", "###",
                      "Follow us", "unsubscribe"):
        assert furniture not in report.text
    removed = " ".join(item.text for item in report.removed)
    for furniture in ("FOR IMMEDIATE RELEASE", "+353 1 555 0142", "###", "Follow us", "unsubscribe"):
        assert furniture in removed
    assert [note.text for note in report.footnotes] == [
        "Fares are the published adult return fare in the peak season.",
        "The Inishcara operator changed in 2019.",
    ]


@pytest.mark.parametrize("text, date", [
    ("automne 2021", "2021"), ("Spring 2023", "2023"), ("Herbst 2019", "2019"), ("invierno de 2020", "2020"),
    ("осень 2018", "2018"), ("autumn leaves", None),
])
def test_a_season_dates_to_its_year(text, date):
    assert parse_date(text) == date


@pytest.mark.parametrize("paragraph, date", [
    ("LONDON, 14 May 2024 -- One in three wells", "2024-05-14"),
    ("PARIS (AFP), 3 mars 2021 – Le maire a dit", "2021-03-03"),
    ("WASHINGTON, March 3, 2022 — The agency said", "2022-03-03"),
    ("The port, which grew - a lot - in 2020", None),
    ("Madrid, capital of Spain - and more", None),
])
def test_a_story_dateline(paragraph, date):
    assert story_dateline(paragraph) == date


def test_a_series_line_above_the_title_dates_the_paper_and_keeps_the_cover_going():
    cover = read_cover(["Working Paper No. 9 | October 2020", "Tides and Tariffs", "Why berths cost more", "Jane Doe"])
    assert (cover.title, cover.authors, cover.date) == ("Tides and Tariffs: Why berths cost more", ["Jane Doe"], "2020-10")


def test_a_body_list_numbered_in_parentheses_stays_text():
    source = ("Rules for the quay\n\nThe harbour master set three rules in 2019: (1) no berthing after 22:00,\n"
              "(2) fees paid in advance and (3) a 5 knot limit.\n")
    report = parse_report(source.encode(), "txt")
    assert report.footnotes == []
    assert "(1) no berthing after 22:00" in report.text and "(3) a 5 knot limit" in report.text


def test_a_canadian_judgment_numbers_its_paragraphs_and_cites_itself():
    report = _import("canada-judgment.txt")
    assert report.title == "Prairie Lakes Marina Inc. v. Town of Elk Rapids"
    assert report.date == "2024-06-12"
    # "[1]" before a paragraph is its number; the footnote markers are the "[1]" after "a metre.".
    assert [len(note.marker_offsets) for note in report.footnotes] == [1, 1]
    assert report.text[: report.footnotes[0].marker_offsets[0]].endswith("from $12 to $45 a metre.")
    assert "[1]             Prairie Lakes Marina Inc." in report.text or "[1] Prairie Lakes Marina Inc." in report.text
    assert report.footnotes[1].kind == "ibid"


def test_an_arxiv_preprint_as_pdftotext_gives_it():
    report = _import("arxiv-preprint.txt")
    assert report.title == "Ferry Delays and Island Depopulation"
    assert report.date == "2023-11-03"
    assert [note.text for note in report.footnotes[:2]] == [
        "The operator publishes only route-level punctuality figures.", "Sailings cancelled for weather are counted as late."]
    first, second = report.footnotes[0], report.footnotes[1]
    assert report.text[: first.marker_offsets[0]].endswith("single islands.")
    assert report.text[: second.marker_offsets[0]].endswith("412,000 sailings.")
    assert "between 2011 and 2021 [2]." in report.text and "31 islands [1, 3]." in report.text  # citations stay
    stamps = [item.text for item in report.removed if item.kind == "furniture"]
    assert "arXiv:2311.04210v2 [physics.soc-ph] 3 Nov 2023" in stamps
    assert "Preprint submitted to Journal of Island Transport" in stamps
    assert "Preprint submitted" not in report.text and "Preprint submitted" not in first.text


COUNCIL_PAPER = (
    "Stadt Elsbach\nDer Bürgermeister\n\nVorlage Nr. 2024/031\nDatum: 04.03.2024\n\n"
    "Beratungsfolge\tSitzungstermin\tZuständigkeit\nBauausschuss\t12.03.2024\tVorberatung\nRat\t21.03.2024\tEntscheidung\n\n"
    "Sachverhalt:\nDas Freibad hatte 2023 rund 41.200 Besucher.[1] Die Sanierung kostet 2,4 Mio. Euro.[2]\n\n"
    "Besucher 2021 bis 2023\nJahr\tBesucher\tÖffnungstage\n2021\t30.100\t96\n2022\t38.400\t104\n2023\t41.200\t110\n\n"
    "________________\n[1] Kassenstatistik 2023, S. 2.\n[2] Ebd., S. 5.\n"
)


def test_notes_under_a_rule_and_tables_parted_by_tabs():
    report = parse_report(COUNCIL_PAPER.encode("utf-16"), "txt")
    assert [note.text for note in report.footnotes] == ["Kassenstatistik 2023, S. 2.", "Ebd., S. 5."]
    assert report.text[: report.footnotes[0].marker_offsets[0]].endswith("rund 41.200 Besucher.")
    # A table of figures is no table of contents, and its cells never run together.
    assert "Jahr; Besucher; Öffnungstage\n2021; 30.100; 96\n2022; 38.400; 104" in report.text
    assert "Bauausschuss; 12.03.2024; Vorberatung" in report.text
    assert not any(item.kind == "contents" for item in report.removed)


def test_a_running_footer_that_the_cover_also_prints_is_furniture():
    body = "".join(f"Line {i} of the text says that {i * 7} berths were let.\n" for i in range(1, 7))
    pages = [f"{heading}\n{body}\nHarbour Research Office\n\n{n}\n" for n, heading in
             enumerate(["Dues", "Berths", "Fuel", "Moorings"], start=1)]
    text = "Harbour Dues\n\nHarbour Research Office\nR12345\n\f" + "\f".join(pages)
    report = parse_report(text.encode(), "txt")
    assert "Harbour Research Office" not in report.text.split("Dues", 1)[-1]
    assert sum(1 for item in report.removed if item.kind == "footer" and item.text == "Harbour Research Office") == 4


def test_unread_cover_lines_keep_to_their_own_paragraph():
    report = _import("bulletin-paren-notes.txt")
    first, second = report.text.split("\n\n")[:2]
    assert first == "Association pour l'histoire de la vallée du Loir Cahiers n° 12 — printemps 2019"
    assert second.startswith("Le moulin de la Fosse apparaît dans un aveu de 1650, où il est dit « moulin à blé")


def test_a_subject_field_names_the_paper():
    report = parse_report(COUNCIL_PAPER.replace("Vorlage Nr. 2024/031\n", "Vorlage Nr. 2024/031\nBetreff:\nSanierung des Freibads\n").encode("utf-16"), "txt")
    assert report.title == "Sanierung des Freibads"
