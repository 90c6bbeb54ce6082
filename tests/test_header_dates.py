"""Dates, bylines and cover lines in the five languages the reports come in."""

from __future__ import annotations

import pytest

from claimdesk.sources import header
from claimdesk.sources.header import (
    find_date,
    header_field,
    header_fields,
    is_cover_line,
    parse_author_line,
    parse_date,
    read_cover,
)

# --- parse_date ----------------------------------------------------------------

DATES = [
    # English
    ("March 28, 2025", "2025-03-28"),
    ("28 March 2025", "2025-03-28"),
    ("March 3rd, 2004", "2004-03-03"),
    ("14-Feb-2025", "2025-02-14"),  # a PEP's "Created:" field
    ("Tuesday, 12 May 2020", "2020-05-12"),
    ("July 2020", "2020-07"),
    ("July 2020.", "2020-07"),
    ("Sept. 2019", "2019-09"),
    ("2020", "2020"),
    ("Date: March 28, 2025", "2025-03-28"),
    ("Published: 14 February 2023", "2023-02-14"),
    ("Release Date: March 3, 2004", "2004-03-03"),
    ("Updated 28 March 2025", "2025-03-28"),
    ("Published 2020", "2020"),
    ("1865", "1865"),
    # ISO and other digit-only forms
    ("2025-03-28", "2025-03-28"),
    ("2020-07", "2020-07"),
    ("2020-07-14T10:00:00+02:00", "2020-07-14"),
    ("2020-07-14T10:00:00.123Z", "2020-07-14"),
    ("2020-07-14 10:00", "2020-07-14"),
    ("2021/05/02", "2021-05-02"),
    ("15.03.2021", "2021-03-15"),
    ("03/28/2025", "2025-03-28"),  # American: the month first
    ("28/03/2025", "2025-03-28"),  # European: the day first
    ("05/03/2021", "2021"),  # either order is possible: only the year is certain
    ("07/07/2021", "2021-07-07"),
    # French
    ("le 15 septembre 2009", "2009-09-15"),
    ("Publié le 15 septembre 2009", "2009-09-15"),
    ("Publié le 15 septembre 2009 à 10h", "2009-09-15"),
    ("1er mars 2020", "2020-03-01"),
    ("mardi 15 septembre 2009", "2009-09-15"),
    ("mars 2020", "2020-03"),
    ("juillet 2020", "2020-07"),
    # German
    ("15. März 2021", "2021-03-15"),
    ("Veröffentlicht am 3. März 2021", "2021-03-03"),
    ("Montag, 3. März 2021", "2021-03-03"),
    ("Juli 2020", "2020-07"),
    ("Dez. 2019", "2019-12"),
    # Spanish
    ("3 de marzo de 2020", "2020-03-03"),
    ("Publicado el 3 de marzo de 2020", "2020-03-03"),
    ("julio de 2020", "2020-07"),
    ("diciembre de 2019", "2019-12"),
    # Russian
    ("15 сентября 2009 г.", "2009-09-15"),
    ("Опубликовано 15 сентября 2009", "2009-09-15"),
    ("1 июля 2020 года", "2020-07-01"),
    ("июль 2020", "2020-07"),
]


@pytest.mark.parametrize("text, expected", DATES, ids=[text for text, _ in DATES])
def test_dates_keep_the_precision_of_the_source(text, expected):
    assert parse_date(text) == expected


