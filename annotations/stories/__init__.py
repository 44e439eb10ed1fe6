"""Stories: articles grouped by the event they report, and a story's outlets compared (see
docs/stories.md).

`find_stories(articles, options)` groups articles, precision first: near-duplicates by MinHash
LSH, same-event pairs by TF-IDF of title and lead within a date window, average-linkage merging;
`cached_stories(corpus, options)` keeps them per corpus version, and `decided_stories` applies
the analyst's merges and splits (story decisions) to them. `compare(articles)` matches the
quotes across a story's articles, tabulates how each names each actor and whom each quotes, and
lists what no other outlet reports. The heavy parts are imported on first use, so that reading
cached stories stays quick.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from annotations.stories.cache import cached_stories
from annotations.stories.story import Story, StoryOptions

#: Names imported on first use, and their modules.
_LAZY = {
    "Comparison": "annotations.stories.comparison",
    "compare": "annotations.stories.comparison",
    "apply_decisions": "annotations.stories.decisions",
    "decided_stories": "annotations.stories.decisions",
    "find_stories": "annotations.stories.grouping",
    "Lead": "annotations.stories.leads",
    "leads_of": "annotations.stories.leads",
    "story_features": "annotations.stories.features",
}

__all__ = ["Story", "StoryOptions", "cached_stories", *_LAZY]


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_LAZY[name]), name)
