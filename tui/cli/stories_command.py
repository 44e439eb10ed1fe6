"""`rawi stories` (articles grouped by event) and `rawi compare` (a story, outlet by outlet)."""

from __future__ import annotations

import difflib
from datetime import datetime
from typing import TYPE_CHECKING

import click

from tui.cli.options import GlobalOptions, global_options, pass_options
from tui.printable import printable, printable_json, printable_row

if TYPE_CHECKING:
    from annotations.corpus import Article
    from annotations.stories import Story, StoryOptions

_DAY = click.DateTime(["%Y-%m-%d"])


@click.command("stories")
@global_options
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array instead of a table.")
@click.option("--jsonl", "as_jsonl", is_flag=True, help="Print one JSON object per story.")
@click.option(
    "--min-outlets", type=click.IntRange(min=1), default=1, show_default=True,
    help="Only stories reported by at least N outlets (an article without one is its own).",
)
@click.option(
    "--window", type=click.FloatRange(min=0), default=3.0, show_default=True,
    help="Articles more than DAYS apart are never one story (undated ones are compared with all).",
)
@click.option("--since", type=_DAY, help="Stories ending on or after this day (YYYY-MM-DD).")
@click.option("--until", type=_DAY, help="Stories starting on or before this day (YYYY-MM-DD).")
@pass_options
def stories_command(
    options: GlobalOptions,
    as_json: bool,
    as_jsonl: bool,
    min_outlets: int,
    window: float,
    since: datetime | None,
    until: datetime | None,
) -> None:
    """List the stories of the corpus: articles grouped by the event they report, precision
    first (see docs/stories.md). Each article is in at most one story; stories of one article
    are left out. Computed once per corpus version, then read from the cache; the annotator's
    merges and splits (made in the app's Stories screen) are applied."""
    if since and until and since > until:
        raise click.BadParameter("--since is after --until")
    from annotations.stories import StoryOptions

    stories = [
        story
        for story in _stories(options, StoryOptions(window=window))
        if len(story.outlets) >= min_outlets and _within(story, since, until)
    ]
    if as_json:
        click.echo(printable_json([story.record() for story in stories], indent=2))
    elif as_jsonl:
        for story in stories:
            click.echo(printable_json(story.record()))
    else:
        for story in stories:
            day = (story.first or "-")[:10]
            outlets = ", ".join(story.outlets)
            click.echo(printable_row((story.id, day, len(story.articles), outlets, story.title)))


def _stories(options: GlobalOptions, story_options: StoryOptions | None = None) -> list[Story]:
    """The corpus's stories with the annotator's story decisions (`--db`) applied."""
    from annotations.stories import decided_stories

    decisions = []
    if options.db_path.exists():
        with options.open_store(read_only=True) as store:
            decisions = store.story_decisions(options.annotator_name)
    return decided_stories(options.corpus(), decisions, story_options)


def _within(story, since: datetime | None, until: datetime | None) -> bool:
    if since is None and until is None:
        return True
    if story.first is None:
        return False
    return (since is None or story.last[:10] >= f"{since:%Y-%m-%d}") and (
        until is None or story.first[:10] <= f"{until:%Y-%m-%d}"
    )


@click.command("compare")
@global_options
@click.argument("article_ids", nargs=-1, metavar="[ID...]")
@click.option("--story", "story_id", help="Compare the articles of this story (`rawi stories`).")
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as one JSON object.")
@click.option("--jsonl", "as_jsonl", is_flag=True, help="Print it as one line of JSON.")
@pass_options
def compare_command(
    options: GlobalOptions,
    article_ids: tuple[str, ...],
    story_id: str | None,
    as_json: bool,
    as_jsonl: bool,
) -> None:
    """Compare two or more articles of one story: the quotes they share (each outlet's wording,
    cue and source, differing words marked), the titles each gives each actor, whom each
    quotes, and what each reports that no other outlet does. The analyst's attributions count
    where there are any (`--db`), else the suggestions, marked as suggested."""
    from annotations.stories import compare
    from annotations.stories.analyst import analyst_statements

    ids = list(article_ids) + (_story_articles(options, story_id) if story_id else [])
    ids = list(dict.fromkeys(ids))
    if len(ids) < 2:
        raise click.UsageError("compare needs two articles or more (or --story ID)")
    articles = [options.article(article_id) for article_id in ids]
    analyst = {}
    if options.db_path.exists():
        store = options.open_store(read_only=True)
        for article in articles:
            if (found := analyst_statements(store, article.id)) is not None:
                analyst[article.id] = found
    record = compare(articles, analyst, _stored_entities(options, articles)).record()
    if as_json:
        click.echo(printable_json(record, indent=2))
    elif as_jsonl:
        click.echo(printable_json(record))
    else:
        _print_comparison(record)


def _stored_entities(options: GlobalOptions, articles: list[Article]) -> dict[str, list]:
    """The entities a registered `rawi annotate` run stored for these articles, computed
    without the analyst's decisions as `compare` recognises them (the others are computed)."""
    results = options.precomputed()
    if results is None:
        return {}
    from annotations.entities import Entity

    stored = {}
    for article in articles:
        rows = results.entities(article.sha256, ())
        if rows is not None:
            stored[article.id] = [Entity.from_record(row) for row in rows]
    return stored


def _story_articles(options: GlobalOptions, story_id: str) -> list[str]:
    stories = {story.id: story for story in _stories(options)}
    if story_id not in stories:
        close = difflib.get_close_matches(story_id, list(stories), n=5)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise click.BadParameter(f"no story {story_id!r}{hint}", param_hint="--story")
    return list(stories[story_id].articles)


def _print_comparison(record: dict) -> None:
    """The comparison as plain sections of tab-separated rows."""
    echo = click.echo
    echo("articles")
    for a in record["articles"]:
        echo(printable_row(("", a["id"], a["outlet"], a["published"] or "-", a["title"])))
    echo(f"\nquotes ({len(record['quotes'])})")
    for quote in record["quotes"]:
        echo(printable_row(("", quote["key"])))
        for o in quote["occurrences"]:
            mark = " (suggested)" if o["suggested"] else ""
            who = f"{o['source'] or '-'} / {o['cue'] or '-'}{mark}"
            echo(printable_row(("", "", o["outlet"], who, o["text"])))
    echo("\nnames")
    for name in record["names"]:
        for outlet, titles in name["by_outlet"].items():
            shown = "; ".join(f"{t['text']} ({t['count']})" for t in titles) or "-"
            echo(printable_row(("", name["actor"], outlet, shown)))
    echo("\nsources")
    for s in record["sources"]:
        echo(printable_row(("", s["outlet"], s["source"], s["type"] or "-", s["cue"] or "-",
                            s["count"])))
    echo(f"\nomissions ({len(record['omissions'])})")
    for o in record["omissions"]:
        echo(printable_row(("", o["article"], printable(o["text"]), ", ".join(o["missing_in"]))))
