"""Title, authors and date, from the thirteenth and fourteenth blind sets: front matter whose
date field is a switch, bylines of several blocks, judgments dated and signed in their head or in
a court's metadata list, "First published" beside "Last modified", a wiki infobox's caption.
Fixtures of our own writing, built the way those pages are."""

from __future__ import annotations

import pytest

from claimdesk.sources.importer import parse_report
from claimdesk.sources.readers.judges import opinion_writer, panel_names


def _md(source: str):
    return parse_report(source.encode(), "md")


def _html(page: str):
    return parse_report(page.encode(), "html")


BODY = "The pump house drew 140 litres a second in 2023, twice its rate of 2019.\n"


# -- front matter -------------------------------------------------------------------

def test_devto_published_switch_is_no_date_and_published_at_is():
    report = _md("---\ntitle: Tuning the pump house\npublished: true\ntags: water, pumps\n"
                 "published_at: 2024-02-06 08:15 +0000\n---\n\n" + BODY)
    assert report.date == "2024-02-06"


def test_a_front_matter_date_that_is_no_date_gives_none_and_says_so():
    report = _md("---\ntitle: Tuning the pump house\ndate: Last Modified\n---\n\n" + BODY)
    assert report.date is None
    assert any("not a date" in warning for warning in report.warnings)
    assert "140 litres" in report.text


@pytest.mark.parametrize("front_matter, date", [
    ("+++\ntitle = 'Tuning the pump house'\npublishDate = 2023-11-04\nlastmod = 2024-01-09\n+++\n", "2023-11-04"),
    ("---\ntitle: Tuning the pump house\npublished: false\nupdated: 2024-01-09\n---\n", None),
])
def test_the_publication_fields_of_hugo_and_others_not_the_day_of_the_last_change(front_matter, date):
    assert _md(front_matter + "\n" + BODY).date == date


# -- bylines --------------------------------------------------------------------------

STORY = ("<html><head><title>Ambulance crews thin out</title></head><body><article><h1>Ambulance crews thin out</h1>"
         "<div class='story-meta'><div class='bylines'>"
         "<div class='byline'><p class='byline__name'><a rel='author' href='/people/1/ruth-ackroyd'>Ruth Ackroyd</a></p></div>"
         "<div class='byline'><p class='byline__name'><span>Tomás Ferreira</span></p><p class='byline__title'>WKVR</p></div>"
         "</div><div class='dateblock'><time datetime='2024-05-14T05:00:00-04:00'>May 14, 2024</time></div></div>"
         "<p>Two of the county's five stations closed in 2023; calls now wait 31 minutes on average.</p>"
         "</article></body></html>")


def test_each_byline_block_is_a_writer_and_the_station_is_none():
    report = _html(STORY)
    assert report.authors == ["Ruth Ackroyd", "Tomás Ferreira"]


def test_a_json_ld_person_whose_name_is_a_list_names_each_writer():
    page = STORY.replace("<div class='story-meta'>", "<div>").replace("byline", "credit").replace(
        "</head>", "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"Ambulance crews thin out\","
                   " \"author\": {\"@type\": \"Person\", \"name\": [\"Ruth Ackroyd\", \"Tomás Ferreira\"]}}</script></head>")
    assert _html(page).authors == ["Ruth Ackroyd", "Tomás Ferreira"]


# -- judgments ------------------------------------------------------------------------

def test_a_strasbourg_judgment_is_dated_under_its_kind_not_on_the_day_it_became_final():
    paragraphs = ["THIRD SECTION", "CASE OF BRENNA AND OTHERS v. ICELAND", "(Application no. 50213/20)", "JUDGMENT",
                  "STRASBOURG", "9 April 2024", "FINAL", "09/07/2024",
                  "This judgment has become final under Article 44 § 2 of the Convention.",
                  "The applicants complained that the weir raised the lake by 40 cm in 2018."]
    page = ("<html><head><meta name=Generator content='Microsoft Word 15'></head><body>"
            + "".join(f"<p class=MsoNormal>{text}</p>" for text in paragraphs) + "</body></html>")
    assert _html(page).date == "2024-04-09"


PEACHJAM = ("<html><head><title>Wanjiru v Otieno (Civil Appeal E101 of 2022) [2024] KEHC 998 (KLR) (8 February 2024)"
            " (Judgment) – Kenya Law</title></head><body><h1>Wanjiru v Otieno (Civil Appeal E101 of 2022) [2024] KEHC 998"
            " (KLR) (8 February 2024) (Judgment)</h1><dl class='document-metadata-list'>"
            "<dt>Court</dt><dd><a href='/judgments/KEHC/'>High Court</a></dd><dt>Judges</dt>"
            "<dd><a href='/judgments/judges/x/'>RN Wambugu</a>, <a href='/judgments/judges/y/'>JA Makau</a></dd>"
            "<dt>Judgment date</dt><dd>8 February 2024</dd><dt>Hearing date</dt><dd>3 November 2023</dd></dl>"
            "<div class='content'><p>JUDGMENT</p><p>The appellant claimed Kshs. 250,000 for the fence.</p></div></body></html>")


