"""Commands for claims and entities: add, set, rm, list, check, similar, undo, redo."""

from __future__ import annotations

import click

from claimdesk import textviews
from claimdesk.checking import check_claim, similar
from claimdesk.cli import cli
from claimdesk.cli_common import STORE_INT, Context, emit_json
from claimdesk.store.claims import (
    STATUSES,
    add_claim,
    claim_document,
    entity_suggestions_for,
    list_claims,
    parse_confidence,
    parse_footnote_label,
    remove_claim,
    require_claim,
    set_claim,
)
from claimdesk.store.entities import (
    ENTITY_TYPES,
    add_alias,
    ensure_entity,
    find_entity,
    list_entities,
    merge_entities,
    parse_entity_argument,
    rename_entity,
    set_entity_type,
    similar_entities,
    suggest_entities,
)
from claimdesk.store.reports import require_report
from claimdesk.store.undo import claim_history, redo_last, undo_last

pass_context = click.make_pass_decorator(Context)
STATUS_CHOICE = click.Choice(STATUSES)


@cli.group("claim")
def claim_group() -> None:
    """Create, change, remove and check claims."""


def _unregistered(store, names):
    """The names that are not yet in the registry (the claim will create them)."""
    return [(name, kind) for name, kind in names if find_entity(store.db, name) is None]


@claim_group.command("add")
@click.argument("report")
@click.option("--quote", required=True, help="The claim's text as it stands in the report (white space and quote marks forgiven).")
@click.option("--occurrence", type=click.IntRange(min=1), default=1, show_default=True, help="Which occurrence of the quote.")
@click.option("--entity", "entities", multiple=True, metavar="NAME[:TYPE]", help=f"Tag with an entity; TYPE is one of {', '.join(ENTITY_TYPES)}.")
@click.option("--confidence", metavar="1-5", help="1 doubtful, 2 weak, 3 plausible, 4 solid, 5 established (number or name).")
@click.option("--status", type=STATUS_CHOICE, default="unreviewed", show_default=True)
@click.option("--note", default="", help="A note for editors.")
@click.option("--json", "as_json", is_flag=True, help="Print the claim as JSON.")
@pass_context
def claim_add(obj: Context, report, quote, occurrence, entities, confidence, status, note, as_json) -> None:
    """Create a claim on a quote of REPORT's reading text."""
    parsed_entities = [parse_entity_argument(raw) for raw in entities]
    level = parse_confidence(confidence)
    fresh = _unregistered(obj.store, parsed_entities)
    with obj.action("add claim") as action:
        claim_id = add_claim(action, report, quote, occurrence=occurrence, entities=parsed_entities, confidence=level, status=status, note=note)
    document = claim_document(obj.store.db, claim_id)
    document["entity_suggestions"] = entity_suggestions_for(obj.store.db, fresh)
    _show_claim(document, as_json)


@claim_group.command("set")
@click.argument("claim_id", type=STORE_INT)
@click.option("--confidence", metavar="1-5", help="1 doubtful, 2 weak, 3 plausible, 4 solid, 5 established.")
@click.option("--status", type=STATUS_CHOICE)
@click.option("--note", help="Replace the note.")
@click.option("--entity", "entities", multiple=True, metavar="NAME[:TYPE]", help="Add an entity tag.")
@click.option("--remove-entity", "removed", multiple=True, metavar="NAME", help="Remove an entity tag.")
@click.option("--cite", "citations", metavar="N,N", help="Set the cited footnotes (comma-separated labels; empty for none).")
@click.option("--attach", "attach", multiple=True, metavar="N", help="Attach footnote N (one of the report's notes; repeatable).")
@click.option("--detach", "detach", multiple=True, metavar="N", help="Detach footnote N (repeatable).")
@click.option("--clear-confidence", is_flag=True, help="Take the confidence away (unrated).")
@click.option("--expect-version", type=STORE_INT, help="Refuse if the claim is no longer at this version (someone else changed it).")
@click.option("--json", "as_json", is_flag=True)
@pass_context
def claim_set(obj: Context, claim_id, confidence, status, note, entities, removed, citations, attach, detach, clear_confidence,
              expect_version, as_json) -> None:
    """Change a claim's confidence, status, note, entities or citations."""
    parsed_entities = [parse_entity_argument(raw) for raw in entities]
    labels = None
    if citations is not None:
        labels = [parse_footnote_label(part) for part in citations.split(",") if part.strip()]
    fresh = _unregistered(obj.store, parsed_entities)
    with obj.action("set claim") as action:
        set_claim(action, claim_id, confidence=parse_confidence(confidence), clear_confidence=clear_confidence, status=status, note=note,
                  add_entities=parsed_entities, remove_entities=list(removed), citations=labels,
                  attach=[parse_footnote_label(a) for a in attach], detach=[parse_footnote_label(d) for d in detach],
                  expect_version=expect_version)
    document = claim_document(obj.store.db, claim_id)
    document["entity_suggestions"] = entity_suggestions_for(obj.store.db, fresh)
    _show_claim(document, as_json)


