"""Commands for the review work: links, suggestions, clusters and conflicts."""

from __future__ import annotations

import sys

import click

from claimdesk.checking import suggest_links
from claimdesk.cli import cli
from claimdesk.cli_common import STORE_INT, Context, emit_json, warn
from claimdesk.sources.safe_open import DEFAULT_MAX_MB, MAX_SIZE_VARIABLE, max_file_bytes
from claimdesk.store.claims import STATUSES
from claimdesk.store.reports import require_report
from claimdesk.store.links import (
    LINK_KINDS,
    add_link,
    clusters,
    decide_link,
    list_conflicts,
    list_links,
    reopen_conflict,
    resolve_conflict,
)

pass_context = click.make_pass_decorator(Context)


@cli.group("link")
def link_group() -> None:
    """Link claims, and confirm or reject suggested links."""


@link_group.command("add")
@click.argument("a", type=STORE_INT)
@click.argument("b", type=STORE_INT)
@click.option("--kind", type=click.Choice(LINK_KINDS), required=True)
@click.option("--json", "as_json", is_flag=True)
@pass_context
def link_add(obj: Context, a, b, kind, as_json) -> None:
    """Link claims A and B (a person's link is confirmed at once)."""
    with obj.action("link claims") as action:
        link = add_link(action, a, b, kind)
    _print_link(obj, link["id"], as_json)


@link_group.command("confirm")
@click.argument("link_id", type=STORE_INT)
@click.option("--kind", type=click.Choice(LINK_KINDS), help="Confirm as another kind than suggested.")
@click.option("--json", "as_json", is_flag=True)
@pass_context
def link_confirm(obj: Context, link_id, kind, as_json) -> None:
    """Confirm a suggested link."""
    with obj.action("confirm link") as action:
        decide_link(action, link_id, "confirmed", kind)
    _print_link(obj, link_id, as_json)


@link_group.command("reject")
@click.argument("link_id", type=STORE_INT)
@click.option("--json", "as_json", is_flag=True)
@pass_context
def link_reject(obj: Context, link_id, as_json) -> None:
    """Reject a suggested link (it is kept, as rejected, and never suggested again)."""
    with obj.action("reject link") as action:
        decide_link(action, link_id, "rejected")
    _print_link(obj, link_id, as_json)


def _print_link(obj: Context, link_id: int, as_json: bool) -> None:
    link = next(item for item in list_links(obj.store.db) if item["id"] == link_id)
    if as_json:
        emit_json(link)
    else:
        click.echo(_link_line(link))


def _link_line(link: dict) -> str:
    score = f"{link['score']:.1f}" if link["score"] is not None else "—"
    differences = "; ".join(f"{d['claim']} ≠ {d['source']}" for d in link["differences"])
    return f"#{link['id']} {link['kind']} {link['state']}: claims {link['claims'][0]} ~ {link['claims'][1]} (score {score}){' — ' + differences if differences else ''}"


@cli.command("links")
@click.option("--state", type=click.Choice(["suggested", "confirmed", "rejected"]))
@click.option("--kind", type=click.Choice(LINK_KINDS))
@click.option("--claim", type=STORE_INT, help="Only links of this claim.")
@click.option("--json", "as_json", is_flag=True)
@pass_context
def links_command(obj: Context, state, kind, claim, as_json) -> None:
    """List links between claims."""
    links = list_links(obj.store.db, state=state, kind=kind, claim=claim)
    if as_json:
        emit_json(links)
    else:
        click.echo("\n".join(_link_line(link) for link in links) or "No links.")


@cli.command("suggest")
@click.option("--json", "as_json", is_flag=True)
@pass_context
def suggest_command(obj: Context, as_json) -> None:
    """Compare all claims across reports and store duplicate and conflict suggestions."""
    result = suggest_links(obj.store, obj.reviewer)
    if as_json:
        emit_json(result)
    else:
        click.echo(f"{result['claims']} claims compared; {result['suggestions']} suggestion(s): {result['links']}")


