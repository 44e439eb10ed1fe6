"""Counting records, and grouping an article's records per annotator for export."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from annotations.model import ArticleRecord


def count_records(counts: Counter[str], table: str, records: Iterable[Any]) -> None:
    """Add records of `table` to `counts`: per table, and spans per label and orphans."""
    for record in records:
        counts[table] += 1
        if table == "spans":
            counts[record.label] += 1
            counts["orphans"] += record.orphan


def group_by_annotator(
    tables: Mapping[str, Iterable[Any]], annotator: str | None, since: str | None
) -> list[tuple[str, dict[str, list[Any]]]]:
    """An article's records per annotator, sorted; filtered by annotator and update time."""
    groups: dict[str, dict[str, list[Any]]] = {}
    for table, records in tables.items():
        for record in records:
            if annotator not in (None, record.annotator) or (since and record.updated < since):
                continue
            groups.setdefault(record.annotator, {t: [] for t in tables})[table].append(record)
    return sorted(groups.items())


def article_record(
    article_id: str,
    annotator: str,
    group: dict[str, list[Any]],
    layer: str | None,
    label: str | None,
) -> ArticleRecord | None:
    """The export record of one group, spans filtered by layer/label and links to kept spans."""
    spans = sorted(
        (s for s in group["spans"] if layer in (None, s.layer) and label in (None, s.label)),
        key=lambda s: (s.start, s.end, s.created, s.local_id or s.id),
    )
    kept = {s.id for s in spans}
    relations = [r for r in group["relations"] if r.head in kept and r.child in kept]
    attributions = [a for a in group["attributions"] if kept & {a.source, a.cue, *a.content}]
    claims = [c for c in group["claims"] if c.span in kept]
    status = group["status"][0] if group["status"] else None
    story = group["story_decisions"][0] if group["story_decisions"] else None
    everything = [*spans, *relations, *attributions, *claims, *group["status"]]
    everything += group["story_decisions"]
    bare = status is None and story is None
    if not (spans or relations or attributions or claims) and (layer or label or bare):
        return None
    stamps = [r.updated for r in everything]
    return ArticleRecord(
        article_id=article_id,
        annotator=annotator,
        text_sha256=spans[0].text_sha256 if spans else None,
        status=status.status if status else "todo",
        created=min((getattr(r, "created", r.updated) for r in everything), default=""),
        updated=max(stamps, default=""),
        spans=tuple(spans),
        relations=tuple(sorted(relations, key=_in_file_order)),
        attributions=tuple(sorted(attributions, key=_in_file_order)),
        claims=tuple(sorted(claims, key=_in_file_order)),
        story=story,
    )


def _in_file_order(record: Any) -> tuple[str, str]:
    """Creation time, then the id as exported (the file's own id for an imported record)."""
    return record.created, record.local_id or record.id
