"""Plain-text views of the store for the terminal, without the full-screen UI.

Everything printed here comes from reports and users, so it is printed as plain
text (click.echo does not interpret markup); control characters never reach this
point because the reading text was cleaned at import.
"""

from __future__ import annotations

import json

import textwrap

_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def import_line(item: dict) -> str:
    status = {"imported": "imported", "revised": f"revised (revision {item['revision']})", "unchanged": "unchanged"}[item["status"]]
    warnings = f", {len(item['warnings'])} warning(s)" if item["warnings"] else ""
    pages = f", {item['pages']} pages" if item.get("pages") else ""
    removed = item.get("removed") or {}
    kept_out = f"; kept out of the text: {', '.join(f'{kind} {count}' for kind, count in removed.items())}" if removed else ""
    return (f"{item['id']}: {status} — {item['title'] or '(untitled)'} — {item['footnotes']} footnotes, "
            f"{item['markers']} markers{pages}{warnings}{kept_out}")


def reports_table(reports: list[dict]) -> str:
    if not reports:
        return "No reports yet. Import some: claimdesk import PATH..."
    rows = [("ID", "DATE", "NOTES", "CLAIMS", "WARN", "TITLE / AUTHORS")]
    for report in reports:
        authors = ", ".join(report["authors"]) or "—"
        title = (report["title"] or "(untitled)")[:70]
        rows.append((report["id"], report["date"] or "—", str(report["footnotes"]), str(report["claims"]), str(report["warnings"]), f"{title} — {authors}"))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    return "\n".join("  ".join(cell.ljust(widths[i]) if i < 5 else cell for i, cell in enumerate(row)) for row in rows)


def report_summary(document: dict) -> str:
    lines = [
        document["title"] or "(untitled)",
        f"by {', '.join(document['authors']) or 'unknown authors'} · {document['date'] or 'undated'} · {document['format']} · revision {document['revision']}",
        f"{len(document['text']):,} characters, {len(document['sentences']):,} sentences, {len(document['footnotes'])} footnotes",
        "",
        "Sections:",
    ]
    lines += [f"  {'  ' * (s['level'] - 1)}{s['title']}  [{s['start']}–{s['end']}]" for s in document["sections"]] or ["  (none)"]
    lines += ["", "Footnotes:"]
    for note in document["footnotes"]:
        lines.append("  " + footnote_line(note))
    if document.get("pages"):
        pages = document["pages"]
        lines += ["", f"Pages: {len(pages)} (p. {pages[0]['label']} to p. {pages[-1]['label']})"]
    if document.get("removed"):
        lines += ["", "Kept out of the reading text:"]
        lines += [f"  [{piece['kind']}] {textwrap.shorten(piece['text'], 110)}" for piece in document["removed"]]
    if document["warnings"]:
        lines += ["", "Warnings:"] + [f"  - {w}" for w in document["warnings"]]
    return "\n".join(lines)


def footnote_line(note: dict) -> str:
    resolution = ""
    if note["resolves_to"] is not None:
        resolution = f" → note {note['resolves_to']}" + (" (guess)" if note.get("resolution_guess") else "")
    cited = f" → in corpus: {note['cites_report']}" if note["cites_report"] else ""
    orphan = "" if note["marker_offsets"] else " [no marker]"
    return f"{note['number']:>3}. [{note['kind']}]{resolution}{cited}{orphan} {textwrap.shorten(note['text'], 110)}"


def reading_view(document: dict) -> str:
    """The reading text with markers as superscript numbers, notes at the end."""
    text = document["text"]
    # (offset, order, what to insert): a page start goes before the markers at its offset.
    inserts = [(page["start"], 0, f"[p. {page['label']}] ") for page in document.get("pages", [])]
    for note in document["footnotes"]:
        label = str(note["number"])
        shown = label.translate(_SUPERSCRIPTS) if label.isdigit() else f"[{label}]"
        inserts += [(offset, 1, shown) for offset in note["marker_offsets"]]
    pieces, cursor = [], 0
    for offset, _order, shown in sorted(inserts):
        pieces.append(text[cursor:offset])
        pieces.append(shown)
        cursor = offset
    pieces.append(text[cursor:])
    body = "".join(pieces)
    wrapped = "\n\n".join(textwrap.fill(paragraph, 100) for paragraph in body.split("\n\n"))
    notes = "\n".join(footnote_line(note) for note in document["footnotes"])
    return f"{document['title'] or '(untitled)'}\n\n{wrapped}\n\nNotes\n{notes}"


