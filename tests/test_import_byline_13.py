"""The byline and dateline over an article leave the reading text once read into its authors and
date, as "cover"; any line with a word they do not explain stays. Pages of our own, built as news
and think-tank sites build their heads."""

from __future__ import annotations

from claimdesk.sources.importer import parse_report

_BODY = ("<p>The valley board cut its water tariff by 3.2% in 2023, the first cut since 2011, and put the "
         "€1.4 million it saved into the weir at Auental, which had been closed to boats since the floods of 2019.</p>")


def _read(head: str):
    page = (f'<html><head><title>Water tariff cut</title><meta name="author" content="Karin Lind">'
            f'<meta property="article:published_time" content="2024-05-14T05:00:00-04:00"></head><body><main><article>'
            f"<h1>Water tariff cut</h1>{head}{_BODY}</article></main></body></html>")
    report = parse_report(page.encode(), "html")
    return report, [piece.text for piece in report.removed if piece.kind == "cover"]


def test_a_byline_and_a_dateline_go_once_read():
    report, cover = _read('<p class="byline">By Karin Lind</p><p class="dateline">May 14, 2024 5:00 AM ET</p>')
    assert report.authors == ["Karin Lind"] and report.date == "2024-05-14"
    assert sorted(cover) == ["By Karin Lind", "May 14, 2024 5:00 AM ET"]  # each once; the timestamp goes as the page is read
    assert report.text.startswith("Water tariff cut\n\nThe valley board cut its water tariff by 3.2% in 2023")


def test_a_label_goes_with_the_byline_under_it():
    report, cover = _read('<div class="authors"><span class="label">Author(s)</span><ul><li><a href="/k">Karin Lind</a></li></ul></div>'
                          '<div class="date"><span class="label">Display Date</span> <time>May 14, 2024</time></div>')
    assert cover == ["Author(s)", "Karin Lind", "Display Date May 14, 2024"]
    assert "Author(s)" not in report.text


def test_a_byline_with_words_it_does_not_explain_stays():
    report, cover = _read('<p class="byline">Karin Lind, at the Auental weir for the Valley Courier</p><p>1857</p>')
    assert cover == []
    assert "Karin Lind, at the Auental weir for the Valley Courier" in report.text and "1857" in report.text
    # a post is a byline's own word (test_import_role_lines): it goes with the name
    report, cover = _read('<p class="byline">Karin Lind, Valley Courier water correspondent</p>')
    assert cover == ["Karin Lind, Valley Courier water correspondent"]


def test_a_sentence_naming_the_author_and_a_judges_line_stay():
    report, cover = _read("<p>Lady Justice Lind:</p>")
    assert cover == [] and "Lady Justice Lind:" in report.text
    report, cover = _read("<p>Karin Lind asked the board on May 14, 2024 why the weir stayed shut.</p>")
    assert cover == [] and "Karin Lind asked the board on May 14, 2024 why the weir stayed shut." in report.text
