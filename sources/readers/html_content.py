"""What of an HTML page is the article, and what is the site around it.

Every element is judged once, outermost first, by what the page's own markup
says about it: its tag (<nav>, a page-level <header>/<footer>, <aside>), its
ARIA role, the words of its class and id (toc, mw-editsection, share, cookie,
pg-boilerplate), hidden attributes and styles. Where the markup is silent, a
block made almost only of links outside the article is navigation. A decision
never reaches an element that holds a note or the article itself: such a match
is kept, with a warning, since dropping real text is the one thing we must not do.
Removed elements are reported with their kind; nothing is dropped unrecorded
except code (script, style, template).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import NamedTuple

from claimdesk.sources.header import TIME_OF_DAY, parse_date
from claimdesk.sources.readers.html_confluence import mark_confluence_furniture
from claimdesk.sources.readers.html_office import mark_office_furniture
from claimdesk.sources.readers.html_running_heads import mark_running_heads
from claimdesk.sources.readers.html_tree import (NOINDEX_ATTRIBUTE, SMALL_ELEMENTS, Node, build_tree, contains, is_small as _is_small,
                                                 iter_elements, text_of)

CODE_TAGS = {"script", "style", "template", "head", "title"}
"""Code and document metadata, not text: left out unrecorded."""
_EMBEDDED = {"iframe", "object", "canvas", "svg", "embed", "video", "audio", "math", "noscript", "map"}
"""Their text is a fallback or a drawing's labels, not the article's prose."""
_CONTROLS = {"button", "select", "textarea", "datalist", "output", "input"}
_SECTIONING = {"article", "aside", "main", "nav", "section"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

# Words in class/id, matched as whole dash- or underscore-separated words.
_KIND_WORDS = [
    ("edit-link", r"mw-editsection|editsection|edit-?link|post-edit-link|edit-section|"
                  # MediaWiki's page actions (ids "ca-edit", "ca-history", "ca-talk"), as Fandom shows them
                  # over the article ("Sign in to edit  History  Talk (0)")
                  r"ca-(?:edit|ve-edit|viewsource|history|talk|nstab-[a-z]+|watch|unwatch|addsection)|page-header__actions|page-side-tools?|"
                  # an infobox's "[editar datos en Wikidata]"
                  r"wikidata-link|wikidata-edit|edit-wikidata"),
    ("contents", r"toc|toctitle|msotoc\d|msotocheading|table-of-contents|tableofcontents|mw-panel-toc|vector-toc|ez-toc-container|sommaire|inhaltsverzeichnis"),
    ("languages", r"interlanguage-link|p-lang|lang-list|language-list|languages|language-switcher|language-selector|mw-portlet-lang|interwiki|lang-menu"),
    # A word holding "cookie" anywhere ("bbccookies-banner", CanLII's "cookieConsent", Cookiebot's
    # "CybotCookiebotDialog"), one beginning with "consent" ("consentManager").
    ("cookie", r"[a-z0-9]*cookie[a-z0-9]*|consent[a-z0-9]*|gdpr|ccpa|cc-window|onetrust|didomi|cmp-banner|"
               # Sourcepoint's consent message
               r"sp_message_container|sp_message|"
               # Drupal's EU Cookie Compliance banner (<div id="sliding-popup" class="sliding-popup-bottom">)
               r"sliding-popup|sliding-popup-bottom|sliding-popup-top|"
               # tarteaucitron ("tarteaucitronRoot", "tarteaucitronAlertBig"), Usercentrics, iubenda,
               # Quantcast Choice, Osano, Klaro, Complianz
               r"tarteaucitron[a-z0-9]*|usercentrics[a-z0-9]*|iubenda-cs[a-z0-9-]*|qc-cmp2[a-z0-9-]*|osano-cm[a-z0-9-]*|klaro|cmplz[a-z0-9-]*"),
    ("share", r"share|shares|sharing|share-buttons|social-share|sharedaddy|addtoany|a2a_kit|shariff|social-links|social-icons|socials|social|partage|teilen|"
              # Ippen's "id-Story-interactionBar" under the byline: comments, share, print
              r"interactionbar|interaction-bar"),
    ("related", r"related|related-posts|relatedposts|read-more|readmore|read-also|lire-aussi|more-stories|recommended|yarpp|outbrain|taboola|further-reading-links|"
                r"most-read|mostread|most-popular|popular-posts|trending|plus-lus|meistgelesen|mas-leidos|most-viewed|mostviewed|"
                # the Guardian's "More on this story" and "Explore more on these topics" (keywords, reuse link)
                r"more-on-this-story|onwards|submeta|"
                # Tamedia's teaser rows under the story ("EndOfArticleSection_root__dltNj")
                r"end-of-article-section|end-of-article-section-list|"
                # a page's topic tags and what to read next ("Suggested Topics:", "Read Next")
                r"read-next|tags-with-label|tag-list|article-tags|post-tags|entry-tags|related-topics|"
                # Le Monde's "Lire aussi |" link inside the article
                r"catcher|"
                # a newsroom's teaser blocks and its topic tags ("c-tags", "article-topics"); never "recommendations",
                # which is a report's own section (RAND, a committee report)
                r"teaser-block|teasers|teaser-row|teaser-list|recommended-articles|tags|tags-links|c-tags|article-topics|topics-list|"
                # an entry's list of external links (lex.dk's "article__external-links")
                r"external-links|externallinks|"
                # a CMS's taxonomy fields under a publication (Drupal's "publication__taxonomy": Thématiques, Régions)
                r"taxonomy|publication__taxonomy|"
                # NPR's link to another story set into the text ("bucketwrap internallink")
                r"internallink|internal-link|inline-link-teaser|"
                # Wikisource's header notes "Sister projects: Wikidata item."
                r"sister|sisters|sister-projects?|wst-sister[a-z0-9-]*|rich-link|rich-link-block-element|"
                # a box of links to other pages, named as a BEM element (kremlin.ru's "read__see_also" under a
                # transcript); a wiki's heading id "See_also" is the article's own section
                r"[a-z0-9]+__see[-_]also|"
                # the same in our users' languages ("boxCorrelati": Pronunce correlate)
                r"boxcorrelati|correlati|articoli-correlati|relacionados|noticias-relacionadas|articulos-relacionados|"
                r"verwandte-artikel|weitere-artikel|lire-aussi|a-lire-aussi"),
    # Readers' comments under a post are not the report: WordPress, Disqus, Substack, newsroom reactions.
    ("comments", r"comments|comment-list|commentlist|comments-area|comments-section|comment-respond|wp-block-comments|"
                 r"disqus_thread|disqus|reactions|post-ufi|comment-form|commentcount|comment-count|comments-count|"
                 # SPIP's forum under an article ("Répondre à cet article", "3 Messages de forum")
                 r"forum|formulaire_forum|"
                 # Der Standard's forum under a story ("postings", each "posting" with its "posting-user")
                 r"postings|posting-list|"
                 # the same in our users' languages (Ouest-France's "bloc-commentaires", "btn-commentaires")
                 r"commentaires|kommentare|comentarios|commenti|komentarze"),
    # GOV.UK prints its Crown copyright and licence box only on paper: "print-meta-data", now "meta-data--display-print".
    # Wikisource's "licenseContainer licenseBanner" ("… in the public domain worldwide because…").
    ("licence", r"pg-boilerplate|pgheader|pg-header|pg-footer|pgfooter|pg-machine-header|pg-start-separator|pg-end-separator|"
                r"license[a-z0-9]*|licence[a-z0-9]*|print-meta-data|meta-data--display-print|"
                # a digital library's note on how its copy was made and whose rights it carries (British History Online)
                r"digiti[sz]ation-note|digiti[sz]ation-info|rights-statement|rights-note"),
    ("navigation", r"navbox|navbar|navigation|nav|menu|main-menu|breadcrumbs?|arbo|ariane|hierarchie|hatnote|catlinks|mw-jump-link|skip-link|skiplink|skip-links|skiplinks|pagination|pager|"
                   # a document's row of reading tools ("caselaw-tools": font size, print; "article-tools")
                   r"[a-z]+-tools|"
                   r"mw-navigation|vector-menu|site-nav|sistersitebox|mw-indicators|page-actions|case-actions|document-actions|toolbar|skipnav|usa-skipnav|usa-nav|debate-controls|article-controls|page-controls|"
                   # DokuWiki's tools and page id over every page
                   r"usertools|sitetools|pagetools|pageid|"
                   # the Read the Docs theme's versions and downloads flyout
                   r"rst-versions|"
                   # a German legal portal's links between the documents of a search ("Zur Trefferliste | < Vorheriges Dokument")
                   r"dokumentnavigation|trefferliste|"
                   # the previous and next chapter links of a transcribed book (Wikisource's header template)
                   r"header-prev|header-previous|header-next|headerprevious|headernext|wst-header-back|wst-header-forward|"
                   r"header_backlink|header_forelink|"
                   # what MediaWiki leaves off paper: portal bars ("Portale Architettura · …: accedi alle voci…"),
                   # the site's tagline, its mobile-view link (an inline "[citation needed]" is kept, as in a sentence)
                   r"noprint|"
                   # the same in our users' languages, as older sites name their parts (the Corte costituzionale's
                   # "briciole", "menuServizio", "tornaSu"; "migas", "brotkrumen"; links back to the top)
                   r"briciole|briciola|menuservizio|menuorizzontale|menuverticale|migas|migas-de-pan|migasdepan|brotkrumen|"
                   r"krumelpfad|salta-contenuto|saltacontenuto|tornasu|torna-su|back-to-top|backtotop|to-top|scroll-to-top|"
                   r"volver-arriba|nach-oben|haut-de-page|retour-haut"),
    # The U.S. Web Design System's "An official website of the United States government" banner and
    # agency identifier sit on most U.S. government pages.
    ("header", r"site-header|masthead|sitesub|site-branding|branding|site-logo|region-header|mw-header|top-bar|topbar|site-title|"
               r"usa-banner|usa-header|dokuwiki__header|"
               # GOV.UK's "Beta This is a new service – your feedback will help us to improve it."
               r"phase-banner|govuk-phase-banner|"
               # the site's name and tagline over every page (SPIP: "nom_site_spip", "slogan")
               r"slogan|site-slogan|tagline|site-description|nom_site_spip|portalclaim|portaltitel|"
               # the Wayback Machine's toolbar over an archived page ("The Wayback Machine - https://web.archive.org/…")
               r"wm-ipp|wm-ipp-base|wm-ipp-print|donato|"
               # what Wikisource marks as none of the transcribed work, left out of its exports (the header
               # template with the work's data, the editions box, the licence)
               r"ws-noexport|"
               r"testata|cabecera|cabecalho|seitenkopf|kopfbereich|entete|en-tete"),
    ("footer", r"site-footer|footer|printfooter|copyright|colophon|mw-footer|entry-footer|post-footer|usa-identifier|usa-footer|"
               r"docinfo|dokuwiki__footer|pied|dokumentfuss|seitenfuss|fusszeile|"
               r"piede|piedipagina|piede-pagina|linkpiede|pie-de-pagina|piedepagina|pie-pagina|rodape|fussbereich|"
               # Polish and Czech: "stopka", "zapati"
               r"stopka|zapati|paticka|"
               # a network's footer run together or named by its place (NRK's "nrk-bottommenu lp_globalfooter")
               r"globalfooter|global-footer|lp_globalfooter|bottommenu|bottom-menu"),
    ("sidebar", r"sidebar|widget-area|widget|secondary|rail|side-column|"
                r"colonnasinistra|colonnadestra|colonna-sinistra|colonna-destra|boxlaterale|box-laterale|barra-laterale|"
                r"barralaterale|seitenleiste|columna-lateral|colonne-laterale"),
    # Hansard's "Column 188WH" between speeches: where the printed column turns, not a word of the debate.
    ("page-number", r"column-number|col-number|"
                    # a printed page's forme work as the Deutsches Textarchiv keeps it: the running head over
                    # the page ("fw-top fw-header"), the catchword under it that the next page begins with
                    r"fw-header|fw-head|fw-top|fw-bottom|fw-bottom-catch|fw-catch|fw-sig|fw-pagenum"),
    # "ad" alone or with an advertising part ("ad_doc", Indian Kanoon's premium banner), not "ad-hoc-panel"
    ("advertisement", r"ad(?![-_])|ad[-_](?:doc|unit|banner|box|wrapper|container|block|zone|space|label|leaderboard|placeholder)|"
                      r"advert|advertisement|ad-slot|ad-container|ads|adsbygoogle|place-ad|"
                      # the same in our users' languages (Projekt Gutenberg-DE's "anzeige-chap" box)
                      r"anzeige|werbung|publicite|publicidad|pubblicita|reklama"),
    ("other", r"newsletter|subscribe|subscription|signup|sign-up|paywall|modal|popup|overlay|print-only|"
              # a site's notice over every page ("Casetext is now part of Thomson Reuters. Meet CoCounsel →")
              r"announcement-bar|announcement-banner|promo-bar|promo-banner|"
              # a warning to readers of old browsers ("disco-outdated-browser", "outdated-browser-banner")
              r"outdated-browser|browser-warning|browserupgrade|"
              # a reader's star rating of the page ("Оценить статью ★★★★★ (Голосов: 14, Рейтинг: 4.79)")
              r"rating-block|rating-stars|star-rating|post-ratings|rating-widget|article-rating|"
              # the Italian public administration's page feedback ("Quanto sono chiare le informazioni su questa pagina?")
              r"cmp-rating|page-rating|"
              # what the page leaves off paper (the Guardian's data-print-layout="hide": topic lists, promotions)
              r"print-hidden|"
              # a docs page's line on its last change ("Last modified November 3, 2023: <commit message>"), Docsy's
              # "td-page-meta__lastmod"; the date it gives is still read (html_meta)
              r"lastmod|last-modified|page-lastmod|git-revision-date|"
              # a story's audio or video player and its tools ("4-Minute Listen  Playlist  Download  Transcript"),
              # the broadcast it was heard on (NPR's "heard-on": "Heard on Morning Edition"), a caption's toggle
              r"audio-module|audio-player|audio-tools?|podcast-player|media-player|video-player|player-controls|article-audio|"
              # a photograph's credit under its caption ("fig-media__credit": "Lucien Ferrand / Le Figaro")
              # (NPR's "credit-caption" holds the caption too: only the credit goes)
              r"credit(?![-_]caption)|credits|photo-credit|image-credit|media-credit|caption-credit|wp-caption-credit|"
              # a caption's own part naming the photographer or the agency ("mediaCaption__author": "(EFE/Rocío
              # Mantecón)", "c-content-image__caption-source": "Quelle: picture alliance/dpa/…"), a book's media credits
              r"[a-z0-9]*caption[-_]+(?:author|source|credit|copyright|rights)[a-z0-9-]*|"
              # where a picture came from, under it ("bio-image-source": "Source: Link")
              r"(?:[a-z0-9]+-)?(?:image|img|photo|picture)-(?:source|credit)s?|"
              r"media-attributions?|image-attributions?|photo-attributions?|caption-attribution|"
              r"heard-on|hide-caption|toggle-caption|caption-toggle|"
              # a site's or an institution's disclaimer ("Justia Annotations is a forum…", "Carnegie does not take
              # institutional positions…"), a button ("Annotate this Case", "Zitierhinweis")
              r"disclaimer|disclaimers|site-disclaimer|button|btn|button-group|btn-group|wp-block-buttons?|"
              # the authors' biographies after the text ("About the Authors": name, post, programme)
              # (an "author-card" may be the byline itself, as at Institut Montaigne: the heading tells, _is_about_the_authors)
              r"author-bio|author-bios|author-box|about-the-author|about-the-authors|about-author|authors-bio|"
              r"contributor-bio|contributor-bios|bio-box|"
              # a news page's "Updated 4:12 PM EDT, April 5, 2024" (AP's "Page-dateModified", ZEIT's
              # "metadata__date--updated", the Post's data-qa="updated-date", hAtom's "updated")
              r"datemodified|date-modified|modified-date|updated|updated-date|date-updated|"
              # a site's notice over every page ("The Senate and House of Representatives are not sitting this week")
              r"alert-banner|site-notice|sitenotice|site-alert|global-alert|emergency-banner|"
              # the contact people under a study ("Ansprechpartner:innen"), an encyclopedia's curator box
              r"contact-persons?|contacts|contact-box|press-contact|media-contact|curator-box|cp-curator-box|cp-revision|"
              # a document page's own links to its other formats and to itself ("Download PDF (214 kB)")
              r"download|downloads|download-links|download-link|file-pdf|publication-actions|publication-links|article-actions|permalink|licensing|"
              # the product's or node's own buttons (RAND's "product-actions", Drupal's "node__actions": Télécharger, Imprimer)
              r"product-actions|node__actions|node-actions|"
              # an encyclopedia's tools around an entry (SEP's "Academic Tools": How to cite this entry, InPhO, PhilPapers)
              r"academic-tools|article-tools|entry-tools|cite-this|cite-this-page|how-to-cite|"
              # an essay's or article's "Cite this essay: <the page's own citation>" (HistoryLink's "essay-cite")
              r"essay-cite|article-cite|entry-cite|page-cite|post-cite|"
              # a legal database's panel over the judgment (CanLII's #documentMeta: File number, Noteup, Reflex Record)
              r"documentmeta|document-metadata-list|document-metadata|"
              # a row of buttons ("Copy Citation", "Get Citation Alerts")
              r"btn-group|button-group|"
              # a service's notice over every document it shows ("Important information: this version…")
              r"important-info|service-notice|"
              # SPIP's attached files ("Documents joints: Note n°14 (PDF) PDF - 412.6 ko")
              r"documents_joints|documents-joints|"
              r"read-time|reading-time|readtime|min-read|reading-duration|clap-button|clap-count|responses-count|"
              # "Is this page useful?" / "Was this helpful?" widgets (GOV.UK's gem-c-feedback, docs sites).
              r"gem-c-feedback|feedback|page-feedback|feedback-widget|was-this-helpful|helpful-widget|"
              # a reader-revenue appeal after the article ("… we have a small favour to ask")
              r"contributions-epic|contributions-liveblog-epic|epic|reader-revenue|"
              # a site's appeal for support over or under the article ("Support truly independent journalism") and
              # its app's promotion ("Découvrez l'application France Info")
              r"support-box|support-us|article-top-support|reader-support|supporter-appeal|support-cta|"
              r"promo|app-promo|app-banner|smartbanner|app-download|"
              # a site's donation appeal ("LII relies on donations from readers like you")
              r"fundraising|fundraising-banner|fundraiser|donation-banner|donate-banner|donation-appeal|donations-banner"),
]
_KIND_PATTERNS = [(kind, re.compile(rf"(?<![a-z0-9])(?:{words})(?![a-z0-9])", re.I)) for kind, words in _KIND_WORDS]
_EXACT_WORDS = {"header": "header", "footer": "footer", "masthead": "header"}
_HIDDEN_CLASSES = {"hidden", "d-none", "is-hidden", "hide", "display-none"}
# WordPress tags posts with their taxonomy ("category-social-policy", "author-jdoe"): not a role;
# but a theme's box of the authors' biographies ("author-bio", "author-box") is one.
# ("post-1234", "post-template-default"; but "post-footer" is the theme's footer of the post, a part)
_TAXONOMY_CLASS = re.compile(r"^(?:category|tag|post(?!-footer$)|type|format|status|postid|page-id|author(?!-(?:bios?|box)$))-", re.I)
_ROLE_KINDS = {
    "navigation": "navigation", "menu": "navigation", "menubar": "navigation", "search": "navigation", "tablist": "navigation",
    "banner": "header", "contentinfo": "footer", "complementary": "sidebar", "doc-toc": "contents", "directory": "contents",
    "dialog": "other", "alertdialog": "other",
}
_NOTE_ROLES = re.compile(r"(?<![a-z])(?:note|footnote|endnote|doc-footnote|doc-endnote|rearnote|sidenote|marginnote)s?(?![a-z])", re.I)
_MAIN_CLASSES = re.compile(r"(?<![a-z0-9])(?:mw-parser-output|mw-content-text|entry-content|post-content|article-body|article-content|articlebody|story-body|field-name-body)(?![a-z0-9])", re.I)

KEPT_WARNINGS_MAX = 20
"""Elements kept against their looks are each said with a quote of their text, up to this many
(real pages have a handful); past it they are counted: each quote reads its element's text,
and 300 nested class="toc" read the whole nest 300 times."""
LINK_DENSITY_NAVIGATION = 0.7
"""Share of a block's text inside links above which, outside the article, it is a
menu or a list of links (jusText's cut for "bad" blocks is 0.2 with prose in it;
ours is for blocks with next to no prose, see _PROSE_IN_NAVIGATION)."""
_MIN_LINKS_NAVIGATION = 3
_PROSE_IN_NAVIGATION = 80
"""Characters of non-link text a link list may carry ("Home | About | ...")."""
LINK_DENSITY_RELATED = 0.5
"""A "Related articles" block is its heading plus links, with a teaser line or two."""
PROTECTED_SHARE = 0.4
"""A markup match on an element holding this share of the page's text is doubted."""
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright\b)", re.I)
# "Alle Rechte an der elektronischen Fassung vorbehalten" (Projekt Gutenberg-DE) says it with words between.
_RIGHTS = re.compile(r"rights\b.{0,40}\breserved|droits\b.{0,40}\bréservés|rechte\b.{0,40}\bvorbehalten|derechos\b.{0,40}\breservados|"
                     r"\b(?:19|20)\d\d\b", re.I)
