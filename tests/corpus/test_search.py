"""Search that understands Arabic: harakat, letter variants and proclitics; the query language;
ranking, filters, hits at canonical offsets and snippets."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from annotations.arabic import WORD_RE
from annotations.corpus import Article, ArticleFilter, Corpus, QueryError
from annotations.corpus.search_keys import index_text, proclitic_forms, search_key

ARTICLES = [
    Article("trump", "قال الرئيس الأمريكي دونالد ترامب إن الاتفاق سيء.", published="2018-05-01"),
    Article("and-trump", "التقى ماكرون وترامب في البيت الأبيض.", published="2018-04-24"),
    Article("to-trump", "وجه الرئيس الفرنسي رسالة لترامب حول إيران.", published="2018-05-08"),
    Article("russia", "قالت موسكو إن روسيا لن ترد على ترامب.", published="2018-03-01"),
    Article("marked", "أعلنَ الرَّئيسُ الفرنسيُّ إيمانويل ماكرون زيارةً إلى الصين.", outlet="France 24"),
    Article("latin", "The U.S. President met NATO leaders in 2018.", outlet="BBC"),
]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus(ARTICLES)


def found(corpus: Corpus, query: str, **where) -> list[str]:
    return [r.info.id for r in corpus.search(query, ArticleFilter(**where) if where else None)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ترامب", {"trump", "and-trump", "to-trump", "russia"}),
        ("ترامب روسيا", {"russia"}),
        ("ترامب -روسيا", {"trump", "and-trump", "to-trump"}),
        ("روسيا OR الصين", {"russia", "marked"}),
        ('"البيت الأبيض"', {"and-trump"}),
        ('"الأبيض البيت"', set()),
        ('"ماكرون وترامب"', {"and-trump"}),
        ('"ماكرون ترامب"', set()),  # proclitics are looked for before a phrase, not inside it
        ('"والبيت الأبيض"', set()),
        ('"بيت الأبيض"', {"and-trump"}),
        ("ايمانويل", {"marked"}),
        ("الرئيس الفرنسي", {"to-trump", "marked"}),
        ("زياره", {"marked"}),
        ("الصيـــن", {"marked"}),
        ("ماك*", {"and-trump", "marked"}),
        ("nato", {"latin"}),
        ("٢٠١٨", {"latin"}),
        ("U.S.", {"latin"}),
        ("ايران", {"to-trump"}),
    ],
)
def test_queries(corpus: Corpus, query: str, expected: set[str]) -> None:
    assert set(found(corpus, query)) == expected


def test_proclitics_are_found_and_hits_skip_them(corpus: Corpus) -> None:
    results = {r.info.id: r for r in corpus.search("ترامب")}
    for article_id in ("and-trump", "to-trump"):
        text = corpus[article_id].text
        hit = results[article_id].hits[0]
        assert text[hit.start : hit.end] == hit.text == "ترامب"
        assert text[hit.start - 1] in "ول"


def test_a_definite_word_behind_li_loses_its_alef() -> None:
    corpus = Corpus([Article("a", "قدم الوزير التقرير للرئيس أمس.")])
    [result] = corpus.search("الرئيس")
    [hit] = result.hits
    assert hit.text == "لرئيس" and corpus["a"].text[hit.start - 1 : hit.end] == "للرئيس"
    assert proclitic_forms("رئيس")["للرئيس"] == 2


def test_a_word_does_not_find_a_longer_word_it_ends() -> None:
    assert Corpus([Article("a", "وصل الوزير.")]).search("زير") == []


def test_ranking_is_relevance_then_newest(corpus: Corpus) -> None:
    results = corpus.search("ترامب")
    scores = [r.score for r in results]
    assert scores == sorted(scores, reverse=True)
    twice = Corpus(
        [
            Article("old", "خبر عن ترامب.", published="2018-01-01"),
            Article("new", "خبر عن ترامب.", published="2018-06-01"),
            Article("more", "ترامب ثم ترامب.", published="2017-01-01"),
        ]
    )
    assert [r.info.id for r in twice.search("ترامب")] == ["more", "new", "old"]


def test_filters_narrow_a_search(corpus: Corpus) -> None:
    assert set(found(corpus, "ترامب", since=date(2018, 5, 1))) == {"trump", "to-trump"}
    assert found(corpus, "ترامب", until=date(2018, 3, 31)) == ["russia"]
    assert found(corpus, "ماكرون", outlet="france 24") == ["marked"]
    assert corpus.search("ماكرون", limit=1)[0].info.id in {"marked", "and-trump"}


def test_snippet_shows_the_first_hit() -> None:
    text = " ".join(["كلمة"] * 60) + " ترامب " + " ".join(["أخرى"] * 60)
    [result] = Corpus([Article("a", text)]).search("ترامب")
    snippet = result.snippet
    assert snippet.start <= result.hits[0].start < result.hits[0].end <= snippet.end
    assert snippet.text == text[snippet.start : snippet.end]
    assert str(snippet).startswith("…كلمة") and str(snippet).endswith("أخرى…")
    assert len(snippet.text) < 220


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"البيت الأبيض', "a quote is not closed"),
        ("OR ترامب", "OR needs a word on each side"),
        ("ترامب OR", "OR needs a word on each side"),
        ("ترامب OR OR روسيا", "OR needs a word on each side"),
        ("-روسيا", "nothing to search for: only excluded words"),
        ("", "nothing to search for"),
        ("، .", "nothing to search for"),
        ("ترامب OR -روسيا", "an excluded word cannot be part of OR"),
        ("ت*", "a prefix needs at least 2 letters before '*'"),
        ("تر*مب", "'*' may only end a word (prefix*)"),
        ('-""', "'-' needs a word after it"),
    ],
)
def test_query_errors_are_one_line(corpus: Corpus, query: str, message: str) -> None:
    with pytest.raises(QueryError) as error:
        corpus.search(query)
    assert str(error.value) == message


# -- equivalences ----------------------------------------------------------------------------

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
HAMZA_FORMS = "اأإآٱ"
PROCLITICS = ["و", "ف", "ب", "ل", "ك", "ال", "وال", "فب", "وب", "لل", "بال", "وك", "فال"]

#: An article none of whose words a query made of LETTERS can find: each has a hamza letter.
UNMATCHABLE = "سؤال بريء لشيء جزئي."
#: Plain letters: the test changes a word's marks, letter forms and proclitics itself.
words = st.text(LETTERS, min_size=2, max_size=7)


def with_harakat(word: str, marks: list[str]) -> str:
    return (
        "".join(letter + mark for letter, mark in zip(word, marks, strict=False))
        + word[len(marks) :]
    )


def with_letter_forms(word: str, choices: list[int]) -> str:
    """Each alef written in a hamza form, a final ي as ى and a final ه as ة."""
    letters = [
        HAMZA_FORMS[choices[n % len(choices)]] if letter == "ا" else letter
        for n, letter in enumerate(word)
    ]
    letters[-1] = {"ي": "ى", "ه": "ة"}.get(letters[-1], letters[-1])
    return "".join(letters)


def test_no_word_of_the_unmatchable_article_is_made_of_plain_letters() -> None:
    assert all(set(search_key(word)) - set(LETTERS) for word in UNMATCHABLE[:-1].split())


@settings(deadline=None)  # each example builds an index: 250 ms for one under load 10
@given(
    text_words=st.lists(words, min_size=1, max_size=25),
    pick=st.integers(min_value=0),
    marks=st.lists(st.sampled_from(HARAKAT + "\u0640"), max_size=7),
    forms=st.lists(st.integers(min_value=0, max_value=4), min_size=1, max_size=7),
    proclitic=st.sampled_from(["", *PROCLITICS]),
    marked_query=st.booleans(),
)
def test_any_word_is_found_in_any_of_its_forms(
    text_words: list[str],
    pick: int,
    marks: list[str],
    forms: list[int],
    proclitic: str,
    marked_query: bool,
) -> None:
    """Searching a word of an article, with harakat added or hamza forms changed (in the text or
    in the query) or a proclitic attached (in the text), finds the article, and a hit points at
    that word in the canonical text."""
    target = pick % len(text_words)
    word = text_words[target]
    assume(not word.startswith("ال") and not (proclitic.endswith("ل") and word.startswith("ل")))
    written = proclitic + with_letter_forms(word, forms)
    if not marked_query:
        written = with_harakat(written, marks)
    text_words = [*text_words[:target], written, *text_words[target + 1 :]]
    text = " ".join(text_words) + "."
    query = with_harakat(word, marks) if marked_query else with_letter_forms(word, forms)
    corpus = Corpus([Article("other", UNMATCHABLE), Article("it", text)])

    results = corpus.search(query)

    assert [r.info.id for r in results] == ["it"]
    start = len(" ".join(text_words[:target])) + (1 if target else 0)
    end = start + len(written)
    assert any(
        hit.end == end and start <= hit.start and search_key(hit.text) == search_key(word)
        for hit in results[0].hits
    )
    assert all(text[hit.start : hit.end] == hit.text for hit in results[0].hits)


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ("ترا", "ترا*"),
        ("ترامب ", "ترامب"),
        ("ت", ""),  # one letter behind a proclitic is a common word (لت، فت...)
        ("ترامب ا", "ترامب"),
        ("ترامب OR ا", "ترامب"),
        ("ترامب -ر", "ترامب"),
        ("ترامب و ", "ترامب و"),  # a word ended by a space is looked for
        ("رقم 2", "رقم 2"),  # and a number
        ("رقم ٢", "رقم ٢"),
        ("تر", "تر"),  # two letters match half an archive: a word until a third
        ("الرئ", "الرئ"),  # ال is not counted
        ("الرئي", "الرئي*"),
        ("ماكرون ال", "ماكرون ال"),
        ('"البيت الأبيض"', '"البيت الأبيض"'),
        ("ترامب -روس", "ترامب -روس"),
        ("ماك*", "ماك*"),
    ],
)
def test_a_query_being_typed_ends_in_a_prefix(typed: str, query: str) -> None:
    from annotations.corpus import as_typed

    assert as_typed(typed) == query


#: Letters, marks, digits and joiners of Arabic, and what folding could change or join across
#: words: presentation forms (one is a whole phrase), Latin and Greek case, Hangul jamo.
FOLDED = (
    "ابتةىأإآٱءؤئلمنوي"
    "\u064b\u064e\u0650\u0651\u0652\u0670\u0640"
    "٠١٢٣٤٥٦٧٨٩۰۹0129"
    "\u200c\u200d'’_-.،؛ \n\t"
    "\ufe8d\ufe91\ufef5\ufe70\ufdfa"
    "AbΣςßİ\u0301\u1100\u1161"
)


@given(st.text(alphabet=FOLDED, max_size=60))
def test_a_text_is_keyed_as_its_words_are_one_by_one(text: str) -> None:
    words = WORD_RE.findall(text)
    keys = [key for key in map(search_key, words) if key]
    assert index_text(text) == (" ".join(keys), len(words))
