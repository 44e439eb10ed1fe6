"""W3C Web Annotation (JSON-LD), one annotation per line.

Keeps: every span as a `tagging` annotation whose target has a TextQuoteSelector and a
TextPositionSelector (code points, as the model requires) on `urn:rawi:article:<id>`; relations
as `linking` annotations (targets head then child); attributions as `linking` annotations with
`rawi:source` / `rawi:cue` / `rawi:content` roles and their type as a `classifying` body; claims
as `assessing` annotations with flags as `classifying` bodies, verdict as `assessing` and note
as `commenting` bodies. Creator, created and modified on each. Loses: span origin and attrs,
status, token indices, a claim's link to its attribution.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from annotations.exchange.native import NativeRecord

CONTEXT = ["http://www.w3.org/ns/anno.jsonld", {"rawi": "urn:rawi:terms#"}]
FLAG_TAGS = {"verifiable": "verifiable", "check_worthy": "check-worthy", "harmful": "harmful"}


def annotation_iri(record_id: str) -> str:
    return f"urn:rawi:annotation:{record_id}"


def to_w3c(record: NativeRecord) -> Iterator[dict[str, Any]]:
    """The Web Annotations of one native record: spans, relations, attributions, claims."""
    creator = {"type": "Person", "nickname": record["annotator"]}
    source = f"urn:rawi:article:{record['article_id']}"
    for span in record["spans"]:
        quote = span["quote"]
        yield _annotation(
            span,
            creator,
            "tagging",
            _body(span["label"], "tagging"),
            {
                "source": source,
                "selector": [
                    {"type": "TextQuoteSelector", **quote},
                    {"type": "TextPositionSelector", "start": span["start"], "end": span["end"]},
                ],
            },
        )
    for relation in record["relations"]:
        targets = [annotation_iri(relation["head"]), annotation_iri(relation["child"])]
        yield _annotation(
            relation, creator, "linking", _body(relation["label"], "tagging"), targets
        )
    for attribution in record["attributions"]:
        yield _attribution(attribution, creator)
    for claim in record["claims"]:
        yield _claim(claim, creator)


def _attribution(attribution: dict[str, Any], creator: dict[str, Any]) -> dict[str, Any]:
    source = attribution["source"] and annotation_iri(attribution["source"])
    cue = attribution["cue"] and annotation_iri(attribution["cue"])
    content = [annotation_iri(c) for c in attribution["content"]]
    targets = [t for t in (source, cue) if t] + content
    annotation = _annotation(
        attribution,
        creator,
        "linking",
        [_body("attribution", "tagging"), _body(attribution["type"], "classifying")],
        targets,
    )
    roles = {"rawi:source": source, "rawi:cue": cue, "rawi:content": content}
    annotation.update({k: v for k, v in roles.items() if v})
    if attribution["nested_in"]:
        annotation["rawi:nestedIn"] = annotation_iri(attribution["nested_in"])
    return annotation


def _claim(claim: dict[str, Any], creator: dict[str, Any]) -> dict[str, Any]:
    bodies = [
        _body(name if claim[key] else f"not-{name}", "classifying")
        for key, name in FLAG_TAGS.items()
        if claim[key] is not None
    ]
    if claim["topic"]:
        bodies.append(_body(claim["topic"], "classifying"))
    if claim["verdict"]:
        bodies.append(_body(claim["verdict"], "assessing"))
    if claim["note"]:
        bodies.append(_body(claim["note"], "commenting"))
    return _annotation(claim, creator, "assessing", bodies, annotation_iri(claim["span"]))


def _annotation(
    item: dict[str, Any], creator: dict[str, Any], motivation: str, body: Any, target: Any
) -> dict[str, Any]:
    annotation: dict[str, Any] = {
        "@context": CONTEXT,
        "id": annotation_iri(item["id"]),
        "type": "Annotation",
        "motivation": motivation,
        "creator": creator,
    }
    for key, stamp in (("created", item["created"]), ("modified", item["updated"])):
        if stamp:
            annotation[key] = stamp
    if body:
        annotation["body"] = body
    annotation["target"] = target
    return annotation


def _body(value: str, purpose: str) -> dict[str, str]:
    return {"type": "TextualBody", "purpose": purpose, "value": value}
