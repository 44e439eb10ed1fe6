"""One native line read into store records, whole or not at all.

Every field is checked as the schema says (`annotations.store.checks`), every reference is
resolved inside the line or in the database, and the line is parsed by orjson (valid UTF-8, no
lone surrogate, nested at most 1,024 deep) after a size check: a bad line raises ValueError with
the reason, never anything else.

Ids are local to a record (article, annotator): a line may call its span `s1` like every other
line. The stored id is derived from (table, article, annotator, local id), so importing the same
line again gives the same ids, and the local id is kept as `local_id` for the export. A local id
that already names a stored record of the same article and annotator (a line exported from this
database) stands for that record.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

import orjson

from annotations.exchange.reviewed_entities import decisions_from_field, is_derived
from annotations.model import (
    STATUSES,
    ArticleLookup,
    ArticleStatus,
    Attribution,
    Claim,
    Quote,
    Record,
    Relation,
    Span,
    StoryDecision,
    TextSource,
    anchor,
    check_span,
    key_id,
    new_span,
    now,
)
from annotations.store.checks import field_problem, is_id
from annotations.store.reanchor import FoldedText, locate

MAX_LINE_BYTES = 64 * 1024 * 1024
SHA256 = re.compile(r"^[0-9a-f]{64}$")
#: The fields a record needs besides the others the schema allows.
REQUIRED = {
    "spans": ("id", "layer", "label", "start", "end"),
    "relations": ("id", "head", "child", "label"),
    "attributions": ("id",),
    "claims": ("id", "span"),
}
LINE_FIELDS: dict[str, Callable[[Any], bool]] = {
    "schema": lambda v: v == {"id": "rawi-native", "version": 1},
    "article_id": is_id,
    "annotator": is_id,
    "text": lambda v: isinstance(v, str),
    "text_sha256": lambda v: isinstance(v, str) and SHA256.match(v) is not None,
    "offset_unit": lambda v: v == "codepoint",
    "meta": lambda v: isinstance(v, dict),
    "status": lambda v: v in STATUSES,
    "created": lambda v: field_problem("spans", {"created": v}) is None,
    "updated": lambda v: field_problem("spans", {"updated": v}) is None,
    **{table: lambda v: isinstance(v, list) for table in REQUIRED},
    "entity_decisions": lambda v: isinstance(v, list),
    "story": lambda v: (
        isinstance(v, dict)
        and {"joins"} <= v.keys() <= {"joins", "updated"}
        and (v["joins"] is None or is_id(v["joins"]))
        and field_problem("spans", {"updated": v.get("updated", "")}) is None
    ),
}

#: The stored record of (table, id), or None.
Saved = Callable[[str, str], Any]


def no_database(table: str, record_id: str) -> None:
    """A `Saved` for an empty database."""
    return None


@dataclass
class ReadLine:
    """A line's records, its annotator, and what was done to fit it (per span re-anchored)."""

    annotator: str
    records: list[Record]
    notes: list[str] = field(default_factory=list)


def imported_id(table: str, article_id: str, annotator: str, local: str) -> str:
    """The stored id of the record a file calls `local` in `table` of (article, annotator)."""
    return key_id(table, article_id, annotator, local)


def parse_line(line: bytes | str) -> dict[str, Any]:
    """The JSON object of one line; ValueError when too long, not UTF-8, too deep or not JSON."""
    if len(line) > MAX_LINE_BYTES:
        raise ValueError(f"the line is longer than {MAX_LINE_BYTES // 2**20} MB")
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error})") from None
    if not isinstance(data, dict):
        raise ValueError("a line must be a JSON object")
    return data


def from_native(line: bytes | str, articles: ArticleLookup, saved: Saved = no_database) -> ReadLine:
    """The records of one native line; ValueError with the reason when any part is bad."""
    data = parse_line(line)
    for name, value in data.items():
        check = LINE_FIELDS.get(name)
        if check is None:
            raise ValueError(f"unknown field {name!r}")
        if not check(value):
            raise ValueError(f"`{name}` is malformed")
    for name in ("article_id", "annotator"):
        if name not in data:
            raise ValueError(f"missing field {name!r}")
    reader = _LineReader(data, articles, saved)
    records = reader.records()
    return ReadLine(data["annotator"], records, reader.notes)


@dataclass(frozen=True)
class _GivenText:
    """An article known only from the `text` of an imported line."""

    id: str
    text: str

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


