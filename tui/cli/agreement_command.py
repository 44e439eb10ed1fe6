"""`rawi agreement`: how far annotators agree, per pair and over all of them (no Textual)."""

from __future__ import annotations

from itertools import chain
from typing import Any

import click

from annotations.agreement import agreement
from annotations.model import LAYERS
from tui.cli.options import GlobalOptions, global_options, pass_options, warn
from tui.printable import printable, printable_json

COLUMNS = ("annotators", "articles", "label", "spans", "f1_exact", "f1_overlap", "kappa", "alpha")


@click.command("agreement")
@global_options
@click.option(
    "--annotators",
    metavar="A,B,...",
    help="Compare these annotators (comma-separated); default: everyone with a record.",
)
@click.option(
    "--article", "article_ids", multiple=True, metavar="ID", help="Only this article (repeatable)."
)
@click.option("--layer", type=click.Choice(tuple(LAYERS)), help="Only the spans of this layer.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--per-article", is_flag=True, help="In the table, a row per pair and article too.")
@pass_options
def agreement_command(
    options: GlobalOptions,
    annotators: str | None,
    article_ids: tuple[str, ...],
    layer: str | None,
    as_json: bool,
    per_article: bool,
) -> None:
    """Agreement between annotators on the articles both annotated: span F1 with exact bounds
    and with overlap, word-level Cohen's kappa, Krippendorff's unitized alpha, per label and
    overall (micro), attribution agreement; over all of them Fleiss' kappa and alpha.

    Compared is what annotators made or decided (manual, imported, accepted suggestions), never
    untouched model output. See docs/agreement.md."""
    names = [n.strip() for n in annotators.split(",") if n.strip()] if annotators else None
    with options.open_store(read_only=True) as store:
        records = (
            chain.from_iterable(store.records(article_id=a) for a in dict.fromkeys(article_ids))
            if article_ids
            else store.records()
        )
        result = agreement(
            records,
            options.corpus().get,
            annotators=names,
            layers=(layer,) if layer else tuple(LAYERS),
            decisions=store.entity_decisions(),
        )
    for article_id in result["skipped"]:
        warn(f"article {printable(article_id)} is not in the corpus: left out")
    if not result["pairs"]:
        click.echo("No two annotators annotated the same article.", err=True)
    if as_json:
        click.echo(printable_json(result, indent=2))
        return
    click.echo("\t".join(COLUMNS))
    for pair in result["pairs"]:
        for row in _pair_rows(pair, per_article):
            click.echo("\t".join(row))
    everyone = result["all"]
    click.echo(
        f"all ({', '.join(map(printable, everyone['annotators']))}): {everyone['articles']} "
        f"article(s) every one annotated, fleiss_kappa {_number(everyone['fleiss_kappa'])}, "
        f"alpha {_number(everyone['alpha'])}"
    )


def _pair_rows(pair: dict[str, Any], per_article: bool) -> list[tuple[str, ...]]:
    who = " & ".join(map(printable, pair["annotators"]))
    articles = str(pair["articles"])
    rows = [_row(who, articles, label, f) for label, f in pair["labels"].items()]
    rows.append(_row(who, articles, "overall", pair["overall"]))
    attributions = pair["attributions"]
    if any(attributions["counts"]):
        count = "/".join(map(str, attributions["counts"]))
        f1 = _number(attributions["f1"])
        rows.append((who, articles, "attributions", count, "-", f1, "-", "-"))
    if (decisions := pair.get("entity_decisions")) and decisions["shared"]:
        same = f"{decisions['same']}/{decisions['shared']}"
        rows.append((who, articles, "entity decisions (same/both)", same, "-", "-", "-", "-"))
    if per_article:
        rows.extend(_row(who, printable(f["article"]), "overall", f) for f in pair["per_article"])
    return rows


def _row(who: str, articles: str, label: str, figures: dict[str, Any]) -> tuple[str, ...]:
    spans = "/".join(map(str, figures["spans"]))
    measures = (figures[name] for name in ("f1_exact", "f1_overlap", "kappa", "alpha"))
    return (who, articles, label, spans, *map(_number, measures))


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}".replace("-0.000", "0.000")