_COPYRIGHT_MAX_CHARS = 300
"""A copyright line is a line: a few links and spans at most (html_tree.is_small)."""
_RELATED_HEADING = re.compile(
    r"^\W*(?:related(?: articles| posts| stories| content| reading| coverage)?|read more|more (?:from|on|in|stories)\b.*|you (?:may|might) also like|"
    r"recommended(?: for you)?|(?:à |a )?lire aussi|sur le même sujet|dans la même rubrique|mehr zum thema|lesen sie auch|weitere artikel|"
    r"das könnte sie auch interessieren|auch interessant|most read|most popular|les plus lus|meistgelesen|lo más leído|trending|"
    r"read next|up next|what to read next|suggested topics|related topics|à lire ensuite|weiterlesen|"
    # BBC's "Related internet links"; Der Spiegel's "Mehr lesen über" topic list and "Verwandte Artikel"
    r"related (?:internet |external )?links|mehr lesen über|mehr über (?:dieses|das) thema|verwandte (?:artikel|themen)|"
    r"articles? (?:liés|similaires)|artículos relacionados|noticias relacionadas|"
    # FAZ.NET's "Empfehlungen der Redaktion", The Independent's "More about" topics, franceinfo's "Voir les sujets :"
    r"empfehlungen(?: der redaktion)?|unsere empfehlungen|more about|voir les sujets|sur les mêmes sujets|dans les mêmes thèmes|"
    # a story's tag list under a heading (El País's "Archivado En", "Filed under", "Schlagwörter", "Mots-clés")
    r"archivado en|filed under|tags?|tagged|topics|schlagw(?:ö|oe)rter|schlagworte|themen|mots[- ]clés|etiquetas|temas|"
    r"recomendaciones(?: [\w ]{1,30})?|te recomendamos|nos recommandations|"
    # the same in Russian ("Самое читаемое", "Читайте также", "Материалы по теме"); not "См. также", a wiki's own section
    r"самое (?:читаемое|популярное|обсуждаемое)|читайте также|(?:материалы|новости|статьи) по теме|по теме|"
    r"(?:другие|похожие) материалы|популярное|теги|темы|"
    # a publisher's other publications and its topic fields ("Publications associées", "Thématiques")
    r"publications associées|publications liées|related publications|publicaciones relacionadas|verwandte publikationen|"
    r"weitere publikationen|thématiques|thèmes|"
    # what the site's readers read most ("Beliebt bei „Tagesspiegel Plus“", "Popular on The Ledger")
    r"weitere (?:nachrichten|meldungen|beiträge)|more (?:news|headlines)|top stories|autres actualités|más noticias|"
    r"beliebt bei [^\n]{1,40}|popular (?:on|with|at|in) [^\n]{1,40}|(?:les )?plus populaires|populaires sur [^\n]{1,40}|lo más popular)\W*$",
    re.I,
)
_RELATED_HEADING_MAX_CHARS = 200
_PG_START = re.compile(r"\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG", re.I)
_PG_END = re.compile(r"\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG|^\s*End of (?:the )?Project Gutenberg", re.I)
# ...and star pagination of law reports: the Caselaw Access Project's <a class="page-label"
# data-label="413">*413</a>, CourtListener's <span class="star-pagination">*413</span>.
# zeno.org marks where each printed page starts with a link to its scan, "zenoTXKonk" (concordance): "[45]"
# The Biblioteca Virtual Miguel de Cervantes: <span class="numPag"><a id="P14"></a>[p. 14]</span>
# The Deutsches Textarchiv: <span class="dta-pb">|#f0032 : 24|</span>, the scan's number, then the printed page's.
# A page break named as TEI names it, class "pb" (Making of America's <div class="pb">[Page 97]</div>), as a
# whole class word only: Bootstrap's "pb-3" is padding.
_PAGE_NUMBER_CLASS = re.compile(r"(?<![a-z])(?:pagenum|pageno|page-number|pagenumber|page-num|page-label|star-pagination|zenotxkonk|numpag|dta-pb)(?![a-z])"
                                r"|(?<![\w-])pb(?![\w-])", re.I)
# OpenEdition's <span class="pagination">p. 45</span> where printed page 45 starts; a site's "pagination"
# is as often its list of result pages ("1 2 3 Next"), so only a span that says "p." is a page.
_PAGINATION_SPAN = re.compile(r"(?<![\w-])pagination(?![\w-])", re.I)
_PREFIXED_PAGE_TEXT = re.compile(r"^[\[(]?\s*(?:p\.|s\.|page|seite)\s*([0-9]{1,5}|[ivxlcdm]{1,8})\s*[\])]?$", re.I)
_EDITION_LINE_MAX_CHARS = 300
SACRED_TEXTS_LINE = (r"^(?P<work>.{3,200}?),? by (?P<author>[^\[\],]{3,80}?),? \[(?P<year>1[4-9]\d\d|20\d\d)\],?"
                     r" (?:full text etext )?at sacred-texts\.com$")
"""The Internet Sacred Text Archive's line naming the book: "Fen Country Customs and Beliefs, by Josiah
Hartwell Crane, [1893], at sacred-texts.com" (in its description meta too)."""
_PAGE_ID = re.compile(r"^(?:page|pg|p)[-_]?([0-9]{1,5}|[ivxlcdm]{1,8})$", re.I)
_PAGE_TEXT_MAX_CHARS = 40
_PAGE_TEXT = re.compile(r"^[\[{(|]?\s*(?:pg\.?|page|p\.|s\.|\*{1,2}|#f\d{1,5}\s*:)?\s*([0-9]{1,5}|[ivxlcdm]{1,8})\s*[\]})|]?$", re.I)


@dataclass
class ContentPlan:
    main: Node | None
    removed: dict[int, str] = field(default_factory=dict)
    """Element index -> kind (model.REMOVED_KINDS), for elements kept out of the text."""
    pages: dict[int, str] = field(default_factory=dict)
    """Element index -> printed page label, for page-number elements."""
    datelines: set[int] = field(default_factory=set)
    """Removed elements that are a dateline ("Published March 14, 2025"): out of the text, and still
    where the page's date is read (html_meta)."""
    warnings: list[str] = field(default_factory=list)


class _Place(NamedTuple):
    """What an element's ancestors say about it, passed down the walk instead of asked of
    every element's ancestors again (300 of them under 100,000 nested tags)."""

    in_main: bool = False
    """Inside the article's element (find_main)."""
    in_heading: bool = False
    """Inside an <h1>-<h6>."""
    in_section: bool = False
    """Inside a sectioning element or role=main: a <header>/<footer> there is not the page's."""
    in_link: bool = False
    """Inside an <a>: its parts are the link, whatever their classes say."""
    in_note: bool = False
    """Inside a footnote: its words are the note's ("<time>2009</time>" in a reference is its year)."""

    def below(self, node: Node, main: Node | None, notes: set[int] = frozenset()) -> _Place:
        """The place of node's children."""
        return _Place(self.in_main or node is main, self.in_heading or node.tag in _HEADING_TAGS,
                      self.in_section or node.tag in _SECTIONING or node.get("role") == "main",
                      self.in_link or node.tag == "a", self.in_note or node.index in notes)


class _Titles:
    """The page's <h1>s, to ask whether one element holds them all."""

    def __init__(self, body: Node) -> None:
        h1s = [node for node in iter_elements(body) if node.tag == "h1"]
        self.first, self.last = (h1s[0], h1s[-1]) if h1s else (None, None)

    def all_inside(self, node: Node) -> bool:
        # Elements are numbered in document order and a subtree's numbers are contiguous,
        # so holding the first and the last <h1> is holding them all.
        return self.first is not None and self.first is not node and contains(node, self.first) and contains(node, self.last)


