"""Helpers for the furniture tests: a news page around an article body, read as claimdesk reads it."""

from __future__ import annotations

from claimdesk.sources.importer import parse_report


def read_html(page: str):
    """The parsed report and its removed furniture as a set of (kind, text)."""
    report = parse_report(page.encode(), "html")
    return report, {(piece.kind, piece.text) for piece in report.removed}


def article_page(body: str, title: str, heading: str, site: str, before: str = "", inside: str = "", after: str = "") -> str:
    """A page as most sites build one: furniture before <main>, the article, a page footer."""
    return (f"<html><head><title>{title}</title></head><body>{before}"
            f"<main><article><h1>{heading}</h1>{inside}{body}{after}</article></main>"
            f"<footer><p>© 2024 {site}</p></footer></body></html>")
