"""Which elements of an HTML page are footnotes, and which links call them.

A page says it with links: a marker is a short link ("3", "[3]", "[note 1]",
"[a]") to an element id or <a name> that names a note (`fn3`, `cite_note-x-3`,
`Footnote_3_3`, `_ftn3`) or lies in a notes list; the note is the block that
holds the target. One note called from several places (a reused encyclopedia
reference) is one note with several markers. Links inside a note back to the
text (`↩`, "^ a b", PG's "[1]" label) are its apparatus, not its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from claimdesk.sources.readers.common import label_of
from claimdesk.sources.readers.html_tree import Node, Subtrees, contains, iter_elements, neighbour, text_of

NOTE_ELEMENTS = {"li", "div", "p", "aside", "section", "dd", "td", "blockquote"}
# An id names a note when a note word is followed by a separator or a number:
# "fn3", "fn:3", "cite_note-x-3", "Footnote_1_1", "_ftn3" -- but not "footer",
# "notes" (a list of them) or "FNanchor_1_1" / "fnref3" (the marker's own anchor).
NOTE_ID = re.compile(
    # "sdfootnote1anc" (LibreOffice) is the marker's anchor, "sdfootnote1sym" the note's.
    r"^(?!\w*?\d+(?:anc|ref)$)"
    # InDesign's "footnote-012-backlink" is the call's own anchor, which the note links back to.
    r"(?![\w.:-]*[-_](?:backlink|back|ref|anchor)$)"
    # Google Docs "ftnt1", LibreOffice "sdfootnote1sym" / "sdendnote1sym".
    r"(?:cite_note|footnote|foot|fn|note|endnote|en|ftnt|ftn|_ftn|edn|_edn|nt|noteno|sdfootnote|sdendnote)"
    # "footnote-anchor-1", "fnref:1", "cite_ref-3": the marker's own anchor, not a note.
    r"(?![-_:.]?(?:ref|anchor|back))(?:[-_:.](?P<word>\w[\w.:-]*)|(?P<number>\d\w*))$",
    re.I,
)
# Names of a notes list; "references" may also name a bibliography (_bibliography_beside_notes)
_NOTES_NAMES = r"footnotes|endnotes|doc-endnotes|doc-footnotes|footnote-list|notes|fussnoten|anmerkungen|noten|voetnoten"
_BIBLIOGRAPHY_NAMES = r"references|reflist"
NOTES_CONTAINER = re.compile(rf"(?<![a-z])(?:{_NOTES_NAMES}|{_BIBLIOGRAPHY_NAMES})(?![a-z])", re.I)
_CONTAINER_TAGS = {"section", "div", "ol", "ul", "aside", "footer", "dl"}
# ...but not a newsroom's list of other stories, which Spanish calls "notas" (Clarín's "related-notes": "Más notas")
_OTHER_NOTES = re.compile(r"(?<![a-z])(?:related|more|other|latest|recent|popular|mas|más)[-_]notes(?![a-z])", re.I)
# What a marker link shows: a number, a short letter label, a symbol, a group ("note 1").
# markdown-it's footnote plugin calls a reused note "[2:1]": the second call of note 2.
# A word may name the call: "fn 3", and Singapore's eLitigation "[note: 3]" (the word is not the label).
MARKER_LABEL = re.compile(r"^[\[(]?\s*(?:note:\s*)?((?:[a-z]{1,8}\s)?\d{1,5}|[a-z]{1,3}|[ivxlc]{1,6}|[*†‡§¶]{1,3})(?::\d{1,3})?\s*[\])]?$", re.I)
_BACKLINK = re.compile(r"^#(?:fnref|footnote-ref|ref|_ftnref|_ednref|cite_ref|fnanchor)|(?<![a-z])back(?![a-z])|↩|^\^$", re.I)
# docutils (Sphinx) groups a reused note's back-links as <span class="backrefs">(1,2)</span>.
_BACKLINK_CLASS = re.compile(r"(?<![a-z])(?:mw-cite-backlink|footnote-back|footnote-backref|backlink|fn-back|backrefs|fn-backref)(?![a-z])", re.I)
_MARKER_MAX_CHARS = 16
# A pop-up note's own close button ("X Noot"): the page's control, not the note's text.
_CLOSE_CONTROL = re.compile(r"(?<![a-z])(?:note-close|close-note|popup-close|tooltip-close)(?![a-z])", re.I)
MAX_NOTE_CHARS = 12_000
"""Longer than any footnote we have met (book notes run to a page or two): an
element with a note-like id and more text than this is a wrapper, not a note."""


@dataclass
class NotePlan:
    notes: dict[int, int | str] = field(default_factory=dict)
    """Element index -> label, for every element that is one note."""
    markers: dict[int, int | str] = field(default_factory=dict)
    """Element index -> label, for every element that is a marker (the <sup> or the <a>)."""
    apparatus: set[int] = field(default_factory=set)
    """Backlinks inside notes: left out of the note text."""
    containers: set[int] = field(default_factory=set)
    """Notes lists (a section.footnotes, an ol.references): their items are notes."""
    protected: set[int] = field(default_factory=set)
    """Notes and everything that contains one: never removed as furniture."""
    inline: set[int] = field(default_factory=set)
    """Notes set inside the sentence that calls them: the sentence goes on after them."""
    self_marked: set[int] = field(default_factory=set)
    """Inline notes with no mark of their own: the note is called where it stands."""
    line_notes: set[int] = field(default_factory=set)
    """Anchors that open a note running to the end of their line (the next <br>): Word's notes
    pasted into one field of a database page, the anchor showing only the note's label."""


