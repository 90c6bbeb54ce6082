"""Confluence's HTML export of a page (Space tools > Content tools > Export > HTML).

Each exported page is built the same way: breadcrumbs whose first item is the
space, an h1 `#title-heading` and a <title> that both read "Space : Page",
a `div.page-metadata` line "Created by <span class="author">…</span>, last
modified by <span class="editor">…</span> on Feb 27, 2024", the page itself in
`div#main-content.wiki-content`, then `div.pageSection` blocks headed
"Attachments:" and "Comments:", and the export's footer. The metadata line is
read (authors, the date of the last change, which is the version exported) and
reported as `cover`; the attachment list and the comments are reported, never
read as the page's text; the space's name leaves the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimdesk.sources.header import parse_date
from claimdesk.sources.readers.html_tree import Node, iter_elements, text_of

if TYPE_CHECKING:
    from claimdesk.sources.readers.html_content import ContentPlan

_SECTION_KINDS = {"attachments": "furniture", "comments": "comments"}
_LAST_CHANGE = re.compile(r"\bon\s+(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4})\s*$")
_SPACE_SEPARATOR = " : "


@dataclass
class ConfluencePage:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None


def _classes(node: Node) -> list[str]:
    return node.get("class").split()


def is_confluence_export(body: Node) -> bool:
    main = metadata = False
    for node in iter_elements(body):
        if node.tag == "div" and node.get("id") == "main-content" and "wiki-content" in _classes(node):
            main = True
        elif node.tag == "div" and "page-metadata" in _classes(node):
            metadata = True
        if main and metadata:
            return True
    return False


def mark_confluence_furniture(body: Node, plan: "ContentPlan", keep: set[int]) -> None:
    """The metadata line as cover, the Attachments and Comments sections as what they are."""
    if not is_confluence_export(body):
        return
    for node in iter_elements(body):
        if node.index in keep or node.index in plan.removed or node.tag != "div":
            continue
        classes = _classes(node)
        if "page-metadata" in classes:
            plan.removed[node.index] = "cover"
        elif "pageSection" in classes:
            heading = next((child for child in iter_elements(node) if child.tag == "h2"), None)
            kind = _SECTION_KINDS.get(heading.get("id").lower()) if heading is not None else None
            if kind:
                plan.removed[node.index] = kind


def read_confluence_page(root: Node) -> ConfluencePage | None:
    """Title without its space, the page's author and last editor, the date of the last change."""
    body = next((node for node in iter_elements(root) if node.tag == "body"), root)
    if not is_confluence_export(body):
        return None
    page = ConfluencePage()
    space = _space_name(body)
    heading = next((node for node in iter_elements(body) if node.tag == "h1" and node.get("id") == "title-heading"), None)
    if heading is not None:
        title = text_of(heading)
        if space and title.startswith(space + _SPACE_SEPARATOR):
            title = title[len(space + _SPACE_SEPARATOR):].strip()
        page.title = title or None
    metadata = next(node for node in iter_elements(body) if node.tag == "div" and "page-metadata" in _classes(node))
    for node in iter_elements(metadata):
        if node.tag == "span" and ({"author", "editor"} & set(_classes(node))):
            name = text_of(node).strip()
            if name and name not in page.authors:
                page.authors.append(name)
    change = _LAST_CHANGE.search(text_of(metadata))
    page.date = parse_date(change.group("date")) if change else None
    return page


def _space_name(body: Node) -> str | None:
    """The first breadcrumb: the space the page belongs to."""
    crumbs = next((node for node in iter_elements(body) if node.get("id") == "breadcrumbs"), None)
    first = next((node for node in iter_elements(crumbs) if node.tag == "li"), None) if crumbs is not None else None
    return text_of(first).strip() or None if first is not None else None
