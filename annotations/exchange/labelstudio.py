"""Label Studio tasks: one per article, one annotation per annotator.

Keeps: text and metadata under `data`, spans as `labels` results (rawi span ids as result ids),
relations and attributions (flattened into `attribution:source` / `attribution:content`) as
`relation` results, annotator and status under each annotation's `rawi` key, record timestamps.
Loses: span origin/attrs/timestamps, attribution type and nesting, claims (the CLAIM spans stay).
Offsets are code points, which Label Studio's text regions use since its emoji fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from annotations.exchange.links import relation_links
from annotations.exchange.native import NativeRecord

FROM_NAME = "label"
TO_NAME = "text"

#: A labelling config that fits the exported tasks (for Label Studio or its converter).
LABEL_CONFIG = """<View>
  <Labels name="label" toName="text">
    <Label value="PER"/><Label value="ORG"/><Label value="LOC"/><Label value="MISC"/>
    <Label value="SOURCE"/><Label value="CUE"/><Label value="CONTENT"/><Label value="CLAIM"/>
  </Labels>
  <Relations>
    <Relation value="attribution:source"/><Relation value="attribution:content"/>
  </Relations>
  <Text name="text" value="$text"/>
</View>
"""


def to_labelstudio(records: Sequence[NativeRecord], task_id: int) -> dict[str, Any]:
    """Task `task_id` from the native records of one article (one per annotator)."""
    first = records[0]
    return {
        "id": task_id,
        "data": {
            "text": first["text"],
            "article_id": first["article_id"],
            "text_sha256": first["text_sha256"],
            **first["meta"],
        },
        "annotations": [_annotation(n, record) for n, record in enumerate(records, 1)],
    }


def _annotation(number: int, record: NativeRecord) -> dict[str, Any]:
    regions: list[dict[str, Any]] = [
        {
            "id": span["id"],
            "from_name": FROM_NAME,
            "to_name": TO_NAME,
            "type": "labels",
            "value": {
                "start": span["start"],
                "end": span["end"],
                "text": span["text"],
                "labels": [span["label"]],
            },
        }
        for span in record["spans"]
    ]
    links = [
        {
            "from_id": head,
            "to_id": child,
            "type": "relation",
            "direction": "right",
            "labels": [label],
        }
        for head, child, label in relation_links(record)
    ]
    return {
        "id": number,
        "result": regions + links,
        "created_at": record["created"],
        "updated_at": record["updated"],
        "ground_truth": False,
        "rawi": {"annotator": record["annotator"], "status": record["status"]},
    }
