"""brat standoff: a `.txt` (the canonical text) and a `.ann` per native record.

Keeps: spans as `T` lines (a span crossing a line break is split into fragments there), relations
as `R` lines, attributions with a cue as `E` events (trigger the CUE, arguments `Source` and
`Content`, `Content2`, ...) with their type as an `A` attribute, attributions without a cue as
`Source` relations, claim flags, topic and verdict as `A` attributes and the claim note as an
`AnnotatorNotes` comment. Loses: rawi ids, span origin/attrs/timestamps, `nested_in`, a claim's
link to its attribution, and spaces inside topic/verdict values (turned into `_`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from annotations.exchange.native import NativeRecord
from annotations.model import ATTRIBUTION_TYPES, LAYERS

FLAG_ATTRIBUTES = {"verifiable": "Verifiable", "check_worthy": "CheckWorthy", "harmful": "Harmful"}
CLAIM_NOTES = ("topic", "verdict", "note")


def brat_name(value: str) -> str:
    """A brat type or attribute value: no whitespace or punctuation other than `-` and `_`."""
    return re.sub(r"[^\w-]", "_", value) or "_"


def to_brat(record: NativeRecord) -> tuple[str, str]:
    """(.txt content, .ann content) of one native record."""
    text = record["text"]
    lines: list[str] = []
    tid: dict[str, str] = {}
    for n, span in enumerate(record["spans"], 1):
        tid[span["id"]] = f"T{n}"
        fragments = _fragments(text, span["start"], span["end"])
        places = ";".join(f"{a} {b}" for a, b in fragments)
        shown = " ".join(text[a:b] for a, b in fragments)
        lines.append(f"T{n}\t{span['label']} {places}\t{shown}")
    counters = {"R": 0, "E": 0, "A": 0, "#": 0}

    def add(kind: str, body: str) -> str:
        counters[kind] += 1
        lines.append(f"{kind}{counters[kind]}\t{body}")
        return f"{kind}{counters[kind]}"

    for relation in record["relations"]:
        add(
            "R",
            f"{brat_name(relation['label'])} Arg1:{tid[relation['head']]} "
            f"Arg2:{tid[relation['child']]}",
        )
    for attribution in record["attributions"]:
        _attribution(attribution, tid, add)
    for claim in record["claims"]:
        _claim(claim, tid[claim["span"]], add)
    return text, "".join(line + "\n" for line in lines)


def annotation_conf(relation_labels: Iterable[str]) -> str:
    """brat's `annotation.conf` for rawi's labels and the relation labels seen in the export."""
    entities = [*LAYERS["entity"], "SOURCE", "CONTENT", "CLAIM"]
    relations = [
        f"{brat_name(label)}\tArg1:<ENTITY>, Arg2:<ENTITY>"
        for label in sorted(set(relation_labels))
    ]
    return "\n".join(
        [
            "[entities]",
            *entities,
            "",
            "[relations]",
            "Source\tArg1:SOURCE, Arg2:CONTENT",
            *relations,
            "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
            "",
            "[events]",
            "CUE\tSource?:SOURCE, Content*:CONTENT",
            "",
            "[attributes]",
            f"AttributionType\tArg:CUE, Value:{'|'.join(ATTRIBUTION_TYPES)}",
            *(f"{name}\tArg:CLAIM, Value:yes|no" for name in FLAG_ATTRIBUTES.values()),
            "",
        ]
    )


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut at line breaks, empty pieces dropped."""
    fragments, position = [], start
    for piece in text[start:end].split("\n"):
        if piece:
            fragments.append((position, position + len(piece)))
        position += len(piece) + 1
    return fragments


def _attribution(attribution: dict[str, Any], tid: dict[str, str], add: Any) -> None:
    source, cue, content = attribution["source"], attribution["cue"], attribution["content"]
    if cue is None:
        for part in content if source is not None else ():
            add("R", f"Source Arg1:{tid[source]} Arg2:{tid[part]}")
        return
    arguments = [f"CUE:{tid[cue]}"]
    if source is not None:
        arguments.append(f"Source:{tid[source]}")
    arguments += [f"Content{n if n > 1 else ''}:{tid[c]}" for n, c in enumerate(content, 1)]
    event = add("E", " ".join(arguments))
    add("A", f"AttributionType {event} {attribution['type']}")


def _claim(claim: dict[str, Any], target: str, add: Any) -> None:
    for key, name in FLAG_ATTRIBUTES.items():
        if claim[key] is not None:
            add("A", f"{name} {target} {'yes' if claim[key] else 'no'}")
    notes = [f"{key}: {' '.join(claim[key].split())}" for key in CLAIM_NOTES if claim[key]]
    if notes:
        add("#", f"AnnotatorNotes {target}\t{'; '.join(notes)}")