@cli.command("clusters")
@click.option("--json", "as_json", is_flag=True)
@pass_context
def clusters_command(obj: Context, as_json) -> None:
    """Claims joined by confirmed duplicate links."""
    groups = clusters(obj.store.db)
    if as_json:
        emit_json([{"id": group[0], "claims": group} for group in groups])
    else:
        click.echo("\n".join(f"cluster {group[0]}: claims {', '.join(map(str, group))}" for group in groups) or "No clusters.")


@cli.command("conflicts")
@click.option("--all", "include_rejected", is_flag=True, help="Include rejected conflict suggestions.")
@click.option("--json", "as_json", is_flag=True)
@pass_context
def conflicts_command(obj: Context, include_rejected, as_json) -> None:
    """Claims that state the same fact with different values."""
    conflicts = list_conflicts(obj.store.db, include_rejected=include_rejected)
    if as_json:
        emit_json(conflicts)
    else:
        for c in conflicts:
            differences = "; ".join(f"{d['claim']} ≠ {d['source']}" for d in c["differences"])
            kept = f" — kept claim {c['kept']}: {c['note']}" if c["kept"] else ""
            click.echo(f"#{c['id']} {c['state']} ({c['link_state']}): claims {c['claims'][0]} vs {c['claims'][1]}{' — ' + differences if differences else ''}{kept}")
        if not conflicts:
            click.echo("No conflicts.")


@cli.group("conflict")
def conflict_group() -> None:
    """Resolve or reopen a conflict."""


@conflict_group.command("resolve")
@click.argument("conflict_id", type=STORE_INT)
@click.option("--keep", type=STORE_INT, required=True, help="The claim whose version stands.")
@click.option("--note", required=True, help="Why.")
@click.option("--other-status", type=click.Choice(STATUSES), default="disputed", show_default=True, help="Status given to the other claim.")
@click.option("--json", "as_json", is_flag=True)
@pass_context
def conflict_resolve(obj: Context, conflict_id, keep, note, other_status, as_json) -> None:
    """Resolve a conflict by keeping one claim's version."""
    with obj.action("resolve conflict") as action:
        document = resolve_conflict(action, conflict_id, keep, note, other_status)
    if as_json:
        emit_json(document)
    else:
        click.echo(f"conflict {conflict_id} resolved: kept claim {keep}")


@conflict_group.command("reopen")
@click.argument("conflict_id", type=STORE_INT)
@pass_context
def conflict_reopen(obj: Context, conflict_id) -> None:
    """Reopen a resolved conflict."""
    with obj.action("reopen conflict") as action:
        reopen_conflict(action, conflict_id)
    click.echo(f"conflict {conflict_id} reopened")


@cli.command("export")
@click.option("--sqlite", "sqlite_path", metavar="FILE", help="SQLite database (opens in Datasette; a .metadata.json is written beside it).")
@click.option("--markdown", "markdown_path", metavar="FILE", help="The register as Markdown.")
@click.option("--html", "html_path", metavar="FILE", help="The register as one standalone HTML page.")
@click.option("--claimreview", "claimreview_path", metavar="FILE", help="schema.org ClaimReview JSON-LD of reviewed claims.")
@click.option("--annotations", "annotations_path", metavar="FILE", help="W3C Web Annotation collection (JSON-LD).")
@click.option("--csl", "csl_path", metavar="FILE", help="CSL-JSON of every reference (Zotero, pandoc).")
@click.option("--status", "statuses", multiple=True, type=click.Choice(STATUSES), help="Only claims with this status (repeatable).")
@click.option("--report", "reports", multiple=True, help="Only claims of this report (repeatable).")
@click.option("--entity", "entities", multiple=True, help="Only claims tagged with this entity (repeatable).")
@click.option("--min-confidence", type=click.IntRange(1, 5), help="Only claims rated at least this confident.")
@click.option("--json", "as_json", is_flag=True)
@pass_context
def export_command(obj: Context, sqlite_path, markdown_path, html_path, claimreview_path, annotations_path, csl_path,
                   statuses, reports, entities, min_confidence, as_json) -> None:
    """Export the claim register; each file is written whole or not at all."""
    from claimdesk.exporting import export_register
    from claimdesk.exports.register import Filters

    targets = {name: path for name, path in (
        ("sqlite", sqlite_path), ("markdown", markdown_path), ("html", html_path),
        ("claimreview", claimreview_path), ("annotations", annotations_path), ("csl", csl_path),
    ) if path}
    if not targets:
        raise click.UsageError("name at least one file: --sqlite, --markdown, --html, --claimreview, --annotations or --csl")
    for report in reports:
        require_report(obj.store.db, report)
    filters = Filters(statuses=tuple(statuses), reports=tuple(reports), entities=tuple(entities), min_confidence=min_confidence)
    steps = len(targets) + 1
    show_bar = not as_json and sys.stderr.isatty()
    with click.progressbar(length=steps, label="Exporting", file=sys.stderr) if show_bar else _NoBar() as bar:
        result = export_register(obj.store, targets, filters, progress=lambda _step: bar.update(1))
    if as_json:
        emit_json(result)
    else:
        for name, path in result["written"].items():
            click.echo(f"{name}: {path}")
        click.echo(f"{result['claims']} claim(s) from {result['reports']} report(s)")