def plan_content(root: Node, protected: set[int], notes: set[int] = frozenset()) -> ContentPlan:
    """Which elements are furniture; `protected` are never removed, and inside the elements of
    `notes` (each one footnote) only what is hidden is: a note's words are the note's."""
    body = next((node for node in iter_elements(root) if node.tag == "body"), root)
    main = find_main(root)
    plan = ContentPlan(main)
    keep = set(protected)
    if main is not None:
        keep.add(main.index)
        keep.update(ancestor.index for ancestor in main.ancestors())
    total = max(body.text_length, 1)
    titles = _Titles(body)
    _mark_gutenberg_licence(body, plan, keep)
    mark_office_furniture(body, plan, keep)
    mark_confluence_furniture(body, plan, keep)
    pending: list[tuple[Node, _Place]] = [(body, _Place())]
    kept_with_warning = 0
    while pending:
        node, place = pending.pop()
        place = place._replace(in_main=place.in_main or node is main)
        if node.index in plan.removed:
            continue
        page = _page_label(node)
        if page:
            if _repeats_the_page_before(node, page, plan):
                plan.removed[node.index] = "page-number"  # Google Scholar's "448" link and its "*448" beside it
            else:
                plan.pages[node.index] = page
            continue
        kind = None if node is body else _kind_of(node, place, titles)
        if place.in_note and kind != "hidden":
            kind = None
        # A class word is a weaker sign than a tag or role: on an element that holds
        # much of the page ("category-social-policy" on the article) it is doubted.
        doubted = (kind is not None and node.text_length >= PROTECTED_SHARE * total
                   and kind == _kind_by_words(node, page_level=not place.in_section)
                   and kind != _kind_by_markup(node) and kind != _kind_by_structure(node, place, titles))
        if kind == "header" and titles.all_inside(node):
            kind = None  # the page's title sits in it: it is the article's header
        elif node.tag == "form" and kind == "other" and (titles.all_inside(node) or (node.text_length * 2 > total and _holds_prose(node))):
            kind = None  # ASP.NET Web Forms wrap the whole page in one <form>: its parts are judged one by one
        elif kind in ("navigation", "other", "sidebar") and titles.all_inside(node) \
                and kind == _kind_by_words(node, page_level=not place.in_section) and kind != _kind_by_markup(node):
            # a toolbar holding the page's title ("judgment-toolbar"), NRK's article header classed
            # "container-widget" like every box of its pages: its parts are judged one by one
            kind = None
        if kind == "other" and _is_text_behind_paywall(node):
            kind = None  # Treccani classes each paragraph of the entry "paywall": it is the entry
        if kind and (node.index in keep or doubted):
            if node.text_length:
                kept_with_warning += 1
                if kept_with_warning <= KEPT_WARNINGS_MAX:
                    plan.warnings.append(f"kept text that looks like {kind} because it holds the article or its notes: {text_of(node, limit=60)!r}")
            kind = None
        if kind == "cover" and any(removed == "cover" for removed in plan.removed.values()) and _is_timestamp_element(node):
            kind = "other"  # the page's stamp is its first; a later one is a reply's or a live post's (a forum topic)
        if kind:
            plan.removed[node.index] = kind
            if kind in ("other", "cover") and _is_dateline_element(node):
                plan.datelines.add(node.index)
            continue
        below = place.below(node, main, notes)
        pending.extend((child, below) for child in reversed(node.children) if isinstance(child, Node))
    if kept_with_warning > KEPT_WARNINGS_MAX:
        plan.warnings.append(f"kept text that looks like furniture in {kept_with_warning - KEPT_WARNINGS_MAX} more elements")
    mark_running_heads(body, plan.pages, plan.removed)
    if main is not None:
        _mark_furniture_after(main, plan, protected)
        _warn_about_text_outside(body, main, plan, protected)
    return plan


# What a blogging platform prints after a post: the author's box, the publication's, sign-up boxes.
_SITE_BOX_WORDS = re.compile(
    r"\b\d[\d.,]*\s?[KkMm]?\s+(?:followers|following|subscribers|abonnés|abonnements|seguidores|abonnenten|подписчик\w*)\b|"
    r"^\s*(?:written by|published in|more from|recommended from|sign up|subscribe|get the (?:app|newsletter)|"
    r"écrit par|publié dans|escrito por|publicado en|geschrieben von)\b|"
    r"\b(?:subscribe|sign up|newsletter|in your inbox|abonnez-vous|suscríbete|abonnieren)\b",
    re.I,
)
TRAILING_PROSE_MIN = 200
"""After the article a paragraph this long is doubted to be furniture: it is kept, with a warning."""


def _mark_furniture_after(main: Node, plan: ContentPlan, protected: set[int]) -> None:
    """What follows the article on the page, holds only short pieces and is mostly links or
    says what it is (an author box with "812 Followers", tags, "More from…", a sign-up box,
    the site's links) is the site's.

    Only when the article is a real element (<article>, <main>, role=main, an article-body
    class): then the page itself says where the article ends. Notes found after it are
    protected and stay; so does any subtree with a paragraph of prose in it."""
    path = [main, *main.ancestors()]
    on_path = {node.index for node in path}
    protected_in_order = sorted(protected)
    for child_on_path, ancestor in zip(path, path[1:]):
        siblings = [child for child in ancestor.children if isinstance(child, Node)]
        after = siblings[siblings.index(child_on_path) + 1:] if child_on_path in siblings else []
        prose = _holding_prose(after)
        pending = list(reversed(after))
        while pending:
            sibling = pending.pop()
            if sibling.index in on_path or sibling.index in plan.removed or sibling.tag in CODE_TAGS or not sibling.text_length:
                continue
            if _holds_any(sibling, protected_in_order):
                continue
            if sibling.index in prose:
                # Prose somewhere inside: its pieces are judged one by one.
                pending.extend(child for child in reversed(sibling.children) if isinstance(child, Node))
                continue
            if _link_density(sibling) >= LINK_DENSITY_RELATED or _SITE_BOX_WORDS.search(text_of(sibling)):
                plan.removed[sibling.index] = "furniture"
            # else: short, unlinked and unnamed -- kept, and _warn_about_text_outside says so


def _holds_any(node: Node, indices_in_order: list[int]) -> bool:
    """Whether node or an element inside it has one of these indices (sorted)."""
    at = bisect_left(indices_in_order, node.index)
    return at < len(indices_in_order) and indices_in_order[at] < node.index + node.size


def _holding_prose(roots: list[Node]) -> set[int]:
    """The elements of these subtrees that hold a paragraph of prose: an element without block
    children and with TRAILING_PROSE_MIN characters of text, or one holding such an element.
    In one pass, children before their parents: asked again of each element's subtree, the
    question was quadratic in the nesting depth."""
    holding: set[int] = set()
    for node in reversed([node for root in roots for node in iter_elements(root)]):
        if any(isinstance(child, Node) and child.index in holding for child in node.children) or (
                not _has_block_child(node) and _prose_length(node) >= TRAILING_PROSE_MIN):
            holding.add(node.index)
    return holding


def _prose_length(node: Node) -> int:
    """The length of an element's text; for a large one its measured length (the text less the
    spaces text_of puts between its pieces), which is all that can be had without reading
    the text of every element of a deep subtree again."""
    return len(text_of(node).strip()) if node.size <= SMALL_ELEMENTS else node.text_length


_BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "section", "article", "aside", "header", "footer", "h1", "h2", "h3", "h4",
               "h5", "h6", "blockquote", "table", "tr", "td", "th", "dl", "dd", "dt", "figure", "figcaption", "nav", "form"}


def _has_block_child(node: Node) -> bool:
    return any(isinstance(child, Node) and child.tag in _BLOCK_TAGS for child in node.children)


def find_main(root: Node) -> Node | None:
    """The element that holds the article: <main>, role=main, a CMS's article body, or the one <article>."""
    candidates = [node for node in iter_elements(root)
                  if node.tag == "main" or node.get("role") == "main" or node.get("itemprop") == "articleBody"
                  or _MAIN_CLASSES.search(node.get("class") + " " + node.get("id"))]
    articles = [node for node in iter_elements(root) if node.tag == "article"]
    if not candidates and articles:
        candidates = [max(articles, key=lambda node: node.text_length)]
    # The largest holds the rest: reading more of the page as the article is the safe mistake.
    return max(candidates, key=lambda node: node.text_length) if candidates else None


def _class_words(node: Node) -> str:
    classes = [word for word in node.get("class").split() if not _TAXONOMY_CLASS.match(word)]
    # CSS modules (Next.js, The Atlantic, Libération's Arc) name a component in camel case before
    # "_part__hash": "ArticleAudio_root__bZ2oW" reads "article-audio", "NewsletterSignup_title__L2nk6"
    # "newsletter-signup".
    classes += [CAMEL_HUMP.sub("-", module.group("component")).lower()
                for module in map(_CSS_MODULE_CLASS.match, classes) if module]
    # ...and older CMSs name classes in lower camel case: the GSB's "navSkip" and "sectionRelated"
    classes += [CAMEL_HUMP.sub("-", word).lower() for word in classes if _LOWER_CAMEL_CLASS.match(word)]
    # Sites with generated class names ("a b c", Medium) name their parts in data-testid:
    # "headerSignUpButton" reads "header-sign-up-button".
    test_id = CAMEL_HUMP.sub("-", node.get("data-testid")).lower() + " " + node.get("data-qa")  # the Post's "subscribe-promo"
    # The Economist's data-test-id names in words: "Newsletter Promo" reads "newsletter-promo"
    test_id += " " + "-".join(node.get("data-test-id").split()).lower()
    # Government CMSs name ids the same way: "navBreadcrumbs" (the Federal Government's GSB), "navServiceMeta".
    element_id = node.get("id")
    if CAMEL_HUMP.search(element_id):
        element_id += " " + CAMEL_HUMP.sub("-", element_id)
    # The Guardian's dotcom-rendering names its parts in data-component ("most-viewed",
    # "contributions-liveblog-epic") over generated classes ("dcr-1uo2s9k"); Der Spiegel its
    # blocks in data-area ("related_articles", "article-footer") over utility classes ("lg:w-8/12").
    # The Guardian also names the blocks it sets in the text ("model.dotcomrendering.pageElements.
    # NewsletterSignupBlockElement" reads "newsletter-signup-block-element"), and what it leaves off paper.
    block_type = CAMEL_HUMP.sub("-", node.get("data-spacefinder-type").rpartition(".")[2]).lower()
    print_layout = "print-hidden" if node.get("data-print-layout") == "hide" else ""
    return " ".join(classes + [element_id, test_id, node.get("data-component"), node.get("data-area"), block_type, print_layout])


CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")  # "zenoCOFooter": zeno, CO, Footer
_SKIP_CLASS = re.compile(r"(?<![a-z0-9])(?:nav-skip|skip-?nav|skip-?links?)(?![a-z0-9])", re.I)
# ...with an acronym among the humps: zeno.org's "zenoCOHeader", "zenoTRNavBottom"
_LOWER_CAMEL_CLASS = re.compile(r"^[a-z][a-z0-9]+(?:[A-Z]{1,3}[a-z0-9]+|[A-Z]{2,3}(?=[A-Z]))+$")
_CSS_MODULE_CLASS = re.compile(r"^(?P<component>[A-Z][A-Za-z0-9]+)_[A-Za-z][A-Za-z0-9]*__[A-Za-z0-9_-]{3,12}$")


def _kind_of(node: Node, place: _Place, titles: _Titles) -> str | None:
    if node.tag in CODE_TAGS:
        return None
    kind = _kind_by_markup(node)
    if place.in_heading:
        # Inside a heading only hiding and edit links ("[modifier | modifier le code]")
        # count: mdBook and Sphinx wrap every heading's text in <a class="header">,
        # which is the heading, not the site's header.
        if kind == "hidden":
            return kind
        if _is_permalink(node):
            return "navigation"
        return "edit-link" if _kind_by_words(node) == "edit-link" else None
    words = _kind_by_words(node, page_level=not place.in_section)
    if node.tag == "h1" and words in ("navigation", "other") and not kind:
        if words == "navigation" and _SKIP_CLASS.search(_class_words(node)):
            return words  # the skip links' own heading ("<h1 class="navSkip">Navigation und Service</h1>")
        return None  # the page's title, whatever block of the page its class names ("judgment-toolbar__title")
    if (kind, words) in (("other", "cookie"), ("navigation", "languages"), ("navigation", "contents")):
        return words  # the class says which kind of dialog or menu it is
    if words and not kind and _inside_a_sentence(node):
        words = None  # "See also <a id="see-toc">point 2</a> below.": a class word never cuts a sentence
    if words and not kind and place.in_link:
        words = None  # a link's parts are the link ("<a><div class="secondary-text">(Fenmoor) (LD)</div></a>")
    if words and words != "cookie" and place.in_main and _ADMONITION.search(_class_words(node)):
        words = None  # a note, tip or warning box of the article ("alert alert--secondary") is its text
    if not kind and node.tag in _HEADING_TAGS and (words == "sidebar" or (words in ("navigation", "other") and (place.in_main or place.in_section))):
        # A heading styled "font_secondary": a style's name, not a sidebar (a real side column's
        # headings go with the column that holds them).
        words = None
    if not kind and node.tag in _HEADING_TAGS and words == "contents":
        words = None  # <h2 id="epi-toc-2">: the target a table of contents links to, a heading of the text
    found = kind or words or _kind_by_structure(node, place, titles) or _site_prefixed_header(node, titles)
    if found in ("navigation", "other") and (_is_share_row(node) or _is_share_button(node)):
        return "share"  # a toolbar of share links ("Auf Facebook teilen", "Print Email Facebook X") is a share bar
    return found


# A site's own header named with the site's prefix, straight under <body>: the Hong Kong judiciary's
# <div id="lrs-header"> (Legal Reference System) with its logo, links and text-size buttons. Inside
# the page's parts "entry-header" or "article-header" is the article's own: only body's children count.
_PREFIXED_HEADER = re.compile(r"^[a-z]{2,6}[-_]header$", re.I)


def _site_prefixed_header(node: Node, titles: _Titles) -> str | None:
    if node.parent is None or node.parent.tag != "body" or titles.all_inside(node):
        return None
    names = [node.get("id"), *node.get("class").split()]
    if not any(_PREFIXED_HEADER.match(name) for name in names if name) or any(
            name.lower().startswith(("entry", "post", "article", "story", "page")) for name in names if name):
        return None
    return "header"


# Where a share link leads: the networks' share endpoints, and a mail to be written.
_SHARE_URL = re.compile(r"facebook\.com/sharer|twitter\.com/(?:intent|share)|x\.com/intent|linkedin\.com/(?:share|shareArticle)|"
                        r"reddit\.com/submit|whatsapp://send|api\.whatsapp\.com/send|wa\.me/\?|t\.me/share|bsky\.app/intent|"
                        r"pinterest\.com/pin/create|^mailto:\?", re.I)
_SHARE_LABEL = re.compile(r"^\W*(?:facebook|x|twitter|linkedin|bluesky|whatsapp|telegram|reddit|e-?mail|mail)\W*$", re.I)


def _is_share_row(node: Node) -> bool:
    """A row of links or buttons, most of which share the page."""
    controls = [element for element in iter_elements(node) if element.tag in ("a", "button")]
    if not controls or len(controls) > _SHARE_ROW_MAX_LINKS:
        return False
    sharing = [control for control in controls if _SHARE_URL.search(control.get("href"))
               or _SHARE_LABEL.match(text_of(control)) or _is_share_button(control)]
    return len(sharing) * 2 >= len(controls) and len(sharing) >= 2


_SHARE_ROW_MAX_LINKS = 12


