"""`rawi export`: the annotation database in rawi's native JSONL or another tool's format.

Data goes to stdout (or `-o FILE`: see `annotations.durable.output_file`); warnings and the
progress bar go to stderr. No Textual here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import click

from annotations.exchange import FORMATS, ExportReport
from annotations.model import LABELS, LAYERS
from annotations.session.exporting import (
    ExportRequest,
    Progress,
    export_to,
    incomplete,
    not_written,
    report_lines,
    run_export,
)
from annotations.store import StoreError
from tui.cli.options import GlobalOptions, global_options, pass_options
from tui.printable import printable


def utc_since(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """`--since` as the store writes times (UTC, `...Z`); a date or time without zone is UTC."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(
            "use an ISO date or time, e.g. 2026-11-23 or 2026-11-23T18:00"
        ) from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@click.command("export")
@global_options
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    help="File to write (`-`: stdout); for brat, a directory.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="native", show_default=True)
@click.option("--article", "article_id", metavar="ID", help="Only this article.")
@click.option(
    "--layer",
    type=click.Choice(list(LAYERS)),
    help="Only spans of this layer (conll: the layer tagged, entity by default).",
)
@click.option("--label", type=click.Choice(LABELS), help="Only spans with this label.")
@click.option(
    "--since",
    callback=utc_since,
    metavar="DATE",
    help="Only (article, annotator) records changed since DATE (ISO; UTC unless a zone is given).",
)
@click.option(
    "--no-entities",
    is_flag=True,
    help="Leave the entity layer out (by default: the model's entities with your decisions).",
)
@pass_options
def export_command(
    options: GlobalOptions,
    output: str,
    fmt: str,
    article_id: str | None,
    layer: str | None,
    label: str | None,
    since: str | None,
    no_entities: bool,
) -> None:
    """Export annotations: one record per (article, annotator), streamed.

    `--annotator` given explicitly keeps only that annotator's work. Records whose article is
    not in the corpus, and spans that no longer fit their article's text, are left out with a
    warning and exit code 1.
    """
    if fmt == "brat" and output == "-":
        raise click.UsageError("brat writes a directory: name it with -o DIR")
    if not options.db_path.exists():
        raise click.ClickException(f"no annotation database at {options.db_path}")
    request = ExportRequest(
        fmt, options.annotator, article_id, layer, label, since, no_entities=no_entities
    )
    try:
        with options.open_store(read_only=True) as store, _progress() as progress:
            corpus = options.corpus()
            if output == "-":
                sys.stdout.flush()
                report = run_export(store, corpus, request, sys.stdout.buffer, progress)
            else:
                report = export_to(store, corpus, request, Path(output), progress)
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    except BrokenPipeError:  # `rawi export | head`: the reader has had enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except OSError as error:
        raise click.ClickException(cannot_write(output, error)) from None
    _warn(report)


@contextmanager
def _progress() -> Iterator[Progress | None]:
    """A progress bar over the articles on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    bar = None

    def advance(done: int, total: int) -> None:
        nonlocal bar
        if bar is None and total > 1:
            bar = click.progressbar(length=total, label="exporting", file=sys.stderr).__enter__()
        if bar is not None:
            bar.update(done - bar.pos)

    try:
        yield advance
    finally:
        if bar is not None:
            bar.render_finish()


def cannot_write(output: str, error: OSError) -> str:
    """One line saying why `output` was not written (and that nothing there was replaced)."""
    return printable(not_written(output, error))


def _warn(report: ExportReport) -> None:
    for line in report_lines(report):
        click.echo(printable(line), err=True)
    if incomplete(report):
        sys.exit(1)
