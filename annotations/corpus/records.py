"""A raw record to an article ready to index: decoded, checked, cleaned, counted and keyed.

`prepare` is a pure function of its arguments, so the index builder may run it in worker
processes. What is wrong with a record comes back as a warning, never as an exception.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import NamedTuple

from annotations.corpus.article import Article
from annotations.corpus.cleaning import clean_page
from annotations.corpus.decoding import UndecodableError, decode
from annotations.corpus.sanitizing import clean_field
from annotations.corpus.search_keys import field_key, index_text
from annotations.corpus.sources import RawRecord

#: Optional string fields of a JSONL record.
OPTIONAL_FIELDS = ("title", "outlet", "url", "published", "category")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class Prepared(NamedTuple):
    """An article with what the index stores beside it (see `ready`)."""

    article: Article
    words: int
    sha256: str
    #: The search keys of its words, separated by spaces.
    keys: str
    #: The day it was published on (YYYY-MM-DD, in its own time zone) when that reads as ISO 8601.
    day: str | None
    outlet_key: str | None
    category_key: str | None
    #: What cleaning removed, as JSON.
    removed: str


def ready(article: Article) -> Prepared:
    """`article` with what the index stores beside it."""
    keys, words = index_text(article.text)
    return Prepared(
        article,
        words,
        article.sha256,
        keys,
        _day(article.published),
        field_key(article.outlet) if article.outlet else None,
        field_key(article.category) if article.category else None,
        json.dumps([[r.reason, r.text] for r in article.removed], ensure_ascii=False),
    )


def prepare(record: RawRecord, limit: int) -> Prepared | str:
    """The article in `record`, or a warning saying why it is skipped."""
    if record.name is not None:
        return _page(record, limit)
    return _json_line(record, limit)


def _page(record: RawRecord, limit: int) -> Prepared | str:
    try:
        raw, _encoding = decode(record.data)
    except UndecodableError as error:
        return f"{record.source}: skipped, {error}"
    if not raw.strip():
        return f"{record.source}: skipped, the file is empty"
    if problem := _too_long(raw, limit):
        return f"{record.source}: skipped, {problem}"
    assert record.name is not None
    article_id = clean_field(record.name)
    if not article_id:
        return f"{record.source}: skipped, its name is empty once control characters are removed"
    return _prepared(article_id, raw, record.source, {}) or (
        f"{record.source}: skipped, nothing is left after removing page boilerplate"
    )


def _json_line(record: RawRecord, limit: int) -> Prepared | str:
    try:
        line = record.data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            line, _encoding = decode(record.data)
        except UndecodableError as error:
            return f"{record.source}: skipped, {error}"
    try:
        fields = json.loads(line)
    except json.JSONDecodeError as error:
        return f"{record.source}: skipped, malformed JSON ({error.msg} at column {error.colno})"
    except RecursionError:
        return f"{record.source}: skipped, the JSON is nested too deeply"
    problem = _record_problem(fields) or _too_long(fields["text"], limit)
    if problem:
        return f"{record.source}: skipped, {problem}"
    article_id = clean_field(str(fields["id"]))
    if not article_id:
        return f'{record.source}: skipped, "id" is empty once control characters are removed'
    return _prepared(article_id, fields["text"], record.source, fields) or (
        f"{record.source}: skipped, the article text is empty"
    )


def _record_problem(fields: object) -> str | None:
    if not isinstance(fields, dict):
        return "the line is not a JSON object"
    article_id = fields.get("id")
    if isinstance(article_id, bool) or not isinstance(article_id, str | int):
        return '"id" is missing or not a string'
    if str(article_id).strip() == "":
        return '"id" is empty'
    if not isinstance(fields.get("text"), str):
        return '"text" is missing or not a string'
    for key in OPTIONAL_FIELDS:
        if fields.get(key) is not None and not isinstance(fields[key], str):
            return f'"{key}" is not a string'
    return None


def _too_long(text: str, limit: int) -> str | None:
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limit:
        return f"{size:,} bytes of text is over the {limit:,}-byte limit per article"
    return None


def _prepared(article_id: str, raw: str, source: str, fields: dict) -> Prepared | None:
    page = clean_page(raw)
    if not page.text:
        return None
    optional = {key: clean_field(fields.get(key) or "") or None for key in OPTIONAL_FIELDS}
    article = Article(
        id=article_id,
        text=page.text,
        title=optional["title"] or clean_field(page.title),
        outlet=optional["outlet"] or page.outlet,
        url=optional["url"],
        published=optional["published"],
        category=optional["category"],
        source=source,
        removed=page.removed,
    )
    return ready(article)


def _day(published: str | None) -> str | None:
    if published and (match := _DAY.match(published)):
        try:
            return date.fromisoformat(match.group()).isoformat()
        except ValueError:
            return None
    return None
