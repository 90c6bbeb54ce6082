"""Classes from blind30's first reading, each with a fixture of our own.

A text given twice, once to the eye in an aria-hidden element and once to the ear in a
screen-reader-only element beside it (Austria's RIS prints "§ 11 Abs 1" and reads out
"Paragraph 11, Absatz eins"; a price "$5" beside "five dollars"): the printed copy is the
source's text and stays, the spoken copy goes as "hidden". An aria-hidden element with no
such twin is still hidden, and screen-reader text with no twin still stays."""

from __future__ import annotations

from claimdesk.sources.importer import parse_report

_TWINNED = """<!doctype html><html><head><title>Entscheidung 3 Ob 12/24k</title></head><body><main>
<h1>Entscheidung 3 Ob 12/24k</h1>
<p>Der Antrag auf Zahlung von 2.480,00 EUR wurde abgewiesen.</p>
<p><span aria-hidden="true">Nach § 7 Abs 2 WGG ist der Betrag binnen 14 Tagen zu leisten.</span><span class="sr-only">Nach Paragraph 7, Absatz 2, WGG ist der Betrag binnen 14 Tagen zu leisten.</span></p>
<p>The levy rose to <span aria-hidden="true">$5.40</span> <span class="visually-hidden">five dollars forty</span> a month in 2023.</p>
<p>Die Anlage hat 38 Wohnungen.<span aria-hidden="true" class="icon">★</span></p>
<p><span class="sr-only">Die Tabelle unten zeigt 12 Jahre. </span>Die Kosten tragen die Mieter zu 35 %.</p>
</main></body></html>"""


def test_the_printed_copy_of_a_twinned_text_stays_and_the_spoken_copy_goes_as_hidden():
    report = parse_report(_TWINNED.encode(), "html")
    assert "Nach § 7 Abs 2 WGG ist der Betrag binnen 14 Tagen zu leisten." in report.text
    assert "Paragraph 7, Absatz 2" not in report.text
    assert any(item.kind == "hidden" and "Paragraph 7, Absatz 2" in item.text for item in report.removed)
    assert "The levy rose to $5.40 a month in 2023." in " ".join(report.text.split())
    assert "five dollars forty" not in report.text


def test_an_aria_hidden_element_without_a_twin_is_still_hidden_and_lone_screen_reader_text_stays():
    report = parse_report(_TWINNED.encode(), "html")
    assert "★" not in report.text
    assert "Die Anlage hat 38 Wohnungen." in report.text
    assert "Die Kosten tragen die Mieter zu 35 %." in report.text
    assert "Die Tabelle unten zeigt 12 Jahre." in report.text  # the only copy of those words


# A report page whose sections are the targets of its table of contents: the headings' ids
# name the contents ("toc-2"), but the headings are the text's (EPI's WordPress reports).
_CONTENTS_TARGETS = """<!doctype html><html><head><title>School bus staffing</title></head><body>
<nav class="report-toc"><h2>Sections</h2><ul><li><a href="#rpt-toc-1">Where drivers are short</a></li>
<li><a href="#rpt-toc-2">What districts pay</a></li></ul></nav>
<main><article><h1>School bus staffing</h1>
<h2 id="rpt-toc-1">Where drivers are short</h2>
<p>Districts reported 3,400 open driver posts in 2024, 12.5% of the total.</p>
<h2 id="rpt-toc-2" class="section-toc-target">What districts pay</h2>
<p>The median hourly wage was $21.75.</p>
</article></main></body></html>"""


def test_a_heading_that_a_table_of_contents_links_to_is_a_heading_of_the_text():
    report = parse_report(_CONTENTS_TARGETS.encode(), "html")
    assert "Where drivers are short\n\nDistricts reported 3,400 open driver posts in 2024, 12.5% of the total." in report.text
    assert "What districts pay\n\nThe median hourly wage was $21.75." in report.text
    assert "Sections" not in report.text  # the contents themselves still go