def _is_share_button(node: Node) -> bool:
    """One button or link that shares the page ("<button data-share="facebook">Share on Facebook</button>")."""
    if node.tag not in ("a", "button"):
        return False
    text = " ".join(text_of(node).split())
    return "data-share" in node.attrs or (len(text) <= _TEXT_KIND_MAX_CHARS and _SHARE_TEXT.match(text) is not None)


# The boxes a docs or blog engine draws around a note, tip or warning of the text itself:
# Docusaurus's "theme-admonition alert alert--secondary", Sphinx's and MkDocs's "admonition",
# GitHub's "markdown-alert", Bootstrap's "alert", "callout" of Hugo and Notion exports.
# The box's own class leads with the word: "callout callout-note", not a newsletter's
# "newsletter-acquisition-callout".
_ADMONITION = re.compile(r"(?<![\w-])(?:admonition|theme-admonition|markdown-alert|alert|callout|callout-block)(?![a-z0-9])", re.I)

_INLINE_TAGS = {"a", "span", "em", "strong", "b", "i", "u", "small", "abbr", "cite", "code", "mark", "q", "time", "sub", "sup"}
_PROSE_TAGS = {"p", "li", "td", "dd", "blockquote"}


def _inside_a_sentence(node: Node) -> bool:
    """An inline element of a paragraph that has words of its own around it."""
    parent = node.parent
    return (node.tag in _INLINE_TAGS and parent is not None and parent.tag in _PROSE_TAGS
            and parent.text_length - node.text_length >= _SENTENCE_AROUND_CHARS)


_SENTENCE_AROUND_CHARS = 12


# A heading's own link to itself, as MkDocs, Sphinx, Docusaurus, Jekyll and GitHub draw it:
# a "¶", "#" or "§" that shows on hover. The heading's words are its text; the sign is not.
_PERMALINK_CLASS = re.compile(r"(?<![a-z0-9])(?:headerlink|header-link|heading-link|anchor-link|anchorlink|anchorjs-link|"
                              r"hash-link|permalink|heading-anchor|header-anchor|markdownit-anchor)(?![a-z0-9])", re.I)
_PERMALINK_TITLE = re.compile(r"^(?:permanent link|permalink|link to this (?:heading|section|headline)|direct link)", re.I)
_PERMALINK_SIGNS = {"", "¶", "#", "§", "🔗", "⚓", "⚓︎"}
_PERMALINK_MAX_CHARS = 2


def _is_permalink(node: Node) -> bool:
    if node.tag != "a" or not node.get("href").startswith("#"):
        return False
    marked = _PERMALINK_CLASS.search(node.get("class")) or _PERMALINK_TITLE.match(node.get("title")) \
        or _is_aria_hidden(node)
    return bool(marked) and _is_small(node, _PERMALINK_MAX_CHARS) and text_of(node).strip() in _PERMALINK_SIGNS


# A paywall's own box asks the reader to pay or log in; the text it hides is sentences of the article.
_PAYWALL_CLASS = re.compile(r"(?<![a-z])paywall(?![a-z-])", re.I)
_PAYWALL_ASK = re.compile(r"\b(?:subscri|abonn|abbona|suscr|login|log in|sign in|connect|accedi|registr|anmelden|abonnier)", re.I)
_PAYWALLED_TEXT_MIN_CHARS = 20
_SENTENCE_END = re.compile(r"\w[.!?…][\"”’»)]?(?:\s|$)")


def _is_text_behind_paywall(node: Node) -> bool:
    """A block classed "paywall" that is the article's prose, not the offer to unlock it."""
    if not _PAYWALL_CLASS.search(node.get("class")) or node.text_length < _PAYWALLED_TEXT_MIN_CHARS:
        return False
    text = text_of(node, limit=2000)
    return _SENTENCE_END.search(text) is not None and not _PAYWALL_ASK.search(text)


def _holds_prose(node: Node) -> bool:
    """A paragraph or a heading inside, or a run of text that is sentences (a Lotus Domino page sets a
    judgment's whole text in table cells, lines parted by <br>, no <p> at all): a form of labels and
    buttons holds none."""
    return any(element.tag in _PROSE_HOLDERS or any(isinstance(child, str) and _PROSE_RUN.search(child)
                                                      for child in element.children)
               for element in iter_elements(node))


_PROSE_HOLDERS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "article", "blockquote"})
# Sixty characters of words with a comma and a full stop among them: a sentence, never a label or a button.
_PROSE_RUN = re.compile(r"(?=[^<>]{60})[^.]*\w,\s[^.]*\w\.(?:\s|$)")


def kind_of_opening_tag(tag: str, opening: str) -> str | None:
    """What an element's own markup says it is, read from its opening tag alone ('<div class="newsletter-inline">':
    other), or None: for HTML boxes set into Markdown, which has no page around them to judge them by."""
    element = next((node for node in iter_elements(build_tree(f"{opening}</{tag}>")) if node.tag == tag.lower()), None)
    if element is None:
        return None
    return _kind_by_markup(element) or _kind_by_words(element, page_level=False)


def _kind_by_markup(node: Node) -> str | None:
    """What the tag, the ARIA role and the hiding attributes say."""
    tag = node.tag
    if NOINDEX_ATTRIBUTE in node.attrs and tag not in ("html", "body", "head"):
        return "navigation"  # begun inside the site's own noindex comments (html_tree)
    if _is_spoken_copy(node):
        return "hidden"
    if "hidden" in node.attrs or (_is_aria_hidden(node) and not _is_shown_copy(node)) \
            or _HIDDEN_STYLE.search(node.get("style")) \
            or _HIDDEN_CLASSES & set(node.get("class").lower().split()) or _is_screen_reader_label(node):
        return "hidden"
    if tag in ("nav", "menu"):
        return "navigation"
    if tag == "form":
        return "navigation" if node.get("role") == "search" or "search" in _class_words(node).lower() else "other"
    if tag in _CONTROLS or tag in _EMBEDDED or tag == "dialog":
        return "other"
    if node.get("aria-label").strip().lower() in _ADVERTISEMENT_LABELS:
        return "advertisement"  # <aside aria-label="advertisement">: what the page tells screen readers it is
    role = node.get("role").lower()
    if role == "tablist" and any(element.get("role").lower() == "tabpanel" for element in iter_elements(node)):
        return None  # an accordion: its tabs are its panels' headings, its panels text ("Quellen und Literatur")
    return _ROLE_KINDS.get(role)


_ADVERTISEMENT_LABELS = {"advertisement", "advertising", "advert", "ad", "sponsored", "anzeige", "werbung", "publicité",
                         "publicidad", "pubblicità", "реклама"}


# Text drawn for screen readers only, a label the page says before a caption or a credit:
# BBC's <span class="ssrcss-…-VisuallyHidden">Image caption, </span>. Only a label of a few
# words ending in a comma or a colon goes; other screen-reader text may be the only copy of words.
_SCREEN_READER_CLASS = re.compile(r"(?<![a-z0-9])(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|screen-reader-only|"
                                  r"screenreader-only|element-invisible|a11y-hidden|hidden-visually|u-visually-hidden)(?![a-z0-9])", re.I)
_SCREEN_READER_LABEL = re.compile(r"^\s*[^\W\d_]+(?: [^\W\d_]+){0,2}\s*[,:]\s*$")
_SCREEN_READER_LABEL_TAGS = {"span", "div", "strong", "b", "em", "small"}
_SCREEN_READER_LABEL_MAX_CHARS = 40


def _is_screen_reader_label(node: Node) -> bool:
    return (node.tag in _SCREEN_READER_LABEL_TAGS and bool(_SCREEN_READER_CLASS.search(node.get("class")))
            and _is_small(node, _SCREEN_READER_LABEL_MAX_CHARS) and bool(_SCREEN_READER_LABEL.match(text_of(node))))


# A text given twice, once to the eye and once to the ear: RIS prints "§ 11 Abs 1 HeizKG" in an
# aria-hidden span and reads "Paragraph 11, Absatz eins, HeizKG" from the sr-only span beside it;
# "$5" beside "five dollars". The printed copy is the source's text; the spoken one goes as hidden.
def _is_shown_copy(node: Node) -> bool:
    return any(_is_screen_reader_text(other) for other in _neighbours(node))


def _is_spoken_copy(node: Node) -> bool:
    return _is_screen_reader_text(node) and any(_is_aria_hidden(other) and "hidden" not in other.attrs
                                                for other in _neighbours(node))


def _is_screen_reader_text(node: Node) -> bool:
    return bool(_SCREEN_READER_CLASS.search(node.get("class"))) and not _is_aria_hidden(node)


def _is_aria_hidden(node: Node) -> bool:
    """aria-hidden="true": kept from the ear, whatever the eye sees."""
    return node.get("aria-hidden").lower() == "true"


def _neighbours(node: Node) -> list[Node]:
    """The elements right before and right after this one among its parent's children, white space skipped."""
    if node.parent is None:
        return []
    siblings = node.parent.children
    position = next((i for i, child in enumerate(siblings) if child is node), None)
    if position is None:
        return []
    found: list[Node] = []
    for step in (-1, 1):
        i = position + step
        while 0 <= i < len(siblings) and isinstance(siblings[i], str) and not siblings[i].strip():
            i += step
        if 0 <= i < len(siblings) and not isinstance(siblings[i], str):
            found.append(siblings[i])
    return found


_EDITION_MATTER = re.compile(r"(?<![\w-])(?:z3998:)?(?:colophon|copyright-page|imprint)(?![\w-])", re.I)


def is_edition_matter(node: Node) -> bool:
    """An ebook's own back or front matter (its colophon, copyright page, imprint), as EPUB names it."""
    return node.tag in ("section", "div", "aside") and _EDITION_MATTER.search(node.get("epub:type")) is not None


def _kind_by_structure(node: Node, place: _Place, titles: _Titles) -> str | None:
    """What the element's place and its links say, where tags, roles and classes are silent."""
    tag = node.tag
    # An ebook's own back and front matter, as EPUB's structural semantics name it (Standard
    # Ebooks' "z3998:colophon", "z3998:copyright-page", "imprint"): the edition's, not the work's.
    if is_edition_matter(node):
        return "licence"
    # HTML's rule: a header or footer belongs to the page unless inside a sectioning element.
    if tag in ("header", "footer") and not place.in_section:
        if tag == "header" and titles.all_inside(node):
            return None  # a page whose title sits in the site header: the header is the article's
        return tag
    if tag == "header" and place.in_section and _is_beside_the_article(node) and not titles.all_inside(node):
        # "<section><header>site name, breadcrumbs</header><article>…": the page's header, though a
        # theme wraps the whole page in a section (peps.python.org)
        return "header"
    if _is_contents_list(node):
        return "contents"
    if _is_promotion_box(node):
        return "advertisement"
    if _is_appeal_box(node):
        return "other"
    if _is_document_fields(node):
        return "header"
    if tag == "footer" and not any(element.tag == "h1" for element in iter_elements(node)) and any(_is_copyright_line(element) for element in iter_elements(node)):
        # A footer with the site's copyright is the site's, though a theme wraps the page in a
        # <section> (Read the Docs' "wy-nav-content-wrap": "© Copyright 2018–2024 … Built with Sphinx").
        return "footer"
    if _is_about_the_authors(node):
        return "other"  # the authors' biographies, how to cite the page
    if _is_read_also(node):
        return "related"
    if tag == "aside" and not _NOTE_ROLES.search(" ".join((node.get("class"), node.get("role"), node.get("epub:type")))):
        if not place.in_main or _link_density(node) >= LINK_DENSITY_RELATED:
            return "sidebar"
        if _is_teaser(node):
            return "related"
        return None
    if _is_copyright_line(node):
        return "footer"
    by_line = _kind_by_line(node)
    if by_line:
        return by_line
    if _is_author_page_link(node):
        return "navigation"
    if _is_file_download(node):
        return "other"
    if _is_rights_statement(node):
        return "licence"
    by_text = _kind_by_text(node)
    if by_text:
        return by_text
    if node.tag in _TEXT_KIND_TAGS and _is_small(node, _EDITION_LINE_MAX_CHARS) and re.match(SACRED_TEXTS_LINE, " ".join(text_of(node).split())):
        return "cover"  # the Internet Sacred Text Archive's line over each page, read for the writer and year (html_meta)
    if _is_language_list(node):
        return "languages"
    if _is_tool_row(node):
        return "other"
    if _is_related_block(node):
        return "related"
    if not place.in_main and _is_link_list(node):
        return "navigation"
    return None


# A row of the page's own tools, links only and a print or download among them: "Download als PDF |
# Pressemitteilung Nr. 108/2023 | Drucken" (the German federal sites' GSB), "Print | Email | PDF".
_TOOL_LINK = re.compile(r"^\W*(?:print(?: this)?(?: page| article| judgment| judgement| decision| document| report| story)?|drucken|imprimer|imprimir|stampa|afdrukken|"
                        r"(?:download|herunterladen|télécharger|descargar|scarica|pobierz|stáhnout|downloaden|скачать)(?: (?:als|as|en|le|el|in))?(?: (?:the |le |el )?pdf)?|"
                        r"pdf(?: (?:herunterladen|download|télécharger|descargar))?|"
                        r"download(?: der| the)? (?:audio|video)(?:datei|file)?|(?:audio|video) herunterladen|"
                        # a court's link to the judgment as filed ("Original Word Document (142 KB)", "RTF version")
                        r"(?:original )?(?:word|rtf|pdf|docx?) (?:document|version|file)(?:\s*\(\s*[\d.,]+\s*[kKmM][bB]\s*\))?)\W*$", re.I)
_TOOL_ROW_SEPARATORS = re.compile(r"^[\s|·•/–—-]*$")
_TOOL_ROW_MAX_CHARS = 200


_DOWNLOADED_FILE = re.compile(r"\.(?:pdf|docx?|epub|rtf|odt|mobi)(?:[?#]|$)", re.I)


def _is_file_download(node: Node) -> bool:
    """A lone link to the page as a file, saying so: OSW's "Pobierz PDF", "Download PDF"."""
    return node.tag == "a" and bool(_DOWNLOADED_FILE.search(node.get("href"))) and _is_small(node, _TOOL_ROW_MAX_CHARS) \
        and bool(_TOOL_LINK.match(" ".join(text_of(node).split())))


def _is_tool_row(node: Node) -> bool:
    if node.tag not in ("p", "div", "ul", "span", "li") or node.link_count < 2 or not _is_small(node, _TOOL_ROW_MAX_CHARS):
        return False
    if node.tag == "ul" and _is_tool_list(node):
        return True
    links = [element for element in iter_elements(node) if element.tag == "a"]
    loose = [child for child in node.children if isinstance(child, str)]
    loose_length = sum(len(" ".join(text.split())) for text in loose)  # measured as html_tree measures
    return (node.text_length == node.link_length + loose_length and bool(_TOOL_ROW_SEPARATORS.match("".join(loose)))
            and all(link.parent is node for link in links)
            and any(_TOOL_LINK.match(text_of(link)) for link in links))


