"""Stories: articles grouped by the event they report, and a story's outlets compared (see
docs/stories.md).

`find_stories(articles, options)` groups articles, precision first: near-duplicates by MinHash
LSH, same-event pairs by TF-IDF of title and lead within a date window, average-linkage merging;
`cached_stories(corpus, options)` keeps them per corpus version. `compare(articles)` matches the
quotes across a story's articles, tabulates how each names each actor and whom each quotes, and
lists what no other outlet reports.
"""

from annotations.stories.cache import cached_stories
from annotations.stories.comparison import Comparison, compare
from annotations.stories.grouping import Story, StoryOptions, find_stories
from annotations.stories.leads import Lead, leads_of

__all__ = [
    "Comparison",
    "Lead",
    "Story",
    "StoryOptions",
    "cached_stories",
    "compare",
    "find_stories",
    "leads_of",
]
