"""The side panel: the current claim, its citations resolved, and its check."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from claimdesk.store.claims import CONFIDENCE_LEVELS

STATUS_COLOURS = {"unreviewed": "yellow", "verified": "green", "disputed": "dark_orange", "false": "red", "unverifiable": "blue",
                  "needs-review": "magenta"}


def _line(*parts: tuple[str, str] | str) -> Text:
    text = Text(end="")
    for part in parts:
        if isinstance(part, tuple):
            text.append(part[0], style=part[1])
        else:
            text.append(part)
    return text


class ClaimPanel(VerticalScroll):
    """Everything about the claim at the cursor. All text goes in as rich Text,
    never as markup: a report or a note may contain "[bold]" or "[/"."""

    def compose(self):
        yield Static(Text("No claim here. Select text and press c.", style="dim"), id="panel-claim", markup=False)
        yield Static(Text(""), id="panel-citations", markup=False)
        yield Static(Text(""), id="panel-check", markup=False)

    def show_claim(self, claim: dict | None, footnotes: dict, reports: dict) -> None:
        claim_box = self.query_one("#panel-claim", Static)
        citations_box = self.query_one("#panel-citations", Static)
        if claim is None:
            claim_box.update(Text("No claim here. Select text (shift+arrows or s) and press c.", style="dim"))
            citations_box.update(Text(""))
            self.query_one("#panel-check", Static).update(Text(""))
            return
        confidence = f"{claim['confidence']} {CONFIDENCE_LEVELS[claim['confidence']]}" if claim["confidence"] else "unrated"
        body = Text(end="")
        body.append(f"Claim #{claim['id']}", style="bold")
        body.append(f"  v{claim['version']}", style="dim")
        if claim.get("page"):
            body.append(f"  p. {claim['page']}", style="dim")
        body.append("\n")
        body.append(claim["quote"] + "\n\n")
        body.append_text(_line(("Status ", "dim"), (claim["status"], STATUS_COLOURS.get(claim["status"], "")), ("   Confidence ", "dim"), confidence, "\n"))
        if claim["anchor"] != "anchored":
            body.append_text(_line(("Anchor ", "dim"), (f"{claim['anchor']} ({claim['anchor_method']})", "yellow"), "\n"))
        body.append_text(review_before_text(claim))
        entities = ", ".join(f"{e['name']} ({e['type']})" for e in claim["entities"]) or "none"
        body.append_text(_line(("Entities ", "dim"), entities, "\n"))
        if claim.get("suggested_entities"):
            body.append_text(_line(("  mentioned: ", "dim"), (", ".join(e["name"] for e in claim["suggested_entities"]), "italic"), "\n"))
        body.append_text(_line(("Note ", "dim"), claim["note"] or "—", "\n"))
        body.append_text(_line(("By ", "dim"), f"{claim['reviewer']}, {claim['updated']}"))
        claim_box.update(body)
        citations_box.update(citation_text(claim, footnotes, reports))
        self.query_one("#panel-check", Static).update(Text("Checking the corpus…", style="dim italic"))

    def show_check(self, result: dict) -> None:
        self.query_one("#panel-check", Static).update(check_text(result))


def review_before_text(claim: dict) -> Text:
    """For a claim re-anchored onto new words: the verdict and the quote that were
    reviewed, beside what the report says now, and the figures that changed."""
    record = claim.get("anchor_record") or {}
    reviewed = record.get("reviewed")
    text = Text(end="")
    if claim["status"] != "needs-review" or not reviewed:
        return text
    text.append_text(_line(("Was ", "dim"), (reviewed["status"], STATUS_COLOURS.get(reviewed["status"], "")),
                           ("  on revision ", "dim"), str(reviewed["revision"]), ":\n"))
    text.append(reviewed["quote"] + "\n", style="italic")
    for change in record.get("figures", []):
        text.append_text(_line(("Figure ", "dim"), (f"{change['old'] or '—'} → {change['new'] or '—'}", "bold red"),
                               (f" ({change['where']})", "dim"), "\n"))
    return text


def resolution_chain(number, footnotes: dict, reports: dict) -> Text:
    """"Ibid. → note 1 → Pyatakov, Russia and Latin America…, 2020 → in corpus"."""
    note = footnotes.get(number)
    text = Text(end="")
    if note is None:
        text.append(f"note {number}: (no footnote text)", style="red")
        return text
    text.append(f"{number}. ", style="bold")
    text.append(note["text"][:60] + ("…" if len(note["text"]) > 60 else ""))
    if note["resolves_to"] is not None:
        text.append(f" → note {note['resolves_to']}", style="cyan")
        if note.get("resolution_guess"):
            text.append(" (guess)", style="yellow")
    reference = note.get("reference")
    if reference and (reference.get("title") or reference.get("url")):
        authors = ", ".join(reference.get("authors") or [])
        label = reference.get("title") or reference.get("url")
        text.append(" → ", style="cyan")
        text.append(", ".join(part for part in (authors, label, reference.get("year") or "") if part), style="italic")
    if note.get("cites_report"):
        report = reports.get(note["cites_report"], {})
        text.append(" → in corpus: ", style="green")
        text.append(note["cites_report"], style="bold green")
        if report.get("title"):
            text.append(f" ({report['title'][:40]})", style="green")
    return text


def citation_text(claim: dict, footnotes: dict, reports: dict) -> Text:
    text = Text("Citations\n", style="bold", end="")
    if not claim["citations"]:
        text.append("none attached\n", style="dim")
    for number in claim["citations"]:
        text.append_text(resolution_chain(number, footnotes, reports))
        text.append("\n")
    return text


def check_text(result: dict) -> Text:
    text = Text(end="")
    text.append("Corroboration ", style="bold")
    groups = " | ".join(", ".join(group) for group in result["independent_groups"])
    text.append(f"{result['independent_reports']} independent ({groups})\n")
    text.append("Matches\n", style="bold")
    if not result["matches"]:
        text.append("none in other reports\n", style="dim")
    for match in result["matches"][:8]:
        colour = {"duplicate": "green", "conflict": "red", "related": "cyan"}[match["relation"]]
        text.append(f"{match['score']:.0f} {match['relation']} ", style=colour)
        text.append(f"{match['report']}: ", style="bold")
        text.append(match["text"][:140] + ("…" if len(match["text"]) > 140 else "") + "\n")
        for difference in match["differences"]:
            text.append("   claim ", style="dim")
            text.append(difference["claim"], style="bold red")
            text.append(" ≠ source ", style="dim")
            text.append(difference["source"] + "\n", style="bold red")
    if result["citation_check"]:
        text.append("Cited sources\n", style="bold")
    for item in result["citation_check"]:
        verdict, colour = {True: ("supports", "green"), False: ("contradicts", "red"), None: ("not found", "yellow")}[item["supported"]]
        text.append(f"note {item['footnote']} → {item['cited_report']}: ")
        text.append(verdict + "\n", style=colour)
    for quote in result["quote_check"]:
        text.append("Quotation ", style="bold")
        if quote["verbatim"]:
            text.append(f"verbatim in {quote['report']}\n", style="green")
        else:
            text.append(f"not verbatim ({quote['similarity']:.0f}%); closest:\n", style="red")
            text.append((quote["closest"] or "—")[:200] + "\n", style="italic")
    return text
