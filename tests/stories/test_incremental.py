"""Stories kept up to date as articles are added: grouped in by the same rules (on the judged
articles, the judged pairs as a full grouping has them), a full grouping when an article changed, an
added one is undated or too many were added, and the state kept beside the cache (no pickle)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from annotations.corpus import Article, Corpus, load_corpus
from annotations.stories import StoryOptions, cached_stories, incremental, leads_of
from annotations.stories.incremental import Grouping, regroup
from annotations.stories.similarity import vectorise

OPTIONS = StoryOptions()


def by_time(articles: list[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: a.published or "")


def together(stories, pair: dict) -> bool:
    story_of = {a: story.id for story in stories for a in story.articles}
    return story_of.get(pair["a"], "-a") == story_of.get(pair["b"], "-b")


@pytest.fixture(scope="module")
def earlier(judged) -> Grouping:
    """The judged articles but the 60 newest, grouped whole."""
    return regroup(Corpus(by_time(judged[0])[:-60]), OPTIONS, None)


def test_the_newest_articles_are_grouped_in_as_a_full_grouping_would(judged, earlier) -> None:
    articles, pairs = judged
    corpus = Corpus(by_time(articles))
    added = regroup(corpus, OPTIONS, earlier)
    assert added.how == "added" and added.added_since_full == 60
    assert added.vocabulary is earlier.vocabulary
    full = regroup(corpus, OPTIONS, None)
    assert full.how == "full"
    assert [together(added.stories, p) for p in pairs] == [together(full.stories, p) for p in pairs]
    # the vocabulary's frequencies leave the newest out: a story or two may differ
    differ = {s.articles for s in added.stories} ^ {s.articles for s in full.stories}
    assert len(differ) <= 0.03 * len(full.stories)


def test_nothing_added_keeps_the_stories(judged, earlier) -> None:
    again = regroup(Corpus(by_time(judged[0])[:-60][::-1]), OPTIONS, earlier)  # another order
    assert again.how == "same" and again.stories == earlier.stories


def test_a_changed_or_undated_article_or_too_many_added_means_a_full_grouping(
    judged, earlier, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = by_time(judged[0])
    changed = [replace(articles[0], title=articles[0].title + " !"), *articles[1:]]
    assert regroup(Corpus(changed), OPTIONS, earlier).how == "full"
    undated = replace(articles[-1], id="undated", published=None)
    assert regroup(Corpus([*articles[:-60], undated]), OPTIONS, earlier).how == "full"
    monkeypatch.setattr(incremental, "MAX_ADDED_SHARE", 0.05)  # 60 of 899 is 6.7%
    assert regroup(Corpus(articles), OPTIONS, earlier).how == "full"
    monkeypatch.setattr(incremental, "MAX_ADDED_SHARE", 0.1)
    monkeypatch.setattr(incremental, "MAX_NEIGHBOURHOOD_SHARE", 0.01)  # spread out
    assert regroup(Corpus(articles), OPTIONS, earlier).how == "full"


def test_a_vocabulary_vectorises_as_it_was_fitted(judged) -> None:
    leads = leads_of(judged[0][:200])
    fitted, vocabulary = vectorise(leads)
    again, same = vectorise(leads[50:120], vocabulary)
    assert same is vocabulary
    for name in ("chars", "words"):
        expected = getattr(fitted, name)[50:120].toarray()
        assert np.allclose(getattr(again, name).toarray(), expected, atol=1e-6)


def test_the_grouping_is_saved_without_pickle_and_read_back(tmp_path: Path, earlier) -> None:
    path = tmp_path / "state.npz"
    path.write_bytes(earlier.save())
    with np.load(path, allow_pickle=False) as data:  # every array plain
        assert all(data[name].dtype != object for name in data.files)
    back = Grouping.load(path, earlier.stories)
    assert back.fingerprints == earlier.fingerprints and back.added_since_full == 0
    assert back.vocabulary.words == earlier.vocabulary.words
    assert np.array_equal(back.vocabulary.gram_idf, earlier.vocabulary.gram_idf)


def test_the_cache_groups_added_articles_in(tmp_path: Path, judged, monkeypatch) -> None:
    """A corpus folder: its stories cached, then a file of newer articles added: the next
    `cached_stories` groups them in (the saved state counts them), close to a full grouping."""
    monkeypatch.setenv("RAWI_CACHE", str(tmp_path / "cache"))
    articles = by_time(judged[0])
    folder = tmp_path / "corpus"
    folder.mkdir()

    def write(name: str, chosen: list[Article]) -> None:
        records = [
            {"id": a.id, "title": a.title, "outlet": a.outlet, "published": a.published,
             "text": a.text}
            for a in chosen
        ]  # fmt: skip
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        (folder / name).write_text(lines, encoding="utf-8")

    write("a.jsonl", articles[:-60])
    first = load_corpus([folder])
    cached_stories(first)
    write("b.jsonl", articles[-60:])
    second = load_corpus([folder])
    stories = cached_stories(second)
    index = second.index.path
    (state,) = index.parent.glob(f"{index.stem}.stories-*.npz")
    assert Grouping.load(state, stories).added_since_full == 60
    assert len(list(index.parent.glob(f"{index.stem}.stories-*.json"))) == 1
    expected = regroup(Corpus(articles), OPTIONS, None).stories
    assert len({s.articles for s in stories} ^ {s.articles for s in expected}) <= 3
    assert cached_stories(second) == stories  # then read from the cache