# ...or a list of them, a link an item, with the file's size beside a download
# ("Original Word Document (142 KB) | Print judgment | Back to search results").
_FILE_SIZE = re.compile(r"^[\s|·•/–—-]*(?:\(\s*[\d.,]+\s*[kKmMgG]?[bB]\s*\))?[\s|·•/–—-]*$")


def _is_tool_list(node: Node) -> bool:
    items = [child for child in node.children if isinstance(child, Node)]
    if any(item.tag != "li" or item.link_count != 1 for item in items):
        return False
    links = [next(element for element in iter_elements(item) if element.tag == "a") for item in items]
    loose = [item.text_length - link.text_length for item, link in zip(items, links)]
    return (all(_FILE_SIZE.match(text_of(item).replace(text_of(link), "", 1)) for item, link in zip(items, links))
            and sum(loose) <= _TOOL_ROW_MAX_CHARS and any(_TOOL_LINK.match(text_of(link)) for link in links))


# A share button's words: "Share on X", "Partager sur Facebook", "Auf Facebook teilen", "Copy link".
_SHARE_TEXT = re.compile(r"^\W*(?:share(?: (?:on|via|this(?: article| page| post)?))?|compartir(?: en)?|partager(?: sur)?|"
                         r"(?:auf \w+ )?teilen|condividi(?: su)?|compartilhar(?: (?:no|na))?|tweet(?: this)?|pin it|"
                         r"(?:send|share) by e-?mail|enviar por (?:correo|e-?mail)|envoyer par e-?mail|per e-?mail (?:senden|teilen)|"
                         # the button that copies the page's address to be pasted elsewhere
                         r"copy (?:the )?link|copy url|link kopieren|copier le lien|copiar (?:el )?enlace)"
                         r"(?:\s+[\w.]+){0,2}\W*$", re.I)


# Controls a site adds to every page, told by what they say when the markup is
# silent: a share button, a skip link, an advertisement label, a feedback prompt,
# an edit link. In the languages of our users; a short element saying only that.
_TEXT_KINDS = [
    ("share", _SHARE_TEXT),
    ("navigation", re.compile(r"^\W*(?:skip to (?:the )?(?:main )?(?:content|navigation|site index|search|footer|menu)|skip to \"[^\"]{1,30}\"|saltar al contenido(?: principal)?|ir al contenido(?: principal)?|"
                              r"aller au contenu(?: principal)?|zum (?:haupt)?inhalt(?: springen)?|direkt zum (?:haupt)?inhalt|vai al contenuto(?: principale)?|"
                              r"ir para o conteúdo(?: principal)?|перейти к (?:основному )?содержанию|naar de (?:hoofd)?inhoud|"
                              r"acceder directamente al contenido(?: principal)?|"
                              r"(?:back|return) to (?:the )?(?:[\w-]+ ){0,2}(?:search results|results|list|overview|index)|retour aux résultats|(?:zurück )?zu(?:r| den) (?:trefferliste|suchergebnissen|übersicht)|"
                              r"back to (?:the )?top(?: of (?:the )?(?:page|document))?|top of page|retour en haut(?: de (?:la )?page)?|haut de (?:la )?page|nach oben|"
                              # the link home under the story ("zur Startseite")
                              r"(?:zurück )?zur startseite|(?:back to|return to) (?:the )?home ?page|retour à l['’]accueil|"
                              r"volver a la portada|torna alla home(?: ?page)?)\W*$", re.I)),
    # a chapter's link to the next, as the Internet Sacred Text Archive ends each ("Next: Chapter VIII. The Fen Ague")
    ("navigation", re.compile(r"^\W*(?:next|previous|prev)\s*:\s*(?:chapter|part|section|book|appendix)\b[^!?]{0,120}$", re.I)),
    # a figure's link to its data as a table, for screen readers (the Federal Reserve's "Accessible version")
    ("navigation", re.compile(r"^\W*(?:accessible version|text version)(?: of (?:the )?(?:figure|chart|table)(?: \w{1,4})?)?\W*$", re.I)),
    # a report read chapter by chapter on the web: "Next chapter: Policy recommendations →", "Previous section: …"
    ("navigation", re.compile(r"^\W*(?:next|previous|prev) (?:chapter|section|page|part)\s*:\s*[^.!?]{1,100}?\s*(?:→|›|»|>>?)?\s*$", re.I)),
    # a book's or a series' links to the pages before and after, arrows and all ("<< zurück", "weiter >>",
    # "« Précédent", "Next ›"): the arrows tell them from the word in a sentence
    ("navigation", re.compile(r"^\s*(?:(?:<<?|«|‹|←)\s*(?:zurück|vorige[rs]?|vorherige[rs]?|previous|prev|back|précédent|précédente|anterior|"
                              r"indietro|precedente|назад)(?:\s+(?:kapitel|seite|chapter|page|chapitre|capítulo))?"
                              r"|(?:weiter|nächste[rs]?|next|suivant|suivante|siguiente|avanti|successivo|seguinte|далее|вперёд)"
                              r"(?:\s+(?:kapitel|seite|chapter|page|chapitre|capítulo))?\s*(?:>>?|»|›|→))\s*$", re.I)),
    ("edit-link", re.compile(r"^\W*(?:edit (?:this page|on github|on gitlab)|edit this page on \w+|suggest an edit|"
                             r"improve this page|view (?:page )?source)\W*$", re.I)),
    # an advertising slot's label and the link past it (The New York Times' "SKIP ADVERTISEMENT")
    ("advertisement", re.compile(r"^\W*(?:(?:skip |continue reading (?:the )?(?:main )?story (?:after )?)?advertisement|advertising|sponsor(?:ed)? message|"
                                 r"publicidad|publicité|anzeige|werbung|pubblicità|publicidade|реклама)\W*$", re.I)),
    # the broadcast a radio newsroom's item went out in ("Diese Nachricht wurde am 22.01.2026 im Programm
    # Deutschlandfunk gesendet."), and the note on a machine-read audio version of the story
    ("other", re.compile(r"^\W*(?:diese[rs]? (?:nachricht|beitrag|sendung|meldung|interview) wurde am [\d.]{6,10}\s+(?:im programm|in der sendung|auf)\s+"
                         r"[^.]{1,60}\s+gesendet\.?|the audio version of this (?:article|story) is generated by [^.]{1,60}\.(?:\s*[^.]{1,120}\.){0,2})\s*$", re.I)),
    # a story's link to its read-aloud version ("Écouter cet article", "Artikel anhören")
    ("other", re.compile(r"^\W*(?:listen to (?:this|the) (?:article|story)|écouter (?:cet |l')article|(?:artikel|beitrag) (?:anhören|vorlesen(?: lassen)?)|"
                         r"escuchar (?:este |el )?artículo|ascolta (?:l'|questo )articolo|прослушать (?:статью|материал))"
                         r"(?:\s*\(?\d{1,2}(?::\d\d)? ?(?:min\.?|minutes?|minuten)\)?)?\W*$", re.I)),
    ("other", re.compile(r"^\W*(?:hide caption|"
                         r"was this (?:page|article) helpful\??(?:\s*(?:yes|no))*|"
                         r"¿(?:te ha resultado útil|le ha sido útil)[^?]*\?|cette page vous a-t-elle été utile\s*\??|"
                         r"cet article vous a(?:-t-il)? été utile\s*\??|"
                         r"war diese seite hilfreich\??)\W*$", re.I)),
    # a paywall's label over the article ("Article réservé aux abonnés")
    ("other", re.compile(r"^\W*(?:article réservé (?:aux|à nos) abonnés|réservé aux abonnés|subscribers? only|for subscribers|"
                         r"nur für abonnenten|exklusiv für abonnenten|solo para suscriptores|exclusivo para suscriptores)\W*$", re.I)),
    # a news page's source line naming its wire agencies ("Quelle: HANSEBLATT ONLINE, dpa, ama")
    ("other", re.compile(r"^\W*(?:quelle|source|fuente|fonte|bron)\s*:\s*(?:[^,]{1,40},\s*)*[\w .&-]{0,40}\b(?:and|und|et|y|e) "
                         r"(?:news |wire )?(?:agencies|(?:nachrichten)?agenturen|agences(?: de presse)?|agencias|agenzie)\W*$", re.I)),
    ("other", re.compile(r"^\W*(?:quelle|source|fuente|fonte|bron)\s*:\s*(?:[^,]{1,40},\s*)*(?:dpa|afp|reuters|ap|epd|kna|ansa|efe|apa|sda|dts|belga|anp)"
                         r"(?:,\s*[^,]{1,20})*\W*$", re.I)),
    # a wire photo's licensing link, and the screen-reader hint some sites put in a span after a link
    ("other", re.compile(r"^\W*(?:(?:purchase|buy|request) (?:licensing|reprint) rights|reprints? (?:&|and) permissions|"
                         r"\(?opens? (?:in )?(?:a )?new (?:tab|window)\)?)\W*$", re.I)),
    # a news site's disclaimer under its links to other sites
    ("other", re.compile(r"^\W*(?:the )?[\w .&-]{2,40} (?:is|are) not responsible for the content of (?:external|other|third[- ]party) "
                         r"(?:internet )?(?:sites|websites|web sites)\W*$", re.I)),
    # a shop's disclosure under a review or an essay ("When you buy a book using a link on this page, we receive a commission.")
    ("other", re.compile(r"^\W*(?:when you buy (?:a book|something|a product)|if you buy something) (?:using|through|from) "
                         r"(?:a |the )?links? on (?:this page|our site).{0,120}$", re.I)),
    # a photograph's credit as the whole caption ("Photo: Lukas Brenner/Reuters", "Foto: dpa"), or as
    # its own part of one (The New York Times' "Credit...Bridget Oyelaran for The New York Times")
    ("other", re.compile(r"^\W*(?:photo|photograph|foto|image|illustration|crédit photo|crédits? photo|bild|fotografía|"
                         # a report's cover picture, credited under it ("Couverture : © Fondapol / Adobe Stock")
                         r"couverture|cover(?: image| photo)?|portada|titelbild|"
                         r"credit|photo credit|image credit|crédit|crédito|bildnachweis|"
                         r"фото|фотография|источник изображения|источник фото|иллюстрация)s?\s*(?::|\.{2,3}|…)\s*"
                         r"[^.:;]{1,80}$", re.I)),
    # how long the page takes to read ("Temps de lecture : 14 minutes", "5 min read", "Lesezeit: 4 Min.")
    ("other", re.compile(r"^\W*(?:(?:estimated )?(?:temps de lecture|reading time|read time|lesezeit|lesedauer|tiempo de lectura|tempo di lettura|leestijd)"
                         r"\s*:?\s*(?:environ |ca\. |approx\. |about )?\d{1,3}\s*(?:min\w*\.?|minutes?|minuten)"
                         r"|\d{1,3}[\s-]*(?:min(?:ute)?s?\.?)\s*(?:read|de lecture|lesezeit|lesedauer|de lectura|di lettura|leestijd))\W*$", re.I)),
    # a comment counter and the prompts and controls of the readers' comments ("212 Comments", "See More",
    # "Qu'en pensez-vous ? Participez au dialogue", "Diskutieren Sie mit! Bitte beachten Sie unsere Community-Richtlinien.")
    ("comments", re.compile(r"^\W*(?:\d[\d\s.,]*\s*(?:comments?|commentaires?|kommentare?|comentarios?|commenti|postings?|réactions?)"
                            r"|(?:see|show|load|view) (?:more|all)(?: comments)?|voir plus de commentaires|mehr kommentare(?: anzeigen)?|"
                            r"qu['’]en pensez-vous\s*\?|participez au (?:dialogue|débat)|exprimez votre opinion|réagissez(?: à cet article)?|"
                            r"diskutieren sie mit!?(?:\s*bitte beachten sie unsere [\w-]*richtlinien\.?)?|"
                            r"join the (?:conversation|discussion)|leave a (?:comment|reply)|¿qué opinas\?|deja (?:un|tu) comentario|"
                            r"(?:show|view|open|read) (?:the )?comments|afficher les commentaires|voir les commentaires|"
                            r"kommentare (?:anzeigen|öffnen|lesen)|mostrar (?:los )?comentarios|ver (?:los )?comentarios|"
                            r"mostra (?:i )?commenti|показать комментарии)\W*$", re.I)),
    # an infinite scroll's "loading" line under the story ("Cargando siguiente contenido...", "Loading next article…")
    ("other", re.compile(r"^\W*(?:loading|cargando|chargement|wird geladen|lade|caricamento|загрузка)(?: (?:the )?(?:next|siguiente|suivant|nächste[rn]?|"
                         r"prossimo|следующ\w*))? ?(?:article|story|content|contenido|artículo|noticia|contenu|artikel|inhalt|articolo|материал\w*)?\W*$", re.I)),
    # the reader's way to report a mistake ("Signaler une erreur", "Нашли опечатку? Выделите текст и нажмите Ctrl+Enter")
    ("other", re.compile(r"^\W*(?:report (?:an? )?(?:error|mistake|typo|correction)|signaler une (?:erreur|faute)|fehler melden|"
                         r"informar de un error|segnala(?:re)? un errore|сообщить об ошибке|"
                         r"fehler gefunden\??(?:\s*melden sie (?:ihn|sie|es)\b[^.]{0,80}\.?)?|"
                         r"(?:нашли|заметили) (?:опечатку|ошибку)\??(?:\s*выделите (?:её|ее|текст|фрагмент)[^.]{0,40}ctrl\s*\+\s*enter\.?)?)\W*$", re.I)),
    # a writer's link to the rest of their pieces ("More blogs by Amina", "Ver más artículos", "Plus d'articles de …")
    ("navigation", re.compile(r"^\W*(?:more (?:blogs|articles|posts|stories|pieces|columns) (?:by|from) [\w .'’-]{1,40}|"
                              r"(?:see|view) all (?:articles|posts|stories) by [\w .'’-]{1,40}|ver más (?:artículos|noticias)(?: de [\w .'’-]{1,40})?|"
                              r"plus d['’]articles(?: de [\w .'’-]{1,40})?|tous (?:ses|les) articles(?: de [\w .'’-]{1,40})?|"
                              r"(?:weitere|alle) (?:artikel|beiträge) (?:von|des autors|der autorin) ?[\w .'’-]{0,40}|"
                              r"altri articoli(?: di [\w .'’-]{1,40})?|все (?:материалы|статьи) автора)\W*$", re.I)),
    # a document page's link to its own PDF ("PDF version [1.4MB]", "Download (PDF, 942 KB)")
    ("other", re.compile(r"^\W*(?:pdf|download|full text|version pdf|texte intégral)(?: version| \(?pdf)?\s*[\[(,]?\s*[\d.,]+\s*[kKmM][bBoO]\s*[\])]?\W*$", re.I)),
    # a page's view counter ("Переглядів: 312", Joomla's "Zobrazení: 387", "Views: 1,204", "1 204 vues")
    ("other", re.compile(r"^\W*(?:(?:views|page views|hits|zobrazení|zobrazeno|переглядів|перегляди|просмотров|просмотры|"
                         r"aufrufe|vues|visite|visualizzazioni|wyświetleń|wyświetlenia|visitas|lecturas|weergaven|bekeken)\s*:?\s*\d[\d\s.,]*"
                         r"|\d[\d\s.,]*\s*(?:views|aufrufe|vues|visite|visualizzazioni|visitas|просмотров|переглядів|weergaven))\W*$", re.I)),
    # a follow-us heading over the network icons ("Follow Al Jazeera English:", "Folgen Sie uns:") and an
    # author's handle ("@annabeispiel auf X")
    ("share", re.compile(r"^\W*(?:follow (?:us|[\w .&-]{1,40}):|folgen sie (?:uns|[\w .&-]{1,40}):|suivez(?:-nous| [\w .&-]{1,40}) ?:|"
                         r"síguenos(?: en)?:?|seguici(?: su)?:?|follow us(?: on)?)\s*$", re.I)),
    ("share", re.compile(r"^\s*@\w{2,30}(?:\s+(?:auf|on|sur|en|su)\s+(?:x|twitter|instagram|threads|bluesky|mastodon|tiktok))?\s*$", re.I)),
    # a media file's download link alone ("Download der Audiodatei", "Download audio")
    ("other", re.compile(r"^\W*(?:download(?: der| the| this)? (?:audio|video|mp3)(?:datei|file|clip)?|(?:audio|video)(?:datei)? herunterladen|"
                         r"télécharger (?:l['’])?(?:audio|la vidéo|le fichier audio))\W*$", re.I)),
    # a newsroom's badge of the Trust Project's standards
    ("other", re.compile(r"^\W*(?:se adhiere a los criterios de|conforme a los criterios de|adheres to the (?:standards|criteria) of|"
                         r"respecte les critères du|folgt den (?:standards|kriterien) des?)\s+the trust project"
                         r"(?:\W+(?:saber más|más información|learn more|en savoir plus|mehr erfahren))?\W*$", re.I)),
    # a Russian site's line asking to report typos ("Нашли ошибку? Выделите ее и нажмите Ctrl+Enter")
    ("other", re.compile(r"^\W*(?:нашли ошибку\?|found a (?:typo|mistake|error)\?).{0,60}\bctrl\s*\+\s*enter\W*$", re.I)),
    # a database's place of the document among the search results ("Resultado 3 de 47", "Result 3 of 47")
    ("navigation", re.compile(r"^\W*(?:resultado|result|document|documento|treffer|dokument|résultat)\s+\d{1,6}\s+(?:de|of|von|sur|di)\s+\d{1,7}\W*$", re.I)),
    # a page's print and plain-text versions ("Версия для печати", "Printer-friendly version", "Druckversion")
    ("other", re.compile(r"^\W*(?:printer[- ]friendly(?: version| page)?|print(?:able)? version|druckversion|druckansicht|"
                         r"version imprimable|versión (?:para )?imprimir|versione stampabile|версия для печати|"
                         r"текстовая версия|распечатать|text(?:-only)? version)\W*$", re.I)),
    # a photograph's link to its gallery, with the count ("Фотографии (6)", "Photos (12)", "Bildergalerie (8)")
    ("other", re.compile(r"^\W*(?:фотографии|фото|фотогалерея|photos?|gallery|photo gallery|fotos?|bilder|bildergalerie|"
                         r"galerie(?: photos?)?|galería|fotogalleria)\s*\(\d{1,3}\)\W*$", re.I)),
    # a page's controls over collapsible parts (EUR-Lex's "Expand all  Collapse all")
    ("other", re.compile(r"^\W*(?:(?:expand|collapse|open|close|show|hide) all|alle (?:aufklappen|zuklappen|öffnen|schließen)|"
                         r"tout (?:déplier|replier|ouvrir|fermer))(?:\W+(?:(?:expand|collapse|open|close|show|hide) all|"
                         r"alle (?:aufklappen|zuklappen|öffnen|schließen)|tout (?:déplier|replier|ouvrir|fermer)))*\W*$", re.I)),
    # the dateline's second line ("Last modified on Tue 14 May 2024 09.12 BST"); the date it gives is read (html_meta)
    ("other", re.compile(r"^\W*(?:last (?:modified|updated) on|zuletzt aktualisiert am|modifié le|mis à jour le)\s+\S.{0,40}$", re.I)),
    # a digital library's link from the OCR text to the scanned pages (Gallica's "Consulter le document en mode image")
    ("navigation", re.compile(r"^\W*(?:consulter|voir|afficher) (?:le document |ce document |la page |cette page )?en mode image\W*$", re.I)),
]
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_TEXT_KIND_TAGS = {"a", "button", "p", "div", "span", "li", "dd", "small", "label", "figcaption", "time", "details",
                   "h2", "h3", "h4", "h5", "h6"}
