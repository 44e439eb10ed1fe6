"""What a suggestion's confidence means: the share of suggestions found the same way that were
right on held-out news (`calibration.json`, written by `bench/calibrate_suggestions.py`).

A suggestion's evidence is its basis (what opened its content: a quotation, أن/إن, a colon, the
cue's preposition, a direct object ...), how its source was found (written next to the cue,
inherited from an earlier attribution, none) and whether its cue is weak (رأى، اعتبر ...). The
confidence of an evidence seen too rarely falls back to that of its basis and origin, then of its
basis, then to the overall precision (the calibration shrinks small counts towards them).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Literal

from annotations.attribution.suggestion import Suggestion

Basis = Literal[
    "quotation", "complementiser", "colon", "preposition", "object", "participle",
    "prepositional", "pronoun", "saying", "verbal_noun", "headline",
]
SourceOrigin = Literal["written", "inherited", "none"]
CALIBRATION = Path(__file__).with_name("calibration.json")
#: The threshold below which the reader hides suggestions by default: only what held-out news
#: found right less often than not (docs/attribution.md, reliability table).
DEFAULT_SUGGESTION_THRESHOLD = 0.5


def evidence(basis: Basis, origin: SourceOrigin, weak: bool) -> str:
    """The evidence key of a suggestion: `basis/origin/weak|strong`."""
    return f"{basis}/{origin}/{'weak' if weak else 'strong'}"


@cache
def _table() -> dict[str, float]:
    return json.loads(CALIBRATION.read_text(encoding="utf-8"))["confidence"]


def confidence(key: str) -> float:
    """The calibrated confidence of an evidence key, with its fallbacks."""
    table = _table()
    parts = key.split("/")
    for size in range(len(parts), 0, -1):
        value = table.get("/".join(parts[:size]))
        if value is not None:
            return value
    return table[""]


def shown(suggestions: Sequence[Suggestion], minimum: float) -> list[Suggestion]:
    """The suggestions whose confidence reaches `minimum`; `nested_in` then points at the
    nearest outer suggestion still shown (or None)."""
    kept = [index for index, s in enumerate(suggestions) if s.confidence >= minimum]
    position = {index: at for at, index in enumerate(kept)}
    result: list[Suggestion] = []
    for index in kept:
        outer = suggestions[index].nested_in
        while outer is not None and outer not in position:
            outer = suggestions[outer].nested_in
        nested_in = None if outer is None else position[outer]
        result.append(replace(suggestions[index], nested_in=nested_in))
    return result
