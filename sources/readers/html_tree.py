"""A small element tree out of html.parser, for the HTML reader's decisions.

Deciding what is the article and what is furniture needs the whole of an element
(its text, its links, what it contains) before its first word is written, so the
reader builds this tree first. html.parser does the tokenising, linear in the
input however broken; this module only nests what it reports, closing the
elements HTML closes implicitly (an open <p> at a <div>, an <li> at the next
<li>), and caps the nesting depth so that hostile markup cannot exhaust the stack.
Text stays text: entities are decoded by the tokeniser and nothing is evaluated.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen"}
BLOCK_TAGS = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "section", "article", "main", "aside",
    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "figure", "figcaption", "header", "footer", "body", "address",
    "details", "summary", "caption", "nav", "form", "fieldset", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "menu", "center",
    "legend", "dialog", "html", "noscript",
}
# Start tags that close an open <p> (the HTML parsing algorithm's list, abridged).
_CLOSES_P = {
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "div", "dl", "fieldset", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "menu", "nav", "ol", "p",
    "pre", "section", "table", "ul",
}
# An implicit close never reaches past these: a <p> inside a table cell stays there.
_SCOPE_BOUNDARY = {"table", "td", "th", "caption", "button", "html", "template", "object", "body"}
# An element that closes an earlier open one of the same family, and where the search stops.
_SIBLING_CLOSES = {
    "li": ({"li"}, {"ul", "ol", "menu"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
    "tr": ({"tr", "td", "th"}, {"table", "thead", "tbody", "tfoot"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "option": ({"option"}, {"select", "datalist"}),
}
MAX_DEPTH = 300
"""Deeper elements are read as part of their 300th ancestor: their text is kept,
only the nesting is lost. Real pages nest a few dozen levels."""


class Node:
    """An element: its tag, attributes and children (Nodes and text strings)."""

    __slots__ = ("tag", "attrs", "children", "parent", "index", "document", "text_length", "link_length", "link_count", "size")

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None, index: int, document: list[Node]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []
        self.parent = parent
        self.index = index
        """Position in document order, so two elements compare by where they start."""
        self.document = document
        """Every element of the page in document order (shared): document[index] is this one,
        and its subtree is the `size` elements from there."""
        self.text_length = 0
        """Characters of text inside, white space runs counted as one."""
        self.link_length = 0
        """Characters of that text inside links."""
        self.link_count = 0
        self.size = 1
        """Elements in this subtree, itself included."""

    def get(self, name: str) -> str:
        return self.attrs.get(name, "")

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def __repr__(self) -> str:  # for test failures
        return f"<{self.tag} {self.attrs}>"


NOINDEX_ATTRIBUTE = "data-claimdesk-noindex"
"""Set by the tree builder on elements begun inside a site's noindex comments (never in a source:
a page that writes it itself only marks its own elements)."""
_NOINDEX_OPEN = frozenset({"sino noindex", "googleoff: index", "googleoff: all", "noindex"})
_NOINDEX_CLOSE = frozenset({"/sino noindex", "googleon: index", "googleon: all", "/noindex"})
_WORK_STARTS = re.compile(r"^-*\s*собственно произведение\s*-*$")


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Node] = []
        self.root = Node("#document", {}, None, 0, self.elements)
        self.elements.append(self.root)
        self._stack: list[Node] = [self.root]
        self._in_noindex: list[Node] = []
        """The elements begun in an open noindex region, marked when it closes."""
        self._open: dict[str, list[int]] = {}
        """Tag -> the stack positions where an element of it is open, innermost last: an end tag
        or an implied close finds its element without walking the stack (100,000 nested <div>
        walked 300 open elements at each tag)."""

    _noindex = False
    """Inside a region a site's comments tell search engines to skip (handle_comment)."""

    def handle_comment(self, data):
        # BAILII and AustLII wrap their site chrome in <!--sino noindex--> … <!--/sino noindex-->,
        # Google's appliance in <!-- googleoff: index --> … <!-- googleon: index -->, Yandex in
        # <!--noindex--> … <!--/noindex-->: elements begun inside are marked, for the content
        # planner to judge as furniture (a region's end closes it at whatever depth it comes).
        marker = " ".join(data.split()).lower()
        if marker in _NOINDEX_OPEN:
            self._noindex = True
        elif marker in _NOINDEX_CLOSE:
            # Only a region that is closed counts: a stray opening comment must not take the
            # rest of the page out of the text.
            for node in self._in_noindex:
                node.attrs[NOINDEX_ATTRIBUTE] = ""
            self._noindex, self._in_noindex = False, []
        elif self.work_starts is None and _WORK_STARTS.search(marker):
            # lib.ru and its mirrors open the text itself with <!--- Собственно произведение --->
            # and close it with a comment of dashes: what comes before (the site's menu, the
            # work's card) and after (comments, ratings, the site's footer) is the site's.
            self.work_starts = (len(self.elements), {node.index for node in self._stack})
        elif self.work_starts is not None and self.work_ends is None and marker and not marker.strip("-"):
            self.work_ends = (len(self.elements), {node.index for node in self._stack})

    work_starts: tuple[int, set[int]] | None = None
    """(the first element of the work, the elements open around the marker) where a page marks it."""
    work_ends: tuple[int, set[int]] | None = None

    def _new(self, tag: str, attrs: list[tuple[str, str | None]]) -> Node:
        attributes: dict[str, str] = {}
        for name, value in attrs:
            attributes.setdefault(name, value or "")

        node = Node(tag, attributes, self._stack[-1], len(self.elements), self.elements)
        self.elements.append(node)
        self._stack[-1].children.append(node)
        if self._noindex:
            self._in_noindex.append(node)
        return node

    def handle_starttag(self, tag, attrs):
        self._close_implied_by(tag)
        node = self._new(tag, attrs)
        if tag not in VOID and len(self._stack) < MAX_DEPTH:
            self._open.setdefault(tag, []).append(len(self._stack))
            self._stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self._close_implied_by(tag)
        self._new(tag, attrs)

    def handle_endtag(self, tag):
        position = self._innermost((tag,))
        if position:
            self._close_from(position)
        elif tag in ("p", "br"):
            # As HTML parses them: a stray </p> is an empty paragraph, a </br> a <br>; each parts
            # the text around it ("2019</p>1." shows 2019 and 1. apart, never 20191.).
            self.handle_startendtag(tag, [])
        # Any other stray end tag closes nothing.

    def handle_data(self, data):
        self._stack[-1].children.append(data)

    def _close_implied_by(self, tag: str) -> None:
        for closes, stops in _IMPLIED_CLOSES.get(tag, ()):
            position = self._innermost(closes)
            if position > self._innermost(stops):
                self._close_from(position)

    def _innermost(self, tags) -> int:
        """The stack position of the innermost open element of these tags (0: none)."""
        return max((positions[-1] for tag in tags if (positions := self._open.get(tag))), default=0)

    def _close_from(self, position: int) -> None:
        for node in self._stack[position:]:  # each element is closed once: linear overall
            self._open[node.tag].pop()
        del self._stack[position:]


