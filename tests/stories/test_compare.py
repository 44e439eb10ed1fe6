"""Comparing a story's articles: shared quotes (folded, differences marked), the names each
outlet gives an actor, whom each quotes, and what only one outlet reports."""

from __future__ import annotations

import pytest

from annotations.corpus import Article, Corpus
from annotations.stories.comparison import compare
from annotations.stories.quoted import is_official
from annotations.stories.statements import Statement

SPOKESMAN = "الاتصال تناول استعراض تطورات الأوضاع في ليبيا"


def seed(seeds: Corpus, prefix: str) -> Article:
    return next(seeds[i] for i in seeds.ids() if i.startswith(prefix))


@pytest.fixture(scope="module")
def seeds_compared(seeds: Corpus) -> dict:
    return compare([seed(seeds, "001"), seed(seeds, "004")]).record()


def test_the_spokesmans_quote_is_matched_in_both_seeds(seeds: Corpus, seeds_compared: dict) -> None:
    (match,) = [q for q in seeds_compared["quotes"] if SPOKESMAN in q["occurrences"][0]["text"]]
    assert {o["article"][:3] for o in match["occurrences"]} == {"001", "004"}
    for occurrence in match["occurrences"]:
        text = seeds[occurrence["article"]].text
        assert text[occurrence["start"] : occurrence["end"]] == occurrence["text"]
        assert occurrence["cue"] == "قال" and "بسام راضي" in occurrence["source"]
        assert occurrence["suggested"] is True


def test_the_naming_table_sets_the_two_outlets_titles_side_by_side(seeds_compared: dict) -> None:
    (sisi,) = [n for n in seeds_compared["names"] if n["actor"] == "السيسي"]
    titles = {i[:3]: [t["text"] for t in found] for i, found in sisi["by_article"].items()}
    assert titles == {"001": ["رئيس الانقلاب المصري"], "004": ["الرئيس المصري"]}
    assert len(sisi["by_outlet"]) == 2  # each seed without an outlet is its own


def test_who_is_quoted_in_the_seeds_officials_against_the_others(seeds_compared: dict) -> None:
    """001 quotes Sisi and his spokesman; 004 also a journalist close to the regime."""
    quoted = seeds_compared["quoted"]
    shares = {
        o["outlet"][1:4]: (o["official"], o["quotes"], o["official_share"])
        for o in quoted["by_outlet"]
    }
    assert shares == {"001": (7, 9, 0.778), "004": (9, 19, 0.474)}
    story = quoted["story"]
    assert (story["official"], story["other"], story["quotes"]) == (16, 12, 28)


@pytest.mark.parametrize(
    ("source", "official"),
    [
        ("وزير الداخلية", True),
        ("المتحدث الرسمي باسم الرئاسة، بسام راضي", True),
        ("بيان صادر عن الكرملين", True),  # an institution's statement
        ("والرئيس", True),
        ("بوتين والسيسي", True),  # السيسي given an official title in the story
        ("الصحفي المقرب من النظام المصري", False),
        ("وكالة الأنباء المصرية الرسمية", False),
        ("مصادر عسكرية تركية", False),
        ("معتز عبد الفتاح", False),
    ],
)
def test_an_official_holds_a_title_an_institution_or_a_titled_name(
    source: str, official: bool
) -> None:
    assert is_official(source, {"السيسي"}) is official


def article(id: str, text: str, outlet: str) -> Article:
    return Article(id=id, text=text, title=text.split("\n")[0], outlet=outlet)


def said(article: Article, quote: str, source: str, cue: str = "قال") -> Statement:
    start = article.text.index(quote)
    return Statement(article.id, start, start + len(quote), quote, cue, source, "named_person")


A_TEXT = (
    "خبر أول\nقال الوزير إن «الحكومة ستُعلن خطة جديدة لدعم المزارعين الأسبوع المقبل». "
    "وأضاف أن الميزانية لن تتأثر بهذه الخطة على الإطلاق."
)
B_TEXT = (
    "خبر ثان\nوزعم الوزير أن «الحكومة ستعلن خطة جديدة لدعم الفلاحين الأسبوع المقبل». "
    "وتظاهر المئات أمام مقر الوزارة احتجاجا على غلاء الأسعار."
)


