"""Page furniture that held-out set blind12 found left in the reading text: a row of the page's own
tools (download, print), breadcrumbs named in a camelCase id, MediaWiki's "noprint" portal bars,
an essay's "Cite this essay", a news page's "Updated …" line, an advertisement named "ad", and the
header lines of a GovInfo committee report. Each page is our own, built as the origin builds its
pages; the body text beside the furniture must stay, word for word."""

from __future__ import annotations

import pytest

from claimdesk.sources.importer import parse_report
from html_pages import article_page, read_html

BODY = ("<p>The valley board cut its water tariff by 3.2% in 2023, the first cut since 2011, "
        "and put the €1.4 million it saved into the weir at Auental.</p>"
        "<p>Growers said the new rate of €0.61 a cubic metre was still above the regional average.</p>")


def _page(before: str = "", inside: str = "", after: str = "") -> str:
    return article_page(BODY, "Water tariff", "Water tariff cut", "Valley Courier", before, inside, after)


def _assert_body_kept(report) -> None:
    assert "cut its water tariff by 3.2% in 2023" in report.text
    assert "€0.61 a cubic metre was still above the regional average." in report.text


def _assert_goes(page: str, words: str, kind: str | None = "other"):
    """The body stays, `words` leave the reading text and are reported removed (as `kind`, when given)."""
    report, removed = read_html(page)
    _assert_body_kept(report)
    assert words not in report.text
    assert any(kind in (None, removed_kind) and words in text for removed_kind, text in removed)
    return report


@pytest.mark.parametrize("row, words", [
    # the German federal sites' Government Site Builder, under a press release
    ('<p class="links"><a href="/pm.pdf">Download als PDF</a> | <a href="/pm-108">Pressemitteilung Nr. 108/2023</a> | '
     '<a href="javascript:window.print()">Drucken</a></p>', "Pressemitteilung Nr. 108/2023"),
    ('<div><a href="/report.pdf">Download PDF (412 KB)</a> <a href="#" onclick="print()">Print</a></div>', "412 KB"),
    ('<ul><li><a href="?print=1">Imprimer</a> · <a href="/doc.pdf">Télécharger le PDF</a> · <a href="/share">Partager</a></li></ul>',
     "Partager"),
])
def test_a_row_of_the_pages_own_tools_goes(row, words):
    _assert_goes(_page(inside=row), words)


def test_links_in_a_sentence_with_a_download_among_them_stay():
    # A sentence of the article that happens to hold links, a download one among them, is prose.
    sentence = ('<p>The board published <a href="/tariff.pdf">the tariff schedule</a> and '
                '<a href="/download">download figures</a> for 2022.</p>')
    report, _ = read_html(_page(inside=sentence))
    _assert_body_kept(report)
    assert "The board published the tariff schedule and download figures for 2022." in report.text


def test_breadcrumbs_named_in_a_camel_case_id_go():
    crumbs = ('<div id="navBreadcrumbs"><a href="/">Startseite</a> <a href="/presse">Presse</a> '
              '<strong>Pressemitteilungen</strong></div>')
    _assert_goes(_page(before=crumbs), "Startseite", kind=None)


def test_mediawiki_noprint_bars_go_and_an_inline_citation_needed_stays():
    tagline = '<div id="siteSub" class="noprint">Da Wikipedia, l\'enciclopedia libera.</div>'
    portal = ('<div class="noprint" id="portal-bar"><a href="/Portale:Acque">Portale Acque</a> · '
              '<a href="/Portale:Agricoltura">Portale Agricoltura</a>: accedi alle voci di Wikipedia che trattano di acque</div>')
    claim = ('<p>The weir holds back 2.8 million cubic metres.<sup class="noprint Inline-Template Template-Fact">'
             '[<i><a href="/wiki/Wikipedia:Citation_needed">citation needed</a></i>]</sup></p>')
    report, removed = read_html(_page(inside=tagline + claim, after=portal))
    _assert_body_kept(report)
    assert "Portale Agricoltura" not in report.text and "l'enciclopedia libera" not in report.text
    assert "The weir holds back 2.8 million cubic metres.[citation needed]" in report.text
    assert any("accedi alle voci" in text for _, text in removed)


