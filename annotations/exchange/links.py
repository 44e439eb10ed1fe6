"""Attributions flattened into binary links, for formats that only know pairwise relations,
and rebuilt from such links on import.

An attribution with a cue becomes `cue -> source` ("attribution:source") and `cue -> content`
("attribution:content") links; without a cue, `source -> content` links. Its type and
`nested_in` are lost on the way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from annotations.model import key_id

SOURCE_LINK = "attribution:source"
CONTENT_LINK = "attribution:content"
ATTRIBUTION_LINKS = (SOURCE_LINK, CONTENT_LINK)


def relation_links(record: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(head span id, child span id, label) of every relation, then of every attribution."""
    for relation in record["relations"]:
        yield relation["head"], relation["child"], relation["label"]
    for attribution in record["attributions"]:
        yield from attribution_links(attribution)


def attribution_links(attribution: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """The binary links standing for one native attribution."""
    cue, source = attribution["cue"], attribution["source"]
    if cue is not None and source is not None:
        yield cue, source, SOURCE_LINK
    hub = cue if cue is not None else source
    if hub is not None:
        for content in attribution["content"]:
            yield hub, content, CONTENT_LINK


def rebuild_attributions(
    links: Iterable[tuple[str, str, str]],
    spans: Iterable[dict[str, Any]],
    article_id: str,
    annotator: str,
) -> list[dict[str, Any]]:
    """Native attributions from attribution links between the native `spans` of one line.

    Links are grouped by their hub (the cue, or the source when there is no cue); ids are derived
    from the article, the annotator and the hub so that importing twice adds nothing.
    """
    labels = {span["id"]: span["label"] for span in spans}
    owner = f"{article_id}\x1f{annotator}"
    groups: dict[str, dict[str, Any]] = {}
    for head, child, label in links:
        group = groups.setdefault(head, {"source": None, "content": []})
        if label == SOURCE_LINK:
            group["source"] = child
        else:
            group["content"].append(child)
    attributions = []
    for hub, group in groups.items():
        is_cue = labels.get(hub) == "CUE"
        attributions.append(
            {
                "id": key_id("attribution", owner, hub),
                "source": group["source"] if is_cue else hub,
                "cue": hub if is_cue else None,
                "content": group["content"],
                "type": "assertion",
                "nested_in": None,
            }
        )
    return attributions
