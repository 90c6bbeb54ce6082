"""Share buttons a newsroom draws as <button>s, not links: each one's words ("Share on Facebook",
"Copy link") or its data-share attribute tell it is a share control, recorded as "share" in
`removed` (the row whole when it holds them), and a sentence that happens to speak of sharing stays in the text."""

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
