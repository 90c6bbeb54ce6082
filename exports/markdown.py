"""The claim register as one Markdown document (CommonMark + tables + footnotes).

Everything that came from a report or a person (quotes, titles, notes, entity
names, references, filters) goes through `escape_markdown`, so the document
renders exactly what the sources said and a hostile quote cannot open a link,
inject HTML, start a heading or break a table. Only this module writes
Markdown syntax; the HTML export renders this text, so both formats agree.

Headings are generated text only ("Claim 12", "Cluster 3", "Conflict 5"), so
their GitHub-style slugs (`claim-12`) are predictable and the entity index
can link to them without raw HTML anchors.
"""

from __future__ import annotations

import re
from collections import Counter

from claimdesk.exports import register_format
from claimdesk.exports.atomic import write_text_atomic
from claimdesk.exports.register import Register
from claimdesk.store.claims import STATUSES

TITLE = "Claim register"

# Every ASCII punctuation character CommonMark lets a backslash escape: escaping
# all of them is simpler and safer than deciding which are special where.
_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_SPECIAL = re.compile("[" + re.escape(_PUNCTUATION) + "]")  # a regex beats str.translate here (2x)
# Anything a reader might treat as a line end: a newline would end a table row,
# a blockquote or a list item, or start a new block ("# ..." on its own line).
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x85\u2028\u2029]")
_KIND_WORDS = {"ibid": "Ibid.", "op_cit": "Op. cit."}
_LINK_WORDS = {"duplicate": "Duplicate of", "conflict": "Conflicts with", "related": "Related to"}


def escape_markdown(text) -> str:
    """Text that renders as itself: punctuation backslash-escaped, line breaks as spaces.

    Leading and trailing blanks are dropped: CommonMark drops them anyway, and
    four leading spaces after "> " would otherwise start a code block.
    """
    if text is None:
        return ""
    return _SPECIAL.sub(_backslash, _LINE_BREAKS.sub(" ", str(text)).strip(" \t"))


def escape_markdown_lines(text, indent: str = "  ") -> str:
    """Text of several lines (a note) that renders as itself, lines kept, inside a list item.

    Each line is escaped as `escape_markdown` escapes one, so no line can start a
    heading, a list, a quote or a code block; lines end in a hard line break
    (a backslash), a blank line separates paragraphs, and every continuation line
    is indented so that it stays in the item. Blank lines at the ends are dropped.
    """
    if text is None:
        return ""
    paragraphs: list[list[str]] = [[]]
    for line in _LINE_BREAKS.split(str(text)):
        escaped = escape_markdown(line)
        if escaped:
            paragraphs[-1].append(escaped)
        elif paragraphs[-1]:
            paragraphs.append([])
    return f"\n\n{indent}".join(f"\\\n{indent}".join(lines) for lines in paragraphs if lines)


def _backslash(match: re.Match) -> str:
    return "\\" + match.group()


def claim_link(claim_id: int, word: str = "claim") -> str:
    """A link to a claim's heading ("Claim 12" -> #claim-12)."""
    return f"[{word} {int(claim_id)}](#claim-{int(claim_id)})"


def _footnote_id(report_index: int, label) -> str:
    """A footnote label unique per report and note, e.g. r1-3.

    Note labels may be symbols ("*", "a)"); anything not alphanumeric is spelt
    as its code point so the label stays valid and distinct.
    """
    safe = "".join(c if c.isascii() and c.isalnum() else f"x{ord(c):x}" for c in str(label))
    return f"r{report_index}-{safe}"


class _Index:
    """Lookups built once, so rendering stays linear in the number of claims."""

    def __init__(self, register: Register):
        self.register = register
        self.claims = {claim["id"]: claim for claim in register.claims}
        self.reports = {report["id"]: report for report in register.reports}
        self.report_number = {report["id"]: i for i, report in enumerate(register.reports, 1)}
        self.notes = {(rid, note["number"]): note for rid, notes in register.footnotes.items() for note in notes}
        self.links_of: dict[int, list[dict]] = {}
        for link in register.links:
            self.links_of.setdefault(link["claim_a"], []).append(link)
            self.links_of.setdefault(link["claim_b"], []).append(link)
        self.cluster_of = {claim_id: group for group in register.clusters for claim_id in group}
        self.cited: dict[str, tuple[str, object]] = {}
        """footnote id -> (report id, note label), in first-citation order."""

    def footnote_id(self, report_id: str, label) -> str:
        number = self.report_number.get(report_id)
        key = _footnote_id(number, label) if number else "x-" + _footnote_id(0, f"{report_id}-{label}")
        self.cited.setdefault(key, (report_id, label))
        return key

    def chain(self, report_id: str, label) -> list[dict]:
        """The note and every note it resolves to, ending at the root (cycle-safe)."""
        notes, seen = [], set()
        note = self.notes.get((report_id, label))
        while note is not None and note["number"] not in seen:
            notes.append(note)
            seen.add(note["number"])
            target = note.get("resolves_to")
            note = self.notes.get((report_id, target)) if target is not None else None
        return notes