@pytest.fixture
def pair() -> tuple[Article, Article]:
    return article("a", A_TEXT, "Outlet A"), article("b", B_TEXT, "Outlet B")


def minister_said(a: Article, b: Article) -> dict[str, list[Statement]]:
    """The analyst's attributions of the pair: the minister's quote, said in A, claimed in B."""
    return {
        "a": [said(a, "الحكومة ستُعلن خطة جديدة لدعم المزارعين الأسبوع المقبل", "الوزير")],
        "b": [said(b, "الحكومة ستعلن خطة جديدة لدعم الفلاحين الأسبوع المقبل", "الوزير", "زعم")],
    }


def test_a_quote_matches_across_harakat_and_marks_the_word_that_differs(pair) -> None:
    a, b = pair
    compared = compare([a, b], analyst=minister_said(a, b), entities={"a": [], "b": []}).record()
    (match,) = compared["quotes"]
    by_article = {o["article"]: o for o in match["occurrences"]}
    assert by_article["b"]["cue"] == "زعم" and by_article["a"]["suggested"] is False
    for id, text, word in (("a", A_TEXT, "المزارعين"), ("b", B_TEXT, "الفلاحين")):
        assert [text[s:e] for s, e in by_article[id]["differences"]] == [word]


def test_what_one_outlet_alone_reports_is_an_omission_of_the_other(pair) -> None:
    a, b = pair
    compared = compare([a, b], entities={"a": [], "b": []}).record()
    omitted = {o["text"]: o["missing_in"] for o in compared["omissions"]}
    assert omitted.get("الميزانية لن تتأثر بهذه الخطة على الإطلاق") == ["b"]
    assert all("خطة جديدة" not in text for text in omitted)  # the shared quote is no omission


def test_statements_of_one_outlet_are_never_matched_with_each_other() -> None:
    quote = "الحكومة ستعلن خطة جديدة لدعم المزارعين الأسبوع المقبل"
    a = article("a", f"خبر\nقال الوزير «{quote}». وكرر الوزير «{quote}».", "Outlet A")
    b = article("b", "خبر آخر\nتظاهر المئات أمام مقر الوزارة احتجاجا على غلاء الأسعار.", "Outlet A")
    assert compare([a, b], entities={"a": [], "b": []}).quotes == ()


def test_sources_are_counted_per_outlet_with_their_cue(pair) -> None:
    a, b = pair
    compared = compare([a, b], analyst=minister_said(a, b), entities={"a": [], "b": []}).record()
    minister = {"source": "الوزير", "type": "named_person", "count": 1}
    assert compared["sources"] == [
        {"outlet": "Outlet A", **minister, "cue": "قال"},
        {"outlet": "Outlet B", **minister, "cue": "زعم"},
    ]


def test_the_analysts_stored_attributions_replace_the_suggestions(pair, tmp_path) -> None:
    from annotations.store import Store
    from annotations.stories.analyst import analyst_statements

    a, _ = pair
    quote = "الحكومة ستُعلن خطة جديدة لدعم المزارعين الأسبوع المقبل"
    with Store.open(tmp_path / "db.json") as store:
        assert analyst_statements(store, "a") is None  # nothing stored: the suggestions count

        def span(label: str, text: str):
            start = a.text.index(text)
            return store.add_span(a, "attribution", label, start, start + len(text), annotator="x")

        source, cue, content = span("SOURCE", "الوزير"), span("CUE", "قال"), span("CONTENT", quote)
        store.update_span(source.id, annotator="x", attrs={"source_type": "official_role"})
        store.add_attribution(source=source.id, cue=cue.id, content=[content.id], annotator="x")
        (statement,) = analyst_statements(store, "a")
    assert (statement.text, statement.cue, statement.source) == (quote, "قال", "الوزير")
    assert statement.source_type == "official_role"  # the type chosen in the form
    assert statement.suggested is False
    assert a.text[statement.start : statement.end] == quote
