"""Styles met in the ninth blind held-out set, each on a fixture of our own built as that
origin builds its pages: a Docusaurus docs page with admonitions in its text."""

from __future__ import annotations

from pathlib import Path

from claimdesk.sources.importer import parse_report

FIXTURES = Path(__file__).parent / "fixtures"


def parse(name: str, fmt: str = "html"):
    return parse_report((FIXTURES / name).read_bytes(), fmt)


def notes(report):
    return {n.number: n for n in report.footnotes}


def marker_after(report, number) -> str:
    (offset,) = notes(report)[number].marker_offsets
    return report.text[:offset]


def removed(report, kind):
    return [r.text for r in report.removed if r.kind == kind]


# --- a Docusaurus page: admonitions are the text, the announcement bar is not ---

def test_an_admonition_inside_the_article_is_text_and_an_alert_outside_it_is_not():
    report = parse("html/docusaurus-admonitions-tide-api.html")
    assert "Predictions are given in local time and ignore surge; observed levels may differ by up to 0.4 metres." in report.text
    assert "Cache the response for 6 hours: predictions change only when a station is recalibrated." in report.text
    assert "The tide endpoint returns predicted high and low waters for 42 stations along the estuary." in report.text
    assert not removed(report, "sidebar") or all("Predictions" not in r for r in removed(report, "sidebar"))
    assert "Version 2 of the API is out!" not in report.text
    assert any("Version 2 of the API is out!" in r.text for r in report.removed)
    assert "Getting started" not in report.text and "Built with Docusaurus" not in report.text
    assert report.footnotes == []
