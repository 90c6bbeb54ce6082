"""A working paper's cover as pdftotext gives it: a title broken over lines where no title can
end (on "and", "in", a colon, or before a line that opens in lower case) is one title, so its
last line ("Sub-Saharan Africa", "Eastern Europe") is no author's name; and a tagline with a
dotted abbreviation ("for the U.S. Congress") is a cover line, not two sentences. Classes from
blind27/28 (an IMF working paper, a CBO report); the fixtures are other papers of the kind."""

from __future__ import annotations

from claimdesk.sources.header import is_cover_line, read_cover
from claimdesk.sources.importer import parse_report

_WORKING_PAPER = """Groundwater Pricing and
Irrigation Demand: Evidence
from Well Metering in
Central Asia
Dilnoza Karimova and Piotr Wasik

DP/25/14

May 2025
\f
1. Introduction

Metered wells in 14 districts drew 0.62 cubic kilometres in 2023, down 8.5 percent on 2019.
"""


def test_a_title_broken_on_connectives_is_one_title_and_its_last_line_no_name():
    report = parse_report(_WORKING_PAPER.encode(), "txt")
    assert report.title == "Groundwater Pricing and Irrigation Demand: Evidence from Well Metering in Central Asia"
    assert report.authors == ["Dilnoza Karimova", "Piotr Wasik"]
    assert report.date == "2025-05"
    assert "Metered wells in 14 districts drew 0.62 cubic kilometres in 2023, down 8.5 percent on 2019." in report.text


def test_a_byline_in_lower_case_under_a_title_is_still_a_byline():
    cover = read_cover(["Harbour Dues in Small Ports:", "by Marta Ellison", "June 2024"])
    assert cover.title == "Harbour Dues in Small Ports:"
    assert cover.authors == ["Marta Ellison"]


def test_a_subtitle_is_not_run_into_the_title_without_a_break_that_cannot_end_it():
    cover = read_cover(["Rural Bus Services", "A Review of Council Support", "Jane Holloway", "March 2024"])
    assert cover.title == "Rural Bus Services: A Review of Council Support"
    assert cover.authors == ["Jane Holloway"]


def test_a_dotted_abbreviation_ends_no_sentence():
    assert is_cover_line("Nonpartisan Analysis for the U.S. Congress")
    assert is_cover_line("Ein Bericht z.B. für Gemeinden")
    assert not is_cover_line("Rents rose. Councils paid more")