_REPEAT_SUFFIX = re.compile(r":\d{1,3}$")


def plan_notes(root: Node) -> NotePlan:
    plan = NotePlan()
    anchors = _anchor_index(root)
    containers = [node for node in iter_elements(root) if node.tag in _CONTAINER_TAGS and (
        (NOTES_CONTAINER.search(_role_text(node)) and not _OTHER_NOTES.search(_role_text(node))) or _is_numbered_notes_footer(node))]
    plan.containers = {node.index for node in containers}
    in_container = Subtrees(containers)
    note_of_target: dict[int, Node] = {}
    links: list[tuple[Node, Node, str]] = []
    for link in (node for node in iter_elements(root) if node.tag == "a" and node.get("href").startswith("#")):
        fragment = unquote(link.get("href")[1:])
        target = anchors.get(fragment)
        if target is None and _REPEAT_SUFFIX.search(fragment):
            # markdown-it-footnote numbers a note's second call "[3:1]" (its id fnref3:1); a page
            # that links it to "#fn3:1", which no element names, means note 3.
            target = anchors.get(_REPEAT_SUFFIX.sub("", fragment))
        if target is None:
            continue
        label_text = text_of(link) if link.text_length <= _MARKER_MAX_CHARS else ""
        if not MARKER_LABEL.match(label_text):
            continue
        line_note = _opens_a_line(target) and _names_a_note(target, in_container)
        note = target if line_note else note_of_target.get(target.index) or _note_element(target)
        if note is None or not (_names_a_note(target, in_container) or _links_back(note, link) or _classed_a_note(note)):
            continue
        if line_note:
            plan.line_notes.add(target.index)
        note_of_target[target.index] = note
        links.append((link, note, MARKER_LABEL.match(label_text).group(1)))
        _mark_printed_label(plan, target, note, label_text.strip())
    note_nodes = {note.index: note for note in note_of_target.values()}
    # A bibliography named "references" beside the linked notes ("<ul class="list-references">",
    # the Bank of England's author-date entries the notes cite), or on a page that links to no note
    # at all (an encyclopedia's "Quellen und Literatur", id "_hls_references"): its entries are no notes.
    containers = [node for node in containers if not _bibliography_beside_notes(node, note_nodes)]
    plan.containers = {node.index for node in containers}
    _label_linked_notes(plan, links, note_nodes)
    _add_unlinked_id_notes(plan, root, note_nodes)
    _add_inline_notes(plan, root, note_nodes)
    _add_classed_unlinked_notes(plan, root, note_nodes)
    _add_paged_media_notes(plan, root, note_nodes, Subtrees(containers))
    # A link from a note to one of its markers ("↩", Substack's note number) leads back: apparatus.
    marker_anchors = {name for link, _, _ in links for node in (link, link.parent, _anchor_before(link)) if node is not None
                      for name in (node.get("id"), node.get("name") if node.tag == "a" else "") if name}
    climbed: set[int] = set()
    for note in note_nodes.values():
        if note.index in plan.notes:
            _mark_apparatus(plan, note, note_nodes, marker_anchors)
            _protect_with_ancestors(plan, note, climbed)
    for container in containers:
        _protect_with_ancestors(plan, container, climbed)
    return plan