def test_an_essays_cite_this_box_goes():
    cite = ('<div class="essay-cite"><h3>Cite this essay:</h3><p>Lind, Karin. "Water tariff cut." '
            'Valley Courier, 2024. Essay 22871.</p></div>')
    _assert_goes(_page(after=cite), "Essay 22871")


def test_a_news_pages_updated_line_goes_and_the_publication_date_is_read():
    dates = ('<div class="Page-datePublished"><span>Published</span> <time datetime="2024-04-05T09:02:00Z">'
             '9:02 AM EDT, April 5, 2024</time></div>'
             '<div class="Page-dateModified"><span>Updated</span> <bsp-timestamp>4:12 PM EDT, April 5, 2024</bsp-timestamp></div>')
    report = _assert_goes(_page(inside=dates), "4:12 PM")
    assert report.date == "2024-04-05"


def test_a_block_named_ad_goes_and_a_word_holding_ad_does_not():
    advert = '<div class="ad_doc"><p>Premium members get judgments by e-mail. Upgrade now</p></div>'
    heading = '<div class="ad-hoc-panel"><p>The ad hoc panel met 4 times in 2023.</p></div>'
    report, removed = read_html(_page(inside=heading, after=advert))
    _assert_body_kept(report)
    assert "Upgrade now" not in report.text
    assert "The ad hoc panel met 4 times in 2023." in report.text
    assert any(kind == "advertisement" and "Upgrade now" in text for kind, text in removed)


_GOVINFO_REPORT = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title> - FARM POND SAFETY ACT OF 2024</title></head><body><pre>
[Senate Report 118-77]
[From the U.S. Government Publishing Office]


                                                       Calendar No. 212
118th Congress                                                   Report
                                 SENATE
 2d Session                                                      118-77

======================================================================

                      FARM POND SAFETY ACT OF 2024

    The Committee on Agriculture, to which was referred the bill
(S. 1904), having considered the same, reports favorably thereon.

                          PURPOSE AND SUMMARY

    About 2.6 million farm ponds lie within a mile of a school.\\1\\
Fewer than 8 percent have a fence.\\2\\

[[Page 2]]

    The bill authorizes $45,000,000 for fiscal year 2025.

---------------------------------------------------------------------------
    \\1\\ Natural Resources Conservation Service, Pond Inventory 2021, p. 4.
    \\2\\ Ibid., p. 9.