_TEXT_KIND_MAX_CHARS = 80


# A warning to readers of old browsers, a few sentences long ("Wichtiger Hinweis: Diese Website wird in älteren
# Versionen von Netscape ohne graphische Elemente dargestellt…", "Your browser is out of date…").
_BROWSER_WARNING = re.compile(
    r"^\W*(?:(?:wichtiger |important )?(?:hinweis|notice|note|avis|aviso)\W*)?[^.]{0,80}\b(?:netscape|internet explorer)\b"
    r"|^\W*(?:your browser is (?:out of date|outdated|not supported)|ihr browser ist veraltet|"
    r"votre navigateur (?:est obsolète|n'est plus supporté)|su navegador (?:está desactualizado|no es compatible))", re.I)
_BROWSER_WARNING_MAX_CHARS = 600


def _kind_by_text(node: Node) -> str | None:
    if node.tag in _TEXT_KIND_TAGS and node.text_length and _is_small(node, _BROWSER_WARNING_MAX_CHARS) \
            and _BROWSER_WARNING.match(" ".join(text_of(node).split())):
        return "other"
    if node.tag not in _TEXT_KIND_TAGS or not node.text_length or not _is_small(node, _TEXT_KIND_MAX_CHARS):
        return None
    text = " ".join(text_of(node).split())
    kind = next((kind for kind, pattern in _TEXT_KINDS if pattern.match(text)), None)
    if kind is None and _is_dateline_element(node):
        # a bare timestamp is the page's stamp, read as its date: cover, as a byline's dateline is
        return "cover" if _is_timestamp_element(node) and not _is_dateline(text) else "other"
    if kind is None and _STANDARD_NUMBER.match(text) and _stands_alone(node):
        return "other"
    return kind


# A dateline of its own, the date being read (html_meta): "Published Online June 11, 2019", "Last Edited
# February 27, 2023", "Updated March 15, 2025, 9:41 a.m. ET", "Publié le 14/03/2024", "Veröffentlicht am
# 3. Mai 2024". The label and then a date and nothing else: "Updated 2019 figures follow." is a sentence.
_DATELINE_LABEL = re.compile(r"^\W*(?:(?:first |originally )?published(?: online| on)?|posted(?: on)?|updated(?: on)?|stand|"
                             r"last (?:edited|updated|modified|reviewed|revised|update)(?: on)?|dernière mise à jour(?: le)?|"
                             r"letzte änderung(?: am)?|última actualización|ultimo aggiornamento(?: il)?|"
                             r"publié(?:e)?(?: le)?|mis à jour(?: le)?|modifié(?: le)?|"
                             r"veröffentlicht(?: am)?|aktualisiert(?: am)?|zuletzt (?:aktualisiert|geändert)(?: am)?|"
                             r"publicado(?: el)?|actualizado(?: el| al)?|pubblicato(?: il)?|aggiornato(?: il| al)?|"
                             r"(?:date of )?publication(?: date)?|date published|date de publication|fecha de publicación|"
                             r"veröffentlichungsdatum|дата публикации|опубликовано|обновлено|дата обновления)\s*:?\s+", re.I)


def _is_dateline_element(node: Node) -> bool:
    """An element that is a dateline: what _kind_by_text removes and the plan keeps for html_meta to read."""
    return _is_small(node, _TEXT_KIND_MAX_CHARS) and (_is_dateline(" ".join(text_of(node).split())) or _is_time_dateline(node)
                                                     or _is_timestamp_element(node))


# A timestamp alone in an element: a date with its time of day and nothing else ("Thu 14 Mar 2024 15.30 GMT",
# "14.03.2024, 17.02 Uhr", "14 марта 2024 года, 15:30"). The time of day tells the page's stamp from a date
# a text lists; inside a sentence or a table cell a date is the text's.
_TIMESTAMP_MAX_CHARS = 60


def _is_timestamp_element(node: Node) -> bool:
    if node.tag not in ("span", "div", "p", "time", "small", "summary", "details") or not _is_small(node, 2 * _TIMESTAMP_MAX_CHARS) \
            or (node.tag != "details" and _has_block_child(node)):
        return False
    if node.parent is not None and node.parent.tag in ("td", "th", "dd", "li"):
        return False
    if node.tag == "details" and not any(isinstance(child, str) and child.strip() for child in node.children):
        return False  # its parts are elements of their own, each read as what it is
    if node.tag != "details" and any(element.tag == "details" for element in iter_elements(node)):
        return False  # the <details> within is judged on its own (above)
    text = " ".join(text_of(node).split())
    # The Guardian's <details>: "Thu 14 Mar 2024 15.30 GMT" over "Last modified on Thu 14 Mar 2024 17.02 GMT"
    first, later = (_LATER_STAMP.split(text, maxsplit=1) + [""])[:2]
    return len(first) <= _TIMESTAMP_MAX_CHARS and _is_timestamp(first) and (not later or _is_timestamp(later))


_LATER_STAMP = re.compile(r"\s+(?:last modified on|last updated(?: on)?|updated(?: on)?|zuletzt aktualisiert am|modifié le|mis à jour le)\s+", re.I)


def _is_timestamp(text: str) -> bool:
    time = TIME_OF_DAY.search(text)
    return time is not None and time.start() > 0 and parse_date(text[:time.start()]) is not None


def _is_dateline(text: str) -> bool:
    pieces = [piece for piece in _DATELINE_JOINS.split(text) if piece.strip()]
    if len(pieces) > 1:
        # "Publié le 14 mars 2024 à 06h00, modifié le 14 mars 2024 à 10h12": datelines side by side
        return all(_is_dateline(piece) for piece in pieces)
    label = _DATELINE_LABEL.match(text)
    return (label is not None and parse_date(text[label.end():]) is not None) or bool(_UPDATED_AT.match(text)) \
        or _is_credit_dateline(text)


# A media file's credit and time ("Anna Beispiel, NDR, 14.03.2024 17:45 Uhr", "tagesschau24, 14.03.2024 12:00 Uhr"):
# a name or two, then a date with its time of day, the time telling it from a place's dateline in a letter.
_CREDIT_DATELINE = re.compile(r"^(?P<who>[^,.;:]{2,40}(?:,\s*[^,.;:]{2,30})?),\s*(?P<date>[^,]{6,40}\d{1,2}[:.h]\d{2}(?:\s*uhr)?)$", re.I)


def _is_credit_dateline(text: str) -> bool:
    match = _CREDIT_DATELINE.match(text)
    return match is not None and parse_date(match.group("date")) is not None


_DATELINE_JOINS = re.compile(r"\s*(?:,|·|\||•|;|\.)\s+(?=(?:last |zuletzt )?(?:modifié|mis à jour|updated|modified|edited|aktualisiert|"
                             r"geändert|actualizado|aggiornato|publié|published|veröffentlicht|publicado|pubblicato)\b)", re.I)
# The update's time alone under the dateline ("Aggiornato alle 12:15", "Updated at 9:41 a.m.", "Aktualisiert um 14:05 Uhr").
_UPDATED_AT = re.compile(r"^\W*(?:aggiornato|updated|last updated|actualizado|mis à jour|modifié|aktualisiert)"
                         r"(?: alle| at| a las| à| um| le)?\s+\d{1,2}[:.h]\d{2}(?:\s*(?:uhr|a\.m\.|p\.m\.|am|pm))?(?:\s*[A-Z]{2,4})?\W*$", re.I)


def _is_time_dateline(node: Node) -> bool:
    """A <time> element that says a date and nothing else ("14 Marzo 2024 alle 06:30"): the page's
    own markup for its dateline; its date is read (html_meta)."""
    if node.tag != "time" or not _is_small(node, _TEXT_KIND_MAX_CHARS) or parse_date(" ".join(text_of(node).split())) is None:
        return False
    # Alone, or beside another dateline ("Aggiornato alle 12:15"): not a date inside a byline or a sentence.
    parent = node.parent
    if parent is None or not _is_small(parent, _TEXT_KIND_MAX_CHARS * 2) or parent.tag in ("dd", "td", "th"):
        return False  # a field's value ("Date tabled: | Thursday 21 March 2024") is the field's
    if any(_after_a_label(element) for element in (node, parent)):
        return False
    rest = " ".join(text_of(parent).replace(text_of(node), " ", 1).split())
    return not rest.strip(" |·•,;–—-") or _is_dateline(rest.strip(" |·•,;–—-"))


def _after_a_label(node: Node) -> bool:
    """Whether the element before this one is a field's label ("<span>Date tabled:</span> <span><time>…")."""
    parent = node.parent
    if parent is None:
        return False
    siblings = [child for child in parent.children if isinstance(child, Node)]
    at = next((position for position, child in enumerate(siblings) if child is node), 0)
    return at > 0 and text_of(siblings[at - 1]).strip().endswith((":", "："))


# A publication's own ISBN or ISSN line ("ISBN : 979-10-373-0812-5", "ISSN 1977-0677 (electronic
# edition)"), when it stands alone: inside a book's reference the ISBN is the reference's.
_STANDARD_NUMBER = re.compile(r"^\W*(?:e-?)?(?:ISBN|ISSN)(?:-1[03])?\s*:?\s*[\dX][\dX -]{6,16}[\dX](?:\s*\([^()]{1,40}\))?\W*$", re.I)
_ALONE_SLACK_CHARS = 20


def _stands_alone(node: Node) -> bool:
    parent = node.parent
    return node.tag not in _INLINE_TAGS or parent is None or parent.text_length - node.text_length <= _ALONE_SLACK_CHARS


def _kind_by_words(node: Node, page_level: bool = True) -> str | None:
    words = _class_words(node)
    if not words.strip():
        return None
    exact = _EXACT_WORDS.keys() & set(words.lower().split())
    if exact and page_level:
        # A bare "header"/"footer" class or id; "entry-header" is the article's own, and so, as
        # HTML says of <header>, is one inside the article (a speech's speaker, a card's head).
        return _EXACT_WORDS[min(exact)]
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(words):
            if kind == "navigation" and _NOTE_ROLES.search(words) and "hatnote" not in words.lower():
                continue
            return kind
    return None


# A teaser set into the article: a headline, a picture and a link to another page ("Grundsteuer 2025:
# So hoch sind … / [image] / Fotostrecke ansehen"), a few words in all. A fact box or a pull quote has
# more words, or no link away.
_TEASER_MAX_CHARS = 200