_BIBLIOGRAPHY_WORDS = re.compile(rf"(?<![a-z])(?:{_BIBLIOGRAPHY_NAMES})(?![a-z])", re.I)
_NOTES_WORDS = re.compile(rf"(?<![a-z])(?:{_NOTES_NAMES})(?![a-z])", re.I)


def _bibliography_beside_notes(container: Node, note_nodes: dict[int, Node]) -> bool:
    """A list named only "references" that holds none of the notes the markers link to, while other
    notes are linked, or that no marker links to and that does not number its entries: the page's
    bibliography, which stays text."""
    names = _role_text(container)
    if not _BIBLIOGRAPHY_WORDS.search(names) or _NOTES_WORDS.search(names):
        return False
    if not note_nodes:
        return not _numbers_its_entries(container)
    inside = {node.index for node in iter_elements(container)}
    return not inside & note_nodes.keys()


def _numbers_its_entries(container: Node) -> bool:
    """An <ol>, or entries opening with their numbers ("[1] …", "1. …"): notes the text may call by number."""
    if container.tag == "ol" or any(element.tag == "ol" for element in iter_elements(container)):
        return True
    items = [text_of(element).strip() for element in iter_elements(container) if element.tag in ("li", "p", "dd")]
    return any(re.match(r"^[\[(]?\d{1,3}[\].)]", item) for item in items)


_SUP_LABEL = re.compile(r"^\s*(\d{1,4})\s*$")


def _is_numbered_notes_footer(node: Node) -> bool:
    """A <footer> inside an <article> whose every item opens with a bare <sup>n</sup>, numbered
    1, 2, 3...: the notes of a court judgment on Find Case Law and pages built like it, whose
    calls are bare <sup>n</sup> without links. The calls are kept only where they continue
    the sequence (html_text_notes), so a footer of prose is read as prose."""
    if node.tag != "footer" or not any(ancestor.tag == "article" for ancestor in node.ancestors()):
        return False
    items = [child for child in node.children if isinstance(child, Node) and child.text_length]
    numbers = []
    for item in items:
        first = item
        while first is not None and first.tag != "sup":
            first = next((child for child in first.children if isinstance(child, Node) or (isinstance(child, str) and child.strip())), None)
            if not isinstance(first, Node):
                return False
        match = _SUP_LABEL.match(text_of(first)) if first is not None else None
        if match is None:
            return False
        numbers.append(int(match.group(1)))
    return bool(numbers) and numbers == list(range(1, len(numbers) + 1))


def _protect_with_ancestors(plan: NotePlan, node: Node, climbed: set[int]) -> None:
    """The node and every element around it, each climbed once: 10,000 notes 290 elements
    deep asked 2.9 million ancestors."""
    plan.protected.add(node.index)
    for ancestor in node.ancestors():
        if ancestor.index in climbed:
            return  # its own ancestors are protected already
        climbed.add(ancestor.index)
        plan.protected.add(ancestor.index)


def _anchor_index(root: Node) -> dict[str, Node]:
    """Every id, and every <a name> (Word and old pages mark notes by name)."""
    anchors: dict[str, Node] = {}
    for node in iter_elements(root):
        if node.get("id"):
            anchors.setdefault(node.get("id"), node)
        if node.tag == "a" and node.get("name"):
            anchors.setdefault(node.get("name"), node)
    return anchors


def _role_text(node: Node) -> str:
    return " ".join((node.get("class"), node.get("id"), node.get("role"), node.get("epub:type")))


# Entries of a bibliography that numbered citations point to ("[3]" to LaTeXML's bib.bib3,
# pandoc-citeproc's ref-doe2020): sources listed once, not footnotes of the text.
_BIBLIOGRAPHY_ID = re.compile(r"^(?:bib\.bib\d+|ref-[\w:.-]+|CITEREF)")


def _names_a_note(target: Node, containers: Subtrees) -> bool:
    name = target.get("id") or target.get("name")
    if _BIBLIOGRAPHY_ID.match(name):
        return False
    if NOTE_ID.match(name):
        return True
    if target.tag == "a" and target.get("href").startswith("#") and target.text_length <= _MARKER_MAX_CHARS:
        # a call itself, the target of its note's back-link: DBNL wraps text and notes in one
        # <div id="tekst_en_noten">, which is no list of notes for the calls in its text
        return False
    return target.parent is not None and containers.hold(target.parent)  # inside a notes container


