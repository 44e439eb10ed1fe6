"""The analyst's story decisions applied to the stories found: merges, splits, their order,
articles outside the corpus, and every article still in at most one story."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotations.corpus.index import ArticleInfo
from annotations.model import StoryDecision
from annotations.stories.decisions import apply_decisions
from annotations.stories.story import Story

IDS = [f"a{n}" for n in range(8)]
#: a0..a7, one day apart, two outlets; a7 has neither a date nor an outlet.
INFOS = {
    id: ArticleInfo(
        id, f"title {id}", None if n == 7 else f"outlet{n % 2}", None, None if n == 7 else
        f"2019-03-0{n + 1}", None, 100, "0" * 64, "f",
    )
    for n, id in enumerate(IDS)
}  # fmt: skip


def story(*ids: str) -> Story:
    first, last = INFOS[ids[0]].published, INFOS[ids[-1]].published
    return Story(f"s-{min(ids)}", f"title {ids[0]}", ids, ("outlet0", "outlet1"), first, last)


FOUND = [story("a0", "a1", "a2"), story("a3", "a4")]


def decide(article: str, joins: str | None, at: int) -> StoryDecision:
    return StoryDecision(article, "mona", joins, f"2026-12-05T08:00:{at:02d}Z")


def groups(stories: list[Story]) -> list[tuple[str, ...]]:
    return [s.articles for s in stories]


def test_no_decision_leaves_the_stories_as_found() -> None:
    assert apply_decisions(FOUND, [], INFOS.get) == FOUND


def test_a_merge_moves_articles_into_the_story_they_join_in_time_order() -> None:
    merged = apply_decisions(FOUND, [decide("a3", "a1", 1), decide("a4", "a1", 1)], INFOS.get)
    (only,) = merged
    assert only.articles == ("a0", "a1", "a2", "a3", "a4") and only.id == "s-a0"
    assert (only.first, only.last, only.title) == ("2019-03-01", "2019-03-05", "title a0")


def test_a_split_takes_an_article_out_and_a_story_of_one_is_left_out() -> None:
    split = apply_decisions(FOUND, [decide("a0", None, 1), decide("a4", None, 2)], INFOS.get)
    assert groups(split) == [("a1", "a2")]
    assert split[0].id == "s-a1" and split[0].title == "title a1"


def test_joining_an_article_of_no_story_makes_a_new_story_with_its_outlet_as_found() -> None:
    (made,) = [s for s in apply_decisions(FOUND, [decide("a6", "a7", 1)], INFOS.get)
               if "a7" in s.articles]  # fmt: skip
    assert made.articles == ("a6", "a7")  # the undated last
    assert made.outlets == ("outlet0", "(a7)")


def test_decisions_apply_in_the_order_they_were_made() -> None:
    # a2 moved to a3's story, then a3 split out: a2 stays with a4
    later = [decide("a3", None, 2), decide("a2", "a3", 1)]
    assert groups(apply_decisions(FOUND, later, INFOS.get)) == [("a0", "a1"), ("a2", "a4")]


def test_a_decision_about_an_article_outside_the_corpus_is_skipped() -> None:
    gone = [decide("zz", "a1", 1), decide("a0", "zz", 2)]
    assert apply_decisions(FOUND, gone, INFOS.get) == FOUND


@given(st.lists(st.tuples(st.sampled_from(IDS), st.sampled_from([None, *IDS])), max_size=12))
def test_every_article_stays_in_at_most_one_story(moves: list[tuple[str, str | None]]) -> None:
    decisions = [decide(a, joins, n) for n, (a, joins) in enumerate(moves)]
    stories = apply_decisions(FOUND, decisions, INFOS.get)
    every = [a for s in stories for a in s.articles]
    assert len(every) == len(set(every)) and all(len(s.articles) > 1 for s in stories)
    if moves:  # the last decision holds
        article, joins = moves[-1]
        together = next((s.articles for s in stories if article in s.articles), ())
        assert not together if joins in (None, article) else joins in together
