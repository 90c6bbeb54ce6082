"""Title, authors and date of an HTML page.

Sources, from the most to the least trusted when they disagree:
1. what the publisher wrote for citation managers and search engines about the
   article itself: Highwire `citation_*` tags and the schema.org Article in
   JSON-LD (headline, author, datePublished) -- deliberate, per-article data;
2. what the reader sees: the h1 (when the <title> confirms it), the byline
   (rel=author, .byline, .author, "By ..." under the h1, <address>), <time
   datetime> in the byline, a Project Gutenberg header's "Title:/Author:/Release date:";
3. generic page metadata: og:*, dc.*, article:published_time, <meta name=author>,
   and <title> -- often filled by site templates (the site's name, the date the
   page was last rebuilt), so they only fill what the first two left empty.
The site's name (og:site_name, the publisher, the "| Site" suffix of <title>) is
never the title. A date that cannot exist (2021-02-30) is no date. JSON-LD is
read with json.loads as data, never run.
"""

from __future__ import annotations

import datetime
import html
import json
import re
from dataclasses import dataclass, field
from itertools import islice
from urllib.parse import unquote

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from claimdesk.sources import header
from claimdesk.sources.blocks import HEADING, PARAGRAPH, Block
from claimdesk.sources.header import AUTHOR_PREFIX, TIME_OF_DAY, find_date, parse_author_line, parse_date
from claimdesk.sources.readers.judges import (
    PANEL_LABEL,
    SIGNATURE_LINES,
    WRITER_FIELD_LABEL,
    opinion_writer,
    panel,
    panel_names,
    signing_writer,
)
from claimdesk.sources.readers.text_title_page import imprint_year
from claimdesk.sources.readers.html_content import AUTHOR_FIELD_LABEL, CAMEL_HUMP, SACRED_TEXTS_LINE, is_edition_matter
from claimdesk.sources.readers.html_tree import BLOCK_TAGS, Node, Subtrees, contains, is_small, iter_elements, text_of
from claimdesk.sources.textclean import PLACEHOLDER_PATTERN

_CITATION_TITLE = ("citation_title",)
_CITATION_AUTHORS = ("citation_author", "citation_authors")
_CITATION_DATES = ("citation_publication_date", "citation_date", "citation_online_date", "citation_cover_date")
_OTHER_TITLES = ("dc.title", "dcterms.title", "og:title", "twitter:title")
_OTHER_AUTHORS = ("author", "dc.creator", "dcterms.creator", "article:author", "parsely-author", "sailthru.author", "byl")
_OTHER_DATES = ("article:published_time", "dcterms.date", "dc.date", "dcterms.issued", "dc.date.issued", "dcterms.available", "dcterms.created", "date", "pubdate",
                "publication_date", "publish-date", "parsely-pub-date", "sailthru.date", "og:published_time", "citation_date")
_SITE_NAMES = ("og:site_name", "application-name", "citation_journal_title", "citation_publisher")
_ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "scholarlyarticle", "report", "techarticle", "reportagenewsarticle",
                  "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "creativework", "book", "chapter", "posting"}
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|·|::|»)\s+")
# (Drupal names a field by the site's language: OSW's "field--name-field-autorzy", Polish for authors)
_BYLINE_CLASS = re.compile(r"(?<![a-z])(?:byline|by-line|author|authors|author-name|entry-author|post-author|article-author|auteur|autor|autorin|"
                           r"contributor|ltx_personname|autorzy|autoren|auteurs|autores|autori|авторы)(?![a-z])", re.I)
# ...and a date set as the article's "time" in BEM (the Federal Reserve's <p class="article__time">July 18, 2024</p>)
_DATE_CLASS = re.compile(r"publish|pubdate|entry-date|post-date|posted-on|article-date|dateline|(?<![a-z])date(?![a-z])|"
                         r"(?:article|post|entry|story)(?:__|-)time(?![a-z])", re.I)
_BYLINE_PREFIX = re.compile(r"^(?:by|par|von|written by|text|texte|auteur(?:e|s)?|autor(?:in|en)?|author(?:s)?)\s*:?\s+", re.I)
_DATE_LEAD = re.compile(
    r"(?:published|posted|first published|publié|publiée|mis en ligne|veröffentlicht|erschienen|date)\s*(?:on|le|am|:)?\s*", re.I)
_PIECE_SEPARATORS = re.compile(r"\s*(?:·|•|\||—|–|\s-\s|\n|,\s(?=(?:published|publié|veröffentlicht)))\s*", re.I)
_GERMAN_MONTHS = {"januar": "January", "jänner": "January", "februar": "February", "märz": "March", "maerz": "March", "april": "April",
                  "mai": "May", "juni": "June", "juli": "July", "august": "August", "september": "September",
                  "oktober": "October", "november": "November", "dezember": "December"}
_GERMAN_DATE = re.compile(r"\b(\d{1,2})\.\s*(" + "|".join(_GERMAN_MONTHS) + r")\s+((?:19|20)\d\d)\b", re.I)
_FRENCH_FIRST = re.compile(r"\b1er\b")
_PG_FIELD = r"(?=\s+(?:Author|Authors|Editor|Illustrator|Translator|Release [Dd]ate|Language|Credits|Original publication|Posting Date|Most recently updated|Produced by|Date of first publication|Date first posted|Date last updated|Faded Page eBook|This eBook|eBook No|Most recent update|\*\*\*)\b|$)"
_PG_TITLE = re.compile(r"\bTitle:\s*(.+?)" + _PG_FIELD)
_PG_AUTHOR = re.compile(r"\bAuthor:\s*(.+?)" + _PG_FIELD)
_PG_RELEASE = re.compile(r"\bRelease [Dd]ate:\s*(.+?)(?:\s*\[e[Bb]ook\s*#\d+\]|" + _PG_FIELD + ")")
_BYLINE_BLOCKS_AFTER_TITLE = 4
"""How far under the h1 a "By ..." line may sit (a standfirst and a photo credit may come first)."""
_BYLINE_MAX_CHARS = 200
_JSON_LD_MAX_CHARS = 1_000_000


@dataclass
class PageMeta:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Sources:
    meta: dict[str, list[str]]
    articles: list[dict]
    site_names: list[str]
    page_title: str
    author_and_title: tuple[str, str] | None = None


def read_page_meta(root: Node, blocks: list[Block], excluded: set[int], licence_texts: list[str],
                   datelines: list[str] = ()) -> PageMeta:
    """Metadata of the page; `excluded` are element indices of furniture and notes (no bylines there);
    `datelines` the text of the datelines taken out of the reading text ("Publié le 14/03/2024", a <time>)."""
    result = PageMeta()
    outside = Subtrees(root.document[index] for index in excluded)
    sources = _Sources(_meta_tags(root), _json_ld_articles(root, result.warnings), [], _page_title(root))
    sources.site_names = _site_names(sources) + _logo_names(root)
    sources.author_and_title = _author_and_title_heading(root, sources.page_title)
    gutenberg = " ".join(licence_texts)
    result.title = _title(sources, blocks, gutenberg)
    result.authors = _authors(sources, root, blocks, outside, gutenberg)
    result.date = _date(sources, root, blocks, outside, gutenberg, result.warnings, list(datelines))
    return result


# -- gathering ------------------------------------------------------------------

def _meta_tags(root: Node) -> dict[str, list[str]]:
    meta: dict[str, list[str]] = {}
    for node in iter_elements(root):
        if node.tag != "meta":
            continue
        name = (node.get("name") or node.get("property") or node.get("itemprop")).strip().lower()
        content = " ".join(node.get("content").split())
        if name and content:
            meta.setdefault(name, []).append(content)
    return meta


def _author_and_title_heading(root: Node, page_title: str) -> tuple[str, str] | None:
    """The e-libraries' heading of two lines, author over title (lib.ru's <h2><small>Ладыгин
    Иван Кузьмич</small><br>На плотах по Ветлуге</h2>), when the page's <title> says the same
    as "Author. Title"; either alone could be a heading of two lines or a title with a stop in it."""
    for node in iter_elements(root):
        if node.tag not in ("h1", "h2"):
            continue
        lines = [" ".join(line.split()) for line in _lines_of(node)]
        lines = [line for line in lines if line]
        if len(lines) == 2 and page_title == f"{lines[0]}. {lines[1]}":
            return lines[0], lines[1]
    return None


def _lines_of(node: Node) -> list[str]:
    """The element's text split where it has a <br>."""
    lines = [""]
    for child in node.children:
        if isinstance(child, str):
            lines[-1] += child
        elif child.tag == "br":
            lines.append("")
        elif any(isinstance(inner, Node) and inner.tag == "br" for inner in iter_elements(child)):
            inner_lines = _lines_of(child)
            lines[-1] += inner_lines[0]
            lines.extend(inner_lines[1:])
        else:
            lines[-1] += text_of(child)
    return lines


def _page_title(root: Node) -> str:
    title = next((node for node in iter_elements(root) if node.tag == "title"), None)
    return " ".join("".join(c for c in title.children if isinstance(c, str)).split()) if title else ""