# The block itself says it is a note: officielebekendmakingen.nl's <div class="voet noot">,
# "footnote", "nota", "Fußnote". A numbered call's target inside such a block is its note.
_NOTE_CLASS = re.compile(r"(?<![a-z])(?:noot|voetnoot|footnote|fussnote|fußnote|nota|nota-rodape)(?![a-z])", re.I)


def _classed_a_note(note: Node) -> bool:
    return bool(_NOTE_CLASS.search(note.get("class"))) and note.text_length <= MUTUAL_NOTE_MAX_CHARS


MUTUAL_NOTE_MAX_CHARS = 3_000
"""A note known only by linking back to its call is a note's length, not a section's."""
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _links_back(note: Node, link: Node) -> bool:
    """The block a call points to points back to the call (EUR-Lex's "ntc1"/"ntr1" pairs, and any
    page that links a note to its call): whatever its ids are named, it is that call's note."""
    own = link.get("id") or link.get("name")
    if not own or not re.search(r"[\d*†‡§¶]", text_of(link)):
        return False  # a numbered call (or CURIA's "*"): Google Docs' "[a]" comments link to and fro as well
    if note.text_length > MUTUAL_NOTE_MAX_CHARS or note.index < link.index:
        return False  # the note comes after its call; the call's paragraph is no note of the note's backlink
    if not text_of(note).lstrip("[(").startswith(text_of(link).strip().lstrip("[(")):
        # a note opens with its label ("(1) OJ L 214…"), where a call sits inside a sentence; the brackets
        # may be the link's or around it (Google Scholar's "[<a>2</a>]" calling "<a>[2]</a> The …")
        return False
    inside = list(iter_elements(note))
    return not any(node.tag in _HEADING_TAGS for node in inside) and any(
        node.tag == "a" and unquote(node.get("href")) == "#" + own for node in inside)


def _opens_a_line(target: Node) -> bool:
    """A note's anchor that shows only its label and opens a line of text: "<br><a href="#_ftnref1"
    name="_ftn1">[1]</a> Cf. António Pais Leitão, …<br>", the way a Lotus Domino court database keeps a
    judgment's Word notes, every note a line of the one cell that holds the whole judgment. The block
    around it is no note; the line is."""
    if target.tag != "a" or target.parent is None or target.text_length > _MARKER_MAX_CHARS \
            or not MARKER_LABEL.match(text_of(target)):
        return False
    before, after = neighbour(target, after=False), neighbour(target, after=True)
    lines = [child for child in target.parent.children if isinstance(child, Node) and child.tag == "br"]
    opens_line = (isinstance(before, Node) and before.tag == "br") or (before is None and bool(lines))
    # the line's words follow it, not a block of their own (Substack's number link over its note's <div>)
    return opens_line and (isinstance(after, str) or (isinstance(after, Node) and after.tag in _INLINE_TAGS))


_INLINE_TAGS = frozenset({"i", "em", "b", "strong", "span", "font", "a", "cite", "u", "small", "sup", "sub", "abbr", "q"})


def _note_element(target: Node) -> Node | None:
    """The block that holds a note's target: the target itself, or its nearest block."""
    note = target if target.tag in NOTE_ELEMENTS else next(
        # An element's text only grows going up: past MAX_NOTE_CHARS no block is a note.
        (a for a in target.ancestors() if a.tag in NOTE_ELEMENTS or a.text_length > MAX_NOTE_CHARS), None)
    if note is None or note.text_length > MAX_NOTE_CHARS:
        return None
    if note.tag == "td" and note.parent is not None and note.parent.tag == "tr" and note.text_length <= len(text_of(target)) + 2:
        # A table of notes, a note a row: the number's cell, then the text's (zeno.org's "zenoTXFnTable")
        note = note.parent
    parent = note.parent
    # PG and Word wrap each note's paragraphs in a div of its own ("footnote", id=ftn1).
    if parent is not None and parent.tag in ("div", "aside") and not _classed_a_note(note) and re.search(r"(?<![a-z])(?:footnote|ftn|edn|note|sdfootnote|sdendnote)", _role_text(parent), re.I) \
            and not NOTES_CONTAINER.search(_role_text(parent)) and parent.text_length <= MAX_NOTE_CHARS:
        note = parent
    return note


