"""Stories computed once per corpus version: kept beside the corpus index, read back while the
corpus's articles (ids, texts, outlets, dates), the options and the grouping code are the same.

The version is a digest of the index's `articles` table (without reading any text), so a warm
`rawi stories` costs one table scan and one JSON file. Beside the stories, the grouping keeps
what adding articles later needs (`<index>.stories-<version>-<code and options>.npz`: the
vocabulary and each article's fingerprint); a corpus to which articles were only added is then
grouped incrementally. A corpus kept in memory has no cache.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from contextlib import suppress
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from annotations.corpus import Corpus
from annotations.durable import atomic_write
from annotations.stories.story import Story, StoryOptions

if TYPE_CHECKING:
    from annotations.stories.incremental import Grouping

#: The modules whose code decides the stories.
_GROUPING_CODE = (
    "annotations.stories.story",
    "annotations.stories.incremental",
    "annotations.stories.leads",
    "annotations.stories.duplicates",
    "annotations.stories.similarity",
    "annotations.stories.grouping",
)


def cached_stories(corpus: Corpus, options: StoryOptions | None = None) -> list[Story]:
    """`find_stories(corpus, options)`, from the cache when the corpus has not changed; when
    articles were only added, grouped in (`annotations.stories.incremental`)."""
    options = options or StoryOptions()
    index = corpus.index.path
    if index is None:
        from annotations.stories.grouping import find_stories  # (scikit-learn: when needed)

        return find_stories(corpus, options)
    version, base = corpus_version(corpus, options)[:16], _base_digest(options)[:16]
    path = index.with_name(f"{index.stem}.stories-{version}.json")
    try:
        return _read(path)
    except (OSError, ValueError, KeyError, TypeError):
        pass  # absent or unreadable: computed again
    from annotations.stories.incremental import regroup

    grouping = regroup(corpus, options, _previous(index, base))
    state = index.with_name(f"{index.stem}.stories-{version}-{base}.npz")
    data = json.dumps([story.cache_record() for story in grouping.stories], ensure_ascii=False)
    with suppress(OSError):  # a cache that cannot be written costs time, nothing else
        atomic_write(path, data.encode("utf-8"))
        if grouping.vocabulary is not None:
            atomic_write(state, grouping.save())
        for old in index.parent.glob(f"{index.stem}.stories-*"):
            if old not in (path, state):
                old.unlink(missing_ok=True)
    return grouping.stories


def _read(path: Path) -> list[Story]:
    return [Story.from_record(record) for record in json.loads(path.read_bytes())]


def _previous(index: Path, base: str) -> Grouping | None:
    """The grouping last saved beside `index` by this code with these options, if readable."""
    from annotations.stories.incremental import Grouping

    for state in index.parent.glob(f"{index.stem}.stories-*-{base}.npz"):
        version = state.name.removesuffix(f"-{base}.npz").rsplit("-", 1)[-1]
        try:
            stories = _read(index.with_name(f"{index.stem}.stories-{version}.json"))
            return Grouping.load(state, stories)
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return None


def corpus_version(corpus: Corpus, options: StoryOptions) -> str:
    """A digest of what decides the corpus's stories."""
    digest = hashlib.sha256(_base_digest(options).encode())
    for info in corpus.index.infos():
        fields = (info.id, info.sha256, info.outlet or "", info.published or "", info.title)
        digest.update("\x1f".join(fields).encode("utf-8", "surrogateescape") + b"\x1e")
    return digest.hexdigest()


def _base_digest(options: StoryOptions) -> str:
    """A digest of the grouping code and the options."""
    digest = hashlib.sha256(_code_digest().encode())
    digest.update(json.dumps(asdict(options), sort_keys=True).encode())
    return digest.hexdigest()


@cache
def _code_digest() -> str:
    digest = hashlib.sha256()
    for name in _GROUPING_CODE:
        spec = importlib.util.find_spec(name)
        digest.update(Path(spec.origin if spec and spec.origin else "").read_bytes())
    return digest.hexdigest()
