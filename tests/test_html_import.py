"""The HTML reader: main content, note styles, page maps and metadata, one realistic page each."""

from __future__ import annotations

import json
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimdesk.cli import cli
from claimdesk.sources.importer import parse_report

FIXTURES = Path(__file__).parent / "fixtures" / "html"
EXPECTED = {name: value for name, value in json.loads((FIXTURES / "expected.json").read_text()).items() if not name.startswith("_")}
FIGURE = re.compile(r"(?<![\w.])[$€£]?\d+(?:[.,]\d+)*(?:\s?%)?")


def parse(name):
    return parse_report((FIXTURES / name).read_bytes(), "html")


def html(markup: str):
    return parse_report(markup.encode("utf-8"), "html")


def notes_by_label(report):
    return {note.number: note for note in report.footnotes}


def text_before(report, offset, length=30):
    return report.text[max(0, offset - length):offset]


def removed_text(report):
    return " ".join(item.text for item in report.removed)


class _SourceText(HTMLParser):
    """The source's visible text, a space at every tag, so a superscript never joins its number."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.code = [], 0

    def handle_starttag(self, tag, attrs):
        self.code += tag in ("script", "style", "template", "title")
        self.parts.append(" ")

    def handle_endtag(self, tag):
        self.code -= tag in ("script", "style", "template", "title") and self.code > 0
        self.parts.append(" ")

    def handle_data(self, data):
        if not self.code:
            self.parts.append(data)


def figures(text):
    found = {match.group().replace(" ", "").rstrip(".,") for match in FIGURE.finditer(text.replace("\u00a0", " "))}
    return {figure for figure in found if len(figure.strip("0123456789")) < len(figure) and len(figure) >= 2}


# -- every fixture ------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_body_sentences_are_kept(name):
    report = parse(name)
    text = " ".join(report.text.split())
    for sentence in EXPECTED[name]["keep"]:
        assert sentence in text


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_boilerplate_is_out_of_the_text_and_in_removed(name):
    report = parse(name)
    removed = removed_text(report)
    for phrase in EXPECTED[name]["boilerplate"]:
        assert phrase not in report.text, phrase
        assert phrase in removed, phrase
    for item in report.removed:
        assert item.text.strip()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_note_texts_are_notes_not_body(name):
    report = parse(name)
    texts = [note.text for note in report.footnotes]
    for snippet in EXPECTED[name]["notes"]:
        assert any(snippet in text for text in texts), snippet
        assert snippet not in report.text


@pytest.mark.parametrize("name", sorted(EXPECTED) + ["../../../examples/coastal-review-2023.html"])
def test_every_figure_of_the_source_is_somewhere(name):
    """Fidelity: each figure of the page is in the text, a note, or what was removed."""
    source = _SourceText()
    source.feed((FIXTURES / name).read_text(encoding="utf-8"))
    report = parse(name)
    imported = " ".join([report.text, removed_text(report), *(note.text for note in report.footnotes)])
    # A superscript kept as a superscript (10⁶, km²) counts as its digits.
    imported = imported.translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))
    lost = figures("".join(source.parts)) - figures(imported)
    assert not lost
    for note in report.footnotes:
        for offset in note.marker_offsets:
            assert 0 < offset <= len(report.text)
            assert not report.text[offset - 1].isspace()


# -- encyclopedia ---------------------------------------------------------------------

def test_wiki_references_reused_groups_and_metadata():
    report = parse("wiki-tide-mill.html")
    assert report.title == "Halvern tide mill"  # the JSON-LD name the h1 confirms, not its description headline
    assert report.authors == ["Contributors to Wikimedia projects"]
    assert report.date == "2011-06-14"
    notes = notes_by_label(report)
    assert list(notes) == ["note 1", "note 2", 1, 2, 3, 4]
    survey = notes[1]
    assert len(survey.marker_offsets) == 3  # one reference, called three times
    assert [text_before(report, o, 12) for o in survey.marker_offsets] == ["still stand.", " had fallen.", "in diameter;"]
    assert [text_before(report, o, 12) for o in notes[2].marker_offsets] == ["hours a day.", "d in Skelby."]
    assert text_before(report, notes["note 1"].marker_offsets[0], 9) == " quarter."
    assert report.text[:notes[3].marker_offsets[0]].endswith("a quarter.")
    assert "^" not in survey.text and not survey.text.startswith("a b")
    assert notes[4].text == '"Our history". Halvern Mill Trust. Retrieved 2 February 2024.'
    assert "Location; Halvern estuary, Westmark" in report.text  # the infobox is the article's
    assert "See also" in [section.title for section in report.sections]
    assert "References" not in [section.title for section in report.sections]
    kinds = {item.kind for item in report.removed}
    assert {"navigation", "contents", "languages", "edit-link", "header", "footer", "hidden"} <= kinds
    assert [item.text for item in report.removed if item.kind == "edit-link"] == ["[edit]"] * 6
    assert [item.text for item in report.removed if item.kind == "contents"] == ["Contents (Top) 1History 2Machinery 3Restoration"]


# -- Project Gutenberg ----------------------------------------------------------------

def test_gutenberg_notes_pages_licence_and_header():
    report = parse("gutenberg-saltmarsh.html")
    assert report.title == "Notes on the Saltmarsh Parishes"
    assert report.authors == ["Edmund Pell"]
    assert report.date == "1887"  # the title page's imprint, not the ebook's "Release date: March 12, 2023"
    notes = notes_by_label(report)
    # Chapter II numbers its notes from 1 again: the second [1] is another note.
    assert list(notes) == [1, 2, "1-2", "2-2"]
    assert report.text[:notes[1].marker_offsets[0]].endswith("the Fenning Cut,")
    assert report.text[:notes[2].marker_offsets[0]].endswith("distance of nine miles.")
    assert report.text[:notes["1-2"].marker_offsets[0]].endswith("3,500 sheep,")
    assert notes[2].text.endswith("He adds that its light was last shown in 1812.")
    assert notes["2-2"].kind == "ibid"
    assert not notes[1].text.startswith("[1]")
    pages = [(page.label, report.text[page.start:page.start + 12]) for page in report.pages]
    assert pages == [("1", "The parishes"), ("2", "1703, and th"), ("3", "CHAPTER II. ")]
    assert [item.text for item in report.removed if item.kind == "page-number"] == ["[Pg 1]", "[Pg 2]", "[Pg 3]"]
    licence = [item.text for item in report.removed if item.kind == "licence"]
    assert len(licence) == 2 and licence[0].startswith("The Project Gutenberg eBook of")
    assert "FOOTNOTES" not in report.text
    assert "Transcriber’s Note" in report.text  # the transcriber's words are kept, not guessed away


def test_gutenberg_page_map_in_show_json(tmp_path):
    db = str(tmp_path / "store.db")
    runner = CliRunner()
    imported = runner.invoke(cli, ["--db", db, "import", str(FIXTURES / "gutenberg-saltmarsh.html"), "--json"])
    assert imported.exit_code == 0, imported.output
    shown = runner.invoke(cli, ["--db", db, "show", "gutenberg-saltmarsh", "--json"])
    document = json.loads(shown.output)
    assert [page["label"] for page in document["pages"]] == ["1", "2", "3"]
    assert document["text"][document["pages"][1]["start"]:].startswith("1703, and the parish")
    assert {"kind": "page-number", "text": "[Pg 2]"} in document["removed"]


# -- CMS pages ------------------------------------------------------------------------

def test_wordpress_word_endnotes_json_ld_and_byline():
    report = parse("cms-wordpress-endnotes.html")
    assert report.title == "Who Pays for the Night Bus? Subsidy and Ridership in Five Cities"
    assert report.authors == ["Priya Raman", "Tomás Ferreira"]  # JSON-LD, not <meta name=author>
    assert report.date == "2022-11-08"
    notes = notes_by_label(report)
    assert list(notes) == [1, 2, 3, 4]
    assert [report.text[:o].endswith(words) for o, words in zip(notes[1].marker_offsets, ["bus journeys in 2021,", "operating budgets."])] == [True, True]
    assert report.text[:notes[4].marker_offsets[0]].endswith("shift workers.")
    assert notes[2].kind == "ibid" and notes[2].resolves_to == 1
    assert "Endnotes" not in report.text and "[1]" not in report.text
    assert "Posted on 8 November 2022 17 January 2023" in report.text  # two dates side by side stay two figures
    kinds = [item.kind for item in report.removed]
    assert {"cookie", "share", "related", "sidebar", "hidden", "header", "footer"} <= set(kinds)


def test_french_page_with_bracket_notes_and_byline():
    report = parse("cms-revue-notes-fr.html")
    assert report.title == "Les cantines scolaires face à la hausse des prix agricoles"
    assert report.authors == ["Claire Vasseur"]
    assert report.date == "2009-09-15"  # the visible "Publié le" beats article:published_time
    notes = notes_by_label(report)
    assert list(notes) == [1, 2, 3, 4]
    assert report.text[:notes[1].marker_offsets[0]].endswith("une hausse de 27 %.")
    assert report.text[:notes[3].marker_offsets[0]].endswith("pour le personnel.")
    assert report.text[:notes[4].marker_offsets[0]].endswith("de plus de 10 %")
    assert notes[3].kind == "ibid"
    assert "[1]" not in report.text and "Notes" not in [s.title for s in report.sections]


def test_german_page_with_superscript_notes_units_and_powers():
    report = parse("cms-stiftung-anmerkungen-de.html")
    assert report.title == "Moore als Klimaspeicher: Was die Wiedervernässung kostet"
    assert report.authors == ["Anna Becker", "Jonas Weber"]
    assert report.date == "2021-03-03"
    notes = notes_by_label(report)
    assert list(notes) == [1, 2, 3, 4]
    assert report.text[:notes[1].marker_offsets[0]].endswith("CO2-Äquivalente frei.")
    assert report.text[:notes[3].marker_offsets[0]].endswith("im Jahr 2021.")
    assert "12.800 km² und" in report.text and "1,3 × 10⁶ Hektar" in report.text  # a unit and a power, not markers
    assert "Anmerkungen" not in report.text
    assert {"kind": "hidden", "text": "Interne Notiz: Zahl mit Referat 4 abstimmen."} in [item.to_json() for item in report.removed]


# -- regressions and rules -------------------------------------------------------------

def test_a_page_footer_is_never_a_note():
    report = html(
        "<html><body><main><p>Turnout rose to 64% in 2019.<sup>1</sup></p>"
        "<ol class='footnotes'><li id='fn1'>Electoral Office, 2020.</li></ol></main>"
        "<footer id='footer'><p>Contact us at the office. Follow us.</p></footer></body></html>"
    )
    assert [note.number for note in report.footnotes] == [1]
    assert report.footnotes[0].text == "Electoral Office, 2020."
    assert "Contact us" not in report.text
    assert {"kind": "footer", "text": "Contact us at the office. Follow us."} in [item.to_json() for item in report.removed]


def test_id_footer_alone_is_not_a_note_either():
    report = html("<body><article><p>Body text here.</p></article><div id='footer'>Imprint</div></body>")
    assert report.footnotes == []
    assert [item.to_json() for item in report.removed] == [{"kind": "footer", "text": "Imprint"}]


@pytest.mark.parametrize("attribute", ["hidden", "aria-hidden='true'", "style='display: none'", "style='visibility:hidden'"])
def test_a_hidden_element_is_removed_and_recorded(attribute):
    report = html(f"<body><p>Visible 42 words.<span {attribute}>Secret 99 words.</span></p></body>")
    assert "Secret" not in report.text and "Visible 42 words." in report.text
    assert [item.to_json() for item in report.removed] == [{"kind": "hidden", "text": "Secret 99 words."}]


def test_skipped_controls_are_recorded_but_code_is_not():
    report = html("<body><form><label>Email</label><button>Subscribe</button></form><script>var x = 1;</script>"
                  "<style>p{}</style><template><p>later</p></template><p>Body.</p></body>")
    assert report.text == "Body."
    assert [item.to_json() for item in report.removed] == [{"kind": "other", "text": "Email Subscribe"}]


def test_precedence_citation_over_byline_over_meta_and_site_name_is_no_title():
    page = ("<html><head><title>Water Prices in 2020 | Aqua Watch</title><meta property='og:site_name' content='Aqua Watch'>"
            "<meta name='author' content='Web Desk'><meta name='dc.date' content='2020-03-01'></head>"
            "<body><p class='byline'>By Lena Ortiz</p><p>Prices rose.</p></body></html>")
    report = html(page)
    assert report.title == "Water Prices in 2020"
    assert report.authors == ["Lena Ortiz"]  # the visible byline beats <meta name=author>
    assert report.date == "2020-03-01"
    cited = html(page.replace("<head>", "<head><meta name='citation_author' content='Ortiz, L.'><meta name='citation_author' content='Jon Park'>"))
    assert "Jon Park" in cited.authors and "Lena Ortiz" not in cited.authors


def test_an_impossible_date_is_no_date():
    report = html("<head><meta name='citation_publication_date' content='2021-02-30'><meta name='dc.date' content='2021-03-01'></head><body><p>Text.</p></body>")
    assert report.date == "2021-03-01"
    assert any("impossible date" in warning for warning in report.warnings)


def test_json_ld_is_data_even_when_broken():
    report = html("<head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": </script>"
                  "<script type='application/ld+json'>[{\"@type\":\"NewsArticle\",\"headline\":\"Tolls <b>rise</b>\","
                  "\"author\":[{\"@type\":\"Person\",\"name\":\"Ana Lima\"},\"Bo Berg\"],\"datePublished\":\"2019-07-04\"}]</script></head>"
                  "<body><p>Body.</p></body>")
    assert report.title == "Tolls <b>rise</b>"  # text, never markup
    assert report.authors == ["Ana Lima", "Bo Berg"]
    assert report.date == "2019-07-04"
    assert any("JSON-LD" in warning for warning in report.warnings)


def test_unsure_cases_keep_the_text_and_warn():
    report = html("<body><main><article><p>Main text of the piece.</p><aside><p>Box: 31 mills survive.</p></aside></article></main>"
                  "<div class='promo-strip'>Unlabelled text beside the article.</div></body>")
    assert "Box: 31 mills survive." in report.text
    assert "Unlabelled text beside the article." in report.text
    assert any("outside the article" in warning for warning in report.warnings)


def test_a_class_word_on_the_article_itself_is_doubted():
    report = html("<body><div class='category-social post share-enabled'><h1>Title</h1><p>" + "Long body text. " * 30 + "</p></div></body>")
    assert "Long body text." in report.text


def test_parsing_stays_linear_on_broken_markup():
    started = time.process_time()
    html("<p>Start <a href=\"" + "x" * 400_000)
    html("<div>" * 10_000 + "deep text" + "</div>" * 10_000)
    assert html("<p class=" * 50_000).text.startswith("<p class=<p class=")  # an unfinished tag is text
    html('<a title="x" ' * 50_000)
    html("<!-- " * 50_000)
    html("<sup>" * 10_000 + "1")
    # Each took minutes before (quadratic); together they take about 3 s.
    assert time.process_time() - started < 20
    assert "deep text" in html("<div>" * 5_000 + "deep text").text


def test_text_before_the_body_counts_against_a_page_of_one_pre():
    # Text before <body> is in the body as a browser shows it; read as "a page that is one
    # <pre>", the page kept only the <pre> (here empty) and lost "2019" and the sentence.
    assert parse_report(b"Exports rose in 2019<html><body><pre></pre>", "html").text == "Exports rose in 2019"
    report = parse_report(b"Harbour exports rose 4.2% in 2019.<html><body><pre>Table 12</pre></body></html>", "html")
    assert report.text == "Harbour exports rose 4.2% in 2019.\n\nTable 12"


def test_a_stray_end_of_paragraph_parts_the_text_as_html_does():
    # HTML reads a </p> with no <p> open as an empty paragraph: "2019" and "1." stay apart,
    # where the reader made one figure of them (20191).
    assert parse_report(b"<div>Exports rose in 2019</p>1. Then they fell.</div>", "html").text == \
        "Exports rose in 2019\n\n1. Then they fell."
    assert parse_report(b"<p>Exports in 2019</br>12 ports</p>", "html").text == "Exports in 2019\n12 ports"