# GOV.UK's markers read "[footnote 3]": the word says what the number is, it names no group
# (as MediaWiki's "[note 1]" does beside "[1]"), so the label is 3.
_FOOTNOTE_WORD = re.compile(r"^(?:footnote|fn|fußnote|fussnote)\s+(?=\d)", re.I)


def _label_linked_notes(plan: NotePlan, links: list[tuple[Node, Node, str]], note_nodes: dict[int, Node]) -> None:
    """Labels from what the first marker of each note shows; markers are links outside notes."""
    used: dict[int | str, int] = {}
    repeats: dict[int | str, int] = {}
    inside_notes = Subtrees(note_nodes.values())
    for link, note, shown in links:
        if inside_notes.hold(link):
            continue  # a link inside a note is a backlink or a cross-reference, never a marker
        if note.index not in plan.notes:
            label = label_of(_FOOTNOTE_WORD.sub("", shown))
            if label in used and used[label] != note.index:
                # Books number notes per page: the second "[1]" is another note.
                repeats[label] = repeats.get(label, 1) + 1
                label = f"{label}-{repeats[label]}"  # as footnotes.py names a repeated label
            used[label] = note.index
            plan.notes[note.index] = label
        marker = link
        parent = link.parent
        if parent is not None and parent.tag == "sup" and text_of(parent) == text_of(link):
            marker = parent
        marker = _bracketing(marker)
        plan.markers[marker.index] = plan.notes[note.index]


_BRACKET_PAIRS = {"[": "]", "(": ")"}


def _anchor_before(link: Node) -> Node | None:
    """An empty <a name> just before a call, naming it for the note's back-link (<A NAME="fr_1"></A><A HREF="#fn_1">2</A>)."""
    before = neighbour(link, after=False)
    return before if isinstance(before, Node) and before.tag == "a" and not before.text_length else None


def _bracketing(link: Node) -> Node:
    """The element around a note's link that only adds brackets to it: SPIP writes its calls as
    <span class="spip_note_ref">&nbsp;[<a class="spip_note">1</a>]</span>, and the brackets are the
    call's, not the sentence's. Otherwise the link itself."""
    parent = link.parent
    if parent is None or parent.tag not in ("span", "sup", "small") or parent.text_length > _MARKER_MAX_CHARS:
        return link
    around = text_of(parent).replace("\xa0", " ").strip()
    shown = text_of(link).strip()
    if len(around) == len(shown) + 2 and around[0] in _BRACKET_PAIRS and around[-1] == _BRACKET_PAIRS[around[0]] \
            and around[1:-1].strip() == shown and shown[:1] not in _BRACKET_PAIRS:
        return parent
    return link


def _add_unlinked_id_notes(plan: NotePlan, root: Node, note_nodes: dict[int, Node]) -> None:
    """An element with a note id is a note even when its markers are not links."""
    labels = set(plan.notes.values())  # a set: asking the dict's values at each element was quadratic
    linked = Subtrees(note_nodes.values())
    added_end = 0  # the end of the last note added here: the elements are met in document order
    for node in iter_elements(root):
        if node.tag not in NOTE_ELEMENTS or node.index in note_nodes or node.text_length > MAX_NOTE_CHARS:
            continue
        match = NOTE_ID.match(node.get("id"))
        if not match or node.index < added_end or (node.parent is not None and linked.hold(node.parent)):
            continue
        raw = match.group("number") or match.group("word")
        trailing = re.search(r"(\d+)$", raw)
        label = label_of(trailing.group(1) if trailing else raw)
        if label in labels:
            continue
        note_nodes[node.index] = node
        plan.notes[node.index] = label
        labels.add(label)
        added_end = node.index + node.size


# LaTeXML sets a note where it is called: <span class="ltx_note ltx_role_footnote"><sup
# class="ltx_note_mark">1</sup><span class="ltx_note_outer"><span class="ltx_note_content">
# <sup class="ltx_note_mark">1</sup><span class="ltx_tag ltx_tag_note">1</span>Text…
_INLINE_NOTE = re.compile(r"(?<![\w-])ltx_role_(?:footnote|endnote)(?![\w-])")
_INLINE_NOTE_BODY = re.compile(r"(?<![\w-])ltx_note_outer(?![\w-])")
_INLINE_NOTE_MARK = re.compile(r"(?<![\w-])(?:ltx_note_mark|ltx_tag_note)(?![\w-])")


