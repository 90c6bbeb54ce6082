"""Classes of failure found by held-out set blind28's first reading, written here in other
documents of the same kinds: page-foot notes numbered "1." (CBO's reports as pdftotext), taken
only where the page calls them, never a numbered list at a page's foot; and a page-foot note
whose wrapped line opens with a figure ("60 percent of …")."""

from __future__ import annotations

from claimdesk.sources.importer import parse_report

_REPORT = """NONPARTISAN BUDGET OFFICE

Transit grants rose to $21.3 billion in 2023, up from $13.2 billion
in 2019.1 Most of the increase went to bus fleets.2

1. Includes emergency relief appropriated in 2020 and 2021.

2. See the agency's annual grant tables for 2023.

4
\f
Options for lawmakers

Three options are examined:

1. Raise the fuel tax by 5 cents per gallon.

2. Index the tax to inflation.

5
\f
The options would raise $40 billion over ten years.3

3. Estimates by the staff of the Joint Committee on Taxation; 14
percent of the total would come from diesel fuel.

6
"""


def test_dotted_page_foot_notes_are_notes_where_called_and_a_list_stays():
    report = parse_report(_REPORT.encode(), "txt")
    assert [note.number for note in report.footnotes] == [1, 2, 3]
    assert report.footnotes[2].text == ("Estimates by the staff of the Joint Committee on Taxation; 14 percent of the total "
                                        "would come from diesel fuel.")
    text = " ".join(report.text.split())
    assert "1. Raise the fuel tax by 5 cents per gallon." in text and "2. Index the tax to inflation." in text
    assert all(note.marker_offsets for note in report.footnotes)


def test_a_charts_axis_labels_keep_their_lines_and_no_figures_run_together():
    text = """Outlays rose to $69.5 billion in 2024.

Billions of Dollars
100

80
Outlays
60

0
2024

2026
"""
    report = parse_report(text.encode(), "txt")
    assert "0 2024" not in report.text and "100 80" not in report.text
    assert "Outlays rose to $69.5 billion in 2024." in report.text
