"""Sources: their type from the words (and entities) they hold, and their links to entities."""

from __future__ import annotations

from collections.abc import Sequence

from annotations.attribution import lexicon_data as data
from annotations.attribution.keyed_words import quote_marks
from annotations.attribution.lexicon import key_set, without_proclitic
from annotations.attribution.segments import QUOTE_MARKS
from annotations.attribution.suggestion import EntityLink, Source, SourceType

_TYPED_HEADS: tuple[tuple[frozenset[str], SourceType], ...] = (
    (key_set(data.ANONYMOUS_HEADS), "anonymous"),
    (key_set(data.DOCUMENT_HEADS), "document"),
    (key_set(data.MEDIA_HEADS), "media"),
    (key_set((*data.ORGANISATION_HEADS, *data.STATE_NAMES)), "organisation"),
    (key_set(data.ROLE_HEADS), "official_role"),
)
ROLE_KEYS = key_set(data.ROLE_HEADS)
_ENTITY_TYPES: dict[str, SourceType] = {"PER": "named_person", "ORG": "organisation"}


def source_type(keys: Sequence[str], entities: Sequence[EntityLink]) -> SourceType:
    """The type of a source whose token keys are `keys` and which holds `entities`."""
    head = keys[0]
    forms = {head, without_proclitic(head), head[1:] if head[:1] in "لب" else None}
    typed = next((kind for heads, kind in _TYPED_HEADS if forms & heads), None)
    labels = {entity.label for entity in entities}
    if typed == "official_role" and ("PER" in labels or _has_apposition(keys)):
        return "named_person"
    if typed:
        return typed
    labelled = (_ENTITY_TYPES[e.label] for e in entities if e.label in _ENTITY_TYPES)
    return next(labelled, "named_person")


def _has_apposition(keys: Sequence[str]) -> bool:
    """Whether a role is followed by a name (a last word without the article: المتحدث ... راضي)."""
    return len(keys) > 1 and not keys[-1].startswith("ال") and keys[-1] not in ROLE_KEYS


def make_source(
    text: str,
    start: int,
    end: int,
    keys: Sequence[str],
    entities: Sequence[EntityLink],
) -> Source:
    """A source over `text[start:end]`, widened to whole entities and to a closing quote mark."""
    for entity in entities:
        if entity.start < end and entity.end > start:
            start, end = min(start, entity.start), max(end, entity.end)
    if end < len(text) and text[end] in QUOTE_MARKS and quote_marks(text[start:end]) % 2:
        end += 1
    inside = tuple(e for e in entities if start <= e.start and e.end <= end)
    return Source(start, end, text[start:end], source_type(keys, inside), inside)
