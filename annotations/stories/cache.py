"""Stories computed once per corpus version: kept beside the corpus index, read back while the
corpus's articles (ids, texts, outlets, dates), the options and the grouping code are the same.

The version is a digest of the index's `articles` table (without reading any text), so a warm
`rawi stories` costs one table scan and one JSON file. A corpus kept in memory has no cache.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from contextlib import suppress
from dataclasses import asdict
from functools import cache
from pathlib import Path

from annotations.corpus import Corpus
from annotations.durable import atomic_write
from annotations.stories.story import Story, StoryOptions

#: The modules whose code decides the stories.
_GROUPING_CODE = (
    "annotations.stories.story",
    "annotations.stories.leads",
    "annotations.stories.duplicates",
    "annotations.stories.similarity",
    "annotations.stories.grouping",
)


def cached_stories(corpus: Corpus, options: StoryOptions | None = None) -> list[Story]:
    """`find_stories(corpus, options)`, from the cache when the corpus has not changed."""
    options = options or StoryOptions()
    index = corpus.index.path
    path = None
    if index is not None:
        path = index.with_name(f"{index.stem}.stories-{corpus_version(corpus, options)[:16]}.json")
        try:
            return [Story.from_record(record) for record in json.loads(path.read_bytes())]
        except (OSError, ValueError, KeyError, TypeError):
            pass  # absent or unreadable: computed again
    from annotations.stories.grouping import find_stories  # (scikit-learn: only when needed)

    stories = find_stories(corpus, options)
    if index is not None and path is not None:
        data = json.dumps([story.cache_record() for story in stories], ensure_ascii=False)
        with suppress(OSError):  # a cache that cannot be written costs time, nothing else
            for old in index.parent.glob(f"{index.stem}.stories-*.json"):
                old.unlink(missing_ok=True)
            atomic_write(path, data.encode("utf-8"))
    return stories


def corpus_version(corpus: Corpus, options: StoryOptions) -> str:
    """A digest of what decides the corpus's stories."""
    digest = hashlib.sha256(_code_digest().encode())
    digest.update(json.dumps(asdict(options), sort_keys=True).encode())
    for info in corpus.index.infos():
        fields = (info.id, info.sha256, info.outlet or "", info.published or "", info.title)
        digest.update("\x1f".join(fields).encode("utf-8", "surrogateescape") + b"\x1e")
    return digest.hexdigest()


@cache
def _code_digest() -> str:
    digest = hashlib.sha256()
    for name in _GROUPING_CODE:
        spec = importlib.util.find_spec(name)
        digest.update(Path(spec.origin if spec and spec.origin else "").read_bytes())
    return digest.hexdigest()
