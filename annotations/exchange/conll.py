"""CoNLL: one token per line with its BIO tag ("token tag"), a blank line after each sentence.

The form of the NER corpora in `../shared/eval` (ANERcorp, AQMAR), so a curated set trains a
tagger directly (`annotations.entities.training.conll.read_conll` reads it back). Tokens are
rawi's words plus each punctuation mark as a token of its own (as those corpora have "." and
"،"); a span tags every token it touches. BIO has one tag per token: of spans sharing a token,
the first (then the longest) is kept and the others are reported. A sentence break never cuts a
span: sentences a span crosses are written as one.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import IO

from annotations.exchange.native import NativeRecord
from annotations.exchange.tokens import TokenIndex

#: text -> (start, end) of its sentences, in order (`annotations.session.sentence_ranges`).
SentenceSplitter = Callable[[str], Sequence[tuple[int, int]]]


def bio_tags(record: NativeRecord, layer: str, index: TokenIndex) -> tuple[list[str], list[str]]:
    """The BIO tag of every token for the spans of `layer`, and the ids of the spans left out
    because they share a token with one kept."""
    tags = ["O"] * len(index.starts)
    placed = []
    for span in record["spans"]:
        if span["layer"] == layer:
            first, last = index.covering(span["start"], span["end"])
            if first is not None:
                placed.append((first, -last, span["label"], span["id"]))
    left_out = []
    taken = -1
    for first, negative_last, label, span_id in sorted(placed):
        if first <= taken:
            left_out.append(span_id)
            continue
        taken = -negative_last
        tags[first] = f"B-{label}"
        tags[first + 1 : taken + 1] = [f"I-{label}"] * (taken - first)
    return tags, left_out


def conll_text(
    record: NativeRecord, layer: str, sentences: SentenceSplitter
) -> tuple[str, int, list[str]]:
    """One record as CoNLL text: (text, sentences written, ids of spans left out)."""
    text = record["text"]
    index = TokenIndex.words_and_marks(text)
    tags, left_out = bio_tags(record, layer, index)
    breaks = [start for start, _ in sentences(text)][1:]
    lines: list[str] = []
    count = 0
    previous = None
    for start, end, tag in zip(index.starts, index.ends, tags, strict=True):
        sentence = bisect_right(breaks, start)
        if previous is not None and sentence != previous and not tag.startswith("I-"):
            lines.append("")
            count += 1
        previous = sentence
        lines.append(f"{text[start:end]} {tag}")
    if lines:
        lines.append("")
        count += 1
    return "".join(f"{line}\n" for line in lines), count, left_out


def write_conll(
    natives: Iterable[NativeRecord],
    layer: str,
    sentences: SentenceSplitter,
    out: IO[bytes],
    left_out: list[str],
) -> int:
    """Write every record as CoNLL to `out`; returns the number of sentences written and adds
    the ids of spans BIO could not hold to `left_out`."""
    count = 0
    for record in natives:
        text, written, overlapping = conll_text(record, layer, sentences)
        out.write(text.encode("utf-8"))
        count += written
        left_out.extend(overlapping)
    return count
