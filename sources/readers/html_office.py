"""Word processors' HTML exports: their running headers and footers, and reviewers' comments.

Google Docs ("Download > Web page"), LibreOffice Writer ("Save as HTML") and Word
("Web Page, Filtered") export a document's running header and footer and its
reviewers' comments along with the text. None of them is the report's prose:

- LibreOffice writes them as <div title="header"> and <div title="footer">;
- Word as <div style="mso-element:header"> (or footer), and comments as
  <a href="#_msocom_1">[ab1]</a> markers with <div class="msocomtxt"> bodies;
- Google Docs sets the header as the body's first <div> and the footer as its
  last, around the text (<body class="doc-content">), and comments as "[a]" links
  to #cmnt1 with the comment text in a <div> at the end.

All are reported in `removed` (header, footer, comments). An element that holds
a note, or the article's text, is in `keep` and never taken.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from claimdesk.sources.readers.html_tree import Node, contains, iter_elements

if TYPE_CHECKING:
    from claimdesk.sources.readers.html_content import ContentPlan

_MSO_ELEMENT = re.compile(r"mso-element\s*:\s*(header|footer)", re.I)
_COMMENT_LINK = re.compile(r"^#(?:cmnt\d+|_msocom_\d+)$")
_COMMENT_ANCHOR = re.compile(r"^(?:cmnt\d+|_msocom_\d+)$")
_COMMENT_CLASS = re.compile(r"(?<![a-z])msocomtxt(?![a-z])", re.I)
_GOOGLE_DOCS_BODY = re.compile(r"(?<![a-z-])doc-content(?![a-z-])")


def mark_office_furniture(body: Node, plan: "ContentPlan", keep: set[int]) -> None:
    links = [node for node in iter_elements(body) if node.tag == "a"]
    for node in iter_elements(body):
        kind = _kind_of(node, links)
        if kind and node.index not in keep and node.index not in plan.removed:
            target = node.parent if kind == "comments" and node.tag == "a" and _only_child_of_sup(node) else node
            plan.removed[target.index] = kind
    if _GOOGLE_DOCS_BODY.search(body.get("class")):
        _mark_google_docs_header_and_footer(body, plan, keep)


def _kind_of(node: Node, links: list[Node]) -> str | None:
    """`links`: the page's <a> elements in document order."""
    if node.tag == "div":
        title = node.get("title").strip().lower()
        if title in ("header", "footer"):
            return title
        mso = _MSO_ELEMENT.search(node.get("style"))
        if mso:
            return mso.group(1).lower()
        first_link = _first_inside(node, links)
        if _COMMENT_CLASS.search(node.get("class")) or (first_link is not None and _is_comment_anchor(first_link)):
            return "comments"  # <div><p><a id="cmnt1">[a]</a> the comment's text…
    if node.tag == "a" and _COMMENT_LINK.match(node.get("href")) and not _COMMENT_ANCHOR.match(node.get("id") or node.get("name")):
        return "comments"  # the "[a]" that calls a comment, in the text
    return None


def _first_inside(node: Node, in_order: list[Node]) -> Node | None:
    """The first of these elements (in document order) inside node, found by bisection:
    searching each <div>'s subtree for its first link was quadratic in the nesting depth."""
    at = bisect_left(in_order, node.index, key=lambda element: element.index)
    return in_order[at] if at < len(in_order) and contains(node, in_order[at]) else None


def _is_comment_anchor(node: Node) -> bool:
    return node.tag == "a" and bool(_COMMENT_ANCHOR.match(node.get("id") or node.get("name")))


def _only_child_of_sup(link: Node) -> bool:
    parent = link.parent
    return parent is not None and parent.tag == "sup" and [c for c in parent.children if isinstance(c, Node)] == [link] \
        and not any(isinstance(c, str) and c.strip() for c in parent.children)


def _mark_google_docs_header_and_footer(body: Node, plan: "ContentPlan", keep: set[int]) -> None:
    children = [child for child in body.children if isinstance(child, Node) and child.text_length]
    text_positions = [i for i, child in enumerate(children) if child.tag != "div"]
    if not text_positions:
        return
    for child in children[:text_positions[0]]:
        if child.index not in keep:
            plan.removed.setdefault(child.index, "header")
    for child in reversed(children[text_positions[-1] + 1:]):
        if child.index in plan.removed:
            continue  # the comments, set after the footer
        if child.index in keep:
            break  # the notes (kept) come before the footer: the footer is what follows them
        plan.removed[child.index] = "footer"


# The document's title as word processors export it: Word's and Google Docs' "Title"
# paragraph style, or (LibreOffice, which keeps no style name) a first paragraph set in
# large type before any heading.
_TITLE_STYLE = re.compile(r"(?<![\w-])(?:MsoTitle|title)(?![\w-])")
_FONT_SIZE_PT = re.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)pt", re.I)
TITLE_FONT_PT = 16
"""Type this large on a first paragraph is a title (body text is 10-12 pt, headings 14-18)."""
TITLE_FONT_SIZE = 5
"""The same in <font size>, whose 5 is 18 pt."""


def is_title_paragraph(node: Node, headings_seen: bool) -> bool:
    if node.tag != "p":
        return False
    if _TITLE_STYLE.search(node.get("class")):
        return True
    if headings_seen or not node.text_length:
        return False
    return any(_large_type(element) and element.text_length >= 0.9 * node.text_length for element in iter_elements(node))


def _large_type(element: Node) -> bool:
    size = _FONT_SIZE_PT.search(element.get("style"))
    if size:
        return float(size.group(1)) >= TITLE_FONT_PT
    return element.tag == "font" and element.get("size").strip().isdigit() and int(element.get("size")) >= TITLE_FONT_SIZE
