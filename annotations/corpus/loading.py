"""Load a corpus from files and folders: `.txt` pages and `.jsonl` article records.

Bad input never stops a load: each bad file or line is skipped with one warning naming it, and
every good article still loads.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from annotations.corpus.article import Article
from annotations.corpus.cleaning import clean_page
from annotations.corpus.corpus import Corpus
from annotations.corpus.decoding import UndecodableError, decode
from annotations.corpus.seeds import bundled_seeds_dir

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
ARTICLE_SUFFIXES = {".txt", ".jsonl"}

Warn = Callable[[str], None]


def load_corpus(
    paths: Iterable[Path | str] | None = None,
    *,
    max_bytes: int | None = None,
    on_warning: Warn | None = None,
) -> Corpus:
    """Load every article under `paths` (files or folders, recursively); None means the seeds.

    `max_bytes` defaults to `$RAWI_MAX_FILE_MB` megabytes, else 20 MB. Raises FileNotFoundError
    for a path that does not exist; everything else bad is a warning.
    """
    corpus = Corpus()

    def warn(message: str) -> None:
        corpus.warnings.append(message)
        if on_warning:
            on_warning(message)

    for article in iter_articles(paths, max_bytes=max_bytes, on_warning=warn):
        corpus.add(article, warn)
    return corpus


def iter_articles(
    paths: Iterable[Path | str] | None = None,
    *,
    max_bytes: int | None = None,
    on_warning: Warn | None = None,
) -> Iterator[Article]:
    """Yield the articles under `paths` one by one (ids not yet de-duplicated: see `Corpus.add`).

    For callers that show a large corpus while it loads; `load_corpus` explains the arguments.
    """
    roots = [Path(p) for p in paths] if paths is not None else [bundled_seeds_dir()]
    for root in roots:
        if not root.exists():
            raise FileNotFoundError(f"corpus path does not exist: {root}")
    limit = max_bytes if max_bytes is not None else _default_max_bytes()
    warn = on_warning or (lambda _message: None)
    for file in _article_files(roots):
        yield from _load_file(file, limit, warn)


def _default_max_bytes() -> int:
    megabytes = os.environ.get("RAWI_MAX_FILE_MB")
    return int(float(megabytes) * 1024 * 1024) if megabytes else DEFAULT_MAX_BYTES


def _article_files(roots: list[Path]) -> Iterator[Path]:
    """Named files as given; folders walked in name order for `.txt` and `.jsonl`, not hidden."""
    for root in roots:
        if root.is_file():
            yield root
            continue
        for file in sorted(root.rglob("*")):
            hidden = any(part.startswith(".") for part in file.relative_to(root).parts)
            if file.is_file() and not hidden and file.suffix.lower() in ARTICLE_SUFFIXES:
                yield file


def _load_file(file: Path, limit: int, warn: Warn) -> Iterator[Article]:
    try:
        size = file.stat().st_size
        if size > limit:
            warn(f"{file}: skipped, {size:,} bytes is over the {limit:,}-byte limit")
            return
        data = file.read_bytes()
    except OSError as error:
        warn(f"{file}: skipped, cannot read it ({error.strerror or error})")
        return
    try:
        text, _encoding = decode(data)
    except UndecodableError as error:
        warn(f"{file}: skipped, {error}")
        return
    if not text.strip():
        warn(f"{file}: skipped, the file is empty")
        return
    if file.suffix.lower() == ".jsonl":
        yield from _jsonl_articles(file, text, warn)
    else:
        article = _article(file.stem, text, str(file), {})
        if article.text:
            yield article
        else:
            warn(f"{file}: skipped, nothing is left after removing page boilerplate")


def _jsonl_articles(file: Path, text: str, warn: Warn) -> Iterator[Article]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            warn(f"{file}:{number}: skipped, malformed JSON ({error.msg} at column {error.colno})")
            continue
        problem = _record_problem(record)
        if problem:
            warn(f"{file}:{number}: skipped, {problem}")
            continue
        article = _article(str(record["id"]), record["text"], f"{file}:{number}", record)
        if article.text:
            yield article
        else:
            warn(f"{file}:{number}: skipped, the article text is empty")


def _record_problem(record: object) -> str | None:
    if not isinstance(record, dict):
        return "the line is not a JSON object"
    if not isinstance(record.get("id"), str | int) or str(record.get("id")).strip() == "":
        return '"id" is missing or not a string'
    if not isinstance(record.get("text"), str):
        return '"text" is missing or not a string'
    for key in ("title", "outlet", "url", "published"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return f'"{key}" is not a string'
    return None


def _article(article_id: str, raw: str, source: str, record: dict) -> Article:
    page = clean_page(raw)
    return Article(
        id=article_id.strip(),
        text=page.text,
        title=(record.get("title") or page.title).strip(),
        outlet=record.get("outlet") or page.outlet,
        url=record.get("url"),
        published=record.get("published"),
        source=source,
        removed=page.removed,
    )