def _implied_closes(tag: str) -> list[tuple[frozenset[str], frozenset[str]]]:
    """What a start tag closes: (the open tags it closes, the open tags that shield them).
    A tag in both lists is closed: a new <td> closes the open <td>, though <td> is also a
    scope boundary."""
    rules = []
    if tag in _CLOSES_P:
        rules.append(({"p"}, _SCOPE_BOUNDARY))
    if tag in _SIBLING_CLOSES:
        closes, stops = _SIBLING_CLOSES[tag]
        rules.append((closes, stops | _SCOPE_BOUNDARY))
    return [(frozenset(closes), frozenset(stops - closes)) for closes, stops in rules]


_IMPLIED_CLOSES = {tag: _implied_closes(tag) for tag in _CLOSES_P | _SIBLING_CLOSES.keys()}


def build_tree(text: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(defuse_unterminated_tags(text))
    builder.close()
    if builder.work_starts is not None:
        first, around = builder.work_starts
        last, around_end = builder.work_ends or (len(builder.elements), set())
        for node in builder.elements[1:first] + builder.elements[last:]:
            if node.index not in around | around_end and node.tag not in ("head", "title", "meta", "link", "script", "style"):
                node.attrs[NOINDEX_ATTRIBUTE] = ""
    _measure(builder.root)
    _localise_fragment_links(builder.root)
    return builder.root


# An e-book's chapter links its notes by file name ("chapitre03.xhtml#footnote-012"), and a
# saved page may keep its own name ("report.html#fn3"): a relative link to a file of pages
# whose fragment names an element of this document points into this document.
_FILE_FRAGMENT = re.compile(r"^[^:/?#\s]+\.(?:xhtml|html?|xml)#(?P<fragment>[^#\s]+)$", re.I)


def _localise_fragment_links(root: Node) -> None:
    links = [node for node in iter_elements(root) if node.tag == "a" and _FILE_FRAGMENT.match(node.get("href"))]
    if not links:
        return
    names = {name for node in iter_elements(root) for name in (node.get("id"), node.get("name")) if name}
    for link in links:
        fragment = _FILE_FRAGMENT.match(link.get("href")).group("fragment")
        if fragment in names:
            link.attrs["href"] = "#" + fragment


_TAG_START = re.compile(r"<(?:[A-Za-z!?/])")
_TAG_STOP = re.compile(r"[>\"']")


def defuse_unterminated_tags(text: str) -> str:
    """Write as "&lt;" every "<" whose tag never ends (an unclosed quote, no ">").

    html.parser rescans to the end of the input for each such tag, which makes a
    page full of "<p class=" quadratic; the browser shows these as text anyway.
    One pass, and each quote character is searched for at most once after it
    is known to be missing, so the scan stays linear.
    """
    last_close = text.rfind(">")
    missing_quotes: set[str] = set()
    if text.find("<!--") != -1 and text.find("-->") == -1:
        text = text.replace("<!--", "&lt;!--")
    pieces: list[str] = []
    cursor = 0
    position = 0
    while True:
        start = _TAG_START.search(text, position)
        if start is None:
            break
        end = _tag_end(text, start.start() + 1, last_close, missing_quotes)
        if end is None:
            pieces.append(text[cursor:start.start()])
            pieces.append("&lt;")
            cursor = position = start.start() + 1
        else:
            position = end + 1
    pieces.append(text[cursor:])
    return "".join(pieces)


def _tag_end(text: str, position: int, last_close: int, missing_quotes: set[str]) -> int | None:
    """Where the tag that starts before `position` ends (its ">"), or None if it never does."""
    while position <= last_close:
        stop = _TAG_STOP.search(text, position)
        if stop is None:
            return None
        if stop.group() == ">":
            return stop.start()
        quote = stop.group()
        if quote in missing_quotes:
            return None
        closing = text.find(quote, stop.start() + 1)
        if closing == -1:
            missing_quotes.add(quote)
            return None
        position = closing + 1
    return None


_SPACED_INLINE = {"br", "button", "label", "option", "select", "textarea"}
"""Inline elements a browser draws apart: their texts must not run together."""
_UNMEASURED = {"script", "style", "template", "head", "title"}


def _measure(root: Node) -> None:
    """Text and link lengths of every element, bottom up (children come after their
    parents in document order), without recursion."""
    for node in reversed(root.document):
        node.size += sum(child.size for child in node.children if isinstance(child, Node))
        if node.tag in _UNMEASURED:
            continue
        for child in node.children:
            if isinstance(child, str):
                node.text_length += len(" ".join(child.split()))
            else:
                node.text_length += child.text_length
                node.link_length += child.link_length
                node.link_count += child.link_count
        if node.tag == "a" and node.get("href"):
            node.link_length = node.text_length
            node.link_count += 1


def iter_elements(root: Node):
    """Every element under root (root included), in document order: a slice of the
    document's list, since a subtree's elements follow its root there."""
    return iter(root.document[root.index:root.index + root.size])


SMALL_ELEMENTS = 30
"""An element judged by the whole of its text (a marker, a share button, a related-posts
heading, a copyright line) is small: a few links and spans. Reading the text of a larger one
at each of its ancestors made 100,000 nested tags quadratic."""


def is_small(node: Node, max_chars: int) -> bool:
    return node.text_length <= max_chars and node.size <= SMALL_ELEMENTS


def neighbour(node: Node, after: bool) -> Node | str | None:
    """The sibling just after (or before) node, white space between them skipped: an element, a piece
    of text, or None at the parent's edge."""
    if node.parent is None:
        return None
    siblings = node.parent.children
    position = next(i for i, child in enumerate(siblings) if child is node)
    around = siblings[position + 1:] if after else reversed(siblings[:position])
    return next((child for child in around if not (isinstance(child, str) and not child.strip())), None)


def contains(outer: Node, inner: Node) -> bool:
    """Whether inner is outer or inside it, in constant time: elements are numbered in
    document order, so a subtree's numbers run from its root's for `size` elements."""
    return outer.index <= inner.index < outer.index + outer.size


class Subtrees:
    """The subtrees of some elements, to ask of any element whether it lies in one of them
    (or is one) in logarithmic time: asking each element's ancestors is as slow as the page
    is deep, 300 steps an element under 100,000 nested tags."""

    def __init__(self, roots) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted((root.index, root.index + root.size) for root in roots):
            if self._ends and start < self._ends[-1]:
                continue  # inside the one before: two subtrees nest or part, never overlap
            self._starts.append(start)
            self._ends.append(end)

    def hold(self, node: Node) -> bool:
        at = bisect_right(self._starts, node.index) - 1
        return at >= 0 and node.index < self._ends[at]


def text_of(root: Node, *, skip=None, limit: int | None = None) -> str:
    """The element's text, white space folded, a space where blocks meet.

    `skip(node)` may name elements whose text is left out (a backlink, a script).
    With `limit`, only the first `limit` characters (the same as text_of(root)[:limit]),
    read no further than it takes: a warning's quote of a large element.
    """
    parts: list[str] = []
    pending: list[Node | str | None] = [root]
    boundary = False
    letters = 0
    while pending:
        item = pending.pop()
        if item is None:
            boundary = True  # an element ended
            continue
        if isinstance(item, str):
            if boundary and parts and item and joins_two_words(parts[-1], item):
                parts.append(" ")
            parts.append(item)
            boundary = False
            if limit is not None:
                letters += sum(map(len, item.split()))
                if letters >= limit:
                    break  # enough characters that are not white space: the first `limit` are known
            continue
        if item is not root and (item.tag in _UNMEASURED or (skip and skip(item))):
            continue
        boundary = True
        if item.tag in BLOCK_TAGS or item.tag in _SPACED_INLINE:
            parts.append(" ")
            pending.append(" ")
        pending.append(None)
        pending.extend(reversed(item.children))
    text = " ".join("".join(parts).split())
    return text if limit is None else text[:limit]


def joins_two_words(before: str, after: str) -> bool:
    """Texts of two elements side by side that would make one false word or figure:
    "Transport" + "Tagged", "2022" + "17 January". Used for removed furniture, where
    menus and link rows run their items together; the body is never parted on case."""
    last, first = before[-1:], after[:1]
    return (last.isdigit() and first.isdigit()) or (last.islower() and first.isupper())
