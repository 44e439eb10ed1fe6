"""`rawi search`: the articles that match a query, best first, with their hits."""

from __future__ import annotations

import sys

import click

from annotations.corpus import ArticleFilter, QueryError, SearchResult
from tui.cli.options import (
    GlobalOptions,
    article_filter,
    bidi_option,
    global_options,
    pass_options,
    terminal_columns,
)
from tui.printable import printable, printable_json

#: Columns of the table's left cell (id, day, outlet, score).
_META_WIDTH = 22


@click.command("search", context_settings={"ignore_unknown_options": True})
@global_options
@click.argument("words", nargs=-1, required=True, metavar="QUERY")
@article_filter
@click.option(
    "--limit", type=click.IntRange(min=1), default=20, show_default=True, help="At most N."
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array instead of a table.")
@bidi_option
@click.option(
    "--color/--no-color", default=None, help="Mark hits (default: when stdout is a terminal)."
)
@pass_options
def search_command(
    options: GlobalOptions,
    words: tuple[str, ...],
    where: ArticleFilter,
    limit: int,
    as_json: bool,
    bidi: str,
    color: bool | None,
) -> None:
    """Find the articles matching QUERY: words (all of them), "a phrase", a OR b, -excluded,
    prefix*. Harakat, letter forms (أ إ آ ا, ى ي, ة ه) and proclitics (و ف ب ل ك ال) are ignored.
    QUERY may be one quoted argument or several (`rawi search ترامب -روسيا`).
    """
    corpus = options.corpus()
    try:
        results = corpus.search(" ".join(words), where, limit)
    except QueryError as error:
        raise click.UsageError(f"bad query: {error}") from None
    if as_json:
        click.echo(printable_json([_json(result) for result in results], indent=2))
        return
    if not results:
        click.echo("no article matches", err=True)
        return
    color = sys.stdout.isatty() if color is None else color
    _print_table(results, bidi, color)


def _json(result: SearchResult) -> dict:
    info = result.info
    return {
        "id": info.id,
        "title": info.title,
        "outlet": info.outlet,
        "published": info.published,
        "score": result.score,
        "hits": [{"start": h.start, "end": h.end, "text": h.text} for h in result.hits],
        "snippet": str(result.snippet),
    }


def _print_table(results: list[SearchResult], mode: str, color: bool) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from tui.layout.terminal_output import BIDI_EXPLICIT, BIDI_IMPLICIT, render_article

    total = terminal_columns()
    console = Console(width=total, force_terminal=color, no_color=not color, highlight=False)
    width = max(20, total - _META_WIDTH - 7)  # borders and padding

    def cell(text: str, cell_width: int, spans=()) -> Text:
        lines = render_article(text, spans, cell_width, mode, color)
        return Text.from_ansi("\n".join(lines))

    table = Table(show_lines=True)
    table.add_column("article", width=_META_WIDTH, no_wrap=True)
    table.add_column("title · snippet", width=width, no_wrap=True)
    for result in results:
        info, snippet = result.info, result.snippet
        meta = Text("\n").join(
            [
                Text(printable(info.id)),
                Text(info.published or "-"),
                cell(info.outlet or "-", _META_WIDTH),
                Text(f"score {result.score:g}"),
            ]
        )
        hits = [
            (hit.start - snippet.start, hit.end - snippet.start, "hit")
            for hit in result.hits
            if snippet.start <= hit.start and hit.end <= snippet.end
        ]
        title = cell(info.title, width)
        title.stylize("bold")
        table.add_row(meta, Text("\n").join([title, cell(snippet.text, width, hits)]))
    tty = sys.stdout.isatty()
    if tty and mode == "visual":
        console.file.write(BIDI_EXPLICIT)
    console.print(table)
    if tty and mode == "visual":
        console.file.write(BIDI_IMPLICIT)
