"""Options shared by every command, accepted before the command or after it.

`rawi --db X export` and `rawi export --db X` mean the same; a value given after the command wins.
"""

from __future__ import annotations

import functools
import getpass
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from annotations import __version__
from annotations.corpus import Article, ArticleFilter, Corpus, load_corpus
from tui.cli.progress import indexing_bar
from tui.printable import printable

if TYPE_CHECKING:
    from annotations.batch import Precomputed
    from annotations.store import Store

F = TypeVar("F", bound=Callable[..., Any])


def default_db_path() -> Path:
    """`$RAWI_DB`, else `annotations.json` in the user data directory."""
    if env := os.environ.get("RAWI_DB"):
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("rawi")) / "annotations.json"


def default_annotator() -> str:
    """`$RAWI_ANNOTATOR`, else the login name."""
    if env := os.environ.get("RAWI_ANNOTATOR", "").strip():
        return env
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


@dataclass
class GlobalOptions:
    """What the global options chose; read by the commands through `pass_options`."""

    corpus_paths: tuple[Path, ...] = ()
    db: Path | None = None
    annotator: str | None = None
    _corpus: Corpus | None = field(default=None, repr=False)

    @property
    def db_path(self) -> Path:
        return self.db or default_db_path()

    @property
    def annotator_name(self) -> str:
        return self.annotator or default_annotator()

    def corpus(self, rebuild: bool = False, always_show_progress: bool = False) -> Corpus:
        """The corpus, loaded once (its index built or refreshed with a progress bar on a
        terminal's stderr); warnings about bad files go to stderr."""
        if self._corpus is None:
            with indexing_bar(always_show_progress) as progress:
                self._corpus = load_corpus(
                    self.corpus_paths or None,
                    on_warning=warn,
                    progress=progress,
                    rebuild=rebuild,
                )
        return self._corpus

    def articles(self, article_ids: tuple[str, ...]) -> list[Article]:
        """The articles named by `article_ids`, or every article of the corpus when none is."""
        if article_ids:
            return [self.article(article_id) for article_id in article_ids]
        return list(self.corpus())

    def precomputed(self) -> Precomputed | None:
        """The results of a `rawi annotate` run registered for the corpus, if any."""
        from annotations.batch import registered_results

        return registered_results(self.corpus())

    def open_store(self, *, read_only: bool = False) -> Store:
        """The database named by `--db`, or a clean error message (exit code 1); `read_only`:
        read it and its journal, changing no file (a missing one reads as empty)."""
        from annotations.store import Store, StoreError

        try:
            return Store.open(self.db_path, read_only=read_only)
        except StoreError as error:
            raise click.ClickException(str(error)) from None

    def article(self, article_id: str) -> Article:
        """One article by id, or a usage error naming at most five ids like it."""
        corpus = self.corpus()
        try:
            return corpus[article_id]
        except KeyError:
            close = corpus.close_ids(article_id)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise click.BadParameter(f"no article {article_id!r}{hint}", param_hint="ID") from None


#: The widest line printed: `$COLUMNS` or a terminal may claim a million.
MAX_COLUMNS = 1000


def terminal_columns() -> int:
    """The terminal's width (`$COLUMNS` first), kept within 10 to `MAX_COLUMNS`."""
    return min(max(shutil.get_terminal_size().columns, 10), MAX_COLUMNS)


def warn(message: str) -> None:
    """A warning on stderr."""
    click.echo(printable(f"warning: {message}"), err=True)


def _setter(attribute: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    def remember(ctx: click.Context, param: click.Parameter, value: Any) -> None:
        if value in (None, ()):
            return
        options = ctx.ensure_object(GlobalOptions)
        if attribute == "annotator" and not value.strip():
            raise click.BadParameter("an annotator name cannot be empty", ctx, param)
        if attribute == "corpus_paths":
            value = tuple(Path(v) for v in value)
        setattr(options, attribute, value)

    return remember


def global_options(command: F) -> F:
    """Add `--version`, `--corpus`, `--db` and `--annotator` to a group or command."""
    decorators = [
        click.version_option(__version__, prog_name="rawi"),
        click.option(
            "--corpus",
            multiple=True,
            type=click.Path(exists=True, path_type=Path),
            expose_value=False,
            callback=_setter("corpus_paths"),
            help="Article file or folder (repeatable); replaces the bundled seeds.",
        ),
        click.option(
            "--db",
            type=click.Path(dir_okay=False, path_type=Path),
            expose_value=False,
            callback=_setter("db"),
            help="Annotation database (TinyDB JSON). Default: $RAWI_DB or the user data directory.",
        ),
        click.option(
            "--annotator",
            expose_value=False,
            callback=_setter("annotator"),
            help="Who is annotating. Default: $RAWI_ANNOTATOR or the login name.",
        ),
    ]
    for option in reversed(decorators):
        command = option(command)
    return command


def article_listing(noun: str) -> Callable[[F], F]:
    """`[ID...]` and `--format jsonl|table`, for commands that list what they find in articles."""

    def decorate(command: F) -> F:
        command = click.option(
            "--format",
            "output_format",
            type=click.Choice(["jsonl", "table"]),
            default="jsonl",
            show_default=True,
            help=f"jsonl: one JSON object per {noun}; table: tab-separated columns.",
        )(command)
        return click.argument("article_ids", nargs=-1, metavar="[ID...]")(command)

    return decorate


bidi_option = click.option(
    "--bidi",
    type=click.Choice(["visual", "terminal"]),
    envvar="RAWI_BIDI",
    default="visual",
    show_default=True,
    help="visual: rawi shapes and orders the text; terminal: logical text for a bidi terminal.",
)


def article_filter(command: F) -> F:
    """`--outlet`, `--category`, `--since` and `--until`, given to the command as one
    `where` argument (an `ArticleFilter`)."""

    @functools.wraps(command)
    def with_filter(*args: Any, outlet, category, since, until, **kwargs: Any) -> Any:
        since, until = since and since.date(), until and until.date()
        if since and until and since > until:
            raise click.BadParameter("--since is after --until")
        where = ArticleFilter(outlet, category, since, until)
        return command(*args, where=where, **kwargs)

    day = click.DateTime(["%Y-%m-%d"])
    decorators = [
        click.option("--outlet", help="Only this outlet (letter case and forms ignored)."),
        click.option("--category", help="Only this category."),
        click.option("--since", type=day, help="Published on or after this day (YYYY-MM-DD)."),
        click.option("--until", type=day, help="Published on or before this day (YYYY-MM-DD)."),
    ]
    for option in reversed(decorators):
        with_filter = option(with_filter)
    return with_filter  # type: ignore[return-value]


pass_options = click.make_pass_decorator(GlobalOptions, ensure=True)
