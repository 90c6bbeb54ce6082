"""Markdown essays, blog exports and docs pages; TeX math as readable text."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdesk.sources.importer import parse_report
from claimdesk.sources.readers.markdown import read_markdown
from claimdesk.sources.tex import GREEK, SYMBOLS
from claimdesk.sources.textclean import is_latex_residue, strip_latex

FIXTURES = Path(__file__).parent / "fixtures" / "markdown"


def parse(name):
    return parse_report((FIXTURES / name).read_bytes(), "md")


def md(text):
    return parse_report(text.encode(), "md")


def notes(report):
    return {n.number: n for n in report.footnotes}


def text_before(report, number, index=0):
    return report.text[: notes(report)[number].marker_offsets[index]]


def removed(report, kind):
    return [piece.text for piece in report.removed if piece.kind == kind]


# --- fixtures -------------------------------------------------------------------


def test_substack_export_with_linked_markers_and_label_only_notes():
    report = parse("substack-essay.md")
    assert report.title == "The Quiet Economics of Ferry Timetables"
    assert report.authors == ["Marit Olsen"] and report.date == "2025-03-28"
    assert list(notes(report)) == [1, 2, 3]
    assert notes(report)[1].text.startswith("Island Property Register, quarterly bulletin 2021:Q2")
    assert notes(report)[3].reference.url == "https://harbour.example/annual-2022.pdf"
    assert text_before(report, 1).endswith("from €212,000 to €196,500.")
    assert text_before(report, 2, 0).endswith("across the three islands,")
    assert text_before(report, 2, 1).endswith("which is why the 6:55 filled.")
    assert text_before(report, 3).endswith("across the county,")
    # The numbered list in the body is body text, not notes 1-3.
    assert "The 7:50 sailing missed the 8:05 regional train by four minutes." in report.text
    assert "$62.2 billion in port-linked property" in report.text
    assert "10 km² of granite" in report.text
    assert "Thanks for reading Harbour Lines!" in report.text  # unsure: kept
    assert removed(report, "share") == ["Share", "Subscribe now"]
    assert removed(report, "cover") == ["Marit Olsen", "Mar 28, 2025"]
    assert "footnote-anchor" not in report.text and "Island Property Register" not in report.text


def test_jekyll_post_with_bracket_markers_endnotes_and_backlinks():
    report = parse("jekyll-endnotes.md")
    assert report.title == "Counting Weirs: Notes on a River Survey"
    assert report.authors == ["Tomas Lindgren"] and report.date == "2023-06-14"
    assert list(notes(report)) == [1, 2, 3]
    assert notes(report)[1].text == "River Board, Weir Inventory 1998, Vessel catchment, p. 12."
    assert "↩" not in " ".join(n.text for n in report.footnotes)
    assert removed(report, "navigation") == ["↩", "↩", "↩"]
    assert removed(report, "furniture") == ["Endnotes"]
    assert removed(report, "cover") == ["Tomas Lindgren, Senior Fellow", "Date: June 14, 2023"]
    assert text_before(report, 1, 0).endswith("than the 1998 inventory")
    assert text_before(report, 1, 1).endswith("about 120 person-days")
    assert text_before(report, 3).endswith("the share of banks walked on foot")
    assert "standard ε-δ argument: for any tolerance ε > 0 we bound the miss rate by √2 · δ" in report.text
    assert "With δ = 0.3 the bound is about 0.42" in report.text
    assert "permits cost $5 and $6 for the two reaches" in report.text
    assert "at 1/2 a day per kilometre and a team of n = 4" in report.text
    assert "Walk every bank, not only the accessible one." in report.text
    assert "[1]" not in report.text and "Endnotes" not in report.text


def test_bare_rule_closing_the_post_holds_bracketed_notes():
    report = parse("ghost-rule-notes.md")
    assert report.title == "Night Buses and the Late Economy"
    assert report.authors == ["Hanna Berg", "Luis Ortega"] and report.date == "2022-03"
    assert removed(report, "cover") == ["North Coast Institute · Brief No. 7 · March 2022", "By Hanna Berg and Luis Ortega"]
    assert list(notes(report)) == [1, 2, 3]
    assert notes(report)[2].text == "North Coast Institute rider survey, n = 1,204, November 2021."
    assert text_before(report, 1).endswith("between 2017 and 2021.")
    assert text_before(report, 2).endswith("going home from a night out.")
    assert text_before(report, 3).endswith("about €1.9 million a year.")
    assert "The network covers 212 km² but" in report.text  # a unit, not note 2
    assert "Notes on method: counts are ticket validations" in report.text


def test_converted_report_with_digits_glued_to_words():
    report = parse("converted-glued.md")
    assert report.title == "Harbour Concessions in the Northern Ports"
    assert report.authors == ["Ingrid Solberg"] and report.date == "2020-09"
    assert list(notes(report)) == [1, 2, 3]
    assert "a combined value of $62.2 billion. Each ran for 35 years" in report.text
    assert text_before(report, 1).endswith("$62.2 billion.")
    assert text_before(report, 2).endswith("extend them twice.")
    assert text_before(report, 3).endswith("up from 2.4 million.")
    assert notes(report)[2].kind == "ibid" and notes(report)[2].resolves_to == 1
    assert "61.5%" in report.text and "3.1 million TEU" in report.text


def test_docs_page_admonitions_code_tables_and_furniture():
    report = parse("mkdocs-page.md")
    assert report.title == "Importing tide gauge records"
    assert report.authors == ["Ola Nordmann", "Kari Holm"] and report.date == "2024-03-05"
    assert report.footnotes == [] and report.dangling_markers == []
    assert "Note: Time zones\n\nEvery timestamp in the files is UTC." in report.text
    assert "Warning\n\nFiles older than 2009 use feet, not metres. Convert them first: 1 ft is 0.3048 m." in report.text
    assert "Tip: Checking a file\n\nOpen it and check" in report.text
    assert "Important\n\nGauges renamed in 2021" in report.text
    assert 'tide-import --gauge KLV --month 2024-02 --dest "$ARCHIVE/$YEAR"\n# [1] is the first column index' in report.text
    assert "--retries; how often to retry a download; 3" in report.text
    assert removed(report, "edit-link") == ["Edit this page"]
    assert removed(report, "footer") == ["Last updated: March 3, 2024"]
    assert removed(report, "contents") == ["[TOC]"]
    for syntax in ("!!!", ":::", "[!IMPORTANT]", "Edit this page", "Last updated", "[TOC]"):
        assert syntax not in report.text


def test_french_byline_with_its_date_on_one_line():
    report = parse("tribune-fr.md")
    assert report.title == "Le retour des trains de nuit"
    assert report.authors == ["Claire Dubois"] and report.date == "2009-09-15"
    assert removed(report, "cover") == ["Par Claire Dubois, le 15 septembre 2009"]
    assert text_before(report, 1).endswith("12 % de plus qu'en 2006")
    assert text_before(report, 2).endswith("4,5 millions d'euros par an")


def test_german_byline_dateline_and_notes_heading():
    report = parse("kommentar-de.md")
    assert report.title == "Warum die Fähre teurer wird"
    assert report.authors == ["Anna Schmidt"] and report.date == "2021-03-03"
    assert [n.number for n in report.footnotes] == [1, 2]
    assert text_before(report, 1).endswith("um 8,5 Prozent erhöht.")
    assert text_before(report, 2).endswith("30 Prozent weniger als 2019.")
    assert "Anmerkungen" not in report.text and removed(report, "furniture") == ["Anmerkungen"]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir()))
def test_fixture_offsets_are_inside_the_text(name):
    report = parse(name)
    for footnote in report.footnotes:
        assert footnote.marker_offsets, f"note {footnote.number} is never called"
        for offset in footnote.marker_offsets:
            assert 0 < offset <= len(report.text)


# --- numbered lists that are not notes --------------------------------------------


def test_numbered_list_in_the_body_stays_body_text():
    report = md("# Steps\n\nDo this [1] first.\n\n1. Open the valve.\n2. Read the gauge.\n\nMore text.\n\n## Notes\n\n1. The manual, p. 3.\n")
    assert "Do this first.\n\nOpen the valve.\n\nRead the gauge.\n\nMore text." in report.text
    assert [(n.number, n.text) for n in report.footnotes] == [(1, "The manual, p. 3.")]
    assert text_before(report, 1).endswith("Do this")


def test_list_under_a_rule_whose_numbers_are_never_called_stays_body():
    report = md("# Packing list\n\nBring what you need.\n\n---\n\n1. A torch.\n2. Two spare batteries.\n")
    assert report.footnotes == []
    assert "A torch." in report.text and "Two spare batteries." in report.text


def test_notes_heading_over_an_uncalled_list_stays_body():
    report = md("# Reading\n\nSome prose here.\n\n## References\n\n1. Holm, Mills, 1998.\n2. Berg, Tides, 2004.\n")
    assert report.footnotes == []
    assert "Holm, Mills, 1998." in report.text and "References" in [s.title for s in report.sections]


def test_bracket_marker_without_a_note_or_out_of_sequence_stays_text():
    listed = "".join(f"{n}. Source {n}.\n" for n in range(1, 7))
    report = md(f"# T\n\nSee [6] and [9] and [2020].[1]\n\n## Notes\n\n{listed}")
    # [6] is a note, but called before note 1 it does not continue the sequence; [9] is no note.
    assert "See [6] and [9] and [2020]." in report.text
    assert text_before(report, 1).endswith("and [2020].")
    assert len(report.footnotes) == 6


def test_link_reference_definitions_are_links_not_notes():
    report = md("# T\n\nRead [the report][1] first.\n\n---\n\n[1]: https://example.org/report.pdf\n")
    assert report.footnotes == []
    assert "Read the report first." in report.text


def test_lazy_numbered_notes_are_numbered_as_rendered():
    report = md("# T\n\nFirst[1] and second[2].\n\n## Notes\n\n1. Alpha source.\n1. Beta source.\n")
    assert [(n.number, n.text) for n in report.footnotes] == [(1, "Alpha source."), (2, "Beta source.")]


# --- markers glued to numbers -----------------------------------------------------


def test_a_marker_glued_to_a_figure_never_splits_it():
    report = md("# T\n\nThey had a combined value of $62.2 billion.2 Later it fell.1\n\n## Notes\n\n1. One, 2020.\n2. Two, 2021.\n")
    assert "$62.2 billion." in report.text and "$62. billion" not in report.text
    assert "62.2" in report.text


def test_superscript_after_a_unit_is_a_power():
    report = md("# T\n\nThe reserve covers 10 km² and 4 m³ of water.¹\n\n## Notes\n\n1. Survey.\n2. Other.\n")
    assert "10 km² and 4 m³ of water." in report.text
    assert [n.marker_offsets != [] for n in report.footnotes] == [True, False]


# --- TeX ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("$\\sqrt2$", "√2"),
        ("$\\epsilon$-$\\delta$ arguments", "ε-δ arguments"),
        ("$\\sqrt{x+1}$", "√(x+1)"),
        ("$\\frac{a}{b}$", "a/b"),
        ("$\\frac{n+1}{2}$", "(n+1)/2"),
        ("$x^{2} + y^2$", "x^2 + y^2"),
        ("$a_{i}$", "a_i"),
        ("$\\alpha \\leq \\beta \\times 10^{-3}$", "α ≤ β × 10^(-3)"),
        ("$\\sum_{i=1}^{n} x_i \\approx \\infty$", "∑_(i=1)^n x_i ≈ ∞"),
        ("$\\text{GDP}_t \\pm 1.5\\%$", "GDP_t ± 1.5%"),
        ("$\\Gamma \\neq \\varepsilon \\geq 0$", "Γ ≠ ε ≥ 0"),
        ("$x \\in S \\to y \\cdot z, \\ldots$", "x ∈ S → y · z, …"),
        ("$\\mathrm{CO}_2$", "CO_2"),
        ("$\\foo{bar}$", "foo bar"),
        ("$5 and $6", "$5 and $6"),
        ("costs $5 and rises to $6.", "costs $5 and rises to $6."),
        ("$$\\int_0^1 f(x)\\,dx$$", "∫_0^1 f(x) dx"),
    ],
)
def test_tex_reads_as_unicode_text(source, expected):
    report = md(f"# T\n\n{source}\n")
    assert report.text == f"T\n\n{expected}"


def test_werra_style_tex_residue_reads_as_today():
    residue = " Cf,\\ \\underline{\\text{https://defensasur.example/index.php/116-argentina/14051-la-oferta}"
    assert strip_latex(residue) == "Cf, https://defensasur.example/index.php/116-argentina/14051-la-oferta"
    assert strip_latex(" Cf,\\ \\underline{https://www.example.com/politica/2021/06/14/a\\_0\\_b.html}") == \
        "Cf, https://www.example.com/politica/2021/06/14/a_0_b.html"


def test_money_is_not_tex():
    assert not is_latex_residue("5 and ")
    assert not is_latex_residue("HOME")
    assert is_latex_residue("\\alpha") and is_latex_residue("x^2") and is_latex_residue("n = 4")


_TEX_WORDS = st.sampled_from(["x", "y", "rate", "GDP", "k", "2", "10", "3.5", "n", "total"])
_TEX_COMMANDS = sorted(GREEK) + sorted(SYMBOLS)[:20] + ["foo", "mathrm", "text", "sqrt", "frac", "left", "right"]


@st.composite
def _tex(draw):
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        choice = draw(st.integers(0, 5))
        word = draw(_TEX_WORDS)
        if choice == 0:
            parts.append("\\" + draw(st.sampled_from(_TEX_COMMANDS)) + "{" + word + "}")
        elif choice == 1:
            parts.append(word + "^{" + draw(_TEX_WORDS) + "}")
        elif choice == 2:
            parts.append("\\frac{" + word + "}{" + draw(_TEX_WORDS) + "}")
        elif choice == 3:
            parts.append(word + "_" + draw(_TEX_WORDS))
        else:
            parts.append(word)
    return " ".join(parts)


@settings(max_examples=150, deadline=None)
@given(_tex())
def test_every_digit_and_word_of_the_math_survives(source):
    output = strip_latex(source)
    outside_commands = re.sub(r"\\[A-Za-z]+", " ", source)
    assert sorted(re.findall(r"\d", output)) == sorted(re.findall(r"\d", outside_commands))
    for word in re.findall(r"[A-Za-z]{2,}", outside_commands):
        assert word in output, (source, output)


def test_an_unbraced_tex_argument_never_splits_a_word():
    # Found by the property above: TeX would read "\\frac{x} total" as x/t then "otal".
    assert strip_latex(r"\frac{x} \frac{x} total^{x}") == "x/(x/total)^x"
    assert strip_latex(r"\frac12") == "1/2"  # digits keep TeX's one-character arguments


# --- speed and hostile input ----------------------------------------------------------

HOSTILE_SECONDS = 5
"""Each hostile megabyte must be read in this much CPU time: linear work takes well under one,
quadratic work minutes. CPU time, not the clock's: on a machine busy with other work the
clock runs on while this test waits for a core (bench/ measures speed; this only bounds it)."""


@pytest.mark.parametrize(
    "hostile",
    ["[^" * 500_000, "<a " * 300_000, "$" * 1_000_000, "$$x" * 300_000, "[\n" * 500_000, "`" * 1_000_000,
     "$\\frac{" * 100_000 + "$", "{" * 1_000_000, "word.2 " * 150_000, "!!! note\n" * 100_000],
    ids=["pandoc-open", "anchor-open", "dollars", "display-math", "bracket-lines", "backticks", "frac", "braces", "glued", "admonitions"],
)
def test_hostile_input_is_read_in_linear_time(hostile):
    started = time.process_time()
    read_markdown(hostile)
    assert time.process_time() - started < HOSTILE_SECONDS


def test_many_rule_opened_lists_stay_linear():
    started = time.process_time()
    read_markdown("Text.\n\n---\n\n1. x\n\n" * 20_000)
    assert time.process_time() - started < HOSTILE_SECONDS * 2


def test_hugo_toml_front_matter_docusaurus_and_myst_admonitions():
    source = (
        '+++\ntitle = "Quay Walls"\nauthors = ["Ina Berg", "Per Lund"]\ndate = 2021-04-09T08:00:00Z\n+++\n\n'
        "import Tabs from '@theme/Tabs';\n\n:::note\n\nThe quay is 420 m long.\n\n:::\n\n"
        "```{warning} Load limits\nDo not exceed 12 t per axle.\n```\n\n<!-- draft: check figures -->\n\nBody text.\n"
    )
    report = md(source)
    assert (report.title, report.authors, report.date) == ("Quay Walls", ["Ina Berg", "Per Lund"], "2021-04-09")
    assert report.text == "Note\n\nThe quay is 420 m long.\n\nWarning: Load limits\n\nDo not exceed 12 t per axle.\n\nBody text."
    assert [(piece.kind, piece.text) for piece in report.removed] == [
        ("hidden", "import Tabs from '@theme/Tabs';"), ("hidden", "<!-- draft: check figures -->")]


def test_a_front_matter_abstract_is_body_text_and_a_teaser_is_recorded():
    source = (
        "---\ntitle: School meals\nauthor: Jo Bloggs\nabstract: |\n  We study 23 schools. Attendance rose by 0.8 days\n"
        "  in 9 of them.\ndescription: A teaser of 12 words.\n---\n\n# Introduction\n\nThe scheme began in 2019.\n"
    )
    report = parse_report(source.encode(), "md")
    assert report.text.startswith("Abstract\n\nWe study 23 schools. Attendance rose by 0.8 days in 9 of them.")
    assert [section.title for section in report.sections][:2] == ["Abstract", "Introduction"]
    assert ("cover", "A teaser of 12 words.") in [(piece.kind, piece.text) for piece in report.removed]


def test_a_tex_norm_is_not_taken_for_markdown_escapes():
    # "\|" inside $...$ is TeX's norm bar; read as a Markdown escape it became "|b|", another quantity.
    report = parse_report(b"# Solver\n\nThe tolerance is relative to $\\|b\\|_2$, not to $\\|r_0\\|_2$.\n", "md")
    assert "relative to ‖b‖_2, not to ‖r_0‖_2." in report.text


def test_hugo_shortcodes_are_template_calls_kept_out_and_their_content_kept():
    report = parse_report((Path(__file__).parent / "fixtures" / "markdown" / "hugo-shortcodes.md").read_bytes(), "md")
    assert report.text == ('The gauge shows 3.4 mm a year since 1993.\n\nThe gauge in 1990\n\nThe zero was moved by 12 mm in 2004.\n\n'
                           'x := "{{< not a shortcode >}}"')  # inside code it is code; the figure's caption is shown
    assert ("other", '{{< figure src="/img/gauge.jpg" caption="The gauge in 1990" >}}') in [(p.kind, p.text) for p in report.removed]


def test_a_figures_caption_in_a_template_call_is_text_the_page_shows():
    source = ('+++\ntitle = "Shelters"\n\n[extra]\nauthor = "Ana Ruiz"\n+++\n\nWe counted 58 shelters.\n\n'
              '{{ figure(src="/a.jpg", alt="A pole", caption="The \\"old\\" stop, gone since 2019.") }}\n\n'
              '{% include figure.html image="/b.jpg" caption=\'Market Street in 2021\' %}\n\n'
              'See the {{< figure src="/c.jpg" caption="an inline one" >}} here.\n')
    report = parse_report(source.encode(), "md")
    assert report.authors == ["Ana Ruiz"]  # Zola's [extra] table
    assert 'We counted 58 shelters.\n\nThe "old" stop, gone since 2019.\n\nMarket Street in 2021\n\nSee the here.' == report.text
    calls = [piece.text for piece in report.removed if piece.kind == "other"]
    assert any("an inline one" in call for call in calls) and any('alt="A pole"' in call for call in calls)


def test_pandoc_attributes_after_headings_and_captions_are_markup():
    report = parse_report((Path(__file__).parent / "fixtures" / "markdown" / "pandoc-attributes.md").read_bytes(), "md")
    assert [section.title for section in report.sections] == ["Results", "References"]
    assert "Table: Absence, days per pupil\n" in report.text and "{#tbl" not in report.text
    assert "The set {x} and {#notattr here} stay." in report.text  # braces in prose are text
    assert [p.text for p in report.removed if p.kind == "other"] == ["{#sec:results}", "{#tbl:absence}", "{-} {#refs}"]


def test_an_html_table_in_markdown_keeps_its_cells_apart():
    # Cells "18" and "000" joined by a space would read as one number, 18 000.
    source = (b"# Footfall\n\n<div>\n<table><tr><th>Branch</th><th>2022</th><th>2023</th></tr>"
              b"<tr><td>Hatch End</td><td>389.0</td><td>402.0</td></tr><tr><td>Moor</td><td>18</td><td>000</td></tr></table>\n</div>\n")
    report = parse_report(source, "md")
    assert "Hatch End; 389.0; 402.0\n\nMoor; 18; 000" in report.text


# --- found by the hostile-input fuzz test (tests/test_hostile_fuzz.py) ---------------

def test_a_list_that_does_not_start_at_one_keeps_its_numbers():
    # CommonMark reads "2019. The port closed." as item 2019 of a list: the year was lost.
    report = parse_report(b"Harbour notes\n\n1995. The port opened.\n1996. It grew.\n\n20191.\n", "md")
    assert report.text == "1995. The port opened.\n\n1996. It grew.\n\n20191."
    report = parse_report(b"Harbour notes\n\n1. One step.\n2. Another.\n", "md")
    assert "1." not in report.text and "One step." in report.text  # a list from 1 numbers itself, as before


def test_a_call_on_the_cover_keeps_its_note():
    # The title's call went with the cover line to removed, and its note was an orphan.
    source = ("Harbour Report on Exports[^1]\n\nJane Doe\n\nMarch 2020\n\n"
              "The port handled 4.2 million tonnes of cargo in 2019, up from the year before.\n\n"
              "[^1]: The views expressed are the author's own.\n")
    report = parse_report(source.encode(), "md")
    assert report.title == "Harbour Report on Exports"
    assert [(note.number, note.marker_offsets) for note in report.footnotes] == [(1, [0])]
    assert not [warning for warning in report.warnings if "orphan" in warning]
    alone = parse_report(b"2019<sup>1</sup>", "md")  # a cover and nothing else: the call still stays
    assert alone.dangling_markers == [(1, 0)]


def test_quotes_nested_past_the_parsers_limit_keep_their_text():
    # markdown-it stops reading a block 20 levels deep and its words were dropped.
    report = parse_report(("Harbour notes\n\n" + "> " * 60 + "Exports rose 4.2% in 2019.\n").encode(), "md")
    assert report.text == "Exports rose 4.2% in 2019."
    assert "quotes or lists nested too deep to read as such: read as plain paragraphs" in report.warnings
    listed = parse_report(("Harbour notes\n\nThe year was good.\n\n" + "1. " * 40 + "2019\n").encode(), "md")
    assert listed.text.endswith("1. 1. 2019")  # the items' numbers are text then


@pytest.mark.parametrize("format", ["md", "txt"])
def test_an_emphasis_mark_between_two_digits_stays(format):
    # "*the 2019*1." read "the 20191.": a year and a call became another figure.
    report = parse_report(b"Harbour notes\n\nExports peaked in *the year 2019*1. Then they fell.\n", format)
    assert "the year 2019*1." in report.text
    assert "in the year 2019, then" not in report.text and "20191" not in report.text


def test_an_unclosed_comment_and_an_image_in_prose_are_reported_as_removed():
    # Both showed no text and left no trace: an open comment runs to the end, as CommonMark
    # reads it; an image's alt text inside a sentence ("Chart of 2019") was dropped.
    report = parse_report(b"Harbour notes\n\nExports rose. ![Chart of 2019](c.png) See below.\n\n<!-- draft: 2019 figures\n", "md")
    assert report.text == "Exports rose. See below."
    removed = [(piece.kind, piece.text) for piece in report.removed]
    assert ("other", "Chart of 2019") in removed and ("hidden", "<!-- draft: 2019 figures") in removed


def test_a_superscript_glued_to_a_number_is_raised_not_joined():
    # A note's "2019<sup>1</sup>" read "20191", a body's "10<sup>-4</sup>" read "10-4": other figures.
    report = parse_report(b"Exports rose.<sup>1</sup>\n\n<sup>1</sup> Harbour Office, 2019<sup>2</sup>, p. 4.\n", "md")
    assert [(note.number, note.text) for note in report.footnotes] == [(1, "Harbour Office, 2019², p. 4.")]
    assert parse_report(b"A rate of 3 x 10<sup>-4</sup> a year.", "md").text == "A rate of 3 x 10⁻⁴ a year."