NOT_DATES = [
    # impossible dates are no dates, and never the nearest real one
    "31 February 2021",
    "31-Feb-2025",
    "February 30, 2021",
    "30 февраля 2021",
    "31. April 2021",
    "2021-02-30",
    "2021-13-01",
    "2021-00-10",
    "13/13/2021",
    "32 March 2021",
    "29 February 2021",
    # the leniency traps: no year, stray words, numbers that are not dates
    "Tuesday 12 May",
    "12 May",
    "May 2020 report",
    "Copyright 2020",
    "Harbour Institute",
    "From the 2000s to the present",
    "Brief No. 7",
    "12 2020",
    "Tuesday 2020",
    "yesterday",
    "in two weeks",
    "1588000000",  # a Unix timestamp
    "1799",
    "2101",
    "March 2101",
    "July 2020 and August 2021",
    "",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_what_is_not_only_a_date_is_no_date(text):
    assert parse_date(text) is None


def test_a_leap_day_exists_in_a_leap_year():
    assert parse_date("29 February 2020") == "2020-02-29"
    assert parse_date("2020-02-29") == "2020-02-29"


# --- find_date -----------------------------------------------------------------

FOUND = [
    ("Harbour Institute · Brief No. 7 · March 2022", "2022-03"),
    ("Release Date: March 3, 2004 [eBook #11468]", "2004-03-03"),
    ("Publié le 15 septembre 2009 à 10h", "2009-09-15"),
    ("Jane Doe | March 2022", "2022-03"),
    ("All rights reserved, Paris, Werra, July 2021", "2021-07"),
    ("Paris, 15 septembre 2009", "2009-09-15"),
    ("Hamburg, den 15. März 2021", "2021-03-15"),
    ("Madrid, 3 de marzo de 2020 (revisado)", "2020-03-03"),
    ("Москва, 15 сентября 2009 г.", "2009-09-15"),
    ("Posted 2020-07-14T10:00Z by the desk", "2020-07-14"),
    # "No. 7" is the brief's number, not the day of the month
    ("Brief No. 7 March 2022", "2022-03"),
]


@pytest.mark.parametrize("text, expected", FOUND, ids=[text for text, _ in FOUND])
def test_a_date_inside_a_longer_line(text, expected):
    assert find_date(text) == expected


@pytest.mark.parametrize("text", ["No year on this line at all", "Institut, 2019-2020", "Tuesday 12 May, in the harbour",
                                  "Brief No. 7 · 31 February 2021", "x" * 500 + " March 2022"])
def test_no_date_inside_a_line(text):
    assert find_date(text) is None


def test_lines_without_a_year_never_reach_dateparser(monkeypatch):
    calls = []
    real = header._date_parser()

    class Counting:
        def get_date_data(self, text):
            calls.append(text)
            return real.get_date_data(text)

    monkeypatch.setattr(header, "_date_parser", lambda: Counting())
    header._parse_date_cached.cache_clear()
    lines = [f"Paragraph {n} says the port handled more ships than before." for n in range(2000)]
    lines += ["Tuesday 12 May", "Harbour Institute", "2020-07-14T10:00:00Z", "15.03.2021", "March 2031"]
    for line in lines:
        parse_date(line)
        find_date(line)
    # A date whose words name one month is read from dateparser's month names by the
    # calendar alone: only an ambiguous month word would need its parser.
    assert calls == []
    assert parse_date("March 2031") == "2031-03"
    header._parse_date_cached.cache_clear()


def test_a_big_import_reads_the_cover_only(monkeypatch, tmp_path):
    """10 MB of text with a date in every paragraph: dateparser sees the cover's lines, not the body's."""
    from claimdesk.sources.importer import parse_report

    calls = []
    real = header._date_parser()

    class Counting:
        def get_date_data(self, text):
            calls.append(text)
            return real.get_date_data(text)

    monkeypatch.setattr(header, "_date_parser", lambda: Counting())
    header._parse_date_cached.cache_clear()
    paragraph = "On 3 March 2020 the port handled 4.2 million tonnes, up 3.5% on 2019. Trade grew again in July 2021.\n\n"
    text = "Harbour Trade\n\nBy Ann Example\n\nMarch 2022\n\n" + paragraph * (10_000_000 // len(paragraph))
    report = parse_report(text.encode(), "txt")
    assert report.date == "2022-03" and report.authors == ["Ann Example"]
    assert len(calls) <= 5, calls
    header._parse_date_cached.cache_clear()


# --- bylines ---------------------------------------------------------------------

BYLINES = [
    ("By Jane Doe", ["Jane Doe"]),
    ("By JANE DOE and OLA SMITH", ["Jane Doe", "Ola Smith"]),
    ("Author: Jane Doe", ["Jane Doe"]),
    ("Authors: Jane Doe, Ola Smith and Li Wei", ["Jane Doe", "Ola Smith", "Li Wei"]),
    ("Author: Plato", ["Plato"]),  # one word is a name where the line says so
    ("Auteur : Marie Lefèvre", ["Marie Lefèvre"]),
    ("Par Marie Lefèvre et Paul Martin", ["Marie Lefèvre", "Paul Martin"]),
    ("Von Anna Müller und Jonas Brehm", ["Anna Müller", "Jonas Brehm"]),
    ("Por Ana María García y Luis Ortega", ["Ana María García", "Luis Ortega"]),
    ("Автор: Иван ПЕТРОВ", ["Иван Петров"]),
    ("Авторы: Анна Смирнова и Олег Кузнецов", ["Анна Смирнова", "Олег Кузнецов"]),
    ("**Jane Doe**", ["Jane Doe"]),
    ("Jane Doe", ["Jane Doe"]),
    ("Andrey PYATAKOV", ["Andrey Pyatakov"]),
    ("Jane Doe, Senior Fellow", ["Jane Doe"]),
    ("Jane Doe, Senior Fellow, and Ola Smith, Director of Research", ["Jane Doe", "Ola Smith"]),
    ("Jane Doe, Ph.D.", ["Jane Doe"]),
    ("Marie Lefèvre, chercheuse associée", ["Marie Lefèvre"]),
    ("Jane Doe | March 2022", ["Jane Doe"]),
    ("Jane Doe · Harbour Institute", ["Jane Doe"]),
    ("Jane Doe (Harbour Institute)", ["Jane Doe"]),
    ("By Dr. Jane Doe", ["Jane Doe"]),
    ("J. R. Hale and A. I. Sizonenko", ["J. R. Hale", "A. I. Sizonenko"]),
    ("Jean de La Fontaine", ["Jean de La Fontaine"]),
    ("Siobhán O'Brien-Smith", ["Siobhán O'Brien-Smith"]),
    ("Elin Strand; Bo Kettil", ["Elin Strand", "Bo Kettil"]),
]


@pytest.mark.parametrize("line, names", BYLINES, ids=[line for line, _ in BYLINES])
def test_bylines(line, names):
    assert parse_author_line(line) == names


NOT_BYLINES = [
    "Harbour Institute",
    "Harbour Institute · Brief No. 7 · March 2022",
    "Key Findings",
    "Executive Summary",
    "Institut für Seeverkehr",
    "Rapport annuel",
    "The port grew fast.",
    "Ports and Harbours",
    "A Difficult Rapprochement",
    "Night Trains in Europe: A Revival?",
    "Working Paper No. 12",
    "Senior Fellow",
    "March 2022 | Jane Doe",
    "Sputniknews",
    "By the Editors",
    "",
]


@pytest.mark.parametrize("line", NOT_BYLINES)
def test_lines_that_are_not_names(line):
    assert parse_author_line(line) is None


# --- cover lines and covers ------------------------------------------------------

def test_cover_lines():
    assert is_cover_line("15. März 2021")  # a period before a capital, and no sentence
    assert is_cover_line("By Dr. Jane Doe")
    assert is_cover_line("Harbour Institute · Brief No. 7 · March 2022")
    assert is_cover_line("July 2020.")
    assert not is_cover_line("The port grew. Then it shrank.")
    assert not is_cover_line("Einleitung")
    assert not is_cover_line("Résumé")
    assert not is_cover_line("Введение")


COVERS = [
    (["Russia and Latin America in the 21st Century", "A Difficult Rapprochement", "Andrey PYATAKOV", "July 2020",
      "The Institut is a research center and a forum for debate on major international political and economic issues, "
      "founded in 1979 and based in Paris."],
     ("Russia and Latin America in the 21st Century: A Difficult Rapprochement", ["Andrey Pyatakov"], "2020-07", 4)),
    (["Harbour Dues After the Reform", "Jane Doe, Senior Fellow", "Harbour Institute · Brief No. 7 · March 2022",
      "Summary"],
     ("Harbour Dues After the Reform", ["Jane Doe"], "2022-03", 3)),
    (["Harbour Dues", "Jane Doe | March 2022", "Dues rose by 5% in 2021. They fell later."],
     ("Harbour Dues", ["Jane Doe"], "2022-03", 2)),
    (["Night Trains", "By Dr. Jane Doe", "Date: March 28, 2025", "Trains ran late."],
     ("Night Trains", ["Jane Doe"], "2025-03-28", 3)),
    (["Les ports du Nord", "Par Marie Lefèvre", "Publié le 15 septembre 2009 à 10h", "Introduction"],
     ("Les ports du Nord", ["Marie Lefèvre"], "2009-09-15", 3)),
    (["Die Häfen der Nordsee", "Von Anna Müller und Jonas Brehm", "15. März 2021", "Einleitung"],
     ("Die Häfen der Nordsee", ["Anna Müller", "Jonas Brehm"], "2021-03-15", 3)),
    (["Los puertos del norte", "Por Ana García", "3 de marzo de 2020", "Resumen"],
     ("Los puertos del norte", ["Ana García"], "2020-03-03", 3)),
    (["Порты Северного моря", "Рабочий доклад № 14", "Автор: Иван Петров", "15 сентября 2009 г.", "Введение"],
     ("Порты Северного моря", ["Иван Петров"], "2009-09-15", 4)),
    # Gutenberg's header block
    (["Title: The Tidal Mills", "Author: Jane Doe", "Release Date: March 3, 2004 [eBook #11468]",
      "Language: English", "*** START OF THE PROJECT GUTENBERG EBOOK THE TIDAL MILLS ***"],
     ("The Tidal Mills", ["Jane Doe"], "2004-03-03", 4)),
]


@pytest.mark.parametrize("lines, expected", COVERS, ids=[lines[0] for lines, _ in COVERS])
def test_covers(lines, expected):
    cover = read_cover(lines)
    assert (cover.title, cover.authors, cover.date, cover.lines_used) == expected


def test_a_plain_name_is_an_author_under_the_title_and_a_byline_anywhere():
    # The first line of a cover is its title, whatever it looks like.
    assert read_cover(["Jane Doe", "Harbour Dues After the Reform"]).authors == []
    assert read_cover(["Harbour Dues", "Jane Doe"]).authors == ["Jane Doe"]
    cover = read_cover(["By Jane Doe", "Harbour Dues", "May 2021"])
    assert (cover.title, cover.authors, cover.date) == ("Harbour Dues", ["Jane Doe"], "2021-05")


def test_header_fields():
    lines = [
        "Title: The Tidal Mills of the Vessen",
        "       and Other Essays",
        "Author: Jane Doe",
        "Release Date: March 3, 2004 [eBook #11468]",
        "Most recently updated: June 1, 2021",
        "Language: English",
        "Credits: the Harbour Reading Group",
        "Colour: blue",
        "",
        "Titre : Les moulins",
        "Autor: Anna Müller",
    ]
    assert header_fields(lines) == {
        "title": "The Tidal Mills of the Vessen and Other Essays",
        "author": "Jane Doe",
        "date": "March 3, 2004 [eBook #11468]",
        "language": "English",
        "credits": "the Harbour Reading Group",
    }
    assert header_field("Auteur : Marie Lefèvre") == ("author", "Marie Lefèvre")
    assert header_field("Veröffentlicht am: 3. März 2021") == ("date", "3. März 2021")
    assert header_field("Night Trains in Europe: A Revival?") is None


@pytest.mark.parametrize("publisher", ["DEPARTMENT OF HARBOURS AND FERRIES", "Institut für Küstenforschung", "ЦЕНТР ГОРОДСКИХ ИССЛЕДОВАНИЙ"])
def test_a_publisher_line_over_the_title_is_not_part_of_the_title(publisher):
    from claimdesk.sources.header import read_cover

    cover = read_cover([publisher, "Ferry Services Review 2020", "Progress on the Northern Routes", "Jane Doe", "May 2021"])
    assert cover.title == "Ferry Services Review 2020: Progress on the Northern Routes"
    assert cover.authors == ["Jane Doe"] and cover.date == "2021-05"


def test_a_title_that_names_no_organisation_keeps_its_second_line_as_subtitle():
    from claimdesk.sources.header import read_cover

    cover = read_cover(["Small Harbours, Thin Margins", "The Economics of Inshore Fishing", "Marta Lindqvist"])
    assert cover.title == "Small Harbours, Thin Margins: The Economics of Inshore Fishing"


@pytest.mark.parametrize("line, date", [
    ("Lyon, le 2 juin 2017", "2017-06-02"), ("Brussels, 14.10.2019", "2019-10-14"),
    ("Berlin, den 3. März 2021", "2021-03-03"), ("Москва, 15 сентября 2009 г.", "2009-09-15"),
])
def test_a_dateline_with_its_place_dates_the_cover(line, date):
    from claimdesk.sources.header import read_cover

    cover = read_cover(["Report on the rivers", "Jane Doe", line])
    assert cover.date == date and cover.lines_used == 3