def claim_line(claim: dict) -> str:
    confidence = f"{claim['confidence']} {claim['confidence_label']}" if claim["confidence"] else "unrated"
    entities = ", ".join(e["name"] for e in claim["entities"])
    notes = f" notes {','.join(map(str, claim['citations']))}" if claim["citations"] else ""
    cited = f" → {', '.join(claim['cited_reports'])}" if claim["cited_reports"] else ""
    page = f" p. {claim['page']}" if claim.get("page") else ""
    anchor = "" if claim["anchor"] == "anchored" else f" [{claim['anchor']}: {claim['anchor_method']}]"
    return (
        f"#{claim['id']} {claim['report']} [{claim['start']}-{claim['end']}]{page} {claim['status']}, {confidence}{anchor}{notes}{cited}"
        f"{' · ' + entities if entities else ''}\n    {textwrap.shorten(claim['quote'], 160)}"
    )


def describe_change(change: dict) -> str:
    """What one change of a claim's history did: the fields it changed, before → after."""
    before, after = change["before"] or {}, change["after"] or {}
    if not before or not after:
        row = after or before
        # A tag or a citation: what it points at says more than "created".
        if change["target"] == "claim_entities":
            return f"{'tagged' if after else 'untagged'} {row.get('entity') or 'entity #' + str(row.get('entity_id'))}"
        if change["target"] == "claim_citations":
            return f"{'cites' if after else 'no longer cites'} note {json.loads(row['footnote'])}"
        return "created" if after else "deleted"
    # Who and when are columns of their own; the version only counts changes.
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k) and k not in ("updated", "version", "reviewer"))
    return ", ".join(f"{k}: {before.get(k)!r} → {after.get(k)!r}" for k in changed)


def history_lines(changes: list[dict]) -> str:
    lines = [f"{change['at']}  {change['reviewer']}  {change['action']} ({change['target']}): {describe_change(change)}" for change in changes]
    return "\n".join(lines) or "No changes."


def check_summary(claim: dict, result: dict) -> str:
    lines = [claim_line(claim), "", f"Independent reports stating it: {result['independent_reports']} ({' | '.join(', '.join(g) for g in result['independent_groups'])})", "", "Matches:"]
    for match in result["matches"]:
        differences = "; ".join(f"{d['claim']} ≠ {d['source']}" for d in match["differences"])
        lines.append(f"  {match['score']:5.1f} {match['relation']:<9} {match['report']} [{match['start']}-{match['end']}] {textwrap.shorten(match['text'], 120)}")
        if differences:
            lines.append(f"        differs: {differences}")
    if not result["matches"]:
        lines.append("  (none)")
    lines.append("Citations:")
    for item in result["citation_check"]:
        verdict = {True: "supports", False: "CONTRADICTS", None: "not found"}[item["supported"]]
        passage = f": {textwrap.shorten(item['passage']['text'], 100)}" if item["passage"] else ""
        lines.append(f"  note {item['footnote']} → {item['cited_report']}: {verdict}{passage}")
    if not result["citation_check"]:
        lines.append("  (no citation reaches a report of the corpus)")
    for quote in result["quote_check"]:
        if quote["verbatim"]:
            lines.append(f"Quote verbatim in {quote['report']}: “{textwrap.shorten(quote['quote'], 80)}”")
        else:
            closest = textwrap.shorten(quote["closest"] or "—", 100)
            lines.append(f"Quote NOT verbatim (closest, {quote['similarity']:.0f}%): “{textwrap.shorten(quote['quote'], 80)}” ~ {closest}")
    return "\n".join(lines)
