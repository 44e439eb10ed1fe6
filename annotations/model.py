"""The annotation model: plain dataclasses, converted to and from JSON-ready dicts.

Offsets are code points into an article's canonical text, half-open [start, end). Every
article-scoped record keeps the sha256 of the text its offsets point into (`text_sha256`).
Ids are uuid4 hex strings, except where a record is unique by its key (status, entity decisions,
rejected suggestions, story decisions), whose id is derived from that key so that concurrent
writers agree, and for imported records, whose id is derived from (table, article, annotator,
the id in the file): the file's id is kept as `local_id`.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import time
import uuid
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields, replace
from datetime import UTC, datetime
from typing import Any, ClassVar, Literal, Protocol, TypeVar

#: Labels allowed in each span layer.
LAYERS: dict[str, tuple[str, ...]] = {
    "entity": ("PER", "ORG", "LOC", "MISC"),
    "attribution": ("SOURCE", "CUE", "CONTENT"),
    "claim": ("CLAIM",),
}
ENTITY_LABELS = LAYERS["entity"]
#: Every span label, layer by layer, and the layer of each.
LABELS = tuple(label for labels in LAYERS.values() for label in labels)
LAYER_OF = {label: layer for layer, labels in LAYERS.items() for label in labels}
ORIGINS = ("manual", "suggested", "model", "decision", "import")
ATTRIBUTION_TYPES = ("assertion", "belief", "fact", "eventuality")
STATUSES = ("todo", "in progress", "done")
#: A claim's three-valued attributes (true, false or not said).
CLAIM_FLAGS = ("verifiable", "check_worthy", "harmful")
#: The verdicts a claim's form offers unless the config lists others.
DEFAULT_VERDICTS = ("true", "mostly true", "misleading", "false", "unverifiable")
#: The article's stance toward a claim, kept in the CLAIM span's attrs (docs/app.md).
STANCES = ("endorses", "neutral", "distances")
#: The types a relation can have unless the config lists others.
DEFAULT_RELATION_LABELS = ("supports", "contradicts", "same_as", "member_of", "responds_to")
#: Not a relation label: linking a CLAIM to an attribution this way fills `Claim.attribution`.
CLAIM_ATTRIBUTION = "attribution"
QUOTE_CONTEXT = 32

Layer = Literal["entity", "attribution", "claim"]
SpanOrigin = Literal["manual", "suggested", "model", "decision", "import"]
AttributionType = Literal["assertion", "belief", "fact", "eventuality"]
Status = Literal["todo", "in progress", "done"]
#: Where an entity decision applies: one mention, one article, every article.
EntityScope = Literal["mention", "article", "corpus"]
ENTITY_SCOPES: tuple[EntityScope, ...] = ("mention", "article", "corpus")


class TextSource(Protocol):
    """What the store needs from an article (`annotations.corpus.Article` is one)."""

    @property
    def id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def sha256(self) -> str: ...


#: The article with that id, or None when the corpus has none.
ArticleLookup = Callable[[str], TextSource | None]


def now() -> str:
    """The current UTC time as ISO 8601 with microseconds, e.g. `2026-11-23T20:40:00.123456Z`
    (the date and time formatted once a second: an import stamps a hundred thousand records)."""
    seconds, micros = divmod(time.time_ns() // 1000, 1_000_000)
    return f"{_second(seconds)}.{micros:06d}Z"


@functools.lru_cache(maxsize=2)
def _second(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S")


def new_id() -> str:
    """A fresh record id."""
    return uuid.uuid4().hex


_KEY_PREFIX = uuid.NAMESPACE_URL.bytes + b"rawi:"


def key_id(*parts: str) -> str:
    """A record id derived from `parts`, the same in every process: the hex of
    `uuid.uuid5(uuid.NAMESPACE_URL, "rawi:" + "\\x1f".join(parts))`, without building the UUID."""
    digest = bytearray(hashlib.sha1(_KEY_PREFIX + "\x1f".join(parts).encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    return digest.hex()


@dataclass(frozen=True, slots=True)
class Quote:
    """Text-quote selector: the exact text plus up to 32 characters each side."""

    prefix: str
    exact: str
    suffix: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Quote:
        """The quote of `text[start:end]` in `text`."""
        return cls(
            text[max(0, start - QUOTE_CONTEXT) : start],
            text[start:end],
            text[end : end + QUOTE_CONTEXT],
        )


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled stretch of an article. `orphan` is set when re-anchoring could not place it."""

    id: str
    article_id: str
    layer: Layer
    label: str
    start: int
    end: int
    text: str
    quote: Quote
    text_sha256: str
    annotator: str
    origin: SpanOrigin = "manual"
    attrs: dict[str, Any] = field(default_factory=dict)
    created: str = ""
    updated: str = ""
    orphan: bool = False
    #: The id the record had in the file it was imported from (None when made here).
    local_id: str | None = None


