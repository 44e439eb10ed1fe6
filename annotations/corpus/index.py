"""The corpus index: a SQLite database of a corpus's articles, their texts and search keys.

It is a cache: everything in it is made again from the corpus files, and annotations never go
into it. Tables: `meta` (what made the index), `files` (each source file with the size, time and
limit it was read with, and the warnings reading it gave), `articles` (metadata in load order),
`texts` (canonical text and what cleaning removed) and `search` (an FTS5 table without content
over each article's search keys, see `search_keys`). An article's rowid is the same in
`articles`, `texts` and `search`.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import weakref
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from annotations.corpus.article import Article, Removal
from annotations.corpus.records import Prepared
from annotations.corpus.search_keys import field_key, index_text

SCHEMA_VERSION = 1
#: "rawi" in ASCII, in the database header: a SQLite file without it is not one of ours.
APPLICATION_ID = 0x72617769
#: Load order: a file's position in the corpus, then the record's line.
_ORDER_STRIDE = 1 << 32
_INFO_COLUMNS = "id, title, outlet, url, published, category, words, sha256, source, day"
#: Bytes of search keys FTS5 holds before writing them (its default is 1 MB): fewer, larger
#: writes while an index is built (inserting ANT's keys: 0.19 -> 0.09 ms of CPU per article).
PENDING_KEYS = 32 << 20

_INSERT_ARTICLE = (
    "INSERT INTO articles (id, file, seq, ord, title, outlet, url, published, category, "
    "outlet_key, category_key, day, words, sha256, source) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_SCHEMA = f"""
PRAGMA application_id = {APPLICATION_ID};
PRAGMA user_version = {SCHEMA_VERSION};
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    max_bytes INTEGER NOT NULL,
    warnings TEXT NOT NULL
);
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    file INTEGER REFERENCES files (id),
    seq INTEGER NOT NULL,
    ord INTEGER NOT NULL,
    title TEXT NOT NULL,
    outlet TEXT,
    url TEXT,
    published TEXT,
    category TEXT,
    outlet_key TEXT,
    category_key TEXT,
    day TEXT,
    words INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE INDEX articles_ord ON articles (ord);
CREATE INDEX articles_file ON articles (file);
CREATE INDEX articles_outlet ON articles (outlet_key, ord);
CREATE INDEX articles_category ON articles (category_key, ord);
CREATE INDEX articles_day ON articles (day);
CREATE TABLE texts (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL, removed TEXT NOT NULL);
CREATE VIRTUAL TABLE search USING fts5 (keys, content='', tokenize='ascii');
INSERT INTO search (search, rank) VALUES ('hashsize', {PENDING_KEYS});
"""


class IndexDamaged(Exception):
    """The index file is damaged or not a rawi corpus index: never trusted."""


class IndexOutdated(IndexDamaged):
    """The index was made by another schema or other code: made again."""


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What the index knows of an article without reading its text."""

    id: str
    title: str
    outlet: str | None
    url: str | None
    published: str | None
    category: str | None
    words: int
    sha256: str
    source: str
    #: The day it was published on (YYYY-MM-DD) when `published` reads as a date.
    day: str | None = None


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A corpus file as the index last read it."""

    path: str
    size: int
    mtime_ns: int
    max_bytes: int
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles: of an outlet, of a category, published in a date range (inclusive)."""

    outlet: str | None = None
    category: str | None = None
    since: date | None = None
    until: date | None = None

    def sql(self) -> tuple[str, list[Any]]:
        """A condition on `articles` (as `a`) and its parameters."""
        clauses, parameters = ["1"], []
        for column, value in (("outlet_key", self.outlet), ("category_key", self.category)):
            if value:
                clauses.append(f"a.{column} = ?")
                parameters.append(field_key(value))
        for operator, day in ((">=", self.since), ("<=", self.until)):
            if day:
                clauses.append(f"a.day {operator} ?")
                parameters.append(day.isoformat())
        return " AND ".join(clauses), parameters