def _reference_text(reference: dict | None, locator=None) -> str:
    """A parsed reference as one escaped line: authors, “title”, container, year, locator, URL."""
    if not reference:
        return ""
    parts = []
    if reference.get("authors"):
        parts.append(escape_markdown("; ".join(reference["authors"])))
    if reference.get("title"):
        parts.append("“" + escape_markdown(reference["title"]) + "”")
    for key in ("container", "year"):
        if reference.get(key):
            parts.append(escape_markdown(reference[key]))
    locator = locator or reference.get("locator")
    if locator:
        parts.append(escape_markdown(locator))
    if reference.get("url"):
        # Plain escaped text, never a link: a URL from a report is not trusted.
        parts.append("URL: " + escape_markdown(reference["url"]))
    return ", ".join(parts)


def _footnote_definition(index: _Index, key: str, report_id: str, label) -> str:
    report = index.reports.get(report_id)
    head = f"{escape_markdown(report['title'] if report else report_id)} ({escape_markdown(report_id)}), note {escape_markdown(label)}"
    chain = index.chain(report_id, label)
    if not chain:
        return f"[^{key}]: {head}: not found in the report."
    note, root = chain[0], chain[-1]
    parts = [head + "."]
    if len(chain) > 1:
        steps = " → ".join(f"note {escape_markdown(n['number'])}" for n in chain[1:])
        guessed = " (resolution guessed)" if any(n.get("resolution_guess") for n in chain) else ""
        parts.append(f"{escape_markdown(_KIND_WORDS.get(note['kind'], note['kind'].capitalize() + '.'))} → {steps}{guessed}.")
    # The citing note's own locator ("Ibid., p. 14") beats the root's ("p. 6").
    own_locator = (note.get("reference") or {}).get("locator")
    reference = _reference_text(root.get("reference"), own_locator)
    if reference:
        parts.append(reference + ".")
    if root.get("cites_report"):
        parts.append(f"in corpus: {escape_markdown(root['cites_report'])}.")
    parts.append(f"Note text: {escape_markdown(note['text'])}")
    return f"[^{key}]: " + " ".join(parts)


def _summary(register: Register) -> list[str]:
    statuses = Counter(claim["status"] for claim in register.claims)
    resolved = sum(1 for conflict in register.conflicts if conflict.get("kept_claim"))
    rows = [("Claims", len(register.claims))]
    rows += [(f"Claims {status}", statuses.get(status, 0)) for status in STATUSES]
    rows += [(f"Claims {escape_markdown(s)}", n) for s, n in sorted(statuses.items()) if s not in STATUSES]
    rows += [
        ("Reports", len(register.reports)),
        ("Entities", len(register.entities)),
        ("Clusters of duplicates", len(register.clusters)),
        ("Conflicts open", len(register.conflicts) - resolved),
        ("Conflicts resolved", resolved),
    ]
    return ["## Summary", "", "| Measure | Count |", "| --- | ---: |", *(f"| {name} | {count} |" for name, count in rows), ""]


def _link_line(link: dict, claim_id: int) -> str:
    other = link["claim_b"] if link["claim_a"] == claim_id else link["claim_a"]
    words = _LINK_WORDS.get(link["kind"], escape_markdown(link["kind"]))
    state = escape_markdown(link["state"])
    if link["kind"] == "conflict" and link["state"] != "rejected":
        state += f", resolved: kept claim {int(link['kept_claim'])}" if link.get("kept_claim") else ", open"
        state += f"; see [conflict {int(link['id'])}](#conflict-{int(link['id'])})"
    return f"  - {words} {claim_link(other)} ({state})"


