"""Names of a tagged corpus the CRF is not trained on, as gazetteer lists the CRF weighs.

Learned from WikiFANE Gold at training time and shipped as `data/names.json`: features, never hard
matches (its classes do not follow ANERcorp's conventions, so its tags are not training labels).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from annotations.arabic import match_key
from annotations.entities.bio import bio_spans
from annotations.entities.training.conll import TYPES, Sentence


def learn_name_lexicon(
    sentences: Iterable[Sentence], min_count: int = 1, min_share: float = 0.5
) -> dict[str, list[str]]:
    """Gazetteer lists of words and multi-word names.

    A word seen `min_count` times in names, at least `min_share` of its occurrences, is listed
    under `B` or `I` (where in a name it stands most often) plus its type (`BPER`, `ILOC` ...);
    multi-word names are listed under their type.
    """
    counts: dict[str, Counter] = defaultdict(Counter)
    names: dict[str, set[str]] = {kind: set() for kind in TYPES}
    for sentence in sentences:
        keys = [match_key(token) for token in sentence.tokens]
        for key, tag in zip(keys, sentence.tags, strict=True):
            counts[key][tag if tag[2:] in TYPES else "O"] += 1
        for first, end, kind in bio_spans(sentence.tags):
            if kind in TYPES and end - first > 1:
                names[kind].add(" ".join(keys[first:end]))
    lists: dict[str, list[str]] = {kind: sorted(found) for kind, found in names.items()}
    for key, tags in counts.items():
        total = sum(tags.values())
        by_type = Counter()
        for tag, n in tags.items():
            if tag != "O":
                by_type[tag[2:]] += n
        if not by_type or len(key) < 2:
            continue
        kind, n = by_type.most_common(1)[0]
        if n >= min_count and n / total >= min_share:
            position = "B" if tags[f"B-{kind}"] >= tags[f"I-{kind}"] else "I"
            lists.setdefault(f"{position}{kind}", []).append(key)
    return {kind: sorted(keys) for kind, keys in lists.items()}
