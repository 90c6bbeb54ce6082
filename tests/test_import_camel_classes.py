"""Classes named in lower camel case, as the Federal Government's Site Builder and other older CMSs
name them ("navSkip", "sectionRelated", "shareButtons"), are read word by word like "nav-skip"."""

from __future__ import annotations

from claimdesk.sources.importer import parse_report


def test_a_skip_block_and_a_related_section_in_camel_case_go():
    page = """<html><head><title>Ladesäulen</title></head><body>
<h1 class="navSkip">Navigation und Service</h1><p class="navSkip"><em>Springe direkt zu:</em></p>
<ul class="navSkip"><li><a href="#content">Inhalt</a></li><li><a href="#nav">Hauptmenü</a></li></ul>
<main id="content"><h1>Ladesäulen: Förderung besser steuern</h1>
<p>Der Bund hat seit 2021 rund 1,9 Milliarden Euro für 41.000 Ladepunkte bewilligt.</p>
<div class="sectionRelated"><h2>Weitere Berichte</h2><p><a href="/a">Deutschlandticket ungeklärt</a></p></div>
</main></body></html>"""
    report = parse_report(page.encode(), "html")
    assert "Der Bund hat seit 2021 rund 1,9 Milliarden Euro für 41.000 Ladepunkte bewilligt." in report.text
    for furniture in ("Navigation und Service", "Springe direkt zu", "Deutschlandticket ungeklärt", "Weitere Berichte"):
        assert furniture not in report.text, furniture
    kinds = {piece.kind for piece in report.removed}
    assert {"navigation", "related"} <= kinds


def test_a_camel_case_class_of_the_text_keeps_it():
    page = """<html><head><title>Ladesäulen</title></head><body><main><h1>Ladesäulen</h1>
<div class="articleBody"><p class="introText">Der Bund hat seit 2021 rund 1,9 Milliarden Euro bewilligt.</p></div>
</main></body></html>"""
    report = parse_report(page.encode(), "html")
    assert "Der Bund hat seit 2021 rund 1,9 Milliarden Euro bewilligt." in report.text
