"""`rawi annotate`: entities and suggestions for a whole corpus, in partition files."""

from __future__ import annotations

from pathlib import Path

import click

from tui.cli.entities_command import analyst_decisions
from tui.cli.options import GlobalOptions, global_options, pass_options
from tui.cli.progress import annotating_bar


@click.command("annotate")
@global_options
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Results folder: partition files and manifest.json (created; a rerun resumes).",
)
@click.option(
    "--scheduler",
    type=click.Choice(["sync", "threads", "processes", "dask"]),
    default="sync",
    show_default=True,
    help="sync: this process; threads/processes: Dask on this machine; dask: a Dask cluster "
    "(--address, else a local one).",
)
@click.option("--workers", type=click.IntRange(1), help="Workers on this machine (default: cores).")
@click.option("--address", help="Dask scheduler address, e.g. tcp://HOST:8786.")
@click.option(
    "--partition-size",
    type=click.IntRange(1),
    default=100,
    show_default=True,
    help="Articles per partition file.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "parquet"]),
    default="jsonl",
    show_default=True,
    help="jsonl: part-NNNNN.jsonl.gz; parquet: part-NNNNN.parquet (pyarrow).",
)
@click.option(
    "--decisions/--no-decisions",
    default=False,
    show_default=True,
    help="Apply the annotator's entity decisions from the database.",
)
@pass_options
def annotate_command(
    options: GlobalOptions,
    out_dir: Path,
    scheduler: str,
    workers: int | None,
    address: str | None,
    partition_size: int,
    output_format: str,
    decisions: bool,
) -> None:
    """Pre-annotate every article of the corpus (entities, suggested attributions).

    Resumable: partitions already complete for the same articles and versions are skipped.
    The folder is registered for the corpus, so that the app, `rawi entities` and `rawi suggest`
    use its results.
    """
    from annotations.batch import Job, SchedulerMissing, run_job
    from annotations.batch.job import JobError

    if output_format == "parquet":
        _require("pyarrow", "--format parquet needs pyarrow: pip install 'rawi[parquet]'")
    if address and scheduler != "dask":
        raise click.BadParameter("--address goes with --scheduler dask", param_hint="--address")
    job = Job(
        corpus_paths=tuple(str(p.resolve()) for p in options.corpus_paths),
        out_dir=out_dir,
        output_format=output_format,
        partition_size=partition_size,
        decisions=tuple(analyst_decisions(options)) if decisions else (),
        scheduler=scheduler,
        workers=workers,
        address=address,
    )
    corpus = options.corpus()
    try:
        with annotating_bar() as update:
            summary = run_job(job, corpus, update)
    except (JobError, SchedulerMissing) as error:
        raise click.ClickException(str(error)) from None
    click.echo(
        f"{summary.articles:,} articles in {summary.partitions:,} partitions "
        f"({summary.computed:,} computed, {summary.skipped:,} already done) "
        f"in {summary.seconds:.1f} s -> {out_dir}",
        err=True,
    )


def _require(module: str, message: str) -> None:
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise click.ClickException(message)