def _appearance(index: _Index, claim: dict, level: str) -> list[str]:
    report = index.reports.get(claim["report"])
    title = escape_markdown(report["title"]) if report else "unknown report"
    citations = [f"note {escape_markdown(label)}[^{index.footnote_id(claim['report'], label)}]" for label in claim["citations"]]
    entities = [f"{escape_markdown(e['name'])} ({escape_markdown(e['type'] or 'untyped')})" for e in claim["entities"]]
    confidence = "not set"
    if claim["confidence"] is not None:
        confidence = f"{int(claim['confidence'])} ({escape_markdown(claim['confidence_label'] or 'unknown')})"
    lines = [
        f"{level} Claim {int(claim['id'])}",
        "",
        # The blockquote holds the quote and nothing else, so it can be compared with the source.
        "> " + escape_markdown(claim["quote"]),
        "",
        f"- **Report:** {title} ({escape_markdown(claim['report'])})",
        f"- **Section:** {escape_markdown(claim['section']) or 'none'}"
        + (f", p. {escape_markdown(claim['page'])}" if claim.get("page") else ""),
        f"- **Citations:** {'; '.join(citations) or 'none'}",
    ]
    if claim["cited_reports"]:
        lines.append(f"- **Cites reports in corpus:** {', '.join(escape_markdown(r) for r in claim['cited_reports'])}")
    lines += [
        f"- **Entities:** {', '.join(entities) or 'none'}",
        f"- **Confidence:** {confidence}",
        f"- **Status:** {escape_markdown(claim['status'])}",
        f"- **Note:** {escape_markdown_lines(claim['note']) or 'none'}",
        f"- **Reviewer:** {escape_markdown(claim['reviewer']) or 'none'}, created {escape_markdown(claim['created'])}, "
        f"updated {escape_markdown(claim['updated'])}",
    ]
    links = index.links_of.get(claim["id"], [])
    lines.append("- **Links:**" + ("" if links else " none"))
    lines += [_link_line(link, claim["id"]) for link in links]
    return lines + [""]


def _claims(index: _Index) -> list[str]:
    """One group per cluster (every appearance under it), one per unclustered claim."""
    lines, done = ["## Claims", ""], set()
    if not index.register.claims:
        lines += ["No claims match the filters.", ""]
    for claim in index.register.claims:
        if claim["id"] in done:
            continue
        group = index.cluster_of.get(claim["id"])
        if group is None:
            done.add(claim["id"])
            lines += _appearance(index, claim, "###")
            continue
        members = [index.claims[c] for c in group if c in index.claims]
        # Appearances in register order (report, then position), like everything else.
        members.sort(key=lambda c: (c["report"], c["start"], c["id"]))
        done.update(c["id"] for c in members)
        lines += [f"### Cluster {min(group)}", "", f"{len(members)} claims confirmed as duplicates: "
                  + ", ".join(claim_link(c["id"]) for c in members) + ".", ""]
        for member in members:
            lines += _appearance(index, member, "####")
    return lines


def _difference_columns(difference: dict, a: dict | None, b: dict | None) -> tuple[str, str]:
    """(value in claim_a, value in claim_b): a link's "claim" side is whichever claim was matched,
    so put each value with the claim whose quote contains it."""
    first, second = difference.get("claim") or "", difference.get("source") or ""
    quote_a = (a or {}).get("quote", "").lower()
    if second and second.lower() in quote_a and first.lower() not in quote_a:
        first, second = second, first
    return escape_markdown(first), escape_markdown(second)


def _conflicts(index: _Index) -> list[str]:
    lines = ["## Conflicts", ""]
    if not index.register.conflicts:
        return lines + ["No conflicts.", ""]
    for conflict in index.register.conflicts:
        a, b = index.claims.get(conflict["claim_a"]), index.claims.get(conflict["claim_b"])
        lines += [f"### Conflict {int(conflict['id'])}", ""]
        for claim in (a, b):
            if claim:
                lines.append(f"- {claim_link(claim['id'], 'Claim')} ({escape_markdown(claim['report'])}): "
                             f"“{escape_markdown(claim['quote'])}”")
        lines.append(f"- **Link:** {escape_markdown(conflict['state'])}, by {escape_markdown(conflict.get('decided_by') or conflict['created_by'])}")
        if conflict.get("kept_claim"):
            lines.append(
                f"- **Resolved:** kept {claim_link(conflict['kept_claim'])}; note: {escape_markdown(conflict.get('resolution_note')) or 'none'}; "
                f"by {escape_markdown(conflict.get('resolved_by')) or 'unknown'} at {escape_markdown(conflict.get('resolved')) or 'unknown'}"
            )
        else:
            lines.append("- **Resolution:** open")
        lines.append("")
        if conflict["differences"]:
            lines += [f"| Kind | Claim {int(conflict['claim_a'])} says | Claim {int(conflict['claim_b'])} says |", "| --- | --- | --- |"]
            for difference in conflict["differences"]:
                first, second = _difference_columns(difference, a, b)
                lines.append(f"| {escape_markdown(difference.get('kind')) or 'value'} | {first} | {second} |")
        else:
            lines.append("No differing values recorded.")
        lines.append("")
    return lines