def test_a_peachjam_metadata_list_names_the_judges_and_dates_the_judgment():
    report = _html(PEACHJAM)
    assert report.authors == ["RN Wambugu", "JA Makau"]
    assert report.date == "2024-02-08"


SAFLII = ("<html><head><title>Dube v Thabong Irrigation Board (2210/2022) [2023] ZAFSHC 77 (4 May 2023)</title></head><body>"
          "<p>IN THE HIGH COURT OF SOUTH AFRICA</p><p>Case no: 2210/2022</p><p>In the matter between:</p>"
          "<p>SIPHO DUBE Applicant</p><p>and</p><p>THABONG IRRIGATION BOARD Respondent</p>"
          "<p>ORDER</p><p>1. The decision is set aside.</p><p>JUDGMENT</p><p><b>VAN DER MERWE-SITHOLE AJ</b></p>"
          "<p>[1] The board cut the applicant's quota by 40 per cent in 2021.</p>"
          "<p>__________</p><p>S. VAN DER MERWE-SITHOLE, AJ</p></body></html>")


def test_a_south_african_judgment_is_written_by_the_judge_named_under_its_heading():
    assert _html(SAFLII).authors == ["Van Der Merwe-Sithole AJ"]


def test_a_coram_line_names_the_panel_when_no_writer_is_named():
    page = SAFLII.replace("<p><b>VAN DER MERWE-SITHOLE AJ</b></p>", "").replace(
        "<p>ORDER</p>", "<p>Coram: Mokoena JP et Pienaar J</p><p>ORDER</p>").replace(" et ", " and ")
    assert _html(page).authors == ["Mokoena JP", "Pienaar J"]


@pytest.mark.parametrize("lines, writer", [
    (["JUDGMENT", "", "KRUGER-NDLOVU J", "Introduction"], "Kruger-Ndlovu J"),
    (["JUDGMENT", "Mocumie JA (Molemela and Makgoka JJA concurring):"], "Mocumie JA"),
    (["JUDGMENT", "Introduction", "[1] This matter concerns the SMITH J report."], None),
])
def test_the_writer_under_the_heading_judgment(lines, writer):
    assert opinion_writer(lines) == writer


@pytest.mark.parametrize("value, names", [
    ("HI Ong'udi, JA Makau and M Ngugi", ["HI Ong'udi", "JA Makau", "M Ngugi"]),
    ("M. KRUGER-NDLOVU, J", ["M. Kruger-Ndlovu J"]),
    ("NO", []),
    ("Full Bench", []),
])
def test_the_names_of_a_panel_field(value, names):
    assert panel_names(value) == names


# -- publication dates ------------------------------------------------------------------

ENTRY = ("<html><head><title>Sawmill Strike of 1921 – Encyclopedia Westmark</title>"
         "<meta property='og:site_name' content='Encyclopedia Westmark'></head><body><main><article>"
         "<h1>Sawmill Strike of 1921</h1><p class='byline'>Contributed by Ellen Marchbanks</p>"
         "<p>About 120 millhands walked out over a cut of 5 cents an hour.</p>"
         "<p>The mill reopened on May 2 with half its crew.</p>{foot}</article></main></body></html>")


def test_first_published_beats_last_modified():
    foot = ("<div class='entry-cite'><h3>Cite This Entry</h3><p>Marchbanks, E. Sawmill Strike of 1921. (2020, June 4).</p>"
            "<p class='entry-dates'><span>First published: June 4, 2020</span> | <span>Last modified: January 19, 2024</span></p></div>")
    assert _html(ENTRY.format(foot=foot)).date == "2020-06-04"


def test_a_web_pages_date_published_beats_its_last_updated_line():
    page = ENTRY.format(foot="<div class='entry__updated'><span class='label'>Last Updated:</span> 01/19/2024</div>").replace(
        "</head>", "<script type='application/ld+json'>{\"@context\": \"https://schema.org\", \"@graph\": [{\"@type\": \"WebPage\","
                   " \"name\": \"Sawmill Strike of 1921\", \"datePublished\": \"2015-08-11T14:02:00+00:00\","
                   " \"dateModified\": \"2024-01-19T10:00:00+00:00\"}]}</script></head>")
    assert _html(page).date == "2015-08-11"


def test_the_year_in_an_infobox_caption_does_not_date_a_wiki_article():
    page = ("<html><head><title>Weir at Hollin Bank – Wikipedia</title></head><body><h1>Weir at Hollin Bank</h1>"
            "<div class='mw-parser-output'><table class='infobox'><tr><th colspan=2>Weir at Hollin Bank</th></tr>"
            "<tr><td colspan=2><img src='weir.jpg' alt=''><br><small>The weir from the towpath (2018)</small></td></tr></table>"
            "<p>The weir at Hollin Bank was built in 1788 and raised by 40 cm in 1902.</p></div></body></html>")
    report = _html(page)
    assert report.date is None
    assert "The weir from the towpath (2018)" in report.text or any("2018" in r.text for r in report.removed)
