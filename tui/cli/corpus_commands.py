"""`rawi list` and `rawi show`: the corpus, read without opening the app."""

from __future__ import annotations

import sys

import click

from annotations.corpus import ArticleFilter
from tui.cli.entities_command import analyst_decisions
from tui.cli.options import (
    MAX_COLUMNS,
    GlobalOptions,
    article_filter,
    bidi_option,
    global_options,
    pass_options,
    terminal_columns,
)
from tui.layout.styled_runs import StyledSpan
from tui.layout.terminal_output import terminal_text
from tui.marks import style_key
from tui.printable import printable, printable_json, printable_row


@click.command("list")
@global_options
@article_filter
@click.option("--limit", type=click.IntRange(min=0), help="At most this many articles.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array instead of a table.")
@pass_options
def list_command(
    options: GlobalOptions, where: ArticleFilter, limit: int | None, as_json: bool
) -> None:
    """List the articles of the corpus (id, published, words, outlet, title), in load order."""
    infos = options.corpus().infos(where, limit)
    if as_json:
        rows = [
            {
                "id": a.id,
                "title": a.title,
                "outlet": a.outlet,
                "published": a.published,
                "category": a.category,
                "words": a.words,
                "sha256": a.sha256,
            }
            for a in infos
        ]
        click.echo(printable_json(rows, indent=2))
        return
    for a in infos:
        click.echo(printable_row((a.id, a.published or "-", a.words, a.outlet or "-", a.title)))


@click.command("show")
@global_options
@click.argument("article_id", metavar="ID")
@bidi_option
@click.option(
    "--width", type=click.IntRange(10, MAX_COLUMNS), help="Line width (default: the terminal's)."
)
@click.option(
    "--color/--no-color", default=None, help="Colour entities (default: when stdout is a terminal)."
)
@click.option(
    "--hide-harakat", is_flag=True, help="Leave out vowel marks (for terminals that misplace them)."
)
@click.option(
    "--raw",
    is_flag=True,
    help="List what cleaning removed from the page instead (stderr says so when nothing was).",
)
@pass_options
def show_command(
    options: GlobalOptions,
    article_id: str,
    bidi: str,
    width: int | None,
    color: bool | None,
    hide_harakat: bool,
    raw: bool,
) -> None:
    """Print one article, with its named entities in colour.

    `--bidi terminal --no-color` prints the plain logical canonical text, whatever else is asked.
    """
    article = options.article(article_id)
    if raw:
        for removal in article.removed:
            click.echo(printable(f"[{removal.reason}] {removal.text}"))
        if not article.removed:
            click.echo(
                printable(f"nothing was removed from {article.id}: the page was clean"), err=True
            )
        return
    tty = sys.stdout.isatty()
    color = tty if color is None else color
    if bidi == "terminal" and not color:
        click.echo(article.text)
        return
    width = width or terminal_columns()
    spans = entity_spans(article.text, analyst_decisions(options)) if color else ()
    output = terminal_text(article.text, spans, width, bidi, color, tty, hide_harakat=hide_harakat)
    click.echo(output, color=color)


def entity_spans(text: str, decisions: list) -> list[StyledSpan]:
    """The entities of `text`, after the analyst's decisions, as (start, end, style key) spans."""
    from annotations.entities import recognise

    return [(e.start, e.end, style_key(e.label)) for e in recognise(text, decisions)]