class ArticleIndex:
    """One corpus index, in a file or in memory. Safe to share between threads."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None) -> None:
        self._db = connection
        # A connection is freed only by the cycle collector (its statement cache refers back to
        # it): closed here as soon as the index is dropped, so its file locks go with it.
        self.close = weakref.finalize(self, connection.close)
        self._lock = threading.RLock()
        #: Article ids by rowid, for `matching_ids` (None: to read again).
        self._names: dict[int, str] | None = None
        #: The database file; None in memory.
        self.path = path

    @classmethod
    def in_memory(cls) -> ArticleIndex:
        connection = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        connection.executescript(_SCHEMA)
        return cls(connection, None)

    @classmethod
    def open(cls, path: Path, fingerprint: str) -> ArticleIndex:
        """The index in `path`, created when missing (hold `lock(path)`); `IndexDamaged` when it
        cannot be trusted, `IndexOutdated` when `fingerprint` (the code that made the texts and
        keys) or the schema differ.
        """
        try:
            connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        except sqlite3.Error as error:
            raise IndexDamaged(str(error)) from None
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            if connection.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0] == 0:
                connection.executescript(_SCHEMA)
                connection.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fingerprint,))
            _check(connection, fingerprint)
        except sqlite3.Error as error:
            connection.close()
            raise IndexDamaged(str(error)) from None
        except IndexDamaged:
            connection.close()
            raise
        return cls(connection, path)

    # -- files -----------------------------------------------------------------------------

    def files(self) -> dict[str, SourceFile]:
        """The source files indexed, by path."""
        rows = self._all("SELECT path, size, mtime_ns, max_bytes, warnings FROM files", ())
        return {
            path: SourceFile(path, size, mtime, limit, tuple(json.loads(warnings)))
            for path, size, mtime, limit, warnings in rows
        }

    @contextmanager
    def writing(self) -> Iterator[None]:
        """One transaction: every change inside it is seen by readers at once, or not at all."""
        with self._lock:
            self._names = None
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def remove_file(self, path: str) -> None:
        """Forget a file and its articles (inside `writing`)."""
        row = self._db.execute("SELECT id FROM files WHERE path = ?", (path,)).fetchone()
        if row is None:
            return
        rowids = [r for (r,) in self._db.execute("SELECT rowid FROM articles WHERE file = ?", row)]
        self._forget(rowids)
        self._db.execute("DELETE FROM files WHERE id = ?", row)

    def add_file(self, source: SourceFile, position: int) -> int:
        """Record a file about to be read (inside `writing`); returns its id."""
        cursor = self._db.execute(
            "INSERT INTO files (path, position, size, mtime_ns, max_bytes, warnings) "
            "VALUES (?, ?, ?, ?, ?, '[]')",
            (source.path, position, source.size, source.mtime_ns, source.max_bytes),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def set_file_warnings(self, file: int, warnings: Sequence[str]) -> None:
        self._db.execute(
            "UPDATE files SET warnings = ? WHERE id = ?", (json.dumps(list(warnings)), file)
        )

    def set_positions(self, paths: Sequence[str]) -> None:
        """Put the files in the order of `paths` (inside `writing`), renumbering their articles'
        load order where it changed."""
        wanted = {path: position for position, path in enumerate(paths)}
        rows = self._db.execute("SELECT id, path, position FROM files").fetchall()
        for file, path, position in rows:
            if wanted.get(path, position) != position:
                self._db.execute("UPDATE files SET position = ? WHERE id = ?", (wanted[path], file))
                self._db.execute(
                    "UPDATE articles SET ord = ? * ? + seq WHERE file = ?",
                    (wanted[path], _ORDER_STRIDE, file),
                )

    def add(self, prepared: Prepared, file: int | None = None, seq: int = 0) -> str:
        """Store an article (inside `writing` when `file` is given); returns its id, made
        unique with a numeric suffix when it is taken."""
        article = prepared.article
        if file is None:
            last = self._db.execute("SELECT max(ord) FROM articles").fetchone()[0]
            order = 0 if last is None else last + 1
        else:
            position = self._db.execute("SELECT position FROM files WHERE id = ?", (file,))
            order = position.fetchone()[0] * _ORDER_STRIDE + seq
        row = [
            article.id,
            file,
            seq,
            order,
            article.title,
            article.outlet,
            article.url,
            article.published,
            article.category,
            prepared.outlet_key,
            prepared.category_key,
            prepared.day,
            prepared.words,
            prepared.sha256,
            article.source,
        ]
        try:
            cursor = self._db.execute(_INSERT_ARTICLE, row)
        except sqlite3.IntegrityError:  # the id is taken
            row[0] = self._free_id(article.id)
            cursor = self._db.execute(_INSERT_ARTICLE, row)
        rowid = cursor.lastrowid
        self._db.execute(
            "INSERT INTO texts VALUES (?, ?, ?)", (rowid, article.text, prepared.removed)
        )
        self._db.execute("INSERT INTO search (rowid, keys) VALUES (?, ?)", (rowid, prepared.keys))
        return row[0]

    def add_article(self, prepared: Prepared) -> str:
        """`add` in a transaction of its own, for an article that comes from no file."""
        with self.writing():
            return self.add(prepared)

    def note(self, key: str) -> str | None:
        """A value other code keeps with the index (see `set_note`), or None."""
        row = self._one("SELECT value FROM meta WHERE key = ?", (f"note:{key}",))
        return None if row is None else row[0]

    def set_note(self, key: str, value: str) -> None:
        """Keep `value` with the index under `key` until the index is rebuilt."""
        with self.writing():
            self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (f"note:{key}", value))

    def optimize(self) -> None:
        """Merge the search index into one segment (after a large build: faster queries)."""
        with self._lock:
            self._db.execute("INSERT INTO search (search) VALUES ('optimize')")

    def _free_id(self, wanted: str) -> str:
        taken = "SELECT 1 FROM articles WHERE id = ?"
        number = 2
        while self._db.execute(taken, (f"{wanted}-{number}",)).fetchone():
            number += 1
        return f"{wanted}-{number}"

    def _forget(self, rowids: list[int]) -> None:
        """Delete articles; the search table has no content, so their keys are made again."""
        for rowid in rowids:
            (text,) = self._db.execute(
                "SELECT text FROM texts WHERE rowid = ?", (rowid,)
            ).fetchone()
            self._db.execute(
                "INSERT INTO search (search, rowid, keys) VALUES ('delete', ?, ?)",
                (rowid, index_text(text)[0]),
            )
            self._db.execute("DELETE FROM texts WHERE rowid = ?", (rowid,))
            self._db.execute("DELETE FROM articles WHERE rowid = ?", (rowid,))

    # -- reading ---------------------------------------------------------------------------

    def count(self, where: ArticleFilter | None = None) -> int:
        condition, parameters = (where or ArticleFilter()).sql()
        return self._one(f"SELECT count(*) FROM articles a WHERE {condition}", parameters)[0]

    def ids(self, where: ArticleFilter | None = None) -> list[str]:
        """The ids of the articles passing `where`, in load order."""
        condition, parameters = (where or ArticleFilter()).sql()
        rows = self._all(f"SELECT id FROM articles a WHERE {condition} ORDER BY ord", parameters)
        return [article_id for (article_id,) in rows]

    def has(self, article_id: str) -> bool:
        return self._one("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

    def info(self, article_id: str) -> ArticleInfo | None:
        row = self._one(f"SELECT {_INFO_COLUMNS} FROM articles WHERE id = ?", (article_id,))
        return None if row is None else ArticleInfo(*row)

    def infos(
        self, where: ArticleFilter | None = None, limit: int | None = None
    ) -> list[ArticleInfo]:
        """Articles in load order, passing `where`, at most `limit` of them."""
        condition, parameters = (where or ArticleFilter()).sql()
        rows = self._all(
            f"SELECT {_INFO_COLUMNS} FROM articles a WHERE {condition} ORDER BY ord LIMIT ?",
            [*parameters, -1 if limit is None else limit],
        )
        return [ArticleInfo(*row) for row in rows]

    def infos_by_rowid(self, rowids: Sequence[int]) -> dict[int, ArticleInfo]:
        marks = ", ".join("?" * len(rowids))
        rows = self._all(
            f"SELECT rowid, {_INFO_COLUMNS} FROM articles WHERE rowid IN ({marks})", rowids
        )
        return {rowid: ArticleInfo(*info) for rowid, *info in rows}

    def article(self, article_id: str) -> Article | None:
        """The article with its text, or None; `IndexDamaged` if its text is not what was
        indexed."""
        row = self._one(_ARTICLE_QUERY + " WHERE a.id = ?", (article_id,))
        return None if row is None else _article(row)

    def articles(
        self, first: int | None = None, stop: int | None = None, batch: int = 256
    ) -> Iterator[Article]:
        """The articles with their texts in load order, read `batch` at a time: all of them, or
        those of load positions `first` (inclusive) to `stop` (exclusive; see `partitions`)."""
        after, bound = (None if first is None else first - 1), stop
        while True:
            rows = self._all(
                f"{_ARTICLE_QUERY} WHERE a.ord > coalesce(?, -1) "
                "AND a.ord < coalesce(?, a.ord + 1) ORDER BY a.ord LIMIT ?",
                (after, bound, batch),
            )
            yield from map(_article, rows)
            if len(rows) < batch:
                return
            after = rows[-1][-1]

    def partitions(self, size: int) -> list[tuple[int, int | None]]:
        """The corpus cut into runs of `size` articles in load order, each as (first, stop) load
        positions for `articles` (the last one's stop is None)."""
        firsts = [
            first
            for (first,) in self._all(
                "SELECT ord FROM (SELECT ord, row_number() OVER (ORDER BY ord) - 1 AS n "
                "FROM articles) WHERE n % ? = 0 ORDER BY ord",
                (size,),
            )
        ]
        return list(zip(firsts, [*firsts[1:], None], strict=True))

    def text(self, rowid: int) -> str:
        return self._one("SELECT text FROM texts WHERE rowid = ?", (rowid,))[0]

    def values(self, column: str) -> list[tuple[str, int]]:
        """The distinct values of `outlet` or `category`, with their number of articles."""
        assert column in ("outlet", "category")
        return self._all(
            f"SELECT min({column}), count(*) FROM articles WHERE {column}_key IS NOT NULL "
            f"GROUP BY {column}_key ORDER BY count(*) DESC, min({column})",
            (),
        )

    def ids_near(self, article_id: str, count: int) -> list[str]:
        """Up to `count` ids on each side of `article_id` in sorted order (ignoring case)."""
        near = []
        for operator, direction in (("<", "DESC"), (">=", "ASC")):
            near += self._all(
                f"SELECT id FROM articles WHERE id {operator} ? COLLATE NOCASE "
                f"ORDER BY id COLLATE NOCASE {direction} LIMIT ?",
                (article_id, count),
            )
        return [article_id for (article_id,) in near]

    def match(
        self, expression: str, where: ArticleFilter | None, limit: int
    ) -> list[tuple[int, float]]:
        """(rowid, bm25 score: lower is better) of the best articles matching an FTS5
        expression, by score, then newest first, then in load order."""
        condition, parameters = (where or ArticleFilter()).sql()
        return self._all(
            "SELECT a.rowid, bm25(search) AS score FROM search JOIN articles a "
            f"ON a.rowid = search.rowid WHERE search MATCH ? AND {condition} "
            "ORDER BY score, a.published DESC, a.ord LIMIT ?",
            [expression, *parameters, limit],
        )

    def matching_ids(self, expression: str, where: ArticleFilter | None) -> set[str]:
        """The ids of every article matching an FTS5 expression (unranked: ranking them all
        costs ten times the match). Without `where`, rowids are matched and named from a map
        kept until the next write (joining the articles costs twice the match)."""
        if where is not None and where != ArticleFilter():
            condition, parameters = where.sql()
            rows = self._all(
                "SELECT a.id FROM search JOIN articles a ON a.rowid = search.rowid "
                f"WHERE search MATCH ? AND {condition}",
                [expression, *parameters],
            )
            return {article_id for (article_id,) in rows}
        rowids = self._all("SELECT rowid FROM search WHERE search MATCH ?", [expression])
        names = self._ids_by_rowid()
        if any(rowid not in names for (rowid,) in rowids):  # written by another process
            self._names = None
            names = self._ids_by_rowid()
        return {names[rowid] for (rowid,) in rowids if rowid in names}

    def read_ahead(self) -> None:
        """Read now what the first `matching_ids` would (for a worker to call early)."""
        self._ids_by_rowid()

    def _ids_by_rowid(self) -> dict[int, str]:
        with self._lock:
            if self._names is None:
                self._names = dict(self._db.execute("SELECT rowid, id FROM articles").fetchall())
            return self._names

    def _one(self, sql: str, parameters: Sequence[Any]) -> Any:
        with self._lock:
            return self._db.execute(sql, parameters).fetchone()

    def _all(self, sql: str, parameters: Sequence[Any]) -> list[Any]:
        with self._lock:
            return self._db.execute(sql, parameters).fetchall()

    @staticmethod
    def lock(path: Path) -> AbstractContextManager[Any]:
        """Held while an index file is created or refreshed, so that two processes never do it
        at once."""
        from filelock import FileLock

        return FileLock(path.with_name(path.name + ".lock"))

    def locked(self) -> AbstractContextManager[Any]:
        """`lock` of this index's file (nothing to hold in memory)."""
        return nullcontext() if self.path is None else self.lock(self.path)


_ARTICLE_QUERY = (
    "SELECT a.id, t.text, a.title, a.outlet, a.url, a.published, a.category, a.source, "
    "t.removed, a.sha256, a.ord FROM articles a JOIN texts t ON t.rowid = a.rowid"
)


def _article(row: tuple) -> Article:
    *fields, removed, sha256, _order = row
    article = Article(*fields, removed=tuple(Removal(*r) for r in json.loads(removed)))
    if article.sha256 != sha256:
        raise IndexDamaged(f"the text of article {article.id!r} is not the one indexed")
    return article


def _check(connection: sqlite3.Connection, fingerprint: str) -> None:
    application = connection.execute("PRAGMA application_id").fetchone()[0]
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if application != APPLICATION_ID:
        raise IndexDamaged("not a rawi corpus index")
    if version != SCHEMA_VERSION:
        raise IndexOutdated(f"index schema {version}, this rawi uses {SCHEMA_VERSION}")
    row = connection.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    if row is None or row[0] != fingerprint:
        raise IndexOutdated("made by another version of rawi")
