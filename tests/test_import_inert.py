"""Bidi overrides and invisible characters never reach a report's reading text (issue 11).

They can make the screen show other words than the store holds ("5\u202e%" reads
backwards), or make two names that look alike differ. The importer takes them out
of the source and of what the readers decode (HTML entities), reports each in
`removed` with its offset, and warns; joiners that Persian and the Indic scripts
need stay.
"""

from __future__ import annotations

from claimdesk.sources.importer import parse_report

BODY = "Harbour dues\n\nBy Ana Lima\n\nThe dues rose by 5\u202e% in 2021, said the port\u200b authority.\n\nمی\u200cخواهم بدانم.\n"


def test_bidi_and_invisible_characters_leave_the_reading_text_and_are_reported():
    report = parse_report(BODY.encode(), "txt")
    assert "The dues rose by 5% in 2021, said the port authority." in report.text
    assert "\u202e" not in report.text and "\u200b" not in report.text
    hidden = [item.text for item in report.removed if item.kind == "hidden"]
    assert any(text.startswith("U+202E RIGHT-TO-LEFT OVERRIDE at offset") for text in hidden)
    assert any("ZERO WIDTH SPACE" in text for text in hidden)
    assert any("bidi or invisible" in warning for warning in report.warnings)


def test_a_joiner_that_a_script_needs_stays():
    report = parse_report(BODY.encode(), "txt")
    assert "می\u200cخواهم" in report.text


def test_entities_decoded_by_the_html_reader_are_cleaned_too():
    page = b"<html><head><title>Dues</title></head><body><h1>Dues&#x202E; rise</h1><p>Rate 5&#8238;% here, by 2&#x200B;021.</p></body></html>"
    report = parse_report(page, "html")
    assert "Rate 5% here, by 2021." in report.text
    assert "\u202e" not in (report.title or "")
    assert sum(1 for item in report.removed if item.kind == "hidden" and item.text.startswith("U+")) >= 3


def test_a_flood_of_soft_hyphens_is_counted_not_listed_one_by_one():
    text = "Title\n\nBy Ana Lima\n\n" + "Hafen\u00adgebühren stiegen um 5 %. " * 500
    report = parse_report(text.encode(), "txt")
    assert "\u00ad" not in report.text
    assert sum(1 for item in report.removed if item.kind == "hidden" and item.text.startswith("U+")) == 50
    assert any("500" in warning or "and 490 more" in warning for warning in report.warnings)
