"""`rawi import`, `doctor` and `compact`: the annotation database from the command line."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path
from typing import IO

import click

from annotations.exchange import (
    IMPORT_FORMATS,
    ConversionError,
    ImportReport,
    import_database,
    import_native,
    is_database,
    to_native_lines,
)
from annotations.store import Store, StoreError
from annotations.store.doctor import check
from tui.cli.options import GlobalOptions, global_options, pass_options
from tui.printable import printable


@click.command("import")
@global_options
@click.argument("source", metavar="FILE|-", type=click.File("rb"))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(IMPORT_FORMATS),
    default="native",
    show_default=True,
    help="Input format; lines without an annotator get --annotator's.",
)
@pass_options
def import_command(options: GlobalOptions, source: IO[bytes], fmt: str) -> None:
    """Merge annotation records (JSONL, or another rawi database file) into the database.

    Each line is imported whole or not at all. Importing the same file twice adds nothing. Bad
    and conflicting lines are reported by number and save nothing (exit code 1). A database
    file is read without being changed; its (article, annotator) records count as its lines.
    """
    conversion_errors: list[ConversionError] = []
    name = getattr(source, "name", "<stdin>")
    other = Path(name) if name != "<stdin>" and is_database(Path(name)) else None
    report = ImportReport()
    with options.open_store() as store:
        try:
            if other is not None:
                _import_database(store, other, options, report)
            else:
                lines = to_native_lines(source, fmt, options.annotator_name, conversion_errors)
                import_native(store, lines, options.corpus().get, report)
        except StoreError as error:
            raise click.ClickException(f"{error}; {_how_far(report)}") from None
    for number, note in report.notes:
        click.echo(printable(f"{name}:{number}: {note}" if number else f"{name}: {note}"), err=True)
    refused = sorted([*report.errors, *conversion_errors])
    for number, message in refused:
        click.echo(printable(f"{name}:{number}: {message} (line not imported)"), err=True)
    for number, conflict in report.conflicts:
        line = f"{name}:{number}: conflict: {conflict} (line not imported)"
        click.echo(printable(line), err=True)
    click.echo(
        f"imported {report.added} new record(s), {report.unchanged} already present; "
        f"{len(report.conflicts)} conflicting line(s), {len(refused)} bad line(s)",
        err=True,
    )
    if refused or report.conflicts:
        sys.exit(1)


def _import_database(
    store: Store, other: Path, options: GlobalOptions, report: ImportReport
) -> None:
    if other.resolve() == store.path.resolve():
        raise click.ClickException(f"{other} is the database being imported into")
    with Store.open(other, read_only=True) as source:
        import_database(store, source, options.corpus().get, report)


def _how_far(report: ImportReport) -> str:
    if not report.saved_through:
        return "Nothing was imported."
    return (
        f"Lines 1-{report.saved_through} were imported (except those reported), nothing after "
        "them; importing the file again adds only what is missing."
    )


@click.command("doctor")
@global_options
@pass_options
def doctor_command(options: GlobalOptions) -> None:
    """Check the annotation database and its journal; print counts; exit 1 on a problem."""
    path = options.db_path
    click.echo(f"database\t{printable(path)}")
    if not path.exists():
        click.echo("no database yet: it is created on the first save")
        return
    with options.open_store(read_only=True) as store:
        click.echo(f"journal\t{store.journal_bytes} byte(s) not yet compacted")
        for name, count in sorted(store.counts().items()):
            click.echo(f"{name}\t{count}")
        checkup = check(store, options.corpus().get)
    for note in checkup.notes:
        click.echo(printable(f"note: {note}"), err=True)
    for problem in checkup.problems:
        click.echo(printable(f"problem: {problem}"), err=True)
    if checkup.problems:
        sys.exit(1)
    click.echo("ok")


@click.command("compact")
@global_options
@pass_options
def compact_command(options: GlobalOptions) -> None:
    """Fold the journal into the database file now, keeping its mode, owner and group."""
    if not options.db_path.exists():
        raise click.ClickException(f"no annotation database at {options.db_path}")
    store = options.open_store()
    folded = store.journal_bytes
    try:
        store.compact()
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    finally:
        with warnings.catch_warnings():  # a failed fold was just reported; don't retry it
            warnings.simplefilter("ignore")
            store.close()
    click.echo(
        f"compacted {printable(options.db_path)}: {folded} byte(s) of journal folded in", err=True
    )