---------------------------------------------------------------------------
</pre></body></html>"""


def test_a_govinfo_reports_header_lines_go_and_its_body_and_notes_stay():
    report = parse_report(_GOVINFO_REPORT.encode("cp1252"), "html")
    removed = {piece.text for piece in report.removed}
    assert "[Senate Report 118-77]" in removed and "[From the U.S. Government Publishing Office]" in removed
    assert "Senate Report 118-77]" not in report.text and "Publishing Office]" not in report.text
    assert "About 2.6 million farm ponds lie within a mile of a school." in report.text
    assert "The bill authorizes $45,000,000 for fiscal year 2025." in report.text
    notes = {note.number: note for note in report.footnotes}
    assert notes[2].kind == "ibid" and notes[2].resolves_to == 1


@pytest.mark.parametrize("counter, words", [
    ('<div class="news-meta"><span class="news-date">14.03.2024 10:25</span> <span class="news-views">Переглядів: 312</span></div>',
     "Переглядів: 312"),
    ('<dl class="article-info"><dd class="hits"><span class="icon-eye"></span> Zobrazení: 387</dd></dl>', "Zobrazení: 387"),
    ('<p class="meta"><span>1 204 vues</span></p>', "1 204 vues"),
])
def test_a_pages_view_counter_goes(counter, words):
    _assert_goes(_page(inside=counter), words)


def test_a_sentence_giving_a_number_of_views_stays():
    sentence = "<p>Views: 312 residents objected to the tariff at the hearing.</p>"
    report, _ = read_html(_page(inside=sentence))
    assert "Views: 312 residents objected to the tariff at the hearing." in report.text


def test_mediawiki_page_actions_over_a_fandom_article_go():
    actions = ('<div class="page-header__actions"><a id="ca-viewsource" class="wds-button">Sign in to edit</a> '
               '<a id="ca-history" href="?action=history">History</a> <a id="ca-talk" href="/wiki/Talk:Tariff">Talk (0)</a></div>')
    _assert_goes(_page(inside=actions), "Talk (0)", kind="edit-link")


def test_expand_all_and_collapse_all_go():
    controls = '<div class="PanelHeader"><a href="#" class="expandAll">Expand all</a> <a href="#">Collapse all</a></div>'
    _assert_goes(_page(inside=controls), "Expand all")


# -- blind set 13's furniture: a radio story's player, a court database's and a think tank's boxes

def test_a_storys_audio_player_and_the_broadcast_it_was_heard_on_go():
    player = ('<div class="audio-module"><button class="audio-module-listen"><span>4-Minute Listen</span></button>'
              '<ul class="audio-module-tools"><li><button>Playlist</button></li><li><a href="/t">Transcript</a></li></ul></div>'
              '<p class="heard-on"><span>Heard on <a href="/programs/morning">Morning Edition</a></span></p>')
    report = _assert_goes(_page(inside=player), "4-Minute Listen")
    assert "Heard on" not in report.text and "Transcript" not in report.text


def test_an_advertisement_named_only_by_its_aria_label_or_its_words_goes():
    aside = ('<aside id="backstage-wrap" aria-label="advertisement"><div class="backstage"><p class="left">'
             'Partner content from our sponsors</p></div></aside>')
    _assert_goes(_page(inside=aside), "Partner content from our sponsors", "advertisement")
    _assert_goes(_page(inside='<div class="slot"><p>Sponsor Message</p></div>'), "Sponsor Message", "advertisement")


def test_a_caption_toggle_and_an_inset_link_to_another_story_go_and_the_caption_stays():
    figure = ('<div class="caption-wrap"><p>The weir at Auental, rebuilt in 2023.</p><span class="credit">K. Lind</span>'
              '<span class="hide-caption"><b>hide caption</b></span></div>'
              '<div class="bucketwrap internallink insettwocolumn"><a href="/2023/weirs">Why weirs fail</a></div>')
    report = _assert_goes(_page(inside=figure), "hide caption")
    assert "The weir at Auental, rebuilt in 2023." in report.text and "Why weirs fail" not in report.text


def test_a_newsletter_callout_goes_while_a_callout_of_the_text_stays():
    newsletter = ('<aside class="newsletter-acquisition-callout"><h3>Sign up for the Water newsletter</h3>'
                  '<p>Get the latest news delivered to your inbox.</p></aside>')
    tip = '<div class="callout callout-note"><p>The tariff applies from 1 July 2024 to 2,300 households.</p></div>'
    report = _assert_goes(_page(inside=tip, after=newsletter), "Sign up for the Water newsletter")
    assert "The tariff applies from 1 July 2024 to 2,300 households." in report.text


def test_a_disclaimer_a_button_and_the_authors_biographies_go():
    boxes = ('<div class="annotate-case"><a href="#" class="button button-annotate">Annotate this Case</a></div>'
             '<div class="research-article__disclaimer"><p><em>The Courier takes no institutional positions.</em></p></div>'
             '<aside class="article__authors"><h2>About the Authors</h2><div class="author-card"><a href="/people/k-lind">'
             'Karin Lind</a><p>Fellow, Water Programme</p></div></aside>'
             '<div class="author-bio"><p>Jon Berg reports on rivers.</p></div>')
    # The boxes are a small part of a real page: a longer article, as the report's own is.
    article = "<p>" + " ".join(f"In {year} the board sampled {year - 1900} wells." for year in range(1990, 2010)) + "</p>"
    report = _assert_goes(_page(inside=article, after=boxes), "Annotate this Case")
    for words in ("no institutional positions", "About the Authors", "Fellow, Water Programme", "Jon Berg reports on rivers."):
        assert words not in report.text


@pytest.mark.parametrize("block, words", [
    ('<section class="teaser-block"><h2>Empfehlungen der Redaktion</h2><ul><li><a href="/a">Warum Wasser teurer wird</a></li>'
     '<li><a href="/b">Förderung im Überblick</a></li></ul></section>', "Warum Wasser teurer wird"),
    ('<div class="c-tags"><span>Voir les sujets :</span> <a href="/eau">Eau</a> <a href="/creuse">Creuse</a></div>', "Voir les sujets"),
    ('<div class="article-topics"><p class="topics-title">More about</p><a href="/t/drought">Drought</a> '
     '<a href="/t/water">Water companies</a></div>', "More about"),
])
def test_a_newsrooms_recommendations_and_topic_tags_go(block, words):
    _assert_goes(_page(after=block), words, kind="related")


def test_an_appeal_for_support_and_an_apps_promotion_go():
    support = ('<div class="support-box" data-component="article-top-support"><p class="support-title">Support truly<br>independent '
               'journalism</p><p>Whether $5 or $50, every contribution counts.</p></div>')
    promo = "<aside class=\"c-app-promo\"><p>Découvrez l'application Valley Courier</p><a href=\"/app\">Télécharger</a></aside>"
    report = _assert_goes(_page(before=support, after=promo), "every contribution counts")
    assert "Découvrez l'application" not in report.text


def test_a_reports_recommendations_section_stays():
    section = ('<section class="recommendations"><h2>Recommendations</h2><p>The board should publish its tariff model '
               'and review it every 3 years.</p></section>')
    report, _ = read_html(_page(after=section))
    assert "The board should publish its tariff model and review it every 3 years." in report.text


def test_a_skip_link_an_isbn_line_taxonomy_and_how_to_cite_go_while_a_references_isbn_stays():
    skip = '<a href="#main-content" class="visually-hidden focusable">Aller au contenu principal</a>'
    info = '<div class="publication__info"><span>ISBN : 979-10-373-0812-5</span> <span>28 pages</span></div>'
    taxonomy = ('<div class="publication__taxonomy"><div class="field__label">Thématiques</div>'
                '<a href="/t/eau">Eau</a><a href="/t/tarifs">Tarifs</a></div>')
    cite = ('<div class="publication__cite"><h2>Comment citer cette publication</h2><p>K. Lind, « Tarif de l\'eau », '
            '<em>Notes</em>, 12 mars 2024.</p></div>')
    reference = ('<ol class="references"><li><cite>M. Berg, <i>Weirs</i>, Lund, 1998, <a class="mw-magiclink-isbn" '
                 'href="/isbn">ISBN 91-7000-123-4</a>, p. 12.</cite></li></ol>')
    report = _assert_goes(_page(before=skip, inside=info, after=taxonomy + cite + reference), "979-10-373-0812-5")
    for words in ("Aller au contenu principal", "Thématiques", "Comment citer", "Tarif de l'eau"):
        assert words not in report.text
    assert any("ISBN 91-7000-123-4" in text for text in [report.text, *(note.text for note in report.footnotes)])


# -- blind sets 15 and 16: CSS-module components, photo credits, a shop's disclosure

def test_css_module_components_are_read_by_their_names():
    audio = ('<div class="ArticleAudio_root__bZ2oW"><p class="ArticleAudio_title__mfB8q">Listen to this article</p>'
             '<span class="ArticleAudio_duration__Fo4Tj">09:41</span></div>')
    signup = ('<aside class="NewsletterSignup_root__Vx8M0"><p class="NewsletterSignup_title__L2nk6">Sign up for Valley Ideas</p>'
              '<p>Essays delivered every weekday.</p></aside>')
    report = _assert_goes(_page(inside=audio, after=signup), "Listen to this article")
    assert "09:41" not in report.text and "Sign up for Valley Ideas" not in report.text


def test_a_photo_credit_goes_and_its_caption_stays():
    figure = ('<figure><img src="weir.jpg" alt=""><figcaption class="fig-media__legend">The weir at Auental in 2023. '
              '<span class="fig-media__credit">Karin Lind / Valley Courier</span></figcaption></figure>'
              '<figure><img src="gate.jpg" alt=""><figcaption>Photo: Jon Berg/Reuters</figcaption></figure>'
              '<div class="credit-caption"><div class="caption"><p>The sluice gate, rebuilt for €80,000.</p></div>'
              '<span class="credit">Jon Berg</span></div>')
    report = _assert_goes(_page(inside=figure), "Karin Lind / Valley Courier")
    assert "The weir at Auental in 2023." in report.text and "The sluice gate, rebuilt for €80,000." in report.text
    assert "Photo: Jon Berg/Reuters" not in report.text


def test_a_shops_affiliate_disclosure_goes():
    note = "<p><small>When you buy a book using a link on this page, we receive a commission.</small></p>"
    _assert_goes(_page(after=note), "we receive a commission")


@pytest.mark.parametrize("block, words", [
    ('<div class="alert-banner" role="region" aria-label="Site notice"><p>The council is not sitting this week. '
     '<a href="/calendar">View the sitting calendar</a></p></div>', "View the sitting calendar"),
    ('<p><a href="/paper.pdf">PDF version [1.4MB]</a></p>', "PDF version [1.4MB]"),
    ('<section class="contact-persons"><h2>Ansprechpartner:innen</h2><p>Jonas Berg</p><p>+49 5241 81-81234</p></section>',
     "+49 5241 81-81234"),
    ('<span data-qa="updated-date"> Updated June 3, 2024 at 11:12 a.m. EDT</span>', "Updated June 3, 2024"),
    ('<div class="plainlinks wikidata-link"><a href="https://www.wikidata.org/wiki/Q1">[editar datos en Wikidata]</a></div>',
     "editar datos en Wikidata"),
    ('<section class="article__external-links"><h2>Eksterne links</h2><ul><li><a href="https://x.example">Kommune: Dige</a></li></ul></section>',
     "Kommune: Dige"),
    ('<ul id="wb-tphp"><li><a class="wb-sl" href="#wb-info">Skip to "About this site"</a></li></ul>', "About this site"),
    ('<p><a href="#top">Back to top of document</a></p>', "Back to top of document"),
])
def test_blind16_site_notices_contacts_updates_and_links_go(block, words):
    page_level = "Skip" in block or "alert-banner" in block  # over the page, outside the article
    _assert_goes(_page(before=block if page_level else "", inside="" if page_level else block), words, kind=None)


def test_a_toolbar_of_share_links_is_reported_as_a_share_bar():
    toolbar = ('<div class="article-toolbar"><button>Artikel hören</button>'
               '<a href="https://www.facebook.com/sharer/sharer.php?u=x">Auf Facebook teilen</a>'
               '<a href="https://x.com/intent/post?url=x">Auf X teilen</a><a href="mailto:?subject=Tarif">Per E-Mail verschicken</a></div>')
    _assert_goes(_page(inside=toolbar), "Auf X teilen", kind="share")


def test_a_judgment_pages_metadata_panel_goes_and_its_judge_and_date_are_still_read():
    panel = ('<dl class="document-metadata-list"><dt>Court</dt><dd>High Court</dd><dt>Court station</dt><dd>Eldoret</dd>'
             '<dt>Judges</dt><dd>AK Lind</dd><dt>Judgment date</dt><dd>14 March 2024</dd><dt>Outcome</dt><dd>Allowed in part</dd></dl>')
    report = _assert_goes(_page(before=panel), "Court station")
    assert report.authors == ["AK Lind"] and report.date == "2024-03-14"
