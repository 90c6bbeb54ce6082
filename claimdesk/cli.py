"""The command line: parse options, call the library, print the result.

The contract (shared/cli-contract.md) is kept exactly: a global --db before the
command, --json printing one document and nothing else on stdout, exit 0 on
success, 1 on a user-facing error, 2 on wrong usage, and every error one line on
stderr starting "claimdesk: error:", never a traceback.
"""

from __future__ import annotations

import os
import sqlite3
import sys

import click

from claimdesk import __version__
from claimdesk.library import import_paths, reanchoring_details, reanchoring_summary, valid_report_id
from claimdesk.store.reports import list_reports, report_document
from claimdesk import textviews

from claimdesk.cli_common import USER_ERRORS, Context, emit_json as _emit_json, error_line, inert_stdout, warn
from claimdesk.sources.budget import MEMORY_VARIABLE, SECONDS_VARIABLE
from claimdesk.sources.safe_open import DEFAULT_MAX_MB, MAX_SIZE_VARIABLE
from claimdesk.store.errors import store_condition

@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", metavar="PATH", help="The store (default: $CLAIMDESK_DB, else ./claimdesk.db).")
@click.option("--reviewer", metavar="NAME", help="Name recorded on every change (default: $CLAIMDESK_REVIEWER, else the login name).")
@click.version_option(__version__, prog_name="claimdesk")
@click.pass_context
def cli(ctx: click.Context, db: str | None, reviewer: str | None) -> None:
    """Annotate, cross-link and export the claims in footnoted reports."""
    ctx.with_resource(inert_stdout())  # nothing a command prints can drive the terminal
    ctx.obj = Context(db, reviewer)
    if ctx.invoked_subcommand is None:
        ctx.invoke(tui)