def _add_inline_notes(plan: NotePlan, root: Node, note_nodes: dict[int, Node]) -> None:
    """Notes written inside the sentence that calls them: the mark before the body is the marker."""
    labels = set(plan.notes.values())
    for node in iter_elements(root):
        if not _INLINE_NOTE.search(node.get("class")):
            continue
        children = [child for child in node.children if isinstance(child, Node)]
        body = next((child for child in children if _INLINE_NOTE_BODY.search(child.get("class"))), None)
        mark = next((child for child in children if _INLINE_NOTE_MARK.search(child.get("class"))), None)
        if body is None or mark is None or body.text_length > MAX_NOTE_CHARS:
            continue
        label = label_of(text_of(mark).strip() or str(len(plan.notes) + 1))
        if label in labels:
            continue
        labels.add(label)
        plan.notes[body.index] = label
        plan.markers[mark.index] = label
        note_nodes[body.index] = body
        plan.inline.add(body.index)
        # The note repeats its number inside: apparatus, not text.
        plan.apparatus.update(inner.index for inner in iter_elements(body) if _INLINE_NOTE_MARK.search(inner.get("class")))


# Notes that no link joins to their calls, each told by its class: the Deutsches Textarchiv writes a
# call as <span class="fn-intext">1)</span> and the note at the page's foot as <div class="footnote">
# <span class="fn-sign">1)</span> Vergl. …</div>. A call and a note of one label pair in reading order,
# the note after its call; unless every call and every note so pair, none is taken (their text stays).
_UNLINKED_CALL_CLASS = re.compile(r"(?<![\w-])(?:fn-intext|fn-call|footnote-call|note-call|fnref|footnote-ref|noteref)(?![\w-])", re.I)
_UNLINKED_SIGN_CLASS = re.compile(r"(?<![\w-])(?:fn-sign|footnote-sign|footnote-label|note-label|fn-label|fn-number)(?![\w-])", re.I)
_UNLINKED_CALL_TAGS = {"span", "sup", "a"}


def _add_classed_unlinked_notes(plan: NotePlan, root: Node, note_nodes: dict[int, Node]) -> None:
    taken = Subtrees(note_nodes.values())
    pending: dict[int | str, list[Node]] = {}
    pairs: list[tuple[Node, Node, Node, int | str]] = []  # call, note, its sign, label
    for node in iter_elements(root):
        if taken.hold(node) or node.index in plan.markers:
            continue
        if node.tag in _UNLINKED_CALL_TAGS and _UNLINKED_CALL_CLASS.search(node.get("class")) and node.text_length <= _MARKER_MAX_CHARS:
            label = MARKER_LABEL.match(text_of(node).strip())
            if label is None or (pairs and contains(pairs[-1][1], node)):
                return  # a call that reads as no label, or one inside a note: not this page's way of writing notes
            pending.setdefault(label_of(label.group(1)), []).append(node)
        elif node.tag in NOTE_ELEMENTS and _NOTE_CLASS.search(node.get("class")) and node.text_length <= MAX_NOTE_CHARS:
            sign = next((inner for inner in iter_elements(node) if inner is not node and _UNLINKED_SIGN_CLASS.search(inner.get("class"))), None)
            label = MARKER_LABEL.match(text_of(sign).strip()) if sign is not None and sign.text_length <= _MARKER_MAX_CHARS else None
            if label is None:
                continue
            calls = pending.get(label_of(label.group(1)))
            if not calls:
                return  # a note no call before it names: not this page's way of writing notes
            pairs.append((calls.pop(0), node, sign, label_of(label.group(1))))
    if not pairs or any(pending.values()):
        return
    used = set(plan.notes.values())
    repeats: dict[int | str, int] = {}
    for call, note, sign, label in pairs:
        if label in used:
            repeats[label] = repeats.get(label, 1) + 1
            label = f"{label}-{repeats[label]}"  # a book that numbers its notes again on each page
        used.add(label)
        plan.notes[note.index] = label
        plan.markers[call.index] = label
        plan.apparatus.add(sign.index)
        note_nodes[note.index] = note