def _is_teaser(node: Node) -> bool:
    if not _is_small(node, _TEASER_MAX_CHARS):
        return False
    links = [element for element in iter_elements(node) if element.tag == "a"]
    away = [link for link in links if link.get("href") and not link.get("href").startswith(("#", "mailto:", "javascript:"))]
    return 1 <= len(away) <= 2 and len(links) <= 2 and any(element.tag in _HEADING_TAGS for element in iter_elements(node))


# A box that says it sells: a shop's book recommendation under a digital library's page ("Buchempfehlung /
# Raabe, Wilhelm: Pfisters Mühle / … 160 Seiten, 8.80 Euro / Ansehen"), a sponsor's "Empfehlung".
_PROMOTION_LABEL = re.compile(r"^\W*(?:buchempfehlung|buchtipp|leseempfehlung|book recommendation|our pick|unsere empfehlung|"
                              r"empfehlung der redaktion|sponsored|gesponsert|sponsorisé|patrocinado)\W*$", re.I)
_PROMOTION_MAX_CHARS = 500


# ...and a newsroom's appeal for money set into or under the story: taz's "Unterstützen Sie taz.de! / Wir bleiben
# frei zugänglich – ohne Paywall… / Jetzt unterstützen", "Support the Guardian", "Soutenez Mediapart".
_APPEAL_LABEL = re.compile(r"^\W*(?:unterstützen sie|support|soutenez|apoya|sostieni|поддержите)\s+[\w.'’ -]{2,40}[!.]?\s*$", re.I)
# a site's greeting over what it offers ("Welcome to FindLaw's Cases & Codes / A free source of…")
_WELCOME_LABEL = re.compile(r"^\W*(?:welcome to|willkommen (?:bei|auf)|bienvenue sur)\s+[\w.'’&, -]{2,60}[!.]?\s*$", re.I)


def _is_promotion_box(node: Node) -> bool:
    return _box_label_matches(node, _PROMOTION_LABEL)


# ...and its call for tips from readers ("Do You Have a Tip? / … Here's how to send tips securely.").
_TIP_LABEL = re.compile(r"^\W*(?:do you have a (?:news )?tip|have a (?:news )?tip|got a (?:news )?tip|send us (?:a|your) tips?|"
                        r"haben sie (?:einen hinweis|hinweise)|vous avez une information|¿tienes (?:una pista|información)[^?]{0,30})\W*$", re.I)


def _is_appeal_box(node: Node) -> bool:
    if _box_label_matches(node, _WELCOME_LABEL) or _box_label_matches(node, _TIP_LABEL):
        return True
    return _box_label_matches(node, _APPEAL_LABEL) and any(element.tag in ("a", "button") for element in iter_elements(node))


def _box_label_matches(node: Node, label_pattern: re.Pattern) -> bool:
    """A small box whose first words are a label of the kind, with more under it."""
    if node.tag not in ("div", "aside", "section") or not _is_small(node, _PROMOTION_MAX_CHARS):
        return False
    label = next((element for element in iter_elements(node) if element is not node and text_of(element).strip()), None)
    return label is not None and bool(label_pattern.match(text_of(label))) and len(text_of(label)) < len(text_of(node))


def _is_beside_the_article(header: Node) -> bool:
    siblings = [child for child in header.parent.children if isinstance(child, Node)] if header.parent is not None else []
    return any(sibling.tag in ("article", "main") for sibling in siblings)


# A table of contents that says so: its label, then links to the page's own sections ("<details>
# <summary>Table of Contents</summary><ul><li><a href="#abstract">…", a docutils "contents" topic).
_CONTENTS_LABEL = re.compile(r"^\W*(?:(?:table of )?contents|on this page|in this (?:article|page)|inhalt|inhaltsverzeichnis|"
                             r"sommaire|table des matières|índice|contenido|indice|sommario|содержание|оглавление)\W*$", re.I)
_CONTENTS_LINKS_MIN = 3


def _is_contents_list(node: Node) -> bool:
    if node.tag not in ("section", "div", "details", "nav") or node.link_count < _CONTENTS_LINKS_MIN:
        return False
    links = [element for element in iter_elements(node) if element.tag == "a"]
    if not all(link.get("href").startswith("#") for link in links):
        return False
    label = next((element for element in iter_elements(node) if element is not node and element.tag not in ("ul", "ol", "li")
                  and text_of(element).strip()), None)
    if label is None or label.tag == "a" or not _CONTENTS_LABEL.match(text_of(label)):
        return False
    return node.text_length - node.link_length <= len(text_of(label)) + _CONTENTS_LINKS_MIN * 4


# A document's header fields under its title: a PEP's "Author: … / Status: … / Created: …" (its RFC 2822
# header as a <dl>), a standard's or a repository record's. The authors and date are read from them.
AUTHOR_FIELD_LABEL = re.compile(r"^\W*(?:authors?|autor(?:en|in|innen)?|autor\(en\)|auteur(?:e)?s?|autores?|autori|авторы?)\W*$", re.I)
"""A field that names the authors, in a document's own list of fields ("Author:", "Autor(en):")."""
_DATE_FIELD = re.compile(r"^\W*(?:created|date|published|last modified|status|erstellt|datum|créé|date de publication)\W*$", re.I)
_FIELDS_MIN = 3


def _is_document_fields(node: Node) -> bool:
    if node.tag != "dl":
        return False
    labels = [text_of(child) for child in node.children if isinstance(child, Node) and child.tag == "dt"]
    return (len(labels) >= _FIELDS_MIN and any(AUTHOR_FIELD_LABEL.match(label) for label in labels)
            and any(_DATE_FIELD.match(label) for label in labels))


def _link_density(node: Node) -> float:
    return node.link_length / node.text_length if node.text_length else 0.0


def _is_link_list(node: Node) -> bool:
    # (<font> and <center> too: a Lotus Domino page's row of links "Acórdãos TRC | Por Ano | Pesquisa")
    if node.tag not in ("ul", "ol", "div", "p", "table", "section", "dl", "td", "span", "font", "center") or _is_wrapper(node):
        return False
    return (node.link_count >= _MIN_LINKS_NAVIGATION and _link_density(node) >= LINK_DENSITY_NAVIGATION
            and node.text_length - node.link_length <= _PROSE_IN_NAVIGATION)


def _is_wrapper(node: Node) -> bool:
    """One child holds all the text: judge the child, which may say more about itself."""
    children = [child for child in node.children if isinstance(child, Node) and child.text_length]
    loose_text = any(isinstance(child, str) and child.strip() for child in node.children)
    return len(children) == 1 and not loose_text


def _is_language_list(node: Node) -> bool:
    """A list of links each in another language (hreflang or lang on every link), or a line
    offering the page in other languages ("Aussi disponible en : English · Español")."""
    links = [n for n in iter_elements(node) if n.tag == "a" and n.get("href")]
    in_other_languages = sum(1 for link in links if link.get("hreflang") or link.get("lang"))
    if node.tag in ("ul", "ol") and node.link_count >= _MIN_LINKS_NAVIGATION:
        return in_other_languages >= 0.7 * len(links)
    return (bool(links) and in_other_languages == len(links) and _is_small(node, _AVAILABLE_IN_MAX_CHARS)
            and _AVAILABLE_IN.match(text_of(node)) is not None)


_AVAILABLE_IN = re.compile(r"^\W*(?:(?:also |this (?:article|page) is (?:also )?)?available in|this (?:page|article|blog|post) in|read (?:this )?in|"
                           r"(?:aussi|également) disponible en|disponible (?:aussi |también |también )?en|lire en|"
                           r"(?:auch )?verfügbar (?:auf|in)|(?:auch )?(?:auf|in) \w+ lesen|lesen sie (?:auf|in)|"
                           r"también disponible en|leer en|disponibile (?:anche )?in|leggi in|также (?:доступно )?на)\b", re.I)
_AVAILABLE_IN_MAX_CHARS = 200


def _is_related_block(node: Node) -> bool:
    # A custom element too (AP's <bsp-list-loadmore>), whose heading may be a <div> ("PageList-header").
    if (node.tag not in ("section", "div", "aside") and "-" not in node.tag) or _related_link_density(node) < LINK_DENSITY_RELATED:
        return False
    heading = next((child for child in node.children if isinstance(child, Node) and child.tag in _RELATED_HEADING_TAGS), None)
    return heading is not None and _is_small(heading, _RELATED_HEADING_MAX_CHARS) and bool(_RELATED_HEADING.match(text_of(heading)))


# A newsroom's pointer to another story set between the paragraphs: a label, then the story's
# title as a link ("Lire aussi: <a>…</a>", NZZ's "Passend zum Artikel" flag over a teaser link),
# or, in an aside, as a quoted title (La Presse's "Lisez « … »"). "See also" is left alone: on a
# wiki it is the article's own pointer to its sections.
_READ_ALSO = re.compile(
    r"^\W*(?:(?:à |a )?lire (?:aussi|également|encore)|lisez(?: aussi| également)?|(?:lesen sie|lies) (?:auch|mehr|weiter)|"
    r"mehr zum thema|passend zum (?:artikel|thema)|zum thema|auch interessant|read (?:more|also|next)|"
    r"related(?: article| story| coverage)?|more on this story|lee también|leer más|mirá también|mira también|lees ook|lees meer|"
    r"czytaj (?:też|także|również)|leggi anche|читайте также|по теме|"
    # Handelsblatt's "Mehr: <a>…</a>" closing the story, only with its colon
    r"mehr(?=\s*:)|more(?=\s*:)|"
    # Kommersant's "Как сообщал «Ъ»" (as "Ъ" reported) over a link to its earlier story
    r"как (?:сообщал|писал)(?:[аои])? «[^«»]{1,30}»)\s*[:：»>›|–—-]?\s*", re.I)
_QUOTED_TITLE = re.compile(r"^[«“\"„‹‘'][^«»“”\"„]{3,200}[»”\"“›’']\W*$")
_READ_ALSO_MAX_CHARS = 300
_LINKED_SHARE = 0.9


def _is_read_also(node: Node) -> bool:
    if node.tag not in ("p", "div", "aside") or not node.text_length or not _is_small(node, _READ_ALSO_MAX_CHARS):
        return False
    text = " ".join(text_of(node).split())
    label = _READ_ALSO.match(text)
    if not label:
        return False
    rest = text[label.end():].strip()
    if not rest:
        # "Auch interessant" over a recommendation widget that the saved page left empty (Outbrain)
        return node.tag in ("div", "aside") and any(element.tag in _HEADING_TAGS for element in iter_elements(node))
    if node.link_length >= _LINKED_SHARE * len(rest):
        return True
    in_aside = node.tag == "aside" or (node.parent is not None and node.parent.tag == "aside")
    return in_aside and bool(_QUOTED_TITLE.match(rest))


# A box of the authors' biographies after the text, told by its heading: "About the Authors",
# "À propos des auteurs", "Über die Autorinnen und Autoren". The names were read as the byline.
_ABOUT_THE_AUTHORS = re.compile(r"^\W*(?:about the (?:authors?|contributors?|writers?)|à propos (?:de l'|des |de la )?(?:auteur|autrice)s?|"
                                r"(?:über|zu) (?:den|die|der) (?:autor(?:in|en|innen)?)(?: und (?:autor(?:in|en|innen)?))?|"
                                r"sobre (?:el|la|los|las) autor(?:a|es|as)?|sull'autore|sugli autori|o autorze|o autorach|об авторах?|"
                                r"over de auteurs?|sobre la firma|sobre (?:el|la) autora?|"
                                # a think tank's cards of its experts and press contacts under a publication
                                r"(?:our |the )?experts?|(?:media |press )?contacts?|contact persons?|ansprechpartner(?:in|innen)?|"
                                r"pressekontakt|kontakt|contact presse|vos contacts|contacto de prensa)\W*$", re.I)
_ABOUT_THE_AUTHORS_MAX_CHARS = 2000


# A box telling how to cite the page, by its heading: "How to cite this article", "Comment citer
# cette publication", "Zitierhinweis", "Cómo citar".
_HOW_TO_CITE = re.compile(r"^\W*(?:how to cite(?: this (?:\w+ ?){1,2})?|cite this (?:article|report|publication|page|paper|entry|essay|brief)|"
                          r"suggested citation|recommended citation|comment citer(?: cette (?:publication|page|note|étude|article))?|"
                          r"pour citer (?:cet article|cette publication)|zitierhinweis|zitiervorschlag|zitierweise|zitationshilfe|"
                          # a digital library's box on how its copy was made (the Deutsches Textarchiv's)
                          r"informationen zur digitalisierung|(?:about|information on) (?:this|the) digiti[sz]ation|"
                          r"cómo citar(?: este (?:artículo|documento))?|come citare|"
                          # OpenEdition's and Persée's: "Référence électronique du chapitre", "Référence papier", "Citer ce document"
                          r"r[ée]f[ée]rence (?:[ée]lectronique|papier)(?: d(?:u|e l['’]|e la) (?:chapitre|livre|article|ouvrage|document|revue))?|"
                          r"citer ce (?:document|chapitre|livre)|"
                          # an encyclopedia's own citation box and its page on styles (Encyclopedia.com, the Handbook of Texas)
                          r"citation|citation information|(?:learn more )?about citation styles|citation styles|citing this (?:article|entry|page)|"
                          r"citer cet article|citar este artículo|zitieren)\W*$", re.I)
# A box asking for money, by its heading: "Support the Handbook", "Donate", "Unterstützen Sie uns".
_SUPPORT_US = re.compile(r"^\W*(?:support (?:the|our|us|this)\b[\w' ]{0,40}|donate(?: now| today)?|make a (?:gift|donation)|"
                         r"become a (?:member|supporter|friend)|unterstützen sie (?:uns|unsere arbeit|[\w ]{1,30})|jetzt spenden|spenden sie|"
                         r"soutenez(?:-nous| notre travail| [\w ]{1,30})|faire un don|apoya (?:nuestro|el) periodismo|haz una donación|"
                         r"поддержите (?:нас|«[^«»]{1,30}»|[\w ]{1,30})|поддержать (?:нас|редакцию))\W*$", re.I)
_SUPPORT_US_MAX_CHARS = 600
# A box offering the newsletter, by its heading: "Newsletter", "Sign up for our newsletter", "Abonnez-vous".
_NEWSLETTER_HEADING = re.compile(r"^\W*(?:(?:our |the |free |weekly |daily )?newsletters?|sign up for (?:our|the) [\w ]{0,30}newsletter|"
                                 r"subscribe to (?:our|the) [\w ]{0,30}newsletter|get (?:our|the) [\w ]{0,30}newsletter|"
                                 r"abonnez-vous(?: à (?:notre|la) (?:infolettre|newsletter|lettre d['’]information))?|"
                                 r"(?:notre |l['’])?infolettre|inscrivez-vous à (?:notre|la) (?:infolettre|newsletter)|"
                                 r"newsletter abonnieren|suscríbete(?: a (?:nuestra|la) newsletter)?|apúntate a (?:nuestra|la) newsletter)\W*$", re.I)
