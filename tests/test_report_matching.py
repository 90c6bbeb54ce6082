"""Matching parsed references to the reports of the store."""

from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdesk.sources.model import Reference
from claimdesk.sources.references import op_cit_key, parse_reference
from claimdesk.sources.report_matching import match_report, normalise_name, title_score

IFRI = {"id": "ifri-2020", "title": "Russia and Latin America in the 21st Century: A Difficult Rapprochement",
        "authors": ["Andrey PYATAKOV"], "date": "2020-07"}
WERRA = {"id": "werra-2021", "title": "From the 2000s to the present: towards an intensification of the Russian "
         "presence in the Latin American military-industrial market", "authors": ["Anaïs Fauré"], "date": "2021-07"}
HARBOUR = {"id": "harbour-2022", "title": "Salmon, Silt and Subsidies: Water Quality and Fisheries in the Aldra Basin",
           "authors": ["Marit Evensen", "Tomasz Kowalczyk"], "date": "2022-03-15"}
COASTAL = {"id": "coastal-2023", "title": "Estuaries Under Pressure: Eels, Oysters and Nutrients on the Aldra Coast",
           "authors": ["Hélène Marchetti", "Rhys Aldous-Penn"], "date": "2023-01-20"}
BRIEF = {"id": "brief-2024", "title": "After the Weirs: Five Priorities for the Aldra Basin, 2024–2030",
         "authors": ["Zoë Halvorsen", "Andrés Quiñones"], "date": "2024-06"}
REPORTS = [WERRA, IFRI, HARBOUR, COASTAL, BRIEF]


@pytest.mark.parametrize("note, expected", [
    # The Werra report cites the Ifri one with another transliteration and an unclosed quote.
    ('Andrei Piatakov, "Russia and Latin America in the 21st century: a difficult rapprochement, '
     "Russia.Nei.Visions, n°119. Ifri, July 2020.", "ifri-2020"),
    ('Andrey Pyatakov, "Russia and Latin America in the 21st Century: A Difficult Rapprochement", '
     "Russie.Nei.Visions, No. 119, Ifri, July 2020.", "ifri-2020"),
    ("A. Piatakov, “Russia and Latin America in the Twenty-First Century”, Ifri, 2020.", "ifri-2020"),
    # Other works by the same author are not the report.
    ('A. Piatakov, "Vooruzhennye sily Venesuely: epoha Ugo Chavesa" [The Armed Forces of Venezuela: The Hugo '
     "Chavez Era], *Latinskaia Amerika*, No. 6, 2019.", None),
    ('Andrei Piatakov, "Cooperacion entre rusia y Argentina en el ambito tecnico-militar", Instituto de '
     "Latinoamerica e la Academia de Ciencias de Rusia", None),
    ("A. Piatakov, “Russia and Latin America in the 21st Century”, *Latinskaia Amerika*, No. 3, 2015.", None),
    # Someone else's work with a similar subject.
    ('Arantxa Tirado and Félix Caballero Escalante, "Rusia en America Latina: amenaza pour EE.UU?", celag.org '
     "https://www.celag.org/rusia-en-america-latina-amenaza-para-eeuu/", None),
    ('A. O\'Brien, "Venezuela and Russia: Geopolitical Allies in the 21st Century", *Yale Review of '
     "International Studies*, March 2019.", None),
    ("J. Smith, “Russia and Latin America in the 21st Century: A Difficult Rapprochement”, 2020.", None),
    # The fictional example reports: APA, initials, a misspelt second author.
    ('Evensen, Marit, & Kowalczyk, Tomasz (2022). "Salmon, Silt and Subsidies: Water Quality and Fisheries in '
     'the Aldra Basin". Harbour Institute, p. 6.', "harbour-2022"),
    ("M. Evensen and T. Kovalchyk, “Salmon, Silt and Subsidies: Water Quality and Fisheries in the Aldra Basin”, "
     "Harbour Institute, March 2022, p. 6.", "harbour-2022"),
    ("Hélène Marchetti and Rhys Aldous-Penn, “Estuaries Under Pressure: Eels, Oysters and Nutrients on the "
     "Aldra Coast”, Coastal Review, 20 January 2023.", "coastal-2023"),
    ("Helene Marchetti, “Estuaries under pressure”, Coastal Review, 2023.", "coastal-2023"),
    ('Ingrid Sollberg and Pavel Duda, "Buffer Strips and Phosphorus Retention in Lowland Catchments," '
     "*Freshwater Policy Quarterly* 8, no. 1 (2020): 3–27.", None),
    ("Cf, https://www.zona-militar.com/2021/05/24/proyectos-militares-argentinos/", None),
])
def test_match_notes(note, expected):
    assert match_report(parse_reference(note), REPORTS) == expected


def test_truncated_op_cit_title_matches_without_year():
    ref = parse_reference('Andrei Piatakov, "Russia and Latin America in the XXI century ..., op.cit')
    assert ref.year is None
    assert match_report(ref, REPORTS) == "ifri-2020"
    assert match_report(Reference(authors=["Evensen"], title="Salmon, Silt"), REPORTS) == "harbour-2022"


