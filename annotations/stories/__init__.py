"""Stories: articles grouped by the event they report (see docs/stories.md).

`find_stories(articles, options)` groups articles, precision first: near-duplicates by MinHash
LSH, same-event pairs by TF-IDF of title and lead within a date window, average-linkage merging.
"""

from annotations.stories.grouping import Story, StoryOptions, find_stories
from annotations.stories.leads import Lead, leads_of

__all__ = ["Lead", "Story", "StoryOptions", "find_stories", "leads_of"]