# ...and that asks for money in so many words: a body section headed "Support the Bill" does not.
_DONATION = re.compile(r"\b(?:donat\w*|gifts?|membership|become a (?:member|supporter)|spende\w*|faire un don|donaci\w*|dona ahora|"
                       r"fördermitglied\w*|поддержать|пожертвован\w*|донат\w*)\b", re.I)


def _is_about_the_authors(node: Node) -> bool:
    """A box of the authors' biographies, of how to cite the page, or asking for support, told by its heading."""
    if node.tag not in ("section", "div", "aside") or not _is_small(node, _ABOUT_THE_AUTHORS_MAX_CHARS):
        return False
    title = _box_heading(node)
    if title is None:
        return False
    if _SUPPORT_US.match(title):
        return node.text_length <= _SUPPORT_US_MAX_CHARS and bool(_DONATION.search(text_of(node)))
    if _NEWSLETTER_HEADING.match(title):
        return node.text_length <= _SUPPORT_US_MAX_CHARS
    if _DOWNLOADS_HEADING.match(title):
        return node.link_length >= _DOWNLOAD_LINK_SHARE * (node.text_length - len(title)) or bool(_FILE_AND_SIZE.search(text_of(node)))
    return bool(_ABOUT_THE_AUTHORS.match(title) or _HOW_TO_CITE.match(title))


# A box of the publication's files, links under its heading ("Documents to download", "Lire le rapport",
# "Downloads"): the report itself is elsewhere, and the box tells only its file names and sizes.
_DOWNLOADS_HEADING = re.compile(r"^\W*(?:documents? to download|downloads?|download (?:the )?(?:full )?(?:report|publication|paper|briefing|files?)|"
                                r"lire le rapport|télécharger(?: le rapport| la publication)?|téléchargements?|"
                                r"downloads? und links|descargas?|descargar (?:el )?(?:informe|documento))\W*$", re.I)
_DOWNLOAD_LINK_SHARE = 0.5
_FILE_AND_SIZE = re.compile(r"\b(?:PDF|DOCX?|XLSX?|EPUB|ODT|ZIP)\s*[–—,(-]\s*\d[\d.,]*\s*(?:[kKMG][oB]|octets|bytes)\b")


_BOX_WRAPPER_DEPTH = 3


def _box_heading(node: Node) -> str | None:
    """The text of a box's first element when it is a heading, also one wrapped in a <div>
    of its own (Encyclopedia.com's <div class="citation-title"><h3>Cite this article</h3></div>)."""
    heading = next((child for child in node.children if isinstance(child, Node) and child.text_length), None)
    for _ in range(_BOX_WRAPPER_DEPTH):
        # El País's "a_aut" > "a_aut_w" (a photograph and one block) > "a_aut_t" > <span>Sobre la firma</span>
        if heading is None or heading.tag != "div" or not _is_wrapper(heading):
            break
        heading = next(child for child in heading.children if isinstance(child, Node) and child.text_length)
        if heading.tag not in _HEADING_TAGS | {"div", "span", "strong", "b", "p", "header"}:
            return None
    if heading is None or heading.tag not in _HEADING_TAGS | {"strong", "b", "p", "header", "div", "span"} \
            or not _is_small(heading, _RELATED_HEADING_MAX_CHARS) or heading.text_length == node.text_length:
        return None
    return text_of(heading)


# Der Spiegel heads its inline "Mehr zum Thema" box with a styled <span>.
_RELATED_HEADING_TAGS = {"h2", "h3", "h4", "h5", "h6", "strong", "b", "p", "span", "header", "div"}


def _related_link_density(node: Node) -> float:
    """The share of links in a block's text, less the site's own disclaimer under the links
    ("The BBC is not responsible for the content of external sites.")."""
    said = sum(child.text_length for child in node.children if isinstance(child, Node) and _kind_by_text(child))
    rest = node.text_length - said
    return node.link_length / rest if rest > 0 else 0.0


# Lines a site prints under every story, longer than a control's label, told by how they open.
_LINE_KINDS = [
    # a newspaper's line on where the story ran in print, with its reprint and subscription links: "A version
    # of this article appears in print on March 15, 2025, Section A, Page 14 of the New York edition with the
    # headline: …. Order Reprints | Today's Paper | Subscribe"; "Dieser Artikel erschien in der gedruckten Ausgabe …"
    ("other", re.compile(r"^\W*(?:a version of this (?:article|story|review|essay|column) appear(?:s|ed) in print|"
                         # Kommersant's "Газета «Коммерсантъ» №126 от 15.07.2025, стр. 2"
                         r"газета «[^«»]{1,40}» №\s*\d{1,4} от \d{1,2}\.\d{1,2}\.\d{4}|"
                         r"this (?:article|story) appeared in (?:the )?(?:print|printed) (?:edition|version|issue)|"
                         r"dieser (?:artikel|beitrag|text) (?:erschien|ist erschienen) in der (?:gedruckten|print)[- ]?ausgabe|"
                         r"cet article (?:est paru|a été publié) dans (?:l['’]édition|le journal) (?:imprimée?|papier|du))\b", re.I)),
    # a newsroom's line asking to follow a section on social networks or take its newsletter ("Puedes seguir a
    # EL PAÍS Clima y Medio Ambiente en Facebook y X, o apuntarte aquí para recibir nuestra newsletter semanal")
    ("share", re.compile(r"^\W*(?:puedes seguir a|sigue a|follow (?:us|[\w .&-]{1,40}) on|suivez(?:-nous| [\w .&-]{1,40}) sur|"
                         r"folgen sie (?:uns|[\w .&-]{1,40}) auf|segui (?:[\w .&-]{1,40}) su)\b.{0,160}"
                         r"\b(?:facebook|twitter|x|instagram|linkedin|bluesky|threads|whatsapp|telegram|newsletter|youtube|tiktok)\b.{0,100}$", re.I)),
    # a broadcaster's terms under a media file ("Wir bieten Ihnen diese Audiodatei in verschiedenen Qualitäten zum
    # Download an. Die Nutzung ist nur für den privaten Gebrauch zulässig.", as the ARD's sites print it) and the
    # programme that carried the story ("Dieses Thema im Programm: NDR Info | Nachrichten | 14.03.2024 | 18:00 Uhr")
    # a page's line on the sections it was filed in and its short link ("Опубликован в разделах: Новости,
    # Стенограммы", "Ссылка на материал: kremlin.ru/d/73662", "Permalink: …")
    ("other", re.compile(r"^\W*(?:опубликован[оа]? в разделах?|ссылка на (?:материал|статью|новость|документ)|"
                         r"permalink|short ?link|kurzlink|lien permanent|enlace permanente)\s*:\s*\S.{0,150}$", re.I)),
    ("other", re.compile(r"^\W*(?:wir bieten ihnen diese (?:audio|video)datei|dieses thema im programm\s*:|"
                         r"this (?:audio|video) (?:file|clip) is (?:available|provided) for download)", re.I)),
    # where a docs page's source file is kept ("Source: https://github.com/python/peps/blob/main/peps/pep-8115.rst"):
    # the link to edit it, not a source the text cites
    ("edit-link", re.compile(r"^\W*(?:source|page source|view source|quelle)\s*:\s*https?://(?:www\.)?(?:github\.com|gitlab\.com|"
                             r"bitbucket\.org|codeberg\.org)/\S+/(?:blob|tree|src|-/blob)/\S+$", re.I)),
    # a court reporter's notices over a slip opinion: "Published by New York State Law Reporting Bureau pursuant to
    # Judiciary Law § 431.", "This opinion is uncorrected and subject to revision before publication in the Official
    # Reports.", the U.S. Supreme Court's "NOTICE: This opinion is subject to formal revision before publication…";
    # and the slip's own citation alone on its line ("2024 NY Slip Op 02215"), which the title names
    ("header", re.compile(r"^\W*(?:published by [\w .'’-]{1,80}\breport(?:ing|er)\b[\w .'’-]{0,40} pursuant to\b.{0,80}$|"
                          r"(?:notice:\s*)?this opinion is (?:uncorrected and )?subject to (?:formal )?revision before publication\b.{0,400}$|"
                          r"\d{4} NY Slip Op \d{5}(?:\(U\))?$)", re.I)),
]
_LINE_KIND_MAX_CHARS = 400


def _kind_by_line(node: Node) -> str | None:
    if node.tag not in ("p", "div") or not node.text_length or not _is_small(node, _LINE_KIND_MAX_CHARS):
        return None
    text = " ".join(text_of(node).split())
    return next((kind for kind, pattern in _LINE_KINDS if pattern.match(text)), None)


# A link to an author's page after the biography ("Dana Whitcomb covers water… More about Dana
# Whitcomb"): the name was read as the byline; the biography's words stay.
_AUTHOR_PAGE_LINK = re.compile(r"^\W*(?:more (?:about|from|by)|more articles by|all (?:articles|stories|posts) by|"
                               r"mehr (?:von|über)|alle artikel von|plus d['’]articles de|tous les articles de|más artículos de)"
                               r"\s+\w[\w.'’ -]{1,40}$", re.I)


def _is_author_page_link(node: Node) -> bool:
    return node.tag == "a" and bool(node.get("href")) and _is_small(node, 60) and bool(_AUTHOR_PAGE_LINK.match(" ".join(text_of(node).split())))


def _is_copyright_line(node: Node) -> bool:
    if node.tag not in ("p", "div", "small", "section", "span") or not node.text_length or not _is_small(node, _COPYRIGHT_MAX_CHARS):
        return False
    text = text_of(node)
    return bool(_COPYRIGHT.match(text) and _RIGHTS.search(text))


# A publisher's reuse terms printed with every report: RAND's "Limited Print and Electronic
# Distribution Rights" ("Unauthorized posting of this publication online is prohibited; …"),
# a book's "No part of this publication may be reproduced …". A paragraph saying one of these
# is the notice, not the report.
_RIGHTS_STATEMENT = re.compile(
    r"\bunauthori[sz]ed posting of (?:this|these) (?:publication|document|report|work)s? online is prohibited|"
    r"^\W*(?:(?:©|copyright\b)[^.]{0,120}\.\s*)?(?:all rights reserved\.?\s*)?no part of this (?:publication|book|report|document|work) may be reproduced\b|"
    # a report's licence under it: "This work is licensed under the Creative Commons Attribution-NonCommercial-NoDerivs 2.0 UK…"
    r"^\W*(?:this|the) (?:work|publication|report|paper|briefing|brief|document|study) is licen[cs]ed under (?:a |the )?"
    r"(?:creative commons|cc[- ]by|open government)\b",
    re.I)
_RIGHTS_STATEMENT_MAX_CHARS = 1000


def _is_rights_statement(node: Node) -> bool:
    if node.tag not in ("p", "div", "small") or _has_block_child(node) or not _is_small(node, _RIGHTS_STATEMENT_MAX_CHARS):
        return False
    return bool(_RIGHTS_STATEMENT.search(text_of(node)))


def _repeats_the_page_before(node: Node, page: str, plan: ContentPlan) -> bool:
    """A page marker right after another of the same page, nothing between them: one page start
    the site draws twice."""
    parent = node.parent
    if parent is None:
        return False
    siblings = parent.children
    position = next(i for i, child in enumerate(siblings) if child is node)
    before = siblings[position - 1] if position else None
    if isinstance(before, str) and not before.strip() and position > 1:
        before = siblings[position - 2]
    return isinstance(before, Node) and plan.pages.get(before.index) == page


def _page_label(node: Node) -> str | None:
    """The printed page an element marks: PG's span.pagenum, an EPUB page break."""
    roles = " ".join((node.get("class"), node.get("role"), node.get("epub:type")))
    if node.tag == "a" and not node.get("href") and _is_small(node, _PAGE_TEXT_MAX_CHARS):
        # an anchor that names the page and shows it: sacred-texts.com's <a name="page_112">p. 112</a>
        named = _PAGE_ID.match(node.get("name") or node.get("id"))
        shown = _PAGE_TEXT.match(text_of(node).strip())
        if named and shown and named.group(1) == shown.group(1):
            return shown.group(1)
    if _PAGINATION_SPAN.search(roles) and node.tag == "span" and _is_small(node, _PAGE_TEXT_MAX_CHARS):
        prefixed = _PREFIXED_PAGE_TEXT.match(text_of(node).strip())
        return prefixed.group(1) if prefixed else None
    if not (_PAGE_NUMBER_CLASS.search(roles) or "pagebreak" in roles.lower()):
        return None
    small = _is_small(node, _PAGE_TEXT_MAX_CHARS)  # a page number is; a large element is not read again at each level
    for element in iter_elements(node) if small else ():
        match = _PAGE_ID.match(element.get("id"))
        if match:
            return match.group(1)
    # Wikisource's page marker says its page in data-page-number over a zero-width space
    for value in (node.get("data-page-number"), node.get("title"), node.get("aria-label"), text_of(node) if small else ""):
        match = _PAGE_TEXT.match(value.strip())
        if match:
            return match.group(1)
    return None


def _mark_gutenberg_licence(body: Node, plan: ContentPlan, keep: set[int]) -> None:
    """Project Gutenberg's licence: everything up to the START line, and from the END line on.

    Newer files wrap it in section.pg-boilerplate (the class words catch those);
    older ones put it in a <pre> or paragraphs at either end, found by its lines.
    """
    total = max(body.text_length, 1)
    for pattern, before in ((_PG_START, True), (_PG_END, False)):
        holder = _smallest_block_with(body, pattern)
        if holder is None:
            continue
        # Climb while the licence is still a small part of the page, so that the
        # whole boilerplate block goes, never the book around it.
        while holder.parent is not None and holder.parent is not body and holder.parent.text_length < PROTECTED_SHARE * total:
            holder = holder.parent
        siblings = [child for child in (holder.parent or body).children if isinstance(child, Node)]
        position = next(index for index, child in enumerate(siblings) if child is holder)
        chosen = siblings[: position + 1] if before else siblings[position:]
        for node in chosen:
            if node.index not in keep and node.tag not in CODE_TAGS and node.text_length:
                plan.removed[node.index] = "licence"


def _smallest_block_with(body: Node, pattern: re.Pattern) -> Node | None:
    for node in iter_elements(body):
        for child in node.children:
            if isinstance(child, str) and pattern.search(child.strip()):
                return node if node.tag not in ("span", "strong", "b", "em", "i", "a") else next(
                    (a for a in node.ancestors() if a.tag not in ("span", "strong", "b", "em", "i", "a")), node)
    return None


def _warn_about_text_outside(body: Node, main: Node, plan: ContentPlan, protected: set[int]) -> None:
    """Text beside the article that no rule named: kept, but a person should look."""
    path = [main, *main.ancestors()]
    on_path = {node.index for node in path}
    for ancestor in path[1:]:
        for child in ancestor.children:
            if isinstance(child, str) or child.index in on_path or child.index in protected or child.tag in CODE_TAGS:
                continue
            removed_inside = sum(node.text_length for node in iter_elements(child) if node.index in plan.removed)
            if child.text_length > removed_inside:
                plan.warnings.append(f"kept text outside the article: {text_of(child)[:60]!r}")
