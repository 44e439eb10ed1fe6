"""`rawi export`: the annotation database in rawi's native JSONL or another tool's format.

Data goes to stdout (or `-o FILE`: see `annotations.durable.output_file`); warnings and the
progress bar go to stderr. No Textual here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import click

from annotations.durable import output_file
from annotations.exchange import FORMATS, ExportReport
from annotations.model import LABELS, LAYERS
from annotations.session.exporting import ExportRequest, Progress, run_export
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
            if fmt == "brat":
                report = run_export(store, corpus, request, Path(output), progress)
            else:
                with _destination(output) as out:
                    report = run_export(store, corpus, request, out, progress)
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


def _destination(output: str) -> AbstractContextManager[IO[bytes]]:
    if output == "-":
        sys.stdout.flush()
        return nullcontext(sys.stdout.buffer)
    return output_file(output)


def cannot_write(output: str, error: OSError) -> str:
    """One line saying why `output` was not written (and that nothing there was replaced)."""
    where = error.filename if error.filename and error.filename != output else None
    reason = f"{error.strerror or error}" + (f" ({where})" if where else "")
    return printable(f"cannot write {output}: {reason}; nothing there was replaced")


def _warn(report: ExportReport) -> None:
    for article_id, count in sorted(report.missing_articles.items()):
        click.echo(
            printable(
                f"warning: left out {count} record(s) of article {article_id!r}: not in the "
                "corpus (add it with --corpus)"
            ),
            err=True,
        )
    if report.overlapping_spans:
        click.echo(
            f"warning: left out {len(report.overlapping_spans)} span(s) that share a token with "
            "another (CoNLL has one tag per token; the first, then the longest, is kept)",
            err=True,
        )
    if report.unanchored_spans:
        click.echo(
            f"warning: left out {len(report.unanchored_spans)} span(s) that no longer fit their "
            "article's text (orphans, or saved against another version of the text; see "
            "`rawi doctor`)",
            err=True,
        )
    if report.malformed:
        click.echo(
            printable(
                f"warning: left out {len(report.malformed)} malformed stored record(s), e.g. "
                f"{report.malformed[0]} (see `rawi doctor`)"
            ),
            err=True,
        )
    click.echo(f"exported {report.records} record(s) as {report.items} item(s)", err=True)
    if report.missing_articles or report.unanchored_spans or report.malformed:
        sys.exit(1)
