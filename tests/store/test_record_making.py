"""The record helpers an import calls per span, made cheap, give what they gave before: the
same derived ids (saved databases name their records by them), the same time format, the
span `anchor` gives and its document."""

from __future__ import annotations

import re
import uuid
from dataclasses import replace
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from annotations.corpus.article import Article
from annotations.model import Quote, Span, anchor, key_id, new_span, now, to_dict


@given(st.lists(st.text(st.characters(exclude_categories=["Cs"])), min_size=1, max_size=5))
def test_key_id_is_the_uuid5_ids_were_saved_under(parts: list[str]) -> None:
    name = "rawi:" + "\x1f".join(parts)
    assert key_id(*parts) == uuid.uuid5(uuid.NAMESPACE_URL, name).hex


def test_now_is_utc_iso_with_microseconds_and_current() -> None:
    before = datetime.now(UTC)
    stamp = now()
    after = datetime.now(UTC)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", stamp)
    parsed = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    assert before.replace(microsecond=0) <= parsed <= after


def test_new_span_is_the_anchored_span_and_its_document_copies_attrs(article: Article) -> None:
    attrs = {"stance": {"nested": ["x"]}}
    span = new_span(
        article, "entity", "PER", 4, 9, annotator="mona", attrs=attrs, id="a1", local_id="s1"
    )
    blank = Span(
        "a1", "", "entity", "PER", 4, 9, "", Quote("", "", ""), "", "mona",
        attrs=attrs, created=span.created, updated=span.updated, local_id="s1",
    )  # fmt: skip
    assert span == anchor(blank, article)
    document = to_dict(span)
    assert list(document) == [*Span.__dataclass_fields__]
    assert document["attrs"] == attrs and document["attrs"]["stance"] is not attrs["stance"]
    assert "local_id" not in to_dict(replace(span, local_id=None))