class _LineReader:
    """The records of one checked line, with its ids mapped to stored ids."""

    def __init__(self, data: dict[str, Any], articles: ArticleLookup, saved: Saved) -> None:
        self.data = data
        self.article_id: str = data["article_id"]
        self.annotator: str = data["annotator"]
        self.saved = saved
        self.target, self.written = _texts(data, self.article_id, articles)
        self.ids: dict[str, dict[str, str]] = {table: {} for table in REQUIRED}
        self.notes: list[str] = []

    def records(self) -> list[Record]:
        """The line's records; its derived entities (recomputed by every export) are left
        out and the decisions behind them kept."""
        items = {table: self._items(table) for table in REQUIRED}
        items["spans"] = [item for item in items["spans"] if not is_derived(item)]
        for table, group in items.items():
            for item in group:
                self._declare(table, item["id"])
        records: list[Record] = [self._span(item) for item in items["spans"]]
        records += [self._relation(item) for item in items["relations"]]
        records += [self._attribution(item) for item in items["attributions"]]
        records += [self._claim(item) for item in items["claims"]]
        if status := self._status():
            records.append(status)
        if story := self._story():
            records.append(story)
        records += decisions_from_field(
            self.data.get("entity_decisions", []), self.annotator, self.article_id
        )
        return records

    # -- ids ---------------------------------------------------------------------------------

    def _items(self, table: str) -> list[dict[str, Any]]:
        items = self.data.get(table, [])
        for item in items:
            if not isinstance(item, dict):
                raise ValueError(f"{table} must be JSON objects")
            name = f"{table[:-1]} {item.get('id')!r}"
            if missing := [f for f in REQUIRED[table] if f not in item]:
                raise ValueError(f"{name}: missing field {missing[0]!r}")
            if problem := field_problem(table, item):
                raise ValueError(f"{name}: {problem}")
        return items

    def _declare(self, table: str, local: str) -> None:
        if local in self.ids[table]:
            raise ValueError(f"{table[:-1]} id {local!r} appears twice in the line")
        self.ids[table][local] = self._stored_id(table, local)

    def _stored_id(self, table: str, local: str) -> str:
        record = self.saved(table, local)
        if record is not None and (record.article_id, record.annotator) == (
            self.article_id,
            self.annotator,
        ):
            return local
        return imported_id(table, self.article_id, self.annotator, local)

    def _ref(self, table: str, local: str, owner: str) -> str:
        """The stored id of `local`, declared in the line or already saved."""
        if local in self.ids[table]:
            return self.ids[table][local]
        stored = self._stored_id(table, local)
        if self.saved(table, stored) is None:
            raise ValueError(
                f"{owner} names {table[:-1]} {local!r}, which is neither in the line nor saved "
                f"for {self.annotator} on this article"
            )
        return stored

    def _own(self, table: str, local: str) -> dict[str, Any]:
        stored = self.ids[table][local]
        return {
            "id": stored,
            "local_id": None if stored == local else local,
            "article_id": self.article_id,
            "annotator": self.annotator,
            "text_sha256": self.target.sha256,
        }

    # -- records -----------------------------------------------------------------------------

    def _span(self, item: dict[str, Any]) -> Span:
        own = self._own("spans", item["id"])
        stamps = _stamps(item)
        written = self.written or self.target
        if self.written is None:  # another text, known only by the span's quote
            if "quote" not in item:
                raise ValueError(
                    f"article {self.article_id!r}: text_sha256 differs from the corpus text and "
                    "the line has neither its text nor span quotes to re-anchor by"
                )
            span = Span(
                **own,
                layer=item["layer"],
                label=item["label"],
                start=item["start"],
                end=item["end"],
                text=item["quote"]["exact"],
                quote=Quote(**item["quote"]),
                origin=item.get("origin", "import"),
                attrs=dict(item.get("attrs") or {}),
                **stamps,
            )
            check_span(span)
        else:
            try:
                span = new_span(
                    written,
                    item["layer"],
                    item["label"],
                    item["start"],
                    item["end"],
                    annotator=self.annotator,
                    origin=item.get("origin", "import"),
                    attrs=item.get("attrs"),
                    id=own["id"],
                    local_id=own["local_id"],
                    **stamps,
                )
            except ValueError as error:
                raise ValueError(f"span {item['id']!r}: {error}") from None
            if "text" in item and item["text"] != span.text:
                raise ValueError(
                    f"span {item['id']!r}: its text differs from the article at its offsets"
                )
        return span if self.written is self.target else self._reanchor(span, item["id"])

    def _reanchor(self, span: Span, local: str) -> Span:
        place = locate(span, self.target.text, self._folded)
        if place is None:
            raise ValueError(
                f"span {local!r} cannot be found in the corpus text of article "
                f"{self.article_id!r} (the line was written against another text)"
            )
        before = (span.start, span.end)
        span = anchor(replace(span, start=place[0], end=place[1]), self.target)
        where = (
            "at the same offsets" if place == before else f"from {list(before)} to {list(place)}"
        )
        self.notes.append(f"span {local!r} re-anchored in the corpus text {where}")
        return span

    @cached_property
    def _folded(self) -> FoldedText:
        return FoldedText(self.target.text)

    def _relation(self, item: dict[str, Any]) -> Relation:
        name = f"relation {item['id']!r}"
        return Relation(
            **self._own("relations", item["id"]),
            head=self._ref("spans", item["head"], name),
            child=self._ref("spans", item["child"], name),
            label=item["label"],
            **_stamps(item),
        )

    def _attribution(self, item: dict[str, Any]) -> Attribution:
        name = f"attribution {item['id']!r}"
        spans = {
            part: None if item.get(part) is None else self._ref("spans", item[part], name)
            for part in ("source", "cue")
        }
        content = tuple(self._ref("spans", s, name) for s in item.get("content", ()))
        if not (spans["source"] or spans["cue"] or content):
            raise ValueError(f"{name}: an attribution needs at least one span")
        nested_in = item.get("nested_in")
        if nested_in == item["id"]:
            raise ValueError(f"{name}: nested in itself")
        return Attribution(
            **self._own("attributions", item["id"]),
            **spans,
            content=content,
            type=item.get("type", "assertion"),
            nested_in=None if nested_in is None else self._ref("attributions", nested_in, name),
            **_stamps(item),
        )

    def _claim(self, item: dict[str, Any]) -> Claim:
        name = f"claim {item['id']!r}"
        attribution = item.get("attribution")
        attributes = {
            k: v
            for k, v in item.items()
            if k not in ("id", "span", "attribution", "created", "updated")
        }
        return Claim(
            **self._own("claims", item["id"]),
            span=self._ref("spans", item["span"], name),
            attribution=None
            if attribution is None
            else self._ref("attributions", attribution, name),
            **attributes,
            **_stamps(item),
        )

    def _status(self) -> ArticleStatus | None:
        """The line's status, unless another is saved already (the saved one is kept)."""
        status = self.data.get("status")
        if status is None:
            return None
        record = ArticleStatus(
            self.article_id, self.annotator, status, self.data.get("updated") or now()
        )
        saved = self.saved("status", record.id)
        if saved is None and status == "todo":  # the default: nothing to save
            return None
        if saved is not None and saved.status != status:
            self.notes.append(f"status {status!r} not taken: {saved.status!r} is saved")
            return None
        return record

    def _story(self) -> StoryDecision | None:
        """The line's story decision, unless another is saved already (the saved one is kept)."""
        item = self.data.get("story")
        if item is None:
            return None
        if item["joins"] == self.article_id:
            raise ValueError("`story` joins the line's own article")
        record = StoryDecision(
            self.article_id, self.annotator, item["joins"], item.get("updated") or now()
        )
        saved = self.saved("story_decisions", record.id)
        if saved is not None and saved.joins != record.joins:
            self.notes.append(f"story decision not taken: another is saved ({saved.joins!r})")
            return None
        return saved or record


def _texts(
    data: dict[str, Any], article_id: str, articles: ArticleLookup
) -> tuple[TextSource, TextSource | None]:
    """(the text to anchor in, the text the line was written against: None when unknown)."""
    given = None if "text" not in data else _GivenText(article_id, data["text"])
    sha = data.get("text_sha256")
    if given is not None and sha not in (None, given.sha256):
        raise ValueError("text_sha256 is not the SHA-256 of the line's text")
    corpus = articles(article_id)
    if corpus is None:
        if given is None:
            raise ValueError(
                f"article {article_id!r} is not in the corpus and the line has no text"
            )
        return given, given
    if given is not None:
        return corpus, corpus if given.sha256 == corpus.sha256 else given
    return corpus, corpus if sha in (None, corpus.sha256) else None


def _stamps(item: dict[str, Any]) -> dict[str, str]:
    created = item.get("created") or now()
    return {"created": created, "updated": item.get("updated") or created}
