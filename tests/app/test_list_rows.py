"""The list's rows: a filter's rows read from the sorted rows are the rows a fresh filter and
sort give, and a filter passing most rows reads only the rows asked for."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from annotations.session import StoreStats
from tui.screens.list_rows import SORT_KEYS, Row, ShownRows, SortedRows


def make_rows(values: list[tuple[str, int | None, int]]) -> list[Row]:
    """Rows in load order: a title, an entity count and a number of claims each."""
    return [
        Row(
            SimpleNamespace(id=f"a{n}", title=title, outlet=None, day=None),
            StoreStats(claims=claims),
            entities=entities,
        )
        for n, (title, entities, claims) in enumerate(values)
    ]


row_values = st.tuples(st.sampled_from("ابت"), st.none() | st.integers(0, 3), st.integers(0, 2))


@given(
    st.lists(row_values, max_size=40),
    st.sampled_from([None, "title", "entities", "claims"]),
    st.booleans(),
    st.data(),
)
def test_a_filter_shows_what_a_fresh_filter_and_sort_show(values, column, reverse, data) -> None:
    rows = make_rows(values)
    ids = [row.article.id for row in rows]
    passing = data.draw(
        st.none() | st.sets(st.sampled_from([*ids, "gone"]) if ids else st.just("gone"))
    )
    fresh = [row for row in rows if passing is None or row.article.id in passing]
    if column is not None:
        fresh.sort(key=SORT_KEYS[column], reverse=reverse)
    shown = ShownRows(SortedRows(rows, column, reverse), passing)
    asked = data.draw(
        st.lists(st.integers(-len(fresh), len(fresh) - 1), max_size=5) if fresh else st.just([])
    )
    assert [shown[index] for index in asked] == [fresh[index] for index in asked]
    assert len(shown) == len(fresh)
    assert list(shown) == fresh
    for place, row in enumerate(fresh):
        assert shown.position(row.article.id) == place
    assert all(shown.position(i) is None for i in ids if i not in {r.article.id for r in fresh})


class CountedReads(list):
    """A list that counts the items read from it."""

    reads = 0

    def __getitem__(self, index):
        CountedReads.reads += 1
        return super().__getitem__(index)


def test_a_filter_passing_most_rows_reads_only_the_rows_asked_for() -> None:
    rows = make_rows([("ا", None, 0)] * 1000)
    order = SortedRows(rows, None, False)
    order.rows = CountedReads(order.rows)
    passing = {row.article.id for row in rows} - {"a3"}
    shown = ShownRows(order, passing)
    assert len(shown) == 999
    assert [shown[n].article.id for n in range(30)] == [f"a{n}" for n in range(31) if n != 3]
    assert CountedReads.reads == 31
    assert shown.position("a40") == 39 and CountedReads.reads == 41