@claim_group.command("rm")
@click.argument("claim_id", type=STORE_INT)
@click.option("--json", "as_json", is_flag=True)
@pass_context
def claim_rm(obj: Context, claim_id, as_json) -> None:
    """Remove a claim (recorded; `claimdesk undo` brings it back)."""
    with obj.action("remove claim") as action:
        remove_claim(action, claim_id)
    if as_json:
        emit_json({"removed": claim_id})
    else:
        click.echo(f"removed claim {claim_id} (undo with: claimdesk undo)")


@claim_group.command("show")
@click.argument("claim_id", type=STORE_INT)
@click.option("--json", "as_json", is_flag=True)
@pass_context
def claim_show(obj: Context, claim_id, as_json) -> None:
    """Show one claim."""
    _show_claim(claim_document(obj.store.db, claim_id), as_json)


@claim_group.command("history")
@click.argument("claim_id", type=STORE_INT)
@click.option("--json", "as_json", is_flag=True)
@pass_context
def claim_history_command(obj: Context, claim_id, as_json) -> None:
    """Every change to a claim: who, when, what, before and after."""
    require_claim(obj.store.db, claim_id, include_removed=True)
    changes = claim_history(obj.store.db, claim_id)
    if as_json:
        emit_json(changes)
    else:
        click.echo(textviews.history_lines(changes))


@claim_group.command("check")
@click.argument("claim_id", type=STORE_INT)
@click.option("--json", "as_json", is_flag=True)
@pass_context
def claim_check(obj: Context, claim_id, as_json) -> None:
    """What the corpus says: matches, citation support, quotations, corroboration."""
    result = check_claim(obj.store, claim_id)
    if as_json:
        emit_json(result)
    else:
        click.echo(textviews.check_summary(claim_document(obj.store.db, claim_id), result))


def _show_claim(document: dict, as_json: bool) -> None:
    if as_json:
        emit_json(document)
    else:
        click.echo(textviews.claim_line(document))
        for hint in document.get("entity_suggestions", []):
            click.echo(f"  note: new entity {hint['name']!r} resembles {hint['suggestion']!r} ({hint['score']:.0f}); merge with: claimdesk entity merge {hint['name']!r} {hint['suggestion']!r}")


@cli.command("claims")
@click.option("--report", help="Only the claims of this report.")
@click.option("--removed", is_flag=True, help="Include removed claims.")
@click.option("--json", "as_json", is_flag=True)
@pass_context
def claims_command(obj: Context, report, removed, as_json) -> None:
    """List claims."""
    if report:
        require_report(obj.store.db, report)
    claims = list_claims(obj.store.db, report, include_removed=removed)
    if as_json:
        emit_json(claims)
    else:
        click.echo("\n".join(textviews.claim_line(c) for c in claims) or "No claims yet. Add one: claimdesk claim add REPORT --quote TEXT")


@cli.command("similar")
@click.argument("text")
@click.option("--report", help="Search only this report.")
@click.option("--exclude-report", help="Leave this report out.")
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@pass_context
def similar_command(obj: Context, text, report, exclude_report, limit, as_json) -> None:
    """Sentences across the corpus most like TEXT, best first."""
    results = similar(obj.store, text, report=report, exclude_report=exclude_report, limit=limit)
    if as_json:
        emit_json(results)
    else:
        for item in results:
            click.echo(f"{item['score']:5.1f}  {item['report']} [{item['start']}-{item['end']}]  {item['text']}")


