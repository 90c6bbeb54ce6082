"""A briefing set in two columns, as `pdftotext -layout` prints it: our fixture
tests/fixtures/text/pdftotext-layout-two-column-briefing.txt (its words and figures are
also checked by the fidelity test, with every other fixture).

- The two columns of each page are read down, the left before the right.
- A right column shorter than the left leaves rows blank on the right; the rule, the notes
  and the page number under the columns are no part of the left column, so the notes are
  read and the page number goes.
- A publisher's band of three fields over the title ("OBSERVATORY · BRIEFING 14 ·
  OCTOBER 2025") dates the paper and stays in the text.
"""

from __future__ import annotations

from pathlib import Path

from claimdesk.sources.importer import parse_report

BRIEFING = Path(__file__).resolve().parent / "fixtures" / "text" / "pdftotext-layout-two-column-briefing.txt"


def _briefing():
    return parse_report(BRIEFING.read_bytes(), "txt")


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_each_page_s_two_columns_are_read_down_left_then_right():
    text = _flat(_briefing().text)
    left = ("District heating served 212,000 households in the eleven towns in 2024, up from 187,500 in 2019. "
            "The average price of a megawatt hour rose from 71.40 euros to 118.90 euros over the same years, "
            "an increase of 66.5 percent. Prices rose fastest")
    right = "In Orlen and Haspe, where gas supplied 58 and 63 percent of the heat in 2022, bills for a 70 square metre flat"
    assert left in text and right in text
    assert text.index(left) < text.index(right)
    assert ("We recommend that operators publish their fuel mix every quarter, that the cap of 105 euros be tied "
            "to the gas price index") in text


def test_notes_and_page_number_under_a_short_right_column_are_not_read_into_the_left_one():
    report = _briefing()
    assert [note.text for note in report.footnotes] == [
        "Observatory price survey 2024, table 2; prices include VAT at 7 percent.",
        "Ibid., table 5.",
        "Observatory price survey, op. cit., table 8.",
    ]
    assert [note.resolves_to for note in report.footnotes] == [None, 1, 1]
    assert [page.label for page in report.pages] == ["1", "2"]
    assert {item.text for item in report.removed if item.kind == "page-number"} == {"1", "2"}
    last = _flat(report.text).rsplit("contracts.", 1)[1]
    assert last.startswith(" We recommend")  # no page number between the columns
    call = report.footnotes[2].marker_offsets[0]
    assert report.text[call - 8:call] == "percent."


def test_a_publisher_s_band_over_the_title_dates_the_paper_and_stays_text():
    report = _briefing()
    assert report.title == "District Heating Prices in Eleven Towns, 2019–2024"
    assert report.authors == ["Ilse Varga", "Tomas Renner"]
    assert report.date == "2025-10"
    assert report.text.startswith("NORTHMERE ENERGY OBSERVATORY · BRIEFING 14 · OCTOBER 2025")
