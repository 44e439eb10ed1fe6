"""The article list's rows: what a row shows, the sort keys, and the rows a filter lets through
in the order shown.

An archive's list holds 31k rows and a screen shows thirty. The rows are sorted once per sort
order (`SortedRows`, kept while the order cannot change); a filter's rows are then the sorted
rows whose ids pass (`ShownRows`), with no new sort and no pass over the list: few passing rows
are put in order by their places, and when most rows pass (the first letter of a word) only
the rows the table asks for are looked for.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, overload

from annotations.arabic import match_key
from annotations.session import StoreStats

STATUS_ORDER = {"todo": 0, "in progress": 1, "done": 2}
#: A filter passing at most one row in this many is put in order at once (see `ShownRows`).
SPARSE = 8


@dataclass
class Row:
    """What one row shows; `stats` is None until the database is open, `words` and `entities`
    until counted."""

    article: Any
    stats: StoreStats | None = None
    words: int | None = None
    entities: int | None = None

    def __post_init__(self) -> None:
        article = self.article
        folded = match_key(f"{article.title} {article.outlet or ''} {article.id}")
        #: The title, outlet and id folded, for the filter.
        self.haystack = folded.casefold()


#: Each column's sort key.
SORT_KEYS: dict[str, Callable[[Row], Any]] = {
    "title": lambda row: row.article.title,
    "outlet": lambda row: row.article.outlet or "",
    "date": lambda row: row.article.day or "",
    "words": lambda row: -1 if row.words is None else row.words,
    "entities": lambda row: -1 if row.entities is None else row.entities,
    "claims": lambda row: -1 if row.stats is None else row.stats.claims,
    "sources": lambda row: -1 if row.stats is None else row.stats.sources,
    "status": lambda row: -1 if row.stats is None else STATUS_ORDER.get(row.stats.status, 0),
    "id": lambda row: row.article.id,
}
#: The columns whose values change while the list is shown (counted, or read from the store).
CHANGING = frozenset({"words", "entities", "claims", "sources", "status"})


class SortedRows:
    """All the rows, in load order sorted by `column` (ties keep load order; load order when
    `column` is None)."""

    def __init__(self, rows: Iterable[Row], column: str | None, reverse: bool) -> None:
        self.rows = list(rows)
        if column is not None:
            self.rows.sort(key=SORT_KEYS[column], reverse=reverse)

    @cached_property
    def places(self) -> dict[str, int]:
        """Each article id's place in `rows`."""
        return {row.article.id: place for place, row in enumerate(self.rows)}


class ShownRows(Sequence[Row]):
    """The rows of `order` whose article ids are in `passing` (all of them when it is None),
    in that order.

    A filter passing few rows (at most one in `SPARSE`) has them put in order at once by their
    places; otherwise rows are looked for only as far as they are asked for (the table asks for
    those on screen). Made and read in the app's thread only.
    """

    def __init__(self, order: SortedRows, passing: set[str] | None = None) -> None:
        self._order = order
        self._passing = passing
        #: The places in `order` of the rows found so far (for a filter), and how far it was read.
        self._places: list[int] = []
        self._read = 0
        if passing is None:
            self._found = order.rows
            self._count = len(order.rows)
            return
        places = order.places
        if len(passing) * SPARSE <= len(order.rows):
            self._places = sorted(places[i] for i in passing if i in places)
            self._found = [order.rows[place] for place in self._places]
            self._count = len(self._found)
            self._read = len(order.rows)
        else:
            self._found = []
            self._count = sum(map(places.__contains__, passing))

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...

    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        if isinstance(index, slice):
            return list(self)[index]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        self._find(lambda: len(self._found) > index)
        return self._found[index]

    def __iter__(self) -> Iterator[Row]:
        self._find(lambda: False)
        return iter(self._found)

    def position(self, article_id: str | None) -> int | None:
        """Where the row of `article_id` is shown (None: it is not)."""
        place = self._order.places.get(article_id) if article_id is not None else None
        if place is None or self._passing is None:
            return place
        if article_id not in self._passing:
            return None
        self._find(lambda: self._read > place)
        return bisect_left(self._places, place)

    def _find(self, enough: Callable[[], bool]) -> None:
        """Read `order` on from where it was left, keeping the passing rows, until `enough`."""
        rows, passing, found, places = self._order.rows, self._passing, self._found, self._places
        if passing is None:
            return
        while self._read < len(rows) and not enough():
            row = rows[self._read]
            if row.article.id in passing:
                found.append(row)
                places.append(self._read)
            self._read += 1
