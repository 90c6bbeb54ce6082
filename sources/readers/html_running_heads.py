"""Running heads of a digitised book shown as HTML, page by page.

A scanned book put on the web as its text (Making of America, a university library's
page-by-page OCR view) keeps each printed page's head line under the page's marker:
"[Page 98]" then "98 THE WESTERN HUSBANDMAN. [March,". The head is the printer's, not
the author's, and read into the text it cuts a sentence that runs on from the page
before. It is told by what every such head is: the first line of the page, short, set in
capitals, with the page's own number at one end (text_pages.numbered_head, the same test
the plain-text reader makes). A line of prose that starts with the number stays text.
"""

from __future__ import annotations

from claimdesk.sources.readers.html_tree import Node, is_small, iter_elements, neighbour, text_of
from claimdesk.sources.readers.text_pages import HEAD_WITH_NUMBER_MAX_CHARS, numbered_head

_HEAD_TAGS = frozenset({"p", "div", "span", "h1", "h2", "h3", "h4", "h5", "h6", "header"})


def mark_running_heads(body: Node, pages: dict[int, str], removed: dict[int, str]) -> None:
    """Mark as "header" the element right after a page marker that is that page's running head."""
    if not pages:
        return
    for node in iter_elements(body):
        label = pages.get(node.index)
        if label is None:
            continue
        head = _next_element(node)
        if head is None or head.index in removed or head.tag not in _HEAD_TAGS:
            continue
        if is_small(head, HEAD_WITH_NUMBER_MAX_CHARS) and numbered_head(text_of(head), label):
            removed[head.index] = "header"


def _next_element(node: Node) -> Node | None:
    """The element after node among its siblings, when only white space parts them (a marker in
    running text is followed by the page's first words, no head)."""
    after = neighbour(node, after=True)
    return after if isinstance(after, Node) else None