@cli.command("undo")
@click.option("--json", "as_json", is_flag=True)
@pass_context
def undo_command(obj: Context, as_json) -> None:
    """Take back your last change (claims, entities, links); repeat to go further back."""
    _step_through_history(obj, undo_last, "undone", as_json)


@cli.command("redo")
@click.option("--json", "as_json", is_flag=True)
@pass_context
def redo_command(obj: Context, as_json) -> None:
    """Do again what your last undo took back; repeat to go further (until you change something new)."""
    _step_through_history(obj, redo_last, "redone", as_json)


def _step_through_history(obj: Context, step, done: str, as_json: bool) -> None:
    result = step(obj.store, obj.reviewer)
    if as_json:
        emit_json(result)
    else:
        click.echo(f"{done}: {result['action']} of {result['at']} ({result['changes']} change(s))")


@cli.group("entity")
def entity_group() -> None:
    """The entity registry: add, alias, rename, merge, suggest."""


@entity_group.command("add")
@click.argument("name")
@click.option("--type", "kind", type=click.Choice(ENTITY_TYPES), default="other", show_default=True)
@click.option("--alias", "aliases", multiple=True, help="Another name for it (repeatable).")
@click.option("--json", "as_json", is_flag=True)
@pass_context
def entity_add(obj: Context, name, kind, aliases, as_json) -> None:
    """Register an entity; similar registered ones are pointed out."""
    hints = similar_entities(obj.store.db, name)
    with obj.action("add entity") as action:
        entity, created = ensure_entity(action, name, kind)
        for alias in aliases:
            add_alias(action, entity["name"], alias)
    document = {**entity, "created": created, "suggestions": hints if created else []}
    if as_json:
        emit_json(document)
    else:
        click.echo(f"{'added' if created else 'exists'}: {entity['name']} ({entity['type']})")
        for hint in document["suggestions"]:
            click.echo(f"  similar: {hint['name']} ({hint['type']}, matched {hint['matched']!r}, {hint['score']:.0f})")


@entity_group.command("alias")
@click.argument("name")
@click.argument("alias")
@pass_context
def entity_alias(obj: Context, name, alias) -> None:
    """Give entity NAME another name, ALIAS."""
    with obj.action("alias entity") as action:
        entity = add_alias(action, name, alias)
    click.echo(f"{alias} → {entity['name']}")


@entity_group.command("rename")
@click.argument("name")
@click.argument("new_name")
@pass_context
def entity_rename(obj: Context, name, new_name) -> None:
    """Rename an entity; the old name stays as an alias."""
    with obj.action("rename entity") as action:
        rename_entity(action, name, new_name)
    click.echo(f"renamed: {name} → {new_name}")


@entity_group.command("type")
@click.argument("name")
@click.argument("kind", type=click.Choice(ENTITY_TYPES))
@pass_context
def entity_type(obj: Context, name, kind) -> None:
    """Set an entity's type."""
    with obj.action("retype entity") as action:
        set_entity_type(action, name, kind)
    click.echo(f"{name}: {kind}")


@entity_group.command("merge")
@click.argument("source")
@click.argument("target")
@pass_context
def entity_merge(obj: Context, source, target) -> None:
    """Merge SOURCE into TARGET: its claims and aliases move, its name becomes an alias."""
    with obj.action("merge entities") as action:
        merged = merge_entities(action, source, target)
    click.echo(f"merged: {source} → {merged['name']}")


@entity_group.command("suggest")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True)
@pass_context
def entity_suggest(obj: Context, name, as_json) -> None:
    """Registered entities that NAME probably means."""
    suggestions = suggest_entities(obj.store.db, name)
    if as_json:
        emit_json(suggestions)
    else:
        for s in suggestions:
            click.echo(f"{s['score']:5.1f}  {s['name']} ({s['type']}, matched {s['matched']!r})")


@cli.command("entities")
@click.option("--json", "as_json", is_flag=True)
@pass_context
def entities_command(obj: Context, as_json) -> None:
    """List entities with their claim counts and aliases."""
    entities = list_entities(obj.store.db)
    if as_json:
        emit_json(entities)
    else:
        for e in entities:
            aliases = f" (also: {', '.join(e['aliases'])})" if e["aliases"] else ""
            click.echo(f"{e['name']} [{e['type']}] — {e['claims']} claim(s){aliases}")
