"""What each field of a span, relation, attribution or claim must be, as the native schema says.

The importer checks every line with `field_problem`; `rawi doctor` and the export check what is
already stored with `stored_problem`, so a malformed record is reported, never a crash.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from annotations.model import (
    ATTRIBUTION_TYPES,
    CLAIM_FLAGS,
    LABELS,
    LAYERS,
    ORIGINS,
)

MAX_ID_LENGTH = 200
MAX_ATTRS_DEPTH = 8
#: UTC time, ISO 8601 with a Z (empty when unknown).
STAMP = re.compile(r"^$|^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")

Check = Callable[[Any], bool]
_ABSENT = object()


def is_id(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_ID_LENGTH


def _optional(check: Check) -> Check:
    return lambda value: value is None or check(value)


def _one_of(choices: tuple[Any, ...]) -> Check:
    return lambda value: isinstance(value, str) and value in choices


def _offset(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _stamp(value: Any) -> bool:
    return isinstance(value, str) and STAMP.match(value) is not None


def _ids(value: Any) -> bool:
    return isinstance(value, list | tuple) and all(is_id(v) for v in value)


def _depth(value: Any) -> int:
    """How deep `value` nests (a scalar is 0); stops counting past the limit."""
    if isinstance(value, dict | list):
        items = value.values() if isinstance(value, dict) else value
        return 1 + max((min(_depth(v), MAX_ATTRS_DEPTH + 1) for v in items), default=0)
    return 0


def _attrs(value: Any) -> bool:
    return isinstance(value, dict) and _depth(value) <= MAX_ATTRS_DEPTH


def _quote(value: Any) -> bool:
    parts = ("prefix", "exact", "suffix")
    return (
        isinstance(value, dict)
        and set(value) == set(parts)
        and all(isinstance(value[p], str) for p in parts)
    )


_STAMPS: dict[str, Check] = {"created": _stamp, "updated": _stamp}
_note = _optional(lambda value: isinstance(value, str))

#: Per table: each field and what its value must be.
FIELDS: dict[str, dict[str, Check]] = {
    "spans": {
        "id": is_id,
        "layer": _one_of(tuple(LAYERS)),
        "label": _one_of(LABELS),
        "start": _offset,
        "end": _offset,
        "text": lambda value: isinstance(value, str),
        "token_start": _optional(_offset),
        "token_end": _optional(_offset),
        "quote": _quote,
        "origin": _one_of(ORIGINS),
        "attrs": _attrs,
        **_STAMPS,
    },
    "relations": {"id": is_id, "head": is_id, "child": is_id, "label": is_id, **_STAMPS},
    "attributions": {
        "id": is_id,
        "source": _optional(is_id),
        "cue": _optional(is_id),
        "content": _ids,
        "type": _one_of(ATTRIBUTION_TYPES),
        "nested_in": _optional(is_id),
        **_STAMPS,
    },
    "claims": {
        "id": is_id,
        "span": is_id,
        "attribution": _optional(is_id),
        **{flag: _optional(lambda value: isinstance(value, bool)) for flag in CLAIM_FLAGS},
        "topic": _note,
        "verdict": _note,
        "note": _note,
        **_STAMPS,
    },
}
#: What a field must be, said in the error message.
EXPECTED = {
    "id": f"a non-empty string of at most {MAX_ID_LENGTH} characters",
    "start": "a non-negative integer",
    "end": "a non-negative integer",
    "token_start": "a non-negative integer or null",
    "token_end": "a non-negative integer or null",
    "content": "a list of ids",
    "attrs": f"a JSON object nested at most {MAX_ATTRS_DEPTH} deep",
    "quote": "an object of strings prefix, exact, suffix",
    "created": "an ISO 8601 UTC time string ending in Z, e.g. 2026-11-23T20:00:00Z",
    "updated": "an ISO 8601 UTC time string ending in Z, e.g. 2026-11-23T20:00:00Z",
    "layer": f"one of {', '.join(LAYERS)}",
    "label": f"one of {', '.join(LABELS)}",
    "origin": f"one of {', '.join(ORIGINS)}",
    "type": f"one of {', '.join(ATTRIBUTION_TYPES)}",
    **{flag: "true, false or null" for flag in CLAIM_FLAGS},
    **{name: "a string or null" for name in ("topic", "verdict", "note")},
    **{name: "an id or null" for name in ("source", "cue", "nested_in", "attribution")},
}
#: Fields a stored record has beyond the native ones.
STORED_FIELDS: dict[str, Check] = {
    "article_id": lambda value: isinstance(value, str) and value != "",
    "annotator": is_id,
    "text_sha256": lambda value: isinstance(value, str),
    "orphan": lambda value: isinstance(value, bool),
    "local_id": _optional(is_id),
}


def field_problem(
    table: str, item: dict[str, Any], extra: dict[str, Check] | None = None
) -> str | None:
    """Why `item` (a native span, relation, attribution or claim) is malformed, or None.

    Fields not in the schema (nor in `extra`) are refused too."""
    checks = FIELDS[table] if extra is None else {**FIELDS[table], **extra}
    for name, value in item.items():
        check = checks.get(name)
        if check is None:
            return f"unknown field {name!r}"
        if not check(value):
            return f"`{name}` must be {EXPECTED.get(name, 'a non-empty string')}"
    return None


def stored_problem(table: str, record: Any) -> str | None:
    """Why a stored record is malformed (a field of the wrong type), or None.

    Read off the record's attributes (no copy), so that the export can afford it per record."""
    checks = FIELDS.get(table)
    if checks is None:
        return None
    for name, check in (*STORED_FIELDS.items(), *checks.items()):
        value = getattr(record, name, _ABSENT)
        if value is _ABSENT:
            continue
        if name == "quote":
            value = {p: getattr(value, p, None) for p in ("prefix", "exact", "suffix")}
        if not check(value):
            return f"`{name}` must be {EXPECTED.get(name, 'a non-empty string')}"
    return None


def well_formed(table: str, records: Iterable[Any], malformed: list[str]) -> Iterator[Any]:
    """`records` of `table` without the malformed ones, each noted in `malformed`."""
    for record in records:
        problem = stored_problem(table, record)
        if problem is None:
            yield record
        else:
            malformed.append(f"{table[:-1]} {getattr(record, 'id', '?')}: {problem}")