def _entities(register: Register) -> list[str]:
    lines = ["## Entities", ""]
    if not register.entities:
        return lines + ["No entities.", ""]
    lines += ["| Entity | Type | Aliases | Claims |", "| --- | --- | --- | --- |"]
    for entity in register.entities:
        aliases = ", ".join(escape_markdown(a) for a in entity["aliases"]) or "—"
        claims = ", ".join(f"[{int(c)}](#claim-{int(c)})" for c in entity["claims"]) or "—"
        lines.append(f"| {escape_markdown(entity['name'])} | {escape_markdown(entity['type']) or '—'} | {aliases} | {claims} |")
    return lines + [""]


def _sort_name(reference: dict | None, fallback: str) -> tuple:
    """Sort by the first author's surname ("Evensen, Marit" or "Marit Evensen"), then title."""
    authors = (reference or {}).get("authors") or []
    first = authors[0] if authors else ""
    surname = first.split(",")[0] if "," in first else (first.split() or [""])[-1]
    title = (reference or {}).get("title") or fallback
    return (not authors, surname.casefold(), first.casefold(), title.casefold())


def _bibliography(index: _Index) -> list[str]:
    """Every distinct root reference the claims cite; notes naming a corpus report merge into one entry."""
    entries: dict[tuple, dict] = {}
    for claim in index.register.claims:
        for label in claim["citations"]:
            chain = index.chain(claim["report"], label)
            if not chain:
                continue
            root = chain[-1]
            reference = root.get("reference")
            if root.get("cites_report"):
                key = ("report", root["cites_report"])
            elif reference:
                key = ("ref", tuple(reference.get("authors") or ()), reference.get("title"), reference.get("container"),
                       reference.get("year"), reference.get("url"))
            else:
                key = ("text", root["text"])
            # A dict keeps first-citation order with O(1) membership (100,000 claims may cite one work).
            entries.setdefault(key, {"root": root, "claims": {}})["claims"][claim["id"]] = None
    lines = ["## Bibliography", ""]
    if not entries:
        return lines + ["No references cited.", ""]
    for entry in sorted(entries.values(), key=lambda e: _sort_name(e["root"].get("reference"), e["root"]["text"])):
        root = entry["root"]
        # The bibliography lists works, so the root note's page locator is left out.
        text = _reference_text({**root["reference"], "locator": None}) if root.get("reference") else ""
        text = text or "“" + escape_markdown(root["text"]) + "”"
        if root.get("cites_report"):
            text += f"; in corpus: {escape_markdown(root['cites_report'])}"
        lines.append(f"- {text}. Cited by {', '.join(claim_link(c) for c in entry['claims'])}.")
    return lines + [""]


def render_markdown(register: Register) -> str:
    index = _Index(register)
    filters = "; ".join(
        f"{escape_markdown(name)}: {escape_markdown(', '.join(map(str, value)) if isinstance(value, (list, tuple)) else value)}"
        for name, value in register.filters.items()
    )
    lines = [f"# {TITLE}", "", f"Generated at {escape_markdown(register.generated)}. Filters: {filters or 'none'}.", ""]
    lines += _summary(register)
    lines += _claims(index)  # fills index.cited, in first-citation order
    lines += _conflicts(index)
    lines += _entities(register)
    lines += _bibliography(index)
    if index.cited:
        # A blank line after each definition, so none can read as the previous one's continuation.
        for key, (report_id, label) in index.cited.items():
            lines += [_footnote_definition(index, key, report_id, label), ""]
    return "\n".join(lines)


@register_format("markdown")
def write_markdown(register: Register, path) -> None:
    write_text_atomic(path, render_markdown(register))