def _json_ld_articles(root: Node, warnings: list[str]) -> list[dict]:
    """schema.org objects that describe the article, from every JSON-LD block."""
    found: list[dict] = []
    for node in iter_elements(root):
        if node.tag != "script" or node.get("type").strip().lower() != "application/ld+json":
            continue
        raw = "".join(child for child in node.children if isinstance(child, str)).strip()
        if not raw or len(raw) > _JSON_LD_MAX_CHARS:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            warnings.append("a JSON-LD block is not valid JSON; it was ignored")
            continue
        found.extend(_schema_objects(data))
    return found


def _schema_objects(data) -> list[dict]:
    """Every dict with an @type, through lists and @graph, without recursion."""
    objects, pending = [], [data]
    while pending:
        item = pending.pop()
        if isinstance(item, list):
            pending.extend(reversed(item))
        elif isinstance(item, dict):
            if "@type" in item:
                objects.append(item)
            if isinstance(item.get("@graph"), list):
                pending.extend(reversed(item["@graph"]))
            if isinstance(item.get("mainEntity"), (dict, list)):
                pending.append(item["mainEntity"])
    return objects


def _types(item: dict) -> set[str]:
    kinds = item.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {kind.lower() for kind in kinds if isinstance(kind, str)}


def _site_names(sources: _Sources) -> list[str]:
    names = [value for key in _SITE_NAMES for value in sources.meta.get(key, [])]
    # a library's own name as the publisher of its digital edition (DC.publisher "Alicante : Biblioteca
    # Virtual Miguel de Cervantes"), which its pages also put in meta author
    names.extend(value.rsplit(" : ", 1)[-1].strip() for key in ("dc.publisher", "dcterms.publisher") for value in sources.meta.get(key, []))
    for item in sources.articles:
        if "website" in _types(item) or "organization" in _types(item) or "newsmediaorganization" in _types(item):
            names.extend(_names(item.get("name")))
        publisher = item.get("publisher")
        names.extend(_names(publisher.get("name") if isinstance(publisher, dict) else publisher))
    return [name for name in names if name]


_LOGO = re.compile(r"(?<![a-z0-9])(?:logo|site-logo|brand|navbar-brand|site-brand)(?![a-z0-9])", re.I)
_HOME_PAGE = re.compile(r"\s*[-–|:]\s*(?:home(?:\s*page)?|homepage|startseite|accueil|inicio|página de inicio)\s*$", re.I)
LOGO_NAMES_MAX = 4


def _logo_names(root: Node) -> list[str]:
    """The site's name as its logo gives it: the logo image's alt text, or the title of the logo's link home
    ("Corte costituzionale - Home page"), in an element the page names its logo."""
    names: list[str] = []
    for node in iter_elements(root):
        if len(names) >= LOGO_NAMES_MAX:
            break
        if not _LOGO.search(f"{node.get('id')} {node.get('class')}"):
            continue
        for element in iter_elements(node):
            for value in ((element.get("alt") if element.tag == "img" else ""), (element.get("title") if element.tag == "a" else "")):
                name = _HOME_PAGE.sub("", " ".join(value.split()))
                if name and len(name.split()) <= PUBLISHER_NAME_WORDS_MAX and name not in names:
                    names.append(name)
    return names


PUBLISHER_NAME_WORDS_MAX = 6


def _article_items(sources: _Sources) -> list[dict]:
    return [item for item in sources.articles if _types(item) & _ARTICLE_TYPES]


def _names(value) -> list[str]:
    """Names out of a JSON-LD author: a string, a Person/Organization, or a list of them."""
    if isinstance(value, str):
        # Blogging platforms (Ghost, some WordPress plugins) HTML-escape the strings
        # of their JSON-LD ("co-op&#x27;s"): the site means the character.
        value = html.unescape(value)
        return [" ".join(value.split())] if value.strip() else []
    if isinstance(value, dict):
        if isinstance(value.get("name"), (str, list)):
            # NPR's Person of two writers: {"@type": "Person", "name": ["Dana Whitfield", "Marco Ibáñez"]}.
            return _names(value["name"])
        given, family = value.get("givenName"), value.get("familyName")
        if isinstance(given, str) and isinstance(family, str):
            return _names(f"{given} {family}")
        return []
    if isinstance(value, list):
        return [name for item in value[:50] for name in _names(item)]
    return []


# -- title ----------------------------------------------------------------------

def _title(sources: _Sources, blocks: list[Block], gutenberg: str) -> str | None:
    for value in (v for key in _CITATION_TITLE for v in sources.meta.get(key, [])):
        return value
    if sources.author_and_title:
        return sources.author_and_title[1]
    heading = next((b.text for b in blocks if b.kind == HEADING and b.level == 1), None)
    for item in _article_items(sources):
        # "Headline - Publication" (Medium): the publisher's name is not the title's.
        named = [_without_site_name(name, sources) or name for key in ("headline", "name") for name in _names(item.get(key))[:1]]
        # schema.org's headline is the title, but some sites put a description
        # there (an encyclopedia's "former tidal watermill..."): the h1 decides.
        confirmed = [name for name in named if heading and name.casefold() == heading.casefold()]
        if confirmed or named:
            return (confirmed or named)[0]
    pg = _PG_TITLE.search(gutenberg)
    if pg:
        return pg.group(1).strip()
    generic = [v for key in _OTHER_TITLES for v in sources.meta.get(key, [])] + ([sources.page_title] if sources.page_title else [])
    # Word and LibreOffice put the file's name in <title> ("WP_2019-04_commuting_final_rev2").
    generic = [value for value in generic if not _FILE_NAME_TITLE.match(value)]
    # A court database's <title> is its first field, label and all ("Judgment Title: Ó Dálaigh -v- …").
    generic = [_TITLE_LABEL.sub("", value) for value in generic]
    if heading and not _is_site_name(heading, sources) and (
            not generic or any(_same_headline(heading, _without_site_name(value, sources) or value) for value in generic)):
        return heading
    for value in generic:
        title = (_headline_without(heading, value) if heading else None) or _without_site_name(value, sources)
        if title:
            return title
    return heading


# The <title> is often an editor's search-engine variant of the h1 ("Vernières : le
# tramway transporte…" for "Le tramway de Vernières transporte…"): same words, other order.
_SAME_HEADLINE_SCORE = 70
_HEADLINE_MIN_WORDS = 3


_TITLE_LABEL = re.compile(r"^(?:(?:judg(?:e)?ment|case|document|decision|report|page|article|book)\s+)?title\s*[:：]\s*(?=\S)", re.I)
_FILE_NAME_TITLE = re.compile(r"^[\w.-]*[_.][\w.-]*$|^.*\.(?:docx?|odt|rtf|pdf|html?)$", re.I)


def _same_headline(heading: str, title: str) -> bool:
    """Whether the h1 is the page title's headline (and not the site's logo or a section name)."""
    if _headline_without(heading, title) is not None:
        return False  # "Harbour dues rise - The Estuary Post" over an h1 "The Estuary Post": the logo
    if heading.casefold() in title.casefold():
        return True
    return len(heading.split()) >= _HEADLINE_MIN_WORDS and fuzz.token_set_ratio(heading, title, processor=default_process) >= _SAME_HEADLINE_SCORE


def _headline_without(site: str, title: str) -> str | None:
    """The title's headline when `site` is its last part ("Headline | Site").

    Only the suffix: with an h1 equal to the first part, "Headline | Site" and
    "Site | Headline" cannot be told apart without og:site_name, which
    _without_site_name already uses.
    """
    parts = [part.strip() for part in _TITLE_SEPARATORS.split(title)]
    if len(parts) < 2 or parts[-1].casefold() != site.strip().casefold():
        return None
    if len(parts) >= 3 and _reads_as_headline(site):
        return None  # "Centre for … - Publications - Paying for rural buses: who pays?": a site's path, headline last
    return " - ".join(parts[:-1])


_HEADLINE_WORDS = 7


def _reads_as_headline(text: str) -> bool:
    """A sentence-like h1 ("Paying for rural bus services: who should carry the cost?"), not a logo."""
    words = text.split()
    return len(words) >= _HEADLINE_WORDS or (len(words) >= _HEADLINE_MIN_WORDS and bool(re.search(r"[?:!]", text)))


def _is_site_name(text: str, sources: _Sources) -> bool:
    return any(text.casefold() == name.casefold() for name in sources.site_names)


