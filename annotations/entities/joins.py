"""Names written across a hyphen or a hashtag: «كيم جونغ-أون», «دونالد #ترمب».

Punctuation breaks a span everywhere else; these two marks sit inside names in news text.
"""

from __future__ import annotations

from dataclasses import replace

from annotations.entities.candidates import Candidate
from annotations.entities.words import Word


def _gap(text: str, words: list[Word], i: int) -> str:
    """The text between word i and word i + 1."""
    return text[words[i].token.end : words[i + 1].token.start]


def join_across_marks(text: str, words: list[Word], accepted: list[Candidate]) -> list[Candidate]:
    """Persons extended over «-» to a word no span holds (جونغ-أون), and two persons of one name
    merged over «#» (دونالد #ترمب)."""
    by_first = {c.first: c for c in accepted}
    used = {i for c in accepted for i in range(c.first, c.last)}
    joined: list[Candidate] = []
    merged: set[int] = set()
    for candidate in sorted(accepted, key=lambda c: c.first):
        if candidate.first in merged:
            continue
        last = candidate.last
        if candidate.label == "PER" and last < len(words):
            gap = _gap(text, words, last - 1)
            follower = by_first.get(last)
            if gap == "-" and last not in used:
                candidate = replace(candidate, last=last + 1)
            elif gap.strip() == "#" and follower and follower.label == "PER":
                candidate = replace(candidate, last=follower.last)
                merged.add(follower.first)
        joined.append(candidate)
    return joined
