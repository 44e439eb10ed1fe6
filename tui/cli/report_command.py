"""`rawi report`: the figures of the corpus and its annotation as one HTML file (no Textual)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import click

from annotations.corpus import ArticleFilter
from annotations.durable import write_output
from annotations.figures import corpus_figures
from annotations.store import StoreError
from tui.cli.export_command import cannot_write
from tui.cli.options import GlobalOptions, article_filter, global_options, pass_options
from tui.report import report_html


@click.command("report")
@global_options
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="FILE",
    help="The HTML file to write (`-`: stdout); replaced atomically, keeping its mode.",
)
@article_filter
@pass_options
def report_command(options: GlobalOptions, output: str, where: ArticleFilter) -> None:
    """Write a self-contained HTML report: articles per outlet, progress per annotator, tags
    per label, attributions, source types, most quoted sources, cue verbs, claims by verdict.

    It opens in any browser without a network, right to left; every annotator's work counts,
    and yours is listed even before you start.
    """
    try:
        with options.open_store(read_only=True) as store:
            figures = corpus_figures(options.corpus(), store, where, [options.annotator_name])
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    page = report_html(figures, _scope(where)).encode()
    if output == "-":
        sys.stdout.buffer.write(page)
        return
    try:
        write_output(output, page)
    except OSError as error:
        raise click.ClickException(cannot_write(output, error)) from None
    click.echo(f"wrote {output}: {figures.articles} article(s)", err=True)


def _scope(where: ArticleFilter) -> list[tuple[str, str]]:
    """The header lines: each filter given, and when the report was made (UTC)."""
    lines = [
        (what, str(value))
        for what, value in (
            ("الوسيلة · outlet", where.outlet),
            ("التصنيف · category", where.category),
            ("من · since", where.since),
            ("إلى · until", where.until),
        )
        if value
    ]
    made = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return [*lines, ("أُعدّ في · made", made)]
