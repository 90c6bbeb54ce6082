"""What a digital library prints over a digitised book: its catalogue record, its OCR
warning, a volunteer transcription's e-book header.

Gallica's "mode texte" (texteBrut) page opens with the BnF's notice, one field a line
("Titre : …", "Auteur : …", "Date d'édition : …", "Identifiant : ark:/12148/…",
"Provenance : …", "Date de mise en ligne : …"), then its warning that the text is OCR
("Le texte affiché peut comporter un certain nombre d'erreurs. En effet, le mode texte
de ce document a été généré de façon automatique par un programme de reconnaissance
optique de caractères (OCR). Le taux de reconnaissance estimé pour ce document est de
96 %."). The warning is what tells the record from a book's own "Titre :" lines: only
the run of field lines next to it goes, and only when library fields are among them.

Distributed Proofreaders Canada's books on Faded Page, and Project Gutenberg Australia's,
open with a box of their own: "A Distributed Proofreaders Canada eBook", the terms
("This eBook costs nothing…"), "Title: / Author: / Date first posted: / Faded Page eBook
#…" and the producers' credit. It is the edition's licence, as Project Gutenberg's header
is (html_content), and is read for the author like it (html_meta).
"""

from __future__ import annotations

import re

from claimdesk.sources.readers.html_content import PROTECTED_SHARE, ContentPlan
from claimdesk.sources.readers.html_tree import Node, is_small, iter_elements, text_of

_OCR_WARNING = re.compile(
    r"\b(?:reconnaissance optique de caractères|optical character recognition)\s*\(OCR\)|\btaux de reconnaissance estimé\b", re.I)
_OCR_WARNING_MAX_CHARS = 600
# The fields of Gallica's notice (and of the "Rappel de votre demande" header of its downloads).
_FIELD_LINE = re.compile(
    r"^\s*(?:titre|auteur|auteurs|contributeur|éditeur|editeur|date d'édition|date|sujet|type|langue|format|description|droits|"
    r"identifiant|source|provenance|relation|notice du catalogue|notice complète|date de mise en ligne|couverture|"
    r"rappel de votre demande|format de téléchargement|nombre de pages|vues \d+ à \d+ sur \d+)\s*:?", re.I)
_LIBRARY_FIELD = re.compile(r"^\s*(?:identifiant|provenance|date de mise en ligne|notice du catalogue|droits)\s*:", re.I)
_FIELD_LINE_MAX_CHARS = 400
_FIELDS_MIN = 3

_EBOOK_BANNER = re.compile(
    r"^\W*an? (?:distributed proofreaders(?: canada)?|faded page|project gutenberg (?:of )?(?:canada|australia)) e-?book\W*$", re.I)
_EBOOK_FIELDS = re.compile(r"\b(?:title|author|date first posted|date last updated|faded page e-?book|e-?book no\.)\s*:?", re.I)
_EBOOK_CREDIT = re.compile(r"^\s*(?:this e-?book was produced by|produced by)\b", re.I)
_EBOOK_HEADER_MAX_CHARS = 4000
_EBOOK_HEADER_SIBLINGS_MAX = 8


def mark_library_furniture(root: Node, plan: ContentPlan, keep: set[int]) -> None:
    body = next((node for node in iter_elements(root) if node.tag == "body"), root)
    total = max(body.text_length, 1)
    for node in list(iter_elements(body)):
        if node.index in plan.removed or node.index in keep:
            continue
        if node.tag in ("p", "div") and is_small(node, _OCR_WARNING_MAX_CHARS) and _OCR_WARNING.search(text_of(node)) \
                and not any(child.tag in ("p", "div") for child in node.children if isinstance(child, Node)):
            _mark_notice(node, plan, keep, total)
        elif node.tag in ("p", "div", "td") and is_small(node, 200) and _EBOOK_BANNER.match(text_of(node)):
            _mark_ebook_header(body, node, plan, keep, total)


def _mark_notice(warning: Node, plan: ContentPlan, keep: set[int], total: int) -> None:
    """The OCR warning, and the run of catalogue fields just before it."""
    holder = warning
    # The warning in a box of its own (with its "view the image" link): the box is the unit.
    while holder.parent is not None and holder.parent.tag == "div" and is_small(holder.parent, _OCR_WARNING_MAX_CHARS * 2) \
            and holder.parent.text_length < PROTECTED_SHARE * total:
        holder = holder.parent
    siblings = [child for child in (holder.parent.children if holder.parent else []) if isinstance(child, Node)]
    position = next((index for index, child in enumerate(siblings) if child is holder), 0)
    fields: list[Node] = []
    for sibling in reversed(siblings[:position]):
        if not sibling.text_length:
            continue
        lines = _field_lines(sibling)
        if lines is None:
            break
        fields.append(sibling)
    found = [line for node in fields for line in _field_lines(node) or []]
    if len(found) < _FIELDS_MIN or not any(_LIBRARY_FIELD.match(line) for line in found):
        return
    for node in [holder, *fields]:
        if node.index not in keep:
            plan.removed[node.index] = "furniture"


def _field_lines(node: Node) -> list[str] | None:
    """The field lines of a notice paragraph, or of a box made only of them; None for anything else."""
    parts = [child for child in node.children if isinstance(child, Node) and child.text_length and child.tag in ("p", "div", "li", "dl", "ul")]
    if not parts:
        text = " ".join(text_of(node).split())
        return [text] if len(text) <= _FIELD_LINE_MAX_CHARS and _FIELD_LINE.match(text) else None
    lines: list[str] = []
    for part in parts:
        found = _field_lines(part)
        if found is None:
            return None
        lines.extend(found)
    return lines


def _mark_ebook_header(body: Node, banner: Node, plan: ContentPlan, keep: set[int], total: int) -> None:
    """The box the banner opens, or the banner and its siblings down to the producers' credit."""
    box = banner.parent
    if box is not None and box is not body and box.text_length <= _EBOOK_HEADER_MAX_CHARS and box.text_length < PROTECTED_SHARE * total \
            and _EBOOK_FIELDS.search(text_of(box)) and not any(index in keep for index in range(box.index, box.index + box.size)):
        plan.removed[box.index] = "licence"
        return
    siblings = [child for child in (box.children if box else []) if isinstance(child, Node)]
    position = next(index for index, child in enumerate(siblings) if child is banner)
    run = siblings[position:position + _EBOOK_HEADER_SIBLINGS_MAX]
    end = next((index for index, node in enumerate(run) if _EBOOK_CREDIT.match(text_of(node))), None)
    if end is None or not any(_EBOOK_FIELDS.search(text_of(node)) for node in run[:end + 1]):
        return
    for node in run[:end + 1]:
        if node.index not in keep:
            plan.removed[node.index] = "licence"