class _NoBar:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, _steps: int) -> None:
        pass


@cli.command("import-annotations")
@click.argument("file")
@click.option("--json", "as_json", is_flag=True)
@click.option("--max-size", "max_mb", type=click.IntRange(min=1), envvar=MAX_SIZE_VARIABLE, metavar="MB",
              help=f"Refuse a file larger than this, before reading it (default: ${MAX_SIZE_VARIABLE}, else {DEFAULT_MAX_MB}).")
@pass_context
def import_annotations_command(obj: Context, file, as_json, max_mb) -> None:
    """Read a W3C Web Annotation export back into a store holding the same reports."""
    from claimdesk.exports.annotations import import_annotations

    try:
        result = import_annotations(obj.store, file, obj.reviewer, max_bytes=max_file_bytes(max_mb))
    except (ValueError, OSError) as exc:  # the file's fault, not the program's: one line, exit 1
        raise click.ClickException(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
    for line in result.get("warnings", []):
        warn(line)
    if as_json:
        emit_json(result)
    else:
        click.echo(f"{result['created']} claim(s) created, {result['unchanged']} already there")


@cli.command("review")
@click.option("--json", "as_json", is_flag=True, help="Print what waits for review as one JSON object.")
@pass_context
def review_command(obj: Context, as_json: bool) -> None:
    """Open the review desk: suggestions, conflicts, clusters, entities.

    Without a terminal (in a pipe or a script), or with --json, it says what
    waits for review instead.
    """
    from claimdesk.cli import _interactive
    from claimdesk.review import cluster_views, conflict_queue, entity_lookalikes
    from claimdesk.suggestions import suggested_links

    if _interactive() and not as_json:
        from claimdesk.tui.app import run

        obj.store.close()
        run(obj.db_path, obj.reviewer, review=True)
        return
    db = obj.store.db
    conflicts, _total = conflict_queue(db, limit=sys.maxsize)
    waiting = {
        "suggestions": suggested_links(db, limit=0)[1],
        "open_conflicts": sum(1 for c in conflicts if c["state"] == "open"),
        "resolved_conflicts": sum(1 for c in conflicts if c["state"] == "resolved"),
        "clusters": len(cluster_views(db, limit=sys.maxsize)),
        "entity_lookalikes": [[pair["a"], pair["b"]] for pair in entity_lookalikes(db)],
    }
    if as_json:
        emit_json(waiting)
        return
    click.echo(f"{waiting['suggestions']} suggested duplicate link(s) to confirm or reject")
    click.echo(f"{waiting['open_conflicts']} open conflict(s), {waiting['resolved_conflicts']} resolved")
    click.echo(f"{waiting['clusters']} cluster(s) of the same claim")
    for a, b in waiting["entity_lookalikes"]:
        click.echo(f"entities probably the same: {a} / {b}")
    click.echo("Open the desk in a terminal: claimdesk review")
