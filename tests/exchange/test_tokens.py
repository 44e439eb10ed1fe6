"""Token indices of spans agree with a brute-force search over the tokens."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotations.arabic import tokenize
from annotations.exchange.tokens import TokenIndex, prodigy_tokens

TEXTS = st.text(alphabet="بيت علىَ، «»\n😀ـ.12", max_size=40)


@given(TEXTS, st.data())
def test_covering_matches_brute_force(text: str, data) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for index in (TokenIndex.words(text), TokenIndex.words_and_marks(text)):
        places = zip(index.starts, index.ends, strict=True)
        overlapping = [n for n, (a, b) in enumerate(places) if a < end and b > start]
        expected = (overlapping[0], overlapping[-1]) if overlapping else (None, None)
        assert index.covering(start, end) == expected


@given(TEXTS)
def test_words_match_the_shared_tokenizer(text: str) -> None:
    index = TokenIndex.words(text)
    assert list(zip(index.starts, index.ends, strict=True)) == [
        (t.start, t.end) for t in tokenize(text)
    ]


@given(TEXTS)
def test_prodigy_tokens_cover_every_non_space_character(text: str) -> None:
    tokens = prodigy_tokens(TokenIndex.words_and_marks(text))
    covered = {i for t in tokens for i in range(t["start"], t["end"])}
    assert covered == {i for i, c in enumerate(text) if not c.isspace()}
    assert all(t["ws"] == (t["end"] < len(text) and text[t["end"]].isspace()) for t in tokens)