def check_span(span: Span) -> None:
    """Raise ValueError unless the span's layer, label and origin are known."""
    if span.label not in LAYERS.get(span.layer, ()):
        raise ValueError(f"label {span.label!r} is not in layer {span.layer!r} ({LAYERS})")
    if span.origin not in ORIGINS:
        raise ValueError(f"origin {span.origin!r} is not one of {ORIGINS}")


def anchor(span: Span, article: TextSource) -> Span:
    """`span` with text, quote and sha taken from `article` at its offsets, after checking them."""
    anchored = _anchoring(article, span.start, span.end)
    check_span(span)
    return replace(span, **anchored)


def _anchoring(article: TextSource, start: int, end: int) -> dict[str, Any]:
    """The fields a span over `article.text[start:end]` takes from the article, the offsets
    checked first."""
    text = article.text
    if not 0 <= start < end <= len(text):
        raise ValueError(f"offsets [{start}, {end}) outside the text (0..{len(text)})")
    return {
        "article_id": article.id,
        "text": text[start:end],
        "quote": Quote.of(text, start, end),
        "text_sha256": article.sha256,
    }


def new_span(
    article: TextSource,
    layer: str,
    label: str,
    start: int,
    end: int,
    *,
    annotator: str,
    origin: str = "manual",
    attrs: dict[str, Any] | None = None,
    id: str | None = None,
    created: str | None = None,
    updated: str | None = None,
    local_id: str | None = None,
) -> Span:
    """A checked span over `article.text[start:end]` (fresh id and timestamps unless given);
    what `anchor` gives, built at once (an import makes a hundred thousand)."""
    anchored = _anchoring(article, start, end)
    stamp = created or now()
    span = Span(
        id=id or new_id(),
        layer=layer,  # type: ignore[arg-type]
        label=label,
        start=start,
        end=end,
        **anchored,
        annotator=annotator,
        origin=origin,  # type: ignore[arg-type]
        attrs=dict(attrs or {}),
        created=stamp,
        updated=updated or stamp,
        local_id=local_id,
    )
    check_span(span)
    return span


@dataclass(frozen=True, slots=True)
class Relation:
    """A labelled link from span `head` to span `child` (span ids)."""

    id: str
    article_id: str
    head: str
    child: str
    label: str
    text_sha256: str
    annotator: str
    created: str = ""
    updated: str = ""
    #: The id the record had in the file it was imported from (None when made here).
    local_id: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """A PARC 3.0 attribution: source, cue and content span ids; `nested_in` an attribution id."""

    id: str
    article_id: str
    source: str | None
    cue: str | None
    content: tuple[str, ...]
    text_sha256: str
    annotator: str
    type: AttributionType = "assertion"
    nested_in: str | None = None
    created: str = ""
    updated: str = ""
    #: The id the record had in the file it was imported from (None when made here).
    local_id: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A claim on span `span` (CLAIM layer) with CheckThat!-style attributes."""

    id: str
    article_id: str
    span: str
    text_sha256: str
    annotator: str
    attribution: str | None = None
    verifiable: bool | None = None
    check_worthy: bool | None = None
    harmful: bool | None = None
    topic: str | None = None
    verdict: str | None = None
    note: str | None = None
    created: str = ""
    updated: str = ""
    #: The id the record had in the file it was imported from (None when made here).
    local_id: str | None = None


@dataclass(frozen=True, slots=True)
class KeyedRecord:
    """A record unique by its key: `KEY` is a tag, then the names of the fields that make the key.

    Its `id` is derived from the key (not passed), the same in every process, so that concurrent
    writers agree on it.
    """

    KEY: ClassVar[tuple[str, ...]] = ()
    id: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "id", self.id_of(**{name: getattr(self, name) for name in self.KEY[1:]})
        )

    @classmethod
    def id_of(cls, **values: Any) -> str:
        """The id of the record whose key fields have these `values` (others are ignored)."""
        tag, *names = cls.KEY
        return key_id(tag, *(values[name] for name in names))


@dataclass(frozen=True, slots=True)
class ArticleStatus(KeyedRecord):
    """How far one annotator got with one article."""

    KEY = ("status", "article_id", "annotator")
    article_id: str
    annotator: str
    status: Status
    updated: str = ""


@dataclass(frozen=True, slots=True)
class EntityDecision(KeyedRecord):
    """The analyst's rule for a matching key: always an entity of type `label`, or never (None).

    Its scope: every article (no `article_id`), one article (`article_id`), or one mention
    (`article_id`, and the mention's token range `start`, `end`). The narrower wins.
    """

    KEY = ("entity", "annotator", "key", "article_id", "start")
    key: str
    label: str | None
    annotator: str
    updated: str = ""
    article_id: str | None = None
    start: int | None = None
    end: int | None = None

    @classmethod
    def id_of(cls, **values: Any) -> str:
        """Every-article decisions keep the id of (annotator, key); narrower ones add the
        article and the mention's start."""
        scope = [values.get("article_id"), values.get("start")]
        extra = [str(value) for value in scope if value is not None]
        return key_id("entity", values["annotator"], values["key"], *extra)

    @property
    def scope(self) -> EntityScope:
        if self.article_id is None:
            return "corpus"
        return "article" if self.start is None else "mention"


@dataclass(frozen=True, slots=True)
class Rejection(KeyedRecord):
    """A suggested attribution the annotator rejected, by the suggestion's stable `key`."""

    KEY = ("rejection", "article_id", "annotator", "key")
    article_id: str
    key: str
    annotator: str
    updated: str = ""


@dataclass(frozen=True, slots=True)
class StoryDecision(KeyedRecord):
    """The analyst's story for an article: it joins the story of article `joins`, or stands
    apart from every story (`joins` None). Decisions are applied in the order they were made
    (`annotations.stories.decisions`)."""

    KEY = ("story", "article_id", "annotator")
    article_id: str
    annotator: str
    joins: str | None
    updated: str = ""


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """Everything one annotator did on one article, as `Store.records()` yields it for export."""

    article_id: str
    annotator: str
    text_sha256: str | None
    status: Status
    created: str
    updated: str
    spans: tuple[Span, ...]
    relations: tuple[Relation, ...]
    attributions: tuple[Attribution, ...]
    claims: tuple[Claim, ...]
    story: StoryDecision | None = None


Record = (
    Span | Relation | Attribution | Claim | ArticleStatus | EntityDecision | Rejection
    | StoryDecision
)  # fmt: skip
R = TypeVar(
    "R", Span, Relation, Attribution, Claim, ArticleStatus, EntityDecision, Rejection, StoryDecision
)


def to_dict(record: Record) -> dict[str, Any]:
    """A JSON-ready dict of `record` (tuples become lists; attrs copied, not shared; a `local_id`
    only when there is one; an entity decision's scope fields only when it is narrower than
    every article)."""
    data = {name: getattr(record, name) for name in _field_names(type(record))}
    if isinstance(record, Span):
        quote = record.quote
        data["quote"] = {"prefix": quote.prefix, "exact": quote.exact, "suffix": quote.suffix}
        data["attrs"] = copy.deepcopy(record.attrs) if record.attrs else {}
    elif isinstance(record, Attribution):
        data["content"] = list(record.content)
    elif isinstance(record, EntityDecision):  # an every-article decision keeps its old layout
        data = {k: v for k, v in data.items() if v is not None or k == "label"}
    if data.get("local_id", "") is None:
        del data["local_id"]
    return data


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


@functools.cache
def _init_fields(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls) if f.init)


