"""The tools a newsroom sets under a story's headline, each recorded in `removed` by its kind, while a
sentence that merely speaks of sharing or listening stays in the text:

- share buttons drawn as <button>s, not links: each one's words ("Share on Facebook", "Copy link") or
  its data-share attribute tell it is a share control (the row whole when it holds them);
- the link to the story read aloud ("Écouter cet article", "Listen to this article (4 min)");
- the line offering the story in other languages ("Aussi disponible en : English · Español"), its links
  marked with hreflang."""

from __future__ import annotations

from claimdesk.sources.importer import parse_report

_PAGE = b"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Wells run low in Amberley</title></head>
<body><main><article>
<h1>Wells run low in Amberley</h1>
<div class="story-tools" aria-label="Tools">
  <button class="tool tool--fb" data-share="facebook"><span class="sr">Share on Facebook</span></button>
  <button class="tool tool--mail"><span class="sr">Share via email</span></button>
  <button class="tool tool--copy">Copy link</button>
</div>
<p>The county's 214 wells gave 3.8 million gallons a day in 2024, down from 4.6 million in 2019.</p>
<p>Residents were asked to share rides to the two refill stations, which opened on 12 March.</p>
</article></main></body></html>"""


def test_a_row_of_share_buttons_is_removed_as_share_and_the_text_is_kept():
    report = parse_report(_PAGE, "html")
    shared = [item.text for item in report.removed if item.kind == "share"]
    assert shared == ["Share on Facebook Share via email Copy link"]
    assert "3.8 million gallons a day in 2024, down from 4.6 million in 2019." in report.text
    assert "Residents were asked to share rides to the two refill stations, which opened on 12 March." in report.text
    assert "Copy link" not in report.text


def test_a_lone_share_button_is_share():
    page = _PAGE.replace(b'<div class="story-tools" aria-label="Tools">', b"<div>").replace(
        b'<button class="tool tool--mail"><span class="sr">Share via email</span></button>', b"")
    report = parse_report(page, "html")
    assert [item.kind for item in report.removed if item.text == "Copy link"] == ["share"]


_TOOLS_FR = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>L'eau revient en régie</title></head>
<body><main><article><h1>L'eau revient en régie</h1>
<div class="outils">
  <a href="/audio/2024/03/regie" class="ecouter">Écouter cet article</a>
  <span class="traductions">Aussi disponible en : <a href="https://example.org/en/water" hreflang="en">English</a> ·
  <a href="https://example.org/es/agua" hreflang="es">Español</a></span>
</div>
<p>En 2023, 38 % des communes du bassin ont repris leur service d'eau, contre 21 % en 2013.</p>
<p>Aussi disponible en ligne, le rapport de 112 pages détaille les tarifs de 2019 à 2023.</p>
<p>Les habitants ont pu écouter les élus lors de 14 réunions publiques.</p>
</article></main></body></html>""".encode()


def test_the_listen_link_and_the_other_languages_line_are_removed_by_kind():
    report = parse_report(_TOOLS_FR, "html")
    removed = {(item.kind, " ".join(item.text.split())) for item in report.removed}
    assert ("other", "Écouter cet article") in removed
    assert ("languages", "Aussi disponible en : English · Español") in removed
    assert "En 2023, 38 % des communes du bassin ont repris leur service d'eau, contre 21 % en 2013." in report.text
    # a sentence that opens with the same words and has no links in other languages stays
    assert "Aussi disponible en ligne, le rapport de 112 pages détaille les tarifs de 2019 à 2023." in report.text
    assert "Les habitants ont pu écouter les élus lors de 14 réunions publiques." in report.text
    assert "Écouter cet article" not in report.text and "English · Español" not in report.text


def test_listen_with_its_running_time_is_the_read_aloud_link():
    page = _TOOLS_FR.replace("Écouter cet article".encode(), b"Listen to this article (4 min)")
    report = parse_report(page, "html")
    assert "Listen to this article" not in report.text