def _without_site_name(title: str, sources: _Sources) -> str:
    """"Title | Coastal Review" -> "Title", when the suffix (or prefix) is the site's name."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) > 1:
        if _is_site_name(parts[-1], sources):
            return " - ".join(parts[:-1]) if len(parts) > 2 else parts[0]
        if _is_site_name(parts[0], sources):
            return parts[-1] if len(parts) == 2 else title
    return "" if _is_site_name(title, sources) else title


# -- authors --------------------------------------------------------------------

def _authors(sources: _Sources, root: Node, blocks: list[Block], excluded: Subtrees, gutenberg: str) -> list[str]:
    citation = _meta_names(sources, _CITATION_AUTHORS)
    if citation:
        return citation
    transcribed = _wikisource_field(root, "ws-author")
    if transcribed and (names := parse_author_line(transcribed)):
        return names
    site_as_author: list[str] = []
    for item in _article_items(sources):
        names = _unique(_names(item.get("author")) or _names(item.get("creator")))
        if names and all(_is_site_name(name, sources) or _is_court(name) for name in names):
            # Squarespace and others fill in the site's name when a post has no author field;
            # a byline on the page ("Written By Ruth Ackroyd") says who wrote it. A law site names
            # the court (CourtListener's {"@type": "Organization", "name": "District Court, D.
            # Montana"}): the judge the opinion names wrote it.
            if not _organisation_author(item):
                site_as_author = site_as_author or names
            continue
        if names:
            # The page's structured data often names only the first writer ("author": "Hélène
            # Marchetti") where its byline says "Hélène Marchetti et Julien Ravier": the byline is whole.
            visible = _byline_names(root, excluded)
            return visible if len(visible) > len(names) and all(name in visible for name in names) else names
    if sources.author_and_title:
        return [sources.author_and_title[0]]
    pg = _PG_AUTHOR.search(gutenberg)
    if pg:
        names = parse_author_line(_catalogue_name(pg.group(1)))
        if names:
            return names
    visible = (_byline_names(root, excluded) or _names_under_title(blocks) or _author_field(root) or _noted_names_line(blocks)
               or [name for name in [_edition_line(sources, "author")] if name]
               or _opinion_writer(blocks) or _signing_writer(blocks)
               or _judges_before(blocks)
               or _panel(root, blocks) or _author_box_names(root))
    # A newsroom's own name in article:author ("РИА Новости", its og:site_name too): an unsigned story, no writer.
    return visible or site_as_author or [name for name in _meta_names(sources, _OTHER_AUTHORS) if not _is_site_name(name, sources)]


def _organisation_author(item: dict) -> bool:
    """The structured data says the author is an organisation ({"@type": "Organization", "name": "The
    Economist"}): an unsigned article, no writer to name. A site's name given as a plain string
    (Squarespace's "author": "Harvest Notes") may still stand for its one writer."""
    authors = item.get("author") if isinstance(item.get("author"), list) else [item.get("author")]
    return bool(authors) and all(isinstance(author, dict) and "organization" in str(author.get("@type", "")).lower()
                                 for author in authors)


# A court, not a person: "District Court, D. Montana", "Supreme Court of Canada", "Cour d'appel".
_COURT = re.compile(r"\b(?:court|courts|tribunal|cour|gericht|gerichtshof|corte|tribunale)\b", re.I)


def _is_court(name: str) -> bool:
    return bool(_COURT.search(name))


def _meta_names(sources: _Sources, keys: tuple[str, ...]) -> list[str]:
    names: list[str] = []
    for key in keys:
        for value in sources.meta.get(key, []):
            if re.match(r"https?://|www\.|@", value):
                continue  # a profile link or a handle, not a name
            value = _catalogue_name(value)
            inverted = _INVERTED_NAME.match(value.strip())
            if inverted and (keys == _CITATION_AUTHORS or key in _CATALOGUE_KEYS) and not _NAME_SUFFIX.match(inverted.group("forename")):
                # Highwire's citation_author is "Surname, Forename" ("Brandauer, Katrin"), and so is a digital
                # library's Dublin Core creator ("Wendelin, Georg Heinrich"): one name, turned round
                names.append(f"{inverted.group('forename')} {inverted.group('surname')}")
                continue
            names.extend(parse_author_line(value) or [part.strip() for part in re.split(r";|\s+and\s+", value) if part.strip()])
    return _unique(names)


_CATALOGUE_KEYS = ("dc.creator", "dcterms.creator")
_NAME_WORD = r"[^\W\d_][\w'’.-]*"
# (a Spanish double surname joined by "y": "Echegoyen y Lastra, Ramón")
_INVERTED_NAME = re.compile(rf"^(?P<surname>(?:(?:van|von|de|der|den|du|le|la|di|da|del|dos|ten|ter)\s)*{_NAME_WORD}(?:\s(?:y|i)\s{_NAME_WORD})?),\s*(?P<forename>{_NAME_WORD}(?:\s{_NAME_WORD}){{0,2}})$")
_NAME_SUFFIX = re.compile(r"^(?:jr|sr|ii|iii|iv|phd|md|kc|qc|mp|dr|prof|ed|eds|hrsg)\.?$", re.I)


# A library catalogue's heading for a person: "Vaudrey, Prosper (1811-1879). Auteur du texte" (the BnF's,
# as Gallica's dc.creator gives it), "Pettigrew, Archibald R. (1861-1930)", "Archibald R. Pettigrew (1861-1930)"
# (Faded Page's "Author:"): the life dates and the role are the catalogue's, not the name.
_CATALOGUE_NAME = re.compile(
    r"^(?P<name>[^()\d]+?)\s*\((?:ca?\.\s*)?\d{3,4}\??\s*-\s*(?:\d{3,4}\??)?\)\.?"
    r"(?:\s*(?:auteur du texte|auteur|éditeur scientifique|éditeur|traducteur|illustrateur|préfacier|directeur de publication|"
    r"contributeur|compositeur|annotateur|commentateur|rédacteur)\.?)?\s*$", re.I)


def _catalogue_name(value: str) -> str:
    """The name of a catalogue heading ("Vaudrey, Prosper (1811-1879). Auteur du texte" -> "Prosper Vaudrey");
    any other value as it is."""
    match = _CATALOGUE_NAME.match(value.strip())
    if not match:
        return value
    name = match.group("name").strip(" ,.")
    inverted = _INVERTED_NAME.match(name)
    if inverted and not _NAME_SUFFIX.match(inverted.group("forename")):
        return f"{inverted.group('forename')} {inverted.group('surname')}"
    return name


def _unique(names: list[str]) -> list[str]:
    seen: list[str] = []
    for name in names:
        if name and name not in seen:
            seen.append(name)
    return seen


def _class_words(node: Node) -> str:
    """The class, and its camel-cased names in words: zeno.org's "zenoTXAuthor" also reads "zeno-TX-Author"."""
    classes = node.get("class")
    return f"{classes} {CAMEL_HUMP.sub('-', classes)}" if CAMEL_HUMP.search(classes) else classes


def _byline_elements(root: Node, excluded: Subtrees):
    for node in iter_elements(root):
        if node.tag in ("script", "style", "head", "meta", "link"):
            continue
        if ("author" in node.get("rel").lower().split() or node.get("itemprop") == "author"
                or node.tag == "address" or _BYLINE_CLASS.search(_class_words(node)) or _by_author_link(node)) \
                and not _is_organisation_part(node) and not excluded.hold(node):
            yield node


# A link to the writer's page after "by" (Wikisource's header "(1887) by <a href="/wiki/Author:Ellen_Marchbanks">",
# a blog's "by <a href="/author/jsmith/">").
_AUTHOR_PAGE = re.compile(r"(?:[/:](?:author|auteur|autor|autore|автор)[:/_-])", re.I)
_BY_BEFORE = re.compile(r"(?:^|\s)(?:by|par|von|di|de|por|автор:?)\s*$", re.I)


def _by_author_link(node: Node) -> bool:
    if node.tag != "a" or not _AUTHOR_PAGE.search(unquote(node.get("href"))) or node.parent is None:
        return False
    siblings = node.parent.children
    position = next((i for i, child in enumerate(siblings) if child is node), 0)
    before = siblings[position - 1] if position else ""
    return isinstance(before, str) and bool(_BY_BEFORE.search(before))


def _byline_names(root: Node, excluded: Subtrees) -> list[str]:
    for node in _byline_elements(root, excluded):
        if not is_small(node, _BYLINE_MAX_CHARS):  # a byline is a line; a large element's text is not read at each level
            continue
        names = _element_names(node, excluded)
        if names:
            # Several rel=author links make one byline, and so do several author cards in one
            # "Authors" field (each card in an item of its own): gather the others too.
            more = [n for other in _byline_elements(_byline_group(node, root), excluded) if other is not node
                    and not contains(node, other) and not contains(other, node) and is_small(other, _BYLINE_MAX_CHARS)
                    for n in _element_names(other, excluded)]
            return _unique(names + more)
    return []


def _element_names(node: Node, excluded: Subtrees) -> list[str]:
    """The names a byline element gives. Its text read as one line, unless the element holds
    lines of its own (blocks, <br>): a name never runs from one line into the next, so NPR's
    byline block (<p class="byline__name">Dana Whitfield</p> … <p class="byline__name">Marco
    Ibáñez</p><p class="byline__title">KCUR</p>) is its bylines one by one, where the whole text
    would make one name of two writers and their station."""
    lines = _byline_lines(node)
    if len(lines) < 2:
        return _names_in_line(_names_text(node)) or _names_in_a_part(node)
    inner = [n for other in _byline_elements(node, excluded) if other is not node and len(_byline_lines(other)) < 2
             for n in _names_in_line(_names_text(other)) or _names_in_a_part(other)]
    return _unique(inner or [n for line in lines for n in _names_in_line(line)])


# The byline's part naming the writers' newsroom, not a writer: ProPublica's "by Dana Whitcomb and
# Marcus Oyelaran, <span class="byline__org">Indiana Ledger</span>".
_ORGANISATION_CLASS = re.compile(r"(?<![a-z0-9])(?:[a-z0-9]+(?:__|-|_))?(?:org|organi[sz]ation|outlet|partner)(?![a-z0-9])", re.I)


def _is_organisation_part(node: Node) -> bool:
    return node.tag in ("span", "em", "i", "a", "strong", "b") and bool(_ORGANISATION_CLASS.search(node.get("class")))


def _names_text(node: Node) -> str:
    """A byline element's text with its newsroom's name left out."""
    return text_of(node, skip=_is_organisation_part)


def _byline_lines(node: Node) -> list[str]:
    """The element's text split where a block element or a <br> parts it, empty lines left out."""
    text: list[str] = []
    pending: list[Node | str | None] = [node]
    while pending:
        item = pending.pop()
        if item is None:
            text.append(_LINE_BREAK)  # after a block's children: its end parts it from what follows
            continue
        if isinstance(item, str):
            text.append(" ".join(item.split("\n")))  # the source's own line ends are white space
            continue
        if item.tag in ("script", "style"):
            continue
        if item.tag == "br" or (item is not node and item.tag in BLOCK_TAGS):
            text.append(_LINE_BREAK)
            pending.append(None)
        pending.extend(reversed(item.children))
    return [line for part in "".join(text).split(_LINE_BREAK) if (line := " ".join(part.split()))]


_LINE_BREAK = "\x00"


# A box of the piece's authors beside the text, titled as such: IW Köln's (TYPO3) sidebar
# <div class="box box--authors"><h3>Autor:innen</h3><div class="author">…<p class="author__name">.
# The sidebar is the site's, so its bylines are read only when the page has no other, and only
# from a box whose own heading says it holds the authors (not "Experts", "Contact", "More by").
_AUTHOR_BOX_HEADING = re.compile(
    r"^(?:(?:the\s+|about\s+the\s+)?authors?|written\s+by|autor(?:in|en|innen|:innen|\*innen|_innen|/innen)?|"
    r"über\s+(?:den|die)\s+autor(?:in|en|innen|:innen|\*innen)?|auteur(?:e|s|es|\.ice\.s)?|autrices?|autori|autore|autores|autora)\s*:?$",
    re.I,
)
_AUTHOR_BOX_MAX_CHARS = 2000


def _author_box_names(root: Node) -> list[str]:
    for node in iter_elements(root):
        if node.tag not in ("h2", "h3", "h4", "h5", "h6", "p", "div", "span", "strong") or not is_small(node, 40) \
                or not _AUTHOR_BOX_HEADING.match(text_of(node)):
            continue
        box = node.parent
        if box is None or not _BYLINE_CLASS.search(box.get("class")) or box.text_length > _AUTHOR_BOX_MAX_CHARS:
            continue
        # Each card under the heading on its own: the box's whole text would read its heading as a name.
        names = _unique([name for card in box.children if isinstance(card, Node) and card is not node
                         for name in _byline_names(card, Subtrees([]))])
        if names:
            return names
    return []


_BYLINE_GROUP_LEVELS = 3
_BYLINE_GROUP_MAX_CHARS = 600


def _byline_group(byline: Node, root: Node) -> Node:
    """The smallest ancestor, a few levels up and still short, that holds another byline element."""
    group = byline.parent or root
    for _ in range(_BYLINE_GROUP_LEVELS):
        others = [n for n in _byline_elements(group, Subtrees([])) if not contains(byline, n) and not contains(n, byline)]
        if others or group.parent is None or not is_small(group.parent, _BYLINE_GROUP_MAX_CHARS):
            return group
        group = group.parent
    return group


def _names_in_a_part(byline: Node) -> list[str]:
    """The names in one of the byline's own elements, where the whole line also holds a date or
    a role on a line of its own (<span>Dr Helen Waterford and Simon Achebe</span><br><span>20 March 2008</span>)."""
    for child in byline.children:
        if isinstance(child, Node) and child.tag not in ("br", "time"):
            names = _names_in_line(_names_text(child))
            if names:
                return names
    return []


# The judge who wrote an opinion, as law reports print it over the opinion: "RIGGS, J.",
# "Linder, P.J.", "HOLMES, C.J.", "Ashworth LJ".
_OPINION_AUTHOR = re.compile(r"^(?P<name>[A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+)?),? (?:C\.\s?J\.|P\.\s?J\.|J\.|JJ\.|LJ|MR|VP)$")


def _names_in_line(line: str) -> list[str]:
    if not line or len(line) > _BYLINE_MAX_CHARS:
        return []
    judge = _OPINION_AUTHOR.match(line.strip())
    if judge:
        return [line.strip()]
    for piece in _PIECE_SEPARATORS.split(line):
        piece = _BYLINE_PREFIX.sub("", piece.strip()).strip(" .,:")
        names = parse_author_line(piece) if piece else None
        if not names and _ROLE_IN_PARENTHESES.search(piece):
            # "Hélène Marchetti et Julien Ravier (Lyon, correspondant)": where and what a writer is, not a name
            names = parse_author_line(_ROLE_IN_PARENTHESES.sub("", piece).strip())
        if names:
            return names
    return []


_ROLE_IN_PARENTHESES = re.compile(r"\s*\([^()]{1,60}\)")


# An English judgment's head: "Before :" on a line of its own, then the judges, one a line
# ("HIS HONOUR JUDGE PEMBERTON", "LORD JUSTICE BEAN", "and", "(sitting as a Judge of the High Court)").
# Word's judgment template letter-spaces it: "B e f o r e :".
_BEFORE_LINE = re.compile(r"^\s*(?:before|b e f o r e|coram)\s*:?\s*$", re.I)
_JUDGE_LINE = re.compile(
    r"^\s*(?:the (?:right )?hon(?:ou)?rable\s+)?(?:(?:his|her) honour judge|(?:mr|mrs|ms|madam) justice|lord justice|lady justice|"
    r"lord|lady|sir|dame|deputy (?:high court |district )?judge|district judge|master|recorder|upper tribunal judge|judge)\s+"
    r"(?P<name>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3})(?:\s+(?:KC|QC))?\s*,?\s*$",
    re.I,
)
_JUDGES_BLOCKS_AFTER_BEFORE = 2


def _opinion_writer(blocks: list[Block]) -> list[str]:
    writer = opinion_writer([line for block in blocks[:_JUDGES_HEAD_BLOCKS] for line in block.text.split("\n")])
    return [writer] if writer else []


def _signing_writer(blocks: list[Block]) -> list[str]:
    lines = [line for block in blocks[-SIGNATURE_LINES:] if block.kind == PARAGRAPH for line in block.text.split("\n")]
    writer = signing_writer(lines)
    return [writer] if writer else []


# A document's own field of its authors, in its list of fields: a PEP's "Author:" (its RFC 2822 header
# rendered as <dt>/<dd>), a repository's "Autor(en)". Addresses after the names are no part of them.
_ADDRESS_AFTER_NAME = re.compile(r"\s*(?:<[^<>]{1,80}>|\([^()]{0,80}(?:@| at )[^()]{0,80}\))")


def _author_field(root: Node) -> list[str]:
    for label, value in _labelled_fields(root):
        if AUTHOR_FIELD_LABEL.match(label):
            names = parse_author_line(_ADDRESS_AFTER_NAME.sub("", " ".join(text_of(value).split())))
            if names:
                return names
    return []


def _judges_before(blocks: list[Block]) -> list[str]:
    """The judges named under "Before :" in a judgment's head: its authors."""
    for index, block in enumerate(blocks[:_JUDGES_HEAD_BLOCKS]):
        if block.kind != PARAGRAPH or not _BEFORE_LINE.match(block.text):
            continue
        judges = []
        for following in blocks[index + 1:index + 1 + _JUDGES_BLOCKS_AFTER_BEFORE]:
            for line in following.text.split("\n"):
                line = line.strip()
                if not line or line.lower() == "and" or line.startswith("("):
                    continue
                match = _JUDGE_LINE.match(line)
                if not match or not line.isupper():
                    return judges
                judges.append(" ".join(word.title() if word not in ("KC", "QC") else word for word in line.rstrip(" ,").split()))
        return judges
    return []


def _panel(root: Node, blocks: list[Block]) -> list[str]:
    """The judges a court's field names: its metadata list's "Judgment by" (the writer) or "Judges",
    a "Coram:" line of the head."""
    fields = _labelled_fields(root)
    for label, value in [field for field in fields if WRITER_FIELD_LABEL.match(field[0])] + fields:
        if PANEL_LABEL.match(label) or WRITER_FIELD_LABEL.match(label):
            names = panel_names(text_of(value))
            if names:
                return names
    return panel([line for block in blocks[:_JUDGES_HEAD_BLOCKS] for line in block.text.split("\n")])


_FIELD_LABEL_MAX_CHARS = 40


def _labelled_fields(root: Node) -> list[tuple[str, Node]]:
    """A page's own list of the document's fields, label and value: <dt>/<dd> pairs (Peachjam's
    "Judges" / "Judgment date"), two-cell table rows (<th>Court</th><td>…</td>) and three-cell
    ones with a colon cell between."""
    fields: list[tuple[str, Node]] = []
    for node in iter_elements(root):
        if node.tag == "dt" and node.parent is not None and is_small(node, _FIELD_LABEL_MAX_CHARS):
            siblings = [child for child in node.parent.children if isinstance(child, Node)]
            after = siblings[siblings.index(node) + 1:siblings.index(node) + 2]
            if after and after[0].tag == "dd" and is_small(after[0], _BYLINE_MAX_CHARS):
                fields.append((text_of(node), after[0]))
        elif node.tag == "tr":
            cells = [child for child in node.children if isinstance(child, Node) and child.tag in ("th", "td")]
            if len(cells) == 3 and text_of(cells[1]).strip() in (":", "："):
                cells = [cells[0], cells[2]]  # Singapore's eLitigation: "Decision Date" | ":" | "02 April 2024"
            if len(cells) == 2 and is_small(cells[0], _FIELD_LABEL_MAX_CHARS) and is_small(cells[1], _BYLINE_MAX_CHARS):
                fields.append((text_of(cells[0]), cells[1]))
    return fields


# The field that dates a decision in a court's metadata list: Peachjam's "Judgment date", "Date
# of judgment", "Decision date", "Date delivered", "Date decided" (not the day it was heard or filed).
_DECISION_DATE_LABEL = re.compile(
    r"^\W*(?:judg(?:e)?ment date|date of (?:the )?judg(?:e)?ment|decision date|date of (?:the )?decision|ruling date|"
    r"date of ruling|date delivered|date of delivery|delivered(?: on)?|date decided|decided(?: on)?|"
    r"fecha de (?:la )?(?:sentencia|resolución)|entscheidungsdatum|date de (?:la )?décision|data (?:della )?decisione|"
    # dgsi.pt's "Data do Acordão:" (so spelt on the site), "Data da Decisão:"
    r"data d[oa] (?:ac[oó]rd[aã]o|decis[aã]o|senten[cç]a)|"
    # Poland's court databases ("Data orzeczenia"), the Netherlands' ("Datum uitspraak"), Czechia's, Russia's
    r"data (?:orzeczenia|wydania)|datum (?:van )?uitspraak|uitspraakdatum|datum rozhodnutí|дата (?:решения|вынесения|постановления))\s*[:：]?\s*$"
    # a court database's own field, labelled with its colon (CENDOJ's "Fecha: | 14/03/2023", "Datum:")
    r"|^\W*(?:fecha|datum|date|data)\s*[:：]\s*$", re.I)


# A document's own "Created" field in its header fields (a PEP's "Created: 14-Feb-2025"): the day it came out,
# ...and a reference work's "Cite this" table: "Year of publication: | 1976" (not its "Access Date").
_CREATED_LABEL = re.compile(r"^\W*(?:created|date created|erstellt|créé|creado|year of publication|publication year|"
                            r"erscheinungsjahr|année de publication|año de publicación|"
                            # Wikisource's header table in Polish and Czech ("Data wyd." | "1887"), a catalogue's in Russian
                            r"data wyd\.?|rok wydania|rok vydání|datum vydání|год издания|utgivningsår|udgivelsesår)\s*[:：]?\s*$", re.I)


def _decision_date_fields(root: Node) -> list[str]:
    return [text_of(value) for label, value in _labelled_fields(root)
            if _DECISION_DATE_LABEL.match(label) or _CREATED_LABEL.match(label)]


_JUDGES_HEAD_BLOCKS = 40
"""A judgment's head is its first blocks; a "Before:" further down is a sentence."""


def _lines_under_title(blocks: list[Block]) -> list[str]:
    start = next((i for i, b in enumerate(blocks) if b.kind == HEADING and b.level == 1), None)
    if start is None:
        return []
    lines = []
    for block in blocks[start + 1: start + 1 + _BYLINE_BLOCKS_AFTER_TITLE]:
        if block.kind == HEADING:
            break
        if block.kind == PARAGRAPH and len(block.text) <= _BYLINE_MAX_CHARS:
            lines.append(block.text)
    return lines


def _edition_line(sources: _Sources, part: str) -> str | None:
    """The writer or the year the Internet Sacred Text Archive's description names (SACRED_TEXTS_LINE)."""
    for value in sources.meta.get("description", []):
        match = re.match(SACRED_TEXTS_LINE, " ".join(value.split()))
        if match:
            return match.group(part).strip()
    return None


_NOTED_NAMES_BLOCKS = 12


def _noted_names_line(blocks: list[Block]) -> list[str]:
    """The authors of a paper named on the line under a heading and nothing else there but the call
    of their note ("Rachel Okafor and Dmitri Halvorsen¹" under a FEDS Note's title, the note saying
    who they are and thanking readers): names, no "By", the note marking them as the writers."""
    for previous, block in zip(blocks[:_NOTED_NAMES_BLOCKS], blocks[1:_NOTED_NAMES_BLOCKS]):
        if previous.kind != HEADING or block.kind != PARAGRAPH or len(block.text) > _BYLINE_MAX_CHARS:
            continue
        text = block.text.strip()
        if not PLACEHOLDER_PATTERN.search(text[-1:]):
            continue
        names = parse_author_line(PLACEHOLDER_PATTERN.sub("", text).strip())
        if names:
            return names
    return []


def _names_under_title(blocks: list[Block]) -> list[str]:
    for line in _lines_under_title(blocks):
        if _BYLINE_PREFIX.match(line.strip()) or AUTHOR_PREFIX.match(line.strip()):
            names = _names_in_line(line)
            if names:
                return names
    return []


# -- date -----------------------------------------------------------------------

def _date(sources: _Sources, root: Node, blocks: list[Block], excluded: Subtrees, gutenberg: str, warnings: list[str],
          datelines: list[str] = ()) -> str | None:
    ranked: list[str] = [v for key in _CITATION_DATES for v in sources.meta.get(key, [])]
    ranked.extend(filter(None, [_wikisource_field(root, "ws-year") or _wikisource_published(root)]))
    for item in _article_items(sources):
        ranked.extend(value for key in ("datePublished", "dateCreated") if isinstance(value := item.get(key), str))
    if _PG_RELEASE.search(gutenberg):
        # The release date is the ebook's: the work is dated by its title page's imprint, or not at all.
        return imprint_year([line for block in blocks[:_TITLE_PAGE_BLOCKS] for line in block.text.split("\n")])
    edition = _edition_matter(root)
    if edition:
        # An ebook's colophon: "A Summer on the Fens / was published in 1871 by …": the work's year
        # goes before the ebook's own dates (its dc.date is the day the file was produced).
        ranked[:0] = [next(year for year in match.groups() if year)
                      for match in islice((m for text in edition for m in _COLOPHON_PUBLISHED.finditer(text)), 1)]
    found = None
    # A court's decision date goes after the page's own <time> and byline (a news story about a
    # ruling cites it under its title) and before the lines under the title and the page's DC.date.
    for group in (ranked, _visible_dates(root, excluded) + _labelled_publication_dates(root, excluded) + _decision_date_fields(root)
                  + _decision_dates(blocks, sources.meta)
                  # a stamp the page set apart says more than a line of text under the title
                  + _publication_datelines(datelines) + _dates_under_title(blocks, root)
                  + _case_title_dates(sources.page_title) + _year_fields(root) + _closing_seat_dates(blocks)
                  + [year for year in [_edition_line(sources, "year")] if year],
                  [] if edition else [v for key in _OTHER_DATES for v in sources.meta.get(key, [])] + _web_page_dates(sources),
                  _source_edition_years(root), _last_modified_dates(root)):
        for value in group:
            date = _iso_date(value)
            if date and found is None:
                found = date
                if len(found) == len("2024-01-01"):
                    return found
            elif date and date.startswith(found + "-"):
                # "Date: 04/11/2022" reads as 2022 only (day and month could be either way round);
                # the page's DC.date "2022-11-04" agrees with it and says the day.
                return date
            if date is None and _looks_like_date(value):
                warnings.append(f"impossible date ignored: {value[:40]!r}")
    return found


# A digital library's line on the printed edition it transcribed, at the foot of the page: zeno.org's "Quelle:
# Gustav Eberhard Lindenmayer: Die städtische Wasserversorgung … Stuttgart: J. G. Cotta'sche Buchhandlung,
# 1872, S. 45-49.", "Source: … London: John Murray, 1868, pp. 12–30." The year is the work's.
_SOURCE_EDITION = re.compile(r"^\W*(?:quelle|textquelle|textgrundlage|vorlage|source|source text)\s*:\s*.{5,300}?"
                             r"\b[A-ZÄÖÜ][\w.'’ -]{1,30}:\s[^,:]{3,80},\s(?P<year>1[5-9]\d\d)"
                             r"(?:,\s*(?:S\.|pp?\.|Sp\.)\s*[\dIVXLC]+(?:\s*[-–]\s*[\dIVXLC]+)?)?\.?\s*$", re.I)


def _source_edition_years(root: Node) -> list[str]:
    return [match.group("year") for node in iter_elements(root) if node.tag in ("div", "p", "li", "dd", "span")
            and 0 < node.text_length <= _SOURCE_LINE_MAX_CHARS and not _has_block_children(node)
            and (match := _SOURCE_EDITION.match(" ".join(text_of(node).split())))]


_SOURCE_LINE_MAX_CHARS = 400


def _has_block_children(node: Node) -> bool:
    return any(isinstance(child, Node) and child.tag in ("div", "p", "li", "ul", "ol", "table") for child in node.children)


_TITLE_PAGE_BLOCKS = 12
"""A book's title page is its first blocks (a transcriber's note may come first)."""


# Wikisource's header template marks the transcribed work's data for export tools (WsExport) in every
# language: <span id="ws-author">, "ws-title", "ws-year" (the German "Textdaten" box: "Autor:", "Erscheinungsdatum:").
# They are the work's; the page's own dates are its edits.
_WIKISOURCE_FIELD_MAX_CHARS = 200


def _wikisource_field(root: Node, field_id: str) -> str | None:
    node = next((element for element in iter_elements(root) if element.get("id") == field_id), None)
    if node is None or not 0 < node.text_length <= _WIKISOURCE_FIELD_MAX_CHARS:
        return None
    return " ".join(text_of(node).split())


# The Russian Wikisource header gives the work's dates in one span, the day written and the day
# published: <span class="ws-date">Дата создания: октябрь 1859, опубл.: 1860</span>.
_PUBLISHED_PART = re.compile(r"\bопубл(?:\.|иковано)\s*:?\s*(?P<date>[^,;]{2,40})", re.I)


def _wikisource_published(root: Node) -> str | None:
    node = next((element for element in iter_elements(root) if "ws-date" in element.get("class").split()), None)
    if node is None or not 0 < node.text_length <= _WIKISOURCE_FIELD_MAX_CHARS:
        return None
    published = _PUBLISHED_PART.search(text_of(node))
    return published.group("date").strip(" .") if published else None


# A dateline taken out of the text says the day of publication unless it says it is a later one.
_LATER_DATE_LABEL = re.compile(r"^\W*(?:(?:last )?(?:updated|modified|edited|reviewed|revised)|last edited|mis à jour|modifié|"
                               r"aktualisiert|zuletzt|geändert|actualizado|aggiornato|stand)\b", re.I)


# A decision or a letter signed off where and when it was made, alone on its line near the end:
# "Coimbra, 12 de Março de 2024", "Paris, le 14 mars 2024", "Berlin, den 14. März 2024". The last
# place it is looked for: it tells the day a field's "03/12/2024" leaves open (either way round).
_SEAT_DATELINE = re.compile(r"^(?P<seat>[A-ZÀ-Þ][\w'’.-]+(?:\s+[\w'’.-]+){0,3}),\s*(?:(?:em|le|den|am|el|il|a|à|on)\s+)?"
                            r"(?P<date>\d{1,2}\.?(?:º|er)?\s+(?:de\s+)?[^\W\d_]{3,12}\.?\s+(?:de\s+)?\d{4})\.?$")
_CLOSING_LINES = 30


def _closing_seat_dates(blocks: list[Block]) -> list[str]:
    lines = [line.strip() for block in blocks if block.kind == PARAGRAPH for line in block.text.split("\n") if line.strip()]
    return [match.group("date") for line in lines[-_CLOSING_LINES:] if (match := _SEAT_DATELINE.match(line))]


def _publication_datelines(datelines: list[str]) -> list[str]:
    pieces = [piece for line in datelines if not _LATER_DATE_LABEL.match(line) for piece in _date_pieces(_FIRST_STAMP.sub("", line))]
    # a timestamp's time of day is no part of its date ("Thu 14 Mar 2024 15.30 GMT", "14.03.2024, 17.02 Uhr")
    return [date for piece in pieces for date in (piece, TIME_OF_DAY.sub("", piece)) if date]


# "Thu 14 Mar 2024 15.30 GMT Last modified on …": the first stamp is the publication's
_FIRST_STAMP = re.compile(r"\s+(?:last modified on|last updated(?: on)?|updated(?: on)?)\s+.*$", re.I)


def _web_page_dates(sources: _Sources) -> list[str]:
    """The datePublished of a schema.org WebPage (Yoast's graph for a post of no Article type, an
    encyclopedia's entry): the day the page went up, as generic as article:published_time, and
    still the day it was published where the page's only other date is the day it was last updated."""
    return [value for item in sources.articles if "webpage" in _types(item) and isinstance(value := item.get("datePublished"), str)]


# EPUB's structural semantics name an ebook's own matter (Standard Ebooks' "z3998:colophon",
# "z3998:copyright-page", "imprint"; html_content.is_edition_matter, which also keeps that matter out of the
# text): a page that has one is an edition of a work, and its generic dates (dc.date
# "2023-09-18T16:02:44Z") are the edition's, not the work's.
# The colophon or copyright page states when the work itself came out: "A Summer on the Fens
# was published in 1871 by …", "First published in 1871", "originally published in 1871".
_COLOPHON_PUBLISHED = re.compile(r"\b(?:was|were)\s+(?:first\s+|originally\s+)?published\s+in\s+(1[5-9]\d\d|20\d\d)\b"
                                 r"|\b(?:first|originally)\s+published\s+in\s+(?:[A-Z][\w ]{0,30}?\s+in\s+)?(1[5-9]\d\d|20\d\d)\b", re.I)


_EDITION_MATTER_MAX_CHARS = 5000


def _edition_matter(root: Node) -> list[str]:
    """The text of the ebook's own matter (the start of each), or [] for a page that is no ebook."""
    return [text_of(node, limit=_EDITION_MATTER_MAX_CHARS) for node in iter_elements(root)
            if is_edition_matter(node)]


def _visible_dates(root: Node, excluded: Subtrees) -> list[str]:
    values: list[str] = []
    for node in iter_elements(root):
        if node.tag != "time" or excluded.hold(node):
            continue
        context = [node, *islice(node.ancestors(), 4)]
        if node.get("itemprop") == "datePublished" or "pubdate" in node.attrs or any(
                _DATE_CLASS.search(n.get("class")) or _BYLINE_CLASS.search(n.get("class")) or n.tag == "header" for n in context):
            values.extend(v for v in (node.get("datetime"), text_of(node) if is_small(node, _BYLINE_MAX_CHARS) else "") if v)
    for node in _byline_elements(root, excluded):
        if is_small(node, _BYLINE_MAX_CHARS):
            values.extend(_date_pieces(text_of(node)))
    values.extend(_dates_by_title(root, excluded))
    for node in iter_elements(root):
        # A law report's decision date: the Caselaw Access Project's <p class="decisiondate">affirmed
        # March 4, 1998</p>, a judgment's "judgment-date".
        if _DECISION_DATE_CLASS.search(node.get("class")) and not excluded.hold(node) and is_small(node, _BYLINE_MAX_CHARS):
            date = find_date(text_of(node))
            if date:
                values.append(date)
    return values


# A court's decision dated in the page's head, the way courts and law reports cite it: the
# BVerfG's "Zitierung: BVerfG, Beschluss des Ersten Senats vom 21. November 2023 - 1 BvR 2417/20 -",
# its "Leitsätze zum Urteil des Zweiten Senats vom 30. Juni 2009", the formula "am 21. November
# 2023 beschlossen:", the BGH's "Urteil vom 12. März 2020 - I ZR 126/18", the CJEU's "Judgment of
# the Court (Grand Chamber) of 14 March 2023", the Conseil constitutionnel's "Décision n° 2023-849
# DC du 14 avril 2023". Only a line that opens with it counts ("gegen das Urteil des
# Bundesverwaltungsgerichts vom 9. Juli 2020" names the decision under appeal), and only in the
# head: the decision's date is the document's, before the day its page or press release went up.
_DECISION_DATE_TEXT = r"(?P<date>\d{1,2}\.?\s*[^\W\d_]{3,12}\.?\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{4}|1er\s+[^\W\d_]{3,12}\s+\d{4}|[^\W\d_]{3,9}\.?\s+\d{1,2},\s+\d{4})"
_DECISION_LINE = re.compile(
    r"^(?:(?:zitierung|zitiervorschlag|citation|cite as|leitsätze|leitsatz)\s*:?\s*)?"
    r"(?:(?:zum|zur|zu dem)\s+)?"
    r"(?:[A-ZÄÖÜ][\w.'’-]{1,40}(?:\s+[\w.'’-]{1,30}){0,4},\s+)?"  # the court: "BVerfG, ", "Bundesgerichtshof, "
    r"(?:(?:beschluss|kammerbeschluss|urteil|teilurteil|endurteil|zwischenurteil|versäumnisurteil|gerichtsbescheid|"
    r"erkenntnis)(?:\s+(?:des|der)\s+[^\d,;:]{1,60}?)?\s+vom"
    r"|(?:judgment|judgement|order|decision|ruling)(?:\s+of\s+the\s+[^\d,;:]{1,60}?)?\s+of"
    r"|(?:arrêt|décision|ordonnance|jugement)(?:\s+[^,;:]{1,40}?)?\s+du"
    # an Italian court's head: "Deposito del 27/05/2025", "Depositata in Cancelleria il 27 maggio 2025", "Pubblicato il 14/03/2024"
    r"|(?:deposito|depositat[ao](?:\s+in\s+(?:cancelleria|segreteria))?|pubblicat[ao]|sentenza|ordinanza)\s+(?:del|il)"
    # an American slip opinion's head: "Decided on April 23, 2024", "Decided June 21, 2024"
    r"|decided(?:\s+on)?"
    # a judgment's head field on one line: Hong Kong's "Date of Judgment: 26 April 2024"
    r"|(?:date\s+of\s+(?:the\s+)?(?:judg(?:e)?ment|decision|ruling|delivery)|judg(?:e)?ment\s+date|decision\s+date|date\s+delivered)\s*:)\s+"
    + _DECISION_DATE_TEXT
    + r"(?=\s*(?:$|[-–—,.;:(]|(?:Az\.?|Aktenzeichen|in case|case)\b))",
    re.I,
)
_DECISION_FORMULA = re.compile(r"^am\s+" + _DECISION_DATE_TEXT + r"\s+(?:einstimmig\s+)?beschlossen\s*:?$", re.I)
_DECISION_HEAD_BLOCKS = 20
"""Blocks of the head when the page has no h1; with one, those over it and a few under it."""
_DECISION_BLOCKS_AFTER_TITLE = 6


def _decision_dates(blocks: list[Block], meta: dict[str, list[str]]) -> list[str]:
    title = next((i for i, b in enumerate(blocks) if b.kind == HEADING and b.level == 1), None)
    end = _DECISION_HEAD_BLOCKS if title is None else title + 1 + _DECISION_BLOCKS_AFTER_TITLE
    # a note's call is no word of the line ("14 March 2024 (*)", the call of the CJEU's language note)
    lines = [PLACEHOLDER_PATTERN.sub("", line).strip() for block in blocks[:end] if block.kind in (PARAGRAPH, HEADING)
             for line in block.text.split("\n")]
    # a table's cells, joined by "; " in its row ("Udienza del 05/02/2024; Deposito del 19/03/2024"), are fields each
    lines = [cell for line in lines for cell in line.split("; ")]
    dates = [match.group("date") for line in lines
             if len(line) <= _BYLINE_MAX_CHARS and (match := _DECISION_LINE.match(line) or _DECISION_FORMULA.match(line))]
    dates.extend(_dates_under_decision_kind(lines))
    # The decision page's description is the decision's citation and nothing more ("Beschluss des
    # Ersten Senats vom 21. November 2023 - 1 BvR 2417/20"); a story's "Urteil vom …: Mieter dürfen …" is not.
    for value in (value for key in ("description", "dc.description", "og:description") for value in meta.get(key, [])):
        match = _DECISION_LINE.match(value)
        if match and _DOCKET_ONLY.match(value[match.end():]):
            dates.append(match.group("date"))
        # ...or the database's listing of it ("Cour de cassation, civile, Chambre civile 3, 14 mars 2024, 22-21.456, …")
        dates.extend(_court_listing_date(value))
    return dates


# A judgment's head names the document's kind on a line of its own and, under it, alone on its
# line, the day it was delivered, often after the court's seat: HUDOC's "JUDGMENT" / "STRASBOURG" /
# "14 March 2024" (in French "ARRÊT" / "STRASBOURG" / "14 mars 2024"), the CJEU's "JUDGMENT OF THE
# COURT (Third Chamber)" / "14 March 2024 (*)". Newer HUDOC judgments put the keywords and "Prepared
# by the Registry" between them. A later "FINAL" / "14/06/2024" is the day the judgment became final:
# only the first date under the kind counts, and only a line that is a date and nothing else.
_DECISION_KIND_LINE = re.compile(
    r"^(?:judgment|judgement|decision|arrêt|décision|urteil|beschluss|ordonnance|sentenza|sentencia|sentença|arrest)"
    r"(?:\s+(?:of\s+the\s+court|de\s+la\s+cour|des\s+gerichtshofs)(?:\s*\([^()]{1,40}\))?)?\s*$", re.I)
_SEAT_AND_DATE = re.compile(r"^(?:[A-ZÀ-Þ][\w'’ -]{1,30},\s*)?(?P<date>.+?)(?:\s*\(\*\)|\*)?$")
_DECISION_DATE_AFTER_KIND_LINES = 4


def _dates_under_decision_kind(lines: list[str]) -> list[str]:
    for index, line in enumerate(lines):
        if not _DECISION_KIND_LINE.match(line):
            continue
        for following in lines[index + 1:index + 1 + _DECISION_DATE_AFTER_KIND_LINES]:
            match = _SEAT_AND_DATE.match(following) if len(following) <= _YEAR_FIELD_MAX_CHARS else None
            if match and parse_date(match.group("date")):
                return [match.group("date")]
        return []
    return []


_DOCKET_ONLY = re.compile(r"^\s*(?:[-–—,]\s*(?:Az\.?\s*)?[\w ./]{1,30}?\s*[-–—]?)?\s*[.,]?\s*$")


_CHANGED_CLASS = re.compile(r"modif|updat|chang|edit", re.I)
_DATE_BY_TITLE_LEVELS = 2
"""How far up from a date element the title's own block (TYPO3's div.article__head) may be."""


def _dates_by_title(root: Node, excluded: Subtrees) -> list[str]:
    """A date in an element of its own, classed as one, beside the h1 in the article's head
    (IW Köln's <span class="article__date">11. April 2024</span> over the title): a teaser's
    date in a list of related pages is classed the same, so only the title's block counts."""
    title = next((node for node in iter_elements(root) if node.tag == "h1" and not excluded.hold(node)), None) \
        or _headline_without_h1(root, excluded)
    if title is None:
        return []
    values = []
    for node in iter_elements(root):
        if node.tag in ("span", "div", "p", "small", "li", "dd") and _DATE_CLASS.search(node.get("class")) \
                and not _CHANGED_CLASS.search(node.get("class")) \
                and is_small(node, _YEAR_FIELD_MAX_CHARS) and not excluded.hold(node) \
                and any(contains(ancestor, title) for ancestor in islice(node.ancestors(), _DATE_BY_TITLE_LEVELS)):
            text = text_of(node)
            lead = _DATE_LEAD.match(text)
            if parse_date(text[lead.end():] if lead else text):
                values.append(text)
    return values


def _headline_without_h1(root: Node, excluded: Subtrees) -> Node | None:
    """A page with no h1 sets its headline in a lower heading (the Federal Reserve's <h3 class="title">):
    the first h2-h4 whose words the page's <title> holds."""
    page_title = next((" ".join(text_of(node).split()) for node in iter_elements(root) if node.tag == "title"), "")
    if not page_title:
        return None
    return next((node for node in iter_elements(root) if node.tag in ("h2", "h3", "h4") and not excluded.hold(node)
                 and len(text_of(node).strip()) >= _HEADLINE_MIN_CHARS and " ".join(text_of(node).split()) in page_title), None)


_HEADLINE_MIN_CHARS = 12


_DECISION_DATE_CLASS = re.compile(r"(?<![a-z])(?:decisiondate|decision-date|judgment-date|date-decided|date-filed)(?![a-z])", re.I)


# "Last updated: March 13, 2024", DokuWiki's "Laatst gewijzigd: 2024/02/29 16:18 door …": when the
# page states no other date, the day its text was last changed is the date it has.
_LAST_MODIFIED = re.compile(
    r"^\W*(?:[\w./-]+\s+·\s+)?(?:last (?:updated|modified|changed|edited|reviewed)|page last (?:updated|modified)|"
    r"laatst gewijzigd|laatst bijgewerkt|zuletzt (?:geändert|aktualisiert|bearbeitet)|letzte änderung|"
    r"dernière (?:modification|mise à jour)|(?:última|ultima) (?:modificación|actualización|modifica)|"
    r"последн(?:ее|ие) изменени[ея])\s*(?:on|am|le|el|il|op)?\s*:?\s*(?P<date>.+)$",
    re.I,
)


# A page's own line saying when it came out, beside the day it was last changed: Encyclopedia
# Virginia's "First published: March 22, 2021 | Last modified: September 8, 2023" (in the cite box
# at the foot, which is furniture). A label that says "first" or "date" is read wherever it stands;
# a bare "Published:" only outside the furniture, where a list of other pages dates its teasers so.
_FIRST_PUBLISHED = re.compile(
    r"^\W*(?:first published|originally published|date published|publication date|date of publication|date de publication|"
    r"première publication|erstveröffentlichung|fecha de publicación|"
    # an encyclopedia's dated version of its entry (the Historisches Lexikon der Schweiz: "Version vom: 04.06.2021")
    r"version vom|version du|versione del)\s*(?:on|le|am|el)?\s*[:：]?\s*(?P<date>.+)$", re.I)
_PUBLISHED = re.compile(r"^\W*(?:published|publié(?:e)?|veröffentlicht|publicado|publicada)\s*(?:on|le|am|el)?\s*[:：]?\s*(?P<date>.+)$", re.I)


def _labelled_publication_dates(root: Node, excluded: Subtrees) -> list[str]:
    values: list[str] = []
    for node in iter_elements(root):
        if node.tag not in ("p", "div", "span", "li", "small", "dd", "em", "strong") or not 0 < node.text_length <= _BYLINE_MAX_CHARS:
            continue
        furniture = excluded.hold(node)
        for piece in _PIECE_SEPARATORS.split(text_of(node)):
            match = _FIRST_PUBLISHED.match(piece) or (None if furniture else _PUBLISHED.match(piece))
            if match and parse_date(match.group("date")):
                values.append(match.group("date"))
    return values


def _last_modified_dates(root: Node) -> list[str]:
    values: list[str] = []
    for node in iter_elements(root):
        if node.tag in ("p", "div", "span", "li", "footer", "small", "time") and node.text_length <= _BYLINE_MAX_CHARS:
            match = _LAST_MODIFIED.match(text_of(node))
            if match:
                values.append(match.group("date")[:40])
    return values


def _dates_under_title(blocks: list[Block], root: Node) -> list[str]:
    lines = _lines_under_title(blocks)
    subtitle = _subtitle_heading(blocks)
    captions = _caption_texts(root) if lines else []
    return [piece for line in ([subtitle] if subtitle else []) + lines
            if not _LAW_REPORT_CITATION.search(line) and not _ABOUT_THE_SUBJECT_ROW.match(line)
            and not any(" ".join(line.split()) in caption for caption in captions)
            and not _LAST_MODIFIED.match(line)  # the day it was changed: the last resort, read as such
            for piece in _date_pieces(line)]


# What is said about the subject, not about the page: a wiki's infobox, a picture's caption (its
# <figcaption>, WordPress's "wp-caption-text", the cell of an infobox that holds the picture:
# plwiki's "Budynek młyna od strony grobli (2019)" under the photo dates the photo).
_CAPTION_CLASS = re.compile(r"(?<![a-z])(?:infobox|thumbcaption|wp-caption-text|wp-element-caption|caption)(?![a-z])", re.I)
_CAPTION_MAX_CHARS = 2000


def _caption_texts(root: Node) -> list[str]:
    texts = []
    for node in iter_elements(root):
        if node.tag == "figcaption" or _CAPTION_CLASS.search(node.get("class")) or (
                node.tag in ("td", "th", "figure") and is_small(node, _CAPTION_MAX_CHARS)
                and any(inner.tag == "img" for inner in iter_elements(node))):
            texts.append(text_of(node, limit=_CAPTION_MAX_CHARS))
    return texts


# A table row under the title whose label is no date word: an infobox's "Основание; 1843" (cells
# part with "; ") says when the subject was founded, not when the page was written.
_ABOUT_THE_SUBJECT_ROW = re.compile(rf"^(?!\s*{_DATE_LEAD.pattern})[^\d;]{{1,60}};\s", re.I)


# "[2023] EWHC 1487 (Admin)", "[1984] 1 WLR 212": a case's citation, whose bracketed year is the
# volume's, not the date of the page.
_LAW_REPORT_CITATION = re.compile(r"\[(?:1[6-9]|20)\d\d\]\s+(?:\d+\s+)?[A-Z]{2,}\b")


# BAILII's and AustLII's page titles: "Wenlow Trout Farm Ltd v Environment Agency [2006] EWCA Civ 812
# (22 June 2006)", the case's citation followed by the date of the judgment.
_DATED_CASE_TITLE = re.compile(r"\[(?:1[6-9]|20)\d\d\][^()]*\(([^()]{6,30})\)\s*$")


# Indian Kanoon's (and its mirrors') title of a judgment: the parties, then the day it was
# delivered, "Kaveri Valley Sugars Ltd. vs The State Of Karnataka on 14 February, 2022".
_PARTIES_ON_DATE_TITLE = re.compile(r"(?:\s(?:vs?\.?|versus)\s|^in re\b|^in the matter of\b).*\son\s+(\d{1,2}\s+[^\W\d_]{3,9},?\s+\d{4})\s*$", re.I)


def _case_title_dates(page_title: str) -> list[str]:
    match = _DATED_CASE_TITLE.search(page_title)
    if match and _LAW_REPORT_CITATION.search(page_title):
        return [match.group(1)]
    parties = _PARTIES_ON_DATE_TITLE.search(page_title)
    if parties:
        return [parties.group(1)]
    return _court_listing_date(page_title)


# A law database's title for a decision: the court, its chamber, the day and the docket, comma-separated
# (Légifrance: "Cour de cassation, civile, Chambre civile 3, 14 mars 2024, 22-18.456, Publié au bulletin";
# "Conseil d'État, 5ème - 6ème chambres réunies, 14/03/2024, 470123").
_COURT_FIRST = re.compile(r"^\W*(?:cour|conseil|tribunal|court|corte|gericht|bundesgerichtshof|bundesverwaltungsgericht|"
                          r"bundesverfassungsgericht|oberlandesgericht|landgericht|tribunale|hof|rechtbank)\b", re.I)


def _court_listing_date(page_title: str) -> list[str]:
    pieces = [piece.strip() for piece in page_title.split(",")]
    if len(pieces) < 3 or not _COURT_FIRST.match(pieces[0]):
        return []
    for position, piece in enumerate(pieces[1:], 1):
        date = parse_date(piece)
        if date and len(date) == len("2024-01-01") and any(ch.isdigit() for ch in " ".join(pieces[position + 1:])):
            return [piece]
    return []


# An e-library's card about the work (lib.ru, samlib.ru: "Год: 1889" over "Обновлено: 14/11/2012",
# the day the file was updated, which is no date of the work).
_YEAR_FIELD = re.compile(r"^\W*(?:год|year|jahr|année|año)\s*:\s*(1[5-9]\d\d|20\d\d)\W*$", re.I)
_YEAR_FIELD_MAX_CHARS = 40


def _year_fields(root: Node) -> list[str]:
    return [match.group(1) for node in iter_elements(root)
            if node.tag in ("li", "td", "p", "div", "span", "dd") and 0 < node.text_length <= _YEAR_FIELD_MAX_CHARS
            and (match := _YEAR_FIELD.match(text_of(node)))]


def _subtitle_heading(blocks: list[Block]) -> str | None:
    """A heading right under the title that dates it ("Volume 746: debated on Tuesday 5 March 2024")."""
    start = next((i for i, b in enumerate(blocks) if b.kind == HEADING and b.level == 1), None)
    if start is None or start + 1 >= len(blocks):
        return None
    block = blocks[start + 1]
    return block.text if block.kind == HEADING and len(block.text) <= _BYLINE_MAX_CHARS else None


def _date_pieces(line: str) -> list[str]:
    called = PLACEHOLDER_PATTERN.sub("", line).strip()
    if called != line.strip() and parse_date(called):
        return [called]  # "14 March 2024 (*)": a date line with its note's call; a sentence with one is no date
    if len(line) > _BYLINE_MAX_CHARS or _is_prose_sentence(line):
        return []
    pieces = []
    for piece in _PIECE_SEPARATORS.split(line):
        lead = _DATE_LEAD.search(piece)
        pieces.append(piece[lead.end():] if lead else piece)
    return pieces


_PROSE_WORDS_MIN = 10


def _is_prose_sentence(line: str) -> bool:
    """"It's been available across browsers since August 2023.": a sentence that names a date, no dateline."""
    stripped = line.strip()
    return stripped.endswith((".", "!", "?")) and len(stripped.split()) >= _PROSE_WORDS_MIN and not _DATE_LEAD.match(stripped)


def _looks_like_date(value: str) -> bool:
    return bool(re.match(r"^\s*\d{4}-\d{1,2}-\d{1,2}|^\s*\d{1,2}[./]\d{1,2}[./]\d{4}", value))


def _iso_date(value: str) -> str | None | bool:
    """An ISO date as precise as the value, None for an impossible one, False for no date."""
    value = _FRENCH_FIRST.sub("1", " ".join(value.split()))
    value = _GERMAN_DATE.sub(lambda m: f"{m.group(1)} {_GERMAN_MONTHS[m.group(2).lower()]} {m.group(3)}", value)
    date = parse_date(value[:10]) or parse_date(value)
    find_date = getattr(header, "find_date", None)
    if not date and find_date is not None and len(value) <= _BYLINE_MAX_CHARS:
        date = find_date(value)
    if not date:
        return None if _looks_like_date(value) else False
    return date if _possible(date) else None


def _possible(iso: str) -> bool:
    parts = [int(part) for part in iso.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True