@functools.cache
def _required_fields(cls: type) -> frozenset[str]:
    return frozenset(
        f.name
        for f in fields(cls)
        if f.init and f.default is MISSING and f.default_factory is MISSING
    )


_QUOTE_FIELDS = frozenset({"prefix", "exact", "suffix"})


def check_loadable(cls: type, data: Any) -> None:
    """Raise what `from_dict(cls, data)` would (TypeError, ValueError), without building the
    record: a stored document is checked when read from disk and built on first use."""
    if not isinstance(data, dict):
        raise TypeError(f"a {cls.__name__} must be an object, not {type(data).__name__}")
    required = _required_fields(cls)
    if not data.keys() >= required:
        missing = sorted(required - data.keys())
        raise TypeError(f"{cls.__name__} {data.get('id')!r} lacks {missing}")
    if cls is Span:
        quote, attrs = data["quote"], data.get("attrs")
        if not isinstance(quote, dict) or quote.keys() != _QUOTE_FIELDS:
            raise TypeError(f"span {data.get('id')!r}: the quote is not prefix/exact/suffix")
        if attrs and not isinstance(attrs, dict):
            raise TypeError(f"span {data.get('id')!r}: attrs is not an object")
    elif cls is Attribution and not isinstance(data.get("content") or (), list | tuple):
        raise TypeError(f"attribution {data.get('id')!r}: content is not a list")
    elif issubclass(cls, KeyedRecord):
        key = cls.id_of(**data)  # fails as the record's own would on a bad key field
        if data.get("id", key) != key:
            raise ValueError(f"{cls.__name__} {data['id']}: the id is not the one its key gives")


def from_dict(cls: type[R], data: dict[str, Any]) -> R:
    """Build a `cls` from a dict made by `to_dict`, ignoring unknown keys.

    Raises ValueError when a keyed record's `id` is not the one its key gives.
    """
    known = _init_fields(cls)
    values = dict(data) if known.issuperset(data) else {k: v for k, v in data.items() if k in known}
    if cls is Span:
        values["quote"] = Quote(**values["quote"])
        values["attrs"] = dict(values.get("attrs") or {})
    elif cls is Attribution:
        values["content"] = tuple(values.get("content") or ())
    record = cls(**values)
    if isinstance(record, KeyedRecord) and data.get("id", record.id) != record.id:
        raise ValueError(f"{cls.__name__} {data['id']}: the id is not the one its key gives")
    return record
