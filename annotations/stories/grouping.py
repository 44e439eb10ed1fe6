"""Grouping that favours precision: average-linkage merging over pairs above a strict threshold,
so that no chain of weak links puts two events in one story; a strong link between two groups
lets them merge a little below it."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

import numpy as np

from annotations.corpus import Article
from annotations.stories.duplicates import near_duplicates
from annotations.stories.leads import Lead, leads_of
from annotations.stories.similarity import Vectors, Vocabulary, scored_pairs, vectorise
from annotations.stories.story import Story, StoryOptions, story_of

#: A cross pair scoring this much is a strong link: its two groups merge when their cross pairs
#: average the threshold less `RELAXED` (chosen with the threshold on the even-numbered pairs of
#: tests/data/story_pairs, see docs/stories.md).
STRONG_LINK = 0.32
RELAXED = 0.08


def find_stories(articles: Iterable[Article], options: StoryOptions | None = None) -> list[Story]:
    """The stories of two or more articles among `articles`; every article in at most one."""
    return stories_of_leads(leads_of(articles), options or StoryOptions())


def stories_of_leads(leads: Sequence[Lead], options: StoryOptions) -> list[Story]:
    """The stories of `leads` (see `find_stories`)."""
    return grouped(leads, options)[0]


def grouped(
    leads: Sequence[Lead],
    options: StoryOptions,
    *,
    vocabulary: Vocabulary | None = None,
    made: Iterable[Sequence[int]] = (),
    added: Collection[int] | None = None,
    duplicates: Iterable[tuple[str, str]] = (),
) -> tuple[list[Story], Vocabulary | None]:
    """The stories of `leads` and the vocabulary they were scored with (None for fewer than two
    leads). To add articles to stories already made: `made` are those stories (lead indexes,
    joined first as they are), `added` the indexes of the added leads (only pairs with one are
    scored and merged), `vocabulary` the one the stories were made with, `duplicates` their
    near-duplicate pairs (ids)."""
    if len(leads) < 2:
        return [], vocabulary
    vectors, vocabulary = vectorise(leads, vocabulary)
    twins = near_duplicates(leads, options.window)
    pairs = scored_pairs(vectors, options.window, options.threshold)
    if added is not None:
        twins = [(i, j) for i, j in twins if i in added or j in added]
        pairs = (pair for pair in pairs if pair[0] in added or pair[1] in added)
    joined = [(group[0], other) for group in made for other in group[1:]]
    groups = _average_linkage(len(leads), [*joined, *twins], pairs, vectors, options)
    duplicates = [*duplicates, *((leads[i].id, leads[j].id) for i, j in twins)]
    stories = [story_of([leads[n] for n in group], duplicates) for group in groups]
    return sorted(stories, key=lambda story: (story.first or "~", story.id)), vocabulary


def _average_linkage(
    size: int,
    joined: Iterable[tuple[int, int]],
    pairs: Iterable[tuple[int, int, float]],
    vectors: Vectors,
    options: StoryOptions,
) -> list[list[int]]:
    """Groups made by merging, best pair first, two groups whose every cross pair is within the
    window and whose cross pairs score `threshold` on average (`threshold - RELAXED` when one of
    them is a strong link): no chain of weak links joins two events. The `joined` pairs
    (near-duplicates, and stories already made) are joined first, unconditionally."""
    group_of = list(range(size))
    members: dict[int, list[int]] = {node: [node] for node in range(size)}

    def join(a: int, b: int) -> None:
        for node in members[b]:
            group_of[node] = a
        members[a].extend(members.pop(b))

    for i, j in joined:
        if group_of[i] != group_of[j]:
            join(group_of[i], group_of[j])
    for i, j, _ in sorted(pairs, key=lambda pair: -pair[2]):
        a, b = group_of[i], group_of[j]
        if a == b:
            continue
        if len(members[a]) + len(members[b]) > 2:  # (two single articles: the pair decides)
            cross = vectors.scores(np.array(members[a]), np.array(members[b]), options.window)
            if cross.mean() < _needed(cross.max(), options.threshold):
                continue
        join(a, b)
    return [sorted(group) for group in members.values() if len(group) > 1]


def _needed(strongest: float, threshold: float) -> float:
    """The average score two groups' cross pairs must reach, given their strongest."""
    return threshold - RELAXED if strongest >= STRONG_LINK else threshold