def test_year_must_agree_when_both_have_one():
    ref = Reference(authors=["A. Piatakov"], title="Russia and Latin America in the 21st Century", year="2020")
    assert match_report(ref, REPORTS) == "ifri-2020"
    ref.year = "2018"
    assert match_report(ref, REPORTS) is None
    assert match_report(ref, [dict(IFRI, date=None)]) == "ifri-2020"


def test_without_authors_the_title_must_be_near_identical():
    exact = Reference(title="Russia and Latin America in the 21st Century: A Difficult Rapprochement", year="2020")
    assert match_report(exact, REPORTS) == "ifri-2020"
    assert match_report(exact, [dict(IFRI, authors=[])]) == "ifri-2020"
    main_title = Reference(title="Russia and Latin America in the XXI century")
    assert match_report(main_title, REPORTS) == "ifri-2020"  # the whole main title
    assert match_report(Reference(title="Russia and Latin America in the XXI"), REPORTS) is None  # cut short
    assert match_report(Reference(title="Russia"), REPORTS) is None
    assert match_report(Reference(authors=["Andrei Piatakov"], title="Russia"), REPORTS) is None


def test_short_surnames_must_be_equal():
    ref = Reference(authors=["Y. Lin"], title="Water Quality and Fisheries in the Aldra Basin")
    assert match_report(ref, [dict(HARBOUR, authors=["Wei Li"], title=ref.title)]) is None
    assert match_report(ref, [dict(HARBOUR, authors=["Yan LIN"], title=ref.title)]) == "harbour-2022"


def test_nothing_to_match():
    assert match_report(None, REPORTS) is None
    assert match_report(Reference(url="https://example.org"), REPORTS) is None
    assert match_report(Reference(title="Anything"), []) is None
    assert match_report(Reference(authors=["X"], title="Anything"), [{"id": "t", "title": None, "authors": None}]) is None


def test_best_of_several_and_deterministic():
    second = dict(IFRI, id="ifri-copy")
    ref = Reference(authors=["Pyatakov"], title="Russia and Latin America in the 21st Century", year="2020")
    assert match_report(ref, [IFRI, second]) == "ifri-2020"
    assert match_report(ref, [second, IFRI]) == "ifri-copy"
    closer = dict(IFRI, id="exact", title="Russia and Latin America in the 21st Century")
    assert match_report(ref, [IFRI, closer]) == "exact"


@pytest.mark.parametrize("a, b", [
    ("Piatakov", "Pyatakov"), ("Andrei", "Andrey"), ("Goreslavskij", "Goreslavsky"), ("Iakovlev", "Yakovlev"),
    ("Kholodkov", "Holodkov"), ("Tsygankov", "Cygankov"), ("Kowalczyk", "Kovalchyk"), ("Fauré", "FAURE"),
    ("Iurii", "Yuri"), ("Zhirinovsky", "Jirinovski"),
])
def test_transliteration_variants_share_a_canonical_form(a, b):
    assert normalise_name(a) == normalise_name(b)


@pytest.mark.parametrize("cited, report, at_least", [
    ("Russia and Latin America in the XXI century", IFRI["title"], 90),
    ("Russia and Latin America in the twenty-first century", IFRI["title"], 90),
    ("Rossiia i Latinskaia Amerika v XXI veke", "Rossiya i Latinskaya Amerika v 21 veke", 95),
    ("Salmon, Silt and Subsidies", HARBOUR["title"], 95),
])
def test_title_score_high(cited, report, at_least):
    assert title_score(cited, report) >= at_least


@pytest.mark.parametrize("cited, report", [
    ("Vooruzhennye sily Venesuely: epoha Ugo Chavesa", IFRI["title"]),
    ("Rusia en America Latina: amenaza pour EE.UU?", IFRI["title"]),
    ("Russia and Latin America: Old Friends, New Partners", IFRI["title"]),
    ("Russia and Latin America in the 20th Century", IFRI["title"]),
    ("Latin America", IFRI["title"]),
])
def test_title_score_low(cited, report):
    assert title_score(cited, report) < 85


def test_many_reports_none_match_other_titles():
    reports = [dict(IFRI, id=f"r{i}", title=f"{IFRI['title']} part {i}", authors=[f"Author{i} Name"])
               for i in range(200)]
    refs = [Reference(authors=["A. Piatakov"], title=f"Some other title number {i}", year="2020") for i in range(100)]
    assert all(match_report(ref, reports) is None for ref in refs)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.lists(st.text(max_size=30), max_size=3), st.text(max_size=80))
def test_arbitrary_input_never_crashes(title, authors, report_title):
    ref = Reference(authors=authors, title=title or None)
    result = match_report(ref, [{"id": "x", "title": report_title, "authors": authors, "date": "2020"}])
    assert result in (None, "x")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzéü", min_size=3, max_size=10), min_size=2, max_size=8))
def test_identical_title_and_author_always_match(words):
    title = " ".join(words).title()
    ref = Reference(authors=["A. Kowalska"], title=title, year="2020")
    report = {"id": "x", "title": title, "authors": ["Anna Kowalska"], "date": "2020-05"}
    assert match_report(ref, [report]) == "x"