@cli.command("import")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--id", "report_id", metavar="ID", help="Report id (default: the file name's stem); one file only.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON list, one object per file.")
@click.option("--max-size", "max_mb", type=click.IntRange(min=1), envvar=MAX_SIZE_VARIABLE, metavar="MB",
              help=f"Refuse files larger than this, before reading them (default: ${MAX_SIZE_VARIABLE}, else {DEFAULT_MAX_MB}).")
@click.option("--time-limit", "time_limit", type=click.FloatRange(min=0, min_open=True), envvar=SECONDS_VARIABLE, metavar="SECONDS",
              help=f"Stop parsing a file after this long (default: ${SECONDS_VARIABLE}, else 30 s + 5 s per MB).")
@click.option("--memory-limit", "memory_limit", type=click.IntRange(min=1), envvar=MEMORY_VARIABLE, metavar="MB",
              help=f"Stop parsing a file that needs more memory (default: ${MEMORY_VARIABLE}, else 1 GB + 64 MB per MB).")
@click.pass_obj
def import_command(obj: Context, paths: tuple[str, ...], report_id: str | None, as_json: bool, max_mb: int | None,
                   time_limit: float | None, memory_limit: int | None) -> None:
    """Import .txt, .md, .html and .org reports, or every such file in a folder.

    Only regular files are read: FIFOs, devices and sockets are refused, and
    inside a folder a symlink is followed only to a file inside that folder.
    Each file is parsed in a process of its own within a time and memory
    budget; a file that exceeds it is stopped with one line and nothing saved.
    """
    if report_id is not None:
        report_id = valid_report_id(report_id)
    result = import_paths(obj.store, list(paths), report_id=report_id, reviewer=obj.reviewer, max_mb=max_mb,
                          time_limit=time_limit, memory_limit_mb=memory_limit)
    for line in result.skipped:
        warn(f"skipped {line}")
    if as_json:
        _emit_json([item.to_json() for item in result.imported])
    else:
        for item in result.imported:
            document = item.to_json()
            click.echo(textviews.import_line(document))
            summary = reanchoring_summary(document["reanchoring"])
            if summary:
                click.echo(f"  {summary}")
                for line in reanchoring_details(document["reanchoring"]):
                    click.echo(f"    {line}")


@cli.command("reports")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON list.")
@click.pass_obj
def reports_command(obj: Context, as_json: bool) -> None:
    """List the reports in the store."""
    reports = list_reports(obj.store.db)
    if as_json:
        _emit_json([{k: r[k] for k in ("id", "title", "authors", "date", "footnotes", "claims")} for r in reports])
    else:
        click.echo(textviews.reports_table(reports))


@cli.command("show")
@click.argument("report")
@click.option("--json", "as_json", is_flag=True, help="Print the whole report as one JSON object.")
@click.pass_obj
def show_command(obj: Context, report: str, as_json: bool) -> None:
    """Show a report: metadata, sections, footnotes and their resolution, warnings."""
    document = report_document(obj.store, report)
    if as_json:
        _emit_json(document)
    else:
        click.echo(textviews.report_summary(document))


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


@cli.command("tui")
@click.argument("report", required=False)
@click.pass_obj
def tui(obj: Context, report: str | None) -> None:
    """Open the terminal UI: the library, or straight into REPORT's reader.

    Without a terminal (in a pipe or a script) it prints plain-text views instead.
    """
    if report:
        document = report_document(obj.store, report)  # a clear error for an unknown report
    if _interactive():
        from claimdesk.tui.app import run

        obj.store.close()
        run(obj.db_path, obj.reviewer, report)
    elif report:
        click.echo(textviews.reading_view(document))
    else:
        click.echo(textviews.reports_table(list_reports(obj.store.db)))


@cli.command("demo")
@click.pass_obj
def demo(obj: Context) -> None:
    """Import the bundled example reports into a demo store and open it."""
    from claimdesk.demo import demo_store_path, example_paths, seed_claims

    path = obj.db_path if obj.db_given else str(demo_store_path())
    obj.db_path = path
    result = import_paths(obj.store, example_paths(), reviewer=obj.reviewer)
    seeded = seed_claims(obj.store)
    if _interactive():
        from claimdesk.tui.app import run

        obj.store.close()
        run(path, obj.reviewer)
        return
    for item in result.imported:
        click.echo(textviews.import_line(item.to_json()))
    if seeded:
        click.echo(f"{seeded} example claims marked in harbour-institute-2022")
    click.echo(f"\nDemo store: {path}\n")
    click.echo(textviews.reports_table(list_reports(obj.store.db)))


# The claim, entity and review commands live in modules of their own.
from claimdesk import cli_claims, cli_review  # noqa: E402,F401  (they register on `cli`)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the command and turn every failure into one line."""
    code = 0
    try:
        cli.main(args=argv, prog_name="claimdesk", standalone_mode=False)
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.UsageError as exc:
        _say(error_line(exc.format_message()))
        code = 2
    except click.ClickException as exc:
        _say(error_line(exc.format_message()))
        code = 1
    except USER_ERRORS as exc:
        _say(error_line(str(exc) or type(exc).__name__))
        code = 1
    except (click.Abort, KeyboardInterrupt):
        _say("claimdesk: error: interrupted")
        code = 130
    except BrokenPipeError:
        code = 0
    except OSError as exc:  # the disk or the terminal: no space left, an I/O error, no permission
        where = f"{exc.filename}: " if exc.filename else ""
        _say(error_line(f"{where}{exc.strerror or exc}"))
        code = 1
    except sqlite3.Error as exc:  # the store file's condition met outside an action (a damaged file, a disk error)
        condition = store_condition(exc, "the store", "read")
        if condition is None and os.environ.get("CLAIMDESK_DEBUG"):
            raise
        _say(error_line(str(condition) if condition else f"internal error (sqlite3.{type(exc).__name__}: {exc}); run with CLAIMDESK_DEBUG=1 for details"))
        code = 1
    except Exception as exc:  # never a traceback for the user; CLAIMDESK_DEBUG=1 shows it
        if os.environ.get("CLAIMDESK_DEBUG"):
            raise
        _say(error_line(f"internal error ({type(exc).__name__}: {exc}); run with CLAIMDESK_DEBUG=1 for details"))
        code = 1
    sys.exit(code)


def _say(line: str) -> None:
    """The error line; if even stderr cannot take it (a full disk), the exit code still tells."""
    try:
        click.echo(line, err=True)
    except OSError:
        pass