# CSS Paged Media's footnotes (`float: footnote`, as Prince, WeasyPrint and Paged.js print them)
# are written where they are called: <p>…etwa 5800 Hektar.<span class="footnote">Der Verfasser
# verdankt diese Zahl …</span> Er besteht…</p>. Projekt Gutenberg-DE writes its books' notes so.
# The class is the whole sign, so the element must read as a note: words, inside a paragraph,
# no link to a note elsewhere (<span class="footnote"><a href="#fn1">1</a></span> is a marker).
_PAGED_MEDIA_NOTE_CLASS = re.compile(r"(?<![\w-])(?:footnote|fussnote|fußnote|fn)(?![\w-])", re.I)
_PAGED_MEDIA_NOTE_TAGS = {"span", "small"}
_PROSE_PARENTS = {"p", "li", "dd", "td", "blockquote"}
_PAGED_MEDIA_NOTE_MIN_WORDS = 3


def _add_paged_media_notes(plan: NotePlan, root: Node, note_nodes: dict[int, Node], containers: Subtrees) -> None:
    numbers = [label for label in plan.notes.values() if isinstance(label, int)]
    for node in iter_elements(root):
        if node.tag not in _PAGED_MEDIA_NOTE_TAGS or not _PAGED_MEDIA_NOTE_CLASS.search(node.get("class")) \
                or not _reads_as_inline_note(node, plan, containers):
            continue
        label = max(numbers, default=0) + 1
        numbers.append(label)
        plan.notes[node.index] = label
        note_nodes[node.index] = node
        plan.inline.add(node.index)
        plan.self_marked.add(node.index)


def _reads_as_inline_note(node: Node, plan: NotePlan, containers: Subtrees) -> bool:
    if node.index in plan.notes or node.index in plan.markers or containers.hold(node) or node.text_length > MAX_NOTE_CHARS:
        return False
    if any(a.index in plan.notes or a.index in plan.markers for a in node.ancestors()):
        return False
    if not any(a.tag in _PROSE_PARENTS for a in node.ancestors()):
        return False
    if any(inner.tag == "a" and inner.get("href").startswith("#") for inner in iter_elements(node)):
        return False
    if any(inner.index in plan.notes or inner.index in plan.markers for inner in iter_elements(node)):
        return False
    return len(re.findall(r"[^\W\d_]{2,}", text_of(node))) >= _PAGED_MEDIA_NOTE_MIN_WORDS


def _mark_printed_label(plan: NotePlan, target: Node, note: Node, label: str) -> None:
    """The note's number printed around its anchor (<sup><span class="nootnum"><a id=…></a>1</span></sup>
    before "Kamerstuk 36 512"): the note's label, which the note keeps as its number, not its text."""
    printed = None
    node = target
    while node is not None and node is not note and text_of(node).strip() in ("", label):
        if text_of(node).strip() == label:
            printed = node
        node = node.parent
    if printed is not None:
        plan.apparatus.add(printed.index)


def _mark_apparatus(plan: NotePlan, note: Node, note_nodes: dict[int, Node], marker_anchors: set[str]) -> None:
    """Backlinks of a note: a link back out to the text, or one that says it goes back."""
    for node in iter_elements(note):
        if node is note:
            continue
        if _BACKLINK_CLASS.search(node.get("class")) or node.get("role").lower() == "doc-backlink" \
                or _CLOSE_CONTROL.search(node.get("class")):
            plan.apparatus.add(node.index)
        elif node.tag == "a" and unquote(node.get("href")[1:]) in marker_anchors and node.get("href").startswith("#"):
            plan.apparatus.add(_bracketing(node).index)
        elif node.tag == "a" and "#" in node.get("href") and not node.get("href").startswith("#") \
                and unquote(node.get("href").rpartition("#")[2]) in marker_anchors and node.text_length <= _MARKER_MAX_CHARS:
            # the page's own file named in the back-link (sacred-texts.com's "fcc11.htm#fr_0", shown "112:1")
            plan.apparatus.add(_bracketing(node).index)
        elif node.tag == "a" and node.get("href").startswith("#"):
            if _BACKLINK.search(node.get("href")) or (node.text_length <= _MARKER_MAX_CHARS and _BACKLINK.search(text_of(node))) or _BACKLINK.search(node.get("class")):
                plan.apparatus.add(node.index)

