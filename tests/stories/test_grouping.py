"""Story grouping: the seeds' two stories, the date window, near-duplicates, one story per article,
and pair precision on the hand-judged articles (tests/data/story_pairs)."""

from __future__ import annotations

import numpy as np
import pytest

from annotations.corpus import Article, Corpus
from annotations.stories import StoryOptions, find_stories, leads_of
from annotations.stories.duplicates import near_duplicates


def article(id: str, text: str, outlet: str | None = "X", published: str | None = None) -> Article:
    title, _, _ = text.partition("\n")
    return Article(id=id, text=text, title=title, outlet=outlet, published=published)


def test_the_seeds_make_two_stories_and_leave_the_macron_call_out(seeds: Corpus) -> None:
    stories = find_stories(seeds)
    groups = {frozenset(a[:3] for a in story.articles) for story in stories}
    assert groups == {frozenset({"001", "004"}), frozenset({"002", "003"})}


def test_an_article_without_an_outlet_counts_as_its_own_outlet(seeds: Corpus) -> None:
    story = next(s for s in find_stories(seeds) if s.articles[0].startswith(("001", "004")))
    assert story.outlets == tuple(f"({id})" for id in story.articles)
    assert story.first is None and story.last is None


WIRE = (
    "زلزال بقوة ست درجات يضرب جنوب تركيا\n"
    "ضرب زلزال بقوة ست درجات على مقياس ريختر ولاية أضنة جنوب تركيا صباح الاثنين، وقالت إدارة "
    "الكوارث والطوارئ إن الهزة شعر بها سكان مدن مجاورة ولم ترد تقارير فورية عن ضحايا أو أضرار "
    "كبيرة في المباني، فيما أرسلت فرق الإنقاذ إلى القرى القريبة من مركز الزلزال."
)
OTHER = (
    "البنك المركزي الأوروبي يبقي أسعار الفائدة دون تغيير\n"
    "أبقى البنك المركزي الأوروبي أسعار الفائدة الرئيسية دون تغيير في اجتماعه الخميس، وقال رئيس "
    "البنك إن التضخم ما زال بعيدا عن الهدف وإن برنامج شراء السندات سيستمر حتى نهاية العام."
)


def test_near_duplicates_are_found_within_the_window_only() -> None:
    retitled = WIRE.replace("يضرب", "يهز", 1)
    leads = leads_of(
        [
            article("a", WIRE, published="2018-03-01T08:00:00+00:00"),
            article("b", retitled, published="2018-03-01T09:00:00+00:00"),
            article("c", OTHER, published="2018-03-01T09:00:00+00:00"),
            article("d", WIRE, published="2018-03-20T09:00:00+00:00"),
        ]
    )
    assert near_duplicates(leads, window=3.0) == [(0, 1)]
    assert (0, 3) in near_duplicates(leads, window=30.0)


def test_the_same_text_weeks_apart_is_not_one_story() -> None:
    articles = [
        article("a", WIRE, "A", "2018-03-01T08:00:00+00:00"),
        article("b", WIRE, "B", "2018-03-01T10:00:00+00:00"),
        article("c", WIRE, "C", "2018-03-20T08:00:00+00:00"),
        article("d", OTHER, "D", "2018-03-01T08:00:00+00:00"),
    ]
    (story,) = find_stories(articles)
    assert story.articles == ("a", "b")
    assert story.first == "2018-03-01T08:00:00+00:00"
    assert story.last == "2018-03-01T10:00:00+00:00"
    (wide,) = find_stories(articles, StoryOptions(window=30.0))
    assert wide.articles == ("a", "b", "c")


def test_nothing_to_group() -> None:
    assert find_stories([]) == []
    assert find_stories([article("a", WIRE)]) == []


def test_stories_of_the_judged_articles_are_precise(
    judged: tuple[list[Article], list[dict]],
) -> None:
    """On the 899 judged articles alone (the bench measures them inside the whole corpus)."""
    articles, pairs = judged
    stories = find_stories(articles)
    story_of = {a: story.id for story in stories for a in story.articles}
    assert len(story_of) == sum(len(story.articles) for story in stories)  # one story each
    assert all(len(story.articles) > 1 for story in stories)
    scored = [p for p in pairs if p["kind"] != "near_duplicate"]
    same = [p for p in scored if story_of.get(p["a"], "-a") == story_of.get(p["b"], "-b")]
    assert sum(p["same_event"] for p in same) / len(same) >= 0.95
    assert sum(p["same_event"] for p in same) >= 80
    checks = [p for p in pairs if p["kind"] == "near_duplicate"]
    for check in checks:
        together = story_of.get(check["a"], "-a") == story_of.get(check["b"], "-b")
        assert together == check["same_event"], check["reason"]


def test_character_grams_counted_per_word_equal_sklearns_own() -> None:
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    from annotations.stories.similarity import _char_grams

    texts = [WIRE, OTHER, WIRE[:120] + " " + OTHER[:80], "ترامب ترامب يلتقي ماكرون"]
    ours, _, _ = _char_grams(texts, None)
    theirs = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    expected = theirs.fit_transform(texts)
    assert np.allclose((ours @ ours.T).toarray(), (expected @ expected.T).toarray(), atol=1e-5)
    assert ours.shape == expected.shape


class FixedScores:
    """Pair scores given as a matrix, in place of the TF-IDF vectors."""

    def __init__(self, matrix: list[list[float]]) -> None:
        self.matrix = np.array(matrix)

    def scores(self, rows, columns, window):
        return self.matrix[np.ix_(rows, columns)]


@pytest.mark.parametrize(
    ("strongest", "merged"),
    [(0.40, True), (0.30, False)],
    ids=["a strong link merges below the threshold", "a weak one does not"],
)
def test_a_strong_link_merges_two_groups_a_little_below_the_threshold(strongest, merged) -> None:
    """C scores `strongest` with A and 0.10 with B (A and B one group): on average under the
    threshold 0.26 but within 0.08 of it; only a strong link (>= 0.32) lets C in."""
    from annotations.stories.grouping import _average_linkage

    matrix = [[1.0, 0.5, strongest], [0.5, 1.0, 0.10], [strongest, 0.10, 1.0]]
    assert 0.26 - 0.08 <= (strongest + 0.10) / 2 < 0.26
    pairs = [(0, 1, 0.5), (0, 2, strongest)]
    groups = _average_linkage(3, [], pairs, FixedScores(matrix), StoryOptions(threshold=0.26))
    assert groups == ([[0, 1, 2]] if merged else [[0, 1]])
