"""Markdown of note-taking apps and notebooks, and a blog page whose article ends before the site does.

Fixtures written for these tests the way such files are built: an Obsidian vault
note (front matter, callouts, wiki links with aliases and headings, an embed, a
%% comment %%), a notebook exported to Markdown with a styled pandas table, and a
blog page with generated class names, data-testid attributes, heading permalinks,
"[1][2]" markers and an author box, tags and sign-up box after the <article>.
"""

from __future__ import annotations

from pathlib import Path

from claimdesk.sources.importer import parse_report

FIXTURES = Path(__file__).parent / "fixtures"


def _import(path: str, format: str):
    return parse_report((FIXTURES / path).read_bytes(), format)


def test_wiki_links_read_as_the_app_shows_them():
    report = _import("markdown/obsidian-vault-note.md", "md")
    assert "see the trap sheets." in report.text
    assert "Up: Rivers MOC · Wyre catchment > Weirs" in report.text
    for markup in ("[[", "]]", "[!note]", "[!warning]", "mill-hey-trap-2022.jpg", "%%", "ask the trust"):
        assert markup not in report.text
    assert "Working note" in report.text and "Warning" in report.text
    removed = {(item.kind, item.text) for item in report.removed}
    assert ("other", "![[mill-hey-trap-2022.jpg|500]]") in removed
    assert ("hidden", "ask the trust whether the 2020 sheets survive") in removed


def test_an_obsidian_note_keeps_its_figures_and_notes():
    report = _import("markdown/obsidian-vault-note.md", "md")
    assert "There are 17 weirs on the main stem of the Wyre, and by 2022 eel passes had been fitted at 9 of them." in report.text
    assert "its count of 655 is a floor" in report.text
    assert [note.text for note in report.footnotes] == [
        "River trust asset register, version of March 2022.", "Trap sheets, Mill Hey, seasons 2019 and 2022."]
    assert (report.title, report.authors, report.date) == ("Eel passes on the Wyre weirs", ["Mairi Fenwick"], "2023-06-02")


def test_a_bracketed_number_link_is_no_wiki_link():
    report = parse_report(b"# T\n\nThe count rose by 12 per cent.[[1]](#fn1)\n\nSee [[3]] and [[Harbour]].\n", "md")
    # "[[1]](#fn1)" is a link reading "[1]"; "[[3]]" is a bracketed marker with no note; only "[[Harbour]]" is a page.
    assert report.text == "T\n\nThe count rose by 12 per cent.[1]\n\nSee [[3]] and Harbour."


def test_a_notebooks_style_sheet_is_no_text_even_when_blank_lines_cut_its_html_block():
    report = _import("markdown/notebook-styled-table.md", "md")
    for css in ("vertical-align", ".dataframe", "text-align"):
        assert css not in report.text
    assert "91.4" in report.text and "78.0" in report.text
    assert any(item.kind == "hidden" and "vertical-align: middle" in item.text for item in report.removed)
    assert report.authors == ["Tomás Reid"]


def test_the_site_after_the_article_is_furniture_and_a_paragraph_of_prose_stays():
    report = _import("html/article-then-site-furniture.html", "html")
    for furniture in ("1.2K Followers", "Written by Lena Ortiz", "Get the weekly digest", "Help", "Buses", "4 min read", "¶"):
        assert furniture not in report.text, furniture
    assert "the right figure is 212, as our count sheets show" in report.text  # prose after the article is kept
    assert any(item.kind == "furniture" and "1.2K Followers" in item.text for item in report.removed)


def test_a_blog_page_title_authors_and_markers():
    report = _import("html/article-then-site-furniture.html", "html")
    assert report.title == "Counting the night buses"
    assert report.authors == ["Lena Ortiz"]  # the site's name in JSON-LD's author field is no author
    assert report.date == "2023-04-18"
    assert [len(note.marker_offsets) for note in report.footnotes] == [2, 1, 1]
    second_call = report.footnotes[1].marker_offsets[0]
    assert report.text[:second_call].endswith("fewer than five people")
    assert "Why count at night" in report.text and "What the counts show" in report.text


GOVUK_PAGE = b"""<html><body class="govuk-template__body"><main class="govuk-main-wrapper" id="main-content" role="main">
<h1 class="gem-c-title__text">Ferry grant: interim evaluation</h1>
<div class="print-wrapper"><div class="print-meta-data"><p>\xc2\xa9 Crown copyright 2024</p>
<p>This publication is licensed under the terms of the Open Government Licence v3.0.</p></div></div>
<div class="govspeak"><p>The grant gave \xc2\xa312.5 million to 9 authorities<sup id="fnref:1"><a href="#fn:1" class="govuk-link" rel="footnote" role="doc-noteref">[footnote 1]</a></sup>.</p>
<div class="footnotes" role="doc-endnotes"><ol><li id="fn:1" role="doc-endnote"><p>Including \xc2\xa30.5 million held back. <a href="#fnref:1" role="doc-backlink">\xe2\x86\xa9</a></p></li></ol></div></div>
<div class="gem-c-feedback"><h2 class="gem-c-feedback__prompt-question">Is this page useful?</h2><button>Yes</button><button>No</button></div>
</main></body></html>"""


def test_a_gov_uk_publication():
    report = parse_report(GOVUK_PAGE, "html")
    assert [note.number for note in report.footnotes] == [1]  # "[footnote 1]" is note 1, no group "footnote"
    assert report.text[: report.footnotes[0].marker_offsets[0]].endswith("to 9 authorities")
    for furniture in ("Is this page useful?", "Open Government Licence", "Crown copyright"):
        assert furniture not in report.text
    kinds = {item.kind: item.text for item in report.removed}
    assert "Open Government Licence" in (kinds.get("licence") or kinds.get("footer") or "")
    assert kinds["other"].startswith("Is this page useful?")
