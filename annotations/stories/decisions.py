"""The analyst's story decisions (merges and splits, `Store.decide_stories`) applied to the
stories found: each decision, in the order made, takes its article out of its story and puts it
in the story of the article it joins (apart from every story when it joins none). Stories no
decision touched are kept as they are; a story left with one article is left out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from annotations.corpus import Corpus
from annotations.corpus.index import ArticleInfo
from annotations.model import StoryDecision
from annotations.stories.cache import cached_stories
from annotations.stories.leads import day_of
from annotations.stories.story import Story, StoryOptions, story_of

#: What is known of an article by id (None: not in the corpus), e.g. `Corpus.info`.
InfoLookup = Callable[[str], ArticleInfo | None]


@dataclass(frozen=True, slots=True)
class _Member:
    id: str
    title: str
    outlet: str
    published: str | None
    day: float | None


def decided_stories(
    corpus: Corpus, decisions: Iterable[StoryDecision], options: StoryOptions | None = None
) -> list[Story]:
    """The corpus's stories (from the cache when it has not changed) as `decisions` leave them."""
    return apply_decisions(cached_stories(corpus, options), decisions, corpus.info)


def apply_decisions(
    stories: Sequence[Story], decisions: Iterable[StoryDecision], info: InfoLookup
) -> list[Story]:
    """`stories` as the `decisions` (applied in the order made) leave them; decisions naming an
    article that is not in the corpus are skipped."""
    story_of_article = {a: n for n, story in enumerate(stories) for a in story.articles}
    members = {n: set(story.articles) for n, story in enumerate(stories)}
    touched: set[int] = set()
    for decision in sorted(decisions, key=lambda d: (d.updated, d.article_id)):
        article, joins = decision.article_id, decision.joins
        if info(article) is None or (joins is not None and info(joins) is None):
            continue
        if (old := story_of_article.pop(article, None)) is not None:
            members[old].discard(article)
            touched.add(old)
        if joins is None or joins == article:
            continue
        if (new := story_of_article.get(joins)) is None:
            new = story_of_article[joins] = len(members)
            members[new] = {joins}
        members[new].add(article)
        story_of_article[article] = new
        touched.add(new)
    kept = [story for n, story in enumerate(stories) if n not in touched]
    changed = (_story(members[n], stories[n] if n < len(stories) else None, info) for n in touched)
    every = [*kept, *(story for story in changed if story is not None)]
    return sorted(every, key=lambda story: (story.first or "~", story.id))


def _story(ids: set[str], found: Story | None, info: InfoLookup) -> Story | None:
    """The story of `ids` (None when fewer than two are in the corpus), keeping the
    near-duplicate pairs of the story it was found as."""
    infos = [found_info for a in sorted(ids) if (found_info := info(a)) is not None]
    members = [
        _Member(i.id, i.title, i.outlet or f"({i.id})", i.published, day_of(i.published))
        for i in infos
    ]
    return story_of(members, found.duplicates if found else ()) if len(members) > 1 else None
