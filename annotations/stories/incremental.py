"""Stories kept up to date as articles are added: the articles added since the last grouping are
grouped in by the same rules, with the earlier stories as groups already made, instead of
grouping the whole corpus again.

Only the neighbourhood of the added articles is read: the articles within the date window of
one, and every article of a story holding one of those. Its leads are vectorised with the
vocabulary of the last full grouping (terms it does not know are left out), so the earlier
articles score as they did. A full grouping is made instead when an article was changed or
removed, when an added article is undated (it is compared with every article), when the
neighbourhood is more than `MAX_NEIGHBOURHOOD_SHARE` of the corpus (spread-out additions), or
when more than `MAX_ADDED_SHARE` of the corpus was added since the last full grouping (its
vocabulary would miss too much).
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np

from annotations.corpus import Corpus
from annotations.corpus.index import ArticleInfo
from annotations.stories.grouping import grouped
from annotations.stories.leads import day_of, lead_of, leads_of
from annotations.stories.similarity import Vocabulary, packed, unpacked
from annotations.stories.story import Story, StoryOptions

#: Articles added since the last full grouping, as a share of the corpus, past which the
#: grouping is made whole again.
MAX_ADDED_SHARE = 0.1
#: The share of the corpus the added articles' neighbourhood may reach before a full grouping
#: is made instead (then about as quick, and exact).
MAX_NEIGHBOURHOOD_SHARE = 0.25

How = Literal["full", "added", "same"]


@dataclass(frozen=True)
class Grouping:
    """A corpus's stories and what the next grouping needs of them: the vocabulary they were
    scored with (None for a corpus of fewer than two articles), each article's fingerprint, how
    many articles were added since the last full grouping, and how they were made."""

    stories: list[Story]
    vocabulary: Vocabulary | None
    fingerprints: dict[str, str] = field(repr=False)
    added_since_full: int = 0
    how: How = "full"

    def save(self) -> bytes:
        """Everything but the stories (kept in the stories cache) as `.npz` bytes (no pickle)."""
        assert self.vocabulary is not None
        out = io.BytesIO()
        np.savez(
            out, **self.vocabulary.arrays(), ids=packed(list(self.fingerprints)),
            fingerprints=packed(list(self.fingerprints.values())),
            added_since_full=np.array([self.added_since_full]),
        )  # fmt: skip
        return out.getvalue()

    @classmethod
    def load(cls, path: Path, stories: list[Story]) -> Grouping:
        """The grouping `save` wrote to `path`, with its `stories` (OSError, ValueError or
        KeyError when unreadable)."""
        with np.load(path, allow_pickle=False) as data:
            vocabulary = Vocabulary.from_arrays(data)
            ids, prints = unpacked(data["ids"]), unpacked(data["fingerprints"])
            added = int(data["added_since_full"][0])
        return cls(stories, vocabulary, dict(zip(ids, prints, strict=True)), added)


def fingerprint(info: ArticleInfo) -> str:
    """What decides an article's place in the stories: its text, outlet, date and title."""
    fields = (info.sha256, info.outlet or "", info.published or "", info.title)
    digest = hashlib.blake2b("\x1f".join(fields).encode("utf-8", "surrogateescape"), digest_size=8)
    return digest.hexdigest()


def regroup(corpus: Corpus, options: StoryOptions, previous: Grouping | None) -> Grouping:
    """The corpus's stories: `previous`'s when no article was added, the added articles grouped
    in when they allow it (see the module), else a full grouping."""
    infos = corpus.infos()
    prints = {info.id: fingerprint(info) for info in infos}
    added = _added(previous, prints)
    if previous is not None and added == []:
        return Grouping(previous.stories, previous.vocabulary, prints,
                        previous.added_since_full, "same")  # fmt: skip
    if previous is not None and added is not None and previous.vocabulary is not None:
        since_full = previous.added_since_full + len(added)
        if since_full <= MAX_ADDED_SHARE * len(infos):
            around = _neighbourhood(infos, set(added), previous.stories, options.window)
            if around is not None and len(around) <= MAX_NEIGHBOURHOOD_SHARE * len(infos):
                stories = _grouped_in(corpus, previous, around, set(added), options)
                return Grouping(stories, previous.vocabulary, prints, since_full, "added")
    stories, vocabulary = grouped(leads_of(corpus), options)
    return Grouping(stories, vocabulary, prints)


def _added(previous: Grouping | None, prints: dict[str, str]) -> list[str] | None:
    """The ids added since `previous`, or None when an article was changed or removed."""
    if previous is None:
        return None
    if any(prints.get(id) != value for id, value in previous.fingerprints.items()):
        return None
    return [id for id in prints if id not in previous.fingerprints]


def _neighbourhood(
    infos: Sequence[ArticleInfo], added: set[str], stories: Sequence[Story], window: float
) -> list[str] | None:
    """The added articles, the articles within `window` days of one (undated ones included)
    and every article of a story holding one of those, in corpus order; None when an added
    article is undated."""
    days = np.array([np.nan if (d := day_of(i.published)) is None else d for i in infos])
    is_added = np.array([info.id in added for info in infos])
    if np.isnan(days[is_added]).any():
        return None
    near = np.sort(days[is_added])
    right = np.clip(np.searchsorted(near, days), 0, len(near) - 1)
    left = np.clip(right - 1, 0, len(near) - 1)
    gap = np.minimum(np.abs(days - near[left]), np.abs(days - near[right]))
    within = is_added | np.isnan(days) | (gap <= window)
    chosen = {info.id for info, inside in zip(infos, within, strict=True) if inside}
    for story in stories:
        if not chosen.isdisjoint(story.articles):
            chosen.update(story.articles)
    return [info.id for info in infos if info.id in chosen]


def _grouped_in(
    corpus: Corpus, previous: Grouping, around: list[str], added: set[str], options: StoryOptions
) -> list[Story]:
    """`previous`'s stories with the `added` articles grouped in, reading only `around`."""
    leads = [lead_of(corpus[article_id]) for article_id in around]
    index = {lead.id: n for n, lead in enumerate(leads)}
    touched = [s for s in previous.stories if s.articles[0] in index]
    kept = [s for s in previous.stories if s.articles[0] not in index]
    made, _ = grouped(
        leads, options, vocabulary=previous.vocabulary,
        made=[[index[a] for a in story.articles] for story in touched],
        added={index[a] for a in added},
        duplicates=[pair for story in touched for pair in story.duplicates],
    )  # fmt: skip
    return sorted([*kept, *made], key=lambda story: (story.first or "~", story.id))
